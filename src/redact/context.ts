// Secrets recognised by what is next to them rather than by a format of their own: a
// token-shaped string shortly after a credential word or a service name on the same line
// (`jira token 9aBc…`, `datadog: 3f…`, `bloggerSECRETkey-ab12…`), and tokens that carry a short
// lowercase prefix of their own (`odt_KTJl…`, `phx_WQV1…`). The service names come from the
// rule names of public rule sets (services.ts). One regex pass finds runs of token characters;
// everything after it is bounded work per run.
import { join } from 'node:path';
import { isCryptoAddress, MAX_CHECKSUMS } from './identifiers';
import { wordLike } from './keyword';
import {
  classes,
  entropy,
  entropyAndDistinct,
  isAlnum,
  isPlaceholder,
  isTrivialSequence,
  publicValue,
  splitWords,
  type Covered,
  type Finding,
} from './text';

/** The service names and what is derived from them, made when the pass first runs. */
interface ServiceTables {
  names: Set<string>;
  longest: number;
  /** The first four letters of every service name of four or more: a word starting otherwise has no service prefix. */
  heads: Set<string>;
  /** Every word cueOf looks for (cue, blocking and service words), less those holding a shorter one. */
  cueHint: RegExp;
}
let tables: ServiceTables | undefined;

/**
 * The service-name list is a bundle of its own beside the capture side's (services.js beside
 * this file when compiled), loaded when redaction first runs: the capture side loads sooner
 * without it. Its path is computed so the bundler leaves it out.
 */
function serviceTables(): ServiceTables {
  if (tables) return tables;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on purpose when first used
  const names = (require(join(__dirname, 'services.js')) as typeof import('./services')).SERVICE_NAMES;
  const vocab = [...new Set([...NOT_SECRET, ...STRONG_EXACT, ...STRONG_CUES, ...WEAK_CUES, 'key', ...names])].sort(
    (a, b) => a.length - b.length,
  );
  const keys: string[] = [];
  for (const w of vocab) if (!keys.some((k) => w.includes(k))) keys.push(w);
  tables = {
    names: new Set(names),
    longest: names.reduce((n, w) => Math.max(n, w.length), 0),
    heads: new Set(names.filter((n) => n.length >= 4).map((n) => n.slice(0, 4))),
    cueHint: new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i'),
  };
  return tables;
}

// The priorities (index.ts) of what this pass finds: `secret` and `prefixed-token`.
const SECRET_PRIORITY = 2;
const PREFIXED_PRIORITY = 4;

/** How far before a token its cue may be, on the same line. */
const WINDOW = 48;
const MAX_TOKEN = 600;

// Credential words. A window word that is, or ends with, one of them is a cue.
const STRONG_CUES = [
  'token',
  'tokens',
  'secret',
  'secrets',
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'apikey',
  'credential',
  'credentials',
  'creds',
  'bearer',
  'auth',
  'authorization',
  'authtoken',
  'signature',
  'privatekey',
  'accesskey',
  'secretkey',
];
const STRONG_EXACT = new Set(['private', 'access', 'pat', 'sas', 'sig']);
const WEAK_CUES = new Set(['key', 'keys', 'api', 'pass']);
// Words that say a nearby random string is a hash, an id or public: not a credential.
const NOT_SECRET = new Set(
  `
    sha sha1 sha256 sha384 sha512 md5 hash hashes hashed digest checksum integrity commit rev
    revision etag fingerprint thumbprint uuid guid nonce salt iv id ids version build color colour
    public pub publishable example sample fake mock dummy placeholder tokenizer csrf xsrf cache
    idempotency request event events correlation transaction txn invocation execution incident trace
    span session jti kid sort primary foreign cursor page next continuation object lookup gpg pgp
    gnupg jsonwebtoken recv keyserver
  `
    .trim()
    .split(/\s+/),
);
// Language keywords that look like cues: `private static final String X = "…"`.
const KEYWORDS = new Set(['private', 'access']);

const JWK_PUBLIC_BEFORE = /"[nexy]"[ \t]*:[ \t]*"$/;
const ARCHIVE_BEFORE = /\.(?:tgz|tar\.gz|zip|whl|jar|gem|crate|nupkg)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILE_LIKE =
  /\.(?:js|mjs|cjs|ts|tsx|jsx|json|css|scss|map|html?|md|txt|png|jpe?g|gif|svg|webp|ico|woff2?|ttf|eot|wasm|ya?ml|xml|lock|gz|zip|tgz|py|rb|go|rs|java|kt|cs|php|sh|so|dll|exe|dylib|a|o|d)$/i;

interface Cue {
  strong: boolean;
  weak: boolean;
  service: boolean;
  blocked: boolean;
}

// Characters of a run, by class bit: digits, upper case, lower case, and + / = _ ~ . -
const DIGIT = 1,
  UPPER = 2,
  LOWER = 4,
  OTHER = 8;
const RUN_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) RUN_CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) RUN_CLASS[c] = UPPER;
for (let c = 97; c <= 122; c++) RUN_CLASS[c] = LOWER;
for (const c of '+/=_~.-') RUN_CLASS[c.charCodeAt(0)] = OTHER;

/**
 * Runs the context detector over `text`, pushing findings. `covered` holds what earlier passes
 * found: a run inside a provider token or key material is skipped, and so is one inside a named
 * secret unless it has the prefixed form (whose kind outranks it).
 */
export function findContextSecrets(
  text: string,
  out: Finding[],
  covered?: Covered,
  idCandidates?: number[],
  runs?: { longest: number },
): void {
  // One pass over the characters: runs of token characters, with their classes counted on the
  // way, so that the many runs that are plain words or identifiers cost nothing more.
  const n = text.length;
  const checksums = { n: MAX_CHECKSUMS };
  let i = 0;
  // The findings of the last run glued to its name by `=`, and where its value starts.
  let glued: { from: number; valueStart: number } | null = null;
  const unglue = (): void => {
    if (glued === null) return;
    for (let f = glued.from; f < out.length; f++)
      if (out[f].start < glued.valueStart && out[f].end > glued.valueStart) out[f].start = glued.valueStart;
    glued = null;
  };
  while (i < n) {
    unglue();
    let c = text.charCodeAt(i);
    if (c >= 128 || RUN_CLASS[c] === 0) {
      i++;
      continue;
    }
    const runStart = i;
    // The classes met, as bits: one table read and one OR a character.
    let classes = 0,
      k: number;
    while (i < n && (c = text.charCodeAt(i)) < 128 && (k = RUN_CLASS[c]) !== 0) {
      classes |= k;
      i++;
    }
    const len = i - runStart;
    if (len < 9) continue;
    if (runs !== undefined && len > runs.longest) runs.longest = len;
    const digit = (classes & DIGIT) !== 0,
      upper = (classes & UPPER) !== 0,
      lower = (classes & LOWER) !== 0,
      other = (classes & OTHER) !== 0;
    // A run shaped like a national identifier that may be read alone (`12345678Z`,
    // `390.533.447-05`): its shape and check are tested by national-ids.ts, loaded only then.
    // (Digits alone only in the eighteen of a Chinese resident's number, a birth date inside.)
    if (
      idCandidates !== undefined &&
      len >= 9 &&
      len <= 19 &&
      digit &&
      (upper || other || len === 18) &&
      ID_ALONE_SHAPE.test(text.slice(runStart, i))
    )
      idCandidates.push(runStart, trimEnd(text, runStart, i));
    // A run that starts like a Bitcoin address (`1…`, `3…`, `bc1…`, `tb1…`), or is one of Tron's,
    // Litecoin's or Dogecoin's 34 (`T…`, `L…`, `M…`, `D…`), is tested by its checksum.
    if (len >= 14 && len <= 90 && digit) {
      // (After a key's `=`, the value alone: `to=TNLf…`, `wallet=bc1q…`.)
      // (Looked for within the run only: a search past its start would cost the text's length a run.)
      let at = runStart;
      for (let q = i - 15; q >= runStart; q--)
        if (text.charCodeAt(q) === 61 /* = */) {
          at = q + 1;
          break;
        }
      const c0 = text.charCodeAt(at);
      // (Its length without the punctuation that ends a sentence after it: `… to TW5d…5SU.`)
      let e = i;
      while (e > at && !isAlnum(text.charCodeAt(e - 1))) e--;
      const l = e - at;
      if (
        l <= 76 &&
        (c0 === 49 || c0 === 51 || c0 === 98 || c0 === 116 || (l === 34 && (c0 === 84 || c0 === 76 || c0 === 77 || c0 === 68)))
      ) {
        if (isCryptoAddress(text.slice(at, e), checksums)) {
          out.push({ kind: 'crypto-address', start: at, end: e });
          continue;
        }
      }
    }
    // A token has a digit, or mixed case and some length.
    if (len < 10 || len > MAX_TOKEN || !((digit && (upper || lower)) || (upper && lower && len >= 20))) continue;
    let s = runStart,
      e = i;
    // Edges that belong to the surroundings: `./x`, `x.`, `--flag`, `=x`.
    while (s < e && !isAlnum(text.charCodeAt(s))) s++;
    while (e > s && !isAlnum(text.charCodeAt(e - 1)) && text.charCodeAt(e - 1) !== 61 /* = padding */) e--;
    if (e - s < 10) continue;
    // `request_id=7f1c…`: a key glued to its value by `=` (base64 has `=` only at its end) that
    // says the value is an id, a hash or public, with no credential or service word in it or before it.
    if (gluedKeyBlocks(text, s, e)) continue;
    // `NAME=value` read as one run (an env file's line): what is found in it starts after the `=` (the name stays).
    for (let q = s + 1; q < e - 1; q++)
      if (text.charCodeAt(q) === 61) {
        if (text.charCodeAt(q + 1) !== 61 && /^[A-Za-z_][\w.-]*$/.test(text.slice(s, q))) glued = { from: out.length, valueStart: q + 1 };
        break;
      }
    // URLs and paths are read by the URL rules; a path's segments are words.
    if (s >= 3 && text.startsWith('://', s - 3)) continue;
    // `x-1.2.4.tgz#3b33…`: the digest of a package archive (lockfiles), not a credential.
    if (s > 0 && text.charCodeAt(s - 1) === 35 /* # */ && ARCHIVE_BEFORE.test(text.slice(Math.max(0, s - 9), s - 1))) continue;
    const floor = covered ? covered.floor(s, e) : -1;
    if (floor >= PREFIXED_PRIORITY) continue;
    const run = text.slice(s, e);
    // `owner/action@3f9c…` (a commit a workflow or a dependency is pinned to): a git object's name.
    if (text.charCodeAt(s - 1) === 64 /* @ */ && e - s === 40 && GIT_OBJECT.test(run)) continue;
    // `registry.fly.io/app:deployment-01J0…`, `ghcr.io/org/image:2024.06-3f9c…`: an image's tag.
    if (text.charCodeAt(s - 1) === 58 /* : */ && IMAGE_BEFORE.test(text.slice(Math.max(0, s - 120), s - 1))) continue;
    // Mailgun's private keys: 32, 8 and 8 hex digits, dashed (no other format is shaped so).
    if (e - s === 50 && MAILGUN_KEY.test(run)) {
      out.push({ kind: 'mailgun-key', start: s, end: e });
      continue;
    }
    // Base64 of a credential, whatever its name (`"auth":"a2VzdHJlbC1jaTpnaHBf…"`, `echo … | base64 -d`):
    // its decoded text says so.
    if (floor < SECRET_PRIORITY && upper && lower && e - s >= 16 && e - s <= 512 && (e - s) % 4 === 0 && encodedCredential(run)) {
      out.push({ kind: 'secret', start: s, end: e });
      continue;
    }
    if (isPath(run)) continue;
    // An Apple app's identifier, its team's id before its bundle's (`TBP5O2X3HE.com.lingoleap.ios`).
    if (APPLE_APP_ID.test(run)) continue;
    // Stripe's publishable keys are made to be public (its secret keys are `sk_`/`rk_` formats).
    if (run.startsWith('pk_live_') || run.startsWith('pk_test_')) continue;
    // A JSON Web Key's public members (`"n": "san-Rkr0…"`, `"x"`, `"y"`): a public key's numbers.
    if (JWK_PUBLIC_BEFORE.test(text.slice(Math.max(0, s - 8), s))) continue;
    // `base64.b64encode(…)`, `crypto2.pbkdf2Sync(…)`: a function called, whatever digits its name holds.
    if (text.charCodeAt(e) === 40 /* ( */ && CALLEE.test(run)) continue;
    // Most candidates in code are identifiers (`Cannot_find_name_0_6133`): with no part that could
    // be random, no cue can make them a token, and only the prefixed form is left to test.
    // Inside a named secret, a token found after a cue adds nothing; only the prefixed form
    // (which the full test below may still prefer) could.
    if (floor >= SECRET_PRIORITY && prefixedToken(run, s) === null) continue;
    if (!mayHoldRandomPart(run)) {
      const f = prefixedToken(run, s);
      if (f && !cueBefore(text, s, QUOTE_BEFORE.test(text.charAt(s - 1)) ? 1 : 4).blocked) out.push(f);
      continue;
    }
    let before = cueBefore(text, s);
    if (before.blocked) {
      // A token of its own format is undone only by the word that names it (`trace_id: sk_…`), not by
      // one further back (`request.setValue("sk_…"`).
      const f = prefixedToken(run, s);
      if (f && !cueBefore(text, s, QUOTE_BEFORE.test(text.charAt(s - 1)) ? 1 : 4).blocked) out.push(f);
      continue;
    }
    // With no cue on its line, a value that ends its line and has a random part of its own may
    // take its cue from a label above (tested last: it reads back up to three lines).
    if (before === NO_CUE && run.length >= 16 && endsLine(text, e) && someRandomPart(run) && !PUBLIC_NAME.test(run) && labelAbove(text, s))
      before = LABEL_ABOVE;
    const f = tokenAfterCue(s, run, before) ?? prefixedToken(run, s);
    if (f) out.push(f);
    // With no cue at all, a run of letters and digits alone that no word, hash or name could be
    // (`./bin/sync --target prod NjczIdHM…`, `docker run … tlos10ty…`): a token given positionally.
    else if (before === NO_CUE && floor < 0 && bareRandomToken(text, s, e, run)) out.push({ kind: 'high-entropy', start: s, end: e });
  }
  unglue();
}

function gluedKeyBlocks(text: string, s: number, e: number): boolean {
  for (let q = e - 2; q > s; q--)
    if (text.charCodeAt(q) === 61 && text.charCodeAt(q + 1) !== 61) {
      const cue = cueOf(text.slice(s, q));
      // An event's or a request's id is never half of a credential, whatever service is named before it.
      if (EVENT_ID.test(text.slice(s, q))) return true;
      if (!cue.blocked || cue.strong || cue.weak || cue.service) return false;
      // …unless a service or a credential is named before it (`confluent client_id=…`).
      const before = cueBefore(text, s);
      return !before.strong && !before.service;
    }
  return false;
}

const EVENT_ID =
  /^(?:x[_-])?(?:request|trace|span|correlation|event|transaction|txn|invocation|execution|incident|idempotency)[_.-]?(?:id|key)$/i;
const GIT_OBJECT = /^[0-9a-f]{40}$/;
// A registry's host (a dot in it, maybe a port) and an image's path, before the tag's colon.
const IMAGE_BEFORE = /(?:^|[\s"'=])[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d{2,5})?(?:\/[a-z0-9._-]+)+$/;
const MAILGUN_KEY = /^[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}$/;
const BASE64_RUN = /^[A-Za-z0-9+/]+={0,2}$/;
// `user:password` with no spaces, or a provider's token anywhere in the decoded text.
const DECODED_PAIR = /^[^\s:]{1,64}:[^\s]{6,200}$/;
const DECODED_TOKEN =
  /(?:^|[^A-Za-z0-9])(?:gh[pousr]_|github_pat_|glpat-|xox[abpre]-|sk_live_|rk_live_|npm_|pypi-|hf_|dop_v1_|sk-ant-|AKIA)[A-Za-z0-9]/;

/** Is `run` base64 of printable text that is a `user:password` pair or holds a provider's token? */
function encodedCredential(run: string): boolean {
  if (!BASE64_RUN.test(run)) return false;
  // Six bytes first, decoded in place: random base64 decodes to printable text one time in about 400.
  if (!printableHead(run)) return false;
  const bytes = Buffer.from(run, 'base64');
  if (!printable(bytes)) return false;
  const d = bytes.toString('latin1');
  if (DECODED_TOKEN.test(d)) return true;
  if (!DECODED_PAIR.test(d)) return false;
  const secret = d.slice(d.indexOf(':') + 1);
  // A chosen secret: letters with digits or symbols, not a word, a number, a URL's rest or a path.
  return /[A-Za-z]/.test(secret) && /[\d\W_]/.test(secret) && !/^\/\/|^\d+$|\//.test(secret) && !wordLike(secret);
}

const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/** Do the first eight characters of base64 `run` decode to six printable ASCII bytes? */
function printableHead(run: string): boolean {
  for (let g = 0; g < 8; g += 4) {
    const n =
      (B64_VALUE[run.charCodeAt(g)] << 18) |
      (B64_VALUE[run.charCodeAt(g + 1)] << 12) |
      (B64_VALUE[run.charCodeAt(g + 2)] << 6) |
      B64_VALUE[run.charCodeAt(g + 3)];
    for (const b of [n >>> 16, (n >>> 8) & 255, n & 255]) if (b < 0x20 || b > 0x7e) return false;
  }
  return true;
}

function printable(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] < 0x20 || b[i] > 0x7e) return false;
  return b.length > 0;
}

/**
 * 32 to 64 letters and digits standing alone (white space, quotes or brackets around), with a
 * digit every so often and both cases or many digits, random by entropy and in every part: not
 * hex (digests, object names), not words or identifiers.
 */
function bareRandomToken(text: string, s: number, e: number, run: string): boolean {
  const len = e - s;
  if (len < 32 || len > 64 || !/^[A-Za-z0-9]+$/.test(run)) return false;
  const before = s > 0 ? text.charCodeAt(s - 1) : 32;
  const after = e < text.length ? text.charCodeAt(e) : 32;
  if (!BARE_EDGE.has(before) || !BARE_EDGE.has(after)) return false;
  let digits = 0,
    upper = 0,
    lower = 0,
    hex = true;
  for (let i = 0; i < len; i++) {
    const c = run.charCodeAt(i);
    if (c <= 57) digits++;
    else if (c <= 90) {
      upper++;
      if (c > 70) hex = false;
    } else {
      lower++;
      if (c > 102) hex = false;
    }
  }
  if (hex || digits < 3 || (upper < 2 && lower < 2) || (upper > 0 && lower > 0 ? false : digits < 6)) return false;
  if (entropy(run) < 4.3 || ALPHABET_RUN.test(run) || PUBLIC_NAME.test(run) || BITCOIN_SHAPE.test(run) || publicValue(text, s))
    return false;
  // A line of a base64 block (a certificate, a public key, MIME): its neighbours are lines like it.
  if (before === 10 || after === 10 || after === 13) {
    const ls = text.lastIndexOf('\n', s - 1) + 1;
    let le = text.indexOf('\n', e);
    if (le < 0) le = text.length;
    if (ls >= s - 8 && (le <= e + 8 || text.charCodeAt(e) === 13)) {
      const prev = ls > 0 ? text.slice(text.lastIndexOf('\n', ls - 2) + 1, ls - 1) : '';
      const next = le < text.length ? text.slice(le + 1, text.indexOf('\n', le + 1) < 0 ? text.length : text.indexOf('\n', le + 1)) : '';
      if (BASE64_LINE.test(prev.trim()) || BASE64_LINE.test(next.trim())) return false;
    }
  }
  return someRandomPart(run) && !wordLike(run);
}
const BASE64_LINE = /^[A-Za-z0-9+/]{40,}={0,2}$/;
// Bitcoin's shapes: decided by their checksums above (one that fails is a test's corrupted address).
const BITCOIN_SHAPE = /^(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}|(?:bc1|tb1)[02-9ac-hj-np-z]{11,71})$/;
/** Names that are public by design: C++ mangled symbols (`_ZN2v88internal…`), age recipients (public keys), IPFS content ids. */
export const PUBLIC_NAME = /^(?:_Z[A-Za-z0-9_]+|age1[02-9ac-hj-np-z]{58}|Qm[1-9A-HJ-NP-Za-km-z]{44}|baf[a-z2-7]{50,})$/;
// Character tables (`0123456789ABCDEFGHIJ…`, a base58 alphabet): no secret.
const ALPHABET_RUN = /abcdefgh|bcdefghj|ABCDEFGH|BCDEFGHJ|01234567|12345678|qwertyui/i;
// White space, quotes, brackets, commas and semicolons: a word's edges in code and prose (an XML
// element's text is read by literals.ts).
const BARE_EDGE = new Set([9, 10, 13, 32, 34, 39, 96, 40, 41, 91, 93, 123, 125, 44, 59]);

const CALLEE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

// The shapes national-ids.ts reads alone, loosely: a trailing full stop (the end of a sentence) may follow.
const ID_ALONE_SHAPE =
  /^(?:\d{8}[A-Z]|[XYZ]\d{7}[A-Z]|[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]|\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]|\d{3}\.\d{3}\.\d{3}-\d{2}|[A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d|756\.\d{4}\.\d{4}\.\d{2}|[STFGM]\d{7}[A-Z]|\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}|(?:20|23|24|27|30|33|34)-\d{8}-\d|\d{1,2}\.\d{3}\.\d{3}-[\dkK]|784-(?:19|20)\d\d-\d{7}-\d|\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}|\d{6}-[1-4]\d{6}|\d{6}[-+]\d{4}|[1-7]\d{4}-\d{7}-\d|\d{6}-\d{2}-\d{4}|\d{6}\/\d{4}|\d{3}\.\d{3}\.\d{3}-\d|\d{6}(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX])\.?$/;

function trimEnd(text: string, s: number, e: number): number {
  while (e > s && !isAlnum(text.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * A necessary condition for `randomPart` on some letter-and-digit part of `run` (8 or more
 * characters, a letter, and a digit or four case switches), without its word tests. Every value
 * `tokenLike` accepts has such a part, and so has every suffix of `run` it is asked about.
 */
function mayHoldRandomPart(run: string): boolean {
  // tokenLike takes a UUID before its part test: a run ending in one goes the whole way.
  if (run.length >= 36 && UUID.test(run.slice(-36))) return true;
  let len = 0,
    letter = false,
    digit = false,
    switches = 0,
    prev = 0;
  for (let i = 0; i <= run.length; i++) {
    const c = i < run.length ? run.charCodeAt(i) : 0;
    const cls = c >= 48 && c <= 57 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 97 && c <= 122 ? 3 : 0;
    if (cls === 0) {
      if (len >= 8 && letter && (digit || switches >= 4)) return true;
      len = 0;
      letter = false;
      digit = false;
      switches = 0;
      prev = 0;
      continue;
    }
    len++;
    if (cls === 1) digit = true;
    else {
      letter = true;
      if (prev !== 0 && prev !== 1 && prev !== cls) switches++;
    }
    prev = cls;
  }
  return false;
}

/** `lib/x86_64-linux/foo.so`, `github.com/acme/repo/commit/…`: two or more word segments between slashes. */
export function isPath(run: string): boolean {
  if (run.indexOf('/') < 0) return false;
  let words = 0;
  for (const seg of run.split('/'))
    if (seg.length >= 3 && seg.split(/[._-]/).every((p) => p === '' || wordLike(p)) && ++words >= 2) return true;
  return false;
}

/** A token in `run` (at `s`) after a cue before it on the line, or after a cue glued to its front. */
function tokenAfterCue(s: number, run: string, before: Cue): Finding | null {
  if ((before.strong || before.service || before.weak) && tokenLike(run, before)) return { kind: 'secret', start: s, end: s + run.length };
  // `bloggerSECRETkey-ab12…`, `dd-apikey-dd52…`, `cliengo-SECRET-<uuid>`: the cue is glued on.
  // The run's words between separators, read in place (1 to 12 separators).
  let seps = 0;
  for (let i = 0; i < run.length; i++) if (isGlue(run.charCodeAt(i)) && ++seps > 12) return null;
  if (seps === 0) return null;
  let cue: Cue = before;
  let wordStart = 0;
  let wordEnd = nextGlue(run, 0);
  while (wordEnd < run.length) {
    const offset = wordEnd + 1;
    const word = run.slice(wordStart, wordEnd);
    // Inside a run, `private`/`access` are no language keywords: `prospect-access-4d9f…`.
    const c = KEYWORDS.has(word) ? GLUED_KEYWORD : cueOf(word);
    if (c.blocked) return null;
    cue = { strong: cue.strong || c.strong, weak: cue.weak || c.weak, service: cue.service || c.service, blocked: false };
    const nextEnd = nextGlue(run, offset);
    if (cue.strong || cue.service) {
      // Further cue words belong to the name: `hellosign-PRIVATE-key-…`.
      if (nextEnd < run.length) {
        const next = cueOf(run.slice(offset, nextEnd));
        if ((next.strong || next.weak) && nextEnd - offset <= 12) {
          wordStart = offset;
          wordEnd = nextEnd;
          continue;
        }
      }
      const rest = run.slice(offset);
      return tokenLike(rest, cue) ? { kind: 'secret', start: s + offset, end: s + run.length } : null;
    }
    wordStart = offset;
    wordEnd = nextEnd;
  }
  return null;
}

const isGlue = (c: number): boolean => c === 45 /* - */ || c === 95 /* _ */ || c === 46 /* . */ || c === 61; /* = */

function nextGlue(run: string, from: number): number {
  let i = from;
  while (i < run.length && !isGlue(run.charCodeAt(i))) i++;
  return i;
}

/** The cue words among the last four words before `s` on its line (within WINDOW characters). */
const QUOTE_BEFORE = /["'`]/;
function cueBefore(text: string, s: number, most = 4): Cue {
  // A Go module's hash (`golang.org/x/oauth2 v0.23.0 h1:hjb0…=` of go.sum).
  if (text.charCodeAt(s - 1) === 58 && text.charCodeAt(s - 2) === 49 && text.charCodeAt(s - 3) === 104 && !isAlnum(text.charCodeAt(s - 4)))
    return HASH_BLOCKED;
  const lo = Math.max(0, s - WINDOW);
  let strong = false,
    weak = false,
    service = false;
  let k = s;
  for (let words = 0; words < most && k > lo;) {
    const c = text.charCodeAt(k - 1);
    if (c === 10) break;
    if (!isAlnum(c)) {
      k--;
      continue;
    }
    let a = k - 1;
    while (a > lo && isAlnum(text.charCodeAt(a - 1))) a--;
    // A word starts with a letter; `x86` in `x86_64` is read from its letter.
    let w = a;
    while (w < k && !isLetter(text.charCodeAt(w))) w++;
    if (w < k) {
      const cue = cueOf(text.slice(w, k));
      // The nearest word decides: a credential word closer to the token than a blocking word
      // (`String appId = "…"; String appSecret = "…"`) is not undone by it.
      if (cue === HASH_BLOCKED && (text.charCodeAt(k) === 95 || text.charCodeAt(k) === 45)) return cue; // `hashed_secret`
      if (cue.blocked) return strong || service ? { strong, weak, service, blocked: false } : cue;
      strong ||= cue.strong;
      weak ||= cue.weak;
      service ||= cue.service;
      words++;
    }
    k = a;
  }
  return strong || weak || service ? { strong, weak, service, blocked: false } : NO_CUE;
}

// A label or comment on the line above that names a credential (`Token:`, `# shared secret for
// the radius server`, `/** HMAC secret for signing URLs */`, `**API token** (rotate quarterly):`,
// `… fallback api key from config:`): it speaks of the value below it.
// A comment, a line that ends with a colon, or one that opens a block (`tokens {`, `[secrets]`).
const LABEL_LINE =
  /^[ \t]*(?:#|\/\/|\/\*|\*|;|--|<!--|>)|:[ \t]*(?:\*\/|-->|\*\*)?[ \t]*$|^[ \t]*(?:[\w.-]{1,40}[ \t]*\{|\[[\w. -]{1,40}\])[ \t]*\r?$/;
const LABEL_CUE =
  /(?:^|[^a-z])(?:(?:api|access|secret|private|auth|license|licence|signing|master|shared|account|app|client|service|deploy|bot)[ _-]?keys?|tokens?|secrets?|passwords?|passphrases?|passcodes?|credentials?)(?:[^a-z]|$)|(?:^|[^a-z])(?:the|a|your|our|my)[ \t]+key\b.*:[ \t]*$/i;
const LABEL_ABOVE: Cue = Object.freeze({ strong: true, weak: false, service: false, blocked: false });

/** Does nothing but closing quotes and punctuation follow `e` on its line? */
function endsLine(text: string, e: number): boolean {
  for (let i = e; i < text.length && i < e + 16; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9 && c !== 34 && c !== 39 && c !== 96 && c !== 59 && c !== 44) return false;
  }
  return e >= text.length || text.length - e < 16;
}

/** Is the nearest line above `s`'s line that is not blank (or a Markdown fence) a label or comment naming a credential? */
const LIST_ITEM = /^[ \t]*[-*•][ \t]+[\w .-]{1,30}:/;
// A key's assignment in a block (`  agent = "…"`): the block's other keys before it are passed too.
const BLOCK_KEY = /^[ \t]+[\w.-]{1,40}[ \t]*=[ \t]*["']?/;
function labelAbove(text: string, s: number): boolean {
  let k = s;
  const lo = Math.max(0, s - 256);
  while (k > lo && text.charCodeAt(k - 1) !== 10) k--;
  if (k === 0 || text.charCodeAt(k - 1) !== 10) return false;
  // Up to three lines back, past blank lines and fences; from an item of a list or a key of a block,
  // past the items or keys before it (`deploy tokens:` ⏎ `- netlify: nfp_…` ⏎ `- vercel: DJ0p…`,
  // `tokens {` ⏎ `  initial_management = "…"` ⏎ `  agent = "…"`).
  let end = k - 1;
  const head = text.slice(k, s);
  const item = LIST_ITEM.test(head) || BLOCK_KEY.test(head);
  for (let tries = 0; tries < (item ? 8 : 3) && end > 0; tries++) {
    let start = end;
    const floor = Math.max(0, end - 200);
    while (start > floor && text.charCodeAt(start - 1) !== 10) start--;
    if (start > floor || start === 0) {
      const line = text.slice(start, end).replace(/\r$/, '');
      if (item && (LIST_ITEM.test(line) || BLOCK_KEY.test(line))) {
        end = start - 1;
        continue;
      }
      if (line.trim() !== '' && !/^[ \t]*(?:```|~~~)/.test(line)) return LABEL_LINE.test(line) && LABEL_CUE.test(line);
    } else return false;
    end = start - 1;
  }
  return false;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const cueCache = new Map<string, Cue>();
const NO_CUE: Cue = Object.freeze({ strong: false, weak: false, service: false, blocked: false });
const BLOCKED: Cue = Object.freeze({ strong: false, weak: false, service: false, blocked: true });
const GLUED_KEYWORD: Cue = Object.freeze({ strong: true, weak: false, service: false, blocked: false });

/** What one identifier says: `bloggerSECRETkey` → service and strong cue; `sha256` → blocked. */
function cueOf(raw: string): Cue {
  // Long runs and runs with several digits are values, not names: they are never remembered, and
  // only a short one can be a blocking word (`sha256`).
  if (raw.length > 40 || digitCount(raw) >= 3) return raw.length <= MAX_NOT_SECRET && NOT_SECRET.has(raw.toLowerCase()) ? BLOCKED : NO_CUE;
  let c = cueCache.get(raw);
  if (c) return c;
  c = { strong: false, weak: false, service: false, blocked: false };
  const lower = raw.toLowerCase();
  const first = lower.charCodeAt(0);
  if (!(first >= 97 && first <= 122)) {
    remember(raw, c);
    return c;
  }
  // Every cue below needs one of its words inside the identifier: one regex test answers for
  // the many that hold none (random token parts), whose word split would cost ten times more.
  const services = serviceTables();
  if (!services.cueHint.test(raw)) {
    if (raw.length <= 20) remember(raw, c);
    return c;
  }
  if (!(KEYWORDS.has(raw) && raw === lower)) {
    for (const w of [lower, ...splitWords(raw)]) {
      const counter = trailingCounter(w);
      const word = counter > 0 && !services.names.has(w) ? w.slice(0, w.length - counter) : w;
      if (NOT_SECRET.has(word)) {
        // (A hash's word undoes the credential's in one name: `hashed_secret`, `token_sha256`; an id's
        // does not, `SUMO_ACCESS_ID` is half of a pair.)
        if (HASH_NAME.test(word)) c = HASH_BLOCKED;
        else c.blocked = true;
        break;
      }
      if (STRONG_EXACT.has(word) || endsWithStrongCue(word)) c.strong = true;
      else if (WEAK_CUES.has(word) || (word.length > 3 && word.endsWith('key') && !word.endsWith('monkey'))) c.weak = true;
      if (!c.service) c.service = hasServicePrefix(word, services);
    }
  }
  remember(raw, c);
  return c;
}

const HASH_BLOCKED: Cue = Object.freeze({ strong: false, weak: false, service: false, blocked: true });
const HASH_NAME = /^(?:hash(?:ed|es)?|sha\d*|md5|digest|checksum|integrity)$/;
const MAX_NOT_SECRET = [...NOT_SECRET].reduce((n, w) => Math.max(n, w.length), 0);

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function remember(raw: string, c: Cue): void {
  if (cueCache.size > 20_000) cueCache.clear();
  cueCache.set(raw, c);
}

// The strong cues by their last character: a word is, or ends with, one of them.
const STRONG_BY_LAST = new Map<number, string[]>();
for (const q of STRONG_CUES) {
  const last = q.charCodeAt(q.length - 1);
  const list = STRONG_BY_LAST.get(last);
  if (list) list.push(q);
  else STRONG_BY_LAST.set(last, [q]);
}

function endsWithStrongCue(word: string): boolean {
  const list = STRONG_BY_LAST.get(word.charCodeAt(word.length - 1));
  if (list === undefined) return false;
  for (const q of list) if (word === q || (word.length > q.length && word.endsWith(q))) return true;
  return false;
}

/** `/^[a-z]+\d{1,2}$/`: the number of trailing digits of a lowercase word with a counter (`token2`), else 0. */
function trailingCounter(w: string): number {
  let e = w.length;
  while (e > 0 && w.charCodeAt(e - 1) >= 48 && w.charCodeAt(e - 1) <= 57) e--;
  const digits = w.length - e;
  if (digits < 1 || digits > 2 || e === 0) return 0;
  for (let i = 0; i < e; i++) {
    const c = w.charCodeAt(i);
    if (c < 97 || c > 122) return 0;
  }
  return digits;
}

function hasServicePrefix(w: string, t: ServiceTables): boolean {
  if (t.names.has(w)) return true;
  if (w.length <= 4 || !t.heads.has(w.slice(0, 4))) return false;
  for (let k = 4; k < w.length && k <= t.longest; k++) if (t.names.has(w.slice(0, k))) return true;
  return false;
}

/** Does `v` look like a generated credential, given how strong the cue before it is? */
function tokenLike(v: string, cue: Cue): boolean {
  const strong = cue.strong || cue.service;
  const minLen = cue.strong || (cue.service && cue.weak) ? 12 : cue.service ? 16 : 20;
  if (v.length < minLen || v.length > MAX_TOKEN) return false;
  const k = classes(v);
  if (k.lower + k.upper === 0) return false; // numbers, dates, phone numbers
  if (k.digit === 0 && (v.length < 20 || k.lower === 0 || k.upper === 0)) return false;
  if (!strong && (k.digit === 0 || k.lower + k.upper < 4)) return false;
  if (v.length === 36 && UUID.test(v)) return strong;
  // Twilio's resources' ids (a message's `SM…`, a call's `CA…`): identifiers, not its account's or keys'.
  // (The run may still hold its name glued on with `=`: `MessageSid=SM…`.)
  if (v.length >= 34 && TWILIO_RESOURCE_SID.test(v.slice(v.lastIndexOf('=') + 1))) return false;
  const h = entropyAndDistinct(v, DISTINCT);
  if (DISTINCT.n < Math.min(10, Math.ceil(v.length / 3))) return false;
  // Hex digits carry at most 4 bits each: a random hex string of 40 measures about 3.7, below the
  // bar for mixed alphabets, so hex is held to a bar of its own.
  const hex = k.upper + k.lower > 0 && k.other === 0 && isHex(v);
  const bar = hex ? (v.length < 24 ? 2.9 : 3.2) : v.length < 16 ? 3.0 : v.length < 24 ? 3.3 : v.length < 40 ? 3.5 : 3.7;
  if (h < bar + (strong ? 0 : 0.2)) return false;
  // (A file name and a version need a character that is neither a letter nor a digit.)
  if (isPlaceholder(v) || isTrivialSequence(v) || (k.other > 0 && FILE_LIKE.test(v))) return false;
  if (k.other > 0 && /^v?\d+(?:[.\-:/]\d+)+(?:[-+][\w.]+)?$/i.test(v)) return false; // versions, dates, times
  // Identifiers, member paths, file paths, kebab-case names (`k8s.persistentvolume.label`): a
  // token has at least one long part with letters that is not a word.
  return k.other === 0 ? randomPart(v) : someRandomPart(v);
}

const TWILIO_RESOURCE_SID =
  /^(?:SM|MM|CA|PN|RE|QU|MG|CF|FW|WS|IS|VA|CH|US|MB|KS|NO|RM|HS|BU|FN|DN|ZH|AP|TR|CN|IM|EX|WW|UT|TK|QC|RL)[0-9a-f]{32}$/;
const DISTINCT = { n: 0 };

/** `v.split(/[^A-Za-z0-9]+/).some(randomPart)`, without the regex and the array. */
export function someRandomPart(v: string): boolean {
  let start = 0;
  for (let i = 0; i <= v.length; i++) {
    if (i < v.length && isAlnum(v.charCodeAt(i))) continue;
    if (i - start >= 8 && randomPart(v.slice(start, i))) return true;
    start = i + 1;
  }
  return false;
}

/** A part of a token that is random: letters with digits or many case switches, and not words. */
export function randomPart(p: string): boolean {
  if (p.length < 8) return false;
  // Letters, digits, case switches and class changes in one loop.
  let letters = 0,
    digits = 0,
    switches = 0,
    changes = 0,
    hasLower = false,
    hasUpper = false;
  let prev = classOf(p.charCodeAt(0));
  for (let i = 0; i < p.length; i++) {
    const cls = classOf(p.charCodeAt(i));
    if (cls === 1) digits++;
    else if (cls !== 0) {
      letters++;
      if (cls === 3) hasLower = true;
      else hasUpper = true;
    }
    if (i > 0) {
      if (cls !== prev) changes++;
      if ((prev === 2 && cls === 3) || (prev === 3 && cls === 2)) switches++;
    }
    prev = cls;
  }
  if (letters === 0) return false;
  if (digits === 0 && !(hasLower && hasUpper && switches >= 4)) return false;
  // Generated strings change character class at about every other character; names do not
  // (`W3CTraceContextPropagator`: 6 changes in 25). Those need no word test.
  // Without digits the changes are case switches, which camelCase names of short words make
  // as often (`getTenantIdFromIdTokenClaims`): those go to the word test.
  if (changes >= 0.4 * p.length && digits > 0) return true;
  // Upper-case letters broken by three or more runs of digits (`M5E233CEU1YIMHFDUER3GMN9`): constant
  // names join their words with underscores, not digits.
  if (!hasLower && p.length >= 16 && digitRuns(p) >= 3) return true;
  return !wordLike(p) && !identifierLike(p);
}

function classChanges(p: string): number {
  let n = 0;
  for (let i = 1; i < p.length; i++) if (classOf(p.charCodeAt(i)) !== classOf(p.charCodeAt(i - 1))) n++;
  return n;
}

function digitRuns(p: string): number {
  let runs = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c >= 48 && c <= 57 && !(i > 0 && p.charCodeAt(i - 1) >= 48 && p.charCodeAt(i - 1) <= 57)) runs++;
  }
  return runs;
}

/** Only hexadecimal digits, one case. */
function isHex(v: string): boolean {
  return /^(?:[0-9a-f]+|[0-9A-F]+)$/.test(v);
}

function classOf(c: number): number {
  return c >= 48 && c <= 57 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 97 && c <= 122 ? 3 : 0;
}

/** Mostly made of real words: `W3CTraceContextPropagator`, `utf8ToBase64String`. */
export function identifierLike(p: string): boolean {
  let covered = 0;
  for (const w of splitWords(p)) if (w.length >= 4 && wordLike(w)) covered += w.length;
  return covered >= 0.7 * p.length;
}

// `odt_KTJl…`, `bkua_z1x2…`, `mdb_sa_sk_BdIX…`, `dp.st.dev.bAqh…`, `tkn.v1_LOO5…`: a short
// lowercase prefix of up to four parts, then a random body (base64 padding allowed).
const PREFIXED = /^[a-z][a-z0-9]{1,11}[._-](?:[a-z0-9]{1,10}[._-]){0,3}/;

const STRIPE_OBJECT = /^(?:ch|cus|pi|pm|in|sub|price|prod|evt|txn|re|po|tr|seti|src|card|ba|acct|si|ii|il|py|du|dp|cn|fee|ipi|pyr)_$/;
function prefixedToken(run: string, s: number): Finding | null {
  const p = PREFIXED.exec(run);
  if (!p) return null;
  const body = run.slice(p[0].length);
  if (body.length < 20 || !/^[A-Za-z0-9_-]+={0,2}$/.test(body)) return null;
  const k = classes(body);
  const mixed = k.upper > 0 && k.lower > 0 && k.digit > 0;
  // A dotted prefix is also how code reads a member (`exports.xorshift128plusFromState`): the
  // body must then be long and change class as generated strings do.
  if (p[0].includes('.') && (body.length < 32 || classChanges(body) < 0.3 * body.length)) return null;
  if (!mixed && !(k.digit > 0 && body.length >= 30)) return null;
  if (wordLike(body)) return null;
  if (entropy(body) < (mixed ? 4.0 : k.lower + k.upper > 0 && isHex(body) ? 3.3 : 4.2)) return null; // hex carries at most 4 bits a character
  if (NOT_SECRET.has(p[0].slice(0, -1).split(/[_-]/)[0])) return null; // sha256_…, id_…
  // Stripe's objects' ids (`ch_3prNsK8H…`, `cus_…`, `in_…`): 14 or 24 letters and digits after a prefix its keys never take.
  if (STRIPE_OBJECT.test(p[0]) && /^[A-Za-z0-9]{14,24}$/.test(body)) return null;
  if (encodedText(body)) return null;
  return { kind: 'prefixed-token', start: s, end: s + run.length };
}

/**
 * Base64 of readable text, from its start or after a short lead (`W0s` + `dnNjb2RlLXJlbW90ZQ==`
 * in a notebook cell's id, which encodes the scheme `vscode-remote`): a generated token decodes
 * to bytes, not to text, from any offset.
 */
function encodedText(body: string): boolean {
  const b64 = body.replace(/=+$/, '');
  for (let lead = 0; lead < 4; lead++) {
    const part = b64.slice(lead);
    if (part.length < 12) return false;
    const bytes = Buffer.from(part, /[-_]/.test(part) ? 'base64url' : 'base64');
    let printable = 0;
    for (const c of bytes) if ((c >= 32 && c < 127) || c === 9 || c === 10) printable++;
    if (printable >= 0.9 * bytes.length) return true;
  }
  return false;
}
const APPLE_APP_ID = /^[A-Z0-9]{10}\.[a-z][\w-]*(?:\.[A-Za-z][\w-]*)+$/;
