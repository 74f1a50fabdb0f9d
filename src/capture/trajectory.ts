// The trajectory core: plain data in (baselines, content changes, cursor moves, saves,
// focus), trajectory events out. Pure: no VS Code, no timers, no I/O.
//
// Cost: a change costs O(size of the change + regions touched); closing a step costs the
// touched text plus one pass over the document at string-search speed (and its sha256).
//
// Taint: every character that entered a document while capture was off (or whose origin is
// unknown) is tainted, and the taint follows the characters through later edits. A line
// holding any tainted character is emitted as the mask — in baselines, in both sides of a
// diff and in context — until every tainted character in it is gone.
import type { EditEvent, EventBody, Provenance } from '@codetrail/protocol';
import { sha256Hex } from '@codetrail/protocol';
import { SpanList } from './spans';
import {
  CONTEXT_LINES,
  LineWalker,
  chunkHunks,
  formatDiff,
  lineEndAfter,
  lineStartBefore,
  linesOf,
  renderChunk,
  renderText,
} from './render';

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
  /** A cursor this far (characters) outside the step's regions closes the step. */
  cursorJumpChars: number;
}

export const DEFAULT_TRAJECTORY_OPTIONS: TrajectoryOptions = {
  idleMs: 2000,
  maxChangesPerStep: 500,
  maxStepChars: 64 * 1024,
  cursorJumpChars: 200,
};

/** Recent insertions are remembered this long, so that much can be discarded after the fact. */
export const RECENT_KEEP_MS = 61 * 60_000;
/** Neighbouring recent insertions this close in time are kept as one range (the later time wins). */
const RECENT_MERGE_MS = 2_000;

/** A character range within a line, [start, end). */
export type LineRange = readonly [number, number];

export interface TaintHooks {
  /** Ranges of a line that match text seen while capture was off (the fingerprint ledger); see FingerprintLedger.match. */
  recognize?(line: string, strict?: boolean): readonly LineRange[] | undefined;
  /** Keeps fingerprints of a line holding tainted ranges, before that text can disappear. */
  fingerprint?(line: string, tainted: readonly LineRange[]): void;
  /** Lines of a document were recognised as text seen while capture was off (counts only). */
  recognized?(path: string, lines: number, strict: boolean): void;
}

/** Where the builder's events go; the session stamps identity, order and consent. */
export type BodySink = (body: EventBody) => void;

/** The document state changed in a way the builder could not follow. */
export class DesyncError extends Error {}

type RestateReason = 'session' | 'resume' | 'resync';

/** Tainted text typed (or retracted, or recognised as such) while capture was off: fingerprinted, looked for elsewhere. */
const TYPED_OFF = 1;
/** Tainted text of unknown origin (read from disk, first seen): masked here, not fingerprinted. */
const UNKNOWN = 0;

/** Steps whose inserted text was typed in this document just now: its origin is known. */
const TYPED = new Set(['typed', 'deletion', 'multi-cursor']);

/** A stretch of the step's starting text [origLo, origHi) and what it reads now. */
interface Region {
  origLo: number;
  origHi: number;
  text: string;
}

interface OpenStep {
  provenance: Provenance;
  startTime: number;
  lastTime: number;
  changes: number;
  chars: number;
  /** Sorted, disjoint; everything outside them is unchanged since the step began. */
  regions: Region[];
}

interface TrackedDoc {
  key: string;
  path: string;
  languageId: string;
  /** Text as of the end of the last closed step (while silent: the current text). */
  text: string;
  /** The same text as it leaves the machine: masked and redacted. Steps are diffs of it. */
  redacted: string;
  /** sha256 of `redacted`. */
  hash: string;
  /** Current length, including the open step's changes. */
  length: number;
  step: OpenStep | undefined;
  /** Tainted characters, in current coordinates. */
  taint: SpanList;
  /** When recent characters were inserted (tag = time), in current coordinates. */
  recent: SpanList;
  /** Generation in which the document was last stated; restated before its next edit otherwise. */
  stated: number;
  /** Taint added since its fingerprints were last taken. */
  taintDirty: boolean;
  /** The consent firewall held a record of it back: its next statement looks at every line. */
  recheck: boolean;
  /**
   * The names redaction found in this document so far, kept while it is tracked (in memory only):
   * a change is redacted with three lines around it, and a given name said there is known from its
   * whole name said anywhere else in the file.
   */
  names: Set<string>;
}

export class TrajectoryBuilder {
  private readonly docs = new Map<string, TrackedDoc>();
  /** The document holding the open step; only one step is open at a time. */
  private active: string | undefined;
  /** While silent (capture off) changes are followed and tainted, and nothing is emitted. */
  private silentMode = false;
  /** Bumped for every new session: each session states its files again before editing them. */
  private generation = 0;
  private restateReason: RestateReason = 'session';

  constructor(
    private readonly emit: BodySink,
    private options: TrajectoryOptions = DEFAULT_TRAJECTORY_OPTIONS,
    /** Runs on every text of a document before it is emitted; must keep the number of lines. */
    private readonly redact?: (text: string, names: Set<string>) => string,
    private readonly hooks: TaintHooks = {},
  ) {}

  /** Step options changed (settings are applied without a reload). */
  setOptions(options: TrajectoryOptions): void {
    this.options = options;
  }

  get silent(): boolean {
    return this.silentMode;
  }

  isTracked(key: string): boolean {
    return this.docs.has(key);
  }

  /** Keys of every tracked document. */
  keys(): string[] {
    return [...this.docs.keys()];
  }

  /**
   * Starts tracking a document (or starts over with it): emits its full text as the baseline,
   * unless silent. `taint` marks ranges already known to be tainted.
   */
  baseline(
    key: string,
    path: string,
    languageId: string,
    text: string,
    time: number,
    reason: 'open' | RestateReason,
    taint: readonly LineRange[] = [],
  ): void {
    if (this.docs.has(key)) this.dropStep(key);
    const doc: TrackedDoc = {
      key,
      path,
      languageId,
      text,
      redacted: '',
      hash: '',
      length: text.length,
      step: undefined,
      taint: SpanList.of(
        taint.map(([start, end]) => ({ start, end, tag: UNKNOWN })),
        0,
      ),
      recent: new SpanList(RECENT_MERGE_MS),
      stated: -1,
      taintDirty: taint.length > 0,
      recheck: false,
      names: new Set(),
    };
    this.docs.set(key, doc);
    // Text seen for the first time is of unknown origin: look for text seen while capture was off.
    this.recognize(doc, text, 0, false);
    if (!this.silentMode) this.state(doc, time, reason);
  }

  /** Emits the document's current text as a baseline (with the open step folded in). */
  restate(key: string, time: number, reason: RestateReason): void {
    const doc = this.docs.get(key);
    if (!doc || this.silentMode) return;
    this.settle(doc);
    this.state(doc, time, reason);
  }

  /** A new session begins: every document is stated again, when it is next edited. */
  newSession(reason: RestateReason = 'session'): void {
    this.generation++;
    this.restateReason = reason;
  }

  /**
   * Capture stopped (true) or resumed (false). While silent, changes are applied and tainted
   * and nothing is emitted; the caller closes open steps first.
   */
  setSilent(silent: boolean): void {
    // Going silent: open steps were closed by the caller (or are dropped). Leaving it: the
    // changes followed silently are folded into the text; they are never a step.
    for (const doc of this.docs.values()) this.settle(doc);
    this.silentMode = silent;
  }

  /** Stops tracking a document, closing its open step first. */
  forget(key: string, _time: number): void {
    if (!this.silentMode) this.closeStep(key, 'close');
    this.fingerprintDoc(key);
    this.docs.delete(key);
    if (this.active === key) this.active = undefined;
  }

  /** Stops tracking without emitting what its open step held. */
  discard(key: string): void {
    this.dropStep(key);
    this.docs.delete(key);
  }

  /** Drops every tracked document and open step, silently. */
  discardAll(): void {
    this.active = undefined;
    this.docs.clear();
  }

  /** The document moved (rename, save of an untitled buffer): its text and taint go with it. */
  rename(key: string, newKey: string, path: string, languageId: string): void {
    const doc = this.docs.get(key);
    if (!doc) return;
    if (!this.silentMode) this.closeStep(key, 'close');
    this.docs.delete(key);
    if (this.active === key) this.active = undefined;
    doc.key = newKey;
    doc.path = path;
    doc.languageId = languageId;
    doc.stated = -1; // a new path starts with a baseline
    this.docs.set(newKey, doc);
  }

  /** Taints ranges of a document (current coordinates). */
  addTaint(key: string, ranges: readonly LineRange[]): void {
    const doc = this.docs.get(key);
    if (!doc || ranges.length === 0) return;
    for (const [s, e] of ranges) doc.taint.add(s, e, UNKNOWN);
    doc.taintDirty = true;
  }

  /**
   * Everything inserted from `since` to `until` becomes tainted (a discard, late news of a
   * pause, removed pending events); open steps are folded in without being emitted, and every
   * document is stated again before its next edit. Returns the keys of documents that got new taint.
   */
  taintSince(since: number, until = Number.POSITIVE_INFINITY): string[] {
    const touched: string[] = [];
    this.active = undefined;
    for (const [key, doc] of this.docs) {
      this.settle(doc);
      let any = false;
      for (const s of doc.recent.all()) {
        // A range's tag is the time of its latest character; the earliest may be RECENT_MERGE_MS older.
        if (s.tag < since || s.tag > until + RECENT_MERGE_MS) continue;
        doc.taint.add(s.start, s.end, TYPED_OFF);
        any = true;
      }
      doc.stated = -1;
      if (any) {
        doc.taintDirty = true;
        touched.push(key);
      }
    }
    return touched;
  }

  /**
   * Folds the open step in without emitting it; the document is stated again before its next
   * edit, every line looked at against the fingerprints (the consent firewall held a record of it).
   */
  restateLater(key: string): void {
    const doc = this.docs.get(key);
    if (!doc) return;
    this.settle(doc);
    doc.stated = -1;
    doc.recheck = true;
  }

  /**
   * Records one change event. `changes` are relative to the document before the event
   * (VS Code's contract); they are applied from the highest offset down.
   */
  /**
   * A change to a tracked document. `off`: it was made while capture was off, though it arrives
   * after capture resumed (the editor's adapter held it back): it is tainted like any change
   * made while off, and the document is stated again before its next step.
   */
  change(key: string, changes: readonly ContentChange[], provenance: Provenance, time: number, off = false): void {
    const doc = this.docs.get(key);
    if (!doc) return;
    const sorted = isDescending(changes) ? changes : [...changes].sort((a, b) => b.offset - a.offset);
    const ordered = sorted.map((c) => this.trimmed(doc, c));
    if (this.silentMode) {
      this.applySilent(doc, ordered, provenance);
      return;
    }
    if (off) {
      if (doc.step) this.closeStep(key, 'idle');
      this.applySilent(doc, ordered, provenance);
      this.settle(doc);
      return;
    }
    if (this.active !== undefined && this.active !== key) this.closeStep(this.active, 'switch');
    let step = doc.step;
    if (step) {
      let cut: StepCut | undefined;
      if (time - step.lastTime > this.options.idleMs) cut = 'idle';
      else if (step.provenance.label !== provenance.label) cut = 'provenance';
      else if (step.changes >= this.options.maxChangesPerStep || step.chars >= this.options.maxStepChars) cut = 'size';
      if (cut) {
        this.closeStep(key, cut);
        step = undefined;
      }
    }
    if (!step && doc.stated !== this.generation) this.state(doc, time, this.restateReason);
    for (const c of ordered) {
      if (c.offset < 0 || c.deleted < 0 || c.offset + c.deleted > doc.length) {
        throw new DesyncError(`change at ${c.offset}+${c.deleted} outside a document of length ${doc.length}`);
      }
      if (c.deleted === 0 && c.inserted.length === 0) continue;
      if (!step) {
        step = { provenance, startTime: time, lastTime: time, changes: 0, chars: 0, regions: [] };
        doc.step = step;
        this.active = key;
      }
      applyToRegions(doc.text, step.regions, c);
      doc.length += c.inserted.length - c.deleted;
      // Off-window text edited now takes a new form, which is looked for elsewhere too.
      if (doc.taint.intersects(c.offset - 1, c.offset + c.deleted + 1)) doc.taintDirty = true;
      doc.taint.apply(c.offset, c.deleted, c.inserted.length);
      doc.recent.apply(c.offset, c.deleted, c.inserted.length, time);
      step.changes++;
      step.chars += c.deleted + c.inserted.length;
    }
    if (step) step.lastTime = time;
  }

  /**
   * While capture is off changes go into a step that is never emitted (regions, as when
   * recording: O(size of the change)); it is folded into the text when capture resumes.
   */
  /**
   * A large replacement that puts back characters it removed (a revert to the file on disk, a
   * formatter rewriting a whole block) inserts only what differs: what it re-inserts is the same
   * text, with its taint, not new text.
   */
  private trimmed(doc: TrackedDoc, c: ContentChange): ContentChange {
    if (c.deleted + c.inserted.length < 64 || c.deleted === 0 || c.inserted.length === 0) return c;
    if (c.offset < 0 || c.offset + c.deleted > doc.length) return c; // reported as out of step below
    const old = readCurrent(doc.text, doc.step?.regions ?? [], c.offset, c.offset + c.deleted);
    const max = Math.min(old.length, c.inserted.length);
    let p = 0;
    while (p < max && old.charCodeAt(p) === c.inserted.charCodeAt(p)) p++;
    let q = 0;
    while (q < max - p && old.charCodeAt(old.length - 1 - q) === c.inserted.charCodeAt(c.inserted.length - 1 - q)) q++;
    if (p === 0 && q === 0) return c;
    return { offset: c.offset + p, deleted: c.deleted - p - q, inserted: c.inserted.slice(p, c.inserted.length - q) };
  }

  private applySilent(doc: TrackedDoc, ordered: readonly ContentChange[], provenance: Provenance): void {
    // Text the editor read from disk (a revert, a checkout) is tainted here, but it was not
    // typed while off: it is not fingerprinted to be looked for elsewhere.
    const fromDisk = provenance.label === 'external';
    for (const c of ordered) {
      if (c.offset < 0 || c.deleted < 0 || c.offset + c.deleted > doc.length) {
        throw new DesyncError(`change at ${c.offset}+${c.deleted} outside a document of length ${doc.length}`);
      }
      // Text typed while off and removed again may come back (undo, paste): keep its
      // fingerprints before it goes (once after each run of typing).
      if (c.deleted > 0 && doc.taintDirty && doc.taint.intersects(c.offset, c.offset + c.deleted)) this.fingerprintDoc(doc.key);
      // Off-window text edited takes a new form (a letter deleted from it), looked for elsewhere too.
      const reshaped = c.deleted > 0 && doc.taint.intersects(c.offset - 1, c.offset + c.deleted + 1);
      doc.step ??= { provenance: { label: 'unknown', confidence: 0 }, startTime: 0, lastTime: 0, changes: 0, chars: 0, regions: [] };
      applyToRegions(doc.text, doc.step.regions, c);
      doc.length += c.inserted.length - c.deleted;
      doc.taint.apply(c.offset, c.deleted, c.inserted.length, fromDisk ? UNKNOWN : TYPED_OFF);
      if ((c.inserted.length > 0 && !fromDisk) || reshaped) doc.taintDirty = true;
      doc.recent.apply(c.offset, c.deleted, c.inserted.length);
    }
    // Far-flung changes make many regions: fold them in now and then.
    if (doc.step && doc.step.regions.length > 256) this.settle(doc);
    doc.stated = -1;
  }

  /** The cursor moved; a jump far from the open step's regions closes it. */
  cursor(key: string, offset: number, _time: number): void {
    const step = this.docs.get(key)?.step;
    if (!step || this.silentMode) return;
    const slack = this.options.cursorJumpChars;
    let delta = 0;
    for (const r of step.regions) {
      const lo = r.origLo + delta;
      const hi = lo + r.text.length;
      if (offset >= lo - slack && offset <= hi + slack) return;
      delta += r.text.length - (r.origHi - r.origLo);
    }
    this.closeStep(key, 'cursor');
  }

  /** Closes the open step if the editor has been idle long enough; forgets old recency. */
  tick(now: number): void {
    if (this.active !== undefined) {
      const step = this.docs.get(this.active)?.step;
      if (step && now - step.lastTime > this.options.idleMs) this.closeStep(this.active, 'idle');
    }
    const horizon = now - RECENT_KEEP_MS;
    for (const doc of this.docs.values()) {
      const first = doc.recent.all()[0];
      if (first && first.tag < horizon) doc.recent.keep((s) => s.tag >= horizon);
    }
  }

  /** A save closes the document's step. */
  save(key: string, _time: number): void {
    if (!this.silentMode) this.closeStep(key, 'save');
  }

  /** Closes every open step (before a gap, on shutdown, or on demand). */
  flush(_time: number, cut: StepCut = 'flush'): void {
    if (this.active !== undefined && !this.silentMode) this.closeStep(this.active, cut);
  }

  /** Current text of a tracked document, with the open step applied. */
  currentText(key: string): string | undefined {
    const doc = this.docs.get(key);
    if (!doc) return undefined;
    return doc.step ? assemble(doc.text, doc.step.regions) : doc.text;
  }

  /** Tainted ranges of a document, in current coordinates. */
  taintOf(key: string): LineRange[] {
    return (this.docs.get(key)?.taint.all() ?? []).map((s) => [s.start, s.end] as const);
  }

  /** Length of the document as the builder knows it; adapters compare it to detect drift. */
  knownLength(key: string): number | undefined {
    return this.docs.get(key)?.length;
  }

  /** Takes fingerprints of every tainted line added since the last call (all documents). */
  fingerprintDirty(): void {
    for (const key of this.docs.keys()) this.fingerprintDoc(key);
  }

  private fingerprintDoc(key: string): void {
    const doc = this.docs.get(key);
    if (!doc || !doc.taintDirty || !this.hooks.fingerprint) return;
    doc.taintDirty = false;
    const text = doc.step ? assemble(doc.text, doc.step.regions) : doc.text;
    this.fingerprintRange(doc, 0, text.length, text);
  }

  /** Fingerprints the tainted lines that overlap [from, to) of the current text. */
  private fingerprintRange(
    doc: TrackedDoc,
    from: number,
    to: number,
    text = doc.step ? assemble(doc.text, doc.step.regions) : doc.text,
  ): void {
    const hooks = this.hooks;
    if (!hooks.fingerprint) return;
    let done = 0;
    for (const span of doc.taint.within(from, to)) {
      let ls = Math.max(lineStartBefore(text, span.start, 0), done);
      while (ls < span.end && ls < text.length) {
        const le = lineEndAfter(text, ls, 0);
        let lineEnd = text.charCodeAt(le - 1) === 10 ? le - 1 : le;
        if (text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
        const line = text.slice(ls, lineEnd);
        // Only text typed while off (or retracted) is looked for elsewhere; text of unknown origin stays local.
        const ranges = doc.taint
          .within(ls, lineEnd)
          .filter((t) => t.tag === TYPED_OFF)
          .map((t) => [t.start - ls, t.end - ls] as const);
        if (ranges.length > 0) hooks.fingerprint(line, ranges);
        done = ls = le;
      }
    }
  }

  /** Folds the open step into the text without emitting it. */
  private settle(doc: TrackedDoc): void {
    if (!doc.step) return;
    doc.text = assemble(doc.text, doc.step.regions);
    doc.length = doc.text.length;
    doc.step = undefined;
    doc.stated = -1;
    if (this.active !== undefined && this.docs.get(this.active) === doc) this.active = undefined;
  }

  private dropStep(key: string): void {
    const doc = this.docs.get(key);
    if (doc) this.settle(doc);
    if (this.active === key) this.active = undefined;
  }

  /** Looks for off-window text in lines not tainted yet, and taints what it finds. */
  private recognize(doc: TrackedDoc, text: string, base: number, strict: boolean): void {
    const hooks = this.hooks;
    if (!hooks.recognize) return;
    let n = 0;
    for (const l of linesOf(text)) {
      if (l.text.length === 0) continue;
      // A line already known as off-window text needs no second look; one tainted only as of
      // unknown origin (restored from the line memory after a reload, which keeps no tags) is
      // looked at, so that text typed while off is known as such again and its later forms
      // (edited, then copied on) are looked for too.
      const s = base + l.start;
      if (doc.taint.intersects(s, s + l.text.length) && doc.taint.within(s, s + l.text.length).some((t) => t.tag === TYPED_OFF)) continue;
      const found = hooks.recognize(l.text, strict);
      if (!found) continue;
      // Recognised text is off-window text: its later forms (edited, copied on) are looked for too.
      for (const [a, b] of found) doc.taint.add(base + l.start + a, base + l.start + b, TYPED_OFF);
      doc.taintDirty = true;
      n++;
    }
    if (n > 0) hooks.recognized?.(doc.path, n, strict);
  }

  /** Emits the document's text (no open step) as a baseline. */
  private state(doc: TrackedDoc, time: number, reason: 'open' | RestateReason): void {
    if (doc.recheck) this.recognize(doc, doc.text, 0, true);
    doc.recheck = false;
    const redact = this.redact;
    doc.redacted = renderText(doc.text, (_i, s, e) => doc.taint.intersects(s, e), redact && ((t) => redact(t, doc.names)));
    doc.hash = sha256Hex(doc.redacted);
    doc.stated = this.generation;
    this.emit({ kind: 'file.baseline', time, path: doc.path, languageId: doc.languageId, text: doc.redacted, sha256: doc.hash, reason });
  }

  private closeStep(key: string, cut: StepCut): void {
    const doc = this.docs.get(key);
    if (this.active === key) this.active = undefined;
    const step = doc?.step;
    if (!doc || !step) return;
    doc.step = undefined;
    const redact = this.redact;
    const red = redact && ((t: string) => redact(t, doc.names));
    const old = doc.text;
    const regions = step.regions;

    // Chunks: each region widened to whole lines plus context; overlapping ones merge.
    const chunks: { lo: number; hi: number; first: number; last: number }[] = [];
    regions.forEach((r, i) => {
      const lo = lineStartBefore(old, r.origLo, CONTEXT_LINES);
      const hi = lineEndAfter(old, r.origHi, CONTEXT_LINES);
      const prev = chunks[chunks.length - 1];
      if (prev && lo <= prev.hi) {
        prev.hi = Math.max(prev.hi, hi);
        prev.last = i;
      } else chunks.push({ lo, hi, first: i, last: i });
    });

    const oldLines = new LineWalker(old);
    const storedLines = new LineWalker(doc.redacted);
    const after: string[] = [];
    const redactedAfter: string[] = [];
    const hunks = [];
    let pos = 0;
    let redPos = 0;
    let lineDelta = 0;
    let curDelta = 0;
    for (const c of chunks) {
      const startLine = oldLines.lineAt(c.lo);
      const endLine = oldLines.lineAt(c.hi);
      const rLo = storedLines.offsetOf(startLine);
      const rHi = c.hi === old.length ? doc.redacted.length : storedLines.offsetOf(endLine);
      const stored = doc.redacted.slice(rLo, rHi);
      const oldChunk = old.slice(c.lo, c.hi);
      let newChunk = old.slice(c.lo, regions[c.first].origLo);
      for (let i = c.first; i <= c.last; i++) {
        newChunk += regions[i].text + old.slice(regions[i].origHi, i < c.last ? regions[i + 1].origLo : c.hi);
      }
      const curStart = c.lo + curDelta;
      // Text typed here and now is known; text from elsewhere (a paste, a completion, an undo,
      // a change on disk) may be text seen while capture was off.
      if (!TYPED.has(step.provenance.label)) this.recognize(doc, newChunk, curStart, false);
      const rendered = renderChunk(oldChunk, newChunk, stored, (_i, s, e) => doc.taint.intersects(curStart + s, curStart + e), red);
      hunks.push(...chunkHunks(stored, rendered, startLine, startLine + lineDelta));
      after.push(old.slice(pos, c.lo), newChunk);
      redactedAfter.push(doc.redacted.slice(redPos, rLo), rendered);
      lineDelta += countNewlines(newChunk) - countNewlines(oldChunk);
      curDelta += newChunk.length - oldChunk.length;
      pos = c.hi;
      redPos = rHi;
    }
    after.push(old.slice(pos));
    redactedAfter.push(doc.redacted.slice(redPos));
    doc.text = after.join('');
    doc.length = doc.text.length;
    doc.redacted = redactedAfter.join('');
    const diff = formatDiff(doc.path, hunks);
    if (!diff) return; // the changes cancelled out, or only touched masked or redacted text
    const afterHash = sha256Hex(doc.redacted);
    const beforeHash = doc.hash;
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
      changeCount: step.changes,
      cut,
    });
  }
}

/** Applies one change (current coordinates) to the step's regions over `base`, the step's starting text. */
function applyToRegions(base: string, regions: Region[], c: ContentChange): void {
  const p = c.offset;
  const end = p + c.deleted;
  // delta: how much the regions before index i have grown (current minus starting length).
  let i = 0;
  let delta = 0;
  while (i < regions.length && regions[i].origLo + delta + regions[i].text.length < p) {
    delta += regions[i].text.length - (regions[i].origHi - regions[i].origLo);
    i++;
  }
  let j = i;
  let deltaJ = delta;
  while (j < regions.length && regions[j].origLo + deltaJ <= end) {
    deltaJ += regions[j].text.length - (regions[j].origHi - regions[j].origLo);
    j++;
  }
  if (i === j) {
    const origLo = p - delta;
    regions.splice(i, 0, { origLo, origHi: origLo + c.deleted, text: c.inserted });
    return;
  }
  const first = regions[i];
  const last = regions[j - 1];
  const firstCurLo = first.origLo + delta;
  const lastDelta = deltaJ - (last.text.length - (last.origHi - last.origLo));
  const lastCurHi = last.origLo + lastDelta + last.text.length;
  const curLo = Math.min(firstCurLo, p);
  const curHi = Math.max(lastCurHi, end);
  const origLo = first.origLo - (firstCurLo - curLo);
  const origHi = last.origHi + (curHi - lastCurHi);
  let text = base.slice(origLo, first.origLo);
  for (let k = i; k < j; k++) text += regions[k].text + base.slice(regions[k].origHi, k + 1 < j ? regions[k + 1].origLo : origHi);
  const local = p - curLo;
  text = text.slice(0, local) + c.inserted + text.slice(local + c.deleted);
  regions.splice(i, j - i, { origLo, origHi, text });
}

/** Characters [from, to) of the current text: the step's starting text with its regions applied. */
function readCurrent(base: string, regions: readonly Region[], from: number, to: number): string {
  if (regions.length === 0) return base.slice(from, to);
  let out = '';
  let cur = 0; // current offset at `pos` in base
  let pos = 0;
  for (const r of regions) {
    // unchanged stretch base[pos, r.origLo) at current [cur, cur + len)
    const len = r.origLo - pos;
    out += sliceOverlap(base, pos, cur, len, from, to);
    cur += len;
    out += sliceOverlap(r.text, 0, cur, r.text.length, from, to);
    cur += r.text.length;
    pos = r.origHi;
    if (cur >= to) return out;
  }
  out += sliceOverlap(base, pos, cur, base.length - pos, from, to);
  return out;
}

/** The part of `src[at, at+len)`, placed at current offset `cur`, that falls in [from, to). */
function sliceOverlap(src: string, at: number, cur: number, len: number, from: number, to: number): string {
  const a = Math.max(from, cur);
  const b = Math.min(to, cur + len);
  return b > a ? src.slice(at + (a - cur), at + (b - cur)) : '';
}

/** The step's starting text with its regions applied. */
function assemble(base: string, regions: readonly Region[]): string {
  if (regions.length === 0) return base;
  const parts: string[] = [];
  let pos = 0;
  for (const r of regions) {
    parts.push(base.slice(pos, r.origLo), r.text);
    pos = r.origHi;
  }
  parts.push(base.slice(pos));
  return parts.join('');
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function isDescending(changes: readonly ContentChange[]): boolean {
  for (let i = 1; i < changes.length; i++) if (changes[i].offset > changes[i - 1].offset) return false;
  return true;
}
