// The redactor as this machine needs it: the per-install key and the local user's own
// identifiers (OS user name, host name, home directory, git name and email).
import { readFile } from 'node:fs/promises';
import { homedir, hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import type { LocalIdentifiers } from './pii';

/** Reads `[user] name/email` from the global git config, if there is one. */
export async function gitIdentity(home = homedir()): Promise<{ name?: string; email?: string }> {
  for (const file of [join(home, '.gitconfig'), join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'git/config')]) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    const out: { name?: string; email?: string } = {};
    let inUser = false;
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (line.startsWith('[')) {
        inUser = /^\[user\]$/i.test(line);
        continue;
      }
      if (!inUser) continue;
      const m = /^(name|email)\s*=\s*"?([^"]*)"?\s*$/i.exec(line);
      if (m) out[m[1].toLowerCase() as 'name' | 'email'] = m[2].trim();
    }
    if (out.name || out.email) return out;
  }
  return {};
}

export async function localIdentifiers(): Promise<LocalIdentifiers> {
  let user: string | undefined;
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER;
  }
  const git = await gitIdentity();
  return { userName: user, hostName: hostname(), homeDir: homedir(), gitName: git.name, gitEmail: git.email };
}

/**
 * The region of the machine's locale (ISO 3166 alpha-2): `de_DE.UTF-8` → `DE`, `en-GB` → `GB`.
 * National phone numbers are read in this region first. Undefined when the locale names none.
 */
export function localeRegion(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromTag = (tag: string | undefined): string | undefined =>
    /^[a-z]{2,3}[-_]([A-Za-z]{2})(?:\b|[._@-])/.exec(tag ?? '')?.[1]?.toUpperCase();
  for (const v of [env.LC_ALL, env.LC_TELEPHONE, env.LC_MESSAGES, env.LANG]) {
    const r = fromTag(v);
    if (r) return r;
  }
  try {
    return fromTag(new Intl.DateTimeFormat().resolvedOptions().locale);
  } catch {
    return undefined;
  }
}
