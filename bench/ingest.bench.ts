// Ingest throughput of the collection service, events/s, into SQLite and into PostgreSQL,
// each side by side with the raw ceiling of that store: a plain batched insert of the same
// rows with no HTTP, decoding, validation or consent checks. Requests are built by the
// extension's own sender code (gzip OTLP/JSON). Each round measures the ceiling and then the
// service on fresh databases (in alternating order, each deleted once measured), both after
// a warm-up of WARMUP events that are not counted;
// the figures are the medians over ROUNDS rounds, since single runs on a shared machine vary
// by ±15%. The bench client runs in the service's process, so its work counts against the
// service. Starts its own PostgreSQL through scripts/pg.sh unless CODETRAIL_TEST_PG_URL is given.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { issueToken } from '@codetrail/collector/internal/auth';
import { startCollector } from '@codetrail/collector/internal/server';
import { PostgresStore, eventsInsertParams, eventsInsertSql } from '@codetrail/collector/internal/store/postgres';
import { SqliteStore } from '@codetrail/collector/internal/store/sqlite';
import { EVENT_COLUMNS, eventValues } from '@codetrail/collector/internal/store/sql';
import type { EventRow, Store } from '@codetrail/collector/internal/store/store';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { buildLogsBody } from '../src/send/exporter';
import { seededRandom, syntheticSource } from './util';

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 60_000);
const WARMUP = 10_000;
const ROUNDS = Number(process.env.BENCH_INGEST_ROUNDS ?? 5);
const BATCH = 500;
const CONCURRENCY = Number(process.env.BENCH_INGEST_CONCURRENCY ?? 4);
const ROOT = resolve(__dirname, '../..');

function makeEvents(n: number): TrajectoryEvent[] {
  const rand = seededRandom(42);
  const src = syntheticSource(400, 7).split('\n');
  const out: TrajectoryEvent[] = [];
  const now = Date.now() - 3_600_000;
  let sessionId = uuidv7();
  let seq = 0;
  for (let i = 0; i < n; i++) {
    if (i % 2000 === 0) {
      sessionId = uuidv7();
      seq = 0;
    }
    const base = {
      schema: 1 as const,
      id: uuidv7(),
      sessionId,
      seq: seq++,
      time: now + i * 50,
      consent: { state: 'recording' as const, policyVersion: 1 },
    };
    const r = rand();
    if (seq === 1) out.push({ ...base, kind: 'session.start', workspace: 'f'.repeat(64), client: { name: 'bench', version: '1' } });
    else if (r < 0.7) {
      const line = Math.floor(rand() * (src.length - 1));
      out.push({
        ...base,
        kind: 'edit',
        path: 'src/service/handler.ts',
        languageId: 'typescript',
        diff: `--- a/src/service/handler.ts\n+++ b/src/service/handler.ts\n@@ -${line + 1},2 +${line + 1},2 @@\n-${src[line]}\n+${src[line]} // edited\n ${src[line + 1]}\n`,
        beforeSha256: 'a'.repeat(64),
        afterSha256: 'b'.repeat(64),
        provenance: { label: 'typed', confidence: 0.92 },
        startTime: base.time - 800,
        changeCount: 1 + Math.floor(rand() * 20),
        cut: 'idle',
      });
    } else if (r < 0.85)
      out.push({ ...base, kind: 'cursor', path: 'src/service/handler.ts', line: Math.floor(rand() * 400), character: 4 });
    else if (r < 0.95) out.push({ ...base, kind: 'file.focus', path: 'src/service/other.ts', languageId: 'typescript' });
    else
      out.push({
        ...base,
        kind: 'terminal.command',
        commandLine: 'npm test -- --grep handler',
        cwd: '.',
        exitCode: 0,
        durationMs: 5400,
        source: 'shell-integration',
      });
  }
  return out;
}

function rowsOf(events: readonly TrajectoryEvent[]): EventRow[] {
  const now = Date.now();
  return events.map((e) => ({
    id: e.id,
    userId: 'bench',
    sessionId: e.sessionId,
    seq: e.seq,
    kind: e.kind,
    time: e.time,
    consentState: e.consent.state,
    language: 'languageId' in e ? e.languageId : null,
    workspace: 'f'.repeat(64),
    body: JSON.stringify(e),
    receivedAt: now,
  }));
}

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

function post(url: string, token: string, body: Buffer, agent: http.Agent): Promise<number> {
  return new Promise((res, rej) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          authorization: `Bearer ${token}`,
          'content-length': body.length,
        },
      },
      (r) => {
        r.resume();
        r.on('end', () => res(r.statusCode ?? 0));
      },
    );
    req.on('error', rej);
    req.end(body);
  });
}

/** A rate, and for PostgreSQL the database's own CPU time per event (µs) while it was taken. */
interface Measured {
  rate: number;
  dbCpuUs?: number;
}

/**
 * CPU time (ms) used so far by the machine's PostgreSQL processes, from /proc; undefined where
 * it cannot be read. With the collector on other machines (docs/deploy.md), the database is
 * the shared limit, so its CPU per event says what ingest costs the part that does not scale out.
 */
function postgresCpuMs(): number | undefined {
  try {
    const tick = 10; // USER_HZ is 100 on Linux
    let total = 0;
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      } catch {
        continue;
      }
      if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('postgres')) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(f[11]) + Number(f[12])) * tick;
    }
    return total;
  } catch {
    return undefined;
  }
}

function dbMeter(on: boolean): (n: number) => number | undefined {
  const before = on ? postgresCpuMs() : undefined;
  return (n) => {
    const after = before === undefined ? undefined : postgresCpuMs();
    return before === undefined || after === undefined ? undefined : ((after - before) * 1000) / n;
  };
}

/** Events/s through HTTP: gzip OTLP/JSON batches, CONCURRENCY requests in flight. */
async function ingestRate(store: Store, bodies: Buffer[]): Promise<Measured> {
  const server = await startCollector({
    store,
    port: 0,
    jobIntervalMs: 0,
    maxInFlight: 64,
    ...(process.env.BENCH_DECODE_WORKERS ? { decodeWorkers: Number(process.env.BENCH_DECODE_WORKERS) } : {}),
  });
  const token = (await issueToken(store, { userId: 'bench' })).token;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const send = (list: Buffer[]) =>
    pool(list, CONCURRENCY, async (b) => {
      const s = await post(`${server.url}/v1/logs`, token, b, agent);
      if (s !== 200) throw new Error(`ingest answered ${s}`);
    });
  const warm = WARMUP / BATCH;
  await send(bodies.slice(0, warm));
  const db = dbMeter(store.kind === 'postgres');
  const t0 = performance.now();
  await send(bodies.slice(warm));
  const secs = (performance.now() - t0) / 1000;
  const dbCpuUs = db(bodies.length * BATCH - WARMUP);
  agent.destroy();
  await server.close();
  const stored = await store.countEvents();
  if (stored !== bodies.length * BATCH) throw new Error(`stored ${stored} of ${bodies.length * BATCH}`);
  return { rate: (stored - WARMUP) / secs, ...(dbCpuUs !== undefined ? { dbCpuUs } : {}) };
}

/** The same rows, one prepared INSERT per row in one transaction per batch. */
async function sqliteCeiling(file: string, rows: EventRow[]): Promise<Measured> {
  const store = new SqliteStore(file);
  const st = store.raw.prepare(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insert = store.raw.transaction((batch: EventRow[]) => {
    for (const r of batch) st.run(eventValues(r));
  });
  const batches = chunks(rows, BATCH);
  const warm = WARMUP / BATCH;
  for (const b of batches.slice(0, warm)) insert(b);
  const t0 = performance.now();
  for (const b of batches.slice(warm)) insert(b);
  const secs = (performance.now() - t0) / 1000;
  await store.close();
  return { rate: (rows.length - WARMUP) / secs };
}

/** The same rows, one multi-row INSERT per batch, CONCURRENCY batches at a time. */
async function pgCeiling(url: string, rows: EventRow[]): Promise<Measured> {
  const store = await PostgresStore.open(url);
  const batches = chunks(rows, BATCH);
  const warm = WARMUP / BATCH;
  const insert = (list: EventRow[][]) =>
    pool(list, CONCURRENCY, async (b) => {
      await store.pool.query(eventsInsertSql(false), eventsInsertParams(b));
    });
  await insert(batches.slice(0, warm));
  const db = dbMeter(true);
  const t0 = performance.now();
  await insert(batches.slice(warm));
  const secs = (performance.now() - t0) / 1000;
  const dbCpuUs = db(rows.length - WARMUP);
  await store.close();
  return { rate: (rows.length - WARMUP) / secs, ...(dbCpuUs !== undefined ? { dbCpuUs } : {}) };
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

const removeDb = (file: string) => {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
};

const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(9);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Pair {
  ingest: Measured;
  ceiling: Measured;
}

function report(name: string, rounds: Pair[]): string {
  const ingest = median(rounds.map((r) => r.ingest.rate));
  const ceiling = median(rounds.map((r) => r.ceiling.rate));
  const ratios = rounds.map((r) => r.ingest.rate / r.ceiling.rate);
  const each = ratios.map((x) => `${(100 * x).toFixed(0)}%`).join(' ');
  // The share is the median of each round's own share: a round's two figures are taken
  // under the same conditions, so their ratio varies less than either figure does.
  const lines = [
    `${name.padEnd(10)} ingest ${fmt(ingest)} events/s   raw insert ceiling ${fmt(ceiling)} rows/s   ${(100 * median(ratios)).toFixed(0)}% of ceiling (medians of ${rounds.length} rounds: ${each})`,
  ];
  const db = rounds.filter((r) => r.ingest.dbCpuUs !== undefined && r.ceiling.dbCpuUs !== undefined);
  if (db.length) {
    const i = median(db.map((r) => r.ingest.dbCpuUs!));
    const c = median(db.map((r) => r.ceiling.dbCpuUs!));
    lines.push(
      `${''.padEnd(10)} database CPU per event: ingest ${i.toFixed(1)} µs, raw insert ${c.toFixed(1)} µs -> a database-bound ingest reaches ${(100 * median(db.map((r) => r.ceiling.dbCpuUs! / r.ingest.dbCpuUs!))).toFixed(0)}% of the ceiling`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const total = WARMUP + EVENTS;
  const events = makeEvents(total);
  const rows = rowsOf(events);
  // What the extension's sender posts: its own request builder, gzip.
  const bodies = chunks(events, BATCH).map((b) =>
    gzipSync(
      buildLogsBody(
        b.map((event) => ({ event, line: JSON.stringify(event) })),
        { name: 'bench', version: '1' },
      ),
    ),
  );
  const avgBody = Math.round(rows.reduce((a, r) => a + r.body.length, 0) / rows.length);
  console.log(
    `${EVENTS} events measured after ${WARMUP} of warm-up (avg ${avgBody} B of event JSON), batches of ${BATCH} as gzip OTLP/JSON, ${CONCURRENCY} requests in flight, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'codetrail-bench-'));
  const sqlite: Pair[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      // Each database is deleted as soon as it is measured, so the next measurement does not
      // compete with the kernel writing the previous one back; the order alternates by round.
      const ceilingRun = async () => {
        const file = join(dir, `ceiling-${i}.db`);
        try {
          return await sqliteCeiling(file, rows);
        } finally {
          removeDb(file);
        }
      };
      const ingestRun = async () => {
        const file = join(dir, `ingest-${i}.db`);
        const store = new SqliteStore(file);
        try {
          return await ingestRate(store, bodies).finally(() => store.close());
        } finally {
          removeDb(file);
        }
      };
      const first = i % 2 === 0 ? await ceilingRun() : undefined;
      const ingest = await ingestRun();
      sqlite.push({ ingest, ceiling: first ?? (await ceilingRun()) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(report('sqlite', sqlite));

  const base = pgBaseUrl();
  const postgres: Pair[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const ceilingRun = () => withPgDatabase(base, (url) => pgCeiling(url, rows));
    const ingestRun = () =>
      withPgDatabase(base, async (url) => {
        const store = await PostgresStore.open(url);
        try {
          return await ingestRate(store, bodies);
        } finally {
          await store.close();
        }
      });
    const first = i % 2 === 0 ? await ceilingRun() : undefined;
    const ingest = await ingestRun();
    postgres.push({ ingest, ceiling: first ?? (await ceilingRun()) });
  }
  console.log(report('postgres', postgres));
}

main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
