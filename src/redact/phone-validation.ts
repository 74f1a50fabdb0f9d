// The part of phone redaction that needs libphonenumber-js and its metadata (a third of the
// capture side's bundle). It is a bundle of its own (dist/phone-validation.js) that phones.ts
// loads when a text first holds a phone-shaped number, so most sessions never load it.
export { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

// Phone words the core's list lacks, looked for only when a line's start before a number holds a
// letter past ASCII or one of a few ASCII stems (phones.ts's MORE_CUE_GATE): `Kontakt:`,
// `Mobilnummer`, `Tfn`, `Fone`, `Telf.`, `Tél.`, `Утас`, `मोबाइल`, `手機`, `ስልክ` …
export const MORE_CUE =
  /(?<![A-Za-z])(?:kontakt?|(?:mobil|handy|telefoon|tel)nummer|mobiel|mobitel|natel|telp|telf|fone|mob|ph[.:]|simu|cep|cel[.:]|hp[.:]|wa[.:]|sdt)(?![A-Za-z])|tél|утас|дугаар утас|мобил|मोबाइल|दूरभाष|ফোন|মোবাইল|தொலைபேசி|கைபேசி|அலைபேசி|ఫోన్|మొబైల్|ಫೋನ್|ಮೊಬೈಲ್|ഫോൺ|മൊബൈൽ|ફોન|મોબાઇલ|ਫ਼ੋਨ|ਫੋਨ|ਮੋਬਾਈਲ|ମୋବାଇଲ|ଫୋନ|දුරකථන|ජංගම|موبائل|فون|موبايل|محمول|همراه|شماره تماس|טל['׳]|ስልክ|Հեռախոս|ტელ|手機|聯絡|联系|핸드폰|ໂທ|ទូរស័ព្ទ|ဖုန်း|điện thoại|đt|di động|sđt/i;

// Toll-free ranges, by country calling code: the national number's start (its trunk `0` left off).
const TOLL_FREE: Readonly<Record<string, readonly string[]>> = {
  '1': ['800', '833', '844', '855', '866', '877', '888'],
  '7': ['800'],
  '27': ['800'],
  '30': ['800'],
  '31': ['800'],
  '32': ['800'],
  '33': ['800', '801', '802', '803', '804', '805'],
  '34': ['800', '900'],
  '39': ['800', '803'],
  '41': ['800'],
  '43': ['800'],
  '44': ['800', '808'],
  '45': ['80'],
  '46': ['20'],
  '47': ['800'],
  '48': ['800'],
  '49': ['800'],
  '52': ['800'],
  '55': ['800'],
  '61': ['1800', '1300', '13'],
  '64': ['800', '508'],
  '65': ['800', '1800'],
  '81': ['120', '800'],
  '82': ['80'],
  '86': ['400', '800'],
  '91': ['1800'],
  '351': ['800'],
  '353': ['1800', '1850'],
  '358': ['800'],
  '380': ['800'],
  '852': ['800'],
  '966': ['800'],
  '971': ['800'],
  '972': ['1800', '1700'],
};
/** Whether a number (its country calling code, its national number) is in a toll-free range. */
export const tollFree = (code: string, national: string): boolean => TOLL_FREE[code]?.some((p) => national.startsWith(p)) === true;
