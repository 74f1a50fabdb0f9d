// What the transparency commands do, without VS Code: read what this machine holds (pending
// events and sent copies), build the view, remove pending events, forget local copies.
import type { TrajectoryEvent } from '@codetrail/protocol';
import {
  buildViewModel,
  eventDetail,
  matches,
  normalizeFilter,
  removalClosure,
  type EventDetail,
  type HeldEvent,
  type ViewFilter,
  type ViewModel,
} from './model';

/** The outbox as the transparency view uses it (src/send/outbox.ts implements it). */
export interface HeldStore {
  listPending(limit?: number): Promise<{ event: TrajectoryEvent }[]>;
  listSent(limit?: number): Promise<{ sentAt: number; event: TrajectoryEvent }[]>;
  remove(ids: Iterable<string>): Promise<number>;
  forgetSent(predicate: (event: TrajectoryEvent) => boolean): Promise<number>;
}

export interface RemovalReport {
  /** Events the engineer picked. */
  requested: number;
  /** Events actually removed from the outbox (picked + later steps that build on them). */
  removed: number;
  /** Later steps of the same files removed with them, since their diffs need the removed ones. */
  cascaded: number;
  /** Files whose pending history changed: capture must restate them (a new baseline). */
  files: { sessionId: string; path: string }[];
  /** Time span of the removed events (for a gap marker). */
  from: number;
  to: number;
}

export interface TransparencyOptions {
  /** Called after pending events were removed (gap marker, re-baselining). */
  onRemoved?: (r: RemovalReport) => void;
  /** Most pending events read for the view (the outbox may hold far more). */
  pendingLimit?: number;
  /** Most sent copies read for the view. */
  sentLimit?: number;
}

export class TransparencyService {
  private cache: HeldEvent[] = [];
  private readonly pendingLimit: number;
  private readonly sentLimit: number;

  private readonly store: Promise<HeldStore>;

  /** `store` may still be opening (the outbox opens after activation returns). */
  constructor(
    store: HeldStore | Promise<HeldStore>,
    private readonly opts: TransparencyOptions = {},
  ) {
    this.store = Promise.resolve(store);
    this.pendingLimit = opts.pendingLimit ?? 20_000;
    this.sentLimit = opts.sentLimit ?? 5_000;
  }

  /** Everything held, pending first (the outbox's order), then sent copies (oldest first). */
  async held(limits: { pending?: number; sent?: number } = {}): Promise<HeldEvent[]> {
    const [pending, sent] = [
      await (await this.store).listPending(limits.pending ?? this.pendingLimit),
      await (await this.store).listSent(limits.sent ?? this.sentLimit),
    ];
    const out: HeldEvent[] = pending.map((p) => ({ status: 'pending', event: p.event }));
    for (const s of sent) out.push({ status: 'sent', event: s.event, sentAt: s.sentAt });
    this.cache = out;
    return out;
  }

  async view(filter: ViewFilter | undefined, now: number, dayStart: number): Promise<ViewModel> {
    return buildViewModel(await this.held(), filter, { now, dayStart });
  }

  /** The detail of an event from the last read (the view asks for it on selection). */
  detail(id: string): EventDetail | undefined {
    const h = this.cache.find((x) => x.event.id === id && x.status === 'pending') ?? this.cache.find((x) => x.event.id === id);
    return h ? eventDetail(h) : undefined;
  }

  /** Removes pending events (and the later steps of the same files that build on them). */
  async remove(ids: Iterable<string>): Promise<RemovalReport> {
    const picked = [...ids];
    const pending = (await (await this.store).listPending(Infinity)).map((p) => p.event);
    const { ids: all, cascaded } = removalClosure(picked, pending);
    const removedEvents = pending.filter((e) => all.has(e.id));
    const removed = all.size ? await (await this.store).remove(all) : 0;
    const files = new Map<string, { sessionId: string; path: string }>();
    for (const e of removedEvents)
      if (e.kind === 'edit' || e.kind === 'file.baseline') files.set(e.sessionId + '\0' + e.path, { sessionId: e.sessionId, path: e.path });
    const times = removedEvents.map((e) => e.time);
    const report: RemovalReport = {
      requested: picked.filter((id) => pending.some((e) => e.id === id)).length,
      removed,
      cascaded,
      files: [...files.values()],
      from: times.length ? Math.min(...times) : 0,
      to: times.length ? Math.max(...times) : 0,
    };
    this.cache = this.cache.filter((h) => !(h.status === 'pending' && all.has(h.event.id)));
    if (removed > 0) this.opts.onRemoved?.(report);
    return report;
  }

  /** Removes every pending event the filter shows. */
  async removeMatching(filter: ViewFilter): Promise<RemovalReport> {
    const f = normalizeFilter({ ...filter, status: 'pending' });
    const pending = await (await this.store).listPending(Infinity);
    return this.remove(pending.filter((p) => matches({ status: 'pending', event: p.event }, f)).map((p) => p.event.id));
  }

  /** Removes local copies (pending and sent) inside a deletion's scope. */
  async forgetLocal(predicate: (e: TrajectoryEvent) => boolean): Promise<{ pending: RemovalReport; sent: number }> {
    const pendingIds = (await (await this.store).listPending(Infinity)).filter((p) => predicate(p.event)).map((p) => p.event.id);
    const pending = await this.remove(pendingIds);
    const sent = await (await this.store).forgetSent(predicate);
    return { pending, sent };
  }
}
