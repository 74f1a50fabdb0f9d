// Writes trajectories with known outcomes for the label tests (unit and export suites)
// through the real trajectory core and a real Session: each edit() is one closed step whose
// diff the builder renders, as in the editor.
import { Session } from '../../src/capture/session';
import { TrajectoryBuilder, DEFAULT_TRAJECTORY_OPTIONS, type ContentChange } from '../../src/capture/trajectory';
import type { EditEvent, EventBody, ProvenanceLabel, TrajectoryEvent } from '@codetrail/protocol/internal/schema';

export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

export class Script {
  readonly events: TrajectoryEvent[] = [];
  private readonly session = new Session(
    (e) => this.events.push(e),
    () => ({ state: 'recording', policyVersion: 1 }),
  );
  private readonly builder = new TrajectoryBuilder((b) => this.session.emit(b), {
    ...DEFAULT_TRAJECTORY_OPTIONS,
    maxChangesPerStep: 100_000,
  });
  private readonly texts = new Map<string, string>();
  /** Current time in ms since T0. */
  t = 0;

  constructor() {
    this.session.emit({ kind: 'session.start', time: T0, workspace: 'ws', client: { name: 'codetrail', version: '0' } });
  }

  text(path: string): string {
    return this.texts.get(path)!;
  }

  baseline(path: string, text: string, reason: 'open' | 'resume' | 'resync' = 'open'): this {
    this.texts.set(path, text);
    this.builder.baseline(path, path, 'typescript', text, T0 + this.t, reason);
    return this;
  }

  /**
   * One step of changes (VS Code's contract: offsets into the text before the event), closed
   * at once; returns the edit event.
   */
  edit(path: string, changes: ContentChange | ContentChange[], label: ProvenanceLabel = 'typed'): EditEvent {
    const list = Array.isArray(changes) ? changes : [changes];
    let text = this.texts.get(path)!;
    for (const c of [...list].sort((a, b) => b.offset - a.offset))
      text = text.slice(0, c.offset) + c.inserted + text.slice(c.offset + c.deleted);
    this.texts.set(path, text);
    const before = this.events.length;
    this.builder.change(path, list, { label, confidence: 1 }, T0 + this.t);
    this.builder.flush(T0 + this.t, 'flush');
    const e = this.events.slice(before).find((x): x is EditEvent => x.kind === 'edit');
    if (!e) throw new Error('the changes made no step');
    return e;
  }

  /** Inserts `text` at the first occurrence of `after`'s end (or at `at` when a number). */
  insert(path: string, at: number | string, inserted: string, label: ProvenanceLabel = 'typed'): EditEvent {
    const offset = typeof at === 'number' ? at : this.offsetAfter(path, at);
    return this.edit(path, { offset, deleted: 0, inserted }, label);
  }

  /** Deletes the first occurrence of `what`. */
  remove(path: string, what: string, label: ProvenanceLabel = 'deletion'): EditEvent {
    const offset = this.text(path).indexOf(what);
    if (offset < 0) throw new Error(`${what} is not in ${path}`);
    return this.edit(path, { offset, deleted: what.length, inserted: '' }, label);
  }

  emit(body: Record<string, unknown> & { kind: string }): TrajectoryEvent {
    return this.session.emit({ time: T0 + this.t, ...body } as unknown as EventBody);
  }

  save(path: string): TrajectoryEvent {
    return this.emit({ kind: 'file.save', path, languageId: 'typescript' });
  }

  commit(message = 'change'): TrajectoryEvent {
    return this.emit({ kind: 'commit', message, commit: 'c0ffee'.padEnd(40, '0') });
  }

  /** A terminal command that ran for `durationMs` and ended now. */
  run(commandLine: string, exitCode: number | undefined, outputTail?: string, durationMs = 1000): TrajectoryEvent {
    return this.emit({
      kind: 'terminal.command',
      commandLine,
      source: 'shell-integration',
      durationMs,
      ...(exitCode !== undefined ? { exitCode } : {}),
      ...(outputTail !== undefined ? { outputTail } : {}),
    });
  }

  end(): TrajectoryEvent {
    return this.emit({ kind: 'session.end', reason: 'idle' });
  }

  private offsetAfter(path: string, marker: string): number {
    const i = this.text(path).indexOf(marker);
    if (i < 0) throw new Error(`${marker} is not in ${path}`);
    return i + marker.length;
  }
}
