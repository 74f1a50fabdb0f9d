import * as assert from 'node:assert/strict';
import {
  ClipboardMemory,
  ExpectedCarets,
  caretsAfter,
  classifyChange,
  isOneGrapheme,
  needsClipboard,
  shortInsertion,
  touchesCursor,
  type ChangeFact,
  type ChangeFacts,
  type Cursor,
  type Pos,
} from '../../../src/capture/provenance';

const pos = (line: number, character: number): Pos => ({ line, character });
const caret = (line: number, character: number): Cursor => ({
  start: pos(line, character),
  end: pos(line, character),
  active: pos(line, character),
});
const insert = (line: number, character: number, text: string): ChangeFact => ({
  start: pos(line, character),
  end: pos(line, character),
  deleted: 0,
  inserted: text,
});
const replace = (l1: number, c1: number, l2: number, c2: number, deleted: number, text: string): ChangeFact => ({
  start: pos(l1, c1),
  end: pos(l2, c2),
  deleted,
  inserted: text,
});

function facts(changes: ChangeFact[], cursors: Cursor[], extra: Partial<ChangeFacts> = {}): ChangeFacts {
  return { changes, cursors, inActiveEditor: true, cleanAfter: false, reason: undefined, ...extra };
}

describe('provenance classifier', () => {
  it('one character typed at the caret is typed', () => {
    assert.equal(classifyChange(facts([insert(3, 4, 'x')], [caret(3, 4)])).label, 'typed');
  });

  it('an emoji (a surrogate pair) typed at the caret is one typed character', () => {
    const f = facts([insert(0, 0, '😀')], [caret(0, 0)]);
    assert.equal(needsClipboard(f), false);
    assert.equal(classifyChange(f).label, 'typed');
  });

  it('typing over a selection is typed', () => {
    const sel: Cursor = { start: pos(1, 2), end: pos(1, 6), active: pos(1, 6) };
    assert.equal(classifyChange(facts([replace(1, 2, 1, 6, 4, 'y')], [sel])).label, 'typed');
  });

  it('auto-closed pairs and Enter with indentation are typed, without asking the clipboard', () => {
    for (const text of ['()', '""', '\n    ', '\r\n\t']) {
      const f = facts([insert(2, 0, text)], [caret(2, 0)]);
      assert.equal(needsClipboard(f), false, JSON.stringify(text));
      assert.equal(classifyChange(f).label, 'typed', JSON.stringify(text));
    }
  });

  it('backspace and delete at the caret are deletions', () => {
    assert.equal(classifyChange(facts([replace(0, 3, 0, 4, 1, '')], [caret(0, 4)])).label, 'deletion');
    assert.equal(classifyChange(facts([replace(0, 4, 0, 5, 1, '')], [caret(0, 4)])).label, 'deletion');
  });

  it('a multi-character insertion at the caret equal to the clipboard is paste', () => {
    const f = facts([insert(5, 0, 'const x = 1;\nconst y = 2;')], [caret(5, 0)]);
    assert.equal(needsClipboard(f), true);
    assert.deepEqual(classifyChange(f, true), { label: 'paste', confidence: 0.95 });
  });

  it('a multi-character insertion at the caret that is not the clipboard is a completion', () => {
    const f = facts([insert(5, 7, 'computeTotal(items);')], [caret(5, 7)]);
    assert.equal(classifyChange(f, false).label, 'completion');
  });

  it('replacing the word before the caret with a longer one is a completion with more confidence', () => {
    const f = facts([replace(0, 5, 0, 9, 4, 'completionFromProvider')], [caret(0, 9)]);
    const p = classifyChange(f, false);
    assert.equal(p.label, 'completion');
    assert.equal(p.confidence, 0.8);
  });

  it('undo and redo come from the event reason, whatever the shape', () => {
    assert.equal(classifyChange(facts([insert(9, 9, 'long text')], [], { reason: 'undo', inActiveEditor: false })).label, 'undo');
    assert.equal(classifyChange(facts([insert(9, 9, 'x')], [caret(0, 0)], { reason: 'redo' })).label, 'redo');
  });

  it('a change to a document that is not in the focused editor is external', () => {
    assert.equal(classifyChange(facts([insert(0, 0, 'x')], [], { inActiveEditor: false })).label, 'external');
  });

  it('a change that leaves the document clean is a reload from disk: external', () => {
    const f = facts([replace(0, 0, 3, 0, 30, 'new\n')], [caret(1, 1)], { cleanAfter: true });
    assert.equal(needsClipboard(f), false);
    assert.equal(classifyChange(f).label, 'external');
  });

  it('one identical change at each of several carets is multi-cursor', () => {
    const f = facts([insert(0, 3, 'x'), insert(1, 3, 'x'), insert(2, 5, 'x')], [caret(0, 3), caret(1, 3), caret(2, 5)]);
    assert.equal(classifyChange(f).label, 'multi-cursor');
  });

  it('several changes away from the carets are a format or refactor', () => {
    const f = facts([replace(0, 1, 0, 5, 4, ' = '), replace(1, 1, 1, 4, 3, ' = ')], [caret(0, 0)]);
    assert.equal(classifyChange(f).label, 'format');
  });

  it('a single change away from the caret is a format or refactor with less confidence', () => {
    const p = classifyChange(facts([replace(40, 0, 40, 3, 3, 'let')], [caret(2, 0)]));
    assert.deepEqual(p, { label: 'format', confidence: 0.7 });
  });

  it('a change spanning lines around the caret (not the selection) is not at the caret', () => {
    assert.equal(touchesCursor(replace(0, 0, 4, 0, 50, 'x'), caret(2, 3)), false);
    assert.equal(touchesCursor(replace(2, 0, 2, 8, 8, 'x'), caret(2, 3)), true);
  });
});

describe('provenance of graphemes of several code units', () => {
  const graphemes = {
    'a Devanagari syllable': '\u0916\u093e', // खा
    'a letter with a combining accent': 'e\u0301',
    'an emoji with a zero-width joiner': '\u{1f469}\u200d\u{1f4bb}', // 👩‍💻
    'an emoji with a skin tone': '\u{1f44d}\u{1f3fd}',
    'a flag': '\u{1f1eb}\u{1f1f7}',
  };
  for (const [what, g] of Object.entries(graphemes)) {
    it(`${what} typed at the caret is one typed grapheme, without asking the clipboard`, () => {
      assert.equal(isOneGrapheme(g), true);
      const f = facts([insert(1, 2, g)], [caret(1, 2)]);
      assert.equal(needsClipboard(f), false);
      assert.deepEqual(classifyChange(f), { label: 'typed', confidence: 0.95 });
    });
  }

  it('two graphemes inserted at once are not one keystroke', () => {
    for (const text of ['ab', '\u{1f600}\u{1f600}', 'e\u0301e\u0301', '\u0916\u093e\u0916']) {
      assert.equal(isOneGrapheme(text), false, JSON.stringify(text));
      const f = facts([insert(0, 0, text)], [caret(0, 0)]);
      assert.equal(needsClipboard(f), true, JSON.stringify(text));
      assert.equal(classifyChange(f).label, 'completion', JSON.stringify(text));
    }
  });

  it('long text is never segmented: past 32 code units it is not one grapheme', () => {
    assert.equal(isOneGrapheme('e' + '\u0301'.repeat(40)), false);
    assert.equal(isOneGrapheme(''), false);
  });
});

describe('carets predicted from the change sequence', () => {
  it('the caret after an insertion is its end; after a deletion, its start', () => {
    assert.deepEqual(caretsAfter([insert(2, 4, 'x')]), [pos(2, 5)]);
    assert.deepEqual(caretsAfter([replace(2, 3, 2, 4, 1, '')]), [pos(2, 3)]);
    assert.deepEqual(caretsAfter([replace(1, 2, 1, 6, 4, 'yz')]), [pos(1, 4)]);
  });

  it('an insertion of several lines leaves the caret on its last line, whatever the line endings', () => {
    assert.deepEqual(caretsAfter([insert(3, 7, '\n    ')]), [pos(4, 4)]);
    assert.deepEqual(caretsAfter([insert(3, 7, 'a\r\nbc\r\nd')]), [pos(5, 1)]);
    assert.deepEqual(caretsAfter([insert(0, 0, 'a\rb')]), [pos(1, 1)]);
  });

  it('an auto-closed pair leaves the caret between its halves', () => {
    assert.deepEqual(caretsAfter([insert(0, 5, '()')]), [pos(0, 6)]);
  });

  it('several carets: earlier changes shift later ones, on their line and below', () => {
    // Two carets on line 0 and one on line 2, in the order the editor happens to list them.
    const typed = caretsAfter([insert(2, 1, 'xy'), insert(0, 5, 'xy'), insert(0, 1, 'xy')]);
    assert.deepEqual(typed, [pos(0, 3), pos(0, 9), pos(2, 3)]);
    // Enter at two carets on one line: the second moves down a line and to the new line's start.
    assert.deepEqual(caretsAfter([insert(0, 2, '\n'), insert(0, 6, '\n')]), [pos(1, 0), pos(2, 0)]);
    // A change joining lines 1–2 moves a caret on line 2 up, after the joined text.
    assert.deepEqual(caretsAfter([replace(1, 4, 2, 0, 1, ''), insert(2, 3, 'z')]), [pos(1, 4), pos(1, 8)]);
  });
});

describe('a burst whose selections reach the extension host late', () => {
  // What the real editor reported for text inserted by the browser in one go: each change
  // arrives while the editor's selection is still where the previous one left it.
  function burst(text: string, startCharacter: number, lagging: boolean) {
    const carets = new ExpectedCarets();
    const labels: string[] = [];
    carets.selected('doc', [caret(0, startCharacter)]);
    [...text].forEach((ch, i) => {
      const at = startCharacter + i;
      const seen = lagging ? Math.max(startCharacter, at - 1) : at;
      const f = facts([insert(0, at, ch)], [caret(0, seen)], { expected: carets.get('doc') });
      labels.push(classifyChange(f).label);
      carets.changed('doc', f);
      if (lagging && i > 0) carets.selected('doc', [caret(0, at)]); // the previous change's caret, reported late
    });
    return { labels, carets };
  }

  it('every character of the burst is typed, not format', () => {
    assert.deepEqual(burst('ghijkl', 6, true).labels, ['typed', 'typed', 'typed', 'typed', 'typed', 'typed']);
  });

  it('without the prediction the same burst reads as format after its first character', () => {
    const labels: string[] = [];
    [...'ghij'].forEach((ch, i) => labels.push(classifyChange(facts([insert(0, 6 + i, ch)], [caret(0, Math.max(6, 5 + i))])).label));
    assert.deepEqual(labels, ['typed', 'format', 'format', 'format']);
  });

  it('a burst through an auto-closed bracket stays typed', () => {
    const carets = new ExpectedCarets();
    const steps: [ChangeFact, Cursor][] = [
      [insert(0, 0, 'f'), caret(0, 0)],
      [insert(0, 1, '()'), caret(0, 0)],
      [insert(0, 2, 'x'), caret(0, 1)],
      [replace(0, 3, 0, 4, 1, ')'), caret(0, 1)], // typing over the closing half
      [insert(0, 4, ';'), caret(0, 2)],
    ];
    const labels = steps.map(([c, cur]) => {
      const f = facts([c], [cur], { expected: carets.get('doc') });
      carets.changed('doc', f);
      return classifyChange(f).label;
    });
    assert.deepEqual(labels, ['typed', 'typed', 'typed', 'typed', 'typed']);
  });

  it('several carets typing in a burst stay multi-cursor', () => {
    const carets = new ExpectedCarets();
    const stale = [caret(0, 3), caret(1, 3)];
    const labels = [0, 1, 2].map((i) => {
      const f = facts([insert(0, 3 + i, 'x'), insert(1, 3 + i, 'x')], stale, { expected: carets.get('doc') });
      carets.changed('doc', f);
      return classifyChange(f).label;
    });
    assert.deepEqual(labels, ['multi-cursor', 'multi-cursor', 'multi-cursor']);
  });

  it('a click elsewhere ends the prediction: an edit where the burst ended is then a format', () => {
    const { carets } = burst('abc', 0, false);
    assert.deepEqual(carets.get('doc'), [pos(0, 3)]);
    carets.selected('doc', [caret(9, 0)]);
    assert.equal(carets.get('doc'), undefined);
    assert.equal(classifyChange(facts([replace(0, 3, 0, 5, 2, '')], [caret(9, 0)], { expected: carets.get('doc') })).label, 'format');
  });

  it('a selection that is not empty, an undo, a change away from the carets or a background document end the prediction', () => {
    const ends: [string, (c: ExpectedCarets) => void][] = [
      ['a selection', (c) => c.selected('doc', [{ start: pos(0, 1), end: pos(0, 3), active: pos(0, 3) }])],
      ['an undo', (c) => c.changed('doc', facts([insert(0, 3, 'x')], [caret(0, 3)], { reason: 'undo' }))],
      ['a change away', (c) => c.changed('doc', facts([insert(7, 0, 'x')], [caret(0, 3)], { expected: c.get('doc') }))],
      ['a background document', (c) => c.changed('doc', facts([insert(0, 3, 'x')], [], { inActiveEditor: false }))],
    ];
    for (const [what, end] of ends) {
      const { carets } = burst('abc', 0, false);
      end(carets);
      assert.equal(carets.get('doc'), undefined, what);
    }
  });

  it('the selection the editor reports late for a predicted caret keeps the prediction', () => {
    const { carets } = burst('abcd', 0, false);
    carets.selected('doc', [caret(0, 2)]); // reported for the second character, after the fourth
    assert.deepEqual(carets.get('doc'), [pos(0, 4)]);
  });
});

describe('short pastes', () => {
  it('one character or a pair at the caret is a short insertion worth comparing; longer text, new lines and undo are not', () => {
    assert.equal(shortInsertion(facts([insert(0, 0, ')')], [caret(0, 0)])), ')');
    assert.equal(shortInsertion(facts([insert(0, 0, '[]')], [caret(0, 0)])), '[]');
    assert.equal(shortInsertion(facts([insert(0, 0, '\u{1f469}\u200d\u{1f4bb}')], [caret(0, 0)])), '\u{1f469}\u200d\u{1f4bb}');
    assert.equal(shortInsertion(facts([insert(0, 0, 'x'), insert(1, 0, 'x')], [caret(0, 0), caret(1, 0)])), 'x');
    assert.equal(shortInsertion(facts([insert(0, 0, 'xyz')], [caret(0, 0)])), undefined);
    assert.equal(shortInsertion(facts([insert(0, 0, '\n')], [caret(0, 0)])), undefined);
    assert.equal(shortInsertion(facts([insert(0, 0, ')')], [caret(0, 0)], { reason: 'undo' })), undefined);
    assert.equal(shortInsertion(facts([insert(5, 0, ')')], [caret(0, 0)])), undefined);
    assert.equal(shortInsertion(facts([insert(0, 0, ')')], [], { inActiveEditor: false })), undefined);
  });

  it('a short insertion equal to the clipboard is a paste, with the lower confidence of its ambiguity', () => {
    assert.deepEqual(classifyChange(facts([insert(0, 0, ')')], [caret(0, 0)]), true), { label: 'paste', confidence: 0.6 });
    assert.deepEqual(classifyChange(facts([replace(0, 0, 0, 3, 3, '{}')], [caret(0, 3)]), true), { label: 'paste', confidence: 0.6 });
    assert.equal(classifyChange(facts([insert(0, 0, ')')], [caret(0, 0)]), false).label, 'typed');
  });

  it('a bracket pair replacing a selection is not auto-closing: a completion unless it is the clipboard', () => {
    assert.equal(
      classifyChange(facts([replace(0, 0, 0, 3, 3, '()')], [{ start: pos(0, 0), end: pos(0, 3), active: pos(0, 3) }])).label,
      'completion',
    );
  });

  it('ordinary typing with a long clipboard never asks for a read once the clipboard is known', () => {
    const m = new ClipboardMemory();
    assert.equal(m.needsRead('a'), true, 'nothing known at first');
    m.learn('const x = computeTotal(items);', m.reading());
    for (const ch of 'let total = (a + b);') assert.equal(m.needsRead(ch), false, ch);
  });

  it('a short clipboard is confirmed by a read only when the insertion equals it', () => {
    const m = new ClipboardMemory();
    m.learn(')', m.reading());
    assert.equal(m.needsRead('x'), false);
    assert.equal(m.needsRead(')'), true);
  });

  it('focus regained or a short selection made the memory stale until the next read', () => {
    const m = new ClipboardMemory();
    m.learn('some longer text', m.reading());
    m.invalidate();
    assert.equal(m.needsRead('x'), true);
    m.learn('y', m.reading());
    assert.equal(m.needsRead('x'), false);
  });

  it('a read overtaken by an invalidation does not make the memory current', () => {
    const m = new ClipboardMemory();
    const token = m.reading();
    m.invalidate(); // the user copied something while the read was on its way
    m.learn('old text', token);
    assert.equal(m.needsRead('x'), true);
  });
});
