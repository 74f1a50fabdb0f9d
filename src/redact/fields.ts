// Personal names and postal addresses in the fields of records: `"first_name": "Anneke"`,
// `name: Kenji Watanabe` beside an email address, `street: Lindenstraße 42`, a CSV or INSERT column
// named for them. A name or an address has no shape of its own, so it is read only where a key
// says what the value is, and the value must look like one: capitalised words for a name (no
// digits), a number beside words for a street. A key as plain as `name` or `address` counts only
// in a record that holds other personal data (an email, a phone number, …) close by; a `name:`
// in a CI workflow or a package manifest stays.
import type { Finding } from './text';

/** Keys that always name a person's name. */
const PERSON_KEY = new RegExp(
  '^(?:' +
    [
      '(?:full|first|last|middle|given|family|maiden|legal|real|customer|client|contact|patient|employee|holder|card[ _-]?holder|account[ _-]?holder|recipient|billing|shipping|sender|guest|member|applicant|student|passenger|travell?er|beneficiary|insured|emergency[ _-]?contact)[ _-]?names?',
      'emergency[ _-]?contact',
      // A traveller as a manifest's column names them (`Passenger`, `Traveller`).
      'passenger',
      'travell?er',
      // The name's part after it, as SAP's records and some schemas write it (`name_first`, `name_last`).
      'name[ _-]?(?:first|last|middle|given|family|full)',
      // Who called or asked, as service desks' tickets label them (`Caller: Naledi Mokoena`).
      'caller',
      'request[eo]r',
      'name[ _-]?on[ _-]?card',
      'embossed[ _-]?name',
      'kontoinhaber',
      'sukunimi',
      'etunimet?',
      'soyad[ıi]?',
      'card[ _-]?holder',
      'account[ _-]?holder',
      'firstname',
      'lastname',
      'surname',
      'given[ _-]?names?',
      'family[ _-]?names?',
      'display[ _-]?name',
      'forename',
      // A patronymic as Slavic and Icelandic forms ask for it.
      'patronymic',
      'nombre[ _-]?completo',
      'apellidos?',
      'pr[eé]nom',
      'nom[ _-]de[ _-]famille',
      'vorname',
      'nachname',
      'familienname',
      'efternamn',
      'f[oö]rnamn',
      'fornavn',
      'etternavn',
      'cognome',
      'nome[ _-]?completo',
      'imi[eę]',
      'nazwisko',
      'voornaam',
      'achternaam',
      'фио',
      'ф\\.?и\\.?о\\.?',
      'фамилия',
      'отчество',
      'прізвище',
      'επώνυμο',
      'ονοματεπώνυμο',
      // Tables' and forms' headers in other scripts.
      'име[ _-]и[ _-]фамилия',
      'имя[ _-]и[ _-]фамилия',
      'прізвище',
      '氏名(?:カナ|ローマ字)?',
      'お名前',
      'フリガナ',
      'ふりがな',
      '中文姓名',
      '英文姓名',
      '姓名',
      '성명',
      'שם[ _-]מלא',
      'שם[ _-]פרטי',
      'שם[ _-]משפחה',
      'الاسم[ _-]الكامل',
      'ชื่อ(?:-นามสกุล|[ _-]นามสกุล)',
      'นามสกุล',
    ].join('|') +
    ')$',
  'i',
);
/** A person's entity before a key, camel-cased or separated (`customerStreet`, `patient_address`, `home-address`). */
const ENTITY_PREFIX =
  /^(?:customer|client|patient|employee|member|contact|person|owner|holder|passenger|guest|applicant|student|recipient|sender|buyer|tenant|user)(?:[_-]([a-z][\w-]*)|([A-Z][\w-]*))$/;
/** Keys that name a person only among other personal data. */
const PLAIN_NAME_KEY =
  /^(?:name|nom|nombre|namn|naam|nome|navn|nimi|isim|nama|owner|contact|holder|имя|име|ім'я|όνομα|名前|이름|الاسم|ชื่อ|नाम)$/i;
/** The parts of a name as FHIR writes them (`"family": "Dreßler", "given": ["Jörg"]`): one word will do, among other personal data. */
const PLAIN_PART_KEY = /^(?:given|family|first|last)$/i;
/** Keys that always name a postal address line. */
const ADDRESS_KEY =
  /^(?:address[ _-]?street|(?:street|postal|mailing|home|billing|shipping|delivery|residential)[ _-]?address(?:[ _-]?(?:line)?[ _-]?[12])?|(?:ship|bill|deliver|mail)[ _-]?to(?:[ _-]?address)?|(?:mailing|billing|shipping|home|other|delivery)?[ _-]?street(?:[ _-]?(?:line|name))?(?:[ _-]?[12])?|strtnm|adrline|address[ _-]?(?:line)?[ _-]?[12]|addr[ _-]?(?:line)?[ _-]?[12]|stra(?:ss|ß)e|calle|direcci[oó]n|indirizzo|adresse|adres[ai]?|endere[cç]o|ulica|alamat|anschrift|osoite|morada|domicilio|dia[ _-]?chi|住所|住址)$/i;
/** Keys that name an address only among other personal data. */
const PLAIN_ADDRESS_KEY =
  /^(?:address|addr|line1|line_1|gate|gateadresse|gatuadress|katuosoite|straat|straatnaam|adresse|ulica|地址|주소|адрес|адреса|διεύθυνση|כתובת|العنوان|ที่อยู่|पता)$/i;
/** Keys of a postcode: read only among other personal data (a town's postcode alone says little). */
const POSTCODE_KEY =
  /^(?:(?:home|billing|shipping|delivery|mailing)?[ _-]?(?:post[ _-]?code|postal[ _-]?code|postcode|zip(?:[ _-]?code)?|postalCode|zipCode)|plz|eircode|postleitzahl|postnummer|postinumero|cep|cp|pstcd|c[oó]digo[ _-]postal|code[ _-]postal|kod[ _-]pocztowy|irsz|ir[aá]ny[ií]t[oó]sz[aá]m|郵便番号|우편번호|邮编|邮政编码)$/i;
/** Keys of a town: a postcode beside it makes it a postal line (`city: "50672 Köln"`, `"Bengaluru 560048"`). */
const CITY_KEY = /^(?:city|town|ciudad|ville|stadt|cidade|citt[aà]|miasto|kaupunki)$/i;
/** A postal line: a postcode and a town, either way round. */
const POSTAL_LINE =
  /^(?:(?:\d{4,6}|\d{3} \d{2}|\d{2}-\d{3}|\d{5}-\d{3}|[1-9]\d{3} ?[A-Z]{2})[ \t]+\p{Lu}[\p{L}'’. -]{1,40}|\p{Lu}[\p{L}'’. -]{1,40}?,?[ \t]+(?:\d{5,6}|\d{3} \d{2}|\d{2}-\d{3}))$/u;
/** A postcode fine enough to point at a few houses: British, Canadian, Dutch, Irish. */
export const POSTCODE_FINE =
  /^(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|[1-9]\d{3} ?[A-Z]{2}|[AC-FHKNPRTV-Y]\d[0-9W] ?[0-9AC-FHKNPRTV-Y]{4})$/;
/** A town (and its district) before a fine postcode: `Dublin 6, D06 F2K7`. */
const townBeforeFinePostcode = (v: string): boolean => {
  const m = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)?(?: \d{1,2})?,? (.+)$/u.exec(v);
  return m !== null && POSTCODE_FINE.test(m[1]);
};
/** A coarser postcode (`10115`, `150-0002`, `00-514`, `1066`), taken beside a person's name or street. */
export const POSTCODE_COARSE =
  /^(?:\d{5}(?:-\d{4})?|\d{4}|\d{6,7}|\d{3}-\d{4}|\d{5}-\d{3}|\d{4}-\d{3}|\d{2}-\d{3}|\d{3} \d{2}|[A-Z]{1,2}-\d{4,5})$/;
/** Keys of other personal data: a record holding one of them is a person's. */
const PERSONAL_KEY =
  /^(?:e[ _-]?mail(?:[ _-]?address)?|mail|phone(?:[ _-]?number)?|mobile|tel(?:ephone)?(?:[ _-]?number)?|telefon[oe]?|t[ée]l[ée]phone|handy|cell|dob|date[ _-]?of[ _-]?birth|birth[ _-]?date|birthday|ssn|postcode|post[ _-]?code|zip(?:[ _-]?code)?|plz|cp|eircode|city|ciudad|ville|stadt|country)$/i;

const PARTICLE =
  /^(?:de|da|do|dos|das|del|della|di|du|la|le|van|von|der|den|ten|ter|te|'t|’t|bin|binti|bint|ibn|al|el|y|e|zu|af|ap|mac|nic|ní|ó|ua)$/;
const WORD = /^\p{Lu}[\p{Ll}\p{Lu}'’-]*\.?$/u; // an initial's full stop only at the end
// Words that make a value a title, a label or a setting rather than a name.
const NOT_NAME =
  /^(?:the|and|or|of|for|with|to|in|on|at|by|new|test|tests|build|run|deploy|install|setup|set|up|update|check|checkout|lint|release|publish|default|main|master|node|app|application|service|server|client|project|team|group|admin|administrator|user|users|guest|unknown|none|null|true|false|yes|no|example|sample|demo|john|jane|inc|ltd|llc|gmbh|corp|corporation|plc|limited|company)$/i;

/** A person's name: one to five capitalised words (particles between), no digits, 2–60 characters. */
export function looksLikeName(v: string, minWords: number, capitals = false): boolean {
  if (v.length < 2 || v.length > 60 || /[\d@/\\_{}[\]<>$%&*#=|:;!?]/.test(v)) return false;
  if (SCRIPT_NAME.test(v)) return scriptName(v, minWords);
  // (The family name first, then a comma: `Mbeki, Lindiwe`.)
  const words = v
    .trim()
    .replace(/^([^,\s]+(?:\s[^,\s]+)?),\s+(?=[^,]+$)/, '$1 ')
    .split(/\s+/);
  if (words.length < minWords || words.length > 5) return false;
  let capitalised = 0;
  for (const w of words) {
    if (PARTICLE.test(w)) continue;
    if (!WORD.test(w) || NOT_NAME.test(w)) return false;
    // An acronym or shouting (`API`, `GROUP ONE`) is no name; `McDonald`, `O'Brien`, `Jean-Luc` are.
    // (`capitals`: under a key that names a name, `FERNANDEZ` as machine-readable zones write it.)
    if (w.length > 1 && w === w.toUpperCase() && !capitals) return false;
    // (An acronym of two letters beside words not in capitals is no name's part: `QA Bot`.)
    if (w.length === 2 && w === w.toUpperCase() && words.some((x) => x !== x.toUpperCase())) return false;
    capitalised++;
  }
  return capitalised >= minWords;
}

// A name written in a script without capitals: Han, kana and Hangul (`이서연`, `田中 由紀`), or
// words of Arabic, Hebrew, Thai, Devanagari and other Indic scripts, Georgian, Armenian, Ethiopic.
const SCRIPT_NAME =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Gujarati}\p{Script=Gurmukhi}\p{Script=Georgian}\p{Script=Armenian}\p{Script=Ethiopic}\p{M}]+(?:[ ・·][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Gujarati}\p{Script=Gurmukhi}\p{Script=Georgian}\p{Script=Armenian}\p{Script=Ethiopic}\p{M}]+){0,3}$/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー ・]+$/u;
/** Han, kana and Hangul: two to six characters make a whole name; other scripts count words as Latin does. */
function scriptName(v: string, minWords: number): boolean {
  if (CJK.test(v)) {
    const n = v.replace(/[ ・·]/g, '').length;
    // (A name's reading in kana is longer: `スズキ ダイスケ`, `ﾀｶﾊｼ ﾕｳｷ`.)
    return n >= 2 && n <= (KANA_ONLY.test(v) ? 14 : 6);
  }
  return v.split(/[ ・·]/).length >= minWords;
}

/** Two to four words in capitals, none an organisation's or a place's word (`KANG MINJUN`, not `ACME CORP`). */
const capitalsOfPerson = (v: string): boolean =>
  /^[A-Z\u00C0-\u00DE'’-]{2,}(?: [A-Z\u00C0-\u00DE'’-]{2,}){1,3}$/.test(v) && !ORGANISATION_WORD.test(v);
const ORGANISATION_WORD =
  /\b(?:CORP(?:ORATION)?|INC|LTDA?|LLC|LLP|PLC|GMBH|AG|SA|SAS|SARL|SRL|SPA|BV|NV|AB|AS|OY|CO|COMPANY|GROUP|HOLDINGS?|BANK|BANCO|SERVICES?|SYSTEMS?|SOLUTIONS|TECHNOLOGIES|TECH|SOFTWARE|LABS?|INTERNATIONAL|GLOBAL|UNIVERSITY|UNIVERSIDAD|COLLEGE|HOSPITAL|CLINIC|SCHOOL|DEPARTMENT|DEPT|TEAM|STORE|SHOP|MARKET|CENTER|CENTRE|OFFICE|AIRLINES?|AIRWAYS|HOTEL|TRUST|FUND|FOUNDATION|ASSOCIATION|CLUB|CITY|STATE|COUNTY|REPUBLIC|KINGDOM|UNITED|NATIONAL|API|SDK|APP|SERVER|CLIENT|SERVICE|PROD|PRODUCTION|STAGING|DEV|TEST|DEMO|ADMIN|ROOT|USER|DEFAULT|NONE|NULL|UNKNOWN|OTHER|TOTAL)\b/;

const CJK_ADDRESS_PART = /[都道府県市区町村郡]|丁目|番地|[路街巷弄][0-9０-９一二三四五六七八九十]|號|号|[시군구동읍면리로길][ \d]/u;
/** A street line: a house number and a word of three letters or more, 5–100 characters, no URL, path or email. */
export function looksLikeAddress(v: string): boolean {
  // A slash between places (`Kadıköy/İstanbul`, `Flat 3/12`) but no path.
  if (v.length < 5 || v.length > 100 || /[@\\{}[\]<>$=|]|https?:|\/\//.test(v) || (v.includes('/') && !/\s/.test(v))) return false;
  if (!/\p{L}{3}/u.test(v)) return false;
  // `27 Wellington Crescent`, `Lindenstraße 42`, `Calle de Alcalá 118, 3º B`, `3-14-9 Jingumae`, `PO Box 12`.
  // Also a number after `No:` (`Bağdat Cad. No:45`, `Calle Sol Nº 12`).
  return (
    /^\d{1,5}(?:[-/]\d{1,4}){0,2}[a-zA-Z]?,?\s+\p{L}/u.test(v) ||
    /\p{L}{3,}\.?\s+\d{1,5}[a-zA-Z]?\.?(?:\s*[,/-]|\s|$)/u.test(v) ||
    /\p{L}{3,}\s+\p{Lu}\p{L}?\.?\s+\d{1,5}[a-zA-Z]?(?:\s*[,/-]|\s|$)/u.test(v) || // `Dizengoff St 152`
    /\p{L}{2,}[.“”"»]?,?\s+(?:No|Nr|N[º°o]|№)\s?[.:]?\s?\d{1,5}\b/u.test(v) ||
    // (Han and Hangul addresses run their parts together: `名古屋市中区栄1丁目21-1`, `마포구 와우산로 94`.)
    (CJK_ADDRESS_PART.test(v) && /\d/.test(v))
  );
}

/** How to read a field named `key` (quotes around it ignored): 'name', 'address', or null; `plain` when it needs company. */
export function personalField(key: string): { what: 'name' | 'address' | 'postcode'; plain: boolean; minWords: number } | null {
  const quoted = key.trim().replace(/^[`"'[]|[`"'\]]$/g, '');
  // A name in a given language or script (`name_ar`, `nameLatin`, `full_name_kana`) is the name.
  const k = quoted.replace(SCRIPT_SUFFIX, '') || quoted;
  // A key of a person's record named for its entity (`customerStreet`, `patient_address`): the rest decides.
  const entity = ENTITY_PREFIX.exec(k);
  if (entity !== null) {
    const rest = personalField(entity[1] ?? entity[2]);
    if (rest !== null) return { ...rest, plain: false };
  }
  if (PERSON_KEY.test(k))
    return {
      what: 'name',
      plain: false,
      minWords: /full|nombre|completo|holder|contact|customer|client|patient|employee|recipient|caller|request/i.test(k) ? 2 : 1,
    };
  if (PLAIN_NAME_KEY.test(k)) return { what: 'name', plain: true, minWords: 2 };
  if (PLAIN_PART_KEY.test(k)) return { what: 'name', plain: true, minWords: 1 };
  if (ADDRESS_KEY.test(k)) return { what: 'address', plain: false, minWords: 0 };
  if (PLAIN_ADDRESS_KEY.test(k)) return { what: 'address', plain: true, minWords: 0 };
  if (POSTCODE_KEY.test(k) || CITY_KEY.test(k)) return { what: 'postcode', plain: true, minWords: 0 };
  return null;
}

const SCRIPT_SUFFIX =
  /(?<=name)(?:[_-](?:ar|en|zh|ja|ko|th|ru|he|hi|fa|ur|el|uk|latin|local|native|kanji|kana|romaji|roman)|Ar|En|Zh|Ja|Ko|Th|Latin|Local|Native|Kanji|Kana|Romaji)$/i;

/** Is `key` one of the other personal fields that make a record a person's? */
export const isPersonalKey = (key: string): boolean => PERSONAL_KEY.test(key.trim().replace(/^[`"'[]|[`"'\]]$/g, ''));

// Where a key that may name a name or an address stands: one search for their words, then the
// key around each hit is read in place (most hits are `filename`, `getName`, and end there).
const KEY_WORD =
  /name|nama|caller|request[eo]r|patronymic|nom|naam|nome|navn|nimi|isim|owner|contact|holder|addr|street|ship[ _-]?to|\bzip|post(?:al)?[ _-]?code|\bplz|eircode|\bcep\b|\bcp\b|pstcd|strtnm|stra(?:ss|ß)e|calle|direcci|indirizzo|adres|endere|ulica|alamat|anschrift|osoite|morada|domicilio|dia[ _-]?chi|apellido|pr[eé]nom|vorname|nachname|efternamn|f[oö]rnamn|fornavn|etternavn|cognome|imi[eę]|nazwisko|voornaam|achternaam|surname|forename|given|family|display|formatted|first|last|gate|gatu|katu|straat|line[ _-]?1|city|town|ciudad|ville|stadt|cidade|citt|miasto|kaupunki/gi;
// At a key: `key: value`, `"key": "value"`, `key = 'value'`, `key => "value"`, `key="value"`, `"key": ["value", …]`,
// a builder's or setter's call (`.firstName("Giacomo")`).
const FIELD_AT =
  /["']?([\w\u00c0-\u024f-]{1,40})["']?[ \t]*(?:(?::|=>|=(?!=)|\|)[ \t]*(?:"([^"\n]{1,100})"|'([^'\n]{1,100})'|([^\s"'{[,#][^,#}\]\n]{0,99})|\[[ \t]*(?:\r?\n[ \t]{0,40})?"([^"\n]{1,100})"[ \t]*(?:[,\]]|\r?\n))|\([ \t]*(?:"([^"\n]{1,100})"|'([^'\n]{1,100})')[ \t]*\)|[ \t]*\{[ \t]*(?:"([^"\n]{1,100})"|'([^'\n]{1,100})')[ \t]*\}|(?:[ \t]*={2,3}|[ \t]+-?eq)[ \t]+(?:"([^"\n]{1,100})"|'([^'\n]{1,100})'))/y;
// (And a filter's or a comparison's quoted value: `lastName eq "Valcárcel"` in SCIM or OData,
// `-eq` in PowerShell, `user.last_name == "…"`.)
// After `<key>`: the text, then `</key>` (group 2 the key again).
const ELEMENT_AT = /([^<>\n]{1,100})<\/([\w\u00c0-\u024f-]{1,40})>/y;
const isKeyChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || (c >= 0xc0 && c <= 0x24f);
const COMPANY_WINDOW = 400;
const GIVEN_FIELD_NEAR =
  /(?:^|[\s"'{,])(?:pr[eé]nom|first[ _-]?name|given[ _-]?names?|vorname|voornaam|fornavn|f[oö]rnamn|etunimi|imi[eę])["']?[ \t]*[:=]/im;
// A family name's field in the same object or on the same line: a plain `name` beside it is the given
// name (`"surname":"IBARRA ZUBIRI","name":"AITOR"`; not `"role":{"name":"Editor"}` below a user's `lastName`).
const FAMILY_FIELD =
  /(?:^|[\s"'{,])(?:surname|last[ _-]?name|family[ _-]?name|apellidos?|cognome|nachname|achternaam|sobrenome|nazwisko)["']?[ \t]*[:=]/i;
function familyFieldBeside(text: string, ks: number): boolean {
  let a = ks;
  while (a > 0 && ks - a < 240 && !'{}\n'.includes(text[a - 1])) a--;
  let b = ks;
  while (b < text.length && b - ks < 240 && !'{}\n'.includes(text[b])) b++;
  return FAMILY_FIELD.test(text.slice(a, b));
}
/** The word before a key, a space between (`Full` of `Full name`), at a line's or a quote's start (the text's start is given as a line break). */
const WORD_BEFORE_KEY = /(?:[\n"'{,]|\n[ \t]*[-*•][ \t])[ \t]*(\p{L}{3,20})[ \t]$/u;

/**
 * Names and street lines in the fields of records. A plain `name` or `address` counts when a key
 * of other personal data (`email`, `phone`, `dob`, `city`, …) or personal data other than an
 * email address (`personalFound`: a phone number, an identifier; an author's address is what a
 * package manifest holds beside its `name`) stands within COMPANY_WINDOW characters, or when a name and a street line are found together (`name:` and `address:` of a
 * shipping block).
 */
export function findPersonalFields(text: string, out: Finding[], near?: readonly number[], personalFound: readonly number[] = []): void {
  // `near`: offsets of personal data; without a key that names a person (the caller's features),
  // only the windows around them can hold a field worth reading.
  const windows: [number, number][] = [];
  if (near === undefined) windows.push([0, text.length]);
  else
    for (const at of [...near].sort((a, b) => a - b)) {
      // (Within three lines of it too: the trajectory builder's window holds the three lines around a change.)
      let lo = at,
        hi = at;
      for (let breaks = 0; lo > 0 && at - lo < COMPANY_WINDOW; lo--) if (text.charCodeAt(lo - 1) === 10 && ++breaks > 3) break;
      for (let breaks = 0; hi < text.length && hi - at < COMPANY_WINDOW; hi++) if (text.charCodeAt(hi) === 10 && ++breaks > 3) break;
      const last = windows[windows.length - 1];
      if (last !== undefined && lo <= last[1]) last[1] = Math.max(last[1], hi);
      else windows.push([lo, hi]);
    }
  const plain: { at: number; f: Finding }[] = [];
  const postcodes: { at: number; f: Finding }[] = [];
  const sure: number[] = [];
  for (const [lo, hi] of windows) readFields(text, lo, hi, plain, sure, postcodes, out);
  if (plain.length === 0 && postcodes.length === 0) return;
  const company = [...sure, ...personalFound, ...personalKeyOffsets(text)];
  const taken: number[] = [];
  for (const p of plain) {
    // (Within three lines too, as the trajectory builder's window reaches.)
    const close = (x: number): boolean =>
      Math.abs(x - p.at) <= COMPANY_WINDOW && breaksBetween(text, Math.min(x, p.at), Math.max(x, p.at)) <= 3;
    // Company: a key of other personal data, a field read for sure, or a plain field of the other kind.
    const by = [...company.filter(close), ...plain.filter((q) => q !== p && q.f.kind !== p.f.kind && close(q.at)).map((q) => q.at)];
    if (by.length > 0) {
      // How many lines away its company stands: what reads around this field reaches that much less (`cueLines`).
      // (The four nearest by characters: a record file's fields have many companions each.)
      let lines = Infinity;
      by.sort((x, y) => Math.abs(x - p.at) - Math.abs(y - p.at));
      for (const x of by.slice(0, 4)) lines = Math.min(lines, breaksBetween(text, Math.min(x, p.at), Math.max(x, p.at)));
      if (lines > 0) Object.defineProperty(p.f, 'cueLines', { value: lines, enumerable: false });
      out.push(p.f);
      taken.push(p.at);
    }
  }
  // A postcode: with other personal data close by (not its own key).
  for (const p of postcodes)
    if (
      [...company, ...taken].some(
        (x) =>
          Math.abs(x - p.at) <= COMPANY_WINDOW && Math.abs(x - p.at) > 2 && breaksBetween(text, Math.min(x, p.at), Math.max(x, p.at)) <= 3,
      )
    )
      out.push(p.f);
}

/** Line breaks in [a, b). */
function breaksBetween(text: string, a: number, b: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', a); i >= 0 && i < b; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

// A key as a name attribute's value (`Name="familyName"`, `; name="full_name"`), and what holds its value.
const NAME_ATTRIBUTE_BEFORE = /[Nn]ame="$/;
const ATTRIBUTE_VALUE_AT = /^[^>\n]{0,160}>\s*<(?:[\w-]+:)?AttributeValue\b[^>\n]{0,120}>([^<\n]{1,120})</;
const FORM_DATA_BEFORE = /form-data;[^\n]*$/i;
const FORM_PART_AT = /^[^\n]{0,200}\r?\n(?:Content-[\w-]+:[^\n]{0,120}\r?\n)*\r?\n([^\r\n]{1,120})\r?(?:\n|$)/;

function readFields(
  text: string,
  lo: number,
  hi: number,
  plain: { at: number; f: Finding }[],
  sure: number[],
  postcodes: { at: number; f: Finding }[],
  out: Finding[],
): void {
  // The search runs over the window alone: a search of the whole text from each window's start
  // would cost the text's length once per window.
  const chunk = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  KEY_WORD.lastIndex = 0;
  let hit: RegExpExecArray | null;
  while ((hit = KEY_WORD.exec(chunk)) !== null) {
    const at = lo + hit.index;
    let ks = at;
    while (ks > 0 && ks > at - 40 && isKeyChar(text.charCodeAt(ks - 1))) ks--;
    let ke = at + hit[0].length;
    while (ke < text.length && ke < at + 40 && isKeyChar(text.charCodeAt(ke))) ke++;
    KEY_WORD.lastIndex = Math.max(KEY_WORD.lastIndex, ke - lo);
    const key = text.slice(ks, ke);
    let field =
      personalField(key) ?? (NAME_PART_KEY.test(key) && nameParent(text, ks) ? { what: 'name' as const, plain: false, minWords: 1 } : null);
    // A key of two words, as forms label their fields (`Full name:`, `"Given names":`): read as
    // the pair names it, so that capitals count under `Full name` as under `full_name`.
    if (field === null || field.plain) {
      const from = Math.max(0, ks - 24);
      const before = WORD_BEFORE_KEY.exec((from === 0 ? '\n' : '') + text.slice(from, ks));
      const pair = before === null ? null : personalField(`${before[1]}_${key}`);
      if (pair !== null && !pair.plain) field = pair;
    }
    if (field === null) continue;
    const q = text.charCodeAt(ks - 1);
    let v: string;
    let valueAt: number;
    const named = q === 34 && text.charCodeAt(ke) === 34 && NAME_ATTRIBUTE_BEFORE.test(text.slice(Math.max(0, ks - 6), ks));
    if (named) {
      // A key given as a name attribute: a SAML attribute's value in the element after it
      // (`<saml:Attribute Name="familyName"><saml:AttributeValue>Marchisio</…>`), a multipart part's
      // on the line after its headers' blank line (`Content-Disposition: form-data; name="date_of_birth"` ⏎ ⏎ `1970-03-03`).
      const m =
        ATTRIBUTE_VALUE_AT.exec(text.slice(ke + 1, ke + 241)) ??
        (FORM_DATA_BEFORE.test(text.slice(Math.max(0, ks - 200), ks)) ? FORM_PART_AT.exec(text.slice(ke + 1, ke + 401)) : null);
      if (m === null) continue;
      v = m[1].trim();
      valueAt = ke + 1 + m.index + m[0].lastIndexOf(m[1]) + m[1].indexOf(v);
      if (v === '') continue;
    } else if (q === 60 /* < */ && text.charCodeAt(ke) === 62 /* > */) {
      // `<prenom>Hannah</prenom>`: an element's text up to its closing tag, on one line.
      ELEMENT_AT.lastIndex = ke + 1;
      const m = ELEMENT_AT.exec(text);
      if (m === null || m[2] !== text.slice(ks, ke)) continue;
      v = m[1].trim();
      valueAt = m.index + m[1].indexOf(v);
    } else {
      FIELD_AT.lastIndex = q === 34 || q === 39 ? ks - 1 : ks;
      const m = FIELD_AT.exec(text);
      if (m === null || m[1] !== text.slice(ks, ke)) continue;
      v = m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? m[7] ?? m[8] ?? m[9] ?? m[10] ?? m[11];
      // Unquoted, a value is a literal only on a configuration line the key starts (YAML, INI);
      // in code it is an expression (`{memberName: A.id.name}`).
      // A form's field, URL-encoded (`…&address_street=81+Prospect+Lane&…`): to the next `&`.
      if (m[4] !== undefined && (q === 38 /* & */ || q === 63) /* ? */ && text[ke] === '=') {
        const amp = v.indexOf('&');
        if (amp >= 0) v = v.slice(0, amp);
      } else if (m[4] !== undefined) {
        // …or a field of an object as its toString prints it (`Contact(id=null, firstName=Rowena, …)`).
        const printed = /(?:\w\(|, )$/.test(text.slice(Math.max(0, ks - 2), ks)) && text[ke] === '=';
        // (From the line's start, or from the gap before a form's next field: `Surname: …     Previous surname: …`.)
        const line = text.slice(text.lastIndexOf('\n', ks) + 1, ks);
        const gap = /^.*(?:[ \t]{2}|\t)(?=\S)/.exec(line);
        const lead = gap === null ? line : line.slice(gap[0].length);
        // (Or a key of two words that names a person, in a list: `- Emergency contact: …`.)
        const two = /^[ \t]*(?:[-*•][ \t]+)?(\p{L}{3,20})[ \t]$/u.exec(lead);
        // (Or a key that names a name after words of a form's label: `Nom et prénom :`, `Step 1(a) First name:`.)
        const formLead = field.plain === false && /^[ \t]*(?:[-*•][ \t]+)?(?:[\p{L}()\d]{1,20}[ \t]){1,3}$/u.test(lead);
        // (Or a field after a pipe, as tickets and tables print them: `INC0081231 | Caller: …`.)
        if (
          !printed &&
          !/^[ \t]*(?:-[ \t]+)?["']?$/.test(lead) &&
          // (A properties file's dotted path before the key: `soker.adresse=Øvre Slottsgate 9`.)
          !/^[ \t]*[A-Za-z][\w-]*(?:\.[\w-]+)*\.$/.test(lead) &&
          !(field.plain === false && /\|[ \t]*$/.test(lead)) &&
          !(two !== null && personalField(`${two[1]}_${text.slice(ks, ke)}`)?.plain === false) &&
          !formLead
        )
          continue;
        // A form's next field after a gap is not the value's (`Surname: Te Rangi     Given names: …`).
        v = v.split(/[ \t]{2,}|\t/)[0];
        // A relation or role in brackets after the name (`小林 陽菜 (sister)`, `Ana Ruiz (mother)`) is not part of it.
        v = v
          .replace(/[ \t]+$/, '')
          .replace(/[ \t]*\([^()\n]{1,30}\)$/, '')
          .replace(/[;,)]+$/, '');
      }
      valueAt = m.index + m[0].lastIndexOf(v);
    }
    // Capitals under a key that names a name, or a card's holder (embossed: `YUKI NAKAMURA`).
    // (Under a plain `name` among other personal data, capitals of two words or more that name no
    // organisation: `NAME: MARIA GARCIA LOPEZ`, `"name":"KANG MINJUN"`.)
    // A plain `Nom`, `Name` of one word beside a given name's field (`Nom : LEFEBVRE` ⏎ `Prénom :
    // Marie-Hélène`): the family name, as forms split a name.
    if (
      field.plain &&
      field.what === 'name' &&
      !/\s/.test(v.trim()) &&
      (GIVEN_FIELD_NEAR.test(text.slice(Math.max(0, ks - 160), ks + 160)) || familyFieldBeside(text, ks))
    )
      field = { what: 'name', plain: false, minWords: 1 };
    const capitals =
      !field.plain || /holder|on[ _-]?card|embossed/i.test(text.slice(ks, ke)) || (field.what === 'name' && capitalsOfPerson(v));
    // (A form's `+` is a space: `81+Prospect+Lane` is judged as `81 Prospect Lane`, the same length.)
    const judged = (q === 38 || q === 63) && !v.includes(' ') ? v.replace(/\+/g, ' ') : v;
    const ok =
      field.what === 'name'
        ? looksLikeName(judged, field.minWords, capitals) ||
          // (A family name of one character of Han or Hangul under its own key: `"familyName": "郑"`.)
          (!field.plain && v.length === 1 && CJK.test(v) && /family|last|sur/i.test(text.slice(ks, ke)))
        : field.what === 'address'
          ? looksLikeAddress(judged)
          : CITY_KEY.test(text.slice(ks, ke).replace(/["'`]/g, ''))
            ? POSTAL_LINE.test(v)
            : POSTCODE_FINE.test(v) || POSTCODE_COARSE.test(v) || townBeforeFinePostcode(v);
    if (!ok) continue;
    const start = valueAt;
    KEY_WORD.lastIndex = Math.max(KEY_WORD.lastIndex, start + v.length - lo);
    const f: Finding = { kind: field.what === 'name' ? 'person-name' : 'street-address', start, end: start + v.length };
    // A postcode counts with a name or a street beside it, not as their company (a town's code alone).
    if (field.what === 'postcode') {
      postcodes.push({ at: ks, f });
      continue;
    }
    if (field.plain) plain.push({ at: ks, f });
    else {
      sure.push(ks);
      out.push(f);
    }
  }
}

// The parts of a name under a key that names one (`"name": { "first": "Omar", "last": "Haddad" }`,
// SCIM's `"formatted"`).
const NAME_PART_KEY = /^(?:first|last|middle|given|family|full|formatted)$/i;
const PARENT_KEY = /["']?([A-Za-z][\w-]{0,30})["']?[ \t]*(?::|=>?)[ \t]*[{(][^{}()\n]*$/;

/** Is the key at `ks` inside an object (on its line or the one above) given to a key that names a person's name? */
function nameParent(text: string, ks: number): boolean {
  let b = ks - 1;
  const lo = Math.max(0, ks - 120);
  while (b >= lo && text[b] !== '{' && text[b] !== '(' && text[b] !== '}' && text[b] !== ')') b--;
  if (b < lo || (text[b] !== '{' && text[b] !== '(')) return false;
  const p = PARENT_KEY.exec(text.slice(Math.max(0, b - 48), b + 1));
  if (p === null) return false;
  const f = personalField(p[1]);
  return f !== null && f.what === 'name';
}

/** Where keys of other personal data stand (`email:`, `"phone":`, `dob =`). */
function personalKeyOffsets(text: string): number[] {
  const at: number[] = [];
  const KEYS = /["']?([A-Za-z][\w -]{1,20}?)["']?[ \t]*(?::|=>?|\|)/g;
  let m: RegExpExecArray | null;
  while ((m = KEYS.exec(text)) !== null) if (isPersonalKey(m[1])) at.push(m.index);
  return at;
}
