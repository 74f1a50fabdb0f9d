// Outcome labels of one trajectory, computed from its events alone (so any export, or a
// reader of one, gets the same labels): what happened after each edit step, and what each
// recognised test or build run reported. One pass over the events in seq order.
import type { EditEvent, TrajectoryEvent } from '../../../../src/protocol/schema';
import { LiveCounts, TrackedFile, TrackError } from './origins';
import { classifyCommand, classifyTask, parseTestCounts, runResult, type RunKind, type RunResult, type RunType } from './runs';

export const LABELS_VERSION = 1;

/** Completion retention horizons: label key and milliseconds after the step. */
export const RETENTION_HORIZONS = [['retention_30s', 30_000], ['retention_2m', 120_000], ['retention_5m', 300_000], ['retention_10m', 600_000]] as const;
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
    version: LABELS_VERSION, steps: 0, stepsInserting: 0, insertedChars: 0,
    survival: { save: ratio(), end: ratio(), commit: ratio() },
    completionSteps: 0,
    retention: { retention_30s: ratio(), retention_2m: ratio(), retention_5m: ratio(), retention_10m: ratio() },
    stepsWithDiagnostics: 0, stepsLinkedToRun: 0,
    runs: { test: results(), build: results() }, runsWithCounts: 0,
  };
}

class Step {
  /** Its diff applied: what it inserted is known. */
  applied = false;
  /** The diff did not apply, or a later one of its file did not: its characters are no longer followed. */
  lost = false;
  save: number | null = null;
  commit: number | null = null;
  end: number | null = null;
  retention: (number | null)[] | null = null;
  diagnostics: { seq: number; errors: number; warnings: number } | null = null;
  run = -1;

  constructor(
    readonly index: number,
    /** Position in the trajectory's events. */
    readonly at: number,
    readonly time: number,
    readonly completion: boolean,
  ) {}
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
  const files = new Map<string, TrackedFile | null>(); // null: broken until its next baseline
  const steps: Step[] = [];
  const stepsOfFile = new Map<string, Step[]>(); // followed steps, per file
  const awaitingSave = new Map<string, Step[]>();
  let awaitingCommit: Step[] = [];
  let awaitingRun: Step[] = [];
  const horizons = new Horizons();

  const share = (s: Step): number | null => {
    const ins = counts.inserted[s.index];
    return s.lost || ins === 0 ? null : counts.live[s.index] / ins;
  };
  const lose = (path: string) => {
    for (const s of stepsOfFile.get(path) ?? []) s.lost = true;
    stepsOfFile.delete(path);
    files.set(path, null);
  };

  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    // retention horizons that passed before this event: the state they saw is the current one
    while (horizons.size && horizons.peek()![0] < e.time) {
      const [, k, h] = horizons.pop();
      steps[k].retention![h] = share(steps[k]);
    }
    switch (e.kind) {
      case 'file.baseline': {
        const f = files.get(e.path);
        if (f) f.rebase(e.text, counts);
        else files.set(e.path, new TrackedFile(e.text));
        break;
      }
      case 'edit':
        onEdit(e, i);
        break;
      case 'file.save': {
        const waiting = awaitingSave.get(e.path);
        if (waiting) {
          for (const s of waiting) s.save = share(s);
          awaitingSave.delete(e.path);
        }
        break;
      }
      case 'commit':
        for (const s of awaitingCommit) s.commit = share(s);
        awaitingCommit = [];
        break;
      case 'diagnostics': {
        const s = e.afterEdit !== undefined ? stepWithId(e.afterEdit, e.time) : undefined;
        // the last report within the editor's window is the settled one
        if (s) s.diagnostics = { seq: e.seq, errors: e.after.errors - e.before.errors, warnings: e.after.warnings - e.before.warnings };
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
          run_type: kind.type, run_tool: kind.tool, run_result: result, exit_code: e.exitCode,
          tests_passed: tests?.passed ?? undefined, tests_failed: tests?.failed ?? undefined, tests_skipped: tests?.skipped ?? undefined,
        };
        if (summary) {
          summary.runs[kind.type][result]++;
          if (tests) summary.runsWithCounts++;
        }
        // a run tests the steps made before it started; those made while it ran wait for the next
        const started = e.time - (e.durationMs ?? 0);
        const later: Step[] = [];
        for (const s of awaitingRun) {
          if (s.time <= started) s.run = e.seq;
          else later.push(s);
        }
        awaitingRun = later;
        break;
      }
    }
  }
  for (const s of steps) s.end = share(s);
  const last = events.length ? events[events.length - 1].time : 0;
  while (horizons.size) {
    const [t, k, h] = horizons.pop();
    // a horizon after the session's last event was never observed
    steps[k].retention![h] = t <= last ? share(steps[k]) : null;
  }

  for (const s of steps) labels[s.at] = stepLabel(s, counts, summary);
  return labels;

  /**
   * The step an edit id names. The editor reports diagnostics within 30 s of their step, so
   * the search looks back from the latest step, no further than DIAGNOSTICS_LOOKBACK_MS.
   */
  function stepWithId(id: string, time: number): Step | undefined {
    for (let k = steps.length - 1; k >= 0 && steps[k].time >= time - DIAGNOSTICS_LOOKBACK_MS; k--) {
      if ((events[steps[k].at] as EditEvent).id === id) return steps[k];
    }
    return undefined;
  }

  function onEdit(e: EditEvent, at: number): void {
    const s = new Step(steps.length, at, e.time, e.provenance.label === 'completion');
    steps.push(s);
    const f = files.get(e.path);
    if (!f) {
      s.lost = true;
      if (f === undefined) files.set(e.path, null); // an edit before any baseline
    } else {
      try {
        f.apply(e.diff, s.index, counts);
        s.applied = true;
        let list = stepsOfFile.get(e.path);
        if (!list) stepsOfFile.set(e.path, (list = []));
        list.push(s);
      } catch (err) {
        if (!(err instanceof TrackError)) throw err;
        s.lost = true;
        lose(e.path);
      }
    }
    let w = awaitingSave.get(e.path);
    if (!w) awaitingSave.set(e.path, (w = []));
    w.push(s);
    awaitingCommit.push(s);
    awaitingRun.push(s);
    if (s.completion) {
      s.retention = [null, null, null, null];
      for (let h = 0; h < RETENTION_HORIZONS.length; h++) horizons.push([e.time + RETENTION_HORIZONS[h][1], s.index, h]);
    }
  }
}

function stepLabel(s: Step, counts: LiveCounts, summary: LabelSummary | undefined): StepLabel {
  const inserted = s.applied ? counts.inserted[s.index] : undefined;
  const r = s.retention;
  const d = s.diagnostics;
  // one shape for every step (JSON leaves the undefined keys out)
  const l: StepLabel = {
    inserted_chars: inserted,
    survival_save: s.save ?? undefined,
    survival_end: s.end ?? undefined,
    survival_commit: s.commit ?? undefined,
    retention_30s: r?.[0] ?? undefined,
    retention_2m: r?.[1] ?? undefined,
    retention_5m: r?.[2] ?? undefined,
    retention_10m: r?.[3] ?? undefined,
    diagnostics_seq: d?.seq,
    errors_delta: d?.errors,
    warnings_delta: d?.warnings,
    next_run_seq: s.run >= 0 ? s.run : undefined,
  };
  if (summary) {
    summary.steps++;
    if (inserted) {
      summary.stepsInserting++;
      summary.insertedChars += inserted;
      const add = (r: { steps: number; inserted: number; survived: number }, v: number | undefined) => {
        if (v === undefined) return;
        r.steps++;
        r.inserted += inserted;
        r.survived += Math.round(v * inserted);
      };
      add(summary.survival.save, l.survival_save);
      add(summary.survival.end, l.survival_end);
      add(summary.survival.commit, l.survival_commit);
      for (const [key] of RETENTION_HORIZONS) add(summary.retention[key], l[key]);
    }
    if (s.completion) summary.completionSteps++;
    if (s.diagnostics) summary.stepsWithDiagnostics++;
    if (s.run >= 0) summary.stepsLinkedToRun++;
  }
  return l;
}
