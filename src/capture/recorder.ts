// The capture pipeline behind the adapters: gate → trajectory builder → session stamping →
// stages (redaction goes here) → sink. Pure: time comes in as arguments, I/O is the sink's.
import type { ConsentStamp, EditEvent, EventBody, TrajectoryEvent } from '../protocol/schema';
import { Session } from './session';
import { DEFAULT_TRAJECTORY_OPTIONS, TrajectoryBuilder, type ContentChange, type TrajectoryOptions } from './trajectory';
import type { Provenance } from '../protocol/schema';
import type { TrajectorySink } from './sink';
import type { CaptureGate, GateDecision, GateReason } from './gate';
import type { LineRedactor } from './render';
import { PauseMask } from './pause-mask';

/** Transforms or drops an event between the session and the sink (redaction, filters). */
export type EventStage = (event: TrajectoryEvent) => TrajectoryEvent | undefined;

export interface RecorderOptions {
  /** Salted hash of the workspace identity. */
  workspace: string;
  client: { name: string; version: string; uiKind?: 'desktop' | 'web' };
  /** An idle gap longer than this ends the session; the next activity starts a new one. */
  sessionIdleMs: number;
  consent: () => ConsentStamp;
  trajectory?: TrajectoryOptions;
  /** Redacts file text line by line before any diff is made (keeps the line count). */
  redact?: LineRedactor;
}

interface Tracked {
  path: string;
  languageId: string;
}

export class Recorder {
  readonly builder: TrajectoryBuilder;
  private session: Session | undefined;
  private lastActivity = 0;
  private readonly tracked = new Map<string, Tracked>();
  private readonly stages: EventStage[] = [];
  private readonly editListeners: ((e: EditEvent) => void)[] = [];
  private readonly gateListeners: ((d: GateDecision) => void)[] = [];
  private decision: GateDecision;
  /** When capture stopped, and why; undefined while capturing or before it ever ran. */
  private closedAt: number | undefined;
  private closedReason: GateReason | undefined;
  /** What was typed while capture was off, so it is never emitted later. */
  private readonly mask = new PauseMask();
  /** Each tracked document's text when capture stopped, until it is baselined again. */
  private readonly atStop = new Map<string, string>();
  private readonly unsubscribeGate: () => void;

  constructor(
    private readonly sink: TrajectorySink,
    gate: CaptureGate,
    private readonly options: RecorderOptions,
    private readonly now: () => number = Date.now,
  ) {
    const redact = options.redact;
    this.builder = new TrajectoryBuilder((body) => this.stamp(body), options.trajectory ?? DEFAULT_TRAJECTORY_OPTIONS, (text, key) => {
      const masked = this.mask.apply(key, text);
      return redact ? redact(masked) : masked;
    });
    this.decision = gate.current();
    if (!this.decision.allowed) { this.closedAt = now(); this.closedReason = this.decision.reason; }
    this.unsubscribeGate = gate.onDidChange((d) => this.gateChanged(d));
  }

  /** Checked first by every adapter: nothing is read or kept while this is false. */
  get allowed(): boolean {
    return this.decision.allowed;
  }

  get gateDecision(): GateDecision {
    return this.decision;
  }

  get sessionId(): string | undefined {
    return this.session?.id;
  }

  addStage(stage: EventStage): void {
    this.stages.push(stage);
  }

  /** Edit steps as they are recorded (the diagnostics tracker links outcomes to them). */
  onEdit(listener: (e: EditEvent) => void): void {
    this.editListeners.push(listener);
  }

  /** The gate changed; after it reopens adapters must re-baseline what they track. */
  onGateChange(listener: (d: GateDecision) => void): void {
    this.gateListeners.push(listener);
  }

  isTracked(key: string): boolean {
    return this.tracked.has(key);
  }

  baseline(key: string, path: string, languageId: string, text: string, time: number, reason: 'open' | 'resume' | 'resync' | 'session'): void {
    if (!this.allowed) return;
    if (this.atStop.has(key)) {
      this.mask.learn(key, this.atStop.get(key), text);
      this.atStop.delete(key);
    } else if (reason === 'resume') {
      // Its text when capture stopped is unknown (opened meanwhile, or a reload): none of it is sent.
      this.mask.learn(key, undefined, text);
    }
    this.activity(time);
    this.tracked.set(key, { path, languageId });
    this.builder.baseline(key, path, languageId, text, time, reason);
  }

  change(key: string, changes: readonly ContentChange[], provenance: Provenance, time: number): void {
    if (!this.allowed || !this.tracked.has(key)) return;
    this.activity(time);
    this.builder.change(key, changes, provenance, time);
  }

  cursor(key: string, offset: number, time: number): void {
    if (this.allowed) this.builder.cursor(key, offset, time);
  }

  save(key: string, time: number): void {
    if (!this.allowed || !this.tracked.has(key)) return;
    this.activity(time);
    this.builder.save(key, time);
  }

  forget(key: string, time: number): void {
    if (!this.tracked.delete(key) || !this.allowed) return;
    this.activity(time);
    this.builder.forget(key, time);
  }

  rename(key: string, newKey: string, path: string, languageId: string, text: string, time: number): void {
    this.forget(key, time);
    this.baseline(newKey, path, languageId, text, time, 'open');
  }

  /** Any other event (context, commands, outcomes). */
  emit(body: EventBody): void {
    if (!this.allowed) return;
    this.activity(body.time);
    this.session!.emit(body);
  }

  /** Regular timer: closes idle steps, ends an idle session. */
  tick(now: number): void {
    if (!this.allowed) return;
    this.builder.tick(now);
    if (this.session && now - this.lastActivity > this.options.sessionIdleMs) this.endSession(this.lastActivity, 'idle');
  }

  /** Closes open steps and writes everything out. */
  async flush(): Promise<void> {
    if (this.allowed) this.builder.flush(this.now());
    await this.sink.flush();
  }

  async shutdown(): Promise<void> {
    if (this.allowed && this.session) this.endSession(this.now(), 'shutdown');
    this.unsubscribeGate();
    await this.sink.close();
  }

  private activity(time: number): void {
    if (!this.session) this.startSession(time);
    if (time > this.lastActivity) this.lastActivity = time;
  }

  private startSession(time: number): void {
    const rotated = this.lastActivity > 0;
    this.session = new Session((e) => this.deliver(e), this.options.consent);
    this.lastActivity = time;
    this.session.emit({ kind: 'session.start', time, workspace: this.options.workspace, client: this.options.client });
    if (!rotated) return;
    // Each session replays on its own: restate every tracked file as it is now.
    for (const [key, t] of this.tracked) {
      const text = this.builder.currentText(key);
      if (text !== undefined) this.builder.baseline(key, t.path, t.languageId, text, time, 'session');
    }
  }

  private endSession(time: number, reason: 'idle' | 'shutdown' | 'consent'): void {
    this.builder.flush(time, 'flush');
    this.session?.emit({ kind: 'session.end', time, reason });
    this.session = undefined;
  }

  private stamp(body: EventBody): void {
    if (!this.session) this.startSession(body.time);
    const e = this.session!.emit(body);
    if (e.kind === 'edit') for (const l of this.editListeners) l(e);
  }

  private deliver(event: TrajectoryEvent): void {
    let e: TrajectoryEvent | undefined = event;
    for (const stage of this.stages) {
      e = stage(e);
      if (!e) return;
    }
    this.sink.write(e);
  }

  /**
   * Restates every tracked file as it is now, after events were removed from the outbox, so
   * later steps do not build on removed ones; a gap marker says what happened.
   */
  restate(reason: 'discarded', from: number, to: number, dropped: number): void {
    if (!this.allowed) return;
    const now = this.now();
    this.builder.flush(now);
    this.emit({ kind: 'gap', time: now, reason, from, to, dropped });
    for (const [key, t] of this.tracked) {
      const text = this.builder.currentText(key);
      if (text !== undefined) this.builder.baseline(key, t.path, t.languageId, text, now, 'resync');
    }
  }

  private gateChanged(d: GateDecision): void {
    const was = this.decision.allowed;
    if (!was && d.allowed && this.closedAt !== undefined) {
      // Say that something is deliberately missing before files are restated.
      const reason = this.closedReason;
      const from = this.closedAt;
      this.closedAt = undefined;
      this.decision = d;
      this.emit({ kind: 'gap', time: this.now(), reason: gapReasonOf(reason), from, to: this.now() });
    }
    if (was && !d.allowed) {
      this.closedAt = this.now();
      this.closedReason = d.reason;
      for (const key of this.tracked.keys()) {
        const text = this.builder.currentText(key);
        if (text !== undefined && !this.atStop.has(key)) this.atStop.set(key, text);
      }
      // Steps recorded while allowed are kept; then nothing more is read or kept.
      if (this.session) this.endSession(this.now(), 'consent');
      this.builder.discardAll();
      this.tracked.clear();
      void this.sink.flush();
    }
    this.decision = d;
    if (was !== d.allowed) for (const l of this.gateListeners) l(d);
  }
}

function gapReasonOf(r: GateReason | undefined): 'paused' | 'exempt' | 'off' {
  if (r === 'paused' || r === 'consent-pending') return 'paused';
  if (r === 'exempt') return 'exempt';
  return 'off';
}
