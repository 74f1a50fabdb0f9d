// What the parts of an outbox (done log, dead letters, sent journal, reader) need from the
// folder they share, so none of them depends on the outbox itself.
import type { Clock, Logger } from './events';
import type { OutboxFs } from './files';

export interface OutboxFolder {
  readonly dir: string;
  readonly fs: OutboxFs;
  readonly clock: Clock;
  readonly log: Logger;
  /** This window's writer id: it owns the files named after it. */
  readonly writerId: string;
  /** Runs `fn` after this window's earlier writes to the folder have finished. */
  serial<T>(fn: () => Promise<T>): Promise<T>;
  /** Bytes this window added to the folder, counted against its bound. */
  noteWrittenBytes(bytes: number): void;
  /** Bytes removed from the folder, given back to its bound. */
  noteRemovedBytes(bytes: number): void;
  /** Torn or unreadable lines found while recovering from a crash. */
  reportTorn(count: number, detail: string): void;
}
