// Terminal commands, tasks and debug sessions as plain data: start/end pairs turned into
// events with durations, exit codes and a bounded, escape-free tail of the output.
import type { EventBody } from '@codetrail/protocol';

// CSI, OSC (ended by BEL or ST) and two-character escapes; shell integration adds OSC 633.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

/** Keeps only the last `limit` characters of a stream, in O(chunk) per chunk. */
export class TailBuffer {
  private chunks: string[] = [];
  private length = 0;

  constructor(private readonly limit: number) {}

  push(chunk: string): void {
    if (this.limit <= 0 || chunk.length === 0) return;
    this.chunks.push(chunk.length > this.limit ? chunk.slice(-this.limit) : chunk);
    this.length += Math.min(chunk.length, this.limit);
    while (this.length - this.chunks[0].length >= this.limit) this.length -= this.chunks.shift()!.length;
  }

  /** The tail without terminal escapes or carriage returns, at most `limit` characters. */
  text(): string {
    const raw = this.chunks.join('');
    return stripAnsi(raw.length > this.limit ? raw.slice(-this.limit) : raw)
      .replace(/\r/g, '')
      .slice(-this.limit);
  }
}

/** A working directory relative to the workspace ('.' for its root), or undefined outside it. */
export function relativeCwd(cwd: string | undefined, roots: readonly string[]): string | undefined {
  if (!cwd) return undefined;
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const c = norm(cwd);
  for (const r of roots.map(norm)) {
    if (c === r) return '.';
    if (c.startsWith(r + '/')) return c.slice(r.length + 1);
  }
  return undefined;
}

export interface PendingCommand {
  commandLine: string;
  cwd: string | undefined;
  start: number;
  tail: TailBuffer;
}

/** Shortens a command line to what the schema accepts. */
export function boundedText(s: string, max = 64 * 1024): string {
  return s.length > max ? s.slice(0, max) : s;
}

export function terminalCommandBody(p: PendingCommand, exitCode: number | undefined, end: number): EventBody {
  return {
    kind: 'terminal.command',
    time: end,
    commandLine: boundedText(p.commandLine),
    ...(p.cwd !== undefined ? { cwd: p.cwd } : {}),
    ...(exitCode !== undefined ? { exitCode } : {}),
    durationMs: Math.max(0, Math.round(end - p.start)),
    outputTail: p.tail.text(),
    source: 'shell-integration',
  };
}

/** Pairs start and end of things that run (task processes, debug sessions) by a key. */
export class RunTracker<K> {
  private readonly started = new Map<K, number>();

  start(key: K, time: number): void {
    this.started.set(key, time);
  }

  /** Duration since the matching start, or undefined when the start was not seen. */
  end(key: K, time: number): number | undefined {
    const t = this.started.get(key);
    this.started.delete(key);
    return t === undefined ? undefined : Math.max(0, Math.round(time - t));
  }
}
