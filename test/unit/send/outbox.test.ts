import assert from 'node:assert/strict';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import fc from 'fast-check';
import { Outbox } from '../../../src/send/outbox';
import type { OutboxState } from '../../../src/send/segments';
import { retireWriterId, segmentStem, type OutboxFs } from '../../../src/send/files';
import type { OutboxReader } from '../../../src/send/reader';
import { validateEvent, type TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { cursorEvent, deadPid, tempDir } from './helpers';

/** Delivers everything pending as the sending window would, returning what was taken. */
async function drain(reader: OutboxReader, max = 1000): Promise<TrajectoryEvent[]> {
  const out: TrajectoryEvent[] = [];
  for (;;) {
    const batch = await reader.nextBatch(max, 1 << 30);
    if (!batch.length) break;
    await reader.settle(batch, 'a');
    out.push(...batch.map((b) => b.event));
  }
  await reader.cleanup();
  return out;
}

/** Every file under the folder, as text. */
async function folderText(d: string): Promise<string> {
  let out = '';
  for (const e of await readdir(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    out += e.isDirectory() ? await folderText(p) : await readFile(p, 'utf8');
  }
  return out;
}

/** Simulates the window dying: no flush, no close; its writer id is no longer alive. */
function crash(o: Outbox): void {
  retireWriterId(o.writerId);
}

describe('Outbox', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const open: Outbox[] = [];
  const openOutbox = async (opts: Partial<Parameters<typeof Outbox.open>[0]> = {}) => {
    const o = await Outbox.open({ dir, flushIntervalMs: 10_000, ...opts });
    open.push(o);
    return o;
  };

  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(async () => {
    for (const o of open.splice(0)) await o.dispose().catch(() => undefined);
    await cleanup();
  });

  it('keeps appended events across a reopen of the folder, in order', async () => {
    const s = uuidv7();
    const a = await openOutbox();
    const events = Array.from({ length: 50 }, (_, i) => cursorEvent(s, i));
    for (const e of events) assert.equal(a.append(e), true);
    await a.dispose();
    const b = await openOutbox();
    const pending = await b.listPending();
    assert.deepEqual(
      pending.map((p) => p.event),
      events,
    );
    assert.deepEqual(await drain(b.openReader()), events);
    assert.deepEqual(await b.listPending(), []);
  });

  it('writes appended events on its flush interval without being asked', async () => {
    const a = await openOutbox({ flushIntervalMs: 20 });
    a.append(cursorEvent(uuidv7(), 0));
    const flushed = new Promise<void>((r) => a.onDidFlush(() => r()));
    await flushed;
    const files = (await readdir(dir)).filter((f) => f.endsWith('.open'));
    assert.equal(files.length, 1);
    assert.ok((await stat(join(dir, files[0]))).size > 0);
  });

  it('tolerates a torn last line left by a crashed window, reports it and counts it in a marker', async () => {
    const s = uuidv7();
    const writer = `${deadPid()}-0badf00d`;
    const stem = segmentStem(Date.now() - 1000, 0, writer);
    const good = [cursorEvent(s, 0), cursorEvent(s, 1), cursorEvent(s, 2)];
    const torn = JSON.stringify(cursorEvent(s, 3)).slice(0, 40);
    await writeFile(join(dir, stem + '.open'), good.map((e) => JSON.stringify(e) + '\n').join('') + torn);
    const o = await openOutbox();
    const states: OutboxState[] = [];
    o.onDidChangeState((st) => states.push(st));
    const reader = o.openReader();
    const first = await reader.nextBatch(100, 1 << 20);
    assert.deepEqual(
      first.map((i) => i.event),
      good,
    );
    assert.equal(o.state.torn, 1);
    assert.equal(states.at(-1)?.torn, 1);
    // the torn tail is cut off and the segment closed, so it can be deleted once delivered
    assert.deepEqual(await readdir(dir).then((f) => f.filter((n) => n.startsWith('seg-'))), [stem + '.jsonl']);
    assert.ok((await readFile(join(dir, stem + '.jsonl'), 'utf8')).endsWith('\n'));
    await reader.settle(first, 'a');
    await o.flush();
    const rest = await drain(reader);
    assert.equal(rest.length, 1);
    const marker = rest[0];
    assert.ok(validateEvent(marker).ok, 'the marker is a valid event');
    assert.equal(marker.kind, 'marker');
    assert.equal(marker.kind === 'marker' && marker.what, 'outbox-torn');
    assert.equal(marker.kind === 'marker' && marker.count, 1);
    assert.ok(!(await readdir(dir)).includes(stem + '.jsonl'), 'delivered segment deleted');
  });

  it('when full refuses new events, says so, and reports the refused count once space returns', async () => {
    const s = uuidv7();
    const o = await openOutbox({ maxBytes: 8 * 1024, usageRefreshMs: 0 });
    const states: OutboxState[] = [];
    o.onDidChangeState((st) => states.push(st));
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      if (o.append(cursorEvent(s, i))) accepted++;
      else refused++;
    }
    assert.ok(accepted > 0 && refused > 0);
    assert.equal(o.state.full, true);
    assert.equal(o.state.refused, refused);
    assert.match(o.state.message ?? '', /full/);
    assert.equal(states[0]?.full, true, 'the status bar is told');
    await o.flush();
    assert.ok(o.usage <= 8 * 1024);
    const reader = o.openReader();
    const delivered = await drain(reader);
    assert.equal(delivered.length, accepted);
    await o.flush(); // usage is measured again: below the bound, accepting again
    assert.equal(o.state.full, false);
    assert.equal(states.at(-1)?.full, false);
    assert.equal(o.append(cursorEvent(s, 1000)), true);
    await o.flush();
    const after = await drain(reader);
    const marker = after.find((e) => e.kind === 'marker');
    assert.ok(marker && marker.kind === 'marker');
    assert.equal(marker.what, 'outbox-dropped');
    assert.equal(marker.count, refused);
    assert.equal(after.filter((e) => e.kind === 'cursor').length, 1);
  });

  it('on a full disk keeps no partial line, counts the lost events and recovers when writes work again', async () => {
    let failWrites = false;
    const faulty: OutboxFs = {
      ...fsp,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        const h = await fsp.open(...args);
        const write = h.write.bind(h) as (...a: unknown[]) => Promise<{ bytesWritten: number }>;
        (h as unknown as { write: unknown }).write = async (buf: Buffer, off: number, len: number, pos: number | null) => {
          if (!failWrites) return write(buf, off, len, pos);
          await write(buf, off, Math.min(len, 17), pos); // a short write, then the disk is full
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        };
        return h;
      }) as typeof fsp.open,
    };
    const s = uuidv7();
    const o = await openOutbox({ fs: faulty, usageRefreshMs: 0 });
    o.append(cursorEvent(s, 0));
    await o.flush();
    failWrites = true;
    o.append(cursorEvent(s, 1));
    o.append(cursorEvent(s, 2));
    await o.flush();
    assert.equal(o.state.full, true);
    assert.match(o.state.message ?? '', /disk/);
    assert.equal(o.state.refused, 2);
    assert.equal(o.append(cursorEvent(s, 3)), false);
    const seg = (await readdir(dir)).find((f) => f.startsWith('seg-'))!;
    const text = await readFile(join(dir, seg), 'utf8');
    assert.equal(text.split('\n').filter(Boolean).length, 1, 'the short write was cut back');
    assert.ok(text.endsWith('\n'));
    failWrites = false;
    await o.flush();
    assert.equal(o.state.full, false);
    await o.flush();
    const events = await drain(o.openReader());
    const marker = events.find((e) => e.kind === 'marker');
    assert.equal(marker?.kind === 'marker' && marker.count, 3);
  });

  it('keeps free space on the volume: refuses events before the disk fills, and resumes when space returns', async () => {
    let free = 100 * 1024;
    const lowFs: OutboxFs = { ...fsp, statfs: async () => ({ bavail: Math.floor(free / 4096), bsize: 4096 }) };
    const o = await openOutbox({ fs: lowFs, minFreeBytes: 64 * 1024, usageRefreshMs: 0 });
    const s = uuidv7();
    let accepted = 0;
    while (o.append(cursorEvent(s, accepted))) accepted++;
    assert.ok(accepted > 0 && accepted * 250 < 40 * 1024, `accepted ${accepted}`);
    assert.match(o.state.message ?? '', /nearly full/);
    await o.flush();
    free = 10 * 1024 * 1024;
    await o.flush();
    assert.equal(o.state.full, false);
    await o.flush();
    const marker = (await drain(o.openReader())).find((e) => e.kind === 'marker');
    assert.equal(marker?.kind === 'marker' && marker.count, 1);
  });

  it('removes pending events by id and by predicate, durably, across windows and a reopen', async () => {
    const s = uuidv7();
    const a = await openOutbox();
    const b = await openOutbox();
    const evs = Array.from({ length: 20 }, (_, i) => cursorEvent(s, i, 1000 + i));
    evs.slice(0, 10).forEach((e) => a.append(e));
    evs.slice(10).forEach((e) => b.append(e));
    await a.flush();
    await b.flush();
    // b removes two of a's events and one not yet written of its own
    b.append(cursorEvent(s, 99, 5000));
    assert.equal(await b.remove([evs[1].id, evs[3].id]), 2);
    assert.equal(await b.removeWhere((e) => e.seq === 99), 1);
    // consent: "discard the last N minutes"
    assert.equal(await a.discardSince(1018), 2);
    const expected = evs.filter((e, i) => i !== 1 && i !== 3 && e.time < 1018);
    crash(a);
    crash(b);
    const c = await openOutbox();
    const pending = (await c.listPending()).map((p) => p.event);
    assert.deepEqual(
      pending.map((e) => e.seq).sort((x, y) => x - y),
      expected.map((e) => e.seq),
    );
    const sent = await drain(c.openReader());
    assert.deepEqual(
      sent.map((e) => e.seq).sort((x, y) => x - y),
      expected.map((e) => e.seq),
    );
  });

  it('a purge leaves no copy on disk: open and sealed segments of every window, dead letters and the sent journal', async () => {
    const s = uuidv7();
    const marked = (seq: number, time: number) => ({ ...cursorEvent(s, seq, time), path: seq % 2 ? 'src/purgedMarker.ts' : 'src/kept.ts' });
    const a = await openOutbox({ sentJournalBytes: 1 << 20 });
    const b = await openOutbox();
    // Delivered ones (in the sent journal), dead-lettered ones, and pending ones in a's and b's open segments.
    for (let i = 0; i < 6; i++) a.append(marked(i, 1000 + i));
    await a.flush();
    const reader = a.openReader();
    const first = await reader.nextBatch(4, 1 << 30);
    await reader.settle(first.slice(0, 2), 'a');
    await reader.deadLetter(first.slice(2, 4), 400, 'refused');
    for (let i = 10; i < 16; i++) b.append(marked(i, 2000 + i));
    await b.flush();
    const bytesBefore = await folderText(dir);
    assert.ok(bytesBefore.includes('purgedMarker'));
    const r = await b.purge((e) => e.kind === 'cursor' && e.path.includes('purgedMarker'));
    assert.deepEqual(r, { pending: 4, sent: 1, dead: 1 });
    assert.ok(!(await folderText(dir)).includes('purgedMarker'), 'no file in the outbox folder holds a purged event');
    // The rest is intact: still pending, still sent, and the writers keep appending after the purge.
    a.append(marked(20, 3000));
    b.append(marked(22, 3001));
    await a.flush();
    await b.flush();
    const pending = (await b.listPending()).map((p) => p.event.seq).sort((x, y) => x - y);
    assert.deepEqual(pending, [4, 10, 12, 14, 20, 22]);
    assert.deepEqual(
      (await a.listSent()).map((x) => x.event.seq),
      [0],
    );
    assert.deepEqual(
      (await drain(b.openReader())).map((e) => e.seq).sort((x, y) => x - y),
      [4, 10, 12, 14, 20, 22],
    );
    assert.equal(b.state.torn, 0, 'blanked lines are not taken for torn ones');
  });

  it('after a crash mid-delivery resends only what was not acknowledged, and deletes delivered segments', async () => {
    const s = uuidv7();
    const a = await openOutbox({ segmentBytes: 2000 });
    const evs = Array.from({ length: 100 }, (_, i) => cursorEvent(s, i));
    for (const e of evs) {
      a.append(e);
      if (e.seq % 10 === 9) await a.flush();
    }
    await a.flush();
    const reader = a.openReader();
    const batch = await reader.nextBatch(40, 1 << 20);
    await reader.settle(batch, 'a');
    const inflight = await reader.nextBatch(10, 1 << 20); // sent, never acknowledged: the crash
    assert.equal(inflight.length, 10);
    crash(a);
    const b = await openOutbox();
    const rest = await drain(b.openReader());
    assert.deepEqual(
      rest.map((e) => e.seq),
      evs.slice(40).map((e) => e.seq),
    );
    const left = (await readdir(dir)).filter((f) => f.startsWith('seg-'));
    assert.deepEqual(left, [], 'every delivered segment was deleted');
  });

  it('cleans up temporary files left by a window that died, and keeps those of live windows', async () => {
    const dead = `${deadPid()}-0badcafe`;
    const live = `${process.ppid}-0000beef`;
    await writeFile(join(dir, `done-${dead}-000001.log.tmp`), 'a seg-x y\n');
    await writeFile(join(dir, `sender.lock.${dead}.tmp`), '{}');
    await writeFile(join(dir, `sender.lock.${live}.tmp`), '{}');
    await openOutbox();
    assert.deepEqual(
      (await readdir(dir)).filter((f) => f.endsWith('.tmp')),
      [`sender.lock.${live}.tmp`],
    );
  });

  it('compacts done logs so they only name segments that still exist', async () => {
    const s = uuidv7();
    let now = 1_000_000;
    const clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => {} };
    const a = await openOutbox({ clock, segmentBytes: 500 });
    const reader = a.openReader();
    for (let round = 0; round < 5; round++) {
      const evs = Array.from({ length: 20 }, (_, i) => cursorEvent(s, round * 20 + i));
      evs.forEach((e) => a.append(e));
      await a.flush();
      const other = await openOutbox({ clock });
      assert.equal(await other.remove([evs[0].id]), 1); // another window's removal, then it closes
      crash(other);
      await drain(reader);
      now += 60_000;
    }
    const done = (await readdir(dir)).filter((f) => f.startsWith('done-'));
    let lines = 0;
    for (const f of done) lines += (await readFile(join(dir, f), 'utf8')).split('\n').filter(Boolean).length;
    const segs = (await readdir(dir)).filter((f) => f.startsWith('seg-'));
    assert.ok(segs.length <= 1, `segments left: ${segs.join(',')}`);
    assert.ok(lines <= 40, `done lines kept: ${lines}`);
  });

  it('property: whatever is appended, removed and acknowledged, a reopened folder holds exactly the rest', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            n: fc.integer({ min: 1, max: 15 }),
            remove: fc.integer({ min: 0, max: 3 }),
            ack: fc.integer({ min: 0, max: 10 }),
            flush: fc.boolean(),
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        async (steps) => {
          const { dir: d, cleanup: c } = await tempDir();
          try {
            const s = uuidv7();
            const o = await Outbox.open({ dir: d, flushIntervalMs: 10_000, segmentBytes: 700 });
            const reader = o.openReader();
            const expected = new Map<string, number>();
            let seq = 0;
            for (const step of steps) {
              for (let i = 0; i < step.n; i++) {
                const e = cursorEvent(s, seq++);
                o.append(e);
                expected.set(e.id, e.seq);
              }
              if (step.flush) await o.flush();
              const victims = [...expected.keys()].slice(0, step.remove);
              await o.remove(victims);
              victims.forEach((v) => expected.delete(v));
              await o.flush();
              const batch = await reader.nextBatch(step.ack, 1 << 20);
              await reader.settle(batch, 'a');
              batch.forEach((b) => expected.delete(b.id));
              await reader.cleanup();
            }
            await o.flush();
            crash(o);
            const o2 = await Outbox.open({ dir: d, flushIntervalMs: 10_000 });
            const rest = await drain(o2.openReader());
            await o2.dispose();
            assert.deepEqual(
              rest.map((e) => e.seq),
              [...expected.values()].sort((x, y) => x - y),
            );
          } finally {
            await c();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
