// People's login names where terminals and credential files put them, whatever the name is made of
// (`kamaua`, `novakovat`, `sergei.s`): a system's or a service's account is kept (SYSTEM_ACCOUNT).
// - a shell's prompt: `kamaua@dev-laptop:~$ `, `[mkowalski@web01 ~]# `, `anna@mbp ~ % `;
// - the target of ssh, scp, sftp, rsync or mosh: `ssh lnguyen@67.209.66.42`;
// - the user of a password file's line before its hash: `sergei.s:$6$…`, `alice:$apr1$…`;
// - a mention in Jira's markup: `[~katarzyna.z]`.
// Each reads one line, and only where an `@`, a `:$` or a `[~` stands. Also here: users in home
// directories' paths (`/home/anna/`, `C:\Users\anna\`), but not generic or system accounts.
import { SYSTEM_ACCOUNT, type Finding } from './text';

const LOGIN = /^[a-z_][a-z0-9._-]{1,31}$/;
// After `user@host`: the rest of a prompt, up to its sign and a space (`:~/src$ `, ` ~]# `, ` ~ % `).
const PROMPT_TAIL = /^[A-Za-z0-9][\w.-]{0,62}(?::[^\s$#%>]{0,200})?(?:[ \t][^\s$#%>\]]{1,100})?\]?[ \t]?[$#%>](?:[ \t]|$)/;
// Tools whose argument `user@host` names a login (after a space, `;`, `|`, `&`, `(` or a backquote, and before a space).
const REMOTE_TOOLS = ['ssh', 'scp', 'sftp', 'rsync', 'mosh', 'ssh-copy-id', 'autossh'];
// After `@`: an IPv4 or IPv6 address, or a host name without a top-level domain (`bastion`, `db1.internal`).
const BARE_HOST =
  /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[?[0-9a-f]*:[0-9a-f:]+\]?|[A-Za-z0-9-]+(?:\.(?:internal|local|lan|corp|home|intranet))?)(?![\w.-])/i;
const HASH_AFTER = /^:\$(?:1|2[abxy]?|5|6|7|y|gy|apr1|argon2(?:id|i|d)?|sha1|md5|pbkdf2[\w-]*)\$/;
const JIRA_MENTION = /\[~([a-z0-9._-]{2,64})\]/gi;

function take(out: Finding[], text: string, start: number, end: number): void {
  const user = text.slice(start, end);
  if (!LOGIN.test(user) || SYSTEM_ACCOUNT.test(user)) return;
  out.push({ kind: 'person-name', start, end });
}

/** Login names in prompts, remote commands, password files and mentions (see above). */
export function findAccountUsers(text: string, out: Finding[]): void {
  // Where a remote tool is named (in order), and the last line break before each `@` (both
  // followed along as the `@`s are met, so each character is looked at once).
  // Found when first needed: most `@`s (decorators, JSDoc tags, e-mail addresses) need no tool.
  let tools: number[] | undefined;
  const toolsOf = (): number[] => {
    const found: number[] = [];
    for (const tool of REMOTE_TOOLS)
      for (let i = text.indexOf(tool); i >= 0; i = text.indexOf(tool, i + tool.length)) {
        const c = i > 0 ? text.charCodeAt(i - 1) : 10;
        const after = text.charCodeAt(i + tool.length);
        if ((c === 10 || c === 32 || c === 9 || c === 59 || c === 124 || c === 38 || c === 40 || c === 96) && (after === 32 || after === 9))
          found.push(i + tool.length + 1);
      }
    return found.sort((a, b) => a - b);
  };
  let nl = -1,
    nextNl = text.indexOf('\n'),
    ti = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    while (nextNl >= 0 && nextNl < at) {
      nl = nextNl;
      nextNl = text.indexOf('\n', nextNl + 1);
    }
    // The login before `@`: back to a space, a quote, `[`, `:`, `=`, `@` or the line's start (at most 32 characters).
    let s = at;
    while (s > nl + 1 && at - s < 33) {
      const c = text.charCodeAt(s - 1);
      if (c === 32 || c === 9 || c === 91 || c === 34 || c === 39 || c === 58 || c === 61 || c === 64) break;
      s--;
    }
    if (s === at || at - s >= 33) continue;
    // A prompt starts its line (maybe after `[`).
    if (s === nl + 1 || (s === nl + 2 && text.charCodeAt(s - 1) === 91)) {
      const e = nextNl < 0 ? text.length : nextNl;
      if (PROMPT_TAIL.test(text.slice(at + 1, Math.min(e, at + 400)))) take(out, text, s, at);
      continue;
    }
    // A remote command names its tool earlier on the line.
    // (An e-mail address's domain is read by the e-mail rule: only an address or a bare host is left.)
    if (!LOGIN.test(text.slice(s, at)) || !BARE_HOST.test(text.slice(at + 1, at + 48))) continue;
    tools ??= toolsOf();
    while (ti < tools.length && tools[ti] <= s) ti++;
    if (ti > 0 && tools[ti - 1] > nl) take(out, text, s, at);
  }
  for (let at = text.indexOf(':$'); at > 0; at = text.indexOf(':$', at + 2)) {
    if (!HASH_AFTER.test(text.slice(at, at + 12))) continue;
    let s = at;
    while (s > 0 && text.charCodeAt(s - 1) !== 10 && at - s < 33) s--;
    if (s === at || (s > 0 && text.charCodeAt(s - 1) !== 10)) continue;
    take(out, text, s, at);
  }
  if (text.includes('[~')) {
    JIRA_MENTION.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = JIRA_MENTION.exec(text)) !== null) take(out, text, m.index + 2, m.index + 2 + m[1].length);
  }
}

// A key's id given as the user name (Confluent's and other services' API keys in a JAAS line,
// `basic.auth.user.info=ID:SECRET`): sixteen to forty capitals and digits, both mixed, that no
// person or word is made of (`username="L1N5SG3PMJWMR4SI"`).
const KEY_ID_USER = /(?:[Uu]ser(?:[Nn]ame)?|USER(?:NAME)?|user\.info)["']?[ \t]*[:=][ \t]*["']?([A-Z0-9]{16,40})(?=["'\s;,:]|$)/g;

/** Users that are keys' ids (see KEY_ID_USER). */
export function findKeyIdUsers(text: string, out: Finding[]): void {
  KEY_ID_USER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KEY_ID_USER.exec(text)) !== null) {
    const v = m[1];
    const digits = v.replace(/\D/g, '').length;
    if (digits < 3 || v.length - digits < 6 || /[A-Z]{7}/.test(v) || new Set(v).size < 10) continue;
    const start = m.index + m[0].length - v.length;
    out.push({ kind: 'secret', start, end: start + v.length });
  }
}

// ---------- home directories ----------
const HOME_POSIX = /\/(?:home|Users)\/([^/\\\s"'`<>:;|*?,)(\][{}=$%]{1,64})/g;
// (A profile's path without its drive too, as `HOMEPATH=\Users\…` holds it.)
const HOME_WIN =
  /(?:[A-Za-z]:(?:\\\\|\\|\/)|(?<![\w\\/.:])\\\\?)(?:Users|Documents and Settings)(?:\\\\|\\|\/)([^/\\\s"'`<>:;|*?,)(\][{}=$%]{1,64})/gi;
// Generic or system accounts: naming them reveals nobody.
const GENERIC_USERS = new Set([
  'user',
  'username',
  'user1',
  'you',
  'yourname',
  'your-name',
  'your_name',
  'yourusername',
  'me',
  'name',
  'foo',
  'bar',
  'test',
  'tester',
  'example',
  'runner',
  'runneradmin',
  'shared',
  'public',
  'default',
  'default user',
  'all users',
  'guest',
  'ubuntu',
  'ec2-user',
  'centos',
  'debian',
  'fedora',
  'admin',
  'administrator',
  'root',
  'vagrant',
  'node',
  'pi',
  'linuxbrew',
  'circleci',
  'jenkins',
  'travis',
  'git',
  'vscode',
  'codespace',
  'coder',
  'gitpod',
  'jovyan',
  'app',
  'appuser',
  'www-data',
  'nobody',
  'docker',
  'buildkite-agent',
  'vsts',
  'cloudshell-user',
  'developer',
  'dev',
  'someone',
  'myuser',
  'myname',
  'username1',
  'current',
  'currentuser',
  'localuser',
  'build',
  'builder',
  'ci',
  'agent',
  'steam',
  'postgres',
  'mysql',
  'redis',
  'oracle',
  'hadoop',
  'spark',
  'kafka',
  'elastic',
  'ansible',
  'deploy',
  'deployer',
  'ftp',
  'sftp',
  'svc',
  'service',
]);

export function findHomeUsers(text: string, out: Finding[]): void {
  for (const re of [HOME_POSIX, HOME_WIN]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      let user = m[1];
      // Trailing dots belong to the sentence.
      while (user.endsWith('.')) user = user.slice(0, -1);
      if (user.length < 2 || GENERIC_USERS.has(user.toLowerCase()) || user.startsWith('<REDACTED') || /^[.~*]/.test(user)) continue;
      const start = m.index + m[0].length - m[1].length;
      out.push({ kind: 'home-user', start, end: start + user.length });
    }
  }
}
