// The collection service through HTTP, against both stores: OTLP encodings, auth, dedup,
// server-side consent, the exemption flow, deletion and retention.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { deserializeExportLogsServiceResponse } from '@opentelemetry/otlp-transformer/build/src/logs/protobuf/response-deserializer';
import { issueToken } from '@codetrail/collector/internal/auth';
import { runJobs } from '@codetrail/collector/internal/controlplane';
import { startCollector, type RunningCollector } from '@codetrail/collector/internal/server';
import type { Store } from '@codetrail/collector/internal/store/store';
import { workspaceHash } from '@codetrail/protocol/internal/workspace';
import { STORE_KINDS, T0, otlpJson, otlpProtobuf, otlpSdkJson, postJson, request, sendJson, sessionEvents } from './helpers';

for (const kind of STORE_KINDS) {
  describe(`collector over HTTP (${kind.name})`, function () {
    let store: Store;
    let cleanup: () => Promise<void>;
    let server: RunningCollector;
    let base: string;
    let alice: string;
    let admin: string;
    let now = T0 + 3_600_000;

    beforeEach(async () => {
      const opened = await kind.open();
      store = opened.store;
      cleanup = opened.cleanup;
      now = T0 + 3_600_000;
      server = await startCollector({ store, port: 0, tokenCacheMs: 0, policyCacheMs: 0, jobIntervalMs: 0, clock: () => now });
      base = server.url;
      alice = (await issueToken(store, { userId: 'alice' })).token;
      admin = (await issueToken(store, { admin: true, label: 'root' })).token;
    });
    afterEach(async () => {
      await server.close();
      await cleanup();
    });

    it('accepts JSON, gzip and protobuf encodings, and stores a retried batch once', async () => {
      const events = sessionEvents({ count: 30 });
      const r1 = await sendJson(base, alice, events.slice(0, 10));
      assert.equal(r1.status, 200);
      assert.deepEqual(r1.json(), {});
      const r2 = await sendJson(base, alice, events.slice(10, 20), true);
      assert.equal(r2.status, 200);
      const r3 = await request(`${base}/v1/logs`, { token: alice, type: 'application/x-protobuf', body: otlpProtobuf(events.slice(20)) });
      assert.equal(r3.status, 200);
      assert.equal(r3.headers.get('content-type'), 'application/x-protobuf');
      assert.equal(r3.body.length, 0, 'an empty ExportLogsServiceResponse');
      const r4 = await request(`${base}/v1/logs`, { token: alice, type: 'application/json', body: otlpSdkJson(events) });
      assert.equal(r4.status, 200);
      assert.equal(await store.countEvents(), 30);
      assert.equal(await server.metrics.value('codetrail_events_duplicate_total'), 30);
      const stored = [];
      for await (const r of store.iterateEvents({})) stored.push(r);
      assert.deepEqual(
        stored.map((r) => r.id),
        events.map((e) => e.id),
      );
      assert.ok(stored.every((r) => r.userId === 'alice'));
      assert.deepEqual(JSON.parse(stored[5].body), events[5]);
    });

    it('answers a protobuf request with a protobuf partialSuccess for rejected records', async () => {
      const events = sessionEvents({ count: 4, state: 'paused' });
      const r = await fetch(`${base}/v1/logs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/x-protobuf' },
        body: otlpProtobuf(events),
      });
      assert.equal(r.status, 200);
      const decoded = deserializeExportLogsServiceResponse(new Uint8Array(await r.arrayBuffer()));
      assert.equal(Number(decoded.partialSuccess?.rejectedLogRecords), 4);
      assert.match(decoded.partialSuccess?.errorMessage ?? '', /4 consent-state/);
    });

    it('takes the user from the token, never from the payload', async () => {
      const bob = (await issueToken(store, { userId: 'bob' })).token;
      await sendJson(base, bob, sessionEvents({ count: 3 }));
      const rows = [];
      for await (const r of store.iterateEvents({})) rows.push(r);
      assert.deepEqual([...new Set(rows.map((r) => r.userId))], ['bob']);
    });

    it('refuses missing, unknown, expired, revoked and wrong-role tokens', async () => {
      const body = otlpJson(sessionEvents({ count: 2 }));
      const send = (token?: string) => request(`${base}/v1/logs`, { ...(token ? { token } : {}), type: 'application/json', body });
      assert.equal((await send()).status, 401);
      assert.equal((await send('ctu_nothing-like-a-real-token')).status, 401);
      const expired = await issueToken(store, { userId: 'alice', expiresAt: now - 1 });
      assert.equal((await send(expired.token)).status, 401);
      const revoked = await issueToken(store, { userId: 'alice' });
      assert.equal((await send(revoked.token)).status, 200);
      await store.revokeToken(revoked.record.id, now);
      assert.equal((await send(revoked.token)).status, 401);
      assert.equal((await send(admin)).status, 403);
      assert.equal((await request(`${base}/v1/admin/exemptions`, { token: alice })).status, 403);
      assert.equal(await store.countEvents(), 2);
    });

    it('refuses events stamped outside recording and events inside a reported pause', async () => {
      const events = sessionEvents({ count: 20, start: now - 20_000 });
      const pauseFrom = events[5].time;
      const pauseUntil = events[10].time;
      const p = await postJson(`${base}/v1/pauses`, alice, { id: 'pause-1', from: pauseFrom, until: pauseUntil });
      assert.equal(p.status, 200);
      const notRecording = sessionEvents({ count: 3, state: 'exempt', start: now - 5000 });
      const r = await sendJson(base, alice, [...events, ...notRecording]);
      assert.equal(r.status, 200);
      const ps = (r.json() as { partialSuccess: { rejectedLogRecords: number; errorMessage: string } }).partialSuccess;
      assert.equal(ps.rejectedLogRecords, 5 + 3);
      assert.match(ps.errorMessage, /5 paused/);
      assert.match(ps.errorMessage, /3 consent-state/);
      const stored = [];
      for await (const row of store.iterateEvents({})) stored.push(row.seq);
      assert.deepEqual(stored, [0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
      assert.equal(await server.metrics.value('codetrail_events_rejected_total', { reason: 'paused' }), 5);
    });

    it('refuses every event of an excluded workspace, judged by the session it belongs to', async () => {
      const policy = (await request(`${base}/v1/policy`, { token: alice })).json() as { workspaceSalt: string };
      const hash = workspaceHash(policy.workspaceSalt, 'payroll-service');
      await store.excludeWorkspace({ hash, label: 'payroll-service', createdAt: now });
      const excluded = sessionEvents({ count: 6, workspace: hash, start: now - 10_000 });
      const fine = sessionEvents({ count: 4, workspace: workspaceHash(policy.workspaceSalt, 'web'), start: now - 10_000 });
      // The session's start arrives first and alone; its later events carry no workspace.
      await sendJson(base, alice, [excluded[0], fine[0]]);
      const r = await sendJson(base, alice, [...excluded.slice(1), ...fine.slice(1)]);
      assert.equal((r.json() as { partialSuccess: { rejectedLogRecords: number } }).partialSuccess.rejectedLogRecords, 5);
      assert.equal(await store.countEvents(), 4);
      const seen = (await request(`${base}/v1/policy`, { token: alice })).json() as { excludedWorkspaces: string[] };
      assert.deepEqual(seen.excludedWorkspaces, [hash]);
    });

    it('runs the exemption flow end to end: request, pending, approval with a note, events refused', async () => {
      const before = sessionEvents({ count: 2, start: now - 100_000 });
      assert.deepEqual((await sendJson(base, alice, before)).json(), {});
      const req = await postJson(`${base}/v1/exemptions`, alice, { reason: 'interviewing candidates this week', scope: { kind: 'all' } });
      assert.equal(req.status, 201);
      const ex = req.json() as { id: string; status: string };
      assert.equal(ex.status, 'pending');
      let policy = (await request(`${base}/v1/policy`, { token: alice })).json() as {
        pauseMinutes: number;
        whilePending: string;
        version: number;
        exemptions: { id: string; status: string; note: string | null }[];
      };
      assert.equal(policy.pauseMinutes, 30);
      assert.equal(policy.whilePending, 'pause');
      assert.deepEqual(
        policy.exemptions.map((e) => [e.id, e.status]),
        [[ex.id, 'pending']],
      );
      // While pending, the policy says pause: events the service receives after the request are refused.
      const during = sessionEvents({ count: 3, start: now + 1000 });
      const r1 = await sendJson(base, alice, during);
      assert.match((r1.json() as { partialSuccess: { errorMessage: string } }).partialSuccess.errorMessage, /3 exemption-pending/);

      const pending = (await request(`${base}/v1/admin/exemptions?status=pending`, { token: admin })).json() as {
        exemptions: { id: string }[];
      };
      assert.deepEqual(
        pending.exemptions.map((e) => e.id),
        [ex.id],
      );
      now += 60_000;
      const d = await postJson(`${base}/v1/admin/exemptions/${ex.id}/decision`, admin, {
        decision: 'approve',
        note: 'granted until Friday',
      });
      assert.equal(d.status, 200);
      assert.equal((await postJson(`${base}/v1/admin/exemptions/${ex.id}/decision`, admin, { decision: 'deny' })).status, 404);
      policy = (await request(`${base}/v1/policy`, { token: alice })).json() as typeof policy;
      assert.deepEqual(
        policy.exemptions.map((e) => [e.status, e.note]),
        [['approved', 'granted until Friday']],
      );
      const r2 = await sendJson(base, alice, sessionEvents({ count: 4, start: now }));
      assert.match((r2.json() as { partialSuccess: { errorMessage: string } }).partialSuccess.errorMessage, /4 exempt/);
      assert.equal(await store.countEvents(), 2);
      const audit = (await request(`${base}/v1/admin/audit`, { token: admin })).json() as { audit: { action: string; actor: string }[] };
      assert.deepEqual(audit.audit.map((a) => a.action).reverse(), ['exemption.requested', 'exemption.approved']);
      assert.equal(audit.audit[0].actor, 'admin:root');
    });

    it('limits exemption requests to the policy groups, with a clear answer', async () => {
      const p = await store.getPolicy();
      await store.setPolicy({ ...p, exemptionGroups: ['research'] });
      const r = await postJson(`${base}/v1/exemptions`, alice, { reason: 'x', scope: { kind: 'all' } });
      assert.equal(r.status, 403);
      assert.equal((r.json() as { error: string }).error, 'not-eligible');
      assert.match((r.json() as { message: string }).message, /research/);
      await store.upsertUser('alice', ['research']);
      assert.equal(
        (await postJson(`${base}/v1/exemptions`, alice, { reason: 'x', scope: { kind: 'workspace', workspace: 'h' } })).status,
        201,
      );
      assert.equal((await postJson(`${base}/v1/exemptions`, alice, { reason: '', scope: { kind: 'all' } })).status, 400);
      assert.equal(
        (await postJson(`${base}/v1/exemptions`, alice, { reason: 'y', scope: { kind: 'range', from: 5, until: 1 } })).status,
        400,
      );
    });

    it('a denied exemption leaves capture as it was', async () => {
      const ex = (
        await postJson(`${base}/v1/exemptions`, alice, { reason: 'r', scope: { kind: 'range', from: now, until: now + 3_600_000 } })
      ).json() as { id: string };
      await postJson(`${base}/v1/admin/exemptions/${ex.id}/decision`, admin, { decision: 'deny', note: 'not this sprint' });
      const r = await sendJson(base, alice, sessionEvents({ count: 3, start: now + 10 }));
      assert.deepEqual(r.json(), {});
      assert.equal(await store.countEvents(), 3);
    });

    it('deletes a session at once for readers, removes it with the job, and refuses its late retries', async () => {
      const keep = sessionEvents({ count: 5, start: now - 50_000 });
      const gone = sessionEvents({ count: 8, start: now - 40_000 });
      await sendJson(base, alice, [...keep, ...gone]);
      const r = await postJson(`${base}/v1/deletions`, alice, { scope: { kind: 'session', sessionId: gone[0].sessionId } });
      assert.equal(r.status, 202);
      const d = r.json() as { id: string; status: string; tombstoned: number };
      assert.deepEqual([d.status, d.tombstoned], ['tombstoned', 8]);
      assert.equal(await store.countEvents(), 5);
      const jobs = await postJson(`${base}/v1/admin/jobs`, admin, {});
      assert.equal((jobs.json() as { rowsDeleted: number }).rowsDeleted, 8);
      const status = (await request(`${base}/v1/deletions/${d.id}`, { token: alice })).json() as { status: string; deleted: number };
      assert.deepEqual([status.status, status.deleted], ['done', 8]);
      // The outbox retries a batch it never saw acknowledged: nothing comes back.
      const retry = await sendJson(base, alice, gone);
      assert.match((retry.json() as { partialSuccess: { errorMessage: string } }).partialSuccess.errorMessage, /8 deleted/);
      assert.equal((await store.exclusionCounts({})).tombstoned, 0);
      const bob = (await issueToken(store, { userId: 'bob' })).token;
      assert.equal((await request(`${base}/v1/deletions/${d.id}`, { token: bob })).status, 404);
    });

    it('deletes everything of a user on request, and retention removes old data', async () => {
      const p = await store.getPolicy();
      await store.setPolicy({ ...p, retentionDays: 1 });
      const old = sessionEvents({ count: 4, start: now - 3 * 86_400_000 });
      const fresh = sessionEvents({ count: 4, start: now - 1000 });
      const r = await sendJson(base, alice, [...old, ...fresh]);
      // Events already past retention are not even stored.
      assert.match((r.json() as { partialSuccess: { errorMessage: string } }).partialSuccess.errorMessage, /4 retention/);
      await store.insertEvents(
        old.map((e) => ({
          id: e.id,
          userId: 'alice',
          sessionId: e.sessionId,
          seq: e.seq,
          kind: e.kind,
          time: e.time,
          consentState: 'recording',
          // received when they were made, before the retention was shortened
          language: null,
          workspace: null,
          body: JSON.stringify(e),
          receivedAt: e.time,
        })),
      );
      assert.equal(await store.countEvents(), 8);
      const report = await runJobs(store, 'test', now);
      assert.equal(report.retentionPurged, 4);
      assert.equal(await store.countEvents(), 4);
      await postJson(`${base}/v1/deletions`, alice, { scope: { kind: 'all' } });
      assert.equal(await store.countEvents(), 0);
      await runJobs(store, 'test', now + 1);
      const list = (await request(`${base}/v1/deletions`, { token: alice })).json() as { deletions: { status: string }[] };
      assert.deepEqual(
        list.deletions.map((d) => d.status),
        ['done'],
      );
    });

    it('answers 413 above the body limit, for plain and for gzip bombs, and stores nothing', async () => {
      await server.close();
      server = await startCollector({ store, port: 0, maxBodyBytes: 64 * 1024, jobIntervalMs: 0 });
      base = server.url;
      const big = Buffer.alloc(65 * 1024, 0x20);
      assert.equal((await request(`${base}/v1/logs`, { token: alice, type: 'application/json', body: big })).status, 413);
      const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20));
      assert.ok(bomb.length < 64 * 1024);
      assert.equal(
        (await request(`${base}/v1/logs`, { token: alice, type: 'application/json', encoding: 'gzip', body: bomb })).status,
        413,
      );
      assert.equal((await sendJson(base, alice, sessionEvents({ count: 2 }), true)).status, 200);
      assert.equal(await store.countEvents(), 2);
    });

    it('answers 429 with Retry-After when too much work is in flight, then takes work again', async () => {
      await server.close();
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      // The real store, with its inserts held until the test lets them go.
      const held = new Proxy(store, {
        get(target, prop, receiver) {
          if (prop === 'insertEvents')
            return async (rows: Parameters<Store['insertEvents']>[0]) => {
              await gate;
              return target.insertEvents(rows);
            };
          const v = Reflect.get(target, prop, receiver);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
      server = await startCollector({ store: held, port: 0, maxInFlight: 2, jobIntervalMs: 0 });
      base = server.url;
      const events = sessionEvents({ count: 60 });
      const first = [sendJson(base, alice, events.slice(0, 10)), sendJson(base, alice, events.slice(10, 20))];
      while ((await server.metrics.value('codetrail_ingest_in_flight')) < 2) await new Promise((r) => setTimeout(r, 5));
      const refused = await Promise.all([2, 3, 4].map((i) => sendJson(base, alice, events.slice(i * 10, i * 10 + 10))));
      for (const r of refused) {
        assert.equal(r.status, 429);
        assert.equal(r.headers.get('retry-after'), '1');
      }
      assert.equal((await request(`${base}/healthz`)).status, 200);
      release();
      assert.deepEqual(
        (await Promise.all(first)).map((r) => r.status),
        [200, 200],
      );
      assert.equal((await sendJson(base, alice, events.slice(50))).status, 200);
      assert.equal(await store.countEvents(), 30);
    });

    it('answers 503 with Retry-After when the store fails, and stays up', async () => {
      const events = sessionEvents({ count: 3 });
      assert.equal((await sendJson(base, alice, events)).status, 200);
      await server.close();
      // The real store, failing as a database that went away would.
      const broken = new Proxy(store, {
        get(target, prop, receiver) {
          if (prop === 'insertEvents' || prop === 'ingestContext')
            return async () => {
              throw new Error('connection terminated');
            };
          const v = Reflect.get(target, prop, receiver);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
      server = await startCollector({ store: broken, port: 0, jobIntervalMs: 0 });
      base = server.url;
      const r = await sendJson(base, alice, sessionEvents({ count: 3 }));
      assert.equal(r.status, 503);
      assert.equal(r.headers.get('retry-after'), '5');
      assert.doesNotMatch(r.body, /connection terminated/);
      assert.equal((await request(`${base}/healthz`)).status, 200);
      assert.equal(await store.countEvents(), 3);
    });

    it('serves health and Prometheus counters', async () => {
      await sendJson(base, alice, sessionEvents({ count: 3, state: 'off' }));
      assert.deepEqual((await request(`${base}/healthz`)).json(), { ok: true, store: kind.name });
      const m = (await request(`${base}/metrics`)).body;
      assert.match(m, /codetrail_events_rejected_total\{reason="consent-state"\} 3/);
      assert.match(m, /codetrail_http_requests_total\{route="\/v1\/logs",status="200"\} 1/);
    });
  });
}
