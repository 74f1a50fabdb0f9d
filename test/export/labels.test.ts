// Outcome labels in an export: sessions with known answers, written through the real
// trajectory core, exported, then read back from the JSONL.gz shards and, through DuckDB,
// from the Parquet table.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { exportDataset } from '@codetrail/dataset/internal/pipeline';
import { openDuckDb, writeParquetTable } from '@codetrail/dataset/internal/parquet';
import { verifyExport } from '@codetrail/dataset/internal/verify';
import { labelTrajectory, type EventLabel } from '@codetrail/dataset/internal/labels/label';
import type { StoredEvent } from '@codetrail/dataset/internal/types';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { generateStoredEvents } from './generate';
import { Script } from './script';

const S = 1000;
const MIN = 60 * S;
const CLI = join(__dirname, '../../../packages/collector/dist/src/cli/export.js');

interface Line {
  session_id: string;
  user: string;
  labels?: EventLabel[];
  events: TrajectoryEvent[];
}

function readLines(dir: string): Line[] {
  const out: Line[] = [];
  for (const f of readdirSync(join(dir, 'data')).sort()) {
    for (const l of gunzipSync(readFileSync(join(dir, 'data', f)))
      .toString('utf8')
      .split('\n'))
      if (l) out.push(JSON.parse(l));
  }
  return out;
}

describe('export: outcome labels', function () {
  this.timeout(120_000);

  // One session with every label's known answer: a step typed, saved, then fully deleted
  // before a commit; a completion kept for more than 10 minutes; a diagnostics delta; a
  // failing then a passing test run; a build task.
  const s = new Script()
    .baseline('src/cart.ts', 'export function total(items) {\n  return 0;\n}\n')
    .baseline('src/tax.ts', 'export const RATE = 0;\n');
  s.t = 1 * S;
  const logged = s.insert('src/cart.ts', '{\n', '  console.log(items);\n'); // 22 characters, deleted before the commit
  s.t = 2 * S;
  s.save('src/cart.ts');
  s.t = 3 * S;
  const ACCEPTED = 'items.reduce((a, i) => a + i.price, ';
  const completion = s.insert('src/cart.ts', 'return ', ACCEPTED, 'completion'); // kept to the end
  s.t = 4 * S;
  const rate = s.insert('src/tax.ts', 'RATE = ', '0.'); // "0.0;": 2 characters, an error appears
  s.emit({
    kind: 'diagnostics',
    path: 'src/tax.ts',
    afterEdit: rate.id,
    before: { errors: 0, warnings: 0 },
    after: { errors: 1, warnings: 0 },
  });
  s.t = 20 * S;
  const failing = s.run(
    'npm test',
    1,
    '\u001b[1mTests:\u001b[22m       \u001b[31m1 failed\u001b[39m, \u001b[32m11 passed\u001b[39m, 12 total\n',
    10 * S,
  );
  s.t = 30 * S;
  const fix = s.insert('src/tax.ts', 'RATE = 0.', '2'); // "0.20": the diagnostics' error is gone
  s.t = 31 * S;
  s.remove('src/cart.ts', '  console.log(items);\n');
  s.t = 50 * S;
  const passing = s.run('npm test', 0, 'Tests:       12 passed, 12 total\n', 10 * S);
  s.t = 60 * S;
  s.commit('Cart total with tax');
  s.t = 61 * S;
  const build = s.emit({ kind: 'task.end', name: 'build - tsconfig.json', source: 'tsc', exitCode: 0, durationMs: 500 });
  s.t = 12 * MIN;
  const late = s.insert('src/tax.ts', 0, '// rates\n');
  s.end();
  const known = s.events;
  const KNOWN: Record<string, Record<string, unknown>> = {
    [logged.id]: { inserted_chars: 22, survival_save: 1, survival_end: 0, survival_commit: 0, next_run_seq: failing.seq },
    [completion.id]: {
      inserted_chars: ACCEPTED.length,
      survival_end: 1,
      survival_commit: 1,
      retention_30s: 1,
      retention_2m: 1,
      retention_5m: 1,
      retention_10m: 1,
      next_run_seq: failing.seq,
    },
    [rate.id]: {
      inserted_chars: 2,
      survival_end: 1,
      survival_commit: 1,
      diagnostics_seq: rate.seq + 1,
      errors_delta: 1,
      warnings_delta: 0,
      next_run_seq: failing.seq,
    },
    [fix.id]: { inserted_chars: 1, survival_end: 1, survival_commit: 1, next_run_seq: passing.seq },
    [late.id]: { inserted_chars: 9, survival_end: 1 },
    [failing.id]: {
      run_type: 'test',
      run_tool: 'npm',
      run_result: 'fail',
      exit_code: 1,
      tests_passed: 11,
      tests_failed: 1,
      tests_skipped: 0,
    },
    [passing.id]: {
      run_type: 'test',
      run_tool: 'npm',
      run_result: 'pass',
      exit_code: 0,
      tests_passed: 12,
      tests_failed: 0,
      tests_skipped: 0,
    },
    [build.id]: { run_type: 'build', run_tool: 'tsc', run_result: 'pass', exit_code: 0 },
  };
  const stored: StoredEvent[] = known.map((event) => ({ user: 'user-known', event }));
  const generated = [...generateStoredEvents({ users: 2, sessionsPerUser: 2, changesPerSession: 400, seed: 19 })];
  let dir: string;

  before(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'codetrail-labels-')), 'out');
    await exportDataset({ events: [...generated, ...stored] }, { outDir: dir, pseudonymKey: 'k' });
    await writeParquetTable(dir);
  });

  it('gives the known answers in the JSONL: survival 0 for a step deleted later, retention 1 at every horizon for a completion kept 10 minutes, each step linked to the right run', () => {
    const line = readLines(dir).find((l) => l.session_id === known[0].sessionId)!;
    assert.deepEqual(line.events, known, 'events are exactly the stored ones');
    assert.equal(line.labels!.length, line.events.length);
    for (const [i, e] of line.events.entries()) {
      const want = KNOWN[e.id];
      if (want) assert.deepEqual(line.labels![i], want, `${e.kind} seq ${e.seq}`);
      else if (e.kind !== 'edit') assert.equal(line.labels![i], null, `${e.kind} seq ${e.seq} has no label`);
    }
  });

  it("reads the same labels back through DuckDB from the Parquet table, and the next run's result with one join", async () => {
    const conn = await openDuckDb();
    try {
      const pq = join(dir, 'tables', 'events.parquet');
      const rows = (
        await conn.runAndReadAll(`
        SELECT event_id, kind, inserted_chars, survival_save, survival_end, survival_commit,
          retention_30s, retention_2m, retention_5m, retention_10m, diagnostics_seq, errors_delta, warnings_delta,
          next_run_seq, run_type, run_tool, run_result, exit_code, tests_passed, tests_failed, tests_skipped
        FROM read_parquet('${pq}') WHERE session_id = '${known[0].sessionId}' ORDER BY seq`)
      ).getRowObjectsJson();
      assert.equal(rows.length, known.length);
      for (const row of rows) {
        const want = KNOWN[String(row.event_id)];
        if (!want) continue;
        const got: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(row)) {
          if (k === 'event_id' || k === 'kind' || v === null) continue;
          // exit_code is the event's own column: the label repeats it
          got[k] = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
        }
        assert.deepEqual(got, want, `${String(row.kind)} ${String(row.event_id)}`);
      }
      const linked = (
        await conn.runAndReadAll(`
        SELECT s.event_id, r.run_result FROM read_parquet('${pq}') s
        JOIN read_parquet('${pq}') r ON r.session_id = s.session_id AND r."user" = s."user" AND r.seq = s.next_run_seq
        WHERE s.kind = 'edit' AND s.session_id = '${known[0].sessionId}' ORDER BY s.seq`)
      ).getRowObjectsJson();
      assert.deepEqual(
        linked.map((r) => [r.event_id, r.run_result]),
        [
          [logged.id, 'fail'],
          [completion.id, 'fail'],
          [rate.id, 'fail'],
          [fix.id, 'pass'],
          [s.events.find((e) => e.kind === 'edit' && e.seq > fix.seq)!.id, 'pass'],
        ],
      );
      const [all] = (
        await conn.runAndReadAll(`
        SELECT count(*) FILTER (WHERE kind = 'edit') AS edits,
               count(*) FILTER (WHERE kind = 'edit' AND inserted_chars IS NOT NULL) AS labelled,
               count(*) FILTER (WHERE kind <> 'edit' AND inserted_chars IS NOT NULL) AS misplaced,
               count(*) FILTER (WHERE kind = 'terminal.command' AND run_type = 'test') AS test_runs
        FROM read_parquet('${pq}')`)
      ).getRowObjectsJson();
      const edits = [...generated, ...stored].filter((e) => e.event.kind === 'edit' && e.event.consent.state === 'recording').length;
      assert.deepEqual(
        [Number(all.edits), Number(all.labelled), Number(all.misplaced)],
        [edits, edits, 0],
        'every edit row, and only edit rows, has its step labels',
      );
      assert.ok(Number(all.test_runs) > 2);
    } finally {
      conn.closeSync();
    }
  });

  it('labels every line with what its own events give: a reader recomputing them gets the same labels', () => {
    const lines = readLines(dir);
    assert.equal(lines.length, 5);
    for (const l of lines) assert.equal(JSON.stringify(l.labels), JSON.stringify(labelTrajectory(l.events)), l.session_id);
  });

  it('states the labels and their totals in the card and manifest; the export still verifies', async () => {
    const card = readFileSync(join(dir, 'README.md'), 'utf8');
    assert.match(card, /## Outcome labels/);
    assert.match(card, /retention_10m/);
    assert.match(card, /<REDACTED:not-captured>/);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    assert.equal(manifest.labels.version, 1);
    assert.ok(manifest.labels.completionSteps >= 1);
    assert.ok(manifest.labels.runs.test.fail >= 1 && manifest.labels.runs.test.pass >= 1);
    assert.equal(manifest.labels.runs.build.pass >= 1, true);
    assert.deepEqual((await verifyExport(dir)).problems, []);
  });

  it('without labels (labels: false, --no-labels) writes the same events with no labels field and empty label columns', async () => {
    const off = join(mkdtempSync(join(tmpdir(), 'codetrail-labels-')), 'out');
    const summary = await exportDataset({ events: [...generated, ...stored] }, { outDir: off, pseudonymKey: 'k', labels: false });
    assert.equal(summary.labels, null);
    await writeParquetTable(off);
    const on = readLines(dir);
    const plain = readLines(off);
    assert.deepEqual(
      plain.map((l) => l.events),
      on.map((l) => l.events),
    );
    assert.ok(plain.every((l) => !('labels' in l)));
    assert.match(readFileSync(join(off, 'README.md'), 'utf8'), /made without outcome labels/);
    const conn = await openDuckDb();
    try {
      const [r] = (
        await conn.runAndReadAll(
          `SELECT count(*) AS n, count(survival_end) AS s, count(run_type) AS r FROM read_parquet('${join(off, 'tables', 'events.parquet')}')`,
        )
      ).getRowObjectsJson();
      assert.deepEqual([Number(r.n), Number(r.s), Number(r.r)], [plain.reduce((a, l) => a + l.events.length, 0), 0, 0]);
    } finally {
      conn.closeSync();
    }
    const input = join(off, '..', 'events.jsonl');
    writeFileSync(input, stored.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const cli = spawnSync(
      process.execPath,
      [CLI, join(off, '..', 'cli'), '--from-jsonl', input, '--key-file', join(off, '..', 'key'), '--no-labels', '--no-parquet'],
      { encoding: 'utf8' },
    );
    assert.equal(cli.status, 0, cli.stderr + cli.stdout);
    assert.ok(readLines(join(off, '..', 'cli')).every((l) => !('labels' in l)));
    const cliOn = spawnSync(
      process.execPath,
      [CLI, join(off, '..', 'cli-on'), '--from-jsonl', input, '--key-file', join(off, '..', 'key'), '--no-parquet'],
      { encoding: 'utf8' },
    );
    assert.equal(cliOn.status, 0, cliOn.stderr + cliOn.stdout);
    assert.deepEqual(
      readLines(join(off, '..', 'cli-on'))[0].labels![known.indexOf(known.find((e) => e.id === logged.id)!)],
      KNOWN[logged.id],
      'labels are on by default',
    );
  });
});
