// Consent facts shared by every window: one small JSON file in the extension's global
// storage, replaced atomically, re-read when it changes (watch plus a short poll).
import { mkdir, open as openFile, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Exemption, Pause } from './state';

export interface CachedPolicy {
  version: number;
  pauseMinutes: number;
  whilePending: 'pause' | 'record';
  excludedGlobs: string[];
  workspaceSalt?: string;
  excludedWorkspaces: string[];
  canRequestExemption: boolean;
}

export interface ConsentRecord {
  pause?: Pause;
  exemptions: Exemption[];
  policy?: CachedPolicy;
  /** Pauses not yet reported to the collection service (offline). */
  unreportedPauses?: Pause[];
  /** Time ranges (from discards) whose sent events are still to be asked to be deleted. */
  pendingDeletions?: { from: number; until: number }[];
  /** Pauses started on the user's other devices, as the collection service reports them (its clock). */
  remotePauses?: Pause[];
  /** The service's clock minus this machine's, as last measured (ms). */
  serverOffset?: number;
  /**
   * Pauses this installation began or ended (the latest ids): the service's list never makes one
   * of them a pause "from another device" — a policy answer sent before a resume reached the
   * service would otherwise bring the ended pause back for its full length.
   */
  ownPauseIds?: string[];
  noticeShown?: boolean;
}

/** How many of this installation's pause ids are remembered. */
const OWN_PAUSE_IDS = 64;

/** The record with a pause id remembered as this installation's own. */
export function withOwnPause(r: ConsentRecord, id: string): ConsentRecord {
  const ids = (r.ownPauseIds ?? []).filter((x) => x !== id);
  ids.push(id);
  return { ...r, ownPauseIds: ids.slice(-OWN_PAUSE_IDS) };
}

/** Of the pauses the service lists, the ones begun on another device and not ended here. */
export function remotePausesOf(listed: readonly Pause[], r: ConsentRecord): Pause[] {
  const own = new Set([r.pause?.id, ...(r.unreportedPauses ?? []).map((x) => x.id), ...(r.ownPauseIds ?? [])]);
  return listed.filter((x) => !own.has(x.id));
}

/**
 * The pause in force: this installation's own, or one begun on another of the user's devices
 * (reported by the service, read on this machine's clock). The one running now wins; of
 * several, the one lasting longest.
 */
export function activePause(r: ConsentRecord, now: number): Pause | undefined {
  const offset = r.serverOffset ?? 0;
  const remote = (r.remotePauses ?? []).map((p) => ({ ...p, from: p.from - offset, until: p.until - offset }));
  const all = [...(r.pause ? [r.pause] : []), ...remote];
  const running = all.filter((p) => now >= p.from && now < p.until).sort((a, b) => b.until - a.until);
  return running[0] ?? r.pause ?? remote.filter((p) => p.until > now).sort((a, b) => a.from - b.from)[0];
}

const EMPTY: ConsentRecord = { exemptions: [] };
/** Longest a change waits for another window's lock on the consent file. */
const LOCK_WAIT_MS = 2_000;
/** A lock this old was left by a window that died while holding it. */
const LOCK_STALE_MS = 10_000;

export class ConsentFile {
  private readonly path: string;
  /** What this window holds: the file as last known, with its own changes not yet written. */
  private record: ConsentRecord = EMPTY;
  /** The file as last read or written by this window, its text and its modification time. */
  private disk: ConsentRecord = EMPTY;
  private diskText = '';
  private mtime = 0;
  private watcher: FSWatcher | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private listeners: ((r: ConsentRecord) => void)[] = [];
  /**
   * Every read and write of the file, in order. A read never runs while a write is landing,
   * so an older write of this window read back cannot replace a newer change (a pause read
   * back as the record from before it would resume capture).
   */
  private queue: Promise<void> = Promise.resolve();
  /** Changes made here and not yet written. */
  private pending = 0;
  /** Names this instance's temporary file apart from another's in the same process. */
  private readonly instance = randomBytes(4).toString('hex');

  constructor(
    private readonly dir: string,
    private readonly onError: (message: string) => void = () => undefined,
  ) {
    this.path = join(dir, 'consent.json');
  }

  get current(): ConsentRecord {
    return this.record;
  }

  /** Reads the file once; then follows changes made by any window. */
  async open(pollMs = 500): Promise<ConsentRecord> {
    await mkdir(this.dir, { recursive: true });
    await this.reload();
    try {
      this.watcher = watch(this.dir, () => void this.reload());
    } catch {
      // the poll below is enough where watching is not supported
    }
    this.poll = setInterval(() => void this.reload(), pollMs);
    return this.record;
  }

  onDidChange(listener: (r: ConsentRecord) => void): { dispose(): void } {
    this.listeners.push(listener);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  }

  /**
   * Read-modify-write; the change is visible to this window at once and to others on their
   * next read. `change` must depend on nothing but the record it is given: when it is written,
   * it is applied again to the file as it is then, so that what another window wrote meanwhile
   * (its pause, its exemption request) is kept rather than overwritten.
   */
  update(change: (r: ConsentRecord) => ConsentRecord): Promise<void> {
    this.set(change(structuredClone(this.record)));
    this.pending++;
    return this.enqueue(async () => {
      const locked = await this.lock();
      try {
        // Under the lock no other window writes between this read and the rename below.
        await this.readIfChanged(locked);
        const next = change(structuredClone(this.disk));
        const text = JSON.stringify(next);
        // Held as this window's truth even if it cannot be written (a full disk): the next
        // change is written on top of it.
        this.disk = next;
        const tmp = `${this.path}.${process.pid}-${this.instance}.tmp`;
        try {
          await writeFile(tmp, text);
          await rename(tmp, this.path);
          this.diskText = text;
          this.mtime = (await stat(this.path)).mtimeMs;
        } catch (err) {
          this.onError(`could not save the consent state: ${(err as Error).message}`);
        }
      } finally {
        if (locked) await unlink(this.lockPath).catch(() => undefined);
        this.pending--;
        if (this.pending === 0) this.set(this.disk);
      }
    });
  }

  private get lockPath(): string {
    return `${this.path}.lock`;
  }

  /**
   * Takes the file's lock (a file created exclusively), so two windows' read-modify-writes do
   * not interleave and lose one of the changes (a pause overwritten by another window's poll).
   * A lock older than LOCK_STALE_MS was left by a window that died, and is taken over. A change
   * is never held up longer than LOCK_WAIT_MS: past it, it is written without the lock.
   */
  private async lock(): Promise<boolean> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        await (await openFile(this.lockPath, 'wx')).close();
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      }
      const held = await stat(this.lockPath).catch(() => undefined);
      if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) {
        await unlink(this.lockPath).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) {
        this.onError('the consent state was locked by another window for too long; saving without the lock');
        return false;
      }
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 10));
    }
  }

  /** Waits for this window's writes and reads what other windows wrote since. */
  async sync(): Promise<ConsentRecord> {
    await this.reload();
    return this.record;
  }

  /** Follows what other windows wrote (on the watcher and the poll). */
  private reload(): Promise<void> {
    return this.enqueue(async () => {
      await this.readIfChanged();
      // A change of this window queued meanwhile takes the file as it is now when written.
      if (this.pending === 0) this.set(this.disk);
    });
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.queue.then(step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Reads the file when its time says another window may have written it (or always, with `force`). */
  private async readIfChanged(force = false): Promise<void> {
    try {
      const s = await stat(this.path);
      if (s.mtimeMs === this.mtime && !force) return;
      const text = await readFile(this.path, 'utf8');
      this.mtime = s.mtimeMs;
      if (text === this.diskText) return;
      const parsed = JSON.parse(text) as ConsentRecord;
      if (!Array.isArray(parsed.exemptions)) parsed.exemptions = [];
      this.disk = parsed;
      this.diskText = text;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') this.onError(`could not read the consent state: ${(err as Error).message}`);
    }
  }

  private set(next: ConsentRecord): void {
    if (JSON.stringify(next) === JSON.stringify(this.record)) return;
    this.record = next;
    for (const l of [...this.listeners]) l(next);
  }

  dispose(): void {
    this.watcher?.close();
    if (this.poll) clearInterval(this.poll);
  }
}
