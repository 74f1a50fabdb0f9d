// High-entropy string literals with no name next to them: quoted hex of 32 or more digits, and
// quoted base64 / base64url / random alphanumerics. What real code holds in such literals is
// kept: lockfile and subresource integrity hashes, digests and git object names where a word
// on the line says so (`sha256`, `integrity`, `commit`, `etag`, …), UUIDs, hashes of empty
// input, and encoded images, fonts and WebAssembly recognised by their first bytes.
import { isPath, PUBLIC_NAME, someRandomPart } from './context';
import { wordLike } from './keyword';
import { classes, entropy, isPlaceholder, isTrivialSequence, publicValue, splitWords, type Covered, type Finding } from './text';

const LITERAL = /(["'`])([A-Za-z0-9+/=_-]{20,4096})\1/g;
// Integrity and digest formats written as the literal itself.
const DIGEST_PREFIX = /^(?:sha(?:1|224|256|384|512)|md5|blake2b?|h1|zh)[-_]/i;
// First bytes of encoded images, fonts, documents and WebAssembly modules.
const ENCODED_FILE =
  /^(?:iVBORw0KGgo|\/9j\/|R0lGOD|UklGR|PHN2Zy|PD94bWw|JVBERi0|d09GR|d09GM|AAEAAAA|T1RUTw|AGFzbQ|Qk[0-9A-Za-z]|SUkqA|AAABAA)/;
// SHA-256, SHA-1 and MD5 of empty input: constants, not secrets.
const EMPTY_HASHES = new Set([
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'd41d8cd98f00b204e9800998ecf8427e',
]);
// Words before a literal on its line that make it a digest wherever they stand in the window.
const DIGEST_WORDS = new Set([
  'sha',
  'sha1',
  'sha224',
  'sha256',
  'sha384',
  'sha512',
  'md5',
  'hash',
  'hashes',
  'digest',
  'checksum',
  'checksums',
  'integrity',
  'etag',
  'fingerprint',
  'thumbprint',
  'crc',
  'crc32',
  'shasum',
  'hexdigest',
  'hashed',
  'sri',
  'gpg',
  'pgp',
  'resolved',
]);
// Words that make it a digest, an id or a fixture only as the name it is given (the last word
// before it: `id: "…"`, not `sign({ sub: user.id }, "…")`).
const NAME_WORDS = new Set([
  'uuid',
  'guid',
  'nonce',
  'salt',
  'sum',
  'id',
  'ids',
  'version',
  'build',
  'cid',
  'pin',
  'pinned',
  'expected',
  'expect',
  'want',
  'got',
  'vector',
  'vectors',
  'fixture',
  'hex',
  'example',
  'sample',
]);
// Git's object names and the words for them: hex only (`blob: "uW8h…/+3v"` is no object name).
const OBJECT_WORDS = new Set([
  'commit',
  'rev',
  'revision',
  'githead',
  'head',
  'ref',
  'reference',
  'oid',
  'tree',
  'parent',
  'object',
  'blob',
]);
const WINDOW = 48;
// The priority of `high-entropy` findings (index.ts).
const HIGH_ENTROPY_PRIORITY = 1.5;
// Glued names: `SRCREV`, `gitsha`, `filehash`, `md5sum`.
const DIGEST_SUFFIX = /(?:rev|sha\d*|hash|sum|commit|digest)$/;
// The suffixes that name a git object: hex only.
const OBJECT_SUFFIX = /(?:rev|commit)$/;
// Character tables: `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef…0123456789+/`.
const ALPHABET = /abcdefgh|ABCDEFGH|01234567|qwertyui/i;

/** `covered`: what earlier passes found; a literal inside one of them (all of which outrank this kind) is not tested. */
export function findHighEntropyLiterals(text: string, out: Finding[], covered?: Covered): void {
  LITERAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LITERAL.exec(text)) !== null) {
    const v = m[2];
    const start = m.index + 1;
    // The closing quote may open the next literal: `"a","b"`.
    LITERAL.lastIndex = start + v.length;
    if (covered !== undefined && covered.floor(start, start + v.length) >= HIGH_ENTROPY_PRIORITY) continue;
    if (!looksGenerated(v) || dashedName(v)) continue;
    if (digestNearby(text, m.index, v) || publicValue(text, m.index)) continue;
    out.push({ kind: 'high-entropy', start, end: start + v.length });
  }
}

// Unquoted values where a configuration puts one: the whole value of a `key: value` or `key=value`
// line (YAML, INI, .env, properties), a YAML list item, an XML element's text. Longer than a
// quoted literal must be (32), as an unquoted run is less often meant as one string.
const VALUE_LINE =
  /^[ \t]*(?:-[ \t]+|(?:export[ \t]+|set[ \t]+|setenv[ \t]+)?[A-Za-z_][\w.-]{0,63}[ \t]*[:=][ \t]*)([A-Za-z0-9+/=_-]{32,4096})[ \t]*\r?$/gm;
const ELEMENT = /<([A-Za-z][\w.:-]{0,63})(?:[ \t][^<>\n]{0,256})?>([A-Za-z0-9+/=_-]{32,4096})<\/\1>/g;
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_INSIDE = /(?<![0-9A-Za-z])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9A-Za-z])/i;
const UUID_INSIDE_ALL = new RegExp(UUID_INSIDE.source, 'gi');

/** `id-Gost28147-89-None-KeyMeshing`: words and numbers between dashes or underscores, a name. */
function dashedName(v: string): boolean {
  const parts = v.split(/[-_.]+/);
  return parts.length >= 3 && parts.every((p) => p === '' || /^\d+$/.test(p) || /^[A-Za-z]+\d*$/.test(p));
}

/** High-entropy unquoted values (see VALUE_LINE); `covered` as for findHighEntropyLiterals. */
export function findHighEntropyValues(text: string, out: Finding[], covered?: Covered): void {
  const test = (v: string, start: number): void => {
    if (covered !== undefined && covered.floor(start, start + v.length) >= HIGH_ENTROPY_PRIORITY) return;
    if (
      UUID_SHAPE.test(v) ||
      PUBLIC_NAME.test(v) ||
      wordLike(v) ||
      dashedName(v) ||
      !looksGenerated(v) ||
      digestNearby(text, start, v) ||
      publicValue(text, start)
    )
      return;
    out.push({ kind: 'high-entropy', start, end: start + v.length });
  };
  let m: RegExpExecArray | null;
  if (text.includes(':') || text.includes('=') || text.includes('- ')) {
    VALUE_LINE.lastIndex = 0;
    while ((m = VALUE_LINE.exec(text)) !== null) test(m[1], m.index + m[0].lastIndexOf(m[1]));
  }
  if (text.includes('</')) {
    ELEMENT.lastIndex = 0;
    while ((m = ELEMENT.exec(text)) !== null) test(m[2], m.index + m[0].length - m[1].length - 3 - m[2].length);
  }
}

// First characters of DIGEST_PREFIX (case-folded) and of ENCODED_FILE: the regexes run only after them.
const DIGEST_FIRST = new Set('smbhzSMBHZ');
const ENCODED_FIRST = new Set('i/RUPJdATQS');

const STRIPE_OBJECT_ID =
  /^(?:ch|cus|pi|pm|in|sub|price|prod|evt|txn|re|po|tr|seti|src|card|ba|acct|si|ii|il|py|du|dp|cn|fee|ipi|pyr)_[A-Za-z0-9]{14,24}$/;
function looksGenerated(v: string): boolean {
  if (v.startsWith('pk_live_') || v.startsWith('pk_test_')) return false; // Stripe's publishable keys are public
  if (STRIPE_OBJECT_ID.test(v)) return false; // Stripe's objects' ids (`ch_3prNsK8H…`, `cus_…`): no keys
  if (v.startsWith('nonce-')) return false; // a Content-Security-Policy's nonce: sent to every browser
  // A path or a name holding a UUID (`/v1/transfers/5d9d339c-3b29-…`): an object's id, read without it.
  if (v.length > 36 && UUID_INSIDE.test(v)) return looksGenerated(v.replace(UUID_INSIDE_ALL, 'id'));
  if (
    (DIGEST_FIRST.has(v[0]) && DIGEST_PREFIX.test(v)) ||
    (ENCODED_FIRST.has(v[0]) && ENCODED_FILE.test(v)) ||
    (mayHoldAlphabet(v) && ALPHABET.test(v))
  )
    return false;
  const k = classes(v);
  if (k.other === 0 && isHex(v)) {
    if (v.length < 32 || EMPTY_HASHES.has(v.toLowerCase())) return false;
    return k.digit > 0 && k.lower + k.upper > 0 && entropy(v) >= 3.3;
  }
  const letters = k.lower + k.upper;
  // Base64 with its padding or a `+` is no path, however many `/` its bytes gave it.
  const base64 = v.endsWith('=') || v.includes('+');
  if (k.digit === 0 || letters === 0 || isPlaceholder(v) || isTrivialSequence(v) || (!base64 && isPath(v))) return false;
  const threeClasses = k.lower > 0 && k.upper > 0;
  if (!threeClasses && v.length < 32) return false;
  if (entropy(v) < (v.length < 32 ? 4.0 : 4.2)) return false;
  if (encodesProse(v)) return false;
  return someRandomPart(v); // not identifiers, kebab-case names, paths
}

/** Base64 of a sentence (`VGhlIHF1aWNrIGJyb3duIGZveA==`, a test's fixture): text, not a key. */
function encodesProse(v: string): boolean {
  if (v.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return false;
  const bytes = Buffer.from(v, 'base64');
  let spaces = 0,
    letters = 0;
  for (const b of bytes) {
    if (b === 32) spaces++;
    else if ((b >= 65 && b <= 90) || (b >= 97 && b <= 122)) letters++;
    else if (b < 32 || b > 126) return false;
  }
  return spaces >= 2 && letters + spaces >= bytes.length * 0.85;
}

function isHex(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i) | 32;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return v.length > 0;
}

/** ALPHABET can only match where `ab`, `01` or `qw` (case-folded) occurs. */
function mayHoldAlphabet(v: string): boolean {
  for (let i = 0; i + 1 < v.length; i++) {
    const c = v.charCodeAt(i) | 32,
      d = v.charCodeAt(i + 1) | 32;
    if ((c === 97 && d === 98) || (c === 48 && d === 49) || (c === 113 && d === 119)) return true;
  }
  return false;
}

// Every word digestNearby accepts holds one of these (case-folded): one regex test over the window
// rejects nearly every literal that has no digest word before it, before any word is split.
const DIGEST_HINT = (() => {
  const keys: string[] = [];
  for (const w of [...DIGEST_WORDS, ...NAME_WORDS, ...OBJECT_WORDS, 'rev', 'sha', 'hash', 'sum', 'commit', 'digest'].sort(
    (x, y) => x.length - y.length,
  )) {
    if (!keys.some((k) => w.includes(k))) keys.push(w);
  }
  return new RegExp(keys.join('|'), 'i');
})();

/** Is the literal `v` before `quote` a digest, an id or an object name by the words before it on its line? */
function digestNearby(text: string, quote: number, v: string): boolean {
  let a = quote;
  const lo = Math.max(0, quote - WINDOW);
  while (a > lo && text.charCodeAt(a - 1) !== 10) a--;
  // A literal alone on its line is a result printed under the line that made it (`>>> h.hexdigest()` ⏎ `'b94d…'`):
  // that line's words count too.
  if (a > 0 && /^[ \t]*$/.test(text.slice(a, quote))) {
    a--;
    while (a > lo && text.charCodeAt(a - 1) !== 10) a--;
  }
  const window = text.slice(a, quote);
  // A package's checksums in Elixir's lock file (`"ecto": {:hex, :ecto, "3.11.2", "e1d2…", [:mix], [], "hexpm", "c38b…"}`).
  // (Its line read back 400 characters at most: a minified line of literals must cost each one no more.)
  let bol = quote;
  const floor = Math.max(0, quote - 400);
  while (bol > floor && text.charCodeAt(bol - 1) !== 10) bol--;
  if (isHex(v) && text.slice(bol, quote).includes('{:hex, :')) return true;
  if (!DIGEST_HINT.test(window)) return false;
  const words = window.match(/[A-Za-z][A-Za-z0-9_]*/g);
  if (!words) return false;
  const hex = isHex(v);
  // The name the literal is given: the last word, unless a call or a bracket stands between.
  const named = /[A-Za-z0-9_]["'`]?[ \t]*(?:[:=]|=>|:=|,)?[ \t]*[([{]?[ \t]*$/.test(window) ? words.length - 1 : -1;
  for (let i = 0; i < words.length; i++) {
    // The whole word too: `ETag` splits into `e` and `tag`.
    for (const part of [words[i].toLowerCase(), ...splitWords(words[i])]) {
      const bare = part.replace(/\d+$/, '');
      if (DIGEST_WORDS.has(part) || DIGEST_WORDS.has(bare) || DIGEST_SUFFIX.test(part)) {
        if (hex || !OBJECT_SUFFIX.test(part)) return true;
      }
      if (i === named && (NAME_WORDS.has(part) || NAME_WORDS.has(bare))) return true;
      if (hex && (OBJECT_WORDS.has(part) || OBJECT_WORDS.has(bare))) return true;
    }
  }
  return false;
}
