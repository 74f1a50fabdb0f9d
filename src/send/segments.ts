// This window's segments and the folder's bound: events are buffered, written out to the
// window's open segment, and sealed by size or age; everything in the folder counts against
// the bound, and the disk is never filled. Markers record what was refused or torn.
import { join } from 'node:path';
import type { FileHandle } from 'node:fs/promises';
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION, type TrajectoryEvent } from '@codetrail/protocol';
import { Emitter } from './events';
import type { OutboxFolder } from './folder';
import { SEGMENT_OPEN, SEGMENT_SEALED, errCode, parseSegmentName, segmentStem, writeAll, type OutboxFs, type SegmentName } from './files';

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export type MarkerWhat = 'outbox-dropped' | 'outbox-torn';

export interface MarkerBody {
  kind: 'marker';
  what: MarkerWhat;
  count: number;
  detail?: string;
  time: number;
}

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

export interface SegmentOptions {
  maxBytes?: number;
  segmentBytes?: number;
  segmentMaxAgeMs?: number;
  usageRefreshMs?: number;
  syncIntervalMs?: number;
  minFreeBytes?: number;
  resumeFraction?: number;
  stampMarker?: (body: MarkerBody) => TrajectoryEvent;
}

/** An event appended but not yet written out. */
export interface Buffered {
  id: string;
  line: string;
  bytes: number;
  event: TrajectoryEvent;
}

type SegmentFolder = Pick<OutboxFolder, 'dir' | 'fs' | 'clock' | 'log' | 'writerId'>;

export class Segments {
  maxBytes: number;
  private readonly segmentBytes: number;
  private readonly segmentMaxAgeMs: number;
  private readonly usageRefreshMs: number;
  private readonly syncIntervalMs: number;
  private readonly resumeFraction: number;
  private readonly minFreeBytes: number;
  private readonly stampMarker: (body: MarkerBody) => TrajectoryEvent;

  private buffer: Buffered[] = [];
  private bufferedBytes = 0;
  private usedBytes = 0;
  private usageMeasuredAt = -Infinity;
  private freeBytes = Infinity;
  private seg: { stem: string; handle: FileHandle; size: number; created: number } | undefined;
  private segCounter = 0;
  private lastSync = 0;
  private unsynced = false;
  private fullSince = 0;
  private diskFull = false;
  private lowDisk = false;
  private markerSession = uuidv7();
  private markerSeq = 0;

  private _state: OutboxState = { full: false, refused: 0, torn: 0 };
  private readonly stateEmitter = new Emitter<OutboxState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly flushedEmitter = new Emitter<void>();
  readonly onDidFlush = this.flushedEmitter.event;

  constructor(
    private readonly folder: SegmentFolder,
    opts: SegmentOptions,
  ) {
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    this.segmentBytes = opts.segmentBytes ?? 4 * 1024 * 1024;
    this.segmentMaxAgeMs = opts.segmentMaxAgeMs ?? 5 * 60_000;
    this.usageRefreshMs = opts.usageRefreshMs ?? 2000;
    this.syncIntervalMs = opts.syncIntervalMs ?? 1000;
    this.resumeFraction = opts.resumeFraction ?? 0.9;
    this.minFreeBytes = opts.minFreeBytes ?? 64 * 1024 * 1024;
    this.stampMarker = opts.stampMarker ?? ((b) => this.defaultMarker(b));
  }

  get state(): OutboxState {
    return { ...this._state };
  }

  /** Bytes in the folder as last measured plus what this window has written since. */
  get usage(): number {
    return this.usedBytes + this.bufferedBytes;
  }

  /** Buffers an event within the bound; false when it is refused because the outbox is full. */
  accept(event: TrajectoryEvent): boolean {
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
      this.becomeFull(
        `The disk holding the Codetrail outbox is nearly full (under ${formatMb(this.minFreeBytes)} free): recording is paused until space is freed.`,
      );
      this._state.refused++;
      return false;
    }
    this.push(event);
    return true;
  }

  /** Buffers an event already counted in the folder (a requeued dead letter), whatever the bound. */
  requeue(event: TrajectoryEvent): void {
    this.push(event);
  }

  /** Events not yet written out, oldest first (a copy). */
  buffered(): readonly Buffered[] {
    return [...this.buffer];
  }

  /** Drops buffered events the predicate selects; returns how many. */
  removeBuffered(predicate: (event: TrajectoryEvent) => boolean): number {
    const before = this.buffer.length;
    this.buffer = this.buffer.filter((b) => !predicate(b.event));
    this.bufferedBytes = this.buffer.reduce((n, b) => n + b.bytes, 0);
    return before - this.buffer.length;
  }

  /** Writes out the buffer, and seals or syncs the open segment when due. Callers serialise it. */
  async flush(): Promise<void> {
    const now = this.folder.clock.now();
    if (now - this.usageMeasuredAt >= (this._state.full ? Math.min(this.usageRefreshMs, 500) : this.usageRefreshMs)) {
      await this.measureUsage();
    }
    // after a failed write, try the disk again now and then; a new failure makes it full again
    if (this.diskFull && now - this.fullSince >= this.usageRefreshMs) this.diskFull = false;
    if (this.lowDisk && this.freeBytes >= this.minFreeBytes + Math.min(this.minFreeBytes / 4 + 64 * 1024, 16 * 1024 * 1024))
      this.lowDisk = false;
    if (this._state.full && !this.diskFull && !this.lowDisk && this.usedBytes + this.bufferedBytes <= this.maxBytes * this.resumeFraction) {
      this.leaveFull();
    }
    if (this.buffer.length) await this.writeBuffer();
    // while full, close the segment so the sender can delete it once delivered and free space
    if (this.seg && (this.seg.size >= this.segmentBytes || now - this.seg.created >= this.segmentMaxAgeMs || this._state.full)) {
      await this.seal();
    } else if (this.seg && this.unsynced && now - this.lastSync >= this.syncIntervalMs) {
      await this.seg.handle.datasync();
      this.unsynced = false;
      this.lastSync = now;
    }
  }

  /** Closes this window's open segment under its sealed name. Callers serialise it. */
  async seal(): Promise<void> {
    const seg = this.seg;
    if (!seg) return;
    this.seg = undefined;
    try {
      await seg.handle.datasync();
    } finally {
      await seg.handle.close();
    }
    this.unsynced = false;
    this.lastSync = this.folder.clock.now();
    const { fs, dir } = this.folder;
    await fs.rename(join(dir, seg.stem + SEGMENT_OPEN), join(dir, seg.stem + SEGMENT_SEALED));
  }

  /** Measures every window's usage of the folder and the volume's free space. */
  async measureUsage(): Promise<void> {
    const { fs, dir } = this.folder;
    let total = 0;
    for (const name of await fs.readdir(dir)) {
      try {
        total += (await fs.stat(join(dir, name))).size;
      } catch (e) {
        if (errCode(e) !== 'ENOENT') throw e;
      }
    }
    this.usedBytes = total;
    this.usageMeasuredAt = this.folder.clock.now();
    if (fs.statfs) {
      try {
        const st = await fs.statfs(dir);
        // written since this measure is subtracted again on append, so start from what is free now
        this.freeBytes = Number(st.bavail) * Number(st.bsize);
      } catch {
        this.freeBytes = Infinity;
      }
    }
  }

  noteWrittenBytes(bytes: number): void {
    this.usedBytes += bytes;
  }

  noteRemovedBytes(bytes: number): void {
    this.usedBytes = Math.max(0, this.usedBytes - bytes);
  }

  /** Reports torn or unreadable lines found while recovering from a crash. */
  reportTorn(count: number, detail: string): void {
    if (count <= 0) return;
    this._state.torn += count;
    this.folder.log.warn(`Outbox: ${count} incomplete line(s) left by an interrupted write were skipped (${detail}).`);
    this.pushMarker('outbox-torn', count, detail);
    this.fireState();
  }

  dispose(): void {
    this.stateEmitter.dispose();
    this.flushedEmitter.dispose();
  }

  // ---- internals ----

  private push(event: TrajectoryEvent): void {
    const line = JSON.stringify(event) + '\n';
    const bytes = Buffer.byteLength(line);
    this.buffer.push({ id: event.id, line, bytes, event });
    this.bufferedBytes += bytes;
  }

  private async writeBuffer(): Promise<void> {
    const { fs, dir, clock, log } = this.folder;
    const items = this.buffer;
    this.buffer = [];
    this.bufferedBytes = 0;
    let data = '';
    for (const b of items) data += b.line;
    const buf = Buffer.from(data);
    let seg = this.seg;
    try {
      if (!seg) {
        const created = clock.now();
        const stem = segmentStem(created, this.segCounter++, this.folder.writerId);
        const handle = await fs.open(join(dir, stem + SEGMENT_OPEN), 'a');
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
        log.error(`Outbox: the disk is full; ${lost} event(s) could not be stored.`);
      } else {
        this.becomeFull(`The Codetrail outbox cannot be written (${code ?? 'error'}): recording is paused.`);
        log.error(`Outbox: write failed (${String(e)}); ${lost} event(s) could not be stored.`);
      }
      this.fullSince = clock.now();
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

  private becomeFull(message: string): void {
    if (this._state.full) return;
    this._state = { ...this._state, full: true, refused: 0, message };
    this.fullSince = this.folder.clock.now();
    this.folder.log.warn(`Outbox: ${message}`);
    this.fireState();
  }

  private leaveFull(): void {
    const refused = this._state.refused;
    this.diskFull = false;
    this.lowDisk = false;
    this._state = { full: false, refused: 0, torn: this._state.torn };
    this.folder.log.info(`Outbox: accepting events again; ${refused} event(s) were refused while it was full.`);
    if (refused > 0)
      this.pushMarker('outbox-dropped', refused, `refused while the outbox was full, from ${this.fullSince} to ${this.folder.clock.now()}`);
    this.fireState();
  }

  // markers bypass the bound: they are tiny and say what was lost
  private pushMarker(what: MarkerWhat, count: number, detail: string): void {
    this.push(this.stampMarker({ kind: 'marker', what, count, detail: detail.slice(0, 1000), time: this.folder.clock.now() }));
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

/** Every window's segments, oldest first. */
export async function listSegments(fs: OutboxFs, dir: string): Promise<SegmentName[]> {
  const names = await fs.readdir(dir);
  const segs = names.map(parseSegmentName).filter((s): s is SegmentName => !!s);
  // a segment being sealed can appear under both names for an instant; keep the sealed one
  const byStem = new Map<string, SegmentName>();
  for (const s of segs) if (!byStem.has(s.stem) || s.sealed) byStem.set(s.stem, s);
  return [...byStem.values()].sort((a, b) => (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0));
}

/** A segment's text; a segment sealed since it was listed is read under its new name. */
export async function readSegmentText(fs: OutboxFs, dir: string, seg: SegmentName): Promise<string | undefined> {
  const names = seg.sealed ? [seg.name] : [seg.name, seg.stem + SEGMENT_SEALED];
  for (const name of names) {
    try {
      return (await fs.readFile(join(dir, name))).toString('utf8');
    } catch (e) {
      if (errCode(e) !== 'ENOENT') throw e;
    }
  }
  return undefined;
}

/** Events lost with a failed write, counting what a lost drop marker itself stood for. */
function lostCount(items: readonly Buffered[]): number {
  let n = 0;
  for (const b of items) n += b.event.kind === 'marker' && b.event.what === 'outbox-dropped' ? b.event.count : 1;
  return n;
}

function formatMb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
