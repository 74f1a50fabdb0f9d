// The per-install HMAC key for command-line use: a file under the user's config directory,
// created with 32 random bytes on first use and readable by its owner only.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const KEY_ENV = 'CODETRAIL_REDACT_KEY';

/** `$XDG_CONFIG_HOME/codetrail/redact.key`, `~/.config/...`, or `%APPDATA%\codetrail\redact.key`. */
export function defaultKeyPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'codetrail', 'redact.key');
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'codetrail', 'redact.key');
}

/** A key from the environment (hex, ≥ 32 digits), else from `path`, created if missing. */
export function loadOrCreateKey(path: string, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const fromEnv = env[KEY_ENV];
  if (fromEnv) {
    if (!/^[0-9a-fA-F]{32,}$/.test(fromEnv.trim())) throw new Error(`${KEY_ENV} must be at least 32 hexadecimal digits`);
    return Buffer.from(fromEnv.trim(), 'hex');
  }
  try {
    const hex = readFileSync(path, 'utf8').trim();
    if (/^[0-9a-f]{64}$/i.test(hex)) return Buffer.from(hex, 'hex');
    throw new Error(`the redaction key file ${path} is damaged; delete it to create a new key`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    writeFileSync(path, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (e) {
    // Another process created it first: use theirs so placeholders stay consistent.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    throw e;
  }
}
