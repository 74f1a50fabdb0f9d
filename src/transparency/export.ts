// "Export My Trajectories": the engineer's own events held on this machine (pending and the
// sent copies, all redacted) written in the codetrail-export format by the same writer.
import { checkShape, exportDataset, verifyExport, type ExportSummary, type StoredEvent, type VerifyReport } from '@codetrail/dataset';
import type { TrajectoryEvent } from '@codetrail/protocol';
import { dedupe, type HeldEvent } from './model';

/** The pseudonym input for the engineer's own export: there is one user, and it is them. */
export const OWN_USER = 'me';

export interface OwnExportResult {
  summary: ExportSummary;
  verify: VerifyReport;
  /** Held events that failed schema validation (never exported). */
  invalid: number;
}

/** Orders held events as the export expects: by session, then seq; one copy per id. */
export function ownSource(held: readonly HeldEvent[]): { events: StoredEvent[]; invalid: number } {
  let invalid = 0;
  const events: StoredEvent[] = [];
  for (const h of dedupe(held)) {
    const v = checkShape(h.event);
    if (!v.ok) {
      invalid++;
      continue;
    }
    events.push({ user: OWN_USER, event: v.event });
  }
  events.sort((a, b) => cmp(a.event.sessionId, b.event.sessionId) || a.event.seq - b.event.seq);
  // a seq seen twice in a session (never expected) would stop the writer: keep the first
  const out = events.filter(
    (s, i) => i === 0 || s.event.sessionId !== events[i - 1].event.sessionId || s.event.seq !== events[i - 1].event.seq,
  );
  return { events: out, invalid: invalid + events.length - out.length };
}

export async function exportOwnTrajectories(
  held: readonly HeldEvent[],
  outDir: string,
  opts: { overwrite?: boolean; pseudonymKey: string },
): Promise<OwnExportResult> {
  const { events, invalid } = ownSource(held);
  const summary = await exportDataset(
    { events, total: events.length, excluded: (): Record<string, number> => (invalid ? { invalid } : {}) },
    {
      outDir,
      pseudonymKey: opts.pseudonymKey,
      overwrite: opts.overwrite ?? false,
      title: 'My Codetrail trajectories',
      sourceLabel: "this editor's outbox: events not sent yet and the copies kept of recently sent ones",
    },
  );
  const verify = await verifyExport(outDir);
  return { summary, verify, invalid };
}

/** Events whose session is only partly on this machine cannot be replayed alone; say so. */
export function partialSessions(events: readonly TrajectoryEvent[]): number {
  const first = new Map<string, number>();
  for (const e of events) first.set(e.sessionId, Math.min(first.get(e.sessionId) ?? Infinity, e.seq));
  let n = 0;
  for (const s of first.values()) if (s > 0) n++;
  return n;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
