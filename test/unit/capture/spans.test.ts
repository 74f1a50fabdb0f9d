import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { SpanList } from '../../../src/capture/spans';

/** The same ranges kept the slow way: one tag (or none) per character. */
function naiveApply(
  marks: (number | undefined)[],
  offset: number,
  deleted: number,
  inserted: number,
  tag?: number,
): (number | undefined)[] {
  return [...marks.slice(0, offset), ...Array.from({ length: inserted }, () => tag), ...marks.slice(offset + deleted)];
}

function marksOf(list: SpanList, length: number): boolean[] {
  const out = Array.from({ length }, () => false);
  for (const s of list.all()) for (let i = s.start; i < s.end; i++) out[i] = true;
  return out;
}

describe('SpanList: ranges carried through edits', () => {
  it('a deletion cuts, an insertion inside splits, later ranges shift', () => {
    const l = SpanList.of([
      { start: 2, end: 6 },
      { start: 10, end: 12 },
    ]);
    l.apply(4, 0, 3); // untagged text inside the first range
    assert.deepEqual(
      l.all().map((s) => [s.start, s.end]),
      [
        [2, 4],
        [7, 9],
        [13, 15],
      ],
    );
    l.apply(3, 5, 0); // deletes [3, 8): the first part's tail and most of the second
    assert.deepEqual(
      l.all().map((s) => [s.start, s.end]),
      [
        [2, 4],
        [8, 10],
      ],
    );
    l.apply(4, 0, 2, 0); // tagged text touching the end of the first range merges with it
    assert.deepEqual(
      l.all().map((s) => [s.start, s.end]),
      [
        [2, 6],
        [10, 12],
      ],
    );
  });

  it('an empty range intersects nothing, even inside a marked range', () => {
    const l = SpanList.of([{ start: 2, end: 10 }]);
    assert.equal(l.intersects(5, 5), false);
    assert.deepEqual(l.within(5, 5), []);
    assert.equal(l.intersects(5, 6), true);
  });

  it('text inserted at a range boundary is not marked unless it carries a tag', () => {
    const l = SpanList.of([{ start: 0, end: 3 }]);
    l.apply(3, 0, 2);
    l.apply(0, 0, 1);
    assert.deepEqual(
      l.all().map((s) => [s.start, s.end]),
      [[1, 4]],
    );
  });

  it('matches a per-character model under random edits', () => {
    fc.assert(
      fc.property(
        fc.nat(40),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat(8), ins: fc.nat(8), tagged: fc.boolean() }), {
          maxLength: 40,
        }),
        (initial, ops) => {
          const list = new SpanList();
          let marks: (number | undefined)[] = Array.from({ length: initial }, () => undefined);
          for (const op of ops) {
            const offset = Math.min(marks.length, Math.floor(op.at * (marks.length + 1)));
            const deleted = Math.min(op.del, marks.length - offset);
            list.apply(offset, deleted, op.ins, op.tagged ? 0 : undefined);
            marks = naiveApply(marks, offset, deleted, op.ins, op.tagged ? 0 : undefined);
            assert.deepEqual(
              marksOf(list, marks.length),
              marks.map((m) => m !== undefined),
            );
            const spans = list.all();
            for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1].end < spans[i].start, 'disjoint, sorted, merged');
          }
          for (let a = 0; a <= marks.length; a++) {
            for (let b = a + 1; b <= Math.min(marks.length, a + 5); b++) {
              assert.equal(
                list.intersects(a, b),
                marks.slice(a, b).some((m) => m !== undefined),
              );
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with tags that merge only when close: every character is marked as in the model, never with an older time', () => {
    fc.assert(
      fc.property(
        fc.nat(30),
        fc.array(
          fc.record({
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            del: fc.nat(6),
            ins: fc.nat(6),
            dt: fc.nat(3000),
            tagged: fc.boolean(),
            probe: fc.boolean(),
          }),
          { maxLength: 50 },
        ),
        (initial, ops) => {
          const list = new SpanList(1000);
          let marks: (number | undefined)[] = Array.from({ length: initial }, () => undefined);
          let time = 0;
          for (const op of ops) {
            time += op.dt;
            const offset = Math.min(marks.length, Math.floor(op.at * (marks.length + 1)));
            const deleted = Math.min(op.del, marks.length - offset);
            const tag = op.tagged ? time : undefined;
            list.apply(offset, deleted, op.ins, tag);
            marks = naiveApply(marks, offset, deleted, op.ins, tag);
            if (op.probe) {
              // Reads between changes see the pending shift applied.
              const a = Math.min(marks.length, offset);
              assert.equal(
                list.intersects(a, a + 3),
                marks.slice(a, a + 3).some((m) => m !== undefined),
              );
            }
          }
          const got: (number | undefined)[] = Array.from({ length: marks.length }, () => undefined);
          for (const sp of list.all()) for (let i = sp.start; i < sp.end; i++) got[i] = sp.tag;
          marks.forEach((m, i) => {
            assert.equal(got[i] !== undefined, m !== undefined, `character ${i} marked`);
            if (m !== undefined) assert.ok(got[i]! >= m, `character ${i} keeps a time no older than its own`);
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('recency tags merge only when close, keeping the later time', () => {
    const l = new SpanList(1000);
    l.apply(0, 0, 3, 100);
    l.apply(3, 0, 2, 600);
    assert.deepEqual(
      l.all().map((s) => [s.start, s.end, s.tag]),
      [[0, 5, 600]],
    );
    l.apply(5, 0, 1, 5000);
    assert.deepEqual(
      l.all().map((s) => [s.start, s.end, s.tag]),
      [
        [0, 5, 600],
        [5, 6, 5000],
      ],
    );
  });
});
