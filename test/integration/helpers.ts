// Shared steps for the scripted editor sessions: fixtures, typing through the editor's own
// commands, reading what the extension holds in its outbox, and the replay check.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { validateEvent, type ProvenanceLabel, type TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { replayTrajectory } from '@codetrail/protocol/internal/replay';

export function workspaceDir(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the test editor has a workspace folder open');
  return f.uri.fsPath;
}

/**
 * Writes a file into the workspace and waits until the editor's file watcher has reported it
 * (at most a few seconds): a document opened before that is read again from disk when the
 * report arrives, and the test would see a change nobody made.
 */
export async function writeFixture(name: string, content: string | Uint8Array): Promise<vscode.Uri> {
  const folder = workspaceDir();
  const file = join(folder, name);
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, name));
  try {
    const seen = new Promise<void>((resolve) => {
      watcher.onDidCreate(() => resolve());
      watcher.onDidChange(() => resolve());
      setTimeout(resolve, 3_000);
    });
    await fs.writeFile(file, content);
    await seen;
  } finally {
    watcher.dispose();
  }
  return vscode.Uri.file(file);
}

export async function openEditor(name: string, content: string): Promise<vscode.TextEditor> {
  const uri = await writeFixture(name, content);
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export { sleep, waitFor } from '../support/wait';

/** Types like a person: one `type` command (one change event) per character. */
export async function typeText(text: string): Promise<void> {
  for (const ch of text) await vscode.commands.executeCommand('type', { text: ch });
}

/** Whether the runner can make input the extension API cannot (the code-server runner's browser). */
export function browserDriver(): boolean {
  return process.env.CODETRAIL_IT_DRIVER === 'browser';
}

/**
 * Has the browser insert text into the focused editor in one go, as an input method or
 * dictation delivers it; the runner reads the request from the console. Resolves at once:
 * wait for the text to appear.
 */
export function insertTextFromBrowser(text: string): void {
  assert.ok(browserDriver(), 'a runner with a browser');
  // eslint-disable-next-line no-console -- the extension host's console is the runner's channel
  console.log(`CODETRAIL-DRIVE ${JSON.stringify({ insertText: text })}`);
}

/** Has the runner block the editor's window for a while, as a loaded machine does. Resolves at once. */
export function keepWindowBusy(ms: number): void {
  assert.ok(browserDriver(), 'a runner with a browser');
  // eslint-disable-next-line no-console -- the extension host's console is the runner's channel
  console.log(`CODETRAIL-DRIVE ${JSON.stringify({ busyMs: ms })}`);
}

export function placeCursor(editor: vscode.TextEditor, line: number, character: number): void {
  const p = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(p, p);
}

export function endOfDocument(editor: vscode.TextEditor): void {
  const last = editor.document.lineAt(editor.document.lineCount - 1);
  placeCursor(editor, last.lineNumber, last.text.length);
}

interface FlushResult {
  sessionId?: string;
  events: TrajectoryEvent[];
}

/** Everything the extension holds in its outbox (pending and sent), validated against the schema. */
export async function capturedEvents(): Promise<TrajectoryEvent[]> {
  const r = await vscode.commands.executeCommand<FlushResult>('codetrail.internal.flush');
  const events: TrajectoryEvent[] = [];
  const seen = new Set<string>();
  for (const e of r.events) {
    if (seen.has(e.id)) continue; // acknowledged while being listed: in both lists once
    seen.add(e.id);
    const v = validateEvent(JSON.parse(JSON.stringify(e)));
    assert.ok(v.ok, `every recorded event is valid (${v.ok ? '' : v.error})`);
    events.push(v.event);
  }
  return events.sort((a, b) => (a.sessionId === b.sessionId ? a.seq - b.seq : a.time - b.time));
}

export function editsOf(events: TrajectoryEvent[], path: string): Extract<TrajectoryEvent, { kind: 'edit' }>[] {
  return events.filter((e): e is Extract<TrajectoryEvent, { kind: 'edit' }> => e.kind === 'edit' && e.path === path);
}

/** The law of the data: the file's baseline and steps replay byte for byte to the editor's text. */
export function assertReplaysTo(events: TrajectoryEvent[], path: string, doc: vscode.TextDocument): void {
  const own = events.filter((e) => (e.kind === 'file.baseline' || e.kind === 'edit') && e.path === path);
  assert.ok(
    own.some((e) => e.kind === 'file.baseline'),
    `${path} has a baseline`,
  );
  const report = replayTrajectory(own);
  assert.deepEqual(report.mismatches, [], `${path} replays without mismatches`);
  assert.equal(report.finalText.get(path), doc.getText(), `${path} replays byte-exact to the editor's text`);
}

/** Tally of provenance over all scripted sessions, printed at the end of the run. */
export const provenanceTally = { sessions: 0, correct: 0, total: 0, misses: [] as string[] };

/**
 * Compares the recorded step labels with the expected ones (consecutive repeats collapsed:
 * a long run of one kind may be cut into several steps), counts them, then asserts.
 */
export function checkProvenance(session: string, edits: { provenance: { label: ProvenanceLabel } }[], expected: ProvenanceLabel[]): void {
  const actual = edits.map((e) => e.provenance.label).filter((l, i, a) => i === 0 || a[i - 1] !== l);
  provenanceTally.sessions++;
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    provenanceTally.total++;
    if (actual[i] === expected[i]) provenanceTally.correct++;
    else provenanceTally.misses.push(`${session}: step ${i + 1} expected ${expected[i] ?? '-'} got ${actual[i] ?? '-'}`);
  }
  assert.deepEqual(actual, expected, `${session}: provenance of each step`);
}

/** A line for the person reading the run; under code-server it travels as a console message. */
export function report(line: string): void {
  // eslint-disable-next-line no-console -- the extension host's console is the runner's channel
  console.log((process.env.CODETRAIL_IT_PHASE ? 'CODETRAIL-OUT ' : '') + line);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
