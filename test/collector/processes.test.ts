// The command-line tools as separate processes: two collectors on one PostgreSQL, and the
// admin command line deciding what a running collector enforces.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { PostgresStore } from '../../collector/src/store/postgres';
import { workspaceHash } from '../../src/protocol/workspace';
import { freshPgDatabase, postJson, request, sendJson, sessionEvents } from './helpers';

const OUT = resolve(__dirname, '../../collector/src/cli');

function admin(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(OUT, 'admin.js'), ...args], { encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function startProcess(args: string[]): Promise<{ proc: ChildProcess; url: string; stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, [join(OUT, 'serve.js'), '--port', '0', '--job-interval-ms', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`collector did not start: ${stderr}`)), 20_000);
    proc.once('exit', (code) => rej(new Error(`collector exited ${code}: ${stderr}`)));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const rec = JSON.parse(line) as { msg: string; url?: string };
      if (rec.msg === 'listening' && rec.url) { clearTimeout(timer); res(rec.url); }
    });
  });
  return {
    proc,
    url,
    stop: () => new Promise((res) => {
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
      // Every batch goes to both processes at the same moment, and a third time as a retry.
      const replies = await Promise.all(batches.flatMap((batch, i) => [
        sendRetrying(a.url, token, batch, i % 2 === 0),
        sendRetrying(b.url, token, batch, i % 2 === 1),
        sendRetrying(i % 2 ? a.url : b.url, token, batch, false),
      ]));
      assert.deepEqual([...new Set(replies.map((r) => r.status))], [200]);
      assert.ok(replies.every((r) => r.body === '{}'), 'no record rejected');
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

  it('the admin command line issues tokens, decides exemptions and excludes workspaces that a running collector enforces', async function () {
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-cli-'));
    const c = await startProcess(['--data', dir, '--token-cache-ms', '200']);
    try {
      const token = admin(['token', 'create', '--user', 'dana', '--data', dir, '--label', 'laptop']).stdout.trim();
      assert.match(token, /^ctu_/);
      const now = Date.now();
      assert.equal((await sendJson(c.url, token, sessionEvents({ count: 3, start: now - 5000 }))).status, 200);

      const ex = (await postJson(`${c.url}/v1/exemptions`, token, { reason: 'pairing on a client project', scope: { kind: 'all' } })).json() as { id: string };
      const pending = admin(['exemptions', 'list', '--status', 'pending', '--data', dir]);
      assert.match(pending.stdout, new RegExp(`${ex.id}\\s+pending\\s+user:dana`));
      const ok = admin(['exemptions', 'approve', ex.id, '--note', 'approved for the engagement', '--data', dir]);
      assert.equal(ok.status, 0, ok.stderr);
      const policy = (await request(`${c.url}/v1/policy`, { token })).json() as { workspaceSalt: string; exemptions: { status: string; note: string }[] };
      assert.deepEqual(policy.exemptions.map((e) => [e.status, e.note]), [['approved', 'approved for the engagement']]);
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

