// Personal data: emails, phone numbers, IP addresses, payment-card numbers, user names in
// home-directory paths, and the local user's own identifiers. Each finder is a single pass
// with bounded look-around, so the cost stays linear in the text.
import { isAlnum, reservedIpv4, ROLE_MAILBOX, SlotMemo, wl, type Finding } from './text';

// ---------- email ----------
// Internationalised addresses (`jürgen.müller@büro.de`, `анна@почта.рф`) hold letters beyond ASCII on both sides.
const isWideLetter = (c: number): boolean => c > 127 && c < 0xd800 && /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c));
const isLocalChar = (c: number): boolean => isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || isWideLetter(c); // . _ % + -
const isDomainChar = (c: number): boolean => isAlnum(c) || c === 45 || c === 46 || isWideLetter(c);

// Reserved and stand-in domains: addresses under them are examples, not people. (GitHub's
// `users.noreply.github.com` is none: its local part is an account's name, `1234+jdoe@`; a bot's,
// `…+dependabot[bot]@`, has brackets no address reads.)
// Reserved names (RFC 2606, RFC 6761, JPRS's `example.jp`, `example.co.jp`) and obvious stand-ins; every other domain, at any TLD, is real.
// Reserved and stand-in domains, also the words for `example` in other languages (`beispiel.de`).
const EXAMPLE_DOMAIN =
  /(?:^|\.)(?:example\.(?:com|org|net|edu|(?:[a-z]{2}\.)?jp)|example|test|invalid|localhost|domain\.com|yourdomain\.com|yourcompany\.com|company\.com|email\.com|foo\.com|bar\.com|foobar\.com|beispiel\.(?:de|com|org)|exemple\.(?:fr|com|org)|ejemplo\.(?:com|es|org)|esempio\.(?:it|com)|voorbeeld\.(?:nl|com))$/i;
// A bot's account at GitHub (`release-bot@users.noreply.github.com`), no person's.
const BOT_LOCAL = /(?:^|[-_.+])(?:bot|renovate|dependabot|github-actions)(?:$|[-_.])/i;
// SSH names its algorithms after a domain (`chacha20-poly1305@openssh.com`, `curve25519-sha256@libssh.org`).
const ALGORITHM_DOMAIN = /^(?:openssh\.com|libssh\.org)$/i;
// Stand-in local parts (also in German, French, Spanish, Italian and Dutch), and service senders that name no one (`git@github.com`, `noreply@…`).
const EXAMPLE_LOCAL =
  /^(?:user|username|name|first\.last|firstname\.lastname|first_last|firstname|lastname|vorname\.nachname|vorname|max\.mustermann|prenom\.nom|nombre\.apellido|nome\.cognome|voornaam\.achternaam|you|your\.name|yourname|your_email|youremail|someone|somebody|me|foo|bar|test|email|noreply|no-reply|donotreply|do-not-reply|git)$/i;
// File names and versions that look like addresses: icon@2x.png, pkg@1.2.3.
const NOT_TLD =
  /^(?:png|jpg|jpeg|gif|svg|webp|ico|js|mjs|cjs|ts|tsx|jsx|json|css|scss|less|map|html|md|txt|xml|yml|yaml|lock|zip|gz|tgz|tar|wasm|so|dll|exe|py|rb|go|rs|java|kt|swift|php|sh|ps1|bat|vue|svelte|d|min|bundle)$/i;

const EXAMPLE_LOCALS = new Set(
  EXAMPLE_LOCAL.source
    .slice(4, -2)
    .split('|')
    .map((w) => w.replace(/\\/g, '')),
);
const MAX_EXAMPLE_LOCAL = [...EXAMPLE_LOCALS].reduce((n, w) => Math.max(n, w.length), 0);

function allDigits(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return v.length > 0;
}

// Domain verdicts, remembered: a text names the same few domains over and over.
const domainVerdicts = new SlotMemo<boolean>(4096);

/** A domain a person's address can be at: well-formed labels, a top-level domain, not a reserved or stand-in one. */
function personDomain(domain: string): boolean {
  let r = domainVerdicts.get(domain);
  if (r === undefined) {
    const labels = domain.split('.');
    const tld = labels[labels.length - 1];
    r =
      labels.every((l) => l.length > 0 && l.length <= 63) &&
      (/^[A-Za-z]{2,24}$/.test(tld) || /^xn--[a-z0-9-]{2,59}$/i.test(tld) || /^\p{L}{2,24}$/u.test(tld)) &&
      !NOT_TLD.test(tld) &&
      !EXAMPLE_DOMAIN.test(domain) &&
      !ALGORITHM_DOMAIN.test(domain);
    domainVerdicts.set(domain, r);
  }
  return r;
}

// What makes `…:addr@host` an address field rather than a package alias (`npm:left-pad@1.3.0`) or a
// URL's user and password: a `mail` word or a vCard parameter (`;TYPE=…`) in the token before the `:`.
// (Or a field naming a user, a sender or a recipient, as a struct prints it: `User:joonasr@elisa.fi`.)
const MAIL_FIELD =
  /(?:^|[\s"'<(])[^\s"'<(]*(?:mail|;)[^\s"'<(]*$|(?:^|[^\w./-])(?:user(?:name)?|login|from|to|cc|bcc|sender|owner|author|contact|account|recipient)$/i;

// One to four capitalised words ending right before `<address>`.
const DISPLAY_NAME = /(?:\p{Lu}[\p{L}'.-]{0,30}[ \t]){0,3}\p{Lu}[\p{L}'.-]{0,30}[ \t]*$/u;

/** Addresses written URL-encoded, `@` as `%40` (`?email=maria%40gmail.com`). */
function findEncodedEmails(text: string, out: Finding[]): void {
  let at = text.indexOf('%40');
  while (at !== -1) {
    let s = at;
    const lo = Math.max(0, at - 64);
    while (s > lo && isLocalChar(text.charCodeAt(s - 1)) && text.charCodeAt(s - 1) !== 37) s--;
    // After another escape (`user%3Apass%40host`) the local part starts past its two hex digits.
    if (s > 0 && text.charCodeAt(s - 1) === 37) s = Math.min(at, s + 2);
    let e = at + 3;
    const hi = Math.min(text.length, at + 3 + 253);
    while (e < hi && isDomainChar(text.charCodeAt(e))) e++;
    while (e > at + 3 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    const local = text.slice(s, at);
    const domain = text.slice(at + 3, e);
    if (
      local.length > 0 &&
      domain.includes('.') &&
      personDomain(domain) &&
      !allDigits(local) &&
      !(local.length <= MAX_EXAMPLE_LOCAL && EXAMPLE_LOCALS.has(local.toLowerCase()))
    )
      out.push({ kind: 'email', start: s, end: e });
    at = text.indexOf('%40', at + 3);
  }
}

/** `encoded`: the text holds `%40`. */
export function findEmails(text: string, out: Finding[], encoded = false): void {
  if (encoded) findEncodedEmails(text, out);
  let at = text.indexOf('@');
  while (at !== -1) {
    let s = at;
    const lo = Math.max(0, at - 64);
    while (s > lo && isLocalChar(text.charCodeAt(s - 1))) s--;
    while (s < at && (text[s] === '.' || text[s] === '-')) s++;
    // A quoted local part (`"ines.carvalho"@sapo.pt`, RFC 5322): from its opening quote.
    if (s === at && at > 2 && text.charCodeAt(at - 1) === 34 /* " */) {
      const q = text.lastIndexOf('"', at - 2);
      if (q >= 0 && at - q <= 66 && at - q > 3 && !/[\s@"\\]/.test(text.slice(q + 1, at - 1))) s = q;
    }
    let e = at + 1;
    const hi = Math.min(text.length, at + 1 + 253);
    while (e < hi && isDomainChar(text.charCodeAt(e))) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    const next = at + 1 < text.length ? text.indexOf('@', at + 1) : -1;
    // Cheap shape test first: a local part, and a domain with a dot followed by two letters.
    let dot = e - 1; // the last dot of the domain (a bounded scan: lastIndexOf could run back to the start)
    while (dot > at && text.charCodeAt(dot) !== 46) dot--;
    if (
      s < at &&
      dot > at + 1 &&
      e - dot >= 3 &&
      !(
        s > 0 &&
        text.charCodeAt(s - 1) === 58 /* npm:pkg@x (a package spec), user:pass@host (a URL's user); `EMAIL;TYPE=work:` is a field */ &&
        !MAIL_FIELD.test(text.slice(Math.max(0, s - 40), s - 1))
      )
    ) {
      const local = text.slice(s, at);
      // git@github.com and noreply@… name a service, not a person.
      if (
        personDomain(text.slice(at + 1, e)) &&
        // (A mailbox's number, as QQ's are, of five digits or more: `819583634@qq.com`; not a path's, as a Message-ID's `…/runs/934823@github.com`.)
        !(allDigits(local) && (local.length < 5 || text.charCodeAt(s - 1) === 47)) &&
        !(BOT_LOCAL.test(local) && /^users\.noreply\.github\.com$/i.test(text.slice(at + 1, e))) &&
        // A repository's notification address (`platform@noreply.github.com`), no person's.
        !/^noreply\.github\.com$/i.test(text.slice(at + 1, e)) &&
        !(local.length <= MAX_EXAMPLE_LOCAL && EXAMPLE_LOCALS.has(local.toLowerCase()))
      ) {
        out.push({ kind: 'email', start: s, end: e });
        // `Jane Doe <jane@x.org>`: the display name before an address is the person's name.
        // (Not a team's or a service's mailbox: `GitHub <notifications@github.com>` names no one.)
        if (s > 0 && text[s - 1] === '<' && !ROLE_MAILBOX.test(text.slice(s, at + 1))) {
          const m = DISPLAY_NAME.exec(text.slice(Math.max(0, s - 81), s - 1));
          if (m)
            out.push({
              kind: 'person-name',
              start: s - 1 - m[0].length + (m[0].length - m[0].trimStart().length),
              end: s - 1 - (m[0].length - m[0].trimEnd().length),
            });
        }
      }
    }
    at = next;
  }
}

// ---------- IP addresses ----------
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?!\\w|\\.\\d)`, 'g');

function keepIpv4(ip: string, text: string, start: number): boolean {
  if (reservedIpv4(ip)) return true;
  // Only the address's own line: "v" ending the previous line is no version prefix.
  let lineStart = start;
  while (lineStart > 0 && start - lineStart < 24 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  if (!mayEndWithVersionWord(text, lineStart, start)) return false;
  const before = text.slice(lineStart, start).toLowerCase();
  if (/(?:^|[^a-z])(?:version|ver|v|release|build|assembly\w*|kernel|firmware|fw|rev|revision)\W{0,3}$/.test(before)) return true;
  return false;
}

/**
 * Could `text[lineStart, start)` end with a version word and up to three other characters (the
 * regex in keepIpv4)? Its last word character must end `version`, `ver`, `v`, `release`,
 * `build`, `kernel`, `firmware`, `fw`, `rev` or `revision`, or `assembly…` must occur in it.
 */
function mayEndWithVersionWord(text: string, lineStart: number, start: number): boolean {
  let k = start;
  while (k > lineStart && start - k < 3 && !isWordChar(text.charCodeAt(k - 1))) k--;
  if (k === lineStart || !isWordChar(text.charCodeAt(k - 1))) return false;
  const c = text.charCodeAt(k - 1) | 32;
  if (
    c === 110 /* n */ ||
    c === 114 /* r */ ||
    c === 118 /* v */ ||
    c === 101 /* e */ ||
    c === 100 /* d */ ||
    c === 108 /* l */ ||
    c === 119 /* w */
  )
    return true;
  for (let i = lineStart; i + 8 <= k; i++)
    if ((text.charCodeAt(i) | 32) === 97 && text.slice(i, i + 8).toLowerCase() === 'assembly') return true;
  return false;
}

const isWordChar = (c: number): boolean => isAlnum(c) || c === 95;

export function findIpv4(text: string, out: Finding[]): void {
  IPV4.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IPV4.exec(text)) !== null) {
    if (!keepIpv4(m[0], text, m.index)) out.push({ kind: 'ip-address', start: m.index, end: m.index + m[0].length });
  }
}

// ---------- US social security numbers ----------
// Area 001–899 except 666, group 01–99, serial 0001–9999, the same separator twice (dashes,
// dots or spaces); nine bare digits only after the words that name one.
const SSN = /(?<![\w.+-])(?!000|666|9\d\d)\d{3}([- .])(?!00)\d{2}\1(?!0000)\d{4}(?![\w]|[.-]\d)/g;
const SSN_BARE =
  /(?:ssn|social security(?: number| no\.?| #)?|sozialversicherungsnummer)(?:\W{0,6}|[ \t]+(?:is|was|number|no\.?|#)[ \t:#]{1,4})((?!000|666|9\d\d)\d{3}(?!00)\d{2}(?!0000)\d{4})(?!\d)/gi;

/** Every digit of `v` the same. */
function oneDigitRepeated(v: string): boolean {
  const d = v.charCodeAt(0);
  for (let i = 1; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57 && c !== d) return false;
  }
  return true;
}

/** `named`: the text holds `ssn`, `social security` or `sozialversicherung` (any case). */
export function findSsns(text: string, named: boolean, out: Finding[]): void {
  SSN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SSN.exec(text)) !== null) {
    if (oneDigitRepeated(m[0])) continue; // 111-11-1111
    out.push({ kind: 'us-ssn', start: m.index, end: m.index + m[0].length });
  }
  if (!named) return;
  SSN_BARE.lastIndex = 0;
  while ((m = SSN_BARE.exec(text)) !== null) {
    const start = m.index + m[0].length - m[1].length;
    out.push({ kind: 'us-ssn', start, end: start + m[1].length });
  }
}

// ---------- payment cards ----------
// (Grouped by spaces, dashes or, in fours, dots: `4149.1489.1243.6414.262`.)
const CARD = /(?<![\w\-.])(?:[1-68]\d{3}|9792)(?:[ -]?\d|(?<=(?<![\d.])(?:\d{4}\.){0,3}\d{4})\.\d){9,15}(?![\w-]|\.\d)/g;

/** Digits of a card: thirteen to nineteen, the check digit right, a known issuer's prefix and length. */
function isCard(d: string): boolean {
  return d.length >= 13 && d.length <= 19 && luhn(d) && CARD_PREFIX.test(d) && cardLengthFits(d);
}

function luhn(d: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let v = d.charCodeAt(i) - 48;
    if (dbl) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

// Issuer ranges (IIN): Visa 4; Mastercard 51–55, 2221–2720; Maestro 50, 56–69; Mir 2200–2204;
// American Express 34, 37; Diners 300–305, 309, 36, 38, 39; JCB 3528–3589; Discover, UnionPay,
// RuPay and others in 6; RuPay 81–82; Troy 9792; UATP 1 (15 digits only).
const CARD_PREFIX = /^(?:4|5|6|2(?:20[0-4]|2[2-9]|[3-6]\d|7[01]|720)|3[47]|3(?:0[0-59]|[689])|35(?:2[89]|[3-8])|8[12]|9792|1)/;

function cardLengthFits(d: string): boolean {
  const n = d.length;
  switch (d[0]) {
    case '1':
      return n === 15;
    case '3':
      return d[1] === '4' || d[1] === '7' ? n === 15 : n >= 14;
    case '4':
      return n === 13 || n === 16 || n === 19;
    default:
      return n >= 16 || (n >= 13 && /^(?:5[06-9]|6)/.test(d)); // Maestro 12–19
  }
}

export function findCards(text: string, out: Finding[]): void {
  CARD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CARD.exec(text)) !== null) {
    const raw = m[0];
    // Digits and separators counted in place; the string of digits is built only for a candidate
    // with one kind of separator (or none), used at least twice, and not one digit repeated.
    let nDigits = 0,
      nSeps = 0,
      sep = 0,
      mixed = false,
      same = true;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === 32 || c === 45 || c === 46) {
        nSeps++;
        if (sep === 0) sep = c;
        else if (c !== sep) mixed = true;
      } else {
        nDigits++;
        if (c !== raw.charCodeAt(0)) same = false;
      }
    }
    if (nDigits < 13 || (nDigits > 19 && nSeps === 0)) continue;
    if (nSeps === 1 && !mixed) {
      // One run of digits, then a short group after a space (`5381443412984684 08/26`): the run alone.
      const head = /^\d+/.exec(raw)![0];
      if (isCard(head)) out.push({ kind: 'credit-card', start: m.index, end: m.index + head.length });
      continue;
    }
    if (nSeps > 0 && mixed) continue; // mixed separators
    if (same) continue;
    if (isCard(nSeps === 0 ? raw : raw.replace(/[ .-]/g, ''))) {
      out.push({ kind: 'credit-card', start: m.index, end: m.index + raw.length });
      continue;
    }
    // A group of digits after the number (`4539 1488 0343 6467 08/26`, its expiry): the groups
    // before it may be the card. Drop the last group while thirteen digits or more are left.
    for (let r = raw.replace(/[ -]\d+$/, ''); nSeps > 0 && r !== raw && /[ -]/.test(r); r = r.replace(/[ -]\d+$/, '')) {
      const d = r.replace(/[ -]/g, '');
      if (d.length < 13) break;
      if (isCard(d)) {
        out.push({ kind: 'credit-card', start: m.index, end: m.index + r.length });
        break;
      }
    }
  }
}

// ---------- the local user's own identifiers ----------
export interface LocalIdentifiers {
  userName?: string;
  hostName?: string;
  gitName?: string;
  gitEmail?: string;
  homeDir?: string;
}

// Too generic to replace as bare words (they still go inside home paths).
const BARE_STOPLIST = new Set(
  wl(
    'root|admin|user|dev|test|ubuntu|runner|node|vscode|localhost|codespace|coder|app|build|ci|main|master|default|server|host|local|desktop|laptop|computer|pc|mac',
  ),
);

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds one finder for the local identifiers (null when none is usable). */
export function compileLocalIdentifiers(ids: LocalIdentifiers | undefined): ((text: string, out: Finding[]) => void) | null {
  if (!ids) return null;
  const parts: { kind: string; source: string }[] = [];
  const literals: string[] = [];
  const words = (kind: string, v: string | undefined): void => {
    if (!v) return;
    const t = v.trim();
    if (t.length < 3 || BARE_STOPLIST.has(t.toLowerCase())) return;
    literals.push(t);
    parts.push({ kind, source: `(?<![A-Za-z0-9])${escapeRe(t)}(?![A-Za-z0-9])` });
  };
  if (ids.homeDir && ids.homeDir.length >= 4) {
    const h = ids.homeDir.replace(/[\\/]+$/, '');
    const variants = new Set([h, h.replace(/\\/g, '/'), h.replace(/\\/g, '\\\\'), h.replace(/\//g, '\\')]);
    for (const v of variants) {
      literals.push(v);
      parts.push({ kind: 'home-dir', source: escapeRe(v) });
    }
  }
  if (ids.gitEmail) {
    literals.push(ids.gitEmail.trim());
    parts.push({ kind: 'email', source: escapeRe(ids.gitEmail.trim()) });
  }
  words('local-user', ids.userName);
  words('host-name', ids.hostName);
  if (ids.hostName && ids.hostName.includes('.')) words('host-name', ids.hostName.split('.')[0]);
  words('git-name', ids.gitName);
  // `Jane Q. Doe` also appears as `Jane Doe`, `jane.doe`, `jane_doe`.
  if (ids.gitName && /\s/.test(ids.gitName.trim())) {
    const w = ids.gitName
      .trim()
      .split(/\s+/)
      .filter((x) => !/^\w\.?$/.test(x));
    if (w.length >= 2) for (const sep of wl('.|_|-|')) words('git-name', w.join(sep));
  }
  if (parts.length === 0) return null;
  // Longest first, so a home directory wins over the bare user name inside it.
  parts.sort((a, b) => b.source.length - a.source.length);
  const re = new RegExp(parts.map((p, i) => `(?<g${i}>${p.source})`).join('|'), 'gi');
  const kinds = parts.map((p) => p.kind);
  // Every match holds one literal: a lookaround-free alternation rejects most texts quickly.
  const pre = new RegExp(literals.map(escapeRe).join('|'), 'i');
  return (text, out) => {
    if (!pre.test(text)) return;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      let kind = 'local-identifier';
      const g = m.groups ?? {};
      for (let i = 0; i < kinds.length; i++)
        if (g[`g${i}`] !== undefined) {
          kind = kinds[i];
          break;
        }
      out.push({ kind, start: m.index, end: m.index + m[0].length });
    }
  };
}

// ---------- bank account numbers (IBAN) ----------
// ISO 13616: a country code, two check digits and the country's fixed-length account number,
// written electronically (`DE89370400440532013000`) or in groups of four
// (`DE89 3704 0044 0532 0130 00`). Only a country's exact length with a valid ISO 7064 mod-97
// checksum is redacted; a random string passes that about once in a hundred, and must first be
// shaped like an IBAN of a real country.
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
  // Countries whose banks use IBANs outside SWIFT's registry (Iran's Sheba, the francophone African
  // and lusophone banks' BBAN with a check): the lengths IBAN.com publishes.
  IR: 26,
  DZ: 26,
  AO: 25,
  BJ: 28,
  BF: 28,
  CM: 27,
  CV: 25,
  CI: 28,
  CG: 27,
  GA: 27,
  GQ: 27,
  MG: 27,
  ML: 28,
  MZ: 25,
  SN: 28,
  TG: 28,
  KM: 27,
  TD: 27,
  NE: 28,
  GW: 25,
};
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?)(?![A-Za-z0-9])/g;
// Written in lower case (`iban gb83 midl 3748 …`): looked for only in texts that say `iban`.
// An IBAN glued to an MT940 statement's subfield code (`?31DE62200505507341154953`), read apart:
// a look-behind with a choice in it is tried at every place.
const MT940_IBAN = /(?<=\?\d\d)[A-Z]{2}\d{2}[A-Z0-9]{11,30}(?![A-Za-z0-9])/g;
const IBAN_LOWER = /(?<![A-Za-z0-9])[a-z]{2}\d{2}(?:[a-z0-9]{11,30}|(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,4})?)(?![A-Za-z0-9])/g;

/** ISO 7064 MOD 97-10 over the account number then the country code and check digits (letters as 10–35). */
function ibanChecksumValid(compact: string): boolean {
  let rem = 0;
  for (let k = 0; k < compact.length; k++) {
    const i = (k + 4) % compact.length;
    const c = compact.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return false;
  }
  return rem === 1;
}

/** IBANs with their country's length and a valid checksum. */
export function findIbans(text: string, out: Finding[], lower = false): void {
  for (const re of lower ? [IBAN, IBAN_LOWER] : [IBAN]) readIbans(re, text, out);
  if (text.includes('?3')) readIbans(MT940_IBAN, text, out);
  // A Polish account number (NRB) as banks print it, the IBAN without its `PL`: checked as one.
  NRB.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NRB.exec(text)) !== null)
    if (ibanChecksumValid('PL' + m[0].replace(/ /g, ''))) out.push({ kind: 'bank-account', start: m.index, end: m.index + m[0].length });
}
const NRB = /(?<![\w.,-])\d{2}(?: \d{4}){6}(?![\w]|[.,-]\d)/g;

function readIbans(re: RegExp, text: string, out: Finding[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const raw = m[0];
    const compact = (raw.includes(' ') ? raw.replace(/ /g, '') : raw).toUpperCase();
    if (IBAN_LENGTHS[compact.slice(0, 2)] !== compact.length || !ibanChecksumValid(compact)) continue;
    out.push({ kind: 'iban', start: m.index, end: m.index + raw.length });
  }
}

// ---------- MAC addresses ----------
