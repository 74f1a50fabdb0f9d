// Test helpers: run the trajectory core against a plain-string model of the document.
import { Session } from '../../src/capture/session';
import { TrajectoryBuilder, type ContentChange, type TrajectoryOptions, DEFAULT_TRAJECTORY_OPTIONS } from '../../src/capture/trajectory';
import type { TrajectoryEvent, ProvenanceLabel } from '@codetrail/protocol/internal/schema';

export interface Recorder {
  events: TrajectoryEvent[];
  builder: TrajectoryBuilder;
}

export function recorder(options: Partial<TrajectoryOptions> = {}, redact?: (text: string) => string): Recorder {
  const events: TrajectoryEvent[] = [];
  const session = new Session(
    (e) => events.push(e),
    () => ({ state: 'recording', policyVersion: 1 }),
  );
  const builder = new TrajectoryBuilder((b) => session.emit(b), { ...DEFAULT_TRAJECTORY_OPTIONS, ...options }, redact);
  return { events, builder };
}

/** Applies changes (offsets relative to the text before the event) the way VS Code does. */
export function applyChanges(text: string, changes: readonly ContentChange[]): string {
  const ordered = [...changes].sort((a, b) => b.offset - a.offset);
  for (const c of ordered) text = text.slice(0, c.offset) + c.inserted + text.slice(c.offset + c.deleted);
  return text;
}

export const typed = { label: 'typed' as ProvenanceLabel, confidence: 1 };
export function prov(label: ProvenanceLabel) {
  return { label, confidence: 0.9 };
}
