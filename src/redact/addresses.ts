// Addresses in prose: street addresses and Ethereum addresses (loaded with the name finder, a
// bundle of its own: names.js).
import { STREET_PREFIXES } from './street-words';
import { cueFlood, type Finding } from './text';

// ---------- street addresses in prose ----------
// A house number, one to three capitalised words and a street type (`1847 Larkspur Court`, `Flat
// 3, 27 Rosebery Crescent`); a street type before its name and a number after it (`Calle Mayor
// 12`, `Rua das Flores, 88`); a German street word glued on (`Lindenweg 4`). Records' `street`
// fields are read by fields.ts; here the shape alone is the evidence, so the street type is required.
const CAP = '[A-Z\\u00C0-\\u00DE\\u0141\\u015A\\u017B\\u0179][a-z\\u00DF-\\u00FF\\u0101-\\u017F]+';
const STREET_TYPE =
  'Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Crescent|Cres|Place|Pl|Terrace|Tce|Close|Way|Square|Sq|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Grove|Gardens|Row|Mews|Walk|Parade|Esplanade|Crossing|Alley|Plaza';
const UNIT = '(?:(?:Flat|Apt|Apartment|Unit|Suite|Ste|Room)\\.?[ \\t]*#?[0-9A-Za-z]{1,5},?[ \\t]+)?';
// A digit first, so that the pass skips to digits; a flat or suite number before it is taken on after.
// A direction and ordinals may stand among the words (`904 W 4th Ave`, `3rd Main Road`), and a
// direction after the street type (`821 Peachtree St NE`).
const STREET_NUMBERED = new RegExp(
  `\\b\\d{1,5}(?:[A-Za-z]|st|nd|rd|th)?,?[ \\t]+(?:(?:[NSEW]|N[EW]|S[EW])\\.?[ \\t]+)?(?:(?:${CAP}|\\d{1,3}(?:st|nd|rd|th))[ \\t]+){1,3}(?:${STREET_TYPE})\\b\\.?(?:[ \\t]+(?:N[EW]?|S[EW]?|E|W)\\b\\.?)?`,
  'g',
);
const UNIT_BEFORE = new RegExp(`${UNIT.slice(0, -1)}$`);
/** The street type first (Spanish, Portuguese, Italian, French, Catalan); the caller runs it on texts holding one of STREET_PREFIXES. */
const STREET_PREFIXED = new RegExp(
  `\\b(?:${STREET_PREFIXES.map((p) => p.trim().replace('.', '\\.')).join('|')})[ \\t]+(?:(?:de|del|la|las|los|das|da|do|dos|des|du|di|della|dei|degli|delle|dello|van|der|den|ter|het)[ \\t]+){0,2}(?:${CAP}[ \\t]*){1,3},?[ \\t]*(?:KM[ \\t]*\\d{1,3}[ \\t]+)?(?:(?:n[º°o]|nr|No)\\.?[ \\t]*)?\\d{1,5}[A-Za-z]?\\b`,
  'g',
);
/** The number first, then the street type in lower case (`18 rue des Tanneurs`, `5 via della Spiga`). */
const STREET_NUMBER_FIRST = new RegExp(
  `\\b\\d{1,4}(?:[ \\t]?(?:bis|ter))?,?[ \\t]+(?:rue|avenue|boulevard|bd|chemin|allée|impasse|quai|cours|corso|via|viale|calle|carrer|rua)[ \\t]+(?:(?:de|des|du|de la|d'|della|del|dei|degli|do|da|dos|das)[ \\t]*)?${CAP}(?:[ \\t-]+${CAP}){0,2}\\b`,
  'g',
);
/**
 * A street word glued to the name and a number (`Lindenweg 4a`, `Götgatan 12`, `Nygårdsgaten 52C`,
 * `Oosterstraat 501-II`), after a hyphenated name (`Karl-Liebknecht-Straße 70`) or apart
 * (`Eppendorfer Weg 1a`): one pass from each capitalised word. The caller runs it on texts holding
 * `straße` or one of STREET_SUFFIXES (ASCII).
 */
// Turkey's streets: the name, its type and `No:` (`Bağdat Cad. No: 214 D: 9`, `Gül Sokak No 5/3`,
// `Atatürk Bulvarı No:12 K:3`), the flat's `D:` and the floor's `K:` with them.
const TR_CAP = '[A-ZÇĞİÖŞÜ][a-zçğıöşüâîû]+';
const STREET_TURKISH = new RegExp(
  `(?:${TR_CAP}[ \\t]+){1,3}(?:Caddesi|Cad\\.|Cd\\.|Sokak|Sokağı|Sok\\.|Sk\\.|Bulvarı|Blv\\.|Bulv\\.)[ \\t]*,?[ \\t]*No[:.]?[ \\t]*\\d{1,5}[A-Z]?(?:[ \\t]*[/,]?[ \\t]*(?:D|Daire|Kat|K)?[:.]?[ \\t]*\\d{1,4}){0,2}`,
  'g',
);
const STREET_GLUED = new RegExp(
  `\\b${CAP}(?:(?:straße|strasse|str\\.|weg|gasse|platz|allee|damm|ufer|gatan|gata|gaten|gade|vej|vegen|veien|vägen|straat|laan|gracht|kade|plein|singel|katu|tie)|(?:-${CAP})*(?:-|[ \\t]+)(?:Straße|Strasse|Weg|Platz|Allee|Gasse|Ring|Damm|Chaussee|Ufer|Steig|Pfad|Markt))[ \\t]+\\d{1,4}[A-Za-z]?\\b`,
  'g',
);
/** A Korean road romanised (`308 Haeundaehaebyeon-ro`): found by its word, the number and name read back. */
const ROAD_AT = /-(?:ro|gil|daero)\b/g;
// The number and name before a road's word.
const ROAD_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}_-])(\\d{1,5}[ \\t]+${CAP}(?:-[a-z]+)*)$`, 'u');

/** An organisation's name or office just before (`Foundation, Inc., 51 Franklin Street`, `having an office at`). */
// (And a public building's name: `The White House, 1600 Pennsylvania Avenue NW`, `Tate Modern Museum, …`;
// not a home's, `Fern House, 12 Oak Road`.)
const ORGANISATION_BEFORE =
  /\b(?:Inc|Ltd|LLC|LLP|GmbH|AG|S\.?A|Corp|Corporation|Foundation|University|Institute|Commons|Company|Co|plc|office at|offices at|headquarters at|[Rr]egistered office:|[Rr]egistered address:|[Ss]ede legale:|[Ss]iège social:|Firmensitz:|[Tt]he[ \t]+(?:[A-Z][a-z]+[ \t]+){1,2}House|Building|Tower|Cent(?:er|re)|Museum|Library|Hall|Hotel|Stadium|Arena|Cathedral|Station|Airport|Hospital|Embassy|Consulate|Theat(?:re|er))\.?,?[ \t]*(?:\r?\n[ \t#*/]*)?$/;
/** A British or Canadian postcode or an Irish Eircode, read only near a street address. */
const POSTCODE =
  /\b(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|[AC-FHKNPRTV-Y]\d[0-9W][ \t]?[0-9AC-FHKNPRTV-Y]{4})\b/g;

/** `Franklin Street` after a house number is a street, whatever names its words hold. */
export const STREET_AFTER_NUMBER = new RegExp(`\\d{1,5}[A-Za-z]?,?[ \\t]+(?:${CAP}[ \\t]+){1,3}(?:${STREET_TYPE})$`);

/**
 * `prefixed`, `numberFirst`: whether the text holds a word of STREET_PREFIXES or
 * STREET_NUMBER_FIRST_WORDS; `suffixed`: 1 for a word of STREET_SUFFIXES, 2 for one of ROAD_WORDS
 * (street-words.ts; index.ts's features).
 */
export function findStreetAddresses(text: string, out: Finding[], prefixed: boolean, numberFirst: boolean, suffixed: number): void {
  findStreets(text, STREET_NUMBERED, out);
  if (suffixed & 4) findStreets(text, STREET_TURKISH, out);
  if (prefixed) findStreets(text, STREET_PREFIXED, out);
  if (numberFirst) findStreets(text, STREET_NUMBER_FIRST, out);
  if (suffixed & 1) findStreets(text, STREET_GLUED, out);
  if (suffixed & 2) findStreetsByWord(text, ROAD_AT, out);
}

function findStreetsByWord(text: string, re: RegExp, out: Finding[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const lo = Math.max(0, m.index - 64);
    const n = ROAD_BEFORE.exec(text.slice(lo, m.index));
    if (n === null) continue;
    const start = m.index - n[1].length;
    acceptStreet(text, { index: start, 0: text.slice(start, m.index + m[0].length) }, false, out);
  }
}

function findStreets(text: string, re: RegExp, out: Finding[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) acceptStreet(text, m, re === STREET_NUMBERED, out);
}

/** A street matched at `m.index`: taken when it ends its clause and is no copyright holder's or organisation's. */
function acceptStreet(text: string, m: { index: number; 0: string }, numbered: boolean, out: Finding[]): void {
  let end = m.index + m[0].length;
  // The unit after the number goes with the street (`Mannerheimintie 40 B 12`, `Javastraat 228 hs`).
  UNIT_AFTER.lastIndex = end;
  const unitAfter = UNIT_AFTER.exec(text);
  if (unitAfter !== null && unitAfter[0].trim().length > 0 && !unitAfter[0].includes('\n')) end += unitAfter[0].length;
  // A number's suffix after a hyphen (`Oudegracht 211-bis`, `Rue Haute 12-A`).
  const suffix = /^-(?:bis|ter|[A-Za-z])(?![A-Za-z0-9])/.exec(text.slice(end, end + 5));
  if (suffix !== null) end += suffix[0].length;
  // An address ends its clause: `…Court, Boulder`, `…Crescent⏎`. Not `2016 Iain Lane <iain@…>`.
  // In a record, a quote, a tag, a separator (`/4`, `-II`, `^^PORTLAND`) may end it too.
  // (iCalendar escapes its commas: `LOCATION:Van Woustraat 355\, 2517 AB Den Haag`.)
  if (!/^[ \t]*(?:[,;)\r\n"'<^~*|/$]|\\[nrt,;]|-[0-9IVX]|\.?[ \t]*(?:\r?\n|$)|$)/.test(text.slice(end, end + 4))) return;
  // The line's start, looked for at most 120 characters back.
  const lo = Math.max(0, m.index - 120);
  const nl = text.lastIndexOf('\n', m.index - 1);
  const ls = nl >= lo ? nl + 1 : lo;
  const before = text.slice(Math.max(0, ls - 81), m.index);
  // A year in a copyright line (`© 2011 Gary Court.`), and an organisation's address: not a person's.
  // A year at the head of a line is a copyright holder's (`  2021 Iain Lane`), as after `©`.
  if (/^(?:19|20)\d\d\b/.test(m[0]) && /(?:^[ \t#*/-]*|©|\(c\)|copyright|\d{4}[ \t]*[-–,][ \t]*)$/i.test(text.slice(ls, m.index))) return;
  if (ORGANISATION_BEFORE.test(before)) return;
  const unit = numbered ? UNIT_BEFORE.exec(text.slice(Math.max(0, m.index - 24), m.index)) : null;
  out.push({ kind: 'street-address', start: m.index - (unit ? unit[0].length : 0), end });
  const last = end;
  // The postcode of the same address: on its line or one of the three after it, within 240 characters.
  const limit = Math.min(text.length, last + 240);
  // (From the street's own line end: a street that ends its line must not count that line end as one of the three.)
  let stop = last - 1;
  for (let k = 0; k < 4 && stop < limit; k++) {
    stop = text.indexOf('\n', stop + 1);
    if (stop < 0) break;
  }
  const window = text.slice(last, stop < 0 || stop > limit ? limit : stop);
  POSTCODE.lastIndex = 0;
  let p: RegExpExecArray | null;
  while ((p = POSTCODE.exec(window)) !== null) {
    // How many lines up its street stands (`cueLines`): a rule that counts it as a person's data
    // must stay within the window's reach less those lines.
    let cueLines = 0;
    for (let i = window.indexOf('\n'); i >= 0 && i < p.index; i = window.indexOf('\n', i + 1)) cueLines++;
    out.push({ kind: 'street-address', start: last + p.index, end: last + p.index + p[0].length, cueLines } as Finding);
  }
}

// ---------- Ethereum addresses ----------
// `0x` and 40 hex digits. Mixed case is EIP-55's checksum (not verified: it needs Keccak-256,
// which Node's crypto lacks), and random hex in code is written in one case; an address in one
// case is taken where its line speaks of an address, a wallet or a transfer.
const ETH = /\b0x[0-9a-fA-F]{40}(?![0-9a-fA-F])/g;
const ETH_CUE =
  /wallet|address|addr\b|\bfrom\b|\bto\b|recipient|sender|payout|payee|\beth\b|ether|erc-?20|erc-?721|account|beneficiar|deposit|withdraw/i;

/** The caller runs this on texts holding `0x`. */
export function findEthAddresses(text: string, out: Finding[]): void {
  ETH.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ETH.exec(text)) !== null) {
    const hex = m[0].slice(2);
    if (/^0+$/.test(hex) || /^(.)\1+$/i.test(hex)) continue; // the zero address, filler
    const mixed = /[a-f]/.test(hex) && /[A-F]/.test(hex);
    if (!mixed) {
      // The line around it, at most 80 characters each way (a 1 MB line must not be read per match).
      const a = Math.max(0, m.index - 80);
      const b = Math.min(text.length, m.index + m[0].length + 80);
      const nl = text.lastIndexOf('\n', m.index);
      let le = text.indexOf('\n', m.index);
      if (le < 0 || le > b) le = b;
      const line = text.slice(Math.max(a, nl + 1), m.index) + ' ' + text.slice(m.index + m[0].length, le);
      // A deployed contract's address is public.
      if (!ETH_CUE.test(line) || /contract/i.test(line)) continue;
    }
    out.push({ kind: 'crypto-address', start: m.index, end: m.index + m[0].length });
  }
}

// The postal line of an address whose street was found: the postcode and town after it, on its
// line (`…Street 81, #05-330, Singapore 640021`, `Via Roma 164, 10123 Torino`) or alone on the
// next (`Am Kirchplatz 3⏎26603 Aurich`, `27 avenue Jean Jaurès⏎69007 Lyon`, `…⏎Portland, OR 97214`).
const POSTAL =
  "(?:(?:[A-Z]{1,2}-)?\\d{4,5}(?:[ \\t]?[A-Z]{2}(?![\\p{L}]))?|\\d{3}[ \\t]\\d{2}|\\d{2}-\\d{3}|\\d{4}-\\d{3}|\\d{3}-\\d{4}|\\d{5}-\\d{3}|[A-Z]{1,2}\\d[A-Z\\d]?[ \\t]?\\d[A-Z]{2}|[A-Z]\\d[A-Z][ \\t]?\\d[A-Z]\\d)[ \\t]+\\p{Lu}[\\p{L}'’.]*(?:[ \\t/-]{1,3}\\p{L}[\\p{L}'’.]*){0,3}" +
  // A post office box and its town (`P.O. Box 45210-00100, Nairobi`).
  "|P\\.?[ \\t]?O\\.?[ \\t]?Box[ \\t]+\\d{1,6}(?:-\\d{3,5})?,?[ \\t]+\\p{Lu}[\\p{L}'’.]*(?:[ \\t-]\\p{Lu}[\\p{L}'’.]*){0,2}" +
  "|\\p{Lu}[\\p{L}'’.]*(?:[ \\t-]\\p{Lu}[\\p{L}'’.]*){0,2},?[ \\t]+(?:[A-Z]{2}[ \\t]+\\d{5}(?:-\\d{4})?|\\d{3}-\\d{4}|\\d{5}-\\d{3}|\\d{4,6}|[A-Z]\\d[A-Z][ \\t]?\\d[A-Z]\\d)";
const POSTAL_UNIT =
  '(?:(?:apt|apartment|unit|suite|ste|flat|fl|floor|piso|etage|bus|#)\\.?[ \\t]*#?[\\w-]{1,8}|\\d{1,3}\\.?[ \\t]*[º°ª]?[ \\t]*(?:[Ii]zq|[Dd]cha|[Dd]to|[Dd]r|[Ee]sq|[a-zA-Z])?\\.?|#\\d{1,3}-\\d{1,5})';
const POSTAL_PLACE = "\\p{Lu}[\\p{L}'’.-]*(?:[ \\t]\\p{Lu}[\\p{L}'’.-]*){0,2}";
const POSTAL_SAME_LINE = new RegExp(
  `[ \\t]*(?:\\\\?["'])?[ \\t]*\\\\?,[ \\t]*(?:\\\\?["'](?=[^"'\\n]{0,40}["']))?(?:(?:${POSTAL_UNIT}|${POSTAL_PLACE})[ \\t]*\\\\?,[ \\t]*){0,2}(${POSTAL})[ \\t]*(?=$|[,.;)\\]"'<]|\\r|[—–][ \\t]|(?:and|or|und|et|y|e|&)[ \\t])`,
  'uym',
);
// (A conjunction may follow the postcode: `…, Atlanta, GA 30308 and cell …`.)
// (Up to two short parts may end the street's line first: `Kastanienallee 38, 3. OG links` ⏎ `10435 Berlin`.)
// (A form's label may stand before it: `PLZ/Ort:         50825 Köln`.)
const POSTAL_NEXT_LINE = new RegExp(
  `(?:[ \\t]*,[ \\t]*[^\\n,]{1,30}){0,2}[ \\t]*,?[ \\t]*\\r?\\n[ \\t]*(?:\\p{L}[\\p{L}/. -]{0,18}:[ \\t]*)?(${POSTAL})[ \\t]*,?[ \\t]*(?:\\([A-Z]{2}\\)[ \\t]*)?(?=\\r?$)`,
  'uym',
);

// The unit after a street's number, on its line: `…40 B 12` (a staircase and a flat), `…38, interno 5`,
// `…228 hs`, `…, apt 4B`, `…, piso 11 dto. A`, `Flat 12B, Block 3`.
const UNIT_AFTER =
  /(?:[ \t]*,?[ \t]*(?:(?:apt|apartment|unit|suite|ste|flat|fl|floor|piso|planta|etage|étage|bus|bte|interno|int|scala|casa|dto|depto|dpto|app|appt|appartement|wohnung|whg|lgh|kv|кв|tür|top|stiege|esc|escalera|puerta|porta|block|blk|bloco|andar|sala)\.?[ \t]*[#nº°]?[ \t]*[0-9][\w-]{0,5}|(?:apt|flat|unit|dto|depto|puerta|porta|block|stiege)\.?[ \t]+[A-Z](?![\w])|[A-Z][ \t]\d{1,4}(?![\w.,-]\d)|[A-Z](?=[ \t]*(?:[,;\r\n]|$))|hs|bis|ter|[0-9]{1,2}[ \t]*[º°ª][ \t]*[A-Za-z]?))+/iy;

/** Adds the unit and the postal line after each street address in `out` (see UNIT_AFTER and POSTAL). */
export function findPostalLines(text: string, out: Finding[]): void {
  const streets = out.filter((f) => f.kind === 'street-address');
  for (const street of streets) {
    let f = street;
    // A flat after a slash (`Rue des Tanneurs 58/3` ⏎ `1000 Bruxelles`).
    const flat = /^\/\d{1,4}[a-zA-Z]?(?![\w/])/.exec(text.slice(f.end, f.end + 8));
    if (flat !== null) {
      f = { kind: 'street-address', start: f.start, end: f.end + flat[0].length };
      out.push(f);
    }
    UNIT_AFTER.lastIndex = f.end;
    const unit = UNIT_AFTER.exec(text);
    if (unit !== null && unit[0].trim().length > 0 && !unit[0].includes('\n')) {
      f = { kind: 'street-address', start: f.start, end: f.end + unit[0].length };
      out.push(f);
    }
    for (const re of [POSTAL_SAME_LINE, POSTAL_NEXT_LINE]) {
      re.lastIndex = f.end;
      const m = re.exec(text);
      if (m === null) continue;
      // From the first part after the street: the places between it and the postcode go too.
      let start = m.index;
      while (start < text.length && ' \t,\r\n\\"\''.includes(text[start])) start++;
      // (Not a form's label before the postal line: from the postcode then.)
      const postal = m.index + m[0].lastIndexOf(m[1]);
      if (re === POSTAL_NEXT_LINE && text.slice(text.lastIndexOf('\n', postal) + 1, postal).includes(':')) start = postal;
      out.push({ kind: 'street-address', start, end: m.index + m[0].lastIndexOf(m[1]) + m[1].length });
      break;
    }
  }
}

// A street and its postal line written inline, on the line of a person's data (a letter's `Milica
// Jovanović, JMBG 2201986713606, Bulevar kralja Aleksandra 73, 11000 Beograd`, `bytem Vinohradská
// 1511/230, 100 00 Praha 10`, `ул. „Шипка" 34, ет. 2, 1504 София`, `Thorvald Meyers gate 61, 0552
// Oslo`): words and a house number, up to two short parts (a floor, a flat), then a postcode and a
// town. The street needs no word of a known language: the postal line after it and the person's
// data beside it say what it is.
const INLINE_ADDRESS = new RegExp(
  '(?<![\\p{L}\\p{N}])((?:(?:ул|вул|бул|пр|ul|al|os|pl|str|ulica|bulevar|bul)\\.?[ \\t]+[„"«]?)?\\p{Lu}[\\p{L}\\p{M}\'’.-]*(?:[ \\t]+[\\p{L}\\p{M}\'’.-]+){0,3}[»"“]?[ \\t]+\\d{1,5}[a-zA-Z]?(?:/\\d{1,5}[a-zA-Z]?)?)' +
    "((?:,[ \\t]*[^,\\n]{1,12}?){0,2}),[ \\t]*((?:\\d{2}-\\d{3}|\\d{3}[ \\t]\\d{2}|\\d{3,5})[ \\t]+\\p{Lu}[\\p{L}\\p{M}'’-]+(?:[ \\t]+(?:\\d{1,2}(?![\\d,:]|\\.\\d)|\\p{Lu}[\\p{L}\\p{M}'’-]+))?)",
  'gu',
);
const INLINE_NOT_STREET =
  /\b(?:copyright|\(c\)|©|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|version|release|build|step|phase|part|chapter|page|room|level|terminal|platform)\b/i;
const INLINE_COMPANY = new Set(['person-name', 'phone', 'email', 'iban', 'birth-date', 'us-ssn']);

/** Streets with their postal line inline (INLINE_ADDRESS), on a line holding a person's data (`isId`: a national identifier's kind). */
export function findInlineAddresses(text: string, out: Finding[], isId: (kind: string) => boolean): void {
  const lines: [number, number][] = [];
  // (Data read on its own line: a name may have been read with help from lines further on, which a
  // window around the street would not hold.)
  const near: [number, number][] = [];
  for (const f of out)
    if (INLINE_COMPANY.has(f.kind) || isId(f.kind)) {
      lines.push([lineStartOf(text, f.start), f.start]);
      if (f.kind !== 'person-name') near.push([0, f.start]);
    }
  if (lines.length === 0) return;
  // A street matches within one line: only the lines that may hold one are searched, each once (the
  // lines of the data, and the three either side of data other than a name).
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  const lineOf = (at: number): number => {
    let lo = 0,
      hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const dataLines = new Set(lines.map(([b]) => b));
  const wanted = new Set<number>();
  for (const [, at] of lines) wanted.add(lineOf(at));
  for (const [, at] of near) for (let k = lineOf(at) - 3, e = k + 6; k <= e; k++) if (k >= 0 && k <= breaks.length) wanted.add(k);
  const flood = cueFlood();
  for (const idx of [...wanted].sort((a, b) => a - b)) {
    const from = idx === 0 ? 0 : breaks[idx - 1] + 1;
    const to = idx < breaks.length ? breaks[idx] : text.length;
    for (const m of searchLine(text, from, to)) {
      flood(m.index);
      const bol = lineStartOf(text, m.index);
      // On the line of a person's data, or alone on its line within three lines of it (a signature's
      // block: `Jannik Pohl` ⏎ `Rheinwerk GmbH` ⏎ `Hohenstaufenring 57, 50674 Köln` ⏎ `Tel.: …`).
      if (!dataLines.has(bol) && !(endsItsLine(text, m.index + m[0].length) && personNear(text, bol, near))) continue;
      // Nor dates and copyright lines (`Copyright 2002, 2003 Colin Watson`, `August 26, 2011 Darrick J. Wong`):
      // a month or a copyright in the street, or a town that is a person's name found.
      if (INLINE_NOT_STREET.test(m[1]) || (/^(?:19|20)\d\d$/.test(m[3].split(/[ \t]/)[0]) && /(?:19|20)\d\d$/.test(m[1]))) continue;
      const postalAt = m.index + m[0].length - m[3].length;
      if (out.some((f) => f.kind === 'person-name' && f.start < postalAt + m[3].length && f.end > postalAt)) continue;
      const streetEnd = m.index + m[1].length;
      out.push({ kind: 'street-address', start: m.index, end: streetEnd + m[2].length });
      const postal = m.index + m[0].length - m[3].length;
      out.push({ kind: 'street-address', start: postal, end: postal + m[3].length });
    }
  }
}
/** INLINE_ADDRESS's matches in the line [from, to), their offsets in `text`. */
function searchLine(text: string, from: number, to: number): RegExpExecArray[] {
  const line = text.slice(from, to);
  const found: RegExpExecArray[] = [];
  INLINE_ADDRESS.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = INLINE_ADDRESS.exec(line)) !== null;) {
    m.index += from;
    found.push(m);
  }
  return found;
}
const LINE_REST = /[ \t]*(?:,[ \t]*\p{Lu}[\p{L}\p{M} ]{1,30})?[ \t.]*(?:\r?\n|$)/uy;
function endsItsLine(text: string, i: number): boolean {
  LINE_REST.lastIndex = i;
  return LINE_REST.test(text);
}
/** A person's data within three lines of the line starting at `bol` (the trajectory builder's window). */
function personNear(text: string, bol: number, lines: [number, number][]): boolean {
  let lo = bol,
    hi = bol;
  for (let k = 0; k < 3 && lo > 0; k++) lo = lineStartOf(text, lo - 1);
  for (let k = 0; k < 4 && hi < text.length; k++) {
    const n = text.indexOf('\n', hi);
    hi = n < 0 ? text.length : n + 1;
  }
  return lines.some(([, at]) => at >= lo && at < hi);
}
function lineStartOf(text: string, i: number): number {
  let k = i;
  while (k > 0 && i - k < 4096 && text.charCodeAt(k - 1) !== 10) k--;
  return k;
}

// Addresses written in other scripts, by their administrative parts: Korean (`서울특별시 마포구
// 월드컵북로 396, 1203호`), Japanese (`東京都世田谷区三軒茶屋2-14-7 グランドメゾン305`), Chinese
// (`广东省深圳市南山区科技园南路16号3栋1202`), and a street's word in Greek and Russian
// (`Οδός Ερμού 45`, `ул. Тверская, д. 7`).
const SCRIPT_ADDRESSES = [
  // Korean: a province or metropolitan city, a district, a road and its number, the unit.
  /[가-힣]{1,6}(?:특별시|광역시|특별자치시|특별자치도|도)[ \t]+[가-힣]{1,6}(?:구|시|군)(?:[ \t]+[가-힣]{1,6}(?:구|시|군|읍|면|동))?[ \t]+[가-힣0-9]{1,12}(?:로|길|대로)[ \t]*\d{1,4}(?:-\d{1,4})?(?:[ \t]*,?[ \t]*\d{1,5}(?:호|동|층)(?:[ \t]*\d{1,5}호)?)?/gu,
  // Japanese: a prefecture, a city or ward, a town, a block and number, the building.
  /(?:東京都|北海道|(?:京都|大阪)府|[\p{Script=Han}]{2,3}県)[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{1,10}?[市区町村郡][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー0-9０-９]{0,12}?[0-9０-９]{1,4}(?:[-－ー丁目番地号の][0-9０-９]{1,4}){1,3}(?:号)?(?:[ \t\u3000]*[\p{Script=Katakana}\p{Script=Han}ー・A-Za-z]{1,20}[0-9０-９]{1,4}(?:号室)?)?/gu,
  // Chinese: a province or municipality, a city or district, the road, the number and the unit.
  /[\p{Script=Han}]{2,8}(?:省|自治区|市)[\p{Script=Han}]{0,12}?(?:市|区|县|旗)[\p{Script=Han}0-9]{0,20}?(?:路|街|道|巷|大道)[0-9]{1,5}号(?:[0-9]{1,4}(?:栋|幢|号楼|座))?(?:[0-9]{1,5}(?:室|号)?)?/gu,
  // Chinese without its province, simplified or traditional (Taiwan's, Hong Kong's): a district, the
  // road (its section), the number and the unit (`朝阳区建国路109号5栋1001室`, `大安區忠孝東路四段101號11樓`);
  // or the road, the number and a floor or block after it, as a unit says (`青山公路362號金輝大廈4樓A室`).
  // (From a word's start: `公司位于朝阳区…` is a company's, and no part of it a name of the district.)
  /(?<![\p{Script=Han}])(?:[\p{Script=Han}]{2,4}(?:省|市)){0,2}[\p{Script=Han}]{2,3}(?:区|區|县|縣)[\p{Script=Han}0-9]{1,12}?(?:路|街|道|巷|大道|弄)(?:[一二三四五六七八九十]{1,3}段)?(?:[0-9]{1,4}[巷弄])?[0-9]{1,5}[号號](?:[\p{Script=Han}]{0,8}?[0-9]{1,4}(?:栋|幢|号楼|號樓|座|樓|楼|层|層)(?:[0-9]{1,5}[室号號]?|[A-Z]室?)?|[0-9]{1,5}室)?/gu,
  /(?<![\p{Script=Han}])[\p{Script=Han}0-9]{1,12}?(?:路|街|道|巷|大道)(?:[一二三四五六七八九十]{1,3}段)?[0-9]{1,5}[号號][\p{Script=Han}]{0,8}?[0-9]{1,4}(?:栋|幢|座|樓|楼|层|層)(?:[0-9]{1,5}[室号號]?|[A-Z]室?)?/gu,
  // Greek and Russian: the street's word, its name, the number (and a postcode and town after a comma).
  /(?:Οδός|Οδ\.|Λεωφόρος|Λεωφ\.|Πλατεία)[ \t]+\p{Lu}[\p{Ll}ά-ώ]+(?:[ \t]+\p{Lu}[\p{Ll}ά-ώ]+)?[ \t]+\d{1,4}[Α-Ωα-ω]?(?:,[ \t]*\d{3}[ \t]?\d{2}[ \t]+\p{Lu}[\p{Ll}ά-ώ]+)?/gu,
  /(?:ул\.|улица|пр-т|проспект|пер\.|переулок|ш\.|шоссе|наб\.)[ \t]*\p{Lu}[\p{Ll}-]+(?:[ \t]+\p{Lu}?[\p{Ll}-]+)?,?[ \t]*(?:д\.|дом)[ \t]*\d{1,4}[а-я]?(?:,?[ \t]*(?:кв\.|квартира)[ \t]*\d{1,4})?/gu,
  // Ukrainian: the street's word, its name, the number (`буд.` or none), the flat, and the town with
  // its postcode after it (`вул. Хрещатик, 15, кв. 42, м. Київ, 01001`).
  /(?:вул\.|вулиця|просп\.|проспект|пров\.|провулок|бульв\.|бульвар|пл\.|площа)[ \t]*\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}?[\p{Ll}'’-]+)?,?[ \t]*(?:(?:буд\.|будинок)[ \t]*)?\d{1,4}[а-яієї]?(?:,?[ \t]*(?:кв\.|квартира)[ \t]*\d{1,4})?(?:,[ \t]*(?:м\.|місто)[ \t]*\p{Lu}[\p{Ll}'’-]+(?:,[ \t]*\d{5})?)?/gu,
];

/** Addresses in other scripts (see SCRIPT_ADDRESSES). */
export function findScriptAddresses(text: string, out: Finding[]): void {
  for (const re of SCRIPT_ADDRESSES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push({ kind: 'street-address', start: m.index, end: m.index + m[0].length });
  }
}

// ---------- addresses after their label ----------
// `Address: …`, `Woonadres: Keizersgracht 236-II, 1018 VC Amsterdam`, `Dirección: Av. Insurgentes
// Sur 2972, …`, `住所：〒154-0007 東京都…`, `she lives at 42 Elm Street`: the label says what the value
// is, so the value needs no street word of a known language, only the shape of an address (a
// number beside a capitalised word or a word of another script). It runs from the label to the
// last number on the line and the places written after it (`…, 90-558 Łódź`), up to a lower-case
// word (`… NSW 2026 by Friday`). Not a network's, a memory's or a wallet's address, nor an
// organisation's.
// Three searches, each run only on texts holding its words (the caller's features): English
// labels (a literal first, which the search skips to), other languages' labels, verbs.
const LABEL_END = '(?:[ \\t]*[:：՝][ \\t]*|[ \\t]+(?:is|es|est|ist|è|é|=)[ \\t]+)';
const ADDRESS_LABELS = [
  // `address: …`, `address is …`, `address 21 Jurong West …` (a number right after), `address on the P45 is …`,
  // `Delivery address for Priya Nair: …`.
  new RegExp(`address(?:${LABEL_END}|[ \\t]+(?=\\d)|(?:[ \\t]+[^\\s:\\d]{1,20}){1,5}?(?:[ \\t]+is[ \\t]+|[ \\t]*:[ \\t]*))`, 'gi'),
  new RegExp(
    '(?:adres(?:[ \\t]+zamieszkania)?|adresse(?:[ \\t]+(?:de[ \\t]+livraison|postale|de[ \\t]+facturation|priv[ée]e))?|anschrift|postanschrift|wohnadresse|lieferadresse|rechnungsadresse|privatadresse|' +
      'direcci[oó]n(?:[ \\t]+(?:de[ \\t]+(?:env[ií]o|entrega|facturaci[oó]n)|postal))?|domicilio|domic[ií]lio|endere[cç]o(?:[ \\t]+(?:de[ \\t]+entrega|residencial))?|' +
      'indirizzo(?:[ \\t]+di[ \\t]+(?:residenza|spedizione|consegna))?|residenza|woonadres|bezorgadres|huisadres|adresa|naslov|morada|aadress|osoite|postiosoite|kotiosoite|adress|hemadress|bostadsadresse|' +
      `adres[a-zçğıöşü]{0,4}|адрес(?:[ \\t]+проживания|[ \\t]+доставки)?|διεύθυνση|住所|地址|주소|כתובת|العنوان|पता|` +
      // (Basque, Welsh, Catalan, Hungarian, Icelandic, Vietnamese; Serbian, Mongolian, Armenian, the scripts of South Asia, Thai, Urdu, Persian.)
      `helbidea|cyfeiriad|adreça|lakc[íi]m|cím|heimilisfang|đ[ịi]a[ \\t]+ch[ỉi]|адреса|хаяг|հասցե|ঠিকানা|पत्ता|முகவரி|చిరునామా|ವಿಳಾಸ|വിലാസം|સરનામું|ਪਤਾ|ලිපිනය|ที่อยู่|پتہ|پتا|آدرس|` +
      // (Malay and Indonesian, Azerbaijani, Czech and Slovak, Filipino, Uzbek; Georgian, Amharic, Chinese, Nepali, Kazakh.)
      `alamat|ünvan|trval[ýé][ \\t]+(?:pobyt|bydliště)|bydliště|bydlisko|tirahan|manzil|მისამართი|አድራሻ|住址|ठेगाना|(?:тіркелген[ \\t]+)?мекенжайы?)(?:${LABEL_END}|(?:[ \\t]+[^\\s:\\d]{1,20}){1,5}?[ \\t]*[:：][ \\t]*)`,
    'gi',
  ),
  new RegExp(
    '(?:(?:lives|living|resides|residing|reside|wohnt|wohnhaft|vive|habite|woont|mieszka)[ \\t]+(?:at|in[ \\t]+der|in|an[ \\t]+der|am|en[ \\t]+la|en|à|em|na|w|op|on)|' +
      '(?:ship(?:ped|ping)?|bill(?:ed|ing)?|deliver(?:ed|y)?|mail(?:ed)?|post(?:ed)?)(?:[ \\t]+(?:it|them|this|these|the[ \\t]+[a-z]+))?[ \\t]+to)(?:[ \\t]*[:：])?[ \\t]+',
    'gi',
  ),
];
const LABEL_GLUED = /[\p{L}\p{N}_.-]/u;
const DIGIT_PAST_ASCII = /\p{Nd}/u;
// (Georgian's letters are lower case, and its addresses' words too.)
const GEORGIAN = /^\p{Script=Georgian}/u;
const NOT_POSTAL_BEFORE =
  /(?:ip|ipv[46]|mac|e-?mail|memory|wallet|contract|bitcoin|btc|eth(?:ereum)?|crypto|server|remote|local|bind|listen|listening|return|web|base|hardware|physical|virtual|network|host|proxy|gateway|broadcast|multicast|loopback|link|public|private|sender|reply-to|mail|smtp|bus|register|start|end|load|entry|jump|target|source|destination|peer|node|socket|url|uri|http|contract's|ip-)[ \t_-]*$/i;
const ORGANISATION_IN = /\b(?:Inc|Ltd|LLC|LLP|GmbH|AG|Corp|Corporation|Foundation|University|Institute|Company|plc|B\.V|S\.A|S\.L|Pty)\b/;
// The value's first word: a number, a capitalised word, a word of another script, a postcode mark,
// or a street's word written in lower case (`ul.`, `rue`, `c/`, `г.`).
const ADDRESS_START =
  /^(?:\p{Nd}|〒|\p{Lu}|\p{Lo}|\p{Script=Georgian}|(?:ul|al|os|pl|rue|via|viale|calle|c\/|av|avda|rua|str|straße|strasse|г|ул|пр|д|flat|apt|unit|no)(?![\p{L}]))/u;
// A number beside a capitalised word or another script's (`12 Smith St`, `Hauptstraße 12`, `No:45`, `3丁目3番12号`).
const ADDRESS_SHAPE =
  /\p{Nd}[\p{Nd}A-Za-z/-]*[.,]?[ \t]+(?:\p{Lu}|\p{Lo})|(?:\p{Lu}[\p{L}'’-]+|\p{Lo}{2,})[“”"»]?\.?,?[ \t]+(?:(?:No|Nr|N[º°o]|№)\.?[ \t]?:?[ \t]?)?\p{Nd}|(?:No|Nr|N[º°o])\.?[ \t]?:[ \t]?\d|\p{Lo}\p{Nd}|\p{Nd}\p{Lo}|〒[ \t]?\d|\p{Lo}[\p{Lo}\p{M}]*\.?[ \t]+\p{Nd}/u;
// After the last number: letters glued to it (`8B`, `号`), then places (`, Boulder`, `/Ankara`, ` NSW`).
const ADDRESS_TAIL = /[\p{L}\p{M}]*(?:(?:[ \t]*[,/،-][ \t]*|[ \t]+)(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lo}[\p{Lo}\p{M}]*))*/uy;

// Words an address writes in lower case: particles, street types and units (`rue des Lilas`, `piso 3`, `m. 15`).
const LOWER_IN_ADDRESS =
  /^(?:de|del|la|las|los|da|do|dos|das|di|della|du|des|le|van|der|den|von|am|an|im|y|e|et|rue|via|viale|calle|ul\.?|al\.?|m\.|d\.|kv\.|г\.|ул\.|д\.|кв\.|no\.?|st\.?|apt\.?|flat|piso|izq\.?|dcha\.?|bis|ter|hs|depto\.?|dto\.?|esq\.?|c\/|av\.?|avda\.?|str\.?)$/;
/** Prose, not an address: two lower-case words in a row that an address does not write (`An integer representation of …`). */
function prose(v: string): boolean {
  let run = 0;
  for (const w of v.split(/[\s,]+/)) {
    // (An abbreviation is an address's word in any language: `küç.`, `mən.`, `gamz.`, `ет.`.)
    if (/^\p{Ll}/u.test(w) && !LOWER_IN_ADDRESS.test(w) && !/^\p{Ll}{1,5}\.$/u.test(w) && !GEORGIAN.test(w)) {
      if (++run >= 2) return true;
    } else run = 0;
  }
  return false;
}

/** Addresses after a label or a verb of living (see ADDRESS_LABELS; `which`: a bit for each search to run). */
export function findLabelledAddresses(text: string, out: Finding[], which: number): void {
  for (let k = 0; k < ADDRESS_LABELS.length; k++) if (which & (1 << k)) labelled(text, ADDRESS_LABELS[k], out);
}

function labelled(text: string, re: RegExp, out: Finding[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  const flood = cueFlood();
  while ((m = re.exec(text)) !== null) {
    flood(m.index);
    const from = m.index + m[0].length;
    if (m.index > 0 && LABEL_GLUED.test(text[m.index - 1])) continue;
    if (NOT_POSTAL_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    if (end > from + 160) end = from + 160;
    let start = from;
    // A quoted value ends at its quote.
    const q = text[start];
    if (q === '"' || q === "'") {
      const close = text.indexOf(q, start + 1);
      if (close < 0 || close > end) continue;
      start++;
      end = close;
    }
    let v = text.slice(start, end);
    // A table's next cell, a statement's end, a comment: not the address.
    const cut = v.search(/[ \t]\|[ \t]|;|\t|[ \t]#[ \t]|[ \t]\/\/[ \t]/);
    if (cut >= 0) v = v.slice(0, cut);
    if (v.length < 6 || !ADDRESS_START.test(v)) continue;
    if (/[@\\{}[\]<>$=`]|:\/\/|https?:|0x[0-9a-f]|\blocalhost\b|\d+\.\d+\.\d+\.\d+|\b(?!(?:No|Nr)\b)[A-Za-z][\w.-]*:\d{2,5}\b/i.test(v))
      continue;
    if (ORGANISATION_IN.test(v)) continue;
    // The last number, then what names its place.
    let last = -1;
    for (let i = v.length - 1; i >= 0; i--) {
      const c = v.charCodeAt(i);
      // (Digits of other scripts too: `١٢ شارع التحرير`, `वडा नं. ११`.)
      if ((c >= 48 && c <= 57) || (c > 127 && DIGIT_PAST_ASCII.test(v[i]))) {
        last = i;
        break;
      }
    }
    if (last < 0) continue;
    ADDRESS_TAIL.lastIndex = last + 1;
    const tail = ADDRESS_TAIL.exec(v);
    let e = last + 1 + (tail ? tail[0].length : 0);
    while (e > 0 && /[ \t,.\-/]/.test(v[e - 1])) e--;
    const value = v.slice(0, e);
    if (!ADDRESS_SHAPE.test(value) || !/\p{L}{2}/u.test(value) || prose(value)) continue;
    out.push({ kind: 'street-address', start, end: start + value.length });
  }
}

// A letter's address block: the addressee's name alone on its line (`Friederike von Allmen`,
// `Lil: Sur Ġorġ Farrugia`), then one or two lines of street (`Am Sandtorkai 27`, `12, Triq
// il-Kbira San Ġużepp`, `Teach na Coille, Bóthar an Chaisleáin`), then the postal line
// (`20457 Hamburg`, `Birkirkara BKR 1234`, `H91 R2KH`, `GL54 2JB`, or a landmark's line ending
// `…, Bengaluru 560022`). The street needs no word of a known
// language: the name above and the postcode below say what it is (up to three lines, as a house's
// name, its road and its village). The postal line goes with them.
const BLOCK_POSTAL = new RegExp(
  `^[ \\t]*(?:${POSTAL}|[A-Z]{3}[ \\t]?\\d{4}|\\p{Lu}[\\p{L}'’.-]*(?:[ \\t-]\\p{Lu}[\\p{L}'’.-]*){0,2},?[ \\t]+(?:[A-Z]{3}[ \\t]\\d{4}|[A-Z]{1,2}\\d[A-Z\\d]?[ \\t]\\d[A-Z]{2})|[AC-FHKNPRTV-Y]\\d[0-9W][ \\t]?[0-9AC-FHKNPRTV-Y]{4}|[A-Z]{1,2}\\d[A-Z\\d]?[ \\t]\\d[A-Z]{2}|[^\\n:@]{1,60}?,[ \\t]*\\p{Lu}[\\p{L}'’.-]*(?:[ \\t-]\\p{Lu}[\\p{L}'’.-]*){0,2}[ \\t]*[-–]?[ \\t]*\\d{4,6})[ \\t]*,?[ \\t]*\\r?$`,
  'u',
);
// A street's line: short, letters first or a number first, no label, no e-mail, no sentence's end.
const BLOCK_STREET = /^[ \t]*((?:\d{1,5}[A-Za-z]?,?[ \t]+)?\p{L}[^\n:@=<>{}[\]|]{2,78}?)[ \t]*,?[ \t]*\r?$/u;
const BLOCK_NAME_LABEL = /^[ \t]*(?:\p{L}{1,12}[ \t]*:[ \t]*)?$/u;

/** Street lines of letters' address blocks under a person's name found in `out` (see BLOCK_POSTAL). */
export function findAddressBlocks(text: string, out: Finding[]): void {
  const names = out.filter((f) => f.kind === 'person-name');
  for (const f of names) {
    // The name alone on its line (after a short label at most).
    const bol = text.lastIndexOf('\n', f.start - 1) + 1;
    let eol = text.indexOf('\n', f.end);
    if (eol < 0) eol = text.length;
    if (!/^[ \t]*\r?$/.test(text.slice(f.end, eol)) || !BLOCK_NAME_LABEL.test(text.slice(bol, f.start))) continue;
    const streets: [number, number][] = [];
    let at = eol + 1;
    for (let k = 0; k < 4 && at < text.length; k++) {
      let next = text.indexOf('\n', at);
      if (next < 0) next = text.length;
      const line = text.slice(at, next);
      if (k > 0 && BLOCK_POSTAL.test(line)) {
        // (The postal line goes with them within three lines of the name: the window's reach.)
        const postal = line.trim();
        if (k < 3) streets.push([at + line.indexOf(postal), at + line.indexOf(postal) + postal.length]);
        for (const [s, e] of streets) out.push({ kind: 'street-address', start: s, end: e });
        break;
      }
      const street = k < 3 ? BLOCK_STREET.exec(line) : null;
      // (Not a sentence: a line ending in `.`, `!`, `?`, nor a salutation's comma line.)
      if (street === null || /[.!?]$/.test(street[1]) || street[1].split(/[ \t]+/).length > 12) break;
      const s = at + line.indexOf(street[1]);
      streets.push([s, s + street[1].length]);
      at = next + 1;
    }
  }
}
