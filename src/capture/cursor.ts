// Cursor jumps worth recording: a move by mouse or command, or a long move by keyboard,
// at most one per throttle interval. Caret moves while typing are not recorded.

export interface CursorMove {
  path: string;
  line: number;
  character: number;
  /** How the move was made: 'keyboard', 'mouse', 'command', or unknown. */
  kind: 'keyboard' | 'mouse' | 'command' | undefined;
  time: number;
}

export class CursorJumps {
  private last: { path: string; line: number } | undefined;
  private lastTime = -Infinity;

  constructor(
    private readonly throttleMs: number,
    private readonly jumpLines = 10,
  ) {}

  /** Whether this move is a jump to record now. */
  accept(m: CursorMove): boolean {
    const prev = this.last;
    this.last = { path: m.path, line: m.line };
    const jump = !prev || prev.path !== m.path || Math.abs(prev.line - m.line) >= this.jumpLines || m.kind === 'mouse';
    if (!jump || m.time - this.lastTime < this.throttleMs) return false;
    this.lastTime = m.time;
    return true;
  }
}
