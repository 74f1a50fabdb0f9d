// The replay law under random editing: whatever changes arrive, the recorded trajectory
// replays byte for byte to the document's real text.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { replayTrajectory } from '@codetrail/protocol/internal/replay';
import { validateEvent, PROVENANCE_LABELS, type ProvenanceLabel } from '@codetrail/protocol/internal/schema';
import type { ContentChange } from '../../../src/capture/trajectory';
import { applyChanges, recorder } from '../../support/recorder';

/** Fragments that stress line handling and UTF-16: CRLF, lone CR, BOM, emoji, astral CJK. */
const fragments = ['a', 'b', 'xyz', ' ', '\t', '\n', '\r\n', '\r', '\n\n', '\uFEFF', '😀', '𝒳', '👩‍💻', 'é', '\u2028', '}', '{\n  ', '\\'];
const textArb = fc.array(fc.constantFrom(...fragments), { maxLength: 12 }).map((a) => a.join(''));
const baselineArb = fc.oneof(
  fc.constant(''),
  fc.constant('\n'),
  fc.constant('no final newline'),
  fc.constant('\uFEFFbom first\r\nline\r\n'),
  fc.array(fc.constantFrom(...fragments, 'line of text\n', 'other line\r\n'), { maxLength: 60, size: 'max' }).map((a) => a.join('')),
);

type Action =
  | { t: 'change'; picks: { at: number; len: number; text: string }[]; label: ProvenanceLabel; dt: number }
  | { t: 'cursor'; at: number; dt: number }
  | { t: 'save'; dt: number }
  | { t: 'tick'; dt: number }
  | { t: 'switch'; dt: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      t: fc.constant('change' as const),
      picks: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat(6), text: textArb }), {
        minLength: 1,
        maxLength: 4,
      }),
      label: fc.constantFrom(...PROVENANCE_LABELS),
      dt: fc.oneof(fc.nat(300), fc.nat(5000)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('cursor' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), dt: fc.nat(100) }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('save' as const), dt: fc.nat(100) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('tick' as const), dt: fc.nat(5000) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('switch' as const), dt: fc.nat(100) }) },
);

/** Turns random picks into non-overlapping changes relative to `text`, as VS Code sends them. */
function toChanges(text: string, picks: { at: number; len: number; text: string }[]): ContentChange[] {
  const changes: ContentChange[] = [];
  let limit = text.length;
  // Pick from the end backwards so ranges never overlap, and report them highest first.
  for (const p of [...picks].sort((a, b) => b.at - a.at)) {
    const offset = Math.min(Math.floor(p.at * (text.length + 1)), limit);
    const deleted = Math.min(p.len, limit - offset);
    changes.push({ offset, deleted, inserted: p.text });
    limit = offset - 1;
    if (limit < 0) break;
  }
  return changes;
}

function run(baselines: [string, string], actions: Action[], redact?: (t: string) => string) {
  const r = recorder({ idleMs: 1000, maxChangesPerStep: 7, maxStepChars: 64, cursorJumpChars: 5 }, redact);
  const texts = [...baselines];
  let time = 0;
  let cur = 0;
  r.builder.baseline('d0', 'src/zero.txt', 'plaintext', texts[0], time, 'open');
  r.builder.baseline('d1', 'src/one.txt', 'plaintext', texts[1], time, 'open');
  for (const a of actions) {
    time += a.dt;
    const key = 'd' + cur;
    switch (a.t) {
      case 'change': {
        const changes = toChanges(texts[cur], a.picks);
        texts[cur] = applyChanges(texts[cur], changes);
        r.builder.change(key, changes, { label: a.label, confidence: 1 }, time);
        break;
      }
      case 'cursor':
        r.builder.cursor(key, Math.floor(a.at * texts[cur].length), time);
        break;
      case 'save':
        r.builder.save(key, time);
        break;
      case 'tick':
        r.builder.tick(time);
        break;
      case 'switch':
        cur = 1 - cur;
        break;
    }
    assert.equal(r.builder.currentText('d0'), texts[0]);
    assert.equal(r.builder.currentText('d1'), texts[1]);
  }
  r.builder.flush(time + 1);
  return { events: r.events, texts };
}

describe('trajectory core: the replay law (property-based)', () => {
  it('random insert/delete/replace sessions over two files replay byte-exact (1,500 runs)', () => {
    fc.assert(
      fc.property(baselineArb, baselineArb, fc.array(actionArb, { maxLength: 60, size: 'max' }), (b0, b1, actions) => {
        const { events, texts } = run([b0, b1], actions);
        const report = replayTrajectory(events);
        assert.deepEqual(report.mismatches, []);
        assert.equal(report.finalText.get('src/zero.txt'), texts[0]);
        assert.equal(report.finalText.get('src/one.txt'), texts[1]);
      }),
      { numRuns: 1500 },
    );
  });

  it('with a redactor, the redacted trajectory replays to the redaction of the real text (800 runs)', () => {
    // A line-local stand-in for the redaction engine: digits and the word "secret" vanish.
    const redact = (t: string) => t.replace(/[0-9]+|secret/g, '#');
    const withDigits = fc
      .array(fc.constantFrom(...fragments, '42', 'secret', 'x9', '\n7\n', 'row 12\n', 'plain\n', 'x\n', '\n', 'y 3\n', 'z\r\n'), {
        maxLength: 80,
        size: 'max',
      })
      .map((a) => a.join(''));
    const digitActions = fc.array(
      fc.oneof(
        actionArb,
        fc.record({
          t: fc.constant('change' as const),
          picks: fc.array(
            fc.record({
              at: fc.double({ min: 0, max: 1, noNaN: true }),
              len: fc.nat(4),
              text: fc.constantFrom('1', '23', 'secret', 'sec', 'ret', '\n5'),
            }),
            { minLength: 1, maxLength: 3 },
          ),
          label: fc.constant('typed' as const),
          dt: fc.nat(300),
        }),
      ),
      { maxLength: 60, size: 'max' },
    );
    fc.assert(
      fc.property(withDigits, withDigits, digitActions, (b0, b1, actions) => {
        const { events, texts } = run([b0, b1], actions, redact);
        const report = replayTrajectory(events);
        assert.deepEqual(report.mismatches, []);
        assert.equal(report.finalText.get('src/zero.txt'), redact(texts[0]));
        assert.equal(report.finalText.get('src/one.txt'), redact(texts[1]));
        for (const e of events) assert.doesNotMatch(JSON.stringify(e), /secret/);
      }),
      { numRuns: 800 },
    );
  });

  it('every event it emits is valid against the schema and numbered in order (300 runs)', () => {
    fc.assert(
      fc.property(baselineArb, fc.array(actionArb, { maxLength: 30 }), (b0, actions) => {
        const { events } = run([b0, ''], actions);
        events.forEach((e, i) => {
          assert.equal(e.seq, i);
          const v = validateEvent(JSON.parse(JSON.stringify(e)));
          assert.ok(v.ok, v.ok ? '' : v.error);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('typing char by char into a 1 MB single line replays and stays a small diff', () => {
    const line = 'x'.repeat(1024 * 1024);
    const r = recorder();
    r.builder.baseline('d', 'min.js', 'javascript', line, 0, 'open');
    let text = line;
    for (let i = 0; i < 200; i++) {
      const c = { offset: 500_000 + i, deleted: 0, inserted: 'ab'[i % 2] };
      text = applyChanges(text, [c]);
      r.builder.change('d', [c], { label: 'typed', confidence: 1 }, i);
    }
    r.builder.flush(1000);
    const report = replayTrajectory(r.events);
    assert.deepEqual(report.mismatches, []);
    assert.equal(report.finalText.get('min.js'), text);
  });

  it('cuts steps at idle gaps, saves, provenance changes, cursor jumps and file switches', () => {
    const r = recorder({ idleMs: 1000, cursorJumpChars: 10 });
    const base = 'a\n'.repeat(100);
    r.builder.baseline('d', 'f.txt', 'plaintext', base, 0, 'open');
    r.builder.baseline('e', 'g.txt', 'plaintext', base, 0, 'open');
    const t = { label: 'typed' as const, confidence: 1 };
    r.builder.change('d', [{ offset: 0, deleted: 0, inserted: 'x' }], t, 0);
    r.builder.change('d', [{ offset: 1, deleted: 0, inserted: 'y' }], t, 2000); // idle
    r.builder.change('d', [{ offset: 2, deleted: 0, inserted: 'z' }], { label: 'paste', confidence: 1 }, 2100); // provenance
    r.builder.cursor('d', 150, 2200); // cursor jump
    r.builder.change('d', [{ offset: 150, deleted: 0, inserted: 'w' }], t, 2300);
    r.builder.save('d', 2400); // save
    r.builder.change('d', [{ offset: 0, deleted: 1, inserted: '' }], { label: 'deletion', confidence: 1 }, 2500);
    r.builder.change('e', [{ offset: 0, deleted: 0, inserted: 'q' }], t, 2600); // switch
    r.builder.flush(3000);
    const cuts = r.events.filter((e) => e.kind === 'edit').map((e) => (e.kind === 'edit' ? e.cut : ''));
    assert.deepEqual(cuts, ['idle', 'provenance', 'cursor', 'save', 'switch', 'flush']);
    assert.deepEqual(replayTrajectory(r.events).mismatches, []);
  });

  it('coalesces a burst of typing into one step with one diff', () => {
    const r = recorder();
    r.builder.baseline('d', 'f.ts', 'typescript', 'const a = 1;\n', 0, 'open');
    const word = 'const b = 2;\n';
    for (let i = 0; i < word.length; i++) {
      r.builder.change('d', [{ offset: 13 + i, deleted: 0, inserted: word[i] }], { label: 'typed', confidence: 1 }, i * 50);
    }
    r.builder.flush(5000);
    const edits = r.events.filter((e) => e.kind === 'edit');
    assert.equal(edits.length, 1);
    assert.equal(edits[0].kind === 'edit' && edits[0].changeCount, word.length);
    assert.equal(edits[0].kind === 'edit' && edits[0].diff, '--- a/f.ts\n+++ b/f.ts\n@@ -1,1 +1,2 @@\n const a = 1;\n+const b = 2;\n');
  });

  it('emits nothing for changes that cancel out', () => {
    const r = recorder();
    r.builder.baseline('d', 'f.txt', 'plaintext', 'abc\n', 0, 'open');
    r.builder.change('d', [{ offset: 1, deleted: 0, inserted: 'X' }], { label: 'typed', confidence: 1 }, 1);
    r.builder.change('d', [{ offset: 1, deleted: 1, inserted: '' }], { label: 'typed', confidence: 1 }, 2);
    r.builder.flush(3);
    assert.deepEqual(
      r.events.map((e) => e.kind),
      ['file.baseline'],
    );
  });

  it('throws a DesyncError instead of recording a change outside the document', () => {
    const r = recorder();
    r.builder.baseline('d', 'f.txt', 'plaintext', 'abc', 0, 'open');
    assert.throws(
      () => r.builder.change('d', [{ offset: 2, deleted: 5, inserted: '' }], { label: 'typed', confidence: 1 }, 1),
      /outside a document/,
    );
  });
});
