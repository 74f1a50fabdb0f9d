// Validated events of one request → consent judgement → deduplicated rows.
import { DEFAULT_TIME_BOUNDS, judge, judgeTime, type RejectReason, type TimeBounds } from './consent';
import type { DecodedBatch } from './decode';
import { utcDay, type InsertResult, type NewEventRow, type Policy, type Store } from './store/store';

export interface IngestResult {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  reasons: Partial<Record<RejectReason, number>>;
  /** Ids of the refused events by reason (invalid records may have none). */
  refusedIds: Partial<Record<RejectReason, string[]>>;
  /** First schema error, for the partialSuccess message (never event content). */
  firstInvalid?: string;
  /** Own times of the events handed to the store (stored now or found stored). */
  storedTimes: number[];
}

/** Judging with facts that changed before the insert is repeated; this many times at most. */
const MAX_JUDGEMENTS = 5;

export async function ingest(
  store: Store,
  userId: string,
  batch: DecodedBatch,
  policy: Policy,
  now: number,
  bounds: TimeBounds = DEFAULT_TIME_BOUNDS,
): Promise<IngestResult> {
  let reasons: Partial<Record<RejectReason, number>> = {};
  let refusedIds: Partial<Record<RejectReason, string[]>> = {};
  const events = batch.events;
  let inserted: InsertResult | undefined;
  let rows: NewEventRow[] = [];
  if (events.length) {
    // A session's workspace is fixed by its first declaration: one stored by an earlier batch,
    // else the first session.start of this batch. The declaration is kept even if that event is
    // refused, so the session's later events are still judged against workspace exclusions.
    const starts = new Map<string, string>();
    for (const e of events) if (e.startWorkspace !== null && !starts.has(e.sessionId)) starts.set(e.sessionId, e.startWorkspace);
    const sessionIds = [...new Set(events.map((e) => e.sessionId))];
    let from = Infinity;
    let until = -Infinity;
    for (const e of events) { if (e.time < from) from = e.time; if (e.time > until) until = e.time; }
    const recorded = starts.size
      ? store.recordSessions(userId, [...starts].map(([sessionId, workspace]) => ({ sessionId, workspace })))
      : undefined;
    for (let judgement = 1; ; judgement++) {
      // Independent of one another, so a networked store answers them in one round trip's time.
      const [, ctx] = await Promise.all([judgement === 1 ? recorded : undefined, store.ingestContext(userId, sessionIds, { from, until })]);
      const deleted = ctx.consent.deletions.length ? await store.deletedIds(userId, events.map((e) => e.id)) : undefined;
      reasons = {};
      refusedIds = {};
      rows = [];
      inserted = undefined;
      for (const e of events) {
        const workspace = ctx.workspaces.get(e.sessionId) ?? starts.get(e.sessionId) ?? null;
        const why = judge(
          { id: e.id, kind: e.kind, time: e.time, sessionId: e.sessionId, consentState: e.consentState, workspace, receivedAt: now },
          ctx.consent, policy, deleted,
        ) ?? judgeTime(e.time, now, policy, bounds);
        if (why) {
          reasons[why] = (reasons[why] ?? 0) + 1;
          (refusedIds[why] ??= []).push(e.id);
          continue;
        }
        rows.push({
          id: e.id, userId, sessionId: e.sessionId, seq: e.seq, kind: e.kind, time: e.time,
          consentState: e.consentState, language: e.language, workspace, body: e.body, receivedAt: now,
        });
      }
      if (!rows.length) break;
      // Stored only if the user's consent facts are still those judged by (a deletion, pause or
      // exemption made meanwhile, by this process or another, makes the batch be judged again).
      inserted = await store.insertEvents(rows, { userId, consentVersion: ctx.version });
      if (!inserted.stale) break;
      if (judgement >= MAX_JUDGEMENTS) throw new Error('the consent facts of the user kept changing while a batch was stored');
    }
  }
  if (batch.invalid) reasons.invalid = batch.invalid;
  const rejected = Object.values(reasons).reduce((a, b) => a + (b ?? 0), 0);
  if (rejected) await store.countRejections(utcDay(now), reasons as Record<string, number>);
  return {
    received: batch.received,
    accepted: inserted?.inserted ?? 0,
    duplicates: inserted?.duplicates ?? 0,
    rejected,
    reasons,
    refusedIds,
    ...(batch.firstInvalid !== undefined ? { firstInvalid: batch.firstInvalid } : {}),
    storedTimes: rows.map((r) => r.time),
  };
}

/**
 * The partialSuccess message: a count and the ids of the refused events for each reason, so a
 * sender can settle each event by its reason ("3 paused [id id id], 1 invalid"), then the first
 * schema error. Ids are canonical UUIDs; nothing of an event's content is repeated.
 */
export function refusalMessage(r: Pick<IngestResult, 'reasons' | 'refusedIds' | 'firstInvalid'>): string {
  const parts = Object.entries(r.reasons).map(([reason, n]) => {
    const ids = r.refusedIds[reason as RejectReason];
    return `${n} ${reason}${ids?.length ? ` [${ids.join(' ')}]` : ''}`;
  });
  return `rejected: ${parts.join(', ')}${r.firstInvalid ? ` (first invalid: ${r.firstInvalid.slice(0, 200)})` : ''}`;
}
