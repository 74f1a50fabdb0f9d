// Two collector processes on one PostgreSQL behind a real HAProxy: requests are spread round
// robin, a collector killed is taken out by the health checks and its share goes to the
// other, and it comes back in when it is started again. Every event is stored once.
import assert from 'node:assert/strict';
import { issueToken } from '@codetrail/collector/internal/auth';
import { PostgresStore } from '@codetrail/collector/internal/store/postgres';
import { logsRequests, startCluster, type Cluster } from './cluster';
import { freshPgDatabase, sendJson, sessionEvents } from './helpers';

describe('collectors behind a load balancer (HAProxy)', function () {
  this.timeout(120_000);
  let db: { url: string; drop: () => Promise<void> };
  let store: PostgresStore;
  let cluster: Cluster | undefined;

  before(async () => {
    db = await freshPgDatabase();
    store = await PostgresStore.open(db.url);
  });
  after(async () => {
    await cluster?.stop();
    await store?.close();
    await db?.drop();
  });

  it('spreads requests round robin, routes around a killed collector, and takes it back when it returns', async () => {
    cluster = await startCluster({ databaseUrl: db.url, collectors: 2, checkIntervalMs: 200, args: ['--job-interval-ms', '0'] });
    const token = (await issueToken(store, { userId: 'alice' })).token;
    const now = Date.now();
    let sent = 0;
    const send = async (batches: number) => {
      for (let b = 0; b < batches; b++) {
        const events = sessionEvents({ count: 20, start: now - 60_000 + sent });
        sent += events.length;
        // as the extension's sender: a refused connection or an overload is tried again
        for (let attempt = 0; ; attempt++) {
          const r = await sendJson(cluster!.url, token, events);
          if (r.status === 200) break;
          assert.ok([502, 503, 429].includes(r.status) && attempt < 20, `status ${r.status}`);
          await new Promise((res) => setTimeout(res, 100));
        }
      }
    };
    const ok = async (i: number) => (await logsRequests(cluster!.collectors[i]))['200'] ?? 0;

    await send(10);
    assert.deepEqual([await ok(0), await ok(1)], [5, 5]);

    await cluster.kill(0);
    await cluster.waitState(0, false);
    await send(6);
    assert.equal(await ok(1), 11);

    await cluster.restart(0);
    await cluster.waitState(0, true);
    await send(4);
    // the restarted process counts from zero
    assert.ok((await ok(0)) >= 1 && (await ok(1)) >= 12, `${await ok(0)} ${await ok(1)}`);
    assert.equal(await store.countEvents(), sent);
  });
});
