// Decides where a change came from, from plain facts about it: its ranges, the cursors
// before it, the event's reason, and whether the editor showing it had focus. VS Code has
// no event for another provider's completion being accepted, so completions are inferred:
// a multi-character insertion at the cursor that is not a paste, not an auto-closed pair,
// not one typed grapheme and not a new line with its indentation.
import type { Provenance } from '@codetrail/protocol';

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
  /** Selections of that editor as the extension host knows them (they can lag behind a burst). */
  cursors: readonly Cursor[];
  /** Where the carets are after the previous changes at the carets, derived from those changes. */
  expected?: readonly Pos[] | undefined;
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
// Made when first needed: constructing one costs ~15 ms (ICU's break rules), a fifth of loading
// the capture side, and most keystrokes never reach it.
let graphemes: Intl.Segmenter | null | undefined;

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
  if (s.length === 0 || s.length > GRAPHEME_MAX) return false;
  graphemes ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  if (!graphemes) return false;
  const first = graphemes.segment(s)[Symbol.iterator]().next();
  return !first.done && first.value.segment.length === s.length;
}

/** Text a keystroke can insert that may just as well be a short paste: one grapheme or a bracket pair, never a line break. */
export function isShortText(s: string): boolean {
  if (s.length === 0 || s.includes('\n') || s.includes('\r')) return false;
  return AUTO_PAIRS.has(s) || isOneGrapheme(s);
}

/** The change was made where a caret or selection is: typing, deleting, accepting. */
export function touchesCursor(c: ChangeFact, cur: Cursor): boolean {
  if (samePos(c.start, cur.start) && samePos(c.end, cur.end)) return true; // replaced the selection
  if (samePos(c.end, cur.active) || samePos(c.start, cur.active)) return true;
  // A completion may replace the whole word around the caret, on one line.
  return c.start.line === c.end.line && c.start.line === cur.active.line && cmp(c.start, cur.active) <= 0 && cmp(cur.active, c.end) <= 0;
}

/** Whether the classifier needs to know if the inserted text equals the clipboard. */
export function needsClipboard(f: ChangeFacts): boolean {
  if (f.reason || !f.inActiveEditor || f.cleanAfter || f.changes.length === 0) return false;
  const text = f.changes[0].inserted;
  if (text.length < 2 || isOneGrapheme(text) || AUTO_PAIRS.has(text) || NEW_LINE_WITH_INDENT.test(text)) return false;
  if (f.changes.some((c) => c.inserted !== text)) return false;
  return atCursors(f) !== 'away';
}

/**
 * The text of an insertion that reads as typing by its shape but may be a short paste (one
 * grapheme or a bracket pair at each caret), or undefined. Only such insertions are worth
 * comparing with the clipboard; the caller decides how cheaply (see ClipboardMemory).
 */
export function shortInsertion(f: ChangeFacts): string | undefined {
  if (f.reason || !f.inActiveEditor || f.cleanAfter || f.changes.length === 0) return undefined;
  const text = f.changes[0].inserted;
  if (!isShortText(text) || f.changes.some((c) => c.inserted !== text)) return undefined;
  return atCursors(f) === 'away' ? undefined : text;
}

/** 'one': a single change at a cursor; 'each': one change at each of several cursors. */
function atCursors(f: ChangeFacts): 'one' | 'each' | 'away' {
  const byEditor = matchCursors(f.changes, f.cursors);
  if (byEditor !== 'away' || !f.expected?.length) return byEditor;
  // The editor's selections reach the extension host late during a burst; the carets the
  // previous changes left behind say where this one is expected.
  return matchCursors(
    f.changes,
    f.expected.map((p) => ({ start: p, end: p, active: p })),
  );
}

function matchCursors(changes: readonly ChangeFact[], cursors: readonly Cursor[]): 'one' | 'each' | 'away' {
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
 * Labels one change event. `clipboardMatches` is the answer to `needsClipboard` or, for a
 * `shortInsertion`, to the clipboard comparison when one was made: whether the inserted text
 * equals the clipboard's (never the text itself).
 */
export function classifyChange(f: ChangeFacts, clipboardMatches = false): Provenance {
  if (f.reason === 'undo') return { label: 'undo', confidence: 1 };
  if (f.reason === 'redo') return { label: 'redo', confidence: 1 };
  if (f.cleanAfter) return { label: 'external', confidence: 0.95 }; // reloaded from disk
  if (!f.inActiveEditor) return { label: 'external', confidence: 0.9 };
  const where = atCursors(f);
  if (where === 'away') return { label: 'format', confidence: f.changes.length > 1 ? 0.85 : 0.7 };
  const c = f.changes[0];
  // Typing the one character the clipboard holds looks exactly like pasting it.
  if (clipboardMatches) return { label: 'paste', confidence: isShortText(c.inserted) ? 0.6 : 0.95 };
  if (where === 'each') return { label: 'multi-cursor', confidence: 0.95 };
  if (c.inserted.length === 0) return { label: 'deletion', confidence: 0.95 };
  if (isOneGrapheme(c.inserted)) return { label: 'typed', confidence: 0.95 };
  if (c.deleted === 0 && AUTO_PAIRS.has(c.inserted)) return { label: 'typed', confidence: 0.85 };
  if (NEW_LINE_WITH_INDENT.test(c.inserted)) return { label: 'typed', confidence: 0.9 };
  // Replacing the word before the caret with a longer one is the suggest widget's shape.
  const replacesPrefix = c.deleted > 0 && c.deleted < c.inserted.length && c.start.line === c.end.line;
  return { label: 'completion', confidence: replacesPrefix ? 0.8 : 0.7 };
}

/**
 * Where the carets are after a change made at them, in the document as it is after it: the
 * end of each insertion (between the two halves of an auto-closed pair). O(changes + text).
 */
export function caretsAfter(changes: readonly ChangeFact[]): Pos[] {
  const sorted = changes.length > 1 ? [...changes].sort((a, b) => cmp(a.start, b.start)) : changes;
  const carets: Pos[] = [];
  // Earlier changes shift later ones: by lines, and by characters on the line where they end.
  let lineShift = 0;
  let shiftedLine = -1;
  let charShift = 0;
  for (const c of sorted) {
    const line = c.start.line + lineShift;
    const character = c.start.character + (c.start.line === shiftedLine ? charShift : 0);
    const { breaks, lastLine } = lineBreaks(c.inserted);
    const end = breaks === 0 ? { line, character: character + c.inserted.length } : { line: line + breaks, character: lastLine };
    carets.push(c.deleted === 0 && AUTO_PAIRS.has(c.inserted) ? { line, character: character + 1 } : end);
    lineShift += breaks - (c.end.line - c.start.line);
    shiftedLine = c.end.line;
    charShift = end.character - c.end.character;
  }
  return carets;
}

function lineBreaks(s: string): { breaks: number; lastLine: number } {
  let breaks = 0;
  let lineStart = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 13 /* \r */ && s.charCodeAt(i + 1) === 10) i++;
    if (ch === 13 || ch === 10) {
      breaks++;
      lineStart = i + 1;
    }
  }
  return { breaks, lastLine: s.length - lineStart };
}

/** How many caret predictions a late selection report may echo. */
const ECHO_WINDOW = 16;

/**
 * Per document, the carets the change sequence itself predicts: each change made at the
 * carets leaves them at its end, where the next keystroke of a burst arrives even though the
 * editor's selections reach the extension host only later. A selection report that is not one
 * of those recent predictions (a click, an arrow key) ends the prediction; so does any change
 * away from the carets, an undo or redo, or one in a document that is not focused.
 */
export class ExpectedCarets {
  private readonly docs = new Map<string, { carets: Pos[]; recent: string[] }>();

  get(key: string): readonly Pos[] | undefined {
    return this.docs.get(key)?.carets;
  }

  /** After a change event, with the facts it was classified from. */
  changed(key: string, f: ChangeFacts): void {
    if (f.reason || !f.inActiveEditor || f.changes.length === 0 || atCursors(f) === 'away') {
      this.docs.delete(key);
      return;
    }
    const carets = caretsAfter(f.changes);
    const doc = this.docs.get(key) ?? { carets, recent: [] };
    doc.carets = carets;
    doc.recent.push(caretsKey(carets));
    if (doc.recent.length > ECHO_WINDOW) doc.recent.shift();
    this.docs.set(key, doc);
  }

  /** The editor reported its selections for the document. */
  selected(key: string, selections: readonly Cursor[]): void {
    const doc = this.docs.get(key);
    if (!doc) return;
    const echo = selections.every((s) => samePos(s.start, s.end)) && doc.recent.includes(caretsKey(selections.map((s) => s.active)));
    if (!echo) this.docs.delete(key);
  }

  forget(key: string): void {
    this.docs.delete(key);
  }

  clear(): void {
    this.docs.clear();
  }
}

function caretsKey(carets: readonly Pos[]): string {
  return carets
    .map((p) => `${p.line}:${p.character}`)
    .sort()
    .join(' ');
}

/**
 * What the adapter remembers of the clipboard, to tell a short paste from a keystroke without
 * reading the clipboard on every keystroke: the clipboard's text only when it is itself short
 * (one grapheme or a pair; anything longer is forgotten at once), and whether that is still
 * current. It stops being current whenever the clipboard may have changed unseen: the window
 * regains focus (a copy elsewhere), a short selection is made in an editor (a copy here).
 */
export class ClipboardMemory {
  private short: string | undefined;
  private current = false;
  private epoch = 0;

  /** The clipboard may have changed since it was last read. */
  invalidate(): void {
    this.current = false;
    this.epoch++;
  }

  /** Token for a read about to start; pass it to `learn`. */
  reading(): number {
    return this.epoch;
  }

  /** The clipboard as read; a read overtaken by an invalidation does not make the memory current. */
  learn(text: string, token: number): void {
    this.short = isShortText(text) ? text : undefined;
    if (token === this.epoch) this.current = true;
  }

  /**
   * Whether a short insertion needs the clipboard read before it can be labelled: when the
   * memory is not current, and when it says the insertion is the clipboard (confirmed, since
   * another view or extension may have changed the clipboard without a sign). An insertion
   * that differs from a current memory reads as typed with no read at all.
   */
  needsRead(inserted: string): boolean {
    return !this.current || this.short === inserted;
  }
}
