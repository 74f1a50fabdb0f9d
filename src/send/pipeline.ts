// Assembles outbox → sender for one window: the factory the composition root calls. Plain data
// in (folder, settings, a token source, a logger); no VS Code API here.
import type { TrajectoryEvent } from '@codetrail/protocol';
import type { ClientResource } from '@codetrail/protocol';
import { Emitter, silentLogger, systemClock, type Clock, type Logger } from './events';
import { Exporter, type FetchLike } from './exporter';
import { SenderLock } from './lock';
import { SendLoop, type SendMessage, type SenderState } from './loop';
import { Outbox, type PendingItem } from './outbox';
import type { MarkerBody, OutboxState } from './segments';
import { validateCollectorUrl } from './url';

export interface SendSettings {
  /** codetrail.collector.url */
  collectorUrl: string;
  /** codetrail.outbox.maxMegabytes (default 256) */
  maxMegabytes?: number;
}

export interface TokenSource {
  getToken(): Promise<string | undefined>;
}

/** Tuning knobs for tests and benchmarks; production uses the defaults. */
export interface SendTuning {
  flushIntervalMs?: number;
  segmentBytes?: number;
  segmentMaxAgeMs?: number;
  batchMaxCount?: number;
  batchMaxBytes?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  idleMs?: number;
  standbyMs?: number;
  lockStaleMs?: number;
  lockHeartbeatMs?: number;
  requestTimeoutMs?: number;
  gzip?: boolean;
  /** Free space kept on the volume (default 64 MiB). */
  minFreeBytes?: number;
  /** Exact bound in bytes (overrides maxMegabytes), for tests. */
  maxBytes?: number;
}

export interface SendPipelineOptions {
  storageDir: string;
  settings: SendSettings;
  secrets: TokenSource;
  client: ClientResource;
  log?: Logger;
  clock?: Clock;
  fetch?: FetchLike;
  random?: () => number;
  stampMarker?: (body: MarkerBody) => TrajectoryEvent;
  tuning?: SendTuning;
  /** The consent firewall every record passes before it is written (see OutboxOptions.guard). */
  guard?: (event: TrajectoryEvent) => TrajectoryEvent | undefined;
  /** See SendLoopOptions.readyToSend. */
  readyToSend?: () => Promise<boolean>;
}

export interface SendStatus {
  outbox: OutboxState;
  sender: SenderState;
  /** Set when the settings make sending impossible (e.g. an http:// URL to another machine). */
  configError?: string;
}

export interface SendPipeline {
  /** The sink for redacted events; false when refused because the outbox is full. */
  append(event: TrajectoryEvent): boolean;
  readonly status: SendStatus;
  readonly onDidChangeStatus: (listener: (s: SendStatus) => void) => { dispose(): void };
  readonly onMessage: (listener: (m: SendMessage) => void) => { dispose(): void };
  listPending(limit?: number): Promise<PendingItem[]>;
  remove(ids: Iterable<string>): Promise<number>;
  removeWhere(predicate: (e: TrajectoryEvent) => boolean): Promise<number>;
  /** Removes the selected pending events and blanks every copy on disk (segments, dead letters, sent journal). */
  purge(predicate: (e: TrajectoryEvent) => boolean): Promise<{ pending: number; sent: number; dead: number }>;
  discardSince(sinceMs: number): Promise<number>;
  /** Call after the stored token changed (sign-in / sign-out). */
  tokenChanged(): Promise<void>;
  /** Call when settings change; restarts the sender with the new URL. */
  updateSettings(settings: SendSettings): Promise<void>;
  /** Writes out pending events now (for tests and shutdown). */
  flush(): Promise<void>;
  readonly outbox: Outbox;
  /** The pipeline as the recorder's sink (write / flush / close); close disposes it. */
  readonly sink: { write(event: TrajectoryEvent): void; flush(): Promise<void>; close(): Promise<void> };
  dispose(): Promise<void>;
}

const MB = 1024 * 1024;

export async function createSendPipeline(opts: SendPipelineOptions): Promise<SendPipeline> {
  const log = opts.log ?? silentLogger;
  const clock = opts.clock ?? systemClock;
  const t = opts.tuning ?? {};
  const boundOf = (s: SendSettings) => t.maxBytes ?? Math.max(1, s.maxMegabytes ?? 256) * MB;
  const outbox = await Outbox.open({
    dir: opts.storageDir,
    maxBytes: boundOf(opts.settings),
    flushIntervalMs: t.flushIntervalMs,
    segmentBytes: t.segmentBytes,
    segmentMaxAgeMs: t.segmentMaxAgeMs,
    minFreeBytes: t.minFreeBytes,
    clock,
    log,
    stampMarker: opts.stampMarker,
    guard: opts.guard,
  });

  const statusEmitter = new Emitter<SendStatus>();
  const messageEmitter = new Emitter<SendMessage>();
  let loop: SendLoop | undefined;
  let loopSubs: { dispose(): void }[] = [];
  let configError: string | undefined;
  let disposed = false;

  const status = (): SendStatus => ({
    outbox: outbox.state,
    sender: loop?.state ?? { phase: 'stopped', delivered: 0, deadLettered: 0 },
    ...(configError ? { configError } : {}),
  });
  const fire = () => statusEmitter.fire(status());
  const outboxSub = outbox.onDidChangeState(fire);

  const startLoop = (settings: SendSettings) => {
    const check = validateCollectorUrl(settings.collectorUrl);
    if (!check.ok) {
      configError = check.error;
      log.warn(`Sender: not sending: ${check.error}`);
      fire();
      return;
    }
    configError = undefined;
    const exporter = new Exporter({
      endpoint: check.logsEndpoint,
      token: () => opts.secrets.getToken(),
      client: opts.client,
      fetch: opts.fetch,
      gzip: t.gzip,
      timeoutMs: t.requestTimeoutMs,
      now: () => clock.now(),
    });
    const lock = new SenderLock({
      dir: opts.storageDir,
      writerId: outbox.writerId,
      staleMs: t.lockStaleMs,
      heartbeatMs: t.lockHeartbeatMs,
      clock,
      log,
    });
    const l = new SendLoop({
      outbox,
      exporter,
      lock,
      clock,
      log,
      random: opts.random,
      batchMaxCount: t.batchMaxCount,
      batchMaxBytes: t.batchMaxBytes,
      backoffBaseMs: t.backoffBaseMs,
      backoffCapMs: t.backoffCapMs,
      idleMs: t.idleMs,
      standbyMs: t.standbyMs,
      readyToSend: opts.readyToSend,
    });
    loopSubs = [l.onDidChangeState(fire), l.onMessage((m) => messageEmitter.fire(m))];
    loop = l;
    l.start();
    fire();
  };

  const stopLoop = async () => {
    const l = loop;
    loop = undefined;
    loopSubs.forEach((d) => d.dispose());
    loopSubs = [];
    await l?.dispose();
  };

  startLoop(opts.settings);

  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    await stopLoop();
    await outbox.dispose();
    outboxSub.dispose();
    statusEmitter.dispose();
    messageEmitter.dispose();
  };

  return {
    append: (event) => outbox.append(event),
    get status() {
      return status();
    },
    onDidChangeStatus: statusEmitter.event,
    onMessage: messageEmitter.event,
    listPending: (limit) => outbox.listPending(limit),
    remove: (ids) => outbox.remove(ids),
    removeWhere: (p) => outbox.removeWhere(p),
    purge: (p) => outbox.purge(p),
    discardSince: (ms) => outbox.discardSince(ms),
    tokenChanged: async () => {
      await loop?.tokenChanged();
    },
    updateSettings: async (settings) => {
      if (disposed) return;
      outbox.maxBytes = boundOf(settings);
      await stopLoop();
      if (!disposed) startLoop(settings);
    },
    flush: () => outbox.flush(),
    outbox,
    sink: {
      write: (event) => void outbox.append(event),
      flush: () => outbox.flush(),
      close: dispose,
    },
    dispose,
  };
}

/**
 * A sink usable before the pipeline has opened its folder (activation is synchronous): events
 * written meanwhile are held in memory and appended, in order, once it is ready.
 */
export function deferredSink(ready: Promise<SendPipeline>, log: Logger = silentLogger): SendPipeline['sink'] {
  let pipeline: SendPipeline | undefined;
  let early: TrajectoryEvent[] | undefined = [];
  const opened = ready.then(
    (p) => {
      pipeline = p;
      const held = early ?? [];
      early = undefined;
      for (const e of held) p.append(e);
      return p;
    },
    (e: unknown) => {
      log.error(`Sender: the outbox could not be opened: ${String(e)}`);
      early = undefined;
      return undefined;
    },
  );
  return {
    write: (event) => {
      if (pipeline) pipeline.append(event);
      else early?.push(event);
    },
    flush: async () => {
      await (await opened)?.flush();
    },
    close: async () => {
      await (await opened)?.dispose();
    },
  };
}
