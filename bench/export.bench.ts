// Export throughput on a generated dataset of real, replayable sessions (the trajectory
// core typing into real files): events/s into sharded JSONL.gz (target ≥ 100,000 events/s),
// with the outcome labels (the default) and without them (--no-labels; labels may cost at
// most 30%), into the Parquet table, from a real SQLite store, and through the verifier.
//   npm run bench -- export        (EXPORT_BENCH_SESSIONS=N to change the size)
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDataset } from '@codetrail/dataset/internal/pipeline';
import { writeParquetTable } from '@codetrail/dataset/internal/parquet';
import { verifyExport } from '@codetrail/dataset/internal/verify';
import { storeSource } from '@codetrail/collector/internal/export-source';
import { SqliteStore } from '@codetrail/collector/internal/store/sqlite';
import type { EventRow } from '@codetrail/collector/internal/store/store';
import { generateStoredEvents } from '../test/export/generate';
import type { StoredEvent } from '@codetrail/dataset/internal/types';

const SESSIONS = Number(process.env.EXPORT_BENCH_SESSIONS ?? 120);
const USERS = 20;

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Wall time and this process's CPU time (all its threads: zlib's pool, DuckDB's workers). */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (c.user + c.system) / 1000, value };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'codetrail-export-bench-'));
  try {
    const g0 = Date.now();
    const events: StoredEvent[] = [
      ...generateStoredEvents({
        users: USERS,
        sessionsPerUser: Math.max(1, Math.round(SESSIONS / USERS)),
        changesPerSession: 6000,
        seed: 42,
      }),
    ];
    const chars = events.reduce((a, e) => a + JSON.stringify(e.event).length, 0);
    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} at start`,
    );
    console.log(
      `dataset: ${fmt(events.length)} events in ${fmt(SESSIONS)} sessions of ${USERS} users, ${(chars / 1e6).toFixed(1)} MB of event JSON (${fmt(chars / events.length)} chars/event avg), generated in ${((Date.now() - g0) / 1000).toFixed(1)} s`,
    );

    const exportRuns = async (name: string, level: number, labels: boolean, rounds: number) => {
      const runs: number[] = [];
      const cpus: number[] = [];
      let last: Awaited<ReturnType<typeof exportDataset>> | undefined;
      for (let i = 0; i < rounds; i++) {
        const out = join(work, `${name}-${i}`);
        const r = await timed(() =>
          exportDataset({ events }, { outDir: out, pseudonymKey: 'bench', gzipLevel: level, maxShardBytes: 64 * 1024 * 1024, labels }),
        );
        runs.push(r.ms);
        cpus.push(r.cpuMs);
        last = r.value;
        if (i < rounds - 1) rmSync(out, { recursive: true, force: true });
      }
      return { runs, cpus, last: last!, out: join(work, `${name}-${rounds - 1}`) };
    };
    const report = (what: string, r: Awaited<ReturnType<typeof exportRuns>>) => {
      const best = Math.min(...r.runs);
      const bytes = r.last.shards.reduce((a, s) => a + s.bytes, 0);
      const cpu = Math.min(...r.cpus);
      console.log(
        `${what}: ${fmt(events.length / (best / 1000))} events/s wall (best of ${r.runs.length}: ${best.toFixed(0)} ms; runs ${r.runs.map((x) => x.toFixed(0)).join(', ')} ms), ${fmt(events.length / (cpu / 1000))} events per CPU-second (least CPU of the runs; CPU ${r.cpus.map((x) => x.toFixed(0)).join(', ')} ms), ${(chars / 1e6 / (best / 1000)).toFixed(0)} MB/s of JSON in, ${r.last.shards.length} shards, ${(bytes / 1e6).toFixed(1)} MB out`,
      );
      return { best, cpu };
    };

    // labels on and off, interleaved so a change in the machine's load falls on both
    const on: Awaited<ReturnType<typeof exportRuns>>[] = [];
    const off: Awaited<ReturnType<typeof exportRuns>>[] = [];
    const ROUNDS = 5;
    for (let round = 0; round < ROUNDS; round++) {
      off.push(await exportRuns(`jsonl-nolabels-${round}`, 3, false, 1));
      on.push(await exportRuns(`jsonl-3-${round}`, 3, true, 1));
      if (round < ROUNDS - 1) for (const r of [on[round], off[round]]) rmSync(r.out, { recursive: true, force: true });
    }
    const merge = (rs: typeof on) => ({
      runs: rs.flatMap((r) => r.runs),
      cpus: rs.flatMap((r) => r.cpus),
      last: rs[rs.length - 1].last,
      out: rs[rs.length - 1].out,
    });
    const a = report('JSONL.gz (gzip level 3, the default) with outcome labels (the default)', merge(on));
    const b = report('JSONL.gz (gzip level 3) without labels (--no-labels)', merge(off));
    const labelled = on[ROUNDS - 1].last.labels!;
    const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
    const medOn = med(on.flatMap((r) => r.runs));
    const medOff = med(off.flatMap((r) => r.runs));
    console.log(
      `labels cost: ${(100 * (a.best / b.best - 1)).toFixed(1)}% wall (best against best; medians ${(100 * (medOn / medOff - 1)).toFixed(1)}%), ${(100 * (a.cpu / b.cpu - 1)).toFixed(1)}% CPU (limit 30%); load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(
          ' ',
        )} now; ${fmt(labelled.steps)} steps, ${fmt(labelled.completionSteps)} completions, ${fmt(labelled.runs.test.pass + labelled.runs.test.fail + labelled.runs.test.unknown)} test runs labelled`,
    );
    for (const level of [6, 1]) report(`JSONL.gz (gzip level ${level}) with labels`, await exportRuns(`jsonl-${level}`, level, true, 3));

    const exportDir = on[ROUNDS - 1].out;
    const pq = await timed(() => writeParquetTable(exportDir));
    console.log(
      `Parquet (DuckDB from the shards, zstd): ${fmt(pq.value.rows / (pq.ms / 1000))} events/s wall (${pq.ms.toFixed(0)} ms), ${fmt(pq.value.rows / (pq.cpuMs / 1000))} events per CPU-second, ${(pq.value.bytes / 1e6).toFixed(1)} MB`,
    );

    const v = await timed(() => verifyExport(exportDir));
    if (v.value.problems.length) throw new Error(`verify found ${v.value.problems.length} problems`);
    console.log(
      `verify (schema check + strict replay of ${fmt(v.value.steps)} steps): ${fmt(v.value.events / (v.ms / 1000))} events/s wall (${v.ms.toFixed(0)} ms), ${fmt(v.value.events / (v.cpuMs / 1000))} events per CPU-second`,
    );

    // The same export read from a real SQLite store, as `codetrail-export --data DIR` does.
    const store = new SqliteStore(join(work, 'store', 'codetrail.db'));
    const rows: EventRow[] = events.map(({ user, event }) => ({
      id: event.id,
      userId: user,
      sessionId: event.sessionId,
      seq: event.seq,
      kind: event.kind,
      time: event.time,
      consentState: event.consent.state,
      language: 'languageId' in event ? event.languageId : null,
      workspace: null,
      body: JSON.stringify(event),
      receivedAt: 0,
    }));
    for (let i = 0; i < rows.length; i += 5000) await store.insertEvents(rows.slice(i, i + 5000));
    const s = await timed(async () =>
      exportDataset(await storeSource(store), { outDir: join(work, 'from-store'), pseudonymKey: 'bench', maxShardBytes: 64 * 1024 * 1024 }),
    );
    await store.close();
    console.log(
      `JSONL.gz from the SQLite store (gzip level 3): ${fmt(s.value.events / (s.ms / 1000))} events/s wall (${s.ms.toFixed(0)} ms), ${fmt(s.value.events / (s.cpuMs / 1000))} events per CPU-second`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
