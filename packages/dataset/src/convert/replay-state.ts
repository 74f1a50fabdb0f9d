// Walks a trajectory keeping each file's text step by step, for the converters. It uses
// the shared strict applier; a file whose step fails is left out until its next baseline.
import { HUNK_HEADER, applyUnifiedDiff } from '@codetrail/protocol';
import { sha256Hex } from '@codetrail/protocol';
import type { TrajectoryEvent } from '@codetrail/protocol';

export class FileStates {
  readonly text = new Map<string, string>();
  readonly language = new Map<string, string>();

  /** Applies one event; returns the file's text before it (for an edit that applied). */
  apply(e: TrajectoryEvent): { before: string } | undefined {
    if (e.kind === 'file.baseline') {
      this.language.set(e.path, e.languageId);
      if (sha256Hex(e.text) === e.sha256) this.text.set(e.path, e.text);
      else this.text.delete(e.path);
      return undefined;
    }
    if (e.kind !== 'edit') return undefined;
    const before = this.text.get(e.path);
    if (before === undefined) return undefined;
    try {
      const after = applyUnifiedDiff(before, e.diff);
      if (sha256Hex(after) !== e.afterSha256) throw new Error('after-hash differs');
      this.text.set(e.path, after);
      return { before };
    } catch {
      this.text.delete(e.path);
      return undefined;
    }
  }
}

/** 0-based line of the first changed line a unified diff names (in the old text). */
export function firstHunkLine(diff: string): number {
  const header = diff.split('\n', 8).find((l) => l.startsWith('@@'));
  const m = header ? HUNK_HEADER.exec(header) : null;
  if (!m) return 0;
  const start = Number(m[1]);
  return m[2] === '0' ? start : Math.max(0, start - 1);
}
