// Exports from the partitioned PostgreSQL store as from a replica: a role that may only read,
// whole sessions selected by the partition (or range) their start was received in, and one
// snapshot for the whole export while ingest goes on.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '@codetrail/collector/internal/store/postgres';
import type { EventRow } from '@codetrail/collector/internal/store/store';
import { freshPgDatabase, pgUrl } from '../collector/helpers';
import { generateStoredEvents } from './generate';

const CLI = join(__dirname, '../../../packages/collector/dist/src/cli/export.js');
const OCT = Date.UTC(2026, 9, 15);
const NOV = Date.UTC(2026, 10, 5);

describe('export: from a partitioned PostgreSQL store, read only', function () {
  this.timeout(180_000);
  const events = [...generateStoredEvents({ users: 3, sessionsPerUser: 2, changesPerSession: 60, seed: 7 })].filter(
    (e) => e.event.consent.state === 'recording' || e.event.kind === 'gap',
  );
  const sessionsOf = (u: string) => new Set(events.filter((e) => e.user === u).map((e) => e.event.sessionId));
  let db: { url: string; drop: () => Promise<void> };
  let store: PostgresStore;
  let readerUrl: string;
  let work: string;
  const role = `ct_ro_${randomBytes(4).toString('hex')}`;

  const runCli = (out: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, out, '--database-url', readerUrl, '--no-parquet', ...args], {
      encoding: 'utf8',
      env: { ...process.env, CODETRAIL_EXPORT_KEY: 'k' },
    });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { counts: { users: number; sessions: number; events: number } };
  };

  before(async () => {
    db = await freshPgDatabase();
    store = await PostgresStore.open(db.url, { now: () => NOV });
    // user-0000's sessions were received in October, the others' in November
    const rows: EventRow[] = events.map(({ user, event }) => ({
      id: event.id,
      userId: user,
      sessionId: event.sessionId,
      seq: event.seq,
      kind: event.kind,
      time: event.time,
      consentState: event.consent.state,
      language: 'languageId' in event ? event.languageId : null,
      workspace: null,
      body: JSON.stringify(event),
      receivedAt: user === 'user-0000' ? OCT : NOV,
    }));
    for (const u of ['user-0000', 'user-0001', 'user-0002']) {
      await store.recordSessions(
        u,
        [...sessionsOf(u)].map((sessionId) => ({ sessionId, workspace: 'w' })),
      );
    }
    for (let i = 0; i < rows.length; i += 500) await store.insertEvents(rows.slice(i, i + 500));
    await store.getPolicy();
    // a role that may only read, as on a replica
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
    await admin.end();
    const u = new URL(db.url);
    u.username = role;
    readerUrl = u.toString();
    work = mkdtempSync(join(tmpdir(), 'codetrail-export-partition-'));
  });

  after(async () => {
    await store?.close();
    await db?.drop();
    const c = new pg.Client({ connectionString: pgUrl() });
    await c.connect();
    await c.query(`DROP ROLE IF EXISTS ${role}`);
    await c.end();
    rmSync(work, { recursive: true, force: true });
  });

  it("exports one partition's sessions, or a received range, with a role that cannot write", async () => {
    const all = runCli(join(work, 'all'));
    assert.equal(all.counts.users, 3, JSON.stringify(all));
    const oct = runCli(join(work, 'oct'), '--partition', 'events_p20261001');
    assert.deepEqual([oct.counts.users, oct.counts.sessions], [1, sessionsOf('user-0000').size]);
    const nov = runCli(join(work, 'nov'), '--received-since', '2026-11-01', '--received-until', '2026-12-01');
    assert.deepEqual([nov.counts.users, nov.counts.sessions], [2, sessionsOf('user-0001').size + sessionsOf('user-0002').size]);
    assert.equal(oct.counts.events + nov.counts.events, all.counts.events);
    const bad = spawnSync(process.execPath, [CLI, join(work, 'x'), '--database-url', readerUrl, '--partition', 'events_p19990101'], {
      encoding: 'utf8',
      env: { ...process.env, CODETRAIL_EXPORT_KEY: 'k' },
    });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /no partition events_p19990101/);
  });

  it('reads one snapshot: rows stored after the export began are not in it', async () => {
    const reader = await PostgresStore.openReader(readerUrl, { snapshot: true });
    try {
      const before = await reader.countEvents();
      const [first] = events;
      await store.insertEvents([
        {
          id: 'ffffffff-0000-7000-8000-000000000001',
          userId: 'user-0009',
          sessionId: first.event.sessionId,
          seq: 0,
          kind: 'cursor',
          time: NOV,
          consentState: 'recording',
          language: null,
          workspace: null,
          body: '{}',
          receivedAt: NOV,
        },
      ]);
      assert.equal(await reader.countEvents(), before);
      assert.equal(await store.countEvents(), before + 1);
      await assert.rejects(reader.upsertUser('x', []), /read-only transaction/);
    } finally {
      await reader.close();
    }
  });
});
