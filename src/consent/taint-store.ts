// What the extension keeps on this machine so that text typed while capture was off stays
// out of every later record, across reloads, restarts, renames and closed files — never the
// text itself, only keyed fingerprints:
//   fp-<day>.bin     fingerprints of off-window text (8 bytes each), one file a day, shared by
//                    every window (appended); a fingerprint seen again is re-added to today's file
//   mem/<hash>.json  the last known state of each file: a keyed hash of each line, which lines
//                    were tainted, and when (written when a file is closed, the window ends,
//                    and every few seconds for files that changed)
//   off-<writer>.json the off windows of each editor window: when capture stopped and resumed
// Everything older than the retention (180 days by default) is deleted.
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { diffArrays } from 'diff';
import { FingerprintLedger, type LineRange } from './fingerprints';
import type { DocumentOrigin, TaintOracle } from '../capture/recorder';
import { linesOf } from '../capture/render';

export interface TaintStoreOptions {
  dir: string;
  key: Buffer;
  /** This window's id (pid-random), as the outbox uses. */
  writerId: string;
  /** Whether another window's writer is still running. */
  isAlive?: (writerId: string) => boolean;
  retentionDays?: number;
  now?: () => number;
  warn?: (message: string) => void;
}

interface FileMemory {
  time: number;
  lines: number[];
  tainted: number[];
}

interface OffLog {
  intervals: [number, number][];
  open?: number;
  /** Last time this writer said it was alive (while off). */
  beat: number;
}

const DAY = 86_400_000;
const FP_RE = /^fp-(\d+)\.bin$/;
const OFF_RE = /^off-(.+)\.json$/;
const MAX_MEMORIES = 5000;
const BEAT_MS = 60_000;

export class TaintStore implements TaintOracle {
  readonly ledger: FingerprintLedger;
  private readonly now: () => number;
  private readonly retentionDays: number;
  /** Bytes of each fingerprint file already read. */
  private readonly readOffsets = new Map<string, number>();
  private readonly pendingMemories = new Map<string, FileMemory | null>();
  private off: OffLog;
  private otherOff: { intervals: [number, number][]; at: number } = { intervals: [], at: 0 };

  constructor(private readonly opts: TaintStoreOptions) {
    this.now = opts.now ?? Date.now;
    this.retentionDays = opts.retentionDays ?? 180;
    this.ledger = new FingerprintLedger(opts.key, {}, () => Math.floor(this.now() / DAY));
    this.off = { intervals: [], beat: this.now() };
    mkdirSync(join(opts.dir, 'mem'), { recursive: true, mode: 0o700 });
    this.expire();
    this.readFingerprints();
  }

  // ---- TaintHooks ------------------------------------------------------------------

  recognize(line: string, strict = false): readonly LineRange[] | undefined {
    return this.ledger.match(line, strict);
  }

  fingerprint(line: string, tainted: readonly LineRange[]): void {
    this.ledger.add(line, tainted);
  }

  // ---- TaintOracle -----------------------------------------------------------------

  initialTaint(key: string, text: string, origin: DocumentOrigin): LineRange[] {
    const now = this.now();
    const lines = linesOf(text);
    const whole = (idx: Iterable<number>) => [...idx].map((i) => [lines[i].start, lines[i].end] as const).filter(([a, b]) => b > a);
    const mem = this.pendingMemories.get(key) ?? this.readMemory(key);
    if (mem) {
      const hashes = lines.map((l) => this.ledger.lineHash(stripCr(l.text)));
      const wasTainted = new Set(mem.tainted);
      const offSince = this.offBetween(mem.time, now);
      const out = new Set<number>();
      let o = 0;
      let n = 0;
      const parts = diffArrays(mem.lines, hashes, { timeout: 100 });
      if (!parts) {
        // Too different to align in time: every line the memory does not hold counts as changed.
        const known = new Set(mem.lines);
        return whole(hashes.flatMap((h, i) => (offSince && !known.has(h) ? [i] : [])));
      }
      for (const part of parts) {
        const count = part.value.length;
        if (part.removed) {
          o += count;
          continue;
        }
        if (part.added) {
          // Changed while no window was watching: tainted if capture may have been off meanwhile.
          if (offSince) for (let i = 0; i < count; i++) out.add(n + i);
          n += count;
          continue;
        }
        for (let i = 0; i < count; i++) if (wasTainted.has(o + i)) out.add(n + i);
        o += count;
        n += count;
      }
      return whole([...out].sort((a, b) => a - b));
    }
    if (text.length === 0) return [];
    // Never seen: unknown origin when it is an unsaved buffer, or was written while capture was off.
    const unknown =
      origin.untitled ||
      (origin.mtime !== undefined && this.offBetween(origin.mtime, origin.mtime)) ||
      (origin.birthtime !== undefined && this.offBetween(origin.birthtime, origin.birthtime));
    return unknown ? whole(lines.keys()) : [];
  }

  remember(key: string, text: string, taint: readonly LineRange[]): void {
    const lines = linesOf(text);
    const tainted: number[] = [];
    let t = 0;
    lines.forEach((l, i) => {
      while (t < taint.length && taint[t][1] <= l.start) t++;
      // A line counts as tainted by its content, not by its line break.
      const contentEnd = l.start + (l.text.endsWith('\r') ? l.text.length - 1 : l.text.length);
      if (t < taint.length && taint[t][0] < contentEnd && contentEnd > l.start) tainted.push(i);
    });
    this.pendingMemories.set(key, { time: this.now(), lines: lines.map((l) => this.ledger.lineHash(stripCr(l.text))), tainted });
  }

  moved(oldKey: string, newKey: string): void {
    const mem = this.pendingMemories.get(oldKey) ?? this.readMemory(oldKey);
    if (mem) this.pendingMemories.set(newKey, mem);
    this.pendingMemories.set(oldKey, null);
  }

  captureStopped(since: number): void {
    if (this.off.open !== undefined) return;
    this.off.open = since;
    this.off.beat = this.now();
    this.writeOff();
  }

  captureResumed(): void {
    if (this.off.open === undefined) return;
    this.off.intervals.push([this.off.open, this.now()]);
    this.off.open = undefined;
    this.writeOff();
  }

  /** Writes pending fingerprints and file states; reads what other windows added. */
  flush(): void {
    try {
      const fresh = this.ledger.takeFresh();
      if (fresh.length > 0) {
        const buf = Buffer.alloc(fresh.length * 8);
        fresh.forEach((v, i) => buf.writeDoubleLE(v, i * 8));
        const name = `fp-${Math.floor(this.now() / DAY)}.bin`;
        appendFileSync(join(this.opts.dir, name), buf, { mode: 0o600 });
        this.readOffsets.set(name, (this.readOffsets.get(name) ?? 0) + buf.length);
      }
      for (const [key, mem] of this.pendingMemories) {
        const path = this.memoryPath(key);
        if (mem !== null) writeAtomic(path, JSON.stringify(mem));
        else if (existsSync(path)) unlinkSync(path);
        this.pendingMemories.delete(key);
      }
      if (this.off.open !== undefined && this.now() - this.off.beat > BEAT_MS / 2) {
        this.off.beat = this.now();
        this.writeOff();
      }
      this.readFingerprints();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.opts.warn?.(`consent memory not saved: ${(err as Error).message}`);
    }
  }

  // ---- off windows -----------------------------------------------------------------

  /** Whether capture may have been off, in this or any window, at some time in [a, b]. */
  offBetween(a: number, b: number): boolean {
    const overlaps = ([from, to]: [number, number]) => from <= b && to >= a;
    if (this.off.open !== undefined && overlaps([this.off.open, this.now()])) return true;
    if (this.off.intervals.some(overlaps)) return true;
    return this.othersOff().some(overlaps);
  }

  private othersOff(): [number, number][] {
    const now = this.now();
    if (now - this.otherOff.at < 2000) return this.otherOff.intervals;
    const out: [number, number][] = [];
    for (const name of safeReaddir(this.opts.dir)) {
      const m = OFF_RE.exec(name);
      if (!m || m[1] === this.opts.writerId) continue;
      try {
        const log = JSON.parse(readFileSync(join(this.opts.dir, name), 'utf8')) as OffLog;
        out.push(...log.intervals);
        if (log.open !== undefined) {
          // A window that stopped while off was off until it went away, as far as anyone knows.
          const alive = this.opts.isAlive?.(m[1]) ?? false;
          out.push([log.open, alive ? now : log.beat + BEAT_MS]);
        }
      } catch {
        // a log being replaced, or damaged: the next read sees it
      }
    }
    this.otherOff = { intervals: out, at: now };
    return out;
  }

  private writeOff(): void {
    const horizon = this.now() - this.retentionDays * DAY;
    this.off.intervals = this.off.intervals.filter(([, to]) => to >= horizon);
    try {
      writeAtomic(join(this.opts.dir, `off-${this.opts.writerId}.json`), JSON.stringify(this.off));
    } catch (err) {
      this.opts.warn?.(`consent memory not saved: ${(err as Error).message}`);
    }
  }

  // ---- files -----------------------------------------------------------------------

  private memoryPath(key: string): string {
    return join(this.opts.dir, 'mem', createHash('sha256').update(key).digest('hex').slice(0, 32) + '.json');
  }

  private readMemory(key: string): FileMemory | undefined {
    try {
      const m = JSON.parse(readFileSync(this.memoryPath(key), 'utf8')) as FileMemory;
      return Array.isArray(m.lines) && Array.isArray(m.tainted) ? m : undefined;
    } catch {
      return undefined;
    }
  }

  private readFingerprints(): void {
    const horizon = Math.floor(this.now() / DAY) - this.retentionDays;
    for (const name of safeReaddir(this.opts.dir)) {
      const m = FP_RE.exec(name);
      if (!m) continue;
      const day = Number(m[1]);
      if (day < horizon) continue;
      const path = join(this.opts.dir, name);
      const from = this.readOffsets.get(name) ?? 0;
      let size: number;
      try {
        size = statSync(path).size;
      } catch {
        continue;
      }
      const whole = size - ((size - from) % 8);
      if (whole <= from) continue;
      const buf = readRange(path, from, whole - from);
      for (let i = 0; i + 8 <= buf.length; i += 8) this.ledger.load(buf.readDoubleLE(i), day);
      this.readOffsets.set(name, from + buf.length);
    }
  }

  /** Deletes fingerprint files, file states and off logs past the retention. */
  private expire(): void {
    const now = this.now();
    const horizonDay = Math.floor(now / DAY) - this.retentionDays;
    for (const name of safeReaddir(this.opts.dir)) {
      const fp = FP_RE.exec(name);
      const off = OFF_RE.exec(name);
      try {
        if (fp && Number(fp[1]) < horizonDay) unlinkSync(join(this.opts.dir, name));
        if (off && off[1] !== this.opts.writerId && !(this.opts.isAlive?.(off[1]) ?? false)) {
          const log = JSON.parse(readFileSync(join(this.opts.dir, name), 'utf8')) as OffLog;
          const last = Math.max(log.beat, ...log.intervals.map(([, to]) => to));
          if (last < now - this.retentionDays * DAY) unlinkSync(join(this.opts.dir, name));
        }
      } catch {
        // left for the next start
      }
    }
    const memDir = join(this.opts.dir, 'mem');
    const mems = safeReaddir(memDir)
      .map((name) => {
        try {
          return { name, mtime: statSync(join(memDir, name)).mtimeMs };
        } catch {
          return { name, mtime: 0 };
        }
      })
      .sort((a, b) => b.mtime - a.mtime);
    mems.forEach((m, i) => {
      if (i >= MAX_MEMORIES || m.mtime < now - this.retentionDays * DAY) {
        try {
          unlinkSync(join(memDir, m.name));
        } catch {
          /* gone */
        }
      }
    });
  }
}

function stripCr(l: string): string {
  return l.endsWith('\r') ? l.slice(0, -1) : l;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readRange(path: string, from: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, from);
    return buf.subarray(0, n - (n % 8));
  } finally {
    closeSync(fd);
  }
}

function writeAtomic(path: string, data: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  renameSync(tmp, path);
}
