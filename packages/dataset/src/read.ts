// Reads an export folder back: its manifest and every trajectory line of every shard.
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export interface ShardLine {
  /** Path of the shard relative to the export folder. */
  shard: string;
  /** 1-based line number in the uncompressed shard. */
  line: number;
  text: string;
}

/** The shard files of an export, in name order (relative paths). */
export async function listShards(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, 'data')).catch(() => [] as string[]);
  return names
    .filter((n) => /^train-\d{5}-of-\d{5}\.jsonl\.gz$/.test(n))
    .sort()
    .map((n) => `data/${n}`);
}

export async function* readShardLines(dir: string, shards?: string[]): AsyncGenerator<ShardLine> {
  for (const shard of shards ?? (await listShards(dir))) {
    const input = createReadStream(join(dir, shard)).pipe(createGunzip());
    const rl = createInterface({ input, crlfDelay: Infinity });
    let line = 0;
    for await (const text of rl) {
      line++;
      if (text.length) yield { shard, line, text };
    }
  }
}

export async function readManifest(dir: string): Promise<unknown> {
  return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
}
