// The outbox: a folder of append-only segment files holding already-redacted events as JSON
// lines, bounded on disk, shared by every window. Each window appends to its own segment; ids
// that are acknowledged, removed or dead-lettered are recorded in per-window done logs, and a
// segment is deleted once every id in it is done. See docs/outbox.md.
//
// This module puts the parts together and answers transparency and consent: segments and the
// bound (segments.ts), the done log (done-log.ts), dead letters (dead-letters.ts), the sent
// journal (sent-journal.ts) and the sender's cursor (reader.ts).
import { join } from 'node:path';
import type { TrajectoryEvent } from '@codetrail/protocol';
import { silentLogger, systemClock, type Clock, type Logger } from './events';
import { DeadLetters } from './dead-letters';
import { DoneLog } from './done-log';
import {
  blankLines,
  isDeadLetterName,
  isWriterAlive,
  newWriterId,
  parseSegmentName,
  realFs,
  retireWriterId,
  type DoneEntry,
  type OutboxFs,
} from './files';
import type { OutboxFolder } from './folder';
import { OutboxReader } from './reader';
import { listSegments, readSegmentText, Segments, type MarkerBody, type OutboxState } from './segments';
import { SentJournal, type SentItem } from './sent-journal';

export interface OutboxOptions {
  /** The storage folder (the extension's global storage in production). */
  dir: string;
  /** Bound on everything in the folder: segments, done logs, dead letters. */
  maxBytes?: number;
  /** A segment is closed and a new one started past this size. */
  segmentBytes?: number;
  /** ... or past this age, so delivered segments can be deleted. */
  segmentMaxAgeMs?: number;
  /** How often appended events are written out. */
  flushIntervalMs?: number;
  /** How often other windows' usage of the folder is re-measured. */
  usageRefreshMs?: number;
  /** Data is fsynced at most this often (and always when a segment closes). */
  syncIntervalMs?: number;
  /** Stop accepting while the volume has less free space than this (default 64 MiB), so the disk never fills. */
  minFreeBytes?: number;
  /** After being full, accept again once usage is below this share of maxBytes. */
  resumeFraction?: number;
  clock?: Clock;
  fs?: OutboxFs;
  log?: Logger;
  /** Stamps the outbox's own marker events; default: a session of the outbox's own. */
  stampMarker?: (body: MarkerBody) => TrajectoryEvent;
  /** Copies of delivered events kept for the transparency view (default 16 MiB; 0 keeps none). */
  sentJournalBytes?: number;
  /**
   * The consent firewall: every record passes it before it is written; it returns the record
   * to write (possibly with lines masked), or undefined to hold it back.
   */
  guard?: (event: TrajectoryEvent) => TrajectoryEvent | undefined;
}

export interface PendingItem {
  id: string;
  /** The segment holding it, or '' for events not yet written out. */
  stem: string;
  event: TrajectoryEvent;
}

export class Outbox implements OutboxFolder {
  readonly dir: string;
  readonly writerId = newWriterId();
  readonly clock: Clock;
  readonly fs: OutboxFs;
  readonly log: Logger;
  private readonly flushIntervalMs: number;
  private readonly guard: OutboxOptions['guard'];
  private readonly segments: Segments;
  private readonly done: DoneLog;
  readonly deadLetters: DeadLetters;
  private readonly journal: SentJournal;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: unknown;
  private disposed = false;

  readonly onDidChangeState: Segments['onDidChangeState'];
  /** Fires after new events reach the disk (the sender can wake up). */
  readonly onDidFlush: Segments['onDidFlush'];

  private constructor(opts: OutboxOptions) {
    this.dir = opts.dir;
    this.flushIntervalMs = opts.flushIntervalMs ?? 200;
    this.clock = opts.clock ?? systemClock;
    this.fs = opts.fs ?? realFs;
    this.log = opts.log ?? silentLogger;
    this.guard = opts.guard;
    this.segments = new Segments(this, opts);
    this.done = new DoneLog(this);
    this.deadLetters = new DeadLetters(this);
    this.journal = new SentJournal(this, opts.sentJournalBytes ?? 16 * 1024 * 1024);
    this.onDidChangeState = this.segments.onDidChangeState;
    this.onDidFlush = this.segments.onDidFlush;
  }

  /** Opens (creating if needed) an outbox folder and starts the periodic flush. */
  static async open(opts: OutboxOptions): Promise<Outbox> {
    const o = new Outbox(opts);
    await o.fs.mkdir(o.dir, { recursive: true });
    await o.removeStaleTemporaries();
    await o.segments.measureUsage();
    o.schedule();
    return o;
  }

  get state(): OutboxState {
    return this.segments.state;
  }

  /** Bytes in the folder as last measured plus what this window has written since. */
  get usage(): number {
    return this.segments.usage;
  }

  /** Bound on everything in the folder; settings may change it while open. */
  get maxBytes(): number {
    return this.segments.maxBytes;
  }

  set maxBytes(bytes: number) {
    this.segments.maxBytes = bytes;
  }

  /**
   * Queues an already-redacted event. Never blocks: the write happens on the next flush.
   * Returns false when the event is refused because the outbox is full.
   */
  append(record: TrajectoryEvent): boolean {
    if (this.disposed) return false;
    const event = this.guard ? this.guard(record) : record;
    if (!event) return true; // held back by the consent firewall: not a refusal
    return this.segments.accept(event);
  }

  /** Writes out everything appended so far. */
  flush(): Promise<void> {
    return this.serial(() => this.segments.flush());
  }

  /** Flushes, closes the current segment and stops. Appends after this are refused. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    await this.serial(async () => {
      await this.segments.flush();
      await this.segments.seal();
    });
    retireWriterId(this.writerId);
    this.segments.dispose();
  }

  /** A cursor over all windows' segments for the window that holds the sender lock. */
  openReader(): OutboxReader {
    return new OutboxReader(this, this.done, { deadLetters: this.deadLetters, journal: this.journal });
  }

  // ---- transparency and consent: listing and removing pending events ----

  /** Calls back with each pending event, oldest segment first, then those not yet written. */
  async forEachPending(visit: (item: PendingItem) => void | boolean): Promise<void> {
    await this.flush();
    const done = await this.done.readAll();
    for (const seg of await listSegments(this.fs, this.dir)) {
      const ids = done.get(seg.stem);
      const text = await readSegmentText(this.fs, this.dir, seg);
      if (text === undefined) continue; // delivered and deleted meanwhile
      const end = text.lastIndexOf('\n');
      for (const line of text.slice(0, end + 1).split('\n')) {
        if (!line || line.charCodeAt(0) === 32) continue; // empty, or scrubbed by a purge
        let event: TrajectoryEvent;
        try {
          event = JSON.parse(line) as TrajectoryEvent;
        } catch {
          continue;
        }
        if (ids?.has(event.id)) continue;
        if (visit({ id: event.id, stem: seg.stem, event }) === false) return;
      }
    }
    for (const b of this.segments.buffered()) if (visit({ id: b.id, stem: '', event: b.event }) === false) return;
  }

  async listPending(limit = Infinity): Promise<PendingItem[]> {
    const out: PendingItem[] = [];
    await this.forEachPending((item) => {
      out.push(item);
      return out.length < limit;
    });
    return out;
  }

  /** Removes every pending event the predicate selects; returns how many were removed. */
  async removeWhere(predicate: (event: TrajectoryEvent) => boolean): Promise<number> {
    const entries: DoneEntry[] = [];
    await this.forEachPending((item) => {
      if (item.stem && predicate(item.event)) entries.push({ tag: 'r', stem: item.stem, id: item.id });
    });
    const removed = entries.length + this.segments.removeBuffered(predicate);
    if (entries.length) await this.done.append(entries, true);
    return removed;
  }

  /**
   * For consent (a discard, late news of a pause, an exemption): removes every pending event
   * the predicate selects and leaves no copy of it on disk — its lines in segments (the open
   * ones included) and dead letters are overwritten in place with blanks, and its copies in the
   * sent journal are dropped. In place, so a window still appending to its open segment is not
   * disturbed.
   */
  async purge(predicate: (event: TrajectoryEvent) => boolean): Promise<{ pending: number; sent: number; dead: number }> {
    const pending = await this.removeWhere(predicate);
    await this.flush();
    const names = await this.fs.readdir(this.dir);
    let dead = 0;
    for (const name of names) {
      if (parseSegmentName(name)) await blankLines(this.fs, join(this.dir, name), (line) => predicate(JSON.parse(line) as TrajectoryEvent));
      else if (isDeadLetterName(name)) dead += await this.deadLetters.blank(name, predicate);
    }
    const sent = await this.journal.forget(predicate);
    return { pending, sent, dead };
  }

  remove(ids: Iterable<string>): Promise<number> {
    const set = new Set(ids);
    return this.removeWhere((e) => set.has(e.id));
  }

  /** "Discard the last N minutes": removes pending events taken at or after `sinceMs`. */
  discardSince(sinceMs: number): Promise<number> {
    return this.removeWhere((e) => e.time >= sinceMs);
  }

  // ---- transparency: the journal of delivered events ----

  /** The most recently delivered events still in the journal, oldest first. */
  listSent(limit = Infinity): Promise<SentItem[]> {
    return this.journal.list(limit);
  }

  /** Drops journal copies the predicate selects (after a deletion request); returns how many. */
  forgetSent(predicate: (event: TrajectoryEvent) => boolean): Promise<number> {
    return this.journal.forget(predicate);
  }

  /**
   * Moves dead letters the filter selects back into the outbox (e.g. those refused with 401,
   * after signing in again). Same ids, so a copy that did arrive is stored only once.
   */
  async requeueDeadLetters(select: (status: number) => boolean): Promise<number> {
    // requeued ids are done in their old segment: they must go into a new one
    await this.serial(async () => {
      await this.segments.flush();
      await this.segments.seal();
    });
    // each file's requeued events are flushed before they are dropped from the dead letters
    return this.deadLetters.take(
      select,
      (event) => this.segments.requeue(event),
      () => this.flush(),
    );
  }

  // ---- the folder, as its parts see it ----

  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  noteWrittenBytes(bytes: number): void {
    this.segments.noteWrittenBytes(bytes);
  }

  noteRemovedBytes(bytes: number): void {
    this.segments.noteRemovedBytes(bytes);
  }

  reportTorn(count: number, detail: string): void {
    this.segments.reportTorn(count, detail);
  }

  // ---- internals ----

  private schedule(): void {
    if (this.disposed) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.flush()
        .catch((e) => this.log.error(`Outbox: flush failed: ${String(e)}`))
        .finally(() => this.schedule());
    }, this.flushIntervalMs);
  }

  /** Temporary files of windows that died while compacting or writing the lock. */
  private async removeStaleTemporaries(): Promise<void> {
    for (const name of await this.fs.readdir(this.dir)) {
      const writer = /(\d+-[0-9a-f]{8})/.exec(name)?.[1];
      if (name.endsWith('.tmp') && writer && !isWriterAlive(writer)) await this.fs.unlink(join(this.dir, name)).catch(() => undefined);
    }
  }
}
