import { createHmac } from 'node:crypto';

/** A user's pseudonym in an export: keyed, so raw ids cannot be guessed back from it. */
export function pseudonymize(key: string, user: string): string {
  return 'u-' + createHmac('sha256', key).update(user, 'utf8').digest('hex').slice(0, 24);
}
