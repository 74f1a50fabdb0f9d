// End to end: redaction → outbox → sender → collection service (a separate process on SQLite),
// in events/s; and what each event costs the extension host's thread when it is recorded.
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createRedactor } from '../src/redact';
import { SCHEMA_VERSION, type TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { sha256Hex } from '@codetrail/protocol/internal/hash';
import { Outbox } from '../src/send/outbox';
import { createSendPipeline } from '../src/send/pipeline';
import { SqliteStore } from '@codetrail/collector/internal/store/sqlite';
import { issueToken } from '@codetrail/collector/internal/auth';
import { seededRandom, syntheticSource } from './util';

const N = Number(process.env.SEND_BENCH_EVENTS ?? 50_000);
const redactor = createRedactor({ key: new Uint8Array(32).fill(7), budgetMs: 60_000 });
const source = syntheticSource(4000, 11).split('\n');
const rand = seededRandom(5);
const secrets = ['AKIAIOSFODNN7EXAMPLE', 'ghp_' + 'a1B2c3D4'.repeat(4) + 'abcd', 'jane.doe@example.com'];
const HASH = sha256Hex('x');

/** A raw edit step as capture produces it: a small unified diff, sometimes with a secret. */
function rawDiff(i: number): string {
  const at = Math.floor(rand() * (source.length - 8));
  const ctx = source.slice(at, at + 6);
  const added = rand() < 0.1 ? `  const key = "${secrets[i % secrets.length]}";` : `  const v${i} = compute(${i});`;
  return `--- a/src/app.ts\n+++ b/src/app.ts\n@@ -${at + 1},6 +${at + 1},7 @@\n ${ctx.slice(0, 3).join('\n ')}\n+${added}\n ${ctx.slice(3).join('\n ')}\n`;
}

function editEvent(sessionId: string, seq: number, diff: string): TrajectoryEvent {
  const now = Date.now();
  return {
    schema: SCHEMA_VERSION,
    id: uuidv7(),
    sessionId,
    seq,
    time: now,
    consent: { state: 'recording', policyVersion: 1 },
    kind: 'edit',
    path: 'src/app.ts',
    languageId: 'typescript',
    diff,
    beforeSha256: HASH,
    afterSha256: HASH,
    provenance: { label: 'typed', confidence: 0.9 },
    startTime: now - 1200,
    changeCount: 3,
    cut: 'idle',
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function appendSideCost(dir: string): Promise<void> {
  const M = 20_000;
  const diffs = Array.from({ length: M }, (_, i) => rawDiff(i));
  const outbox = await Outbox.open({ dir: join(dir, 'append-only'), flushIntervalMs: 1_000_000 });
  const session = uuidv7();
  // warm up
  for (let i = 0; i < 2000; i++) outbox.append(editEvent(session, i, redactor.redact(diffs[i]).text));
  await outbox.flush();

  let t0 = performance.now();
  const redacted: string[] = [];
  for (let i = 0; i < M; i++) redacted.push(redactor.redact(diffs[i]).text);
  const redactUs = ((performance.now() - t0) * 1000) / M;

  const events = redacted.map((d, i) => editEvent(session, 2000 + i, d));
  t0 = performance.now();
  for (const e of events) outbox.append(e);
  const appendUs = ((performance.now() - t0) * 1000) / M;

  t0 = performance.now();
  await outbox.flush();
  const flushUs = ((performance.now() - t0) * 1000) / M;
  const bytes = events.reduce((n, e) => n + JSON.stringify(e).length + 1, 0);
  await outbox.dispose();
  console.log(`append side, ${M} edit events of ${Math.round(bytes / M)} bytes each:`);
  console.log(
    `  redact ${redactUs.toFixed(1)} µs/event + outbox.append ${appendUs.toFixed(1)} µs/event (synchronous, on the editor's thread)`,
  );
  console.log(`  flush to disk ${flushUs.toFixed(1)} µs/event (async write, batched every 200 ms)`);
  console.log(`  total on the extension host: ${(redactUs + appendUs + flushUs).toFixed(1)} µs/event`);
}

async function endToEnd(dir: string): Promise<void> {
  const dataDir = join(dir, 'data');
  const store = new SqliteStore(join(dataDir, 'codetrail.db'));
  const { token } = await issueToken(store, { userId: 'bench-user' });
  await store.close();
  const port = await freePort();
  const serve = join(__dirname, '..', 'collector', 'src', 'cli', 'serve.js');
  const collector = spawn(
    process.execPath,
    [serve, '--port', String(port), '--data', dataDir, '--log-level', 'warn', '--job-interval-ms', '0'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(url + '/healthz')).ok) break;
      } catch {
        // not listening yet
      }
      if (i > 200) throw new Error('collector did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    const p = await createSendPipeline({
      storageDir: join(dir, 'outbox'),
      settings: { collectorUrl: url },
      secrets: { getToken: async () => token },
      client: { name: 'codetrail-bench', version: '0.0.0' },
    });
    const diffs = Array.from({ length: 5000 }, (_, i) => rawDiff(i));
    const sessions = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const t0 = performance.now();
    let appendMs = 0;
    for (let i = 0; i < N; i++) {
      const a = performance.now();
      const ok = p.append(editEvent(sessions[i % 4], i >> 2, redactor.redact(diffs[i % diffs.length]).text));
      appendMs += performance.now() - a;
      if (!ok) throw new Error('outbox refused an event');
      if (i % 500 === 499) await new Promise((r) => setImmediate(r)); // an editor yields between keystrokes
    }
    const appended = performance.now() - t0;
    // while the backlog drains, how long does other work on the extension host wait?
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    while (p.status.sender.delivered < N) await new Promise((r) => setTimeout(r, 20));
    lag.disable();
    const total = performance.now() - t0;
    await p.dispose();
    const check = new SqliteStore(join(dataDir, 'codetrail.db'));
    const stored = await check.countEvents({ users: ['bench-user'] });
    await check.close();
    console.log(`end to end, ${N} edit events, redaction → outbox → sender (gzip, batches of ≤ 500 / 1 MiB) → collector on SQLite:`);
    console.log(
      `  ${Math.round(N / (total / 1000))} events/s delivered (${(total / 1000).toFixed(2)} s; recording took ${(appended / 1000).toFixed(2)} s, ${((appendMs * 1000) / N).toFixed(1)} µs/event redact+append)`,
    );
    console.log(`  stored ${stored} of ${N}`);
    console.log(
      `  event-loop delay while sending the backlog: p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`,
    );
  } finally {
    collector.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ct-send-bench-'));
  // figures scale with how busy the machine is: say so next to them
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at start`);
  try {
    await appendSideCost(dir);
    await endToEnd(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
