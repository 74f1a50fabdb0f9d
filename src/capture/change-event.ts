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

/**
 * Per document, the highest version the editor has reported dirty. The editor may report a first
 * edit with the document still clean and its dirty flag a moment later: a change that left its
 * document clean was read from disk only if no report says its version (or a later one) was
 * dirty. Reading the document's flag again later would not do: typing, then undoing back to the
 * saved text within the wait, reads clean again. (A reload followed within the wait by typing is
 * taken as typed: the rarer mistake, and the safer one while capture is off.)
 */
export class DirtyVersions {
  private readonly at = new Map<string, number>();

  /** The document was reported dirty at this version. */
  saw(key: string, version: number): void {
    if ((this.at.get(key) ?? -1) < version) this.at.set(key, version);
  }

  /** Whether the change that made `version` left the document dirty, by what has been reported since. */
  dirtyAfter(key: string, version: number): boolean {
    return (this.at.get(key) ?? -1) >= version;
  }

  forget(key: string): void {
    this.at.delete(key);
  }
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
