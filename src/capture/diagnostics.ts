// Outcome of an edit: error and warning counts of a file before and after a recent step,
// so a trajectory shows which steps introduced or fixed problems.
import type { EventBody } from '@codetrail/protocol';

export interface Counts {
  errors: number;
  warnings: number;
}

interface FileState {
  counts: Counts;
  /** The last edit step on this file and the counts when it was recorded. */
  edit?: { id: string; time: number; before: Counts };
}

export class DiagnosticsTracker {
  private readonly files = new Map<string, FileState>();

  /** How long after an edit a change of counts is still attributed to it. */
  constructor(private readonly windowMs = 30_000) {}

  /** An edit step was recorded on `path`. */
  edited(path: string, editId: string, time: number): void {
    const f = this.files.get(path) ?? { counts: { errors: 0, warnings: 0 } };
    f.edit = { id: editId, time, before: f.counts };
    this.files.set(path, f);
  }

  /**
   * New counts for `path`. Returns an event when they differ from the counts before the
   * file's last edit (within the window), otherwise nothing.
   */
  update(path: string, counts: Counts, time: number): EventBody | undefined {
    const f = this.files.get(path) ?? { counts: { errors: 0, warnings: 0 } };
    const changed = f.counts.errors !== counts.errors || f.counts.warnings !== counts.warnings;
    f.counts = counts;
    this.files.set(path, f);
    if (!changed || !f.edit || time - f.edit.time > this.windowMs) return undefined;
    return { kind: 'diagnostics', time, path, afterEdit: f.edit.id, before: f.edit.before, after: counts };
  }

  forget(path: string): void {
    this.files.delete(path);
  }
}
