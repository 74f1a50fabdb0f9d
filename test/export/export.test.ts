import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { exportDataset, writeCard } from '@codetrail/dataset/internal/pipeline';
import { writeParquetTable, openDuckDb } from '@codetrail/dataset/internal/parquet';
import { verifyExport, formatProblem } from '@codetrail/dataset/internal/verify';
import { pseudonymize } from '@codetrail/dataset/internal/pseudonym';
import { terminalProgress } from '@codetrail/dataset/internal/progress';
import type { ExportOptions, ExportSource, StoredEvent } from '@codetrail/dataset/internal/types';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { generateStoredEvents, type GenerateOptions } from './generate';

const KEY = 'test-pseudonym-key';
const CLI = join(__dirname, '../../../packages/collector/dist/src/cli/export.js');

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'codetrail-export-'));
}

function source(events: StoredEvent[], excluded: Record<string, number> = {}): ExportSource {
  return { events, total: events.length, excluded: () => excluded };
}

async function run(events: StoredEvent[], o: Partial<ExportOptions> = {}, excluded: Record<string, number> = {}) {
  const outDir = o.outDir ?? join(tmp(), 'out');
  const summary = await exportDataset(source(events, excluded), { outDir, pseudonymKey: KEY, ...o });
  return { outDir, summary };
}

function lines(dir: string): { shard: string; rec: { session_id: string; user: string; events: TrajectoryEvent[] } }[] {
  const out: { shard: string; rec: { session_id: string; user: string; events: TrajectoryEvent[] } }[] = [];
  for (const f of readdirSync(join(dir, 'data')).sort()) {
    for (const l of gunzipSync(readFileSync(join(dir, 'data', f)))
      .toString('utf8')
      .split('\n')) {
      if (l) out.push({ shard: f, rec: JSON.parse(l) });
    }
  }
  return out;
}

const SMALL: GenerateOptions = { users: 3, sessionsPerUser: 2, changesPerSession: 300, seed: 7 };

describe('export: dataset folder', function () {
  this.timeout(120_000);
  const all = [...generateStoredEvents(SMALL)];
  const recording = all.length;

  it('is read back by DuckDB with the expected row counts, from the JSONL.gz shards and from the Parquet table', async () => {
    const { outDir, summary } = await run(all, { maxShardBytes: 200_000 });
    assert.ok(summary.shards.length > 1, 'small shard bound gives several shards');
    assert.equal(summary.sessions, 6);
    assert.equal(summary.events, recording);
    assert.equal(summary.users, 3);
    assert.deepEqual(summary.redactionRules, { '4': 3, unstated: 3 });
    assert.deepEqual(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')).redactionRules, { '4': 3, unstated: 3 });
    assert.match(
      readFileSync(join(outDir, 'README.md'), 'utf8'),
      /redaction rules version the clients ran \(sessions\): 4 \(3\), unstated \(3\)/,
    );
    const parquet = await writeParquetTable(outDir);
    assert.equal(parquet.rows, recording);

    const conn = await openDuckDb();
    try {
      const q = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjects();
      const glob = join(outDir, 'data', 'train-*.jsonl.gz');
      const [s] = await q(`SELECT count(*) AS n, sum(event_count) AS e FROM read_json('${glob}', maximum_object_size=1073741824)`);
      assert.equal(Number(s.n), 6);
      assert.equal(Number(s.e), recording);
      const [u] = await q(`SELECT count(*) AS n FROM (SELECT unnest(events) FROM read_json('${glob}', maximum_object_size=1073741824))`);
      assert.equal(Number(u.n), recording);
      const pq = join(outDir, 'tables', 'events.parquet');
      const [p] = await q(`SELECT count(*) AS n, count(DISTINCT session_id) AS s, count(DISTINCT "user") AS u FROM read_parquet('${pq}')`);
      assert.deepEqual([Number(p.n), Number(p.s), Number(p.u)], [recording, 6, 3]);
      const edits = all.filter((e) => e.event.kind === 'edit').length;
      const [k] = await q(
        `SELECT count(*) AS n FROM read_parquet('${pq}') WHERE kind = 'edit' AND diff IS NOT NULL AND after_sha256 IS NOT NULL`,
      );
      assert.equal(Number(k.n), edits);
      // Each session says which redaction rules its client ran, down to the table.
      const rules = await q(
        `SELECT client_redaction_policy AS r, count(*) AS n FROM read_parquet('${pq}') WHERE kind = 'session.start' GROUP BY 1 ORDER BY 1 NULLS LAST`,
      );
      assert.deepEqual(
        rules.map((x) => [x.r === null ? null : Number(x.r), Number(x.n)]),
        [
          [4, 3],
          [null, 3],
        ],
      );
    } finally {
      conn.closeSync();
    }
  });

  it('names shards train-0000N-of-0000M and keeps each under the bound unless one trajectory is larger', async () => {
    const { outDir, summary } = await run(all, { maxShardBytes: 150_000 });
    const names = readdirSync(join(outDir, 'data')).sort();
    const m = names.length;
    assert.deepEqual(
      names,
      names.map((_, i) => `train-${String(i).padStart(5, '0')}-of-${String(m).padStart(5, '0')}.jsonl.gz`),
    );
    for (const n of names) {
      const text = gunzipSync(readFileSync(join(outDir, 'data', n))).toString('utf8');
      const ls = text.split('\n').filter(Boolean);
      assert.ok(text.length <= 150_000 || ls.length === 1, `${n} holds ${text.length} characters in ${ls.length} lines`);
    }
    assert.equal(
      summary.shards.reduce((a, s) => a + s.sessions, 0),
      6,
    );
  });

  it('writes the same bytes for the same input (shards, card, manifest, Parquet)', async () => {
    const a = await run(all, { maxShardBytes: 200_000 });
    const b = await run(all, { maxShardBytes: 200_000 });
    await writeParquetTable(a.outDir);
    await writeParquetTable(b.outDir);
    const files = (d: string) =>
      [...readdirSync(join(d, 'data')).map((f) => `data/${f}`), 'README.md', 'manifest.json', 'tables/events.parquet'].sort();
    assert.deepEqual(files(a.outDir), files(b.outDir));
    for (const f of files(a.outDir)) assert.ok(readFileSync(join(a.outDir, f)).equals(readFileSync(join(b.outDir, f))), `${f} differs`);
    // a gzip header with no name and no time
    const gz = readFileSync(join(a.outDir, 'data', readdirSync(join(a.outDir, 'data'))[0]));
    assert.equal(gz.readUInt32LE(4), 0, 'mtime is 0');
    assert.equal(gz[3] & 0x08, 0, 'no file name');
  });

  it('writes each session as one line with a pseudonymous user, its languages and its events in seq order', async () => {
    const { outDir } = await run(all);
    const recs = lines(outDir).map((l) => l.rec);
    const raw = new Set(all.map((e) => e.user));
    for (const r of recs) {
      assert.ok(!raw.has(r.user), 'raw user id never appears');
      assert.match(r.user, /^u-[0-9a-f]{24}$/);
      const seqs = r.events.map((e) => e.seq);
      assert.deepEqual(
        seqs,
        [...seqs].sort((x, y) => x - y),
      );
      assert.ok(r.events.every((e) => e.sessionId === r.session_id));
    }
    const text = readFileSync(join(outDir, 'README.md'), 'utf8') + readFileSync(join(outDir, 'manifest.json'), 'utf8');
    for (const u of raw) assert.ok(!text.includes(u), 'raw user id is not in the card or manifest');
    assert.ok(recs.some((r) => r.user === pseudonymize(KEY, 'user-0000')));
  });

  it('exports only recording events, keeps gap markers, and counts what consent excluded', async () => {
    const events = [...generateStoredEvents({ ...SMALL, pausedEvery: 2 })];
    const paused = events.filter((e) => e.event.consent.state === 'paused' && e.event.kind !== 'gap').length;
    const { outDir, summary } = await run(events, {}, { tombstoned: 5 });
    const exported = lines(outDir).flatMap((l) => l.rec.events);
    assert.ok(exported.every((e) => e.consent.state === 'recording' || e.kind === 'gap'));
    assert.equal(summary.excluded['consent:paused'], paused);
    assert.equal(summary.excluded['store:tombstoned'], 5);
    assert.ok(exported.some((e) => e.kind === 'gap'));
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    assert.equal(manifest.excluded['consent:paused'], paused);
    assert.match(
      readFileSync(join(outDir, 'README.md'), 'utf8'),
      new RegExp(`\\| consent:paused \\| ${paused.toLocaleString('en-US')} \\|`),
    );
    await assert.rejects(run(events, { filter: { consentStates: ['paused'] } }), /never exported/);
  });

  it('filters by language, kind, user and session start date, and the result still replays', async () => {
    const { outDir, summary } = await run(all, { filter: { languages: ['python'], kinds: ['edit'], users: ['user-0001', 'user-0002'] } });
    const recs = lines(outDir).map((l) => l.rec);
    assert.ok(recs.length > 0);
    for (const r of recs) {
      assert.ok(r.user === pseudonymize(KEY, 'user-0001') || r.user === pseudonymize(KEY, 'user-0002'));
      for (const e of r.events) {
        assert.ok(e.kind === 'edit' || e.kind === 'file.baseline' || e.kind === 'gap', e.kind);
        if ('languageId' in e) assert.equal(e.languageId, 'python');
      }
    }
    assert.ok(summary.excluded['filter:user'] > 0 && summary.excluded['filter:kind'] > 0 && summary.excluded['filter:language'] > 0);
    const published = readFileSync(join(outDir, 'manifest.json'), 'utf8') + readFileSync(join(outDir, 'README.md'), 'utf8');
    assert.ok(!published.includes('user-0001') && !published.includes('user-0002'), 'the user filter is published by pseudonym only');
    assert.ok(published.includes(pseudonymize(KEY, 'user-0001')));
    const report = await verifyExport(outDir);
    assert.deepEqual(report.problems, []);
    assert.ok(report.steps > 0);

    const starts = [...new Set(all.map((e) => e.event.sessionId))]
      .map((id) => all.find((e) => e.event.sessionId === id)!.event.time)
      .sort((a, b) => a - b);
    const dated = await run(all, { filter: { from: starts[2], to: starts[4] } });
    assert.equal(dated.summary.sessions, 2);
  });

  it('refuses a source that is not ordered by (user, session, seq)', async () => {
    const shuffled = [...all];
    [shuffled[3], shuffled[4]] = [shuffled[4], shuffled[3]];
    await assert.rejects(run(shuffled), /not ordered/);
  });
});

describe('export: verifier', function () {
  this.timeout(120_000);
  const all = [...generateStoredEvents(SMALL)];

  it('replays every trajectory of a clean export and finds nothing wrong', async () => {
    const { outDir, summary } = await run(all, { maxShardBytes: 200_000 });
    const r = await verifyExport(outDir);
    assert.deepEqual(r.problems, []);
    assert.equal(r.files, summary.shards.length);
    assert.equal(r.trajectories, 6);
    assert.equal(r.steps, all.filter((e) => e.event.kind === 'edit').length);
    const cli = spawnSync(process.execPath, [CLI, 'verify', outDir], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stdout, /0 problem/);
  });

  it('checks the Parquet table against the manifest', async () => {
    const { outDir, summary } = await run(all);
    await writeCard({ outDir }, summary, await writeParquetTable(outDir));
    assert.deepEqual((await verifyExport(outDir)).problems, []);
    writeFileSync(join(outDir, 'tables', 'events.parquet'), 'not parquet');
    const r = await verifyExport(outDir);
    assert.deepEqual(r.problems.map(formatProblem), ['tables/events.parquet: sha256 differs from the manifest']);
  });

  it('catches a corrupted diff and names its shard, line, session and seq; the command exits non-zero', async () => {
    const { outDir } = await run(all, { maxShardBytes: 200_000 });
    const shards = readdirSync(join(outDir, 'data')).sort();
    const target = shards[1];
    const file = join(outDir, 'data', target);
    const ls = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const rec = JSON.parse(ls[0]);
    const edit = rec.events.filter((e: TrajectoryEvent) => e.kind === 'edit')[3];
    // change one added line's text: still a well-formed diff, but not the recorded step
    const hunk = edit.diff.indexOf('\n@@');
    const plus = hunk + edit.diff.slice(hunk).search(/\n\+[^\n]/);
    assert.ok(hunk > 0 && plus > hunk);
    const c = edit.diff[plus + 2];
    edit.diff = edit.diff.slice(0, plus + 2) + (c === 'X' ? 'Y' : 'X') + edit.diff.slice(plus + 3);
    ls[0] = JSON.stringify(rec);
    writeFileSync(file, gzipSync(ls.join('\n')));

    const r = await verifyExport(outDir);
    const replay = r.problems.filter((p) => p.seq !== null);
    assert.equal(replay.length, 1, r.problems.map(formatProblem).join('\n'));
    assert.deepEqual(
      { shard: replay[0].shard, line: replay[0].line, session: replay[0].session, seq: replay[0].seq, path: replay[0].path },
      { shard: `data/${target}`, line: 1, session: rec.session_id, seq: edit.seq, path: edit.path },
    );
    assert.match(replay[0].problem, /after-hash differs/);
    assert.ok(r.problems.some((p) => p.shard === `data/${target}` && /sha256 differs from the manifest/.test(p.problem)));
    assert.ok(r.unchecked >= 0);

    const cli = spawnSync(process.execPath, [CLI, 'verify', outDir], { encoding: 'utf8' });
    assert.equal(cli.status, 1);
    assert.ok(cli.stdout.includes(`data/${target}:1 session ${rec.session_id} seq ${edit.seq} ${edit.path}`), cli.stdout);
  });
});

describe('export: command line', function () {
  this.timeout(120_000);

  it('exports a JSONL file of stored events with a kept pseudonym key, then verifies it', () => {
    const dir = tmp();
    const input = join(dir, 'events.jsonl');
    const events = [...generateStoredEvents({ users: 2, sessionsPerUser: 1, changesPerSession: 100, seed: 3 })];
    // lines in any order, and one that is not an event: the command sorts and counts
    writeFileSync(
      input,
      [...events]
        .reverse()
        .map((e) => JSON.stringify({ ...e.event, user: e.user }))
        .join('\n') + '\n{"user":"x","kind":"nope"}\n',
    );
    const out = join(dir, 'out');
    const key = join(dir, 'key');
    const r = spawnSync(process.execPath, [CLI, out, '--from-jsonl', input, '--key-file', key], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, new RegExp(`exported 2 sessions, ${events.length} events, 2 users`));
    assert.match(r.stdout, /excluded: store:invalid 1/);
    assert.ok(existsSync(key) && existsSync(join(out, 'tables', 'events.parquet')));
    assert.equal(r.stderr, '', 'quiet when not a terminal');
    const v = spawnSync(process.execPath, [CLI, 'verify', out], { encoding: 'utf8' });
    assert.equal(v.status, 0, v.stdout);
    const again = spawnSync(process.execPath, [CLI, out, '--from-jsonl', input, '--key-file', key], { encoding: 'utf8' });
    assert.notEqual(again.status, 0, 'an existing export is not overwritten without --overwrite');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('export: progress', () => {
  const stream = (isTTY: boolean) => {
    const chunks: string[] = [];
    return {
      chunks,
      s: {
        isTTY,
        columns: 120,
        write: (c: string) => {
          chunks.push(c);
          return true;
        },
      } as unknown as NodeJS.WriteStream,
    };
  };

  it('draws a bar with a percentage on a terminal, throttled, and ends its line when done', () => {
    let now = 0;
    const t = stream(true);
    const p = terminalProgress(t.s, 'exporting', () => now);
    now = 200;
    p.update({ events: 500, sessions: 3, total: 1000 });
    now = 250;
    p.update({ events: 600, sessions: 3, total: 1000 }); // within 100 ms: not drawn
    now = 1000;
    p.done({ events: 1000, sessions: 5, total: 1000 });
    assert.equal(t.chunks.length, 2);
    assert.match(t.chunks[0], / 50% 500 events, 3 sessions/);
    assert.match(t.chunks[1], /100% 1,000 events, 5 sessions, 1,000 events\/s/);
    assert.ok(t.chunks[1].startsWith('\r') && t.chunks[1].endsWith('\u001b[K\n'), 'redrawn in place, line ended when done');
  });

  it('says nothing when the output is not a terminal', () => {
    const t = stream(false);
    const p = terminalProgress(t.s);
    p.update({ events: 1, sessions: 1 });
    p.done({ events: 1, sessions: 1 });
    assert.deepEqual(t.chunks, []);
  });
});

describe('export: folder ownership', function () {
  this.timeout(60_000);

  it('refuses a folder that is not empty, and with overwrite replaces only the files an export owns', async () => {
    const all = [...generateStoredEvents({ users: 2, sessionsPerUser: 2, changesPerSession: 100, seed: 9 })];
    const outDir = join(tmp(), 'out');
    await exportDataset(source(all), { outDir, pseudonymKey: KEY, maxShardBytes: 50_000 });
    const before = readdirSync(join(outDir, 'data'));
    assert.ok(before.length > 1);
    writeFileSync(join(outDir, 'NOTES.md'), 'mine');
    await assert.rejects(exportDataset(source(all), { outDir, pseudonymKey: KEY }), /not empty/);
    const s = await exportDataset(source(all.slice(0, 50)), { outDir, pseudonymKey: KEY, overwrite: true });
    assert.deepEqual(
      readdirSync(join(outDir, 'data')),
      s.shards.map((f) => f.file.slice('data/'.length)),
    );
    assert.equal(readFileSync(join(outDir, 'NOTES.md'), 'utf8'), 'mine');
    assert.deepEqual((await verifyExport(outDir)).problems, []);
  });
});

describe('export: hostile input', function () {
  this.timeout(60_000);

  it('exports two users who used the same session id as two trajectories, each replayable', async () => {
    const a = [...generateStoredEvents({ users: 1, sessionsPerUser: 1, changesPerSession: 80, seed: 1 })];
    const b = [...generateStoredEvents({ users: 1, sessionsPerUser: 1, changesPerSession: 80, seed: 2 })].map((e) => ({
      user: 'user-zzzz',
      event: { ...e.event, sessionId: a[0].event.sessionId },
    }));
    const { outDir, summary } = await run([...a, ...b]);
    assert.equal(summary.sessions, 2);
    assert.equal(summary.users, 2);
    assert.deepEqual((await verifyExport(outDir)).problems, []);
  });
});
