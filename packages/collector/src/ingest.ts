// Validated events of one request → consent judgement → deduplicated rows. Events of a
// session whose start the service has not received are held apart, unjudged, and judged
// when it arrives: nothing is stored that was not judged.
import { DEFAULT_TIME_BOUNDS, judge, judgeTime, type RejectReason, type TimeBounds } from './consent';
import type { DecodedBatch, ValidEvent } from './decode';
import { utcDay, type NewEventRow, type Policy, type Store } from './store/store';

type Counts = Partial<Record<RejectReason, number>>;

export interface IngestResult {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  reasons: Counts;
  /** Ids of the refused events by reason (invalid records may have none). */
  refusedIds: Partial<Record<RejectReason, string[]>>;
  /** First schema error, for the partialSuccess message (never event content). */
  firstInvalid?: string;
  /** Own times of the events handed to the store (stored now or found stored). */
  storedTimes: number[];
  /** Events of this request held until their session's start arrives. */
  held: number;
  /** Events held by earlier requests, judged now that their session's start arrived. */
  released: { accepted: number; reasons: Counts };
}

/** Judging with facts that changed before the insert is repeated; this many times at most. */
const MAX_JUDGEMENTS = 5;

/** An event of this request (received now) or a held one (received when it was held). */
type Candidate = Omit<ValidEvent, 'startWorkspace'> & { receivedAt?: number };

interface Judged {
  reasons: Counts;
  refusedIds: Partial<Record<RejectReason, string[]>>;
  stored: NewEventRow[];
  inserted: number;
  duplicates: number;
  /** Events of sessions not known: to be held. */
  unknown: NewEventRow[];
}

const rowOf = (e: Candidate, userId: string, workspace: string | null, receivedAt: number): NewEventRow => ({
  id: e.id,
  userId,
  sessionId: e.sessionId,
  seq: e.seq,
  kind: e.kind,
  time: e.time,
  consentState: e.consentState,
  language: e.language,
  workspace,
  body: e.body,
  receivedAt,
});

function spanOf(events: readonly { time: number }[]): { from: number; until: number } {
  let from = Infinity;
  let until = -Infinity;
  for (const e of events) {
    if (e.time < from) from = e.time;
    if (e.time > until) until = e.time;
  }
  return { from, until };
}

/**
 * Judges events by the user's consent facts and stores those allowed, only if the facts are
 * still those judged by when the rows are written (else judges again).
 */
async function judgeAndStore(
  store: Store,
  userId: string,
  events: readonly Candidate[],
  starts: ReadonlyMap<string, string>,
  policy: Policy,
  now: number,
  bounds: TimeBounds,
  recorded?: Promise<void>,
): Promise<Judged> {
  const sessionIds = [...new Set(events.map((e) => e.sessionId))];
  const span = spanOf(events);
  for (let judgement = 1; ; judgement++) {
    // Independent of one another, so a networked store answers them in one round trip's time.
    const [, ctx] = await Promise.all([judgement === 1 ? recorded : undefined, store.ingestContext(userId, sessionIds, span)]);
    const deleted = ctx.consent.deletions.length
      ? await store.deletedIds(
          userId,
          events.map((e) => e.id),
        )
      : undefined;
    const out: Judged = { reasons: {}, refusedIds: {}, stored: [], inserted: 0, duplicates: 0, unknown: [] };
    for (const e of events) {
      // A session's workspace is fixed by its first declaration: one stored by an earlier
      // batch, else the first session.start of this batch.
      const workspace = ctx.workspaces.get(e.sessionId) ?? starts.get(e.sessionId) ?? null;
      const receivedAt = e.receivedAt ?? now;
      const why =
        judge(
          { id: e.id, kind: e.kind, time: e.time, sessionId: e.sessionId, consentState: e.consentState, workspace, receivedAt },
          ctx.consent,
          policy,
          deleted,
        ) ?? judgeTime(e.time, receivedAt, policy, bounds);
      if (why === 'unknown-session') {
        out.unknown.push(rowOf(e, userId, null, receivedAt));
      } else if (why) {
        out.reasons[why] = (out.reasons[why] ?? 0) + 1;
        (out.refusedIds[why] ??= []).push(e.id);
      } else {
        out.stored.push(rowOf(e, userId, workspace, receivedAt));
      }
    }
    if (!out.stored.length) return out;
    // A deletion, pause or exemption made meanwhile, by this process or another, makes the
    // batch be judged again.
    const r = await store.insertEvents(out.stored, { userId, consentVersion: ctx.version });
    if (!r.stale) return { ...out, inserted: r.inserted, duplicates: r.duplicates };
    if (judgement >= MAX_JUDGEMENTS) throw new Error('the consent facts of the user kept changing while a batch was stored');
  }
}

export async function ingest(
  store: Store,
  userId: string,
  batch: DecodedBatch,
  policy: Policy,
  now: number,
  bounds: TimeBounds = DEFAULT_TIME_BOUNDS,
): Promise<IngestResult> {
  const result: IngestResult = {
    received: batch.received,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    reasons: {},
    refusedIds: {},
    storedTimes: [],
    held: 0,
    released: { accepted: 0, reasons: {} },
  };
  const events = batch.events;
  if (events.length) {
    // The declaration is kept even if its event is refused, so the session's later events are
    // still judged against workspace exclusions.
    const starts = new Map<string, string>();
    for (const e of events) if (e.startWorkspace !== null && !starts.has(e.sessionId)) starts.set(e.sessionId, e.startWorkspace);
    const recorded = starts.size
      ? store.recordSessions(
          userId,
          [...starts].map(([sessionId, workspace]) => ({ sessionId, workspace })),
        )
      : undefined;
    const judged = await judgeAndStore(store, userId, events, starts, policy, now, bounds, recorded);
    Object.assign(result, {
      reasons: judged.reasons,
      refusedIds: judged.refusedIds,
      accepted: judged.inserted,
      duplicates: judged.duplicates,
    });
    result.storedTimes = judged.stored.map((r) => r.time);

    /** Judges the held events of these sessions, now known; refusals are counted, not answered. */
    const release = async (sessionIds: readonly string[]) => {
      const rows = await store.releaseHeld(userId, sessionIds);
      if (!rows.length) return;
      const r = await judgeAndStore(store, userId, rows, new Map(), policy, now, bounds);
      result.released.accepted += r.inserted;
      result.duplicates += r.duplicates;
      for (const [k, n] of Object.entries(r.reasons))
        result.released.reasons[k as RejectReason] = (result.released.reasons[k as RejectReason] ?? 0) + (n ?? 0);
      result.storedTimes.push(...r.stored.map((x) => x.time));
      if (r.unknown.length) await store.holdEvents(r.unknown);
    };

    if (judged.unknown.length) {
      const h = await store.holdEvents(judged.unknown);
      result.held = h.held;
      result.duplicates += h.duplicates;
      // A start stored by another request meanwhile may have looked for held events before
      // these were written: look again, so one of the two requests judges them.
      const heldSessions = [...new Set(judged.unknown.map((r) => r.sessionId))];
      const known = (await store.ingestContext(userId, heldSessions, spanOf(judged.unknown))).workspaces;
      if (known.size) await release([...known.keys()]);
    }
    if (starts.size) await release([...starts.keys()]);
  }
  if (batch.invalid) result.reasons.invalid = batch.invalid;
  result.rejected = Object.values(result.reasons).reduce((a, b) => a + (b ?? 0), 0);
  const counted: Counts = { ...result.released.reasons };
  for (const [k, n] of Object.entries(result.reasons)) counted[k as RejectReason] = (counted[k as RejectReason] ?? 0) + (n ?? 0);
  if (Object.keys(counted).length) await store.countRejections(utcDay(now), counted as Record<string, number>);
  if (!batch.firstInvalid) return result;
  return { ...result, firstInvalid: batch.firstInvalid };
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
