// A workspace is identified by a salted hash of its identity, never by its path.
import { sha256Hex } from '@codetrail/protocol';

/** `identity` is the workspace file or folder URIs; `salt` is a per-installation secret. */
export function workspaceId(salt: string, identity: readonly string[]): string {
  return sha256Hex(salt + '\u0000' + (identity.length ? [...identity].sort().join('\n') : 'no-workspace'));
}
