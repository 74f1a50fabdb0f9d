// Server-side consent: the service judges every event on its own, whatever the client
// stamped. Pure: the caller loads the user's consent facts once per batch.
import type { ConsentContext, DeletionScope, ExemptionScope, Policy } from './store/store';

export const REJECT_REASONS = [
  'invalid',
  'consent-state',
  'paused',
  'excluded-workspace',
  'exempt',
  'exemption-pending',
  'deleted',
  'retention',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface JudgedEvent {
  time: number;
  sessionId: string;
  consentState: string;
  /** The workspace hash of the event's session, when known. */
  workspace: string | null;
}

function exemptionCovers(scope: ExemptionScope, e: JudgedEvent): boolean {
  switch (scope.kind) {
    case 'all': return true;
    case 'workspace': return e.workspace !== null && e.workspace === scope.workspace;
    case 'range': return e.time >= scope.from && e.time < scope.until;
  }
}

function deletionCovers(scope: DeletionScope, requestedAt: number, e: JudgedEvent): boolean {
  switch (scope.kind) {
    // "Delete all my data" covers what was recorded before the request, not what comes after.
    case 'all': return e.time <= requestedAt;
    case 'session': return e.sessionId === scope.sessionId;
    case 'range': return e.time >= scope.from && e.time < scope.until;
  }
}

/** Why the event must be refused, or null when it may be stored. */
export function judge(e: JudgedEvent, ctx: ConsentContext, policy: Policy, now: number): RejectReason | null {
  if (e.consentState !== 'recording') return 'consent-state';
  for (const p of ctx.pauses) if (e.time >= p.from && e.time < p.until) return 'paused';
  if (e.workspace !== null && ctx.excludedWorkspaces.has(e.workspace)) return 'excluded-workspace';
  for (const x of ctx.exemptions) {
    if (!exemptionCovers(x.scope, e)) continue;
    if (x.status === 'approved') return 'exempt';
    if (x.status === 'pending' && policy.whilePending === 'pause' && e.time >= x.requestedAt) return 'exemption-pending';
  }
  for (const d of ctx.deletions) if (deletionCovers(d.scope, d.requestedAt, e)) return 'deleted';
  if (policy.retentionDays > 0 && e.time < now - policy.retentionDays * 86_400_000) return 'retention';
  return null;
}
