// Validated events of one request → consent judgement → deduplicated rows.
import { judge, type RejectReason } from './consent';
import type { DecodedBatch } from './decode';
import { utcDay, type InsertResult, type NewEventRow, type Policy, type Store } from './store/store';

export interface IngestResult {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  reasons: Partial<Record<RejectReason, number>>;
  /** First schema error, for the partialSuccess message (never event content). */
  firstInvalid?: string;
}

export async function ingest(
  store: Store,
  userId: string,
  batch: DecodedBatch,
  policy: Policy,
  now: number,
): Promise<IngestResult> {
  const reasons: Partial<Record<RejectReason, number>> = {};
  const reject = (r: RejectReason) => { reasons[r] = (reasons[r] ?? 0) + 1; };
  if (batch.invalid) reasons.invalid = batch.invalid;
  const events = batch.events;
  let inserted: InsertResult | undefined;
  if (events.length) {
    // A session's workspace comes from its session.start, kept even if that event is refused,
    // so the session's later events are still judged against workspace exclusions.
    const starts = new Map<string, string>();
    for (const e of events) if (e.startWorkspace !== null) starts.set(e.sessionId, e.startWorkspace);
    const unknown = [...new Set(events.map((e) => e.sessionId))].filter((s) => !starts.has(s));
    let from = Infinity;
    let until = -Infinity;
    for (const e of events) { if (e.time < from) from = e.time; if (e.time > until) until = e.time; }
    // Independent of one another, so a networked store answers them in one round trip's time.
    const [, { consent: ctx, workspaces: known }] = await Promise.all([
      starts.size ? store.recordSessions(userId, [...starts].map(([sessionId, workspace]) => ({ sessionId, workspace }))) : undefined,
      store.ingestContext(userId, unknown, { from, until }),
    ]);
    for (const [s, w] of starts) known.set(s, w);

    const rows: NewEventRow[] = [];
    for (const e of events) {
      const workspace = known.get(e.sessionId) ?? null;
      const why = judge({ time: e.time, sessionId: e.sessionId, consentState: e.consentState, workspace }, ctx, policy, now);
      if (why) { reject(why); continue; }
      rows.push({
        id: e.id, userId, sessionId: e.sessionId, seq: e.seq, kind: e.kind, time: e.time,
        consentState: e.consentState, language: e.language, workspace, body: e.body, receivedAt: now,
      });
    }
    inserted = await store.insertEvents(rows);
  }
  const rejected = Object.values(reasons).reduce((a, b) => a + (b ?? 0), 0);
  if (rejected) await store.countRejections(utcDay(now), reasons as Record<string, number>);
  return {
    received: batch.received,
    accepted: inserted?.inserted ?? 0,
    duplicates: inserted?.duplicates ?? 0,
    rejected,
    reasons,
    ...(batch.firstInvalid !== undefined ? { firstInvalid: batch.firstInvalid } : {}),
  };
}
