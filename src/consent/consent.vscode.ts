// The consent module in the editor: the status-bar control, the commands, their quick picks and
// messages, over the consent controller (which holds the flows, the timers and the queues).
import * as vscode from 'vscode';
import type { ConsentStamp } from '@codetrail/protocol';
import type { CodetrailSettings } from '../config';
import type { CaptureGate, GateDecision } from '../capture/gate';
import { ConsentFile, type CachedPolicy } from './file';
import type { ControlClient } from './client';
import { ConsentController, systemClock, type Clock, type ConsentHooks, type Logger } from './controller';
import { describeOff, describeScope, describeView } from './describe';
import { formatCountdown, type ConsentView, type ExemptionScope } from './state';

export type { ConsentHooks, Logger };
export { describeView };

export const CONSENT_COMMANDS = {
  pause: 'codetrail.pause',
  resume: 'codetrail.resume',
  requestExemption: 'codetrail.requestExemption',
  discardRecent: 'codetrail.discardRecent',
  showStatus: 'codetrail.showConsentStatus',
  statusClick: 'codetrail.statusBarClick',
} as const;

export interface ConsentDeps {
  storageDir: string;
  workspaceHash: (salt: string | undefined) => string;
  client: ControlClient;
  hasToken: () => Promise<boolean>;
  onDidChangeToken: vscode.Event<vscode.SecretStorageChangeEvent>;
  hooks: ConsentHooks;
  log: Logger;
  usageDataUri: vscode.Uri;
  /** The one source of Codetrail's settings (applied live). */
  settings: { readonly current: CodetrailSettings; readonly onDidChange: vscode.Event<CodetrailSettings> };
  now?: () => number;
}

function workspaceNames(): string[] {
  const ws = vscode.workspace;
  const names = (ws.workspaceFolders ?? []).flatMap((f) => [f.name, f.uri.fsPath, f.uri.toString()]);
  if (ws.workspaceFile) names.push(ws.workspaceFile.fsPath);
  return names;
}

export class ConsentService implements CaptureGate, vscode.Disposable {
  private readonly controller: ConsentController;
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly policyEmitter = new vscode.EventEmitter<CachedPolicy | undefined>();
  /** The organisation's policy changed (excluded files, pause length, …). */
  readonly onDidChangePolicy = this.policyEmitter.event;

  constructor(private readonly deps: ConsentDeps) {
    const clock: Clock = deps.now ? { ...systemClock, now: deps.now } : systemClock;
    this.controller = new ConsentController({
      store: new ConsentFile(deps.storageDir, (m) => deps.log.warn(m)),
      client: deps.client,
      hooks: deps.hooks,
      log: deps.log,
      notify: {
        info: (m) => void vscode.window.showInformationMessage(m),
        warn: (m) => void vscode.window.showWarningMessage(m),
        error: (m) => void vscode.window.showErrorMessage(m),
      },
      clock,
      settings: () => deps.settings.current,
      telemetryEnabled: () => vscode.env.isTelemetryEnabled,
      workspaceNames,
      workspaceHash: deps.workspaceHash,
      hasToken: deps.hasToken,
    });
    this.item = vscode.window.createStatusBarItem('codetrail.consent', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Codetrail Consent';
    this.item.command = CONSENT_COMMANDS.statusClick;
  }

  async start(): Promise<void> {
    const c = this.controller;
    const subscription = (unsubscribe: () => void): vscode.Disposable => ({ dispose: unsubscribe });
    // Followed before the controller starts, so no change it sees goes unshown.
    this.disposables.push(
      this.item,
      c,
      subscription(c.onDidChangeView(() => this.render())),
      subscription(c.onDidChangePolicy((p) => this.policyEmitter.fire(p))),
    );
    await c.start();
    this.disposables.push(
      vscode.env.onDidChangeTelemetryEnabled(() => c.refresh()),
      this.deps.settings.onDidChange(() => c.settingsChanged()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => c.refresh()),
      this.deps.onDidChangeToken(() => c.tokenChanged()),
      vscode.commands.registerCommand(CONSENT_COMMANDS.pause, () => this.pause()),
      vscode.commands.registerCommand(CONSENT_COMMANDS.resume, () => this.resume()),
      vscode.commands.registerCommand(CONSENT_COMMANDS.requestExemption, () => this.requestExemption()),
      vscode.commands.registerCommand(CONSENT_COMMANDS.discardRecent, (minutes?: number) => this.discardRecent(minutes)),
      vscode.commands.registerCommand(CONSENT_COMMANDS.showStatus, () => this.showStatus()),
      vscode.commands.registerCommand(CONSENT_COMMANDS.statusClick, () => this.statusClick()),
    );
    this.render();
    this.item.show();
    void this.firstRunNotice();
  }

  // ---- CaptureGate -------------------------------------------------------------------

  current(): GateDecision {
    return this.controller.current();
  }

  onDidChange(listener: (d: GateDecision) => void): () => void {
    return this.controller.onDidChange(listener);
  }

  stamp(): ConsentStamp {
    return this.controller.stamp();
  }

  get view(): ConsentView {
    return this.controller.view;
  }

  /** The organisation's policy as last fetched (cached on disk across reloads). */
  get policy(): CachedPolicy | undefined {
    return this.controller.policy;
  }

  /** For the sender: true once the service has heard of every pause and its end (see the controller). */
  pausesReported(): Promise<boolean> {
    return this.controller.pausesReported();
  }

  // ---- status bar --------------------------------------------------------------------

  private render(): void {
    const v = this.controller.view;
    const now = this.controller.now();
    let text: string;
    let label: string;
    switch (v.state) {
      case 'recording':
        text = '$(record) Codetrail';
        label = 'Codetrail is recording your edits and commands. Click to pause for ' + this.controller.pauseMinutes() + ' minutes.';
        break;
      case 'paused': {
        const left = formatCountdown(v.pause.until - now);
        text = `$(debug-pause) Paused ${left}`;
        const elsewhere = this.controller.pausedElsewhere ? ' from another of your devices (it pauses them all)' : '';
        label = `Codetrail is paused${elsewhere}; capture resumes by itself in ${left}. Click to resume now or pause longer.`;
        break;
      }
      case 'pending':
        text = '$(watch) Exemption pending';
        label = 'Your exemption request is waiting for an administrator; nothing is recorded meanwhile.';
        break;
      case 'exempt':
        text = '$(shield) Exempt';
        label = `You are exempt (${describeScope(v.exemption.scope)}); nothing is recorded.`;
        break;
      case 'off':
        text = '$(circle-slash) Codetrail off';
        label = 'Codetrail records nothing: ' + describeOff(v.reason) + '.';
        break;
    }
    this.item.text = text;
    this.item.accessibilityInformation = { label, role: 'button' };
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**Codetrail** — ${label}\n\n`);
    md.appendMarkdown(
      'When recording: edits in workspace files (as diffs), completions you accept, terminal commands, tasks and debug sessions — redacted on this machine before anything is written.\n\n',
    );
    md.appendMarkdown(
      `Pause: click here · Ask out: *Codetrail: Request Exemption…* · [What is collected](${this.deps.usageDataUri.toString()})`,
    );
    this.item.tooltip = md;
    this.item.backgroundColor =
      v.state === 'paused' || v.state === 'pending' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  // ---- commands ----------------------------------------------------------------------

  async pause(minutes?: number): Promise<void> {
    await this.controller.pause(minutes);
  }

  async resume(): Promise<void> {
    await this.controller.resume();
  }

  private async statusClick(): Promise<void> {
    const v = this.controller.view;
    if (v.state === 'recording') return this.pause();
    if (v.state === 'paused') {
      const minutes = this.controller.pauseMinutes();
      const pick = await vscode.window.showQuickPick(
        [
          { label: '$(play) Resume now', id: 'resume' },
          { label: `$(debug-pause) Pause another ${minutes} minutes`, id: 'more' },
        ],
        { title: `Codetrail is paused (${formatCountdown(v.pause.until - this.controller.now())} left)` },
      );
      if (pick?.id === 'resume') await this.resume();
      if (pick?.id === 'more') await this.pause(minutes);
      return;
    }
    return this.showStatus();
  }

  private async showStatus(): Promise<void> {
    const v = this.controller.view;
    const actions: string[] = [];
    if (v.state === 'recording') actions.push('Pause');
    if (v.state === 'paused') actions.push('Resume');
    if (v.state !== 'exempt' && v.state !== 'pending') actions.push('Request Exemption…');
    actions.push('What Is Collected');
    const choice = await vscode.window.showInformationMessage(`Codetrail: ${describeView(v)}.`, ...actions);
    if (choice === 'Pause') await this.pause();
    if (choice === 'Resume') await this.resume();
    if (choice === 'Request Exemption…') await this.requestExemption();
    if (choice === 'What Is Collected') await vscode.commands.executeCommand('markdown.showPreview', this.deps.usageDataUri);
  }

  async requestExemption(): Promise<void> {
    if (!this.controller.canRequestExemption) {
      void vscode.window.showWarningMessage(
        "Codetrail: your organisation's policy does not let your group request exemptions. Ask your administrator; you can still pause capture at any time.",
      );
      return;
    }
    const scopePick = await vscode.window.showQuickPick(
      [
        { label: 'Everything', description: 'stop all capture for me', id: 'all' as const },
        { label: 'This workspace', description: 'stop capture in this workspace only', id: 'workspace' as const },
        { label: 'Until a date', description: 'stop all capture from now until a date', id: 'range' as const },
      ],
      { title: 'Codetrail: Request Exemption — scope', ignoreFocusOut: true },
    );
    if (!scopePick) return;
    let scope: ExemptionScope;
    if (scopePick.id === 'all') scope = { kind: 'all' };
    else if (scopePick.id === 'workspace') {
      if (!vscode.workspace.workspaceFolders?.length) {
        void vscode.window.showWarningMessage('Codetrail: open a workspace folder to ask for a workspace exemption.');
        return;
      }
      scope = { kind: 'workspace', workspace: this.controller.workspace() };
    } else {
      const until = await vscode.window.showInputBox({
        title: 'Codetrail: Request Exemption — until (YYYY-MM-DD)',
        ignoreFocusOut: true,
        validateInput: (s) => {
          const t = Date.parse(s.trim() + 'T23:59:59');
          return Number.isNaN(t) ? 'A date like 2026-12-31' : t <= this.controller.now() ? 'A date in the future' : undefined;
        },
      });
      if (!until) return;
      scope = { kind: 'range', from: this.controller.now(), until: Date.parse(until.trim() + 'T23:59:59') };
    }
    const reason = await vscode.window.showInputBox({
      title: 'Codetrail: Request Exemption — reason',
      prompt: 'Tell the administrator why (required). Only they see it.',
      ignoreFocusOut: true,
      validateInput: (s) => (s.trim().length < 3 ? 'A reason is required' : undefined),
    });
    if (!reason) return;
    await this.controller.requestExemption(scope, reason);
  }

  private async discardRecent(minutes?: number): Promise<void> {
    let m = minutes;
    if (m === undefined) {
      const pick = await vscode.window.showQuickPick(
        ['5', '15', '30', '60'].map((x) => ({ label: `Last ${x} minutes`, m: Number(x) })),
        {
          title: 'Codetrail: Discard Recent Capture — what you did in this time is removed, here and on the service',
        },
      );
      if (!pick) return;
      m = pick.m;
    }
    await this.controller.discardRecent(m);
  }

  private async firstRunNotice(): Promise<void> {
    if (!(await this.controller.takeFirstRunNotice())) return;
    const choice = await vscode.window.showInformationMessage(
      'Codetrail records your edits (as diffs), accepted completions and terminal/task/debug commands in this editor, redacts secrets and personal data on this machine, and sends them to your organisation\'s collection service. Click the status bar item to pause; use "Codetrail: Request Exemption…" to ask out.',
      'What Is Collected',
      'Pause Now',
    );
    if (choice === 'What Is Collected') await vscode.commands.executeCommand('markdown.showPreview', this.deps.usageDataUri);
    if (choice === 'Pause Now') await this.pause();
  }

  dispose(): void {
    this.policyEmitter.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
