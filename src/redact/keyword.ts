// Secrets found by their name: `password = "…"`, `"apiKey": "…"`, `--token …`, `Authorization: Bearer …`,
// `setProperty("DB_PASS", "…")`, `?access_token=…&`. A regex finds secret-like words; the
// name, separator and value around each hit are then read by hand with bounded scans, so the
// cost is O(n) whatever the input.
import { classes, distinctChars, entropy, isAlnum, isNameChar, isPlaceholder, isTrivialSequence, splitWords, type Finding } from './text';

/** How much evidence a value needs, given its name. */
type NameClass = 'password' | 'secret' | 'key';

const MAX_NAME = 96;
const MAX_VALUE = 4096;

// Words inside identifiers that can name a credential. `key` and `pass` are checked word-wise later.
const HIT = /pass|pwd|pw\b|psk|secret|token|key|auth|cred|bearer|sas|pat\b|PAT\b|cookie|session|sig/gi;

const ENDS_SECRET = ['token', 'tokens', 'secret', 'secrets', 'password', 'passwords', 'passwd', 'passphrase', 'pwd', 'apikey', 'apikeys',
  'credential', 'credentials', 'creds', 'cred', 'accesskey', 'privatekey', 'secretkey', 'authkey', 'bearer', 'clientsecret', 'passcode'];
const PASSWORD_RE = /passw(?:or)?d|passphrase|passcode|^pwd$|pwd$|^pass$|^psk$/;
// Two-word names that are credentials: api key, access key, account key, ...
const KEY_QUALIFIERS = new Set(['api', 'access', 'private', 'secret', 'auth', 'signing', 'encryption', 'master', 'session', 'client',
  'account', 'subscription', 'license', 'licence', 'app', 'application', 'service', 'admin', 'write', 'read', 'ingest', 'insert',
  'consumer', 'hmac', 'jwt', 'webhook', 'shared', 'storage', 'sas', 'server', 'root', 'deploy', 'developer', 'dev', 'user', 'personal',
  'management', 'mgmt', 'encrypt', 'crypt', 'cipher', 'aes', 'sign']);
// A last word that makes the name describe something other than the credential itself.
const NEG_LAST = new Set(['url', 'uri', 'urls', 'endpoint', 'path', 'file', 'filename', 'files', 'dir', 'directory', 'name', 'names',
  'type', 'types', 'length', 'len', 'size', 'count', 'field', 'fields', 'header', 'headers', 'prefix', 'suffix', 'format', 'env', 'hint',
  'label', 'min', 'max', 'limit', 'expiry', 'expires', 'expiration', 'expiresin', 'expiresat', 'ttl', 'timeout', 'mode', 'enabled',
  'enable', 'disabled', 'version', 'regex', 'pattern', 'provider', 'providers', 'policy', 'scope', 'scopes', 'source', 'template',
  'class', 'id', 'ids', 'index', 'idx', 'position', 'pos', 'validator', 'manager', 'service', 'store', 'storage', 'generator', 'required',
  'placeholder', 'message', 'msg', 'error', 'errors', 'text', 'title', 'description', 'desc', 'input', 'column', 'col', 'param',
  'params', 'parameter', 'ref', 'reference', 'location', 'var', 'variable', 'event', 'events', 'handler', 'listener', 'code', 'press',
  'pressed', 'down', 'up', 'binding', 'bindings', 'map', 'stroke', 'hash', 'hashes', 'id_', 'kind', 'count', 'list', 'set', 'sets', 'key_',
  'lifetime', 'duration', 'age', 'at', 'time', 'date', 'status', 'state', 'method', 'methods', 'algorithm', 'alg', 'algo', 'strategy',
  'option', 'options', 'config', 'cfg', 'settings', 'setting', 'schema', 'spec', 'attr', 'attribute', 'property', 'prop', 'props',
  'callback', 'fn', 'func', 'function', 'factory', 'builder', 'parser', 'reader', 'writer', 'loader', 'helper', 'util', 'utils', 'dto',
  'request', 'response', 'req', 'res', 'result', 'results', 'info', 'details', 'data', 'model', 'entity', 'repository', 'repo', 'table',
  'query', 'filter', 'sort', 'order', 'field_', 'exists', 'check', 'valid', 'invalid', 'validation', 'rules', 'rule', 'len_', 'bytes',
  'bits', 'strength', 'policy_', 'reset', 'changed', 'change', 'confirm', 'confirmation', 'visible', 'visibility', 'toggle', 'shown',
  'show', 'hidden', 'icon', 'style', 'css', 'color', 'width', 'height', 'store_', 'cache', 'encoding', 'encoder', 'decoder', 'tokenizer',
  'kid', 'usage', 'use', 'used', 'tag', 'tags', 'vault', 'arn', 'region', 'bucket', 'host', 'port', 'server', 'domain', 'issuer',
  'audience', 'subject', 'claims', 'claim', 'pair', 'pairs', 'file_', 'ext', 'extension', 'offset', 'start', 'end', 'begin', 'separator',
  'delimiter', 'char', 'chars', 'charset', 'keyword', 'keywords', 'lookup', 'reg', 'registry']);
// A word anywhere that makes the name something other than a secret.
const NEG_ANY = new Set(['public', 'publishable', 'pub', 'csrf', 'xsrf', 'primary', 'foreign', 'sort', 'partition', 'row', 'composite',
  'unique', 'idempotency', 'cache', 'lookup', 'dedup', 'dedupe', 'routing', 'redis', 'object', 'storage_', 'translation', 'i18n', 'l10n',
  'locale', 'hotkey', 'shortcut', 'keyboard', 'keystroke', 'max', 'min', 'num', 'next', 'prev', 'previous', 'page', 'pagination',
  'cursor', 'continuation', 'sync', 'fake', 'mock', 'dummy', 'example', 'sample', 'placeholder',
  'tokenizer', 'tokenize', 'lexer', 'syntax', 'author', 'authors', 'authority', 'authorities',
  'forgot', 'forgotten', 'strength', 'policy', 'mask', 'masked', 'show', 'hide',
  'toggle', 'visibility', 'label', 'hint', 'prompt', 'input', 'field', 'form', 'fingerprint', 'thumbprint',
  'checksum', 'digest', 'sha', 'md5', 'sha1', 'sha256', 'sha512', 'integrity', 'signature_', 'passthrough', 'passthru', 'bypass',
  'compass', 'passenger', 'passive', 'passed', 'passes', 'passing', 'password_', 'monkey', 'turkey', 'donkey', 'whiskey', 'hockey',
  'jockey', 'through', 'jsonwebtoken', 'keyof', 'keypath', 'keycode', 'keydown', 'keyup', 'keypress']);

const classCache = new Map<string, NameClass | null>();

/** Classifies an identifier as naming a password, a secret, a weaker `key`, or nothing. */
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
  const words = splitWords(name).map((w) => (/^[a-z]+\d{1,2}$/.test(w) ? w.replace(/\d+$/, '') : w)).filter((w) => w.length > 0);
  if (words.length === 0) return null;
  for (const w of words) if (NEG_ANY.has(w)) return null;
  const last = words[words.length - 1];
  if (NEG_LAST.has(last) && !(last === 'hash' && words.some((w) => PASSWORD_RE.test(w)))) return null;
  let cls: NameClass | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (PASSWORD_RE.test(w)) return 'password';
    if (w === 'pass' || w === 'passwd' || w === 'pw') return 'password';
    if (w === 'auth' || w === 'authorization' || w === 'authz' || w === 'pat' || w === 'sas' || w === 'bearer' || w === 'cookie'
      || w === 'authtoken' || w === 'accesstoken' || w === 'refreshtoken' || w === 'sessiontoken' || w === 'idtoken') cls = 'secret';
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
  return cls;
}

const AUTH_SCHEMES = /^(?:bearer|basic|token|digest|bot|apikey|api-key|key|jwt|ssws|oauth|sharedaccesssignature|hmac|aws4-hmac-sha256|negotiate|ntlm)$/i;

// Set by findValueStart when name and value are separated by a comma (a weaker signal).
const commaSeparated = { value: false };

const GO_TYPE = /[A-Za-z_][\w.[\]*]{0,30}[ \t]+:?=(?![=>])/y;
const TYPE_ANNOTATION = /[A-Za-z_][\w.<>[\]|]{0,40}[ \t]{0,4}=(?![=>])/y;

function isSpace(c: number): boolean { return c === 32 || c === 9; }

/**
 * After a name ending at `p`, finds where its value starts. Returns -1 when what follows is not an
 * assignment (a comparison, a call, a type, the end of the line).
 */
function findValueStart(text: string, p: number, nameQuoted: boolean, isFlag: boolean, spaceSeparated = false, openTag = false): number {
  const n = text.length;
  let i = p;
  // A closing quote or bracket around the name: "password": / ['password'] = / \"password\":
  if (i < n && text.charCodeAt(i) === 92 /* \ */ && (text.charCodeAt(i + 1) === 34 || text.charCodeAt(i + 1) === 39)) i += 2;
  else if (i < n && (text[i] === '"' || text[i] === "'" || text[i] === '`')) i++;
  if (i < n && text[i] === ']') i++;
  const afterName = i;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (i >= n) return -1;
  // Go-style `name string = "…"`: a type word between the name and the `=`.
  const goType = GO_TYPE;
  goType.lastIndex = i;
  if (!nameQuoted && i > afterName && /[A-Za-z_]/.test(text[i]) && goType.test(text)) i = goType.lastIndex - 1;
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
    if (text[k] === '=') i = k + 1; // :=, ::=, :::=
    else if (k - i === 1) i = k; // a single colon; `a::b` is a path
    else return -1;
  } else if ((c === '?' || c === '|' || c === '+' || c === '.') && c2 === '=') {
    i += 2;
  } else if (c === '<' && c2 === '-') {
    i += 2;
  } else if (c === '>' && !nameQuoted && openTag) {
    i += 1; // <password>value</password>, the value possibly on the next line
    let k = i;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    if (text[k] === '\r') k++;
    if (text[k] === '\n') i = k + 1;
  } else if (c === ',' && nameQuoted) {
    i += 1; // setProperty("TOKEN", "value"), ["password", "value"]
    commaSeparated.value = true;
  } else if (nameQuoted && text.startsWith('value=', i)) {
    i += 6; // <add key="Password" value="..." />
  } else if ((isFlag || spaceSeparated) && afterName < i) {
    // --password value
  } else {
    return -1;
  }
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  // A type annotation `password: string = "..."` moves the value past the `=`.
  const typeAnn = TYPE_ANNOTATION;
  typeAnn.lastIndex = i;
  if (c === ':' && typeAnn.test(text)) {
    i = typeAnn.lastIndex;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  }
  return i < n ? i : -1;
}

interface Value { start: number; end: number; quoted: boolean }

const ESCAPED_NEWLINE = /\\[nrt]/;

/** Reads the value starting at `i`: a quoted string (bounded), or an unquoted run. */
function readValue(text: string, i: number): Value | null {
  const n = text.length;
  // String prefixes: b"..", r'..', f"..", @"..", $"..", u8"..".
  const pre = text[i];
  if ((pre === 'b' || pre === 'r' || pre === 'f' || pre === 'u' || pre === '@' || pre === '$' || pre === 'L') && (text[i + 1] === '"' || text[i + 1] === "'")) i++;
  let q = text[i];
  let escapedQuote = false;
  if (q === '\\' && (text[i + 1] === '"' || text[i + 1] === "'")) { escapedQuote = true; q = text[i + 1]; i++; }
  if (q === '"' || q === "'" || q === '`') {
    const start = i + 1;
    const limit = Math.min(n, start + MAX_VALUE);
    let j = start;
    while (j < limit) {
      const ch = text.charCodeAt(j);
      if (ch === 10) break;
      if (escapedQuote && ch === 92 && text[j + 1] === q) break;
      if (ch === 92 && !escapedQuote) { j += 2; continue; }
      if (text[j] === q) break;
      j++;
    }
    if (j > limit) j = limit;
    return { start, end: j, quoted: true };
  }
  const start = i;
  const limit = Math.min(n, start + MAX_VALUE);
  let j = start;
  while (j < limit) {
    const ch = text.charCodeAt(j);
    // Stop at whitespace, quotes, separators and closing brackets; also at escaped newlines inside strings.
    if (ch <= 32 || ch === 34 || ch === 39 || ch === 96 || ch === 44 || ch === 59 || ch === 41 || ch === 125 || ch === 93
      || ch === 60 || ch === 62 || ch === 38 || ch === 124) break;
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
  // a.b.c member paths of word-like parts
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(v) && wordLike(v.slice(v.lastIndexOf('.') + 1))) return true;
  if (/^[A-Za-z_$][\w$]*$/.test(v) && wordLike(v)) return true; // identifiers, ArrowToken$1
  return false;
}

/** A word or an identifier made of words (fooBar, FOO_BAR, foo2), not a random string. */
export function wordLike(v: string): boolean {
  if (v.length >= 10 && manyShortParts(v)) return false;
  if (/[A-Za-z]\d+[A-Za-z]/.test(v) && !(/^[A-Za-z]+\d{1,3}[A-Z][a-z]/.test(v) && (v.match(/\d+/g) ?? []).length === 1)) return false; // digits inside a run: a7b, but not utf8Decoder
  if (v.length >= 8 && /^[A-Z0-9]+$/.test(v) && /\d/.test(v) && /[A-Z]{3}/.test(v)) return false; // 798JRYLJVD4
  const words = splitWords(v);
  if (words.length === 0) return true;
  for (const w of words) {
    if (/^\d{1,4}$/.test(w)) continue;
    if (!/^[a-z]+\d{0,3}$/.test(w)) return false;
    const letters = w.replace(/\d+$/, '');
    if (letters.length > 3 && !/[aeiouy]/.test(letters)) return false;
    // long runs without vowels or with many rare letters read as random
    if (letters.length >= 12 && entropy(letters) > 3.6) return false;
    if (/[bcdfghjklmnpqrstvwxz]{5,}/.test(letters)) return false;
  }
  return true;
}

/** Random mixed-case strings split into many one- and two-letter "words"; camelCase names do not. */
function manyShortParts(v: string): boolean {
  const words = splitWords(v);
  let short = 0;
  for (const w of words) if (w.length <= 2 && !/^\d+$/.test(w)) short++;
  return short >= 3 && short / words.length > 0.3;
}

/** Does this value, under a name of class `cls`, look like a real credential? */
export function valueLooksSecret(v: string, cls: NameClass, quoted: boolean): boolean {
  // Cheap rejections first: this runs for every name-like hit.
  if (v.length < (cls === 'password' ? 4 : 8)) return false;
  if (/\s/.test(v)) return false; // quoted prose ("Enter your password"); spaced secrets are rare
  if (isPlaceholder(v) || isTrivialSequence(v)) return false;
  if (/[^\x20-\x7e]/.test(v)) return false; // translated messages and prose, not credentials
  const parts = v.split(/[._\-/:]+/);
  if (parts.length >= 3 && parts.every((p) => p === '' || /^\d{1,4}$/.test(p) || wordLike(p))) return false; // a.b.c_d names
  if (/^(?:https?|ftp|file):\/\//i.test(v)) return false; // URLs are handled by the URL rule
  if (/^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(v) && /[/\\]\w+[/\\.]/.test(v)) return false; // file paths
  if (cls !== 'key' && /^\d{12,64}$/.test(v)) return distinctChars(v) >= 5; // long numeric ids used as tokens
  if (!quoted && looksLikeCode(v)) return false;
  const k = classes(v);
  if (cls === 'password') {
    if (v.length < 4) return false;
    if (!quoted && /^[A-Za-z]+$/.test(v) && wordLike(v)) return false;
    if (/^[a-z]{1,11}$/.test(v) && wordLike(v)) return false; // "different", "sunshine": words, not chosen secrets
    return distinctChars(v) >= 3;
  }
  if (v.length < 8) return false;
  if (distinctChars(v) < 5) return false;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return false; // CONSTANT_NAMES
  if (/^(?:\d+\.)+\d+(?:[-+][\w.]+)?$/.test(v)) return false; // versions
  if (/abcdefghij|0123456789|ABCDEFGHIJ/.test(v)) return false; // alphabets and digit runs
  if (/[._\-/:]/.test(v) && v.split(/[._\-/:]+/).every((p) => p === '' || /^\d{1,4}$/.test(p) || wordLike(p))) return false; // dotted words
  if (k.digit === 0 && k.other === 0 && wordLike(v)) return false;
  if (k.digit === 0 && /^[a-z]+(?:[-_][a-z]+)+$/i.test(v) && wordLike(v.replace(/[-_]/g, ' '))) return false; // kebab-words
  if (cls === 'key') {
    if (v.length < 16) return false;
    if (k.digit === 0 || k.lower + k.upper === 0) return entropy(v) >= 4 && v.length >= 24;
    return entropy(v) >= 3.2;
  }
  if (k.digit === 0 && k.other === 0 && v.length < 12) return false;
  return true;
}

/** Runs the name-based rule over `text`, pushing findings. */
export function findKeywordSecrets(text: string, out: Finding[]): void {
  HIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  let resumeAt = 0;
  while ((m = HIT.exec(text)) !== null) {
    const hit = m.index;
    if (hit < resumeAt) { HIT.lastIndex = resumeAt; continue; }
    // Expand to the whole name around the hit.
    let s = hit;
    const lo = Math.max(0, hit - MAX_NAME);
    while (s > lo && isNameChar(text.charCodeAt(s - 1))) s--;
    let e = hit + m[0].length;
    const hi = Math.min(text.length, e + MAX_NAME);
    while (e < hi && isNameChar(text.charCodeAt(e))) e++;
    HIT.lastIndex = e;
    let name = text.slice(s, e);
    // Trailing dots belong to the sentence, not the name.
    while (name.endsWith('.') || name.endsWith('-')) { name = name.slice(0, -1); e--; }
    const cls = classifyName(name);
    if (cls === null) continue;
    const before = s > 0 ? text[s - 1] : '';
    const nameQuoted = before === '"' || before === "'" || before === '`';
    const isFlag = name.startsWith('-') || name.startsWith('--');
    // `setx NAME value`, `set NAME value` (Windows), `ENV NAME value` (Dockerfile)
    const spaceSep = /(?:^|[\s;&])(?:setx?|ENV|ARG)[ \t]+$/i.test(text.slice(Math.max(0, s - 6), s));
    const openTag = before === '<';
    commaSeparated.value = false;
    const vs = findValueStart(text, e, nameQuoted, isFlag, spaceSep, openTag);
    if (vs < 0) continue;
    let val = readValue(text, vs);
    if (!val) continue;
    // `<password>` with its value on the next line counts only when the element closes after
    // that value: otherwise the next line is other code, whose own names must still be read.
    if (openTag && text.lastIndexOf('\n', val.start) >= e && !/^\s*<\//.test(text.slice(val.end, val.end + 64))) continue;
    let v = text.slice(val.start, val.end);
    // `Authorization: Bearer abc`, `"Basic dXNlcjpwYXNz"`: the scheme word stays, the credential goes.
    const sp = v.indexOf(' ');
    const firstWord = sp > 0 ? v.slice(0, sp) : val.quoted ? '' : v;
    if (sp > 0 && AUTH_SCHEMES.test(firstWord)) {
      let k = val.start + sp;
      while (k < val.end && text[k] === ' ') k++;
      val = { start: k, end: val.end, quoted: val.quoted };
      v = text.slice(val.start, val.end);
    } else if (!val.quoted && AUTH_SCHEMES.test(v)) {
      let k = val.end;
      while (k < text.length && text[k] === ' ') k++;
      const next = readValue(text, k);
      if (next) { val = next; v = text.slice(next.start, next.end); }
    }
    if (val.end <= val.start) continue;
    if (!valueLooksSecret(v, cls, val.quoted)) continue;
    // In a list of strings ("a_password", "next_item") a comma proves little: the value must look random.
    if (commaSeparated.value && (wordLike(v) || v.split(/[^A-Za-z0-9]+/).every((p) => p === '' || wordLike(p)))) continue;
    if (val.end - val.start >= MAX_VALUE) {
      // An over-long value goes whole: extend to the end of its run rather than leak the tail.
      let k = val.end;
      for (let c = text.charCodeAt(k); k < text.length && c > 32 && c !== 34 && c !== 39 && c !== 96; c = text.charCodeAt(++k));
      val = { start: val.start, end: k, quoted: val.quoted };
    }
    out.push({ kind: cls === 'password' ? 'password' : 'secret', start: val.start, end: val.end });
    resumeAt = val.end;
    HIT.lastIndex = val.end;
  }
}

export { isAlnum };
