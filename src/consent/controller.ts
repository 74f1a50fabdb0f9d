// The consent controller: pause, resume, exemption requests, discards, policy polling and the
// offline queues behind them, over the shared consent file and the collection service. No
// editor API: the clock, the live switches, the service and the words to the user come in
// through the constructor, so every flow runs in a unit test.
import { randomUUID } from 'node:crypto';
import type { ConsentStamp } from '@codetrail/protocol';
import type { CaptureGate, GateDecision } from '../capture/gate';
import { activePause, remotePausesOf, withOwnPause, type CachedPolicy, type ConsentRecord } from './file';
import { ControlError, type ControlClient } from './client';
import { describeScope, describeView } from './describe';
import {
  ConsentMachine,
  type ConsentFacts,
  type ConsentView,
  type Exemption,
  type ExemptionScope,
  type Pause,
  type Transition,
} from './state';

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

/** Where the consent record lives (the shared consent file in the editor). */
export interface ConsentStore {
  readonly current: ConsentRecord;
  open(): Promise<ConsentRecord>;
  onDidChange(listener: (r: ConsentRecord) => void): { dispose(): void };
  update(change: (r: ConsentRecord) => ConsentRecord): Promise<void>;
  /** Waits for this window's writes and reads what other windows wrote since. */
  sync(): Promise<ConsentRecord>;
  dispose(): void;
}

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What the controller tells the user (the adapter shows it as a notification). */
export interface Notifier {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The settings the controller reads, always the current values. */
export interface ConsentSettings {
  readonly enabled: boolean;
  readonly excludedWorkspaces: readonly string[];
  readonly pauseMinutes: number;
  readonly policyPollSeconds: number;
}

export interface ConsentControllerDeps {
  store: ConsentStore;
  client: Pick<ControlClient, 'policy' | 'reportPause' | 'requestExemption' | 'requestDeletion'>;
  hooks: ConsentHooks;
  log: Logger;
  notify: Notifier;
  clock: Clock;
  settings: () => ConsentSettings;
  /** The editor's telemetry switch. */
  telemetryEnabled: () => boolean;
  /** The open workspace's folder names, paths and URIs (matched against codetrail.excludedWorkspaces). */
  workspaceNames: () => string[];
  workspaceHash: (salt: string | undefined) => string;
  hasToken: () => Promise<boolean>;
  newId?: () => string;
}

/** The same report of a pause: its id and its end. */
function samePause(a: Pause, b: Pause): boolean {
  return a.id === b.id && a.until === b.until;
}

/** Longest a resume waits for the end of the pause the service keeps (clock skew beyond it is not waited for). */
const RESUME_WAIT_MAX_MS = 10_000;

export class ConsentController implements CaptureGate {
  private machine!: ConsentMachine;
  private readonly gateListeners = new Set<(d: GateDecision) => void>();
  private readonly viewListeners = new Set<() => void>();
  private readonly policyListeners = new Set<(p: CachedPolicy | undefined) => void>();
  private fileSubscription: { dispose(): void } | undefined;
  private transitionTimer: unknown;
  private countdown: unknown;
  private pollTimer: unknown;
  private signedIn = false;
  /** A pause the user resumed, left to run to the end the service keeps: its end is not announced. */
  private resumedByUser: string | undefined;
  private lastPolicyError: string | undefined;
  private lastPolicy = 'null';
  /**
   * Every report of a pause to the service, one after another. The service keeps the longest
   * end it hears of a pause (a pause may be extended), so a report of the pause as begun must
   * never reach it after the report of its end: a pause resumed at once would run on there for
   * its whole length, and the service would refuse what is typed after the resume.
   */
  private reports: Promise<unknown> = Promise.resolve();
  private readonly store: ConsentStore;
  private readonly clock: Clock;

  constructor(private readonly deps: ConsentControllerDeps) {
    this.store = deps.store;
    this.clock = deps.clock;
  }

  now(): number {
    return this.clock.now();
  }

  /** Reads the consent record, derives the state, arms the timers and polls the policy at once. */
  async start(): Promise<void> {
    const record = await this.store.open();
    this.signedIn = await this.deps.hasToken();
    this.machine = new ConsentMachine(this.facts(record), () => this.now());
    this.machine.onTransition((t) => this.transitioned(t));
    this.fileSubscription = this.store.onDidChange(() => this.refresh());
    this.armTransitionTimer();
    this.schedulePoll(0);
  }

  // ---- what the adapter reads and follows ----------------------------------------------

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

  /** The organisation's policy as last fetched (cached on disk across reloads). */
  get policy(): CachedPolicy | undefined {
    return this.store.current.policy;
  }

  /** The view may read differently (state, countdown, policy): show it again. */
  onDidChangeView(listener: () => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  onDidChangePolicy(listener: (p: CachedPolicy | undefined) => void): () => void {
    this.policyListeners.add(listener);
    return () => this.policyListeners.delete(listener);
  }

  /** The pause in force was begun on another of the user's devices. */
  get pausedElsewhere(): boolean {
    const v = this.machine.current;
    return v.state === 'paused' && v.pause.id !== this.store.current.pause?.id;
  }

  /** One click pauses this long: the organisation's policy, else the setting. */
  pauseMinutes(): number {
    return this.store.current.policy?.pauseMinutes ?? this.deps.settings().pauseMinutes;
  }

  /** False only when the organisation's policy says this user's group may not ask out. */
  get canRequestExemption(): boolean {
    const policy = this.store.current.policy;
    return !policy || policy.canRequestExemption;
  }

  /** This workspace's salted hash, as a workspace-scoped exemption names it. */
  workspace(): string {
    return this.deps.workspaceHash(this.store.current.policy?.workspaceSalt);
  }

  // ---- what changes the facts ----------------------------------------------------------

  /** A switch the facts read changed (telemetry, workspace folders): derive again. */
  refresh(): void {
    const policy = JSON.stringify(this.store.current.policy ?? null);
    if (policy !== this.lastPolicy) {
      this.lastPolicy = policy;
      for (const l of [...this.policyListeners]) l(this.store.current.policy);
    }
    this.machine.update(this.facts(this.store.current));
    this.fireView();
    this.armTransitionTimer();
  }

  settingsChanged(): void {
    this.refresh();
    this.schedulePoll(0);
  }

  async tokenChanged(): Promise<void> {
    this.signedIn = await this.deps.hasToken();
    this.refresh();
    this.schedulePoll(0);
  }

  /** True once: the first-run notice is due (it is marked shown at once, whatever the user picks). */
  async takeFirstRunNotice(): Promise<boolean> {
    if (this.store.current.noticeShown) return false;
    await this.store.update((r) => ({ ...r, noticeShown: true }));
    return true;
  }

  private facts(record: ConsentRecord): ConsentFacts {
    const policy = record.policy;
    const settings = this.deps.settings();
    const hash = this.deps.workspaceHash(policy?.workspaceSalt);
    const names = this.deps.workspaceNames();
    const excludedBySetting = settings.excludedWorkspaces.some((x) => names.includes(x));
    return {
      telemetryEnabled: this.deps.telemetryEnabled(),
      settingEnabled: settings.enabled,
      signedIn: this.signedIn,
      workspaceExcluded: excludedBySetting || !!policy?.excludedWorkspaces.includes(hash),
      workspace: hash,
      pause: activePause(record, this.now()),
      exemptions: record.exemptions,
      whilePending: policy?.whilePending ?? 'pause',
      policyVersion: policy?.version ?? 0,
    };
  }

  private fireView(): void {
    for (const l of [...this.viewListeners]) l();
  }

  private transitioned(t: Transition): void {
    const d = decisionOf(t.kind === 'resumed' ? { state: 'recording' } : t.view);
    this.deps.log.info(`consent: ${t.kind} → ${describeView(this.machine.current)}`);
    for (const l of [...this.gateListeners]) l(d);
    if (
      t.kind === 'resumed' &&
      t.previous.state === 'paused' &&
      t.previous.pause.until <= this.now() &&
      t.previous.pause.id !== this.resumedByUser
    ) {
      this.deps.notify.info('Codetrail: the pause has ended; capture has resumed.');
    }
    this.fireView();
  }

  // ---- timers --------------------------------------------------------------------------

  private armTransitionTimer(): void {
    if (this.transitionTimer !== undefined) this.clock.clearTimeout(this.transitionTimer);
    this.transitionTimer = undefined;
    const next = this.machine.nextTransition();
    if (next !== undefined) {
      // setTimeout cannot wait longer than ~24.8 days; re-arm on the way.
      const delay = Math.min(Math.max(0, next - this.now()) + 5, 2 ** 31 - 1);
      this.transitionTimer = this.clock.setTimeout(() => this.refresh(), delay);
    }
    const paused = this.machine.current.state === 'paused';
    if (paused && this.countdown === undefined) this.tickCountdown();
    if (!paused && this.countdown !== undefined) {
      this.clock.clearTimeout(this.countdown);
      this.countdown = undefined;
    }
  }

  /** Re-renders just after each shown second turns (at the half seconds left), so it reads the time left within half a second. */
  private tickCountdown(): void {
    const v = this.machine.current;
    if (v.state !== 'paused') {
      this.countdown = undefined;
      return;
    }
    const left = v.pause.until - this.now();
    const delay = (((left - 500) % 1000) + 1000) % 1000 || 1000;
    this.countdown = this.clock.setTimeout(() => {
      this.machine.reevaluate();
      this.fireView();
      this.tickCountdown();
    }, delay + 5);
  }

  // ---- pause and resume ----------------------------------------------------------------

  async pause(minutes = this.pauseMinutes()): Promise<void> {
    const v = this.machine.current;
    if (v.state === 'off' || v.state === 'exempt') {
      this.deps.notify.info(`Codetrail is not recording (${describeView(v)}); there is nothing to pause.`);
      return;
    }
    const now = this.now();
    const current = v.state === 'paused' ? v.pause : undefined;
    const id = current?.id ?? (this.deps.newId ?? randomUUID)();
    const pause = { id, from: current?.from ?? now, until: Math.max(current?.until ?? now, now) + minutes * 60_000 };
    await this.store.update((r) => ({
      ...withOwnPause(r, pause.id),
      pause,
      unreportedPauses: [...(r.unreportedPauses ?? []).filter((p) => p.id !== pause.id), pause],
    }));
    this.refresh();
    void this.reportPauses();
  }

  async resume(): Promise<void> {
    const remote = this.remoteActive();
    if (remote) {
      // A pause begun on another device: ending it here ends it for the user (the service shortens it).
      const offset = this.store.current.serverOffset ?? 0;
      const ended = { id: remote.id, from: remote.from, until: this.now() + offset };
      // The service hears of the end before capture resumes here: events typed in between would
      // be refused as paused. The record is left alone until then, since any change to it
      // re-reads the view (offline, or when the service cannot be reached: capture resumes now
      // and the end is reported later).
      let reported = false;
      if (this.signedIn) {
        try {
          await this.report(ended);
          reported = true;
        } catch {
          reported = false;
        }
      }
      await this.store.update((rec) => ({
        ...withOwnPause(rec, remote.id),
        remotePauses: (rec.remotePauses ?? []).filter((p) => p.id !== remote.id),
        unreportedPauses: [...(rec.unreportedPauses ?? []).filter((p) => p.id !== ended.id), ...(reported ? [] : [ended])],
      }));
      this.refresh();
      return;
    }
    const r = this.store.current;
    if (!r.pause || r.pause.until <= this.now()) {
      if (this.machine.current.state !== 'paused') return;
    }
    const ended = r.pause ? { ...r.pause, until: this.now() } : undefined;
    // The service ends a pause no earlier than when it hears of the end, and refuses events
    // stamped before that: it is told first, and capture resumes at the end it keeps (a
    // moment later; never more than RESUME_WAIT_MAX_MS). Offline, capture resumes now and
    // the end is reported later.
    let kept: number | undefined;
    // The end supersedes every report of the pause still waiting (sent after it, one would
    // lengthen the pause again on the service), and waits in the record until it is answered.
    if (ended)
      await this.store.update((rec) => ({
        ...rec,
        unreportedPauses: [...(rec.unreportedPauses ?? []).filter((p) => p.id !== ended.id), ended],
      }));
    if (ended && this.signedIn) {
      try {
        const answer = await this.report(ended);
        kept = answer ? Math.max(ended.until, answer.until) : ended.until;
        this.resumedByUser = ended.id;
        if (kept - this.now() > RESUME_WAIT_MAX_MS) kept = this.now();
      } catch {
        kept = undefined;
      }
    }
    const held = ended && kept !== undefined && kept > this.now() ? { ...ended, until: kept } : undefined;
    await this.store.update((rec) => ({
      ...rec,
      pause: held,
      unreportedPauses:
        ended && kept !== undefined ? (rec.unreportedPauses ?? []).filter((p) => !samePause(p, ended)) : rec.unreportedPauses,
    }));
    this.refresh();
    void this.reportPauses();
  }

  /** The running pause when it was begun on another device (its times on the service's clock). */
  private remoteActive(): Pause | undefined {
    const r = this.store.current;
    const offset = r.serverOffset ?? 0;
    const now = this.now();
    const v = this.machine.current;
    if (v.state !== 'paused' || v.pause.id === r.pause?.id) return undefined;
    return (r.remotePauses ?? []).find((p) => p.id === v.pause.id && now + offset >= p.from && now + offset < p.until);
  }

  /**
   * For the sender, before each batch: reports every pause (and every end of one) the service
   * has not heard of yet, and says whether none is left. Until it is, nothing is sent — the
   * service would judge an event typed just after a resume against the pause it still thinks
   * is running, refuse it, and the event would be deleted here.
   */
  async pausesReported(): Promise<boolean> {
    await this.store.sync();
    if (!(this.store.current.unreportedPauses ?? []).length) return true;
    await this.reportPauses();
    return !(this.store.current.unreportedPauses ?? []).length;
  }

  /** Sends one report once those before it have been answered. */
  private report(p: Pause): Promise<{ until: number } | undefined> {
    return this.inTurn(() => this.deps.client.reportPause(p));
  }

  /** Like `report`, but only if the record still holds it as waiting when its turn comes (a resume may have superseded it). */
  private reportIfWaiting(p: Pause): Promise<boolean> {
    return this.inTurn(async () => {
      if (!(this.store.current.unreportedPauses ?? []).some((x) => samePause(x, p))) return false;
      await this.deps.client.reportPause(p);
      return true;
    });
  }

  private inTurn<T>(send: () => Promise<T>): Promise<T> {
    const sent = this.reports.then(send);
    this.reports = sent.catch(() => undefined);
    return sent;
  }

  private async reportPauses(): Promise<void> {
    for (const p of this.store.current.unreportedPauses ?? []) {
      try {
        if (!(await this.reportIfWaiting(p))) continue;
        await this.store.update((r) => ({ ...r, unreportedPauses: (r.unreportedPauses ?? []).filter((x) => !samePause(x, p)) }));
      } catch (err) {
        if (err instanceof ControlError && !err.transient) {
          await this.store.update((r) => ({ ...r, unreportedPauses: (r.unreportedPauses ?? []).filter((x) => !samePause(x, p)) }));
        }
        return;
      }
    }
  }

  // ---- exemptions ----------------------------------------------------------------------

  /**
   * Files the request at once (it counts as pending from now on) and sends it; offline it
   * waits in the consent file and goes out with a later poll.
   */
  async requestExemption(scope: ExemptionScope, reason: string): Promise<void> {
    const local: Exemption = {
      id: 'local-' + (this.deps.newId ?? randomUUID)(),
      status: 'pending',
      scope,
      reason: reason.trim(),
      unsent: true,
    };
    await this.store.update((r) => ({ ...r, exemptions: [...r.exemptions, local] }));
    this.refresh();
    const sent = await this.sendExemption(local);
    if (sent) {
      this.deps.notify.info(
        'Codetrail: exemption requested. Capture is paused until an administrator decides; you will see the decision here.',
      );
    } else {
      this.deps.notify.warn(
        'Codetrail: the collection service cannot be reached; your exemption request will be sent when it can. Capture is paused meanwhile.',
      );
    }
  }

  private async sendExemption(local: Exemption): Promise<boolean> {
    try {
      const e = await this.deps.client.requestExemption(local.reason ?? '', local.scope);
      await this.store.update((r) => ({
        ...r,
        exemptions: r.exemptions.map((x) => (x.id === local.id ? { ...e, reason: local.reason } : x)),
      }));
      this.refresh();
      this.schedulePoll(this.pollDelay());
      return true;
    } catch (err) {
      if (err instanceof ControlError && !err.transient) {
        await this.store.update((r) => ({ ...r, exemptions: r.exemptions.filter((x) => x.id !== local.id) }));
        this.refresh();
        this.deps.notify.error(`Codetrail: the exemption request was refused: ${err.message}`);
        return true;
      }
      this.deps.log.warn(`exemption request not sent yet: ${(err as Error).message}`);
      return false;
    }
  }

  private announceDecisions(before: readonly Exemption[], after: readonly Exemption[]): void {
    for (const e of after) {
      const was = before.find((b) => b.id === e.id);
      if (!was || was.status !== 'pending' || e.status === 'pending') continue;
      const note = e.note ? ` Note from the administrator: "${e.note}"` : '';
      if (e.status === 'approved') {
        this.deps.notify.info(
          `Codetrail: your exemption (${describeScope(e.scope)}) was approved; nothing is recorded in its scope.${note}`,
        );
        const workspace = this.workspace();
        // Events not sent yet that fall in the exemption's scope never leave the editor.
        void this.deps.hooks.purge(
          (ev) =>
            e.scope.kind === 'all' ||
            (e.scope.kind === 'range' && ev.time >= e.scope.from && ev.time < e.scope.until) ||
            (e.scope.kind === 'workspace' && e.scope.workspace === workspace),
        );
      } else {
        this.deps.notify.warn(`Codetrail: your exemption request was denied; capture continues.${note}`);
      }
    }
  }

  // ---- discards ------------------------------------------------------------------------

  /**
   * Discard Recent Capture is a pause after the fact: everything entered in the window is
   * retracted in the editor (tainted, so it never reappears in a later record), unsent events
   * from it are removed with every copy on disk, and what was already sent is asked to be
   * deleted (now, or when the service can be reached). The discard restates no text.
   */
  async discardRecent(minutes: number): Promise<void> {
    const to = this.now();
    const from = to - minutes * 60_000;
    await this.deps.hooks.retract(from, to);
    // A session's start holds no text, and the rest of the session is judged by it: it stays.
    const removed = await this.deps.hooks.purge((e) => e.time >= from && e.kind !== 'session.start');
    await this.deps.hooks.recordGap('discarded', from, to, removed.pending);
    await this.store.update((r) => ({ ...r, pendingDeletions: [...(r.pendingDeletions ?? []), { from, until: to + 1 }] }));
    const asked = await this.sendDeletions();
    const sent = asked
      ? 'Anything already sent from that time has been asked to be deleted from the collection service.'
      : 'Anything already sent from that time will be asked to be deleted as soon as the collection service can be reached.';
    this.deps.notify.info(`Codetrail: discarded the last ${minutes} minutes: ${removed.pending} unsent event(s) removed. ${sent}`);
  }

  /** Sends queued deletion requests (from discards); true when none is left waiting. */
  private async sendDeletions(): Promise<boolean> {
    for (const d of this.store.current.pendingDeletions ?? []) {
      try {
        await this.deps.client.requestDeletion({ kind: 'range', from: d.from, until: d.until });
      } catch (err) {
        if (!(err instanceof ControlError) || err.transient || err.status === 401) {
          this.deps.log.warn(`deletion request not sent yet: ${(err as Error).message}`);
          return false;
        }
        this.deps.log.warn(`deletion request refused: ${err.message}`);
      }
      await this.store.update((r) => ({
        ...r,
        pendingDeletions: (r.pendingDeletions ?? []).filter((x) => !(x.from === d.from && x.until === d.until)),
      }));
    }
    return true;
  }

  // ---- policy polling ------------------------------------------------------------------

  private pollDelay(): number {
    const seconds = this.deps.settings().policyPollSeconds;
    const pending = this.store.current.exemptions.some((e) => e.status === 'pending');
    return (pending ? Math.min(10, seconds) : seconds) * 1000;
  }

  private schedulePoll(delay: number): void {
    if (this.pollTimer !== undefined) this.clock.clearTimeout(this.pollTimer);
    this.pollTimer = this.clock.setTimeout(() => this.poll(), delay);
  }

  /** Sends what waits offline (pauses, deletions, exemption requests), then fetches the policy. */
  private async poll(): Promise<void> {
    try {
      if (!this.signedIn) return;
      await this.reportPauses();
      await this.sendDeletions();
      for (const e of this.store.current.exemptions.filter((x) => x.unsent)) await this.sendExemption(e);
      const p = await this.deps.client.policy();
      this.lastPolicyError = undefined;
      const before = this.store.current.exemptions;
      const policy: CachedPolicy = {
        version: p.version,
        pauseMinutes: p.pauseMinutes,
        whilePending: p.whilePending,
        excludedGlobs: p.excludedGlobs,
        workspaceSalt: p.workspaceSalt,
        excludedWorkspaces: p.excludedWorkspaces,
        canRequestExemption: p.canRequestExemption,
      };
      const unsent = before.filter((e) => e.unsent);
      const exemptions = [...p.exemptions, ...unsent];
      const remotePauses = remotePausesOf(p.pauses, this.store.current);
      const serverOffset = p.serverTime !== undefined ? p.serverTime - this.now() : this.store.current.serverOffset;
      if (
        JSON.stringify(remotePauses) !== JSON.stringify(this.store.current.remotePauses ?? []) ||
        serverOffset !== this.store.current.serverOffset
      ) {
        await this.store.update((r) => ({ ...r, remotePauses: remotePausesOf(p.pauses, r), serverOffset }));
        this.refresh();
      }
      if (JSON.stringify(policy) !== JSON.stringify(this.store.current.policy) || JSON.stringify(exemptions) !== JSON.stringify(before)) {
        await this.store.update((r) => ({ ...r, policy, exemptions: [...p.exemptions, ...r.exemptions.filter((e) => e.unsent)] }));
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

  dispose(): void {
    for (const t of [this.transitionTimer, this.countdown, this.pollTimer]) if (t !== undefined) this.clock.clearTimeout(t);
    this.fileSubscription?.dispose();
    this.store.dispose();
  }
}

export function decisionOf(v: ConsentView): GateDecision {
  switch (v.state) {
    case 'recording':
      return { allowed: true };
    case 'paused':
      return { allowed: false, reason: 'paused', since: v.pause.from };
    case 'pending':
      return { allowed: false, reason: 'consent-pending' };
    case 'exempt':
      return { allowed: false, reason: 'exempt' };
    case 'off':
      return {
        allowed: false,
        reason: v.reason === 'telemetry-disabled' ? 'telemetry-off' : v.reason === 'disabled-in-settings' ? 'setting-off' : v.reason,
      };
  }
}
