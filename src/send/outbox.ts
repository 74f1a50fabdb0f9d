// The outbox: a folder of append-only segment files holding already-redacted events as JSON
// lines, bounded on disk, shared by every window. Each window appends to its own segment; ids
// that are acknowledged, removed or dead-lettered are recorded in per-window done logs, and a
// segment is deleted once every id in it is done. See docs/outbox.md.
import { join } from 'node:path';
import type { FileHandle } from 'node:fs/promises';
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION, type TrajectoryEvent } from '@codetrail/protocol';
import { Emitter, silentLogger, systemClock, type Clock, type Logger } from './events';
import {
  SEGMENT_OPEN,
  SEGMENT_SEALED,
  deadLetterFileName,
  doneFileName,
  errCode,
  formatDone,
  isDeadLetterName,
  isWriterAlive,
  newWriterId,
  parseDoneLines,
  parseDoneName,
  parseSegmentName,
  realFs,
  retireWriterId,
  segmentStem,
  type DoneEntry,
  type DoneTag,
  type OutboxFs,
  type SegmentName,
} from './files';
import { OutboxReader } from './reader';

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export type MarkerWhat = 'outbox-dropped' | 'outbox-torn';

export interface MarkerBody {
  kind: 'marker';
  what: MarkerWhat;
  count: number;
  detail?: string;
  time: number;
}

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

/** A delivered event as kept in the sent journal (outside the outbox's bound). */
export interface SentItem {
  sentAt: number;
  event: TrajectoryEvent;
}

/** Sub-folder of the outbox folder holding the sent journal. */
export const SENT_DIR = 'sent';
const SENT_RE = /^sent-(\d{13})-(\d+-[0-9a-f]{8})\.jsonl$/;

export interface OutboxState {
  /** True while new events are refused because the bound is reached or the disk is full. */
  full: boolean;
  /** Events refused since the outbox became full. */
  refused: number;
  /** Plain-words explanation while full. */
  message?: string;
  /** Torn or unreadable lines found after crashes, since start. */
  torn: number;
}

export interface PendingItem {
  id: string;
  /** The segment holding it, or '' for events not yet written out. */
  stem: string;
  event: TrajectoryEvent;
}

interface Buffered {
  id: string;
  line: string;
  bytes: number;
  event: TrajectoryEvent;
}

export class Outbox {
  readonly dir: string;
  readonly writerId = newWriterId();
  maxBytes: number;
  private readonly segmentBytes: number;
  private readonly segmentMaxAgeMs: number;
  private readonly flushIntervalMs: number;
  private readonly usageRefreshMs: number;
  private readonly syncIntervalMs: number;
  private readonly resumeFraction: number;
  private readonly minFreeBytes: number;
  private freeBytes = Infinity;
  readonly clock: Clock;
  readonly fs: OutboxFs;
  readonly log: Logger;
  private readonly stampMarker: (body: MarkerBody) => TrajectoryEvent;

  private buffer: Buffered[] = [];
  private bufferedBytes = 0;
  private usedBytes = 0;
  private usageMeasuredAt = -Infinity;
  private seg: { stem: string; handle: FileHandle; size: number; created: number } | undefined;
  private segCounter = 0;
  private lastSync = 0;
  private unsynced = false;
  private doneCounter = 0;
  private doneName: string;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: unknown;
  private disposed = false;
  private fullSince = 0;
  private markerSession = uuidv7();
  private markerSeq = 0;
  private readonly sentJournalBytes: number;
  private readonly guard: OutboxOptions['guard'];
  private sentStamp = 0;
  private sentFile: { name: string; size: number } | undefined;
  private sentChain: Promise<unknown> = Promise.resolve();

  private _state: OutboxState = { full: false, refused: 0, torn: 0 };
  private readonly stateEmitter = new Emitter<OutboxState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly flushedEmitter = new Emitter<void>();
  /** Fires after new events reach the disk (the sender can wake up). */
  readonly onDidFlush = this.flushedEmitter.event;

  private constructor(opts: OutboxOptions) {
    this.dir = opts.dir;
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    this.segmentBytes = opts.segmentBytes ?? 4 * 1024 * 1024;
    this.segmentMaxAgeMs = opts.segmentMaxAgeMs ?? 5 * 60_000;
    this.flushIntervalMs = opts.flushIntervalMs ?? 200;
    this.usageRefreshMs = opts.usageRefreshMs ?? 2000;
    this.syncIntervalMs = opts.syncIntervalMs ?? 1000;
    this.resumeFraction = opts.resumeFraction ?? 0.9;
    this.minFreeBytes = opts.minFreeBytes ?? 64 * 1024 * 1024;
    this.clock = opts.clock ?? systemClock;
    this.fs = opts.fs ?? realFs;
    this.log = opts.log ?? silentLogger;
    this.stampMarker = opts.stampMarker ?? ((b) => this.defaultMarker(b));
    this.doneName = doneFileName(this.writerId, this.doneCounter);
    this.sentJournalBytes = opts.sentJournalBytes ?? 16 * 1024 * 1024;
    this.guard = opts.guard;
  }

  /** Opens (creating if needed) an outbox folder and starts the periodic flush. */
  static async open(opts: OutboxOptions): Promise<Outbox> {
    const o = new Outbox(opts);
    await o.fs.mkdir(o.dir, { recursive: true });
    await o.removeStaleTemporaries();
    await o.measureUsage();
    o.schedule();
    return o;
  }

  get state(): OutboxState {
    return { ...this._state };
  }

  /** Bytes in the folder as last measured plus what this window has written since. */
  get usage(): number {
    return this.usedBytes + this.bufferedBytes;
  }

  /**
   * Queues an already-redacted event. Never blocks: the write happens on the next flush.
   * Returns false when the event is refused because the outbox is full.
   */
  append(record: TrajectoryEvent): boolean {
    if (this.disposed) return false;
    const event = this.guard ? this.guard(record) : record;
    if (!event) return true; // held back by the consent firewall: not a refusal
    if (this._state.full) {
      this._state.refused++;
      return false;
    }
    const line = JSON.stringify(event) + '\n';
    const bytes = Buffer.byteLength(line);
    if (this.usedBytes + this.bufferedBytes + bytes > this.maxBytes) {
      this.becomeFull(`The Codetrail outbox is full (${formatMb(this.maxBytes)}): recording is paused until queued events are delivered.`);
      this._state.refused++;
      return false;
    }
    if (this.freeBytes - this.bufferedBytes - bytes < this.minFreeBytes) {
      this.lowDisk = true;
      this.becomeFull(`The disk holding the Codetrail outbox is nearly full (under ${formatMb(this.minFreeBytes)} free): recording is paused until space is freed.`);
      this._state.refused++;
      return false;
    }
    this.buffer.push({ id: event.id, line, bytes, event });
    this.bufferedBytes += bytes;
    return true;
  }

  /** Writes out everything appended so far. */
  flush(): Promise<void> {
    return this.serial(() => this.flushNow());
  }

  /** Flushes, closes the current segment and stops. Appends after this are refused. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    await this.serial(async () => {
      await this.flushNow();
      await this.sealSegment();
    });
    retireWriterId(this.writerId);
    this.stateEmitter.dispose();
    this.flushedEmitter.dispose();
  }

  /** A cursor over all windows' segments for the window that holds the sender lock. */
  openReader(): OutboxReader {
    return new OutboxReader(this);
  }

  // ---- transparency and consent: listing and removing pending events ----

  /** Calls back with each pending event, oldest segment first, then those not yet written. */
  async forEachPending(visit: (item: PendingItem) => void | boolean): Promise<void> {
    await this.flush();
    const done = await this.readAllDone();
    for (const seg of await this.listSegments()) {
      const ids = done.get(seg.stem);
      const text = await this.readSegmentText(seg);
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
    for (const b of [...this.buffer]) if (visit({ id: b.id, stem: '', event: b.event }) === false) return;
  }

  /** A segment's text; a segment closed since it was listed is read under its new name. */
  private async readSegmentText(seg: SegmentName): Promise<string | undefined> {
    const names = seg.sealed ? [seg.name] : [seg.name, seg.stem + SEGMENT_SEALED];
    for (const name of names) {
      try {
        return (await this.fs.readFile(join(this.dir, name))).toString('utf8');
      } catch (e) {
        if (errCode(e) !== 'ENOENT') throw e;
      }
    }
    return undefined;
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
    let removed = entries.length;
    const before = this.buffer.length;
    this.buffer = this.buffer.filter((b) => !predicate(b.event));
    this.bufferedBytes = this.buffer.reduce((n, b) => n + b.bytes, 0);
    removed += before - this.buffer.length;
    if (entries.length) await this.appendDone(entries, true);
    return removed;
  }

  /**
   * For consent (a discard, late news of a pause, an exemption): removes every pending event
   * the predicate selects and leaves no copy of it on disk — its lines in segments (the open
   * ones included), dead letters and the sent journal are overwritten in place with blanks.
   * In place, so a window still appending to its open segment is not disturbed.
   */
  async purge(predicate: (event: TrajectoryEvent) => boolean): Promise<{ pending: number; sent: number; dead: number }> {
    const pending = await this.removeWhere(predicate);
    await this.flush();
    const names = await this.fs.readdir(this.dir);
    let dead = 0;
    for (const name of names) {
      if (parseSegmentName(name)) await this.scrubFile(join(this.dir, name), (line) => predicate(JSON.parse(line) as TrajectoryEvent));
      else if (isDeadLetterName(name)) dead += await this.scrubFile(join(this.dir, name), (line) => predicate((JSON.parse(line) as { event: TrajectoryEvent }).event));
    }
    const sent = await this.forgetSent(predicate);
    return { pending, sent, dead };
  }

  /** Overwrites the selected lines of a JSON-lines file with spaces (same length); returns how many. */
  private async scrubFile(path: string, select: (line: string) => boolean): Promise<number> {
    let data: Buffer;
    try {
      data = await this.fs.readFile(path);
    } catch (e) {
      if (errCode(e) === 'ENOENT') return 0;
      throw e;
    }
    const spans: [number, number][] = [];
    for (let start = 0; start < data.length;) {
      let nl = data.indexOf(10, start);
      if (nl < 0) nl = data.length;
      if (nl > start && data[start] !== 32) {
        try {
          if (select(data.toString('utf8', start, nl))) spans.push([start, nl]);
        } catch {
          // an unreadable line holds nothing to select
        }
      }
      start = nl + 1;
    }
    if (spans.length === 0) return 0;
    const fh = await this.fs.open(path, 'r+');
    try {
      for (const [a, b] of spans) await fh.write(Buffer.alloc(b - a, 32), 0, b - a, a);
      await fh.datasync();
    } finally {
      await fh.close();
    }
    return spans.length;
  }

  remove(ids: Iterable<string>): Promise<number> {
    const set = new Set(ids);
    return this.removeWhere((e) => set.has(e.id));
  }

  /** "Discard the last N minutes": removes pending events taken at or after `sinceMs`. */
  discardSince(sinceMs: number): Promise<number> {
    return this.removeWhere((e) => e.time >= sinceMs);
  }

  // ---- transparency: a bounded journal of delivered events ----

  /**
   * Keeps copies of acknowledged events (the exact stored lines) so the engineer can see what
   * was sent. Never fails: a journal write problem only costs the copy.
   */
  recordDelivered(lines: readonly string[]): Promise<void> {
    if (!this.sentJournalBytes || !lines.length) return Promise.resolve();
    const sentAt = this.clock.now();
    const data = lines.map((l) => `{"sentAt":${sentAt},"event":${l.trimEnd()}}\n`).join('');
    return this.sentSerial(async () => {
      const dir = join(this.dir, SENT_DIR);
      try {
        if (!this.sentFile || this.sentFile.size >= this.sentJournalBytes / 4) {
          await this.fs.mkdir(dir, { recursive: true });
          // Names sort by time; two files begun in the same millisecond must still differ.
          this.sentStamp = Math.max(sentAt, this.sentStamp + 1);
          this.sentFile = { name: `sent-${String(this.sentStamp).padStart(13, '0')}-${this.writerId}.jsonl`, size: 0 };
          await this.pruneSent(dir);
        }
        await this.fs.appendFile(join(dir, this.sentFile.name), data);
        this.sentFile.size += Buffer.byteLength(data);
      } catch (e) {
        this.sentFile = undefined;
        this.log.debug(`Outbox: a copy of delivered events was not kept (${errCode(e) ?? String(e)}).`);
      }
    });
  }

  /** The most recently delivered events still in the journal, oldest first. */
  async listSent(limit = Infinity): Promise<SentItem[]> {
    const out: SentItem[] = [];
    const files = (await this.sentFiles()).reverse();
    for (const name of files) {
      let text: string;
      try {
        text = (await this.fs.readFile(join(this.dir, SENT_DIR, name))).toString('utf8');
      } catch (e) {
        if (errCode(e) === 'ENOENT') continue;
        throw e;
      }
      const lines = text.split('\n');
      for (let i = lines.length - 1; i >= 0 && out.length < limit; i--) {
        if (!lines[i]) continue;
        try {
          out.push(JSON.parse(lines[i]) as SentItem);
        } catch {
          // a torn journal line: nothing to show
        }
      }
      if (out.length >= limit) break;
    }
    return out.reverse();
  }

  /** Drops journal copies the predicate selects (after a deletion request); returns how many. */
  forgetSent(predicate: (event: TrajectoryEvent) => boolean): Promise<number> {
    return this.sentSerial(async () => {
      let dropped = 0;
      for (const name of await this.sentFiles()) {
        const path = join(this.dir, SENT_DIR, name);
        let text: string;
        try {
          text = (await this.fs.readFile(path)).toString('utf8');
        } catch (e) {
          if (errCode(e) === 'ENOENT') continue;
          throw e;
        }
        const keep: string[] = [];
        for (const line of text.split('\n')) {
          if (!line) continue;
          let item: SentItem;
          try {
            item = JSON.parse(line) as SentItem;
          } catch {
            continue;
          }
          if (predicate(item.event)) dropped++;
          else keep.push(line + '\n');
        }
        if (keep.length === text.split('\n').filter(Boolean).length) continue;
        if (keep.length) {
          await this.fs.writeFile(path + '.tmp', keep.join(''));
          await this.fs.rename(path + '.tmp', path);
        } else await this.fs.unlink(path);
        if (this.sentFile?.name === name) this.sentFile = undefined;
      }
      return dropped;
    });
  }

  private async sentFiles(): Promise<string[]> {
    try {
      return (await this.fs.readdir(join(this.dir, SENT_DIR))).filter((n) => SENT_RE.test(n)).sort();
    } catch (e) {
      if (errCode(e) === 'ENOENT') return [];
      throw e;
    }
  }

  /** Deletes the oldest journal files (of every window) while the journal is over its bound. */
  private async pruneSent(dir: string): Promise<void> {
    const sizes: { name: string; size: number }[] = [];
    for (const name of await this.sentFiles()) {
      try {
        sizes.push({ name, size: (await this.fs.stat(join(dir, name))).size });
      } catch (e) {
        if (errCode(e) !== 'ENOENT') throw e;
      }
    }
    let total = sizes.reduce((n, f) => n + f.size, 0);
    for (const f of sizes) {
      if (total <= this.sentJournalBytes * 0.75) break;
      await this.fs.unlink(join(dir, f.name)).catch(() => undefined);
      total -= f.size;
    }
  }

  private sentSerial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.sentChain.then(fn, fn);
    this.sentChain = run.catch(() => undefined);
    return run;
  }

  // ---- shared with the reader ----

  async listSegments(): Promise<SegmentName[]> {
    const names = await this.fs.readdir(this.dir);
    const segs = names.map(parseSegmentName).filter((s): s is SegmentName => !!s);
    // a segment being sealed can appear under both names for an instant; keep the sealed one
    const byStem = new Map<string, SegmentName>();
    for (const s of segs) if (!byStem.has(s.stem) || s.sealed) byStem.set(s.stem, s);
    return [...byStem.values()].sort((a, b) => (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0));
  }

  async listDoneFiles(): Promise<{ name: string; writerId: string }[]> {
    const names = await this.fs.readdir(this.dir);
    return names.map(parseDoneName).filter((d): d is { name: string; writerId: string } => !!d);
  }

  /** Done ids by segment, from every window's done logs. */
  async readAllDone(): Promise<Map<string, Map<string, DoneTag>>> {
    const done = new Map<string, Map<string, DoneTag>>();
    for (const f of await this.listDoneFiles()) {
      let text: string;
      try {
        text = (await this.fs.readFile(join(this.dir, f.name))).toString('utf8');
      } catch (e) {
        if (errCode(e) === 'ENOENT') continue;
        throw e;
      }
      parseDoneLines(text, (e) => addDone(done, e));
    }
    return done;
  }

  /** Records ids as done in this window's done log. */
  appendDone(entries: readonly DoneEntry[], sync: boolean): Promise<void> {
    if (!entries.length) return Promise.resolve();
    const data = formatDone(entries);
    return this.serial(async () => {
      const h = await this.fs.open(join(this.dir, this.doneName), 'a');
      try {
        await writeAll(h, Buffer.from(data));
        if (sync) await h.datasync();
      } finally {
        await h.close();
      }
      this.usedBytes += Buffer.byteLength(data);
    });
  }

  /** Starts a new done log for this window; returns the name of the one closed. */
  rotateDone(): Promise<string> {
    return this.serial(async () => {
      const old = this.doneName;
      this.doneCounter++;
      this.doneName = doneFileName(this.writerId, this.doneCounter);
      return old;
    });
  }

  nextDoneName(): string {
    this.doneCounter++;
    return doneFileName(this.writerId, this.doneCounter);
  }

  get currentDoneName(): string {
    return this.doneName;
  }

  /** Appends dead letters (event plus why) to this window's dead-letter file. */
  async appendDeadLetters(lines: readonly { line: string; status: number; reason: string }[]): Promise<void> {
    if (!lines.length) return;
    const time = this.clock.now();
    const data = lines
      .map((l) => `{"time":${time},"status":${l.status},"reason":${JSON.stringify(l.reason)},"event":${l.line.trimEnd()}}\n`)
      .join('');
    await this.serial(async () => {
      const h = await this.fs.open(join(this.dir, deadLetterFileName(this.writerId)), 'a');
      try {
        await writeAll(h, Buffer.from(data));
        await h.datasync();
      } finally {
        await h.close();
      }
      this.usedBytes += Buffer.byteLength(data);
    });
  }

  /** Reads all dead letters of every window. */
  async listDeadLetters(): Promise<{ file: string; time: number; status: number; reason: string; event: TrajectoryEvent }[]> {
    const out: { file: string; time: number; status: number; reason: string; event: TrajectoryEvent }[] = [];
    for (const name of (await this.fs.readdir(this.dir)).filter(isDeadLetterName).sort()) {
      const text = (await this.fs.readFile(join(this.dir, name))).toString('utf8');
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          const d = JSON.parse(line) as { time: number; status: number; reason: string; event: TrajectoryEvent };
          out.push({ file: name, ...d });
        } catch {
          // a torn dead-letter line: nothing to recover
        }
      }
    }
    return out;
  }

  /**
   * Moves dead letters the filter selects back into the outbox (e.g. those refused with 401,
   * after signing in again). Same ids, so a copy that did arrive is stored only once.
   */
  async requeueDeadLetters(select: (status: number) => boolean): Promise<number> {
    let moved = 0;
    // requeued ids are done in their old segment: they must go into a new one
    await this.serial(async () => {
      await this.flushNow();
      await this.sealSegment();
    });
    for (const name of (await this.fs.readdir(this.dir)).filter(isDeadLetterName).sort()) {
      const path = join(this.dir, name);
      const text = (await this.fs.readFile(path)).toString('utf8');
      const keep: string[] = [];
      let changed = false;
      for (const line of text.split('\n')) {
        if (!line) continue;
        let d: { status: number; event: TrajectoryEvent };
        try {
          d = JSON.parse(line) as { status: number; event: TrajectoryEvent };
        } catch {
          continue;
        }
        if (select(d.status)) {
          const line2 = JSON.stringify(d.event) + '\n';
          const bytes = Buffer.byteLength(line2);
          this.buffer.push({ id: d.event.id, line: line2, bytes, event: d.event });
          this.bufferedBytes += bytes;
          moved++;
          changed = true;
        } else keep.push(line + '\n');
      }
      if (changed) {
        // flush the requeued events before dropping them from the dead letters
        await this.flush();
        await this.serial(async () => {
          if (keep.length) {
            await this.fs.writeFile(path + '.tmp', keep.join(''));
            await this.fs.rename(path + '.tmp', path);
          } else await this.fs.unlink(path);
        });
      }
    }
    return moved;
  }

  /** Deletes all dead letters (after the user has seen them, or chose to discard them). */
  async discardDeadLetters(): Promise<number> {
    let n = 0;
    for (const name of (await this.fs.readdir(this.dir)).filter(isDeadLetterName)) {
      const path = join(this.dir, name);
      const size = (await this.fs.stat(path).catch(() => ({ size: 0 }))).size;
      n += (await this.fs.readFile(path).catch(() => Buffer.alloc(0))).toString('utf8').split('\n').filter(Boolean).length;
      await this.serial(() => this.fs.unlink(path).catch(() => undefined));
      this.noteRemovedBytes(size);
    }
    return n;
  }

  /** Temporary files of windows that died while compacting or writing the lock. */
  private async removeStaleTemporaries(): Promise<void> {
    for (const name of await this.fs.readdir(this.dir)) {
      const writer = /(\d+-[0-9a-f]{8})/.exec(name)?.[1];
      if (name.endsWith('.tmp') && writer && !isWriterAlive(writer)) await this.fs.unlink(join(this.dir, name)).catch(() => undefined);
    }
  }

  /** Reports torn or unreadable lines found while recovering from a crash. */
  reportTorn(count: number, detail: string): void {
    if (count <= 0) return;
    this._state.torn += count;
    this.log.warn(`Outbox: ${count} incomplete line(s) left by an interrupted write were skipped (${detail}).`);
    this.pushMarker('outbox-torn', count, detail);
    this.fireState();
  }

  noteRemovedBytes(bytes: number): void {
    this.usedBytes = Math.max(0, this.usedBytes - bytes);
  }

  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
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

  private async flushNow(): Promise<void> {
    const now = this.clock.now();
    if (now - this.usageMeasuredAt >= (this._state.full ? Math.min(this.usageRefreshMs, 500) : this.usageRefreshMs)) {
      await this.measureUsage();
    }
    // after a failed write, try the disk again now and then; a new failure makes it full again
    if (this.diskFull && now - this.fullSince >= this.usageRefreshMs) this.diskFull = false;
    if (this.lowDisk && this.freeBytes >= this.minFreeBytes + Math.min(this.minFreeBytes / 4 + 64 * 1024, 16 * 1024 * 1024)) this.lowDisk = false;
    if (this._state.full && !this.diskFull && !this.lowDisk && this.usedBytes + this.bufferedBytes <= this.maxBytes * this.resumeFraction) {
      this.leaveFull();
    }
    if (this.buffer.length) await this.writeBuffer();
    // while full, close the segment so the sender can delete it once delivered and free space
    if (this.seg && (this.seg.size >= this.segmentBytes || now - this.seg.created >= this.segmentMaxAgeMs || this._state.full)) {
      await this.sealSegment();
    } else if (this.seg && this.unsynced && now - this.lastSync >= this.syncIntervalMs) {
      await this.seg.handle.datasync();
      this.unsynced = false;
      this.lastSync = now;
    }
  }

  private diskFull = false;
  private lowDisk = false;

  private async writeBuffer(): Promise<void> {
    const items = this.buffer;
    this.buffer = [];
    this.bufferedBytes = 0;
    let data = '';
    for (const b of items) data += b.line;
    const buf = Buffer.from(data);
    let seg = this.seg;
    try {
      if (!seg) {
        const created = this.clock.now();
        const stem = segmentStem(created, this.segCounter++, this.writerId);
        const handle = await this.fs.open(join(this.dir, stem + SEGMENT_OPEN), 'a');
        seg = this.seg = { stem, handle, size: 0, created };
      }
      await writeAll(seg.handle, buf);
    } catch (e) {
      // never leave half a line behind: cut the segment back to its last complete write
      if (seg) await seg.handle.truncate(seg.size).catch(() => undefined);
      const code = errCode(e);
      const lost = lostCount(items);
      if (code === 'ENOSPC' || code === 'EDQUOT') {
        this.diskFull = true;
        this.becomeFull('The disk holding the Codetrail outbox is full: recording is paused until space is freed.');
        this.log.error(`Outbox: the disk is full; ${lost} event(s) could not be stored.`);
      } else {
        this.becomeFull(`The Codetrail outbox cannot be written (${code ?? 'error'}): recording is paused.`);
        this.log.error(`Outbox: write failed (${String(e)}); ${lost} event(s) could not be stored.`);
      }
      this.fullSince = this.clock.now();
      this._state.refused += lost;
      this.fireState();
      return;
    }
    seg.size += buf.length;
    this.usedBytes += buf.length;
    this.freeBytes -= buf.length;
    this.unsynced = true;
    this.flushedEmitter.fire();
  }

  private async sealSegment(): Promise<void> {
    const seg = this.seg;
    if (!seg) return;
    this.seg = undefined;
    try {
      await seg.handle.datasync();
    } finally {
      await seg.handle.close();
    }
    this.unsynced = false;
    this.lastSync = this.clock.now();
    await this.fs.rename(join(this.dir, seg.stem + SEGMENT_OPEN), join(this.dir, seg.stem + SEGMENT_SEALED));
  }

  private async measureUsage(): Promise<void> {
    let total = 0;
    for (const name of await this.fs.readdir(this.dir)) {
      try {
        total += (await this.fs.stat(join(this.dir, name))).size;
      } catch (e) {
        if (errCode(e) !== 'ENOENT') throw e;
      }
    }
    this.usedBytes = total;
    this.usageMeasuredAt = this.clock.now();
    if (this.fs.statfs) {
      try {
        const st = await this.fs.statfs(this.dir);
        // written since this measure is subtracted again on append, so start from what is free now
        this.freeBytes = Number(st.bavail) * Number(st.bsize);
      } catch {
        this.freeBytes = Infinity;
      }
    }
  }

  private becomeFull(message: string): void {
    if (this._state.full) return;
    this._state = { ...this._state, full: true, refused: 0, message };
    this.fullSince = this.clock.now();
    this.log.warn(`Outbox: ${message}`);
    this.fireState();
  }

  private leaveFull(): void {
    const refused = this._state.refused;
    this.diskFull = false;
    this.lowDisk = false;
    this._state = { full: false, refused: 0, torn: this._state.torn };
    this.log.info(`Outbox: accepting events again; ${refused} event(s) were refused while it was full.`);
    if (refused > 0) this.pushMarker('outbox-dropped', refused, `refused while the outbox was full, from ${this.fullSince} to ${this.clock.now()}`);
    this.fireState();
  }

  private pushMarker(what: MarkerWhat, count: number, detail: string): void {
    const event = this.stampMarker({ kind: 'marker', what, count, detail: detail.slice(0, 1000), time: this.clock.now() });
    const line = JSON.stringify(event) + '\n';
    const bytes = Buffer.byteLength(line);
    // markers bypass the bound: they are tiny and say what was lost
    this.buffer.push({ id: event.id, line, bytes, event });
    this.bufferedBytes += bytes;
  }

  private defaultMarker(body: MarkerBody): TrajectoryEvent {
    return {
      ...body,
      schema: SCHEMA_VERSION,
      id: uuidv7(),
      sessionId: this.markerSession,
      seq: this.markerSeq++,
      consent: { state: 'recording', policyVersion: 0 },
    };
  }

  private fireState(): void {
    this.stateEmitter.fire(this.state);
  }
}

/** Events lost with a failed write, counting what a lost drop marker itself stood for. */
function lostCount(items: readonly Buffered[]): number {
  let n = 0;
  for (const b of items) n += b.event.kind === 'marker' && b.event.what === 'outbox-dropped' ? b.event.count : 1;
  return n;
}

export function addDone(done: Map<string, Map<string, DoneTag>>, e: DoneEntry): void {
  let m = done.get(e.stem);
  if (!m) done.set(e.stem, (m = new Map()));
  m.set(e.id, e.tag);
}

export async function writeAll(h: FileHandle, buf: Buffer): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await h.write(buf, off, buf.length - off, null);
    if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
    off += bytesWritten;
  }
}

function formatMb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
