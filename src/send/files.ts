// Names and helpers for the files in an outbox folder. Every writer (one per window) owns its
// segment and done files, so appends from several processes never interleave within a file.
import * as fsp from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';

/** The file-system calls the outbox uses; tests swap in a faulty one to simulate a full disk. */
export type OutboxFs = Pick<
  typeof fsp,
  'mkdir' | 'readdir' | 'stat' | 'open' | 'rename' | 'unlink' | 'readFile' | 'writeFile' | 'truncate' | 'appendFile'
> & { statfs?: (path: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }> };

export const realFs: OutboxFs = fsp;

export const SEGMENT_OPEN = '.open';
export const SEGMENT_SEALED = '.jsonl';

/** seg-<created ms>-<counter>-<writer>.open|.jsonl: sorting names sorts segments by age. */
export interface SegmentName {
  name: string;
  stem: string;
  writerId: string;
  sealed: boolean;
}

export interface DoneName {
  name: string;
  writerId: string;
}

const SEG_RE = /^(seg-\d{13}-\d{6}-(\d+-[0-9a-f]{8}))(\.open|\.jsonl)$/;
const DONE_RE = /^done-(\d+-[0-9a-f]{8})-\d{6}\.log$/;
const DEAD_RE = /^dead-(\d+-[0-9a-f]{8})\.jsonl$/;

export function parseSegmentName(name: string): SegmentName | undefined {
  const m = SEG_RE.exec(name);
  if (!m) return undefined;
  return { name, stem: m[1], writerId: m[2], sealed: m[3] === SEGMENT_SEALED };
}

export function parseDoneName(name: string): DoneName | undefined {
  const m = DONE_RE.exec(name);
  return m ? { name, writerId: m[1] } : undefined;
}

export function isDeadLetterName(name: string): boolean {
  return DEAD_RE.test(name);
}

export function segmentStem(createdMs: number, counter: number, writerId: string): string {
  return `seg-${String(createdMs).padStart(13, '0')}-${String(counter % 1e6).padStart(6, '0')}-${writerId}`;
}

export function doneFileName(writerId: string, counter: number): string {
  return `done-${writerId}-${String(counter % 1e6).padStart(6, '0')}.log`;
}

export function deadLetterFileName(writerId: string): string {
  return `dead-${writerId}.jsonl`;
}

// Writers of this process still open; a writer id of this pid not listed here was disposed.
const liveLocalWriters = new Set<string>();

export function newWriterId(): string {
  const id = `${process.pid}-${randomBytes(4).toString('hex')}`;
  liveLocalWriters.add(id);
  return id;
}

export function retireWriterId(id: string): void {
  liveLocalWriters.delete(id);
}

export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the writer that owns a file may still append to it. */
export function isWriterAlive(writerId: string): boolean {
  const pid = Number(writerId.split('-')[0]);
  if (pid === process.pid) return liveLocalWriters.has(writerId);
  return pidAlive(pid);
}

export function errCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

export function isDiskFull(e: unknown): boolean {
  const c = errCode(e);
  return c === 'ENOSPC' || c === 'EDQUOT';
}

/** Done log line: "<tag> <segment stem> <event id>". a = acknowledged, r = removed by the user, d = dead-lettered. */
export type DoneTag = 'a' | 'r' | 'd';

export interface DoneEntry {
  tag: DoneTag;
  stem: string;
  id: string;
}

export function formatDone(entries: readonly DoneEntry[]): string {
  let s = '';
  for (const e of entries) s += `${e.tag} ${e.stem} ${e.id}\n`;
  return s;
}

/** Parses complete done lines; anything malformed (a torn tail) is skipped. */
export function parseDoneLines(text: string, into: (e: DoneEntry) => void): void {
  for (const line of text.split('\n')) {
    const parts = line.split(' ');
    if (parts.length !== 3) continue;
    const [tag, stem, id] = parts;
    if ((tag === 'a' || tag === 'r' || tag === 'd') && stem.startsWith('seg-') && id.length > 0) into({ tag, stem, id });
  }
}

export async function writeAll(h: FileHandle, buf: Buffer): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await h.write(buf, off, buf.length - off, null);
    if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
    off += bytesWritten;
  }
}

/**
 * Overwrites the selected lines of a JSON-lines file with spaces of the same length, in place,
 * so a window still appending to the file is not disturbed; returns how many.
 */
export async function blankLines(fs: OutboxFs, path: string, select: (line: string) => boolean): Promise<number> {
  let data: Buffer;
  try {
    data = await fs.readFile(path);
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
  const fh = await fs.open(path, 'r+');
  try {
    for (const [a, b] of spans) await fh.write(Buffer.alloc(b - a, 32), 0, b - a, a);
    await fh.datasync();
  } finally {
    await fh.close();
  }
  return spans.length;
}
