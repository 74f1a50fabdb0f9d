import { createHash } from 'node:crypto';

/** sha256 of a document's text as UTF-8, lower-case hex. The hash every replay checks. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
