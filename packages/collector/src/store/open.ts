// Picks the store: PostgreSQL when a database URL is given, else the SQLite file under data/.
import { join, resolve } from 'node:path';
import { parseInterval } from './partitions';
import { PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';
import type { Store } from './store';

export interface StoreLocation {
  /** postgres://… ; when absent, SQLite. */
  databaseUrl?: string;
  /** Folder of the SQLite file (default ./data). */
  dataDir?: string;
  /** PostgreSQL: the length of new partitions of the events table (month, week or day). */
  partitionInterval?: string;
}

export function describeStore(loc: StoreLocation): string {
  if (loc.databaseUrl) return 'postgres';
  return `sqlite:${sqliteFile(loc)}`;
}

export function sqliteFile(loc: StoreLocation): string {
  return join(resolve(loc.dataDir ?? 'data'), 'codetrail.db');
}

export async function openStore(loc: StoreLocation): Promise<Store> {
  if (loc.databaseUrl) {
    return PostgresStore.open(loc.databaseUrl, loc.partitionInterval ? { partitionInterval: parseInterval(loc.partitionInterval) } : {});
  }
  return new SqliteStore(sqliteFile(loc));
}
