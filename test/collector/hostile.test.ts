// The collection service against a client with a valid token that is buggy, has a wrong
// clock, or crafts requests by hand: one test per numbered case of the consent review, each
// against a real SQLite file and a real PostgreSQL. Every test checks that the request is
// refused or has no effect, and that nothing is stored or brought back.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { issueToken } from '@codetrail/collector/internal/auth';
import { runJobs } from '@codetrail/collector/internal/controlplane';
import { storeSource } from '@codetrail/collector/internal/export-source';
import { startCollector, type CollectorOptions, type RunningCollector } from '@codetrail/collector/internal/server';
import { SqliteStore } from '@codetrail/collector/internal/store/sqlite';
import type { EventRow, Store } from '@codetrail/collector/internal/store/store';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { workspaceHash } from '@codetrail/protocol/internal/workspace';
import { STORE_KINDS, T0, otlpJson, postJson, request, sendJson, sessionEvents, type Reply } from './helpers';

const MIN = 60_000;

interface Refusal {
  rejected: number;
  message: string;
}

function partial(r: Reply): Refusal {
  assert.equal(r.status, 200, r.body);
  const ps = (r.json() as { partialSuccess?: { rejectedLogRecords?: number | string; errorMessage?: string } }).partialSuccess;
  return { rejected: Number(ps?.rejectedLogRecords ?? 0), message: ps?.errorMessage ?? '' };
}

async function rowsOf(store: Store, users?: string[]): Promise<EventRow[]> {
  const out: EventRow[] = [];
  for await (const r of store.iterateEvents(users ? { users } : {})) out.push(r);
  return out;
}

/** The same events with every field that names one of them upper-cased. */
function upperIds(events: readonly TrajectoryEvent[]): TrajectoryEvent[] {
  return events.map((e) => ({ ...e, id: e.id.toUpperCase(), sessionId: e.sessionId.toUpperCase() }));
}

/** A gzip ExportLogsServiceRequest holding `n` empty log records (two bytes each before gzip). */
function protobufBomb(n: number): Buffer {
  const varint = (v: number) => {
    const out: number[] = [];
    while (v > 127) {
      out.push((v & 127) | 128);
      v = Math.floor(v / 128);
    }
    out.push(v);
    return Buffer.from(out);
  };
  const records = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) records[i * 2] = 0x12; // ScopeLogs.log_records, length 0
  const resource = Buffer.concat([Buffer.from([0x12]), varint(records.length), records]); // ResourceLogs.scope_logs
  return gzipSync(Buffer.concat([Buffer.from([0x0a]), varint(resource.length), resource]), { level: 9 }); // .resource_logs
}

function jsonBomb(n: number): Buffer {
  return gzipSync(`{"resourceLogs":[{"scopeLogs":[{"logRecords":[${'{},'.repeat(n - 1)}{}]}]}]}`, { level: 9 });
}

/** Sends the head of a POST and part of its body, then nothing; resolves with the raw answer. */
function stalledUpload(url: string, token: string): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(u.port), u.hostname);
    let answer = '';
    socket.on('data', (d) => {
      answer += d.toString();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(
      `POST /v1/logs HTTP/1.1\r\nHost: ${u.host}\r\nAuthorization: Bearer ${token}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"resourceLogs":[',
    );
  });
}

for (const kind of STORE_KINDS) {
  describe(`hostile client (${kind.name})`, function () {
    let store: Store;
    let cleanup: () => Promise<void>;
    let server: RunningCollector;
    let base: string;
    let alice: string;
    let bob: string;
    let now: number;
    let salt: string;

    const restart = async (opts: Record<string, unknown>) => {
      await server.close();
      server = await startCollector({
        store,
        port: 0,
        tokenCacheMs: 0,
        policyCacheMs: 0,
        jobIntervalMs: 0,
        clock: () => now,
        ...opts,
      } as CollectorOptions);
      base = server.url;
    };

    beforeEach(async () => {
      const opened = await kind.open();
      store = opened.store;
      cleanup = opened.cleanup;
      now = T0 + 3_600_000;
      server = await startCollector({ store, port: 0, tokenCacheMs: 0, policyCacheMs: 0, jobIntervalMs: 0, clock: () => now });
      base = server.url;
      alice = (await issueToken(store, { userId: 'alice' })).token;
      bob = (await issueToken(store, { userId: 'bob' })).token;
      salt = (await store.getPolicy()).workspaceSalt;
    });
    afterEach(async () => {
      await server.close();
      await cleanup();
    });

    it('1. "delete all" covers what the service received, whatever the events\' clock said, and a resent deleted id stays deleted', async () => {
      const behind = sessionEvents({ count: 5, start: now - MIN });
      const ahead = sessionEvents({ count: 3, start: now + 4 * MIN }); // within the skew the service allows
      assert.deepEqual(partial(await sendJson(base, alice, [...behind, ...ahead])), { rejected: 0, message: '' });
      assert.equal(await store.countEvents(), 8);

      const d = await postJson(`${base}/v1/deletions`, alice, { scope: { kind: 'all' } });
      assert.equal(d.status, 202);
      assert.equal((d.json() as { tombstoned: number }).tombstoned, 8);
      assert.equal(await store.countEvents(), 0, 'every event received before the request is tombstoned at once');
      assert.equal((await runJobs(store, 'test', now)).rowsDeleted, 8);

      // Later, when the ahead events' time has long passed, the outbox resends them all.
      now += 2 * 3_600_000;
      const resent = partial(await sendJson(base, alice, [...behind, ...ahead]));
      assert.equal(resent.rejected, 8);
      assert.match(resent.message, /8 deleted/);
      assert.equal(await store.countEvents(), 0);
      assert.equal((await rowsOf(store)).length, 0);
    });

    it('2. the deletion job keeps consent facts: a running pause and a session known to be in an excluded workspace still refuse events', async () => {
      const hash = workspaceHash(salt, 'payroll');
      await store.excludeWorkspace({ hash, label: 'payroll', createdAt: now });
      const excluded = sessionEvents({ count: 4, workspace: hash, start: now - 30_000 });
      const fine = sessionEvents({ count: 4, start: now - 30_000 });
      assert.equal(partial(await sendJson(base, alice, [excluded[0], fine[0], fine[1]])).rejected, 1);
      assert.equal(
        (await postJson(`${base}/v1/pauses`, alice, { id: 'p-running', from: now - 10_000, until: now + 30 * MIN })).status,
        200,
      );

      assert.equal((await postJson(`${base}/v1/deletions`, alice, { scope: { kind: 'all' } })).status, 202);
      await runJobs(store, 'test', now);
      now += MIN;
      // Recorded "recording" inside the pause that still runs, and later events of the excluded session.
      const inPause = sessionEvents({ count: 3, sessionId: fine[0].sessionId, start: now }).slice(1);
      const laterExcluded = sessionEvents({ count: 3, sessionId: excluded[0].sessionId, start: excluded[0].time + 1000 }).slice(1);
      const r = partial(await sendJson(base, alice, [...inPause, ...laterExcluded]));
      assert.equal(r.rejected, 4);
      assert.match(r.message, /2 paused/);
      assert.match(r.message, /2 excluded-workspace/);
      assert.equal(await store.countEvents(), 0);
      // Every editor of the user sees the pause (begun on any machine) and the service's clock.
      const policy = (await request(`${base}/v1/policy`, { token: alice })).json() as {
        serverTime: number;
        pauses: { id: string; from: number; until: number }[];
      };
      assert.equal(policy.serverTime, now);
      assert.deepEqual(policy.pauses, [{ id: 'p-running', from: now - MIN - 10_000, until: now - MIN + 30 * MIN }]);
    });

    it("3. a session's workspace is fixed by its first session.start, events of an unknown session are held and judged by it, and the export re-checks", async () => {
      const hash = workspaceHash(salt, 'payroll');
      await store.excludeWorkspace({ hash, label: 'payroll', createdAt: now });
      const s = sessionEvents({ count: 5, workspace: hash, start: now - 50_000 });
      assert.match(partial(await sendJson(base, alice, [s[0]])).message, /1 excluded-workspace/);
      // A second start of the same session claims another workspace: it changes nothing.
      const again = { ...s[0], id: sessionEvents({ count: 1 })[0].id, seq: 1, workspace: workspaceHash(salt, 'web') } as TrajectoryEvent;
      const r = partial(await sendJson(base, alice, [again, ...s.slice(2)]));
      assert.equal(r.rejected, 4);
      assert.match(r.message, /4 excluded-workspace/);

      // Events whose session.start the service has not seen are held apart, not stored unjudged,
      // and judged by that start when it arrives.
      const orphan = sessionEvents({ count: 4, workspace: hash, start: now - 40_000 });
      const fine = sessionEvents({ count: 4, start: now - 40_000 });
      const gone = sessionEvents({ count: 3, start: now - 40_000 });
      assert.deepEqual(partial(await sendJson(base, alice, [...orphan.slice(1), ...fine.slice(1), ...gone.slice(1)])), {
        rejected: 0,
        message: '',
      });
      assert.equal(await store.countEvents(), 0);
      const none: string[] = [];
      for await (const e of (await storeSource(store, {})).events) none.push(e.event.id);
      assert.deepEqual(none, [], 'held events are not data');
      // A deletion takes held events with it.
      assert.equal(
        (await postJson(`${base}/v1/deletions`, alice, { scope: { kind: 'session', sessionId: gone[0].sessionId } })).status,
        202,
      );
      const started = partial(await sendJson(base, alice, [orphan[0], fine[0], gone[0]]));
      assert.equal(started.rejected, 2, "the answer is about this request's events");
      assert.match(started.message, /1 excluded-workspace \[/);
      assert.match(started.message, /1 deleted \[/);
      assert.deepEqual((await rowsOf(store)).map((r) => r.id).sort(), fine.map((e) => e.id).sort());
      assert.equal((await store.exclusionCounts({})).rejectedAtIngest['excluded-workspace'], 1 + 4 + 1 + 3);
      assert.equal(await server.metrics.value('codetrail_events_held_total'), 8);

      // Stored while allowed, then excluded (by workspace) or paused after the fact: the export leaves them out.
      const web = workspaceHash(salt, 'web');
      const later = sessionEvents({ count: 3, workspace: web, start: now - 30_000 });
      const paused = sessionEvents({ count: 3, start: now - 20_000 });
      const kept = sessionEvents({ count: 2, start: now - 10_000 });
      assert.equal(partial(await sendJson(base, alice, [...later, ...paused, ...kept])).rejected, 0);
      await store.excludeWorkspace({ hash: web, label: 'web', createdAt: now });
      assert.equal(
        (await postJson(`${base}/v1/pauses`, alice, { id: 'late', from: paused[0].time, until: paused[2].time + 1 })).status,
        200,
      );
      const source = await storeSource(store, {});
      const exported: string[] = [];
      for await (const e of source.events) exported.push(e.event.id);
      assert.deepEqual(exported.sort(), [...fine, ...kept].map((e) => e.id).sort());
      const excludedCounts = await source.excluded!();
      assert.equal(excludedCounts['re-checked:excluded-workspace'], 3);
      assert.equal(excludedCounts['re-checked:paused'], 3);
    });

    it('4. a 10 KB gzip protobuf of 5 million empty log records is refused at once with 413, and holds up nobody', async function () {
      this.timeout(120_000);
      const bomb = protobufBomb(5_000_000);
      assert.ok(bomb.length < 12_000, `bomb is ${bomb.length} bytes`);
      const t0 = performance.now();
      const bombs = [0, 1, 2].map(() =>
        request(`${base}/v1/logs`, { token: alice, type: 'application/x-protobuf', encoding: 'gzip', body: bomb }).then((r) => ({
          r,
          ms: performance.now() - t0,
        })),
      );
      const one = sendJson(base, bob, sessionEvents({ count: 1, start: now - 1000 })).then((r) => ({ r, ms: performance.now() - t0 }));
      const [b1, b2, b3, o] = await Promise.all([...bombs, one]);
      for (const b of [b1, b2, b3]) {
        assert.equal(b.r.status, 413);
        // Before the record budget each took ~10 s of decoding; the bound leaves room for a busy machine.
        assert.ok(b.ms < 10_000, `a bomb took ${Math.round(b.ms)} ms`);
      }
      assert.equal(o.r.status, 200);
      assert.ok(o.ms < 10_000, `another user's upload took ${Math.round(o.ms)} ms (it waited 26 s behind three bombs before)`);

      const json = await request(`${base}/v1/logs`, {
        token: alice,
        type: 'application/json',
        encoding: 'gzip',
        body: jsonBomb(5_000_000),
      });
      assert.equal(json.status, 413);
      assert.match(json.body, /log records/);

      // The per-request budget, as a deployment may set it lower.
      await restart({ maxRecordsPerRequest: 100 });
      const over = await sendJson(base, alice, sessionEvents({ count: 101, start: now - 200_000 }));
      assert.equal(over.status, 413);
      assert.match((over.json() as { message: string }).message, /at most 100 log records/);
      assert.equal(await store.countEvents({ users: ['alice'] }), 0);
      assert.equal((await sendJson(base, alice, sessionEvents({ count: 100, start: now - 200_000 }))).status, 200);
      assert.equal(await store.countEvents({ users: ['alice'] }), 100);
    });

    it('5. /metrics keeps one fixed set of series whatever paths are requested, with request and ingest-latency histograms', async function () {
      this.timeout(120_000);
      await sendJson(base, alice, sessionEvents({ count: 3, start: now - 1000 }));
      const before = (await request(`${base}/metrics`)).body;
      const paths = Array.from(
        { length: 3000 },
        (_, i) => [`/v1/probe-${i}-x`, `/v1/deletions/${'d'.repeat(8)}-${i}`, `/v1/admin/exemptions/zz${i}/decision`, `/other/${i}`][i % 4],
      );
      for (let i = 0; i < paths.length; i += 50) await Promise.all(paths.slice(i, i + 50).map((p) => request(`${base}${p}`)));
      const after = (await request(`${base}/metrics`)).body;
      assert.ok(after.length < before.length + 8_000, `metrics grew from ${before.length} to ${after.length} bytes`);
      assert.doesNotMatch(after, /probe-|zz\d|dddddddd/);
      assert.match(after, /codetrail_http_requests_total\{route="\/v1\/logs",status="200"\} 1\n/);
      assert.match(after, /codetrail_http_request_duration_seconds_bucket\{[^}]*route="\/v1\/logs"[^}]*\}/);
      assert.match(after, /codetrail_ingest_latency_seconds_count 3/);
    });

    it("6. event ids are unique per user: another user's copy of an id does not drop the owner's event", async () => {
      const mine = sessionEvents({ count: 3, start: now - 5000 });
      // Bob has seen Alice's ids (say, in a shared log) and submits them first, as his own events.
      assert.deepEqual(partial(await sendJson(base, bob, mine)), { rejected: 0, message: '' });
      assert.deepEqual(partial(await sendJson(base, alice, mine)), { rejected: 0, message: '' });
      assert.deepEqual(
        (await rowsOf(store, ['alice'])).map((r) => r.id),
        mine.map((e) => e.id),
      );
      assert.equal(await store.countEvents({ users: ['bob'] }), 3);
      // And Alice's deletion leaves Bob's copy alone.
      await postJson(`${base}/v1/deletions`, alice, { scope: { kind: 'all' } });
      await runJobs(store, 'test', now);
      assert.equal(await store.countEvents({ users: ['alice'] }), 0);
      assert.equal(await store.countEvents({ users: ['bob'] }), 3);
    });

    it("7. event times are bounded by the service's clock, and a pending exemption is judged by when the service heard of it", async () => {
      const at = (time: number) => sessionEvents({ count: 1, start: time })[0];
      const ok = at(now + 4 * MIN);
      const r = partial(
        await sendJson(base, alice, [at(Number.MAX_SAFE_INTEGER), at(now + 30 * 86_400_000), at(now + 10 * MIN), at(1), ok]),
      );
      assert.equal(r.rejected, 4);
      assert.match(r.message, /3 future-time/);
      assert.match(r.message, /1 retention/);
      assert.deepEqual(
        (await rowsOf(store)).map((e) => e.id),
        [ok.id],
      );
      // With retention off, an absurdly old time is still refused.
      const p = await store.getPolicy();
      await store.setPolicy({ ...p, retentionDays: 0 });
      assert.match(partial(await sendJson(base, alice, [at(1)])).message, /1 too-old/);

      // An exemption request is pending (the policy pauses meanwhile): backdated events are refused too.
      const ex = await postJson(`${base}/v1/exemptions`, alice, { reason: 'client work', scope: { kind: 'all' } });
      assert.equal(ex.status, 201);
      now += 1000;
      const backdated = sessionEvents({ count: 3, start: now - 3_600_000 });
      const b = partial(await sendJson(base, alice, backdated));
      assert.equal(b.rejected, 3);
      assert.match(b.message, /3 exemption-pending/);
      assert.equal(await store.countEvents(), 1);
    });

    it('8. a pause can be ended early but never erased or moved back in time, and every change is audited', async () => {
      const from = now - 10 * MIN;
      const until = now + 20 * MIN;
      assert.equal((await postJson(`${base}/v1/pauses`, alice, { id: 'p1', from, until })).status, 200);
      const inside = sessionEvents({ count: 4, start: from + 1000 });
      // Erasing it after the fact ends it now at the earliest: what it covered stays covered.
      const erased = await postJson(`${base}/v1/pauses`, alice, { id: 'p1', from: 0, until: 0 });
      assert.equal(erased.status, 200);
      assert.deepEqual(erased.json(), { id: 'p1', from, until: now });
      const moved = await postJson(`${base}/v1/pauses`, alice, { id: 'p1', from: now + MIN, until: now + 2 * MIN });
      assert.deepEqual(moved.json(), { id: 'p1', from, until: now + 2 * MIN }, 'from stays; until may only grow back');
      const r = partial(await sendJson(base, alice, inside));
      assert.equal(r.rejected, 4);
      assert.match(r.message, /4 paused/);
      assert.equal(await store.countEvents(), 0);
      const audit = (await store.listAudit(50)).filter((a) => a.subject === 'p1').reverse();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['pause.started', 'pause.changed', 'pause.changed'],
      );
      assert.deepEqual(audit[1].detail, {
        user: 'alice',
        asked: { from: 0, until: 0 },
        before: { from, until },
        after: { from, until: now },
      });
    });

    it('9. a stalled upload is answered 408, not 400, and stores nothing', async function () {
      this.timeout(30_000);
      await restart({ requestTimeoutMs: 1000 });
      const answer = await stalledUpload(base, alice);
      assert.match(answer, /^HTTP\/1\.1 408 /);
      assert.equal(await store.countEvents(), 0);
    });

    it('10. the auth scheme is case-insensitive, and an upper-cased UUID names the same event', async () => {
      const events = sessionEvents({ count: 3, start: now - 5000 });
      const lower = await request(`${base}/v1/logs`, {
        headers: { authorization: `bearer ${alice}` },
        type: 'application/json',
        body: otlpJson(events),
      });
      assert.equal(lower.status, 200);
      const upper = partial(await sendJson(base, alice, upperIds(events)));
      assert.equal(upper.rejected, 0);
      const rows = await rowsOf(store);
      assert.deepEqual(
        rows.map((r) => r.id),
        events.map((e) => e.id),
      );
      // An event first sent upper-cased is stored in the canonical form, body included.
      const shouted = upperIds(sessionEvents({ count: 2, start: now - 4000 }));
      await sendJson(base, alice, shouted);
      const back = (await rowsOf(store)).filter((r) => r.id === shouted[1].id.toLowerCase());
      assert.equal(back.length, 1);
      assert.equal(back[0].sessionId, shouted[1].sessionId.toLowerCase());
      assert.equal((JSON.parse(back[0].body) as TrajectoryEvent).id, shouted[1].id.toLowerCase());
      assert.equal(await store.countEvents(), 5);
    });

    if (kind.name === 'sqlite') {
      it('10. the SQLite database, its WAL and shared memory are 0600 in a 0700 folder', async () => {
        const root = mkdtempSync(join(tmpdir(), 'codetrail-perm-'));
        try {
          const dir = join(root, 'data');
          const s = new SqliteStore(join(dir, 'codetrail.db'));
          await issueToken(s, { userId: 'carol' });
          for (const f of ['codetrail.db', 'codetrail.db-wal', 'codetrail.db-shm']) {
            assert.equal(statSync(join(dir, f)).mode & 0o777, 0o600, f);
          }
          assert.equal(statSync(dir).mode & 0o777, 0o700);
          await s.close();
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      });
    }
  });
}
