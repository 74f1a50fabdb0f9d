// A fleet of editors against several collectors behind HAProxy, on one partitioned PostgreSQL,
// all on 127.0.0.1 (test/collector/cluster.ts). Each simulated editor runs the extension's
// real send pipeline with its own outbox (bench/fleet-editors.ts, in FLEET_PROCS processes).
// Halfway through, one collector is killed (SIGKILL) and started again 5 s later. Reports the
// rate sustained, latency from an event's time to its row, the answers the senders saw
// (429/503/502, failed attempts), CPU of the collectors against the database, each editor's
// outbox against its bound, and whether every event was stored exactly once.
//   npm run bench -- fleet        FLEET_EDITORS (2000), FLEET_SECONDS (60), FLEET_COLLECTORS (3),
//                                 FLEET_PROCS (2), FLEET_KILL=0 to kill nothing,
//                                 FLEET_EXPORT=1 to run codetrail-export of the whole store meanwhile,
//                                 after FLEET_PRELOAD (500,000) stored events were loaded first
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { issueToken } from '@codetrail/collector/internal/auth';
import { PostgresStore, eventsInsertParams, eventsInsertSql } from '@codetrail/collector/internal/store/postgres';
import type { EventRow } from '@codetrail/collector/internal/store/store';
import { startCluster, type Cluster } from '../test/collector/cluster';
import type { WorkerReport, WorkerStart } from './fleet-editors';
import { copiedRows } from './stored-rows';
import { percentile, pgBaseUrl } from './util';

const ROOT = resolve(__dirname, '../..');
const EDITORS = Number(process.env.FLEET_EDITORS ?? 2000);
const SECONDS = Number(process.env.FLEET_SECONDS ?? 60);
const COLLECTORS = Number(process.env.FLEET_COLLECTORS ?? 3);
const PROCS = Number(process.env.FLEET_PROCS ?? 2);
const EXPORT = process.env.FLEET_EXPORT === '1';
const KILL = process.env.FLEET_KILL !== '0';
const PRELOAD = EXPORT ? Number(process.env.FLEET_PRELOAD ?? 500_000) : 0;
const OUTBOX_BYTES = 4 * 1024 * 1024;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** CPU seconds of a process (and of its reaped children when `children`). */
function cpuOf(pid: number, children = false): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const tick = 100;
    return (Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0)) / tick;
  } catch {
    return 0;
  }
}

/** The PostgreSQL server's processes: the postmaster (with its reaped backends) and its live children. */
function pgCpu(): number | undefined {
  const dir = process.env.CODETRAIL_PG_DIR ?? join(process.env.TMPDIR ?? '/tmp', 'codetrail-pg');
  const pidFile = join(dir, 'data', 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const master = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let total = cpuOf(master, true);
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(f[1]) === master) total += cpuOf(Number(p));
    } catch {
      /* gone */
    }
  }
  return total;
}

/** A collector's CPU: its own pid while it lives; a killed one's last reading is kept by the caller. */
function collectorsCpu(cluster: Cluster, last: number[]): number {
  cluster.collectors.forEach((c, i) => {
    if (c.proc?.pid) last[i] = Math.max(last[i], cpuOf(c.proc.pid));
  });
  return last.reduce((a, b) => a + b, 0);
}

/** p50 and p99 from the collectors' `codetrail_ingest_latency_seconds` histograms, merged. */
async function latencyHistogram(cluster: Cluster): Promise<{ p50: number; p99: number; count: number } | undefined> {
  const buckets = new Map<number, number>();
  for (const c of cluster.collectors) {
    const text = await fetch(`${c.url}/metrics`).then(
      (r) => r.text(),
      () => '',
    );
    for (const m of text.matchAll(/^codetrail_ingest_latency_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)) {
      const le = m[1] === '+Inf' ? Infinity : Number(m[1]);
      buckets.set(le, (buckets.get(le) ?? 0) + Number(m[2]));
    }
  }
  const sorted = [...buckets.entries()].sort((a, b) => a[0] - b[0]);
  const count = sorted.at(-1)?.[1] ?? 0;
  if (!count) return undefined;
  const q = (p: number) => sorted.find(([, n]) => n >= p * count)![0];
  return { p50: q(0.5), p99: q(0.99), count };
}

async function logsAnswers(cluster: Cluster, into: Record<string, number>): Promise<void> {
  for (const c of cluster.collectors) {
    const text = await fetch(`${c.url}/metrics`).then(
      (r) => r.text(),
      () => '',
    );
    for (const m of text.matchAll(/^codetrail_http_requests_total\{([^}]*)\} (\d+)/gm)) {
      if (!/route="\/v1\/logs"/.test(m[1])) continue;
      const s = /status="(\d+)"/.exec(m[1])?.[1] ?? '?';
      into[s] = (into[s] ?? 0) + Number(m[2]);
    }
  }
}

async function main(): Promise<void> {
  const base = pgBaseUrl();
  const name = `ct_bench_fleet_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(base);
  u.pathname = '/' + name;
  const url = u.toString();
  const work = mkdtempSync(join(tmpdir(), 'codetrail-fleet-'));
  let cluster: Cluster | undefined;
  const workers: ChildProcess[] = [];
  try {
    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} at start`,
    );
    console.log(
      `${fmt(EDITORS)} editors in ${PROCS} processes, ${SECONDS} s, ${COLLECTORS} collectors behind HAProxy, one PostgreSQL${KILL ? '; collector c1 SIGKILLed at half time, restarted 5 s later' : ''}${EXPORT ? '; codetrail-export of the whole store running meanwhile' : ''}`,
    );
    const store = await PostgresStore.open(url);
    if (PRELOAD) {
      // what the concurrent export reads: stored events received an hour ago, with their sessions
      const p0 = Date.now();
      const at = p0 - 3_600_000;
      let batch: EventRow[] = [];
      const sessions = new Map<string, string[]>();
      for (const r of copiedRows(PRELOAD, at, at)) {
        if (r.kind === 'session.start') sessions.set(r.userId, [...(sessions.get(r.userId) ?? []), r.sessionId]);
        batch.push(r);
        if (batch.length === 5000) {
          await store.pool.query(eventsInsertSql(false), eventsInsertParams(batch));
          batch = [];
        }
      }
      if (batch.length) await store.pool.query(eventsInsertSql(false), eventsInsertParams(batch));
      for (const [user, ids] of sessions)
        await store.recordSessions(
          user,
          ids.map((sessionId) => ({ sessionId, workspace: 'w' })),
        );
      await store.pool.query('VACUUM ANALYZE events');
      console.log(`preloaded ${fmt(PRELOAD)} stored events for the export in ${((Date.now() - p0) / 1000).toFixed(0)} s`);
    }
    const editors: { user: string; token: string }[] = [];
    for (let i = 0; i < EDITORS; i++) {
      const user = `eng-${String(i).padStart(5, '0')}`;
      editors.push({ user, token: (await issueToken(store, { userId: user })).token });
    }
    cluster = await startCluster({ databaseUrl: url, collectors: COLLECTORS, args: ['--job-interval-ms', '60000'] });

    const reports: WorkerReport[] = [];
    const done: Promise<void>[] = [];
    for (let w = 0; w < PROCS; w++) {
      const child = fork(join(__dirname, 'fleet-editors.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      workers.push(child);
      const start: WorkerStart = {
        url: cluster.url,
        dir: join(work, `w${w}`),
        editors: editors.filter((_, i) => i % PROCS === w),
        seed: 100 + w,
        outboxBytes: OUTBOX_BYTES,
      };
      done.push(
        new Promise((res, rej) => {
          child.on('message', (m: { type: string; report?: WorkerReport; message?: string }) => {
            if (m.type === 'report') {
              reports.push(m.report!);
              res();
            }
            if (m.type === 'error') rej(new Error(m.message));
          });
          child.once('exit', (code) => rej(new Error(`editor process exited ${code} without its report`)));
        }),
      );
      await new Promise<void>((res) => {
        child.once('message', () => res());
        child.send({ type: 'start', start });
      });
    }

    const cpuLast = cluster.collectors.map(() => 0);
    const editorsCpu = () => workers.reduce((a, w) => a + cpuOf(w.pid!), 0);
    const c0 = { collectors: collectorsCpu(cluster, cpuLast), db: pgCpu(), haproxy: cpuOf(cluster.haproxy.pid!), editors: editorsCpu() };
    const t0 = Date.now();
    let exporter: ChildProcess | undefined;
    let exportMs = 0;
    if (EXPORT) {
      const e0 = Date.now();
      exporter = spawn(
        process.execPath,
        [join(ROOT, 'packages/collector/dist/src/cli/export.js'), join(work, 'export'), '--database-url', url, '--no-parquet'],
        { env: { ...process.env, CODETRAIL_EXPORT_KEY: 'bench' }, stdio: 'ignore' },
      );
      exporter.once('exit', () => {
        exportMs = Date.now() - e0;
      });
      exporter.once('error', () => undefined);
    }
    let killedAt = 0;
    let restartedAt = 0;
    while (Date.now() - t0 < SECONDS * 1000) {
      await new Promise((r) => setTimeout(r, 1000));
      collectorsCpu(cluster, cpuLast);
      if (KILL && !killedAt && Date.now() - t0 >= SECONDS * 500) {
        await cluster.kill(0);
        killedAt = Date.now() - t0;
        // a restarted process starts its CPU count at zero
        cpuLast.push(cpuLast[0]);
        cpuLast[0] = 0;
      }
      if (killedAt && !restartedAt && Date.now() - t0 >= killedAt + 5000) {
        await cluster.restart(0);
        restartedAt = Date.now() - t0;
      }
    }
    const tEnd = Date.now();
    const c1 = { collectors: collectorsCpu(cluster, cpuLast), db: pgCpu(), haproxy: cpuOf(cluster.haproxy.pid!), editors: editorsCpu() };
    for (const w of workers) w.send({ type: 'stop' });
    await Promise.all(done);
    const drained = Date.now();
    const answers: Record<string, number> = {};
    await logsAnswers(cluster, answers);
    const hist = await latencyHistogram(cluster);

    // exactly once: the ids the editors appended against the rows stored
    const appended = reports.flatMap((r) => r.appended);
    const want = new Set(appended.map((a) => `${a.user} ${a.id}`));
    const rows = (await store.pool.query(`SELECT user_id, id, time, received_at FROM events WHERE user_id LIKE 'eng-%'`)).rows as {
      user_id: string;
      id: string;
      time: string;
      received_at: string;
    }[];
    const got = new Set(rows.map((r) => `${r.user_id} ${r.id}`));
    let missing = 0;
    for (const k of want) if (!got.has(k)) missing++;
    let extra = 0;
    for (const k of got) if (!want.has(k)) extra++;
    const duplicates = rows.length - got.size;
    const window = rows.filter((r) => Number(r.received_at) >= t0 + 10_000 && Number(r.received_at) < tEnd);
    const inRun = rows.filter((r) => Number(r.received_at) >= t0 && Number(r.received_at) < tEnd).length;
    const lat = rows.map((r) => Number(r.received_at) - Number(r.time));
    const requests: Record<string, number> = {};
    for (const r of reports) for (const [k, n] of Object.entries(r.requests)) requests[k] = (requests[k] ?? 0) + n;
    const failed = Object.entries(requests)
      .filter(([k]) => k !== '200')
      .reduce((a, [, n]) => a + n, 0);
    const secs = (tEnd - t0) / 1000;

    console.log(
      `offered: ${fmt(appended.length)} events appended by the editors in ${secs.toFixed(0)} s (${(appended.length / secs).toFixed(0)} events/s, ${(appended.length / secs / EDITORS).toFixed(3)} per editor), refused by a full outbox: ${reports.reduce((a, r) => a + r.refused, 0)}`,
    );
    console.log(
      `stored: ${fmt(window.length / ((tEnd - t0 - 10_000) / 1000))} events/s sustained after the 10 s ramp (received in the run); all delivered ${((drained - tEnd) / 1000).toFixed(1)} s after the editors stopped`,
    );
    console.log(
      `latency, event time to receipt (every row, exact): p50 ${percentile(lat, 50)} ms, p99 ${percentile(lat, 99)} ms, max ${Math.max(...lat)} ms`,
    );
    if (hist)
      console.log(
        `latency, event time to stored row (collectors' histograms, bucket bounds; the killed process's first half lost): p50 ≤ ${hist.p50 * 1000} ms, p99 ≤ ${hist.p99 * 1000} ms over ${fmt(hist.count)} events`,
      );
    console.log(
      `sender requests: ${Object.entries(requests)
        .sort()
        .map(([k, n]) => `${k} ${fmt(n)}`)
        .join(', ')} — ${fmt(failed)} attempts retried; collectors answered /v1/logs: ${Object.entries(answers)
        .sort()
        .map(([k, n]) => `${k} ${fmt(n)}`)
        .join(', ')} (restarted process from zero)`,
    );
    const dc = c1.db !== undefined && c0.db !== undefined ? c1.db - c0.db : undefined;
    console.log(
      `CPU over the run: collectors ${(c1.collectors - c0.collectors).toFixed(1)} s, PostgreSQL ${dc !== undefined ? dc.toFixed(1) + ' s' : 'unknown'}, HAProxy ${(c1.haproxy - c0.haproxy).toFixed(1)} s, the simulated editors ${(c1.editors - c0.editors).toFixed(1)} s, of ${(os.cpus().length * secs).toFixed(0)} s the machine has — per event stored in the run (${fmt(inRun)}): collectors ${(((c1.collectors - c0.collectors) * 1e6) / Math.max(1, inRun)).toFixed(0)} µs, PostgreSQL ${dc !== undefined ? ((dc * 1e6) / Math.max(1, inRun)).toFixed(0) + ' µs' : '?'}`,
    );
    console.log(
      `outboxes: largest on disk ${(Math.max(...reports.map((r) => r.maxOutboxBytes)) / 1024).toFixed(0)} KiB against a bound of ${OUTBOX_BYTES / 1024} KiB; undelivered at the end ${reports.reduce((a, r) => a + r.undelivered, 0)}`,
    );
    if (KILL) console.log(`kill: c1 SIGKILLed at ${(killedAt / 1000).toFixed(0)} s, back at ${(restartedAt / 1000).toFixed(0)} s`);
    if (EXPORT) console.log(`export: ${exportMs ? `finished in ${(exportMs / 1000).toFixed(1)} s` : 'still running at the end'}`);
    console.log(
      `exactly once: ${fmt(want.size)} ids appended, ${fmt(rows.length)} rows stored, ${fmt(got.size)} distinct; missing ${missing}, unexpected ${extra}, duplicates ${duplicates} — ${missing === 0 && extra === 0 && duplicates === 0 ? 'OK' : 'FAILED'}`,
    );
    exporter?.kill('SIGTERM');
    await store.close();
    if (missing || extra || duplicates) process.exitCode = 1;
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await cluster?.stop();
    rmSync(work, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e: Error) => {
  console.error(e);
  process.exitCode = 1;
});
