// "Export My Trajectories" writes the engineer's own held events with the export writer of
// codetrail-export: same shard names, card and manifest, and it replays.
import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { exportOwnTrajectories, ownSource, partialSessions } from '../../../src/transparency/export';
import type { HeldEvent } from '../../../src/transparency/model';
import { recordSession, T0 } from './fixtures';

describe('export my trajectories', () => {
  let dir: string;
  let a: TrajectoryEvent[];
  let b: TrajectoryEvent[];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ct-own-export-'));
    a = await recordSession(T0);
    b = await recordSession(T0 + 86_400_000);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes sent and pending events as one trajectory per session, in the codetrail-export layout', async () => {
    // sent copies of the older part, pending for the rest, and one event seen as both
    const held: HeldEvent[] = [
      ...b.map((event): HeldEvent => ({ status: 'pending', event })),
      ...a.slice(0, 6).map((event): HeldEvent => ({ status: 'sent', event, sentAt: event.time })),
      ...a.slice(5).map((event): HeldEvent => ({ status: 'pending', event })),
    ];
    const out = join(dir, 'mine');
    const r = await exportOwnTrajectories(held, out, { pseudonymKey: 'k' });
    assert.equal(r.summary.sessions, 2);
    assert.equal(r.summary.events, a.length + b.length);
    assert.equal(r.summary.users, 1);
    assert.deepEqual(await readdir(join(out, 'data')), ['train-00000-of-00001.jsonl.gz']);
    const lines = gunzipSync(await readFile(join(out, 'data', 'train-00000-of-00001.jsonl.gz')))
      .toString('utf8')
      .trim()
      .split('\n');
    assert.equal(lines.length, 2);
    for (const line of lines) {
      const rec = JSON.parse(line) as { session_id: string; events: TrajectoryEvent[]; event_count: number };
      const src = rec.session_id === a[0].sessionId ? a : b;
      assert.deepEqual(rec.events, src, 'events in seq order, exactly as held');
      assert.equal(rec.event_count, src.length);
    }
    const card = await readFile(join(out, 'README.md'), 'utf8');
    assert.match(card, /My Codetrail trajectories/);
    assert.match(card, /this editor's outbox/);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { format: string; counts: { events: number } };
    assert.equal(manifest.format, 'codetrail-export');
    assert.equal(manifest.counts.events, a.length + b.length);
    assert.equal(r.verify.problems.length, 0, 'every step replays');
    assert.ok(r.verify.steps >= 4);
  });

  it('reports a session only partly held here instead of failing', async () => {
    const partial = a.slice(3);
    assert.equal(partialSessions(partial), 1);
    const r = await exportOwnTrajectories(
      partial.map((event): HeldEvent => ({ status: 'pending', event })),
      join(dir, 'p'),
      { pseudonymKey: 'k' },
    );
    assert.equal(r.summary.sessions, 1);
    assert.ok(r.verify.problems.length > 0, 'edits without their baseline are reported by the verifier');
  });

  it('orders the source by session and seq, drops duplicates and never exports an invalid event', () => {
    const broken = { ...a[2], id: 'not-a-uuid' } as TrajectoryEvent;
    const held: HeldEvent[] = [...b, ...a, a[1]].map((event): HeldEvent => ({ status: 'pending', event }));
    held.push({ status: 'sent', event: broken });
    const { events, invalid } = ownSource(held);
    assert.equal(invalid, 1);
    assert.equal(events.length, a.length + b.length);
    for (let i = 1; i < events.length; i++) {
      const p = events[i - 1].event;
      const c = events[i].event;
      assert.ok(p.sessionId < c.sessionId || (p.sessionId === c.sessionId && p.seq < c.seq));
    }
  });

  it('bundles into the extension without a native module', async () => {
    const r = await esbuild.build({
      entryPoints: [join(__dirname, '../../../../src/transparency/transparency.vscode.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      logLevel: 'silent',
    });
    const text = r.outputFiles[0].text;
    assert.ok(!/duckdb|better-sqlite3|require\([^)]*\.node["']\)/.test(text), 'no native module in the bundle');
  });
});
