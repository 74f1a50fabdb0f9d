// Outcome labels of one trajectory, computed from its events alone (so any export, or a
// reader of one, gets the same labels): what happened after each edit step, and what each
// recognised test or build run reported. One pass over the events in seq order.
import type { EditEvent, TrajectoryEvent } from '@codetrail/protocol';
import { LiveCounts, TrackedFile, TrackError } from './origins';
import { classifyCommand, classifyTask, parseTestCounts, runResult, type RunKind, type RunResult, type RunType } from './runs';

export const LABELS_VERSION = 1;

/** Completion retention horizons: label key and milliseconds after the step. */
export const RETENTION_HORIZONS = [
  ['retention_30s', 30_000],
  ['retention_2m', 120_000],
  ['retention_5m', 300_000],
  ['retention_10m', 600_000],
] as const;
/** How far before a diagnostics event its step is looked for (the editor's window is 30 s). */
const DIAGNOSTICS_LOOKBACK_MS = 120_000;

type RetentionKey = (typeof RETENTION_HORIZONS)[number][0];

/** Labels of an edit step; a key that is undefined (left out of the JSON) has no value. */
export interface StepLabel {
  inserted_chars?: number;
  survival_save?: number;
  survival_end?: number;
  survival_commit?: number;
  retention_30s?: number;
  retention_2m?: number;
  retention_5m?: number;
  retention_10m?: number;
  diagnostics_seq?: number;
  errors_delta?: number;
  warnings_delta?: number;
  next_run_seq?: number;
}

/** Labels of a terminal command or task recognised as a test or build run (undefined: no value). */
export interface RunLabel {
  run_type: RunType;
  run_tool: string;
  run_result: RunResult;
  exit_code?: number;
  tests_passed?: number;
  tests_failed?: number;
  tests_skipped?: number;
}

export type EventLabel = StepLabel | RunLabel | null;

/** Sums over labelled trajectories, for the dataset card and manifest. */
export interface LabelSummary {
  version: number;
  steps: number;
  /** Steps that inserted characters (the others have no survival). */
  stepsInserting: number;
  insertedChars: number;
  /** Per checkpoint: steps measured, their inserted characters, and how many of those survived. */
  survival: Record<'save' | 'end' | 'commit', { steps: number; inserted: number; survived: number }>;
  completionSteps: number;
  retention: Record<RetentionKey, { steps: number; inserted: number; survived: number }>;
  stepsWithDiagnostics: number;
  stepsLinkedToRun: number;
  runs: Record<RunType, Record<RunResult, number>>;
  runsWithCounts: number;
}

export function emptyLabelSummary(): LabelSummary {
  const ratio = () => ({ steps: 0, inserted: 0, survived: 0 });
  const results = (): Record<RunResult, number> => ({ pass: 0, fail: 0, unknown: 0 });
  return {
    version: LABELS_VERSION,
    steps: 0,
    stepsInserting: 0,
    insertedChars: 0,
    survival: { save: ratio(), end: ratio(), commit: ratio() },
    completionSteps: 0,
    retention: { retention_30s: ratio(), retention_2m: ratio(), retention_5m: ratio(), retention_10m: ratio() },
    stepsWithDiagnostics: 0,
    stepsLinkedToRun: 0,
    runs: { test: results(), build: results() },
    runsWithCounts: 0,
  };
}

/** A file's tracked text and the steps waiting on it. */
interface FileState {
  /** null: a diff did not apply; nothing is followed until the file's next baseline. */
  tracked: TrackedFile | null;
  /** Steps whose characters are followed in this file. */
  steps: number[];
  /** Steps waiting for the file's next save. */
  awaitingSave: number[];
}

const APPLIED = 1; // its diff applied: what it inserted is known
const LOST = 2; // its file stopped applying: its characters are no longer followed
const COMPLETION = 4;

/** Steps as parallel arrays, indexed by step: a long session allocates no object per step. */
class Steps {
  count = 0;
  readonly at: Int32Array; // position in the trajectory's events
  readonly time: Float64Array;
  readonly flags: Uint8Array;
  /** Shares measured at each checkpoint; -1 when none was (or it had no value). */
  readonly save: Float64Array;
  readonly end: Float64Array;
  readonly commit: Float64Array;
  /** seq of the first run after the step, -1 for none. */
  readonly run: Float64Array;
  /** Completion steps only: shares at each horizon (null: not reached). */
  readonly retention = new Map<number, (number | null)[]>();
  /** The last diagnostics event naming the step. */
  readonly diagnostics = new Map<number, { seq: number; errors: number; warnings: number }>();

  constructor(max: number) {
    this.at = new Int32Array(max);
    this.time = new Float64Array(max);
    this.flags = new Uint8Array(max);
    this.save = new Float64Array(max).fill(-1);
    this.end = new Float64Array(max).fill(-1);
    this.commit = new Float64Array(max).fill(-1);
    this.run = new Float64Array(max).fill(-1);
  }
}

/** A min-heap of pending retention horizons, ordered by time then step then horizon. */
class Horizons {
  private readonly h: [number, number, number][] = [];
  private less(a: [number, number, number], b: [number, number, number]): boolean {
    return a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
  }
  push(x: [number, number, number]): void {
    const h = this.h;
    h.push(x);
    for (let i = h.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      const t = h[i];
      h[i] = h[p];
      h[p] = t;
      i = p;
    }
  }
  peek(): [number, number, number] | undefined {
    return this.h[0];
  }
  pop(): [number, number, number] {
    const h = this.h;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        const t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
      }
    }
    return top;
  }
  get size(): number {
    return this.h.length;
  }
}

/** The recognised kind of a run event, if it is one. */
function runKind(e: TrajectoryEvent): RunKind | undefined {
  if (e.kind === 'terminal.command') return classifyCommand(e.commandLine);
  if (e.kind === 'task.end') return classifyTask(e.name, e.source);
  return undefined;
}

/**
 * Labels for every event of a trajectory (events in seq order), aligned with them: a
 * StepLabel for each edit, a RunLabel for each recognised test or build run, null for the rest.
 */
export function labelTrajectory(events: readonly TrajectoryEvent[], summary?: LabelSummary): EventLabel[] {
  const labels: EventLabel[] = new Array(events.length).fill(null);
  const counts = new LiveCounts(events.length);
  const steps = new Steps(events.length);
  const files = new Map<string, FileState>();
  let awaitingCommit: number[] = [];
  let awaitingRun: number[] = [];
  const horizons = new Horizons();

  /** Share of step k's inserted characters present now; -1 when it has none. */
  const share = (k: number): number => {
    const ins = counts.inserted[k];
    return steps.flags[k] & LOST || ins === 0 ? -1 : counts.live[k] / ins;
  };

  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    // retention horizons that passed before this event: the state they saw is the current one
    while (horizons.size && horizons.peek()![0] < e.time) {
      const [, k, h] = horizons.pop();
      const v = share(k);
      steps.retention.get(k)![h] = v < 0 ? null : v;
    }
    if (e.kind === 'edit') {
      // most events are
      onEdit(e, i);
      continue;
    }
    switch (e.kind) {
      case 'file.baseline': {
        const f = files.get(e.path);
        if (f?.tracked) f.tracked.rebase(e.text, counts);
        else if (f) f.tracked = new TrackedFile(e.text);
        else files.set(e.path, { tracked: new TrackedFile(e.text), steps: [], awaitingSave: [] });
        break;
      }
      case 'file.save': {
        const f = files.get(e.path);
        if (f) {
          for (const k of f.awaitingSave) steps.save[k] = share(k);
          f.awaitingSave = [];
        }
        break;
      }
      case 'commit':
        for (const k of awaitingCommit) steps.commit[k] = share(k);
        awaitingCommit = [];
        break;
      case 'diagnostics': {
        const k = e.afterEdit !== undefined ? stepWithId(e.afterEdit, e.time) : -1;
        // the last report within the editor's window is the settled one
        if (k >= 0)
          steps.diagnostics.set(k, {
            seq: e.seq,
            errors: e.after.errors - e.before.errors,
            warnings: e.after.warnings - e.before.warnings,
          });
        break;
      }
      case 'terminal.command':
      case 'task.end': {
        const kind = runKind(e);
        if (!kind) break;
        const tail = e.kind === 'terminal.command' ? e.outputTail : undefined;
        const tests = kind.type === 'test' ? parseTestCounts(tail) : undefined;
        const result = runResult(e.exitCode, tests);
        labels[i] = {
          run_type: kind.type,
          run_tool: kind.tool,
          run_result: result,
          exit_code: e.exitCode,
          tests_passed: tests?.passed ?? undefined,
          tests_failed: tests?.failed ?? undefined,
          tests_skipped: tests?.skipped ?? undefined,
        };
        if (summary) {
          summary.runs[kind.type][result]++;
          if (tests) summary.runsWithCounts++;
        }
        // a run tests the steps made before it started; those made while it ran wait for the next
        const started = e.time - (e.durationMs ?? 0);
        const later: number[] = [];
        for (const k of awaitingRun) {
          if (steps.time[k] <= started) steps.run[k] = e.seq;
          else later.push(k);
        }
        awaitingRun = later;
        break;
      }
    }
  }
  for (let k = 0; k < steps.count; k++) steps.end[k] = share(k);
  const last = events.length ? events[events.length - 1].time : 0;
  while (horizons.size) {
    const [t, k, h] = horizons.pop();
    // a horizon after the session's last event was never observed
    const v = t <= last ? share(k) : -1;
    steps.retention.get(k)![h] = v < 0 ? null : v;
  }

  for (let k = 0; k < steps.count; k++) labels[steps.at[k]] = stepLabel(steps, k, counts, summary);
  return labels;

  /**
   * The step an edit id names. The editor reports diagnostics within 30 s of their step, so
   * the search looks back from the latest step, no further than DIAGNOSTICS_LOOKBACK_MS.
   */
  function stepWithId(id: string, time: number): number {
    for (let k = steps.count - 1; k >= 0 && steps.time[k] >= time - DIAGNOSTICS_LOOKBACK_MS; k--) {
      if ((events[steps.at[k]] as EditEvent).id === id) return k;
    }
    return -1;
  }

  function onEdit(e: EditEvent, at: number): void {
    const k = steps.count++;
    steps.at[k] = at;
    steps.time[k] = e.time;
    let flags = e.provenance.label === 'completion' ? COMPLETION : 0;
    let f = files.get(e.path);
    if (!f) files.set(e.path, (f = { tracked: null, steps: [], awaitingSave: [] })); // an edit before any baseline
    if (!f.tracked) {
      flags |= LOST;
    } else {
      try {
        f.tracked.apply(e.diff, k, counts);
        flags |= APPLIED;
        f.steps.push(k);
      } catch (err) {
        if (!(err instanceof TrackError)) throw err;
        flags |= LOST;
        for (const j of f.steps) steps.flags[j] |= LOST;
        f.steps = [];
        f.tracked = null;
      }
    }
    steps.flags[k] = flags;
    f.awaitingSave.push(k);
    awaitingCommit.push(k);
    awaitingRun.push(k);
    if (flags & COMPLETION) {
      steps.retention.set(k, [null, null, null, null]);
      for (let h = 0; h < RETENTION_HORIZONS.length; h++) horizons.push([e.time + RETENTION_HORIZONS[h][1], k, h]);
    }
  }
}

function addShare(r: { steps: number; inserted: number; survived: number }, v: number | undefined, inserted: number): void {
  if (v === undefined) return;
  r.steps++;
  r.inserted += inserted;
  r.survived += Math.round(v * inserted);
}

function stepLabel(steps: Steps, k: number, counts: LiveCounts, summary: LabelSummary | undefined): StepLabel {
  const inserted = steps.flags[k] & APPLIED ? counts.inserted[k] : undefined;
  const r = steps.retention.get(k);
  const d = steps.diagnostics.get(k);
  const v = (x: number) => (x < 0 ? undefined : x);
  // one shape for every step (JSON leaves the undefined keys out)
  const l: StepLabel = {
    inserted_chars: inserted,
    survival_save: v(steps.save[k]),
    survival_end: v(steps.end[k]),
    survival_commit: v(steps.commit[k]),
    retention_30s: r?.[0] ?? undefined,
    retention_2m: r?.[1] ?? undefined,
    retention_5m: r?.[2] ?? undefined,
    retention_10m: r?.[3] ?? undefined,
    diagnostics_seq: d?.seq,
    errors_delta: d?.errors,
    warnings_delta: d?.warnings,
    next_run_seq: v(steps.run[k]),
  };
  if (summary) {
    summary.steps++;
    if (inserted) {
      summary.stepsInserting++;
      summary.insertedChars += inserted;
      addShare(summary.survival.save, l.survival_save, inserted);
      addShare(summary.survival.end, l.survival_end, inserted);
      addShare(summary.survival.commit, l.survival_commit, inserted);
      if (r) for (const [key] of RETENTION_HORIZONS) addShare(summary.retention[key], l[key], inserted);
    }
    if (steps.flags[k] & COMPLETION) summary.completionSteps++;
    if (d) summary.stepsWithDiagnostics++;
    if (l.next_run_seq !== undefined) summary.stepsLinkedToRun++;
  }
  return l;
}
