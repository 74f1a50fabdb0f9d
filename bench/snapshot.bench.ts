// Exporting a large PostgreSQL store in bounded memory: 2 M stored events (real, replayable
// sessions from the trajectory core, copied under other users and ids), received over two
// months, exported by the real codetrail-export command from a read-only snapshot, whole and
// one partition. Reports wall time, events/s and the exporter's peak heap and RSS.
//   npm run bench -- snapshot      (SNAPSHOT_BENCH_EVENTS=N to change the size)
// Starts its own PostgreSQL through scripts/pg.sh unless CODETRAIL_TEST_PG_URL is given.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { PostgresStore, eventsInsertParams, eventsInsertSql } from '@codetrail/collector/internal/store/postgres';
import { intervalStart, nextStart } from '@codetrail/collector/internal/store/partitions';
import type { EventRow } from '@codetrail/collector/internal/store/store';
import { copiedRows as rows } from './stored-rows';
import { pgBaseUrl } from './util';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'packages/collector/dist/src/cli/export.js');
const EVENTS = Number(process.env.SNAPSHOT_BENCH_EVENTS ?? 2_000_000);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

/** Loaded into the exporter with --require: samples its heap and RSS, writes the peaks at exit. */
const PROBE = `const fs = require('node:fs');
let heap = 0, rss = 0;
const t = setInterval(() => { const m = process.memoryUsage(); heap = Math.max(heap, m.heapUsed); rss = Math.max(rss, m.rss); }, 20);
t.unref();
process.on('exit', () => { const m = process.memoryUsage(); heap = Math.max(heap, m.heapUsed); rss = Math.max(rss, m.rss);
  fs.writeFileSync(process.env.CODETRAIL_PROBE_OUT, JSON.stringify({ heap, rss })); });
`;

/** Runs codetrail-export; resolves with its wall time and peaks. */
function runExport(
  work: string,
  url: string,
  name: string,
  args: string[],
): Promise<{ ms: number; heap: number; rss: number; out: string }> {
  const probe = join(work, 'probe.js');
  writeFileSync(probe, PROBE);
  const peaks = join(work, `${name}.peaks.json`);
  const out = join(work, name);
  const t0 = Date.now();
  return new Promise((res, rej) => {
    const p = spawn(process.execPath, ['--require', probe, CLI, out, '--database-url', url, ...args], {
      env: { ...process.env, CODETRAIL_EXPORT_KEY: 'bench', CODETRAIL_PROBE_OUT: peaks },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    p.stdout.on('data', (d: Buffer) => {
      text += d.toString();
    });
    p.stderr.on('data', () => undefined);
    p.on('error', rej);
    p.on('exit', (code) => {
      if (code !== 0) return rej(new Error(`codetrail-export exited ${code}: ${text}`));
      const { heap, rss } = JSON.parse(readFileSync(peaks, 'utf8')) as { heap: number; rss: number };
      res({ ms: Date.now() - t0, heap, rss, out: text.trim().split('\n')[0] });
    });
  });
}

async function main(): Promise<void> {
  const base = pgBaseUrl();
  const name = `ct_bench_snapshot_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(base);
  u.pathname = '/' + name;
  const url = u.toString();
  const work = mkdtempSync(join(tmpdir(), 'codetrail-snapshot-bench-'));
  try {
    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} at start`,
    );
    const now = Date.now();
    const thisMonth = intervalStart('month', now);
    const lastMonth = intervalStart('month', thisMonth - 1);
    const store = await PostgresStore.open(url);
    await store.ensurePartitions(lastMonth, nextStart('month', thisMonth));
    const t0 = Date.now();
    let batch: EventRow[] = [];
    let n = 0;
    const sessions = new Map<string, string[]>();
    for (const r of rows(EVENTS, lastMonth, thisMonth)) {
      if (r.kind === 'session.start') {
        const list = sessions.get(r.userId) ?? [];
        list.push(r.sessionId);
        sessions.set(r.userId, list);
      }
      batch.push(r);
      if (batch.length === 5000) {
        await store.pool.query(eventsInsertSql(false), eventsInsertParams(batch));
        n += batch.length;
        batch = [];
      }
    }
    if (batch.length) {
      await store.pool.query(eventsInsertSql(false), eventsInsertParams(batch));
      n += batch.length;
    }
    for (const [user, ids] of sessions)
      await store.recordSessions(
        user,
        ids.map((sessionId) => ({ sessionId, workspace: 'w' })),
      );
    await store.getPolicy();
    await store.pool.query('VACUUM ANALYZE events');
    const size = Number(
      (await store.pool.query(`SELECT SUM(pg_total_relation_size(inhrelid)) AS b FROM pg_inherits WHERE inhparent = 'events'::regclass`))
        .rows[0].b,
    );
    const parts = await store.partitions();
    const partSizes = await Promise.all(
      parts.map(async (p) => `${p.name} ${fmt(Number((await store.pool.query(`SELECT COUNT(*) AS n FROM ${p.name}`)).rows[0].n))}`),
    );
    console.log(
      `store: ${fmt(n)} events of ${fmt(sessions.size)} users loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s; partitions: ${partSizes.join(', ')}; events ${mb(size)} with indexes`,
    );
    await store.close();

    const last = parts.find((p) => p.from === lastMonth)!.name;
    for (const [label, args] of [
      ['whole store, JSONL.gz with labels, no Parquet', ['--no-parquet']],
      [`one partition (${last}), JSONL.gz with labels, no Parquet`, ['--no-parquet', '--partition', last]],
    ] as const) {
      const r = await runExport(work, url, label.replace(/\W+/g, '-'), [...args]);
      const events = Number(/, ([\d,]+) events/.exec(r.out)?.[1].replace(/,/g, '') ?? 0);
      console.log(
        `${label}: ${fmt(events)} events in ${(r.ms / 1000).toFixed(1)} s (${fmt(events / (r.ms / 1000))} events/s); exporter peak heap ${mb(r.heap)}, peak RSS ${mb(r.rss)}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e: Error) => {
  console.error(e);
  process.exitCode = 1;
});
