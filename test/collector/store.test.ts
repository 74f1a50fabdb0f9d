// One store test suite, run against a real SQLite file and a real PostgreSQL database.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { hashToken, issueToken } from '@codetrail/collector/internal/auth';
import { PostgresStore } from '@codetrail/collector/internal/store/postgres';
import { schemaV1 } from '@codetrail/collector/internal/store/sql';
import { SqliteStore } from '@codetrail/collector/internal/store/sqlite';
import type { EventRow, Store } from '@codetrail/collector/internal/store/store';
import { STORE_KINDS, T0, freshPgDatabase, sessionEvents } from './helpers';

const ALL_TIME = { from: Number.MIN_SAFE_INTEGER, until: Number.MAX_SAFE_INTEGER };

function rowsOf(userId: string, n: number, opts: { start?: number; sessionId?: string; language?: string } = {}): EventRow[] {
  return sessionEvents({ count: n, start: opts.start, sessionId: opts.sessionId, language: opts.language }).map((e) => ({
    id: e.id,
    userId,
    sessionId: e.sessionId,
    seq: e.seq,
    kind: e.kind,
    time: e.time,
    consentState: e.consent.state,
    language: 'languageId' in e ? e.languageId : null,
    workspace: null,
    body: JSON.stringify(e),
    receivedAt: T0,
  }));
}

async function collect(it: AsyncIterable<EventRow>): Promise<EventRow[]> {
  const out: EventRow[] = [];
  for await (const r of it) out.push(r);
  return out;
}

for (const kind of STORE_KINDS) {
  describe(`store (${kind.name})`, function () {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      const opened = await kind.open();
      store = opened.store;
      cleanup = opened.cleanup;
    });
    afterEach(async () => cleanup());

    it('stores each event id once, however often a batch is inserted', async () => {
      const rows = rowsOf('alice', 50);
      assert.deepEqual(await store.insertEvents(rows), { inserted: 50, duplicates: 0 });
      assert.deepEqual(await store.insertEvents(rows), { inserted: 0, duplicates: 50 });
      assert.deepEqual(await store.insertEvents([...rows.slice(0, 10), ...rows.slice(0, 10)]), { inserted: 0, duplicates: 20 });
      assert.equal(await store.countEvents(), 50);
      // A body handed over as UTF-8 bytes (as decode workers do) is stored as the same text.
      const text = JSON.stringify({ note: 'Grüße 😀', n: 1 });
      const [bytesRow] = rowsOf('bytes-user', 1);
      await store.insertEvents([{ ...bytesRow, body: Buffer.from(text, 'utf8') }]);
      const [back] = await collect(store.iterateEvents({ users: ['bytes-user'] }));
      assert.equal(back.body, text);
      assert.equal(typeof back.body, 'string');
    });

    it('finds tokens only by hash, and remembers revocation and expiry', async () => {
      const t = await issueToken(store, { userId: 'bob', expiresAt: T0 + 1000, label: 'laptop' });
      const found = await store.findTokenByHash(hashToken(t.token));
      assert.equal(found?.userId, 'bob');
      assert.equal(found?.expiresAt, T0 + 1000);
      assert.equal(await store.findTokenByHash(hashToken(t.token + 'x')), null);
      assert.equal(await store.revokeToken(t.record.id, T0), true);
      assert.equal(await store.revokeToken(t.record.id, T0), false);
      assert.equal((await store.findTokenByHash(hashToken(t.token)))?.revokedAt, T0);
    });

    it('iterates non-deleted events ordered by user, session and seq across pages, with filters', async () => {
      const a1 = rowsOf('alice', 7, { language: 'python' });
      const a2 = rowsOf('alice', 5, { start: T0 + 86_400_000 });
      const b = rowsOf('bob', 9);
      await store.insertEvents([...b, ...a2, ...a1].reverse());
      const all = await collect(store.iterateEvents({}, 4));
      assert.equal(all.length, 21);
      const key = (r: EventRow) => [r.userId, r.sessionId, String(r.seq).padStart(6, '0')].join('|');
      assert.deepEqual(all.map(key), [...all.map(key)].sort());
      assert.deepEqual(
        (await collect(store.iterateEvents({ users: ['bob'] }))).map((r) => r.id),
        b.map((r) => r.id),
      );
      assert.equal((await collect(store.iterateEvents({ kinds: ['cursor'] }, 2))).length, all.filter((r) => r.kind === 'cursor').length);
      assert.equal((await collect(store.iterateEvents({ from: T0 + 86_400_000 }))).length, 5);
      assert.equal(
        (await collect(store.iterateEvents({ languages: ['python'] }))).length,
        a1.filter((r) => r.language === 'python').length,
      );
      assert.equal((await collect(store.iterateEvents({ users: [] }))).length, 0);
    });

    it('tombstones a deletion at once and removes the rows when the deletion job runs', async () => {
      const s1 = rowsOf('carol', 10);
      const s2 = rowsOf('carol', 6);
      const other = rowsOf('dave', 4);
      await store.insertEvents([...s1, ...s2, ...other]);
      const d = await store.requestDeletion({
        id: 'd1',
        userId: 'carol',
        scope: { kind: 'session', sessionId: s1[0].sessionId },
        requestedAt: T0 + 1,
      });
      assert.equal(d.tombstoned, 10);
      assert.equal(await store.countEvents({ users: ['carol'] }), 6);
      const ex = await store.exclusionCounts({});
      assert.equal(ex.tombstoned, 10);
      const done = await store.processDeletions(T0 + 2);
      assert.deepEqual(
        done.map((x) => [x.id, x.deleted, x.status]),
        [['d1', 10, 'done']],
      );
      assert.equal((await store.exclusionCounts({})).tombstoned, 0);
      assert.equal((await store.getDeletion('d1'))?.status, 'done');
      assert.equal(await store.countEvents(), 10);
      // A second run has nothing left to do.
      assert.deepEqual(await store.processDeletions(T0 + 3), []);
    });

    it('a deletion of everything removes all data of the user and nothing of others, and keeps their consent facts and deleted ids', async () => {
      const erin = [...rowsOf('erin', 5), ...rowsOf('erin', 5)];
      await store.insertEvents([...erin, ...rowsOf('frank', 3)]);
      await store.recordSessions('erin', [{ sessionId: 's', workspace: 'w' }]);
      await store.changePause('erin', 'p', () => ({ userId: 'erin', id: 'p', from: T0, until: T0 + 60_000, reportedAt: T0 }));
      const before = (await store.ingestContext('erin', [], ALL_TIME)).version;
      await store.requestDeletion({ id: 'd2', userId: 'erin', scope: { kind: 'all' }, requestedAt: T0 + 10 });
      await store.processDeletions(T0 + 11);
      assert.equal(await store.countEvents({ users: ['erin'] }), 0);
      assert.equal(await store.countEvents({ users: ['frank'] }), 3);
      const ctx = await store.ingestContext('erin', ['s'], ALL_TIME);
      assert.deepEqual([...ctx.workspaces], [['s', 'w']]);
      assert.deepEqual(
        ctx.consent.pauses.map((p) => p.id),
        ['p'],
      );
      assert.ok(ctx.version > before, 'a deletion changes the version of the consent facts');
      assert.deepEqual([...(await store.deletedIds('erin', [erin[0].id, erin[9].id, 'other']))].sort(), [erin[0].id, erin[9].id].sort());
      assert.equal((await store.deletedIds('frank', [erin[0].id])).size, 0);
    });

    it("inserts a guarded batch only while the user's consent facts are at the version it was judged by", async () => {
      await store.upsertUser('lee', []);
      const v0 = (await store.ingestContext('lee', [], ALL_TIME)).version;
      const rows = rowsOf('lee', 4);
      await store.changePause('lee', 'p', () => ({ userId: 'lee', id: 'p', from: 1, until: 2, reportedAt: T0 }));
      assert.deepEqual(await store.insertEvents(rows, { userId: 'lee', consentVersion: v0 }), { inserted: 0, duplicates: 0, stale: true });
      assert.equal(await store.countEvents(), 0);
      const v1 = (await store.ingestContext('lee', [], ALL_TIME)).version;
      assert.deepEqual(await store.insertEvents(rows, { userId: 'lee', consentVersion: v1 }), { inserted: 4, duplicates: 0 });
      // The same ids are another user's own events.
      assert.deepEqual(await store.insertEvents(rows.map((r) => ({ ...r, userId: 'max' }))), { inserted: 4, duplicates: 0 });
    });

    it('retention purges events older than the cutoff', async () => {
      // received when they were made: PostgreSQL drops the partition they were received in
      const old = rowsOf('gina', 5, { start: T0 - 10 * 86_400_000 }).map((r) => ({ ...r, receivedAt: r.time }));
      await store.insertEvents([...old, ...rowsOf('gina', 5)]);
      assert.equal(await store.purgeBefore(T0 - 86_400_000), 5);
      assert.equal(await store.countEvents(), 5);
    });

    it('decides an exemption once and keeps the consent context of its user', async () => {
      await store.createExemption({
        id: 'x1',
        userId: 'hal',
        reason: 'r',
        scope: { kind: 'range', from: 1, until: 2 },
        status: 'pending',
        requestedAt: T0,
        decidedAt: null,
        decidedBy: null,
        note: null,
      });
      const e = await store.decideExemption('x1', 'approved', 'admin:root', 'ok', T0 + 5);
      assert.equal(e?.status, 'approved');
      assert.equal(e?.note, 'ok');
      assert.equal(await store.decideExemption('x1', 'denied', 'admin:root', 'no', T0 + 6), null);
      await store.changePause('hal', 'p1', () => ({ id: 'p1', userId: 'hal', from: 10, until: 20, reportedAt: T0 }));
      const change = await store.changePause('hal', 'p1', (b) => ({ ...b!, until: 15 }));
      assert.deepEqual([change.before?.until, change.after.until], [20, 15]);
      await store.excludeWorkspace({ hash: 'h1', label: 'secret-project', createdAt: T0 });
      const pausesIn = async (user: string, span: { from: number; until: number }) =>
        (await store.ingestContext(user, [], span)).consent.pauses.map((p) => [p.id, p.until]);
      const ctx = (await store.ingestContext('hal', [], ALL_TIME)).consent;
      assert.deepEqual(
        ctx.exemptions.map((x) => x.id),
        ['x1'],
      );
      assert.deepEqual(
        ctx.pauses.map((p) => [p.id, p.until]),
        [['p1', 15]],
      );
      assert.ok(ctx.excludedWorkspaces.has('h1'));
      assert.deepEqual(await pausesIn('ian', ALL_TIME), []);
      // A batch's context holds only the pauses its events could fall into.
      assert.deepEqual(await pausesIn('hal', { from: 14, until: 100 }), [['p1', 15]]);
      assert.deepEqual(await pausesIn('hal', { from: 15, until: 100 }), []);
      assert.deepEqual(await pausesIn('hal', { from: 0, until: 9 }), []);
      // ... and the workspaces of this user's sessions known from earlier batches, nobody else's.
      await store.recordSessions('hal', [
        { sessionId: 's1', workspace: 'w1' },
        { sessionId: 's2', workspace: 'w2' },
      ]);
      await store.recordSessions('ian', [{ sessionId: 's3', workspace: 'w3' }]);
      assert.deepEqual([...(await store.ingestContext('hal', ['s1', 's3', 'nope'], ALL_TIME)).workspaces], [['s1', 'w1']]);
    });

    it('creates one policy with a salt, and bumps its version on each change', async () => {
      const p1 = await store.getPolicy();
      assert.equal(p1.pauseMinutes, 30);
      assert.equal(p1.whilePending, 'pause');
      assert.match(p1.workspaceSalt, /^[0-9a-f]{64}$/);
      const p2 = await store.setPolicy({ ...p1, pauseMinutes: 15 });
      assert.equal(p2.version, p1.version + 1);
      assert.equal(p2.workspaceSalt, p1.workspaceSalt);
      assert.equal((await store.getPolicy()).pauseMinutes, 15);
    });

    it('counts events per day, kind and language, rejections, pauses and exemptions', async () => {
      await store.insertEvents([...rowsOf('jo', 4, { language: 'go' }), ...rowsOf('kim', 3, { start: T0 + 86_400_000 })]);
      await store.countRejections('2026-11-02', { paused: 3, invalid: 1 });
      await store.countRejections('2026-11-02', { paused: 2 });
      await store.changePause('jo', 'p', () => ({ id: 'p', userId: 'jo', from: T0, until: T0 + 60_000, reportedAt: T0 }));
      await store.createExemption({
        id: 'x',
        userId: 'jo',
        reason: 'r',
        scope: { kind: 'all' },
        status: 'pending',
        requestedAt: T0,
        decidedAt: null,
        decidedBy: null,
        note: null,
      });
      const s = await store.stats({});
      assert.deepEqual(s.eventsPerDay, [
        { day: '2026-11-02', count: 4 },
        { day: '2026-11-03', count: 3 },
      ]);
      assert.deepEqual(s.eventsPerLanguage, [
        { language: 'go', count: 2 },
        { language: 'typescript', count: 2 },
      ]);
      assert.equal(
        s.eventsPerKind.reduce((a, k) => a + k.count, 0),
        7,
      );
      assert.deepEqual(s.rejectionsPerDay, [
        { day: '2026-11-02', reason: 'invalid', count: 1 },
        { day: '2026-11-02', reason: 'paused', count: 5 },
      ]);
      assert.deepEqual(s.pausesPerDay, [{ day: '2026-11-02', count: 1 }]);
      assert.deepEqual(s.exemptionsPerDay, [{ day: '2026-11-02', status: 'pending', count: 1 }]);
      assert.deepEqual(s.totals, { events: 7, users: 2, sessions: 2, tombstoned: 0 });
      assert.deepEqual((await store.exclusionCounts({ from: T0, until: T0 + 1000 })).rejectedAtIngest, { invalid: 1, paused: 5 });
    });
  });
}

// A database made by the version before schema versions were recorded (schema 1): ids unique
// across users, upper-case copies stored as other events, pauses and sessions deleted with data.
describe('schema migration from version 1', function () {
  const sessionId = '01a2f5c0-0000-7000-8000-00000000abcd';
  const ids = { kept: '01a2f5c0-0000-7000-8000-0000000000aa', tombstoned: '01a2f5c0-0000-7000-8000-0000000000bb' };
  const v1Rows = (): unknown[][] => [
    // id, user, session, seq, kind, time, state, language, workspace, body, received_at, deleted_at
    [ids.kept, 'alice', sessionId, 1, 'cursor', T0, 'recording', null, 'w', JSON.stringify({ id: ids.kept, sessionId }), T0, null],
    // the same event sent again upper-cased, stored by version 1 as a second one
    [
      ids.kept.toUpperCase(),
      'alice',
      sessionId.toUpperCase(),
      1,
      'cursor',
      T0,
      'recording',
      null,
      'w',
      JSON.stringify({ id: ids.kept.toUpperCase(), sessionId: sessionId.toUpperCase() }),
      T0 + 5,
      null,
    ],
    [
      ids.tombstoned,
      'alice',
      sessionId,
      2,
      'cursor',
      T0 + 1,
      'recording',
      null,
      'w',
      JSON.stringify({ id: ids.tombstoned, sessionId }),
      T0,
      T0 + 9,
    ],
  ];

  async function checkMigrated(store: Store): Promise<void> {
    const rows = await collect(store.iterateEvents({}));
    assert.deepEqual(
      rows.map((r) => [r.id, r.sessionId]),
      [[ids.kept, sessionId]],
    );
    assert.deepEqual(JSON.parse(rows[0].body), { id: ids.kept, sessionId });
    // the tombstoned id of the open request stays deleted for good, the job still removes the row
    assert.deepEqual([...(await store.deletedIds('alice', [ids.kept, ids.tombstoned]))], [ids.tombstoned]);
    assert.deepEqual(await store.processDeletions(T0 + 20).then((d) => d.map((x) => [x.id, x.deleted])), [['d-open', 1]]);
    // ids are now unique per user, and the user's consent facts have a version
    assert.deepEqual(await store.insertEvents([{ ...rows[0], userId: 'bob' }]), { inserted: 1, duplicates: 0 });
    assert.deepEqual(await store.insertEvents([{ ...rows[0], id: ids.kept }]), { inserted: 0, duplicates: 1 });
    const ctx = await store.ingestContext('alice', [sessionId], { from: 0, until: Number.MAX_SAFE_INTEGER });
    assert.deepEqual([...ctx.workspaces], [[sessionId, 'w']]);
    assert.deepEqual(
      ctx.consent.pauses.map((p) => p.id),
      ['p1'],
    );
    assert.equal(ctx.version, 0);
  }

  const insertV1 =
    'INSERT INTO events (id, user_id, session_id, seq, kind, time, consent_state, language, workspace, body, received_at, deleted_at)';
  const facts = [
    [`INSERT INTO users (id, groups_json, created_at) VALUES ('alice', '[]', ${T0})`],
    [`INSERT INTO sessions (user_id, session_id, workspace) VALUES ('alice', '${sessionId.toUpperCase()}', 'w')`],
    [`INSERT INTO pauses (user_id, id, from_ms, until_ms, reported_at) VALUES ('alice', 'p1', ${T0}, ${T0 + 60_000}, ${T0})`],
    [
      `INSERT INTO deletions (id, user_id, scope, status, requested_at, tombstoned) VALUES ('d-open', 'alice', '{"kind":"session","sessionId":"x"}', 'tombstoned', ${T0 + 9}, 1)`,
    ],
  ];

  it('opens a SQLite database of version 1 and migrates it, keeping its data and consent facts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-migrate-'));
    try {
      const file = join(dir, 'codetrail.db');
      const db = new Database(file);
      for (const s of schemaV1({ int: 'INTEGER', bool: 'INTEGER', serial: 'INTEGER', key: 'TEXT' })) db.exec(s);
      for (const [s] of facts) db.exec(s);
      const ins = db.prepare(`${insertV1} VALUES (${Array(12).fill('?').join(', ')})`);
      for (const r of v1Rows()) ins.run(...r);
      db.close();
      const store = new SqliteStore(file);
      try {
        await checkMigrated(store);
      } finally {
        await store.close();
      }
      // a second open finds the current version and changes nothing
      const again = new SqliteStore(file);
      assert.equal(await again.countEvents(), 2);
      assert.equal((again.raw.prepare(`SELECT value FROM settings WHERE key = 'schema_version'`).get() as { value: string }).value, '2');
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens a PostgreSQL database of version 1 and migrates it, keeping its data and consent facts', async () => {
    const fresh = await freshPgDatabase();
    try {
      const c = new pg.Client({ connectionString: fresh.url });
      await c.connect();
      for (const s of schemaV1({ int: 'BIGINT', bool: 'BOOLEAN', serial: 'BIGSERIAL', key: 'TEXT COLLATE "C"' })) await c.query(s);
      for (const [s] of facts) await c.query(s);
      for (const r of v1Rows()) await c.query(`${insertV1} VALUES (${r.map((_, i) => `$${i + 1}`).join(', ')})`, r);
      await c.end();
      const store = await PostgresStore.open(fresh.url);
      try {
        await checkMigrated(store);
      } finally {
        await store.close();
      }
      const again = await PostgresStore.open(fresh.url);
      assert.equal(await again.countEvents(), 2);
      assert.equal((await again.pool.query(`SELECT value FROM settings WHERE key = 'schema_version'`)).rows[0].value, '3');
      assert.deepEqual((await again.partitions()).map((p) => p.name).slice(0, 1), ['events_legacy']);
      await again.close();
    } finally {
      await fresh.drop();
    }
  });
});
