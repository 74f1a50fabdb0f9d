// The collection service's store as an export source: its ordered, non-deleted events, each
// judged again by its user's consent facts as they stand now (a pause reported late, a
// workspace excluded since, a deletion), and the counts of what it holds back (tombstoned
// events, events refused at ingest, events left out by that re-check).
import { existsSync } from 'node:fs';
import type { TrajectoryEvent } from '@codetrail/protocol';
import { judge, type RejectReason } from './consent';
import type { ConsentContext, Store } from './store/store';
import { openStore, sqliteFile, type StoreLocation } from './store/open';
import type { ExclusionCounts, ExportFilter, ExportSource, StoredEvent } from '@codetrail/dataset';

/** Only the user filter is pushed down: dates, kinds and languages apply per session in the pipeline. */
export async function storeSource(store: Store, filter: ExportFilter = {}): Promise<ExportSource> {
  const storeFilter = filter.users?.length ? { users: filter.users } : {};
  const total = await store.countEvents(storeFilter);
  const policy = await store.getPolicy();
  const rechecked: Partial<Record<RejectReason, number>> = {};
  async function* events(): AsyncGenerator<StoredEvent> {
    // Rows come ordered by user: each user's facts are read once.
    let user: string | undefined;
    let facts: { consent: ConsentContext; workspaces: Map<string, string> } | undefined;
    for await (const row of store.iterateEvents(storeFilter, 5000)) {
      if (row.userId !== user || !facts) {
        user = row.userId;
        facts = await store.consentFacts(user);
      }
      const why = judge({
        id: row.id, kind: row.kind, time: row.time, sessionId: row.sessionId, consentState: row.consentState,
        workspace: facts.workspaces.get(row.sessionId) ?? row.workspace, receivedAt: row.receivedAt,
      }, facts.consent, policy);
      if (why) {
        rechecked[why] = (rechecked[why] ?? 0) + 1;
        continue;
      }
      // the service stores JSON.stringify of the validated event, so the body is reused as is
      yield { user: row.userId, event: JSON.parse(row.body) as TrajectoryEvent, json: row.body };
    }
  }
  return {
    events: events(),
    total,
    excluded: async () => {
      const c = await store.exclusionCounts(storeFilter);
      const out: ExclusionCounts = { tombstoned: c.tombstoned };
      for (const [reason, n] of Object.entries(c.rejectedAtIngest)) out[`rejected-at-ingest:${reason}`] = n;
      out['deletion-requests-completed'] = c.deletionsCompleted;
      for (const [reason, n] of Object.entries(rechecked)) out[`re-checked:${reason}`] = n ?? 0;
      return out;
    },
  };
}

/** Opens the collector's store exactly as the collector does (--data DIR or --database-url URL). */
export async function openStoreSource(
  where: StoreLocation,
  filter: ExportFilter,
): Promise<{ source: ExportSource; close: () => Promise<void>; label: string }> {
  // Opening SQLite creates a missing file; an export must not invent an empty store.
  if (!where.databaseUrl && !existsSync(sqliteFile(where))) throw new Error(`no collector store at ${sqliteFile(where)}`);
  const store = await openStore(where);
  const label = where.databaseUrl ? 'collection service PostgreSQL store' : 'collection service SQLite store';
  try {
    return { source: await storeSource(store, filter), close: () => store.close(), label };
  } catch (err) {
    await store.close();
    throw err;
  }
}
