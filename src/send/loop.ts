// The send loop: in the window that holds the sender lock, takes batches from the outbox in
// order, exports them, and settles each: acknowledged events leave the outbox; events the
// service refuses under the engineer's consent (paused, exempt, deleted, ...) are deleted here
// too; other refused ones go to the dead-letter file with the reason; retryable failures wait
// (Retry-After or jittered exponential backoff) and try the same batch again, so events of a
// session arrive in order.
import { CLOCK_REFUSALS, CONSENT_REFUSALS } from '@codetrail/protocol';
import { Emitter, silentLogger, systemClock, type Clock, type Logger } from './events';
import type { ExportOutcome } from './exporter';
import type { SenderLock } from './lock';
import type { Outbox } from './outbox';
import type { OutboxItem, OutboxReader } from './reader';

export type SenderPhase =
  | 'starting' // not yet known whether this window sends
  | 'standby' // another window sends
  | 'idle' // nothing to send
  | 'sending'
  | 'retrying' // the service or network is unavailable; waiting before trying again
  | 'signed-out' // no token: sign in to send
  | 'auth-failed' // 401: sign in again
  | 'forbidden' // 403
  | 'stopped';

export interface SenderState {
  phase: SenderPhase;
  delivered: number;
  deadLettered: number;
  /** Refused by the service under the consent rules, and so deleted from this machine. */
  removed?: number;
  lastError?: string;
  /** When the next attempt is due, while retrying. */
  retryAt?: number;
}

export interface SendMessage {
  severity: 'info' | 'warning' | 'error';
  text: string;
  /** What the user can do about it. */
  action?: 'sign-in';
}

export interface BatchExporter {
  export(items: readonly OutboxItem[], signal?: AbortSignal): Promise<ExportOutcome>;
}

export interface SendLoopOptions {
  outbox: Outbox;
  exporter: BatchExporter;
  lock: SenderLock;
  clock?: Clock;
  random?: () => number;
  log?: Logger;
  batchMaxCount?: number;
  batchMaxBytes?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Longest Retry-After honoured as given; longer ones are cut to this. */
  maxRetryAfterMs?: number;
  idleMs?: number;
  standbyMs?: number;
  /**
   * Asked before each batch is sent; false holds the batch back (retried with backoff). The
   * consent module answers whether the service knows of every pause and its end yet.
   */
  readyToSend?: () => Promise<boolean>;
}

interface Work {
  items: OutboxItem[];
  attempt: number;
}

const CONSENT = new Set<string>(CONSENT_REFUSALS);
const CLOCK = new Set<string>(CLOCK_REFUSALS);
/** A warning about this machine's clock is shown at most this often. */
const CLOCK_WARNING_EVERY_MS = 60 * 60_000;

export class SendLoop {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly log: Logger;
  private readonly batchMaxCount: number;
  private readonly batchMaxBytes: number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly idleMs: number;
  private readonly standbyMs: number;

  private reader: OutboxReader | undefined;
  private work: Work[] = [];
  private timer: unknown;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly abort = new AbortController();
  /** After 401/403 nothing is sent until the token changes. */
  private blocked: 'auth-failed' | 'forbidden' | undefined;
  private errorStreak = 0;
  private signedOutNotified = false;
  private clockWarnedAt = -Infinity;
  private _state: SenderState = { phase: 'starting', delivered: 0, deadLettered: 0, removed: 0 };
  private readonly stateEmitter = new Emitter<SenderState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly messageEmitter = new Emitter<SendMessage>();
  /** Things the user should be told in plain words. */
  readonly onMessage = this.messageEmitter.event;
  private readonly flushSub: { dispose(): void };

  constructor(private readonly opts: SendLoopOptions) {
    this.clock = opts.clock ?? systemClock;
    this.random = opts.random ?? Math.random;
    this.log = opts.log ?? silentLogger;
    this.batchMaxCount = opts.batchMaxCount ?? 500;
    this.batchMaxBytes = opts.batchMaxBytes ?? 1024 * 1024;
    this.backoffBaseMs = opts.backoffBaseMs ?? 1000;
    this.backoffCapMs = opts.backoffCapMs ?? 5 * 60_000;
    this.maxRetryAfterMs = opts.maxRetryAfterMs ?? 60 * 60_000;
    this.idleMs = opts.idleMs ?? 1000;
    this.standbyMs = opts.standbyMs ?? 3000;
    this.flushSub = opts.outbox.onDidFlush(() => this.kick());
  }

  get state(): SenderState {
    return { ...this._state };
  }

  start(): void {
    this.schedule(0);
  }

  /** Wakes the loop if it is waiting for new events (not while it waits to retry). */
  kick(): void {
    if (this.stopped || this._state.phase === 'retrying' || this.running) return;
    this.schedule(0);
  }

  /** After sign-in: events refused for the old token go back to the outbox and sending resumes. */
  async tokenChanged(): Promise<void> {
    const wasBlocked = this.blocked;
    this.blocked = undefined;
    if (wasBlocked === 'auth-failed' || wasBlocked === 'forbidden') {
      const n = await this.opts.outbox.requeueDeadLetters((s) => s === 401 || s === 403);
      if (n) this.log.info(`Sender: ${n} event(s) set aside for a sign-in problem are queued again.`);
    }
    if (this._state.phase === 'retrying') this.work.forEach((w) => (w.attempt = 0));
    this.schedule(0);
  }

  /** Stops after the export in progress (if any) is settled; releases the sender lock. */
  async dispose(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // do not hold up the editor's shutdown for a slow service: the batch is simply sent again later
    this.abort.abort();
    this.flushSub.dispose();
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    await this.opts.lock.release();
    this.setState({ phase: 'stopped', retryAt: undefined });
    this.stateEmitter.dispose();
    this.messageEmitter.dispose();
  }

  /** The jittered exponential backoff for the n-th consecutive failure (n >= 1). */
  backoffDelay(attempt: number): number {
    const exp = Math.min(this.backoffCapMs, this.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
    return exp / 2 + this.random() * (exp / 2);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      if (this.running) return;
      this.running = this.tick().finally(() => (this.running = undefined));
    }, ms);
  }

  /** Batches held back in a row because readyToSend said no. */
  private holdStreak = 0;

  private async tick(): Promise<void> {
    let delay = this.idleMs;
    try {
      delay = await this.step();
      this.errorStreak = 0;
    } catch (e) {
      this.errorStreak++;
      delay = this.backoffDelay(this.errorStreak);
      this.log.error(`Sender: ${String(e)}`);
      this.setState({ lastError: String(e) });
    } finally {
      if (!this.stopped) this.schedule(delay);
    }
  }

  /** One unit of work; returns how long to wait before the next. */
  private async step(): Promise<number> {
    const { outbox, lock, exporter } = this.opts;
    if (!lock.held || !this.reader) {
      this.reader = undefined;
      this.work = [];
      if (!(await lock.tryAcquire())) {
        this.setState({ phase: 'standby', retryAt: undefined });
        return this.standbyMs;
      }
      this.reader = outbox.openReader();
      this.log.info('Sender: this window sends the outbox.');
    }
    const reader = this.reader;
    if (this.blocked) {
      this.setState({ phase: this.blocked });
      return this.idleMs;
    }
    let w = this.work[0];
    if (!w) {
      const items = await reader.nextBatch(this.batchMaxCount, this.batchMaxBytes);
      if (!items.length) {
        await reader.cleanup();
        this.setState({ phase: 'idle', retryAt: undefined });
        return this.idleMs;
      }
      w = { items, attempt: 0 };
      this.work.push(w);
    }
    if (this.opts.readyToSend && !(await this.opts.readyToSend())) return this.backoffDelay(++this.holdStreak);
    this.holdStreak = 0;
    this.setState({ phase: 'sending', retryAt: undefined });
    const out = await exporter.export(w.items, this.abort.signal);
    if (this.stopped && out.kind === 'retry') return 0; // aborted by dispose: leave it for next time
    if (out.kind !== 'no-token') this.signedOutNotified = false;
    const delay = await this.settle(reader, w, out);
    // free delivered segments as the backlog drains, not only at its end (space for a full outbox)
    if (this.work.length === 0) await reader.cleanup();
    return delay;
  }

  private async settle(reader: OutboxReader, w: Work, out: ExportOutcome): Promise<number> {
    switch (out.kind) {
      case 'ok': {
        this.work.shift();
        if (out.rejected <= 0) {
          await this.accept(reader, w.items);
          return 0;
        }
        // The service names refused records by id and reason: each is settled by its reason.
        const reasonOf = new Map<string, string>();
        for (const r of out.refused ?? []) for (const id of r.ids) reasonOf.set(id.toLowerCase(), r.reason);
        const named = w.items.filter((i) => reasonOf.has(i.id.toLowerCase()));
        // Older services name ids in free text only: those are set aside with the message.
        const mentioned = w.items.filter((i) => !reasonOf.has(i.id.toLowerCase()) && out.errorMessage?.includes(i.id));
        const rest = w.items.filter((i) => !reasonOf.has(i.id.toLowerCase()) && !out.errorMessage?.includes(i.id));
        const unnamed = out.rejected - named.length - mentioned.length;
        await this.refuse(reader, named, (i) => reasonOf.get(i.id.toLowerCase())!);
        await this.reject(reader, mentioned, 200, out.errorMessage ?? 'rejected');
        if (unnamed <= 0) {
          await this.accept(reader, rest);
        } else if (unnamed >= rest.length) {
          // Every other record refused: by the one reason whose count the named ids do not cover, if there is one.
          const open = (out.refused ?? []).filter((r) => r.count > r.ids.length);
          if (open.length === 1) await this.refuse(reader, rest, () => open[0].reason);
          else await this.reject(reader, rest, 200, out.errorMessage ?? 'rejected by the collection service');
        } else {
          // which ones? resend halves (dedup by id makes resending the accepted ones harmless)
          // until each refused record is alone
          const half = Math.ceil(rest.length / 2);
          this.work.unshift({ items: rest.slice(0, half), attempt: 0 }, { items: rest.slice(half), attempt: 0 });
        }
        return 0;
      }
      case 'retry': {
        w.attempt++;
        const delay = out.retryAfterMs !== undefined ? Math.min(out.retryAfterMs, this.maxRetryAfterMs) : this.backoffDelay(w.attempt);
        if (w.attempt === 1 || w.attempt % 10 === 0) this.log.warn(`Sender: ${out.reason}; trying again in ${Math.round(delay / 1000)} s.`);
        this.setState({ phase: 'retrying', lastError: out.reason, retryAt: this.clock.now() + delay });
        return delay;
      }
      case 'split': {
        this.work.shift();
        if (w.items.length === 1) {
          await this.reject(reader, w.items, 413, 'the event is larger than the collection service accepts');
        } else {
          const half = Math.ceil(w.items.length / 2);
          this.log.info(`Sender: the service found a batch of ${w.items.length} too large; sending it in halves.`);
          this.work.unshift({ items: w.items.slice(0, half), attempt: 0 }, { items: w.items.slice(half), attempt: 0 });
        }
        return 0;
      }
      case 'fatal': {
        this.work.shift();
        await this.reject(reader, w.items, out.status, out.reason);
        this.log.error(`Sender: ${out.reason}; ${w.items.length} event(s) set aside in the dead-letter file.`);
        const action = out.status === 401 ? 'sign-in' : undefined;
        this.messageEmitter.fire({ severity: 'error', text: out.userMessage, ...(action ? { action } : {}) });
        if (out.status === 401) this.blocked = 'auth-failed';
        if (out.status === 403) this.blocked = 'forbidden';
        if (this.blocked) this.setState({ phase: this.blocked, lastError: out.reason });
        return 0;
      }
      case 'no-token': {
        if (!this.signedOutNotified) {
          this.signedOutNotified = true;
          this.messageEmitter.fire({
            severity: 'info',
            text: 'Codetrail: sign in to the collection service to send your recorded trajectories (command "Codetrail: Sign In").',
            action: 'sign-in',
          });
        }
        this.setState({ phase: 'signed-out' });
        return this.idleMs * 2;
      }
    }
  }

  private async accept(reader: OutboxReader, items: readonly OutboxItem[]): Promise<void> {
    if (!items.length) return;
    await reader.settle(items, 'a');
    this.setState({ delivered: this._state.delivered + items.length, lastError: undefined });
  }

  /**
   * Settles records the service refused, by reason: consent refusals are deleted from this
   * machine (never kept, never sent again); refusals of the event's time are set aside with a
   * warning about this machine's clock; anything else is set aside with its reason.
   */
  private async refuse(reader: OutboxReader, items: readonly OutboxItem[], reasonOf: (i: OutboxItem) => string): Promise<void> {
    const byReason = new Map<string, OutboxItem[]>();
    for (const i of items) {
      const r = reasonOf(i);
      let list = byReason.get(r);
      if (!list) byReason.set(r, (list = []));
      list.push(i);
    }
    const removed: string[] = [];
    for (const [reason, list] of byReason) {
      if (CONSENT.has(reason)) {
        await reader.settle(list, 'r');
        this.setState({ removed: (this._state.removed ?? 0) + list.length });
        removed.push(`${list.length} ${reason}`);
      } else if (CLOCK.has(reason)) {
        await this.reject(reader, list, 200, `${reason}: the event's time is too far from the collection service's clock`);
        this.log.warn(
          `Sender: the service refused ${list.length} event(s) as ${reason}; they were set aside. This computer's clock may be wrong.`,
        );
        const now = this.clock.now();
        if (now - this.clockWarnedAt >= CLOCK_WARNING_EVERY_MS) {
          this.clockWarnedAt = now;
          this.messageEmitter.fire({
            severity: 'warning',
            text:
              "Codetrail: some recorded events were set aside because their time is far from the collection service's clock. " +
              "Check this computer's date, time and time zone settings.",
          });
        }
      } else {
        await this.reject(reader, list, 200, `${reason} (refused by the collection service)`);
      }
    }
    if (removed.length) {
      this.log.info(
        `Sender: the service refused event(s) under the consent rules (${removed.join(', ')}); they were deleted from this machine.`,
      );
    }
  }

  private async reject(reader: OutboxReader, items: readonly OutboxItem[], status: number, reason: string): Promise<void> {
    if (!items.length) return;
    await reader.deadLetter(items, status, reason);
    this.setState({ deadLettered: this._state.deadLettered + items.length });
  }

  private setState(patch: Partial<SenderState>): void {
    const next = { ...this._state, ...patch };
    const changed = (Object.keys(next) as (keyof SenderState)[]).some((k) => next[k] !== this._state[k]);
    this._state = next;
    if (changed) this.stateEmitter.fire(this.state);
  }
}
