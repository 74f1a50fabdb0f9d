// Translation of an editor change event into what the recorder and provenance need. The
// adapter (documents.vscode.ts) only copies the event's fields into a RawChangeEvent; every
// decision on them is made here, where it is unit-tested.
import type { ChangeFacts, Cursor, Pos } from './provenance';
import type { ContentChange } from './trajectory';

export interface RawContentChange {
  range: { start: Pos; end: Pos };
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

export interface RawChangeEvent {
  contentChanges: readonly RawContentChange[];
  /** The change's reason as the editor gives it: an undo, a redo, or nothing said. */
  reason: 'undo' | 'redo' | undefined;
  /** The document after the change. */
  isDirty: boolean;
  isUntitled: boolean;
  /** The document is in the focused editor, whose selections follow. */
  inActiveEditor: boolean;
  selections: readonly Cursor[];
}

/** The changes by offset, as the trajectory builder applies them. */
export function contentChanges(e: RawChangeEvent): ContentChange[] {
  return e.contentChanges.map((c) => ({ offset: c.rangeOffset, deleted: c.rangeLength, inserted: c.text }));
}

/** A document still clean after a change was reloaded from disk (a revert, a checkout): that text was not typed here. */
export function cleanAfter(e: Pick<RawChangeEvent, 'isDirty' | 'isUntitled'>): boolean {
  return !e.isDirty && !e.isUntitled;
}

/** What provenance is judged from, given where the carets were expected to be. */
export function changeFacts(e: RawChangeEvent, expected: readonly Pos[] | undefined): ChangeFacts {
  return {
    changes: e.contentChanges.map((c) => ({ start: c.range.start, end: c.range.end, deleted: c.rangeLength, inserted: c.text })),
    reason: e.reason,
    inActiveEditor: e.inActiveEditor,
    cursors: e.inActiveEditor ? e.selections : [],
    expected: e.inActiveEditor ? expected : undefined,
    cleanAfter: cleanAfter(e),
  };
}

/**
 * The provenance of a change while capture is off (followed and tainted, never recorded):
 * text read from disk is 'external' — not typed here, so not fingerprinted as typed.
 */
export function offProvenance(e: Pick<RawChangeEvent, 'isDirty' | 'isUntitled'>): { label: 'external' | 'unknown'; confidence: 0 } {
  return { label: cleanAfter(e) ? 'external' : 'unknown', confidence: 0 };
}
