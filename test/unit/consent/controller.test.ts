import * as assert from 'node:assert/strict';
import { ConsentController, type Clock, type ConsentSettings, type ConsentStore } from '../../../src/consent/controller';
import { ControlError, type PolicyResponse } from '../../../src/consent/client';
import type { ConsentRecord } from '../../../src/consent/file';
import type { ConsentView, Exemption, ExemptionScope, Pause } from '../../../src/consent/state';
import type { GateDecision } from '../../../src/capture/gate';
import type { DeletionScope } from '@codetrail/protocol';

const MIN = 60_000;
const T0 = Date.UTC(2026, 5, 1, 9, 0, 0);

/** Lets promises started by a timer or a call settle (the fakes answer without real waiting). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

class FakeClock implements Clock {
  private timers: { id: number; at: number; run: () => unknown }[] = [];
  private nextId = 1;
  constructor(public t = T0) {}
  now = (): number => this.t;
  setTimeout = (run: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.push({ id, at: this.t + ms, run });
    return id;
  };
  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((x) => x.id !== handle);
  };
  /** Moves the clock on, running each timer that falls due at its own instant. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = Math.max(this.t, due.at);
      await due.run();
      await settle();
    }
    this.t = target;
  }
  pending(): number[] {
    return this.timers.map((x) => x.at - this.t).sort((a, b) => a - b);
  }
}

class MemoryStore implements ConsentStore {
  private listeners: ((r: ConsentRecord) => void)[] = [];
  constructor(public record: ConsentRecord = { exemptions: [], noticeShown: true }) {}
  get current(): ConsentRecord {
    return this.record;
  }
  open(): Promise<ConsentRecord> {
    return Promise.resolve(this.record);
  }
  onDidChange(listener: (r: ConsentRecord) => void): { dispose(): void } {
    this.listeners.push(listener);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  }
  update(change: (r: ConsentRecord) => ConsentRecord): Promise<void> {
    this.record = change(structuredClone(this.record));
    for (const l of [...this.listeners]) l(this.record);
    return Promise.resolve();
  }
  sync(): Promise<ConsentRecord> {
    return Promise.resolve(this.record);
  }
  /** Another window wrote the shared file. */
  external(record: ConsentRecord): void {
    this.record = record;
    for (const l of [...this.listeners]) l(record);
  }
  dispose(): void {
    this.listeners = [];
  }
}

/** The collection service's control plane, reachable or not, on its own clock. */
class FakeService {
  online = true;
  /** Service clock minus this machine's clock. */
  skew = 0;
  refuseExemptions = false;
  pauses: Pause[] = [];
  reported: Pause[] = [];
  exemptions: Exemption[] = [];
  deletions: DeletionScope[] = [];
  policyCalls = 0;
  pauseMinutes = 30;
  canRequestExemption = true;
  constructor(private readonly clock: FakeClock) {}

  private reach(): void {
    if (!this.online) throw new ControlError('The collection service cannot be reached (offline).', undefined);
  }
  policy = async (): Promise<PolicyResponse> => {
    this.reach();
    this.policyCalls++;
    return {
      version: 3,
      pauseMinutes: this.pauseMinutes,
      whilePending: 'pause',
      excludedGlobs: [],
      workspaceSalt: 'salt',
      excludedWorkspaces: [],
      canRequestExemption: this.canRequestExemption,
      exemptions: structuredClone(this.exemptions),
      pauses: structuredClone(this.pauses),
      serverTime: this.clock.now() + this.skew,
    };
  };
  /** Like the service: an end is kept no earlier than when it is heard of (its clock, plus endLag). */
  endLag = 0;
  /** While set, a report of a pause waits for it (a report in flight). */
  hold: Promise<void> | undefined;
  reportPause = async (p: Pause): Promise<{ until: number }> => {
    if (this.hold) await this.hold;
    this.reach();
    this.reported.push({ ...p });
    const before = this.pauses.find((x) => x.id === p.id);
    const until = before ? Math.max(p.until, Math.min(before.until, this.clock.now() + this.skew + this.endLag)) : p.until;
    this.pauses = [...this.pauses.filter((x) => x.id !== p.id), { ...p, until }].filter((x) => x.until > this.clock.now() + this.skew);
    return { until };
  };
  requestExemption = async (reason: string, scope: ExemptionScope): Promise<Exemption> => {
    this.reach();
    if (this.refuseExemptions) throw new ControlError('exemptions are closed', 403);
    const e: Exemption = { id: `ex${this.exemptions.length + 1}`, status: 'pending', scope };
    this.exemptions.push(e);
    return { ...e, reason };
  };
  requestDeletion = async (scope: DeletionScope) => {
    this.reach();
    this.deletions.push(scope);
    return { id: `d${this.deletions.length}`, status: 'pending', scope, requestedAt: this.clock.now() };
  };
  decide(id: string, status: 'approved' | 'denied', note?: string): void {
    this.exemptions = this.exemptions.map((e) => (e.id === id ? { ...e, status, note } : e));
  }
}

interface Rig {
  clock: FakeClock;
  service: FakeService;
  store: MemoryStore;
  controller: ConsentController;
  messages: string[];
  warnings: string[];
  decisions: GateDecision[];
  views: { n: number };
  purges: ((e: { time: number; sessionId: string; kind: string }) => boolean)[];
  retracted: [number, number][];
  settings: { -readonly [K in keyof ConsentSettings]: ConsentSettings[K] };
}

/** Read through a call, so an assertion on one state does not narrow the next read. */
const view = (r: Rig): ConsentView => r.controller.view;

async function rig(options: { record?: ConsentRecord; hasToken?: () => Promise<boolean>; start?: (r: Rig) => void } = {}): Promise<Rig> {
  const clock = new FakeClock();
  const service = new FakeService(clock);
  const store = new MemoryStore(options.record);
  const r: Partial<Rig> = {
    clock,
    service,
    store,
    messages: [],
    warnings: [],
    decisions: [],
    views: { n: 0 },
    purges: [],
    retracted: [],
    settings: { enabled: true, excludedWorkspaces: [], pauseMinutes: 15, policyPollSeconds: 60 },
  };
  let ids = 0;
  const controller = new ConsentController({
    store,
    client: service,
    hooks: {
      retract: (from, to) => {
        r.retracted!.push([from, to]);
      },
      purge: async (match) => {
        r.purges!.push(match);
        return { pending: 4, sent: 0, dead: 0 };
      },
      recordGap: () => undefined,
    },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    notify: { info: (m) => r.messages!.push(m), warn: (m) => r.warnings!.push(m), error: (m) => r.warnings!.push(m) },
    clock,
    settings: () => r.settings!,
    telemetryEnabled: () => true,
    workspaceNames: () => ['proj'],
    workspaceHash: (salt) => `ws:${salt ?? 'install'}`,
    hasToken: options.hasToken ?? (async () => true),
    newId: () => `id${++ids}`,
  });
  r.controller = controller;
  controller.onDidChange((d) => r.decisions!.push(d));
  controller.onDidChangeView(() => r.views!.n++);
  options.start?.(r as Rig);
  await controller.start();
  await clock.advance(0);
  return r as Rig;
}

describe('consent controller', () => {
  let current: Rig | undefined;
  afterEach(() => {
    current?.controller.dispose();
    current = undefined;
  });
  const make = async (options?: Parameters<typeof rig>[0]) => (current = await rig(options));

  it('one click pauses for the length the policy sets, and the pause reaches the service', async () => {
    const r = await make();
    assert.equal(view(r).state, 'recording');
    await r.controller.pause();
    await settle();
    const v = view(r);
    assert.equal(v.state, 'paused');
    assert.equal(v.state === 'paused' && v.pause.until - v.pause.from, 30 * MIN, 'the policy (30), not the setting (15)');
    assert.deepEqual(r.decisions.at(-1), { allowed: false, reason: 'paused', since: T0 });
    assert.deepEqual(
      r.service.reported.map((p) => p.id),
      ['id1'],
    );
    assert.deepEqual(r.store.record.unreportedPauses, []);
    assert.deepEqual(r.store.record.ownPauseIds, ['id1']);
  });

  it('pausing again while paused lengthens the same pause', async () => {
    const r = await make();
    await r.controller.pause(10);
    await r.clock.advance(4 * MIN);
    await r.controller.pause(10);
    const v = view(r);
    assert.equal(v.state === 'paused' && v.pause.id, 'id1');
    assert.equal(v.state === 'paused' && v.pause.until, T0 + 20 * MIN);
  });

  it('a pause ends by itself at its end, says so once, and capture resumes', async () => {
    const r = await make();
    await r.controller.pause(5);
    await r.clock.advance(5 * MIN - 1);
    assert.equal(view(r).state, 'paused');
    await r.clock.advance(10);
    assert.equal(view(r).state, 'recording');
    assert.deepEqual(r.decisions.at(-1), { allowed: true });
    assert.deepEqual(r.messages.filter((m) => m.includes('pause has ended')).length, 1);
  });

  it('the countdown is shown again about every second while paused, and stops after', async () => {
    const r = await make();
    await r.controller.pause(1);
    const before = r.views.n;
    await r.clock.advance(10_000);
    const perSecond = r.views.n - before;
    assert.ok(perSecond >= 9 && perSecond <= 11, `${perSecond} updates in 10 s`);
    await r.clock.advance(2 * MIN);
    const after = r.views.n;
    await r.clock.advance(10_000);
    assert.ok(r.views.n - after <= 1, 'no countdown once recording');
  });

  it('a pause taken offline waits in the consent file and is reported by the next poll', async () => {
    const r = await make();
    r.service.online = false;
    await r.controller.pause();
    await settle();
    assert.equal(view(r).state, 'paused', 'pausing never waits for the service');
    assert.deepEqual(
      r.store.record.unreportedPauses?.map((p) => p.id),
      ['id1'],
    );
    r.service.online = true;
    await r.clock.advance(60_000);
    assert.deepEqual(
      r.service.reported.map((p) => p.id),
      ['id1'],
    );
    assert.deepEqual(r.store.record.unreportedPauses, []);
  });

  it('the sender is held back until the service has heard of every pause and its end', async () => {
    const r = await make();
    assert.equal(await r.controller.pausesReported(), true, 'nothing to report');
    r.service.online = false;
    await r.controller.pause();
    await r.controller.resume();
    assert.equal(await r.controller.pausesReported(), false);
    assert.equal(r.store.record.unreportedPauses?.length, 1);
    r.service.online = true;
    assert.equal(await r.controller.pausesReported(), true);
    assert.deepEqual(r.service.reported, [{ id: 'id1', from: T0, until: T0 }]);
  });

  it("resume ends this installation's pause now and reports the shortened pause", async () => {
    const r = await make();
    await r.controller.pause();
    await r.clock.advance(3 * MIN);
    await r.controller.resume();
    await settle();
    assert.equal(view(r).state, 'recording');
    assert.equal(r.store.record.pause, undefined);
    assert.deepEqual(r.service.reported.at(-1), { id: 'id1', from: T0, until: T0 + 3 * MIN });
    assert.equal(r.messages.filter((m) => m.includes('pause has ended')).length, 0, 'a resume asked for is not announced');
  });

  it('resume tells the service first and records from the end the service keeps, so nothing typed after it is refused', async () => {
    const r = await make();
    await r.controller.pause();
    await settle();
    await r.clock.advance(3 * MIN);
    r.service.endLag = 400; // the service hears of the end 400 ms after the click
    await r.controller.resume();
    await settle();
    assert.equal(view(r).state, 'paused', 'still paused until the end the service keeps');
    assert.deepEqual(r.store.record.unreportedPauses, [], 'the end was reported with the resume');
    await r.clock.advance(410);
    assert.equal(view(r).state, 'recording');
    assert.equal(r.decisions.at(-1)?.allowed, true);
    assert.equal(r.messages.filter((m) => m.includes('pause has ended')).length, 0, 'a resume asked for is not announced');
  });

  it("a pause begun on another device pauses here, read on this machine's clock", async () => {
    const r = await make({
      start: (x) => {
        x.service.skew = 2 * MIN; // the service's clock runs two minutes ahead
        x.service.pauses = [{ id: 'laptop', from: T0 + 2 * MIN - MIN, until: T0 + 2 * MIN + 9 * MIN }];
      },
    });
    const v = view(r);
    assert.equal(v.state, 'paused');
    assert.equal(r.controller.pausedElsewhere, true);
    assert.deepEqual(v.state === 'paused' && v.pause, { id: 'laptop', from: T0 - MIN, until: T0 + 9 * MIN });
    await r.clock.advance(9 * MIN + 10);
    assert.equal(view(r).state, 'recording', 'it ends when it ends on the service');
  });

  it("resuming a pause from another device ends it for the user, on the service's clock, and it stays ended", async () => {
    const r = await make({
      start: (x) => {
        x.service.skew = 2 * MIN;
        x.service.pauses = [{ id: 'laptop', from: T0 + MIN, until: T0 + 30 * MIN }];
      },
    });
    assert.equal(view(r).state, 'paused');
    await r.clock.advance(MIN);
    const stale = structuredClone(r.service.pauses);
    r.service.online = false;
    await r.controller.resume();
    assert.equal(view(r).state, 'recording');
    assert.deepEqual(r.store.record.unreportedPauses, [{ id: 'laptop', from: T0 + MIN, until: T0 + MIN + 2 * MIN }]);
    r.service.online = true;
    await r.clock.advance(60_000);
    assert.deepEqual(r.service.reported.at(-1), { id: 'laptop', from: T0 + MIN, until: T0 + 3 * MIN });
    assert.deepEqual(r.store.record.unreportedPauses, []);
    r.service.pauses = stale; // an answer the service computed before the end reached it
    await r.clock.advance(60_000);
    assert.equal(view(r).state, 'recording', 'the stale listing does not bring it back');
  });

  it('resuming a pause from another device waits until the service has heard of the end', async () => {
    const r = await make({
      start: (x) => {
        x.service.pauses = [{ id: 'laptop', from: T0, until: T0 + 30 * MIN }];
      },
    });
    assert.equal(view(r).state, 'paused');
    let release!: () => void;
    r.service.hold = new Promise((ok) => (release = ok));
    const resumed = r.controller.resume();
    await settle();
    assert.equal(view(r).state, 'paused', 'not recording while the end is on its way to the service');
    assert.notEqual(r.decisions.at(-1)?.allowed, true);
    release();
    await resumed;
    assert.equal(view(r).state, 'recording');
    assert.equal(r.service.reported.at(-1)?.id, 'laptop');
    assert.ok(
      r.service.pauses.every((p) => p.id !== 'laptop' || p.until <= r.clock.now()),
      'the service holds the pause no longer',
    );
    assert.deepEqual(r.store.record.unreportedPauses ?? [], []);
  });

  it('a pause resumed while its own report is still on its way ends on the service when resumed, whatever arrives first', async () => {
    const r = await make();
    // The report of the pause as begun is slow; any later report travels at once.
    let release!: () => void;
    const slow = new Promise<void>((ok) => (release = ok));
    const answer = r.service.reportPause;
    let calls = 0;
    r.service.reportPause = async (p) => {
      if (calls++ === 0) await slow;
      return answer(p);
    };
    await r.controller.pause();
    await r.clock.advance(2_000);
    const resumed = r.controller.resume();
    await settle();
    release();
    await resumed;
    await settle();
    await r.clock.advance(60_000);
    await settle();
    assert.equal(view(r).state, 'recording');
    const onService = r.service.pauses.find((p) => p.id === 'id1');
    assert.ok(
      !onService || onService.until <= T0 + 2_000,
      `the service still holds the pause until ${onService && onService.until - T0} ms`,
    );
    assert.equal(r.service.reported.at(-1)?.until, T0 + 2_000, 'the last report heard is the end');
    assert.deepEqual(r.store.record.unreportedPauses ?? [], []);
  });

  it('an exemption asked for offline is pending at once and sent by a later poll; its approval is announced and purges its scope', async () => {
    const r = await make();
    r.service.online = false;
    await r.controller.requestExemption({ kind: 'all' }, '  on-call work  ');
    assert.equal(view(r).state, 'pending');
    assert.match(r.warnings.at(-1)!, /cannot be reached/);
    const local = r.store.record.exemptions[0];
    assert.equal(local.unsent, true);
    assert.equal(local.reason, 'on-call work');
    r.service.online = true;
    await r.clock.advance(60_000);
    assert.deepEqual(
      r.store.record.exemptions.map((e) => [e.id, e.status, !!e.unsent]),
      [['ex1', 'pending', false]],
    );
    assert.deepEqual(
      r.clock.pending().filter((d) => d > 5),
      [10_000],
      'polled every 10 s while pending',
    );
    r.service.decide('ex1', 'approved', 'ok for a week');
    await r.clock.advance(10_000);
    assert.equal(view(r).state, 'exempt');
    assert.match(r.messages.at(-1)!, /exemption \(everything\) was approved.*ok for a week/);
    assert.equal(r.purges.length, 1);
    assert.equal(r.purges[0]({ time: 1, sessionId: 's', kind: 'edit' }), true);
    assert.deepEqual(
      r.clock.pending().filter((d) => d > 5),
      [60_000],
      'back to the set cadence',
    );
  });

  it('a denied exemption says so and capture goes on', async () => {
    const r = await make();
    await r.controller.requestExemption({ kind: 'workspace', workspace: r.controller.workspace() }, 'client code');
    assert.match(r.messages.at(-1)!, /exemption requested/);
    r.service.decide('ex1', 'denied');
    await r.clock.advance(10_000);
    assert.equal(view(r).state, 'recording');
    assert.match(r.warnings.at(-1)!, /denied; capture continues\.$/);
    assert.equal(r.purges.length, 0);
  });

  it('an exemption the service refuses is dropped and the refusal shown', async () => {
    const r = await make();
    r.service.refuseExemptions = true;
    await r.controller.requestExemption({ kind: 'all' }, 'because');
    assert.equal(view(r).state, 'recording');
    assert.deepEqual(r.store.record.exemptions, []);
    assert.match(r.warnings.at(-1)!, /refused: exemptions are closed/);
  });

  it('a discard retracts the window, and its deletion request waits offline until the service can be reached', async () => {
    const r = await make();
    r.service.online = false;
    await r.controller.discardRecent(15);
    assert.deepEqual(r.retracted, [[T0 - 15 * MIN, T0]]);
    assert.equal(r.purges[0]({ time: T0 - MIN, sessionId: 's', kind: 'session.start' }), false, 'a session start stays');
    assert.equal(r.purges[0]({ time: T0 - MIN, sessionId: 's', kind: 'edit' }), true);
    assert.equal(r.purges[0]({ time: T0 - 16 * MIN, sessionId: 's', kind: 'edit' }), false);
    assert.match(
      r.messages.at(-1)!,
      /discarded the last 15 minutes: 4 unsent event\(s\) removed\. .*as soon as the collection service can be reached/,
    );
    assert.deepEqual(r.store.record.pendingDeletions, [{ from: T0 - 15 * MIN, until: T0 + 1 }]);
    r.service.online = true;
    await r.clock.advance(60_000);
    assert.deepEqual(r.service.deletions, [{ kind: 'range', from: T0 - 15 * MIN, until: T0 + 1 }]);
    assert.deepEqual(r.store.record.pendingDeletions, []);
  });

  it('nothing is asked of the service until signed in; signing in polls at once', async () => {
    let signedIn = false;
    const r = await make({ hasToken: async () => signedIn });
    assert.deepEqual(view(r), { state: 'off', reason: 'not-signed-in' });
    await r.clock.advance(5 * MIN);
    assert.equal(r.service.policyCalls, 0);
    signedIn = true;
    await r.controller.tokenChanged();
    await r.clock.advance(0);
    assert.equal(r.service.policyCalls, 1);
    assert.equal(view(r).state, 'recording');
  });

  it('a policy change is announced once, and pausing while off explains why', async () => {
    const r = await make({
      start: (x) => {
        x.settings.enabled = false;
      },
    });
    const seen: unknown[] = [];
    r.controller.onDidChangePolicy((p) => seen.push(p?.pauseMinutes));
    r.service.pauseMinutes = 45;
    await r.clock.advance(60_000);
    await r.clock.advance(60_000);
    assert.deepEqual(seen, [45]);
    await r.controller.pause();
    assert.equal(view(r).state, 'off');
    assert.match(r.messages.at(-1)!, /not recording \(off — turned off in settings \(codetrail\.enabled\)\); there is nothing to pause/);
  });

  it('a pause written by another window applies here', async () => {
    const r = await make();
    r.store.external({ ...r.store.record, pause: { id: 'w2', from: T0, until: T0 + 5 * MIN } });
    assert.equal(view(r).state, 'paused');
    assert.equal(r.controller.pausedElsewhere, false);
    await r.clock.advance(5 * MIN + 10);
    assert.equal(view(r).state, 'recording');
  });

  it('the first-run notice is due once', async () => {
    const r = await make({ record: { exemptions: [] } });
    assert.equal(await r.controller.takeFirstRunNotice(), true);
    assert.equal(await r.controller.takeFirstRunNotice(), false);
    assert.equal(r.store.record.noticeShown, true);
  });
});
