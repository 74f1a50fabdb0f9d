// Where finished events go. For now a local JSONL file per session; the outbox will take its
// place behind the same interface.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { TrajectoryEvent } from '../protocol/schema';

export interface TrajectorySink {
  /** Takes an event; must not block the caller (the editor's change handler). */
  write(event: TrajectoryEvent): void;
  /** Resolves once everything written so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface SinkLogger {
  error(message: string): void;
}

/** Appends events as JSON lines to `<dir>/<sessionId>.jsonl`, batched off the hot path. */
export class JsonlFileSink implements TrajectorySink {
  private pending = new Map<string, string[]>();
  private pendingChars = 0;
  private writing: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirReady: Promise<void> | undefined;

  constructor(
    readonly dir: string,
    private readonly log: SinkLogger,
    private readonly delayMs = 1000,
    private readonly maxBufferedChars = 1024 * 1024,
  ) {}

  fileFor(sessionId: string): string {
    return join(this.dir, `${sessionId}.jsonl`);
  }

  write(event: TrajectoryEvent): void {
    const line = JSON.stringify(event) + '\n';
    let lines = this.pending.get(event.sessionId);
    if (!lines) this.pending.set(event.sessionId, (lines = []));
    lines.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= this.maxBufferedChars) void this.flush();
    else if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  flush(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    const batch = this.pending;
    this.pending = new Map();
    this.pendingChars = 0;
    if (batch.size) this.writing = this.writing.then(() => this.append(batch));
    return this.writing;
  }

  async close(): Promise<void> {
    await this.flush();
  }

  private async append(batch: Map<string, string[]>): Promise<void> {
    try {
      this.dirReady ??= fs.mkdir(this.dir, { recursive: true }).then(() => undefined);
      await this.dirReady;
      for (const [sessionId, lines] of batch) await fs.appendFile(this.fileFor(sessionId), lines.join(''), 'utf8');
    } catch (err) {
      this.dirReady = undefined;
      this.log.error(`could not write trajectory events: ${(err as Error).message}`);
    }
  }
}

/** Reads a JSONL trajectory file back (for tests and the replay check). */
export async function readJsonl(file: string): Promise<unknown[]> {
  const text = await fs.readFile(file, 'utf8');
  return text.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as unknown);
}
