import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTwoFilesPatch } from 'diff';
import { replayTrajectory } from '@codetrail/protocol/internal/replay';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import {
  buildViewModel,
  countsOf,
  coveredMs,
  describeEvent,
  diffToLines,
  eventDetail,
  removalClosure,
  type HeldEvent,
} from '../../../src/transparency/model';
import { T0, recordSession } from './fixtures';

const DAY = Date.UTC(2026, 10, 27);

function held(events: TrajectoryEvent[], sentCount: number): HeldEvent[] {
  return events.map((event, i) => (i < sentCount ? { status: 'sent', event, sentAt: event.time + 1000 } : { status: 'pending', event }));
}

describe('transparency view model', () => {
  let events: TrajectoryEvent[];
  before(async () => {
    events = await recordSession();
  });

  describe('diffToLines', () => {
    it('numbers the lines of a recorded edit as they were before and after', () => {
      const edit = events.find((e) => e.kind === 'edit' && e.path === 'src/a.ts');
      assert.ok(edit && edit.kind === 'edit');
      const lines = diffToLines(edit.diff);
      const del = lines.find((l) => l.type === 'del');
      const add = lines.find((l) => l.type === 'add');
      assert.deepEqual(del, { type: 'del', oldLine: 1, text: 'const a = 1;' });
      assert.deepEqual(add, { type: 'add', newLine: 1, text: 'const a = 10;' });
      assert.ok(lines.some((l) => l.type === 'hunk'));
    });

    it('rebuilds both sides of any whole-file diff from its display lines', () => {
      const text = fc.array(fc.constantFrom('a', 'b', 'c', '', 'x y', ' lead', '-dash', '+plus', '\\bs'), { maxLength: 25 });
      fc.assert(
        fc.property(text, text, (before, after) => {
          const oldText = before.map((l) => l + '\n').join('');
          const newText = after.map((l) => l + '\n').join('');
          const patch = createTwoFilesPatch('a', 'a', oldText, newText, '', '', { context: 1000 });
          const lines = diffToLines(patch);
          if (oldText === newText) return lines.every((l) => l.type !== 'add' && l.type !== 'del');
          const oldSide = lines.filter((l) => l.type === 'ctx' || l.type === 'del');
          const newSide = lines.filter((l) => l.type === 'ctx' || l.type === 'add');
          assert.equal(oldSide.map((l) => l.text + '\n').join(''), oldText);
          assert.equal(newSide.map((l) => l.text + '\n').join(''), newText);
          assert.deepEqual(
            oldSide.map((l) => l.oldLine),
            oldSide.map((_, i) => i + 1),
          );
          assert.deepEqual(
            newSide.map((l) => l.newLine),
            newSide.map((_, i) => i + 1),
          );
          return true;
        }),
        { numRuns: 300 },
      );
    });

    it('keeps text that is not a diff as notes instead of dropping it', () => {
      assert.deepEqual(diffToLines('not a diff\n'), [{ type: 'note', text: 'not a diff' }]);
      const lines = diffToLines('@@ -1 +1 @@\n-a\n+b\n\\ No newline at end of file\n');
      assert.deepEqual(
        lines.map((l) => l.type),
        ['hunk', 'del', 'add', 'note'],
      );
    });
  });

  describe('buildViewModel', () => {
    it('lists pending and sent events newest first, each group on its own', () => {
      const m = buildViewModel(held(events, 4), undefined, { now: T0 + 3_600_000, dayStart: DAY });
      assert.deepEqual(
        m.groups.map((g) => g.status),
        ['pending', 'sent'],
      );
      const [pending, sent] = m.groups;
      assert.equal(pending.rows.length, events.length - 4);
      assert.equal(sent.rows.length, 4);
      for (const g of m.groups) {
        const times = g.rows.map((r) => r.time);
        assert.deepEqual(
          times,
          [...times].sort((a, b) => b - a),
        );
      }
      assert.ok(pending.rows.every((r) => r.removable));
      assert.ok(sent.rows.every((r) => !r.removable));
    });

    it('filters by file, by kind and by status, while offering every file and kind', () => {
      const h = held(events, 4);
      const m = buildViewModel(h, { file: 'src/a.ts', kind: 'edit' }, { now: T0, dayStart: DAY });
      const rows = m.groups.flatMap((g) => g.rows);
      assert.equal(rows.length, 3);
      assert.ok(rows.every((r) => r.kind === 'edit' && r.file === 'src/a.ts'));
      assert.deepEqual(m.files, ['dist/big.min.js', 'docs/b.md', 'src/a.ts']);
      assert.ok(m.kinds.includes('terminal.command') && m.kinds.includes('gap'));
      const onlySent = buildViewModel(h, { status: 'sent' }, { now: T0, dayStart: DAY });
      assert.deepEqual(
        onlySent.groups.map((g) => g.status),
        ['sent'],
      );
    });

    it('shows an event held both as pending and as sent once, as pending', () => {
      const h: HeldEvent[] = [
        { status: 'sent', event: events[1] },
        { status: 'pending', event: events[1] },
      ];
      const m = buildViewModel(h, undefined, { now: T0, dayStart: DAY });
      assert.equal(m.groups[0].rows.length, 1);
      assert.equal(m.groups[1].rows.length, 0);
      assert.equal(m.counts.pending + m.counts.sent, 1);
    });

    it('caps each group and says how many rows it left out', () => {
      const m = buildViewModel(held(events, 0), undefined, { now: T0, dayStart: DAY, limit: 3 });
      assert.equal(m.groups[0].rows.length, 3);
      assert.equal(m.groups[0].hidden, events.length - 3);
    });
  });

  describe('counts', () => {
    it('counts today, pending, sent, distinct excluded files and paused time', () => {
      const yesterday = { ...events[2], id: '0190b3c2-0000-7000-8000-000000000001', time: DAY - 1000 };
      const c = countsOf([...held(events, 3), { status: 'sent', event: yesterday }], DAY, T0 + 3_600_000);
      assert.equal(c.pending, events.length - 3);
      assert.equal(c.sent, 4);
      assert.equal(c.capturedToday, events.filter((e) => e.kind !== 'gap').length);
      assert.equal(c.excluded, 1);
      assert.equal(c.pausedMs, 600_000);
    });

    it('a pause marked by two windows counts once, and only its part inside today', () => {
      const gap = (id: string, from: number, to: number): HeldEvent => ({
        status: 'pending',
        event: { ...events[0], id, kind: 'gap', reason: 'paused', from, to } as TrajectoryEvent,
      });
      const c = countsOf(
        [gap('1', DAY - 60_000, DAY + 60_000), gap('2', DAY - 60_000, DAY + 60_000), gap('3', DAY + 30_000, DAY + 90_000)],
        DAY,
        DAY + 3_600_000,
      );
      assert.equal(c.pausedMs, 90_000);
    });

    it('coveredMs equals a brute-force count of covered milliseconds', () => {
      const iv = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }));
      fc.assert(
        fc.property(
          fc.array(iv, { maxLength: 8 }),
          fc.integer({ min: 0, max: 100 }),
          fc.integer({ min: 100, max: 220 }),
          (ivs, from, to) => {
            let brute = 0;
            for (let t = from; t < to; t++) if (ivs.some(([a, b]) => t >= a && t < b)) brute++;
            assert.equal(coveredMs(ivs, from, to), brute);
          },
        ),
      );
    });
  });

  describe('describing events', () => {
    it('gives every recorded kind a title, and an edit its diff detail', () => {
      for (const e of events) {
        const d = describeEvent(e);
        assert.ok(d.title.length > 0, e.kind);
      }
      const edit = events.find((e) => e.kind === 'edit')!;
      const detail = eventDetail({ status: 'pending', event: edit });
      assert.ok(detail.diff && detail.diff.length > 0);
      assert.deepEqual(JSON.parse(detail.json), edit, 'the detail shows the event exactly as stored');
      const cmd = events.find((e) => e.kind === 'terminal.command')!;
      assert.match(describeEvent(cmd).title, /npm test/);
      assert.equal(eventDetail({ status: 'sent', event: cmd }).text?.value, '1 failing');
    });
  });

  describe('removalClosure', () => {
    it('removing an edit takes the later steps of that file (their diffs build on it) and nothing else', () => {
      const aEdits = events.filter((e) => e.kind === 'edit' && e.path === 'src/a.ts');
      assert.equal(aEdits.length, 3);
      const { ids, cascaded } = removalClosure([aEdits[1].id], events);
      assert.deepEqual([...ids].sort(), [aEdits[1].id, aEdits[2].id].sort());
      assert.equal(cascaded, 1);
      const rest = events.filter((e) => !ids.has(e.id));
      // what remains still replays: a.ts stops at its first step, b.md is untouched
      const r = replayTrajectory(rest);
      assert.equal(r.finalText.get('src/a.ts'), 'const a = 10;\nconst b = 2;\n');
      assert.equal(r.finalText.get('docs/b.md'), '# Title\nSome text.\n');
    });

    it('a later baseline of the file stops the cascade, and ids not pending are ignored', () => {
      const aEdits = events.filter((e) => e.kind === 'edit' && e.path === 'src/a.ts');
      const base = events.find((e) => e.kind === 'file.baseline' && e.path === 'src/a.ts')!;
      const restated = {
        ...base,
        id: '0190b3c2-0000-7000-8000-0000000000aa',
        seq: aEdits[2].seq - 0.5,
        reason: 'resync',
      } as TrajectoryEvent;
      const withBaseline = [...events, restated].sort((x, y) => x.seq - y.seq);
      const { ids } = removalClosure([aEdits[0].id, 'not-pending'], withBaseline);
      assert.ok(ids.has(aEdits[0].id) && ids.has(aEdits[1].id));
      assert.ok(!ids.has(aEdits[2].id), 'the step after the new baseline replays from it');
      assert.ok(!ids.has('not-pending'));
    });
  });
});
