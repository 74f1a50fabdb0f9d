// The collection service's store as an export source: its ordered, non-deleted events and
// the counts of what it holds back (tombstoned events, events refused at ingest).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TrajectoryEvent } from '../../../src/protocol/schema';
import type { Store } from '../store/store';
import { PostgresStore } from '../store/postgres';
import { SqliteStore } from '../store/sqlite';
import type { ExclusionCounts, ExportFilter, ExportSource, StoredEvent } from './types';

/** Only the user filter is pushed down: dates, kinds and languages apply per session in the pipeline. */
export async function storeSource(store: Store, filter: ExportFilter = {}): Promise<ExportSource> {
  const storeFilter = filter.users?.length ? { users: filter.users } : {};
  const total = await store.countEvents(storeFilter);
  async function* events(): AsyncGenerator<StoredEvent> {
    for await (const row of store.iterateEvents(storeFilter, 5000)) {
      yield { user: row.userId, event: JSON.parse(row.body) as TrajectoryEvent };
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
      return out;
    },
  };
}

/** The SQLite file the collector keeps under its data folder. */
export const SQLITE_FILE = 'collector.sqlite';

export async function openStoreSource(
  where: { dataDir?: string; databaseUrl?: string },
  filter: ExportFilter,
): Promise<{ source: ExportSource; close: () => Promise<void>; label: string }> {
  let store: Store;
  let label: string;
  if (where.databaseUrl) {
    store = await PostgresStore.open(where.databaseUrl, { max: 2 });
    label = 'collection service PostgreSQL store';
  } else if (where.dataDir) {
    const file = join(where.dataDir, SQLITE_FILE);
    if (!existsSync(file)) throw new Error(`no collector store at ${file}`);
    store = new SqliteStore(file);
    label = 'collection service SQLite store';
  } else {
    throw new Error('no store given');
  }
  try {
    return { source: await storeSource(store, filter), close: () => store.close(), label };
  } catch (err) {
    await store.close();
    throw err;
  }
}
