// Following which step inserted each character through real diffs of the trajectory core.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BASELINE, LiveCounts, TrackedFile, TrackError, replaceBlock, splitLines } from '@codetrail/dataset/internal/labels/origins';
import { replayTrajectory } from '@codetrail/protocol/internal/replay';
import type { EditEvent } from '@codetrail/protocol/internal/schema';
import { applyChanges, recorder } from '../../support/recorder';

/** Steps' characters per origin in a tracked file, from its lines' origins. */
function originTotals(f: TrackedFile): Map<number, number> {
  const lines = splitLines(f.text());
  const out = new Map<number, number>();
  for (let i = 0; i < f.lineCount; i++) {
    const o = f.originsOf(i);
    const runs = typeof o === 'number' ? [o, lines[i].length] : o;
    let len = 0;
    for (let k = 0; k < runs.length; k += 2) {
      out.set(runs[k], (out.get(runs[k]) ?? 0) + runs[k + 1]);
      len += runs[k + 1];
    }
    assert.equal(len, lines[i].length, `line ${i}: origins cover its length`);
  }
  return out;
}

describe('labels: character origins', () => {
  it('splits text into lines that keep their newline, the last one maybe without', () => {
    assert.deepEqual(splitLines('a\nb\r\n\nc'), ['a\n', 'b\r\n', '\n', 'c']);
    assert.deepEqual(splitLines('a\n'), ['a\n']);
    assert.deepEqual(splitLines(''), []);
  });

  it("a line edited by two steps keeps each step's characters, and a later deletion takes only what it removes", () => {
    const counts = new LiveCounts(3);
    const f = new TrackedFile('const a = 1;\n');
    // step 0 inserts "bc" after "a"; step 1 inserts "XYZ" inside "bc"; step 2 deletes "YZc"
    f.apply('@@ -1,1 +1,1 @@\n-const a = 1;\n+const abc = 1;\n', 0, counts);
    f.apply('@@ -1,1 +1,1 @@\n-const abc = 1;\n+const abXYZc = 1;\n', 1, counts);
    assert.deepEqual(f.originsOf(0), [BASELINE, 7, 0, 1, 1, 3, 0, 1, BASELINE, 6]);
    f.apply('@@ -1,1 +1,1 @@\n-const abXYZc = 1;\n+const abX = 1;\n', 2, counts);
    assert.equal(f.text(), 'const abX = 1;\n');
    assert.deepEqual([...counts.inserted], [2, 3, 0]);
    assert.deepEqual([...counts.live], [1, 1, 0], 'step 0 keeps "b", step 1 keeps "X"');
  });

  it('pressing Enter inside a line inserts one newline; the halves keep their origins', () => {
    const counts = new LiveCounts(1);
    const f = new TrackedFile('foo(bar)\nnext\n');
    f.apply('@@ -1,2 +1,3 @@\n-foo(bar)\n+foo(\n+bar)\n next\n', 0, counts);
    assert.equal(f.text(), 'foo(\nbar)\nnext\n');
    assert.deepEqual([...counts.inserted], [1]);
    assert.deepEqual(f.originsOf(0), [BASELINE, 4, 0, 1]);
    assert.equal(f.originsOf(1), BASELINE);
  });

  it('a block with as many added as removed lines is compared line by line (a cursor on each line)', () => {
    const counts = new LiveCounts(2);
    const old = ['let a = 1\n', 'let b = 2\n', 'let c = 3\n'];
    const step0 = replaceBlock(old, [BASELINE, BASELINE, BASELINE], ['let a = 1;\n', 'let b = 2;\n', 'let c = 3;\n'], 0, counts);
    assert.deepEqual([...counts.inserted], [3, 0], 'one ";" per line, not the lines between');
    assert.deepEqual(counts.live[0], 3);
    assert.deepEqual(step0[1], [BASELINE, 9, 0, 1, BASELINE, 1]);
  });

  it('a block of different line counts keeps the common prefix and suffix of the whole block', () => {
    const counts = new LiveCounts(1);
    const o = replaceBlock(['a();\n', 'b();\n'], [BASELINE, BASELINE], ['a();\n', 'x();\n', 'b();\n'], 0, counts);
    assert.deepEqual([...counts.inserted], [5]);
    assert.deepEqual(o, [BASELINE, 0, BASELINE]);
  });

  it('appends to a last line without a newline ("\\ No newline at end of file")', () => {
    const counts = new LiveCounts(1);
    const f = new TrackedFile('one\ntwo');
    f.apply('@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n+two!\n\\ No newline at end of file\n', 0, counts);
    assert.equal(f.text(), 'one\ntwo!');
    assert.deepEqual([...counts.inserted], [1]);
    f.apply('@@ -2,1 +2,2 @@\n-two!\n\\ No newline at end of file\n+two!\n+three\n', 0, counts);
    assert.equal(f.text(), 'one\ntwo!\nthree\n');
  });

  it('refuses a diff whose removed line differs from the tracked text, or whose hunk is outside the file', () => {
    const f = new TrackedFile('a\nb\n');
    assert.throws(() => f.apply('@@ -1,1 +1,1 @@\n-x\n+y\n', 0, new LiveCounts(1)), TrackError);
    assert.throws(() => f.apply('@@ -5,1 +5,1 @@\n-a\n+y\n', 0, new LiveCounts(1)), TrackError);
    assert.throws(() => f.apply('@@ -1,2 +1,2 @@\n context line of another length\n-b\n+c\n', 0, new LiveCounts(1)), TrackError);
  });

  it('a new baseline keeps the origins of unchanged leading and trailing lines and removes the changed middle', () => {
    const counts = new LiveCounts(2);
    const f = new TrackedFile('top\nmid\nend\n');
    f.apply('@@ -1,3 +1,3 @@\n-top\n+top!\n mid\n-end\n+end?\n', 0, counts);
    f.apply('@@ -1,3 +1,3 @@\n top!\n-mid\n+mid#\n end?\n', 1, counts);
    f.rebase('top!\nchanged in a pause\nend?\n', counts);
    assert.deepEqual([...counts.live], [2, 0]);
    assert.equal(f.text(), 'top!\nchanged in a pause\nend?\n');
  });

  it('follows random editing of the trajectory core exactly: the tracked text is the replayed text and every character has one origin', () => {
    const fragments = ['a', 'xyz', ' ', '\n', '\r\n', '😀', 'é', '}', '{\n  ', '<REDACTED:not-captured>'];
    const text = fc.array(fc.constantFrom(...fragments), { maxLength: 10 }).map((a) => a.join(''));
    const change = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat(8), text });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments, 'line of text\n'), { maxLength: 40 }).map((a) => a.join('')),
        fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 25 }),
        (base, steps) => {
          const r = recorder();
          let doc = base;
          r.builder.baseline('d', 'a.ts', 'typescript', doc, 0, 'open');
          let t = 0;
          for (const picks of steps) {
            // non-overlapping changes against the text before the event, as VS Code sends them
            const changes: { offset: number; deleted: number; inserted: string }[] = [];
            const sorted = picks
              .map((p) => {
                const offset = Math.floor(p.at * doc.length);
                return { offset, deleted: Math.min(p.len, doc.length - offset), inserted: p.text };
              })
              .sort((a, b) => a.offset - b.offset);
            for (const c of sorted) {
              const last = changes[changes.length - 1];
              if (!last || c.offset >= last.offset + last.deleted) changes.push(c);
            }
            doc = applyChanges(doc, changes);
            r.builder.change('d', changes, { label: 'typed', confidence: 1 }, (t += 10));
            r.builder.flush(t);
          }
          const edits = r.events.filter((e): e is EditEvent => e.kind === 'edit');
          const counts = new LiveCounts(edits.length);
          const f = new TrackedFile(base);
          edits.forEach((e, i) => f.apply(e.diff, i, counts));
          assert.equal(f.text(), replayTrajectory(r.events).finalText.get('a.ts'));
          const totals = originTotals(f);
          for (let i = 0; i < edits.length; i++) {
            assert.ok(counts.live[i] >= 0 && counts.live[i] <= counts.inserted[i], `step ${i}: 0 <= live <= inserted`);
            assert.equal(totals.get(i) ?? 0, counts.live[i], `step ${i}: live count is what the lines hold`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
