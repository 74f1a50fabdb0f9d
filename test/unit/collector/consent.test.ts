// The service's consent judgement, pure: by its own clock, by facts no deletion erases.
import assert from 'node:assert/strict';
import { DEFAULT_TIME_BOUNDS, judge, judgeTime, mergePause, type JudgedEvent } from '@codetrail/collector/internal/consent';
import { DEFAULT_POLICY, type ConsentContext, type Exemption, type Policy } from '@codetrail/collector/internal/store/store';

const NOW = Date.UTC(2026, 10, 2, 9, 0, 0);
const policy: Policy = { ...DEFAULT_POLICY, workspaceSalt: 's' };
const none = (): ConsentContext => ({ exemptions: [], pauses: [], deletions: [], excludedWorkspaces: new Set() });
const event = (over: Partial<JudgedEvent> = {}): JudgedEvent => ({
  id: 'e1',
  kind: 'edit',
  time: NOW - 1000,
  sessionId: 's1',
  consentState: 'recording',
  workspace: 'w',
  receivedAt: NOW,
  ...over,
});
const exemption = (over: Partial<Exemption>): Exemption => ({
  id: 'x',
  userId: 'u',
  reason: 'r',
  scope: { kind: 'all' },
  status: 'pending',
  requestedAt: NOW - 60_000,
  decidedAt: null,
  decidedBy: null,
  note: null,
  ...over,
});

describe('server-side consent judgement', () => {
  it("refuses an event of a session it does not know, except the outbox's own markers", () => {
    assert.equal(judge(event({ workspace: null }), none(), policy), 'unknown-session');
    assert.equal(judge(event({ workspace: null, kind: 'marker' }), none(), policy), null);
    assert.equal(judge(event(), none(), policy), null);
  });

  it('counts a pending exemption from when the service received it, whatever time the event carries', () => {
    const ctx = { ...none(), exemptions: [exemption({})] };
    assert.equal(judge(event({ time: NOW - 3_600_000 }), ctx, policy), 'exemption-pending', 'backdated, received after the request');
    assert.equal(judge(event({ receivedAt: NOW - 120_000 }), ctx, policy), null, 'received before the request (the export re-check)');
    assert.equal(judge(event(), ctx, { ...policy, whilePending: 'record' }), null);
    // the state at the time it was received: approved only from the decision on
    const approved = { ...none(), exemptions: [exemption({ status: 'approved', decidedAt: NOW - 30_000 })] };
    assert.equal(judge(event(), approved, policy), 'exempt');
    assert.equal(judge(event({ receivedAt: NOW - 40_000 }), approved, policy), 'exemption-pending');
  });

  it('keeps deleted what a deletion covered: its ids whatever their time, and for "all" what was recorded before it', () => {
    const ctx = {
      ...none(),
      deletions: [
        {
          id: 'd',
          userId: 'u',
          scope: { kind: 'all' as const },
          status: 'done' as const,
          requestedAt: NOW - 10_000,
          tombstoned: 1,
          deleted: 1,
          completedAt: NOW,
        },
      ],
    };
    assert.equal(judge(event({ time: NOW - 20_000 }), ctx, policy), 'deleted');
    assert.equal(judge(event({ time: NOW - 5_000 }), ctx, policy), null, 'recorded after the request');
    assert.equal(judge(event({ time: NOW - 5_000 }), ctx, policy, new Set(['e1'])), 'deleted', 'a tombstoned id');
  });

  it("bounds an event's time by the server's clock", () => {
    const b = DEFAULT_TIME_BOUNDS;
    assert.equal(judgeTime(NOW + b.maxAheadMs, NOW, policy, b), null);
    assert.equal(judgeTime(NOW + b.maxAheadMs + 1, NOW, policy, b), 'future-time');
    assert.equal(judgeTime(Number.MAX_SAFE_INTEGER, NOW, policy, b), 'future-time');
    assert.equal(judgeTime(NOW - 366 * 86_400_000, NOW, policy, b), 'retention');
    assert.equal(judgeTime(NOW - 366 * 86_400_000, NOW, { ...policy, retentionDays: 0 }, b), null);
    assert.equal(judgeTime(1, NOW, { ...policy, retentionDays: 0 }, b), 'too-old');
  });

  it("keeps a pause's start; lets it grow, or end early but never before now", () => {
    const first = mergePause(null, { from: NOW - 60_000, until: NOW + 60_000 }, 'u', 'p', NOW);
    assert.deepEqual([first.from, first.until], [NOW - 60_000, NOW + 60_000]);
    const erased = mergePause(first, { from: 0, until: 0 }, 'u', 'p', NOW);
    assert.deepEqual([erased.from, erased.until], [NOW - 60_000, NOW]);
    const moved = mergePause(first, { from: NOW + 10_000, until: NOW + 20_000 }, 'u', 'p', NOW);
    assert.deepEqual([moved.from, moved.until], [NOW - 60_000, NOW + 20_000], 'ended early, from unchanged');
    const longer = mergePause(first, { from: NOW - 60_000, until: NOW + 600_000 }, 'u', 'p', NOW);
    assert.equal(longer.until, NOW + 600_000);
    // a pause already over stays as it was
    const over = mergePause(first, { from: 0, until: 0 }, 'u', 'p', NOW + 3_600_000);
    assert.equal(over.until, NOW + 60_000);
  });
});
