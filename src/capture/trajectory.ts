// The trajectory core: plain data in (baselines, content changes, cursor moves, saves,
// focus), trajectory events out. Pure: no VS Code, no timers, no I/O. The per-change path
// is O(size of the change); a step's region is diffed only when the step closes.
import type { EditEvent, EventBody, Provenance } from '../protocol/schema';
import { sha256Hex } from '../protocol/hash';
import { applyOps, renderStep, type TextOp } from './render';

/** A content change as VS Code reports it: offsets into the document before the event. */
export interface ContentChange {
  offset: number;
  deleted: number;
  inserted: string;
}

export type StepCut = EditEvent['cut'];

export interface TrajectoryOptions {
  /** A pause between changes longer than this closes the step. */
  idleMs: number;
  /** A step closes once it holds this many changes... */
  maxChangesPerStep: number;
  /** ...or once its inserted plus deleted text passes this many characters. */
  maxStepChars: number;
  /** A cursor this far (characters) outside the step's region closes the step. */
  cursorJumpChars: number;
}

export const DEFAULT_TRAJECTORY_OPTIONS: TrajectoryOptions = {
  idleMs: 2000,
  maxChangesPerStep: 500,
  maxStepChars: 64 * 1024,
  cursorJumpChars: 200,
};

/** Where the builder's events go; the session stamps identity, order and consent. */
export type BodySink = (body: EventBody) => void;

/** The document state changed in a way the builder could not follow. */
export class DesyncError extends Error {}

interface OpenStep {
  provenance: Provenance;
  startTime: number;
  lastTime: number;
  ops: TextOp[];
  chars: number;
  /** Touched range in the step's starting text. */
  origLo: number;
  origHi: number;
  /** The same range in the current text. */
  curLo: number;
  curHi: number;
}

interface TrackedDoc {
  path: string;
  languageId: string;
  /** Text as of the end of the last closed step. */
  text: string;
  /** The same text as it leaves the machine: redacted. Steps are diffs of this text. */
  redacted: string;
  /** sha256 of `redacted`. */
  hash: string;
  /** Current length, including the open step's ops. */
  length: number;
  step: OpenStep | undefined;
}

export class TrajectoryBuilder {
  private readonly docs = new Map<string, TrackedDoc>();
  /** The document holding the open step; only one step is open at a time. */
  private active: string | undefined;

  constructor(
    private readonly emit: BodySink,
    private readonly options: TrajectoryOptions = DEFAULT_TRAJECTORY_OPTIONS,
    /** Runs on every text of a document before it is emitted; must keep the number of lines. */
    private readonly redact?: (text: string, key: string) => string,
  ) {}

  isTracked(key: string): boolean {
    return this.docs.has(key);
  }

  /** Starts tracking a document (or re-baselines it): emits its full text as the baseline. */
  baseline(key: string, path: string, languageId: string, text: string, time: number, reason: 'open' | 'resume' | 'resync' | 'session'): void {
    const existing = this.docs.get(key);
    if (existing?.step) this.dropStep(key); // the open step's changes are superseded
    const redacted = this.redact ? this.redact(text, key) : text;
    const hash = sha256Hex(redacted);
    this.docs.set(key, { path, languageId, text, redacted, hash, length: text.length, step: undefined });
    this.emit({ kind: 'file.baseline', time, path, languageId, text: redacted, sha256: hash, reason });
  }

  /** Stops tracking a document, closing its open step first. */
  forget(key: string, _time: number): void {
    this.closeStep(key, 'close');
    this.docs.delete(key);
  }

  /** Stops tracking without emitting what its open step held (used when consent ends). */
  discard(key: string): void {
    this.dropStep(key);
    this.docs.delete(key);
  }

  /** Drops every tracked document and open step, silently. */
  discardAll(): void {
    this.active = undefined;
    this.docs.clear();
  }

  rename(key: string, path: string, languageId: string): void {
    const d = this.docs.get(key);
    if (d) { d.path = path; d.languageId = languageId; }
  }

  /**
   * Records one change event. `changes` are relative to the document before the event
   * (VS Code's contract); they are applied from the highest offset down.
   */
  change(key: string, changes: readonly ContentChange[], provenance: Provenance, time: number): void {
    const doc = this.docs.get(key);
    if (!doc) return;
    if (this.active !== undefined && this.active !== key) this.closeStep(this.active, 'switch');
    let step = doc.step;
    if (step) {
      let cut: StepCut | undefined;
      if (time - step.lastTime > this.options.idleMs) cut = 'idle';
      else if (step.provenance.label !== provenance.label) cut = 'provenance';
      else if (step.ops.length >= this.options.maxChangesPerStep || step.chars >= this.options.maxStepChars) cut = 'size';
      if (cut) {
        this.closeStep(key, cut);
        step = undefined;
      }
    }
    // Apply from the highest offset down so each offset is still valid when applied.
    const ordered = isDescending(changes) ? changes : [...changes].sort((a, b) => b.offset - a.offset);
    for (const c of ordered) {
      if (c.offset < 0 || c.deleted < 0 || c.offset + c.deleted > doc.length) {
        throw new DesyncError(`change at ${c.offset}+${c.deleted} outside a document of length ${doc.length}`);
      }
      if (c.deleted === 0 && c.inserted.length === 0) continue;
      if (!step) {
        step = {
          provenance, startTime: time, lastTime: time, ops: [], chars: 0,
          origLo: c.offset, origHi: c.offset, curLo: c.offset, curHi: c.offset,
        };
        doc.step = step;
        this.active = key;
      }
      this.addOp(doc, step, c);
    }
    if (step) step.lastTime = time;
  }

  private addOp(doc: TrackedDoc, step: OpenStep, c: ContentChange): void {
    const end = c.offset + c.deleted;
    // Text outside [curLo, curHi) is unchanged: before it offsets agree with the step's
    // starting text, after it they are shifted by `delta`.
    const delta = (step.curHi - step.curLo) - (step.origHi - step.origLo);
    if (c.offset < step.curLo) { step.origLo = c.offset; step.curLo = c.offset; }
    if (end > step.curHi) { step.origHi = end - delta; step.curHi = end; }
    const growth = c.inserted.length - c.deleted;
    step.curHi += growth;
    doc.length += growth;
    step.ops.push({ offset: c.offset, deleted: c.deleted, inserted: c.inserted });
    step.chars += c.deleted + c.inserted.length;
  }

  /** The cursor moved; a jump far from the open step's region closes it. */
  cursor(key: string, offset: number, _time: number): void {
    const doc = this.docs.get(key);
    const step = doc?.step;
    if (!step) return;
    const slack = this.options.cursorJumpChars;
    if (offset < step.curLo - slack || offset > step.curHi + slack) this.closeStep(key, 'cursor');
  }

  /** Closes the open step if the editor has been idle long enough. */
  tick(now: number): void {
    if (this.active === undefined) return;
    const step = this.docs.get(this.active)?.step;
    if (step && now - step.lastTime > this.options.idleMs) this.closeStep(this.active, 'idle');
  }

  /** A save closes the document's step. */
  save(key: string, _time: number): void {
    this.closeStep(key, 'save');
  }

  /** Closes every open step (before a gap, on shutdown, or on demand). */
  flush(_time: number, cut: StepCut = 'flush'): void {
    if (this.active !== undefined) this.closeStep(this.active, cut);
  }

  /** Current text of a tracked document, with the open step applied. For tests and resync. */
  currentText(key: string): string | undefined {
    const doc = this.docs.get(key);
    if (!doc) return undefined;
    if (!doc.step) return doc.text;
    return applyOps(doc.text, doc.step.origLo, doc.step.origHi, doc.step.ops);
  }

  /** Length of the document as the builder knows it; adapters compare it to detect drift. */
  knownLength(key: string): number | undefined {
    return this.docs.get(key)?.length;
  }

  private dropStep(key: string): void {
    const doc = this.docs.get(key);
    if (doc) {
      doc.step = undefined;
      doc.length = doc.text.length;
    }
    if (this.active === key) this.active = undefined;
  }

  private closeStep(key: string, cut: StepCut): void {
    const doc = this.docs.get(key);
    if (this.active === key) this.active = undefined;
    const step = doc?.step;
    if (!doc || !step) return;
    doc.step = undefined;
    const redact = this.redact;
    const { diff, after, redactedAfter } = renderStep(doc.path, doc.text, doc.redacted, step.origLo, step.origHi, step.ops, redact && ((t) => redact(t, key)));
    doc.text = after;
    doc.length = after.length;
    if (!diff) { // the changes cancelled out, or only touched redacted text
      doc.redacted = redactedAfter;
      return;
    }
    const afterHash = sha256Hex(redactedAfter);
    const beforeHash = doc.hash;
    doc.redacted = redactedAfter;
    doc.hash = afterHash;
    this.emit({
      kind: 'edit',
      time: step.lastTime, // when the step's content was final, not when it was noticed
      startTime: step.startTime,
      path: doc.path,
      languageId: doc.languageId,
      diff,
      beforeSha256: beforeHash,
      afterSha256: afterHash,
      provenance: step.provenance,
      changeCount: step.ops.length,
      cut,
    });
  }
}

function isDescending(changes: readonly ContentChange[]): boolean {
  for (let i = 1; i < changes.length; i++) if (changes[i].offset > changes[i - 1].offset) return false;
  return true;
}
