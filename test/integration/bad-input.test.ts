// Files the capture must refuse calmly: no exception, the editor stays responsive, and a
// clear skip marker says which file and why. Notebooks are captured cell by cell.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertReplaysTo, capturedEvents, closeAll, openEditor, typeText, waitFor, writeFixture } from './helpers';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';

type Skipped = Extract<TrajectoryEvent, { kind: 'file.skipped' }>;

async function skipMarker(path: string): Promise<Skipped> {
  return waitFor(
    `a skip marker for ${path}`,
    async () => {
      const events = await capturedEvents();
      return events.find((e): e is Skipped => e.kind === 'file.skipped' && e.path === path);
    },
    15_000,
  );
}

/** The editor still answers quickly: a short typing burst is captured and replays. */
async function assertResponsive(name: string): Promise<void> {
  const t0 = Date.now();
  const editor = await openEditor(name, 'still here\n');
  await typeText('ok');
  const ms = Date.now() - t0;
  assert.ok(ms < 5000, `the editor answered in ${ms} ms`);
  const events = await capturedEvents();
  assertReplaysTo(events, name, editor.document);
}

describe('bad input in a real editor', function () {
  this.timeout(90_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await closeAll();
  });

  it('a 50 MB file opened in the editor gets a too-large marker', async function () {
    const line = 'x'.repeat(99) + '\n';
    const uri = await writeFixture('huge.log', line.repeat(500_000)); // 50,000,000 bytes
    await vscode.commands.executeCommand('vscode.open', uri);
    const m = await skipMarker('huge.log');
    assert.equal(m.reason, 'too-large');
    assert.equal(m.size, 50_000_000);
    const events = await capturedEvents();
    assert.ok(!events.some((e) => e.kind === 'file.baseline' && e.path === 'huge.log'), 'no baseline of the large file');
    await assertResponsive('after-huge.txt');
  });

  it('a binary file gets a binary marker', async function () {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    const uri = await writeFixture('blob.bin', bytes);
    await vscode.commands.executeCommand('vscode.open', uri);
    // Some editors hand the text to extensions anyway; open it as a document too.
    await Promise.resolve(vscode.workspace.openTextDocument(uri)).catch(() => undefined);
    const m = await skipMarker('blob.bin');
    assert.equal(m.reason, 'binary');
    await assertResponsive('after-binary.txt');
  });

  it('a minified one-line 2 MB file gets a minified marker', async function () {
    const uri = await writeFixture('bundle.min.js', 'var a=1;'.repeat(250_000)); // 2,000,000 characters, one line
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const m = await skipMarker('bundle.min.js');
    assert.equal(m.reason, 'minified');
    assert.equal(m.size, 2_000_000);
    await assertResponsive('after-minified.txt');
  });

  it('a notebook is captured cell by cell, and its cells replay', async function () {
    const nb = {
      cells: [
        { cell_type: 'code', metadata: {}, source: ['x = 1\n', 'print(x)'], outputs: [], execution_count: null },
        { cell_type: 'markdown', metadata: {}, source: ['# Notes'] },
      ],
      metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    const uri = await writeFixture('analysis.ipynb', JSON.stringify(nb, null, 1));
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(0).document;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(cell.uri, new vscode.Position(1, 8), '\nprint(x + 1)');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const events = await capturedEvents();
    const cellPath = events.find(
      (e) => e.kind === 'file.baseline' && e.path.startsWith('analysis.ipynb#cell-') && e.text.startsWith('x = 1'),
    );
    assert.ok(cellPath && cellPath.kind === 'file.baseline', 'the code cell is tracked as part of its notebook');
    assertReplaysTo(events, cellPath.path, cell);
    assert.ok(
      !events.some((e) => e.kind === 'file.baseline' && e.path === 'analysis.ipynb'),
      'the notebook JSON itself is not tracked as text',
    );
  });
});
