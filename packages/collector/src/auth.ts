// Bearer tokens: shown once when created, stored only as sha256, with expiry and revocation.
// User tokens send data; admin tokens decide exemptions and read stats; neither does both.
import { createHash, randomBytes } from 'node:crypto';
import type { Store, TokenRecord } from './store/store';

export const USER_TOKEN_PREFIX = 'ctu_';
export const ADMIN_TOKEN_PREFIX = 'cta_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface IssuedToken {
  token: string;
  record: TokenRecord;
}

export async function issueToken(
  store: Store,
  opts: { userId?: string; admin?: boolean; label?: string; expiresAt?: number | null; now?: number },
): Promise<IssuedToken> {
  const admin = opts.admin === true;
  if (!admin && !opts.userId) throw new Error('a user token needs a user');
  const token = (admin ? ADMIN_TOKEN_PREFIX : USER_TOKEN_PREFIX) + randomBytes(32).toString('base64url');
  const record: TokenRecord = {
    id: randomBytes(8).toString('hex'),
    userId: admin ? null : opts.userId!,
    admin,
    label: opts.label ?? '',
    createdAt: opts.now ?? Date.now(),
    expiresAt: opts.expiresAt ?? null,
    revokedAt: null,
  };
  if (!admin) {
    const existing = await store.getUser(record.userId!);
    if (!existing) await store.upsertUser(record.userId!, []);
  }
  await store.createToken(record, hashToken(token));
  return { token, record };
}

export type AuthResult =
  { ok: true; token: TokenRecord } | { ok: false; status: 401; reason: 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked' };

/** Resolves `Authorization: Bearer …` to a token record; a short cache spares the store. */
export class Authenticator {
  private readonly cache = new Map<string, { token: TokenRecord | null; at: number }>();

  constructor(
    private readonly store: Store,
    private readonly cacheMs = 5000,
    private readonly clock = Date.now,
  ) {}

  async authenticate(header: string | undefined): Promise<AuthResult> {
    if (header === undefined || header === '') return { ok: false, status: 401, reason: 'missing' };
    // The scheme name is case-insensitive (RFC 9110, 11.1).
    const m = /^bearer +([A-Za-z0-9_\-.~+/=]{8,256}) *$/i.exec(header);
    if (!m) return { ok: false, status: 401, reason: 'malformed' };
    const hash = hashToken(m[1]);
    const now = this.clock();
    let hit = this.cache.get(hash);
    if (!hit || now - hit.at >= this.cacheMs) {
      hit = { token: await this.store.findTokenByHash(hash), at: now };
      if (this.cacheMs > 0) {
        if (this.cache.size >= 10_000) this.cache.clear();
        this.cache.set(hash, hit);
      }
    }
    const t = hit.token;
    if (!t) return { ok: false, status: 401, reason: 'unknown' };
    if (t.revokedAt !== null) return { ok: false, status: 401, reason: 'revoked' };
    if (t.expiresAt !== null && t.expiresAt <= now) return { ok: false, status: 401, reason: 'expired' };
    return { ok: true, token: t };
  }
}
