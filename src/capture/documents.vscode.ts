// Adapter: text documents and editors → plain changes, cursors, saves and context for the
// recorder. The change handler does O(size of the change) work. The clipboard is read only to
// compare, never to record: for multi-character insertions at the cursor, and for short ones
// (one character, a pair) only when what is remembered of it may be out of date or matches.
import * as vscode from 'vscode';
import { performance } from 'node:perf_hooks';
import type { DocumentOrigin, Recorder } from './recorder';
import { statSync } from 'node:fs';
import type { CodetrailSettings } from '../config';
import { ClipboardMemory, ExpectedCarets, classifyChange, needsClipboard, shortInsertion, type ChangeFacts } from './provenance';
import { decideByContent, decideBySchemeAndSize, recordedPath, type DocumentFacts } from './documents';
import { CursorJumps } from './cursor';
import { LatencyStats } from './stats';
import type { ContentChange } from './trajectory';
import { DesyncError } from './trajectory';
import { changeFacts, cleanAfter, contentChanges, DirtyVersions, offProvenance, type RawChangeEvent } from './change-event';

export interface CaptureLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

interface QueuedChange {
  key: string;
  doc: vscode.TextDocument;
  facts: ChangeFacts;
  changes: ContentChange[];
  time: number;
  /** The document's version the change made (what its dirty flag is judged by). */
  version: number;
  /** Made while capture was off (with the provenance of such a change): fed as such, whenever it is fed. */
  off?: { label: 'external' | 'unknown'; confidence: 0 };
}

const NOTEBOOK_CELL = 'vscode-notebook-cell';
const CLEAN_RECHECK_MS = 100;
/** Longest wait for the clipboard before a change is labelled without it. */
const CLIPBOARD_READ_MS = 2000;
/** How long the clipboard is not read again after a read was given up on. */
const CLIPBOARD_BLOCKED_MS = 30_000;
/** Longest selection (in UTF-16 units) whose copy may be a one-grapheme clipboard. */
const SHORT_SELECTION = 32;

export class DocumentCapture implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Documents skipped in this window, so each gets one marker. */
  private readonly skipped = new Set<string>();
  private readonly paths = new Map<string, { path: string; languageId: string }>();
  /** Renames announced by the editor, new key → old key, until the document reopens. */
  private readonly renames = new Map<string, string>();
  private readonly dirty = new DirtyVersions();
  /** Changes waiting behind a clipboard comparison, kept in order. */
  private backlog: QueuedChange[] = [];
  /** How changes made while capture was off were taken (counts, for the log). */
  readonly offStats = { direct: 0, queued: 0, untracked: 0, external: 0, fedOff: 0 };
  private draining = false;
  private jumps: CursorJumps;
  /** Carets as the change sequence predicts them, for bursts the editor's selections lag behind. */
  private readonly carets = new ExpectedCarets();
  private readonly clipboard = new ClipboardMemory();
  /** Cost of every change event; of those that only extended a step; of those that closed one. */
  readonly changeStats = new LatencyStats();
  readonly appendStats = new LatencyStats();
  readonly closeStats = new LatencyStats();
  private closedStep = false;

  constructor(
    private readonly recorder: Recorder,
    private readonly settings: () => CodetrailSettings,
    private readonly log: CaptureLog,
    /** Paths never captured at all (secrets files, user and policy globs). */
    private readonly isExcluded: (path: string) => boolean = () => false,
  ) {
    this.jumps = new CursorJumps(settings().capture.cursorThrottleMs);
    const ws = vscode.workspace;
    ws.onDidChangeTextDocument(this.onChange, this, this.disposables);
    ws.onDidOpenTextDocument((d) => this.track(d, 'open'), this, this.disposables);
    ws.onDidCloseTextDocument(this.onClose, this, this.disposables);
    ws.onDidSaveTextDocument(this.onSave, this, this.disposables);
    ws.onWillRenameFiles(this.onWillRename, this, this.disposables);
    vscode.window.onDidChangeActiveTextEditor(this.onFocus, this, this.disposables);
    vscode.window.onDidChangeTextEditorSelection(this.onSelection, this, this.disposables);
    // Back from another window or application: the clipboard may hold something copied there.
    vscode.window.onDidChangeWindowState(
      (w) => {
        if (w.focused) this.clipboard.invalidate();
      },
      this,
      this.disposables,
    );
    vscode.window.tabGroups.onDidChangeTabs(this.onTabs, this, this.disposables);
    recorder.onEdit(() => {
      this.closedStep = true;
    });
    // Documents stay tracked while capture is off (what is typed then is tainted, never sent);
    // when it resumes, any document not seen meanwhile is picked up.
    recorder.onGateChange((d) => {
      // Cursors moved and the clipboard changed unseen while capture was off.
      this.carets.clear();
      this.clipboard.invalidate();
      if (d.allowed) this.trackAll('resume');
    });
    this.trackAll('open');
  }

  /**
   * Settings or policy changed: cursor throttling follows them, and a tracked document that
   * is now excluded stops being captured at once.
   */
  reconsider(): void {
    this.jumps = new CursorJumps(this.settings().capture.cursorThrottleMs);
    for (const [key, p] of [...this.paths]) {
      if (!this.isExcluded(p.path)) continue;
      const size = this.recorder.builder.knownLength(key) ?? 0;
      this.paths.delete(key);
      this.recorder.forget(key, Date.now());
      this.markSkipped(key, p.path, 'excluded', size);
    }
  }

  /** Starts tracking every open document (at start-up or when capture resumes). */
  trackAll(reason: 'open' | 'resume'): void {
    for (const d of vscode.workspace.textDocuments) this.track(d, reason);
  }

  private facts(doc: vscode.TextDocument, length: number): DocumentFacts {
    return { scheme: doc.uri.scheme, uriPath: doc.uri.path, fragment: doc.uri.fragment, relativePath: relativePath(doc.uri), length };
  }

  private track(doc: vscode.TextDocument, reason: 'open' | 'resume' | 'resync'): void {
    const key = doc.uri.toString();
    if (this.recorder.isTracked(key) && reason !== 'resync') return;
    const renamed = this.renames.get(key);
    if (renamed && this.recorder.isTracked(renamed)) {
      // The same document under its new name: its text and taint go with it.
      this.renames.delete(key);
      const path = this.paths.get(renamed);
      this.paths.delete(renamed);
      const p = {
        path: recordedPath({
          scheme: doc.uri.scheme,
          uriPath: doc.uri.path,
          fragment: doc.uri.fragment,
          relativePath: relativePath(doc.uri),
        }),
        languageId: doc.languageId,
      };
      this.paths.set(key, p);
      this.recorder.rename(renamed, key, p.path, p.languageId, Date.now());
      if (path) this.recorder.emit({ kind: 'file.close', time: Date.now(), path: path.path, languageId: path.languageId });
      this.recorder.emit({ kind: 'file.open', time: Date.now(), path: p.path, languageId: p.languageId });
      return;
    }
    const limits = this.settings().capture;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const decision = decideBySchemeAndSize(this.facts(doc, doc.offsetAt(end)), limits);
    const time = Date.now();
    if (!decision.capture) {
      if (!decision.quiet) this.markSkipped(key, decision.path!, decision.reason, doc.offsetAt(end));
      return;
    }
    if (this.isExcluded(decision.path)) {
      this.markSkipped(key, decision.path, 'excluded', doc.offsetAt(end));
      return;
    }
    const text = doc.getText();
    const byContent = decideByContent(text, limits);
    if (byContent) {
      this.markSkipped(key, decision.path, byContent, text.length);
      return;
    }
    this.paths.set(key, { path: decision.path, languageId: doc.languageId });
    this.recorder.baseline(key, decision.path, doc.languageId, text, time, reason, originOf(doc));
    if (reason === 'open') this.recorder.emit({ kind: 'file.open', time, path: decision.path, languageId: doc.languageId });
  }

  /** Renames done in the editor: the document reopens under the new name with its taint. */
  private onWillRename(e: vscode.FileWillRenameEvent): void {
    for (const f of e.files) {
      const from = f.oldUri.toString();
      const to = f.newUri.toString();
      if (this.recorder.isTracked(from)) this.renames.set(to, from);
      // A folder: every tracked document under it moves.
      for (const key of this.paths.keys()) {
        if (key.startsWith(from + '/')) this.renames.set(to + key.slice(from.length), key);
      }
    }
  }

  private markSkipped(key: string, path: string, reason: 'too-large' | 'binary' | 'minified' | 'excluded' | 'scheme', size: number): void {
    if (this.skipped.has(key)) return;
    this.skipped.add(key);
    // An untitled buffer is named after its first line: that name is not logged.
    this.log.info(`not capturing ${key.startsWith('untitled:') ? 'an untitled buffer' : path}: ${reason}`);
    this.recorder.emit({ kind: 'file.skipped', time: Date.now(), path, reason, size });
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.document.isDirty) this.sawDirty(e.document);
    if (e.contentChanges.length === 0) return;
    const t0 = performance.now();
    this.closedStep = false;
    const key = e.document.uri.toString();
    if (!this.recorder.isTracked(key)) {
      if (!this.recorder.allowed) this.offStats.untracked++;
      return;
    }
    if (!this.recorder.allowed && (this.backlog.length > 0 || cleanAfter(e.document))) {
      this.offStats.queued++;
      // Capture is off and changes made before are still held back (a clipboard read), or the
      // document looks clean — the editor reports the dirty flag of an edit a moment after the
      // edit, so whether this text came from disk is decided after a recheck: this change
      // waits its turn, and is fed as made while off whenever it is fed.
      this.carets.forget(key);
      const raw = rawEvent(e, false, []);
      this.backlog.push({
        key,
        doc: e.document,
        facts: changeFacts(raw, undefined),
        changes: contentChanges(raw),
        time: Date.now(),
        version: e.document.version,
        off: offProvenance(raw),
      });
      if (!this.draining) void this.drain();
      return;
    }
    if (!this.recorder.allowed) {
      this.offStats.direct++;
      // Capture is off: the change is followed and tainted, never recorded.
      this.carets.forget(key);
      const raw = rawEvent(e, false, []);
      try {
        this.recorder.change(key, contentChanges(raw), offProvenance(raw), Date.now());
      } catch (err) {
        if (!(err instanceof DesyncError)) throw err;
        this.resync(key, err.message);
      }
      return;
    }
    const editor = vscode.window.activeTextEditor;
    const inActiveEditor = editor !== undefined && editor.document === e.document;
    const raw = rawEvent(e, inActiveEditor, inActiveEditor ? editor.selections : []);
    const facts = changeFacts(raw, inActiveEditor ? this.carets.get(key) : undefined);
    this.carets.changed(key, facts);
    const changes = contentChanges(raw);
    const item: QueuedChange = { key, doc: e.document, facts, changes, time: Date.now(), version: e.document.version };
    // All rare: a clean document after a change, a multi-character insertion, a short one while
    // the remembered clipboard may be out of date or equals it.
    if (this.backlog.length > 0 || facts.cleanAfter || needsClipboard(facts) || this.shortNeedsRead(facts)) {
      this.backlog.push(item);
      if (!this.draining) void this.drain();
    } else {
      this.feed(item, false);
    }
    const us = (performance.now() - t0) * 1000;
    this.changeStats.record(us);
    // Closing a step renders its diff and hashes the whole text: kept apart in the figures.
    (this.closedStep ? this.closeStats : this.appendStats).record(us);
  }

  /** Resolves once every change received so far has been fed to the recorder. */
  async settled(): Promise<void> {
    while (this.draining || this.backlog.length > 0) await new Promise((r) => setTimeout(r, 10));
  }

  /** Feeds queued changes in order, reading the clipboard for those that need it. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.backlog.length > 0) {
        const item = this.backlog[0];
        if (item.facts.cleanAfter) {
          // The editor reports the dirty flag of a first edit a moment after the edit itself;
          // a change whose version is still not known dirty then was read from disk.
          await new Promise((r) => setTimeout(r, CLEAN_RECHECK_MS));
          this.recheckClean(item);
        }
        let matches = false;
        if (!item.off && this.recorder.allowed && (needsClipboard(item.facts) || this.shortNeedsRead(item.facts))) {
          matches = sameText(await this.readClipboard(), item.facts.changes[0].inserted);
        }
        if (this.backlog[0] !== item) continue; // fed meanwhile (drainNow)
        this.backlog.shift();
        this.feed(item, matches);
      }
    } finally {
      this.draining = false;
    }
  }

  private sawDirty(doc: vscode.TextDocument): void {
    this.dirty.saw(doc.uri.toString(), doc.version);
  }

  /** A change that left its document clean: still judged clean unless its version (or a later one) was seen dirty. */
  private recheckClean(item: QueuedChange): void {
    if (item.doc.isDirty) this.sawDirty(item.doc);
    const isDirty = this.dirty.dirtyAfter(item.key, item.version);
    item.facts = { ...item.facts, cleanAfter: !isDirty && !item.doc.isUntitled };
    if (item.off) item.off = offProvenance({ isDirty, isUntitled: item.doc.isUntitled });
  }

  /** A short insertion (one character, a pair) that cannot be told from a paste without reading the clipboard. */
  private shortNeedsRead(facts: ChangeFacts): boolean {
    if (!this.recorder.allowed) return false;
    const text = shortInsertion(facts);
    return text !== undefined && this.clipboard.needsRead(text);
  }

  /**
   * The clipboard, or '' when it cannot be read in time: a browser may hold the read (no
   * focus, no permission) for as long as it likes, and every change waits behind it.
   */
  private async readClipboard(): Promise<string> {
    // After a read that hung, the clipboard is taken as unreadable for a while rather than
    // making every change wait again.
    if (Date.now() < this.clipboardBlockedUntil) return '';
    const token = this.clipboard.reading();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), CLIPBOARD_READ_MS);
    });
    const text = await Promise.race([
      vscode.env.clipboard.readText().then(
        (t) => t,
        () => '',
      ),
      late,
    ]);
    clearTimeout(timer);
    if (text === undefined) {
      this.clipboardTimeouts++;
      this.clipboardBlockedUntil = Date.now() + CLIPBOARD_BLOCKED_MS;
      return '';
    }
    this.clipboard.learn(text, token);
    return text;
  }

  /** Clipboard reads given up on (for the log). */
  clipboardTimeouts = 0;
  private clipboardBlockedUntil = 0;

  /**
   * Feeds every held change now, without reading the clipboard (the window is ending): what
   * the recorder remembers of each document must include them, made while off or not.
   */
  drainNow(): void {
    while (this.backlog.length > 0) {
      const item = this.backlog.shift()!;
      if (item.facts.cleanAfter) this.recheckClean(item);
      this.feed(item, false);
    }
  }

  private feed(item: QueuedChange, clipboardMatches: boolean): void {
    try {
      if (item.off) {
        this.offStats.fedOff++;
        if (item.off.label === 'external') this.offStats.external++;
        this.recorder.change(item.key, item.changes, item.off, item.time, true);
      } else this.recorder.change(item.key, item.changes, classifyChange(item.facts, clipboardMatches), item.time);
    } catch (err) {
      if (!(err instanceof DesyncError)) throw err;
      this.resync(item.key, err.message);
    }
  }

  private resync(key: string, why: string): void {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    this.log.warn(`trajectory out of step with the editor (${why}); re-baselining`);
    const time = Date.now();
    this.recorder.emit({ kind: 'gap', time, reason: 'desync', from: time, to: time });
    if (doc) this.track(doc, 'resync');
  }

  private onClose(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.carets.forget(key);
    this.dirty.forget(key);
    const p = this.paths.get(key);
    this.skipped.delete(key);
    if (!p) return;
    // A document closed because it was renamed is moved when it reopens, not forgotten.
    if ([...this.renames.values()].includes(key)) return;
    this.paths.delete(key);
    const time = Date.now();
    this.recorder.forget(key, time);
    this.recorder.emit({ kind: 'file.close', time, path: p.path, languageId: p.languageId });
  }

  private onSave(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const p = this.paths.get(key);
    if (!p) return;
    const time = Date.now();
    if (this.recorder.allowed) {
      this.recorder.save(key, time);
      this.recorder.emit({ kind: 'file.save', time, path: p.path, languageId: p.languageId });
    }
    // A save is rare enough to afford a full comparison that catches any drift.
    if (this.backlog.length === 0 && this.recorder.builder.currentText(key) !== doc.getText()) this.resync(key, 'text differs at save');
  }

  private onFocus(editor: vscode.TextEditor | undefined): void {
    if (!editor || !this.recorder.allowed) return;
    const p = this.paths.get(editor.document.uri.toString());
    if (p) this.recorder.emit({ kind: 'file.focus', time: Date.now(), path: p.path, languageId: p.languageId });
  }

  private onSelection(e: vscode.TextEditorSelectionChangeEvent): void {
    if (!this.recorder.allowed) return;
    const key = e.textEditor.document.uri.toString();
    const p = this.paths.get(key);
    if (!p) return;
    this.carets.selected(key, e.selections);
    // A short selection may be copied next: what is remembered of the clipboard is then stale.
    if (e.selections.some(isShortSelection)) this.clipboard.invalidate();
    const pos = e.selections[0].active;
    const time = Date.now();
    this.recorder.cursor(key, e.textEditor.document.offsetAt(pos), time);
    const kind =
      e.kind === vscode.TextEditorSelectionChangeKind.Mouse
        ? 'mouse'
        : e.kind === vscode.TextEditorSelectionChangeKind.Keyboard
          ? 'keyboard'
          : e.kind === vscode.TextEditorSelectionChangeKind.Command
            ? 'command'
            : undefined;
    if (this.jumps.accept({ path: p.path, line: pos.line, character: pos.character, kind, time })) {
      this.recorder.emit({ kind: 'cursor', time, path: p.path, line: pos.line, character: pos.character });
    }
  }

  /** Editors opened on files the extension host never receives (too large to sync, binary). */
  private onTabs(e: vscode.TabChangeEvent): void {
    if (!this.recorder.allowed) return;
    for (const tab of e.opened) {
      if (!(tab.input instanceof vscode.TabInputText)) continue;
      const uri = tab.input.uri;
      setTimeout(() => void this.checkUnsyncedTab(uri), 1500);
    }
  }

  private async checkUnsyncedTab(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    if (!this.recorder.allowed || this.skipped.has(key) || vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) return;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      const limits = this.settings().capture;
      const facts = { scheme: uri.scheme, uriPath: uri.path, fragment: uri.fragment, relativePath: relativePath(uri), length: stat.size };
      const decision = decideBySchemeAndSize(facts, limits);
      if (!decision.capture) {
        if (!decision.quiet) this.markSkipped(key, decision.path!, decision.reason, stat.size);
        return;
      }
      if (this.isExcluded(decision.path)) {
        this.markSkipped(key, decision.path, 'excluded', stat.size);
        return;
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.subarray(0, 8192).includes(0)) this.markSkipped(key, decision.path, 'binary', stat.size);
    } catch (err) {
      this.log.warn(`could not inspect an editor's file: ${(err as Error).message}`);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** What is known of a document's origin: an unsaved buffer, or its file's times. */
function originOf(doc: vscode.TextDocument): DocumentOrigin {
  if (doc.isUntitled) return { untitled: true };
  if (doc.uri.scheme !== 'file') return { untitled: false };
  try {
    const st = statSync(doc.uri.fsPath);
    return { untitled: false, mtime: st.mtimeMs, birthtime: st.birthtimeMs || undefined };
  } catch {
    return { untitled: false };
  }
}

/** A non-empty selection on one line, short enough to be copied and pasted as one character or a pair. */
function isShortSelection(s: vscode.Selection): boolean {
  return !s.isEmpty && s.isSingleLine && s.end.character - s.start.character <= SHORT_SELECTION;
}

/** Line endings may differ between the clipboard and the document. */
function sameText(clipboard: string, inserted: string): boolean {
  if (clipboard.length === 0) return false;
  return clipboard === inserted || clipboard.replace(/\r\n/g, '\n') === inserted.replace(/\r\n/g, '\n');
}

/** Workspace-relative path of a document (a notebook cell's path is its notebook's). */
export function relativePath(uri: vscode.Uri): string | undefined {
  let target = uri;
  if (uri.scheme === NOTEBOOK_CELL) {
    const nb = vscode.workspace.notebookDocuments.find((n) => n.uri.path === uri.path);
    target = nb ? nb.uri : uri.with({ scheme: 'file', fragment: '' });
  }
  const folder = vscode.workspace.getWorkspaceFolder(target);
  if (!folder) return undefined;
  const rel = vscode.workspace.asRelativePath(target, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  return rel.length > 0 ? rel : undefined;
}

/** The event's fields, copied; change-event.ts decides on them. */
function rawEvent(e: vscode.TextDocumentChangeEvent, inActiveEditor: boolean, selections: readonly vscode.Selection[]): RawChangeEvent {
  return {
    contentChanges: e.contentChanges,
    reason:
      e.reason === vscode.TextDocumentChangeReason.Undo ? 'undo' : e.reason === vscode.TextDocumentChangeReason.Redo ? 'redo' : undefined,
    isDirty: e.document.isDirty,
    isUntitled: e.document.isUntitled,
    inActiveEditor,
    selections,
  };
}
