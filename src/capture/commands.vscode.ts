// Adapter: terminal shell executions, task processes and debug sessions → command events.
import * as vscode from 'vscode';
import type { Recorder } from './recorder';
import type { CodetrailSettings } from '../config';
import { RunTracker, TailBuffer, boundedText, relativeCwd, stripAnsi, terminalCommandBody, type PendingCommand } from './commands';

/** Most terminal output seen while capture is off that is fingerprinted, per command. */
const OFF_TEXT_LIMIT = 256 * 1024;

interface Running extends PendingCommand {
  reading: Promise<void>;
  /** Fingerprints the output seen while capture was off, before anything of the command is recorded. */
  settleOff: () => void;
}

export class CommandCapture implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly running = new Map<vscode.TerminalShellExecution, Running>();
  private readonly noticeTimers = new Map<vscode.Terminal, ReturnType<typeof setTimeout>>();
  private readonly tasks = new RunTracker<vscode.TaskExecution>();
  private readonly debug = new RunTracker<string>();

  constructor(
    private readonly recorder: Recorder,
    private readonly settings: () => CodetrailSettings,
    /** How long a terminal may take to activate shell integration before we say it has none. */
    private readonly shellIntegrationWaitMs = 5000,
  ) {
    const w = vscode.window;
    w.onDidStartTerminalShellExecution(this.onStart, this, this.disposables);
    w.onDidEndTerminalShellExecution(this.onEnd, this, this.disposables);
    w.onDidOpenTerminal(this.watchIntegration, this, this.disposables);
    w.onDidCloseTerminal(this.clearNotice, this, this.disposables);
    w.onDidChangeTerminalShellIntegration((e) => this.clearNotice(e.terminal), this, this.disposables);
    vscode.tasks.onDidStartTaskProcess(this.onTaskStart, this, this.disposables);
    vscode.tasks.onDidEndTaskProcess(this.onTaskEnd, this, this.disposables);
    vscode.debug.onDidStartDebugSession(this.onDebugStart, this, this.disposables);
    vscode.debug.onDidTerminateDebugSession(this.onDebugEnd, this, this.disposables);
    for (const t of w.terminals) this.watchIntegration(t);
  }

  private watchIntegration(t: vscode.Terminal): void {
    if (t.shellIntegration || this.noticeTimers.has(t)) return;
    this.noticeTimers.set(
      t,
      setTimeout(() => {
        this.noticeTimers.delete(t);
        if (!t.shellIntegration && t.exitStatus === undefined) {
          this.recorder.emit({ kind: 'terminal.no-shell-integration', time: Date.now(), terminal: boundedText(t.name, 256) });
        }
      }, this.shellIntegrationWaitMs),
    );
  }

  private clearNotice(t: vscode.Terminal): void {
    const timer = this.noticeTimers.get(t);
    if (timer) clearTimeout(timer);
    this.noticeTimers.delete(t);
  }

  private onStart(e: vscode.TerminalShellExecutionStartEvent): void {
    if (!this.recorder.allowed) return;
    const ex = e.execution;
    const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.path);
    const tail = new TailBuffer(this.settings().capture.terminalOutputTail);
    // Output must be read from the start event on, or the beginning is lost. What arrives
    // while capture is off (a program's output, and the echo of what is typed into it) is
    // not kept: its lines are fingerprinted so that the same text is masked if the program
    // prints it again later.
    //
    // A known gap the stable API cannot close: a very fast command can lose its whole output.
    // The workbench sends start ($shellExecutionStart, when it parses OSC 633;C), output
    // ($shellExecutionData, debounced 50 ms, flushed when OSC 633;D is parsed) and end
    // ($shellExecutionEnd) to the extension host. When C and D are parsed in one batch (a
    // fast command, a busy window), the three arrive together and are dispatched in one
    // macrotask. `read()` below is called synchronously in the start event, the earliest
    // moment an extension can hold a shell-typed execution, but the stream it returns
    // registers its emitter in a queueMicrotask, after that macrotask: the data event finds
    // no reader and is dropped, and the end marks the execution ended. Only a reader holding
    // the execution before its start (the caller of `shellIntegration.executeCommand`)
    // sees it. The APIs that would see terminal data independently of executions,
    // `window.onDidWriteTerminalData` (proposal terminalDataWriteEvent) and
    // `window.onDidExecuteTerminalCommand` (proposal terminalExecuteCommandEvent), are
    // proposed-only. Such a command is still recorded, with its exit code and an empty tail.
    let offText = '';
    const settleOff = () => {
      if (offText) this.recorder.taintText(stripAnsi(offText));
      offText = '';
    };
    const reading = (async () => {
      try {
        for await (const chunk of ex.read()) {
          if (!this.recorder.allowed) {
            if (!offText) tail.push('\n[output while capture was off is not recorded]\n');
            offText = (offText + chunk).slice(-OFF_TEXT_LIMIT);
            continue;
          }
          settleOff();
          tail.push(chunk);
        }
      } catch {
        // The terminal went away; keep what was read.
      }
      settleOff();
    })();
    this.running.set(ex, {
      commandLine: ex.commandLine.value,
      cwd: relativeCwd(ex.cwd?.path, roots),
      start: Date.now(),
      tail,
      reading,
      settleOff,
    });
  }

  private async onEnd(e: vscode.TerminalShellExecutionEndEvent): Promise<void> {
    const r = this.running.get(e.execution);
    if (!r) return;
    this.running.delete(e.execution);
    const end = Date.now();
    // The stream ends with the command (its last data can trail the end event on a busy
    // machine); do not wait long for a terminal that lingers.
    await Promise.race([r.reading, new Promise((res) => setTimeout(res, 2000))]);
    r.settleOff();
    // The command line and working directory may be known more precisely at the end.
    r.commandLine = e.execution.commandLine.value || r.commandLine;
    const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.path);
    r.cwd ??= relativeCwd((e.execution.cwd ?? e.shellIntegration.cwd)?.path, roots);
    this.recorder.emit(terminalCommandBody(r, e.exitCode, end));
  }

  private onTaskStart(e: vscode.TaskProcessStartEvent): void {
    const time = Date.now();
    this.tasks.start(e.execution, time);
    const t = e.execution.task;
    this.recorder.emit({ kind: 'task.start', time, name: boundedText(t.name, 256), source: boundedText(t.source, 256) });
  }

  private onTaskEnd(e: vscode.TaskProcessEndEvent): void {
    const time = Date.now();
    const durationMs = this.tasks.end(e.execution, time);
    const t = e.execution.task;
    this.recorder.emit({
      kind: 'task.end',
      time,
      name: boundedText(t.name, 256),
      source: boundedText(t.source, 256),
      ...(e.exitCode !== undefined ? { exitCode: e.exitCode } : {}),
      ...(durationMs !== undefined ? { durationMs } : {}),
    });
  }

  private onDebugStart(s: vscode.DebugSession): void {
    const time = Date.now();
    this.debug.start(s.id, time);
    this.recorder.emit({ kind: 'debug.start', time, debugType: boundedText(s.type, 128), name: boundedText(s.name, 256) });
  }

  private onDebugEnd(s: vscode.DebugSession): void {
    const time = Date.now();
    const durationMs = this.debug.end(s.id, time);
    this.recorder.emit({
      kind: 'debug.end',
      time,
      debugType: boundedText(s.type, 128),
      name: boundedText(s.name, 256),
      ...(durationMs !== undefined ? { durationMs } : {}),
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const t of this.noticeTimers.values()) clearTimeout(t);
  }
}
