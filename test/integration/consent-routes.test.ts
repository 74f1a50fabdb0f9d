// Every route by which text typed while capture is off could leave the editor, tried in the
// real editor through the same APIs the workbench uses (typing, multi-cursor, workspace
// edits, renames, closes, terminals, notebooks, git, the search editor, Discard Recent
// Capture). Each route types a unique marker while capture is off and a control while it is
// on; the extension's records must hold every control and no marker. The runner then scans
// the outbox on disk, the collection service's database and WAL, its export and the editor's
// logs for the same markers (their list is written to CODETRAIL_IT_MARKERS).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  capturedEvents,
  closeAll,
  endOfDocument,
  openEditor,
  placeCursor,
  sleep,
  typeText,
  waitFor,
  workspaceDir,
  writeFixture,
} from './helpers';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';

const markers: string[] = [];
const controls: string[] = [];
/** Lower-case letters a redactor leaves alone, random: markers and controls share nothing. */
const word = () => Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
/** Typed while capture is off: must be nowhere. */
const mark = (_route: string) => {
  const m = `zq${word()}`;
  markers.push(m);
  return m;
};
/** Typed while recording: must be everywhere the markers must not be. */
const control = (_route: string) => {
  const c = `kv${word()}`;
  controls.push(c);
  return c;
};

interface State {
  capturing: boolean;
  reason?: string;
  outboxDir: string;
  policyGlobs?: string[];
}
const state = () => vscode.commands.executeCommand<State>('codetrail.internal.state');

async function pause(): Promise<void> {
  await vscode.commands.executeCommand('codetrail.pause');
  await waitFor('capture to pause', async () => ((await state()).capturing ? undefined : true));
}

async function resume(): Promise<void> {
  await vscode.commands.executeCommand('codetrail.resume');
  await waitFor('capture to resume', async () => ((await state()).capturing ? true : undefined));
}

/** Closes open steps and returns every record the extension holds (pending and sent). */
async function records(): Promise<TrajectoryEvent[]> {
  await sleep(50);
  return capturedEvents();
}

/** No record holds a marker of these; the controls are all there. */
async function assertClean(route: string, ms: readonly string[], cs: readonly string[] = []): Promise<void> {
  const json = JSON.stringify(await records());
  const leaked = ms.filter((m) => json.includes(m));
  assert.deepEqual(leaked, [], `${route}: text typed while capture was off is in a record`);
  const missing = cs.filter((c) => !json.includes(c));
  assert.deepEqual(missing, [], `${route}: text typed while recording is missing`);
  const disk = await outboxText();
  assert.deepEqual(
    ms.filter((m) => disk.includes(m)),
    [],
    `${route}: a marker is on disk in the outbox`,
  );
}

async function outboxText(): Promise<string> {
  const dir = (await state()).outboxDir;
  let out = '';
  const walk = async (d: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out += await fs.readFile(p, 'utf8').catch(() => '');
    }
  };
  await walk(dir);
  return out;
}

async function del(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await vscode.commands.executeCommand('deleteLeft');
}

describe('consent routes in a real editor: nothing typed while capture is off leaves it', function () {
  this.timeout(120_000);
  afterEach(async () => {
    // A test that failed while capture was paused must not leave the next ones paused.
    const s = await state();
    if (s.capturing || s.reason !== 'paused') return;
    await vscode.commands.executeCommand('codetrail.resume');
    await waitFor('capture to resume after the test', async () => ((await state()).capturing ? true : undefined), 20_000);
  });
  after(async () => {
    await closeAll();
    if (process.env.CODETRAIL_IT_MARKERS) writeFileSync(process.env.CODETRAIL_IT_MARKERS, JSON.stringify({ markers, controls }));
  });

  it('Discard Recent Capture: what was typed and sent is removed everywhere, and never restated', async () => {
    const m = mark('discard');
    const c = control('discard');
    const editor = await openEditor('routes-discard.txt', 'kept\n');
    endOfDocument(editor);
    await typeText(`${m}\n`);
    // Sent to the service first.
    await waitFor(
      'the marker to be sent',
      async () => {
        await records();
        const dir = (await state()).outboxDir;
        const sent = await fs.readdir(join(dir, 'sent')).catch(() => [] as string[]);
        for (const f of sent) if ((await fs.readFile(join(dir, 'sent', f), 'utf8')).includes(m)) return true;
        return undefined;
      },
      30_000,
    );
    // And once more 0.8 s before the discard, still in the open step.
    const m2 = mark('discardopen');
    await typeText(`${m2}\n`);
    await sleep(800);
    await vscode.commands.executeCommand('codetrail.discardRecent', 1);
    endOfDocument(editor);
    await typeText(`${c}\n`);
    await assertClean('discard', [m, m2], [c]);
  });

  it('editing a paused line after resuming (backspaces, multi-cursor over one word, a workspace edit) keeps it masked', async () => {
    const m = mark('edit');
    const c = control('edit');
    const editor = await openEditor('routes-edit.txt', 'first line\nsecond line\n');
    await pause();
    endOfDocument(editor);
    await typeText(`const value = "${m} with a long tail of words";\n`);
    await resume();
    // Four backspaces at the end of the paused line.
    placeCursor(editor, 2, editor.document.lineAt(2).text.length);
    await del(4);
    await sleep(300);
    // Multi-cursor over one word of the paused line and one of a clean line.
    const word = editor.document.lineAt(2).text.indexOf('long');
    editor.selections = [new vscode.Selection(2, word, 2, word + 4), new vscode.Selection(0, 0, 0, 5)];
    await typeText('LONG');
    await sleep(300);
    // Replace in Files on an open file is a workspace edit of its document.
    const edit = new vscode.WorkspaceEdit();
    const at = editor.document.lineAt(2).text.indexOf('tail');
    edit.replace(editor.document.uri, new vscode.Range(2, at, 2, at + 4), 'TAIL');
    assert.ok(await vscode.workspace.applyEdit(edit));
    endOfDocument(editor);
    await typeText(`${c}\n`);
    await assertClean('edit', [m], [c]);
  });

  it('a file created or edited during a pause and closed before resuming, opened again later', async () => {
    const m1 = mark('created');
    const m2 = mark('edited');
    const c = control('closed');
    await writeFixture('routes-existing.txt', 'an existing file\n');
    await pause();
    const created = vscode.Uri.file(join(workspaceDir(), 'routes-created.txt'));
    const we = new vscode.WorkspaceEdit();
    we.createFile(created, { ignoreIfExists: true });
    we.insert(created, new vscode.Position(0, 0), `${m1}\n`);
    assert.ok(await vscode.workspace.applyEdit(we));
    await (await vscode.workspace.openTextDocument(created)).save();
    const existing = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(vscode.Uri.file(join(workspaceDir(), 'routes-existing.txt'))),
    );
    endOfDocument(existing);
    await typeText(`\n${m2}`);
    await existing.document.save();
    await closeAll();
    await sleep(300);
    await resume();
    for (const name of ['routes-created.txt', 'routes-existing.txt']) {
      const ed = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(join(workspaceDir(), name))));
      endOfDocument(ed);
      await typeText(`\n${c}`);
    }
    await assertClean('closed', [m1, m2], [c]);
  });

  it('a file with paused text renamed after resuming', async () => {
    const m = mark('rename');
    const c = control('rename');
    const editor = await openEditor('routes-rename.txt', 'top\n');
    await pause();
    endOfDocument(editor);
    await typeText(`${m}\n`);
    await editor.document.save();
    await resume();
    const to = vscode.Uri.file(join(workspaceDir(), 'routes-renamed.txt'));
    const we = new vscode.WorkspaceEdit();
    we.renameFile(editor.document.uri, to);
    assert.ok(await vscode.workspace.applyEdit(we));
    const moved = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(to));
    endOfDocument(moved);
    await typeText(`${c}\n`);
    await assertClean('rename', [m], [c]);
  });

  it('paused text copied into another file after resuming', async () => {
    const m = mark('copy');
    const c = control('copy');
    const source = await openEditor('routes-copy-from.txt', 'one\n');
    await pause();
    endOfDocument(source);
    await typeText(`let copied = "${m}";\n`);
    await resume();
    await vscode.env.clipboard.writeText(source.document.lineAt(1).text);
    const target = await openEditor('routes-copy-to.txt', 'other\n');
    endOfDocument(target);
    await vscode.commands.executeCommand('editor.action.clipboardPasteAction');
    await typeText(`\n${c}\n`);
    await assertClean('copy', [m], [c]);
  });

  it('capture switched off by the telemetry setting: a file edited then, closed, opened after it is back on', async () => {
    const m = mark('telemetry');
    const c = control('telemetry');
    const editor = await openEditor('routes-telemetry.txt', 'x\n');
    const cfg = vscode.workspace.getConfiguration('telemetry');
    await cfg.update('telemetryLevel', 'off', vscode.ConfigurationTarget.Global);
    try {
      await waitFor('capture to stop', async () => ((await state()).capturing ? undefined : true));
      endOfDocument(editor);
      await typeText(`${m}\n`);
      await editor.document.save();
      await closeAll();
    } finally {
      await cfg.update('telemetryLevel', 'all', vscode.ConfigurationTarget.Global);
    }
    await waitFor('capture to resume', async () => ((await state()).capturing ? true : undefined));
    const again = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(editor.document.uri));
    endOfDocument(again);
    await typeText(`${c}\n`);
    await assertClean('telemetry', [m], [c]);
  });

  it('a line typed in a pause into a saved file is fingerprinted, so it is known after a reload', async () => {
    const m = mark('fingerprint');
    const editor = await openEditor('routes-fingerprint.txt', 'saved first line\n');
    await editor.document.save();
    endOfDocument(editor);
    await typeText(`${control('fingerprint')}\n`);
    await sleep(600);
    const before = ((await state()) as State & { consentMemory: { fingerprints: number } }).consentMemory.fingerprints;
    await pause();
    await typeText(`${m}\n`);
    await sleep(1200);
    await resume();
    const after = ((await state()) as State & { consentMemory: { fingerprints: number } }).consentMemory.fingerprints;
    assert.ok(after > before, `no fingerprint of the line typed in the pause (${before} before, ${after} after)`);
    await assertClean('fingerprint', [m]);
  });

  it('a notebook cell typed in a pause', async () => {
    const m = mark('notebook');
    const c = control('notebook');
    const nb = {
      cells: [{ cell_type: 'code', metadata: {}, source: ['x = 1'], outputs: [], execution_count: null }],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    };
    const notebook = await vscode.workspace.openNotebookDocument(await writeFixture('routes.ipynb', JSON.stringify(nb)));
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(0).document;
    await pause();
    const e1 = new vscode.WorkspaceEdit();
    e1.insert(cell.uri, new vscode.Position(0, 5), `\nsecret = "${m}"`);
    assert.ok(await vscode.workspace.applyEdit(e1));
    await resume();
    const e2 = new vscode.WorkspaceEdit();
    e2.insert(cell.uri, new vscode.Position(1, cell.lineAt(1).text.length), `\nshown = "${c}"`);
    assert.ok(await vscode.workspace.applyEdit(e2));
    await assertClean('notebook', [m], [c]);
  });

  it('a program started while recording, a line typed into it during a pause, ended after resuming', async function () {
    const m = mark('terminal');
    const c = control('terminal');
    const t = vscode.window.createTerminal({ name: 'codetrail-routes', shellPath: '/bin/bash', cwd: workspaceDir() });
    try {
      t.show();
      await waitFor('shell integration', () => t.shellIntegration, 30_000);
      const ended = new Promise<void>((resolve) => {
        const d = vscode.window.onDidEndTerminalShellExecution((e) => {
          if (e.terminal === t) {
            d.dispose();
            resolve();
          }
        });
      });
      // The program must have started while recording: the start event reaches the test's
      // listener and the extension's in the same dispatch, however late a busy window sends it.
      const started = new Promise<void>((resolve) => {
        const d = vscode.window.onDidStartTerminalShellExecution((e) => {
          if (e.terminal === t) {
            d.dispose();
            resolve();
          }
        });
      });
      t.shellIntegration!.executeCommand(`echo ${c}; cat`);
      await started;
      await sleep(1000);
      await pause();
      t.sendText(m, true);
      await sleep(1500);
      await resume();
      t.sendText('\u0004', false);
      await ended;
      await waitFor('the command in the records', async () => (JSON.stringify(await records()).includes(c) ? true : undefined), 40_000);
      await assertClean('terminal', [m], [c]);
    } finally {
      t.dispose();
    }
  });

  it('git: a stash made during a pause and popped after, and a branch checked out during a pause', async function () {
    const m1 = mark('stash');
    const m2 = mark('branch');
    const c = control('git');
    const repo = join(workspaceDir(), 'routes-repo');
    await fs.mkdir(repo, { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'pipe' });
    await fs.writeFile(join(repo, 'tracked.txt'), 'base\n');
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'base');
    // A branch whose content holds a marker nobody typed while recording.
    git('checkout', '-q', '-b', 'other');
    await fs.writeFile(join(repo, 'tracked.txt'), `base\n${m2}\n`);
    git('commit', '-qam', 'other');
    git('checkout', '-q', 'main');
    const uri = vscode.Uri.file(join(repo, 'tracked.txt'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await pause();
    endOfDocument(editor);
    await typeText(`${m1}\n`);
    await editor.document.save();
    git('stash', '-q');
    git('checkout', '-q', 'other');
    await waitFor('the editor to show the branch', () => (editor.document.getText().includes(m2) ? true : undefined));
    git('checkout', '-q', 'main');
    await waitFor('the editor to show main', () => (editor.document.getText().includes(m2) ? undefined : true));
    await resume();
    git('stash', 'pop', '-q');
    await waitFor('the stash in the editor', () => (editor.document.getText().includes(m1) ? true : undefined));
    const ed = await vscode.window.showTextDocument(editor.document);
    placeCursor(ed, 0, 0);
    await typeText(`${c}\n`);
    await assertClean('git', [m1, m2], [c]);
  });

  it('the search editor over paused text records nothing of it', async () => {
    const m = mark('search');
    const editor = await openEditor('routes-search.txt', 'a\n');
    await pause();
    endOfDocument(editor);
    await typeText(`${m}\n`);
    await editor.document.save();
    await resume();
    await vscode.commands.executeCommand('search.action.openNewEditor', { query: m, triggerSearch: true });
    await sleep(1500);
    await assertClean('search', [m]);
  });

  it("a file the organisation's policy excludes (and no local setting does) is never captured", async () => {
    const m = mark('policy');
    await fs.mkdir(join(workspaceDir(), 'org-confidential'), { recursive: true });
    await waitFor(
      'the policy from the service',
      async () => {
        const s = await state();
        return s.policyGlobs?.includes('**/org-confidential/**') ? true : undefined;
      },
      30_000,
    );
    const editor = await openEditor('org-confidential/plan.txt', `${m}\n`);
    endOfDocument(editor);
    await typeText(`more ${m}\n`);
    await editor.document.save();
    const events = await records();
    assert.ok(
      events.some((e) => e.kind === 'file.skipped' && e.reason === 'excluded' && e.path === 'org-confidential/plan.txt'),
      'a marker says the file was skipped',
    );
    assert.ok(
      !events.some((e) => e.kind !== 'file.skipped' && 'path' in e && e.path.startsWith('org-confidential/')),
      'no event of the file but the skip marker',
    );
    await assertClean('policy', [m]);
  });
});
