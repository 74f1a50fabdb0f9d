// Phone numbers, validated with libphonenumber-js: international numbers (`+44 20 7946 0958`,
// `0049 30 901820`), North American formats, and national formats of common regions
// (`020 7946 0958`, `01 42 68 53 00`, `03-1234-5678`, `(02) 9876 5432`). A digit sequence is
// only a candidate when it is written like a phone number (a `+`, separators, a trunk `0`, or a
// phone word before it), and only a number libphonenumber-js holds valid is redacted.
// Validation is costly (tens of microseconds), so results are cached, and past a fixed number
// of validations per call the remaining well-formed candidates are redacted unvalidated: a text
// made of thousands of distinct phone-shaped strings costs linear time and fails closed.
import { join } from 'node:path';
import type { CountryCode } from 'libphonenumber-js/min';
import { isAlnum, isDigit, wl, type Finding } from './text';

/** Regions whose national formats are tried when a number is not valid in the default region. */
const COMMON_REGIONS: readonly CountryCode[] = wl<CountryCode>(
  'US|GB|DE|FR|IN|JP|AU|CA|BR|ES|IT|NL|CN|MX|KR|RU|PL|SE|CH|BE|AT|IE|ZA|SG|NZ|PT|TR|GR|DK|NO|FI|CZ|HU|RO|UA|AR|CL|CO|PE|AE|SA|EG|IL|IR|ID|MY|PH|TH|VN|NG|KE|PK|IS|HR|SK|SI|BG|RS|EE|LT|LV|HK|TW|BD|LK',
);
const MAX_VALIDATIONS = 400;
const SHAPE_SLOTS = 1024; // a power of two

// A run of digits with phone separators, optionally led by `+`, `00` or `(`; also right after a
// `tel:`, `sms:` or `callto:` URI scheme.
// (Two regexes rather than one with two look-behinds: a look-behind alternation at the start of a
// pattern costs the engine its quick first-character scan, several times the whole pass.)
// (After a Hebrew prefix's hyphen too: `ל-052-418-9409`, `ב-03-…`.)
const CANDIDATE = /(?<![\w+./:,]|(?<![\u05d0-\u05ea])-)(?:\+|\(\+?)?\d[\d \-.()\u00a0/]{5,22}\d(?![\w]|[.-]\d)/g;
const URI_CANDIDATE = /(?<=(?:tel|sms|fax|callto):)\+?\d[\d \-.()\u00a0/]{5,22}\d(?![\w]|[.-]\d)/gi;
// An international or North American number as a cell of a comma-separated row (`Pilar
// Navarro,+34 912 48 36 71`, `…,884.888.6318`): a comma before a bare digit run is a list of
// numbers, before a `+` or a number grouped 3-3-4 it is a separator.
const CELL_CANDIDATE = /,(\+\d[\d \-.()\u00a0/]{5,22}\d|\d{3}([-.])\d{3}\2\d{4}|\(\d{3}\) ?\d{3}-\d{4}|1[3-9]\d{9})(?![\w]|[.-]\d)/g; // the number is group 1
// An international number glued to a key's colon (`otp:pending:+491769689324`).
const COLON_CANDIDATE = /:(\+\d[\d \-.()\u00a0/]{5,22}\d)(?![\w]|[.-]\d)/g; // the number is group 1
// Words that say a nearby digit run is a phone number.
const CUE =
  /(?<![A-Za-z])(?:phone|telephone|tel(?![a-z])|mobile|mobil(?![a-z])|cell(?![a-z])|fax(?![a-z])|sms(?![a-z])|whatsapp|contact|call(?:ing)?(?![a-z])|dial(?![a-z])|text me|reach me|handy(?![a-z])|m[óo]vil(?![a-z])|celular|portable|telefon|téléphone|teléfono|telefone|telefono|cellulare|chiam|tlf|puhelin|puh(?![a-z])|telem[óo]vel|s[íi]mi(?![a-z])|fijo(?![a-z])|fixo(?![a-z])|gsm|my (?:new )?number|new number|mi n[úu]mero|meu n[úu]mero|mon num[ée]ro|meine nummer|mijn nummer|m[óo]j numer|numaram|nomor (?:hp|wa|telepon)|no\.? ?hp(?![a-z])|llam[aáe]|ll[áa]mame|ligue|liga-me|appel(?:ez|le)|anruf|erreichbar|bel me|ring til|ring mig|ring meg|ringe til|soita|zavolej|hubungi|zadzwo[nń]|viber|signal(?: me)?(?= on| at|:)|моб|номер|звон|κινητ|โทร|เบอร์|फ़ोन|फोन)|電話|电话|手机|携帯|連絡先|お問い合わせ|휴대폰|연락처|전화|телефон|тел\.|мой номер|мій номер|номер телефона|τηλ|Τηλ|تلفن|موبایل|هاتف|جوال|טלפון|נייד/i;
const CUE_WINDOW = 40;
const ALL_DIGITS = /^\d+$/;
const TRUNK_IN_INTERNATIONAL = /^((?:\+|00)\d{1,3})[ \u00a0]?\(0\)[ \u00a0]?/;

export interface PhoneFinder {
  /** `uri`: the text holds `tel:`, `sms:`, `fax:` or `callto:` (any case). */
  (text: string, out: Finding[], uri?: boolean): void;
  /**
   * Numbers written nationally right after a person's name on its line, as rosters and chats list
   * them (`Keylor Vargas 7354 4793`, `Dunia Zelaya 9203-9235`, `Yesenia Batres (GT) 5180 9544`):
   * the name says what a phone word would, so any common region may read them.
   */
  afterNames(text: string, out: Finding[]): void;
}

const YEARS = /^(?:19|20)\d\d(?:[ \-.]+(?:19|20)\d\d)+$/;
// After a name: spaces, a colon or a dash maybe, or a country's code in brackets, then digits in
// groups. (Not after a comma or a tab: a table's next cell is what its header says.)
const AFTER_NAME = / *(?:[:\u2013\u2014-] *|\([A-Z]{2}\) *)?(\d[\d \-.\u00a0]{5,16}\d)(?![\w]|[.-]\d)/y;

/** A finder for `region` (ISO 3166 alpha-2; national numbers are read as this region's first). */
export function createPhoneFinder(region: string | undefined): PhoneFinder {
  // Checking the region needs libphonenumber-js's metadata: done when a number is first validated.
  let home: CountryCode | undefined;
  let regions: CountryCode[] | undefined;
  const cache = new Map<string, boolean>();
  // What a candidate's own characters say (its shape), remembered per candidate in a small
  // direct-mapped table: a text repeats its numbers, and the shape tests are a dozen regexes; a
  // text of distinct numbers overwrites slots instead of growing a map.
  const shapeRaw: string[] = new Array<string>(SHAPE_SLOTS).fill('');
  const shapeOf: (Shape | null)[] = new Array<Shape | null>(SHAPE_SLOTS).fill(null);
  const allRegions = (): CountryCode[] => {
    if (regions === undefined) {
      home = normaliseRegion(region);
      regions = home ? [home, ...COMMON_REGIONS.filter((r) => r !== home)] : [...COMMON_REGIONS];
    }
    return regions;
  };
  const find = (text: string, out: Finding[], uri = false): void => {
    if (!/\d[\d \-.()\u00a0/]{5}/.test(text)) return;
    let budget = MAX_VALIDATIONS;
    const candidates = [CANDIDATE];
    if (uri) candidates.push(URI_CANDIDATE);
    if (text.includes(',')) candidates.push(CELL_CANDIDATE);
    if (text.includes(':+')) candidates.push(COLON_CANDIDATE);
    for (const re of candidates) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const cell = re === CELL_CANDIDATE || re === COLON_CANDIDATE;
        const at = cell ? m.index + 1 : m.index;
        let raw = cell ? m[1] : m[0];
        // A gap of two spaces or more is a table's column gap, not a separator: the number ends before
        // it (`+33 6 75 35 18 17   182.4`), and what follows is read on its own.
        const gap = raw.search(/[ \u00a0]{2,}/);
        if (gap > 0) {
          raw = raw.slice(0, gap);
          re.lastIndex = at + gap;
          if (raw.length < 7 || !/\d$/.test(raw)) continue;
        }
        // An unbalanced closing bracket belongs to the surroundings: `(tel. 030 901820)`.
        while (raw.endsWith(')') && count(raw, '(') < count(raw, ')')) raw = raw.slice(0, -1);
        const n = raw.length;
        // A bare run of digits (not `00…`) is a phone number only after a phone word: looked for
        // first, so a text of long numbers costs no shape test per number.
        // (Or a Chinese mobile's eleven digits on a line written in Chinese: `王志明,男,…,17368396534,…`.)
        const cnMobile = n === 11 && CN_MOBILE.test(raw) && hanOnLine(text, at);
        if (ALL_DIGITS.test(raw) && !raw.startsWith('00') && !cnMobile && !cueBefore(text, at)) continue;
        const slot = (n * 31 + raw.charCodeAt(n - 1) * 7 + raw.charCodeAt(n >> 1) * 131 + raw.charCodeAt(n - 3) * 1031) & (SHAPE_SLOTS - 1);
        let shape: Shape | null;
        // `+49 (0) 30 …`, `+44 (0)20 …`: the national trunk prefix written inside an international
        // number is read without it.
        const num = TRUNK_IN_INTERNATIONAL.test(raw) ? raw.replace(TRUNK_IN_INTERNATIONAL, '$1 ') : raw;
        if (shapeRaw[slot] === raw) shape = shapeOf[slot];
        else {
          shape = phoneShape(num);
          shapeRaw[slot] = raw;
          shapeOf[slot] = shape;
        }
        if (!shape) continue;
        const start = at;
        if (inByteDump(text, start, start + raw.length)) continue;
        // A Belgian enterprise's number (its VAT number too) as it is written: `BE 0717.875.521`.
        if (BELGIAN_ENTERPRISE.test(raw) && /(?:BE|KBO|BCE|TVA|BTW)[ \t:.-]*$/i.test(text.slice(Math.max(0, start - 12), start))) continue;
        // A toll-free number written nationally (`0800 051 3362`, `1800 045 440`): toll-free wherever
        // a trunk `0` is dialled, though a region or two reads the digits as another number.
        if (!shape.international && (NATIONAL_TOLL_FREE.test(raw) || (shape.nanp && NANP_TOLL_FREE.test(raw)))) continue;
        // A GS1 application identifier and its data (`(17)251231`, an expiry; `(10)…`, a lot): two
        // digits in brackets glued to six, too few for a number with its area code.
        if (GS1_ELEMENT.test(raw)) continue;
        const cue = cnMobile || (shape.needsCue || !shape.international ? cueBefore(text, start) : false);
        if (shape.needsCue && !cue) continue;
        // The default region first; North American formatting as US; other regions when the
        // number is written nationally (a trunk 0, brackets) or a phone word stands before it.
        const tryAll = cue || shape.trunk;
        const key = (shape.international ? '+' : tryAll ? '*' : shape.nanp ? 'n' : '1') + shape.digits;
        let ok = cache.get(key);
        if (ok === undefined) {
          if (budget <= 0) {
            ok = true; // fail closed: redact a well-formed candidate unvalidated
          } else {
            budget--;
            const regions = allRegions();
            if (shape.international) ok = isValid(num.replace(/^\(?00/, '+').replace(/^\(\+/, '+'), undefined);
            else
              ok =
                (home !== undefined && isValid(raw, home)) ||
                (shape.nanp && isValid(raw, 'US')) ||
                (tryAll && regions.some((r) => isValid(raw, r)));
            if (cache.size > 5000) cache.clear();
            cache.set(key, ok);
          }
        }
        if (ok) out.push({ kind: 'phone', start, end: start + raw.length });
      }
    }
  };
  const afterNames = (text: string, out: Finding[]): void => {
    let budget = 20;
    for (const f of out.filter((x) => x.kind === 'person-name')) {
      AFTER_NAME.lastIndex = f.end;
      const m = AFTER_NAME.exec(text);
      if (m === null) continue;
      const raw = m[1].replace(/[ \-.\u00a0]+$/, '');
      const start = m.index + m[0].length - m[1].length;
      const shape = phoneShape(raw);
      // Written in groups (a bare run of digits after a name is as often an id), nationally.
      if (
        YEARS.test(raw) ||
        shape === null ||
        shape.international ||
        shape.needsCue ||
        out.some((x) => x.start < start + raw.length && start < x.end)
      )
        continue;
      if (budget-- <= 0) break;
      if (allRegions().some((r) => isValid(raw, r))) out.push({ kind: 'phone', start, end: start + raw.length });
    }
  };
  return Object.assign(find, { afterNames });
}

const BELGIAN_ENTERPRISE = /^[01]\d{3}\.\d{3}\.\d{3}$/;
// (The prefix a group of its own: `0808 …` is toll-free, `080-8282-…` a Japanese mobile; Japan's free dial `0120-…`.)
const NATIONAL_TOLL_FREE = /^(?:0800|0808|0508|1800|0120|0[ \u00a0]80[0-5])[ \-.\u00a0]\d/;
// …and written internationally: the UK's `+44 800`/`808`, France's `+33 800`–`805`, Germany's,
// Italy's, the Netherlands' `+49 800`, `+39 800`, `+31 800`, Spain's `+34 900`, Australia's and
// Ireland's `+61 1800`, `+353 1800`, North America's `+1 8xx`.
const INTERNATIONAL_TOLL_FREE =
  /^\+(?:44[ \u00a0]?\(?0?\)?[ \u00a0]?80[08]|33[ \u00a0]?\(?0?\)?[ \u00a0]?80[0-5]|(?:49|39|31)[ \u00a0]?800|34[ \u00a0]?900|(?:61|353)[ \u00a0]?1800|1[ .\-\u00a0]?\(?8(?:00|33|44|55|66|77|88)\)?)[ \-.\u00a0]?\d/;
/** A number written as a toll-free one is (an organisation's, published for anyone to call). */
export function writtenTollFree(raw: string): boolean {
  return NATIONAL_TOLL_FREE.test(raw) || NANP_TOLL_FREE.test(raw) || INTERNATIONAL_TOLL_FREE.test(raw);
}
const GS1_ELEMENT = /^\(\d{2}\)\d{6}$/;
const NANP_TOLL_FREE = /^(?:1[ .-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[ .-]?\d{3}[ .-]\d{4}$/;
function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

let validation: typeof import('./phone-validation') | undefined;

/**
 * libphonenumber-js, loaded the first time a number is validated. It is a bundle beside the
 * capture side's (and phone-validation.js beside this file when compiled); its path is computed
 * so the bundler leaves it out of the capture side.
 */
function phoneValidation(): typeof import('./phone-validation') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on purpose when first used
  return (validation ??= require(join(__dirname, 'phone-validation.js')) as typeof import('./phone-validation'));
}

/**
 * A valid number that may be a person's: a toll-free number (`0800 …`, `1-800-…`, `+49 800 …`) is
 * an organisation's by what it is, published for anyone to call, and is kept.
 */
function isValid(raw: string, region: CountryCode | undefined): boolean {
  const { parsePhoneNumberFromString, tollFree } = phoneValidation(); // outside the try: a missing bundle must not read as "not a phone"
  try {
    const p = parsePhoneNumberFromString(raw, region);
    return p !== undefined && p.isValid() && !tollFree(p.countryCallingCode, p.nationalNumber);
  } catch {
    return false;
  }
}

interface Shape {
  digits: string;
  international: boolean;
  nanp: boolean;
  trunk: boolean;
  needsCue: boolean;
}

// A date, alone or followed by an hour (the candidate stops at the `:` of a time). Not a date
// followed by more groups: `06 12 34 56 78` is a number written in pairs.
const DATE = /^(?:\d{4}[-./ ](\d{1,2})[-./ ](\d{1,2})|(\d{1,2})[-./ ](\d{1,2})[-./ ]\d{2,4})(?:$|T|[ T]\d{1,2}$)/;
/** Whether `raw` is a date by DATE's shape and by its numbers: a month and a day (`34 42 38 67` is a number in pairs). */
function isDate(raw: string): boolean {
  const m = DATE.exec(raw);
  if (m === null) return false;
  const [a, b] = m[1] !== undefined ? [Number(m[1]), Number(m[2])] : [Number(m[3]), Number(m[4])];
  return a >= 1 && b >= 1 && Math.min(a, b) <= 12 && Math.max(a, b) <= 31;
}
const NANP = /^(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;

/** Is `raw` written like a phone number? Dates, versions, IP addresses, ranges and lists are not. */
function phoneShape(raw: string): Shape | null {
  let digits = '';
  for (let i = 0; i < raw.length; i++) if (isDigit(raw.charCodeAt(i))) digits += raw[i];
  const international = raw.startsWith('+') || raw.startsWith('(+') || /^\(?00[1-9]/.test(raw);
  const national = international ? digits.replace(/^00/, '') : digits;
  if (national.length < (international ? 8 : 7) || national.length > 15) return null;
  // (A date in brackets too: `(05.03.2025`, the candidate taking the opening bracket.)
  if (isDate(raw.startsWith('(') ? raw.slice(1) : raw) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(raw)) return null; // dates, IPv4
  if (/^\d+(?:\.\d+)+$/.test(raw) && !/^\d{2,4}(?:\.\d{2,4}){2,4}$/.test(raw)) return null; // versions
  if (/\/.*\//.test(raw) || /\d\/\d{1,2}$/.test(raw)) return null; // dates and fractions with slashes
  // Two separators in a row (`1 - 2`, `3, 4`); a bracketed area code after a separator is one (`+1 (415) 555-2671`, `+1-(800)-…`).
  // (`030 / 19984364`: a slash between spaces parts a German area code from the number.)
  if (
    /[^\d)]{2}/.test(
      raw
        .replace(/^\(\+?/, '')
        .replace(/[ .-]\((?=\d)/g, '(')
        .replace(/ \/ /g, '/'),
    )
  )
    return null;
  const groups = raw.split(/[^\d]+/).filter((g) => g.length > 0);
  if (!international && groups.slice(1).some((g) => g.length === 1)) return null; // `978-3-16-148410-0`, `1 2 3 4`
  if (groups.length > 6) return null;
  if (groups.length >= 3 && groups.every((g, i) => i === 0 || Number(g) === Number(groups[i - 1]) + 1)) return null; // counting: `01 02 03 04 05`
  const separated = groups.length > 1;
  // (Also the trunk `8` of Russia and its neighbours before a bracketed code, `8 (912) 341-44-46`;
  // not before a toll-free code, `8 (800) …`, a business's number.)
  const trunk = /^\(?0[1-9]/.test(raw) || /^\(\d{2,5}\)/.test(raw) || (national.length === 11 && /^8[ -]?\((?!800\))\d{3,5}\)/.test(raw));
  const nanp = NANP.test(raw);
  return { digits: national, international, nanp, trunk, needsCue: !international && !separated };
}

/** Two hex digits standing alone, with a space between them and `at`, on the side `dir`: a byte of a dump. */
function hexByteBeside(text: string, at: number, dir: -1 | 1): boolean {
  const h = (i: number): boolean => i >= 0 && i < text.length && isHexDigit(text.charCodeAt(i));
  const free = (i: number): boolean => i < 0 || i >= text.length || !isAlnum(text.charCodeAt(i));
  if (dir < 0) return text.charCodeAt(at - 1) === 32 && h(at - 2) && h(at - 3) && free(at - 4);
  return text.charCodeAt(at) === 32 && h(at + 1) && h(at + 2) && free(at + 3);
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

/** Pairs of digits inside a run of bytes (`<Buffer a0 8b 28 3f 01 00 00 00 50 32>`): not a phone number. */
function inByteDump(text: string, start: number, end: number): boolean {
  if (!hexByteBeside(text, start, -1) && !hexByteBeside(text, end, 1)) return false;
  return /^\d\d(?: \d\d)+$/.test(text.slice(start, end));
}

const CN_MOBILE = /^1[3-9]\d{9}$/;
const HAN = /[\u4e00-\u9fff]/;
/** Chinese characters on the line of `at`, within 200 characters of it (a long line costs no more). */
function hanOnLine(text: string, at: number): boolean {
  const from = Math.max(0, at - 200);
  const near = text.slice(from, at + 200);
  const k = at - from;
  const ls = near.lastIndexOf('\n', k) + 1;
  let le = near.indexOf('\n', k);
  if (le < 0) le = near.length;
  return HAN.test(near.slice(ls, le));
}

function cueBefore(text: string, start: number): boolean {
  let a = start;
  const lo = Math.max(0, start - CUE_WINDOW);
  while (a > lo && text.charCodeAt(a - 1) !== 10) a--;
  if (a >= start) return false;
  const before = text.slice(a, start);
  return CUE.test(before) || (MORE_CUE_GATE.test(before) && phoneValidation().MORE_CUE.test(before));
}
// A letter past ASCII, or a stem of the ASCII words that phone-validation.ts's MORE_CUE holds.
const MORE_CUE_GATE = /[^\0-\x7f]|kontak|numm|mob|natel|tel[pf]|fone|simu|cep|sdt|(?:ph|cel|hp|wa)[.:]/i;

function normaliseRegion(region: string | undefined): CountryCode | undefined {
  if (!region || !/^[A-Za-z]{2}$/.test(region)) return undefined;
  const r = region.toUpperCase();
  return phoneValidation().isSupportedCountry(r) ? r : undefined;
}
