// Commands of the capture side. The capture side loads after activation (its own bundle), but a
// command contributed in package.json must exist from the moment activation ends, or a click in
// the palette — or a test — gets "command not found". So the entry registers every contributed
// command it does not handle itself as a forwarder that waits for the capture side, and the
// capture side registers its handlers here instead of with VS Code.
import * as vscode from 'vscode';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- command arguments are whatever VS Code passes
export type CommandHandler = (...args: any[]) => unknown;
export type RegisterCommand = (id: string, handler: CommandHandler) => vscode.Disposable;

export class ForwardedCommands implements vscode.Disposable {
  private readonly handlers = new Map<string, CommandHandler>();
  private readonly registrations: vscode.Disposable[];

  /**
   * @param ids the commands to forward
   * @param ready resolves once the capture side has registered its handlers (or failed to start)
   */
  constructor(ids: readonly string[], ready: () => Promise<unknown>) {
    this.registrations = ids.map((id) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        await ready();
        const handler = this.handlers.get(id);
        if (!handler) throw new Error(`Codetrail: '${id}' is not available — capture could not start (see the Codetrail log).`);
        return handler(...args);
      }),
    );
  }

  /** For the capture side: handle a forwarded command. */
  readonly register: RegisterCommand = (id, handler) => {
    this.handlers.set(id, handler);
    return new vscode.Disposable(() => {
      if (this.handlers.get(id) === handler) this.handlers.delete(id);
    });
  };

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    this.handlers.clear();
  }
}

/** The command ids package.json contributes. */
export function contributedCommands(packageJSON: { contributes?: { commands?: { command: string }[] } }): string[] {
  return (packageJSON.contributes?.commands ?? []).map((c) => c.command);
}
