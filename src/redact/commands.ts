// Passwords given to command-line tools by the tools' own options, which name no password:
// `zip -P …`, `7z a -p…`, `sqlcmd -P …`, `ldapsearch -w …`, `redis-cli -a …`, `ssh-keygen -N …`,
// `smbclient -U user%…`, `xfreerdp /p:…`, `openssl … -passin pass:…`, `keytool -storepass …`,
// `http --auth user:…`, `lftp -u user,…`, `nmcli … password …`, `wpa_passphrase SSID …`,
// `net use \\host\share …` (or `%SHARE%`), `cmdkey /pass:…`, `ipmitool -P …`, `plink -pw …`, `db2 connect … using …`,
// and a literal echoed into a command that reads its password from standard input
// (`echo "…" | docker login --password-stdin`, `echo … | sudo -S …`).
// Options that do name a password (`--password …`, `-password=…`) are read by the name-based rule.
// Each tool's pattern runs only in texts that hold the tool's name (command-features.ts), and reads
// within one command: the value must follow the tool on its line, before a `|`, `;` or `&`.
// Also here: user and password flags common to many tools (`curl -u user:pass`, `-u USER -p
// PASS`, `sshpass -p`, the MySQL clients' `-pPASS`, registry logins) and `.netrc` lines.
import type { CommandTool } from './command-features';
import { distinctChars, isPlaceholder, lineBefore, type Finding } from './text';

interface ToolPattern {
  /** The tool's name as a word (a path or `.exe` allowed), followed by a space. */
  name: RegExp;
  /** The option and its value, anywhere in the tool's command. */
  option: RegExp;
}

const VALUE = `(?:(["'])([^"'\\n]{1,128})\\1|([^\\s"'|;&]{1,128}))(?=$|[\\s|;&)])`;

// Options are case-sensitive (`unzip -p` prints, `zip -P` takes the password); tool names are
// matched in lower and upper case (`SQLCMD`, `NET USE` on Windows).
// A positional tool's value is read once, right after the tool's name (`wpa_passphrase SSID …`):
// read anywhere in the command, its pattern (any word, then any word) would take every pair.
const tool = (names: string, option: string, positional = false): ToolPattern => ({
  name: new RegExp(`(?<![\\w.-])(?:${names}|${names.toUpperCase()})(?:\\.exe|\\.EXE)?(?=[ \\t])`, 'g'),
  option: new RegExp(`[ \\t]${positional ? '[ \\t]*' : ''}${option}${VALUE}`, positional ? 'y' : 'g'),
});

export const COMMAND_TOOLS: Record<CommandTool, ToolPattern> = {
  zip: tool('zip|unzip|zipcloak', '-P[ \\t]+'),
  sevenZip: tool('7z|7za|7zr|rar|unrar', '-p(?=[^\\s-])'),
  sqlServer: tool('sqlcmd|bcp|osql|isql|tsql', '-P[ \\t]*(?=[^\\s-])'),
  ldap: tool('ldap(?:search|add|modify|delete|whoami|passwd|compare|modrdn|exop)', '-w[ \\t]+'),
  redis: tool('redis-cli', '-a[ \\t]+'),
  sshKeygen: tool('ssh-keygen', '-[NP][ \\t]+'),
  mongo: tool('mongo|mongosh|mongodump|mongorestore|mongoexport|mongoimport|mongostat|mongotop|mongofiles', '-p[ \\t]+'),
  samba: tool('smbclient|rpcclient|smbcacls|smbget|net', '-U[ \\t]*["\']?[^\\s%"\']{1,64}%'),
  pentest: tool('smbmap|crackmapexec|nxc|netexec|evil-winrm|rdesktop', '-[pH][ \\t]+'),
  freerdp: tool('[a-z]*freerdp[0-9]?', '/p(?:assword)?:'),
  openssl: tool('openssl', '(?:-(?:passin|passout|pass|password)[ \\t]+["\']?pass:|-k[ \\t]+)'),
  keytool: tool('keytool|jarsigner', '-(?:src|dest|new)?(?:store|key)?pass[ \\t]+'),
  httpie: tool('https?|xh', '(?:--auth|-a)[ \\t=]+["\']?[^\\s:"\']{1,64}:'),
  lftp: tool('lftp', '-u[ \\t]+["\']?[^\\s,"\']{1,64},'),
  nmcli: tool('nmcli', '(?:password|wifi-sec\\.psk|802-11-wireless-security\\.psk)[ \\t]+'),
  wpaPassphrase: tool('wpa_passphrase', '(?:"[^"\\n]{1,64}"|[^\\s"]{1,64})[ \\t]+', true),
  iwconfig: tool('iwconfig', 'key[ \\t]+s:'),
  netUse: tool(
    'net',
    '(?:[uU][sS][eE][ \\t]+(?:[A-Za-z*]:[ \\t]+)?(?:\\\\\\\\\\S{1,200}|%\\w{1,40}%)(?:[ \\t]+/[uU][sS][eE][rR]:\\S{1,64})?|[uU][sS][eE][rR][ \\t]+(?!/)\\S{1,64})[ \\t]+(?![/*])',
    true,
  ),
  cmdkey: tool('cmdkey|wmic', '/[pP](?:ass|ASS)(?:word|WORD)?[:=]'),
  schtasks: tool('schtasks', '/[rR]?[pP][ \\t]+'),
  mysqladmin: tool('mysqladmin', 'password[ \\t]+'),
  rabbitmq: tool('rabbitmqctl', '(?:add_user|change_password)[ \\t]+\\S{1,64}[ \\t]+', true),
  ipmitool: tool('ipmitool', '-P[ \\t]+'),
  snmp: tool('snmp[a-z]{2,12}', '-[AX][ \\t]+'),
  putty: tool('pscp|plink|psftp|putty', '-pw[ \\t]+'),
  db2: tool('db2|db2cmd', 'connect[ \\t]+to[ \\t]+\\S{1,64}[ \\t]+user[ \\t]+\\S{1,64}[ \\t]+using[ \\t]+', true),
  neo4j: tool('neo4j-admin', 'set-initial-password[ \\t]+'),
  // MinIO's client: `mc alias set NAME URL ACCESS_KEY SECRET_KEY` (`mc config host add` before it).
  minio: tool('mc', '(?:alias[ \\t]+set|config[ \\t]+host[ \\t]+add)[ \\t]+\\S{1,64}[ \\t]+\\S{1,300}[ \\t]+\\S{1,128}[ \\t]+', true),
  // Oracle's tools and SQL*Plus's `CONNECT` take `user/password@database` (`sqlplus -s gl/"…"@ora:1521/GL`).
  oracle: {
    name: /(?<![\w.-])(?:sqlplus|sqlldr|expdp|impdp|rman|conn|connect|SQLPLUS|SQLLDR|EXPDP|IMPDP|RMAN|CONN|CONNECT)(?:\.exe)?(?=[ \t])/g,
    option: /[ \t=][\w$#.]{1,64}\/(?:(["'])([^"'\n]{1,128})\1|([^\s"'/@|;&]{1,128}))(?=@|[ \t]|$)/g,
  },
};

// `echo "…" | docker login --password-stdin`, `echo … | sudo -S …`, `printf '%s' … | passwd --stdin`.
const STDIN_READER = /--password-stdin|--passwd-stdin|\bsudo[ \t]+(?:-[A-Za-z]*S\b|--stdin)|\bpasswd\b[^\n|;&]{0,60}?--stdin/g;
// The echo or printf whose output the reader gets: it ends right before the `|`.
const ECHOED =
  /\b(?:echo|printf)[ \t]+(?:-[ne]{1,2}[ \t]+)?(?:(["'])%s(?:\\n)?\1[ \t]+)?(?:(["'])([^"'\n]{1,128})\2|([^\s"'|;&]{1,128}))([ \t]*)$/i;

/** A literal password: not a stand-in, a variable, a prompt or another option. */
function literal(v: string): boolean {
  return v.length >= 3 && !isPlaceholder(v) && !/^[$%{<[(*-]/.test(v) && !/^(?:stdin|env:|file:|fd:|prompt)/i.test(v);
}

// `\n`, `|`, `;`, `&`: the end of a command.
const COMMAND_END = new Set([10, 13, 124, 59, 38]);
// How far a command is read after its tool's name.
const COMMAND_SPAN = 400;

function push(m: RegExpExecArray, offset: number, out: Finding[]): void {
  const v = m[2] ?? m[3];
  if (!literal(v)) return;
  const end = offset + m.index + m[0].length - (m[2] !== undefined ? 1 : 0);
  out.push({ kind: 'password', start: end - v.length, end });
}

/** `tools`: the tools the text names (by their features); `stdin`: it holds a STDIN_FEATURES string. */
export function findCommandSecrets(text: string, tools: readonly CommandTool[], stdin: boolean, out: Finding[]): void {
  let m: RegExpExecArray | null;
  for (const id of tools) {
    const { name, option } = COMMAND_TOOLS[id];
    name.lastIndex = 0;
    // Each command is read once, from the tool's name to its end (bounded): a name repeated
    // inside a command already read starts no second reading, so a text costs linear time.
    while (name.exec(text) !== null) {
      const from = name.lastIndex;
      let end = from;
      while (end < text.length && end - from < COMMAND_SPAN && !COMMAND_END.has(text.charCodeAt(end))) end++;
      const command = text.slice(from, end);
      option.lastIndex = 0;
      let o: RegExpExecArray | null;
      if (option.sticky) {
        o = option.exec(command);
        if (o !== null) push(o, from, out);
      } else while ((o = option.exec(command)) !== null) push(o, from, out);
      name.lastIndex = end;
    }
  }
  if (!stdin) return;
  // From each command that reads standard input for its password back to the `echo … |` before it.
  STDIN_READER.lastIndex = 0;
  let lastPipe = -1;
  while ((m = STDIN_READER.exec(text)) !== null) {
    // The `|` within 200 characters before the reader, on its line; the echo within 300 before that
    // (both searches bounded: a long line of readers costs linear time).
    let pipe = m.index - 1;
    while (pipe >= 0 && m.index - pipe <= 200 && text.charCodeAt(pipe) !== 124 && text.charCodeAt(pipe) !== 10) pipe--;
    if (pipe < 0 || text.charCodeAt(pipe) !== 124 || pipe === lastPipe) continue;
    lastPipe = pipe;
    // The command right before the `|`: back to the previous separator.
    // (A separator inside quotes is the password's: `echo '5.J15Co1AI&9_p' | sudo -S …`.)
    let from = pipe;
    let quote = 0;
    while (from > 0 && pipe - from < 300) {
      const c = text.charCodeAt(from - 1);
      if (c === 10) break;
      if (quote === 0 && (c === 34 || c === 39)) quote = c;
      else if (c === quote) quote = 0;
      else if (quote === 0 && COMMAND_END.has(c)) break;
      from--;
    }
    const e = ECHOED.exec(text.slice(from, pipe));
    if (e === null) continue;
    const v = e[3] ?? e[4];
    if (!literal(v)) continue;
    const end = from + e.index + e[0].length - e[5].length - (e[3] !== undefined ? 1 : 0);
    out.push({ kind: 'password', start: end - v.length, end });
  }
}

// curl -u user:pass / --user user:pass ; sshpass -p pass ; mysql -pPASS ; git clone with token handled by URL rule.
const CLI_USERPASS = /(?:^|[\s"'])(?:-u|--user|--proxy-user|-U)[ \t=]+(["']?)([^\s"':]{0,64})\1?:(["']?)([^\s"']{1,128})\3/g;
// `-p` with its value: sshpass, the MySQL clients (glued on: `-p DB` asks for the password, then
// names the database), and registry logins
// (`docker login -u ci -p …`, podman, helm, nerdctl, buildah, skopeo, oras).
const CLI_PASS =
  /(?:\bsshpass[ \t]+-p|\b(?:mysql|mysqldump|mysqladmin|mariadb)\b[^\n]{0,200}?[ \t]-p(?![ \t])|\b(?:docker|podman|helm|nerdctl|buildah|skopeo|oras)\b[^\n]{0,60}?[ \t]login\b[^\n]{0,200}?[ \t]-p[ \t])[ \t]?(["']?)([^\s"']{3,128})\1/g;

const USER_THEN_PASS =
  /(?:^|[\s"'])(?:-u|-U|--user|--username)[ \t]+["']?[^\s"']{1,64}["']?[ \t]+(?:-p|-P|--password|--pw)[ \t]+(["']?)([^\s"';|&]{3,128})\1(?=$|[\s;|&)])/gm;
const NETRC_PASS = /\blogin[ \t]+\S{1,128}\s{1,40}password[ \t]+(\S{1,128})/g;

/** Which of the literal flags (`-u`, `-U`) and command names (`sshpass`, `mysql`, `mariadb`, ` login`) the text holds. */
export interface CliHints {
  /** The text holds ` login ` and `password`: maybe a .netrc. */
  netrc: boolean;
  dashU: boolean;
  dashUpperU: boolean;
  command: boolean;
}

export function findCliSecrets(text: string, hints: CliHints, out: Finding[]): void {
  // Each pattern needs a literal flag or command name: most texts skip them all.
  const dashU = hints.dashU;
  const hasCli = dashU || hints.dashUpperU;
  CLI_USERPASS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (hasCli && (m = CLI_USERPASS.exec(text)) !== null) {
    const user = m[2],
      pass = m[4];
    // An API key given as the user (`curl -u KEY:X`, `-u KEY:api_token`): the user goes too.
    if (
      user.length >= 16 &&
      /^[A-Za-z0-9]+$/.test(user) &&
      /\d/.test(user) &&
      /[A-Za-z]/.test(user) &&
      distinctChars(user) >= 8 &&
      !isPlaceholder(user)
    ) {
      const userStart = m.index + m[0].indexOf(user + (m[0].includes(user + m[1] + ':') ? m[1] : '') + ':');
      out.push({ kind: 'password', start: userStart, end: userStart + user.length });
    }
    if (pass.length <= 2) continue; // `KEY:X`: a stand-in the API ignores
    if (
      isPlaceholder(pass) ||
      /^[$%{<[(]/.test(pass) ||
      /^(?:pass|password|pwd|token|secret|yyy|\*+)$/i.test(pass) ||
      user.startsWith('<') ||
      pass.endsWith('>') ||
      // A shell's default for a variable, not a login (`-U ${POSTGRES_USER:-app}`).
      user.startsWith('${')
    ) {
      // `-u ":secret"` still leaks the secret in the user slot when the pass is empty; handled below.
      continue;
    }
    const passStart = m.index + m[0].length - m[3].length - pass.length;
    out.push({ kind: 'password', start: passStart, end: passStart + pass.length });
    void user;
  }
  // curl -u "secret:" (API-key-as-user) — a high-entropy user with an empty password.
  const USER_ONLY = /(?:-u|--user)[ \t=]+["']?([^\s"':]{8,128}):["'\s]/g;
  while (dashU && (m = USER_ONLY.exec(text)) !== null) {
    const u = m[1];
    if (isPlaceholder(u) || /^[$%{<[(]/.test(u) || distinctChars(u) < 6 || !/\d/.test(u)) continue;
    const s = m.index + m[0].indexOf(u);
    out.push({ kind: 'password', start: s, end: s + u.length });
  }
  // `-u USER -p PASS` (PsExec, many database and network tools; `-P` of sqlcmd and mosquitto's clients):
  // a password flag right after a user flag.
  USER_THEN_PASS.lastIndex = 0;
  while (hasCli && (m = USER_THEN_PASS.exec(text)) !== null) {
    const pass = m[2];
    if (isPlaceholder(pass) || /^[$%{<[(]/.test(pass) || /^(?:pass|password|pwd|passwd|secret|\*+)$/i.test(pass)) continue;
    if (/^\d{1,5}$/.test(pass)) continue; // a port
    // The MySQL clients read `-p NAME` as "ask for the password", then the database NAME.
    if (/\b(?:mysql|mysqldump|mysqladmin|mysqlshow|mariadb)\b/.test(lineBefore(text, m.index + 1))) continue;
    const s = m.index + m[0].length - m[1].length - pass.length;
    out.push({ kind: 'password', start: s, end: s + pass.length });
  }
  // .netrc: `machine HOST login USER password PASS`, on one line or several.
  if (hints.netrc) {
    NETRC_PASS.lastIndex = 0;
    while ((m = NETRC_PASS.exec(text)) !== null) {
      const pass = m[1];
      if (isPlaceholder(pass) || /^[$%{<[(]/.test(pass)) continue;
      const s = m.index + m[0].length - pass.length;
      out.push({ kind: 'password', start: s, end: s + pass.length });
    }
  }
  if (!hints.command) return;
  CLI_PASS.lastIndex = 0;
  while ((m = CLI_PASS.exec(text)) !== null) {
    const pass = m[2];
    if (isPlaceholder(pass) || /^[$%{<[(]/.test(pass)) continue;
    const s = m.index + m[0].length - m[1].length - pass.length;
    out.push({ kind: 'password', start: s, end: s + pass.length });
  }
}
