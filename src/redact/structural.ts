// Secrets recognised by their surroundings rather than their own shape: private-key blocks,
// credentials inside URLs and connection strings, query parameters, `Bearer …`, bare
// key-material lines. (Command-line user and password flags are in commands.ts.)
import { classes, distinctChars, entropy, isPlaceholder, SYSTEM_ACCOUNT, wl, type Finding } from './text';
import { valueLooksSecret, wordLike } from './keyword';

// PEM and PGP private keys, OpenVPN static keys, and SSH2 (RFC 4716) private keys (`---- BEGIN … ----`).
const PEM_BEGIN =
  /-----BEGIN(?:[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?| OpenVPN Static key V\d)-----|---- BEGIN SSH2[ A-Z0-9_-]{0,30}PRIVATE KEY ----/g;
const PEM_END =
  /-----END(?:[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?| OpenVPN Static key V\d)-----|---- END SSH2[ A-Z0-9_-]{0,30}PRIVATE KEY ----/;
// Body lines of a block: base64 possibly wrapped in quotes, `\n`, `+` or commas, and armour headers.
const PEM_BODY_LINE = /^[\s"'`]*(?:[A-Za-z0-9+/=]{1,200}|Proc-Type:.*|DEK-Info:.*|Comment:.*|Version:.*|)(?:\\n|\\r\\n)?[\s"'`,+;\\]*$/;
const MAX_BLOCK_LINES = 400;

/**
 * Private-key blocks. On the BEGIN line, everything after the marker up to an END marker on
 * the same line (keys inside JSON strings) or the end of the line goes. Following lines that
 * look like key body are redacted whole, up to the END line.
 */
export function findPrivateKeys(text: string, out: Finding[]): void {
  PEM_BEGIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  let skipTo = 0;
  while ((m = PEM_BEGIN.exec(text)) !== null) {
    if (m.index < skipTo) continue;
    const afterBegin = m.index + m[0].length;
    let lineEnd = text.indexOf('\n', afterBegin);
    if (lineEnd === -1) lineEnd = text.length;
    const rest = text.slice(afterBegin, lineEnd);
    const endOnLine = PEM_END.exec(rest);
    const sameLineEnd = endOnLine ? afterBegin + endOnLine.index : lineEnd;
    const inner = text.slice(afterBegin, sameLineEnd);
    if (sameLineEnd > afterBegin && /[A-Za-z0-9+/]{8}/.test(inner) && !/^<REDACTED:[^>]*>$/.test(inner)) {
      out.push({ kind: 'private-key', start: afterBegin, end: sameLineEnd });
    }
    if (endOnLine) {
      PEM_BEGIN.lastIndex = sameLineEnd;
      continue;
    }
    // Multi-line block: redact each body line up to END (or until a line stops looking like body).
    // What stands before the BEGIN marker on its line (a log's time stamp, `# `, `> `) may stand
    // before each line of the block: a prefix of the same shape is read past (`2026-09-30T11:02:44Z `).
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const prefix = text.slice(lineStart, m.index);
    const prefixShape = prefix.trim() !== '' && prefix.length <= 60 ? shapeOf(prefix) : '';
    let pos = lineEnd + 1;
    for (let k = 0; k < MAX_BLOCK_LINES && pos < text.length; k++) {
      let e = text.indexOf('\n', pos);
      if (e === -1) e = text.length;
      if (prefixShape !== '' && e - pos > prefix.length && shapeOf(text.slice(pos, pos + prefix.length)) === prefixShape)
        pos += prefix.length;
      const line = text.slice(pos, e);
      const endM = PEM_END.exec(line);
      if (endM) {
        if (endM.index > 0 && /[A-Za-z0-9+/]{4}/.test(line.slice(0, endM.index)))
          out.push({ kind: 'private-key', start: pos, end: pos + endM.index });
        pos = e + 1;
        break;
      }
      if (!PEM_BODY_LINE.test(line)) break;
      let s = 0;
      while (s < line.length && /\s/.test(line[s])) s++;
      let t = line.length;
      while (t > s && /\s/.test(line[t - 1])) t--;
      if (t > s) out.push({ kind: 'private-key', start: pos + s, end: pos + t });
      pos = e + 1;
    }
    skipTo = pos;
    PEM_BEGIN.lastIndex = Math.max(PEM_BEGIN.lastIndex, Math.min(pos, text.length));
  }
}

/** A prefix's shape: digits as `9`, letters as `a`, the rest as written. */
function shapeOf(s: string): string {
  return s.replace(/\d/g, '9').replace(/[A-Za-z]/g, 'a');
}

// A line that is nothing but a long run of base64 (key material seen without its BEGIN line,
// e.g. when only part of a file is re-redacted). Quoted strings are left to other rules.
const KEY_LINE = /^[ \t]*([A-Za-z0-9+/]{40,120}={0,2})[ \t]*$/gm;

// The BEGIN line of a block that is no secret: a public key, a certificate, a request for one
// (anywhere on its line: ``const IDP_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----``; a commit's `gpgsig -----BEGIN SSH SIGNATURE-----`).
const PUBLIC_BEGIN =
  /-----BEGIN (?:(?:RSA |EC |SSH2 |OPENSSH )?PUBLIC KEY|(?:TRUSTED |X509 )?CERTIFICATE(?: REQUEST)?|NEW CERTIFICATE REQUEST|X509 CRL|PGP PUBLIC KEY BLOCK|PGP SIGNATURE|SSH SIGNATURE|PGP MESSAGE)-----/;

const PUBLIC_KEY_INFO =
  /^(?:MCowBQYDK2V[uw]AyEA|MFkwEwYHKoZIzj0CAQYI|MHYwEAYHKoZIzj0CAQYFK4EEACI|MIIBIjANBgkqhkiG9w0BAQEFAAOC|MIICIjANBgkqhkiG9w0BAQEFAAOC|MIGfMA0GCSqGSIb3DQEBAQUAA4GN)/;

export function findKeyMaterialLines(text: string, out: Finding[]): void {
  KEY_LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  // Lines read in order: a run of them under a public block's BEGIN line stays (the run's verdict
  // is carried from line to line, so a long block costs one look back).
  let runEnd = -2,
    runPublic = false;
  while ((m = KEY_LINE.exec(text)) !== null) {
    const lineStart = m.index;
    const lineEnd = m.index + m[0].length;
    if (lineStart !== runEnd + 1) {
      // The line above, past an armor's header lines and the blank line after them (`Hash: SHA256`).
      runPublic = false;
      let end = lineStart - 1;
      for (let up = 0; up < 6 && end > 0; up++) {
        const prevStart = text.lastIndexOf('\n', end - 1) + 1;
        const prev = text.slice(prevStart, end);
        if (PUBLIC_BEGIN.test(prev)) {
          runPublic = true;
          break;
        }
        if (prev.trim() !== '' && !/^[A-Za-z][A-Za-z-]{1,30}: /.test(prev)) break;
        end = prevStart - 1;
      }
    }
    runEnd = lineEnd;
    if (runPublic) continue;
    const v = m[1];
    // A public key's DER in base64 on its own (X25519, Ed25519, P-256, P-384, RSA's SubjectPublicKeyInfo).
    if (PUBLIC_KEY_INFO.test(v)) continue;
    const k = classes(v);
    if (k.digit === 0 || k.upper === 0 || k.lower === 0) continue;
    if (entropy(v) < 4.5) continue;
    const start = m.index + m[0].indexOf(v);
    out.push({ kind: 'private-key', start, end: start + v.length });
  }
}

// scheme://user:password@host — the password goes (the user may be caught as an email). A
// password may hold `@`: the host starts after the last `@` before the path. The user may be an
// email address left unencoded (`smtp://postmaster@mg.example.app:…@smtp.mailgun.org`).
const URL_CRED =
  /:\/\/((?:[^\s:@/'"<>`]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}|[^\s:@/'"<>`]{0,128})):([^\s@/'"<>`]{1,256}(?:@[^\s@/'"<>`]{1,256}){0,4})@(?=[\w[-])/g;
// Credentials in connection strings that are not URLs: `jdbc:oracle:thin:scott/tiger@//host`,
// Go's `user:pass@tcp(host:3306)/db`.
// (The password may be quoted: `hr_batch/"KxOG#9"@//host`.)
const ORACLE_THIN = /\bjdbc:oracle:[a-z0-9]{1,10}:([^\s/:@'"`]{1,64})\/["']?([^\s@'"`]{1,128})["']?@/gi;
const GO_DSN = /(?<![\w.-])([\w.-]{1,64}):([^\s@'"`]{1,128})@(?:tcp|udp|unix)\(/g;

/** `oracle`: the text holds `jdbc:oracle` (any case); `goDsn`: it holds `@tcp(`, `@udp(` or `@unix(`. */
export function findConnectionCredentials(text: string, oracle: boolean, goDsn: boolean, out: Finding[]): void {
  for (const re of [ORACLE_THIN, GO_DSN]) {
    if (re === ORACLE_THIN ? !oracle : !goDsn) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const pass = m[2];
      if (isPlaceholder(pass) || /^[$%{<]/.test(pass)) continue;
      const start = m.index + m[0].lastIndexOf(pass);
      out.push({ kind: 'url-credentials', start, end: start + pass.length });
    }
  }
}

const URL_LOGIN = /^[a-z][a-z0-9._-]{2,38}$/i;
// Schemes of databases and brokers, whose URL's path names a database, a virtual host or an index.
const DATABASE_SCHEME =
  /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|oracle|db2|clickhouse|cockroachdb|couchdb|cassandra|neo4j|bolt|influxdb|elasticsearch|memcached|nats|mqtts?|kafka|snowflake|presto|trino|hive|sqlite)(?![a-z])/i;
const URL_END = new Set([32, 9, 10, 13, 34, 39, 60, 62, 96, 41]);
// Users a service's tokens go with, not people: `x-access-token:…@github.com`, `oauth2:…@gitlab…`.
const TOKEN_USERS = new Set(
  wl(
    'git|oauth2|oauth|x-access-token|x-oauth-basic|token|gitlab-ci-token|x-token-auth|pat|apikey|api|user|username|anonymous|ci|bot|deploy',
  ),
);

/** A password with a letter and a digit or symbol, eight characters or more: no `abc:xyz` stand-in. */
const looksChosen = (p: string): boolean =>
  p.length >= 8 && /[A-Za-z]/.test(p) && /[^A-Za-z]/.test(p) && !/^(?:[a-z]+\d{0,3}|\d+)$/.test(p);

export function findUrlCredentials(text: string, out: Finding[]): void {
  URL_CRED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_CRED.exec(text)) !== null) {
    const pass = m[2];
    const schemeStart = m.index;
    if (!/[A-Za-z][A-Za-z0-9+.-]{0,30}$/.test(text.slice(Math.max(0, schemeStart - 31), schemeStart))) continue;
    if (isPlaceholder(pass) || /^(?:pass|password|pwd|secret|passwd|\*+|x+)$/i.test(pass) || /^[:$%{<]/.test(pass)) continue;
    // A tool's default, its user's name again (`postgres:postgres`, `guest:guest`): no secret of anyone's.
    if (pass === m[1] && /^[a-z]{2,12}$/.test(pass)) continue;
    // Documentation URLs (`https://abc:xyz@example.com`) keep their stand-ins, but a password that
    // looks chosen goes whatever the host: a host is often made anonymous and its password left.
    // A password for `localhost` is still a password (a local database's is often the one used elsewhere).
    const host = text.slice(m.index + m[0].length, m.index + m[0].length + 64);
    if (/^(?:[\w-]+\.)*(?:example\.(?:com|org|net)|example|test|invalid)(?![\w.-])/i.test(host) && !looksChosen(pass)) continue;
    // The user name goes too: it is often a token or an account name.
    const start = m.index + 3;
    out.push({ kind: 'url-credentials', start, end: start + m[1].length + 1 + pass.length });
    URL_CRED.lastIndex = start + m[1].length + 1 + pass.length;
    // …and a person's login again as a segment of the URL's path (`https://tomasz-w:…@github.com/tomasz-w/dotfiles.git`).
    // (A database's URL names the database in its path, often as its user: `postgres://app:…@db/app`;
    // a generated user is taken there too, `amqps://xkqvfjzh:…@…/xkqvfjzh`.)
    const user = m[1];
    const scheme = /[A-Za-z][A-Za-z0-9+.-]{0,30}$/.exec(text.slice(Math.max(0, schemeStart - 31), schemeStart))![0];
    if (
      URL_LOGIN.test(user) &&
      !SYSTEM_ACCOUNT.test(user) &&
      !TOKEN_USERS.has(user.toLowerCase()) &&
      !(DATABASE_SCHEME.test(scheme) && wordLike(user))
    ) {
      const from = m.index + m[0].length;
      let end = from;
      while (end < text.length && end - from < 300 && !URL_END.has(text.charCodeAt(end))) end++;
      const rest = text.slice(from, end);
      for (let k = rest.indexOf('/' + user); k >= 0; k = rest.indexOf('/' + user, k + 1)) {
        const after = rest.charCodeAt(k + 1 + user.length);
        if (k + 1 + user.length < rest.length && after !== 47 && after !== 46 && after !== 63 && after !== 35) continue; // / . ? #
        out.push({ kind: 'person-name', start: from + k + 1, end: from + k + 1 + user.length });
      }
    }
  }
  // A token as the user, with no password or an empty one (`https://hulcjrfr2qoqr7ivd30a:@gem.fury.io/…`,
  // `https://<token>@registry…`): sixteen characters or more, letters and digits, not a word.
  URL_TOKEN_USER.lastIndex = 0;
  while ((m = URL_TOKEN_USER.exec(text)) !== null) {
    const user = m[1];
    if (!/\d/.test(user) || !/[A-Za-z]/.test(user) || distinctChars(user) < 10 || isPlaceholder(user) || ascending(user)) continue;
    const start = m.index + 3;
    out.push({ kind: 'url-credentials', start, end: start + user.length });
  }
}
/** A documentation's stand-in counting up (`0123456789abcdef`): most characters follow the one before. */
function ascending(v: string): boolean {
  let n = 0;
  for (let i = 1; i < v.length; i++) if (v.charCodeAt(i) === v.charCodeAt(i - 1) + 1) n++;
  return n >= (v.length - 1) * 0.6;
}
const URL_TOKEN_USER = /:\/\/([A-Za-z0-9_-]{16,128}):?@(?=[\w[-])/g;

// `Bearer <token>` anywhere (headers built by string concatenation, logs, docs).
const BEARER = /\b(?:Bearer|bearer|BEARER)[ \t]+([A-Za-z0-9._~+/-]{16,4096}=*)/g;

export function findBearer(text: string, out: Finding[]): void {
  BEARER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BEARER.exec(text)) !== null) {
    const v = m[1];
    if (isPlaceholder(v) || distinctChars(v) < 6 || !valueLooksSecret(v, 'secret', true)) continue;
    const s = m.index + m[0].length - v.length;
    out.push({ kind: 'bearer-token', start: s, end: s + v.length });
  }
}
