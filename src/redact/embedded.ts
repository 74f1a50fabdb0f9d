// Secrets and personal data read where their container says so, on texts that hold the
// container's words: the data maps of Kubernetes Secret manifests, basic-auth credentials
// base64-encoded in code, the tokens in webhook URLs, key bytes under a key's declaration, phone
// numbers percent-encoded in form bodies, cookie jars' values, credentials in URLs' queries. Bundled with the statement finders (statements.js),
// loaded when first needed, to keep the capture side's bundle small.
import { classes, entropy, isPlaceholder, type Finding } from './text';
import { valueLooksSecret, wordLike } from './keyword';

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
  // (Or a stand-in in angle brackets: `<database-password>`, a word that says so: `REPLACE_ME`, or one
  // with runs of X: `https://hooks.slack.com/services/XXXXXXXXX/…`.)
  return v.includes('{{') || v.includes('${') || /^<[\w .-]{1,40}>$/.test(v) || /[Xx]{8}/.test(v) || isPlaceholder(v);
}

// A SealedSecret's `encryptedData`: ciphertext only its cluster's controller opens, made to be committed.
const ENCRYPTED_DATA = /^([ \t]*)encryptedData:[ \t]*\r?$/gm;
/** Drops the credentials read from the lines under a SealedSecret's `encryptedData:` (personal data stays found). */
export function dropSealedValues(text: string, raw: Finding[], personal: ReadonlySet<string>): void {
  ENCRYPTED_DATA.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENCRYPTED_DATA.exec(text)) !== null) {
    const indent = m[1].length;
    const from = m.index + m[0].length;
    // The block: the lines indented deeper than its key.
    let to = from;
    for (let l = lineFrom(text, from + 1); l.start < text.length; l = lineFrom(text, l.next)) {
      const line = text.slice(l.start, l.end);
      if (line.trim() !== '' && indentOf(line) <= indent) break;
      to = l.end;
      if (l.next <= l.start) break;
    }
    for (let k = raw.length - 1; k >= 0; k--) if (raw[k].start >= from && raw[k].end <= to && !personal.has(raw[k].kind)) raw.splice(k, 1);
  }
}

// Ciphertext made to be committed, which only its owner's key opens: SOPS's values
// (`ENC[AES256_GCM,data:…,type:str]`) and its data keys (`enc:` under `sops:`), Travis CI's
// `secure: "…"`, an OpenPGP message in base64 (Renovate's `encrypted` host rules: `wcFMA…`, `hQEMA…`).
const SOPS_VALUE = /^ENC\[[A-Z0-9_]+,data:/;
// (And Rails' encrypted credentials, `…--…--…`. Not a password in braces under `<password>`,
// Maven's or Jenkins': the key that opens it lies beside it, in the user's or the controller's home.)
const RAILS_ENCRYPTED = /^[A-Za-z0-9+/]{16,}={0,2}--[A-Za-z0-9+/]{8,}={0,2}--[A-Za-z0-9+/]{8,}={0,2}$/;
const OPENPGP_MESSAGE = /^(?:wcFMA|wcBMA|wV4D|hQEMA|hQIMA|hF4D)[A-Za-z0-9+/]{20,}={0,2}$/;
// Vault's transit engine's ciphertext (`vault:v1:…`), Jasypt's (`ENC(…)` in Spring's properties), and a
// KMS ciphertext blob in base64 (its header: `AQICAH…`).
const VAULT_TRANSIT_BEFORE = /vault:v\d{1,3}:$/;
const JASYPT = /^ENC\([A-Za-z0-9+/]{16,}={0,2}\)$/;
const VAULT_TRANSIT = /^vault:v\d{1,3}:[A-Za-z0-9+/]{16,}={0,2}$/;
const KMS_BLOB = /^AQI[BCD]AH[A-Za-z0-9+/]{60,}={0,2}$/;
const SECURE_KEY = /(?:^|\n)[ \t]*(?:-[ \t]+)?(?:secure|enc)[ \t]*:[ \t]*["']?$/;
/** Whether `at` lies in a systemd unit's `SetCredentialEncrypted=` (its lines continued by backslashes): the host's TPM or key opens it. */
function systemdEncrypted(text: string, at: number): boolean {
  let bol = text.lastIndexOf('\n', at - 1) + 1;
  for (let k = 0; k < 64 && bol > 1 && /\\\r?$/.test(text.slice(Math.max(0, bol - 3), bol - 1)); k++)
    bol = text.lastIndexOf('\n', bol - 2) + 1;
  return text.startsWith('SetCredentialEncrypted=', bol);
}

/** Drops the credentials that are ciphertext (see SOPS_VALUE, OPENPGP_MESSAGE, SECURE_KEY); personal data stays found. */
export function dropCiphertext(text: string, raw: Finding[], personal: ReadonlySet<string>): void {
  const sops = text.includes('sops:');
  for (let k = raw.length - 1; k >= 0; k--) {
    const f = raw[k];
    if (personal.has(f.kind)) continue;
    const v = text.slice(f.start, f.end);
    // (A finding inside a SOPS value too: `data:…` read alone.)
    const open = text.lastIndexOf('ENC[', f.start);
    const inSops =
      open >= 0 &&
      open >= text.lastIndexOf('\n', f.start) &&
      SOPS_VALUE.test(text.slice(open, open + 40)) &&
      text.indexOf(']', open) >= f.end - 1;
    // (And TeamCity's reference to a stored value, `credentialsJSON:<uuid>`, read after its colon.)
    if (
      inSops ||
      inArmoredMessage(text, f.start) ||
      SOPS_VALUE.test(v) ||
      OPENPGP_MESSAGE.test(v) ||
      RAILS_ENCRYPTED.test(v) ||
      KMS_BLOB.test(v) ||
      VAULT_TRANSIT.test(v) ||
      JASYPT.test(v) ||
      VAULT_TRANSIT_BEFORE.test(text.slice(Math.max(0, f.start - 12), f.start)) ||
      (text.startsWith('ENC(', f.start - 4) && text.charCodeAt(f.end) === 41 && /^[A-Za-z0-9+/]{16,}={0,2}$/.test(v)) ||
      text.startsWith('credentialsJSON:', f.start - 16) ||
      systemdEncrypted(text, f.start)
    ) {
      raw.splice(k, 1);
      continue;
    }
    const key = SECURE_KEY.exec(text.slice(Math.max(0, f.start - 40), f.start));
    // Travis's `secure:` holds base64 of an RSA block (172 characters or more); SOPS's `enc:` a data key.
    if (key !== null && (key[0].includes('secure') ? v.length >= 100 && /^[A-Za-z0-9+/]+={0,2}$/.test(v) : sops)) raw.splice(k, 1);
  }
}

// A table's column headed by a digest's name (`NAME  DIGEST  CREATED AT` of `fly secrets list`,
// `SHA256`, `CHECKSUM`, `FINGERPRINT`): its cells are digests of values, not the values.
const DIGEST_HEADER = /(?<=^|[ \t|])(?:DIGEST|Digest|SHA-?256|CHECKSUM|Checksum|FINGERPRINT|Fingerprint|HASH|Hash)(?=[ \t|]|\r?$)/gm;
/** Drops the findings that stand under a digest's column in the same table (no blank line between). */
export function dropDigestColumns(text: string, raw: Finding[], personal: ReadonlySet<string>): void {
  const heads: { bol: number; col: number }[] = [];
  DIGEST_HEADER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIGEST_HEADER.exec(text)) !== null && heads.length < 64) {
    const bol = text.lastIndexOf('\n', m.index - 1) + 1;
    heads.push({ bol, col: m.index - bol });
  }
  for (let k = raw.length - 1; k >= 0; k--) {
    const f = raw[k];
    if (personal.has(f.kind)) continue;
    const bol = text.lastIndexOf('\n', f.start - 1) + 1;
    const col = f.start - bol;
    const under = heads.some(
      (h) => h.bol < bol && bol - h.bol < 8192 && Math.abs(h.col - col) <= 1 && !/\n[ \t]*\r?\n/.test(text.slice(h.bol, bol)),
    );
    if (under) raw.splice(k, 1);
  }
}

// An encrypted message's armor: age's and OpenPGP's (not an encrypted private key's, which its passphrase opens).
const ARMOR_BEGIN = /-----BEGIN (?:AGE ENCRYPTED FILE|PGP MESSAGE)-----/g;
/** Does `at` lie inside an age or OpenPGP message's armor (between its BEGIN and END lines)? */
function inArmoredMessage(text: string, at: number): boolean {
  const from = text.lastIndexOf('-----BEGIN ', at);
  if (from < 0) return false;
  ARMOR_BEGIN.lastIndex = from;
  const m = ARMOR_BEGIN.exec(text);
  if (m === null || m.index !== from) return false;
  const end = text.indexOf('-----END ', from);
  return end < 0 || end >= at;
}

// A company's legal form or the label of its name on a CNPJ's line or the line above it
// (`Magazine Sul Comércio Varejista Ltda.` ⏎ `CNPJ …`, `Razão social: …, CNPJ …`): the number is the
// company's, not a sole trader's (whose CNPJ is read as personal data).
const COMPANY_NEAR = /\b(?:Ltda|S\.\/?A\.?|S\/A|EIRELI|Eireli|SLU|Cia\.|Companhia|Raz[ãa]o[ \t]social|Sociedade)(?![\p{L}])/u;
/** Drops the CNPJs that a company's legal form or name's label stands beside (see COMPANY_NEAR). */
export function dropCompanyCnpjs(text: string, raw: Finding[]): void {
  for (let k = raw.length - 1; k >= 0; k--) {
    const f = raw[k];
    if (f.kind !== 'br-cnpj') continue;
    const bol = text.lastIndexOf('\n', f.start - 1) + 1;
    const prev = bol > 0 ? text.lastIndexOf('\n', bol - 2) + 1 : bol;
    if (COMPANY_NEAR.test(text.slice(Math.max(prev, f.start - 300), f.start))) raw.splice(k, 1);
  }
}

// A UPI id (India's payment address, `rajeshyadav85@oksbi`): a handle at a payment app's or a
// bank's UPI suffix, no domain after it. A person's, as an e-mail address is.
// (Read from each `@`: an expression starting at every character would cost the whole text.)
const UPI_SUFFIX =
  /(?:oksbi|okaxis|okicici|okhdfcbank|ybl|ibl|axl|paytm|upi|apl|yapl|rapl|ptyes|ptaxis|pthdfc|ptsbi|axisbank|icici|sbi|hdfcbank|kotak|barodampay|unionbank|pnb|boi|cnrb|idfcbank|indus|federal|kbl|aubank|yesbank|jupiteraxis|fbl|waaxis|wahdfcbank|wasbi|waicici|freecharge|airtel|jio|ikwik|abfspay|naviaxis)(?![\w.@-])/iy;
const UPI_HANDLE = /[a-z0-9._-]/i;
export function findUpiIds(text: string, out: Finding[]): void {
  for (let at = text.indexOf('@'), n = 0; at > 0 && n < 4096; at = text.indexOf('@', at + 1), n++) {
    UPI_SUFFIX.lastIndex = at + 1;
    const m = UPI_SUFFIX.exec(text);
    if (m === null) continue;
    let s = at;
    while (s > 0 && at - s < 64 && UPI_HANDLE.test(text[s - 1])) s--;
    if (at - s < 2 || /[@+]/.test(text[s - 1] ?? '') || !/^[a-z0-9]/i.test(text[s])) continue;
    out.push({ kind: 'id-number', start: s, end: at + 1 + m[0].length });
  }
}

// A product's barcode under a column that names one (`sku,ean13,…`): a GTIN with its check digit
// holding, read as a card's number by its Luhn check alone.
const BARCODE_HEADER =
  /(?:^|[\s,;|\t"])(?:ean(?:[ _-]?1[34])?|gtin(?:[ _-]?1[234])?|upc(?:[ _-]?a)?|barcode|isbn(?:[ _-]?13)?)(?=[\s,;|\t":]|$)/im;
const BARCODE_BEFORE =
  /(?:^|[^\w])(?:ean(?:[ _-]?1[34])?|gtin(?:[ _-]?1[234])?|upc(?:[ _-]?a)?|barcode|isbn(?:[ _-]?13)?)[ \t]*[:#=]?[ \t]*$/i;
function gtinValid(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length - 1; i++) sum += (d.charCodeAt(d.length - 2 - i) - 48) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === d.charCodeAt(d.length - 1) - 48;
}
/** Drops the card numbers that are products' barcodes in a table with a barcode's column. */
export function dropBarcodes(text: string, raw: Finding[]): void {
  if (!BARCODE_HEADER.test(text)) return;
  for (let k = raw.length - 1; k >= 0; k--) {
    const f = raw[k];
    if (f.kind !== 'credit-card' && f.kind !== 'id-number') continue;
    const d = text.slice(f.start, f.end);
    // (Right after its name, `EAN: 4006…`, a number is the product's, its check digit right or not.)
    if (/^\d{8}$|^\d{12,14}$/.test(d) && (gtinValid(d) || BARCODE_BEFORE.test(text.slice(Math.max(0, f.start - 12), f.start))))
      raw.splice(k, 1);
  }
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

// Zapier's catch hooks carry a short key after the account's number (`/hooks/catch/44645854/sv4jua2/`).
const ZAPIER_HOOK = /hooks\.zapier\.com\/hooks\/catch\/(\d{4,12}\/[a-z0-9]{5,16})(?![A-Za-z0-9_-])/g;

// A heartbeat's URL carries the key that reports a job's run (healthchecks.io's `hc-ping.com/<uuid>`
// or `/<ping key>/<slug>`, Cronitor's `/p/<key>/`, Better Stack's `/heartbeat/<token>`): whoever holds it
// can report the job done, or silence its alert.
const HEARTBEAT =
  /(?:hc-ping\.com|healthchecks\.io\/ping|cronitor\.link\/p|\/api\/v\d\/heartbeat)\/([A-Za-z0-9_-]{16,64})(?![A-Za-z0-9_-])/g;

export function findWebhookTokens(text: string, out: Finding[]): void {
  HEARTBEAT.lastIndex = 0;
  for (let h: RegExpExecArray | null; (h = HEARTBEAT.exec(text)) !== null;) {
    const start = h.index + h[0].length - h[1].length;
    if (!isPlaceholder(h[1])) out.push({ kind: 'webhook-token', start, end: start + h[1].length });
  }
  ZAPIER_HOOK.lastIndex = 0;
  for (let z: RegExpExecArray | null; (z = ZAPIER_HOOK.exec(text)) !== null;) {
    const start = z.index + z[0].length - z[1].length;
    out.push({ kind: 'webhook-token', start, end: start + z[1].length });
  }
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

// ---------- keys written as byte arrays ----------
// `var aesKey = []byte{⏎ 0x11, 0xdd, …`, `static const uint8_t OTA_AES_KEY[16] = {⏎ 0x94, 0xDA, …`: lines
// of byte literals under a declaration named for a key. A line is taken when the declaration
// stands within the three lines above it, past byte lines only (the trajectory builder's window),
// so the lines of a longer array beyond that stay.
const BYTE_LINE = /^[ \t]*(?:0x[0-9A-Fa-f]{2}[ \t]*,[ \t]*){3,}(?:0x[0-9A-Fa-f]{2})?[ \t]*,?[ \t]*(?:[}\]);]+[ \t]*;?)?[ \t]*\r?$/;
const KEY_DECLARATION =
  /([A-Za-z_][\w]*)[ \t]*(?:\[[^\]\n]*\])?[ \t]*(?::[^=\n]*)?=[ \t]*(?:[\w:<>&*[\] ]*)?[{[(][ \t]*(?:0x[0-9A-Fa-f]{2}[ \t]*,.*)?\r?$/;
const KEY_NAME =
  /(?:^|[^a-z])(?:key|secret|psk|passw(?:or)?d|token|hmac|aes|cipher)|(?:Key|Secret|Psk|Token|Hmac|Aes)|(?:KEY|SECRET|PSK|TOKEN|HMAC|AES)/;
const PUBLIC_NAME = /pub(?:lic)?[_-]?key|PublicKey|PUBLIC/i;

const BYTE_LINES = new RegExp(BYTE_LINE.source, 'gm');

/** The caller runs this on texts holding `0x` and `, 0x`. */
// A key pair as Solana's tools write it (`~/.config/solana/id.json`, a keypair's `secretKey`): an
// array of 64 bytes in decimal, where the text names Solana or a keypair.
const DECIMAL_KEYPAIR = /\[[ \t]*((?:(?:25[0-5]|2[0-4]\d|1?\d?\d)[ \t]*,[ \t]*){63}(?:25[0-5]|2[0-4]\d|1?\d?\d))[ \t]*\]/g;
export function findDecimalKeypairs(text: string, out: Finding[]): void {
  DECIMAL_KEYPAIR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DECIMAL_KEYPAIR.exec(text)) !== null) {
    // Random bytes: many distinct values (a table of small numbers or a run is no key).
    if (new Set(m[1].split(/[ \t]*,[ \t]*/)).size < 40) continue;
    const start = m.index + m[0].indexOf(m[1]);
    out.push({ kind: 'private-key', start, end: start + m[1].length });
  }
}

// A password written as bytes on one line, so it shows up in no search of strings (`byte[] _k = { 0x49,
// 0x39, … };` ⏎ `AdminPassword => Encoding.ASCII.GetString(_k)`): six to sixty-four bytes, each a
// printable character, which read as a chosen password, with a word for a credential on the lines
// within three of it.
const PRINTABLE_BYTES = /(?:0x[2-7][0-9A-Fa-f][ \t]*,[ \t]*){5,63}0x[2-7][0-9A-Fa-f]/g;
const CREDENTIAL_WORD = /passw(?:or)?d|secret|token|credential|api[_-]?key|Passw(?:or)?d|Secret|Token|PASSW(?:OR)?D|SECRET|TOKEN/;
export function findPrintableByteArrays(text: string, out: Finding[]): void {
  PRINTABLE_BYTES.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PRINTABLE_BYTES.exec(text)) !== null) {
    const v = String.fromCharCode(...m[0].split(/[ \t]*,[ \t]*/).map((b) => parseInt(b, 16)));
    if (/[\x7f]/.test(v) || !valueLooksSecret(v, 'password', true) || !/[A-Za-z]/.test(v) || !/[^A-Za-z]/.test(v)) continue;
    // Three lines either side, as the trajectory builder's window holds them.
    let from = m.index;
    for (let n = 0; n < 4 && from > 0; n++) from = text.lastIndexOf('\n', from - 1) + (n === 3 ? 1 : 0);
    if (from < 0) from = 0;
    let to = m.index + m[0].length;
    for (let n = 0; n < 4 && to >= 0 && to < text.length; n++) to = text.indexOf('\n', to + 1);
    if (to < 0) to = text.length;
    if (!CREDENTIAL_WORD.test(text.slice(from, to))) continue;
    out.push({ kind: 'password', start: m.index, end: m.index + m[0].length });
  }
}

export function findByteArrayKeys(text: string, out: Finding[]): void {
  BYTE_LINES.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BYTE_LINES.exec(text)) !== null) {
    if (m[0].length === 0) {
      BYTE_LINES.lastIndex++;
      continue;
    }
    // Up to three lines above, past byte lines only, for the declaration.
    let end = m.index - 1;
    for (let up = 1; up <= 3 && end >= 0; up++) {
      const start = text.lastIndexOf('\n', end - 1) + 1;
      if (end - start > 400) break;
      const above = text.slice(start, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
      const d = KEY_DECLARATION.exec(above);
      if (d !== null) {
        // (A line of one byte repeated is a test vector's key, as RFC 2202's twenty `0x0b`, no one's.)
        if (
          KEY_NAME.test(d[1]) &&
          !PUBLIC_NAME.test(d[1]) &&
          new Set(m[0].match(/0x[0-9A-Fa-f]{2}/g)!.map((b) => b.toLowerCase())).size > 2
        ) {
          const line = m[0];
          const first = line.indexOf('0x');
          let last = line.length;
          while (last > first && !/[0-9A-Fa-f]/.test(line[last - 1])) last--;
          out.push({ kind: 'secret', start: m.index + first, end: m.index + last });
        }
        break;
      }
      if (!BYTE_LINE.test(above)) break;
      end = start - 1;
    }
  }
}

// ---------- phone numbers in form bodies ----------
// Under a phone's key, or under any key when an encoded `+` starts it (`From=%2B34698424244`, as Twilio posts).
const ENCODED_FIELD = /(?:^|[?&;\s])[A-Za-z_]{0,24}(?:phone|tel|mobile|cell|msisdn|fax)[A-Za-z_]{0,24}=([^&\s#"'<>]{6,96})/gi;
const ENCODED_PLUS = /=(%2B\d{7,15})(?=[&\s#"'<>]|$)/gi;
/** Phone numbers percent-encoded as form or query values: decoded, read, and the encoded value taken. */
export function findEncodedPhones(text: string, raw: Finding[], findPhones: (text: string, out: Finding[]) => void): void {
  let checks = 0;
  // A value percent-encoded: decoded and read; past MAX_ENCODED_CHECKS validations in one call, an
  // encoded `+` and its digits are taken by shape (fails closed, as phones do past theirs).
  const read = (v: string, at: number, plus: boolean): void => {
    if (!v.includes('%')) return;
    if (checks >= MAX_ENCODED_CHECKS) {
      if (plus) raw.push({ kind: 'phone', start: at, end: at + v.length });
      return;
    }
    checks++;
    let decoded: string;
    try {
      decoded = decodeURIComponent(v.replace(/\+/g, ' '));
    } catch {
      return;
    }
    const found: Finding[] = [];
    findPhones(` ${decoded} `, found);
    if (found.some((f) => f.kind === 'phone' && f.end - f.start >= decoded.replace(/\s/g, '').length - 2))
      raw.push({ kind: 'phone', start: at, end: at + v.length });
  };
  ENCODED_FIELD.lastIndex = 0;
  let m: RegExpExecArray | null;
  const taken = new Set<number>();
  while ((m = ENCODED_FIELD.exec(text)) !== null) {
    const at = m.index + m[0].length - m[1].length;
    taken.add(at);
    read(m[1], at, false);
  }
  if (!text.includes('%2B') && !text.includes('%2b')) return;
  ENCODED_PLUS.lastIndex = 0;
  while ((m = ENCODED_PLUS.exec(text)) !== null) {
    if (taken.has(m.index + 1)) continue;
    // A key before the `=`: letters or `_`, at the text's start or after `?`, `&`, `;` or a space.
    let k = m.index;
    while (k > 0 && m.index - k < 24 && /[A-Za-z_]/.test(text[k - 1])) k--;
    if (k === m.index || (k > 0 && !/[?&;\s]/.test(text[k - 1]))) continue;
    read(m[1], m.index + 1, true);
  }
}
const MAX_ENCODED_CHECKS = 16;

// A cookie jar in Netscape's format (curl's, wget's, yt-dlp's `cookies.txt`): domain, subdomains,
// path, secure, expiry, name, value, split by tabs. A value of twelve characters or more, or of
// eight mixing letters and digits, is a session's.
const COOKIE_LINE =
  /^(?:#HttpOnly_)?[^\t\n#][^\t\n]*\t(?:TRUE|FALSE)\t[^\t\n]*\t(?:TRUE|FALSE)\t\d{1,12}\t[^\t\n]{1,256}\t([^\t\r\n]{8,4096})\r?$/gm;
export function findCookieJarValues(text: string, out: Finding[]): void {
  COOKIE_LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COOKIE_LINE.exec(text)) !== null) {
    const v = m[1];
    if (v.length < 12 && !(/\d/.test(v) && /[A-Za-z]/.test(v))) continue;
    const start = m.index + m[0].length - v.length - (m[0].endsWith('\r') ? 1 : 0);
    out.push({ kind: 'session-cookie', start, end: start + v.length });
  }
}

// A Cookie header's pairs (`Cookie: connect.sid=s%3A…; lang=fi`, in a JSON's headers too): each
// value judged alone. A session's, a token's or a login's cookie of eight characters or more goes;
// another cookie's value goes when it looks like a secret (`lang=fi`, `theme=dark` stay).
// (Or a CGI environment's `HTTP_COOKIE = '…'`, as Django's error mail prints it, and curl's `--cookie "…"` and `-b '…'`.)
const COOKIE_HEADER =
  /(?:^|[\s"'{,])(?:(?:Set-)?Cookie["']?[ \t]*:|HTTP_COOKIE["']?[ \t]*(?:[:=]|=>)|--cookie[ \t=]|-b[ \t]+(?=["'][!#$%&*+\-.^_`|~0-9A-Za-z]{1,64}=))[ \t]*["']?/gi;
const COOKIE_PAIR = /[ \t]*([!#$%&'*+\-.^_`|~0-9A-Za-z]{1,64})=("?)([^;"'\s\\,]*)\2[ \t]*(?:;|(?=["'\s\\,])|$)/y;
const SESSION_COOKIE = /sess|sid|token|auth|jwt|login|remember|identity|xsrf|csrf/i;
const COOKIE_ATTRIBUTE = /^(?:path|domain|expires|max-age|samesite|secure|httponly|priority|partitioned|version|comment)$/i;
const ISO_TIME = /^\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?$/;
/** Words in a list (`necessary,analytics`, `dark|compact`): a preference's or a consent's value, no secret. */
function wordList(v: string): boolean {
  const parts = v.split(/[ ,;:|_.-]+/).filter((p) => p !== '');
  return parts.length >= 2 && parts.every((p) => /^[A-Za-z]+$/.test(p) && wordLike(p));
}

export function findCookieHeaderValues(text: string, out: Finding[]): void {
  COOKIE_HEADER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COOKIE_HEADER.exec(text)) !== null) {
    let at = m.index + m[0].length;
    for (let n = 0; n < 64; n++) {
      COOKIE_PAIR.lastIndex = at;
      const p = COOKIE_PAIR.exec(text);
      if (p === null || p[0].length === 0) break;
      const v = p[3];
      const start = p.index + p[0].indexOf('=') + 1 + p[2].length;
      // Set-Cookie's attributes after its pair (`Path=/; Max-Age=31536000`), and a time (`…Closed=2024-10-03T03:55:37.000Z`), are no secrets.
      if (COOKIE_ATTRIBUTE.test(p[1]) || ISO_TIME.test(v)) {
        at = p.index + p[0].length;
        if (text.charCodeAt(at - 1) !== 59 /* ; */) break;
        continue;
      }
      if (
        v.length >= 8 &&
        !isPlaceholder(v) &&
        !v.startsWith('<REDACTED:') &&
        (SESSION_COOKIE.test(p[1])
          ? /[0-9]/.test(v) || v.length >= 16
          : valueLooksSecret(decodeSafe(v), 'secret', true) && !wordList(decodeSafe(v)))
      )
        out.push({ kind: 'session-cookie', start, end: start + v.length });
      at = p.index + p[0].length;
      if (text.charCodeAt(at - 1) !== 59 /* ; */) break;
    }
    COOKIE_HEADER.lastIndex = Math.max(COOKIE_HEADER.lastIndex, at);
  }
}

// Query parameters that carry credentials: ?sig=…, &access_token=…, &X-Amz-Signature=…. A backslash ends
// the value (a URL holds none; in a string it escapes what follows, `…?pwd=…\nMeeting ID: …`).
const QUERY_SECRET =
  /[?&;](?:sig|signature|x-amz-signature|x-amz-security-token|x-goog-signature|x-goog-credential|access_token|accesstoken|id_token|refresh_token|token|auth|auth_token|authtoken|api_key|apikey|api-key|key|client_secret|password|passwd|pwd|secret|code|sessionid|session_id|jwt|appid|app_id|app_key|appkey|app_secret|license_key|access_key)=([^&#\s"'<>`\\]{8,1024})/gi;

const INTERPOLATED = /^\$?\{[A-Za-z_][\w.]{0,80}(?:\(\))?\}(?:[;&]|$)/;

export function findQuerySecrets(text: string, out: Finding[]): void {
  QUERY_SECRET.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUERY_SECRET.exec(text)) !== null) {
    const v = m[1];
    if (isPlaceholder(v) || v.startsWith('<REDACTED:')) continue;
    // An interpolated expression (`Password={dbPassword.Value};` in C#'s `$"…"`, `${token}`): a reference.
    if (INTERPOLATED.test(v)) continue;
    if (!valueLooksSecret(decodeSafe(v), /pass|pwd/i.test(m[0]) ? 'password' : 'secret', true)) continue;
    // An app's id is a key only where it is long and random (OpenWeatherMap's `appid`), not a number or a name.
    if (/[?&;]app_?id=/i.test(m[0]) && (v.length < 20 || /^\d+$/.test(v) || !/\d/.test(v))) continue;
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
