// Renders a closed step as a unified diff. Only the touched lines (plus context lines) are
// diffed and redacted; the rest of the document is never compared.
import { structuredPatch, formatPatch, FILE_HEADERS_ONLY } from 'diff';

/** One change in document offsets (UTF-16 code units), applied in sequence. */
export interface TextOp {
  offset: number;
  deleted: number;
  inserted: string;
}

/** Redacts text; must keep the number of '\n' and be deterministic. */
export type LineRedactor = (text: string) => string;

export const CONTEXT_LINES = 3;

export interface RenderedStep {
  /** '' when the step changed nothing visible (after redaction). */
  diff: string;
  /** Raw text after the step. */
  after: string;
  /** Redacted text after the step (=== after when there is no redactor). */
  redactedAfter: string;
}

function lineStartBefore(text: string, pos: number, extraLines: number): number {
  let start = pos === 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
  for (let k = 0; k < extraLines && start > 0; k++) start = text.lastIndexOf('\n', start - 2) + 1;
  return start;
}

function lineEndAfter(text: string, pos: number, extraLines: number): number {
  let end = text.indexOf('\n', pos);
  end = end === -1 ? text.length : end + 1;
  for (let k = 0; k < extraLines && end < text.length; k++) {
    const n = text.indexOf('\n', end);
    end = n === -1 ? text.length : n + 1;
  }
  return end;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Offset of the start of line `line` (0-based), found by walking newlines. */
function offsetOfLine(text: string, line: number): number {
  let pos = 0;
  for (let k = 0; k < line; k++) {
    const n = text.indexOf('\n', pos);
    if (n === -1) return text.length;
    pos = n + 1;
  }
  return pos;
}

/** Applies ops that all lie inside [lo, hi) of `before` (offsets in current coordinates). */
export function applyOps(before: string, lo: number, hi: number, ops: readonly TextOp[]): string {
  let core = before.slice(lo, hi);
  for (const op of ops) {
    const o = op.offset - lo; // the region's start never moves during a step
    core = core.slice(0, o) + op.inserted + core.slice(o + op.deleted);
  }
  return before.slice(0, lo) + core + before.slice(hi);
}

/**
 * Applies `ops` and renders the change of the touched lines. With a redactor, the diff is
 * between the stored redacted lines and the redaction of the new lines, so the redacted
 * trajectory replays exactly.
 */
export function renderStep(
  path: string,
  before: string,
  redactedBefore: string,
  lo: number,
  hi: number,
  ops: readonly TextOp[],
  redact?: LineRedactor,
): RenderedStep {
  const after = applyOps(before, lo, hi, ops);
  const regionStart = lineStartBefore(before, lo, CONTEXT_LINES);
  const regionEndOld = lineEndAfter(before, hi, CONTEXT_LINES);
  const regionEndNew = regionEndOld + (after.length - before.length);
  const startLine = regionStart === 0 ? 0 : countNewlines(before, 0, regionStart);
  let oldRegion = before.slice(regionStart, regionEndOld);
  let newRegion = after.slice(regionStart, regionEndNew);
  let redactedAfter = after;
  if (redact) {
    const rStart = offsetOfLine(redactedBefore, startLine);
    const oldLines = countNewlines(oldRegion, 0, oldRegion.length);
    let rEnd = regionEndOld === before.length ? redactedBefore.length : offsetOfLine(redactedBefore, startLine + oldLines);
    if (rEnd < rStart) rEnd = rStart;
    const storedOld = redactedBefore.slice(rStart, rEnd);
    newRegion = redactChangedOnly(oldRegion, newRegion, storedOld, redact);
    oldRegion = storedOld;
    redactedAfter = redactedBefore.slice(0, rStart) + newRegion + redactedBefore.slice(rEnd);
  }
  if (oldRegion === newRegion) return { diff: '', after, redactedAfter };
  const patch = structuredPatch('a/' + path, 'b/' + path, oldRegion, newRegion, '', '', { context: CONTEXT_LINES });
  for (const h of patch.hunks) {
    h.oldStart += startLine;
    h.newStart += startLine;
  }
  const diff = patch.hunks.length ? formatPatch(patch, FILE_HEADERS_ONLY) : '';
  return { diff, after, redactedAfter };
}

/**
 * The redacted form of a region's new text: its changed lines are redacted with the whole
 * region as context, while unchanged lines keep their stored redacted form. Re-redacting an
 * unchanged line without the context it was first redacted in (a private-key body line far
 * from its BEGIN line) could otherwise reveal it.
 */
function redactChangedOnly(oldRaw: string, newRaw: string, storedOld: string, redact: LineRedactor): string {
  const o = oldRaw.split('\n');
  const n = newRaw.split('\n');
  const stored = storedOld.split('\n');
  const max = Math.min(o.length, n.length);
  let head = 0;
  while (head < max && o[head] === n[head]) head++;
  let tail = 0;
  while (tail < max - head && o[o.length - 1 - tail] === n[n.length - 1 - tail]) tail++;
  const redacted = redact(newRaw).split('\n');
  return [...stored.slice(0, head), ...redacted.slice(head, n.length - tail), ...stored.slice(stored.length - tail)].join('\n');
}
