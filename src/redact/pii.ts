// Personal data: emails, phone numbers, IP addresses, payment-card numbers, user names in
// home-directory paths, and the local user's own identifiers. Each finder is a single pass
// with bounded look-around, so the cost stays linear in the text.
import { isAlnum, isDigit, type Finding } from './text';

// ---------- email ----------
const isLocalChar = (c: number): boolean => isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45; // . _ % + -
const isDomainChar = (c: number): boolean => isAlnum(c) || c === 45 || c === 46;

// Reserved and stand-in domains: addresses under them are examples, not people.
const EXAMPLE_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net|edu)|example|test|invalid|localhost|local|domain\.com|yourdomain\.com|yourcompany\.com|company\.com|email\.com|mail\.com|acme\.com|foo\.com|bar\.com|foobar\.com|users\.noreply\.github\.com\.invalid)$/i;
const EXAMPLE_LOCAL = /^(?:user|username|name|first\.last|firstname\.lastname|john\.doe|jane\.doe|johndoe|janedoe|you|your\.name|yourname|your_email|youremail|someone|somebody|me|foo|bar|test|email|mail|noreply|no-reply|donotreply|do-not-reply|git|postmaster|hostmaster|webmaster|abuse|admin|root|nobody|info|support|hello|contact|security)$/i;
// File names and versions that look like addresses: icon@2x.png, pkg@1.2.3.
const NOT_TLD = /^(?:png|jpg|jpeg|gif|svg|webp|ico|js|mjs|cjs|ts|tsx|jsx|json|css|scss|less|map|html|md|txt|xml|yml|yaml|lock|zip|gz|tgz|tar|wasm|so|dll|exe|py|rb|go|rs|java|kt|swift|php|sh|ps1|bat|vue|svelte|d|min|bundle|local|internal|lan|home|corp|intranet)$/i;

// One to four capitalised words ending right before `<address>`.
const DISPLAY_NAME = /(?:\p{Lu}[\p{L}'.-]{0,30}[ \t]){0,3}\p{Lu}[\p{L}'.-]{0,30}[ \t]*$/u;

export function findEmails(text: string, out: Finding[]): void {
  let at = text.indexOf('@');
  while (at !== -1) {
    let s = at;
    const lo = Math.max(0, at - 64);
    while (s > lo && isLocalChar(text.charCodeAt(s - 1))) s--;
    while (s < at && (text[s] === '.' || text[s] === '-')) s++;
    let e = at + 1;
    const hi = Math.min(text.length, at + 1 + 253);
    while (e < hi && isDomainChar(text.charCodeAt(e))) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    const next = at + 1 < text.length ? text.indexOf('@', at + 1) : -1;
    // Cheap shape test first: a local part, and a domain with a dot followed by two letters.
    const dot = text.lastIndexOf('.', e - 1);
    if (s < at && dot > at + 1 && e - dot >= 3) {
      const local = text.slice(s, at);
      const domain = text.slice(at + 1, e);
      const labels = domain.split('.');
      const tld = labels[labels.length - 1];
      const valid = labels.every((l) => l.length > 0 && l.length <= 63)
        && /^[A-Za-z]{2,24}$/.test(tld) && !NOT_TLD.test(tld)
        && !(s > 0 && text[s - 1] === ':') // npm:pkg@x (a package spec, not a person)
        && !/^\d+$/.test(local);
      // git@github.com and noreply@… name a service, not a person.
      if (valid && !EXAMPLE_DOMAIN.test(domain) && !EXAMPLE_LOCAL.test(local)) {
        out.push({ kind: 'email', start: s, end: e });
        // `Jane Doe <jane@x.org>`: the display name before an address is the person's name.
        if (s > 0 && text[s - 1] === '<') {
          const m = DISPLAY_NAME.exec(text.slice(Math.max(0, s - 81), s - 1));
          if (m) out.push({ kind: 'person-name', start: s - 1 - m[0].length + (m[0].length - m[0].trimStart().length), end: s - 1 - (m[0].length - m[0].trimEnd().length) });
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
  const o = ip.split('.').map(Number);
  if (o[0] === 0 || o[0] === 127 || o[0] >= 224 || o[0] === 255) return true; // unspecified, loopback, multicast, masks
  if (o[0] === 169 && o[1] === 254) return true; // link-local
  if ((o[0] === 192 && o[1] === 0 && o[2] === 2) || (o[0] === 198 && o[1] === 51 && o[2] === 100) || (o[0] === 203 && o[1] === 0 && o[2] === 113)) return true; // documentation
  if (o[3] === 0 || (o[1] === 0 && o[2] === 0 && o[3] === 1)) return true; // network addresses, 1.0.0.1-style versions
  if (['1.1.1.1', '1.0.0.1', '8.8.8.8', '8.8.4.4', '9.9.9.9', '149.112.112.112', '208.67.222.222'].includes(ip)) return true; // public resolvers
  // Only the address's own line: "v" ending the previous line is no version prefix.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - 24), start).toLowerCase();
  if (/(?:^|[^a-z])(?:version|ver|v|release|build|assembly\w*)\W{0,3}$/.test(before)) return true;
  return false;
}

export function findIpv4(text: string, out: Finding[]): void {
  IPV4.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IPV4.exec(text)) !== null) {
    if (!keepIpv4(m[0], text, m.index)) out.push({ kind: 'ip-address', start: m.index, end: m.index + m[0].length });
  }
}

const IPV6_CAND = /(?<![\w:.])(?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,39}(?![\w:])/g;

function validIpv6(s: string): boolean {
  let colons = 0, digits = 0;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c === 58) colons++; else if (c >= 48 && c <= 57) digits++; }
  if (colons < 2 || digits === 0 || (colons < 7 && !s.includes('::'))) return false;
  if (s.includes(':::')) return false;
  const dbl = s.indexOf('::');
  if (dbl !== -1 && s.indexOf('::', dbl + 1) !== -1) return false;
  const groups = s.split(':').filter((g) => g.length > 0);
  if (groups.some((g) => g.length > 4)) return false;
  if (dbl === -1 ? groups.length !== 8 : groups.length > 7) return false;
  if (groups.length < 3) return false; // ::1, fe80::1, a::b read too often as code
  if (!/\d/.test(s)) return false;
  const first = groups[0]?.toLowerCase() ?? '';
  if (s.startsWith('::')) return groups.length >= 3 && !/^ffff$/i.test(first);
  if (first === '2001' && groups[1]?.toLowerCase() === 'db8') return false; // documentation prefix
  return true;
}

// Every candidate holds `:hex{0,4}:`; a literal-first regex rejects most texts far faster.
const IPV6_PRE = /:[0-9A-Fa-f]{0,4}:/;

export function findIpv6(text: string, out: Finding[]): void {
  if (!IPV6_PRE.test(text)) return;
  IPV6_CAND.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IPV6_CAND.exec(text)) !== null) {
    if (validIpv6(m[0])) out.push({ kind: 'ip-address', start: m.index, end: m.index + m[0].length });
  }
}

// ---------- phone numbers ----------
// International numbers written with a leading +, and North American numbers with separators.
const PHONE_INTL = /(?<![\w+])\+[1-9]\d{0,2}(?:[ .-]?\(\d{1,4}\))?(?:[ .-]?\d{1,5}){2,5}(?![\w])/g;
const PHONE_NANP = /(?<![\w.\-+/])(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[.-])[2-9]\d{2}[.-]\d{4}(?![\w.-])/g;

// International numbers need `+` then a digit: a cheap literal-first check skips most texts.
const PHONE_INTL_PRE = /\+[1-9]/;

export function findPhones(text: string, out: Finding[]): void {
  for (const re of [PHONE_INTL, PHONE_NANP]) {
    if (re === PHONE_INTL && !PHONE_INTL_PRE.test(text)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      let digits = 0;
      for (let i = 0; i < m[0].length; i++) if (isDigit(m[0].charCodeAt(i))) digits++;
      if (digits < 10 || digits > 15) continue;
      if (re === PHONE_INTL && !/[ .\-()]/.test(m[0].slice(1)) && digits < 11) continue;
      out.push({ kind: 'phone', start: m.index, end: m.index + m[0].length });
    }
  }
}

// ---------- payment cards ----------
const CARD = /(?<![\w\-.])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\w-]|\.\d)/g;

function luhn(d: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let v = d.charCodeAt(i) - 48;
    if (dbl) { v *= 2; if (v > 9) v -= 9; }
    sum += v;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

const CARD_PREFIX = /^(?:4|5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720)|3[47]|3(?:0[0-5]|[68])|6(?:011|5|4[4-9]|22)|35(?:2[89]|[3-8]))/;

export function findCards(text: string, out: Finding[]): void {
  CARD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CARD.exec(text)) !== null) {
    const raw = m[0];
    const digits = raw.replace(/[ -]/g, '');
    if (digits.length < 13 || digits.length > 19) continue;
    const seps = raw.match(/[ -]/g);
    if (seps && (new Set(seps).size > 1 || seps.length < 2)) continue; // mixed or stray separators
    if (/^(\d)\1+$/.test(digits)) continue;
    if (!CARD_PREFIX.test(digits) || !luhn(digits)) continue;
    out.push({ kind: 'credit-card', start: m.index, end: m.index + raw.length });
  }
}

// ---------- home directories ----------
const HOME_POSIX = /\/(?:home|Users)\/([^/\\\s"'`<>:;|*?,)(\][{}=$%]{1,64})/g;
const HOME_WIN = /[A-Za-z]:(?:\\\\|\\|\/)(?:Users|Documents and Settings)(?:\\\\|\\|\/)([^/\\\s"'`<>:;|*?,)(\][{}=$%]{1,64})/gi;
// Generic or system accounts: naming them reveals nobody.
const GENERIC_USERS = new Set(['user', 'username', 'user1', 'you', 'yourname', 'your-name', 'your_name', 'yourusername', 'me', 'name', 'foo',
  'bar', 'test', 'tester', 'example', 'runner', 'runneradmin', 'shared', 'public', 'default', 'default user', 'all users', 'guest',
  'ubuntu', 'ec2-user', 'centos', 'debian', 'fedora', 'admin', 'administrator', 'root', 'vagrant', 'node', 'pi', 'linuxbrew', 'circleci',
  'jenkins', 'travis', 'git', 'vscode', 'codespace', 'coder', 'gitpod', 'jovyan', 'app', 'appuser', 'www-data', 'nobody', 'docker',
  'buildkite-agent', 'vsts', 'cloudshell-user', 'developer', 'dev', 'someone', 'myuser', 'myname', 'username1', 'current', 'currentuser', 'localuser', 'build', 'builder', 'ci', 'agent', 'steam', 'postgres',
  'mysql', 'redis', 'oracle', 'hadoop', 'spark', 'kafka', 'elastic', 'ansible', 'deploy', 'deployer', 'ftp', 'sftp', 'svc', 'service']);

export function findHomeUsers(text: string, out: Finding[]): void {
  for (const re of [HOME_POSIX, HOME_WIN]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      let user = m[1];
      // Trailing dots belong to the sentence.
      while (user.endsWith('.')) user = user.slice(0, -1);
      if (user.length < 2 || GENERIC_USERS.has(user.toLowerCase()) || user.startsWith('<REDACTED') || /^[.~*]/.test(user)) continue;
      const start = m.index + m[0].length - m[1].length;
      out.push({ kind: 'home-user', start, end: start + user.length });
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
const BARE_STOPLIST = new Set(['root', 'admin', 'user', 'dev', 'test', 'ubuntu', 'runner', 'node', 'vscode', 'localhost', 'codespace',
  'coder', 'app', 'build', 'ci', 'main', 'master', 'default', 'server', 'host', 'local', 'desktop', 'laptop', 'computer', 'pc', 'mac']);

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
    for (const v of variants) { literals.push(v); parts.push({ kind: 'home-dir', source: escapeRe(v) }); }
  }
  if (ids.gitEmail) { literals.push(ids.gitEmail.trim()); parts.push({ kind: 'email', source: escapeRe(ids.gitEmail.trim()) }); }
  words('local-user', ids.userName);
  words('host-name', ids.hostName);
  if (ids.hostName && ids.hostName.includes('.')) words('host-name', ids.hostName.split('.')[0]);
  words('git-name', ids.gitName);
  // `Jane Q. Doe` also appears as `Jane Doe`, `jane.doe`, `jane_doe`.
  if (ids.gitName && /\s/.test(ids.gitName.trim())) {
    const w = ids.gitName.trim().split(/\s+/).filter((x) => !/^\w\.?$/.test(x));
    if (w.length >= 2) for (const sep of ['.', '_', '-', '']) words('git-name', w.join(sep));
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
      if (m[0].length === 0) { re.lastIndex++; continue; }
      let kind = 'local-identifier';
      const g = m.groups ?? {};
      for (let i = 0; i < kinds.length; i++) if (g[`g${i}`] !== undefined) { kind = kinds[i]; break; }
      out.push({ kind, start: m.index, end: m.index + m[0].length });
    }
  };
}
