// How a workspace is named to the collection service: never by path or name, only by a
// salted hash. The salt comes from the service's policy (`workspaceSalt`), so hashes from
// different organisations cannot be joined.
import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256(key = salt, message = identity), lower-case hex. The identity is the
 * workspace's name as VS Code shows it (`vscode.workspace.name`), which is also what an
 * administrator types to exclude a workspace.
 */
export function workspaceHash(salt: string, identity: string): string {
  return createHmac('sha256', salt).update(identity, 'utf8').digest('hex');
}
