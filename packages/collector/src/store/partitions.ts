// PostgreSQL's events table is partitioned by range of the service's receive time
// (`received_at`, epoch ms, UTC): new rows always go to the newest partition, older ones are
// never written again but by erasure, and retention drops whole partitions. This module holds
// the interval arithmetic and the catalogue work; the store calls it.
import type pg from 'pg';

export type PartitionInterval = 'month' | 'week' | 'day';
export const PARTITION_INTERVALS: readonly PartitionInterval[] = ['month', 'week', 'day'];
export const DEFAULT_PARTITION_INTERVAL: PartitionInterval = 'month';
/** Partitions are kept ready for this many intervals after the current one. */
export const DEFAULT_PARTITIONS_AHEAD = 2;
/** The table an unpartitioned events table became: one partition from the beginning of time. */
export const LEGACY_PARTITION = 'events_legacy';

const DAY = 86_400_000;

export function parseInterval(v: string): PartitionInterval {
  if ((PARTITION_INTERVALS as readonly string[]).includes(v)) return v as PartitionInterval;
  throw new Error(`partition interval must be one of ${PARTITION_INTERVALS.join(', ')}: ${v}`);
}

/** Start of the interval holding `t` (UTC; weeks start on Monday). */
export function intervalStart(interval: PartitionInterval, t: number): number {
  const d = new Date(t);
  if (interval === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (interval === 'day') return day;
  return day - ((d.getUTCDay() + 6) % 7) * DAY;
}

/** Start of the interval after the one starting at `start`. */
export function nextStart(interval: PartitionInterval, start: number): number {
  if (interval === 'month') {
    const d = new Date(start);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  return start + (interval === 'day' ? DAY : 7 * DAY);
}

/** `events_p20261101`: named by its first day, so names sort by time. */
export function partitionName(start: number): string {
  return `events_p${new Date(start).toISOString().slice(0, 10).replace(/-/g, '')}`;
}

export interface PartitionInfo {
  name: string;
  /** Inclusive; -Infinity for a partition from MINVALUE. */
  from: number;
  /** Exclusive. */
  until: number;
  /** A detach that was interrupted (DETACH … CONCURRENTLY) and must be finalised. */
  detachPending: boolean;
}

/** Reads a bound as PostgreSQL prints it: FOR VALUES FROM ('1') TO ('2'), or MINVALUE. */
export function parseBound(expr: string): { from: number; until: number } {
  const m = /FROM \((MINVALUE|'?(-?\d+)'?)\) TO \((MAXVALUE|'?(-?\d+)'?)\)/.exec(expr);
  if (!m) throw new Error(`unexpected partition bound: ${expr}`);
  return {
    from: m[1] === 'MINVALUE' ? -Infinity : Number(m[2]),
    until: m[3] === 'MAXVALUE' ? Infinity : Number(m[4]),
  };
}

type Client = pg.Pool | pg.PoolClient;

/** The partitions of `events`, oldest first. */
export async function listPartitions(c: Client): Promise<PartitionInfo[]> {
  const r = await c.query(`SELECT child.relname AS name, pg_get_expr(child.relpartbound, child.oid) AS bound, i.inhdetachpending AS pending
    FROM pg_inherits i JOIN pg_class child ON child.oid = i.inhrelid JOIN pg_class parent ON parent.oid = i.inhparent
    WHERE parent.relname = 'events' AND parent.relnamespace = current_schema()::regnamespace`);
  return (r.rows as { name: string; bound: string; pending: boolean }[])
    .map((row) => ({ name: row.name, ...parseBound(row.bound), detachPending: row.pending }))
    .sort((a, b) => a.from - b.from);
}

/** Whether `events` is a partitioned table (schema 3) rather than a plain one. */
export async function isPartitioned(c: Client): Promise<boolean> {
  const r = await c.query(
    `SELECT c.relkind FROM pg_class c WHERE c.relname = 'events' AND c.relnamespace = current_schema()::regnamespace`,
  );
  return r.rows[0]?.relkind === 'p';
}

/** Parts of [from, until) that no partition covers. */
export function uncovered(from: number, until: number, parts: readonly { from: number; until: number }[]): [number, number][] {
  const out: [number, number][] = [];
  let at = from;
  for (const p of [...parts].sort((a, b) => a.from - b.from)) {
    if (p.until <= at) continue;
    if (p.from >= until) break;
    if (p.from > at) out.push([at, p.from]);
    at = Math.max(at, p.until);
    if (at >= until) break;
  }
  if (at < until) out.push([at, until]);
  return out;
}

/**
 * Creates the partitions that make [from, until) receivable, each aligned to the interval and
 * clipped to the partitions already there. A partition is made as a plain table and attached,
 * which locks the parent only SHARE UPDATE EXCLUSIVE: ingest and long reads go on meanwhile.
 * Runs in the caller's transaction, which must hold the partition lock.
 */
export async function createPartitions(c: pg.PoolClient, interval: PartitionInterval, from: number, until: number): Promise<string[]> {
  const existing = await listPartitions(c);
  const created: string[] = [];
  for (let s = intervalStart(interval, from); s < until; s = nextStart(interval, s)) {
    for (const [a, b] of uncovered(s, nextStart(interval, s), existing)) {
      const name = partitionName(a);
      await c.query(`CREATE TABLE ${name} (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      // The constraint spares ATTACH a scan of the (empty) table.
      await c.query(`ALTER TABLE ${name} ADD CONSTRAINT ${name}_range CHECK (received_at >= ${a} AND received_at < ${b})`);
      await c.query(`ALTER TABLE events ATTACH PARTITION ${name} FOR VALUES FROM (${a}) TO (${b})`);
      await c.query(`ALTER TABLE ${name} DROP CONSTRAINT ${name}_range`);
      existing.push({ name, from: a, until: b, detachPending: false });
      created.push(name);
    }
  }
  return created;
}
