// Dead letters: events the service refused for good, set aside with the status and reason, one
// file per window. They stay inside the outbox's bound until requeued or discarded.
import { join } from 'node:path';
import type { TrajectoryEvent } from '@codetrail/protocol';
import type { OutboxFolder } from './folder';
import { blankLines, deadLetterFileName, isDeadLetterName, writeAll } from './files';

export interface DeadLetter {
  file: string;
  time: number;
  status: number;
  reason: string;
  event: TrajectoryEvent;
}

export class DeadLetters {
  constructor(private readonly folder: OutboxFolder) {}

  /** Appends dead letters (event plus why) to this window's file. */
  async append(lines: readonly { line: string; status: number; reason: string }[]): Promise<void> {
    if (!lines.length) return;
    const { fs, dir, clock } = this.folder;
    const time = clock.now();
    const data = lines
      .map((l) => `{"time":${time},"status":${l.status},"reason":${JSON.stringify(l.reason)},"event":${l.line.trimEnd()}}\n`)
      .join('');
    await this.folder.serial(async () => {
      const h = await fs.open(join(dir, deadLetterFileName(this.folder.writerId)), 'a');
      try {
        await writeAll(h, Buffer.from(data));
        await h.datasync();
      } finally {
        await h.close();
      }
      this.folder.noteWrittenBytes(Buffer.byteLength(data));
    });
  }

  /** Reads all dead letters of every window. */
  async list(): Promise<DeadLetter[]> {
    const out: DeadLetter[] = [];
    for (const name of await this.files()) {
      const text = (await this.folder.fs.readFile(join(this.folder.dir, name))).toString('utf8');
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          const d = JSON.parse(line) as Omit<DeadLetter, 'file'>;
          out.push({ file: name, ...d });
        } catch {
          // a torn dead-letter line: nothing to recover
        }
      }
    }
    return out;
  }

  /**
   * Takes out the dead letters whose status `select` picks: each event goes to `put`, and once
   * `commit` has made them durable elsewhere they leave their file. Returns how many.
   */
  async take(select: (status: number) => boolean, put: (event: TrajectoryEvent) => void, commit: () => Promise<void>): Promise<number> {
    const { fs } = this.folder;
    let moved = 0;
    for (const name of await this.files()) {
      const path = join(this.folder.dir, name);
      const text = (await fs.readFile(path)).toString('utf8');
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
          put(d.event);
          moved++;
          changed = true;
        } else keep.push(line + '\n');
      }
      if (changed) {
        await commit();
        await this.folder.serial(async () => {
          if (keep.length) {
            await fs.writeFile(path + '.tmp', keep.join(''));
            await fs.rename(path + '.tmp', path);
          } else await fs.unlink(path);
        });
      }
    }
    return moved;
  }

  /** Deletes all dead letters (after the user has seen them, or chose to discard them). */
  async discard(): Promise<number> {
    const { fs } = this.folder;
    let n = 0;
    for (const name of (await fs.readdir(this.folder.dir)).filter(isDeadLetterName)) {
      const path = join(this.folder.dir, name);
      const size = (await fs.stat(path).catch(() => ({ size: 0 }))).size;
      n += (await fs.readFile(path).catch(() => Buffer.alloc(0))).toString('utf8').split('\n').filter(Boolean).length;
      await this.folder.serial(() => fs.unlink(path).catch(() => undefined));
      this.folder.noteRemovedBytes(size);
    }
    return n;
  }

  /** Blanks, in place, the events the predicate selects in one dead-letter file; returns how many. */
  blank(name: string, predicate: (event: TrajectoryEvent) => boolean): Promise<number> {
    return blankLines(this.folder.fs, join(this.folder.dir, name), (line) =>
      predicate((JSON.parse(line) as { event: TrajectoryEvent }).event),
    );
  }

  private async files(): Promise<string[]> {
    return (await this.folder.fs.readdir(this.folder.dir)).filter(isDeadLetterName).sort();
  }
}
