// Secrets found by their name: `password = "…"`, `"apiKey": "…"`, `--token …`, `Authorization: Bearer …`,
// `setProperty("DB_PASS", "…")`, `?access_token=…&`. A regex finds secret-like words; the
// name, separator and value around each hit are then read by hand with bounded scans, so the
// cost is O(n) whatever the input.
import {
  classes,
  distinctChars,
  entropy,
  isAlnum,
  isNameChar,
  isPlaceholder,
  lineBefore,
  isTrivialSequence,
  SlotMemo,
  splitWords,
  type Finding,
  TooDense,
  denseGuard,
  wl,
} from './text';

/** How much evidence a value needs, given its name. */
export type NameClass = 'password' | 'secret' | 'key';

const MAX_NAME = 96;
const MAX_VALUE = 4096;

// Words inside identifiers that can name a credential. `key` and `pass` are checked word-wise later.
// (`pw` and `pat` only where a word ends after them.) The redactor's one pass over every character
// marks where they occur (see HIT_WORDS' use in index.ts); HIT finds them when no pass did.
export const HIT_WORDS: readonly { word: string; wordEnd?: true }[] = [
  { word: 'pass' },
  { word: 'pwd' },
  { word: 'pw', wordEnd: true },
  { word: 'psk' },
  { word: 'secret' },
  { word: 'token' },
  { word: 'key' },
  { word: 'auth' },
  { word: 'cred' },
  { word: 'bearer' },
  { word: 'sas' },
  { word: 'pat', wordEnd: true },
  { word: 'cookie' },
  { word: 'session' },
  { word: 'sig' },
  { word: 'community' },
  // An S3-compatible store's key id (`spaces_access_id`, `spacesAccessId`): half of its pair.
  { word: 'access' },
  // A one-time password's seed (`"totp": "M6UQ…"`).
  { word: 'totp' },
  // The word for a password in other languages (`passwort` and `passord` are found by `pass`).
  { word: 'kennwort' },
  { word: 'wachtwoord' },
  { word: 'contrasena' },
  { word: 'senha' },
  { word: 'haslo' },
  { word: 'losenord' },
  { word: 'salasana' },
  { word: 'sifre' },
  { word: 'parola' },
  { word: 'adgangskode' },
  { word: 'heslo' },
];
const HIT = new RegExp(HIT_WORDS.map((h) => h.word + (h.wordEnd ? '\\b' : '')).join('|'), 'gi');

/** Where HIT_WORDS occur in `text`: offset and length, pair after pair. */
function hitsOf(text: string): number[] {
  const hits: number[] = [];
  HIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HIT.exec(text)) !== null) hits.push(m.index, m[0].length);
  return hits;
}

const ENDS_SECRET = wl(
  'token|tokens|secret|secrets|password|passwords|passwd|passphrase|pwd|apikey|apikeys|credential|credentials|creds|cred|accesskey|privatekey|secretkey|authkey|bearer|clientsecret|passcode',
);
// (`community`: an SNMP community string is the device's password.)
// (And the word in other languages: `passwort`, `senha`, `contrasena`, `wachtwoord`, …)
const PASSWORD_RE =
  /passw(?:or)?d|passphrase|passcode|^pwd$|pwd$|^pass$|^psk$|^community$|^rocommunity$|^rwcommunity$|passwort|kennwort|passord|wachtwoord|^contrasena$|^senha$|^haslo$|^losenord$|^salasana$|^sifre$|^parola$|adgangskode|^heslo$/;
// Two-word names that are credentials: api key, access key, account key, ...
const KEY_QUALIFIERS = new Set(
  `
    api access private secret auth signing encryption master session client account subscription
    license licence app application service admin write read ingest insert consumer hmac jwt webhook
    shared storage sas server root deploy developer dev user personal management mgmt encrypt crypt
    cipher aes sign
  `
    .trim()
    .split(/\s+/),
);
// A last word that makes the name describe something other than the credential itself.
const NEG_LAST = new Set(
  `
    url uri urls endpoint path file filename files dir directory name names type types length len
    size count field fields header headers prefix suffix format env hint label min max limit expiry
    expires expiration expiresin expiresat ttl timeout mode enabled enable disabled version regex
    pattern provider providers policy scope scopes source template class id ids index idx position
    pos validator manager service store storage generator required placeholder message msg error
    errors text title description desc input column col param params parameter ref reference
    location var variable event events handler listener code press pressed down up binding bindings
    map stroke hash hashes id_ kind count list set sets key_ lifetime duration age at time date
    status state method methods algorithm alg algo strategy option options config cfg settings
    setting schema spec attr attribute property prop props callback fn func function factory builder
    parser reader writer loader helper util utils dto request response req res result results info
    details data model entity repository repo table query filter sort order field_ exists check
    valid invalid validation rules rule len_ bytes bits strength policy_ reset changed change
    confirm confirmation visible visibility toggle shown show hidden icon style css color width
    height store_ cache encoding encoder decoder tokenizer kid usage use used tag tags vault arn
    region bucket host port server domain issuer audience subject claims claim pair pairs file_ ext
    extension offset start end begin separator delimiter char chars charset keyword keywords lookup
    reg registry
  `
    .trim()
    .split(/\s+/),
);
// A word anywhere that makes the name something other than a secret.
const NEG_ANY = new Set([
  ...wl(
    'public|publishable|pub|consent|csrf|xsrf|primary|foreign|sort|partition|row|composite|unique|idempotency|cache|lookup|dedup|dedupe|routing|redis|object|storage_|translation|i18n|l10n|locale|hotkey|shortcut|keyboard|keystroke|max|min|num|next|prev|previous|page|pagination|cursor|continuation|sync|fake|mock|dummy|example|sample|placeholder|tokenizer|tokenize|lexer|syntax|author|authors|authority|authorities|forgot|forgotten|strength|policy|mask|masked|show|hide|toggle|visibility|label|hint|prompt|input|field|form|fingerprint|thumbprint|checksum|digest',
  ),
  // detect-secrets' baseline (`"hashed_secret": "ac4a…"`): a hash of what it found.
  'hashed',
  'sha',
  'md5',
  'sha1',
  'sha256',
  'sha512',
  'integrity',
  'signature_',
  'passthrough',
  'passthru',
  'bypass',
  'compass',
  'passenger',
  'passive',
  'passed',
  'passes',
  'passing',
  'password_',
  'monkey',
  'turkey',
  'donkey',
  'whiskey',
  'hockey',
  'jockey',
  'through',
  'jsonwebtoken',
  'gpg',
  'pgp',
  'gnupg',
  'keyof',
  'keypath',
  'keycode',
  'keydown',
  'keyup',
  'keypress',
]);

const classCache = new Map<string, NameClass | null>();

/** Classifies an identifier as naming a password, a secret, a weaker `key`, or nothing. */
const OPENPGP = new Set(wl('gpg|pgp|gnupg'));
const HASH_WORDS = new Set(wl('integrity|checksum|digest|sha|md5|sha1|sha256|sha512'));

export function classifyName(name: string): NameClass | null {
  const cached = classCache.get(name);
  if (cached !== undefined) return cached;
  const result = classifyUncached(name);
  if (classCache.size > 50_000) classCache.clear();
  classCache.set(name, result);
  return result;
}

function classifyUncached(name: string): NameClass | null {
  // Bundler's per-host credentials: BUNDLE_GEMS__EXAMPLE__COM=user:pass
  if (/^BUNDLE_[A-Z0-9_]*__[A-Z0-9]+$/.test(name)) return 'password';
  // token1, apiKey2: a trailing counter does not change what the name means.
  const words = splitWords(name)
    .map((w) => (/^[a-z]+\d{1,2}$/.test(w) ? w.replace(/\d+$/, '') : w))
    .filter((w) => w.length > 0);
  if (words.length === 0) return null;
  const last = words[words.length - 1];
  // (A hash's word before `secret` names what the secret signs: `WOMPI_INTEGRITY_SECRET`, `checksum_secret`.)
  // (A signing tool's word before a password names whose: `gpg.passphrase`, `GPG_PASSWORD`.)
  for (const w of words)
    if (
      NEG_ANY.has(w) &&
      !(last === 'secret' && HASH_WORDS.has(w)) &&
      !(OPENPGP.has(w) && PASSWORD_RE.test(last)) &&
      // (A secret hash is a shared secret a webhook's sender echoes: Flutterwave's `FLW_SECRET_HASH`.)
      !(w === 'hash' && last === 'hash' && words.includes('secret'))
    )
      return null;
  // A reference to a secret kept elsewhere (Helm's `existingSecret: grafana-smtp`).
  if (words[0] === 'existing') return null;
  if (
    NEG_LAST.has(last) &&
    !(last === 'hash' && (words.some((w) => PASSWORD_RE.test(w)) || words.includes('secret'))) &&
    // `secret_id` (an AppRole's secret), `private_key_id`, `access_key_id` (S3-compatible stores'
    // `TE7TVH4C1Y8CXM1X7JQU`): the id of a secret that is itself one, or half of its pair.
    !(
      last === 'id' &&
      (words[words.length - 2] === 'secret' ||
        words[words.length - 2] === 'access' ||
        (words[words.length - 2] === 'key' && (words[words.length - 3] === 'private' || words[words.length - 3] === 'access')))
    )
  )
    return null;
  // A command's option on keys (`gpg --recv-keys`, `--list-keys`): the keys it fetches or lists are named, not given.
  if (last === 'keys' && words.length === 2 && KEY_VERBS.has(words[0])) return null;
  // `passwordKey`, `adminPasswordKey` (Helm, Kubernetes): the key a password is kept under in a
  // secret, not the password.
  if (last === 'key' && words.length >= 2 && PASSWORD_RE.test(words[words.length - 2])) return null;
  let cls: NameClass | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (PASSWORD_RE.test(w)) return 'password';
    // `ldap_default_authtok` (sssd): the bind password.
    if (w === 'pass' || w === 'passwd' || w === 'pw' || w === 'authtok') return 'password';
    // `dbpass`, `rootpass`, `smtppass`: a word glued to `pass` that says whose (not `bypass`, `compass`).
    if (w.endsWith('pass') && PASS_STEMS.has(w.slice(0, -4))) return 'password';
    if (
      w === 'auth' ||
      w === 'authorization' ||
      w === 'authz' ||
      w === 'pat' ||
      w === 'sas' ||
      w === 'bearer' ||
      w === 'cookie' ||
      w === 'authtoken' ||
      w === 'accesstoken' ||
      w === 'refreshtoken' ||
      w === 'sessiontoken' ||
      w === 'idtoken' ||
      w === 'totp'
    )
      cls = 'secret';
    else if (ENDS_SECRET.some((e) => w.endsWith(e)) && !w.startsWith('tokeniz')) cls = 'secret';
    else if (w === 'key' || w === 'keys') {
      const prev = i > 0 ? words[i - 1] : '';
      if (KEY_QUALIFIERS.has(prev)) cls = 'secret';
      else if (cls === null) cls = 'key';
    } else if (w.endsWith('key') && w.length > 3 && cls === null) {
      // `apikey`, `accountkey` are handled above by ENDS_SECRET / qualifiers; other *key words are weak.
      const stem = w.slice(0, -3);
      cls = KEY_QUALIFIERS.has(stem) ? 'secret' : 'key';
    } else if ((w === 'session' || w === 'sig' || w === 'signature') && cls === null) cls = 'key';
  }
  // `spaces_access_id`, Sumo Logic's `accessid`: the key id of a store or a collector, as access_key_id.
  if (cls === null && (last === 'accessid' || (last === 'id' && words[words.length - 2] === 'access'))) cls = 'secret';
  return cls;
}

const KEY_VERBS = new Set(wl('recv|receive|send|search|list|delete|refresh|fetch|import|locate'));

/** What a password glued to `pass` may belong to. */
const PASS_STEMS = new Set(
  'db sql mysql pg postgres mongo redis ldap smtp mail imap pop ftp sftp ssh vnc rdp wifi proxy admin root user usr my sys web app api svc service master default login auth new old cur current key store keystore trust truststore ca cert'.split(
    ' ',
  ),
);

const AUTH_SCHEME_WORDS = new Set(
  wl('bearer|basic|token|digest|bot|apikey|api-key|key|jwt|ssws|oauth|sharedaccesssignature|hmac|aws4-hmac-sha256|negotiate|ntlm'),
);
/** An authorization scheme word, any case. */
const isAuthScheme = (w: string): boolean => w.length >= 3 && w.length <= 21 && AUTH_SCHEME_WORDS.has(w.toLowerCase());

/** `auth` anywhere in `name`, any case. */
function hasAuth(name: string): boolean {
  for (let i = name.length - 4; i >= 0; i--) {
    if (
      (name.charCodeAt(i) | 32) === 97 &&
      (name.charCodeAt(i + 1) | 32) === 117 &&
      (name.charCodeAt(i + 2) | 32) === 116 &&
      (name.charCodeAt(i + 3) | 32) === 104
    )
      return true;
  }
  return false;
}

/** `^[A-Za-z][A-Za-z-]{1,24}$` */
function isSchemeLike(w: string): boolean {
  if (w.length < 2 || w.length > 25) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i) | 32;
    if (!((c >= 97 && c <= 122) || (i > 0 && w.charCodeAt(i) === 45))) return false;
  }
  return true;
}

// Set by findValueStart when name and value are separated by a comma (a weaker signal).
const commaSeparated = { value: false };

const GO_TYPE = /[A-Za-z_][\w.[\]*]{0,30}[ \t]+:?=(?![=>])/y;
const TYPE_ANNOTATION = /(?:&(?:'static[ \t]+)?)?[A-Za-z_][\w.<>[\]|]{0,40}[ \t]{0,4}=(?![=>])/y;

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** `[A-Za-z_]` */
function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * After a name ending at `p`, finds where its value starts. Returns -1 when what follows is not an
 * assignment (a comparison, a call, a type, the end of the line).
 */
function findValueStart(
  text: string,
  p: number,
  nameQuoted: boolean,
  isFlag: boolean,
  spaceSeparated = false,
  openTag = false,
  tupleName = false,
): number {
  const n = text.length;
  let i = p;
  // A closing quote or bracket around the name: "password": / ['password'] = / \"password\":
  if (i < n && text.charCodeAt(i) === 92 /* \ */ && (text.charCodeAt(i + 1) === 34 || text.charCodeAt(i + 1) === 39)) i += 2;
  else if (i < n && (text[i] === '"' || text[i] === "'" || text[i] === '`')) i++;
  if (i < n && text[i] === ']') i++;
  else if (!nameQuoted && text.charCodeAt(i) === 91 && text.charCodeAt(i + 1) === 93) i += 2; // `apikey[] = "…"` (PHP, Objective-C)
  const afterName = i;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  // A prompt's default in brackets before its colon (`aws configure`'s `Password [None]: …`, `[****2N]:`).
  if (!nameQuoted && text.charCodeAt(i) === 91 && i > afterName) {
    const close = text.indexOf(']:', i);
    if (close > i && close - i <= 48 && !text.slice(i, close).includes('\n')) i = close + 1;
  }
  if (i >= n) return -1;
  // Go-style `name string = "…"`: a type word between the name and the `=`.
  const goType = GO_TYPE;
  goType.lastIndex = i;
  if (!nameQuoted && i > afterName && isIdentStart(text.charCodeAt(i)) && goType.test(text)) i = goType.lastIndex - 1;
  const c = text[i];
  const c2 = text[i + 1];
  if (c === '=') {
    if (c2 === '~') return -1; // =~ match
    if (c2 === '=') {
      // `pass === 'literal'`: a hard-coded credential compared in code; only a quoted literal counts.
      i += text[i + 2] === '=' ? 3 : 2;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      return text[i] === '"' || text[i] === "'" || text[i] === '`' ? i : -1;
    }
    i += c2 === '>' ? 2 : 1; // => (PHP, Ruby)
  } else if (c === ':') {
    let k = i;
    while (k < n && k - i < 4 && text[k] === ':') k++;
    if (text[k] === '=')
      i = k + 1; // :=, ::=, :::=
    else if (k - i === 1)
      i = k; // a single colon; `a::b` is a path
    else return -1;
  } else if ((c === '?' || c === '|' || c === '+' || c === '.') && c2 === '=') {
    i += 2;
  } else if (c === '<' && c2 === '-') {
    i += 2;
  } else if (nameQuoted && c === '-' && c2 === '>') {
    i += 2; // a pair of a map: `"sfPassword" -> "…"` (Scala)
  } else if (nameQuoted && i > afterName && c === 't' && c2 === 'o' && (text[i + 2] === ' ' || text[i + 2] === '\t')) {
    i += 2; // `"password" to "…"` (Kotlin's `mapOf`)
  } else if (openTag && !nameQuoted && (c === '>' || (i > afterName && tagEnd(text, i) > 0))) {
    if (c !== '>') i = tagEnd(text, i);
    i += 1; // <password>value</password>, <Pass encoding="base64">value</Pass>, the value possibly on the next line
    let k = i;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    if (text[k] === '\r') k++;
    if (text[k] === '\n') i = k + 1;
  } else if (c === ',' && nameQuoted) {
    i += 1; // setProperty("TOKEN", "value"), ["password", "value"]
    // PHP's `define('DB_PASSWORD', '…')` defines a constant: an assignment, not an argument list.
    commaSeparated.value = !/define\([ \t]*["']$/i.test(text.slice(Math.max(0, p - 80), p).replace(/[\w-]+$/, ''));
  } else if (c === ',' && tupleName) {
    // `{smtp_password, "…"}` (Erlang, Elixir), `(api_key, "…")`: a pair whose first element names a
    // credential; only a quoted literal counts.
    i += 1;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (text[i] !== '"' && text[i] !== "'") return -1;
    commaSeparated.value = true;
  } else if (nameQuoted && text.startsWith('value=', i)) {
    i += 6; // <add key="Password" value="..." />
  } else if ((isFlag || spaceSeparated) && afterName < i) {
    // --password value
  } else {
    return -1;
  }
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  // An option's name and its default (`add_argument('--api-key', default='…')`, click's `option`).
  if (c === ',' && nameQuoted) {
    DEFAULT_ARGUMENT.lastIndex = i;
    if (DEFAULT_ARGUMENT.test(text)) i = DEFAULT_ARGUMENT.lastIndex;
  }
  // A type annotation `password: string = "..."` (Rust's `&str`, `&'static str`) moves the value past the `=`.
  const typeAnn = TYPE_ANNOTATION;
  typeAnn.lastIndex = i;
  if (c === ':' && typeAnn.test(text)) {
    i = typeAnn.lastIndex;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  }
  return i < n ? i : -1;
}

const DEFAULT_ARGUMENT = /(?:default|default_value|defaultValue)[ \t]*=[ \t]*(?=["'])/y;

/** The `>` closing an open tag whose attributes start at `i` (same line, bounded), or -1. */
function tagEnd(text: string, i: number): number {
  const limit = Math.min(text.length, i + 200);
  for (let k = i; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 62 /* > */) return text.charCodeAt(k - 1) === 47 /* / */ ? -1 : k;
    if (c === 10 || c === 60 /* < */) return -1;
  }
  return -1;
}

interface Value {
  start: number;
  end: number;
  quoted: boolean;
}

// A member path or a call (`dbPassword.Value`, `cfg.Get()`), parts of word-like names only.
const BRACED_REFERENCE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\))?$|^[A-Za-z_$][\w$]*\(\)$/;
const STORAGE_SCHEME = /\{[A-Za-z][A-Za-z0-9.-]{1,19}\}(?=[A-Za-z0-9$./+=_-])/y;

const BLOCK_HEADER = /[|>][-+]?[1-9]?[ \t]*\r?\n/y;

/**
 * A folded block scalar (`>`, `>-`) under a name that starts its line, of two to eight lines that are
 * each one run of a token's characters, joined a value that looks secret: a token wrapped to fit.
 */
function wrappedScalar(text: string, s: number, vs: number, cls: NameClass): Value[] | null {
  if (text.charCodeAt(vs - 1) !== 32 || text.charCodeAt(vs - 2) !== 58 /* : */ || !startsConfigLine(text, s)) return null;
  BLOCK_HEADER.lastIndex = vs;
  if (!BLOCK_HEADER.test(text)) return null;
  let ls = s;
  while (ls > 0 && !isLineBreak(text.charCodeAt(ls - 1))) ls--;
  const indent = (at: number): number => {
    let k = at;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    return k - at;
  };
  let at = BLOCK_HEADER.lastIndex;
  const own = indent(at);
  if (own <= indent(ls)) return null;
  const parts: Value[] = [];
  while (parts.length < 8 && at < text.length && indent(at) === own) {
    const b = at + own;
    let k = b;
    while (k < text.length && TOKEN_CHAR.test(text[k])) k++;
    if (k - b < 4) return null;
    let t = k;
    while (t < text.length && isSpace(text.charCodeAt(t))) t++;
    if (t < text.length && !isLineBreak(text.charCodeAt(t))) return null; // a line of words, not a token's piece
    parts.push({ start: b, end: k, quoted: false });
    at = t + (text.charCodeAt(t) === 13 ? 2 : 1);
  }
  if (parts.length < 2) return null;
  const joined = parts.map((p) => text.slice(p.start, p.end)).join('');
  return joined.length >= 24 && valueLooksSecret(joined, cls, false) ? parts : null;
}
const TOKEN_CHAR = /[A-Za-z0-9+/=_.-]/;

/**
 * A YAML block scalar of one line under a name that starts its line (`password: |` and the value
 * indented on the next line): that line, read as a literal. A block of several lines (a key, a
 * script) is left to the rules for what it holds.
 */
function blockScalarLine(text: string, s: number, vs: number): Value | null {
  if (text.charCodeAt(vs - 1) !== 32 || text.charCodeAt(vs - 2) !== 58 /* : */ || !startsConfigLine(text, s)) return null;
  BLOCK_HEADER.lastIndex = vs;
  if (!BLOCK_HEADER.test(text)) return null;
  let ls = s;
  while (ls > 0 && !isLineBreak(text.charCodeAt(ls - 1))) ls--;
  const indent = (at: number): number => {
    let k = at;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    return k - at;
  };
  const nameIndent = indent(ls);
  const start = BLOCK_HEADER.lastIndex;
  const own = indent(start);
  if (own <= nameIndent) return null;
  const line = readElementLine(text, start + own);
  if (line.end <= line.start) return null;
  let next = line.end;
  while (next < text.length && text.charCodeAt(next) !== 10) next++;
  if (next < text.length) {
    const after = next + 1;
    const ind = indent(after);
    if (ind >= own && !isLineBreak(text.charCodeAt(after + ind)) && after + ind < text.length) return null; // more than one line
  }
  return line;
}

/** The rest of the line from `i` (bounded), trailing spaces dropped, as a literal. */
function readElementLine(text: string, i: number): Value {
  const limit = Math.min(text.length, i + MAX_VALUE);
  let e = i;
  while (e < limit && !isLineBreak(text.charCodeAt(e))) e++;
  while (e > i && isSpace(text.charCodeAt(e - 1))) e--;
  return { start: i, end: e, quoted: true };
}

/** Element content from `i` up to the next `<` or the end of the line (bounded), trimmed. */
function readElement(text: string, i: number): Value {
  // `<password><![CDATA[…]]></password>`: the section's content is the value.
  if (text.startsWith('<![CDATA[', i)) {
    const close = text.indexOf(']]>', i + 9);
    if (close > i + 9 && close - i - 9 <= MAX_VALUE && text.lastIndexOf('\n', close) < i) return { start: i + 9, end: close, quoted: true };
  }
  const limit = Math.min(text.length, i + MAX_VALUE);
  let j = i;
  while (j < limit && text.charCodeAt(j) !== 60 && text.charCodeAt(j) !== 10) j++;
  let s = i,
    e = j;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && (isSpace(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 13)) e--;
  return { start: s, end: e, quoted: true };
}

/**
 * A configuration line's unquoted value: the rest of the line (bounded), less a trailing comment
 * (` # …`, ` ; …`, ` // …`) and a trailing `;` or `,`. Free-form values (spaces, braces) are
 * read whole here; `readValue` would stop at the first of them.
 */
function readLineValue(text: string, i: number): Value {
  const limit = Math.min(text.length, i + MAX_VALUE);
  let j = i;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) break;
    if (isSpace(c) && j + 1 < limit) {
      const d = text.charCodeAt(j + 1);
      if (d === 35 /* # */ || d === 59 /* ; */ || (d === 47 && text.charCodeAt(j + 2) === 47)) break;
    }
    j++;
  }
  let e = j;
  while (e > i && (isSpace(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 59 || text.charCodeAt(e - 1) === 44)) e--;
  return { start: i, end: e, quoted: false };
}

const ESCAPED_NEWLINE = /\\[nrt]/;

/** Reads the value starting at `i`: a quoted string (bounded), or an unquoted run. */
const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>', '|': '|', '!': '!', '/': '/' };
const RAW_OPEN = /(?:%[qQ]?|qq?)([([{<|!/])|R"([^()\\\s"]{0,16})\(|r(#{1,3})"|\[(=*)\[/y;

/**
 * A literal in one of the languages' other quotes, closed on the same line: Ruby's `%q(…)`, `%{…}`,
 * Perl's `q{…}` and `qq(…)`, C++'s `R"x(…)x"`, Rust's `r#"…"#`, Lua's `[[…]]` and `[==[…]==]`.
 */
function delimitedLiteral(text: string, i: number): Value | null {
  const c = text[i];
  if (c !== '%' && c !== 'q' && c !== 'R' && c !== 'r' && c !== '[') return null;
  RAW_OPEN.lastIndex = i;
  const m = RAW_OPEN.exec(text);
  if (m === null) return null;
  const start = RAW_OPEN.lastIndex;
  const close =
    m[1] !== undefined ? CLOSER[m[1]] : m[2] !== undefined ? ')' + m[2] + '"' : m[3] !== undefined ? '"' + m[3] : ']' + m[4] + ']';
  const end = text.indexOf(close, start);
  if (end <= start || end - start > MAX_VALUE || newlineBetween(text, start, end)) return null;
  // `%(password)s`: Python's and ConfigParser's interpolation, a reference.
  if (m[0] === '%(' && /[a-z]/.test(text[end + 1] ?? '')) return null;
  return { start, end, quoted: true };
}

function readValue(text: string, i: number): Value | null {
  const n = text.length;
  // A debugger's string: the pointer, then the characters (`password = 0x55d1c300 "nHG9…"` in gdb).
  if (text[i] === '0' && text[i + 1] === 'x') {
    const p = /^0x[0-9a-f]{4,16} (?=["'])/.exec(text.slice(i, i + 20));
    if (p !== null) i += p[0].length;
  }
  const delimited = delimitedLiteral(text, i);
  if (delimited !== null) return delimited;
  // String prefixes: b"..", r'..', f"..", @"..", $"..", u8"..".
  const pre = text[i];
  if (
    (pre === 'b' || pre === 'r' || pre === 'f' || pre === 'u' || pre === '@' || pre === '$' || pre === 'L') &&
    (text[i + 1] === '"' || text[i + 1] === "'")
  )
    i++;
  let q = text[i];
  let escapedQuote = false;
  if (q === '\\' && (text[i + 1] === '"' || text[i + 1] === "'")) {
    escapedQuote = true;
    q = text[i + 1];
    i++;
  }
  if (q === '"' || q === "'" || q === '`') {
    // TOML's and Python's triple-quoted strings: `password = """…"""` on one line.
    if (!escapedQuote && text[i + 1] === q && text[i + 2] === q) {
      const close = text.indexOf(q + q + q, i + 3);
      if (close > i + 3 && close - i <= MAX_VALUE && !newlineBetween(text, i + 3, close)) return { start: i + 3, end: close, quoted: true };
    }
    const start = i + 1;
    const limit = Math.min(n, start + MAX_VALUE);
    let j = start;
    while (j < limit) {
      const ch = text.charCodeAt(j);
      if (ch === 10) break;
      if (escapedQuote && ch === 92 && text[j + 1] === q) break;
      if (ch === 92 && !escapedQuote) {
        j += 2;
        continue;
      }
      if (text[j] === q) break;
      j++;
    }
    if (j > limit) j = limit;
    return { start, end: j, quoted: true };
  }
  // Quotes escaped as HTML or XML entities (`password=&quot;…&quot;` in an attribute, a page):
  // the value runs to the same entity on the line.
  if (q === '&') {
    const entity = /^&(?:quot|apos|#34|#39|#x22|#x27);/.exec(text.slice(i, i + 6));
    if (entity) {
      const start = i + entity[0].length;
      const close = text.indexOf(entity[0], start);
      if (close > start && close - start <= MAX_VALUE && !newlineBetween(text, start, close)) return { start, end: close, quoted: true };
    }
  }
  // ODBC and ADO connection strings brace-quote values: `Pwd={pa;ss}`.
  if (q === '{' && text[i - 1] === '=' && text[i + 1] !== '{') {
    const limit = Math.min(n, i + 1 + 256);
    let j = i + 1;
    while (j < limit && text[j] !== '}' && text.charCodeAt(j) !== 10) j++;
    if (text[j] === '}') return { start: i + 1, end: j, quoted: true };
  }
  // A pair of a connection string after another (`…;Username=analyst;Password=fsharp Is Fun 99!;…`):
  // the value runs to the next `;` or the string's end, spaces and all.
  if (text[i - 1] === '=') {
    let k = i - 2;
    while (k >= 0 && i - k < 40 && (((text.charCodeAt(k) | 32) >= 97 && (text.charCodeAt(k) | 32) <= 122) || text[k] === ' ')) k--;
    // The key one word or two capitalised ones (`User Id`), the value no bracketed expression.
    if (text[k] === ';' && k < i - 2 && /^ ?[A-Za-z]+(?: [A-Z][A-Za-z]*)?$/.test(text.slice(k + 1, i - 1)) && !/[[({]/.test(text[i])) {
      const limit = Math.min(n, i + 128);
      let j = i;
      while (j < limit && text[j] !== ';' && text[j] !== '"' && text[j] !== "'" && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13)
        j++;
      let e = j;
      while (e > i && text[e - 1] === ' ') e--;
      if (j < limit && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13 && e > i) return { start: i, end: e, quoted: true };
    }
  }
  const start = i;
  const limit = Math.min(n, start + MAX_VALUE);
  let j = start;
  while (j < limit) {
    const ch = text.charCodeAt(j);
    // Stop at whitespace, quotes, separators and closing brackets; also at escaped newlines inside strings.
    if (
      ch <= 32 ||
      ch === 34 ||
      ch === 39 ||
      ch === 96 ||
      ch === 44 ||
      ch === 59 ||
      ch === 41 ||
      ch === 125 ||
      ch === 93 ||
      ch === 60 ||
      ch === 62 ||
      ch === 38 ||
      ch === 124
    )
      break;
    if (ch === 92 && ESCAPED_NEWLINE.test(text.slice(j, j + 2))) break;
    j++;
  }
  return { start, end: j, quoted: false };
}

/** True when an unquoted value reads as code (a variable, a call, a member path), not a literal. */
function looksLikeCode(v: string): boolean {
  if (/[()[\]{}]/.test(v)) return true;
  if (/^[$%@&*!]/.test(v) && !/^\$[0-9a-f]{2}\$/.test(v)) return true;
  if (/^-?\d+(?:\.\d+)?[a-z]{0,3}$/i.test(v) || /^0x[0-9a-f]+$/i.test(v)) return true; // numbers, 30s, 10ms, 0x8802
  // a.b.c member paths of word-like parts (`settings.SECRET_KEY`, `win32api.RegEnumKey`), none a
  // password's mix of both cases with digits inside letters (`CA38ya.heyhH`)
  if (
    /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(v) &&
    !/[A-Za-z]\$\d+$/.test(v) &&
    wordLike(v.slice(v.lastIndexOf('.') + 1)) &&
    !v.split('.').some((p) => /[a-z]/.test(p) && /[A-Z]/.test(p) && /[A-Za-z]\d+[A-Za-z]/.test(p))
  )
    return true;
  // Identifiers (`ArrowToken$1`), but not a password with a dollar inside (`orbit$1996Tun`,
  // `Bramble$Orchid25`) or after its digits (`kiwiHorse76$`).
  if (/^[A-Za-z_$][\w$]*$/.test(v) && !/[A-Za-z]\$\d+[A-Za-z]|[A-Za-z]\d+\$+$|[a-z]\$[A-Z][a-z]+\d+$/.test(v) && wordLike(v)) return true;
  return false;
}

/** A word or an identifier made of words (fooBar, FOO_BAR, foo2), not a random string. */
export function wordLike(v: string): boolean {
  // (Each test below rejects on its own; the cheapest come first.)
  if (digitsInsideLetters(v) && !(/^[A-Za-z]+\d{1,3}[A-Z][a-z]/.test(v) && (v.match(/\d+/g) ?? []).length === 1)) return false; // digits inside a run: a7b, but not utf8Decoder
  if (v.length >= 10 && manyShortParts(v)) return false;
  if (v.length >= 8 && /^[A-Z0-9]+$/.test(v) && /\d/.test(v) && /[A-Z]{3}/.test(v)) return false; // 798JRYLJVD4
  const words = splitWords(v);
  if (words.length === 0) return true;
  for (const w of words) {
    if (/^\d{1,4}$/.test(w)) continue;
    if (!/^[a-z]+\d{0,3}$/.test(w)) return false;
    const letters = w.replace(/\d+$/, '');
    if (letters.length > 3 && !/[aeiouy]/.test(letters)) return false;
    // A long run of few letters repeating (`abcdefabcdef…`): a stand-in key, not a word; compound
    // words that long (`portainerregistrytesting`) use many more letters.
    if (letters.length >= 20 && distinctChars(letters) <= 8) return false;
    // long runs without vowels or with many rare letters read as random
    if (letters.length >= 12 && entropy(letters) > 3.6) return false;
    if (/[bcdfghjklmnpqrstvwxz]{5,}/.test(letters.replace(/([ptscgw])h/g, '$1'))) return false; // `passphrase` is a word
  }
  return true;
}

/** `/[A-Za-z]\d+[A-Za-z]/.test(v)`, by loop. */
function digitsInsideLetters(v: string): boolean {
  let state = 0; // 0: other, 1: after a letter, 2: in digits after a letter
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (letter) {
      if (state === 2) return true;
      state = 1;
    } else if (c >= 48 && c <= 57) {
      if (state !== 0) state = 2;
    } else state = 0;
  }
  return false;
}

/** Random mixed-case strings split into many one- and two-letter "words"; camelCase names do not. */
function manyShortParts(v: string): boolean {
  const words = splitWords(v);
  let short = 0;
  for (const w of words) if (w.length <= 2 && !/^\d+$/.test(w)) short++;
  return short >= 3 && short / words.length > 0.3;
}

// Constructs only a regular expression writes: a non-capturing or look-around group, a negated
// class, a class escape, a counted repeat.
const REGEX_SOURCE = /\(\?[:=!<]|\[\^|\\[sdwbSDWB][*+?{\]]|\{\d+,\d*\}/;

/**
 * A part of a dotted or dashed name: a number, or a word with none of the symbols only a chosen
 * password puts there (`^`, `~`, a `*` inside the part; code's `?.`, `===`, `#` and globs' `**` are no such).
 */
function namePart(p: string): boolean {
  // A part with a password's symbols is no name's: `pulumi-Stack_pw!7`.
  // (Nor one with a capital between digits: `Tymm-1S3._iMa`.)
  return (
    p === '' ||
    /^\d{1,4}$/.test(p) ||
    (!/[~^]|[A-Za-z0-9][*!#&][A-Za-z0-9]|\*[A-Za-z0-9]|\d[A-Z]\d/.test(p) && !randomCase(p) && wordLike(p))
  );
}

// Two-letter words camel case makes (`getElementById`, `IOSurface`).
const SHORT_WORDS = new Set('by id of to on in is at io ui os db js ok up no do go me my we be it as an or if el la le de'.split(' '));
/**
 * Letters whose cases switch as no name's do (`VNYyRqaa`, `sATwi`, `PZENObG`): split at the switches,
 * two or more pieces of one letter or of two that make no word.
 */
function randomCase(p: string): boolean {
  if (p.length < 5 || !/^[A-Za-z]+$/.test(p) || !/[a-z]/.test(p) || !/[A-Z]/.test(p)) return false;
  let odd = 0;
  for (const w of splitWords(p)) if (w.length === 1 || (w.length === 2 && !SHORT_WORDS.has(w))) odd++;
  return odd >= 2;
}

/**
 * Base64 that starts with or holds `/` (`/b8mMGEL/JaHIWIoLGYVD56Hs3cY5qme9Jc6LOsn8ZM=`): a whole
 * number of quads, and a part between slashes of 16 or more characters mixing both cases and
 * digits, as no path's directory is named.
 */
function base64WithSlashes(v: string): boolean {
  if (v.length % 4 !== 0 || !/^[A-Za-z0-9+/]{20,}={0,2}$/.test(v)) return false;
  return v.split('/').some((p) => p.length >= 16 && /[A-Z]/.test(p) && /[a-z]/.test(p) && /\d/.test(p));
}

/** The word for a password itself, in any language (`Passwort`, `Contraseña`, `Mot de passe`). */
function wordForPassword(v: string): boolean {
  return (
    /^\p{L}[\p{L} ]{3,24}$/u.test(v) &&
    PASSWORD_RE.test(
      v
        .normalize('NFD')
        .replace(/[\u0300-\u036f ]/g, '')
        .toLowerCase(),
    )
  );
}
const GRAPHQL_TYPE = /^\[?(?:String|Int|Float|Boolean|ID|DateTime|Date|JSON|Upload|Email|URL|UUID)!?\]?!$/;

/** Does this value, under a name of class `cls`, look like a real credential? */
export function valueLooksSecret(v: string, cls: NameClass, quoted: boolean): boolean {
  // Cheap rejections first: this runs for every name-like hit.
  if (v.length < (cls === 'password' ? 4 : 8)) return false;
  if (REGEX_SOURCE.test(v)) return false; // a regular expression's source: `(?:"[^"]{1,64}"|…)`
  if (/\s/.test(v)) return spacedValueLooksSecret(v, cls, quoted);
  if (isPlaceholder(v) || isTrivialSequence(v)) return false;
  // A GraphQL field's type (`password: String!`), and a message bundle's word for the thing (`login.password=Passwort`).
  if (GRAPHQL_TYPE.test(v)) return false;
  if (cls === 'password' && wordForPassword(v)) return false;
  // Translated messages and prose are no credentials; a password or secret of symbols may hold
  // non-ASCII ones (`A,.:-¨@*¿?!`): no spaces, no run of three letters, four or more symbols.
  // A password of letters of any script, digits and a symbol (`Grüße947Köln#`, `Łódź_568Ελλάδα$`) is chosen.
  if (/[^\x20-\x7e]/.test(v))
    return cls !== 'key' && ((symbolPassword(v) && distinctChars(v) >= 3) || (cls === 'password' && letterDigitSymbol(v)));
  if (cls === 'password' && dicewarePassword(v)) return true;
  if (cls === 'secret' && kebabPassphrase(v, quoted)) return true;
  // `Copper.Kettle.3`, `ember.Copper.352`: words and a number, joined by dots.
  if (cls === 'password' && /^[A-Za-z][a-z]{2,}(?:\.[A-Za-z][a-z]{2,}){1,3}\.\d{1,4}[!?#]?$/.test(v)) return true;
  const parts = v.split(/[._\-/:]+/);
  if (/^[~^]?v?\d+(?:\.\d+)+(?:[-+][\w.]+)?$/.test(v)) return false; // versions and ranges: `^10.2.2`, `~1.4`
  // a.b.c_d names (`a?.b.c`, code's chains, too); parts with a password's symbols (`ogJ-^r8*-*2_hl`) are no name's.
  // (Quoted, a value with a password's symbols is no code's chain: `"UIwY3_PXC-VXhw!%"`.)
  // Not a format string's conversions (`"%d,%d-%d"`) nor a variable's reference (`unix:path=$XDG_RUNTIME_DIR/bus`).
  const symbols =
    quoted &&
    /[!@^~?*#&$<>]|%(?![-+0 #]?\d*(?:\.\d+)?[sdifxXcrou])/.test(v) &&
    !/\$(?:\{[^}]+\}|\([^)]+\)|[A-Z_][A-Z0-9_]{2,}(?![a-z])|[a-z_][a-z0-9_]{2,}(?![A-Z]))/.test(v);
  // (A separator at the end is no chain's: `Falcon_2006.` is a password. Nor, quoted under a
  // password's name, words joined by `_` or `-` and a number: `"password": "velvet_otter_377"`.)
  const wordsAndNumber = cls === 'password' && quoted && /^[A-Za-z]{3,}(?:[_-][A-Za-z]{3,})+[_-]\d{2,}$/.test(v);
  if (parts.length >= 3 && !symbols && !wordsAndNumber && !/[._\-/:]$/.test(v) && parts.every(namePart)) return false;
  // A store's path (`kv/data/smtp:password`, `secret/app#token`): lower-case words, where the secret is kept.
  if (/^[a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)+(?:[:#][a-z][a-z0-9_-]*)?$/.test(v)) return false;
  if (/^(?:https?|ftp|file):\/\//i.test(v)) return false; // URLs are handled by the URL rule
  if (/^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(v) && /[/\\]\w+[/\\.]/.test(v) && !base64WithSlashes(v)) return false; // file paths
  if (cls !== 'key' && /^\d{12,64}$/.test(v)) return distinctChars(v) >= 5; // long numeric ids used as tokens
  // (A password may start with a symbol code's sigils use: `password=@zVWwFYP#0aTxz` in a conninfo.)
  if (
    !quoted &&
    looksLikeCode(v) &&
    !(cls === 'password' && /^[@!&*][^()[\]{}]{7,}$/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v) && /\d/.test(v))
  )
    return false;
  const k = classes(v);
  if (cls === 'password') {
    if (v.length < 4) return false;
    // A name of the password, not one (`'reporting_password'`, psql's `:'admin_pass'`, a Secret's key `admin-password`):
    // lower-case words joined by `_` or `-`, one of them the word.
    if (/^[a-z]+(?:[_-][a-z]+)+$/.test(v) && /(?:^|[_-])(?:password|passwd|pass|pwd|secret)(?:[_-]|$)/.test(v)) return false;
    if (!quoted && /^[A-Za-z]+$/.test(v) && wordLike(v)) return false;
    if (/^[a-z]{1,11}$/.test(v) && wordLike(v)) return false; // "different", "sunshine": words, not chosen secrets
    return distinctChars(v) >= 3;
  }
  if (v.length < 8) return false;
  if (distinctChars(v) < 5) return false;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return false; // CONSTANT_NAMES
  if (/^(?:\d+\.)+\d+(?:[-+][\w.]+)?$/.test(v)) return false; // versions
  if (/abcdefghij|0123456789|ABCDEFGHIJ/.test(v)) return false; // alphabets and digit runs
  if (/[._\-/:]/.test(v) && !symbols && v.split(/[._\-/:]+/).every(namePart)) return false; // dotted words
  if (k.digit === 0 && k.other === 0 && wordLike(v)) return false;
  if (k.digit === 0 && /^[a-z]+(?:[-_][a-z]+)+$/i.test(v) && wordLike(v.replace(/[-_]/g, ' '))) return false; // kebab-words
  if (cls === 'key') {
    if (v.length < 16) return false;
    // Letters alone, both cases, as generated (`IoXYkwOsohFoWSYBjtRG`; a word was judged above).
    if (k.digit === 0 && k.other === 0 && k.lower > 0 && k.upper > 0 && randomCase(v)) return entropy(v) >= 3.5;
    if (k.digit === 0 || k.lower + k.upper === 0) return entropy(v) >= 4 && v.length >= 24;
    return entropy(v) >= 3.2;
  }
  // Letters alone under twelve: both cases, as a generated value mixes them (`moZCwJXyIQ`; a word was judged above).
  if (k.digit === 0 && k.other === 0 && v.length < 12 && (k.lower === 0 || k.upper === 0)) return false;
  return true;
}

function letterDigitSymbol(v: string): boolean {
  // Not a translated message's template (`项目“{0}”中启用了…`).
  if (v.length > 64 || /\{\d+\}|%\d*[sd]|[。，、“”「」]/.test(v)) return false;
  if (v.length < 8 || !/\d/.test(v) || !/\p{L}/u.test(v) || distinctChars(v) < 6) return false;
  // A symbol, or letters of both cases around the digits (`ÑandúTWWsçã56ü`), as a chosen password mixes them.
  return /[^\p{L}\p{N}]/u.test(v) || (/\p{Lu}/u.test(v) && /\p{Ll}/u.test(v) && /\p{L}\d|\d\p{L}/u.test(v));
}

function symbolPassword(v: string): boolean {
  if (/\s|\p{L}{3}/u.test(v)) return false;
  let symbols = 0;
  for (const ch of v) if (!/[\p{L}\p{N}]/u.test(ch)) symbols++;
  return symbols >= 4;
}

/**
 * Words joined by hyphens with a digit or a capital in them (`quiet-river-42`, `gopher-Secret-1`):
 * a chosen password. Hyphens never join the parts of an identifier, and a kebab-case setting
 * (`current-password`, `log-level`) has neither digits nor capitals.
 */
function dicewarePassword(v: string): boolean {
  if (v.length < 8 || v.length > 64 || !/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+$/.test(v)) return false;
  if (!/\d/.test(v) && !/[A-Z]/.test(v)) return false;
  if (/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/.test(v) && !/[A-Z]{2}[0-9]|[0-9][A-Z]{2}/.test(v)) return false; // `UTF-8`, `ISO-8859-1`
  if (/^v?\d+(?:[.-]\d+)*(?:-[A-Za-z0-9]+)?$/.test(v)) return false; // versions, dates
  const parts = v.split('-');
  return parts.filter((p) => /[A-Za-z]/.test(p)).length >= 2 && !isPlaceholder(v);
}

/** Words of the names resources are given (`my-tls-secret`, `app-prod-db-credentials`): such a value names a secret kept elsewhere. */
const RESOURCE_WORDS = new Set(
  'secret secrets tls ssl cert certs certificate certificates key keys token tokens password passwords credential credentials creds config configmap name default prod production staging stage dev development test testing local app application service svc api db database my release env vault store ref sa account cluster ns namespace'.split(
    ' ',
  ),
);

/**
 * Words joined by hyphens under a secret's name (`"correct-horse-battery-staple"`,
 * `SESSION_SECRET=purple-monkey-dishwasher-42`): a chosen passphrase, unless its words are those
 * resource names are made of. Quoted, four words of letters will do; unquoted, three words and a
 * digit or a capital, as for a password.
 */
function kebabPassphrase(v: string, quoted: boolean): boolean {
  if (v.length < 15 || v.length > 64 || !/^[A-Za-z]+(?:-[A-Za-z0-9]+){2,}$/.test(v)) return false;
  const parts = v.toLowerCase().split('-');
  const words = parts.filter((p) => /^[a-z]+$/.test(p));
  if (words.length < 3 || words.some((w) => w.length < 3 || RESOURCE_WORDS.has(w))) return false;
  if (parts.some((p) => !/^[a-z]+$/.test(p) && !/^\d{1,4}$/.test(p))) return false;
  if (quoted && words.length >= 4) return !isPlaceholder(v);
  return words.length >= 3 && dicewarePassword(v);
}

// Words that make a spaced value read as a message, a label or code rather than a passphrase.
const PROSE =
  /(?:^|[\s"'(])(?:your|you|this|use|used|see|must|should|will|can|please|enter|if|else|null|none|nil|true|false|new|await|return|function|lambda|self|password|passwords|passwd|secret|token|key|required|invalid|incorrect|wrong|missing|empty|length|characters?|chars|min|minimum|max|maximum|least|uppercase|lowercase|digits?|letters?|symbols?|numbers?)(?=$|[\s"'.,:;!?)])/i;
// Function words: a sentence has several, a passphrase one or two at most (`the quick brown fox`).
const FUNCTION_WORDS =
  /(?:^|[\s"'(])(?:the|a|an|to|of|for|from|with|in|on|at|by|is|are|be|was|not|no|that|it|its|and|or)(?=$|[\s"'.,:;!?)])/gi;

const FUNCTION_WORDS_ANY = new RegExp(FUNCTION_WORDS.source, 'i');
const PASSPHRASE_WORDS = /^[A-Za-z][a-z]{2,11}(?: [a-z]{3,12}){2,5}[.?!]?$/;

const FUNCTION_START = /^(?:the|a|an|to|of|for|from|with|in|on|at|by|is|are|be|was|not|no|that|it|its|and|or)\s/i;

/**
 * A value with spaces under a credential name: a passphrase (`correct horse battery staple`)
 * or a punctuated secret, unless it reads as a sentence, a UI label, a message or code.
 */
const GENERATOR_COMMAND =
  /^(?:openssl|pwgen|uuidgen|mkpasswd|htpasswd|head|tr|cat|shuf|gpg|python3?|node|ruby|perl|apg|diceware|xkcdpass)[ \t]+-?[\w-]/;
function spacedValueLooksSecret(v: string, cls: NameClass, quoted: boolean): boolean {
  const t = v.trim();
  if (t.length < 8 || t.length > 100 || /^[!|>&*]/.test(t)) return false; // YAML tags, block scalars, anchors
  const words = t.split(/\s+/);
  // A passphrase with a digit may run to eight words (`Violet lanterns hum over 9 quiet docks!`).
  if (words.length > (cls === 'password' && /\d/.test(t) ? 8 : 6)) return false;
  // Letters past ASCII: a translated message, unless a password's words end with a number (`Pepper raven кошка 35.`).
  const numbered = cls === 'password' && /\d[.?!]?$/.test(t) && words.length <= 5;
  if (/[^\x20-\x7e]/.test(t) && !numbered) return false;
  // Three to six plain words of three letters or more, the first alone may be capitalised, none a
  // label's, a message's or a function word, a sentence's mark allowed at the end: a passphrase
  // (`Sunny days ahead!`, `Banjo ember banjo?`), as Wi-Fi keys and password managers make them.
  if (cls === 'password' && PASSPHRASE_WORDS.test(t) && !PROSE.test(t) && !FUNCTION_WORDS_ANY.test(t)) return true;
  // A sentence's end; but `Fun 99!` and `Juniper biscuit fjord 98.` end a password (a digit in a
  // sentence is rarer than `!` in a password).
  if ((/[.?:]$/.test(t) && !numbered) || (t.endsWith('!') && !/\d/.test(t)) || PROSE.test(t)) return false;
  const functionWords = t.match(FUNCTION_WORDS)?.length ?? 0;
  if (functionWords >= (cls === 'key' ? 1 : 3)) return false;
  if (/^(?:The|A|An|To|Of|For|From|With|In|On|At|By|Is|Are|It|That|And|Or|No|Not)\s/.test(t)) return false; // a sentence's start
  if (/(?:\|\||&&|==|=>|\+\+|\$\{|\{\{|%[sd]|\{\d\}|[A-Za-z_]\w*\(|[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*|\s[-+*/%?:]\s)/.test(t)) return false; // code and templates
  if (/^\p{Lu}[\p{Ll}\s]*$/u.test(t)) return false; // "Mot de passe", "Enter Password": a label
  if (isPlaceholder(t.replace(/\s+/g, '_'))) return false;
  // A command that makes one (`openssl rand -base64 24`, `pwgen -s 32 1`): how to get a password, not one.
  if (GENERATOR_COMMAND.test(t)) return false;
  const k = classes(t.replace(/\s+/g, ''));
  if (cls === 'password') return k.lower + k.upper > 0 && words.length >= 2;
  // Under a secret or token name, a passphrase is a quoted string that does not start as a
  // fragment of a sentence (`'or a KeyObject'`); unquoted, a spaced value there is code.
  // Markup, assignments and paths are not passphrases: only letters, digits and a few symbols.
  if (cls === 'secret' && quoted && k.lower + k.upper > 0 && /^[\w \t.,!@#$%^&*+~-]+$/.test(t) && !FUNCTION_START.test(t)) return true;
  // Otherwise a spaced value must look random in its parts.
  return k.other > 1 && k.digit > 0 && k.lower + k.upper > 0 && entropy(t) >= 3.5;
}

/** A value made only of words the name already holds (`RESET_PASSWORD = "reset_password"`) is an enum, not a secret. */
function echoesName(v: string, name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(v)) return false;
  const words = splitWords(v);
  if (words.length === 0) return false;
  // Nearly every value has a word the name does not even contain: answered before the name is split.
  const lowerName = name.toLowerCase();
  if (!words.every((w) => lowerName.includes(w))) return false;
  const nameWords = new Set(splitWords(name));
  return words.every((w) => nameWords.has(w));
}

/** Unquoted values with braces or punctuation that are random rather than code: `m{{h}o)p$k9Xq}`. */
function randomPunctuated(v: string): boolean {
  if (
    v.length < 8 ||
    /\s/.test(v) ||
    /^[$%@&*!]|\{\{[^{}]*\}\}|[$%]\{[\w.:\-|'"[\]()?!/@,=+*%~]*\}|\$\([^()]*\)/.test(v) ||
    isPlaceholder(v.replace(/\{\{/g, '{'))
  )
    return false;
  const k = classes(v);
  if (k.other < 2 || k.lower + k.upper === 0 || k.lower + k.upper + k.digit < 4) return false;
  // Identifiers and calls, unless the brackets cannot be code's (`m{{h}o)p${e]nob(ody[…`).
  // (Nor where digits stand inside letters, most runs are short and no long one is a word or an
  // identifier's camel case, as generated: `aXZFYef*XK4omd{TE5W}`, not `generatePkcs12Key(password`.)
  const runs = v.split(/[^A-Za-z]+/);
  const generated =
    digitsInsideLetters(v) &&
    !v.includes('/') &&
    runs.filter((r) => r.length > 0 && r.length < 4).length >= 3 &&
    runs.every((r) => r.length < 4 || (/[a-z]/.test(r) && /[A-Z]/.test(r) && !/^[A-Z]?[a-z]+(?:[A-Z][a-z]+)*$/.test(r)));
  if (!bracketsMismatched(v) && !generated) for (const run of runs) if (run.length >= 4 && wordLike(run)) return false;
  return entropy(v) >= 3.2;
}

/** A closing bracket that does not close the last one opened (`{)`, `[}`): no code or template reads so. */
function bracketsMismatched(v: string): boolean {
  if (/["'`]/.test(v)) return false; // brackets inside a string literal of code: `feature('auth=[')`
  const open: number[] = [];
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) open.push(c);
    else if ((c === 41 || c === 93 || c === 125) && open.length > 0) {
      // (A closer with nothing open belongs to code before the value: `a.b_key)`.)
      if (open.pop() !== (c === 41 ? 40 : c === 93 ? 91 : 123)) return true;
    }
  }
  return false;
}

// Verdicts on values, remembered: a text that repeats one assignment thousands of times (a
// generated file, a log) pays for the value tests once. Keyed by everything the tests read.
// Keyed by the value; an entry holds the verdict for the last name and flags it was read under
// (a repeated assignment repeats its name too), so a lookup builds no key string.
interface Verdict {
  cls: NameClass;
  quoted: boolean;
  comma: boolean;
  name: string;
  result: boolean;
}
const verdicts = new SlotMemo<Verdict>(4096);

const ACCESS_ID = /access[_.-]?id$/i;
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function valueVerdict(v: string, cls: NameClass, quoted: boolean, comma: boolean, name: string): boolean {
  const known = verdicts.get(v);
  if (known !== undefined && known.cls === cls && known.quoted === quoted && known.comma === comma && known.name === name)
    return known.result;
  const result =
    (valueLooksSecret(v, cls, quoted) || (!quoted && randomPunctuated(v))) &&
    !echoesName(v, name) &&
    // An access id that is a UUID names a resource (`accessId: "3f2a9c1e-…"`); a store's key id is no UUID.
    !(ACCESS_ID.test(name) && UUID_SHAPE.test(v)) &&
    // In a list of strings ("a_password", "next_item") a comma proves little: the value must look random.
    // Only identifier separators split such a name: `kT7#mq2!Lw` is punctuated, not a list item.
    !(comma && (wordLike(v) || (/^[A-Za-z0-9._\-/:]+$/.test(v) && v.split(/[._\-/:]+/).every((p) => p === '' || wordLike(p)))));
  verdicts.set(v, { cls, quoted, comma, name, result });
  return result;
}

/** Runs the name-based rule over `text`, pushing findings. */
const DENSE_NAMES = 1024;
const DENSE_NAME_CHARS = 32;

const XML_PREFIX = /<[A-Za-z][\w.-]{0,30}[:.]$/;
// A cookie header's colon, then its first name=value pair.
const COOKIE_PAIRS = /^["']?[ \t]*:[ \t]*["']?[!#$%&'*+^_`|~0-9A-Za-z.-]{1,64}=/;

/** What a header's cell may hold: names' characters, spaces, quotes and a slash. */
const CELL_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_ .-"\'/') CELL_CHAR[c.charCodeAt(0)] = 1;
const cellChar = (c: number): boolean => c < 128 && CELL_CHAR[c] === 1;
/** Field separators of delimited tables: comma, semicolon, tab and the pipe of Markdown tables. */
export const TABLE_DELIMITERS = ',;\t|';
/**
 * The delimiter of the table whose header cell the name at [s, e) may be (a delimiter or the line's
 * end on each side of its cell), or `''`: the keyword rule's cheap test before a table is read.
 */
export function headerCellDelimiter(text: string, s: number, e: number): string {
  // First a scan over the cell's characters each way, to a delimiter or the line's end: most names
  // stand in code or prose, not in a cell.
  let l = s;
  while (l > 0 && s - l < 110 && cellChar(text.charCodeAt(l - 1))) l--;
  if (l > 0 && !TABLE_DELIMITERS.includes(text[l - 1]) && !isLineBreak(text.charCodeAt(l - 1))) return '';
  let r = e;
  while (r < text.length && r - e < 110 && cellChar(text.charCodeAt(r))) r++;
  if (r < text.length && !TABLE_DELIMITERS.includes(text[r]) && !isLineBreak(text.charCodeAt(r))) return '';
  let a = s;
  let b = e;
  // Other words of the name in its cell (`PD integration key`, `API token`, `Token (prod)` not).
  const wordsBefore = /(?:^|[|,;\t"'])[ \t]*((?:[A-Za-z_][\w.-]{0,31} ){1,3})$/.exec(text.slice(Math.max(0, a - 110), a));
  if (wordsBefore !== null) a -= wordsBefore[1].length;
  const wordsAfter = /^((?: [A-Za-z_][\w.-]{0,31}){1,3})[ \t]*(?:[|,;\t"'\r\n]|$)/.exec(text.slice(b, b + 110));
  if (wordsAfter !== null) b += wordsAfter[1].length;
  if (text[a - 1] === '"' || text[a - 1] === "'") a--;
  if (text[b] === '"' || text[b] === "'") b++;
  // (A cell of two names joined by a slash: `Password / token`.)
  const joinedAfter = /^ ?\/ ?[A-Za-z_][\w.-]{0,31}/.exec(text.slice(b, b + 36));
  if (joinedAfter !== null) b += joinedAfter[0].length;
  const joinedBefore = /[A-Za-z_][\w.-]{0,31} ?\/ ?$/.exec(text.slice(Math.max(0, a - 36), a));
  if (joinedBefore !== null) a -= joinedBefore[0].length;
  while (a > 0 && (text[a - 1] === ' ' || text[a - 1] === '\t') && !TABLE_DELIMITERS.includes(text[a - 1])) a--;
  while (b < text.length && text[b] === ' ') b++;
  const left = a === 0 || isLineBreak(text.charCodeAt(a - 1)) ? '' : text[a - 1];
  const right = b >= text.length || isLineBreak(text.charCodeAt(b)) ? '' : text[b];
  if ((left && !TABLE_DELIMITERS.includes(left)) || (right && !TABLE_DELIMITERS.includes(right))) return '';
  if (!left && !right) return '';
  if (left && right && left !== right) return '';
  return right || left;
}

/** Reads a table's credential columns when the name at [s, e) heads one (statements.ts's tableColumns). */
export type TableReader = (text: string, s: number, e: number, out: Finding[], seen: { start: number; end: number }) => number;

export function findKeywordSecrets(text: string, out: Finding[], hits: number[] = hitsOf(text), tables?: TableReader): void {
  // The next hit at or after `from`, as a regex's lastIndex would give it; `from` only grows.
  let from = 0,
    h = 0;
  let resumeAt = 0;
  const tableSeen = { start: 0, end: 0 };
  let inBlock = 0,
    blockStart = 0;
  for (;;) {
    while (h < hits.length && hits[h] < from) h += 2;
    if (h >= hits.length) break;
    const hit = hits[h];
    const hitLength = hits[h + 1];
    // Credential names packed closer than any ordinary text holds them (the densest, minified
    // bundles of authentication code, hold one per 72 characters over 1,024 of them): a text
    // made to cost each name's reading, dropped whole.
    if (inBlock++ === 0) blockStart = hit;
    else if (inBlock === DENSE_NAMES) {
      if (hit - blockStart < DENSE_NAMES * DENSE_NAME_CHARS && denseGuard.on) throw new TooDense();
      inBlock = 0;
    }
    if (hit < resumeAt) {
      from = resumeAt;
      continue;
    }
    // Expand to the whole name around the hit.
    let s = hit;
    const lo = Math.max(0, hit - MAX_NAME);
    while (s > lo && isNameChar(text.charCodeAt(s - 1))) s--;
    let e = hit + hitLength;
    const hi = Math.min(text.length, e + MAX_NAME);
    while (e < hi && isNameChar(text.charCodeAt(e))) e++;
    from = e;
    let name = text.slice(s, e);
    // Trailing dots belong to the sentence, not the name.
    while (name.endsWith('.') || name.endsWith('-')) {
      name = name.slice(0, -1);
      e--;
    }
    // A variable's value as a login's user, its password left empty (`curl -u "$STRIPE_SECRET_KEY:" -d …`): the quote after the colon closes.
    if (
      text.charCodeAt(s - 1) === 36 /* $ */ &&
      text.charCodeAt(e) === 58 /* : */ &&
      text[e + 1] === text[s - 2] &&
      /["']/.test(text[e + 1] ?? '')
    )
      continue;
    // A part of an ARN, not a name (`arn:aws:secretsmanager:…:secret:prod/db-a1B2c3` names a secret; it holds none).
    if (text.charCodeAt(s - 1) === 58 && /arn:aws[\w-]*:[\w-]+:[\w-]*:\d*:$/.test(text.slice(Math.max(0, s - 90), s))) continue;
    let cls = classifyName(name);
    // Redis's `AUTH` as a call (`redis.auth("…")`, `red:auth("…")`): its one argument is the password.
    if (text.charCodeAt(e) === 40 /* ( */ && /(?:^|[.:])auth$/i.test(name)) cls = 'password';
    if (cls === null) continue;
    // Names of separate words: `stripe api key = …`, `Secret Key: …`, `Access Key ID [None]: …`.
    const lead = cls === 'key' ? leadingWords(text, s) : '';
    const idAfter = cls === 'key' && ID_AFTER.test(text.slice(e, e + 48));
    if (lead || idAfter) {
      const combined = classifyName((lead ? lead + ' ' : '') + name + (idAfter ? ' ID' : ''));
      if (combined === null) continue; // `public key`, `sort key`
      cls = combined;
      if (idAfter) {
        e += 3;
        from = e;
        name = text.slice(s, e);
      }
    }
    const before = s > 0 ? text[s - 1] : '';
    // `${DB_PASSWORD:?set it in .env}`, `${TOKEN:+…}`: a shell expansion's message or alternative, no value.
    if (
      before === '{' &&
      text[s - 2] === '$' &&
      (text[e] === '?' || text[e] === '+' || (text[e] === ':' && (text[e + 1] === '?' || text[e + 1] === '+')))
    )
      continue;
    // `setPassword("…")`, `.withApiKey("…")`, `password("…")`, `keyring.set_password(svc, user, "…")`:
    // a setter, builder or DSL call given a literal as its last argument.
    if (text.charCodeAt(e) === 40 /* ( */) {
      const arg = setterArgument(text, e, name);
      if (arg !== null) {
        const v = text.slice(arg.start, arg.end);
        if (valueVerdict(v, cls, true, false, name)) {
          out.push({ kind: cls === 'password' ? 'password' : 'secret', start: arg.start, end: arg.end });
          resumeAt = arg.end;
          from = arg.end;
        }
      }
      continue;
    }
    // A column of a table whose header names it (`user,password`, `name\ttoken`, `| user | secret |`).
    const rows = tables === undefined || headerCellDelimiter(text, s, e) === '' ? 0 : tables(text, s, e, out, tableSeen);
    if (rows > 0) {
      resumeAt = rows;
      from = rows;
      continue;
    }
    const nameQuoted = before === '"' || before === "'" || before === '`';
    const isFlag = name.startsWith('-') || name.startsWith('--');
    // `setx NAME value`, `set NAME value` (Windows), `ENV NAME value` (Dockerfile), `#define NAME "value"`
    const spaceSep =
      (s > 0 && isSpace(text.charCodeAt(s - 1)) && SPACE_SEPARATED.test(text.slice(Math.max(0, s - 8), s))) ||
      // `storePassword "…"` (Gradle, Groovy, Chef and other DSLs), `private_key "…";`: a statement
      // of a credential name and a quoted literal, the name starting its line.
      (cls !== 'key' && !nameQuoted && !isFlag && quotedArgumentFollows(text, e) && startsConfigLine(text, s)) ||
      // `password   Bu1ld Rep0rts 2024!` in a file of directives (msmtprc, fetchmailrc, …).
      (cls !== 'key' && !nameQuoted && !isFlag && directiveLine(text, s, e));
    // (A namespaced element too: `<wsse:Password Type="…">`, `<ns2:apiKey>`; and a dotted one, as
    // Maven's properties are: `<gpg.passphrase>`.)
    const openTag = before === '<' || ((before === ':' || before === '.') && XML_PREFIX.test(text.slice(Math.max(0, s - 34), s)));
    commaSeparated.value = false;
    // `name: DB_PASSWORD` then `value: …` (Kubernetes env, Postman, AWS tags, Hadoop XML).
    let vs = pairedValueStart(text, s, e);
    // `DBPassword:` ⏎ `Type: String` ⏎ `Default: …`: a parameter's default (CloudFormation, JSON Schema).
    if (vs < 0 && cls !== 'key') vs = parameterDefaultStart(text, s, e, nameQuoted);
    const pairValue = vs >= 0;
    // A bare name opening a pair: `{smtp_password, "…"}`.
    const tupleName = !nameQuoted && !isFlag && opensPair(text, s);
    if (!pairValue) vs = findValueStart(text, e, nameQuoted, isFlag, spaceSep, openTag, tupleName);
    if (vs < 0) continue;
    // A password-storage scheme before the value (`{SSHA}…` in LDAP, `{bcrypt}…`, `{noop}…` in
    // Spring): the scheme stays, what follows it is the value.
    if (text.charCodeAt(vs) === 123 /* { */) {
      STORAGE_SCHEME.lastIndex = vs;
      if (STORAGE_SCHEME.test(text)) vs = STORAGE_SCHEME.lastIndex;
    }
    // `passwordHash: await hash("…")`: what is awaited is the value.
    if (cls === 'password' && text.startsWith('await ', vs)) vs += 6;
    let val: Value | null;
    let envPrefix: Value | undefined;
    if (openTag || (pairValue && text.charCodeAt(vs - 1) === 62)) {
      val = readElement(text, vs);
      // The element must close after its value: on the same line, or on the next when the value
      // has a line of its own (`<password>\n  value\n</password>`); otherwise the next line is
      // other code, whose own names must still be read.
      const after = text.startsWith(']]>', val.end) ? val.end + 3 : val.end; // a CDATA section's end
      const close = after + trailingSpace(text, after);
      if (!text.startsWith('</', close) || (newlineBetween(text, val.end, close) && !newlineBetween(text, e, val.start))) continue;
    } else {
      // A token a folded scalar wraps over lines (`token: >-` ⏎ `xoxp-7994…` ⏎ `947-ee73…`): each line goes.
      const wrapped = text.charCodeAt(vs) === 62 /* > */ ? wrappedScalar(text, s, vs, cls) : null;
      if (wrapped !== null) {
        for (const p of wrapped) out.push({ kind: cls === 'password' ? 'password' : 'secret', start: p.start, end: p.end });
        from = wrapped[wrapped.length - 1].end;
        continue;
      }
      val = text.charCodeAt(vs) === 124 || text.charCodeAt(vs) === 62 ? blockScalarLine(text, s, vs) : null;
      if (!val && isLineBreak(text.charCodeAt(vs)) && text.charCodeAt(e + (nameQuoted ? 1 : 0)) === 58 /* : */)
        val = yamlNextLineScalar(text, s, vs);
      if (!val && spaceSep && text.charCodeAt(vs) === 123 /* { */) val = tclBraced(text, s, vs);
      if (!val) val = readValue(text, vs);
      // `"DB_PASSWORD=h&7Kq!2z#Lp"`, `'--token=…'`: a pair inside one string (an environment list,
      // a command's arguments) runs to the string's end.
      if (
        val &&
        !val.quoted &&
        nameQuoted &&
        (ENV_NAME.test(name) || isFlag) &&
        vs === e + 1 &&
        text.charCodeAt(e) === 61 &&
        text[val.end] !== before
      ) {
        const close = text.indexOf(before, vs);
        if (close > val.end && close - vs <= 256 && !newlineBetween(text, vs, close)) val = { start: vs, end: close, quoted: true };
      }
      if (val && !val.quoted && !nameQuoted && !isFlag && startsConfigLine(text, s)) {
        const line = readLineValue(text, vs);
        if (line.end > val.end) {
          // `PGPASSWORD=x psql …`: glued to its `=`, the first word may be a variable set for a command.
          if (val.start === e + 1 && text.charCodeAt(e) === 61) envPrefix = val;
          val = line;
        }
      }
    }
    if (!val) continue;
    // `NEXTAUTH_SECRET=   # openssl rand -base64 32`: after white space, `#` opens a comment (.env,
    // shell, INI); the value is empty.
    if (
      !val.quoted &&
      text.charCodeAt(val.start) === 35 /* # */ &&
      isSpace(text.charCodeAt(val.start - 1)) &&
      /^[ \t]*=[ \t]+$/.test(text.slice(e, val.start))
    )
      continue;
    // `$pw = ConvertTo-SecureString "…"`, `$pw = Read-Host -AsSecureString`: a command with its arguments, not a value.
    // A value glued to its `=` (`-e POSTGRES_PASSWORD=x -d`, `PW=x cmd`) is a literal whatever follows it.
    if (!val.quoted && !isFlag && !(val.start === e + 1 && text.charCodeAt(e) === 61) && takesArgument(text, val.end)) continue;
    let v = text.slice(val.start, val.end);
    // `auth = base64.b64encode(…)`: a function called, whatever digits its name holds; but a literal that a
    // constructor only wraps (`String::from("…")`, `SecretString::new("…")`, `Some("…")`) is the value.
    const open = v.endsWith('(') ? val.end - 1 : val.end;
    const callee = v.endsWith('(') ? v.slice(0, -1) : v;
    if (!val.quoted && text.charCodeAt(open) === 40 /* ( */ && /^[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*)*$/.test(callee)) {
      // (A password's hashing function is given the password first: `hash("blueBridge23!", 10)`.)
      const hashed = cls === 'password' && HASHER.test(callee);
      const w = (hashed ? FIRST_LITERAL : WRAPPED_LITERAL).exec(text.slice(open, open + 208));
      if (w === null || !(hashed || WRAPPER.test(callee))) {
        if (open === val.end) continue;
      } else {
        val = { start: open + w[0].indexOf(w[2]), end: open + w[0].indexOf(w[2]) + w[2].length, quoted: true };
        v = w[2];
      }
    }
    // `Authorization: Bearer abc`, `"Basic dXNlcjpwYXNz"`: the scheme word stays, the credential goes.
    const sp = v.indexOf(' ');
    const firstWord = sp > 0 ? v.slice(0, sp) : val.quoted ? '' : v;
    if (sp > 0 && (isAuthScheme(firstWord) || (hasAuth(name) && isSchemeLike(firstWord) && v.indexOf(' ', sp + 1) < 0))) {
      let k = val.start + sp;
      while (k < val.end && text[k] === ' ') k++;
      // A credential after its scheme is one word: `"Token copied to clipboard"` is a message.
      if (/\s/.test(text.slice(k, val.end).trim())) continue;
      // (PagerDuty's `Token token=…`: the credential after its own `name=`.)
      const named = /^token=/i.exec(text.slice(k, val.end));
      if (named !== null) k += named[0].length;
      val = { start: k, end: val.end, quoted: val.quoted };
      v = text.slice(val.start, val.end);
    } else if (!val.quoted && isAuthScheme(v)) {
      let k = val.end;
      while (k < text.length && text[k] === ' ') k++;
      const next = readValue(text, k);
      if (next) {
        val = next;
        v = text.slice(next.start, next.end);
      }
    }
    if (val.end <= val.start) continue;
    // A Cookie or Set-Cookie header's pairs (`cookie: consent=deny; lang=ja`): each is read by the
    // cookie reader on its own (embedded.ts), not as one value.
    if (/^(?:set-)?cookie$/i.test(name) && COOKIE_PAIRS.test(text.slice(e, e + 80))) continue;
    // An interpolated expression in braces (`Password={dbPassword.Value};` in C#'s `$"…"`): a reference.
    if (text.charCodeAt(val.start - 1) === 123 && text.charCodeAt(val.end) === 125 && BRACED_REFERENCE.test(v)) continue;
    // `process.env.API_KEY || "…"`, `os.getenv("API_KEY", "…")`: a reference is no secret, but the
    // literal it falls back to is the one the code runs with when the variable is unset.
    // Any other unquoted value may fall back to a literal too: `getpass() or "…"`, `args.token ?? "…"`.
    // (That one is read only when the value itself is no secret: `PGPASSWORD=x || exit 1` keeps `x`.)
    const reference = !val.quoted && REFERENCE.test(v);
    if (
      reference ||
      (!val.quoted && /\|\||\?\?|\bor\b/.test(text.slice(val.start, val.start + 120)) && !valueVerdict(v, cls, false, false, name))
    ) {
      const fb = fallbackLiteral(text, val.start, val.end, reference ? FALLBACK : FALLBACK_OPERATOR);
      if (fb) {
        val = fb;
        v = text.slice(fb.start, fb.end);
      }
    }
    // A pair of two, the name first (`{smtp_password, "…"}`, `("DB_PASS", "…")`, `setProperty("TOKEN", "…")`):
    // a name and its value, not a list of strings.
    // (Only a value with a symbol no identifier holds: `["reset_password", "change_password"]` is a list.)
    if (
      commaSeparated.value &&
      val.quoted &&
      !/\s/.test(v) &&
      /[^A-Za-z0-9._\-/:]/.test(v) &&
      opensPair(text, nameQuoted ? s - 1 : s) &&
      closesPair(text, val.end)
    )
      commaSeparated.value = false;
    if (
      !valueVerdict(v, cls, val.quoted, commaSeparated.value, name) &&
      !(cls === 'password' && wordPasswordAssigned(text, s, e, val, v, name, nameQuoted))
    ) {
      if (!envPrefix || !ENV_NAME.test(name) || !COMMAND_AFTER.test(text.slice(envPrefix.end, envPrefix.end + 64))) continue;
      const first = text.slice(envPrefix.start, envPrefix.end);
      if (!valueVerdict(first, cls, false, false, name)) continue;
      val = envPrefix;
    }
    if (val.end - val.start >= MAX_VALUE) {
      // An over-long value goes whole: extend to the end of its run rather than leak the tail.
      let k = val.end;
      for (let c = text.charCodeAt(k); k < text.length && c > 32 && c !== 34 && c !== 39 && c !== 96; c = text.charCodeAt(++k));
      val = { start: val.start, end: k, quoted: val.quoted };
    }
    out.push({ kind: cls === 'password' ? 'password' : 'secret', start: val.start, end: val.end });
    resumeAt = val.end;
    from = val.end;
  }
}

/**
 * Does a pair open right before `nameStart`: a brace or bracket, a parenthesis that no call's name
 * comes before (a tuple), or PHP's `define(`? (`f(password, 'utf16le')` passes arguments.)
 */
function opensPair(text: string, nameStart: number): boolean {
  let a = nameStart - 1;
  while (a >= 0 && (text[a] === ' ' || text[a] === '\t')) a--;
  if (a < 0) return false;
  if (text[a] === '{' || text[a] === '[') return true;
  if (text[a] !== '(') return false;
  const callee = /[\w$.]*$/.exec(text.slice(Math.max(0, a - 64), a))![0];
  return callee === '' || /^define$/i.test(callee);
}

/** Does the pair close right after the quoted value ending at `valueEnd`? */
function closesPair(text: string, valueEnd: number): boolean {
  let b = valueEnd + 1; // past the closing quote
  while (b < text.length && (text[b] === ' ' || text[b] === '\t')) b++;
  return text[b] === ')' || text[b] === '}' || text[b] === ']';
}

const YAML_SCALAR_LINE = /[ \t]+(?:(["'])([^"'\n\\]{1,512})\1|([^\s#:{}[\],&*!|>'"%@`-][^\s]{0,511}))[ \t]*(?:\r?\n|$)/y;

/**
 * `api_key:` with the value alone on the next line, indented deeper (a YAML plain or quoted
 * scalar folded onto its own line), when the line after it is no deeper: that value.
 */
function yamlNextLineScalar(text: string, s: number, eol: number): Value | null {
  let ls = s;
  while (ls > 0 && !isLineBreak(text.charCodeAt(ls - 1))) ls--;
  if (s - ls > 64 || !/^[ \t]*(?:-[ \t]+)?["']?$/.test(text.slice(ls, s))) return null;
  let i = eol;
  if (text.charCodeAt(i) === 13) i++;
  if (text.charCodeAt(i) !== 10) return null;
  i++;
  YAML_SCALAR_LINE.lastIndex = i;
  const m = YAML_SCALAR_LINE.exec(text);
  if (!m) return null;
  const indent = /^[ \t]*/.exec(m[0])![0].length;
  if (indent <= s - ls) return null;
  // The line after must not continue the scalar (deeper still) or hold it as a mapping.
  const after = YAML_SCALAR_LINE.lastIndex;
  let k = after;
  while (k < text.length && k - after <= indent && (text[k] === ' ' || text[k] === '\t')) k++;
  if (k < text.length && k - after >= indent && !isLineBreak(text.charCodeAt(k))) return null;
  const start = i + m[0].indexOf(m[2] ?? m[3]);
  return { start, end: start + (m[2] ?? m[3]).length, quoted: m[1] !== undefined };
}

/** A variable's name as shells write it. */
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
/** After `NAME=value`, a command: a word, then its arguments or the line's end. */
const COMMAND_AFTER = /^[ \t]+(?:[A-Z][A-Z0-9_]*=\S*[ \t]+)*[a-z][\w.+-]*(?:[ \t]|$)/;

// The first word of a method that stores the credential it is given (`setPassword`, `withToken`).
const SETTER_VERBS = new Set(wl('set|with|use|put|change|update|reset|store|save|add|enter|provide'));
const CREDENTIAL_LAST = new Set(wl('password|passwd|passphrase|secret|token|key'));
const CREDENTIAL_PARTS = new Set([
  ...CREDENTIAL_LAST,
  'api',
  'access',
  'client',
  'auth',
  'private',
  'refresh',
  'session',
  'app',
  'bearer',
  'secret',
]);
const CALL_ARG = /[ \t]*(?:(["'`])([^"'`\n\\]{0,256})\1|[A-Za-z_$][\w$.]{0,64})[ \t]*([,)])/y;

/**
 * The last argument of a call at `open` (its `(`) to a setter named `name`, when it is a string
 * literal and every other argument a literal or a plain variable: the credential the call stores.
 */
function setterArgument(text: string, open: number, name: string): Value | null {
  const words = splitWords(name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf(':')) + 1)); // the method: `ds.setPassword` → set, password
  // A setter (`setPassword`), or a method named for the credential alone (`password`, `apiKey`):
  // not `self.password.encode(…)`, `splitpasswd(…)` or `t.pass(…)`.
  const named = words.length > 0 && words.every((w) => CREDENTIAL_PARTS.has(w)) && CREDENTIAL_LAST.has(words[words.length - 1]);
  // Redis's `AUTH` given one literal (`red:auth("…")`, `client.auth('…')`): the server's password.
  const redisAuth = words.length === 1 && words[0] === 'auth';
  if (!redisAuth) {
    if (!named && !(words.length > 1 && SETTER_VERBS.has(words[0]) && classifyName(words.slice(1).join('_')) !== null)) return null;
    // `SetBasicAuth("u", "p")`, `setCredentials(…)`: a user and a password, read by the authentication-call rule.
    if (words.some((w) => w === 'auth' || w === 'login' || w.startsWith('credential'))) return null;
  }
  let i = open + 1;
  for (let n = 0; n < 6; n++) {
    CALL_ARG.lastIndex = i;
    const m = CALL_ARG.exec(text);
    if (m === null) return null;
    i = CALL_ARG.lastIndex;
    if (m[3] !== ')') {
      if (redisAuth) return null;
      continue;
    }
    if (m[1] === undefined || m[2].length === 0 || /\s/.test(m[2])) return null;
    const start = m.index + m[0].indexOf(m[1]) + 1;
    return { start, end: start + m[2].length, quoted: true };
  }
  return null;
}

// Environment and configuration lookups that may carry a fallback literal.
const WRAPPED_LITERAL = /^\([ \t]*(["'])([^"'\n\\]{1,200})\1[ \t]*\)/;
const FIRST_LITERAL = /^\([ \t]*(["'])([^"'\n\\]{1,200})\1[ \t]*[,)]/;
const HASHER =
  /(?:^|\.|::)(?:hash|hashSync|hashpw|hash_password|hashPassword|make_password|makePassword|generate_password_hash|encodePassword|encode_password|encrypt|encryptPassword|crypt)$/;
const WRAPPER = /(?:^|\.|::)(?:from|new|of|valueOf|String|str|Some|Secret|SecretStr|SecretString|SecureString)$/;
const REFERENCE =
  /^(?:process\.env\b|import\.meta\.env\b|os\.environ\b|os\.getenv\b|getenv\b|System\.getenv\b|ENV\b|Environment\.GetEnvironmentVariable\b|env\()/;
// After the reference (its call's arguments included), on the same line: `|| "…"`, `?? '…'`,
// `or "…"`, or a second argument `, "…")`.
// (The variable's name may be quoted on the way: `os.environ.get("DB_PASS") or "…"`.)
const FALLBACK = /(?:[^\n"'`]|"[\w.-]{1,60}"|'[\w.-]{1,60}'){0,80}?(?:\|\||\?\?|\bor\b|,)[ \t]*(["'`])([^"'`\n\\]{1,200})\1/y;
// After any other unquoted value, only an operator: a second argument there is an argument.
const FALLBACK_OPERATOR = /[^\n"'`;]{0,80}?(?:\|\||\?\?|\bor\b)[ \t]*(["'`])([^"'`\n\\]{1,200})\1/y;

/** The quoted literal the unquoted value at `start` falls back to, if any. */
function fallbackLiteral(text: string, start: number, end: number, re: RegExp): Value | null {
  re.lastIndex = start;
  void end;
  const m = re.exec(text);
  if (!m) return null;
  const litEnd = re.lastIndex - 1;
  return { start: litEnd - m[2].length, end: litEnd, quoted: true };
}

/**
 * A password that is a plain word (`whiteduke`, `swordfish7`), which the value tests take for a
 * word or a variable: still a password where the syntax says a literal is assigned.
 * - A quoted string given with `=` or `:=` to a name that is not itself quoted
 *   (`$password = "goodspec";`). A quoted key with `:` (`"password": "Passwort"`) is often a label
 *   in a translation file, and stays.
 * - A configuration line, the value running to the end of the line: `password=swordfish7`
 *   (no spaces around `=`: not how code assigns), `DB_PASSWORD = whiteduke` (an upper-case name), a
 *   `key = value` line under an INI `[section]`, a YAML or properties `password: value` line that
 *   is not a property of a code object, and any of these commented out (`# PGPASSWORD=bluebird`).
 * - A `key=value` pair among others on a line (logfmt, `PGPASSWORD=x psql`), not a keyword
 *   argument inside a call's parentheses.
 * An unquoted value in code is a variable: `password = user_input`, `password: pw,` stay.
 */
function wordPasswordAssigned(text: string, s: number, e: number, val: Value, v: string, name: string, nameQuoted: boolean): boolean {
  if (v.length < 5 || v.length > 64 || nameQuoted) return false;
  const between = text.slice(e, val.start);
  // The shape tests first, the stand-in tests (a regex) last: most values fail a shape.
  if (val.quoted)
    return (
      /^[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9]$/.test(v) && /^[ \t]*:?=[ \t]*["'`]?$/.test(between) && !isPlaceholder(v) && !echoesName(v, name)
    );
  if (!PLAIN_PASSWORD.test(v) || NOT_A_PASSWORD.has(v.toLowerCase()) || isPlaceholder(v) || echoesName(v, name) || wordForPassword(v))
    return false;
  // A command-line option's argument (`--passphrase GpgPass123`, `-password=InfluxPw1`) is a literal.
  // The MySQL clients' `--password` takes its value only after `=`: `mysql --password appdb` names the database.
  if (name.charCodeAt(0) === 45 /* - */ && /^(?:[ \t]+|=)$/.test(between) && !/^[A-Z][A-Z0-9_]*$/.test(v))
    return between === '=' || !/\b(?:mysql|mysqldump|mysqladmin|mariadb)\b/.test(lineBefore(text, s));
  const tight = between === '=';
  if (startsConfigLine(text, s) || commentedAssignment(text, s)) {
    if (!endsLine(text, val.end)) return false;
    if (tight || /^[ \t]*\?=[ \t]*$/.test(between)) return true; // `?=` assigns a literal default (make)
    if (/^[ \t]+=[ \t]*$|^=[ \t]+$/.test(between))
      return /^[A-Z][A-Z0-9_]*$/.test(name) || iniSectionBefore(text, s) || commentedAssignment(text, s, ';');
    if (/^:[ \t]+$/.test(between)) return yamlLine(text, s, val.end);
    return false;
  }
  if (!tight || s === 0 || !isSpace(text.charCodeAt(s - 1))) return false;
  const after = val.end < text.length ? text.charCodeAt(val.end) : 10;
  return (isSpace(after) || isLineBreak(after)) && !insideParens(text, s);
}

// What a plain-word password can look like unquoted: letters, digits and a few symbols, no
// member access, call, sigil or reference.
const PLAIN_PASSWORD = /^[A-Za-z0-9][A-Za-z0-9_@!#%^*+~-]*$/;
// Values that describe a password or name its type rather than being one.
const NOT_A_PASSWORD = new Set(
  (
    'invalid incorrect wrong missing expired unset present provided hidden masked redacted enabled disabled default ' +
    'prompt none null nil empty blank false true string str text number int integer boolean bool secret password any ' +
    'object varchar char bytes secretstr securestring optional required mandatory sensitive encrypted plaintext ' +
    'generated random changeit inherit keyring vault'
  ).split(' '),
);

/** Spaces or tabs, then a quote, follow `i`. */
function quotedArgumentFollows(text: string, i: number): boolean {
  let k = i;
  while (k < text.length && k - i < 8 && isSpace(text.charCodeAt(k))) k++;
  if (k === i) return false;
  const c = text.charCodeAt(k);
  return c === 34 || c === 39;
}

/** After spaces, a quoted string, an opening parenthesis or a `-flag` follows on the line. */
function takesArgument(text: string, i: number): boolean {
  let k = i;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (k === i || k >= text.length) return false;
  const c = text.charCodeAt(k);
  if (c === 45 /* - */) return isIdentStart(text.charCodeAt(k + 1)); // `Read-Host -AsSecureString`: a command and its flag
  return c === 34 || c === 39 || c === 40;
}

/** Only spaces, then the end of the line or of the text, or a comment, after `i`. */
function endsLine(text: string, i: number): boolean {
  let k = i;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (k >= text.length || isLineBreak(text.charCodeAt(k))) return true;
  const c = text.charCodeAt(k);
  return k > i && (c === 35 /* # */ || c === 59 /* ; */ || (c === 47 && text.charCodeAt(k + 1) === 47));
}

/** The name at `s` follows a line comment's marker (`# PGPASSWORD=…`, `;password = …`), or the given marker. */
function commentedAssignment(text: string, s: number, marker?: string): boolean {
  const lo = Math.max(0, s - 24);
  let k = s;
  while (k > lo && !isLineBreak(text.charCodeAt(k - 1))) k--;
  if (k > 0 && k === lo && !isLineBreak(text.charCodeAt(k - 1))) return false;
  const prefix = text.slice(k, s);
  if (marker !== undefined) return prefix.trimStart().startsWith(marker);
  return /^[ \t]*(?:#+|;+|\/\/|--)[ \t]*(?:export[ \t]+)?$/.test(prefix);
}

const INI_SECTION = /^[ \t]*\[[A-Za-z0-9_. :"'-]{1,64}\][ \t]*\r?$/m;

/** An INI `[section]` line within the 4 KB before `s`. */
function iniSectionBefore(text: string, s: number): boolean {
  return INI_SECTION.test(text.slice(Math.max(0, s - 4096), s));
}

/**
 * `password: value` reads as YAML or properties, not as a property in a code object: nothing but
 * a comment after the value, the line before not ending in `,`, `{`, `(` or `[`, and the next not
 * closing a bracket.
 */
function yamlLine(text: string, s: number, end: number): boolean {
  let k = s;
  while (k > 0 && !isLineBreak(text.charCodeAt(k - 1))) k--;
  let p = k - 1;
  while (p >= 0 && (isSpace(text.charCodeAt(p)) || isLineBreak(text.charCodeAt(p))) && k - p < 4096) p--;
  if (p >= 0 && ',{(['.includes(text[p])) return false;
  let q = end;
  while (q < text.length && !isLineBreak(text.charCodeAt(q))) q++;
  while (q < text.length && (isSpace(text.charCodeAt(q)) || isLineBreak(text.charCodeAt(q))) && q - end < 4096) q++;
  return q >= text.length || !'})]'.includes(text[q]);
}

/** True when an opening parenthesis before `s` on its line (bounded) is still open: a keyword argument. */
function insideParens(text: string, s: number): boolean {
  let depth = 0;
  for (let k = s - 1; k >= 0 && s - k <= 400; k--) {
    const c = text.charCodeAt(k);
    if (c === 10) break;
    if (c === 41) depth--;
    else if (c === 40 && ++depth > 0) return true;
  }
  return false;
}

// (And OpenWrt's UCI: `option key 'FbHs6v4+…'`.)
const SPACE_SEPARATED = /(?:^|[\s;&])(?:setx?|setenv|ENV|ARG|#define|option)[ \t]+$/i;
// Tcl's braces quote a word (`set pass {oYzO…?u2Gi}`, in an expect script): the word between them,
// when `set` starts the line and the braces close on it.
const TCL_SET = /^[ \t]*set[ \t]+$/;
function tclBraced(text: string, s: number, vs: number): Value | null {
  if (!TCL_SET.test(text.slice(text.lastIndexOf('\n', s - 1) + 1, s))) return null;
  let close = vs + 1;
  while (close < text.length && close - vs <= 257 && text.charCodeAt(close) !== 125 && !isLineBreak(text.charCodeAt(close))) close++;
  return text.charCodeAt(close) === 125 && close > vs + 1 && !text.slice(vs + 1, close).includes('{')
    ? { start: vs + 1, end: close, quoted: true }
    : null;
}

// A directive: a name alone at the start of its line, spaces, one value.
const DIRECTIVE = /^[ \t]*[a-z_][\w.-]{0,40}[ \t]+[^\s=:#"'([{][^\s]*(?<!;)[ \t]*$/;

/**
 * Is the name at `s`..`e` a directive's, the value after spaces, in a file of directives: the name
 * starts its line, and a line within three above or below is a directive too (`host  smtp.x.com`).
 */
function directiveLine(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(e);
  if (c !== 32 && c !== 9) return false;
  // A member (`self.password to be set`) is code or prose; a service's port (`kpasswd  464/tcp`) no value.
  for (let k = s; k < e; k++) if (text.charCodeAt(k) === 46) return false;
  let v = e;
  while (v < text.length && isSpace(text.charCodeAt(v))) v++;
  if (/^\d+(?:\/\w+)?[ \t]*(?:\r?\n|$)/.test(text.slice(v, v + 24))) return false;
  // Only indentation before the name (read back over spaces alone), a line of at most 200 characters.
  let ls = s;
  while (ls > 0 && isSpace(text.charCodeAt(ls - 1))) ls--;
  if (ls > 0 && text.charCodeAt(ls - 1) !== 10) return false;
  const le = text.indexOf('\n', e);
  if (le < 0 ? text.length - e > 200 : le - e > 200) return false;
  if (!/^[ \t]+[^\s=:#([{]/.test(text.slice(e, le < 0 ? text.length : le))) return false;
  // Three lines up and three down.
  let up = ls,
    down = le < 0 ? text.length : le;
  for (let k = 0; k < 3; k++) {
    if (up > 0) {
      const a = text.lastIndexOf('\n', up - 2) + 1;
      if (DIRECTIVE.test(text.slice(a, up - 1).replace(/\r$/, ''))) return true;
      up = a;
    }
    if (down < text.length) {
      let b = text.indexOf('\n', down + 1);
      if (b < 0) b = text.length;
      if (DIRECTIVE.test(text.slice(down + 1, b).replace(/\r$/, ''))) return true;
      down = b;
    }
  }
  return false;
}

/** ` ID` after a name's last word, then its colon or `=` (maybe after a prompt's default in brackets). */
const ID_AFTER = /^ I[Dd](?=[ \t]*(?:\[[^\]\n]{0,40}\][ \t]*)?[:=])/;

/** Up to three words right before `s` on its line, separated by single spaces: `stripe api` in `stripe api key`. */
function leadingWords(text: string, s: number): string {
  let k = s;
  const lo = Math.max(0, s - 40);
  let words = 0;
  while (words < 3 && k - 1 > lo && isSpace(text.charCodeAt(k - 1)) && isAlnum(text.charCodeAt(k - 2))) {
    let j = k - 1;
    while (j > lo && isAlnum(text.charCodeAt(j - 1))) j--;
    k = j;
    words++;
  }
  return words ? text.slice(k, s - 1) : '';
}

export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** True when the name at `s` starts its line (after indentation, `export`, a list dash): a configuration line. */
function startsConfigLine(text: string, s: number): boolean {
  // Only indentation, a list dash or a shell word can come before the name: anything else after
  // the spaces before it answers at once.
  let b = s;
  while (b > 0 && isSpace(text.charCodeAt(b - 1))) b--;
  if (b === 0 || isLineBreak(text.charCodeAt(b - 1))) return b >= s - 24; // within the bounded look-back, as below
  const before = text.charCodeAt(b - 1);
  if (b === s || !(before === 45 /* - */ || (before >= 97 && before <= 122))) return false;
  let k = s;
  const lo = Math.max(0, s - 24);
  while (k > lo && !isLineBreak(text.charCodeAt(k - 1))) k--;
  if (k > 0 && k === lo && !isLineBreak(text.charCodeAt(k - 1))) return false;
  return /^[ \t]*(?:(?:export|set|readonly|declare)[ \t]+|-[ \t]+)?$/.test(text.slice(k, s));
}

function newlineBetween(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function trailingSpace(text: string, i: number): number {
  let k = i;
  while (k < text.length && k - i < 64 && (isSpace(text.charCodeAt(k)) || isLineBreak(text.charCodeAt(k)))) k++;
  return k - i;
}

// A parameter declared under a credential's name, with its default within the three lines below
// (the reach of a window of the trajectory builder): CloudFormation and SAM templates, JSON Schema
// and OpenAPI (`"password": {"type": "string", "default": "…"}`).
const DEFAULT_FIELD = /(?:^[ \t]*|[{,][ \t]*)["']?(?:Default|default)["']?[ \t]*:[ \t]*(?=[^\s{[])/;
function parameterDefaultStart(text: string, s: number, e: number, nameQuoted: boolean): number {
  let i = nameQuoted ? e + 1 : e;
  if (text.charCodeAt(i) !== 58 /* : */) return -1;
  i++;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const brace = text.charCodeAt(i) === 123; /* { */
  if (!brace && i < text.length && !isLineBreak(text.charCodeAt(i))) return -1;
  // The name starts its line, after indentation (or a JSON key's quote).
  const ns = nameQuoted ? s - 1 : s;
  let ls = ns;
  while (ls > 0 && isSpace(text.charCodeAt(ls - 1))) ls--;
  if (ls > 0 && !isLineBreak(text.charCodeAt(ls - 1)) && !(brace && text.charCodeAt(ls - 1) === 44) /* , */) return -1;
  const indent = ns - ls;
  let at = brace ? i + 1 : i;
  for (let line = 0; line <= 3 && at < text.length; line++) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    const seg = text.slice(at, eol);
    if (line > 0 && !brace) {
      // Within the parameter's block: indented deeper than its name.
      const lead = seg.length - seg.trimStart().length;
      if (seg.trim() !== '' && lead <= indent) return -1;
    }
    const close = brace ? seg.indexOf('}') : -1;
    const m = DEFAULT_FIELD.exec(close >= 0 ? seg.slice(0, close) : seg);
    if (m) return at + m.index + m[0].length;
    if (close >= 0) return -1;
    at = eol + 1;
  }
  return -1;
}

// The field that names a name/value pair, right before the name, and the value field after it.
const PAIR_NAME = /(?:^|[\s{,(])["']?(?:name|key|Name|Key|NAME|KEY)["']?[ \t]*[:=][ \t]*["']?$|<(?:name|key)>$/;
const PAIR_VALUE =
  /[ \t]*(?:["'][ \t]*)?(?:\r?\n[ \t]*(?:-[ \t]+)?)?(?:[,;][ \t]*)?(?:\r?\n[ \t]*)?["']?(?:value|Value|VALUE)["']?[ \t]*[:=][ \t]*|[ \t]*<\/(?:name|key)>[ \t]*(?:\r?\n[ \t]*)?<(?:value|defaultValue)>|["'](?:[ \t]+[\w:.-]{1,40}=(?:"[^"<>\n]{0,100}"|'[^'<>\n]{0,100}'))*[ \t]*>/y;
// (Every run of spaces above follows a token that is not a space: one reading, linear time on a
// miss; `[ \t]*["']?[ \t]*` once cost quadratic time on a long run of tabs.)
// Elements whose `name` attribute names the setting their content holds: `<property
// name="connection.password">…</property>` (Hibernate, Spring, Ant, Maven), `<entry key="…">…</entry>`.
const SETTING_ELEMENT =
  /<(?:property|entry|setting|add|param|parameter|item|prop|config|env|var|variable|secret|string|attribute|field)[ \t][^<>]{0,200}$/i;

/**
 * A name given as the value of a `name`/`key` field, with its value in the `value` field that
 * follows on the same or the next line: `- name: DB_PASSWORD` / `value: …`, `{"key": "apiKey",
 * "value": "…"}`, `<name>fs.s3a.secret.key</name><value>…</value>`, or in the element's content
 * (`<property name="connection.password">…</property>`). Returns where the value starts.
 */
function pairedValueStart(text: string, s: number, e: number): number {
  // The name field ends right before the name: `[:=]`, spaces, an optional quote; or `<name>`.
  let b = s;
  if (b > 0 && (text.charCodeAt(b - 1) === 34 || text.charCodeAt(b - 1) === 39)) b--;
  while (b > 0 && isSpace(text.charCodeAt(b - 1))) b--;
  const sep = b > 0 ? text.charCodeAt(b - 1) : 0;
  if (sep !== 58 /* : */ && sep !== 61 /* = */ && sep !== 62 /* > */) return -1;
  // …and before the separator (spaces and a quote aside) the field's name: `name` or `key`.
  let f = b - 1;
  while (f > 0 && isSpace(text.charCodeAt(f - 1))) f--;
  if (f > 0 && (text.charCodeAt(f - 1) === 34 || text.charCodeAt(f - 1) === 39)) f--;
  const last = f > 0 ? text.charCodeAt(f - 1) | 32 : 0;
  if (last !== 101 /* e */ && last !== 121 /* y */) return -1;
  if (!PAIR_NAME.test(text.slice(Math.max(0, s - 12), s))) return -1;
  PAIR_VALUE.lastIndex = e;
  if (!PAIR_VALUE.test(text)) return -1;
  let i = PAIR_VALUE.lastIndex;
  // A name attribute with the value as the element's content: only in elements made for settings.
  if (text.charCodeAt(i - 1) === 62 /* > */ && sep === 61 && !SETTING_ELEMENT.test(text.slice(Math.max(0, s - 220), s))) return -1;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i < text.length && !isLineBreak(text.charCodeAt(i)) ? i : -1;
}

export { isAlnum };
