// Renders the touched parts of a document as a unified diff. Only chunks around the changed
// regions (plus context lines) are compared and redacted; the rest is never looked at again.
import { structuredPatch, formatPatch, FILE_HEADERS_ONLY, type StructuredPatchHunk } from 'diff';

/** Redacts text; must keep the number of '\n' and be deterministic. */
/**
 * Redacts a text, keeping its number of lines. `names`, when given, is the document's memory of the
 * names found in it so far (see the engine's RedactOptions): read and added to.
 */
export type LineRedactor = (text: string, names?: Set<string>) => string;

export const CONTEXT_LINES = 3;

/** What a line holding any character typed while capture was off reads as, wherever it is sent. */
export const NOT_CAPTURED = '<REDACTED:not-captured>';

/** Start of the line holding `pos`, moved back `extraLines` more lines. */
export function lineStartBefore(text: string, pos: number, extraLines: number): number {
  let start = pos === 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
  for (let k = 0; k < extraLines && start > 0; k++) start = text.lastIndexOf('\n', start - 2) + 1;
  return start;
}

/** End (after its '\n') of the line holding `pos`, moved on `extraLines` more lines. */
export function lineEndAfter(text: string, pos: number, extraLines: number): number {
  let end = text.indexOf('\n', pos);
  end = end === -1 ? text.length : end + 1;
  for (let k = 0; k < extraLines && end < text.length; k++) {
    const n = text.indexOf('\n', end);
    end = n === -1 ? text.length : n + 1;
  }
  return end;
}

/** Counts lines forward through a text; each call must ask about a later offset or line. */
export class LineWalker {
  private pos = 0;
  private line = 0;

  constructor(private readonly text: string) {}

  /** Number of '\n' before `offset`. */
  lineAt(offset: number): number {
    for (let i = this.text.indexOf('\n', this.pos); i !== -1 && i < offset; i = this.text.indexOf('\n', i + 1)) {
      this.line++;
      this.pos = i + 1;
    }
    return this.line;
  }

  /** Offset of the start of line `line` (0-based), or the text's length past its end. */
  offsetOf(line: number): number {
    while (this.line < line) {
      const n = this.text.indexOf('\n', this.pos);
      if (n === -1) return this.text.length;
      this.pos = n + 1;
      this.line++;
    }
    return this.pos;
  }
}

/** Splits text into lines, each with its offset and its length including the '\n'. */
export function linesOf(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  for (;;) {
    const n = text.indexOf('\n', start);
    if (n === -1) {
      out.push({ text: text.slice(start), start, end: text.length });
      return out;
    }
    out.push({ text: text.slice(start, n), start, end: n + 1 });
    start = n + 1;
  }
}

function isMask(line: string): boolean {
  return line === NOT_CAPTURED || line === NOT_CAPTURED + '\r';
}

/**
 * End of a line's content: its line break does not count. A line break typed while capture
 * was off says only that a line was split or added; the lines' words are what is protected.
 * An empty range (an empty line, the start of the line after a chunk) holds nothing to mask.
 */
function contentEnd(l: { text: string; start: number }): number {
  return l.start + (l.text.endsWith('\r') ? l.text.length - 1 : l.text.length);
}

/** The mask of a line, keeping a carriage return so line endings stay as they were. */
export function maskLine(line: string): string {
  return line.endsWith('\r') ? NOT_CAPTURED + '\r' : NOT_CAPTURED;
}

/**
 * The text as it leaves the machine: each line whose content holds a tainted character
 * (`tainted(i, start, end)` for line i) reads as the mask; the rest is redacted with the
 * masked text as context.
 */
export function renderText(text: string, tainted: (line: number, start: number, end: number) => boolean, redact?: LineRedactor): string {
  const lines = linesOf(text);
  let any = false;
  const masked = lines.map((l, i) => {
    if (!tainted(i, l.start, contentEnd(l))) return l.text;
    any = true;
    return maskLine(l.text);
  });
  const joined = any ? masked.join('\n') : text;
  return redact ? redact(joined) : joined;
}

/**
 * The redacted form of a chunk's new text: tainted lines read as the mask; lines unchanged
 * at its head and tail keep their stored redacted form; the changed lines are redacted with
 * the whole chunk as context. Re-redacting an unchanged line without the context it was first
 * redacted in (a private-key body line far from its BEGIN line) could otherwise reveal it.
 */
export function renderChunk(
  oldRaw: string,
  newRaw: string,
  storedOld: string,
  tainted: (line: number, start: number, end: number) => boolean,
  redact?: LineRedactor,
): string {
  const o = oldRaw.split('\n');
  const stored = storedOld.split('\n');
  const lines = linesOf(newRaw);
  const n = lines.map((l) => l.text);
  const max = Math.min(o.length, n.length);
  let head = 0;
  while (head < max && o[head] === n[head]) head++;
  let tail = 0;
  while (tail < max - head && o[o.length - 1 - tail] === n[n.length - 1 - tail]) tail++;
  const isTainted = lines.map((l, i) => tainted(i, l.start, contentEnd(l)));
  const masked = n.map((l, i) => (isTainted[i] ? maskLine(l) : l));
  let redacted: string[] | undefined;
  const fresh = (i: number): string => {
    if (!redact) return masked[i];
    redacted ??= redact(masked.join('\n')).split('\n');
    return redacted[i];
  };
  return n
    .map((_, i) => {
      if (isTainted[i]) return masked[i];
      // An unchanged line keeps its stored form, unless that was the mask: lines move, and a
      // clean line may now stand where a tainted one did.
      const kept = i < head ? stored[i] : i >= n.length - tail ? stored[stored.length - (n.length - i)] : undefined;
      if (kept !== undefined && !isMask(kept)) return kept;
      return fresh(i);
    })
    .join('\n');
}

/** The hunks of one chunk's change, numbered by the chunk's place in the file. */
export function chunkHunks(storedOld: string, renderedNew: string, oldStartLine: number, newStartLine: number): StructuredPatchHunk[] {
  if (storedOld === renderedNew) return [];
  const patch = structuredPatch('a', 'b', storedOld, renderedNew, '', '', { context: CONTEXT_LINES });
  for (const h of patch.hunks) {
    h.oldStart += oldStartLine;
    h.newStart += newStartLine;
  }
  return patch.hunks;
}

/** A unified diff of a file from its hunks (in order, not overlapping); '' for none. */
export function formatDiff(path: string, hunks: StructuredPatchHunk[]): string {
  if (hunks.length === 0) return '';
  return formatPatch({ oldFileName: 'a/' + path, newFileName: 'b/' + path, oldHeader: '', newHeader: '', hunks }, FILE_HEADERS_ONLY);
}
