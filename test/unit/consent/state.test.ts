import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ConsentMachine,
  deriveConsent,
  formatCountdown,
  nextTransition,
  stampOf,
  type ConsentFacts,
  type Transition,
} from '../../../src/consent/state';

const MIN = 60_000;
const st = (m: ConsentMachine): string => m.current.state;
const facts = (patch: Partial<ConsentFacts> = {}): ConsentFacts => ({
  telemetryEnabled: true,
  settingEnabled: true,
  signedIn: true,
  workspaceExcluded: false,
  workspace: 'ws-1',
  pause: undefined,
  exemptions: [],
  whilePending: 'pause',
  policyVersion: 3,
  ...patch,
});

function machine(f: ConsentFacts, start = 1_000_000) {
  let now = start;
  const m = new ConsentMachine(f, () => now);
  const seen: Transition[] = [];
  m.onTransition((t) => seen.push(t));
  return {
    m,
    seen,
    set: (t: number) => {
      now = t;
      m.reevaluate();
    },
    get now() {
      return now;
    },
  };
}

describe('consent state machine', () => {
  it('records when every switch allows it', () => {
    assert.deepEqual(deriveConsent(facts(), 0), { state: 'recording' });
  });

  it('is off with the reason, in order: telemetry, setting, workspace, sign-in', () => {
    assert.deepEqual(deriveConsent(facts({ telemetryEnabled: false, settingEnabled: false }), 0), {
      state: 'off',
      reason: 'telemetry-disabled',
    });
    assert.deepEqual(deriveConsent(facts({ settingEnabled: false }), 0), { state: 'off', reason: 'disabled-in-settings' });
    assert.deepEqual(deriveConsent(facts({ workspaceExcluded: true }), 0), { state: 'off', reason: 'workspace-excluded' });
    assert.deepEqual(deriveConsent(facts({ signedIn: false }), 0), { state: 'off', reason: 'not-signed-in' });
  });

  it('a pause stops capture until its end, then capture resumes by itself', () => {
    const t = machine(facts());
    t.m.update({ pause: { id: 'p1', from: t.now, until: t.now + 30 * MIN } });
    assert.equal(st(t.m), 'paused');
    assert.deepEqual(
      t.seen.map((s) => s.kind),
      ['stopped'],
    );
    assert.equal(t.m.nextTransition(), 1_000_000 + 30 * MIN);
    t.set(1_000_000 + 30 * MIN - 1);
    assert.equal(st(t.m), 'paused');
    t.set(1_000_000 + 30 * MIN);
    assert.equal(st(t.m), 'recording');
    const resumed = t.seen[1];
    assert.equal(resumed.kind, 'resumed');
    assert.equal(resumed.kind === 'resumed' && resumed.from, 1_000_000);
  });

  it('resuming by hand (pause removed) resumes at once', () => {
    const t = machine(facts());
    t.m.update({ pause: { id: 'p1', from: t.now, until: t.now + 30 * MIN } });
    t.set(t.now + 5 * MIN);
    t.m.update({ pause: undefined });
    assert.equal(st(t.m), 'recording');
    assert.deepEqual(
      t.seen.map((s) => s.kind),
      ['stopped', 'resumed'],
    );
  });

  it('a pause whose end passed while the editor was closed starts as recording', () => {
    const closedPause = { id: 'p1', from: 0, until: 30 * MIN };
    const t = machine(facts({ pause: closedPause }), 45 * MIN);
    assert.equal(st(t.m), 'recording');
    assert.equal(t.seen.length, 0);
  });

  it('a pause still running at start-up (reload mid-pause) starts paused and remembers when it began', () => {
    const t = machine(facts({ pause: { id: 'p1', from: 0, until: 30 * MIN } }), 10 * MIN);
    assert.equal(st(t.m), 'paused');
    t.set(31 * MIN);
    const r = t.seen[0];
    assert.equal(r.kind === 'resumed' && r.from, 0);
  });

  it('a clock jump backwards before the pause start does not resume a pause early... or late', () => {
    const t = machine(facts({ pause: { id: 'p1', from: 10 * MIN, until: 40 * MIN } }), 20 * MIN);
    assert.equal(st(t.m), 'paused');
    t.set(5 * MIN); // clock set back: the pause is not in force before it began
    assert.equal(st(t.m), 'recording');
    t.set(20 * MIN);
    assert.equal(st(t.m), 'paused');
    t.set(2 * 60 * MIN); // clock jumps far ahead: ends, once
    assert.equal(st(t.m), 'recording');
    assert.deepEqual(
      t.seen.map((s) => s.kind),
      ['resumed', 'stopped', 'resumed'],
    );
  });

  it('a pending exemption pauses capture by default, or keeps recording if the policy says so', () => {
    const pending = { id: 'e1', status: 'pending' as const, scope: { kind: 'all' as const } };
    assert.equal(deriveConsent(facts({ exemptions: [pending] }), 0).state, 'pending');
    assert.equal(deriveConsent(facts({ exemptions: [pending], whilePending: 'record' }), 0).state, 'recording');
  });

  it('approval makes the user exempt in its scope only; denial returns to recording', () => {
    const ws = { id: 'e1', status: 'approved' as const, scope: { kind: 'workspace' as const, workspace: 'ws-1' } };
    assert.equal(deriveConsent(facts({ exemptions: [ws] }), 0).state, 'exempt');
    assert.equal(deriveConsent(facts({ exemptions: [ws], workspace: 'ws-2' }), 0).state, 'recording');
    const t = machine(facts({ exemptions: [{ ...ws, status: 'pending' }] }));
    assert.equal(st(t.m), 'pending');
    t.m.update({ exemptions: [{ ...ws, status: 'denied', note: 'needed for the study' }] });
    assert.equal(st(t.m), 'recording');
  });

  it('a time-range exemption applies inside its range only, with transitions at both ends', () => {
    const range = { id: 'e2', status: 'approved' as const, scope: { kind: 'range' as const, from: 10 * MIN, until: 20 * MIN } };
    const t = machine(facts({ exemptions: [range] }), 0);
    assert.equal(st(t.m), 'recording');
    assert.equal(t.m.nextTransition(), 10 * MIN);
    t.set(10 * MIN);
    assert.equal(st(t.m), 'exempt');
    t.set(20 * MIN);
    assert.equal(st(t.m), 'recording');
    assert.deepEqual(
      t.seen.map((s) => s.kind),
      ['stopped', 'resumed'],
    );
  });

  it('an exemption outranks a pause, and turning telemetry off outranks both', () => {
    const f = facts({
      pause: { id: 'p', from: 0, until: 10 * MIN },
      exemptions: [{ id: 'e', status: 'approved', scope: { kind: 'all' } }],
    });
    assert.equal(deriveConsent(f, MIN).state, 'exempt');
    assert.equal(deriveConsent({ ...f, telemetryEnabled: false }, MIN).state, 'off');
  });

  it('moving between two non-capturing states is a change, not a resume', () => {
    const t = machine(facts({ pause: { id: 'p', from: 0, until: 10 * MIN } }), MIN);
    t.m.update({ telemetryEnabled: false });
    assert.deepEqual(
      t.seen.map((s) => s.kind),
      ['changed'],
    );
    t.m.update({ telemetryEnabled: true, pause: undefined });
    assert.equal(t.seen[1].kind, 'resumed');
  });

  it('stamps name the state, the policy version and the pause or exemption', () => {
    assert.deepEqual(stampOf({ state: 'recording' }, 4), { state: 'recording', policyVersion: 4 });
    assert.deepEqual(stampOf({ state: 'paused', pause: { id: 'p9', from: 0, until: 1 } }, 4), {
      state: 'paused',
      policyVersion: 4,
      pauseId: 'p9',
    });
  });

  it('what is flushed while a stop is handled carries the stamp it was captured under', () => {
    const t = machine(facts());
    const stamps: string[] = [];
    t.m.onTransition(() => stamps.push(t.m.stamp().state));
    t.m.update({ pause: { id: 'p1', from: t.now, until: t.now + MIN } });
    assert.deepEqual(stamps, ['recording']);
    assert.equal(t.m.stamp().state, 'paused');
    assert.equal(t.m.stamp().pauseId, 'p1');
  });

  it('formats the countdown as the status bar shows it', () => {
    assert.equal(formatCountdown(30 * MIN), '30:00');
    assert.equal(formatCountdown(29 * MIN + 41_000), '29:41');
    assert.equal(formatCountdown(999), '0:01');
    assert.equal(formatCountdown(1499), '0:01');
    assert.equal(formatCountdown(1501), '0:02');
    assert.equal(formatCountdown(400), '0:00');
    assert.equal(formatCountdown(-5), '0:00');
    assert.equal(formatCountdown(2 * 60 * MIN + 5 * MIN), '2:05:00');
  });

  it('never reports capturing while a pause covers now, whatever the clock does (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 * MIN }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 50 * MIN }),
        (times, start) => {
          const pause = { id: 'p', from: start, until: start + 30 * MIN };
          let now = 0;
          const m = new ConsentMachine(facts({ pause }), () => now);
          let capturing = m.capturing;
          m.onTransition((tr) => {
            capturing = tr.kind === 'resumed' ? true : tr.kind === 'stopped' ? false : capturing;
          });
          for (const t of times) {
            now = t;
            m.reevaluate();
            const inPause = t >= pause.from && t < pause.until;
            assert.equal(m.capturing, !inPause);
            assert.equal(capturing, !inPause);
            const next = nextTransition(m.currentFacts, t);
            if (next !== undefined) assert.ok(next > t);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
