// Personal identifiers beyond contact details: dates of birth, passport, driving-licence and
// bank-account numbers after the words that name them; US taxpayer numbers (ITIN), UK NHS
// numbers (mod-11 checked) and National Insurance numbers; and cryptocurrency addresses whose
// own checksum holds (Bitcoin base58check and bech32/bech32m, tested by the context pass). A value is only taken where its
// shape is that identifier's: after a cue for the loose shapes, by checksum for the others.
import { createHash } from 'node:crypto';
import type { Finding } from './text';

/** Which cue words the text holds (case-insensitive), so that most texts skip every pattern. */
export interface IdentifierHints {
  birth: boolean;
  passport: boolean;
  licence: boolean;
  account: boolean;
  tax: boolean;
  nhs: boolean;
  insurance: boolean;
}

// What may stand between a cue and its value: `: `, ` = "`, ` is `, ` no. `, ` # `.
// Each run of spaces is bounded by a token that is not a space, so the gap has one reading and a
// long run of spaces costs linear time (four optional runs in a row would cost n⁴ on a miss).
const GAP = `(?:["'\`]?[ \\t]*(?:(?:is|was|of|on|am|le)[ \\t]+)?(?:[:=#][ \\t]*)?(?:["'\`][ \\t]*)?)`;
const NUMBER_WORD = `(?:[ _.-]?(?:no\\.?|num(?:ber)?|nr\\.?|#|id))?`;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\\.?';
const DATE =
  `(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})|\\d{1,2}(?:st|nd|rd|th)?[ \\t]+${MONTH},?[ \\t]+\\d{4}|` +
  `${MONTH}[ \\t]+\\d{1,2}(?:st|nd|rd|th)?,?[ \\t]+\\d{4})`;
const BIRTH = new RegExp(
  `(?<![A-Za-z])(?:date[ _-]?of[ _-]?birth|birth[ _-]?date|birthday|d\\.?o\\.?b\\.?|born|geburtsdatum|geboren|date[ _-]de[ _-]naissance|fecha[ _-]de[ _-]nacimiento)(?![a-z])${GAP}(${DATE})(?![\\d])`,
  'gi',
);
const PASSPORT = new RegExp(`(?<![A-Za-z])passport${NUMBER_WORD}${GAP}([A-Z0-9]{6,9})(?![A-Za-z0-9])`, 'gi');
const LICENCE = new RegExp(
  `(?<![A-Za-z])(?:driver'?s?[ _-]?licen[cs]e|driving[ _-]licen[cs]e|f[üu]hrerschein)${NUMBER_WORD}${GAP}([A-Z0-9][A-Z0-9-]{4,19})(?![A-Za-z0-9-])`,
  'gi',
);
const ACCOUNT = new RegExp(
  `(?<![A-Za-z])((?:bank[ _-]?)?(?:account|acct|a/c)[ _.-]?(?:no\\.?|num(?:ber)?|nr\\.?|#)|bank[ _-]?account|kontonummer|num[ée]ro[ _-]de[ _-]compte|account)${GAP}(\\d[\\d -]{4,22}\\d)(?![\\w-])`,
  'gi',
);
// ITIN: 9XX-7X-XXXX and the other middle groups the IRS issues; with separators anywhere, bare after a cue.
const ITIN = /(?<![\w.+-])9\d\d([- ])(?:5\d|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])\1\d{4}(?![\w]|[.-]\d)/g;
const ITIN_BARE = new RegExp(
  `(?<![A-Za-z])(?:itin|tax[ _-]?id|taxpayer[ _-]id(?:entification)?(?:[ _-]number)?|tin)${NUMBER_WORD}${GAP}(9\\d{8})(?!\\d)`,
  'gi',
);
const NHS = new RegExp(`(?<![A-Za-z])nhs${NUMBER_WORD}${GAP}(\\d{3}([ -]?)\\d{3}\\2\\d{4})(?![\\d])`, 'gi');
// National Insurance numbers: two prefix letters (not D, F, I, Q, U, V; O only first; not BG, GB,
// KN, NK, NT, TN, ZZ), six digits, a suffix A–D.
const NINO = new RegExp(
  `(?<![A-Za-z])(?:national[ _-]insurance(?:[ _-]number)?|nino|ni(?=[ _.-]?(?:no|num|number)))${NUMBER_WORD}${GAP}((?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D])(?![A-Za-z0-9])`,
  'gi',
);

/** UK NHS number: weights 10…2 over the first nine digits, 11 − (sum mod 11) is the tenth (11 → 0, 10 invalid). */
function nhsValid(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === d.charCodeAt(9) - 48;
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

const BASE58_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE58.length; i++) BASE58_VALUE[BASE58.charCodeAt(i)] = i;
const DECODED = new Uint8Array(25);

/**
 * Base58check as a Bitcoin address uses it: 25 bytes (a version byte, a 20-byte hash, then the
 * first four bytes of SHA-256(SHA-256(the first 21))). Decoded by multiply-and-add into a fixed
 * buffer; a number that overflows 25 bytes is no address.
 */
function base58checkValid(s: string): boolean {
  const out = DECODED;
  out.fill(0);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let carry = c < 128 ? BASE58_VALUE[c] : -1;
    if (carry < 0) return false;
    for (let j = 24; j >= 0; j--) {
      carry += out[j] * 58;
      out[j] = carry & 255;
      carry >>= 8;
    }
    if (carry !== 0) return false;
  }
  let lead = 0;
  while (lead < s.length && s.charCodeAt(lead) === 49 /* 1 */) lead++;
  let zeros = 0;
  while (zeros < 25 && out[zeros] === 0) zeros++;
  if (zeros !== lead && !(lead === 0 && zeros === 0)) return false; // leading '1's are exactly the leading zero bytes
  const payload = out.subarray(0, 21);
  const sum = createHash('sha256').update(createHash('sha256').update(payload).digest()).digest();
  return sum[0] === out[21] && sum[1] === out[22] && sum[2] === out[23] && sum[3] === out[24];
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** Bech32 (BIP 173) or bech32m (BIP 350) checksum over the human-readable part and the data. */
function bech32Valid(s: string): boolean {
  const lower = s.toLowerCase();
  const sep = lower.lastIndexOf('1');
  const hrp = lower.slice(0, sep);
  const values: number[] = [];
  for (const ch of hrp) values.push(ch.charCodeAt(0) >> 5);
  values.push(0);
  for (const ch of hrp) values.push(ch.charCodeAt(0) & 31);
  for (const ch of lower.slice(sep + 1)) {
    const v = BECH32.indexOf(ch);
    if (v < 0) return false;
    values.push(v);
  }
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ GEN[i]) >>> 0;
  }
  return chk === 1 || chk === 0x2bc830a3;
}

function digitCount(v: string): number {
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Pushes the value of every match of `re` (its group `group`) that `accept` takes, as `kind`. */
function cued(text: string, re: RegExp, kind: string, out: Finding[], accept: (v: string, m: RegExpExecArray) => boolean, group = 1): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const v = m[group];
    if (!accept(v, m)) continue;
    const start = m.index + m[0].lastIndexOf(v);
    out.push({ kind, start, end: start + v.length });
  }
}

export function findIdentifiers(text: string, hints: IdentifierHints, out: Finding[]): void {
  if (hints.birth) cued(text, BIRTH, 'birth-date', out, (v) => !/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(v) || +v.slice(0, 4) >= 1900);
  if (hints.passport) cued(text, PASSPORT, 'passport-number', out, (v) => digitCount(v) >= 5);
  if (hints.licence) cued(text, LICENCE, 'driver-license', out, (v) => digitCount(v) >= 4 && !/^\d{4}-\d{2}-\d{2}$/.test(v));
  // A bare `account` needs a longer number than `account no.`: `account 42` is a count.
  if (hints.account)
    cued(text, ACCOUNT, 'bank-account', out, (v, m) => digitCount(v) >= (/^account$/i.test(m[1]) ? 8 : 6) && digitCount(v) <= 20, 2);
  cued(text, ITIN, 'us-itin', out, () => true, 0);
  if (hints.tax) cued(text, ITIN_BARE, 'us-itin', out, (v) => /^9\d\d(?:5\d|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])/.test(v));
  if (hints.nhs) cued(text, NHS, 'nhs-number', out, (v) => nhsValid(v.replace(/[ -]/g, '')));
  if (hints.insurance) cued(text, NINO, 'uk-nino', out, () => true);
}

const BASE58_SHAPE = /^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/;
const BECH32_SHAPE = /^(?:bc|tb)1[02-9ac-hj-np-z]{11,71}$/;
/** Checksums cost a few microseconds each: past this many in one text, a well-formed candidate is taken unchecked. */
export const MAX_CHECKSUMS = 2000;

/**
 * Is `v` (a whole run of token characters) a Bitcoin address? Base58check (`1…`, `3…`) or
 * bech32/bech32m (`bc1…`, `tb1…`) with a checksum that holds; `budget.n` counts the checksums
 * left for this text, after which a well-formed candidate is taken unchecked (redacting too much
 * rather than too little), as phone numbers are. The context pass calls this for every run that
 * starts like an address, so no pass of its own is needed.
 */
export function isCryptoAddress(v: string, budget: { n: number }): boolean {
  const c = v.charCodeAt(0);
  if (c === 49 || c === 51) {
    if (!BASE58_SHAPE.test(v) || digitCount(v) < 2) return false;
    return budget.n-- <= 0 || base58checkValid(v);
  }
  if (!BECH32_SHAPE.test(v)) return false;
  return budget.n-- <= 0 || bech32Valid(v);
}
