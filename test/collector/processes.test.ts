// The command-line tools as separate processes: two collectors on one PostgreSQL, and the
// admin command line deciding what a running collector enforces.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { PostgresStore } from '@codetrail/collector/internal/store/postgres';
import { workspaceHash } from '@codetrail/protocol/internal/workspace';
import { freshPgDatabase, postJson, request, sendJson, sessionEvents } from './helpers';

const OUT = resolve(__dirname, '../../../packages/collector/dist/src/cli');

function admin(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(OUT, 'admin.js'), ...args], { encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function startProcess(args: string[]): Promise<{ proc: ChildProcess; url: string; stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, [join(OUT, 'serve.js'), '--port', '0', '--job-interval-ms', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`collector did not start: ${stderr}`)), 20_000);
    proc.once('exit', (code) => rej(new Error(`collector exited ${code}: ${stderr}`)));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const rec = JSON.parse(line) as { msg: string; url?: string };
      if (rec.msg === 'listening' && rec.url) {
        clearTimeout(timer);
        res(rec.url);
      }
    });
  });
  return {
    proc,
    url,
    stop: () =>
      new Promise((res) => {
        if (proc.exitCode !== null) return res();
        proc.once('exit', () => res());
        proc.kill('SIGTERM');
      }),
  };
}

/** Sends like a well-behaved client: on 429/503 it backs off (Retry-After, scaled down) and tries again. */
async function sendRetrying(url: string, token: string, batch: ReturnType<typeof sessionEvents>, gzip: boolean) {
  for (;;) {
    const r = await sendJson(url, token, batch, gzip);
    if (r.status !== 429 && r.status !== 503) return r;
    await new Promise((res) => setTimeout(res, Number(r.headers.get('retry-after') ?? 1) * 100));
  }
}

describe('collector processes', function () {
  it('two collectors on one PostgreSQL store each event once when both receive the same batches', async function () {
    const db = await freshPgDatabase();
    const a = await startProcess(['--database-url', db.url]);
    const b = await startProcess(['--database-url', db.url]);
    try {
      const tok = admin(['token', 'create', '--user', 'alice', '--database-url', db.url]);
      assert.equal(tok.status, 0, tok.stderr);
      const token = tok.stdout.trim();
      const events = [0, 1, 2, 3].flatMap(() => sessionEvents({ count: 500, start: Date.now() - 600_000, stepMs: 100 }));
      const batches: (typeof events)[] = [];
      for (let i = 0; i < events.length; i += 100) batches.push(events.slice(i, i + 100));
      // Every batch goes to both processes at the same moment, and a third time as a retry: a
      // session's later batches may well arrive before its start (held, then judged by it).
      const replies = await Promise.all(
        batches.flatMap((batch, i) => [
          sendRetrying(a.url, token, batch, i % 2 === 0),
          sendRetrying(b.url, token, batch, i % 2 === 1),
          sendRetrying(i % 2 ? a.url : b.url, token, batch, false),
        ]),
      );
      assert.deepEqual([...new Set(replies.map((r) => r.status))], [200]);
      assert.ok(
        replies.every((r) => r.body === '{}'),
        'no record rejected',
      );
      const store = await PostgresStore.open(db.url);
      try {
        assert.equal(await store.countEvents(), events.length);
        const ids: string[] = [];
        for await (const r of store.iterateEvents({})) ids.push(r.id);
        assert.deepEqual(ids.sort(), events.map((e) => e.id).sort());
      } finally {
        await store.close();
      }
      const metric = async (url: string, name: string) =>
        Number(new RegExp(`^${name} (\\d+)$`, 'm').exec((await request(`${url}/metrics`)).body)?.[1] ?? 0);
      const accepted = (await metric(a.url, 'codetrail_events_accepted_total')) + (await metric(b.url, 'codetrail_events_accepted_total'));
      const dup = (await metric(a.url, 'codetrail_events_duplicate_total')) + (await metric(b.url, 'codetrail_events_duplicate_total'));
      assert.equal(accepted, events.length);
      assert.equal(dup, 2 * events.length);
    } finally {
      await a.stop();
      await b.stop();
      await db.drop();
    }
  });

  it("a deletion racing an ingest of the same user's events on two collectors leaves nothing behind, and nothing comes back", async function () {
    this.timeout(180_000);
    const db = await freshPgDatabase();
    const a = await startProcess(['--database-url', db.url]);
    const b = await startProcess(['--database-url', db.url]);
    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    try {
      const ops = admin(['token', 'create', '--admin', '--label', 'ops', '--database-url', db.url]).stdout.trim();
      for (const user of ['ria', 'sam', 'tom']) {
        const token = admin(['token', 'create', '--user', user, '--database-url', db.url]).stdout.trim();
        // Recorded in the ten minutes before the request to delete everything.
        const events = [0, 1, 2, 3, 4, 5].flatMap(() => sessionEvents({ count: 300, start: Date.now() - 600_000, stepMs: 100 }));
        const batches: (typeof events)[] = [];
        for (let i = 0; i < events.length; i += 30) batches.push(events.slice(i, i + 30));
        const starting = batches.filter((batch) => batch.some((e) => e.kind === 'session.start'));
        await Promise.all(starting.map((batch) => sendRetrying(a.url, token, batch, true)));
        const rest = batches.filter((batch) => !starting.includes(batch));
        let next = 0;
        let done = 0;
        const refusedAsDeleted: number[] = [];
        // Both collectors ingest, eight requests in flight, while the deletion reaches one of them.
        const ingesting = Promise.all(
          Array.from({ length: 8 }, async (_, lane) => {
            while (next < rest.length) {
              const batch = rest[next++];
              const r = await sendRetrying(lane % 2 ? a.url : b.url, token, batch, lane % 3 === 0);
              assert.equal(r.status, 200);
              const ps = (r.json() as { partialSuccess?: { rejectedLogRecords: number; errorMessage: string } }).partialSuccess;
              if (ps) refusedAsDeleted.push(Number(/(\d+) deleted/.exec(ps.errorMessage)?.[1] ?? 0));
              done++;
            }
          }),
        );
        while (done < rest.length / 3) await new Promise((r) => setTimeout(r, 2));
        const d = await postJson(`${b.url}/v1/deletions`, token, { scope: { kind: 'all' } });
        assert.equal(d.status, 202);
        await ingesting;
        const tombstoned = (d.json() as { tombstoned: number }).tombstoned;
        assert.ok(
          tombstoned > 0 && refusedAsDeleted.some((n) => n > 0),
          `the race happened (${tombstoned} tombstoned before, some refused after)`,
        );
        const left = async () => Number((await sql.query('SELECT count(*) AS n FROM events WHERE user_id = $1', [user])).rows[0].n);
        const visible = Number(
          (await sql.query('SELECT count(*) AS n FROM events WHERE user_id = $1 AND deleted_at IS NULL', [user])).rows[0].n,
        );
        assert.equal(visible, 0, 'nothing of the user is visible once the request is answered and the ingest is over');
        assert.equal((await postJson(`${a.url}/v1/admin/jobs`, ops, {})).status, 200);
        assert.equal(await left(), 0, 'the job left nothing behind');
        // Every event sent again, to both collectors: all refused as deleted, nothing stored.
        const again = await Promise.all(batches.map((batch, i) => sendRetrying(i % 2 ? a.url : b.url, token, batch, false)));
        for (const [i, r] of again.entries()) {
          const ps = (r.json() as { partialSuccess: { rejectedLogRecords: number; errorMessage: string } }).partialSuccess;
          assert.equal(ps.rejectedLogRecords, batches[i].length);
          assert.match(ps.errorMessage, new RegExp(`^rejected: ${batches[i].length} deleted `));
        }
        assert.equal(await left(), 0);
      }
    } finally {
      await sql.end();
      await a.stop();
      await b.stop();
      await db.drop();
    }
  });

  it('the admin command line issues tokens, decides exemptions and excludes workspaces that a running collector enforces', async function () {
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-cli-'));
    const c = await startProcess(['--data', dir, '--token-cache-ms', '200']);
    try {
      const token = admin(['token', 'create', '--user', 'dana', '--data', dir, '--label', 'laptop']).stdout.trim();
      assert.match(token, /^ctu_/);
      const now = Date.now();
      assert.equal((await sendJson(c.url, token, sessionEvents({ count: 3, start: now - 5000 }))).status, 200);

      const ex = (
        await postJson(`${c.url}/v1/exemptions`, token, { reason: 'pairing on a client project', scope: { kind: 'all' } })
      ).json() as { id: string };
      const pending = admin(['exemptions', 'list', '--status', 'pending', '--data', dir]);
      assert.match(pending.stdout, new RegExp(`${ex.id}\\s+pending\\s+user:dana`));
      const ok = admin(['exemptions', 'approve', ex.id, '--note', 'approved for the engagement', '--data', dir]);
      assert.equal(ok.status, 0, ok.stderr);
      const policy = (await request(`${c.url}/v1/policy`, { token })).json() as {
        workspaceSalt: string;
        exemptions: { status: string; note: string }[];
      };
      assert.deepEqual(
        policy.exemptions.map((e) => [e.status, e.note]),
        [['approved', 'approved for the engagement']],
      );
      const refused = await sendJson(c.url, token, sessionEvents({ count: 2, start: Date.now() }));
      assert.match(refused.body, /2 exempt/);
      assert.equal(admin(['exemptions', 'deny', ex.id, '--data', dir]).status, 2, 'an exemption is decided once');

      const hash = admin(['workspace', 'exclude', 'payroll', '--data', dir]).stdout.trim().split(' ')[1];
      assert.equal(hash, workspaceHash(policy.workspaceSalt, 'payroll'));
      assert.match(admin(['workspace', 'list', '--data', dir]).stdout, new RegExp(`${hash}\\s+payroll`));

      const list = admin(['token', 'list', '--data', dir]).stdout;
      const id = /^(\S+)\s+user:dana\s+active/m.exec(list)?.[1];
      assert.ok(id, list);
      assert.equal(admin(['token', 'revoke', id!, '--data', dir]).status, 0);
      // The collector caches token look-ups (here for 200 ms).
      await new Promise((r) => setTimeout(r, 300));
      assert.equal((await request(`${c.url}/v1/policy`, { token })).status, 401);

      const retention = admin(['retention', 'run', '--data', dir]);
      assert.match(retention.stdout, /retention purged: 0 events/);
      const stats = JSON.parse(admin(['stats', '--data', dir]).stdout) as { totals: { events: number } };
      assert.equal(stats.totals.events, 3);
      const audit = admin(['audit', '--data', dir]).stdout;
      for (const action of ['token.created', 'exemption.requested', 'exemption.approved', 'workspace.excluded', 'token.revoked']) {
        assert.ok(audit.includes(action), `${action} in audit:\n${audit}`);
      }
      assert.equal(admin(['nonsense', '--data', dir]).status, 2);
    } finally {
      await c.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the admin command line refuses a user token without a user', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-cli-'));
    try {
      const r = admin(['token', 'create', '--data', dir]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /missing --user/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
