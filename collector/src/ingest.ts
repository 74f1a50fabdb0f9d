// One OTLP logs request → validated events → consent judgement → deduplicated rows.
import { validateEvent, type TrajectoryEvent } from '../../src/protocol/schema';
import { bodyOf, type OtlpLogRecord } from '../../src/protocol/otlp';
import { judge, type RejectReason } from './consent';
import { utcDay, type EventRow, type InsertResult, type Policy, type Store } from './store/store';

/** The request is not an OTLP logs request at all: answered with 400. */
export class BadRequest extends Error {}

export interface IngestResult {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  reasons: Partial<Record<RejectReason, number>>;
  /** First schema error, for the partialSuccess message (never event content). */
  firstInvalid?: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The log records of a decoded request; throws BadRequest when its shape is wrong. */
export function logRecordsOf(req: unknown): OtlpLogRecord[] {
  if (!isObj(req)) throw new BadRequest('request is not an object');
  const out: OtlpLogRecord[] = [];
  const rls = req.resourceLogs ?? [];
  if (!Array.isArray(rls)) throw new BadRequest('resourceLogs is not an array');
  for (const rl of rls) {
    if (!isObj(rl)) throw new BadRequest('resourceLogs entry is not an object');
    const sls = rl.scopeLogs ?? [];
    if (!Array.isArray(sls)) throw new BadRequest('scopeLogs is not an array');
    for (const sl of sls) {
      if (!isObj(sl)) throw new BadRequest('scopeLogs entry is not an object');
      const lrs = sl.logRecords ?? [];
      if (!Array.isArray(lrs)) throw new BadRequest('logRecords is not an array');
      for (const lr of lrs) {
        if (!isObj(lr)) throw new BadRequest('log record is not an object');
        out.push(lr as OtlpLogRecord);
      }
    }
  }
  return out;
}

function languageOf(e: TrajectoryEvent): string | null {
  return 'languageId' in e && typeof e.languageId === 'string' ? e.languageId : null;
}

export async function ingest(
  store: Store,
  userId: string,
  records: readonly OtlpLogRecord[],
  policy: Policy,
  now: number,
): Promise<IngestResult> {
  const reasons: Partial<Record<RejectReason, number>> = {};
  const reject = (r: RejectReason) => { reasons[r] = (reasons[r] ?? 0) + 1; };
  let firstInvalid: string | undefined;
  const events: { event: TrajectoryEvent; body: string }[] = [];
  for (const rec of records) {
    const b = bodyOf(rec);
    if ('error' in b) { reject('invalid'); firstInvalid ??= b.error; continue; }
    let parsed: unknown;
    try {
      parsed = JSON.parse(b.json);
    } catch {
      reject('invalid'); firstInvalid ??= 'body is not JSON'; continue;
    }
    const v = validateEvent(parsed);
    if (!v.ok) { reject('invalid'); firstInvalid ??= v.error; continue; }
    // Stored as validated, so unknown fields a client adds never reach an export.
    events.push({ event: v.event, body: JSON.stringify(v.event) });
  }

  let inserted: InsertResult | undefined;
  if (events.length) {
    // A session's workspace comes from its session.start, kept even if that event is refused,
    // so the session's later events are still judged against workspace exclusions.
    const starts = new Map<string, string>();
    for (const { event } of events) if (event.kind === 'session.start') starts.set(event.sessionId, event.workspace);
    if (starts.size) await store.recordSessions(userId, [...starts].map(([sessionId, workspace]) => ({ sessionId, workspace })));
    const unknown = [...new Set(events.map((e) => e.event.sessionId))].filter((s) => !starts.has(s));
    const known = await store.sessionWorkspaces(userId, unknown);
    for (const [s, w] of starts) known.set(s, w);
    const ctx = await store.consentContext(userId);

    const rows: EventRow[] = [];
    for (const { event, body } of events) {
      const workspace = known.get(event.sessionId) ?? null;
      const why = judge({ time: event.time, sessionId: event.sessionId, consentState: event.consent.state, workspace }, ctx, policy, now);
      if (why) { reject(why); continue; }
      rows.push({
        id: event.id, userId, sessionId: event.sessionId, seq: event.seq, kind: event.kind, time: event.time,
        consentState: event.consent.state, language: languageOf(event), workspace, body, receivedAt: now,
      });
    }
    inserted = await store.insertEvents(rows);
  }
  const rejected = Object.values(reasons).reduce((a, b) => a + (b ?? 0), 0);
  if (rejected) await store.countRejections(utcDay(now), reasons as Record<string, number>);
  return {
    received: records.length,
    accepted: inserted?.inserted ?? 0,
    duplicates: inserted?.duplicates ?? 0,
    rejected,
    reasons,
    ...(firstInvalid !== undefined ? { firstInvalid } : {}),
  };
}
