// Small character-level helpers shared by the rules. Everything here is O(length of input).

/** A list of words written as one string split at `|`: shorter in a bundle than a list of strings. */
export const wl = <T extends string = string>(s: string): T[] => s.split('|') as T[];

/** A finding: [start, end) in the input text, and what was found there. */
export interface Finding {
  kind: string;
  start: number;
  end: number;
}

export const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Characters that can appear inside an identifier-ish name (`api_key`, `x-api-key`, `db.pass`). */
export const isNameChar = (c: number): boolean => isAlnum(c) || c === 95 /* _ */ || c === 45 /* - */ || c === 46; /* . */

/** Shannon entropy in bits per character. */
const ENTROPY_COUNTS = new Int32Array(65536);
// n·log2(n) for the counts of strings up to 4,096 characters (the longest value any rule scores):
// H = log2(L) − Σ n·log2(n) / L needs one logarithm per string instead of one per distinct character.
const NLOGN = new Float64Array(4097);
for (let n = 2; n < NLOGN.length; n++) NLOGN[n] = n * Math.log2(n);

export function entropy(s: string): number {
  const len = s.length;
  if (len === 0) return 0;
  const counts = ENTROPY_COUNTS;
  for (let i = 0; i < len; i++) counts[s.charCodeAt(i)]++;
  if (len >= NLOGN.length) return entropyLong(s, counts);
  let sum = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    const n = counts[c];
    if (n === 0) continue;
    sum += NLOGN[n];
    counts[c] = 0; // each character counted once, and the table left clean
  }
  // The two forms differ in the last bits; a hair added keeps values that are exactly a threshold
  // (16 distinct characters: 4.0) on the side the per-character form put them.
  return Math.log2(len) - sum / len + 1e-10;
}

/** `entropy(s)`, with the number of distinct characters in `distinct.n` (one counting pass for both). */
export function entropyAndDistinct(s: string, distinct: { n: number }): number {
  const len = s.length;
  distinct.n = 0;
  if (len === 0) return 0;
  if (len >= NLOGN.length) {
    distinct.n = distinctChars(s);
    return entropy(s);
  }
  const counts = ENTROPY_COUNTS;
  for (let i = 0; i < len; i++) counts[s.charCodeAt(i)]++;
  let sum = 0,
    d = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    const n = counts[c];
    if (n === 0) continue;
    sum += NLOGN[n];
    d++;
    counts[c] = 0;
  }
  distinct.n = d;
  return Math.log2(len) - sum / len + 1e-10;
}

function entropyLong(s: string, counts: Int32Array): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const n = counts[c];
    if (n === 0) continue;
    const p = n / s.length;
    h -= p * Math.log2(p);
    counts[c] = 0;
  }
  return h;
}

const SEEN = new Uint8Array(65536);

export function distinctChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (SEEN[c] === 0) {
      SEEN[c] = 1;
      n++;
    }
  }
  for (let i = 0; i < s.length; i++) SEEN[s.charCodeAt(i)] = 0; // leave the table clean
  return n;
}

/** Counts of character classes in `s`. */
export function classes(s: string): { lower: number; upper: number; digit: number; other: number } {
  let lower = 0,
    upper = 0,
    digit = 0,
    other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) upper++;
    else if (c >= 48 && c <= 57) digit++;
    else other++;
  }
  return { lower, upper, digit, other };
}

// Words that mark a value as an example or a stand-in rather than a credential.
const PLACEHOLDER_WORDS =
  /(?:example|placeholder|changeme|change_me|change-me|dummy|redacted|your[_\-.]?(?:api|access|secret|own|app|auth|private|client|real|bot|token|key|pass|password|user|name)|insert[_-]?your|replace[_-]?(?:me|with|this)|put[_-]?your|enter[_-]?your|fixme|todo|lorem|sample|xxxx|\*\*\*|\.\.\.|…|<[A-Za-z_%'"][^<>$^~!#&*?={}]*>|^\$\{|\$\{[\w.:\-|'"[\]()?!/@,=+*%~]{1,200}\}|^\{\{(?:\s|$)|\{\{[^{}]{0,200}\}\}|^\$\(|\$\([^()]{0,200}\)|(?:^|[\\/;:=\s"'])%[A-Za-z_][\w.]*%|^\$[A-Za-z_](?![A-Za-z0-9-]*\$)|^@[A-Za-z_]+@$|^\{[A-Za-z_]+\}$|^\[[A-Za-z_ ]+\]$|^\((?:sensitive(?:[_ ]value)?|known[_ ]after[_ ]apply)\)$|^(?:env|file|fd):[A-Za-z0-9_/.~$]|^@Microsoft\.KeyVault\(|^\{\{resolve:(?:secretsmanager|ssm)|^arn:aws:(?:secretsmanager|ssm):|^op:\/\/|^ref\+[a-z]+:\/\/|process\.env|os\.environ|getenv|env\(|ENV\[|secrets\.|vars\.|^(?:null|none|nil|undefined|true|false|string|str|bool|required|optional|empty|secret|password|passwd|token|apikey|api_key|key|test|testing|foo|bar|baz|admin|pass|root|user|username|value|abc|abc123|abcdef|123456|12345678|123456789|1234567890|qwerty|letmein|mypassword|mysecret|mytoken|hunter2|s3cr3t|p@ssw0rd|password1|password123|secret123|default|none|n\/a|tbd|na|unset|notset|not-set|not_set)$)/i;

// In a value of letters, digits and `+/=_-` only (most tokens), PLACEHOLDER_WORDS can only match one
// of its words, each starting with one of these three letters (case-folded; a separator inside a
// word comes later), or the whole value is one of the listed stand-ins. Testing for them first
// spares the regex call on nearly every token.
const PLACEHOLDER_TRIGRAMS = new Uint8Array(26 * 26 * 26);
for (const w of wl('exa|pla|cha|dum|red|you|ins|rep|put|ent|fix|tod|lor|sam|xxx|get')) {
  PLACEHOLDER_TRIGRAMS[((w.charCodeAt(0) - 97) * 26 + w.charCodeAt(1) - 97) * 26 + w.charCodeAt(2) - 97] = 1;
}
const PLACEHOLDER_VALUES = new Set(
  `
    null none nil undefined true false string str bool required optional empty secret password
    passwd token apikey key test testing foo bar baz admin pass root user username value abc abc123
    abcdef 123456 12345678 123456789 1234567890 qwerty letmein mypassword mysecret mytoken hunter2
    s3cr3t password1 password123 secret123 default tbd na n/a api_key unset notset not-set not_set
  `
    .trim()
    .split(/\s+/),
);

const letterIndex = (c: number): number => (c >= 97 && c <= 122 ? c - 97 : c >= 65 && c <= 90 ? c - 65 : -1);

/**
 * For a value of letters, digits and `+/=_-` only: could PLACEHOLDER_WORDS match it? 0: only as a
 * whole-value stand-in; 1: maybe; −1: it has other characters (the regex decides).
 */
function alnumPlaceholderHint(value: string): number {
  let a = -1,
    b = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const l = letterIndex(c);
    if (l < 0 && !((c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61 || c === 95 || c === 45)) return -1;
    if (a >= 0 && b >= 0 && l >= 0 && PLACEHOLDER_TRIGRAMS[(a * 26 + b) * 26 + l] === 1) return 1;
    a = b;
    b = l;
  }
  return 0;
}

/** True for values that are obviously not real credentials: templates, env lookups, examples. */
/**
 * The line before offset `s`, back to its start or at most `max` characters: what a rule reads
 * about the command an option belongs to. Bounded, so a text of one long line stays linear.
 */
export function lineBefore(text: string, s: number, max = 256): string {
  let k = s;
  const lo = Math.max(0, s - max);
  while (k > lo && text.charCodeAt(k - 1) !== 10 && text.charCodeAt(k - 1) !== 13) k--;
  return text.slice(k, s);
}

const PUBLIC_KEY_DER_B64 =
  /^(?:MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA|MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEA|MIIBojANBgkqhkiG9w0BAQEFAAOCAY8AMIIBigKCAYEA|MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ|MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE|MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE|MCowBQYDK2VwAyEA)/;
const CERTIFICATE_B64 = /^LS0tLS1CRUdJTi(?:BDRVJUSUZJQ0FURS|BQVUJMSUMgS0VZ|BYNTA5IENSTC)/;
// Words a decoded object's keys or values hold when it carries a credential or a person's data.
const ENCODED_SENSITIVE = /pass|secret|token|key|auth|cred|priv|sess|cookie|sig|cert|user|name|mail|phone|addr|account|login|@/i;
/** Whether base64 `v` decodes to a JSON object of settings alone: no word a credential or a person's data would hold. */
export function encodedSettings(v: string): boolean {
  if (v.length > 4000) return false;
  const json = Buffer.from(v, 'base64').toString('utf8');
  if (!json.startsWith('{"') || json.includes('\ufffd')) return false;
  try {
    JSON.parse(json);
  } catch {
    return false;
  }
  // (Nor one holding a random string of its own, whatever its keys: cloudflared's `{"a":…,"t":…,"s":"Ul7L…="}`.)
  return !ENCODED_SENSITIVE.test(json) && !/"[A-Za-z0-9+/=_-]{32,}"/.test(json);
}

const SECRET_REFERENCE = /^(?:credentialsJSON:[\w-]+$|vault:[\w-]+\/|op:\/\/|ref\+[a-z0-9]+:\/\/|(?:sm|gcpsm|azkv|akv|awssm|ssm|bws):\/\/)/;
export function isPlaceholder(value: string): boolean {
  if (value.length === 0) return true;
  // A man page's placeholder in italics or bold (`\fITOKEN\fR`): the word it shows.
  // (Only when a font escape was taken away: `\from=…` holds none, and is read as it is.)
  if (value.startsWith('\\f')) {
    const shown = value.replace(/\\f(?:[BIRP]|\(\w\w)/g, '');
    if (shown !== value) return isPlaceholder(shown);
  }
  if (value.startsWith('<REDACTED:')) return true;
  if (value.startsWith('eyJ') && encodedSettings(value)) return true;
  // A reference a secrets manager resolves (`vault:secret/data/sms#api_key`, `op://vault/item/field`, `ref+awssecrets://…`).
  if (SECRET_REFERENCE.test(value)) return true;
  // An SSH public key's blob (`AAAAC3NzaC1lZDI1NTE5…`, `AAAAB3NzaC1yc2E…`): published, not a credential.
  if (value.startsWith('AAAA') && /^AAAA(?:B3NzaC1|C3NzaC1|E2VjZHNh|GnNrLX|InNrLW)/.test(value)) return true;
  // A certificate or public key in PEM, base64-encoded again (Kubernetes' `caBundle`, `tls.crt`), with no private key after it.
  if (
    value.startsWith('LS0tLS1CRUdJTi') &&
    CERTIFICATE_B64.test(value) &&
    !Buffer.from(value, 'base64').toString('latin1').includes('PRIVATE')
  )
    return true;
  // A public key in DER, base64 (a browser extension's manifest `key`, a JWKS's `x5c` sibling):
  // RSA of 1024 to 4096 bits, EC P-256 and P-384, Ed25519.
  if (value.startsWith('M') && PUBLIC_KEY_DER_B64.test(value)) return true;
  const hint = alnumPlaceholderHint(value);
  if (hint === 0 ? value.length <= 11 && PLACEHOLDER_VALUES.has(value.toLowerCase()) : PLACEHOLDER_WORDS.test(value)) return true;
  // One character repeated (xxxxxxxx, 00000000, ********), or a run of x/X/0 making up most of it.
  const first = value[0];
  let same = 0,
    xs = 0;
  for (const ch of value) {
    if (ch === first) same++;
    if (ch === 'x' || ch === 'X' || ch === '*' || ch === '#' || ch === '.') xs++;
  }
  if (same === value.length) return true;
  if (value.length >= 8 && xs / value.length > 0.6) return true;
  // A provider's prefix before one character repeated (`npm_0000…`, `sk_live_0000…`): a fixture's fake.
  return value.length >= 12 && PREFIXED_FILLER.test(value);
}
const PREFIXED_FILLER = /^[A-Za-z]{2,12}[_-](?:[A-Za-z]{2,8}[_-])?([A-Za-z0-9])\1{7,}$/;

/** Sequential or keyboard runs that stand in for a value (abcdef..., 123456...). */
export function isTrivialSequence(value: string): boolean {
  if (value.length < 4 || value.length > 31) return false; // the longest run below is 31 characters
  const v = value.toLowerCase();
  return (
    v.length >= 4 &&
    ('abcdefghijklmnopqrstuvwxyz'.includes(v) || '0123456789012345678901234567890'.includes(v) || 'qwertyuiopasdfghjklzxcvbnm'.includes(v))
  );
}

/** Splits an identifier into lowercase words: `githubToken` → [github, token], `AWS_SECRET` → [aws, secret]. */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  let cur = '';
  const flush = (): void => {
    if (cur) {
      words.push(cur.toLowerCase());
      cur = '';
    }
  };
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    const c = name.charCodeAt(i);
    if (!isAlnum(c)) {
      flush();
      continue;
    }
    const isUp = c >= 65 && c <= 90;
    if (isUp && cur.length > 0) {
      const prev = name.charCodeAt(i - 1);
      const prevLower = (prev >= 97 && prev <= 122) || isDigit(prev);
      const next = i + 1 < name.length ? name.charCodeAt(i + 1) : 0;
      const nextLower = next >= 97 && next <= 122;
      const prevUpper = prev >= 65 && prev <= 90;
      // fooBar → foo|Bar ; HTTPServer → HTTP|Server
      if (prevLower || (prevUpper && nextLower)) flush();
    }
    cur += ch;
  }
  flush();
  return words;
}

/**
 * A small direct-mapped memory from strings to values: a repeated key costs one comparison, and
 * distinct keys overwrite slots, so a text of thousands of distinct values grows nothing (the
 * values remembered so far die young instead of filling a map that must be cleared).
 */
export class SlotMemo<V> {
  private readonly keys: string[];
  private readonly values: (V | undefined)[];
  private readonly mask: number;

  constructor(slots: number) {
    if ((slots & (slots - 1)) !== 0) throw new Error('slots must be a power of two');
    this.keys = new Array<string>(slots).fill('');
    this.values = new Array<V | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
  }

  get(key: string): V | undefined {
    const i = slotOf(key) & this.mask;
    return this.keys[i] === key ? this.values[i] : undefined;
  }

  set(key: string, value: V): void {
    const i = slotOf(key) & this.mask;
    this.keys[i] = key;
    this.values[i] = value;
  }
}

function slotOf(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  return (
    n * 31 +
    s.charCodeAt(0) * 7 +
    s.charCodeAt(n >> 2) * 17 +
    s.charCodeAt(n >> 1) * 131 +
    s.charCodeAt(n - 1) * 1031 +
    s.charCodeAt((3 * n) >> 2) * 8191
  );
}

/**
 * The spans earlier passes found, merged, each with the lowest priority among the findings it
 * joins: a later pass skips a candidate that lies wholly inside one, when what it would add
 * could change neither the redacted characters nor the kind named.
 */
/**
 * Thrown by a detector or the findings list when a text turns out to be a dump rather than code:
 * findings, or the names a detector weighs, packed far closer than in any ordinary text. The
 * engine then drops the text whole (index.ts).
 */
export class TooDense extends Error {}

/** Whether the running call drops dense texts (set by the engine at the start of each call; calls do not nest). */
/** A system's or a service's account, not a person's (`root`, `www-data`, `svc-backup`, `deploy-bot`). */
export const SYSTEM_ACCOUNT =
  /^(?:root|admin|administrator|ubuntu|ec2-user|centos|debian|fedora|pi|git|deploy|deployer|postgres|mysql|oracle|redis|nginx|apache|www-data|http|nobody|daemon|bin|sys|sync|mail|ftp|sshd|jenkins|gitlab-runner|runner|ansible|vagrant|docker|test|tester|guest|user|backup|operator|support|service|system|dev|developer|ops|monitor|nagios|zabbix|prometheus|grafana|elastic|kibana|hadoop|hdfs|spark|kafka|zookeeper|tomcat|jboss|weblogic|sa|dbadmin|webadmin|sysadmin|superuser|anonymous|unknown|invalid|ci|build|bot)$|^(?:svc|sa|srv|app|bot|ci|sys)[._-]|[._-](?:svc|bot|ci|sa|service|admin)$/;

export const denseGuard = { on: true };

/**
 * Counts the places a finder reads (its cue's matches): past `block` of them within `block` ×
 * `chars` characters the text is no document but a flood made to cost each reading, and the call
 * stops (TooDense: the caller drops the text whole, as it does for dense findings).
 */
export function cueFlood(block = 1024, chars = 32): (at: number) => void {
  let inBlock = 0,
    blockStart = 0;
  return (at: number): void => {
    if (inBlock++ === 0) blockStart = at;
    else if (inBlock === block) {
      if (at - blockStart < block * chars && denseGuard.on) throw new TooDense();
      inBlock = 0;
    }
  };
}

export class Covered {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly floors: Float64Array;
  private readonly n: number;

  constructor(findings: readonly Finding[], priority: (kind: string) => number) {
    const order = findings.map((_, i) => i);
    order.sort((a, b) => findings[a].start - findings[b].start);
    this.starts = new Int32Array(order.length);
    this.ends = new Int32Array(order.length);
    this.floors = new Float64Array(order.length);
    let n = 0;
    for (const i of order) {
      const f = findings[i];
      const p = priority(f.kind);
      if (n > 0 && f.start < this.ends[n - 1]) {
        if (f.end > this.ends[n - 1]) this.ends[n - 1] = f.end;
        if (p < this.floors[n - 1]) this.floors[n - 1] = p;
      } else {
        this.starts[n] = f.start;
        this.ends[n] = f.end;
        this.floors[n] = p;
        n++;
      }
    }
    this.n = n;
  }

  /** The lowest priority of the span holding all of [start, end), or -1 when none does. */
  floor(start: number, end: number): number {
    let lo = 0,
      hi = this.n - 1,
      at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at >= 0 && this.ends[at] >= end ? this.floors[at] : -1;
  }
}

const OCTETS = [0, 0, 0, 0];
const PUBLIC_RESOLVERS = new Set(wl('1.1.1.1|1.0.0.1|8.8.8.8|8.8.4.4|9.9.9.9|149.112.112.112|208.67.222.222'));

/**
 * An IPv4 address (dotted decimal, valid octets) that names no one: unspecified, loopback,
 * multicast, masks, link-local, the documentation blocks, network addresses, `1.0.0.1`-style
 * versions, public resolvers. (The IPv4 rule also keeps versions by the word before them; the
 * IPv6 rule asks this of the IPv4 address inside a mapped one.)
 */
export function reservedIpv4(ip: string): boolean {
  const o = OCTETS;
  o[0] = o[1] = o[2] = o[3] = 0;
  for (let i = 0, k = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) k++;
    else o[k] = o[k] * 10 + c - 48;
  }
  if (o[0] === 0 || o[0] === 127 || o[0] >= 224 || o[0] === 255) return true; // unspecified, loopback, multicast, masks
  if (o[0] === 169 && o[1] === 254) return true; // link-local
  if (
    (o[0] === 192 && o[1] === 0 && o[2] === 2) ||
    (o[0] === 198 && o[1] === 51 && o[2] === 100) ||
    (o[0] === 203 && o[1] === 0 && o[2] === 113)
  )
    return true; // documentation
  // network addresses, 1.0.0.1-style versions (10.0.0.1 is the private address, not a version)
  if (o[3] === 0 || (o[1] === 0 && o[2] === 0 && o[3] === 1 && o[0] !== 10)) return true;
  return PUBLIC_RESOLVERS.has(ip); // public resolvers
}

// The key a value is given to, at the end of the text before it on its line (`PublicKey = `, `"n": "`).
const KEY_BEFORE = /([A-Za-z_][\w.-]{0,63})["']?[ \t]*[:=][ \t]*["']?$/;
const PUBLIC_KEY_NAME = /^(?:[\w.-]*[_.-])?(?:public|pub)[_-]?key(?:[_.-][\w.-]*)?$|^(?:[\w.-]*[_.-])?publickey|^pubkey/i;
const JWK_PRIVATE = /"(?:d|p|q|dp|dq|qi|k|oth)"[ \t]*:/;

/**
 * A value given to a key that says it is public (`PublicKey = …` of WireGuard, `public_key:`), or a
 * public member of a JSON Web Key (`"n"`, `"e"`, `"x"`, `"y"`) in a text that holds no private one,
 * or a mail's DKIM or ARC signature: published on purpose.
 */
export function publicValue(text: string, start: number): boolean {
  const key = KEY_BEFORE.exec(lineBefore(text, start, 128));
  if (key === null) return false;
  if (PUBLIC_KEY_NAME.test(key[1])) return true;
  // A mail's signature and its body's hash (`DKIM-Signature: … b=…; bh=…`, `ARC-Seal`): published with the mail.
  if ((key[1] === 'b' || key[1] === 'bh') && /DKIM-Signature|ARC-Seal|ARC-Message-Signature/.test(text)) return true;
  return /^[nexy]$/.test(key[1]) && text.includes('"kty"') && !JWK_PRIVATE.test(text);
}

/** A team's or a service's mailbox (`info@`, `noreply@`, `notifications@`): an organisation's, and so is the name shown with it. */
export const ROLE_MAILBOX =
  /^(?:info|support|help|helpdesk|hello|contact|sales|billing|accounts|admin|root|postmaster|hostmaster|webmaster|abuse|security|privacy|legal|noreply|no-reply|donotreply|mailer|mailer-daemon|notifications?|alerts?|team|office|hr|jobs|careers|press|media|marketing|news|newsletter|feedback|bugs?|dev|devops|ops|it)@/i;

/** A column of phone numbers as tables in other scripts head it (`携帯電話`, `연락처`, `טלפון`, `เบอร์โทร`). */
export const SCRIPT_PHONE_WORDS =
  '電話番号|携帯電話|携帯番号|携帯|電話|連絡先|电话号码|联系电话|电话|手机号码?|手機(?:號碼)?|電話號碼|전화번호|전화|휴대폰(?:[ _-]?번호)?|휴대전화|연락처|טלפון(?:[ _-]נייד)?|נייד|رقم[ _-]الهاتف|الهاتف|هاتف|الجوال|جوال|โทรศัพท์|เบอร์โทร(?:ศัพท์)?|मोबाइल|फ़ोन|फोन';
/** Columns of names and addresses as tables in other scripts head them (fields.ts reads their cells). */
export const SCRIPT_PERSONAL_WORDS =
  "氏名(?:カナ|ローマ字)?|お名前|名前|フリガナ|ふりがな|中文姓名|英文姓名|姓名|이름|성명|име[ _-]и[ _-]фамилия|имя[ _-]и[ _-]фамилия|ім'я|прізвище|שם[ _-]מלא|שם[ _-]פרטי|שם[ _-]משפחה|الاسم(?:[ _-]الكامل)?|ชื่อ(?:-นามสกุล|[ _-]นามสกุล)?|นามสกุล|नाम|住所|地址|住址|주소|адрес|адреса|διεύθυνση|כתובת|العنوان|ที่อยู่|पता";
