// Ingest throughput of the collection service, events/s, into SQLite and into PostgreSQL,
// each side by side with the raw ceiling of that store: a plain batched insert of the same
// rows with no HTTP, decoding, validation or consent checks. Starts its own PostgreSQL
// through scripts/pg.sh unless CODETRAIL_TEST_PG_URL is given.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { issueToken } from '../collector/src/auth';
import { startCollector } from '../collector/src/server';
import { PostgresStore, eventsInsertParams, eventsInsertSql } from '../collector/src/store/postgres';
import { SqliteStore } from '../collector/src/store/sqlite';
import { EVENT_COLUMNS, eventValues } from '../collector/src/store/sql';
import type { EventRow, Store } from '../collector/src/store/store';
import { toLogsRequest } from '../src/protocol/otlp';
import type { TrajectoryEvent } from '../src/protocol/schema';
import { seededRandom, syntheticSource } from './util';

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 40_000);
const BATCH = 500;
const CONCURRENCY = 4;
const ROOT = resolve(__dirname, '../..');

function makeEvents(n: number): TrajectoryEvent[] {
  const rand = seededRandom(42);
  const src = syntheticSource(400, 7).split('\n');
  const out: TrajectoryEvent[] = [];
  const now = Date.now() - 3_600_000;
  let sessionId = uuidv7();
  let seq = 0;
  for (let i = 0; i < n; i++) {
    if (i % 2000 === 0) { sessionId = uuidv7(); seq = 0; }
    const base = { schema: 1 as const, id: uuidv7(), sessionId, seq: seq++, time: now + i * 50, consent: { state: 'recording' as const, policyVersion: 1 } };
    const r = rand();
    if (seq === 1) out.push({ ...base, kind: 'session.start', workspace: 'f'.repeat(64), client: { name: 'bench', version: '1' } });
    else if (r < 0.7) {
      const line = Math.floor(rand() * (src.length - 1));
      out.push({
        ...base, kind: 'edit', path: 'src/service/handler.ts', languageId: 'typescript',
        diff: `--- a/src/service/handler.ts\n+++ b/src/service/handler.ts\n@@ -${line + 1},2 +${line + 1},2 @@\n-${src[line]}\n+${src[line]} // edited\n ${src[line + 1]}\n`,
        beforeSha256: 'a'.repeat(64), afterSha256: 'b'.repeat(64), provenance: { label: 'typed', confidence: 0.92 },
        startTime: base.time - 800, changeCount: 1 + Math.floor(rand() * 20), cut: 'idle',
      });
    } else if (r < 0.85) out.push({ ...base, kind: 'cursor', path: 'src/service/handler.ts', line: Math.floor(rand() * 400), character: 4 });
    else if (r < 0.95) out.push({ ...base, kind: 'file.focus', path: 'src/service/other.ts', languageId: 'typescript' });
    else out.push({ ...base, kind: 'terminal.command', commandLine: 'npm test -- --grep handler', cwd: '.', exitCode: 0, durationMs: 5400, source: 'shell-integration' });
  }
  return out;
}

function rowsOf(events: readonly TrajectoryEvent[]): EventRow[] {
  const now = Date.now();
  return events.map((e) => ({
    id: e.id, userId: 'bench', sessionId: e.sessionId, seq: e.seq, kind: e.kind, time: e.time, consentState: e.consent.state,
    language: 'languageId' in e ? e.languageId : null, workspace: 'f'.repeat(64), body: JSON.stringify(e), receivedAt: now,
  }));
}

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

function post(url: string, token: string, body: Buffer, agent: http.Agent): Promise<number> {
  return new Promise((res, rej) => {
    const req = http.request(url, {
      method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${token}`, 'content-length': body.length },
    }, (r) => {
      r.resume();
      r.on('end', () => res(r.statusCode ?? 0));
    });
    req.on('error', rej);
    req.end(body);
  });
}

/** Events/s through HTTP: gzip OTLP/JSON batches, CONCURRENCY requests in flight. */
async function ingestRate(store: Store, bodies: Buffer[], n: number): Promise<number> {
  const server = await startCollector({ store, port: 0, jobIntervalMs: 0, maxInFlight: 64, ...(process.env.BENCH_DECODE_WORKERS ? { decodeWorkers: Number(process.env.BENCH_DECODE_WORKERS) } : {}) });
  const token = (await issueToken(store, { userId: 'bench' })).token;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  // Warm-up on a batch outside the measured set (its events are duplicates afterwards, so not counted).
  await post(`${server.url}/v1/logs`, token, bodies[0], agent);
  const t0 = performance.now();
  await pool(bodies.slice(1), CONCURRENCY, async (b) => {
    const s = await post(`${server.url}/v1/logs`, token, b, agent);
    if (s !== 200) throw new Error(`ingest answered ${s}`);
  });
  const secs = (performance.now() - t0) / 1000;
  agent.destroy();
  await server.close();
  const stored = await store.countEvents();
  if (stored !== n) throw new Error(`stored ${stored} of ${n}`);
  return (n - BATCH) / secs;
}

async function sqliteCeiling(file: string, rows: EventRow[]): Promise<number> {
  const store = new SqliteStore(file);
  const st = store.raw.prepare(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insert = store.raw.transaction((batch: EventRow[]) => { for (const r of batch) st.run(eventValues(r)); });
  const batches = chunks(rows, BATCH);
  insert(batches[0]);
  const t0 = performance.now();
  for (const b of batches.slice(1)) insert(b);
  const secs = (performance.now() - t0) / 1000;
  await store.close();
  return (rows.length - BATCH) / secs;
}

async function pgCeiling(url: string, rows: EventRow[]): Promise<number> {
  const store = await PostgresStore.open(url);
  const batches = chunks(rows, BATCH);
  await store.pool.query(eventsInsertSql(false), eventsInsertParams(batches[0]));
  const t0 = performance.now();
  await pool(batches.slice(1), CONCURRENCY, async (b) => { await store.pool.query(eventsInsertSql(false), eventsInsertParams(b)); });
  const secs = (performance.now() - t0) / 1000;
  await store.close();
  return (rows.length - BATCH) / secs;
}

function pgBaseUrl(): string {
  if (process.env.CODETRAIL_TEST_PG_URL) return process.env.CODETRAIL_TEST_PG_URL;
  const r = spawnSync('bash', [join(ROOT, 'scripts/pg.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const m = /CODETRAIL_TEST_PG_URL=(\S+)/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) throw new Error('could not start PostgreSQL through scripts/pg.sh');
  return m[1];
}

async function withPgDatabase<T>(base: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `ct_bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(base);
  u.pathname = '/' + name;
  try {
    return await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(9);

async function main(): Promise<void> {
  const events = makeEvents(EVENTS);
  const rows = rowsOf(events);
  const bodies = chunks(events, BATCH).map((b) => gzipSync(JSON.stringify(toLogsRequest(b, { name: 'bench', version: '1' }))));
  const avgBody = Math.round(rows.reduce((a, r) => a + r.body.length, 0) / rows.length);
  console.log(`${EVENTS} events (avg ${avgBody} B of event JSON), batches of ${BATCH} as gzip OTLP/JSON, ${CONCURRENCY} requests in flight, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);

  const results: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'codetrail-bench-'));
  try {
    const ceil = await sqliteCeiling(join(dir, 'ceiling.db'), rows);
    const store = new SqliteStore(join(dir, 'ingest.db'));
    const rate = await ingestRate(store, bodies, EVENTS).finally(() => store.close());
    results.push(`sqlite     ingest ${fmt(rate)} events/s   raw insert ceiling ${fmt(ceil)} rows/s   ${(100 * rate / ceil).toFixed(0)}% of ceiling`);
    console.log(results[results.length - 1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const base = pgBaseUrl();
  const ceil = await withPgDatabase(base, (url) => pgCeiling(url, rows));
  const rate = await withPgDatabase(base, async (url) => {
    const store = await PostgresStore.open(url);
    try {
      return await ingestRate(store, bodies, EVENTS);
    } finally {
      await store.close();
    }
  });
  results.push(`postgres   ingest ${fmt(rate)} events/s   raw insert ceiling ${fmt(ceil)} rows/s   ${(100 * rate / ceil).toFixed(0)}% of ceiling`);
  console.log(results[results.length - 1]);
}

main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
