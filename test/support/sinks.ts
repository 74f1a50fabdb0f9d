// A trajectory sink that keeps what it is given, for tests of the capture pipeline.
import type { TrajectoryEvent } from '@codetrail/protocol';
import type { TrajectorySink } from '../../src/capture/sink';

export class MemorySink implements TrajectorySink {
  events: TrajectoryEvent[] = [];
  write(e: TrajectoryEvent): void {
    this.events.push(e);
  }
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}
