// How the dataset checks the events it reads. The collection service and its command line pass
// the schema's full validator ('@codetrail/protocol/validate'); the editor's own export reads
// events it wrote itself and passes this shape check, so the schema's validator (zod) stays
// out of the extension's bundle. Verification still replays every trajectory byte for byte.
import type { TrajectoryEvent, ValidationResult } from '@codetrail/protocol';

export type EventValidator = (raw: unknown) => ValidationResult;

/** The fields every event has, with their types: enough to order and replay what it holds. */
export const checkShape: EventValidator = (raw) => {
  const e = raw as Record<string, unknown> | null;
  if (!e || typeof e !== 'object') return { ok: false, error: 'not an object' };
  for (const k of ['id', 'sessionId', 'kind'] as const)
    if (typeof e[k] !== 'string') return { ok: false, error: `${k}: expected a string` };
  for (const k of ['seq', 'time', 'schema'] as const) if (typeof e[k] !== 'number') return { ok: false, error: `${k}: expected a number` };
  if (!e.consent || typeof e.consent !== 'object') return { ok: false, error: 'consent: expected an object' };
  return { ok: true, event: raw as TrajectoryEvent };
};
