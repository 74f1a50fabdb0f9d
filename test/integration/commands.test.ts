// Terminal commands through shell integration, terminals without it, and task processes,
// each run for real in the editor's terminal and task system.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { browserDriver, capturedEvents, keepWindowBusy, report, sleep, waitFor, workspaceDir } from './helpers';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';

type TerminalCommand = Extract<TrajectoryEvent, { kind: 'terminal.command' }>;

async function runInTerminal(t: vscode.Terminal, commandLine: string): Promise<number | undefined> {
  const si = t.shellIntegration!;
  return new Promise((resolve) => {
    const ex = si.executeCommand(commandLine);
    const d = vscode.window.onDidEndTerminalShellExecution((e) => {
      if (e.execution === ex) {
        d.dispose();
        resolve(e.exitCode);
      }
    });
  });
}

describe('capture of commands in a real editor', function () {
  const terminals: vscode.Terminal[] = [];
  afterEach(() => {
    for (const t of terminals.splice(0)) t.dispose();
  });

  it('a terminal command that fails and one that succeeds are recorded with exit codes and output', async function () {
    this.timeout(60_000);
    const t = vscode.window.createTerminal({ name: 'codetrail-bash', shellPath: '/bin/bash', cwd: workspaceDir() });
    terminals.push(t);
    t.show();
    await waitFor('shell integration', () => t.shellIntegration, 30_000);
    // VS Code's output stream can miss output that arrives in the same chunk as the command's
    // start (fast commands on a busy machine); a short pause makes the output arrive after it.
    const ok = await runInTerminal(t, 'sleep 0.5; echo codetrail-ok-$((40+2))');
    const bad = await runInTerminal(t, 'ls /codetrail-missing-dir');
    assert.equal(ok, 0);
    assert.notEqual(bad, 0);
    // The output tail is gathered just after the end event.
    const events = await waitFor(
      'both commands with their output',
      async () => {
        const ev = await capturedEvents();
        const n = ev.filter((e) => e.kind === 'terminal.command' && /codetrail-(ok|missing)/.test(e.commandLine)).length;
        return n >= 2 ? ev : undefined;
      },
      8000,
    );
    const cmds = events.filter((e): e is TerminalCommand => e.kind === 'terminal.command');
    const okCmd = cmds.find((c) => c.commandLine.includes('codetrail-ok'));
    const badCmd = cmds.find((c) => c.commandLine.includes('codetrail-missing-dir'));
    assert.ok(okCmd && badCmd, 'both commands are recorded');
    assert.equal(okCmd.exitCode, 0);
    assert.equal(badCmd.exitCode, bad);
    assert.equal(okCmd.cwd, '.', 'the working directory is relative to the workspace');
    assert.match(okCmd.outputTail ?? '', /codetrail-ok-42/);
    assert.ok(!(okCmd.outputTail ?? '').includes('\u001b'), 'terminal escapes are stripped');
    assert.ok((okCmd.durationMs ?? -1) >= 0);
    assert.equal(okCmd.source, 'shell-integration');
  });

  it('instant commands run while the window is busy are recorded with their exit codes and a tail that is their output or nothing', async function () {
    // The editor's window is kept busy while the shell runs a second, instant command, so that
    // its start, output and end may reach the extension host together and its output be lost
    // to any reader that begins at the start event (see commands.vscode.ts).
    if (!browserDriver()) this.skip();
    this.timeout(90_000);
    const t = vscode.window.createTerminal({ name: 'codetrail-fast', shellPath: '/bin/bash', cwd: workspaceDir() });
    terminals.push(t);
    await waitFor('shell integration', () => t.shellIntegration, 30_000);
    let lost = 0;
    const attempts = 3;
    for (let i = 0; i < attempts; i++) {
      const marker = `codetrail-fast-${i}-`;
      const ended = new Promise<number | undefined>((resolve) => {
        const d = vscode.window.onDidEndTerminalShellExecution((e) => {
          if (e.execution.commandLine.value.includes(marker)) {
            d.dispose();
            resolve(e.exitCode);
          }
        });
      });
      t.sendText(`sleep 1.5\necho ${marker}$((6*7))`);
      await sleep(100);
      keepWindowBusy(3000);
      assert.equal(await ended, 0);
      const cmd = await waitFor(
        'the fast command',
        async () =>
          (await capturedEvents()).find((e): e is TerminalCommand => e.kind === 'terminal.command' && e.commandLine.includes(marker)),
        10_000,
      );
      assert.equal(cmd.exitCode, 0, 'recorded with its exit code');
      assert.equal(cmd.cwd, '.');
      const tail = cmd.outputTail ?? '';
      assert.ok(
        tail === '' || tail.replace(/\n$/, '') === `${marker}42`,
        `the tail is the output or nothing, never anything else (${JSON.stringify(tail)})`,
      );
      if (!tail) lost++;
    }
    report(
      `fast commands in a busy window: ${attempts} recorded with exit codes; output not delivered to the start event's reader for ${lost}`,
    );
  });

  it('a terminal without shell integration is reported as such, not guessed', async function () {
    this.timeout(30_000);
    const t = vscode.window.createTerminal({ name: 'codetrail-plain-sh', shellPath: '/bin/sh', cwd: workspaceDir() });
    terminals.push(t);
    const notice = await waitFor(
      'the no-shell-integration notice',
      async () => {
        const events = await capturedEvents();
        return events.find((e) => e.kind === 'terminal.no-shell-integration' && e.terminal === 'codetrail-plain-sh');
      },
      15_000,
    );
    assert.ok(notice);
  });

  it('task processes are recorded with their exit codes', async function () {
    this.timeout(60_000);
    const runTask = (name: string, command: string) =>
      new Promise<number | undefined>((resolve) => {
        const task = new vscode.Task(
          { type: 'shell', name },
          vscode.TaskScope.Workspace,
          name,
          'codetrail-test',
          new vscode.ShellExecution(command),
        );
        const d = vscode.tasks.onDidEndTaskProcess((e) => {
          if (e.execution.task.name === name) {
            d.dispose();
            resolve(e.exitCode);
          }
        });
        void vscode.tasks.executeTask(task);
      });
    assert.equal(await runTask('codetrail-fails', 'exit 3'), 3);
    assert.equal(await runTask('codetrail-succeeds', 'true'), 0);
    const events = await capturedEvents();
    const ends = events.filter((e) => e.kind === 'task.end');
    const failed = ends.find((e) => e.kind === 'task.end' && e.name === 'codetrail-fails');
    const passed = ends.find((e) => e.kind === 'task.end' && e.name === 'codetrail-succeeds');
    assert.ok(failed && failed.kind === 'task.end' && failed.exitCode === 3);
    assert.ok(passed && passed.kind === 'task.end' && passed.exitCode === 0);
    assert.ok(events.some((e) => e.kind === 'task.start' && e.name === 'codetrail-fails'));
    assert.equal(failed.source, 'codetrail-test');
  });
});
