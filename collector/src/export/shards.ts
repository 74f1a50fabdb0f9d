// Sharded JSONL.gz output with bounded shards and byte-identical results for the same
// input: no file name or time in the gzip header, and a fixed OS byte.
import { createGzip, type Gzip } from 'node:zlib';
import { createHash, type Hash } from 'node:crypto';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ShardInfo } from './types';

export const DEFAULT_MAX_SHARD_BYTES = 256 * 1024 * 1024;
/** Lines are handed to gzip in chunks of about this size: fewer calls, same bytes. */
const CHUNK_BYTES = 1024 * 1024;
const GZIP_OS_UNKNOWN = 255;

/** The Hugging Face naming: train-00000-of-00003.jsonl.gz. */
export function shardName(index: number, count: number): string {
  const pad = (n: number) => String(n).padStart(5, '0');
  return `train-${pad(index)}-of-${pad(count)}.jsonl.gz`;
}

interface OpenShard {
  tmp: string;
  gzip: Gzip;
  hash: Hash;
  fh: FileHandle;
  bytes: number;
  written: Promise<void>;
  sessions: number;
  events: number;
  rawBytes: number;
  pending: string[];
  pendingBytes: number;
}

export class ShardWriter {
  private current: OpenShard | undefined;
  private readonly closed: Omit<ShardInfo, 'file'>[] = [];
  private readonly tmpNames: string[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly maxShardBytes: number = DEFAULT_MAX_SHARD_BYTES,
    private readonly gzipLevel: number = 6,
  ) {}

  /** Appends one JSON line (without its newline) holding `events` events. */
  async write(line: string, events: number): Promise<void> {
    let s = this.current;
    if (s && s.rawBytes > 0 && s.rawBytes + line.length + 1 > this.maxShardBytes) {
      await this.closeCurrent();
      s = undefined;
    }
    if (!s) s = this.current = await this.openShard();
    s.pending.push(line);
    s.pendingBytes += line.length + 1;
    s.rawBytes += line.length + 1;
    s.sessions++;
    s.events += events;
    if (s.pendingBytes >= CHUNK_BYTES) await this.drain(s);
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
    const fh = await open(tmp, 'w');
    const gzip = createGzip({ level: this.gzipLevel, memLevel: 9 });
    const hash = createHash('sha256');
    const shard: OpenShard = {
      tmp, gzip, hash, fh, bytes: 0, written: Promise.resolve(),
      sessions: 0, events: 0, rawBytes: 0, pending: [], pendingBytes: 0,
    };
    let first = true;
    shard.written = new Promise<void>((resolve, reject) => {
      let chain = Promise.resolve();
      gzip.on('data', (chunk: Buffer) => {
        if (first) {
          first = false;
          // zlib writes the OS it was built on; a fixed byte keeps files identical everywhere
          if (chunk.length > 9) chunk[9] = GZIP_OS_UNKNOWN;
        }
        shard.bytes += chunk.length;
        hash.update(chunk);
        gzip.pause();
        chain = chain.then(() => writeAll(fh, chunk)).then(() => { gzip.resume(); }, (err) => { reject(err); });
      });
      gzip.on('end', () => { chain.then(resolve, reject); });
      gzip.on('error', reject);
    });
    return shard;
  }

  private async drain(s: OpenShard): Promise<void> {
    if (s.pending.length === 0) return;
    const text = s.pending.join('\n') + '\n';
    s.pending = [];
    s.pendingBytes = 0;
    if (!s.gzip.write(text)) await new Promise<void>((r) => s.gzip.once('drain', () => r()));
  }

  private async closeCurrent(): Promise<void> {
    const s = this.current;
    if (!s) return;
    this.current = undefined;
    await this.drain(s);
    s.gzip.end();
    await s.written;
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
