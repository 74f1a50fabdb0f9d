// Keeping a redacted copy of a document in step with its raw text, re-redacting only the
// lines a step changed. Lines outside the change are copied from the previous redacted copy,
// so a diff between the two redacted texts touches only the changed lines and applies to the
// redacted baseline; the changed lines are redacted with `contextLines` of raw text around
// them so multi-line constructs (a private-key block, a value on the line after its tag) are
// still seen.
import { droppedText, type Redactor, type RedactionResult } from './index';

export interface LineChange {
  /** First changed line (0-based), the same in both texts. */
  firstLine: number;
  /** Lines replaced in the old text... */
  oldLineCount: number;
  /** ...by this many lines in the new text. */
  newLineCount: number;
}

/**
 * The redacted form of `rawAfter`, given `redactedBefore` (the redacted form of the text before
 * the change) and which lines changed. `findings` are offsets into `rawAfter`.
 */
export function redactChangedLines(redactor: Redactor, redactedBefore: string, rawAfter: string, change: LineChange, contextLines = 3): RedactionResult {
  const before = redactedBefore.split('\n');
  const after = rawAfter.split('\n');
  const { firstLine, oldLineCount, newLineCount } = change;
  if (firstLine < 0 || firstLine + oldLineCount > before.length || before.length - oldLineCount + newLineCount !== after.length) {
    throw new RangeError('line change does not match the texts');
  }
  const winStart = Math.max(0, firstLine - contextLines);
  const winEnd = Math.min(after.length, firstLine + newLineCount + contextLines);
  const window = after.slice(winStart, winEnd).join('\n');
  const r = redactor.redact(window);
  if (r.dropped) return { text: droppedText(rawAfter), findings: [], dropped: true };
  const redWin = r.text.split('\n');
  const changed = redWin.slice(firstLine - winStart, firstLine - winStart + newLineCount);
  const text = [...before.slice(0, firstLine), ...changed, ...before.slice(firstLine + oldLineCount)].join('\n');
  // Findings inside the changed lines, moved to rawAfter offsets.
  let winOffset = 0;
  for (let i = 0; i < winStart; i++) winOffset += after[i].length + 1;
  let lo = 0;
  for (let i = winStart; i < firstLine; i++) lo += after[i].length + 1;
  let hi = lo;
  for (let i = firstLine; i < firstLine + newLineCount; i++) hi += after[i].length + 1;
  const findings = r.findings.filter((f) => f.start >= lo && f.end <= hi).map((f) => ({ kind: f.kind, start: f.start + winOffset, end: f.end + winOffset }));
  return { text, findings };
}

/** Which whole lines differ between two texts: the common prefix and suffix are left out. */
export function changedLines(oldText: string, newText: string): LineChange {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { firstLine: p, oldLineCount: a.length - p - s, newLineCount: b.length - p - s };
}
