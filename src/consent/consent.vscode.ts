// The consent module in the editor: the status-bar control, the commands, the shared
// consent file, the collection service's policy, and the gate capture obeys.
import * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import type { ConsentStamp } from '@codetrail/protocol';
import type { CodetrailSettings } from '../config';
import type { CaptureGate, GateDecision } from '../capture/gate';
import { ConsentFile, remotePausesOf, withOwnPause, type CachedPolicy, type ConsentRecord } from './file';
import { ControlClient, ControlError } from './client';
import {
  ConsentMachine, formatCountdown, type ConsentFacts, type ConsentView, type Exemption, type ExemptionScope, type Pause, type Transition,
} from './state';

export const CONSENT_COMMANDS = {
  pause: 'codetrail.pause',
  resume: 'codetrail.resume',
  requestExemption: 'codetrail.requestExemption',
  discardRecent: 'codetrail.discardRecent',
  showStatus: 'codetrail.showConsentStatus',
  statusClick: 'codetrail.statusBarClick',
} as const;

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ConsentHooks {
  /** Everything entered in [from, to] is retracted in the editor: tainted, its open step dropped. */
  retract(from: number, to: number): void | Promise<void>;
  /** Removes unsent events the predicate selects and blanks every copy of them on disk. */
  purge(match: (e: { time: number; sessionId: string; kind: string }) => boolean): Promise<{ pending: number; sent: number; dead: number }>;
  /** Record a gap marker (it goes out once capture is allowed again). */
  recordGap(reason: 'discarded', from: number, to: number, dropped: number): void | Promise<void>;
}

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
  private readonly file: ConsentFile;
  private machine!: ConsentMachine;
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly gateListeners = new Set<(d: GateDecision) => void>();
  private transitionTimer: ReturnType<typeof setTimeout> | undefined;
  private countdown: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private signedIn = false;
  private readonly now: () => number;
  private lastPolicyError: string | undefined;
  private lastPolicy = 'null';
  private readonly policyEmitter = new vscode.EventEmitter<CachedPolicy | undefined>();
  /** The organisation's policy changed (excluded files, pause length, …). */
  readonly onDidChangePolicy = this.policyEmitter.event;

  constructor(private readonly deps: ConsentDeps) {
    this.now = deps.now ?? Date.now;
    this.file = new ConsentFile(deps.storageDir, (m) => deps.log.warn(m));
    this.item = vscode.window.createStatusBarItem('codetrail.consent', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Codetrail Consent';
    this.item.command = CONSENT_COMMANDS.statusClick;
  }

  private get settings(): CodetrailSettings {
    return this.deps.settings.current;
  }

  async start(): Promise<void> {
    const record = await this.file.open();
    this.signedIn = await this.deps.hasToken();
    this.machine = new ConsentMachine(this.facts(record), this.now);
    this.machine.onTransition((t) => this.transitioned(t));
    this.disposables.push(
      this.item,
      { dispose: () => this.file.dispose() },
      this.file.onDidChange(() => this.refresh()),
      vscode.env.onDidChangeTelemetryEnabled(() => this.refresh()),
      this.deps.settings.onDidChange(() => {
        this.refresh();
        this.schedulePoll(0);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
      this.deps.onDidChangeToken(async () => {
        this.signedIn = await this.deps.hasToken();
        this.refresh();
        this.schedulePoll(0);
      }),
      vscode.commands.registerCommand(CONSENT_COMMANDS.pause, () => this.pause()),
      vscode.commands.registerCommand(CONSENT_COMMANDS.resume, () => this.resume()),
      vscode.commands.registerCommand(CONSENT_COMMANDS.requestExemption, () => this.requestExemption()),
      vscode.commands.registerCommand(CONSENT_COMMANDS.discardRecent, (minutes?: number) => this.discardRecent(minutes)),
      vscode.commands.registerCommand(CONSENT_COMMANDS.showStatus, () => this.showStatus()),
      vscode.commands.registerCommand(CONSENT_COMMANDS.statusClick, () => this.statusClick()),
    );
    this.render();
    this.item.show();
    this.armTransitionTimer();
    this.schedulePoll(0);
    void this.firstRunNotice();
  }

  // ---- CaptureGate -------------------------------------------------------------------

  current(): GateDecision {
    return decisionOf(this.machine.current);
  }

  onDidChange(listener: (d: GateDecision) => void): () => void {
    this.gateListeners.add(listener);
    return () => this.gateListeners.delete(listener);
  }

  stamp(): ConsentStamp {
    return this.machine.stamp();
  }

  get view(): ConsentView {
    return this.machine.current;
  }

  // ---- facts -------------------------------------------------------------------------

  private facts(record: ConsentRecord): ConsentFacts {
    const policy = record.policy;
    const hash = this.deps.workspaceHash(policy?.workspaceSalt);
    const names = workspaceNames();
    const excludedBySetting = this.settings.excludedWorkspaces.some((x) => names.includes(x));
    return {
      telemetryEnabled: vscode.env.isTelemetryEnabled,
      settingEnabled: this.settings.enabled,
      signedIn: this.signedIn,
      workspaceExcluded: excludedBySetting || !!policy?.excludedWorkspaces.includes(hash),
      workspace: hash,
      pause: activePause(record, this.now()),
      exemptions: record.exemptions,
      whilePending: policy?.whilePending ?? 'pause',
      policyVersion: policy?.version ?? 0,
    };
  }

  /** The organisation's policy as last fetched (cached on disk across reloads). */
  get policy(): CachedPolicy | undefined {
    return this.file.current.policy;
  }

  private refresh(): void {
    const policy = JSON.stringify(this.file.current.policy ?? null);
    if (policy !== this.lastPolicy) {
      this.lastPolicy = policy;
      this.policyEmitter.fire(this.file.current.policy);
    }
    this.machine.update(this.facts(this.file.current));
    this.render();
    this.armTransitionTimer();
  }

  private transitioned(t: Transition): void {
    const d = decisionOf(t.kind === 'resumed' ? { state: 'recording' } : t.view);
    this.deps.log.info(`consent: ${t.kind} → ${describeView(this.machine.current)}`);
    for (const l of [...this.gateListeners]) l(d);
    if (t.kind === 'resumed' && t.previous.state === 'paused' && t.previous.pause.until <= this.now()) {
      void vscode.window.showInformationMessage('Codetrail: the pause has ended; capture has resumed.');
    }
    this.render();
  }

  private armTransitionTimer(): void {
    if (this.transitionTimer) clearTimeout(this.transitionTimer);
    const next = this.machine.nextTransition();
    if (next !== undefined) {
      // setTimeout cannot wait longer than ~24.8 days; re-arm on the way.
      const delay = Math.min(Math.max(0, next - this.now()) + 5, 2 ** 31 - 1);
      this.transitionTimer = setTimeout(() => this.refresh(), delay);
    }
    const paused = this.machine.current.state === 'paused';
    if (paused && !this.countdown) this.tickCountdown();
    if (!paused && this.countdown) { clearTimeout(this.countdown); this.countdown = undefined; }
  }

  /** Re-renders just after each shown second turns (at the half seconds left), so it reads the time left within half a second. */
  private tickCountdown(): void {
    const v = this.machine.current;
    if (v.state !== 'paused') { this.countdown = undefined; return; }
    const left = v.pause.until - this.now();
    const delay = ((left - 500) % 1000 + 1000) % 1000 || 1000;
    this.countdown = setTimeout(() => {
      this.machine.reevaluate();
      this.render();
      this.tickCountdown();
    }, delay + 5);
  }

  // ---- status bar --------------------------------------------------------------------

  private render(): void {
    const v = this.machine.current;
    const now = this.now();
    let text: string;
    let label: string;
    switch (v.state) {
      case 'recording':
        text = '$(record) Codetrail';
        label = 'Codetrail is recording your edits and commands. Click to pause for ' + this.pauseMinutes() + ' minutes.';
        break;
      case 'paused': {
        const left = formatCountdown(v.pause.until - now);
        text = `$(debug-pause) Paused ${left}`;
        const elsewhere = v.pause.id !== this.file.current.pause?.id ? ' from another of your devices (it pauses them all)' : '';
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
    md.appendMarkdown('When recording: edits in workspace files (as diffs), completions you accept, terminal commands, tasks and debug sessions — redacted on this machine before anything is written.\n\n');
    md.appendMarkdown(`Pause: click here · Ask out: *Codetrail: Request Exemption…* · [What is collected](${this.deps.usageDataUri.toString()})`);
    this.item.tooltip = md;
    this.item.backgroundColor = v.state === 'paused' || v.state === 'pending'
      ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  private pauseMinutes(): number {
    return this.file.current.policy?.pauseMinutes ?? this.settings.pauseMinutes;
  }

  // ---- commands ----------------------------------------------------------------------

  async pause(minutes = this.pauseMinutes()): Promise<void> {
    const v = this.machine.current;
    if (v.state === 'off' || v.state === 'exempt') {
      void vscode.window.showInformationMessage(`Codetrail is not recording (${describeView(v)}); there is nothing to pause.`);
      return;
    }
    const now = this.now();
    const current = v.state === 'paused' ? v.pause : undefined;
    const pause = { id: current?.id ?? randomUUID(), from: current?.from ?? now, until: Math.max(current?.until ?? now, now) + minutes * 60_000 };
    await this.file.update((r) => ({ ...withOwnPause(r, pause.id), pause, unreportedPauses: [...(r.unreportedPauses ?? []).filter((p) => p.id !== pause.id), pause] }));
    this.refresh();
    void this.reportPauses();
  }

  async resume(): Promise<void> {
    const remote = this.remoteActive();
    if (remote) {
      // A pause begun on another device: ending it here ends it for the user (the service shortens it).
      const offset = this.file.current.serverOffset ?? 0;
      const ended = { id: remote.id, from: remote.from, until: this.now() + offset };
      await this.file.update((rec) => ({
        ...withOwnPause(rec, remote.id),
        remotePauses: (rec.remotePauses ?? []).filter((p) => p.id !== remote.id),
        unreportedPauses: [...(rec.unreportedPauses ?? []).filter((p) => p.id !== ended.id), ended],
      }));
      this.refresh();
      void this.reportPauses();
      return;
    }
    const r = this.file.current;
    if (!r.pause || r.pause.until <= this.now()) {
      if (this.machine.current.state !== 'paused') return;
    }
    const ended = r.pause ? { ...r.pause, until: this.now() } : undefined;
    await this.file.update((rec) => ({
      ...rec,
      pause: undefined,
      unreportedPauses: ended ? [...(rec.unreportedPauses ?? []).filter((p) => p.id !== ended.id), ended] : rec.unreportedPauses,
    }));
    this.refresh();
    void this.reportPauses();
  }

  /** The running pause when it was begun on another device (its times on the service's clock). */
  private remoteActive(): Pause | undefined {
    const r = this.file.current;
    const offset = r.serverOffset ?? 0;
    const now = this.now();
    const v = this.machine.current;
    if (v.state !== 'paused' || v.pause.id === r.pause?.id) return undefined;
    return (r.remotePauses ?? []).find((p) => p.id === v.pause.id && now + offset >= p.from && now + offset < p.until);
  }

  private async statusClick(): Promise<void> {
    const v = this.machine.current;
    if (v.state === 'recording') return this.pause();
    if (v.state === 'paused') {
      const minutes = this.pauseMinutes();
      const pick = await vscode.window.showQuickPick(
        [
          { label: '$(play) Resume now', id: 'resume' },
          { label: `$(debug-pause) Pause another ${minutes} minutes`, id: 'more' },
        ],
        { title: `Codetrail is paused (${formatCountdown(v.pause.until - this.now())} left)` },
      );
      if (pick?.id === 'resume') await this.resume();
      if (pick?.id === 'more') await this.pause(minutes);
      return;
    }
    return this.showStatus();
  }

  private async showStatus(): Promise<void> {
    const v = this.machine.current;
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
    if (this.file.current.policy && !this.file.current.policy.canRequestExemption) {
      void vscode.window.showWarningMessage('Codetrail: your organisation\'s policy does not let your group request exemptions. Ask your administrator; you can still pause capture at any time.');
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
      scope = { kind: 'workspace', workspace: this.deps.workspaceHash(this.file.current.policy?.workspaceSalt) };
    } else {
      const until = await vscode.window.showInputBox({
        title: 'Codetrail: Request Exemption — until (YYYY-MM-DD)',
        ignoreFocusOut: true,
        validateInput: (s) => {
          const t = Date.parse(s.trim() + 'T23:59:59');
          return Number.isNaN(t) ? 'A date like 2026-12-31' : t <= this.now() ? 'A date in the future' : undefined;
        },
      });
      if (!until) return;
      scope = { kind: 'range', from: this.now(), until: Date.parse(until.trim() + 'T23:59:59') };
    }
    const reason = await vscode.window.showInputBox({
      title: 'Codetrail: Request Exemption — reason',
      prompt: 'Tell the administrator why (required). Only they see it.',
      ignoreFocusOut: true,
      validateInput: (s) => (s.trim().length < 3 ? 'A reason is required' : undefined),
    });
    if (!reason) return;
    const local: Exemption = { id: 'local-' + randomUUID(), status: 'pending', scope, reason: reason.trim(), unsent: true };
    await this.file.update((r) => ({ ...r, exemptions: [...r.exemptions, local] }));
    this.refresh();
    const sent = await this.sendExemption(local);
    if (sent) {
      void vscode.window.showInformationMessage('Codetrail: exemption requested. Capture is paused until an administrator decides; you will see the decision here.');
    } else {
      void vscode.window.showWarningMessage('Codetrail: the collection service cannot be reached; your exemption request will be sent when it can. Capture is paused meanwhile.');
    }
  }

  private async sendExemption(local: Exemption): Promise<boolean> {
    try {
      const e = await this.deps.client.requestExemption(local.reason ?? '', local.scope);
      await this.file.update((r) => ({ ...r, exemptions: r.exemptions.map((x) => (x.id === local.id ? { ...e, reason: local.reason } : x)) }));
      this.refresh();
      this.schedulePoll(this.pollDelay());
      return true;
    } catch (err) {
      if (err instanceof ControlError && !err.transient) {
        await this.file.update((r) => ({ ...r, exemptions: r.exemptions.filter((x) => x.id !== local.id) }));
        this.refresh();
        void vscode.window.showErrorMessage(`Codetrail: the exemption request was refused: ${err.message}`);
        return true;
      }
      this.deps.log.warn(`exemption request not sent yet: ${(err as Error).message}`);
      return false;
    }
  }

  /**
   * Discard Recent Capture is a pause after the fact: everything entered in the window is
   * retracted in the editor (tainted, so it never reappears in a later record), unsent events
   * from it are removed with every copy on disk, and what was already sent is asked to be
   * deleted (now, or when the service can be reached). The discard restates no text.
   */
  private async discardRecent(minutes?: number): Promise<void> {
    let m = minutes;
    if (m === undefined) {
      const pick = await vscode.window.showQuickPick(['5', '15', '30', '60'].map((x) => ({ label: `Last ${x} minutes`, m: Number(x) })), {
        title: 'Codetrail: Discard Recent Capture — what you did in this time is removed, here and on the service',
      });
      if (!pick) return;
      m = pick.m;
    }
    const to = this.now();
    const from = to - m * 60_000;
    await this.deps.hooks.retract(from, to);
    // A session's start holds no text, and the rest of the session is judged by it: it stays.
    const removed = await this.deps.hooks.purge((e) => e.time >= from && e.kind !== 'session.start');
    await this.deps.hooks.recordGap('discarded', from, to, removed.pending);
    await this.file.update((r) => ({ ...r, pendingDeletions: [...(r.pendingDeletions ?? []), { from, until: to + 1 }] }));
    const asked = await this.sendDeletions();
    const sent = asked ? 'Anything already sent from that time has been asked to be deleted from the collection service.'
      : 'Anything already sent from that time will be asked to be deleted as soon as the collection service can be reached.';
    void vscode.window.showInformationMessage(`Codetrail: discarded the last ${m} minutes: ${removed.pending} unsent event(s) removed. ${sent}`);
  }

  /** Sends queued deletion requests (from discards); true when none is left waiting. */
  private async sendDeletions(): Promise<boolean> {
    for (const d of this.file.current.pendingDeletions ?? []) {
      try {
        await this.deps.client.requestDeletion({ kind: 'range', from: d.from, until: d.until });
      } catch (err) {
        if (!(err instanceof ControlError) || err.transient || err.status === 401) {
          this.deps.log.warn(`deletion request not sent yet: ${(err as Error).message}`);
          return false;
        }
        this.deps.log.warn(`deletion request refused: ${err.message}`);
      }
      await this.file.update((r) => ({ ...r, pendingDeletions: (r.pendingDeletions ?? []).filter((x) => !(x.from === d.from && x.until === d.until)) }));
    }
    return true;
  }

  private async firstRunNotice(): Promise<void> {
    if (this.file.current.noticeShown) return;
    await this.file.update((r) => ({ ...r, noticeShown: true }));
    const choice = await vscode.window.showInformationMessage(
      'Codetrail records your edits (as diffs), accepted completions and terminal/task/debug commands in this editor, redacts secrets and personal data on this machine, and sends them to your organisation\'s collection service. Click the status bar item to pause; use "Codetrail: Request Exemption…" to ask out.',
      'What Is Collected', 'Pause Now',
    );
    if (choice === 'What Is Collected') await vscode.commands.executeCommand('markdown.showPreview', this.deps.usageDataUri);
    if (choice === 'Pause Now') await this.pause();
  }

  // ---- policy polling ----------------------------------------------------------------

  private pollDelay(): number {
    const pending = this.file.current.exemptions.some((e) => e.status === 'pending');
    return (pending ? Math.min(10, this.settings.policyPollSeconds) : this.settings.policyPollSeconds) * 1000;
  }

  private schedulePoll(delay: number): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => void this.poll(), delay);
  }

  private async poll(): Promise<void> {
    try {
      if (!this.signedIn) return;
      await this.reportPauses();
      await this.sendDeletions();
      for (const e of this.file.current.exemptions.filter((x) => x.unsent)) await this.sendExemption(e);
      const p = await this.deps.client.policy();
      this.lastPolicyError = undefined;
      const before = this.file.current.exemptions;
      const policy: CachedPolicy = {
        version: p.version, pauseMinutes: p.pauseMinutes, whilePending: p.whilePending, excludedGlobs: p.excludedGlobs,
        workspaceSalt: p.workspaceSalt, excludedWorkspaces: p.excludedWorkspaces, canRequestExemption: p.canRequestExemption,
      };
      const unsent = before.filter((e) => e.unsent);
      const exemptions = [...p.exemptions, ...unsent];
      const remotePauses = remotePausesOf(p.pauses, this.file.current);
      const serverOffset = p.serverTime !== undefined ? p.serverTime - this.now() : this.file.current.serverOffset;
      if (JSON.stringify(remotePauses) !== JSON.stringify(this.file.current.remotePauses ?? []) || serverOffset !== this.file.current.serverOffset) {
        await this.file.update((r) => ({ ...r, remotePauses, serverOffset }));
        this.refresh();
      }
      if (JSON.stringify(policy) !== JSON.stringify(this.file.current.policy) || JSON.stringify(exemptions) !== JSON.stringify(before)) {
        await this.file.update((r) => ({ ...r, policy, exemptions }));
        this.announceDecisions(before, p.exemptions);
        this.refresh();
      }
    } catch (err) {
      const msg = (err as Error).message;
      if (msg !== this.lastPolicyError) this.deps.log.warn(`policy not refreshed: ${msg}`);
      this.lastPolicyError = msg;
    } finally {
      this.schedulePoll(this.pollDelay());
    }
  }

  private announceDecisions(before: readonly Exemption[], after: readonly Exemption[]): void {
    for (const e of after) {
      const was = before.find((b) => b.id === e.id);
      if (!was || was.status !== 'pending' || e.status === 'pending') continue;
      const note = e.note ? ` Note from the administrator: "${e.note}"` : '';
      if (e.status === 'approved') {
        void vscode.window.showInformationMessage(`Codetrail: your exemption (${describeScope(e.scope)}) was approved; nothing is recorded in its scope.${note}`);
        const workspace = this.deps.workspaceHash(this.file.current.policy?.workspaceSalt);
        // Events not sent yet that fall in the exemption's scope never leave the editor.
        void this.deps.hooks.purge((ev) => e.scope.kind === 'all'
          || (e.scope.kind === 'range' && ev.time >= e.scope.from && ev.time < e.scope.until)
          || (e.scope.kind === 'workspace' && e.scope.workspace === workspace));
      } else {
        void vscode.window.showWarningMessage(`Codetrail: your exemption request was denied; capture continues.${note}`);
      }
    }
  }

  /**
   * For the sender, before each batch: reports every pause (and every end of one) the service
   * has not heard of yet, and says whether none is left. Until it is, nothing is sent — the
   * service would judge an event typed just after a resume against the pause it still thinks
   * is running, refuse it, and the event would be deleted here.
   */
  async pausesReported(): Promise<boolean> {
    await this.file.sync();
    if (!(this.file.current.unreportedPauses ?? []).length) return true;
    await this.reportPauses();
    return !(this.file.current.unreportedPauses ?? []).length;
  }

  private async reportPauses(): Promise<void> {
    const list = this.file.current.unreportedPauses ?? [];
    for (const p of list) {
      try {
        await this.deps.client.reportPause(p);
        await this.file.update((r) => ({ ...r, unreportedPauses: (r.unreportedPauses ?? []).filter((x) => !(x.id === p.id && x.until === p.until)) }));
      } catch (err) {
        if (err instanceof ControlError && !err.transient) {
          await this.file.update((r) => ({ ...r, unreportedPauses: (r.unreportedPauses ?? []).filter((x) => x !== p) }));
        }
        return;
      }
    }
  }

  dispose(): void {
    this.policyEmitter.dispose();
    if (this.transitionTimer) clearTimeout(this.transitionTimer);
    if (this.countdown) clearTimeout(this.countdown);
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.disposables.forEach((d) => d.dispose());
  }
}

/**
 * The pause in force: this installation's own, or one begun on another of the user's devices
 * (reported by the service, read on this machine's clock). The one running now wins; of
 * several, the one lasting longest.
 */
function activePause(r: ConsentRecord, now: number): Pause | undefined {
  const offset = r.serverOffset ?? 0;
  const remote = (r.remotePauses ?? []).map((p) => ({ ...p, from: p.from - offset, until: p.until - offset }));
  const all = [...(r.pause ? [r.pause] : []), ...remote];
  const running = all.filter((p) => now >= p.from && now < p.until).sort((a, b) => b.until - a.until);
  return running[0] ?? r.pause ?? remote.filter((p) => p.until > now).sort((a, b) => a.from - b.from)[0];
}

function decisionOf(v: ConsentView): GateDecision {
  switch (v.state) {
    case 'recording': return { allowed: true };
    case 'paused': return { allowed: false, reason: 'paused', since: v.pause.from };
    case 'pending': return { allowed: false, reason: 'consent-pending' };
    case 'exempt': return { allowed: false, reason: 'exempt' };
    case 'off':
      return { allowed: false, reason: v.reason === 'telemetry-disabled' ? 'telemetry-off' : v.reason === 'disabled-in-settings' ? 'setting-off' : v.reason };
  }
}

function describeOff(reason: string): string {
  switch (reason) {
    case 'telemetry-disabled': return 'telemetry is turned off in VS Code (telemetry.telemetryLevel)';
    case 'disabled-in-settings': return 'turned off in settings (codetrail.enabled)';
    case 'workspace-excluded': return 'this workspace is excluded';
    case 'not-signed-in': return 'not signed in to the collection service (Codetrail: Sign In)';
    default: return reason;
  }
}

function describeScope(s: ExemptionScope): string {
  switch (s.kind) {
    case 'all': return 'everything';
    case 'workspace': return 'this workspace';
    case 'range': return `until ${new Date(s.until).toISOString().slice(0, 10)}`;
  }
}

export function describeView(v: ConsentView): string {
  switch (v.state) {
    case 'recording': return 'recording';
    case 'paused': return `paused until ${new Date(v.pause.until).toLocaleTimeString()}`;
    case 'pending': return 'exemption requested, waiting for a decision (capture paused)';
    case 'exempt': return `exempt (${describeScope(v.exemption.scope)})`;
    case 'off': return 'off — ' + describeOff(v.reason);
  }
}
