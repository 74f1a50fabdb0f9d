// Exactly one window sends at a time: a lock file naming its owner (pid + writer id) with a
// heartbeat. A lock whose owner process is gone, or whose heartbeat is stale, is taken over.
// Should two windows ever both believe they send (a narrow race on takeover), the next
// heartbeat makes one step down, and the service's dedup by event id keeps the data right.
import { join } from 'node:path';
import { errCode, isWriterAlive, realFs, type OutboxFs } from './files';
import { silentLogger, systemClock, type Clock, type Logger } from './events';

export const LOCK_FILE = 'sender.lock';

export interface LockContent {
  pid: number;
  writerId: string;
  heartbeat: number;
}

export interface SenderLockOptions {
  dir: string;
  writerId: string;
  /** A heartbeat older than this means the owner hangs or is gone. */
  staleMs?: number;
  heartbeatMs?: number;
  clock?: Clock;
  fs?: OutboxFs;
  log?: Logger;
  /** Called when the lock was lost to another window (stop sending). */
  onLost?: () => void;
}

export class SenderLock {
  private readonly path: string;
  private readonly staleMs: number;
  private readonly heartbeatMs: number;
  private readonly clock: Clock;
  private readonly fs: OutboxFs;
  private readonly log: Logger;
  private timer: unknown;
  private _held = false;
  private disposed = false;

  constructor(private readonly opts: SenderLockOptions) {
    this.path = join(opts.dir, LOCK_FILE);
    this.staleMs = opts.staleMs ?? 20_000;
    this.heartbeatMs = opts.heartbeatMs ?? 3_000;
    this.clock = opts.clock ?? systemClock;
    this.fs = opts.fs ?? realFs;
    this.log = opts.log ?? silentLogger;
  }

  get held(): boolean {
    return this._held;
  }

  /** Tries once to become the sending window. */
  async tryAcquire(): Promise<boolean> {
    if (this.disposed) return false;
    if (this._held) return true;
    if (await this.create()) return this.acquired();
    const owner = await this.read();
    if (owner?.writerId === this.opts.writerId) return this.acquired();
    if (owner && !this.isStale(owner)) return false;
    // stale: move it aside under a unique name; of several windows only one rename succeeds
    const aside = `${this.path}.stale-${this.opts.writerId}`;
    try {
      await this.fs.rename(this.path, aside);
    } catch (e) {
      if (errCode(e) === 'ENOENT') return false;
      throw e;
    }
    await this.fs.unlink(aside).catch(() => undefined);
    this.log.info(`Sender lock: took over from ${owner ? `window ${owner.writerId}` : 'an unreadable lock'}.`);
    if (await this.create()) return this.acquired();
    return false;
  }

  /** Refreshes the heartbeat; returns false (and stops sending) if another window owns the lock now. */
  async heartbeat(): Promise<boolean> {
    if (!this._held) return false;
    const owner = await this.read();
    if (owner?.writerId !== this.opts.writerId) {
      this.lose();
      return false;
    }
    const tmp = `${this.path}.${this.opts.writerId}.tmp`;
    try {
      await this.fs.writeFile(tmp, JSON.stringify(this.content()));
      await this.fs.rename(tmp, this.path);
    } catch (e) {
      await this.fs.unlink(tmp).catch(() => undefined);
      throw e;
    }
    return true;
  }

  /** Gives the lock up (on dispose) so another window can send at once. */
  async release(): Promise<void> {
    this.disposed = true;
    this.stopHeartbeat();
    if (!this._held) return;
    this._held = false;
    const owner = await this.read();
    if (owner?.writerId === this.opts.writerId) await this.fs.unlink(this.path).catch(() => undefined);
  }

  private isStale(owner: LockContent): boolean {
    // an unreadable lock (pid 0) may be one being written this instant: judge it by age only
    if (owner.pid !== 0 && !isWriterAlive(owner.writerId)) return true;
    return this.clock.now() - owner.heartbeat > this.staleMs;
  }

  private content(): LockContent {
    return { pid: process.pid, writerId: this.opts.writerId, heartbeat: this.clock.now() };
  }

  private async create(): Promise<boolean> {
    try {
      const h = await this.fs.open(this.path, 'wx');
      try {
        await h.writeFile(JSON.stringify(this.content()));
      } finally {
        await h.close();
      }
      return true;
    } catch (e) {
      if (errCode(e) === 'EEXIST') return false;
      throw e;
    }
  }

  private async read(): Promise<LockContent | undefined> {
    try {
      const c = JSON.parse((await this.fs.readFile(this.path)).toString('utf8')) as LockContent;
      return typeof c.writerId === 'string' && typeof c.heartbeat === 'number' ? c : undefined;
    } catch (e) {
      if (errCode(e) === 'ENOENT') return undefined;
      // unreadable (being written, or torn): judge it by its age
      try {
        const st = await this.fs.stat(this.path);
        return { pid: 0, writerId: '', heartbeat: this.clock.now() - (Date.now() - st.mtimeMs) };
      } catch {
        return undefined;
      }
    }
  }

  private acquired(): true {
    this._held = true;
    this.scheduleHeartbeat();
    return true;
  }

  private lose(): void {
    if (!this._held) return;
    this._held = false;
    this.stopHeartbeat();
    this.log.info('Sender lock: another window sends now.');
    this.opts.onLost?.();
  }

  private scheduleHeartbeat(): void {
    this.stopHeartbeat();
    if (this.disposed) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.heartbeat()
        .catch((e) => this.log.warn(`Sender lock: heartbeat failed: ${String(e)}`))
        .finally(() => {
          if (this._held) this.scheduleHeartbeat();
        });
    }, this.heartbeatMs);
  }

  private stopHeartbeat(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
