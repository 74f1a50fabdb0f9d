// Decides where a change came from, from plain facts about it: its ranges, the cursors
// before it, the event's reason, and whether the editor showing it had focus. VS Code has
// no event for another provider's completion being accepted, so completions are inferred:
// a multi-character insertion at the cursor that is not a paste, not an auto-closed pair,
// not one typed grapheme and not a new line with its indentation.
import type { Provenance } from '../protocol/schema';

export interface Pos {
  line: number;
  character: number;
}

export interface ChangeFact {
  start: Pos;
  end: Pos;
  /** Deleted length and inserted text, in UTF-16 code units. */
  deleted: number;
  inserted: string;
}

export interface Cursor {
  start: Pos;
  end: Pos;
  /** Where the caret is (one end of the selection). */
  active: Pos;
}

export interface ChangeFacts {
  changes: readonly ChangeFact[];
  reason?: 'undo' | 'redo' | undefined;
  /** The document is shown in the focused editor, whose cursors are given. */
  inActiveEditor: boolean;
  /** Selections of that editor as they were before this change. */
  cursors: readonly Cursor[];
  /** The document has no unsaved changes after this one: it was reloaded from disk. */
  cleanAfter: boolean;
}

const AUTO_PAIRS = new Set(['()', '[]', '{}', '""', "''", '``', '<>']);
const NEW_LINE_WITH_INDENT = /^\r?\n[ \t]*$/;

function cmp(a: Pos, b: Pos): number {
  return a.line - b.line || a.character - b.character;
}

function samePos(a: Pos, b: Pos): boolean {
  return a.line === b.line && a.character === b.character;
}

/** Longer than this, an insertion is never one grapheme (the longest emoji sequences are ~11 code points). */
const GRAPHEME_MAX = 32;
const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

function isSurrogatePair(s: string): boolean {
  if (s.length !== 2) return false;
  const hi = s.charCodeAt(0);
  const lo = s.charCodeAt(1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/**
 * One user-perceived character: typing is per grapheme, and one keystroke or input-method
 * commit can insert several code units (an emoji with modifiers or ZWJ, a letter with
 * combining marks, a Devanagari syllable). Segments only short text.
 */
export function isOneGrapheme(s: string): boolean {
  if (s.length === 1 || isSurrogatePair(s)) return true;
  if (s.length === 0 || s.length > GRAPHEME_MAX || !graphemes) return false;
  const first = graphemes.segment(s)[Symbol.iterator]().next();
  return !first.done && first.value.segment.length === s.length;
}

/** The change was made where a caret or selection is: typing, deleting, accepting. */
export function touchesCursor(c: ChangeFact, cur: Cursor): boolean {
  if (samePos(c.start, cur.start) && samePos(c.end, cur.end)) return true; // replaced the selection
  if (samePos(c.end, cur.active) || samePos(c.start, cur.active)) return true;
  // A completion may replace the whole word around the caret, on one line.
  return c.start.line === c.end.line && c.start.line === cur.active.line
    && cmp(c.start, cur.active) <= 0 && cmp(cur.active, c.end) <= 0;
}

/** Whether the classifier needs to know if the inserted text equals the clipboard. */
export function needsClipboard(f: ChangeFacts): boolean {
  if (f.reason || !f.inActiveEditor || f.cleanAfter || f.changes.length === 0) return false;
  const text = f.changes[0].inserted;
  if (text.length < 2 || isOneGrapheme(text) || AUTO_PAIRS.has(text) || NEW_LINE_WITH_INDENT.test(text)) return false;
  if (f.changes.some((c) => c.inserted !== text)) return false;
  return atCursors(f) !== 'away';
}

/** 'one': a single change at a cursor; 'each': one change at each of several cursors. */
function atCursors(f: ChangeFacts): 'one' | 'each' | 'away' {
  const { changes, cursors } = f;
  if (changes.length === 1) return cursors.some((cur) => touchesCursor(changes[0], cur)) ? 'one' : 'away';
  if (cursors.length < 2 || changes.length !== cursors.length) return 'away';
  // Both lists are small (one entry per cursor); match each change to a distinct cursor.
  const used = new Set<number>();
  for (const c of changes) {
    const i = cursors.findIndex((cur, k) => !used.has(k) && touchesCursor(c, cur));
    if (i < 0) return 'away';
    used.add(i);
  }
  return 'each';
}

/**
 * Labels one change event. `clipboardMatches` is the answer to `needsClipboard`, when it
 * was asked: whether the inserted text equals the clipboard's (never the text itself).
 */
export function classifyChange(f: ChangeFacts, clipboardMatches = false): Provenance {
  if (f.reason === 'undo') return { label: 'undo', confidence: 1 };
  if (f.reason === 'redo') return { label: 'redo', confidence: 1 };
  if (f.cleanAfter) return { label: 'external', confidence: 0.95 }; // reloaded from disk
  if (!f.inActiveEditor) return { label: 'external', confidence: 0.9 };
  const where = atCursors(f);
  if (where === 'away') return { label: 'format', confidence: f.changes.length > 1 ? 0.85 : 0.7 };
  if (clipboardMatches) return { label: 'paste', confidence: 0.95 };
  if (where === 'each') return { label: 'multi-cursor', confidence: 0.95 };
  const c = f.changes[0];
  if (c.inserted.length === 0) return { label: 'deletion', confidence: 0.95 };
  if (isOneGrapheme(c.inserted)) return { label: 'typed', confidence: 0.95 };
  if (c.deleted === 0 && AUTO_PAIRS.has(c.inserted)) return { label: 'typed', confidence: 0.85 };
  if (NEW_LINE_WITH_INDENT.test(c.inserted)) return { label: 'typed', confidence: 0.9 };
  // Replacing the word before the caret with a longer one is the suggest widget's shape.
  const replacesPrefix = c.deleted > 0 && c.deleted < c.inserted.length && c.start.line === c.end.line;
  return { label: 'completion', confidence: replacesPrefix ? 0.8 : 0.7 };
}
