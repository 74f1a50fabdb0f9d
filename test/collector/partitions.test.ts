// The partitioned events table of the PostgreSQL store: partitions by receive time, made ahead,
// retention by dropping whole partitions, ids stored once across partitions, and the migration
// of a database filled by the collector before partitioning.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresStore } from '@codetrail/collector/internal/store/postgres';
import { intervalStart, nextStart, partitionName, uncovered } from '@codetrail/collector/internal/store/partitions';
import type { EventRow } from '@codetrail/collector/internal/store/store';
import { T0, freshPgDatabase, sessionEvents } from './helpers';

const DAY = 86_400_000;
const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

function rowsOf(userId: string, n: number, receivedAt: number, start = receivedAt - n * 1000): EventRow[] {
  return sessionEvents({ count: n, start }).map((e) => ({
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
    receivedAt,
  }));
}

async function collect(it: AsyncIterable<EventRow>): Promise<EventRow[]> {
  const out: EventRow[] = [];
  for await (const r of it) out.push(r);
  return out;
}

describe('partition intervals', () => {
  it('aligns months, ISO weeks and days in UTC, and names partitions by their first day', () => {
    assert.equal(intervalStart('month', utc(2026, 11, 30, 23)), utc(2026, 11, 1));
    assert.equal(nextStart('month', utc(2026, 12, 1)), utc(2027, 1, 1));
    // 2026-11-04 is a Wednesday: its week starts on Monday the 2nd
    assert.equal(intervalStart('week', utc(2026, 11, 4, 13)), utc(2026, 11, 2));
    assert.equal(intervalStart('week', utc(2026, 11, 8, 23)), utc(2026, 11, 2));
    assert.equal(intervalStart('day', utc(2026, 11, 4, 13)), utc(2026, 11, 4));
    assert.equal(partitionName(utc(2026, 11, 1)), 'events_p20261101');
  });

  it('finds the parts of a range no partition covers', () => {
    const parts = [
      { from: 10, until: 20 },
      { from: 30, until: 40 },
    ];
    assert.deepEqual(uncovered(0, 50, parts), [
      [0, 10],
      [20, 30],
      [40, 50],
    ]);
    assert.deepEqual(uncovered(12, 18, parts), []);
    assert.deepEqual(uncovered(15, 35, parts), [[20, 30]]);
    assert.deepEqual(uncovered(0, 50, [{ from: -Infinity, until: 25 }]), [[25, 50]]);
  });
});

describe('partitioned events (postgres)', function () {
  let db: { url: string; drop: () => Promise<void> };
  const stores: PostgresStore[] = [];
  const open = async (opts: Parameters<typeof PostgresStore.open>[1] = {}) => {
    const s = await PostgresStore.open(db.url, { now: () => T0, ...opts });
    stores.push(s);
    return s;
  };

  beforeEach(async () => {
    db = await freshPgDatabase();
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    await db.drop();
  });

  it('makes a new database partitioned by month of receive time, with the next two months ready', async () => {
    const store = await open();
    assert.deepEqual(
      (await store.partitions()).map((p) => [p.name, p.from, p.until]),
      [
        ['events_p20261101', utc(2026, 11, 1), utc(2026, 12, 1)],
        ['events_p20261201', utc(2026, 12, 1), utc(2027, 1, 1)],
        ['events_p20270101', utc(2027, 1, 1), utc(2027, 2, 1)],
      ],
    );
    // the job keeps them ahead, and makes nothing it already has
    assert.deepEqual(await store.createPartitionsAhead(utc(2026, 12, 15)), ['events_p20270201']);
    assert.deepEqual(await store.createPartitionsAhead(utc(2026, 12, 16)), []);
  });

  it('takes the interval from its option, keeps it for every collector, and creates a missing partition when a row needs it', async () => {
    const first = await open({ partitionInterval: 'day', partitionsAhead: 1 });
    assert.deepEqual(
      (await first.partitions()).map((p) => p.name),
      ['events_p20261102', 'events_p20261103'],
    );
    const second = await open({ partitionsAhead: 1 });
    assert.equal(second.partitionInterval, 'day');
    // a held event received weeks ago, released now
    const old = rowsOf('ann', 3, utc(2026, 10, 20, 8));
    assert.deepEqual(await second.insertEvents(old), { inserted: 3, duplicates: 0 });
    assert.deepEqual(
      (await second.partitions()).map((p) => p.name),
      ['events_p20261020', 'events_p20261102', 'events_p20261103'],
    );
  });

  it('stores an id once per user across partitions, also when two collectors write a retry at once', async () => {
    const a = await open();
    const b = await open();
    const rows = rowsOf('bea', 40, utc(2026, 11, 30, 23));
    const retry = rows.map((r) => ({ ...r, receivedAt: utc(2026, 12, 1, 0) + 5 }));
    const [x, y] = await Promise.all([a.insertEvents(rows), b.insertEvents(retry)]);
    assert.equal(x.inserted + y.inserted, 40);
    assert.deepEqual(await a.insertEvents(retry), { inserted: 0, duplicates: 40 });
    assert.equal(await a.countEvents(), 40);
    // the same ids are another user's own events
    assert.deepEqual(await a.insertEvents(rows.map((r) => ({ ...r, userId: 'cid' }))), { inserted: 40, duplicates: 0 });
  });

  it('retention detaches and drops each partition received wholly before the cutoff, and only those', async () => {
    const store = await open();
    await store.insertEvents(rowsOf('dan', 3, utc(2026, 9, 15)));
    await store.insertEvents(rowsOf('dan', 4, utc(2026, 10, 31, 23)));
    await store.insertEvents(rowsOf('dan', 5, utc(2026, 11, 1, 1)));
    const before = (await store.partitions()).map((p) => p.name);
    assert.deepEqual(before, ['events_p20260901', 'events_p20261001', 'events_p20261101', 'events_p20261201', 'events_p20270101']);
    // the cutoff falls inside November: September and October go, November stays whole
    assert.equal(await store.purgeBefore(utc(2026, 11, 1, 12)), 7);
    assert.deepEqual(
      (await store.partitions()).map((p) => p.name),
      before.slice(2),
    );
    assert.equal(await store.countEvents(), 5);
    const tables = await store.pool.query(`SELECT relname FROM pg_class WHERE relname IN ('events_p20260901', 'events_p20261001')`);
    assert.equal(tables.rowCount, 0, 'the detached partitions are dropped');
    assert.equal(await store.purgeBefore(utc(2026, 11, 1, 12)), 0);
  });

  it('erasure deletes rows in every partition and keeps their ids, without dropping a partition', async () => {
    const store = await open();
    const oct = rowsOf('eve', 4, utc(2026, 10, 30));
    const nov = rowsOf('eve', 6, utc(2026, 11, 2));
    await store.insertEvents([...oct, ...nov]);
    await store.insertEvents(rowsOf('fay', 2, utc(2026, 10, 30)));
    const d = await store.requestDeletion({ id: 'd1', userId: 'eve', scope: { kind: 'all' }, requestedAt: T0 });
    assert.equal(d.tombstoned, 10);
    const done = await store.processDeletions(T0 + 1);
    assert.deepEqual(
      done.map((x) => x.deleted),
      [10],
    );
    assert.equal(await store.countEvents(), 2);
    assert.equal((await store.deletedIds('eve', [oct[0].id, nov[5].id])).size, 2);
    assert.deepEqual((await store.partitions()).map((p) => p.name).slice(0, 2), ['events_p20261001', 'events_p20261101']);
  });

  it('migrates a database filled by the unpartitioned collector (schema 2), keeping every row and consent fact', async () => {
    const sql = readFileSync(join(__dirname, '../../../test/collector/fixtures/pg-schema-2.sql'), 'utf8');
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await c.query(sql);
    await c.end();
    const raw = new pg.Client({ connectionString: db.url });
    await raw.connect();
    const beforeRows = (await raw.query('SELECT id, user_id, received_at, deleted_at FROM public.events ORDER BY user_id, id')).rows;
    const beforeDeleted = (await raw.query('SELECT user_id, id FROM public.deleted_ids ORDER BY 1, 2')).rows;
    const beforeHeld = Number((await raw.query('SELECT COUNT(*) AS n FROM public.held_events')).rows[0].n);
    await raw.end();
    assert.equal(beforeRows.length, 34);

    const now = utc(2026, 11, 20);
    const store = await open({ now: () => now });
    assert.equal((await store.pool.query(`SELECT value FROM settings WHERE key = 'schema_version'`)).rows[0].value, '3');
    const parts = await store.partitions();
    assert.deepEqual(
      parts.map((p) => p.name),
      ['events_legacy', 'events_p20261120', 'events_p20261201', 'events_p20270101'],
    );
    assert.equal(parts[0].until, now);
    const afterRows = (await store.pool.query('SELECT id, user_id, received_at, deleted_at FROM events ORDER BY user_id, id')).rows;
    assert.deepEqual(afterRows, beforeRows);
    assert.deepEqual((await store.pool.query('SELECT user_id, id FROM deleted_ids ORDER BY 1, 2')).rows, beforeDeleted);
    assert.equal(Number((await store.pool.query('SELECT COUNT(*) AS n FROM held_events')).rows[0].n), beforeHeld);
    assert.equal(await store.countEvents(), 28);
    const ctx = await store.ingestContext('alice', [], { from: 0, until: Number.MAX_SAFE_INTEGER });
    assert.deepEqual(
      ctx.consent.pauses.map((p) => p.id),
      ['pause-1'],
    );

    // an id stored before the migration is a duplicate when resent now; a new one goes to the new partition
    const [stored] = await collect(store.iterateEvents({ users: ['alice'] }));
    assert.deepEqual(await store.insertEvents([{ ...stored, receivedAt: now + 5 }]), { inserted: 0, duplicates: 1 });
    assert.deepEqual(await store.insertEvents(rowsOf('alice', 2, now + 5)), { inserted: 2, duplicates: 0 });
    assert.equal(Number((await store.pool.query('SELECT COUNT(*) AS n FROM events_p20261120')).rows[0].n), 2);
    // the open deletion of the old version completes; its rows were in the old table
    assert.deepEqual(
      (await store.processDeletions(now)).map((d) => d.deleted),
      [6],
    );

    // a second open changes nothing; retention empties the old table by event time, then drops it whole
    const again = await open({ now: () => now });
    assert.deepEqual(
      (await again.partitions()).map((p) => p.name),
      parts.map((p) => p.name),
    );
    assert.equal(await again.purgeBefore(utc(2026, 11, 1)), 19);
    assert.equal(await again.purgeBefore(now + DAY), 9);
    assert.deepEqual(
      (await again.partitions()).map((p) => p.name),
      ['events_p20261120', 'events_p20261201', 'events_p20270101'],
    );
    assert.equal(await again.countEvents(), 2);
  });
});
