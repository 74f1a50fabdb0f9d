// Personal identifiers that carry their own proof: US taxpayer numbers (ITIN) written with
// separators, and cryptocurrency addresses whose own checksum holds (Bitcoin base58check and
// bech32/bech32m, tested by the context pass). Identifiers taken only after the words that name
// them (dates of birth, passport, licence, account, NHS and National Insurance numbers) are in
// cued-identifiers.ts, loaded with the statement finders.
import { createHash } from 'node:crypto';
import type { Finding } from './text';

/** Which cue words the text holds (case-insensitive), so that most texts skip every pattern. */
export interface IdentifierHints {
  birth: boolean;
  passport: boolean;
  /** `mrn`, `medical record`. */
  medicalRecord: boolean;
  licence: boolean;
  account: boolean;
  tax: boolean;
  nhs: boolean;
  insurance: boolean;
  /** `cvv`, `pin`, `door code`: a card's security code or a code that opens something. */
  code: boolean;
  /** `plate`, `VIN`, `Kennzeichen`: a vehicle's registration or identification number. */
  vehicle: boolean;
  /** `<<<`: a machine-readable zone. */
  mrz: boolean;
  /** `imei`, `meid`, `iccid`: a phone's or a SIM's hardware id. */
  device?: boolean;
  /** A passport's, a licence's or a car's name in a script past Latin (`여권`, `паспорт`, `车牌`). */
  pastLatin?: boolean;
  /** A card's number was found: its expiry and its security code are read around it. */
  card?: boolean;
}

// ITIN: 9XX-7X-XXXX and the other middle groups the IRS issues; with separators anywhere, bare after a cue.
const ITIN = /(?<![\w.+-])9\d\d([- ])(?:5\d|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])\1\d{4}(?![\w]|[.-]\d)/g;

/** ITINs written with separators (`9XX-7X-XXXX`), anywhere. */
export function findItins(text: string, out: Finding[]): void {
  ITIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ITIN.exec(text)) !== null) out.push({ kind: 'us-itin', start: m.index, end: m.index + m[0].length });
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

export function digitCount(v: string): number {
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

const BASE58_SHAPE = /^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/;
const OTHER_BASE58_SHAPE = /^[TLMD][1-9A-HJ-NP-Za-km-z]{33}$/;
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
  // Tron (`T…`, version 0x41), Litecoin (`L…`, `M…`) and Dogecoin (`D…`): base58check of 25 bytes too.
  if (c === 84 || c === 76 || c === 77 || c === 68) {
    if (!OTHER_BASE58_SHAPE.test(v) || digitCount(v) < 2) return false;
    return budget.n-- <= 0 || base58checkValid(v);
  }
  if (!BECH32_SHAPE.test(v)) return false;
  return budget.n-- <= 0 || bech32Valid(v);
}
