// The transparency service over a real outbox folder: what the view lists, what removal does
// to what the sender will send, and the journal of sent copies.
import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outbox } from '../../../src/send/outbox';
import { replayTrajectory } from '@codetrail/protocol/internal/replay';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { TransparencyService, type RemovalReport } from '../../../src/transparency/service';
import { recordSession, T0 } from './fixtures';

/** Delivers up to `n` pending events as the sending window does (acknowledged). */
async function deliver(outbox: Outbox, n: number): Promise<TrajectoryEvent[]> {
  const reader = outbox.openReader();
  const batch = await reader.nextBatch(n, 1 << 30);
  await reader.settle(batch, 'a');
  await reader.cleanup();
  return batch.map((b) => b.event);
}

async function drainAll(outbox: Outbox): Promise<TrajectoryEvent[]> {
  const reader = outbox.openReader();
  const out: TrajectoryEvent[] = [];
  for (;;) {
    const b = await reader.nextBatch(1000, 1 << 30);
    if (!b.length) break;
    await reader.settle(b, 'a');
    out.push(...b.map((x) => x.event));
  }
  return out;
}

describe('transparency service over a real outbox', () => {
  let dir: string;
  let outbox: Outbox;
  let events: TrajectoryEvent[];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ct-transparency-'));
    outbox = await Outbox.open({ dir, flushIntervalMs: 60_000, segmentBytes: 2000 });
    events = await recordSession();
    for (const e of events) assert.ok(outbox.append(e));
    await outbox.flush();
  });
  afterEach(async () => {
    await outbox.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists pending events and copies of sent ones exactly as stored', async () => {
    const sent = await deliver(outbox, 4);
    const svc = new TransparencyService(outbox);
    const m = await svc.view(undefined, T0 + 3_600_000, Date.UTC(2026, 10, 27));
    const [pending, sentGroup] = m.groups;
    assert.deepEqual(new Set(sentGroup.rows.map((r) => r.id)), new Set(sent.map((e) => e.id)));
    assert.equal(pending.rows.length, events.length - 4);
    assert.equal(m.counts.sent, 4);
    const held = await svc.held();
    const copy = held.find((h) => h.status === 'sent' && h.event.id === sent[0].id);
    assert.deepEqual(copy?.event, sent[0], 'the sent copy is the event byte for byte as it left');
    assert.ok(typeof copy?.sentAt === 'number');
  });

  it('a removed pending event never reaches the sender, and its file history stays replayable', async () => {
    const removedCalls: RemovalReport[] = [];
    const svc = new TransparencyService(outbox, { onRemoved: (r) => removedCalls.push(r) });
    const aEdits = events.filter((e) => e.kind === 'edit' && e.path === 'src/a.ts');
    const r = await svc.remove([aEdits[1].id]);
    assert.equal(r.requested, 1);
    assert.equal(r.removed, 2, 'the later step of the same file goes too');
    assert.deepEqual(r.files, [{ sessionId: aEdits[1].sessionId, path: 'src/a.ts' }]);
    assert.equal(removedCalls.length, 1);
    const sent = await drainAll(outbox);
    const sentIds = new Set(sent.map((e) => e.id));
    assert.ok(!sentIds.has(aEdits[1].id) && !sentIds.has(aEdits[2].id));
    assert.equal(sent.length, events.length - 2);
    const replay = replayTrajectory(sent);
    assert.equal(replay.finalText.get('src/a.ts'), 'const a = 10;\nconst b = 2;\n', 'what is sent still replays');
  });

  it('removal in one window holds for an outbox opened by another window on the same folder', async () => {
    const other = await Outbox.open({ dir, flushIntervalMs: 60_000 });
    try {
      const svc = new TransparencyService(other);
      const target = events.find((e) => e.kind === 'terminal.command')!;
      assert.equal((await svc.remove([target.id])).removed, 1);
      const sent = await drainAll(outbox);
      assert.ok(!sent.some((e) => e.id === target.id));
    } finally {
      await other.dispose();
    }
  });

  it('"remove shown" removes exactly the pending events the filters show', async () => {
    const svc = new TransparencyService(outbox);
    const r = await svc.removeMatching({ file: 'docs/b.md' });
    assert.equal(r.removed, events.filter((e) => 'path' in e && e.path === 'docs/b.md').length);
    const left = await outbox.listPending();
    assert.ok(!left.some((p) => 'path' in p.event && p.event.path === 'docs/b.md'));
  });

  it('forgetting a deletion scope drops pending events and sent copies inside it only', async () => {
    await deliver(outbox, 5);
    const svc = new TransparencyService(outbox);
    const cut = events[7].time;
    const r = await svc.forgetLocal((e) => e.time < cut);
    const held = await svc.held();
    assert.ok(held.every((h) => h.event.time >= cut));
    assert.equal(r.sent, 5);
    assert.equal(held.length, events.filter((e) => e.time >= cut).length);
  });

  it('the sent journal stays within its bound, dropping the oldest copies first', async () => {
    const small = await Outbox.open({ dir: join(dir, 'small'), flushIntervalMs: 60_000, sentJournalBytes: 8 * 1024 });
    try {
      const many: TrajectoryEvent[] = [];
      for (let i = 0; i < 12; i++) many.push(...(await recordSession(T0 + i * 86_400_000)));
      for (const e of many) small.append(e);
      await small.flush();
      const reader = small.openReader();
      for (;;) {
        const b = await reader.nextBatch(7, 1 << 30);
        if (!b.length) break;
        await reader.settle(b, 'a');
      }
      const files = await readdir(join(dir, 'small', 'sent'));
      assert.ok(files.length >= 1);
      const kept = await small.listSent();
      assert.ok(kept.length > 0 && kept.length < many.length, `kept ${kept.length} of ${many.length}`);
      const bytes = kept.reduce((n, k) => n + JSON.stringify(k).length, 0);
      assert.ok(bytes <= 8 * 1024 * 1.25, `journal holds ${bytes} bytes`);
      assert.equal(kept.at(-1)?.event.id, many.at(-1)?.id, 'the newest copy is kept');
      assert.deepEqual(
        (await small.listSent(3)).map((k) => k.event.id),
        many.slice(-3).map((e) => e.id),
      );
    } finally {
      await small.dispose();
    }
  });

  it('works before the outbox has finished opening: calls wait for it', async () => {
    let open!: (o: Outbox) => void;
    const svc = new TransparencyService(new Promise<Outbox>((r) => (open = r)));
    const m = svc.view(undefined, T0, Date.UTC(2026, 10, 27));
    setTimeout(() => open(outbox), 20);
    assert.equal((await m).counts.pending, events.length);
  });

  it('a torn journal line is skipped, not fatal', async () => {
    await deliver(outbox, 3);
    const sentDir = join(dir, 'sent');
    const [name] = await readdir(sentDir);
    await writeFile(join(sentDir, name), '{"sentAt":1,"event":{"id":', { flag: 'a' });
    const kept = await outbox.listSent();
    assert.equal(kept.length, 3);
  });
});
