// Outcomes and context in a real editor: diagnostics after an edit step, commits through the
// built-in git extension, debug sessions, and open/focus/save/close of files.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { capturedEvents, closeAll, editsOf, endOfDocument, openEditor, sleep, typeText, waitFor, workspaceDir } from './helpers';

describe('outcomes and context in a real editor', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await closeAll();
  });

  it('diagnostics that change after an edit step are linked to it, with counts before and after', async function () {
    const problems = vscode.languages.createDiagnosticCollection('codetrail-test');
    try {
      const editor = await openEditor('checked.txt', 'value = 1\n');
      endOfDocument(editor);
      await typeText('oops');
      await editor.document.save(); // closes the step
      const range = new vscode.Range(1, 0, 1, 4);
      problems.set(editor.document.uri, [
        new vscode.Diagnostic(range, 'undefined name', vscode.DiagnosticSeverity.Error),
        new vscode.Diagnostic(range, 'unused', vscode.DiagnosticSeverity.Warning),
      ]);
      const event = await waitFor('a diagnostics event', async () =>
        (await capturedEvents()).find((e) => e.kind === 'diagnostics' && e.path === 'checked.txt'),
      );
      const edit = editsOf(await capturedEvents(), 'checked.txt').at(-1);
      assert.ok(event.kind === 'diagnostics' && edit);
      assert.equal(event.afterEdit, edit.id);
      assert.deepEqual(event.before, { errors: 0, warnings: 0 });
      assert.deepEqual(event.after, { errors: 1, warnings: 1 });
    } finally {
      problems.dispose();
    }
  });

  it('opening, focusing, saving and closing files are recorded as context', async function () {
    const a = await openEditor('ctx-a.txt', 'a\n');
    await openEditor('ctx-b.txt', 'b\n');
    await vscode.window.showTextDocument(a.document);
    endOfDocument(a);
    await typeText('!');
    await a.document.save();
    await closeAll();
    await sleep(300);
    const kinds = (await capturedEvents()).filter((e) => 'path' in e && e.path === 'ctx-a.txt').map((e) => e.kind);
    for (const k of ['file.open', 'file.focus', 'file.save'] as const) assert.ok(kinds.includes(k), `${k} recorded`);
  });

  it('a commit made in the workspace is recorded through the git extension', async function () {
    const dir = workspaceDir();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 'dev@example.invalid');
    git('config', 'user.name', 'Dev');
    writeFileSync(join(dir, 'committed.txt'), 'first\n');
    git('add', 'committed.txt');
    git('commit', '-q', '-m', 'first commit');
    await vscode.commands.executeCommand('git.openRepository', dir);
    await sleep(1500); // the git extension reads the repository's state
    writeFileSync(join(dir, 'committed.txt'), 'second\n');
    git('commit', '-q', '-am', 'Fix the greeting');
    const commit = await waitFor(
      'a commit event',
      async () => (await capturedEvents()).find((e) => e.kind === 'commit' && e.message.trim() === 'Fix the greeting'),
      20_000,
    );
    assert.ok(commit.kind === 'commit');
    assert.ok(
      !(await capturedEvents()).some((e) => e.kind === 'commit' && e.message.includes('first commit')),
      'the state found when the repository opened is not a new commit',
    );
    assert.equal(commit.commit, git('rev-parse', 'HEAD').trim());
  });

  it('the first commit of a repository opened while empty is recorded', async function () {
    this.timeout(30_000);
    const dir = join(workspaceDir(), 'fresh-repo');
    mkdirSync(dir, { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    await vscode.commands.executeCommand('git.openRepository', dir);
    await sleep(1500); // the git extension reads the (empty) repository
    writeFileSync(join(dir, 'first.txt'), 'first\n');
    git('add', 'first.txt');
    git('commit', '-q', '-m', 'Initial import');
    const commit = await waitFor(
      'the first commit',
      async () => (await capturedEvents()).find((e) => e.kind === 'commit' && e.message.trim() === 'Initial import'),
      20_000,
    );
    assert.ok(commit.kind === 'commit');
    assert.equal(commit.commit, git('rev-parse', 'HEAD').trim());
  });

  it('a debug session start and end are recorded', async function () {
    const script = join(workspaceDir(), 'debugged.js');
    writeFileSync(script, 'console.log("debugged");\n');
    const ended = new Promise<void>((r) => {
      const d = vscode.debug.onDidTerminateDebugSession(() => {
        d.dispose();
        r();
      });
    });
    const started = await vscode.debug.startDebugging(vscode.workspace.workspaceFolders![0], {
      type: 'node',
      request: 'launch',
      name: 'codetrail-debug',
      program: script,
      console: 'internalConsole',
    });
    assert.ok(started, 'the debugger started');
    await Promise.race([ended, sleep(30_000)]);
    const events = await waitFor('debug events', async () => {
      const ev = await capturedEvents();
      return ev.some((e) => e.kind === 'debug.end') ? ev : undefined;
    });
    const start = events.find((e) => e.kind === 'debug.start' && e.name === 'codetrail-debug');
    assert.ok(start && start.kind === 'debug.start');
    assert.equal(start.debugType.includes('node'), true);
  });
});
