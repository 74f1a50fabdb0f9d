// Where finished events go: the outbox (src/send) in the extension, an array in tests.
import type { TrajectoryEvent } from '@codetrail/protocol';

export interface TrajectorySink {
  /** Takes an event; must not block the caller (the editor's change handler). */
  write(event: TrajectoryEvent): void;
  /** Resolves once everything written so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
