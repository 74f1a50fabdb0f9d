// Personal data read less often than the rest (pii.ts): IPv6 addresses, the hardware addresses of
// network interfaces, email addresses written to dodge harvesters. Their finders run only on texts
// that hold their features, and are bundled with the statement finders (statements.js), loaded
// when first needed, to keep the capture side's bundle small.
import { isAlnum, isDigit, reservedIpv4, SlotMemo, type Finding } from './text';

// Candidates: runs of hex digits, colons and dots (an IPv4 tail) holding `::` or seven colons.
// (Also after `IPv6:`, as mail headers bracket an address: `Received: from [IPv6:2a02:…]`.)
const IPV6_CAND = /(?<![\w.%-])(?<!(?<![Ii][Pp][Vv]6):)(?:[0-9A-Fa-f]{1,4})?:[0-9A-Fa-f:.]{1,44}/g;

/** The eight 16-bit groups of an IPv6 address in any RFC 4291 form, or null. */
export function parseIpv6(s: string): number[] | null {
  // Read in place, group by group: this runs once per distinct candidate, and a text can hold
  // tens of thousands of them.
  const n = s.length;
  const groups: number[] = [];
  let gap = -1; // where `::` stands among the groups
  let i = 0;
  if (n >= 1 && s.charCodeAt(0) === 58) {
    if (n < 2 || s.charCodeAt(1) !== 58) return null;
    gap = 0;
    i = 2;
  }
  while (i < n) {
    let j = i,
      dot = false;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === 58) break;
      if (c === 46) dot = true;
    }
    if (dot) {
      // An embedded IPv4 address, only as the last two groups.
      if (j !== n) return null;
      const v4 = dottedQuad(s, i, j);
      if (v4 < 0) return null;
      groups.push(Math.floor(v4 / 65536), v4 % 65536);
      break;
    }
    if (j - i < 1 || j - i > 4) return null;
    let value = 0;
    for (let k = i; k < j; k++) {
      const d = hexValue(s.charCodeAt(k));
      if (d < 0) return null;
      value = value * 16 + d;
    }
    groups.push(value);
    if (groups.length > 8 || j === n) break;
    if (j + 1 < n && s.charCodeAt(j + 1) === 58) {
      if (gap !== -1) return null;
      gap = groups.length;
      i = j + 2;
    } else {
      i = j + 1;
      if (i === n) return null; // a single trailing colon
    }
  }
  if (gap === -1) return groups.length === 8 ? groups : null;
  if (groups.length > 7) return null;
  const out = groups.slice(0, gap);
  for (let z = groups.length; z < 8; z++) out.push(0);
  for (let k = gap; k < groups.length; k++) out.push(groups[k]);
  return out;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/** `a.b.c.d` in s[from, to), each part 1–3 digits ≤ 255, as a 32-bit number; -1 otherwise. */
function dottedQuad(s: string, from: number, to: number): number {
  let value = 0,
    parts = 0,
    part = 0,
    digits = 0;
  for (let k = from; k <= to; k++) {
    const c = k < to ? s.charCodeAt(k) : 46;
    if (c === 46) {
      if (digits === 0 || part > 255 || ++parts > 4) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (++digits > 3) return -1;
      part = part * 10 + (c - 48);
    } else return -1;
  }
  return parts === 4 ? value : -1;
}

/**
 * Addresses that name no one and stay: unspecified (`::`), loopback (`::1`), link-local
 * (`fe80::/10`), the reserved block before it (`fe00::/9`: `fe00::0 ip6-localnet` in /etc/hosts), documentation (`2001:db8::/32`, `3fff::/20`), multicast (`ff00::/8`), and
 * IPv4-mapped addresses whose IPv4 part is kept by the IPv4 rule.
 */
function keepIpv6(g: number[]): boolean {
  if (g.every((x) => x === 0) || (g.slice(0, 7).every((x) => x === 0) && g[7] === 1)) return true;
  if (
    (g[0] & 0xffc0) === 0xfe80 ||
    (g[0] & 0xff80) === 0xfe00 ||
    (g[0] === 0x2001 && g[1] === 0x0db8) ||
    (g[0] & 0xfff0) === 0x3ff0 ||
    (g[0] & 0xff00) === 0xff00
  )
    return true;
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    const v4 = `${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`;
    return reservedIpv4(v4);
  }
  return false;
}

// Every address holds `::` or seven colons between hex groups (`(?:[0-9A-Fa-f]{1,4}:){7}`): most
// texts hold neither, and the engine's one pass over the text says which.

// Parse-and-keep verdicts per candidate: a text repeats its few addresses.
const ipv6Verdicts = new SlotMemo<boolean>(4096);

/** The caller runs this only on texts holding `::` or seven `hex{1,4}:` groups in a row (IPV6_FULL). */
export function findIpv6(text: string, out: Finding[]): void {
  IPV6_CAND.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IPV6_CAND.exec(text)) !== null) {
    let v = m[0];
    while (v.endsWith('.')) v = v.slice(0, -1);
    // A port written after the address with no brackets, as Apache's `[client …:62007]` does.
    if (/::.*:\d{5}$/.test(v)) v = v.slice(0, v.lastIndexOf(':'));
    const next = text.charCodeAt(m.index + v.length);
    if (isAlnum(next) || next === 95) continue;
    const compressed = v.includes('::');
    let colons = 0,
      digits = 0,
      longest = 0,
      run = 0;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c === 58) {
        colons++;
        run = 0;
      } else {
        run++;
        if (run > longest) longest = run;
        if (isDigit(c)) digits++;
      }
    }
    if (colons < 2 || digits === 0 || (!compressed && colons !== 7 && !(colons === 6 && v.includes('.')))) continue;
    // `a[1::2]`, `Foo::Bar`: a compressed form needs a group of three or more digits to be read as an address.
    if (compressed && longest < 3) continue;
    let redact = ipv6Verdicts.get(v);
    if (redact === undefined) {
      const g = parseIpv6(v);
      redact = g !== null && !keepIpv6(g);
      ipv6Verdicts.set(v, redact);
    }
    if (redact) out.push({ kind: 'ip-address', start: m.index, end: m.index + v.length });
  }
}

// A network interface's hardware address names one device, and so its owner: `3c:22:fb:9a:14:7e`,
// `A4-83-E7-2D-5C-91`, Cisco's `f018.986a.b30c`. Kept: the group addresses protocols use
// (broadcast; IPv4 and IPv6 multicast, `01:00:5e:…`, `33:33:…`; IEEE 802.1 and Cisco's protocol
// addresses, `01:80:c2:…`, `01:00:0c:…`; other `01:`, `03:` and `09:` ones), the documentation block 00-00-5E-00-53-xx (RFC 7042), one octet
// repeated, and the stand-ins samples are written with (`00:11:22:33:44:55`, `aa:bb:cc:dd:ee:ff`).
const MAC =
  /(?<![\w:.-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-]|\.[0-9A-Fa-f])/g;
const MAC_STAND_INS = new Set(['abcdef123456', 'deadbeefcafe']);
// (Any other address whose first octet is odd is a group address too, but written down it is far
// more often a device's, mistyped or made up by hand, than a multicast group: it is taken.)
const GROUP_ADDRESS = /^(?:ffffffffffff|0[139]|3333)/;

/** Octets that climb by one step, four times in a row (`00:11:22:33:44:55`, `00:1A:2B:3C:4D:5E`, `10:20:30:…`): a made-up address. */
function steppedOctets(hex: string): boolean {
  let run = 0;
  for (let i = 2; i + 4 <= 12; i += 2) {
    const d1 = parseInt(hex.slice(i, i + 2), 16) - parseInt(hex.slice(i - 2, i), 16);
    const d2 = parseInt(hex.slice(i + 2, i + 4), 16) - parseInt(hex.slice(i, i + 2), 16);
    run = d1 === d2 ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

/** The caller runs this on texts holding five `hex:` groups in a row or a word for a MAC address. */
export function findMacs(text: string, out: Finding[]): void {
  MAC.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MAC.exec(text)) !== null) {
    const hex = m[0].replace(/[:.-]/g, '').toLowerCase();
    // The dotted form only where the text speaks of MAC addresses (`f018.986a.b30c` could be a version).
    if (m[1] === undefined && !/[a-f]/.test(hex)) continue;
    if (GROUP_ADDRESS.test(hex)) continue;
    // The documentation block of RFC 7042 (00-00-5E-00-53-xx).
    if (hex.startsWith('00005e0053') || MAC_STAND_INS.has(hex) || steppedOctets(hex) || /^(..)\1{5}$/.test(hex)) continue;
    if (/deadbeef|c0ffee|cafebabe|badc0de/.test(hex)) continue;
    // Docker's bridge gives a container `02:42:` and its private IPv4 address (`02:42:ac:11:00:03` for
    // 172.17.0.3): a container's, made from an address the engine keeps or redacts by itself.
    if (hex.startsWith('0242ac') || hex.startsWith('02420a') || hex.startsWith('0242c0')) continue;
    out.push({ kind: 'mac-address', start: m.index, end: m.index + m[0].length });
  }
}

// ---------- addresses written to dodge harvesters ----------
// `keiko.nakamura [at] outlook [dot] com`, `jane (at) acme (dot) io`: an email address all the same.
const OBFUSCATED_EMAIL =
  /(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}[ \t]*[[({][ \t]*at[ \t]*[\])}][ \t]*[A-Za-z0-9-]{1,63}(?:[ \t]*(?:[[({][ \t]*dot[ \t]*[\])}]|\.)[ \t]*[A-Za-z0-9-]{1,63}){1,4}(?![\w-])/gi;

// Spelled out (`ana dot lucia dot ferreira at gmail dot com`): a local part of words joined by `dot`, or a
// mail provider's domain (`look at google dot com` names a site).
const SPELLED_EMAIL =
  /(?<![\w.+-])([A-Za-z0-9_%+-]{1,64}((?: dot [A-Za-z0-9_%+-]{1,64}){0,3})) at ([A-Za-z0-9-]{1,63})(?: dot [A-Za-z0-9-]{1,63}){0,2} dot [a-z]{2,6}(?![\w-])/gi;
const MAIL_PROVIDER =
  /^(?:g?mail|googlemail|yahoo|hotmail|outlook|live|icloud|proton(?:mail)?|gmx|web|yandex|qq|163|naver|aol|zoho|fastmail|posteo)$/i;

/** The caller runs this on texts holding `[at]`, `(at)` or ` dot `. */
export function findObfuscatedEmails(text: string, out: Finding[]): void {
  SPELLED_EMAIL.lastIndex = 0;
  let s: RegExpExecArray | null;
  while ((s = SPELLED_EMAIL.exec(text)) !== null)
    if (s[2] !== '' || MAIL_PROVIDER.test(s[3])) out.push({ kind: 'email', start: s.index, end: s.index + s[0].length });
    else SPELLED_EMAIL.lastIndex = s.index + 1; // (`me at ana dot lucia`: the address may start inside it)
  OBFUSCATED_EMAIL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OBFUSCATED_EMAIL.exec(text)) !== null) {
    // A top-level part of letters at the end: `(dot) com`, `.org`.
    if (!/[A-Za-z]{2,}$/.test(m[0])) continue;
    out.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  }
}

// ---------- payment-card track data ----------
// Track 1 as readers and payment logs write it: `%B<PAN>^<SURNAME>/<GIVEN>^<YYMM>…` (ISO/IEC 7813).
// The card number (Luhn-checked) and the cardholder's name.
const TRACK1 = /(?<![A-Za-z0-9])%?B(\d{13,19})\^([A-Z][A-Z .'/-]{1,25})\^\d{4}/g;

function luhnValid(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return sum % 10 === 0;
}

/** The caller runs this on texts holding `^`. */
export function findCardTracks(text: string, out: Finding[]): void {
  TRACK1.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TRACK1.exec(text)) !== null) {
    if (!luhnValid(m[1])) continue;
    const pan = m.index + m[0].indexOf(m[1]);
    out.push({ kind: 'credit-card', start: pan, end: pan + m[1].length });
    const name = m[2].trim();
    const at = pan + m[1].length + 1 + m[2].indexOf(name);
    if (name.length >= 2) out.push({ kind: 'person-name', start: at, end: at + name.length });
  }
}
