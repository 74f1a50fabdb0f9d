// Redacts every free-text field of an event before it is written anywhere. File contents
// (baselines and diffs) are redacted inside the trajectory builder, line by line, so that
// diffs still apply; this stage covers what else can carry a secret or personal data.
import type { TrajectoryEvent } from '@codetrail/protocol';

export interface TextRedactor {
  redact(text: string): { text: string; dropped?: boolean };
}

export interface RedactStageStats {
  /** Fields whose redaction ran out of time and were replaced by a marker. */
  dropped: number;
}

export function redactEventFields(event: TrajectoryEvent, r: TextRedactor, stats?: RedactStageStats): TrajectoryEvent {
  const red = (s: string): string => {
    const out = r.redact(s);
    if (out.dropped && stats) stats.dropped++;
    return out.text;
  };
  const opt = (s: string | undefined): string | undefined => (s === undefined ? undefined : red(s));
  const e = { ...event } as TrajectoryEvent & Record<string, unknown>;
  if ('path' in e && typeof e.path === 'string') e.path = redactPath(e.path, red);
  switch (e.kind) {
    case 'terminal.command':
      e.commandLine = red(e.commandLine);
      e.cwd = opt(e.cwd);
      e.outputTail = opt(e.outputTail);
      break;
    case 'terminal.no-shell-integration':
      e.terminal = red(e.terminal);
      break;
    case 'task.start':
    case 'task.end':
      e.name = red(e.name);
      e.source = red(e.source);
      break;
    case 'debug.start':
    case 'debug.end':
      e.name = red(e.name);
      break;
    case 'diagnostics':
      if (e.messages) e.messages = e.messages.map(red);
      break;
    case 'commit':
      e.message = red(e.message);
      break;
    case 'marker':
      e.detail = opt(e.detail);
      break;
    default:
      break;
  }
  // Removing undefined keys keeps the event identical to what the validator expects.
  for (const k of Object.keys(e)) if (e[k] === undefined) delete e[k];
  return e;
}

/**
 * A notebook cell's path is its notebook's, then `#cell-` and the editor's id for the cell (a
 * counter and the encoded URI scheme): only the notebook's part can hold what the engineer wrote.
 */
function redactPath(path: string, red: (s: string) => string): string {
  const cell = /#cell-[A-Za-z0-9_=-]{1,64}$/.exec(path);
  return cell === null ? red(path) : red(path.slice(0, cell.index)) + cell[0];
}
