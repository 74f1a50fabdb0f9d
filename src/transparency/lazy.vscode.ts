// The transparency commands, registered at activation. What they run (the "Show Collected Data"
// webview, deletion and export flows) is a bundle of its own, transparency.vscode.js beside this
// file when compiled, loaded when an engineer first runs one: the capture side loads sooner
// without it. Its path is computed so the bundler leaves it out.
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { TRANSPARENCY_COMMANDS, type TransparencyDeps, type TransparencyHandlers } from './transparency.vscode';

export function registerTransparency(context: vscode.ExtensionContext, deps: TransparencyDeps): void {
  let handlers: TransparencyHandlers | undefined;
  const load = (): TransparencyHandlers => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on purpose when first used
    handlers ??= (require(join(__dirname, 'transparency.vscode.js')) as typeof import('./transparency.vscode')).createTransparency(
      context,
      deps,
    );
    return handlers;
  };
  for (const id of Object.values(TRANSPARENCY_COMMANDS))
    context.subscriptions.push(deps.registerCommand(id, (...args: unknown[]) => (load()[id] as (...a: unknown[]) => unknown)(...args)));
}
