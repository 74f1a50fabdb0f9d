// The replay law: applying a file's diffs in order to its baseline yields each recorded
// after-hash. The applier is strict: every context and removed line must match exactly,
// byte for byte, at the line the hunk names. No fuzz, no line-ending conversion.
import { sha256Hex } from './hash';
import type { TrajectoryEvent } from './schema';

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Lines with their one-character prefix (' ', '-', '+', '\\'). */
  lines: string[];
}

export class PatchError extends Error {}

/** A unified diff's hunk header: old start, old count, new start, new count, then any section text. */
export const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

/** Parses a unified diff produced by Codetrail. Splits on '\n' only, so '\r' and other
 *  separators inside lines survive. */
export function parseUnifiedDiff(diff: string): Hunk[] {
  const lines = diff.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const hunks: Hunk[] = [];
  let i = 0;
  while (i < lines.length && !lines[i].startsWith('@@')) i++; // skip ---/+++ headers
  while (i < lines.length) {
    const m = HUNK_HEADER.exec(lines[i]);
    if (!m) throw new PatchError(`line ${i + 1}: expected a hunk header`);
    const hunk: Hunk = {
      oldStart: Number(m[1]),
      oldLines: m[2] === undefined ? 1 : Number(m[2]),
      newStart: Number(m[3]),
      newLines: m[4] === undefined ? 1 : Number(m[4]),
      lines: [],
    };
    i++;
    let oldSeen = 0;
    let newSeen = 0;
    while (i < lines.length && (oldSeen < hunk.oldLines || newSeen < hunk.newLines || lines[i].startsWith('\\'))) {
      const l = lines[i];
      const c = l[0];
      if (c === ' ') {
        oldSeen++;
        newSeen++;
      } else if (c === '-') oldSeen++;
      else if (c === '+') newSeen++;
      else if (c !== '\\') throw new PatchError(`line ${i + 1}: unexpected hunk line`);
      hunk.lines.push(l);
      i++;
    }
    if (oldSeen !== hunk.oldLines || newSeen !== hunk.newLines) {
      throw new PatchError(`hunk at line ${hunk.oldStart}: counts do not match its header`);
    }
    hunks.push(hunk);
  }
  return hunks;
}

/** Applies a unified diff to `text`, strictly. Throws PatchError on any mismatch. */
export function applyUnifiedDiff(text: string, diff: string): string {
  const hunks = parseUnifiedDiff(diff);
  // A text is lines joined by '\n'; the last element has no terminator (may be '').
  const src = text.split('\n');
  const oldNoNewline = text.length > 0 && !text.endsWith('\n');
  const srcLineCount = text.length === 0 ? 0 : oldNoNewline ? src.length : src.length - 1;
  const out: string[] = [];
  let srcIdx = 0; // next old line not yet copied
  let reachedEnd = false;
  let newNoNewline = false;

  for (const h of hunks) {
    const start = h.oldLines === 0 ? h.oldStart : h.oldStart - 1;
    if (start < srcIdx || start > srcLineCount) {
      throw new PatchError(`hunk @@ -${h.oldStart},${h.oldLines} does not fit the file`);
    }
    while (srcIdx < start) out.push(src[srcIdx++]);
    let prev = '';
    for (const l of h.lines) {
      const c = l[0];
      const body = l.slice(1);
      if (c === ' ' || c === '-') {
        if (srcIdx >= srcLineCount || src[srcIdx] !== body) {
          throw new PatchError(`hunk @@ -${h.oldStart},${h.oldLines}: line ${srcIdx + 1} differs`);
        }
        if (c === ' ') out.push(body);
        srcIdx++;
      } else if (c === '+') {
        out.push(body);
      } else {
        // "\ No newline at end of file" qualifies the line before it.
        if ((prev === ' ' || prev === '-') && !(oldNoNewline && srcIdx === srcLineCount)) {
          throw new PatchError(`hunk @@ -${h.oldStart}: the old file does end with a newline`);
        }
        if (prev === ' ' || prev === '+') newNoNewline = true;
      }
      prev = c;
    }
    if (srcIdx === srcLineCount) reachedEnd = true;
  }
  if (!reachedEnd) {
    while (srcIdx < srcLineCount) out.push(src[srcIdx++]);
    newNoNewline = oldNoNewline; // the end of the file was not touched
  }
  if (out.length === 0) return '';
  return out.join('\n') + (newNoNewline ? '' : '\n');
}

export interface ReplayMismatch {
  path: string;
  seq: number;
  eventId: string;
  problem: string;
}

export interface ReplayReport {
  files: number;
  steps: number;
  mismatches: ReplayMismatch[];
  /** Steps not checked because an earlier step of the same file failed (until its next baseline). */
  unchecked: number;
  /** Final text of every file, by path (as of the last step). */
  finalText: Map<string, string>;
}

/**
 * Replays a trajectory's events (in seq order) and checks every step's hashes: the
 * before-hash against the state the previous steps produced, the after-hash against the
 * state this step produces.
 */
export function replayTrajectory(events: Iterable<TrajectoryEvent>): ReplayReport {
  const state = new Map<string, { text: string; hash: string }>();
  const broken = new Set<string>();
  const mismatches: ReplayMismatch[] = [];
  const files = new Set<string>();
  let steps = 0;
  let unchecked = 0;
  const fail = (e: TrajectoryEvent & { path: string }, problem: string) => {
    mismatches.push({ path: e.path, seq: e.seq, eventId: e.id, problem });
    broken.add(e.path);
    state.delete(e.path);
  };
  for (const e of events) {
    if (e.kind === 'file.baseline') {
      files.add(e.path);
      broken.delete(e.path);
      const actual = sha256Hex(e.text);
      if (actual !== e.sha256) fail(e, 'baseline text does not match its hash');
      else state.set(e.path, { text: e.text, hash: actual });
    } else if (e.kind === 'edit') {
      steps++;
      if (broken.has(e.path)) {
        unchecked++;
        continue;
      }
      const cur = state.get(e.path);
      if (!cur) {
        fail(e, 'edit before any baseline');
        continue;
      }
      if (cur.hash !== e.beforeSha256) {
        fail(e, 'before-hash differs from the replayed state');
        continue;
      }
      let next: string;
      try {
        next = applyUnifiedDiff(cur.text, e.diff);
      } catch (err) {
        fail(e, `diff does not apply: ${(err as Error).message}`);
        continue;
      }
      const h = sha256Hex(next);
      if (h !== e.afterSha256) {
        fail(e, 'after-hash differs from the replayed text');
        continue;
      }
      state.set(e.path, { text: next, hash: h });
    }
  }
  const finalText = new Map<string, string>();
  for (const [p, s] of state) finalText.set(p, s.text);
  return { files: files.size, steps, mismatches, unchecked, finalText };
}
