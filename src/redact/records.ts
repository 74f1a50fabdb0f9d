// Personal data in the records of three standard formats, read by their structure, since their
// values stand bare, with no key beside them:
// - vCard (RFC 6350): `N:Visser;Thijs;;;`, `FN:`, `NICKNAME:`, the street of `ADR:`, its `LABEL=`,
//   `GEO:`;
// - HL7 v2 segments: the patient (PID), next of kin (NK1), guarantor (GT1), insured (IN1) and the
//   visit's doctors (PV1): identifiers, names, dates of birth, addresses, phone numbers;
// - X12 (834, 837): a person's name and identifier (NM1), address (N3), date of birth (DMG),
//   phone numbers (PER), identifiers (REF);
// - LDIF entries of people: their names, login, addresses and phone numbers.
// Each reads one line (a segment, a property), so a window of lines sees what the whole text does.
// Part of the bundle loaded when a text first holds one of their words (statements.js).
import { writtenTollFree } from './phones';
import type { Finding } from './text';

// ---------- vCard ----------
// A property at the start of a line, its parameters, the value.
const ROLE_CARD = /\b(?:support|help ?desk|desk|team|service|sales|office|info|reception|switchboard|billing|admin|hotline)\b/i;
const VCARD_LINE =
  /^(?:item\d+\.)?(N|FN|NICKNAME|ADR|GEO|TEL|X-PHONETIC-(?:FIRST|MIDDLE|LAST)-NAME|SORT-STRING)((?:;[^:\n]*)?):([^\r\n]*)/gim;

/** Drops the street addresses other rules read on the `ADR` lines of a desk's or a team's card. */
export function dropRoleCardAddresses(text: string, raw: Finding[]): void {
  ADR_LINE.lastIndex = 0;
  const lines: [number, number][] = [];
  for (let m: RegExpExecArray | null; (m = ADR_LINE.exec(text)) !== null;)
    if (roleCard(text, m.index)) lines.push([m.index, m.index + m[0].length]);
  if (lines.length === 0) return;
  let w = 0;
  for (const f of raw) if (!(f.kind === 'street-address' && lines.some(([a, b]) => f.start >= a && f.end <= b))) raw[w++] = f;
  raw.length = w;
}
const ADR_LINE = /^(?:item\d+\.)?ADR[;:][^\r\n]*/gim;

/** Whether the card holding offset `at` is a desk's or a team's: its `FN` names a role. */
function roleCard(text: string, at: number): boolean {
  const begin = text.lastIndexOf('BEGIN:VCARD', at);
  const end = text.indexOf('END:VCARD', at);
  const card = text.slice(begin < 0 ? Math.max(0, at - 2000) : begin, end < 0 ? Math.min(text.length, at + 2000) : end);
  const fn = /^(?:item\d+\.)?FN(?:;[^:\n]*)?:([^\r\n]*)/im.exec(card);
  return fn !== null && ROLE_CARD.test(fn[1]);
}

function vcard(text: string, out: Finding[]): void {
  VCARD_LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VCARD_LINE.exec(text)) !== null) {
    const prop = m[1].toUpperCase();
    const params = m[2];
    const value = m[3];
    const valueAt = m.index + m[0].length - value.length;
    // A template's stand-ins (`N:<Last>;<First>`, `FN:{{name}}`) are no one's.
    if (/[<>{}[\]$%]/.test(value)) continue;
    if (prop === 'N') {
      // Family;Given;Additional;Prefix;Suffix: the parts that hold letters, from the first to the last.
      const trimmed = value.replace(/[; \t]+$/, '');
      if (!/\p{L}/u.test(trimmed) || !trimmed.includes(';')) continue;
      const lead = trimmed.length - trimmed.replace(/^[; \t]+/, '').length;
      out.push({ kind: 'person-name', start: valueAt + lead, end: valueAt + trimmed.length });
    } else if (prop === 'FN' || prop === 'NICKNAME' || prop.startsWith('X-PHONETIC') || prop === 'SORT-STRING') {
      const v = value.trim();
      // A desk's or a team's card names a role (`FN:Support Desk`).
      if (v.length < 2 || !/\p{L}/u.test(v) || ROLE_CARD.test(v)) continue;
      out.push({ kind: 'person-name', start: valueAt + value.indexOf(v), end: valueAt + value.indexOf(v) + v.length });
    } else if (prop === 'ADR') {
      // PO box;extended;street;locality;region;code;country: the extended part and the street.
      const parts = value.split(';');
      if (parts.length < 3) continue;
      // A desk's or a team's card gives its office's address (`FN:Northwind Traders Customer Service`).
      if (roleCard(text, m.index)) continue;
      let at = valueAt + parts[0].length + 1;
      for (let k = 1; k < parts.length && k <= 5; k++) {
        const v = parts[k].trim();
        // The postal code too (`;;Mariahilfer Straße 30/11;Wien;;1060;AT`).
        if (k <= 2 ? v.length >= 3 && /\p{L}/u.test(v) : k === 5 && /^[A-Z0-9][A-Z0-9 -]{2,9}$/i.test(v) && /\d/.test(v))
          out.push({ kind: 'street-address', start: at + parts[k].indexOf(v), end: at + parts[k].indexOf(v) + v.length });
        at += parts[k].length + 1;
      }
      // `LABEL="Laan van Meerdervoort 87-II\n2540 EZ Den Haag"`: the formatted address.
      const label = /LABEL="([^"]{3,200})"/i.exec(params);
      if (label) {
        const s = m.index + m[0].indexOf(params) + label.index + 7;
        out.push({ kind: 'street-address', start: s, end: s + label[1].length });
      }
    } else if (prop === 'TEL') {
      // A telephone property holds a number of any country, written as its owner does (`010-9896-3506`):
      // seven to fifteen digits, with the separators numbers are written with.
      const t = /^(?:tel:)?(\+?[\d (). /-]{6,24}\d)(?:;ext=\d+)?[ \t]*$/i.exec(value);
      if (t !== null) {
        const digits = t[1].replace(/\D/g, '').length;
        // (Not a toll-free number: an organisation's card, `TEL;TYPE=work:+44 800 …`.)
        if (digits >= 7 && digits <= 15 && !writtenTollFree(t[1]))
          out.push({ kind: 'phone', start: valueAt + value.indexOf(t[1]), end: valueAt + value.indexOf(t[1]) + t[1].length });
      }
    } else if (prop === 'GEO') {
      // `geo:52.375495,4.891612` (4.0), `52.375495;4.891612` (3.0): where the person lives.
      const g = /(-?\d{1,3}\.\d{3,})[,;](-?\d{1,3}\.\d{3,})/.exec(value);
      if (g) out.push({ kind: 'street-address', start: valueAt + g.index, end: valueAt + g.index + g[0].length });
    }
  }
}

// ---------- HL7 v2 ----------
// A segment of a person, at the start of a line (segments are split by carriage returns, which a
// log or an editor often shows as line breaks).
const HL7_SEGMENT = /(?:^|\r)(PID|NK1|GT1|IN1|PV1)\|([^\r\n]*)/gm;
// Fields (1-based, after the segment name) and what they hold. `first`: only the first component
// (an identifier before its authority, a street before its city, a number before its use code).
type Hl7Field = { kind: string; first: boolean };
const HL7_FIELDS: Record<string, Record<number, Hl7Field>> = {
  PID: {
    2: { kind: 'medical-record-number', first: true },
    3: { kind: 'medical-record-number', first: true },
    4: { kind: 'medical-record-number', first: true },
    5: { kind: 'person-name', first: false },
    6: { kind: 'person-name', first: false },
    7: { kind: 'birth-date', first: false },
    9: { kind: 'person-name', first: false },
    11: { kind: 'street-address', first: true },
    13: { kind: 'phone', first: true },
    14: { kind: 'phone', first: true },
    18: { kind: 'bank-account', first: true },
    19: { kind: 'us-ssn', first: false },
    20: { kind: 'driver-license', first: true },
  },
  NK1: {
    2: { kind: 'person-name', first: false },
    4: { kind: 'street-address', first: true },
    5: { kind: 'phone', first: true },
    6: { kind: 'phone', first: true },
  },
  GT1: {
    3: { kind: 'person-name', first: false },
    5: { kind: 'street-address', first: true },
    6: { kind: 'phone', first: true },
    7: { kind: 'phone', first: true },
    8: { kind: 'birth-date', first: false },
    12: { kind: 'us-ssn', first: false },
  },
  IN1: { 16: { kind: 'person-name', first: false }, 18: { kind: 'birth-date', first: false }, 19: { kind: 'street-address', first: true } },
  // Attending, referring, consulting and admitting doctors: id^family^given…
  PV1: {
    7: { kind: 'person-name', first: false },
    8: { kind: 'person-name', first: false },
    9: { kind: 'person-name', first: false },
    17: { kind: 'person-name', first: false },
  },
};

function hl7(text: string, out: Finding[]): void {
  HL7_SEGMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HL7_SEGMENT.exec(text)) !== null) {
    const fields = HL7_FIELDS[m[1]];
    const body = m[2];
    let at = m.index + m[0].length - body.length;
    const parts = body.split('|');
    for (let i = 0; i < parts.length; i++) {
      const f = fields[i + 1];
      const v = parts[i];
      if (f !== undefined && v.length > 0) {
        // Repetitions (`~`) each hold one; the first is enough for a person's own fields.
        let end = v.indexOf('~');
        if (end < 0) end = v.length;
        if (f.first) {
          // Each repetition's first component: an identifier of every authority (`…^^^KS^MR~195504139394^^^SKV^NNSWE`).
          let r = 0;
          for (const rep of v.split('~')) {
            const c = rep.indexOf('^');
            const e = c >= 0 ? c : rep.length;
            if (r > 0 && e > 0 && /[\p{L}\d]/u.test(rep.slice(0, e))) out.push({ kind: f.kind, start: at + r, end: at + r + e });
            r += rep.length + 1;
          }
          const c = v.indexOf('^');
          if (c >= 0 && c < end) end = c;
        } else {
          // A doctor's identifier stays (`151357^ADEYEMI^KOLA^^^DR`): the name from its family part.
          let s = 0;
          if (m[1] === 'PV1') s = v.indexOf('^') + 1;
          while (end > s && v[end - 1] === '^') end--;
          if (end > s && /\p{L}|\d/u.test(v.slice(s, end))) out.push({ kind: f.kind, start: at + s, end: at + end });
          at += v.length + 1;
          continue;
        }
        if (end > 0 && /[\p{L}\d]/u.test(v.slice(0, end))) out.push({ kind: f.kind, start: at, end: at + end });
      }
      at += v.length + 1;
    }
  }
}

// ---------- X12 ----------
// A segment at a line's start or after the previous one's terminator (`~`): elements split by `*`.
const X12_SEGMENT = /(?:^|~[ \t]*\r?\n?)(NM1|N3|DMG|PER|REF)\*([^~\r\n]*)/gm;
// REF qualifiers of a person's identifier: SSN (0F, SY), member and patient numbers (1L, 23, 3H, ABB, Q4, 1W).
const PERSON_REF = new Set(['0F', 'SY', '1L', '23', '3H', 'ABB', 'Q4', '1W']);
// NM1 entities of a person: insured, patient, subscriber, dependent, responsible party, contact.
const PERSON_NM1 = new Set(['IL', 'QC', '03', '74', 'QD', 'S1', 'IJ', 'GD', 'IN', '82', 'DN', 'P3']);

function x12(text: string, out: Finding[]): void {
  X12_SEGMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = X12_SEGMENT.exec(text)) !== null) {
    const seg = m[1];
    const body = m[2];
    const base = m.index + m[0].length - body.length;
    const el = body.split('*');
    const offset = (i: number): number => {
      let at = base;
      for (let k = 0; k < i; k++) at += el[k].length + 1;
      return at;
    };
    const push = (kind: string, i: number): void => {
      if (i < el.length && el[i].trim().length > 0) out.push({ kind, start: offset(i), end: offset(i) + el[i].length });
    };
    if (seg === 'NM1') {
      // NM1*IL*1*LAST*FIRST*MIDDLE*PREFIX*SUFFIX*QUALIFIER*ID: a person's (entity type 1).
      if (el[1] !== '1' || !PERSON_NM1.has(el[0])) continue;
      const last = el.length > 4 && el[4] ? 4 : 3;
      if (el[2]) out.push({ kind: 'person-name', start: offset(2), end: offset(last) + el[last].length });
      // The identifier after its qualifier: a social security number (34) or a member's.
      push(el[7] === '34' ? 'us-ssn' : 'medical-record-number', 8);
    } else if (seg === 'N3') {
      push('street-address', 0);
      push('street-address', 1);
    } else if (seg === 'DMG') {
      if (el[0] === 'D8') push('birth-date', 1);
    } else if (seg === 'PER') {
      // PER*IP*name*HP*number*WP*number…: a number after each communication qualifier.
      for (let i = 2; i + 1 < el.length; i += 2)
        if (/^(?:HP|WP|CP|TE|BN|EM|FX)$/.test(el[i])) push(el[i] === 'EM' ? 'email' : 'phone', i + 1);
    } else if (seg === 'REF') {
      if (PERSON_REF.has(el[0])) push(el[0] === '0F' || el[0] === 'SY' ? 'us-ssn' : 'medical-record-number', 1);
    }
  }
}

// ---------- LDIF ----------
// An entry's attributes of its person (`cn: Henrike Wagenknecht`, `homePostalAddress: …$Leipzig$04107`)
// and the person's name or login in its distinguished name (`dn: uid=hwagenknecht,ou=People,…`).
const LDIF_LINE =
  /^(cn|sn|givenName|displayName|gecos|uid|homePostalAddress|postalAddress|street|mobile|homePhone|employeeNumber)::?[ \t]*([^\r\n]+)/gm;
const LDIF_DN = /^dn::?[ \t]*(?:uid|cn)=([^,\r\n]{2,64}),/gm;
const LDIF_KIND: Record<string, string> = {
  homePostalAddress: 'street-address',
  postalAddress: 'street-address',
  street: 'street-address',
  mobile: 'phone',
  homePhone: 'phone',
  uid: 'local-user',
  employeeNumber: 'id-number',
};

// An entry of a group, a unit or a role, not a person (`objectClass: groupOfNames` within three lines, no
// person's class there; a DN under `ou=Groups`): its `cn` names the group (`cn: platform-admins`).
const LDIF_GROUP_CLASS =
  /^objectClass:[ \t]*(?:groupOfNames|groupOfUniqueNames|groupOfMembers|posixGroup|group|organizationalUnit|organizationalRole|device|applicationProcess)[ \t]*\r?$/im;
const LDIF_PERSON_CLASS =
  /^objectClass:[ \t]*(?:person|inetOrgPerson|organizationalPerson|posixAccount|user|account|shadowAccount)[ \t]*\r?$/im;
function groupEntry(text: string, at: number): boolean {
  let from = at,
    n = 0;
  while (from > 0 && at - from < 600 && !(text.charCodeAt(from - 1) === 10 && ++n > 3)) from--;
  let to = at;
  n = 0;
  while (to < text.length && to - at < 600 && !(text.charCodeAt(to) === 10 && ++n > 3)) to++;
  const near = text.slice(from, to);
  return LDIF_GROUP_CLASS.test(near) && !LDIF_PERSON_CLASS.test(near);
}

function ldif(text: string, out: Finding[]): void {
  LDIF_LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LDIF_LINE.exec(text)) !== null) {
    const v = m[2].trimEnd();
    if (v.length < 2 || /[<>{}]/.test(v)) continue;
    const kind = LDIF_KIND[m[1]] ?? 'person-name';
    if (kind === 'person-name' && groupEntry(text, m.index)) continue;
    // An address's lines are joined by `$`: the street is the first.
    const end = kind === 'street-address' && v.includes('$') ? v.indexOf('$') : v.length;
    const at = m.index + m[0].length - m[2].length;
    out.push({ kind, start: at, end: at + end });
  }
  LDIF_DN.lastIndex = 0;
  while ((m = LDIF_DN.exec(text)) !== null) {
    if (/^,ou=groups,/i.test(text.slice(m.index + m[0].length - 1, m.index + m[0].length + 10)) || groupEntry(text, m.index)) continue;
    const at = m.index + m[0].length - 1 - m[1].length;
    out.push({ kind: 'person-name', start: at, end: at + m[1].length });
  }
  // The same user in a search's filter (`"(uid=pieterv)"`) and in ldapsearch's comment before an entry (`# pieterv, people, corp`).
  for (const re of [LDAP_FILTER_UID, LDAP_ENTRY_COMMENT]) {
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      const at = m.index + m[0].indexOf(m[1], 1);
      out.push({ kind: 'person-name', start: at, end: at + m[1].length });
    }
  }
}
const LDAP_FILTER_UID = /\((?:uid|cn|sAMAccountName)=([^()*,\r\n]{2,64})\)/g;
const LDAP_ENTRY_COMMENT = /^# ([^,\r\n]{2,64}), [\w .-]{1,40}, [\w .-]{1,64}\r?\n(?=dn:)/gm;

// ---------- FHIR identifiers ----------
// A FHIR resource's identifiers (`"identifier": [{ "system": "urn:oid:1.2.208.176.1.2", "value": "1110962165" }]`):
// a patient's record numbers and national numbers, whatever their system.
const FHIR_IDENTIFIER = /"identifier"[ \t]*:[ \t]*\[/g;
const FHIR_VALUE = /"value"[ \t]*:[ \t]*"([^"\n]{4,64})"/g;

/** Every `value` of a FHIR resource's `identifier` list (see FHIR_IDENTIFIER); the caller runs it on FHIR. */
export function findFhirIdentifiers(text: string, out: Finding[]): void {
  FHIR_IDENTIFIER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FHIR_IDENTIFIER.exec(text)) !== null) {
    // The list's end: its closing bracket at depth zero, within 4,000 characters.
    let depth = 1,
      i = m.index + m[0].length;
    const limit = Math.min(text.length, i + 4000);
    for (; i < limit && depth > 0; i++) {
      const c = text.charCodeAt(i);
      if (c === 91) depth++;
      else if (c === 93) depth--;
    }
    const list = text.slice(m.index + m[0].length, i);
    FHIR_VALUE.lastIndex = 0;
    let v: RegExpExecArray | null;
    while ((v = FHIR_VALUE.exec(list)) !== null) {
      if (!/\d{4}/.test(v[1])) continue;
      const at = m.index + m[0].length + v.index + v[0].length - 1 - v[1].length;
      out.push({ kind: 'medical-record-number', start: at, end: at + v[1].length });
    }
  }
}

// ---------- DICOM ----------
// A DICOM header as dcmdump, gdcmdump or pydicom print it: `(0010,0010) PN [RUIZ DOMÍNGUEZ^ALEJANDRO]`,
// `(0010, 0030) Patient's Birth Date  DA: '19771215'`. The patient's and physicians' tags.
const DICOM_TAG =
  /\((0008|0010|0032),[ ]?([0-9A-Fa-f]{4})\)[ \t]+(?:[A-Z]{2}[ \t]+\[([^\]\n]{1,96})\]|[^\n[\]]{0,80}?\b[A-Z]{2}:[ \t]*(?:'([^'\n]{1,96})'|"([^"\n]{1,96})"))/g;
const DICOM_KIND: Record<string, string> = {
  '0008,0090': 'person-name',
  '0008,1048': 'person-name',
  '0008,1050': 'person-name',
  '0008,1060': 'person-name',
  '0008,1070': 'person-name',
  '0010,0010': 'person-name',
  '0010,0020': 'medical-record-number',
  '0010,0030': 'birth-date',
  '0010,1000': 'medical-record-number',
  '0010,1001': 'person-name',
  '0010,1005': 'person-name',
  '0010,1040': 'street-address',
  '0010,1060': 'person-name',
  '0010,2154': 'phone',
  '0032,1032': 'person-name',
};

/** The patient's and physicians' values of a DICOM header (see DICOM_TAG); the caller runs it on texts holding `(0010,`. */
export function findDicomFields(text: string, out: Finding[]): void {
  DICOM_TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DICOM_TAG.exec(text)) !== null) {
    const kind = DICOM_KIND[`${m[1]},${m[2].toUpperCase()}`];
    const v = (m[3] ?? m[4] ?? m[5]).trim();
    // Empty, and de-identified values (`ANONYMIZED`, `ANON30223`, `REMOVED`).
    if (
      kind === undefined ||
      v.length < 2 ||
      /^[\^\s(]*$|^\(no value|^(?:anon|de-?identified|removed|redacted|unknown|n\/a|none|x{3,}|\*{3,})/i.test(v)
    )
      continue;
    const at = m.index + m[0].lastIndexOf(v);
    out.push({ kind, start: at, end: at + v.length });
  }
}

export interface RecordHints {
  vcard: boolean;
  hl7: boolean;
  x12: boolean;
  ldif: boolean;
}

/** vCard properties, HL7 and X12 segments and LDIF attributes of persons, by the caller's features. */
export function findRecordFields(text: string, hints: RecordHints, out: Finding[]): void {
  if (hints.vcard) vcard(text, out);
  if (hints.hl7) hl7(text, out);
  if (hints.x12) x12(text, out);
  if (hints.ldif) ldif(text, out);
}

// ---------- coordinates ----------
// A point to about a metre (five decimals or more) under a latitude or longitude key, or a
// GeoJSON point's coordinates, within three lines of a person's data: where they live or are.
const COORDINATE_KEY =
  /(?:\b|_|(?<=[a-z0-9]))(?:lat(?:itude)?|lng|lon(?:gitude)?)["']?[ \t]*(?:[:=]|=>)[ \t]*["']?(-?\d{1,3}\.\d{5,})(?![\d.])/gi;
const GEOJSON_POINT = /["']?coordinates["']?[ \t]*:[ \t]*\[[ \t]*(-?\d{1,3}\.\d{5,})[ \t]*,[ \t]*(-?\d{1,3}\.\d{5,})[ \t]*\]/g;

// A point after a word for a home on its line (`Home location for Harriet: 51.42414, -2.54526`, `自宅の座標：35.66701, 139.60627`).
const HOME_POINT =
  /(?:\bhome\b|\bresidence\b|\bdomicile\b|\bwohnort\b|\bzuhause\b|自宅|住所|座標)[^\n\d/]{0,48}?(-?\d{1,2}\.\d{4,})[ \t]*,[ \t]*(-?\d{1,3}\.\d{4,})(?![\d.])/gi;

/** Coordinates after a word for a home on their line (see HOME_POINT). */
export function findHomeCoordinates(text: string, out: Finding[]): void {
  HOME_POINT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HOME_POINT.exec(text)) !== null) {
    const lat = +m[1],
      lon = +m[2];
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) continue;
    const end = m.index + m[0].length;
    out.push({ kind: 'geo-coordinates', start: end - m[0].length + m[0].lastIndexOf(m[1], m[0].length - m[2].length - 1), end });
  }
}

const PERSONAL_NEAR = new Set(['email', 'phone', 'person-name', 'street-address', 'birth-date']);

/** Coordinates with a person's data (a name, an address, a contact, a birth date in `out`) within three lines. */
export function findCoordinates(text: string, out: Finding[]): void {
  const personal = out.filter((f) => PERSONAL_NEAR.has(f.kind));
  if (personal.length === 0) return;
  // Within three lines of an e-mail address or a phone number: no more than three line breaks
  // between (the trajectory builder's window holds the three lines around a changed one). A name,
  // a street or a birth date may have been read from lines above it (a closing, a street above a
  // postal line, a birthday's key): within one line, so that the lines it was read from are in the
  // window too.
  const near = (at: number): boolean =>
    personal.some((f) => {
      const p = f.start;
      const [a, b] = p < at ? [p, at] : [at, p];
      if (b - a > 4096) return false;
      // (A postcode read from its street further up reaches that much less: `cueLines`.)
      const cueLines = (f as { cueLines?: number }).cueLines ?? 0;
      const most = Math.min(f.kind === 'email' || f.kind === 'phone' ? 3 : 1, 3 - cueLines);
      if (most < 0) return false;
      let breaks = 0;
      for (let i = text.indexOf('\n', a); i >= 0 && i < b; i = text.indexOf('\n', i + 1)) if (++breaks > most) return false;
      return true;
    });
  const found: Finding[] = [];
  let m: RegExpExecArray | null;
  COORDINATE_KEY.lastIndex = 0;
  while ((m = COORDINATE_KEY.exec(text)) !== null) {
    const start = m.index + m[0].length - m[1].length;
    if (near(start)) found.push({ kind: 'geo-coordinates', start, end: start + m[1].length });
  }
  GEOJSON_POINT.lastIndex = 0;
  while ((m = GEOJSON_POINT.exec(text)) !== null) {
    if (!near(m.index)) continue;
    for (const v of [m[1], m[2]]) {
      const start = m.index + m[0].indexOf(v);
      found.push({ kind: 'geo-coordinates', start, end: start + v.length });
    }
  }
  out.push(...found);
}
