// Renders a closed step as a unified diff. Only the touched region (plus context lines)
// is diffed; the rest of the document is never compared.
import { structuredPatch, formatPatch, FILE_HEADERS_ONLY } from 'diff';

/** One change in document offsets (UTF-16 code units), applied in sequence. */
export interface TextOp {
  offset: number;
  deleted: number;
  inserted: string;
}

export const CONTEXT_LINES = 3;

export interface RenderedStep {
  diff: string;
  after: string;
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

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Applies `ops` (all inside [lo, hi) of `before`, in current coordinates) and renders the
 * change. Cost: the touched region and its context, plus one pass to find the line number.
 */
export function renderStep(path: string, before: string, lo: number, hi: number, ops: readonly TextOp[]): RenderedStep {
  // Apply the ops to the touched core only; offsets inside it are relative to lo.
  let core = before.slice(lo, hi);
  for (const op of ops) {
    const o = op.offset - lo;
    core = core.slice(0, o) + op.inserted + core.slice(o + op.deleted);
  }
  const after = before.slice(0, lo) + core + before.slice(hi);

  const regionStart = lineStartBefore(before, lo, CONTEXT_LINES);
  const regionEndOld = lineEndAfter(before, hi, CONTEXT_LINES);
  const regionEndNew = regionEndOld + (after.length - before.length);
  const oldRegion = before.slice(regionStart, regionEndOld);
  const newRegion = after.slice(regionStart, regionEndNew);
  const patch = structuredPatch('a/' + path, 'b/' + path, oldRegion, newRegion, '', '', { context: CONTEXT_LINES });
  const lineOffset = regionStart === 0 ? 0 : countNewlines(before, regionStart);
  for (const h of patch.hunks) {
    // An empty side is numbered one line before its position in unified diffs.
    h.oldStart += lineOffset;
    h.newStart += lineOffset;
  }
  const diff = patch.hunks.length ? formatPatch(patch, FILE_HEADERS_ONLY) : '';
  return { diff, after };
}
