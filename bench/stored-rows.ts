// Many stored events for the PostgreSQL benchmarks: real, replayable sessions from the
// trajectory core (test/export/generate.ts), copied under other users and ids.
import type { EventRow } from '@codetrail/collector/internal/store/store';
import { generateStoredEvents } from '../test/export/generate';

/** The base sessions, copied under other users and ids until `n` rows, received at `from` or at `until`. */
export function* copiedRows(n: number, from: number, until: number): Generator<EventRow> {
  const base = [...generateStoredEvents({ users: 4, sessionsPerUser: 2, changesPerSession: 3000, seed: 11 })].filter(
    (e) => e.event.consent.state === 'recording',
  );
  const copies = Math.ceil(n / base.length);
  let made = 0;
  for (let c = 0; c < copies; c++) {
    const prefix = c.toString(16).padStart(8, '0');
    // copies alternate between the two months
    const receivedAt = (c % 2 === 0 ? from : until) + c;
    for (const { user, event } of base) {
      if (made++ >= n) return;
      const id = prefix + event.id.slice(8);
      const sessionId = prefix + event.sessionId.slice(8);
      const body = JSON.stringify(event).replaceAll(event.id, id).replaceAll(event.sessionId, sessionId);
      yield {
        id,
        userId: `${user}-c${c}`,
        sessionId,
        seq: event.seq,
        kind: event.kind,
        time: event.time,
        consentState: event.consent.state,
        language: 'languageId' in event ? event.languageId : null,
        workspace: null,
        body,
        receivedAt,
      };
    }
  }
}
