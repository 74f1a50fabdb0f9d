// Exports from the collection service's real stores (a SQLite file, a PostgreSQL database):
// events go in through the Store interface as the service stores them, a user asks for
// deletion, and the export must not hold a trace of them, before or after the hard delete.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { utcDay, type EventRow } from '@codetrail/collector/internal/store/store';
import { pseudonymize } from '@codetrail/dataset/internal/pseudonym';
import { exportDataset } from '@codetrail/dataset/internal/pipeline';
import { openDuckDb } from '@codetrail/dataset/internal/parquet';
import { STORE_KINDS } from '../collector/helpers';
import { generateStoredEvents } from './generate';

const CLI = join(__dirname, '../../../packages/collector/dist/src/cli/export.js');
const KEY = 'store-test-key';

function exported(dir: string): string {
  return readdirSync(join(dir, 'data'))
    .sort()
    .map((f) => gunzipSync(readFileSync(join(dir, 'data', f))).toString('utf8'))
    .join('');
}

for (const kind of STORE_KINDS) {
  describe(`export: from the ${kind.name} store`, function () {
    this.timeout(180_000);
    const events = [...generateStoredEvents({ users: 3, sessionsPerUser: 2, changesPerSession: 150, seed: 5, pausedEvery: 6 })];
    const [alice, bob, carol] = ['user-0000', 'user-0001', 'user-0002'];
    const stored = (u: string) =>
      events.filter((e) => e.user === u && (e.event.consent.state === 'recording' || e.event.kind === 'gap')).length;
    const bobSessions = [...new Set(events.filter((e) => e.user === bob).map((e) => e.event.sessionId))];
    let opened: Awaited<ReturnType<typeof kind.open>>;
    let work: string;

    const runCli = (out: string) => {
      const loc = opened.location.databaseUrl ? ['--database-url', opened.location.databaseUrl] : ['--data', opened.location.dataDir!];
      const r = spawnSync(process.execPath, [CLI, out, ...loc], { encoding: 'utf8', env: { ...process.env, CODETRAIL_EXPORT_KEY: KEY } });
      assert.equal(r.status, 0, r.stderr + r.stdout);
      return r.stdout;
    };

    before(async () => {
      opened = await kind.open();
      work = mkdtempSync(join(tmpdir(), 'codetrail-export-store-'));
      const now = events[events.length - 1].event.time + 3_600_000;
      for (const u of [alice, bob, carol]) {
        const rows: EventRow[] = [];
        let refused = 0;
        // as the service does: each session's workspace from its session.start
        const starts = events
          .filter((e) => e.user === u && e.event.kind === 'session.start')
          .map(({ event }) => ({ sessionId: event.sessionId, workspace: event.kind === 'session.start' ? event.workspace : '' }));
        await opened.store.recordSessions(u, starts);
        const workspaceOf = new Map(starts.map((x) => [x.sessionId, x.workspace]));
        for (const { event } of events.filter((e) => e.user === u)) {
          // the service refuses events stamped outside consent and only counts them
          if (event.consent.state !== 'recording' && event.kind !== 'gap') {
            refused++;
            continue;
          }
          rows.push({
            id: event.id,
            userId: u,
            sessionId: event.sessionId,
            seq: event.seq,
            kind: event.kind,
            time: event.time,
            consentState: event.consent.state,
            language: 'languageId' in event ? event.languageId : null,
            workspace: workspaceOf.get(event.sessionId) ?? null,
            body: JSON.stringify(event),
            receivedAt: now,
          });
        }
        for (let i = 0; i < rows.length; i += 500) await opened.store.insertEvents(rows.slice(i, i + 500));
        if (refused) await opened.store.countRejections(utcDay(now), { 'consent-state': refused });
      }
    });

    after(async () => {
      await opened?.cleanup();
    });

    it('exports every stored user, and nothing of a user who asked for deletion (tombstoned, then hard-deleted)', async () => {
      const before = join(work, 'before');
      runCli(before);
      const text = exported(before);
      assert.ok(text.includes(pseudonymize(KEY, bob)) && text.includes(bobSessions[0]));
      // the store path (stored JSON reused) writes the same shards as the plain path
      const plain = join(work, 'plain');
      const kept = events.filter((e) => e.event.consent.state === 'recording' || e.event.kind === 'gap');
      await exportDataset({ events: kept }, { outDir: plain, pseudonymKey: KEY });
      assert.deepEqual(readdirSync(join(plain, 'data')), readdirSync(join(before, 'data')));
      for (const f of readdirSync(join(plain, 'data'))) {
        assert.ok(readFileSync(join(plain, 'data', f)).equals(readFileSync(join(before, 'data', f))), `${f} differs`);
      }

      const now = events[events.length - 1].event.time + 7_200_000;
      const d = await opened.store.requestDeletion({ id: randomUUID(), userId: bob, scope: { kind: 'all' }, requestedAt: now });
      assert.equal(d.tombstoned, stored(bob));

      const tomb = join(work, 'tombstoned');
      const out = runCli(tomb);
      const manifest = JSON.parse(readFileSync(join(tomb, 'manifest.json'), 'utf8'));
      for (const t of [exported(tomb), readFileSync(join(tomb, 'README.md'), 'utf8'), JSON.stringify(manifest)]) {
        assert.ok(!t.includes(pseudonymize(KEY, bob)), 'no trace of the deleted user');
        for (const s of bobSessions) assert.ok(!t.includes(s), 'no session of the deleted user');
      }
      assert.equal(manifest.excluded['store:tombstoned'], stored(bob));
      assert.equal(manifest.counts.users, 2);
      assert.ok(
        Object.keys(manifest.excluded).some((k) => k.startsWith('store:rejected-at-ingest:')),
        JSON.stringify(manifest.excluded),
      );
      assert.match(out, /store:tombstoned/);

      // Parquet: the same users and sessions as the shards
      const conn = await openDuckDb();
      try {
        const rows = (
          await conn.runAndReadAll(
            `SELECT "user", count(*) AS n FROM read_parquet('${join(tomb, 'tables', 'events.parquet')}') GROUP BY 1 ORDER BY 1`,
          )
        ).getRowObjects();
        const stored = events.filter((e) => e.user !== bob && e.event.consent.state === 'recording');
        assert.equal(
          rows.reduce((a, r) => a + Number(r.n), 0),
          manifest.counts.events,
        );
        assert.ok(manifest.counts.events <= stored.length);
        assert.ok(!rows.some((r) => r.user === pseudonymize(KEY, bob)));
      } finally {
        conn.closeSync();
      }

      await opened.store.processDeletions(now + 1000);
      const after = join(work, 'after');
      runCli(after);
      const m2 = JSON.parse(readFileSync(join(after, 'manifest.json'), 'utf8'));
      assert.ok(!exported(after).includes(pseudonymize(KEY, bob)));
      assert.equal(m2.excluded['store:tombstoned'], undefined, 'the rows are gone, not merely hidden');
      assert.equal(m2.excluded['store:deletion-requests-completed'], 1);
      assert.equal(m2.counts.events, manifest.counts.events);

      const v = spawnSync(process.execPath, [CLI, 'verify', after], { encoding: 'utf8' });
      assert.equal(v.status, 0, v.stdout);
    });
  });
}
