// The collection service's store as an export source: its ordered, non-deleted events, each
// judged again by its user's consent facts as they stand now (a pause reported late, a
// workspace excluded since, a deletion), and the counts of what it holds back (tombstoned
// events, events refused at ingest, events left out by that re-check).
import { existsSync } from 'node:fs';
import type { TrajectoryEvent } from '@codetrail/protocol';
import { judge, type RejectReason } from './consent';
import type { ConsentContext, EventFilter, EventRow, SessionKey, Store } from './store/store';
import { PostgresStore } from './store/postgres';
import { openStore, sqliteFile, type StoreLocation } from './store/open';
import type { ExclusionCounts, ExportFilter, ExportSource, StoredEvent } from '@codetrail/dataset';

/** What of the store an export reads, besides the dataset filter. */
export interface StoreSelection {
  /** Whole sessions whose start the service received in [from, until): a partition, on PostgreSQL. */
  startedIn?: { from: number; until: number };
}

/** Sessions read per page when a range selects them: their events come a page of rows at a time. */
const SESSIONS_PER_PAGE = 200;

/** Rows of the sessions started in the range, a page of sessions at a time, in the store's order. */
async function* rowsOfSessionsStartedIn(
  store: Store,
  filter: EventFilter,
  range: { from: number; until: number },
): AsyncGenerator<EventRow> {
  let after: SessionKey | null = null;
  for (;;) {
    const page = await store.sessionsStartedIn(range, after, SESSIONS_PER_PAGE);
    if (page.length === 0) return;
    // one session per query: a list of them makes PostgreSQL fetch and sort all their rows for every page
    for (const key of page) yield* store.iterateEvents({ ...filter, sessions: [key] }, 5000);
    if (page.length < SESSIONS_PER_PAGE) return;
    after = page[page.length - 1];
  }
}

/**
 * Only the user filter and the received range are pushed down: dates, kinds and languages
 * apply per session in the pipeline. Rows are read a page at a time, so memory stays bounded.
 */
export async function storeSource(store: Store, filter: ExportFilter = {}, select: StoreSelection = {}): Promise<ExportSource> {
  const storeFilter: EventFilter = filter.users?.length ? { users: filter.users } : {};
  const total = await store.countEvents(select.startedIn ? { ...storeFilter, startedIn: select.startedIn } : storeFilter);
  const policy = await store.getPolicy();
  const rechecked: Partial<Record<RejectReason, number>> = {};
  async function* events(): AsyncGenerator<StoredEvent> {
    // Rows come ordered by user: each user's facts are read once.
    let user: string | undefined;
    let facts: { consent: ConsentContext; workspaces: Map<string, string> } | undefined;
    const rows = select.startedIn ? rowsOfSessionsStartedIn(store, storeFilter, select.startedIn) : store.iterateEvents(storeFilter, 5000);
    for await (const row of rows) {
      if (row.userId !== user || !facts) {
        user = row.userId;
        facts = await store.consentFacts(user);
      }
      const why = judge(
        {
          id: row.id,
          kind: row.kind,
          time: row.time,
          sessionId: row.sessionId,
          consentState: row.consentState,
          workspace: facts.workspaces.get(row.sessionId) ?? row.workspace,
          receivedAt: row.receivedAt,
        },
        facts.consent,
        policy,
      );
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
      const c = await store.exclusionCounts(select.startedIn ? { ...storeFilter, startedIn: select.startedIn } : storeFilter);
      const out: ExclusionCounts = { tombstoned: c.tombstoned };
      for (const [reason, n] of Object.entries(c.rejectedAtIngest)) out[`rejected-at-ingest:${reason}`] = n;
      out['deletion-requests-completed'] = c.deletionsCompleted;
      for (const [reason, n] of Object.entries(rechecked)) out[`re-checked:${reason}`] = n ?? 0;
      return out;
    },
  };
}

export interface StoreSourceOptions {
  /** Whole sessions whose start was received in [from, until). */
  startedIn?: { from: number; until: number };
  /** PostgreSQL: the sessions started in this partition of the events table (events_p20261101). */
  partition?: string;
}

/**
 * Opens the collector's store (--data DIR or --database-url URL). PostgreSQL is opened to read
 * only, so a streaming replica serves (nothing is migrated or created), in one snapshot for the
 * whole export. SQLite is opened as the collector opens it.
 */
export async function openStoreSource(
  where: StoreLocation,
  filter: ExportFilter,
  opts: StoreSourceOptions = {},
): Promise<{ source: ExportSource; close: () => Promise<void>; label: string }> {
  // Opening SQLite creates a missing file; an export must not invent an empty store.
  if (!where.databaseUrl && !existsSync(sqliteFile(where))) throw new Error(`no collector store at ${sqliteFile(where)}`);
  if (opts.partition && !where.databaseUrl) throw new Error('a partition can be exported only from PostgreSQL (--database-url)');
  const store: Store = where.databaseUrl ? await PostgresStore.openReader(where.databaseUrl, { snapshot: true }) : await openStore(where);
  let label = where.databaseUrl ? 'collection service PostgreSQL store' : 'collection service SQLite store';
  try {
    let startedIn = opts.startedIn;
    if (opts.partition) {
      const part = (await (store as PostgresStore).partitions()).find((p) => p.name === opts.partition);
      if (!part) throw new Error(`no partition ${opts.partition} in the events table`);
      startedIn = { from: Math.max(part.from, Number.MIN_SAFE_INTEGER), until: Math.min(part.until, Number.MAX_SAFE_INTEGER) };
      label += `, partition ${part.name}`;
    }
    if (startedIn) {
      const iso = (t: number) => (Math.abs(t) >= 8.64e15 ? (t < 0 ? 'the beginning' : 'the end') : new Date(t).toISOString());
      label += `, sessions started (received) from ${iso(startedIn.from)} until ${iso(startedIn.until)}`;
    }
    return { source: await storeSource(store, filter, startedIn ? { startedIn } : {}), close: () => store.close(), label };
  } catch (err) {
    await store.close();
    throw err;
  }
}
