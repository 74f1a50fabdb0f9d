import * as assert from 'node:assert/strict';
import {
  changeFacts,
  cleanAfter,
  contentChanges,
  DirtyVersions,
  offProvenance,
  type RawChangeEvent,
} from '../../../src/capture/change-event';

const pos = (line: number, character: number) => ({ line, character });
const caret = (line: number, character: number) => ({
  start: pos(line, character),
  end: pos(line, character),
  active: pos(line, character),
});

const event = (patch: Partial<RawChangeEvent> = {}): RawChangeEvent => ({
  contentChanges: [
    { range: { start: pos(0, 2), end: pos(0, 4) }, rangeOffset: 2, rangeLength: 2, text: 'ab' },
    { range: { start: pos(1, 0), end: pos(1, 0) }, rangeOffset: 9, rangeLength: 0, text: 'x' },
  ],
  reason: undefined,
  isDirty: true,
  isUntitled: false,
  inActiveEditor: true,
  selections: [caret(0, 4)],
  ...patch,
});

describe('change events from the editor', () => {
  it('become offset changes in the order given', () => {
    assert.deepEqual(contentChanges(event()), [
      { offset: 2, deleted: 2, inserted: 'ab' },
      { offset: 9, deleted: 0, inserted: 'x' },
    ]);
  });

  it('become provenance facts with the carets and the expected carets of the focused editor', () => {
    const f = changeFacts(event({ reason: 'undo' }), [pos(0, 3)]);
    assert.deepEqual(f.changes[0], { start: pos(0, 2), end: pos(0, 4), deleted: 2, inserted: 'ab' });
    assert.equal(f.reason, 'undo');
    assert.equal(f.inActiveEditor, true);
    assert.deepEqual(f.cursors, [caret(0, 4)]);
    assert.deepEqual(f.expected, [pos(0, 3)]);
    assert.equal(f.cleanAfter, false);
  });

  it('in a document not in the focused editor carry no carets, whatever is passed', () => {
    const f = changeFacts(event({ inActiveEditor: false }), [pos(0, 3)]);
    assert.deepEqual(f.cursors, []);
    assert.equal(f.expected, undefined);
  });

  it('that leave a saved file clean were read from disk; an untitled document never was', () => {
    assert.equal(cleanAfter({ isDirty: false, isUntitled: false }), true);
    assert.equal(cleanAfter({ isDirty: true, isUntitled: false }), false);
    assert.equal(cleanAfter({ isDirty: false, isUntitled: true }), false);
    assert.equal(changeFacts(event({ isDirty: false }), undefined).cleanAfter, true);
  });

  it('while capture is off: text from disk is external, anything else of unknown origin', () => {
    assert.deepEqual(offProvenance({ isDirty: false, isUntitled: false }), { label: 'external', confidence: 0 });
    assert.deepEqual(offProvenance({ isDirty: true, isUntitled: false }), { label: 'unknown', confidence: 0 });
    assert.deepEqual(offProvenance({ isDirty: false, isUntitled: true }), { label: 'unknown', confidence: 0 });
  });

  it('a change reported clean is judged by whether its own version was reported dirty since, not by the flag read later', () => {
    const d = new DirtyVersions();
    const doc = 'file:///w/undo.txt';
    // The first keystroke (version 2) arrives with the document clean; its dirty flag follows.
    assert.equal(d.dirtyAfter(doc, 2), false, 'nothing reported yet');
    d.saw(doc, 2);
    // More typing (3, 4), then an undo back to the saved text (5, clean): version 2 stays typed.
    d.saw(doc, 3);
    d.saw(doc, 4);
    assert.equal(d.dirtyAfter(doc, 2), true);
    // A reload from disk (6) with nothing reported dirty since is read from disk.
    assert.equal(d.dirtyAfter(doc, 6), false);
    // Versions are per document, and forgotten with it.
    assert.equal(d.dirtyAfter('file:///w/other.txt', 2), false);
    d.saw(doc, 1);
    assert.equal(d.dirtyAfter(doc, 4), true, 'an older report does not lower the version');
    d.forget(doc);
    assert.equal(d.dirtyAfter(doc, 2), false);
  });
});
