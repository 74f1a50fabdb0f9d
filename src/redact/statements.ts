// Passwords given in statements and calls rather than assigned to a name: SQL
// (`IDENTIFIED BY '…'`, `WITH PASSWORD '…'`), Oracle logins (`sqlplus scott/tiger@db`), Redis
// configuration (`requirepass …`), network-device configuration (`username admin password 0 …`,
// `enable secret 5 …`), PowerShell (`ConvertTo-SecureString "…" -AsPlainText`), `htpasswd -b`,
// Terraform variables' defaults, PostgreSQL password files (`host:port:db:user:password`),
// system set-up files (IPsec secrets, chpasswd, kickstart, debconf answers),
// and a user and password given together to an authentication call (`auth=("u", "p")`,
// `server.login("u", "p")`, `new NetworkCredential("u", "p")`, `SetBasicAuth("u", "p")`).
// This module, commands.ts, cued-identifiers.ts and the readers it re-exports are a bundle of their own
// (statements.js), which redaction loads when a text first holds one of the words they need or a run of
// token characters (context.ts reads every such run).
import { join } from 'node:path';
import { classifyName, headerCellDelimiter, isLineBreak, type NameClass, valueLooksSecret, valueVerdict, wordLike } from './keyword';
import { looksLikeAddress, looksLikeName, personalField } from './fields';
import { isPlaceholder, type Finding } from './text';
// Personal data of the less common kinds, bundled here to keep the capture side's bundle small.
export { findCardTracks, findIpv6, findMacs, findObfuscatedEmails } from './network';
export {
  dropRoleCardAddresses,
  findCoordinates,
  findDicomFields,
  findFhirIdentifiers,
  findHomeCoordinates,
  findRecordFields,
} from './records';
export {
  findByteArrayKeys,
  findPrintableByteArrays,
  findDecimalKeypairs,
  findCookieJarValues,
  findCookieHeaderValues,
  findEncodedBasicAuth,
  findEncodedPhones,
  findKubernetesSecretData,
  dropSealedValues,
  dropCiphertext,
  dropDigestColumns,
  dropCompanyCnpjs,
  dropBarcodes,
  findUpiIds,
  findQuerySecrets,
  findWebhookTokens,
} from './embedded';
export { findAccountUsers, findHomeUsers, findKeyIdUsers } from './accounts';
export { findPairedIds } from './pairs';
export { findMnemonics, findWalletKeys } from './wallets';
// Tokens by what stands beside them: every text with a run of token characters reads them.
export { findContextSecrets } from './context';

/** Which of the words these statements need the text holds (case-insensitive). */
export interface StatementHints {
  /** ` pw ` or ` pwd `: a password told by its short word. */
  pw: boolean;
  /** A word for a password in another language (FOREIGN_PASSWORD). */
  foreign: boolean;
  /** `identified` or `password '` / `password "`. */
  sql: boolean;
  /** `enable secret|password`, `privilege`, or a password or secret with a type digit. */
  device: boolean;
  /** `password password` or `again password` (a debconf answer). */
  debconf: boolean;
  psk: boolean;
  chpasswd: boolean;
  rootpw: boolean;
  variable: boolean;
  pgpass: boolean;
  sqlplus: boolean;
  redisConf: boolean;
  secureString: boolean;
  htpasswd: boolean;
  authCall: boolean;
  /** One of CONNECT_FEATURES (command-features.ts). */
  connect: boolean;
  /** `password` and a typing call (`fill(`, `type(`, `keys(`, …). */
  fieldInput: boolean;
  /** `insert into`. */
  insert: boolean;
  /** `password`, `passwd` or `passphrase`: a password told in prose. */
  prose: boolean;
  /** `stats auth` or `insecure-password` (HAProxy). */
  haproxy: boolean;
  /** `[admins]`, `[users]` or `[passwords]`: a section of passwords by user name. */
  userSection: boolean;
  /** `LoginModule` (a JAAS file: Kafka, ZooKeeper). */
  jaas: boolean;
  /** `-U` and `%` (Samba's `user%password`). */
  samba: boolean;
  /** `echo ` or `printf ` (a value written to a credential file). */
  echo: boolean;
  /** `sasl_passwd` or `[smtp` (Postfix's map of relay credentials). */
  saslPasswd: boolean;
  /** A command that prints a stored secret (`| base64 -d`, `vault kv get -field`, `op read`, …). */
  secretOutput: boolean;
  /** A call whose name says it wraps a secret in plain text (`SecretValue.unsafePlainText(`, `pulumi.secret(`). */
  secretWrapper?: boolean;
}

// HAProxy: `stats auth admin:St4tsP4ge`, `user partner insecure-password p4rtner-pw`.
const HAPROXY_AUTH = /^[ \t]*stats[ \t]+auth[ \t]+[^:\s]{1,64}:(\S{1,128})[ \t]*\r?$/gm;
const HAPROXY_USER = /\binsecure-password[ \t]+(\S{1,128})/g;
// A section of passwords by user name (CouchDB's `[admins]` ⏎ `admin = …`, `[users]`, `[passwords]`):
// each entry's value, when it holds a digit or a symbol (`alice = admin, readers` names roles).
const USER_SECTION = /^\[(?:admins|users|passwords)\][ \t]*(?=\r?$)/gm;
const SECTION_ENTRY = /^[ \t]*[A-Za-z0-9_.@-]{1,64}[ \t]*[=:][ \t]*(\S.{0,127}?)[ \t]*$/;
// A JAAS section's users for PLAIN (`user_admin="…"`), each a password.
const JAAS_USER = /\buser_[\w.-]{1,64}[ \t]*=[ \t]*"([^"\n]{1,256})"/g;
// Samba tools' `-U 'DOMAIN\user%password'`.
// (The flag first: a pattern that starts with a class of white space is tried at every space.)
const SAMBA_USER = /(?:-U|--user(?:name)?)(?<=(?:^|[\s'"])(?:-U|--user(?:name)?))[ \t=]?(["']?)[^\s%"']{1,80}%([^\s"']{1,128})\1/gm;
// `echo 'copper-pebble-…' > .vault_pass`, `printf '%s' … | tee ~/.config/x/token`: a value written to a
// file whose name is a credential's.
const ECHO_TO_FILE =
  /\b(?:echo|printf)(?:[ \t]+-[neE]{1,3}|[ \t]+(["'])%s\1)*[ \t]+(["']?)([^\s"'|>;&$`]{6,128})\2[ \t]*(?:>>?|\|[ \t]*(?:sudo[ \t]+)?tee(?:[ \t]+-a)?)[ \t]*[^\s;&|]*(?:pass|secret|token|cred|key)[^\s;&|]*/gi;
// A literal given to a call whose name says it holds a secret in plain text: AWS CDK's
// `SecretValue.unsafePlainText("…")`, Pulumi's `pulumi.secret("…")`, `Output.secret(…)`, pydantic's
// `SecretStr("…")`, .NET's `new NetworkCredential(…)` is elsewhere.
const SECRET_WRAPPER =
  /(?:SecretValue\.(?:unsafePlainText|plainText)|pulumi\.secret|Output\.secret|SecretStr|SecretBytes)\([ \t]*(["'`])([^"'`\n\\]{3,200})\1[ \t]*\)/g;
// Postfix's relay map: `[smtp.sendgrid.net]:587 apikey:SG.…`, `smtp.x.com user:password`.
const SASL_LINE = /^[ \t]*(?:\[[\w.-]{1,253}\]|[\w.-]*(?:smtp|mail)[\w.-]*)(?::\d{1,5})?[ \t]+[^\s:]{1,128}:(\S{1,256})[ \t]*\r?$/gm;
// A shell command that prints a stored secret, and the line it printed: one value alone. The
// command's words are looked for first; its line must hold a prompt (`$ `, `# `, `PS …> `).
const SECRET_COMMAND =
  /\|[ \t]*base64[ \t]+(?:-d|--decode|-D)\b|vault[ \t]+(?:kv[ \t]+get|read)[^\n]*-field|secretsmanager[ \t]+get-secret-value[^\n]*--output[ \t]+text|gcloud[ \t]+secrets[ \t]+versions[ \t]+access|\bop[ \t]+read\b|\bpass[ \t]+show\b|find-generic-password[^\n]*[ \t]-w\b|\bcat[ \t]+[^\s|;&<>]{0,120}?(?:master\.key|[\w.-]*(?:secret|token|passw|credential|apikey|api_key)[\w.-]*|\.key|\.pem)(?=[ \t]*\r?\n)/g;
// (Also after a host's path, as bash writes it: `dev@ops-jump:~$ `, `[root@db1 ~]# `; and a history's number, `  568  `.)
const PROMPT = /(?:^|[ \t~\]\w/])(?:[$#%>]|PS[^>\n]{0,60}>)[ \t]|^[ \t]*\d{1,6}[ \t]+(?=\S)/;
const PRINTED = /[^\n]*\r?\n[ \t]*([^\s$#>%][^\s]{3,255})[ \t]*\r?$/my;
// The value echoed into a decoder, and a login and its password as one prints.
const ECHOED = /\becho[ \t]+(?:-n[ \t]+)?(["']?)([A-Za-z0-9+/]{8,}={0,2})\1[ \t]*$/;
const LOGIN_AND_PASSWORD = /^([\w.@-]{1,64}):(\S{6,})$/;
/** Whether base64 `v` decodes to a login and password, or to a string that looks like a secret. */
function encodesSecret(v: string): boolean {
  const d = Buffer.from(v, 'base64')
    .toString('latin1')
    .replace(/\r?\n$/, '');
  if (!/^[\x20-\x7e]+$/.test(d)) return false;
  return LOGIN_AND_PASSWORD.test(d) || (!/\s/.test(d) && valueLooksSecret(d, 'password', false));
}

// A password told in prose (comments, messages, docs, chat): `the password is Tr0ub4dor3`,
// `password for root was changed to …`, `use password … to log in`, `enter the passphrase …`.
// The cue word, then either verbs of being or setting, or (before the cue) a verb of using; or the
// cue word and a code span after it (Markdown: ``password `Tr0ub4dor3` ``).
const PROSE_PASSWORD =
  /(?:(?<![A-Za-z])(?:password|passwd|passphrase)(?=[ \t]+`)|(?<![A-Za-z])(?:password|passwd|passphrase)s?(?:[ \t]+(?:for|of|on)(?:[ \t]+[^\s"'`=:;(){}]{1,32}){1,3})?(?:[ \t]+(?:is|was|has|been|will|be|set|changed|reset|updated|to|now|remains|still)){1,4}|(?<![A-Za-z])(?:use|using|with|enter|type|try)[ \t]+(?:(?:the|a|your|new|default|temporary|initial|admin|root)[ \t]+){0,2}(?:password|passwd|passphrase))[ \t]+(["'`]?)([^\s"'`]{6,64})\1/gi;

// The word for a password in other languages, then a colon or a verb of being (`Passwort: …`,
// `mot de passe : …`, `la contraseña es …`, `パスワード：…`, `пароль: …`).
const FOREIGN_PASSWORD = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:passwort|kennwort|wachtwoord|contrase[ñn]a|senha|has[łl]o|l[öo]senord|salasana|[şs]ifre(?:niz|si|n)?|parola|mot[ \\t]+de[ \\t]+passe|passord|adgangskode|heslo|jelsz[óo]|lozinka|пароль|パスワード|密码|密碼|口令|비밀번호|รหัสผ่าน|كلمة المرور|סיסמה|mật khẩu)(?![\\p{L}])["']?[ \\t]*(?:[:=：]|[ \\t](?:ist|lautet|war|est|était|es|era|é|è|är|er|var|jest|to|on|is|was))[ \\t]*[„"'\`«]?([^\\s"'\`“”«»]{4,64})`,
  'giu',
);

// `IDENTIFIED BY 'x'`, `IDENTIFIED WITH mysql_native_password BY 'x'`, `[WITH] [ENCRYPTED] PASSWORD 'x'`,
// SQL Server's `WITH PASSWORD = N'x'`; a quote inside is written twice (`'It''s 5 o''clock'`).
const SQL_PASSWORD =
  /\b(?:IDENTIFIED[ \t]+(?:WITH[ \t]+\w{1,40}[ \t]+)?BY(?:[ \t]+PASSWORD)?[ \t]+|PASSWORD[ \t]+|WITH[ \t]+PASSWORD[ \t]*=[ \t]*N?)(['"])((?:[^'"\n\\]|''|""){1,128})\1(?!['"])/gi;
// `sqlplus scott/tiger@orcl`, `CONNECT scott/tiger` at the start of a line, `expdp system/manager DIRECTORY=…`.
const ORACLE_LOGIN =
  /(?:\b(?:sqlplus|sqlldr|rman|expdp|impdp)|^[ \t]*(?:SQL>[ \t]*)?(?:connect|conn))[ \t]+(?:-[A-Za-z]+[ \t]+)*["']?[A-Za-z][\w$#.]{0,63}\/([^\s@/"';]{3,128})(?=["']?(?:@|\s|;|$))/gim;
const REDIS_PASSWORD = /^[ \t]*(?:requirepass|masterauth)[ \t]+(["']?)([^\s"']{1,256})\1[ \t]*$/gim;
// Redis's access lists, in redis.conf or an ACL file (`user default on >2pRl… ~* &* +@all`) or a
// command (`ACL SETUSER ci on >p1pp0 ~cached:* +get`): each password after `>` (`#` gives a hash).
const REDIS_ACL_LINE =
  /^[ \t]*(?:user|acl[ \t]+setuser)[ \t]+\S{1,64}(?=[ \t])[^\n]*?[ \t](?:on|off|nopass|resetpass|allkeys|allcommands|~\S*|&\S*|[+-]@\w+)(?=[ \t]|\r?$)[^\n]*/gim;
const REDIS_ACL_PASSWORD = /(?<=[ \t])>(\S{1,256})/g;
// Network devices: `username NAME [privilege N] password|secret [TYPE] VALUE`, `enable password|secret [TYPE] VALUE`.
const DEVICE_PASSWORD =
  /^[ \t]*(?:enable|username[ \t]+\S{1,64}(?:[ \t]+privilege[ \t]+\d{1,2})?)[ \t]+(?:password|secret)[ \t]+(?:\d{1,2}[ \t]+)?(\S{1,256})[ \t]*\r?$/gim;
// A network device's other shared secrets: SNMP communities, IKE pre-shared keys, key chains'
// strings, TACACS+ and RADIUS keys (`snmp-server community h9kts1bFSqywrkVv RO 10`,
// `crypto isakmp key 1PD%ca!Cs3=2t!2^ address 142.99.13.186`).
const DEVICE_KEY =
  /^[ \t]*(?:snmp-server[ \t]+community|crypto[ \t]+isakmp[ \t]+key(?:[ \t]+\d)?|key-string(?:[ \t]+\d)?|pre-shared-key(?:[ \t]+(?:local|remote))?(?:[ \t]+\d)?|(?:tacacs|radius)-server[ \t]+key(?:[ \t]+\d)?)[ \t]+(\S{4,128})(?=[ \t]|\r?$)/gim;
const SECURE_STRING = /\bConvertTo-SecureString[ \t]+(?:-String[ \t]+)?(["'])([^"'\n]{1,512})\1/gi;
// `htpasswd -b[c…] FILE USER PASS`, `htpasswd -nb USER PASS`.
const HTPASSWD = /\bhtpasswd((?:[ \t]+-[A-Za-z]+)+)[ \t]+(?:(?!-)[^\s"']{1,256}[ \t]+)?(?!-)[^\s"']{1,64}[ \t]+(["']?)([^\s"']{1,128})\2/g;
// A call or tuple whose name ends with auth, login or credential(s), given a user and a password as literals.
const AUTH_CALL =
  /(?:auth(?:entication|enticate)?|login|logon|signin|credentials?(?:\.basic)?)(?:_?as|_?with|_?user)?[ \t]*(?:[=:][ \t]*)?[([][ \t]*(?:new[ \t]+\w+[ \t]*\([ \t]*)?(["'])([^"'\n\\]{0,128})\1[ \t]*,[ \t]*(["'])([^"'\n\\]{1,128})\3/gi;

// Calls whose third argument is the password, after a host, DSN or URL and a user
// (`mysqli_connect('localhost', 'root', '…')`, `new PDO($dsn, 'root', '…')`,
// `DriverManager.getConnection(url, "sa", "…")`, `DBI->connect($dsn, 'u', '…')`, `FTP(host, u, '…')`,
// `new Sequelize('db', 'root', '…')`, `create_user('bob', 'bob@x.io', '…')`, `ldap_bind($c, $dn, '…')`,
// Go's `smtp.PlainAuth(identity, user, '…', host)`),
// and a bare `connect(…)` given three literals: the password is the third after a host
// (`pymysql.connect('localhost', 'root', '…')`), the second before a DSN (`cx_Oracle.connect('u', '…', 'db:1521/x')`).
// An argument that starts and ends with a character other than a space, so that the spaces around
// it have one reading (a long run of spaces after `connect(` would otherwise be split every way).
const ARG = `(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'|[^,()"'\\s](?:[^,()"'\n]{0,198}[^,()"'\\s])?)`;
const LIT = `(["'])([^"'\n\\\\]{0,128})`;
// Arguments may stand one a line (`new PDO(\n  'mysql:…',\n  'shop',\n  '…'\n)`); a port may follow the
// host (`mysqlx::Session("db", 33060, "etl", "…")`); the user may be a constant (`getConnection(URL, USER, "…")`).
const NL = `(?:\\r?\\n[ \\t]*)?`;
const CONNECT_CALL = new RegExp(
  `\\b(?:(mysqli?_connect|mysqli|PDO|getConnection|connect|FTP(?:_TLS)?|Sequelize|create_user|create_superuser|ldap_bind|PlainAuth|sqlsrv_connect|odbc_connect|oci_connect|mssql_connect|pg_pconnect|Session(?:[ \\t]+\\w{1,40})?))(?:->__construct)?[ \\t]*\\([ \\t]*${NL}(${ARG})[ \\t]*,[ \\t]*${NL}(?:\\d{2,5}[ \\t]*,[ \\t]*${NL})?(?:${LIT}\\3|[A-Za-z_$][\\w.$]{0,63})[ \\t]*,[ \\t]*${NL}${LIT}\\5[ \\t]*${NL}([,)])`,
  'g',
);

// Test automation typing into a password field: `page.fill('#password', '…')`,
// `cy.get('#password').type('…')`, `find_element(By.ID, 'password').send_keys('…')`. Read from each
// quoted selector naming a password field: after its closing quote, the typed literal.
const FIELD_WORD = /passw(?:or)?d|pwd|passphrase/gi;
const TYPING_CALL = /(?:fill|type|setValue|sendKeys|send_keys|typeText|replaceText|enterText)[ \t]*\([ \t]*$/;
const AFTER_SELECTOR = new RegExp(
  `[ \\t]*(?:(,)|\\)[ \\t]*(?:\\.[ \\t]*(?:clear|click|focus)\\(\\)[ \\t]*)?\\.[ \\t]*(?:type|send_keys|sendKeys|setValue|fill|typeText|enterText)[ \\t]*\\()[ \\t]*${LIT}\\2[ \\t]*[,)]`,
  'y',
);

function findFieldInput(text: string, push: (start: number, value: string) => void): void {
  FIELD_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIELD_WORD.exec(text)) !== null) {
    // The quoted string around the word, on its line (bounded both ways).
    let open = m.index - 1;
    while (open >= 0 && m.index - open <= 60 && !isQuote(text.charCodeAt(open)) && text.charCodeAt(open) !== 10) open--;
    if (open < 0 || !isQuote(text.charCodeAt(open))) continue;
    const q = text.charCodeAt(open);
    let close = FIELD_WORD.lastIndex;
    while (close < text.length && close - FIELD_WORD.lastIndex <= 40 && text.charCodeAt(close) !== q && text.charCodeAt(close) !== 10)
      close++;
    if (text.charCodeAt(close) !== q) continue;
    FIELD_WORD.lastIndex = close + 1;
    AFTER_SELECTOR.lastIndex = close + 1;
    const a = AFTER_SELECTOR.exec(text);
    if (a === null) continue;
    // `fill('#password', '…')`: the selector is the first argument of a typing call.
    if (a[1] !== undefined && !TYPING_CALL.test(text.slice(Math.max(0, open - 30), open))) continue;
    const v = a[3];
    if (!literalPassword(v) || /\s/.test(v) || v.length > 64) continue;
    push(a.index + a[0].lastIndexOf(a[2] + v + a[2]) + 1, v);
  }
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}

// `INSERT INTO users (login, password) VALUES ('bob', '…'), (…)`: a credential column's value in each row.
const INSERT = /\bINSERT[ \t]+INTO[ \t]+[\w."`[\]]{1,128}[ \t]*\(([^()\n]{1,600})\)[ \t]*(?:\r?\n[ \t]*)?VALUES[ \t]*/gi;
// Rows one a line too (`VALUES\n  (…),\n  (…)`).
const ROW = /[ \t]*(?:\r?\n[ \t]*)?\(((?:[^()'"\n]|'(?:[^'\n]|'')*'|"[^"\n]*"|\([^()\n]*\)){1,2000})\)[ \t]*,?/y;
const SQL_VALUE = /[ \t]*(?:'((?:[^'\n]|'')*)'|"([^"\n]*)"|[^,'"\n]*)[ \t]*(?:,|$)/y;

// Terraform and other HCL: `variable "db_password" { … default = "…" }`.
const HCL_DEFAULT = /\bvariable[ \t]+"([A-Za-z0-9_-]{1,96})"[ \t]*\{[^{}]{0,600}?\bdefault[ \t]*=[ \t]*"([^"\n\\]{1,512})"/g;
// A PostgreSQL password file line: `host:port:database:user:password` (`*` for any field but the password).
const PGPASS = /^((?:[A-Za-z*][\w.-]{0,252}|\d{1,3}(?:\.\d{1,3}){3})):(?:\d{1,5}|\*):[^:\s]{1,63}:[^:\s]{1,63}:([^\s]{1,256})$/gm;

// System set-up files: IPsec secrets (`: PSK "…"`), `echo 'user:pass' | chpasswd` and cloud-init's
// `chpasswd` list (`  user:pass` lines), kickstart (`rootpw [--plaintext] …`), and debconf
// answers (preseed, `debconf-set-selections`: `OWNER QUESTION/…password… password VALUE`).
const IPSEC_SECRET = /^[^\n:]{0,200}:[ \t]*(?:PSK|EAP|XAUTH|NTLM)[ \t]+"([^"\n]{1,256})"/gm;
const CHPASSWD_ECHO = /(["'])[\w.-]{1,32}:([^\s"':]{1,128})\1[ \t]*\|[ \t]*(?:sudo[ \t]+)?chpasswd\b/g;
const CHPASSWD_LIST =
  /^([ \t]*)chpasswd:[ \t]*\r?\n(?:\1[ \t][^\n]*\r?\n){0,3}?\1[ \t]+list:[ \t]*\|[ \t]*\r?\n((?:[ \t]+[\w.-]{1,32}:[^\s:]{1,128}[ \t]*(?:\r?\n|$)){1,50})/gm;
const KICKSTART_ROOTPW = /^rootpw[ \t]+(?:--(?:plaintext|allow-ssh|lock)[ \t]+)*(?!--)(\S{1,256})[ \t]*$/gm;
const DEBCONF_PASSWORD = /^\S{1,64}[ \t]+\S{0,80}passw(?:or)?d\S{0,40}[ \t]+password[ \t]+(\S{1,256})[ \t]*$/gm;

/** A literal password: no stand-in, no reference, no bind parameter. */
function literalPassword(v: string): boolean {
  return v.length >= 3 && !isPlaceholder(v) && !/^[$%{<[(:?@&]|^\*+$/.test(v) && !/%\(/.test(v);
}

/**
 * Is `v`, told after a password word in prose, a password? A letter with a digit or a symbol,
 * not a word, a name in code (`DEFAULT_PW2`, `pwd_hash2`, `newPassword1`), a path, an address or
 * a stand-in.
 */
function prosePassword(v: string): boolean {
  if (v.length < 6 || !/[A-Za-z]/.test(v) || !/[\d!@#$%^&*+=~_-]/.test(v) || !literalPassword(v)) return false;
  if (/[/\\]|:\/\/|^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v) || /[()[\]{}<>]/.test(v)) return false;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v) || /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(v)) return false;
  if (/^[a-z]+(?:[A-Z][a-z]+)+\d*$/.test(v) || /^v?\d+(?:\.\d+)+/.test(v)) return false;
  return !wordLike(v.replace(/\d+$/, '')) || /\d/.test(v);
}

// `new pw Meadow.Falcon87!`, `root pwd: …`: the short words after a word that says whose or which,
// the value letters, digits and a symbol (a short word is too common for less).
// (The search starts at the short word, which it skips to; the word before it is read back.)
const PROSE_PW = /\bpwd?(?:[ \t]*[:=]|[ \t]+(?:is|was|now))?[ \t]+(["'`]?)([^\s"'`]{6,64})\1/gi;
const PW_OWNER = /(?:^|[^A-Za-z])(?:new|temp|temporary|default|initial|admin|root|db|the|my|your|his|her|our|their|wifi|wi-fi)[ \t]+$/i;

export function findStatementSecrets(text: string, hints: StatementHints, out: Finding[]): void {
  let m: RegExpExecArray | null;
  const push = (start: number, value: string): void => {
    out.push({ kind: 'password', start, end: start + value.length });
  };
  if (hints.pw) {
    PROSE_PW.lastIndex = 0;
    while ((m = PROSE_PW.exec(text)) !== null) {
      if (!PW_OWNER.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
      const v = m[2].replace(/[.,;:!?)]+$/, '');
      const full = m[2].replace(/[.,;:)]+$/, '');
      const value = /[!?]$/.test(full) && /\d/.test(full) ? full : v;
      if (!/\d/.test(value) || !/[A-Za-z]/.test(value) || !/[^A-Za-z0-9]/.test(value) || !prosePassword(value)) continue;
      push(m.index + m[0].length - m[1].length - m[2].length, value);
    }
  }
  if (hints.prose) {
    PROSE_PASSWORD.lastIndex = 0;
    while ((m = PROSE_PASSWORD.exec(text)) !== null) {
      // (Quoted, its punctuation and brackets are its own, `vFwG8FEw,zqamw.{`, unless it reads as a call.)
      const quoted = m[1] !== '';
      const v = quoted ? m[2] : m[2].replace(/[.,;:!?]+$/, ''); // the end of the sentence
      if (!prosePassword(quoted && !/^[\w.$]+\(.*\)$|^[[{<]|[\]}>]$/.test(v) ? v.replace(/[()[\]{}<>]/g, '_') : v)) continue;
      push(m.index + m[0].length - m[1].length - m[2].length, v);
    }
  }
  if (hints.foreign) {
    FOREIGN_PASSWORD.lastIndex = 0;
    while ((m = FOREIGN_PASSWORD.exec(text)) !== null) {
      const v = m[1].replace(/[.,;:!?)]+$/, '');
      if (!prosePassword(v)) continue;
      push(m.index + m[0].length - m[1].length, v);
    }
  }
  if (hints.sql) {
    SQL_PASSWORD.lastIndex = 0;
    while ((m = SQL_PASSWORD.exec(text)) !== null) {
      const v = m[2];
      if (!literalPassword(v)) continue;
      // Spaces only in a statement written as one (`ALTER USER g WITH PASSWORD 'Graf4na dashboards
      // 2024'`): `password "is required"` is prose.
      if (/\s/.test(v) && !(/^(?:IDENTIFIED|WITH|PASSWORD)/.test(m[0]) && /[\d\W]/.test(v.replace(/\s/g, '')))) continue;
      push(m.index + m[0].length - 1 - v.length, v);
    }
  }
  if (hints.sqlplus) {
    ORACLE_LOGIN.lastIndex = 0;
    while ((m = ORACLE_LOGIN.exec(text)) !== null) {
      const v = m[1];
      if (!literalPassword(v) || /^\d+$/.test(v) || /\.\w{1,4}$/.test(v)) continue; // not a path: conn a/b.sql
      push(m.index + m[0].length - v.length, v);
    }
  }
  const each = (re: RegExp, group: number, accept: (v: string) => boolean = literalPassword): void => {
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      const v = m[group];
      if (v !== undefined && accept(v)) push(m.index + m[0].lastIndexOf(v), v);
    }
  };
  if (hints.haproxy) {
    each(HAPROXY_AUTH, 1);
    each(HAPROXY_USER, 1);
  }
  if (hints.jaas) each(JAAS_USER, 1);
  if (hints.userSection) {
    USER_SECTION.lastIndex = 0;
    while ((m = USER_SECTION.exec(text)) !== null) {
      // Its entries: up to a blank line, the next section or fifty lines.
      let at = m.index + m[0].length;
      for (let n = 0; n < 50 && at < text.length; n++) {
        const nl = text.indexOf('\n', at + 1);
        const line = text.slice(at + 1, nl < 0 ? text.length : nl).replace(/\r$/, '');
        if (line.trim() === '' || line.trimStart().startsWith('[')) break;
        const e = SECTION_ENTRY.exec(line);
        if (e !== null && literalPassword(e[1]) && e[1].length >= 6 && /[\d\W]/.test(e[1]) && !/\s/.test(e[1]))
          push(at + 1 + line.lastIndexOf(e[1]), e[1]);
        if (nl < 0) break;
        at = nl;
      }
    }
  }
  if (hints.samba) each(SAMBA_USER, 2);
  if (hints.echo) each(ECHO_TO_FILE, 3, (v) => literalPassword(v) && !/^-/.test(v));
  if (hints.saslPasswd) each(SASL_LINE, 1);
  if (hints.secretWrapper === true) each(SECRET_WRAPPER, 2);
  if (hints.secretOutput) {
    SECRET_COMMAND.lastIndex = 0;
    while ((m = SECRET_COMMAND.exec(text)) !== null) {
      const ls = text.lastIndexOf('\n', m.index) + 1;
      const head = text.slice(Math.max(ls, m.index - 200), m.index);
      if (!PROMPT.test(head)) continue;
      // (A key file printed whole — `cat config/master.key` — is one line of key: a private key's
      // several lines are read by the key rules.)
      // `… | base64 -d` decodes a secret where the command names one, or where it prints a login and
      // its password (`root:1Set3DOK&Ia…`, an Authorization header's); the value echoed into it is that
      // secret too, encoded (`echo NEBZMFNO… | base64 -d`).
      const decoding = m[0].startsWith('|');
      const echoed = decoding ? ECHOED.exec(head) : null;
      PRINTED.lastIndex = m.index + m[0].length;
      const p = PRINTED.exec(text);
      const v = p?.[1] ?? '';
      const login = LOGIN_AND_PASSWORD.exec(v);
      const named = /secret|passw|token|key|auth|cred/i.test(head);
      if (echoed !== null && (named || login !== null || encodesSecret(echoed[2])))
        push(m.index - head.length + echoed.index + echoed[0].lastIndexOf(echoed[2]), echoed[2]);
      if (p === null || p.index !== m.index + m[0].length) continue;
      if (decoding && login !== null && !named) push(p.index + p[0].lastIndexOf(v) + login[1].length + 1, login[2]);
      else if ((!decoding || named) && literalPassword(v) && !/^(?:true|false|null|ok|done|error)$/i.test(v))
        push(p.index + p[0].lastIndexOf(v), v);
    }
  }
  if (hints.redisConf) {
    REDIS_PASSWORD.lastIndex = 0;
    while ((m = REDIS_PASSWORD.exec(text)) !== null) {
      const v = m[2];
      if (!literalPassword(v)) continue;
      push(m.index + m[0].lastIndexOf(v), v);
    }
    REDIS_ACL_LINE.lastIndex = 0;
    while ((m = REDIS_ACL_LINE.exec(text)) !== null) {
      const line = m[0];
      REDIS_ACL_PASSWORD.lastIndex = 0;
      let p: RegExpExecArray | null;
      while ((p = REDIS_ACL_PASSWORD.exec(line)) !== null) if (literalPassword(p[1])) push(m.index + p.index + 1, p[1]);
    }
  }
  if (hints.device) {
    for (const re of [DEVICE_PASSWORD, DEVICE_KEY]) {
      re.lastIndex = 0;
      while ((m = re.exec(text)) !== null) {
        const v = m[1];
        // SNMP's default communities are documentation's, not a secret.
        if (!literalPassword(v) || (re === DEVICE_KEY && /^(?:public|private)$/i.test(v))) continue;
        push(m.index + m[0].lastIndexOf(v), v);
      }
    }
  }
  if (hints.secureString) {
    SECURE_STRING.lastIndex = 0;
    while ((m = SECURE_STRING.exec(text)) !== null) {
      const v = m[2];
      if (!literalPassword(v)) continue;
      push(m.index + m[0].length - 1 - v.length, v);
    }
  }
  if (hints.htpasswd) {
    HTPASSWD.lastIndex = 0;
    while ((m = HTPASSWD.exec(text)) !== null) {
      const flags = m[1];
      const v = m[3];
      // `-b` takes the password from the command line; with `-n` there is no file before the user.
      if (!/-[A-Za-z]*b/.test(flags) || !literalPassword(v)) continue;
      const end = m.index + m[0].length - m[2].length;
      push(end - v.length, v);
    }
  }
  if (hints.variable) {
    HCL_DEFAULT.lastIndex = 0;
    while ((m = HCL_DEFAULT.exec(text)) !== null) {
      const cls = classifyName(m[1]);
      const v = m[2];
      if (cls === null || !valueLooksSecret(v, cls, true)) continue;
      push(m.index + m[0].length - 1 - v.length, v);
    }
  }
  if (hints.pgpass) {
    PGPASS.lastIndex = 0;
    while ((m = PGPASS.exec(text)) !== null) {
      const v = m[2];
      if (!literalPassword(v) || !/[A-Za-z]/.test(v)) continue;
      push(m.index + m[0].length - v.length, v);
    }
  }
  if (hints.psk) {
    IPSEC_SECRET.lastIndex = 0;
    while ((m = IPSEC_SECRET.exec(text)) !== null) {
      const v = m[1];
      if (literalPassword(v)) push(m.index + m[0].length - 1 - v.length, v);
    }
  }
  if (hints.chpasswd) {
    CHPASSWD_ECHO.lastIndex = 0;
    while ((m = CHPASSWD_ECHO.exec(text)) !== null) {
      const v = m[2];
      if (literalPassword(v)) push(m.index + m[0].indexOf(':' + v) + 1, v);
    }
    CHPASSWD_LIST.lastIndex = 0;
    while ((m = CHPASSWD_LIST.exec(text)) !== null) {
      let at = m.index + m[0].length - m[2].length;
      for (const line of m[2].split('\n')) {
        const lm = /^[ \t]+[\w.-]{1,32}:([^\s:]{1,128})/.exec(line);
        if (lm && literalPassword(lm[1]) && !/^(?:RANDOM|R)$/.test(lm[1])) push(at + lm[0].length - lm[1].length, lm[1]);
        at += line.length + 1;
      }
    }
  }
  if (hints.rootpw) {
    KICKSTART_ROOTPW.lastIndex = 0;
    while ((m = KICKSTART_ROOTPW.exec(text)) !== null) {
      const v = m[1];
      if (literalPassword(v)) push(m.index + m[0].lastIndexOf(v), v);
    }
  }
  if (hints.debconf) {
    DEBCONF_PASSWORD.lastIndex = 0;
    while ((m = DEBCONF_PASSWORD.exec(text)) !== null) {
      const v = m[1];
      if (literalPassword(v)) push(m.index + m[0].lastIndexOf(v), v);
    }
  }
  if (hints.connect) {
    CONNECT_CALL.lastIndex = 0;
    while ((m = CONNECT_CALL.exec(text)) !== null) {
      const first = m[2].trim(),
        second = m[4],
        third = m[6];
      const hostFirst =
        /^["']?(?:localhost|[\w.-]+\.[\w-]+|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?["']?$|[:=/;]/.test(first) || !/^["']/.test(first);
      if (m[1] === 'connect' && !hostFirst) {
        // `connect('user', 'password', 'host:1521/service')`: the second literal, before a DSN.
        if (second === undefined || !/[:/=.@]|^localhost$/.test(third) || !/^["']/.test(first)) continue;
        const v = second;
        if (!literalPassword(v) || /\s/.test(v) || v.length > 64) continue;
        const at = m.index + m[0].indexOf(m[3] + v + m[3], m[0].indexOf(',')) + 1;
        push(at, v);
        continue;
      }
      const v = third;
      if (!literalPassword(v) || /\s/.test(v) || v.length > 64 || v === second) continue;
      const at = m.index + m[0].lastIndexOf(m[5] + v + m[5]) + 1;
      push(at, v);
    }
  }
  if (hints.fieldInput) findFieldInput(text, push);
  if (hints.insert) {
    INSERT.lastIndex = 0;
    while ((m = INSERT.exec(text)) !== null) {
      const columns = m[1].split(',').map((c) => c.trim().replace(/^[`"[]|[`"\]]$/g, ''));
      const wanted = columns.map((c) => classifyName(c));
      // Identifier columns (`pesel`, `sin`, `dob`, `passport_no`): each row's value taken when it validates.
      const ids = columns.map((c) => nationalIds().columnReader(c, columns));
      if (!wanted.some((c) => c === 'password' || c === 'secret') && !ids.some((r) => r !== null)) continue;
      let at = INSERT.lastIndex;
      for (;;) {
        ROW.lastIndex = at;
        const r = ROW.exec(text);
        if (r === null) break;
        // The row's values, read from its text alone (a quoted value is one value, commas and all).
        const inner = r.index + r[0].indexOf('(') + 1;
        const row = r[1];
        let p = 0,
          col = 0;
        while (p < row.length && col < columns.length) {
          SQL_VALUE.lastIndex = p;
          const sv = SQL_VALUE.exec(row);
          if (sv === null || SQL_VALUE.lastIndex === p) break;
          const lit = sv[1] ?? sv[2];
          const cls = wanted[col];
          const id = ids[col];
          if (id !== null && id !== undefined) {
            // Quoted or bare (`'03310271939'`, `03310271939`).
            const v = (lit ?? sv[0].replace(/,$/, '')).trim();
            const kind = v ? id(v) : null;
            if (kind !== null) {
              const start = inner + sv.index + sv[0].indexOf(v);
              out.push({ kind, start, end: start + v.length });
            }
          }
          if (lit !== undefined && (cls === 'password' || cls === 'secret')) {
            const start = inner + sv.index + sv[0].indexOf(lit, sv[0].search(/['"]/));
            if (cls === 'password' ? literalPassword(lit) && !/\s/.test(lit) : valueLooksSecret(lit, cls, true)) push(start, lit);
          }
          p = SQL_VALUE.lastIndex;
          col++;
        }
        at = ROW.lastIndex;
      }
      INSERT.lastIndex = Math.max(INSERT.lastIndex, at);
    }
  }
  if (hints.authCall) {
    AUTH_CALL.lastIndex = 0;
    while ((m = AUTH_CALL.exec(text)) !== null) {
      const user = m[2],
        v = m[4];
      if (!literalPassword(v) || v === user || /\s/.test(v) || v.length > 64) continue;
      // `smtp.PlainAuth("", user, password, host)`: an identity first, read as a connect call's.
      if (user === '' && /plain$/i.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
      if (wordLike(v) && !/[^A-Za-z]/.test(v)) continue; // `['required', 'confirmed']`: a list of words, not a login
      push(m.index + m[0].length - 1 - v.length, v);
    }
  }
}

export { findCliSecrets, findCommandSecrets } from './commands';
export {
  findAnnotatedValues,
  findChatIds,
  findCuedIdentifiers,
  findDocumentRecords,
  findLooseIds,
  findOtpSeeds,
  findRecoveryKeys,
  findSpacedNinos,
} from './cued-identifiers';
export { findFormNumbers } from './form-numbers';
export { findHighEntropyLiterals, findHighEntropyValues } from './literals';
export { findPersonalFields } from './fields';

let idFinders: typeof import('./national-ids') | undefined;
/** The national identifiers' readers, a bundle of their own (national-ids.js beside this file when compiled). */
function nationalIds(): typeof import('./national-ids') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on purpose when first needed
  return (idFinders ??= require(join(__dirname, 'national-ids.js')) as typeof import('./national-ids'));
}

// A generated password in Terraform's state: the `result` of a `random_password` (or a
// `random_string`, which configurations use as one), known by its neighbours within three lines
// (`"special": true`, `"override_special"`, `"min_special"`), as the state lists them sorted.
const STATE_RESULT = /"result":[ \t]*"((?:[^"\\\n]|\\.){4,256})"/g;
const STATE_NEIGHBOUR = /"(?:special|override_special|min_special|min_upper|min_numeric)":/;
export function findTerraformStateResults(text: string, out: Finding[]): void {
  STATE_RESULT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STATE_RESULT.exec(text)) !== null) {
    let from = m.index;
    for (let k = 0; k < 3 && from > 0; k++) from = text.lastIndexOf('\n', from - 1);
    let to = m.index;
    for (let k = 0; k < 3 && to >= 0; k++) to = text.indexOf('\n', to + 1);
    if (
      !STATE_NEIGHBOUR.test(
        text.slice(Math.max(0, from, m.index - 400), to < 0 ? Math.min(text.length, m.index + 400) : Math.min(to, m.index + 400)),
      )
    )
      continue;
    const start = m.index + m[0].length - 1 - m[1].length;
    out.push({ kind: 'password', start, end: start + m[1].length });
  }
}

// A COBOL data item with its initial value (`01  WS-DB-PASS  PIC X(8)  VALUE 'LZ2E1LO9'.`,
// `05  WS-CUST-NAME  PIC X(30)  VALUE 'STOLTZ, BRIANNA'.`): the item's name judged as a key's.
const COBOL_ITEM =
  /^[ \t]*\d{2}[ \t]+([A-Z][A-Z0-9-]{1,29})[ \t]+PIC(?:TURE)?[ \t]+(?:IS[ \t]+)?[^\s'"]{1,30}(?:[ \t]+(?:COMP(?:-\d)?|USAGE[ \t]+\S+|DISPLAY))?[ \t]+VALUE[ \t]+(?:IS[ \t]+)?(['"])([^'"\n]{1,80})\2/gim;
export function findCobolValues(text: string, out: Finding[]): void {
  COBOL_ITEM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COBOL_ITEM.exec(text)) !== null) {
    const item = m[1];
    const v = m[3];
    const start = m.index + m[0].length - 1 - v.length;
    const cls = classifyName(item);
    if (cls !== null) {
      if (!isPlaceholder(v) && valueLooksSecret(v, cls, true))
        out.push({ kind: cls === 'password' ? 'password' : 'secret', start, end: start + v.length });
      continue;
    }
    // A working-storage prefix (`WS-`, `LK-`) aside, the rest as a record's key (`CUST-NAME`, `CUSTOMER-ADDRESS`).
    const key = item
      .replace(/^(?:WS|LK|LS|W|L)-/, '')
      .replace(/^CUST-/, 'CUSTOMER-')
      .replace(/-/g, '_');
    const field = personalField(key);
    if (field === null || field.plain) continue;
    const ok = field.what === 'name' ? looksLikeName(v.trim(), 1, true) : field.what === 'address' ? looksLikeAddress(v.trim()) : false;
    if (ok) out.push({ kind: field.what === 'name' ? 'person-name' : 'street-address', start, end: start + v.trim().length });
  }
}

/**
 * A text read as what it holds: a diff as the text it changes: each line of a hunk (after an `@@` header) without its `+`,
 * `-` or space, and an added line that assigns (`+SFTP_PASSWORD=…`, in a chat quoting a diff) without
 * its `+`. The sign becomes a space: one character for one, so findings' offsets hold for the input.
 */
export function readingView(text: string): string {
  let hunk = false;
  // JSON escaped twice or more (`{\\\"password\\\":\\\"…\\\"}`, a secret's JSON inside a parameter's
  // string) is read as escaped once: the extra backslashes become spaces.
  // (The spaces go outside the strings: before an opening quote, after a closing one.)
  if (text.includes('\\\\\\"'))
    text = text.replace(ESCAPED_AGAIN, (run, at: number) => {
      const pad = ' '.repeat(run.length - 2);
      return /[^\s:,}\]]/.test(text.charAt(at + run.length)) ? pad + '\\"' : '\\"' + pad;
    });
  if (!DIFF_HINT.test(text)) return text;
  return text.replace(DIFF_LINE, (line) => {
    if (line.startsWith('@@ ')) hunk = true;
    else if (line.startsWith('diff ') || line.startsWith('commit ')) hunk = false;
    else if ((hunk && /^[+-](?![+-]{2} )/.test(line)) || ADDED_ASSIGNMENT.test(line)) return ' ' + line.slice(1);
    return line;
  });
}
const DIFF_LINE = /^[^\n]*/gm;
const DIFF_HINT = /^(?:@@ |\+[A-Za-z_])/m;
// An odd run of three backslashes or more, and the quote they escape.
const ESCAPED_AGAIN = /(?<!\\)(?:\\\\)+\\"/g;
const ADDED_ASSIGNMENT = /^\+(?:export[ \t]+)?[A-Za-z_][\w.-]{0,63}[ \t]*[:=]/;

/**
 * A secret kept as an array of its bytes (`byte[] Secret = { 101, 109, 37, … }`, Go's `[]byte{0x4d,
 * 0x6d, …}`, Rust's `[u8; 24]`), so that `strings(1)` does not show it: twelve bytes or more, all
 * printable ASCII, read as the string they spell. It goes when that string looks like a secret, or
 * is a password's or a secret's value by the name the array is given.
 */
export function findByteArraySecrets(text: string, out: Finding[]): void {
  BYTE_ARRAY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BYTE_ARRAY.exec(text)) !== null) {
    const items = m[1].split(/\s*,\s*/);
    let spelled = '';
    const bytes = new Set<number>();
    for (const it of items) {
      const c = it.startsWith('0') && it.length > 1 && (it[1] === 'x' || it[1] === 'X') ? parseInt(it.slice(2), 16) : parseInt(it, 10);
      bytes.add(c);
      if (c >= 32 && c <= 126 && spelled !== null) spelled += String.fromCharCode(c);
      else spelled = null as unknown as string;
    }
    const bol = text.lastIndexOf('\n', m.index) + 1;
    const name = BYTE_ARRAY_NAME.exec(text.slice(Math.max(bol, m.index - 120), m.index));
    const cls = name === null ? null : classifyName(name[1]);
    const start = m.index + m[0].indexOf(m[1]);
    // A key's raw bytes under a key's name (a LoRaWAN `APPKEY[16] = { 0x8E, … }`, Zigbee2MQTT's
    // `network_key: [245, 2, …]`): sixteen bytes or more, not a run of one value.
    if (spelled === null) {
      if (cls !== null && items.length >= 16 && items.every((it) => /^(?:0[xX][0-9a-fA-F]{2}|\d{1,3})$/.test(it)) && bytes.size >= 8)
        out.push({ kind: 'secret', start, end: start + m[1].length });
      continue;
    }
    if (spelled.length < 12) continue;
    const named = cls === 'password' || cls === 'secret';
    // (Unnamed, a string of one word: `Hello, World` spelled so is a greeting.)
    if (
      named
        ? !literalPassword(spelled) && !valueLooksSecret(spelled, cls, true)
        : /\s/.test(spelled) || !valueLooksSecret(spelled, 'secret', true)
    )
      continue;
    out.push({ kind: cls === 'password' ? 'password' : 'secret', start, end: start + m[1].length });
  }
}
// Twelve byte values or more in braces or brackets, decimal or hex.
const BYTE_ARRAY =
  /[{[][ \t\r\n]*((?:0[xX][0-9a-fA-F]{2}|\d{1,3})(?:[ \t]*,[ \t\r\n]*(?:0[xX][0-9a-fA-F]{2}|\d{1,3})){11,511})[ \t\r\n]*,?[ \t\r\n]*[}\]]/g;
// The name the array is given, the last identifier before its `=` or `:`.
// (Or a C array's, its length after it: `APPKEY[16] = {`; or YAML's key: `network_key: [`.)
const BYTE_ARRAY_NAME = /([A-Za-z_][\w]*)(?:\[\d*\])?[ \t]*(?:(?::[^=\n]{0,40})?=[^=\n]{0,60}|:[ \t]*)$/;

// A secret written in pieces joined by `+` (Java, JavaScript, C#, Python), `.` (PHP, Perl), `..`
// (Lua) or `&` (Visual Basic): `"f3f9…6e" + "-" + "a504ead3-f3980ad0"`. The literals joined on its
// line to a secret's whole literal are pieces of it, before it and after it.
// (The next piece may stand on the next line, as a verbatim or interpolated string: `@"AccountKey=…" +` ⏎ `@"+Rudy…==;"`.)
const PIECE_AFTER = /^(["'])[ \t]*(?:\+|\.\.?|&)[ \t]*(?:\r?\n[ \t]*)?[@$]?(["'])([^"'\n\\]{1,100})\2/;
const PIECE_BEFORE = /(["'])([^"'\n\\]{1,100})\1[ \t]*(?:\+|\.\.?|&)[ \t]*(?:\r?\n[ \t]*)?[@$]?(["'])$/;
export function joinConcatenated(text: string, raw: Finding[], pii: ReadonlySet<string>): void {
  const secrets = raw.filter((f) => !pii.has(f.kind));
  for (const f of secrets) {
    const quote = text[f.end];
    // (A finding that ends a literal goes on into the pieces after it, one that starts one into those before.)
    if ((quote !== '"' && quote !== "'") || (text[f.start - 1] !== quote && !/[=:]/.test(text[f.start - 1] ?? ''))) continue;
    let end = f.end;
    for (let k = 0; k < 8; k++) {
      const m = PIECE_AFTER.exec(text.slice(end, end + 112));
      if (m === null) break;
      const start = end + m[0].length - 1 - m[3].length;
      raw.push({ kind: f.kind, start, end: start + m[3].length });
      end = start + m[3].length;
    }
    let start = f.start - 1;
    for (let k = 0; k < 8; k++) {
      const m = PIECE_BEFORE.exec(text.slice(Math.max(0, start - 112), start + 1));
      if (m === null) break;
      const at = start + 1 - m[0].length + 1;
      raw.push({ kind: f.kind, start: at, end: at + m[2].length });
      start = at - 1;
    }
  }
}

/**
 * A secret split into variables and joined where it is used (`P1="glpat-Zv5S…"` … `${P1}${P2}`,
 * `BK_PART_1 := bkua_…` … `$(BK_PART_1)$(BK_PART_2)`, `PART_A + PART_B`): the literals assigned to
 * the variables, joined in order, are a provider's token, or a secret where the join's line names a
 * credential. Each literal goes. Assignments are read in one pass; a variable assigned twice is not used.
 */
export function joinVariables(text: string, raw: Finding[]): void {
  // The joins first (rare): only a text with one reads its assignments.
  JOINED_VARIABLES.lastIndex = 0;
  const sites: RegExpExecArray[] = [];
  for (let m: RegExpExecArray | null; sites.length < 256 && (m = JOINED_VARIABLES.exec(text)) !== null;) sites.push(m);
  if (sites.length === 0) return;
  const assigned = new Map<string, { start: number; end: number } | null>();
  ASSIGNED_LITERAL.lastIndex = 0;
  for (let m: RegExpExecArray | null, n = 0; n < 4096 && (m = ASSIGNED_LITERAL.exec(text)) !== null; n++) {
    const v = m[3] ?? m[5];
    const start = m.index + m[0].length - v.length - (m[3] !== undefined ? 1 : 0);
    const name = m[1] ?? m[4];
    assigned.set(name, assigned.has(name) ? null : { start, end: start + v.length });
  }
  if (assigned.size < 2) return;
  for (const m of sites) {
    const names = (m[7] !== undefined ? [m[7] + m[8], m[7] + m[9]] : m.slice(1, 7)).filter((x): x is string => x !== undefined);
    const parts = names.map((x) => assigned.get(x));
    if (parts.some((p) => p === undefined || p === null)) continue;
    const spans = parts as { start: number; end: number }[];
    const joined = spans.map((p) => text.slice(p.start, p.end)).join('');
    if (joined.length < 16) continue;
    const bol = text.lastIndexOf('\n', m.index) + 1;
    const eol = text.indexOf('\n', m.index);
    const line = text.slice(bol, eol < 0 ? text.length : eol);
    if (!(JOINED_PREFIX.test(joined) || (JOINED_CUE.test(line) && valueLooksSecret(joined, 'secret', true)))) continue;
    for (const p of spans) raw.push({ kind: 'secret', start: p.start, end: p.end });
  }
}
// `NAME := value` (make), `NAME="value"` (shell), `NAME: "value"` (YAML), `String NAME = "value";` (code).
const ASSIGNED_LITERAL =
  /(?:^|[\s;{(,])(?:(?:export|local|readonly|const|let|var|final|static|private|public|String|string|val|my)[ \t]+)*\$?([A-Za-z_]\w{0,39})[ \t]*(?::=|\?=|=|:)[ \t]*(["'])([^\s"'$\\]{4,200})\2|^[ \t]*([A-Za-z_]\w{0,39})[ \t]*(?::=|\?=|=)[ \t]*([^\s"'$\\#]{4,200})[ \t]*\r?$/gm;
// Two or three variables joined: `${A}${B}`, `$(A)$(B)`, or code's `+` between two parts of one name
// (`PART_A + PART_B`, `key1 + key2`: a stem and a letter or a number each), not a call's or a member's name after it.
const JOINED_VARIABLES =
  /\$\{(\w{1,40})\}\$\{(\w{1,40})\}(?:\$\{(\w{1,40})\})?|\$\((\w{1,40})\)\$\((\w{1,40})\)(?:\$\((\w{1,40})\))?|\b([A-Za-z_]\w{0,37}?[_-]?)(\d{1,2}|[A-Z])[ \t]*\+[ \t]*\7(\d{1,2}|[A-Z])\b(?![ \t]*[(.[])/g;
const JOINED_PREFIX =
  /^(?:gh[pousr]_|github_pat_|glpat-|xox[abpre]-|[sr]k_live_|npm_|pypi-|bkua_|hf_|dop_v1_|sk-|AKIA|ATATT|SG\.|AIza|sgp_)/;
const JOINED_CUE = /token|secret|passw|pwd|auth|key|credential|bearer|oauth2?:/i;

/**
 * A credential that a backslash continues onto the next line (`"Authorization: token ghp_dPP…\⏎8iG4…"`,
 * a shell or C string split for width): the part on the next line is the same credential.
 */
export function continueAcrossLineBreaks(text: string, raw: Finding[], pii: ReadonlySet<string>): void {
  const n = raw.length;
  for (let k = 0; k < n; k++) {
    const f = raw[k];
    if (pii.has(f.kind)) continue;
    // The backslash after the finding, or its last character (a value read up to white space).
    let i = text.charCodeAt(f.end) === 92 ? f.end + 1 : text.charCodeAt(f.end - 1) === 92 ? f.end : -1;
    if (i < 0) continue;
    if (text.charCodeAt(i) === 13) i++;
    if (text.charCodeAt(i) !== 10) continue;
    i++;
    let e = i;
    while (e < text.length && e - i < 4096 && TOKEN_CHAR.test(text[e])) e++;
    if (e - i >= 4) raw.push({ kind: f.kind, start: i, end: e });
  }
}
const TOKEN_CHAR = /[A-Za-z0-9+/=_.~-]/;

/** A text decoded where it was escaped, with where each of its characters came from in the text. */
export interface DecodedView {
  text: string;
  /** For each offset of the view (and its length), the offset in the text it was read from. */
  map: Int32Array;
  /** Whether [start, end) of the view touches a line the view changed. */
  changed(start: number, end: number): boolean;
}

/**
 * The text with its lines continued by a backslash joined (`jira.api-token=ATATT…\\` ⏎ `    NK0E…\\` ⏎
 * `    7AAe…` in a properties file, `echo "LS0t…\\` ⏎ `QUFB…" | base64 -d` in a Dockerfile): each
 * backslash, its line break and the next line's indentation left out, so that a value wrapped so
 * reads whole. A finding changes nothing unless it spans a joint. Null when no line is continued.
 */
export function continuedView(text: string): (DecodedView & { pieces(start: number, end: number): [number, number][] }) | null {
  const joints: number[] = [];
  const map: number[] = [];
  let out = '';
  let from = 0;
  CONTINUATION.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = CONTINUATION.exec(text)) !== null;) {
    for (let k = from; k < m.index; k++) map.push(k);
    out += text.slice(from, m.index);
    joints.push(out.length);
    from = m.index + m[0].length;
  }
  if (joints.length === 0) return null;
  for (let k = from; k < text.length; k++) map.push(k);
  out += text.slice(from);
  map.push(text.length);
  return {
    text: out,
    map: Int32Array.from(map),
    changed: (s, e) => joints.some((j) => j > s && j < e),
    // The text's stretches a view's [s, e) was read from, one a line: no backslash or indentation between.
    pieces: (s, e) => {
      const cuts = [s, ...joints.filter((j) => j > s && j < e), e];
      const out: [number, number][] = [];
      for (let k = 0; k + 1 < cuts.length; k++) out.push([map[cuts[k]], map[cuts[k + 1] - 1] + 1]);
      return out;
    },
  };
}
// A backslash that ends its line (not one escaped itself), the line break and the indentation after it.
const CONTINUATION = /(?<!\\)\\\r?\n[ \t]*/g;

/**
 * Views of a text in which escaped and encoded values are written as they read: URL-encoding
 * (`Y%C4%B1lmaz`, and `+` as a space in a form's body), `\uXXXX` and HTML's character references
 * (`&#305;`, `&#x131;`, `&eacute;`) past ASCII, quoted-printable's UTF-8 (`=C3=A9`) and, on its lines, `=3D`,
 * a CSV cell's JSON with its quotes doubled (`{""user"":""…""}`), and git's word diff
 * (`[-old-]{+new+}`) read once as the new text and once as the old. Line by line: a line break is
 * never decoded, so the view has the text's lines; lines more than three from a changed one are
 * left empty, as no rule reads further. Empty when nothing decodes.
 */
export function decodedViews(text: string): DecodedView[] {
  const lines = text.split('\n');
  // (Arrays of lines: a notebook's cells.)
  const arrays = text.includes('\\n",');
  const views: DecodedView[] = [];
  for (const side of ['new', 'old'] as const) {
    // (A line longer than MAX_DECODED_LINE is a blob or a minified file, read once as it is.)
    const decoded: (Decoded | null)[] = lines.map((l) =>
      l.length <= MAX_DECODED_LINE && (LINE_ESCAPE.test(l) || (arrays && /"[ \t]*,?[ \t]*\r?$/.test(l)))
        ? decodeLine(l, side, arrays)
        : null,
    );
    if (!decoded.some((d) => d !== null)) {
      if (side === 'new') return views;
      continue;
    }
    const near = new Uint8Array(lines.length);
    decoded.forEach((d, i) => {
      if (d !== null) for (let k = Math.max(0, i - 3); k <= Math.min(lines.length - 1, i + 3); k++) near[k] = 1;
    });
    let out = '';
    const map: number[] = [];
    const flags: number[] = [];
    let at = 0;
    lines.forEach((line, i) => {
      if (i > 0) {
        map.push(at - 1);
        flags.push(0);
        out += '\n';
      }
      const d = decoded[i];
      if (d !== null) {
        out += d.text;
        for (let k = 0; k < d.text.length; k++) map.push(at + d.map[k]);
        for (let k = 0; k < d.text.length; k++) flags.push(1);
      } else if (near[i] === 1) {
        out += line;
        for (let k = 0; k < line.length; k++) {
          map.push(at + k);
          flags.push(0);
        }
      }
      at += line.length + 1;
    });
    map.push(text.length);
    const flag = Uint8Array.from(flags);
    views.push({
      text: out,
      map: Int32Array.from(map),
      changed: (s, e) => {
        for (let k = s; k < e && k < flag.length; k++) if (flag[k] === 1) return true;
        return false;
      },
    });
    if (!WORD_DIFF.test(text)) break;
  }
  return views;
}

const MAX_DECODED_LINE = 32 * 1024;
interface Decoded {
  text: string;
  map: number[];
}
// A JSON string alone on its line, an array's item (in a text whose arrays hold lines, ending in an
// escaped line break): group 2 what it holds.
const JSON_LINE = /^([ \t]*")((?:[^"\\\n]|\\.){1,4000}?)(?:\\n)?",?[ \t]*\r?$/;
const NAMED_VALUE = /"(?:name|Name|key|Key)"[ \t]*:[ \t]*("[^"\\\n]{1,64}")[ \t]*,[ \t]*"(?:value|Value)"[ \t]*:[ \t]*/g;
/** A line with its name-and-value pairs read as members named by their names, or null when it holds none. */
function namedValues(line: string): Decoded | null {
  let text = '';
  const map: number[] = [];
  let pos = 0;
  NAMED_VALUE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = NAMED_VALUE.exec(line)) !== null;) {
    const nameAt = m.index + m[0].indexOf(m[1]);
    for (let k = pos; k < m.index; k++) map.push(k);
    for (let k = nameAt; k < nameAt + m[1].length; k++) map.push(k);
    text += line.slice(pos, m.index) + m[1] + ': ';
    const comma = nameAt + m[1].length + m[0].slice(m[0].indexOf(m[1]) + m[1].length).indexOf(',');
    map.push(comma, comma);
    pos = m.index + m[0].length;
  }
  if (pos === 0) return null;
  for (let k = pos; k < line.length; k++) map.push(k);
  return { text: text + line.slice(pos), map };
}
const JSON_ESCAPED: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', t: '\t' };
/** The string of a JSON_LINE, [from, to) of the line, with its escapes of quotes, backslashes and tabs read. */
function jsonLine(line: string, from: number, to: number): Decoded {
  let text = '';
  const map: number[] = [];
  for (let i = from; i < to; i++) {
    const c = line[i];
    const e = c === '\\' ? JSON_ESCAPED[line[i + 1]] : undefined;
    map.push(i);
    if (e !== undefined) {
      text += e;
      i++;
    } else text += c;
  }
  return { text, map };
}
const LINE_ESCAPE =
  /"[Vv]alue"[ \t]*:|%[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}|&#x?[0-9A-Fa-f]{2,6};|&[a-z]{4,6};|=[C-F][0-9A-F]=[89AB]|\{""|\[-|\{\+/;
const WORD_DIFF = /\[-[^\n]*?-\]|\{\+[^\n]*?\+\}/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const PAST_ASCII = /[\u0080-\uffff]/;
// What an escape past ASCII is decoded to: a letter, a mark or a digit of a name or a word.
const DECODED_LETTER = /^[\p{L}\p{M}\p{N}]/u;
// …and what a run of URL-encoded bytes may be: printable ASCII, letters, marks, digits, punctuation.
const DECODED_TEXT = /^[\x20-\x7e\p{L}\p{M}\p{N}\u00a0-\u00bf\u2000-\u206f]*$/u;
// HTML's named references to letters past ASCII that names and words hold.
const NAMED_LETTERS: Record<string, string> = Object.fromEntries(
  'aacute á eacute é iacute í oacute ó uacute ú yacute ý Aacute Á Eacute É Iacute Í Oacute Ó Uacute Ú agrave à egrave è igrave ì ograve ò ugrave ù Agrave À Egrave È acirc â ecirc ê icirc î ocirc ô ucirc û auml ä euml ë iuml ï ouml ö uuml ü yuml ÿ Auml Ä Ouml Ö Uuml Ü atilde ã otilde õ ntilde ñ Atilde Ã Otilde Õ Ntilde Ñ ccedil ç Ccedil Ç aring å Aring Å aelig æ AElig Æ oslash ø Oslash Ø szlig ß'
    .split(' ')
    .flatMap((w, i, a) => (i % 2 === 0 ? [[w, a[i + 1]]] : [])),
);

/** One line decoded for one side of a word diff, or null when it reads as it is written. */
function decodeLine(line: string, side: 'new' | 'old', arrays: boolean): Decoded | null {
  // A line of a JSON array of lines, as notebooks keep their cells' sources and outputs
  // (`"   patient_id   name   phone\n",`): read as the line it holds.
  const held = arrays ? JSON_LINE.exec(line) : null;
  if (held !== null) return jsonLine(line, held[1].length, held[1].length + held[2].length);
  // A name and its value as two members of one object (a HAR's headers, an ECS task's environment,
  // an M-Pesa callback's items: `{"name": "cookie", "value": "…"}`): read as the one member `"cookie": "…"`.
  if (line.includes('alue"')) {
    const pairs = namedValues(line);
    if (pairs !== null) return pairs;
  }
  // Decoding never lengthens a line: its view and map fit the line's length.
  const parts: string[] = [];
  const map: number[] = [];
  let n = 0;
  const emit = (s: string, from: number): void => {
    parts.push(s);
    for (let k = 0; k < s.length; k++) map[n++] = from;
  };
  // Characters as they are, from `from` to `to`, in one piece.
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    parts.push(line.slice(from, to));
    for (let k = from; k < to; k++) map[n++] = k;
  };
  // Where the next `-]` and `+}` stand (searched again only once passed: a line of openings without
  // their closings would cost its length squared).
  let dashClose = -2;
  let plusClose = -2;
  // A form's body or a query (`a=1&b=Ho%C3%A0ng+Qu%E1%BB%91c`): `+` is a space there.
  const form = line.includes('=') && line.includes('&') && /%[0-9A-Fa-f]{2}/.test(line) && !/\s/.test(line.trim());
  // (Or a URL's query, from its `?` to the white space or quote that ends it.)
  let query = false;
  const percent = /%[0-9A-Fa-f]{2}/.test(line);
  // (`=3D` is an `=` on a line quoted-printable wrote: one with its UTF-8 escapes.)
  const qp = /=[C-F][0-9A-F]=[89AB]/.test(line);
  const csvJson = line.includes('{""');
  // (A regular expression's ranges of escapes, `[\u0020-\u007E\u0080-\u00FF]`, are not text.)
  const ranges = /\\u[0-9A-Fa-f]{4}-\\u/.test(line);
  let changed = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    // Git's word diff: `[-removed-]` and `{+added+}` on one line.
    if ((c === '[' && line[i + 1] === '-') || (c === '{' && line[i + 1] === '+')) {
      if (c === '[' && dashClose !== -1 && dashClose < i + 2) dashClose = line.indexOf('-]', i + 2);
      if (c === '{' && plusClose !== -1 && plusClose < i + 2) plusClose = line.indexOf('+}', i + 2);
      const close = c === '[' ? dashClose : plusClose;
      if (close > i + 2) {
        changed = true;
        if ((c === '[') === (side === 'old')) copy(i + 2, close);
        i = close + 2;
        continue;
      }
    }
    if (c === '%' || (c === '=' && /[C-F]/.test(line[i + 1] ?? ''))) {
      // A run of %XX (or quoted-printable's =XX) bytes, read as UTF-8.
      const re = c === '%' ? PERCENT_RUN : QP_RUN;
      re.lastIndex = i;
      const m = re.exec(line);
      // (A run of more than a kilobyte encodes a file, not a value a rule reads: kept as it is.)
      if (m !== null && m[0].length > 3072) {
        copy(i, i + m[0].length);
        i += m[0].length;
        continue;
      }
      if (m !== null) {
        const bytes = Uint8Array.from(m[0].match(/[0-9A-Fa-f]{2}/g) ?? [], (h) => parseInt(h, 16));
        let s: string | null;
        try {
          s = UTF8.decode(bytes);
        } catch {
          s = null;
        }
        if (s !== null && DECODED_TEXT.test(s) && (c === '%' || PAST_ASCII.test(s))) {
          let b = 0;
          for (const ch of s) {
            emit(ch, i + 3 * b);
            b += Buffer.byteLength(ch);
          }
          changed = true;
          i += m[0].length;
          continue;
        }
        // (A run that reads as no text is kept whole: read again from each of its bytes, a long
        // one would cost its length squared.)
        copy(i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    if (c === '=' && qp && line.startsWith('=3D', i) && i + 3 < line.length && !/\s/.test(line[i + 3])) {
      emit('=', i);
      changed = true;
      i += 3;
      continue;
    }
    if (c === '\\' && line[i + 1] === 'u' && !ranges) {
      U_ESCAPE.lastIndex = i;
      const u = U_ESCAPE.exec(line);
      if (u !== null) {
        const hi = parseInt(u[1], 16);
        // (And `\u0040`, an e-mail address's `@` as native2ascii and some serialisers write it.)
        if (
          hi === 0x40 ||
          (hi >= 0x80 &&
            !(hi >= 0xd800 && hi <= 0xdbff && u[2] === undefined) &&
            (hi >= 0xd800 || DECODED_LETTER.test(String.fromCharCode(hi))))
        ) {
          emit(
            String.fromCharCode(hi) + (u[2] !== undefined && hi >= 0xd800 && hi <= 0xdbff ? String.fromCharCode(parseInt(u[2], 16)) : ''),
            i,
          );
          changed = true;
          i += u[2] !== undefined && hi >= 0xd800 && hi <= 0xdbff ? 12 : 6;
          continue;
        }
      }
    }
    if (c === '&') {
      REFERENCE.lastIndex = i;
      const r = REFERENCE.exec(line);
      if (r !== null) {
        const code = r[1] !== undefined ? parseInt(r[1], 10) : r[2] !== undefined ? parseInt(r[2], 16) : -1;
        const s =
          code >= 0x80 && code <= 0x10ffff && DECODED_LETTER.test(String.fromCodePoint(code))
            ? String.fromCodePoint(code)
            : r[3] !== undefined
              ? NAMED_LETTERS[r[3]]
              : undefined;
        if (s !== undefined) {
          emit(s, i);
          changed = true;
          i += r[0].length;
          continue;
        }
      }
    }
    if (c === '?' && percent) query = true;
    else if (c === ' ' || c === '\t' || c === '"' || c === "'") query = false;
    if (c === '+' && (form || query)) {
      emit(' ', i);
      i++;
      continue;
    }
    if (c === '"' && csvJson && line[i + 1] === '"') {
      emit('"', i);
      changed = true;
      i += 2;
      continue;
    }
    // Up to the next character a decoder starts at, as it is.
    ESCAPE_START.lastIndex = i + 1;
    const next = ESCAPE_START.exec(line);
    const to = next === null ? line.length : next.index;
    copy(i, to);
    i = to;
  }
  if (!changed) return null;
  map[n++] = line.length;
  return { text: parts.join(''), map };
}
// Where a decoder may start (or a query end).
const ESCAPE_START = /[[{%=\\&?+"'\s]/g;
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/y;
const QP_RUN = /(?:=[0-9A-F]{2})+/y;
const U_ESCAPE = /\\u([0-9A-Fa-f]{4})(?:\\u([dD][c-fC-F][0-9A-Fa-f]{2}))?/y;
const REFERENCE = /&(?:#(\d{2,7})|#[xX]([0-9A-Fa-f]{2,6})|([A-Za-z]{4,6}));/y;

/**
 * A login and its password before a host, with no scheme, as a string (a database's address in
 * Nakama's or a driver's configuration: `"nakama:1KLolLjxvwqCXB@cockroach:26257"`): the password
 * goes when it reads as one.
 */
export function findSchemelessLogins(text: string, out: Finding[]): void {
  SCHEMELESS.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = SCHEMELESS.exec(text)) !== null;) {
    const pass = m[3];
    // (Not an address after a URI's scheme: `"mailto:maria.garcia@…"`, `sip:…@…`.)
    if (URI_SCHEME.test(m[2]) || isPlaceholder(pass) || /^[$%{<[(]/.test(pass) || !valueLooksSecret(pass, 'password', true)) continue;
    const start = m.index + 1 + m[2].length + 1;
    out.push({ kind: 'password', start, end: start + pass.length });
  }
}
const URI_SCHEME =
  /^(?:mailto|sips?|xmpp|tel|callto|facetime|skype|https?|ftp|git|ssh|npm|github|gitlab|file|data|urn|news|irc|acct|did|matrix|nostr)$/i;
const SCHEMELESS = /(["'])([\w.-]{1,64}):([^\s"'@/]{6,128})@[A-Za-z0-9][\w.-]*(?::\d{2,5})?(?:\/[^\s"']*)?\1/g;

// A base64 JSON object's run: `{"` and a letter encode to `eyJ`; shorter than the encoded-json rule's 63.
const ENCODED_OBJECT = /(?<![A-Za-z0-9+/_-])eyJ[A-Za-z0-9+/_-]{13,59}={0,2}(?![A-Za-z0-9+/=_-])/g;
const MAX_ENCODED_OBJECTS = 64;
// Control characters (not tabs or line breaks) and the replacement character: bytes, not JSON's text.
// eslint-disable-next-line no-control-regex
const NOT_JSON_TEXT = /[\x00-\x08\x0e-\x1f\ufffd]/;
/** Reads the short base64 JSON objects of `text` that no finding covers; a finding in one takes its run. */
export function readEncodedObjects(text: string, raw: Finding[], read: (decoded: string) => Finding[]): void {
  ENCODED_OBJECT.lastIndex = 0;
  let m: RegExpExecArray | null;
  for (let n = 0; n < MAX_ENCODED_OBJECTS && (m = ENCODED_OBJECT.exec(text)) !== null; n++) {
    const start = m.index;
    const end = start + m[0].length;
    if (raw.some((f) => f.start <= start && f.end >= end)) continue;
    const decoded = Buffer.from(m[0], /[-_]/.test(m[0]) ? 'base64url' : 'base64').toString('utf8');
    // JSON's text: printable, no replacement character, closed or cut off by the run's length.
    if (!decoded.startsWith('{"') || NOT_JSON_TEXT.test(decoded)) continue;
    const inner = read(decoded);
    if (inner.length > 0) raw.push({ kind: inner[0].kind, start, end });
  }
}

// ---------- credential columns of tables (the keyword rule calls it: keyword.ts's TableReader) ----------
/** A header cell: a short name, maybe quoted. */
// (Words may be joined by a slash: `Password / token`.)
const HEADER_CELL = /^[ \t]*(["']?)[A-Za-z_][\w.-]{0,31}(?:(?: | ?\/ ?)[A-Za-z_][\w.-]{0,31}){0,3}\1[ \t]*$/;
/** The rule line under a Markdown table's header (or Org-mode's and psql's, `|----+----|`). */
const TABLE_RULE = /^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*[|+])+[ \t]*:?-{0,}:?[ \t]*\|?[ \t]*$/;
const MAX_TABLE_LINE = 2048;
const MAX_TABLE_ROWS = 10_000;

/** The cells of one line of a delimited table, with their offsets in the line (double quotes group). */
function tableCells(line: string, delim: string): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === delim && !quoted) {
      cells.push({ start, end: i });
      start = i + 1;
    }
  }
  cells.push({ start, end: line.length });
  // A Markdown row opens and closes with its pipe.
  if (delim === '|') {
    if (cells.length && line.slice(cells[0].start, cells[0].end).trim() === '') cells.shift();
    if (cells.length && line.slice(cells[cells.length - 1].start, cells[cells.length - 1].end).trim() === '') cells.pop();
  }
  return cells;
}

function lineAt(text: string, i: number): { start: number; end: number } {
  let a = i;
  while (a > 0 && !isLineBreak(text.charCodeAt(a - 1))) a--;
  let b = i;
  while (b < text.length && !isLineBreak(text.charCodeAt(b))) b++;
  return { start: a, end: b };
}

/**
 * When the name at [s, e) is a cell of a table's header line (every cell a short name, cells
 * split by one delimiter), reads every credential column of the table in the rows under it and
 * pushes the values that pass the value test. Returns where the rows end, or 0 when the name
 * heads no column; `seen` is the line last read as a header, whose other names need no second look.
 */
export function tableColumns(text: string, s: number, e: number, out: Finding[], seen: { start: number; end: number }): number {
  const delim = headerCellDelimiter(text, s, e);
  if (delim === '') return 0;
  if (s >= seen.start && s < seen.end) return 0;
  const header = lineAt(text, s);
  seen.start = header.start;
  seen.end = header.end;
  if (header.end - header.start > MAX_TABLE_LINE) return 0;
  const headLine = text.slice(header.start, header.end);
  const heads = tableCells(headLine, delim);
  if (heads.length < 2 || heads.length > 64) return 0;
  // A table has a row under its header, of as many cells (or a Markdown rule line).
  let next = header.end;
  if (text.charCodeAt(next) === 13) next++;
  if (text.charCodeAt(next) !== 10) return 0;
  const first = lineAt(text, next + 1);
  if (first.end - first.start > MAX_TABLE_LINE) return 0;
  const firstLine = text.slice(first.start, first.end);
  if (tableCells(firstLine, delim).length !== heads.length && !(delim === '|' && TABLE_RULE.test(firstLine))) return 0;
  if (!heads.every((c) => HEADER_CELL.test(headLine.slice(c.start, c.end)))) return 0;
  const columns: { col: number; cls: NameClass; name: string }[] = [];
  heads.forEach((c, col) => {
    const name = headLine
      .slice(c.start, c.end)
      .trim()
      .replace(/^["']|["']$/g, '');
    const cls = classifyName(name);
    if (cls !== null) columns.push({ col, cls, name });
  });
  if (columns.length === 0) return 0;
  let pos = header.end;
  let end = 0;
  for (let rows = 0; rows < MAX_TABLE_ROWS; rows++) {
    if (pos < text.length && text.charCodeAt(pos) === 13) pos++;
    if (pos >= text.length || text.charCodeAt(pos) !== 10) break;
    const row = lineAt(text, pos + 1);
    if (row.end - row.start > MAX_TABLE_LINE || row.end === row.start) break;
    const line = text.slice(row.start, row.end);
    pos = row.end;
    if (delim === '|' && rows === 0 && TABLE_RULE.test(line)) continue;
    const cells = tableCells(line, delim);
    if (cells.length !== heads.length) break;
    end = row.end;
    for (const { col, cls, name } of columns) {
      let { start: cs, end: ce } = cells[col];
      while (cs < ce && (line[cs] === ' ' || line[cs] === '\t')) cs++;
      while (ce > cs && (line[ce - 1] === ' ' || line[ce - 1] === '\t' || line[ce - 1] === '\r')) ce--;
      // (A Markdown cell's code span is its value: `` `Zephyrharbor74%` ``.)
      const quoted =
        ce - cs >= 2 && (line[cs] === '"' || line[cs] === "'" || (delim === '|' && line[cs] === '`')) && line[ce - 1] === line[cs];
      if (quoted) {
        cs++;
        ce--;
      }
      const v = line.slice(cs, ce);
      // One value per cell: no spaces, no markup (a Markdown cell is often a link or code).
      if (v && !/[\s`[\]]/.test(v) && !v.includes(delim) && valueVerdict(v, cls, quoted, false, name))
        out.push({ kind: cls === 'password' ? 'password' : 'secret', start: row.start + cs, end: row.start + ce });
    }
  }
  return end;
}
