// The done log: ids that are acknowledged, removed or dead-lettered, by segment. Each window
// appends to its own log; every window's logs together say which stored events are finished.
import { join } from 'node:path';
import type { OutboxFolder } from './folder';
import {
  doneFileName,
  errCode,
  formatDone,
  parseDoneLines,
  parseDoneName,
  writeAll,
  type DoneEntry,
  type DoneName,
  type DoneTag,
} from './files';

/** Done ids by segment stem, then by id. */
export type DoneMap = Map<string, Map<string, DoneTag>>;

export function addDone(done: DoneMap, e: DoneEntry): void {
  let m = done.get(e.stem);
  if (!m) done.set(e.stem, (m = new Map()));
  m.set(e.id, e.tag);
}

export class DoneLog {
  private counter = 0;
  private name: string;

  constructor(private readonly folder: OutboxFolder) {
    this.name = doneFileName(folder.writerId, this.counter);
  }

  /** The log this window appends to now. */
  get currentName(): string {
    return this.name;
  }

  /** Records ids as done in this window's log. */
  append(entries: readonly DoneEntry[], sync: boolean): Promise<void> {
    if (!entries.length) return Promise.resolve();
    const data = formatDone(entries);
    const { fs, dir } = this.folder;
    return this.folder.serial(async () => {
      const h = await fs.open(join(dir, this.name), 'a');
      try {
        await writeAll(h, Buffer.from(data));
        if (sync) await h.datasync();
      } finally {
        await h.close();
      }
      this.folder.noteWrittenBytes(Buffer.byteLength(data));
    });
  }

  /** Starts a new log for this window; returns the name of the one closed. */
  rotate(): Promise<string> {
    return this.folder.serial(async () => {
      const old = this.name;
      this.counter++;
      this.name = doneFileName(this.folder.writerId, this.counter);
      return old;
    });
  }

  /** A fresh name of this window's, for a log written whole (a compaction). */
  nextName(): string {
    this.counter++;
    return doneFileName(this.folder.writerId, this.counter);
  }

  /** Every window's logs. */
  async listFiles(): Promise<DoneName[]> {
    const names = await this.folder.fs.readdir(this.folder.dir);
    return names.map(parseDoneName).filter((d): d is DoneName => !!d);
  }

  /** Done ids by segment, from every window's logs. */
  async readAll(): Promise<DoneMap> {
    const done: DoneMap = new Map();
    for (const f of await this.listFiles()) {
      let text: string;
      try {
        text = (await this.folder.fs.readFile(join(this.folder.dir, f.name))).toString('utf8');
      } catch (e) {
        if (errCode(e) === 'ENOENT') continue;
        throw e;
      }
      parseDoneLines(text, (e) => addDone(done, e));
    }
    return done;
  }
}
