// The capture pipeline behind the adapters: gate → trajectory builder → session stamping →
// stages (redaction goes here) → sink. Pure: time comes in as arguments, I/O is the sink's
// and the taint oracle's.
//
// While the gate is closed the builder keeps following open documents silently: what is
// typed then is tainted (its fingerprints kept by the oracle) and nothing is emitted. When
// the gate opens again a new session starts, and each file is stated again — masked — before
// its next edit.
import type { ConsentStamp, EditEvent, EventBody, TrajectoryEvent } from '@codetrail/protocol';
import { Session } from './session';
import {
  DEFAULT_TRAJECTORY_OPTIONS,
  TrajectoryBuilder,
  type ContentChange,
  type LineRange,
  type TaintHooks,
  type TrajectoryOptions,
} from './trajectory';
import type { Provenance } from '@codetrail/protocol';
import type { TrajectorySink } from './sink';
import type { CaptureGate, GateDecision, GateReason } from './gate';
import type { LineRedactor } from './render';

/** Transforms or drops an event between the session and the sink (redaction, filters). */
export type EventStage = (event: TrajectoryEvent) => TrajectoryEvent | undefined;

/** What is known of where a document's text came from when it is first seen. */
export interface DocumentOrigin {
  /** An unsaved buffer (its text exists nowhere else). */
  untitled: boolean;
  /** Its file's modification and creation times, when it is a local file. */
  mtime?: number;
  birthtime?: number;
}

/** Where taint is remembered beyond the builder's memory: fingerprints, file states, off windows. */
export interface TaintOracle extends TaintHooks {
  /** Taint for a document seen for the first time in this window: what may have been typed while off. */
  initialTaint(key: string, text: string, origin: DocumentOrigin): LineRange[];
  /** The document's state as it stops being watched (closed, the window ending, a checkpoint). */
  remember(key: string, text: string, taint: readonly LineRange[]): void;
  moved(oldKey: string, newKey: string): void;
  captureStopped(since: number): void;
  captureResumed(): void;
  /** Writes what is pending to disk. */
  flush(): void;
}

export interface RecorderOptions {
  /** Salted hash of the workspace identity. */
  workspace: string;
  client: { name: string; version: string; uiKind?: 'desktop' | 'web'; redactionPolicy?: number };
  /** An idle gap longer than this ends the session; the next activity starts a new one. */
  sessionIdleMs: number;
  consent: () => ConsentStamp;
  trajectory?: TrajectoryOptions;
  /** Redacts file text line by line before any diff is made (keeps the line count). */
  redact?: LineRedactor;
  /** Remembers taint across reloads and files; without one it lives in memory only. */
  taint?: TaintOracle;
  /**
   * Capture turned out to have been off since `since` (news of a pause that came late, from
   * another window or device): unsent events from then on must be removed.
   */
  onLateStop?: (since: number) => void;
  /** Where the recorder says what it did without content (the extension's log). */
  log?: (message: string) => void;
}

interface Tracked {
  path: string;
  languageId: string;
}

/** A stop this much after the moment it took effect is late news: what came between is retracted. */
export const LATE_STOP_MS = 100;
/** Documents that changed are checkpointed this often while recording, and while not. */
const CHECKPOINT_MS = { recording: 30_000, off: 2_000 };

export class Recorder {
  readonly builder: TrajectoryBuilder;
  private session: Session | undefined;
  private lastActivity = 0;
  private readonly tracked = new Map<string, Tracked>();
  private readonly stages: EventStage[] = [];
  private readonly editListeners: ((e: EditEvent) => void)[] = [];
  private readonly gateListeners: ((d: GateDecision) => void)[] = [];
  private decision: GateDecision;
  /** When capture stopped, and why; undefined while capturing. */
  private closedAt: number | undefined;
  private closedReason: GateReason | undefined;
  /** Documents changed since their last checkpoint. */
  private readonly changed = new Set<string>();
  private lastCheckpoint = 0;
  private readonly unsubscribeGate: () => void;

  constructor(
    private readonly sink: TrajectorySink,
    gate: CaptureGate,
    private readonly options: RecorderOptions,
    private readonly now: () => number = Date.now,
  ) {
    const redact = options.redact;
    const taint = options.taint;
    const hooks = taint && {
      recognize: (line: string, strict?: boolean) => taint.recognize?.(line, strict),
      fingerprint: (line: string, ranges: readonly LineRange[]) => taint.fingerprint?.(line, ranges),
      // The path is not logged: an untitled buffer is named after its first line.
      recognized: (path: string, lines: number, strict: boolean) =>
        options.log?.(
          `consent: ${lines} line(s) of a ${languageOf(path)} file match text seen while capture was off (${strict ? 'held back by the firewall' : 'text of unknown origin'}); they are masked`,
        ),
    };
    this.builder = new TrajectoryBuilder(
      (body) => this.stamp(body),
      options.trajectory ?? DEFAULT_TRAJECTORY_OPTIONS,
      redact && ((t, names) => redact(t, names)),
      hooks,
    );
    this.decision = gate.current();
    if (!this.decision.allowed) this.stop(this.decision, now());
    this.unsubscribeGate = gate.onDidChange((d) => this.gateChanged(d));
  }

  /** True while capture may record; adapters still report changes while false (they are tainted). */
  get allowed(): boolean {
    return this.decision.allowed;
  }

  get gateDecision(): GateDecision {
    return this.decision;
  }

  get sessionId(): string | undefined {
    return this.session?.id;
  }

  /** The session idle limit changed (settings are applied without a reload). */
  setSessionIdleMs(ms: number): void {
    this.options.sessionIdleMs = ms;
  }

  addStage(stage: EventStage): void {
    this.stages.push(stage);
  }

  /** Edit steps as they are recorded (the diagnostics tracker links outcomes to them). */
  onEdit(listener: (e: EditEvent) => void): void {
    this.editListeners.push(listener);
  }

  /** The gate changed (adapters pick up documents they could not see meanwhile). */
  onGateChange(listener: (d: GateDecision) => void): void {
    this.gateListeners.push(listener);
  }

  isTracked(key: string): boolean {
    return this.tracked.has(key);
  }

  /** Keys of the tracked documents recorded under `path`. */
  keysOf(path: string): string[] {
    return [...this.tracked].filter(([, t]) => t.path === path).map(([k]) => k);
  }

  /**
   * A document is seen: tracked from now on (silently while capture is off). Its first sight
   * in this window asks the oracle what of it may have been typed while capture was off.
   * Seen again with other text (the editor and the builder disagree), it starts over.
   */
  baseline(
    key: string,
    path: string,
    languageId: string,
    text: string,
    time: number,
    reason: 'open' | 'resume' | 'resync',
    origin: DocumentOrigin = { untitled: false },
  ): void {
    const known = this.builder.currentText(key);
    if (known !== undefined && reason !== 'resync') return;
    const oracle = this.options.taint;
    // Out of step: what the builder knew is carried over through the oracle's line memory.
    if (known !== undefined) oracle?.remember(key, known, this.builder.taintOf(key));
    let taint: LineRange[] = [];
    if (oracle) taint = oracle.initialTaint(key, text, origin);
    else if (!this.allowed && text.length > 0) taint = [[0, text.length]]; // no memory: unknown origin
    if (this.allowed) this.activity(time);
    this.tracked.set(key, { path, languageId });
    this.builder.fingerprintDirty(); // text just typed elsewhere (an untitled buffer saved as this file) is recognised
    this.builder.baseline(key, path, languageId, text, time, reason === 'resync' ? 'resync' : 'open', taint);
    this.changed.add(key);
  }

  /** `off`: made while capture was off, whatever the gate says now (see TrajectoryBuilder.change). */
  change(key: string, changes: readonly ContentChange[], provenance: Provenance, time: number, off = false): void {
    if (!this.tracked.has(key)) return;
    if (this.allowed && !off) this.activity(time);
    this.builder.change(key, changes, provenance, time, off);
    this.changed.add(key);
  }

  cursor(key: string, offset: number, time: number): void {
    if (this.allowed) this.builder.cursor(key, offset, time);
  }

  save(key: string, time: number): void {
    if (!this.allowed || !this.tracked.has(key)) return;
    this.activity(time);
    this.builder.save(key, time);
  }

  /** The document is closed: its state is remembered (with its taint) and tracking ends. */
  forget(key: string, time: number): void {
    if (!this.tracked.delete(key)) return;
    if (this.allowed) this.activity(time);
    this.rememberDoc(key);
    this.builder.forget(key, time);
    this.changed.delete(key);
  }

  /** The document moved (rename, an untitled buffer saved): its text and taint go with it. */
  rename(key: string, newKey: string, path: string, languageId: string, time: number): void {
    if (!this.tracked.has(key)) return;
    if (this.allowed) this.activity(time);
    this.tracked.delete(key);
    this.tracked.set(newKey, { path, languageId });
    this.builder.rename(key, newKey, path, languageId);
    this.options.taint?.moved(key, newKey);
    this.changed.add(newKey);
  }

  /** Any other event (context, commands, outcomes). */
  emit(body: EventBody): void {
    if (!this.allowed) return;
    this.activity(body.time);
    this.session!.emit(body);
  }

  /** Regular timer: closes idle steps, ends an idle session, keeps taint on disk. */
  tick(now: number): void {
    this.builder.tick(now);
    if (this.allowed && this.session && now - this.lastActivity > this.options.sessionIdleMs) this.endSession(this.lastActivity, 'idle');
    this.builder.fingerprintDirty();
    if (now - this.lastCheckpoint >= (this.allowed ? CHECKPOINT_MS.recording : CHECKPOINT_MS.off)) this.checkpoint(now);
    this.options.taint?.flush();
  }

  /** Remembers the state of every document that changed since the last checkpoint. */
  checkpoint(now = this.now()): void {
    this.lastCheckpoint = now;
    for (const key of this.changed) if (this.tracked.has(key)) this.rememberDoc(key);
    this.changed.clear();
    this.options.taint?.flush();
  }

  /** Closes open steps and writes everything out. */
  async flush(): Promise<void> {
    if (this.allowed) this.builder.flush(this.now());
    this.builder.fingerprintDirty();
    this.options.taint?.flush();
    await this.sink.flush();
  }

  async shutdown(): Promise<void> {
    if (this.allowed && this.session) this.endSession(this.now(), 'shutdown');
    for (const key of this.tracked.keys()) this.rememberDoc(key);
    this.builder.fingerprintDirty();
    this.options.taint?.flush();
    this.unsubscribeGate();
    await this.sink.close();
  }

  /**
   * Discard Recent Capture: a pause after the fact. Everything entered since `from` becomes
   * tainted and the open step is dropped; each file is stated again (masked) before its next
   * edit. Removing what was already written, and saying so with a gap marker, is the caller's.
   */
  discard(from: number, to = Number.POSITIVE_INFINITY): void {
    this.builder.taintSince(from, to);
    this.builder.fingerprintDirty();
    this.options.taint?.flush();
  }

  /** Text seen while capture was off outside any document (a terminal's output): its lines are fingerprinted. */
  taintText(text: string): void {
    const fp = this.options.taint?.fingerprint;
    if (!fp) return;
    for (const line of text.split(/\r?\n/)) if (line.trim()) this.options.taint!.fingerprint!(line, [[0, line.length]]);
  }

  /** A record of this file was held back by the consent firewall: state it again before its next edit. */
  restateFile(path: string): void {
    for (const key of this.keysOf(path)) this.builder.restateLater(key);
  }

  private rememberDoc(key: string): void {
    const text = this.builder.currentText(key);
    if (text !== undefined) this.options.taint?.remember(key, text, this.builder.taintOf(key));
  }

  private activity(time: number): void {
    if (!this.session) this.startSession(time);
    if (time > this.lastActivity) this.lastActivity = time;
  }

  private startSession(time: number): void {
    const rotated = this.lastActivity > 0;
    this.session = new Session((e) => this.deliver(e), this.options.consent);
    this.lastActivity = time;
    if (rotated) this.builder.newSession('session');
    this.session.emit({ kind: 'session.start', time, workspace: this.options.workspace, client: this.options.client });
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
    // Off-window text edited since the last fingerprints takes a new form (`ααλμ` with a letter
    // deleted): its fingerprints are taken before any record leaves, so that the consent firewall
    // knows the new form by the time a copy of it turns up in this record or another file's.
    this.builder.fingerprintDirty();
    let e: TrajectoryEvent | undefined = event;
    for (const stage of this.stages) {
      e = stage(e);
      if (!e) return;
    }
    this.sink.write(e);
  }

  /** Capture stops: steps taken while allowed are kept, unless the stop is late news. */
  private stop(d: GateDecision, now: number): void {
    const since = d.allowed ? now : Math.min(d.since ?? now, now);
    this.closedAt = since;
    this.closedReason = d.allowed ? undefined : d.reason;
    if (this.session) {
      if (now - since > LATE_STOP_MS) {
        // Whatever was typed since the stop took effect is retracted, the open step with it.
        this.builder.taintSince(since);
        this.session = undefined;
        this.options.onLateStop?.(since);
      } else this.endSession(now, 'consent');
    }
    this.builder.setSilent(true);
    this.builder.fingerprintDirty();
    this.options.taint?.captureStopped(since);
    this.options.taint?.flush();
  }

  private gateChanged(d: GateDecision): void {
    const was = this.decision.allowed;
    const now = this.now();
    if (was && !d.allowed) {
      this.stop(d, now);
      this.decision = d;
    } else if (!was && d.allowed) {
      this.builder.setSilent(false);
      this.builder.fingerprintDirty();
      this.options.taint?.captureResumed();
      this.options.taint?.flush();
      this.builder.newSession('resume');
      this.checkpoint(now); // file states as of the resume: what changes after it was typed while recording
      const reason = this.closedReason;
      const from = this.closedAt ?? now;
      this.closedAt = undefined;
      this.decision = d;
      this.lastActivity = 0; // the next session is not a rotation: files are restated as resumed
      // Say that something is deliberately missing before any file is stated again.
      this.emit({ kind: 'gap', time: now, reason: gapReasonOf(reason), from, to: now });
    } else {
      this.decision = d;
    }
    if (was !== d.allowed) for (const l of this.gateListeners) l(d);
  }
}

function gapReasonOf(r: GateReason | undefined): 'paused' | 'exempt' | 'off' {
  if (r === 'paused' || r === 'consent-pending') return 'paused';
  if (r === 'exempt') return 'exempt';
  return 'off';
}

/** A file's extension for the log ('text' when it has none): never its name. */
function languageOf(path: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(path);
  return m ? `.${m[1]}` : 'text';
}
