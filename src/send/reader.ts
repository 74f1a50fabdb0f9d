// The sending window's cursor over every window's segments: reads complete lines in order,
// skips ids already done, records acknowledgements, recovers segments left open by a crashed
// window (cutting a torn last line), deletes finished segments and compacts done logs.
import { join } from 'node:path';
import type { TrajectoryEvent } from '@codetrail/protocol';
import type { DeadLetters } from './dead-letters';
import { addDone, type DoneLog, type DoneMap } from './done-log';
import { SEGMENT_SEALED, errCode, isDiskFull, isWriterAlive, parseDoneLines, formatDone, type DoneEntry, type DoneTag } from './files';
import type { OutboxFolder } from './folder';
import { listSegments } from './segments';
import type { SentJournal } from './sent-journal';

/** One pending event as read from a segment. */
export interface OutboxItem {
  id: string;
  stem: string;
  /** The event exactly as stored (JSON, no newline). */
  line: string;
  bytes: number;
  event: TrajectoryEvent;
}

interface SegState {
  stem: string;
  name: string;
  sealed: boolean;
  writerId: string;
  /** Bytes of the file consumed into `carry` and `queue`. */
  offset: number;
  /** An incomplete last line, waiting for the rest. */
  carry: Buffer;
  queue: OutboxItem[];
  qi: number;
  outstanding: number;
  eof: boolean;
}

const CHUNK = 1024 * 1024;
const EMPTY = Buffer.alloc(0);

export class OutboxReader {
  private files = new Map<string, SegState>();
  private done: DoneMap = new Map();
  private doneOffsets = new Map<string, number>();
  private doneCarry = new Map<string, string>();
  private deletedSinceCompaction = 0;
  private lastCompaction = 0;

  constructor(
    private readonly folder: OutboxFolder,
    private readonly doneLog: DoneLog,
    private readonly settled: { deadLetters: DeadLetters; journal: SentJournal },
  ) {}

  /** Takes up to maxCount events / maxBytes of JSON, oldest segment first, and marks them in flight. */
  async nextBatch(maxCount: number, maxBytes: number): Promise<OutboxItem[]> {
    await this.refresh();
    const batch: OutboxItem[] = [];
    let bytes = 0;
    const files = [...this.files.values()].sort((a, b) => (a.stem < b.stem ? -1 : 1));
    outer: for (const st of files) {
      for (;;) {
        while (st.qi < st.queue.length) {
          const it = st.queue[st.qi];
          if (this.isDone(it.stem, it.id)) {
            st.qi++;
            continue;
          }
          if (batch.length >= maxCount || (batch.length > 0 && bytes + it.bytes > maxBytes)) break outer;
          st.qi++;
          batch.push(it);
          bytes += it.bytes;
          st.outstanding++;
        }
        st.queue = [];
        st.qi = 0;
        if (st.eof) break;
        const more = await this.readMore(st);
        if (more === 'renamed') break outer; // keep a window's segments in order: look again next time
        if (!more) break;
      }
    }
    return batch;
  }

  /** Records a batch as acknowledged ('a') or dead-lettered ('d'); they will not be sent again. */
  async settle(items: readonly OutboxItem[], tag: DoneTag): Promise<void> {
    const entries: DoneEntry[] = items.map((i) => ({ tag, stem: i.stem, id: i.id }));
    // an acknowledgement lost to a power cut only causes a resend, which the service deduplicates
    try {
      await this.doneLog.append(entries, tag !== 'a');
    } catch (e) {
      // on a full disk keep acknowledgements in memory: deleting the delivered segment frees space
      if (tag !== 'a' || !isDiskFull(e)) throw e;
      this.folder.log.warn('Outbox: the disk is full; delivered events are remembered in memory until their segment is deleted.');
    }
    for (const e of entries) addDone(this.done, e);
    if (tag === 'a') await this.settled.journal.record(items.map((i) => i.line));
    for (const i of items) {
      const st = this.files.get(i.stem);
      if (st) st.outstanding = Math.max(0, st.outstanding - 1);
    }
  }

  /** Moves events to the dead-letter file with the reason, then marks them done. */
  async deadLetter(items: readonly OutboxItem[], status: number, reason: string): Promise<void> {
    await this.settled.deadLetters.append(items.map((i) => ({ line: i.line, status, reason })));
    await this.settle(items, 'd');
  }

  /** Deletes segments whose every event is done; compacts done logs now and then. */
  async cleanup(): Promise<number> {
    let deleted = 0;
    for (const st of [...this.files.values()]) {
      if (!st.sealed || !st.eof || st.qi < st.queue.length || st.carry.length || st.outstanding) continue;
      try {
        await this.folder.fs.unlink(join(this.folder.dir, st.name));
      } catch (e) {
        if (errCode(e) !== 'ENOENT') throw e;
      }
      this.folder.noteRemovedBytes(st.offset);
      this.files.delete(st.stem);
      this.done.delete(st.stem);
      deleted++;
    }
    this.deletedSinceCompaction += deleted;
    const now = this.folder.clock.now();
    if (this.deletedSinceCompaction > 0 && now - this.lastCompaction >= 10_000) {
      this.lastCompaction = now;
      this.deletedSinceCompaction = 0;
      await this.compact();
    }
    return deleted;
  }

  /** Pending events known to this reader (read so far and not done), for status display. */
  get inFlight(): number {
    let n = 0;
    for (const st of this.files.values()) n += st.outstanding;
    return n;
  }

  // ---- internals ----

  private isDone(stem: string, id: string): boolean {
    return this.done.get(stem)?.has(id) ?? false;
  }

  private async refresh(): Promise<void> {
    await this.refreshDone();
    const seen = new Set<string>();
    for (const s of await listSegments(this.folder.fs, this.folder.dir)) {
      seen.add(s.stem);
      let st = this.files.get(s.stem);
      if (!st) {
        st = {
          stem: s.stem,
          name: s.name,
          sealed: s.sealed,
          writerId: s.writerId,
          offset: 0,
          carry: EMPTY,
          queue: [],
          qi: 0,
          outstanding: 0,
          eof: false,
        };
        this.files.set(s.stem, st);
      }
      st.name = s.name;
      st.sealed = s.sealed;
      if (!s.sealed && !isWriterAlive(s.writerId)) await this.recover(st);
    }
    for (const [stem, st] of this.files) {
      if (!seen.has(stem) && st.outstanding === 0) {
        this.files.delete(stem);
        this.done.delete(stem);
      }
    }
  }

  /** Reads new lines of every window's done logs (removals made in other windows). */
  private async refreshDone(): Promise<void> {
    const files = await this.doneLog.listFiles();
    const names = new Set(files.map((f) => f.name));
    for (const k of [...this.doneOffsets.keys()]) {
      if (!names.has(k)) {
        this.doneOffsets.delete(k);
        this.doneCarry.delete(k);
      }
    }
    for (const f of files) {
      const path = join(this.folder.dir, f.name);
      const from = this.doneOffsets.get(f.name) ?? 0;
      let size: number;
      try {
        size = (await this.folder.fs.stat(path)).size;
      } catch (e) {
        if (errCode(e) === 'ENOENT') continue;
        throw e;
      }
      if (size <= from) continue;
      const h = await this.folder.fs.open(path, 'r');
      try {
        const buf = Buffer.allocUnsafe(size - from);
        const { bytesRead } = await h.read(buf, 0, buf.length, from);
        const text = (this.doneCarry.get(f.name) ?? '') + buf.toString('utf8', 0, bytesRead);
        const end = text.lastIndexOf('\n') + 1;
        parseDoneLines(text.slice(0, end), (e) => addDone(this.done, e));
        this.doneCarry.set(f.name, text.slice(end));
        this.doneOffsets.set(f.name, from + bytesRead);
      } finally {
        await h.close();
      }
    }
  }

  /** Reads the next chunk of a segment into its queue. */
  private async readMore(st: SegState): Promise<boolean | 'renamed'> {
    let h;
    try {
      h = await this.folder.fs.open(join(this.folder.dir, st.name), 'r');
    } catch (e) {
      if (errCode(e) === 'ENOENT') return 'renamed';
      throw e;
    }
    let bytesRead: number;
    const buf = Buffer.allocUnsafe(CHUNK);
    try {
      ({ bytesRead } = await h.read(buf, 0, CHUNK, st.offset));
    } finally {
      await h.close();
    }
    if (bytesRead === 0) {
      if (st.sealed) {
        st.eof = true;
        if (st.carry.length) {
          this.folder.reportTorn(1, `${st.carry.length} bytes at the end of ${st.stem}`);
          st.carry = EMPTY;
        }
      }
      return false;
    }
    st.offset += bytesRead;
    const data = st.carry.length ? Buffer.concat([st.carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
    let start = 0;
    let corrupt = 0;
    for (;;) {
      const nl = data.indexOf(10, start);
      if (nl < 0) break;
      if (nl > start && data[start] !== 32) {
        // a line of spaces was scrubbed by a purge
        const line = data.toString('utf8', start, nl);
        try {
          const event = JSON.parse(line) as TrajectoryEvent;
          if (typeof event?.id !== 'string') throw new Error('no id');
          st.queue.push({ id: event.id, stem: st.stem, line, bytes: nl - start, event });
        } catch {
          corrupt++;
        }
      }
      start = nl + 1;
    }
    st.carry = Buffer.from(data.subarray(start));
    if (corrupt) this.folder.reportTorn(corrupt, `unreadable line(s) in ${st.stem}`);
    return true;
  }

  /** A segment left open by a window that is gone: cut any torn last line and close it. */
  private async recover(st: SegState): Promise<void> {
    const path = join(this.folder.dir, st.name);
    const fs = this.folder.fs;
    let size: number;
    try {
      size = (await fs.stat(path)).size;
    } catch (e) {
      if (errCode(e) === 'ENOENT') return;
      throw e;
    }
    const keep = await endOfLastLine(fs, path, size);
    if (keep < size) {
      await fs.truncate(path, keep);
      this.folder.noteRemovedBytes(size - keep);
      if (st.offset > keep) st.offset = keep;
      st.carry = EMPTY;
      this.folder.reportTorn(1, `${size - keep} bytes at the end of ${st.stem}, left by a window that stopped mid-write`);
    }
    const sealedName = st.stem + SEGMENT_SEALED;
    await fs.rename(path, join(this.folder.dir, sealedName));
    st.name = sealedName;
    st.sealed = true;
  }

  /** Merges finished done logs into one holding only ids of segments that still exist. */
  private async compact(): Promise<void> {
    const ob = this.folder;
    await this.doneLog.rotate();
    const current = this.doneLog.currentName;
    const candidates = (await this.doneLog.listFiles()).filter(
      (f) => f.name !== current && (f.writerId === ob.writerId || !isWriterAlive(f.writerId)),
    );
    if (candidates.length < 2) return;
    const existing = new Set((await listSegments(ob.fs, ob.dir)).map((s) => s.stem));
    const kept = new Map<string, DoneEntry>();
    let oldBytes = 0;
    for (const f of candidates) {
      const text = (await ob.fs.readFile(join(ob.dir, f.name))).toString('utf8');
      oldBytes += Buffer.byteLength(text);
      parseDoneLines(text, (e) => {
        if (existing.has(e.stem)) kept.set(e.stem + ' ' + e.id, e);
      });
    }
    const data = formatDone([...kept.values()]);
    if (data) {
      const name = this.doneLog.nextName();
      const tmp = join(ob.dir, name + '.tmp');
      const h = await ob.fs.open(tmp, 'w');
      try {
        await h.writeFile(data);
        await h.datasync();
      } finally {
        await h.close();
      }
      await ob.fs.rename(tmp, join(ob.dir, name));
      this.doneOffsets.set(name, Buffer.byteLength(data));
    }
    for (const f of candidates) {
      await ob.fs.unlink(join(ob.dir, f.name)).catch(() => undefined);
      this.doneOffsets.delete(f.name);
      this.doneCarry.delete(f.name);
    }
    ob.noteRemovedBytes(Math.max(0, oldBytes - Buffer.byteLength(data)));
  }
}

/** Offset just past the last newline of a file (0 if it has none), reading backwards. */
async function endOfLastLine(fs: OutboxFolder['fs'], path: string, size: number): Promise<number> {
  const h = await fs.open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - buf.length);
      const { bytesRead } = await h.read(buf, 0, end - start, start);
      const i = buf.subarray(0, bytesRead).lastIndexOf(10);
      if (i >= 0) return start + i + 1;
      end = start;
    }
    return 0;
  } finally {
    await h.close();
  }
}
