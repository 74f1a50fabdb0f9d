// Server-side consent: the service judges every event on its own, whatever the client
// stamped, by the server's clock and by consent facts that no data deletion erases. Pure:
// the caller loads the user's consent facts once per batch (or per user, for the export).
import { CLOCK_REFUSALS, CONSENT_REFUSALS } from '@codetrail/protocol';
import type { ConsentContext, DeletionScope, ExemptionScope, Pause, Policy } from './store/store';

/** Consent refusals make the sender delete the events locally; clock refusals, set them aside. */
export const REJECT_REASONS = ['invalid', 'unknown-session', ...CONSENT_REFUSALS, ...CLOCK_REFUSALS] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** How far the server trusts an event's own time. */
export interface TimeBounds {
  /** An event stamped further ahead of the server's clock than this is refused ("future-time"). */
  maxAheadMs: number;
  /** An event older than this is refused ("too-old"), whatever the retention. */
  maxAgeMs: number;
}

export const DEFAULT_TIME_BOUNDS: TimeBounds = { maxAheadMs: 5 * 60_000, maxAgeMs: 400 * 86_400_000 };

export interface JudgedEvent {
  id: string;
  kind: string;
  time: number;
  sessionId: string;
  consentState: string;
  /** The workspace its session was first declared in; null when the session is unknown. */
  workspace: string | null;
  /** When the server received it (now, at ingest). */
  receivedAt: number;
}

function exemptionCovers(scope: ExemptionScope, e: JudgedEvent): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'workspace':
      return e.workspace === scope.workspace;
    case 'range':
      return e.time >= scope.from && e.time < scope.until;
  }
}

/**
 * What a deletion covers besides the rows it tombstoned (every row of the scope present when it
 * was made): for "all", what was recorded up to the request, so a batch in flight at that moment
 * does not come back either; an id it tombstoned is refused for good (`deletedIds`).
 */
export function deletionCovers(
  scope: DeletionScope,
  requestedAt: number,
  e: Pick<JudgedEvent, 'time' | 'sessionId' | 'receivedAt'>,
): boolean {
  switch (scope.kind) {
    case 'all':
      return e.receivedAt <= requestedAt || e.time <= requestedAt;
    case 'session':
      return e.sessionId === scope.sessionId;
    case 'range':
      return e.time >= scope.from && e.time < scope.until;
  }
}

/**
 * Why the event must be refused by the user's consent facts, or null. Exemptions count from
 * when the server received their request: while one is pending (and the policy pauses
 * meanwhile) every event received after it is refused, whatever time it carries.
 */
export function judge(e: JudgedEvent, ctx: ConsentContext, policy: Policy, deletedIds?: ReadonlySet<string>): RejectReason | null {
  if (e.consentState !== 'recording') return 'consent-state';
  for (const p of ctx.pauses) if (e.time >= p.from && e.time < p.until) return 'paused';
  // A marker (what the outbox dropped, and why) describes the stream, not work in a workspace:
  // the outbox stamps it with a session of its own that never starts.
  if (e.workspace === null && e.kind !== 'marker') return 'unknown-session';
  if (e.workspace !== null && ctx.excludedWorkspaces.has(e.workspace)) return 'excluded-workspace';
  for (const x of ctx.exemptions) {
    if (e.receivedAt < x.requestedAt || !exemptionCovers(x.scope, e)) continue;
    const status = x.decidedAt !== null && x.decidedAt <= e.receivedAt ? x.status : 'pending';
    if (status === 'approved') return 'exempt';
    if (status === 'pending' && policy.whilePending === 'pause') return 'exemption-pending';
  }
  if (deletedIds?.has(e.id)) return 'deleted';
  for (const d of ctx.deletions) if (deletionCovers(d.scope, d.requestedAt, e)) return 'deleted';
  return null;
}

/** Why the event's time cannot be trusted against the server's clock `now`, or null. */
export function judgeTime(time: number, now: number, policy: Policy, bounds: TimeBounds): RejectReason | null {
  if (time > now + bounds.maxAheadMs) return 'future-time';
  if (policy.retentionDays > 0 && time < now - policy.retentionDays * 86_400_000) return 'retention';
  if (time < now - bounds.maxAgeMs) return 'too-old';
  return null;
}

/** The pause as asked, within the rules: its start is fixed by its first report; it may be
 * extended, or ended early, but not before `now` — what it covered up to now stays covered. */
export function mergePause(before: Pause | null, asked: { from: number; until: number }, userId: string, id: string, now: number): Pause {
  if (!before) return { userId, id, from: asked.from, until: Math.max(asked.from, asked.until), reportedAt: now };
  const floor = Math.min(before.until, now);
  return { userId, id, from: before.from, until: Math.max(before.from, floor, asked.until), reportedAt: now };
}
