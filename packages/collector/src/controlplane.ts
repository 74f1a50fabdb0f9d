// Control-plane operations shared by the HTTP API and the admin command line; each step
// that changes consent or data leaves an audit entry.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canonicalId } from '@codetrail/protocol';
import { workspaceHash } from '@codetrail/protocol';
import { mergePause } from './consent';
import { utcDay, type Deletion, type Exemption, type Pause, type Policy, type Store } from './store/store';

const epochMs = z.number().int().nonnegative();

export const ExemptionRequestBody = z.object({
  reason: z.string().trim().min(1).max(2000),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('workspace'), workspace: z.string().min(1).max(128) }),
    z.object({ kind: z.literal('range'), from: epochMs, until: epochMs }).refine((s) => s.from < s.until, 'from must be before until'),
  ]),
});

export const DeletionRequestBody = z.object({
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('session'), sessionId: z.string().min(1).max(64).transform(canonicalId) }),
    z.object({ kind: z.literal('range'), from: epochMs, until: epochMs }).refine((s) => s.from < s.until, 'from must be before until'),
  ]),
});

export const PauseBody = z
  .object({
    id: z.string().min(1).max(64),
    from: epochMs,
    until: epochMs,
  })
  .refine((p) => p.from <= p.until, 'from must not be after until');

export const DecisionBody = z.object({
  decision: z.enum(['approve', 'deny']),
  note: z.string().max(2000).default(''),
});

export class NotEligible extends Error {}

/**
 * A client reports a pause (again with the same id to end it early or extend it). The store
 * keeps it by the rules of mergePause; every report leaves an audit entry with what was asked
 * and what was kept.
 */
export async function reportPause(store: Store, userId: string, asked: z.infer<typeof PauseBody>, now: number): Promise<Pause> {
  const { before, after } = await store.changePause(userId, asked.id, (b) => mergePause(b, asked, userId, asked.id, now));
  const span = (p: Pause) => ({ from: p.from, until: p.until });
  await store.addAudit({
    time: now,
    actor: `user:${userId}`,
    action: before ? 'pause.changed' : 'pause.started',
    subject: asked.id,
    detail: before
      ? { user: userId, asked: { from: asked.from, until: asked.until }, before: span(before), after: span(after) }
      : { user: userId, asked: { from: asked.from, until: asked.until }, after: span(after) },
  });
  return after;
}

export async function canRequestExemption(store: Store, policy: Policy, userId: string): Promise<boolean> {
  if (policy.exemptionGroups === null) return true;
  const user = await store.getUser(userId);
  return !!user && user.groups.some((g) => policy.exemptionGroups!.includes(g));
}

export async function requestExemption(
  store: Store,
  userId: string,
  body: z.infer<typeof ExemptionRequestBody>,
  now: number,
): Promise<Exemption> {
  const policy = await store.getPolicy();
  if (!(await canRequestExemption(store, policy, userId))) {
    throw new NotEligible(`Exemption requests are open to the groups ${policy.exemptionGroups!.join(', ')}; ask your administrator.`);
  }
  const e: Exemption = {
    id: randomUUID(),
    userId,
    reason: body.reason,
    scope: body.scope,
    status: 'pending',
    requestedAt: now,
    decidedAt: null,
    decidedBy: null,
    note: null,
  };
  await store.createExemption(e);
  await store.addAudit({
    time: now,
    actor: `user:${userId}`,
    action: 'exemption.requested',
    subject: e.id,
    detail: { scope: e.scope.kind },
  });
  return e;
}

export async function decideExemption(
  store: Store,
  id: string,
  decision: 'approve' | 'deny',
  note: string,
  actor: string,
  now: number,
): Promise<Exemption | null> {
  const status = decision === 'approve' ? 'approved' : 'denied';
  const e = await store.decideExemption(id, status, actor, note, now);
  if (e) await store.addAudit({ time: now, actor, action: `exemption.${status}`, subject: id, detail: { user: e.userId, note } });
  return e;
}

export async function requestDeletion(
  store: Store,
  userId: string,
  body: z.infer<typeof DeletionRequestBody>,
  actor: string,
  now: number,
): Promise<Deletion> {
  const d = await store.requestDeletion({ id: randomUUID(), userId, scope: body.scope, requestedAt: now });
  await store.addAudit({
    time: now,
    actor,
    action: 'deletion.requested',
    subject: d.id,
    detail: { user: userId, scope: d.scope.kind, tombstoned: d.tombstoned },
  });
  return d;
}

export interface JobReport {
  deletionsCompleted: number;
  rowsDeleted: number;
  retentionPurged: number;
  /** Held events whose session never started, dropped after HOLD_MS. */
  heldDropped: number;
  /** Partitions made ready ahead of the events they will receive (PostgreSQL). */
  partitionsCreated: string[];
}

/** How long events of a session whose start never arrives are held before they are dropped. */
export const HOLD_MS = 7 * 86_400_000;

/** Hard-deletes tombstoned data and enforces retention; safe to run from several processes. */
export async function runJobs(store: Store, actor: string, now: number): Promise<JobReport> {
  const partitionsCreated = await store.createPartitionsAhead(now);
  if (partitionsCreated.length) {
    await store.addAudit({
      time: now,
      actor,
      action: 'partitions.created',
      subject: partitionsCreated.join(' '),
      detail: { partitions: partitionsCreated },
    });
  }
  const done = await store.processDeletions(now);
  for (const d of done) {
    await store.addAudit({ time: now, actor, action: 'deletion.completed', subject: d.id, detail: { user: d.userId, deleted: d.deleted } });
  }
  const policy = await store.getPolicy();
  let purged = 0;
  if (policy.retentionDays > 0) {
    purged = await store.purgeBefore(now - policy.retentionDays * 86_400_000);
    if (purged)
      await store.addAudit({
        time: now,
        actor,
        action: 'retention.purged',
        subject: `${policy.retentionDays}d`,
        detail: { events: purged },
      });
  }
  const heldDropped = await store.purgeHeld(now - HOLD_MS);
  if (heldDropped) {
    await store.countRejections(utcDay(now), { 'unknown-session': heldDropped });
    await store.addAudit({ time: now, actor, action: 'held.dropped', subject: 'unknown-session', detail: { events: heldDropped } });
  }
  return {
    deletionsCompleted: done.length,
    rowsDeleted: done.reduce((a, d) => a + (d.deleted ?? 0), 0),
    retentionPurged: purged,
    heldDropped,
    partitionsCreated,
  };
}

export async function excludeWorkspace(store: Store, identity: string, actor: string, now: number): Promise<string> {
  const policy = await store.getPolicy();
  const hash = workspaceHash(policy.workspaceSalt, identity);
  await store.excludeWorkspace({ hash, label: identity, createdAt: now });
  await store.addAudit({ time: now, actor, action: 'workspace.excluded', subject: hash, detail: {} });
  return hash;
}
