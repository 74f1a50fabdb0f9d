// Secrets recognised by their surroundings rather than their own shape: private-key blocks,
// credentials inside URLs and connection strings, query parameters, `Bearer …`, bare
// key-material lines. (Command-line user and password flags are in commands.ts.)
import { classes, distinctChars, entropy, isPlaceholder, type Finding } from './text';
import { valueLooksSecret } from './keyword';

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
    let pos = lineEnd + 1;
    for (let k = 0; k < MAX_BLOCK_LINES && pos < text.length; k++) {
      let e = text.indexOf('\n', pos);
      if (e === -1) e = text.length;
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

// A line that is nothing but a long run of base64 (key material seen without its BEGIN line,
// e.g. when only part of a file is re-redacted). Quoted strings are left to other rules.
const KEY_LINE = /^[ \t]*([A-Za-z0-9+/]{40,120}={0,2})[ \t]*$/gm;

// The BEGIN line of a block that is no secret: a public key, a certificate, a request for one
// (anywhere on its line: ``const IDP_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----``).
const PUBLIC_BEGIN =
  /-----BEGIN (?:(?:RSA |EC |SSH2 |OPENSSH )?PUBLIC KEY|(?:TRUSTED |X509 )?CERTIFICATE(?: REQUEST)?|NEW CERTIFICATE REQUEST|X509 CRL|PGP PUBLIC KEY BLOCK|PGP SIGNATURE|PGP MESSAGE)-----/;

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
    const k = classes(v);
    if (k.digit === 0 || k.upper === 0 || k.lower === 0) continue;
    if (entropy(v) < 4.5) continue;
    const start = m.index + m[0].indexOf(v);
    out.push({ kind: 'private-key', start, end: start + v.length });
  }
}

// scheme://user:password@host — the password goes (the user may be caught as an email). A
// password may hold `@`: the host starts after the last `@` before the path.
const URL_CRED = /:\/\/([^\s:@/'"<>`]{0,128}):([^\s@/'"<>`]{1,256}(?:@[^\s@/'"<>`]{1,256}){0,4})@(?=[\w[-])/g;
// Credentials in connection strings that are not URLs: `jdbc:oracle:thin:scott/tiger@//host`,
// Go's `user:pass@tcp(host:3306)/db`.
const ORACLE_THIN = /\bjdbc:oracle:[a-z0-9]{1,10}:([^\s/:@'"`]{1,64})\/([^\s@'"`]{1,128})@/gi;
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
      const start = m.index + m[0].lastIndexOf(pass + '@');
      out.push({ kind: 'url-credentials', start, end: start + pass.length });
    }
  }
}

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
    // Documentation URLs (`https://abc:xyz@example.com`) keep their stand-ins, but a password that
    // looks chosen goes whatever the host: a host is often made anonymous and its password left.
    // A password for `localhost` is still a password (a local database's is often the one used elsewhere).
    const host = text.slice(m.index + m[0].length, m.index + m[0].length + 64);
    if (/^(?:[\w-]+\.)*(?:example\.(?:com|org|net)|example|test|invalid)(?![\w.-])/i.test(host) && !looksChosen(pass)) continue;
    // The user name goes too: it is often a token or an account name.
    const start = m.index + 3;
    out.push({ kind: 'url-credentials', start, end: start + m[1].length + 1 + pass.length });
    URL_CRED.lastIndex = start + m[1].length + 1 + pass.length;
  }
}

// Query parameters that carry credentials: ?sig=…, &access_token=…, &X-Amz-Signature=….
const QUERY_SECRET =
  /[?&;](?:sig|signature|x-amz-signature|x-amz-security-token|x-goog-signature|x-goog-credential|access_token|accesstoken|id_token|refresh_token|token|auth|auth_token|authtoken|api_key|apikey|api-key|key|client_secret|password|passwd|pwd|secret|code|sessionid|session_id|jwt)=([^&#\s"'<>`]{8,1024})/gi;

export function findQuerySecrets(text: string, out: Finding[]): void {
  QUERY_SECRET.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUERY_SECRET.exec(text)) !== null) {
    const v = m[1];
    if (isPlaceholder(v) || v.startsWith('<REDACTED:')) continue;
    if (!valueLooksSecret(decodeSafe(v), /pass|pwd/i.test(m[0]) ? 'password' : 'secret', true)) continue;
    const start = m.index + m[0].length - v.length;
    out.push({ kind: 'url-secret', start, end: start + v.length });
  }
}

function decodeSafe(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

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

// Kubernetes Secret manifests (`kind: Secret`, YAML): every value of a Secret's `data` (base64)
// and `stringData` maps is secret material whatever its key is called (`username: YWRtaW4=`,
// `dbconn: …`, `config.json: |`). JSON manifests are left to the other rules.
const SECRET_KIND = /^([ \t]*)(?:-[ \t]+)?kind:[ \t]*(["']?)Secret\2[ \t]*(?:#.*)?$/gm;
const SECRET_MAP = /^[ \t]*(?:data|stringData):[ \t]*(?:#.*)?$/;
const SECRET_ENTRY = /^([^\s:#][^:]*?):[ \t]+(.*?)[ \t]*$/;
const MAX_SECRET_LINES = 2_000;

/** The line at `i`: [start, end) without its line break, and the next line's start. */
function lineFrom(text: string, i: number): { start: number; end: number; next: number } {
  let e = i;
  while (e < text.length && text.charCodeAt(e) !== 10) e++;
  const end = e > i && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
  return { start: i, end, next: e + 1 };
}

function indentOf(line: string): number {
  let k = 0;
  while (k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
  return k;
}

/** A value that stands for one put in later (`{{ .Values.pw | b64enc }}`, `${DB_PASSWORD}`), not one. */
function templated(v: string): boolean {
  return v.includes('{{') || v.includes('${') || v.startsWith('<REDACTED:');
}

export function findKubernetesSecretData(text: string, out: Finding[]): void {
  SECRET_KIND.lastIndex = 0;
  let m: RegExpExecArray | null;
  let doneUntil = 0;
  while ((m = SECRET_KIND.exec(text)) !== null) {
    // The manifest's other top-level keys sit at the indent of `kind` (after a list dash).
    const keyIndent = m[0].indexOf('kind');
    // The document: back to its `---` (or the start, or the last document read), on to the next.
    let docStart = text.lastIndexOf('\n---', m.index);
    docStart = Math.max(docStart < 0 ? 0 : docStart + 1, doneUntil);
    let docEnd = text.indexOf('\n---', m.index);
    if (docEnd < 0) docEnd = text.length;
    readSecretMaps(text, docStart, docEnd, keyIndent, out);
    doneUntil = docEnd;
    SECRET_KIND.lastIndex = Math.max(SECRET_KIND.lastIndex, docEnd);
  }
}

/** The `data:` and `stringData:` maps at `keyIndent` in [from, to): each value, or each line of a block value. */
function readSecretMaps(text: string, from: number, to: number, keyIndent: number, out: Finding[]): void {
  let i = from;
  let lines = 0;
  while (i < to && lines++ < MAX_SECRET_LINES) {
    const l = lineFrom(text, i);
    i = l.next;
    const line = text.slice(l.start, l.end);
    if (indentOf(line) !== keyIndent || !SECRET_MAP.test(line)) continue;
    // The map's entries: lines deeper than its key, up to a line at its indent or shallower.
    let entryIndent = -1;
    let blockIndent = -1;
    while (i < to && lines++ < MAX_SECRET_LINES) {
      const e = lineFrom(text, i);
      const entry = text.slice(e.start, e.end);
      const ind = indentOf(entry);
      if (entry.trim() === '' || entry.trimStart().startsWith('#')) {
        i = e.next;
        continue;
      }
      if (ind <= keyIndent) break;
      i = e.next;
      if (blockIndent >= 0 && ind >= blockIndent) {
        // A line of a block value (`config.json: |`).
        const v = entry.slice(ind).trimEnd();
        if (!templated(v)) out.push({ kind: 'secret', start: e.start + ind, end: e.start + ind + v.length });
        continue;
      }
      blockIndent = -1;
      if (entryIndent < 0) entryIndent = ind;
      if (ind !== entryIndent) continue;
      const kv = SECRET_ENTRY.exec(entry.slice(ind));
      if (!kv) continue;
      let v = kv[2];
      let start = e.start + ind + kv[0].indexOf(v, kv[1].length + 1);
      if (/^[|>][-+]?[1-9]?$/.test(v)) {
        blockIndent = ind + 1;
        continue;
      }
      if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) {
        v = v.slice(1, -1);
        start++;
      }
      if (v && !templated(v)) out.push({ kind: 'secret', start, end: start + v.length });
    }
  }
}

// ---------- credentials written for a Basic Authorization header, and webhook paths ----------

// A user and password (or an API key and `X`) written as one literal and encoded for a Basic
// Authorization header: `btoa("user:pass")`, `Encoding.ASCII.GetBytes("key:X")`,
// `base64.b64encode(b"user:pass")`, `Base64.getEncoder().encodeToString("u:p".getBytes())`,
// `Buffer.from("u:p").toString("base64")`. The whole literal goes: in the API-key form the user
// is the key.
const ENCODED_BASIC =
  /(?:btoa|b64encode|base64_encode|base64encode|encode64|getbytes|encodetostring|buffer\.from)[ \t]*\([ \t]*[bu]?(["'`])([^"'`\s:/]{1,128}):([^"'`\s]{1,256})\1/gi;

/** Literals encoded for Basic authentication (the text holds one of the encoders' names). */
export function findEncodedBasicAuth(text: string, out: Finding[]): void {
  ENCODED_BASIC.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENCODED_BASIC.exec(text)) !== null) {
    const user = m[2],
      pass = m[3];
    if (pass.startsWith('//') || isPlaceholder(user + ':' + pass)) continue;
    // `Buffer.from("a:b")` is an encoding only when turned into base64.
    if (
      /^buffer/i.test(m[0]) &&
      !/^[ \t]*\)[ \t]*\.toString\([ \t]*["']base64/.test(text.slice(ENCODED_BASIC.lastIndex, ENCODED_BASIC.lastIndex + 40))
    )
      continue;
    // A password or a key: not a stand-in on both sides, something that could be chosen or generated.
    if ((isPlaceholder(pass) || pass.length < 4) && !(user.length >= 16 && valueLooksSecret(user, 'secret', true))) continue;
    const start = m.index + m[0].length - 1 - pass.length - 1 - user.length;
    out.push({ kind: 'basic-auth', start, end: start + user.length + 1 + pass.length });
  }
}

// A webhook or ingestion URL carries its secret in the path: `…/hooks/<token>`,
// `…/webhooks/<id>/<token>`, `…/inputs/<uuid>/tag/…` (Mattermost, Loggly, Zapier, IFTTT, …).
const WEBHOOK_PATH =
  /\/(?:hooks?|webhooks?|inputs|catch|trigger\/[\w-]{1,64}\/with\/key)\/((?:[\w-]{1,40}\/)?)([A-Za-z0-9_-]{16,128})(?![A-Za-z0-9_-])/gi;

export function findWebhookTokens(text: string, out: Finding[]): void {
  WEBHOOK_PATH.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WEBHOOK_PATH.exec(text)) !== null) {
    // Only within a URL: a scheme and host before it on the same line.
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const head = text.slice(Math.max(lineStart, m.index - 256), m.index);
    if (!/[a-z][a-z0-9+.-]*:\/\/[^\s/"'`]+(?:\/[^\s"'`]*)?$/i.test(head)) continue;
    const v = m[2];
    const k = classes(v);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
    if (!uuid && (k.digit === 0 || k.upper + k.lower === 0 || entropy(v) < 3.5 || isPlaceholder(v))) continue;
    const start = m.index + m[0].length - v.length;
    out.push({ kind: 'webhook-token', start, end: start + v.length });
  }
}
