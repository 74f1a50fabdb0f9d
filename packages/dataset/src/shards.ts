// Sharded JSONL.gz output with bounded shards and byte-identical results for the same
// input. A shard is a series of gzip members (valid gzip, read by every gunzip, DuckDB and
// Python), each compressed on the thread pool so compression runs beside serialization;
// member headers carry no file name, no time and a fixed OS byte.
import { gzip as gzipCb } from 'node:zlib';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { createHash, type Hash } from 'node:crypto';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ShardInfo } from './types';

export const DEFAULT_MAX_SHARD_BYTES = 256 * 1024 * 1024;
/** Level 3 compresses 2.5x faster than zlib's default 6 for about 15% more bytes on trajectories. */
export const DEFAULT_GZIP_LEVEL = 3;
/** Text per gzip member: large enough that compression loses nothing to the split. */
const MEMBER_CHARS = 4 * 1024 * 1024;
const GZIP_OS_UNKNOWN = 255;
const gzipAsync = promisify(gzipCb);

/** The Hugging Face naming: train-00000-of-00003.jsonl.gz. */
export function shardName(index: number, count: number): string {
  const pad = (n: number) => String(n).padStart(5, '0');
  return `train-${pad(index)}-of-${pad(count)}.jsonl.gz`;
}

interface OpenShard {
  fh: FileHandle;
  hash: Hash;
  bytes: number;
  sessions: number;
  events: number;
  /** Characters of JSON written, newlines included (the shard bound). */
  chars: number;
  pending: string[];
  pendingChars: number;
  /** Members being compressed, written in order. */
  inflight: Promise<Buffer>[];
}

export class ShardWriter {
  private current: OpenShard | undefined;
  private readonly closed: Omit<ShardInfo, 'file'>[] = [];
  private readonly tmpNames: string[] = [];
  // a little more than the cores: serialization goes on while the pool compresses
  private readonly maxInflight = availableParallelism() + 2;

  constructor(
    private readonly dataDir: string,
    private readonly maxShardBytes: number = DEFAULT_MAX_SHARD_BYTES,
    private readonly gzipLevel: number = DEFAULT_GZIP_LEVEL,
  ) {}

  /** Appends one JSON line (without its newline) holding `events` events. */
  async write(line: string, events: number): Promise<void> {
    let s = this.current;
    if (s && s.chars > 0 && s.chars + line.length + 1 > this.maxShardBytes) {
      await this.closeCurrent();
      s = undefined;
    }
    if (!s) s = this.current = await this.openShard();
    s.pending.push(line);
    s.pendingChars += line.length + 1;
    s.chars += line.length + 1;
    s.sessions++;
    s.events += events;
    if (s.pendingChars >= MEMBER_CHARS) await this.compress(s);
  }

  /** Closes the last shard and gives every shard its final name. */
  async finish(): Promise<ShardInfo[]> {
    if (this.current) await this.closeCurrent();
    const count = this.closed.length;
    const out: ShardInfo[] = [];
    for (let i = 0; i < count; i++) {
      const file = shardName(i, count);
      await rename(this.tmpNames[i], join(this.dataDir, file));
      out.push({ file: `data/${file}`, ...this.closed[i] });
    }
    return out;
  }

  private async openShard(): Promise<OpenShard> {
    const tmp = join(this.dataDir, `.part-${String(this.closed.length).padStart(5, '0')}.jsonl.gz`);
    this.tmpNames.push(tmp);
    return {
      fh: await open(tmp, 'w'),
      hash: createHash('sha256'),
      bytes: 0,
      sessions: 0,
      events: 0,
      chars: 0,
      pending: [],
      pendingChars: 0,
      inflight: [],
    };
  }

  private async compress(s: OpenShard): Promise<void> {
    if (s.pending.length === 0) return;
    const text = s.pending.join('\n') + '\n';
    s.pending = [];
    s.pendingChars = 0;
    const member = gzipAsync(text, { level: this.gzipLevel, memLevel: 9 });
    member.catch(() => undefined); // awaited in order by writeOldest, which rethrows
    s.inflight.push(member);
    while (s.inflight.length >= this.maxInflight) await this.writeOldest(s);
  }

  private async writeOldest(s: OpenShard): Promise<void> {
    const member = await s.inflight.shift()!;
    // zlib writes the OS it was built on; a fixed byte keeps files identical everywhere
    member[9] = GZIP_OS_UNKNOWN;
    s.hash.update(member);
    s.bytes += member.length;
    await writeAll(s.fh, member);
  }

  private async closeCurrent(): Promise<void> {
    const s = this.current;
    if (!s) return;
    this.current = undefined;
    await this.compress(s);
    while (s.inflight.length) await this.writeOldest(s);
    await s.fh.close();
    this.closed.push({ sessions: s.sessions, events: s.events, bytes: s.bytes, sha256: s.hash.digest('hex') });
  }
}

async function writeAll(fh: FileHandle, buf: Buffer): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off);
    off += bytesWritten;
  }
}
