import * as assert from 'node:assert/strict';
import {
  classifyChange, isOneGrapheme, needsClipboard, touchesCursor,
  type ChangeFact, type ChangeFacts, type Cursor, type Pos,
} from '../../../src/capture/provenance';

const pos = (line: number, character: number): Pos => ({ line, character });
const caret = (line: number, character: number): Cursor => ({ start: pos(line, character), end: pos(line, character), active: pos(line, character) });
const insert = (line: number, character: number, text: string): ChangeFact => ({ start: pos(line, character), end: pos(line, character), deleted: 0, inserted: text });
const replace = (l1: number, c1: number, l2: number, c2: number, deleted: number, text: string): ChangeFact => ({ start: pos(l1, c1), end: pos(l2, c2), deleted, inserted: text });

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
