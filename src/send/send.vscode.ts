// VS Code side of sending: settings, the token in SecretStorage, the sign-in/sign-out commands,
// and telling the user (status bar item, notifications) when sending needs them.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ClientResource } from '@codetrail/protocol';
import type { TrajectoryEvent } from '@codetrail/protocol';
import type { CodetrailSettings } from '../config';
import type { Logger } from './events';
import { createSendPipeline, deferredSink, type SendPipeline, type SendSettings, type SendStatus } from './pipeline';

import { TOKEN_SECRET_KEY } from './token';
import type { RegisterCommand } from '../commands.vscode';

export { TOKEN_SECRET_KEY };
export const SIGN_IN_COMMAND = 'codetrail.signIn';
export const SIGN_OUT_COMMAND = 'codetrail.signOut';

export function sendSettingsOf(s: CodetrailSettings): SendSettings {
  return { collectorUrl: s.collectorUrl, maxMegabytes: s.outboxMaxMegabytes };
}

/**
 * Builds outbox → sender for this window and registers its commands and status; everything is
 * pushed into context.subscriptions. Synchronous, so activate() can hand `sink` to the recorder
 * at once; `ready` resolves to the pipeline once its folder is open. From deactivate(), await
 * `sink.close()` (or the pipeline's dispose) so the last events are written out and the sender
 * lock is handed to another window.
 */
export function activateSending(
  context: vscode.ExtensionContext,
  log: Logger,
  client: ClientResource,
  settings: { readonly current: CodetrailSettings; readonly onDidChange: vscode.Event<CodetrailSettings> },
  registerCommand: RegisterCommand,
  guard?: (event: TrajectoryEvent) => TrajectoryEvent | undefined,
  readyToSend?: () => Promise<boolean>,
): { ready: Promise<SendPipeline>; sink: SendPipeline['sink'] } {
  const ready = createSendPipeline({
    guard,
    readyToSend,
    storageDir: path.join(context.globalStorageUri.fsPath, 'outbox'),
    settings: sendSettingsOf(settings.current),
    secrets: { getToken: async () => (await context.secrets.get(TOKEN_SECRET_KEY)) || undefined },
    client,
    log,
  });
  let current = sendSettingsOf(settings.current);
  const withPipeline = (fn: (p: SendPipeline) => unknown) => void ready.then(fn).catch((e: unknown) => log.error(`Sender: ${String(e)}`));

  context.subscriptions.push(
    registerCommand(SIGN_IN_COMMAND, () => signIn(context)),
    registerCommand(SIGN_OUT_COMMAND, async () => {
      await context.secrets.delete(TOKEN_SECRET_KEY);
      void vscode.window.showInformationMessage('Codetrail: signed out. Recorded events stay in the outbox until you sign in again.');
    }),
    context.secrets.onDidChange((e) => {
      if (e.key === TOKEN_SECRET_KEY) withPipeline((p) => p.tokenChanged());
    }),
    settings.onDidChange((s) => {
      const next = sendSettingsOf(s);
      if (JSON.stringify(next) !== JSON.stringify(current)) withPipeline((p) => p.updateSettings(next));
      current = next;
    }),
  );
  withPipeline((p) => context.subscriptions.push(new SendStatusReporter(p)));
  return { ready, sink: deferredSink(ready, log) };
}

async function signIn(context: vscode.ExtensionContext): Promise<void> {
  const token = await vscode.window.showInputBox({
    title: 'Codetrail: Sign In',
    prompt: 'Paste the token your collection service administrator gave you. It is kept in the system keychain, never in settings.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'The token is empty.'),
  });
  if (!token?.trim()) return;
  await context.secrets.store(TOKEN_SECRET_KEY, token.trim());
  void vscode.window.showInformationMessage('Codetrail: signed in. Queued events will be sent.');
}

/** Shows sending problems: a status bar item while one lasts, a notification when one starts. */
class SendStatusReporter implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subs: vscode.Disposable[] = [];
  private readonly lastShown = new Map<string, number>();
  private wasFull = false;

  constructor(pipeline: SendPipeline) {
    this.item = vscode.window.createStatusBarItem('codetrail.sending', vscode.StatusBarAlignment.Right, 99);
    this.item.name = 'Codetrail Sending';
    this.subs.push(
      { dispose: () => this.item.dispose() },
      pipeline.onDidChangeStatus((s) => this.render(s)),
      pipeline.onMessage((m) => this.notify(m.severity, m.text, m.action === 'sign-in')),
    );
    this.render(pipeline.status);
  }

  private render(s: SendStatus): void {
    const problem = describe(s);
    if (s.outbox.full && !this.wasFull) this.notify('warning', s.outbox.message ?? 'Codetrail: the outbox is full.', false);
    this.wasFull = s.outbox.full;
    if (!problem) {
      this.item.hide();
      return;
    }
    this.item.text = problem.text;
    this.item.tooltip = problem.tooltip;
    this.item.accessibilityInformation = { label: problem.tooltip };
    this.item.command = problem.signIn ? SIGN_IN_COMMAND : undefined;
    this.item.backgroundColor = problem.severe ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  private notify(severity: 'info' | 'warning' | 'error', text: string, offerSignIn: boolean): void {
    // the same message at most every ten minutes: a dead network must not flood the user
    const now = Date.now();
    if ((this.lastShown.get(text) ?? 0) > now - 10 * 60_000) return;
    this.lastShown.set(text, now);
    const show =
      severity === 'error'
        ? vscode.window.showErrorMessage
        : severity === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    const actions = offerSignIn ? ['Sign In'] : [];
    void show(text, ...actions).then((choice) => {
      if (choice === 'Sign In') void vscode.commands.executeCommand(SIGN_IN_COMMAND);
    });
  }

  dispose(): void {
    this.subs.forEach((d) => d.dispose());
  }
}

function describe(s: SendStatus): { text: string; tooltip: string; signIn: boolean; severe: boolean } | undefined {
  if (s.outbox.full) {
    return {
      text: '$(warning) Codetrail outbox full',
      tooltip: `${s.outbox.message ?? 'The outbox is full.'} ${s.outbox.refused} event(s) not recorded so far.`,
      signIn: false,
      severe: true,
    };
  }
  if (s.configError) return { text: '$(warning) Codetrail not sending', tooltip: s.configError, signIn: false, severe: true };
  switch (s.sender.phase) {
    case 'signed-out':
      return {
        text: '$(account) Codetrail: sign in',
        tooltip: 'Sign in to send recorded trajectories to the collection service.',
        signIn: true,
        severe: false,
      };
    case 'auth-failed':
      return {
        text: '$(warning) Codetrail: sign in again',
        tooltip: 'The collection service did not accept your sign-in. Click to sign in again.',
        signIn: true,
        severe: true,
      };
    case 'forbidden':
      return {
        text: '$(warning) Codetrail not sending',
        tooltip: 'The collection service refused your events. Ask your administrator.',
        signIn: false,
        severe: true,
      };
    case 'retrying':
      return {
        text: '$(cloud-offline) Codetrail offline',
        tooltip: `Cannot reach the collection service (${s.sender.lastError ?? 'unavailable'}); events wait in the outbox and will be sent later.`,
        signIn: false,
        severe: false,
      };
    default:
      return undefined;
  }
}
