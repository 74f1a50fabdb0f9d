// The sent journal: copies of delivered events (the exact stored lines) kept so the engineer
// can see what was sent. Bounded on its own, outside the outbox's bound, in a sub-folder.
import { join } from 'node:path';
import type { TrajectoryEvent } from '@codetrail/protocol';
import type { OutboxFolder } from './folder';
import { errCode } from './files';

/** A delivered event as kept in the sent journal. */
export interface SentItem {
  sentAt: number;
  event: TrajectoryEvent;
}

/** Sub-folder of the outbox folder holding the sent journal. */
export const SENT_DIR = 'sent';
const SENT_RE = /^sent-(\d{13})-(\d+-[0-9a-f]{8})\.jsonl$/;

export class SentJournal {
  private stamp = 0;
  private file: { name: string; size: number } | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  /** `maxBytes` bounds the journal of every window together; 0 keeps no copies. */
  constructor(
    private readonly folder: Pick<OutboxFolder, 'dir' | 'fs' | 'clock' | 'log' | 'writerId'>,
    private readonly maxBytes: number,
  ) {}

  /** Keeps copies of acknowledged events. Never fails: a journal write problem only costs the copy. */
  record(lines: readonly string[]): Promise<void> {
    if (!this.maxBytes || !lines.length) return Promise.resolve();
    const { fs, clock } = this.folder;
    const sentAt = clock.now();
    const data = lines.map((l) => `{"sentAt":${sentAt},"event":${l.trimEnd()}}\n`).join('');
    return this.serial(async () => {
      const dir = join(this.folder.dir, SENT_DIR);
      try {
        if (!this.file || this.file.size >= this.maxBytes / 4) {
          await fs.mkdir(dir, { recursive: true });
          // Names sort by time; two files begun in the same millisecond must still differ.
          this.stamp = Math.max(sentAt, this.stamp + 1);
          this.file = { name: `sent-${String(this.stamp).padStart(13, '0')}-${this.folder.writerId}.jsonl`, size: 0 };
          await this.prune(dir);
        }
        await fs.appendFile(join(dir, this.file.name), data);
        this.file.size += Buffer.byteLength(data);
      } catch (e) {
        this.file = undefined;
        this.folder.log.debug(`Outbox: a copy of delivered events was not kept (${errCode(e) ?? String(e)}).`);
      }
    });
  }

  /** The most recently delivered events still in the journal, oldest first. */
  async list(limit = Infinity): Promise<SentItem[]> {
    const out: SentItem[] = [];
    const files = (await this.files()).reverse();
    for (const name of files) {
      let text: string;
      try {
        text = (await this.folder.fs.readFile(join(this.folder.dir, SENT_DIR, name))).toString('utf8');
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

  /** Drops the copies the predicate selects (after a deletion request); returns how many. */
  forget(predicate: (event: TrajectoryEvent) => boolean): Promise<number> {
    const { fs } = this.folder;
    return this.serial(async () => {
      let dropped = 0;
      for (const name of await this.files()) {
        const path = join(this.folder.dir, SENT_DIR, name);
        let text: string;
        try {
          text = (await fs.readFile(path)).toString('utf8');
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
          await fs.writeFile(path + '.tmp', keep.join(''));
          await fs.rename(path + '.tmp', path);
        } else await fs.unlink(path);
        if (this.file?.name === name) this.file = undefined;
      }
      return dropped;
    });
  }

  private async files(): Promise<string[]> {
    try {
      return (await this.folder.fs.readdir(join(this.folder.dir, SENT_DIR))).filter((n) => SENT_RE.test(n)).sort();
    } catch (e) {
      if (errCode(e) === 'ENOENT') return [];
      throw e;
    }
  }

  /** Deletes the oldest journal files (of every window) while the journal is over its bound. */
  private async prune(dir: string): Promise<void> {
    const sizes: { name: string; size: number }[] = [];
    for (const name of await this.files()) {
      try {
        sizes.push({ name, size: (await this.folder.fs.stat(join(dir, name))).size });
      } catch (e) {
        if (errCode(e) !== 'ENOENT') throw e;
      }
    }
    let total = sizes.reduce((n, f) => n + f.size, 0);
    for (const f of sizes) {
      if (total <= this.maxBytes * 0.75) break;
      await this.folder.fs.unlink(join(dir, f.name)).catch(() => undefined);
      total -= f.size;
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }
}
