// The multi-node store: PostgreSQL through `pg`. Collector processes are stateless; every
// decision (dedup, consent context, policy) is read from or enforced by this database.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_POLICY,
  bodyText,
  utcDay,
  type AuditEntry,
  type ConsentContext,
  type Deletion,
  type EventFilter,
  type EventRow,
  type ExcludedWorkspace,
  type ExclusionCounts,
  type Exemption,
  type ExemptionStatus,
  type IngestContext,
  type InsertGuard,
  type InsertResult,
  type NewEventRow,
  type Pause,
  type PauseChange,
  type Policy,
  type SessionKey,
  type Stats,
  type Store,
  type TokenRecord,
  type User,
} from './store';
import {
  CANONICAL_FIRST,
  EVENT_COLUMNS,
  cursorOf,
  deletionFromRow,
  deletionJobPredicate,
  eventFromRow,
  eventPageQuery,
  sessionsPageQuery,
  exemptionFromRow,
  filterPredicate,
  schemaV1,
  schemaV2Tables,
  scopePredicate,
  tokenFromRow,
  type EventCursor,
  type SqlTypes,
} from './sql';
import { pauseFromRow } from './sqlite';
import {
  DEFAULT_PARTITION_INTERVAL,
  DEFAULT_PARTITIONS_AHEAD,
  LEGACY_PARTITION,
  createPartitions,
  intervalStart,
  isPartitioned,
  listPartitions,
  nextStart,
  parseInterval,
  type PartitionInfo,
  type PartitionInterval,
} from './partitions';

type Row = Record<string, unknown>;
type Queryable = pg.Pool | pg.PoolClient;

const EVENT_ARRAY_TYPES = ['text', 'text', 'text', 'bigint', 'text', 'bigint', 'text', 'text', 'text', 'text', 'bigint'];
const TYPES: SqlTypes = { int: 'BIGINT', bool: 'BOOLEAN', serial: 'BIGSERIAL', key: 'TEXT COLLATE "C"' };
const MIGRATION_LOCK = 74210501;

/** One INSERT for a whole batch: each column travels as one array parameter. */
export function eventsInsertSql(onConflict: boolean, table = 'events'): string {
  const cols = EVENT_ARRAY_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
  return `INSERT INTO ${table} (${EVENT_COLUMNS}) SELECT * FROM unnest(${cols})${onConflict ? ' ON CONFLICT (user_id, id) DO NOTHING' : ''}`;
}

/** Advisory lock namespace of a user's consent facts (the second key is hashtext(user)). */
const CONSENT_LOCK = 74210502;
/** Creating partitions: one collector at a time. */
const PARTITION_LOCK = 74210503;
/** Retention: one collector's job at a time (held for the session: DETACH CONCURRENTLY runs outside a transaction). */
const RETENTION_LOCK = 74210504;

/** The schema version of a PostgreSQL store: 3 is the events table partitioned by receive time. */
export const PG_SCHEMA_VERSION = 3;

const EVENTS_TABLE = `CREATE TABLE events (id ${TYPES.key} NOT NULL, user_id ${TYPES.key} NOT NULL, session_id ${TYPES.key} NOT NULL,
  seq BIGINT NOT NULL, kind TEXT NOT NULL, time BIGINT NOT NULL, consent_state TEXT NOT NULL, language TEXT, workspace TEXT,
  body TEXT NOT NULL, received_at BIGINT NOT NULL, deleted_at BIGINT) PARTITION BY RANGE (received_at)`;

/**
 * Rows of the batch whose id this user has not stored yet, in any partition. A key that
 * includes the partition column cannot say that on its own, so the caller holds the user's
 * consent lock exclusively: no other insert of this user runs between this look and the write.
 */
const NEW_ROWS = `SELECT DISTINCT ON (u.user_id, u.id) u.* FROM unnest(p_id, p_user_id, p_session, p_seq, p_kind, p_time, p_state,
      p_language, p_workspace, p_body, p_received) AS u(id, user_id, session_id, seq, kind, time, consent_state, language, workspace, body, received_at)
    WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.user_id = u.user_id AND e.id = u.id)
    ORDER BY u.user_id, u.id, u.received_at`;

const ARRAY_PARAMS = `p_id text[], p_user_id text[], p_session text[], p_seq bigint[], p_kind text[], p_time bigint[], p_state text[],
    p_language text[], p_workspace text[], p_body text[], p_received bigint[]`;

/**
 * The batch insert, made only if the user's consent facts are still at the version the batch
 * was judged by. It holds the user's consent lock while it checks and inserts; a change of the
 * user's facts takes it too for its whole transaction. So a change either waits for the insert
 * to commit (and sees its rows), or the insert waits for the change and, each statement of a
 * function taking a fresh snapshot, reads the new version and inserts nothing. The lock is
 * exclusive since the table is partitioned: two batches of one user (a retry on another
 * collector) must not both find an id new. An advisory lock lives in memory: it writes nothing.
 */
const GUARDED_INSERT_FUNCTION = `CREATE OR REPLACE FUNCTION codetrail_insert_events(p_user text, p_version bigint, ${ARRAY_PARAMS})
  RETURNS TABLE (o_version bigint, o_inserted bigint) LANGUAGE plpgsql
  -- one index probe per partition and row: never a hash or merge join against the whole table
  SET enable_hashjoin = off SET enable_mergejoin = off AS $fn$
  DECLARE v bigint; n bigint;
  BEGIN
    PERFORM pg_advisory_xact_lock(${CONSENT_LOCK}, hashtext(p_user));
    SELECT c.version INTO v FROM consent_versions c WHERE c.user_id = p_user;
    v := COALESCE(v, 0);
    IF v <> p_version THEN RETURN QUERY SELECT v, 0::bigint; RETURN; END IF;
    INSERT INTO events (${EVENT_COLUMNS}) ${NEW_ROWS} ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN QUERY SELECT v, n;
  END $fn$`;

/** Rows of any users, unguarded (tools, benchmarks): each user's lock, taken in one order. */
const ROWS_INSERT_FUNCTION = `CREATE OR REPLACE FUNCTION codetrail_insert_rows(${ARRAY_PARAMS})
  RETURNS bigint LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off AS $fn$
  DECLARE n bigint;
  BEGIN
    PERFORM pg_advisory_xact_lock(${CONSENT_LOCK}, k) FROM (SELECT DISTINCT hashtext(x) AS k FROM unnest(p_user_id) x ORDER BY 1) ks;
    INSERT INTO events (${EVENT_COLUMNS}) ${NEW_ROWS} ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
  END $fn$`;

const GUARDED_INSERT_SQL = `SELECT o_version AS version, o_inserted AS inserted FROM codetrail_insert_events($12, $13,
  ${EVENT_ARRAY_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
const ROWS_INSERT_SQL = `SELECT codetrail_insert_rows(${EVENT_ARRAY_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) AS inserted`;

/** Rows of a partition about to be dropped: counted when small, else the planner's estimate (a month holds billions). */
async function rowsOf(c: pg.PoolClient, table: string): Promise<number> {
  const est = Number((await c.query(`SELECT reltuples FROM pg_class WHERE oid = $1::regclass`, [table])).rows[0].reltuples);
  if (est > 1_000_000) return Math.round(est);
  return Number((await c.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n);
}

/** PostgreSQL's answer to a row that no partition takes. */
const isNoPartition = (e: unknown) => (e as { code?: string }).code === '23514' && /no partition/.test((e as Error).message);

export interface PostgresOptions {
  /** Pool size (default 10). */
  max?: number;
  /** Length of a new partition; kept in the database for every collector (default: as stored, else month). */
  partitionInterval?: PartitionInterval;
  /** Partitions kept ready after the current one (default 2). */
  partitionsAhead?: number;
  /** The clock partitions are made by (tests). */
  now?: () => number;
}

export function eventsInsertParams(rows: readonly NewEventRow[]): unknown[][] {
  const cols: unknown[][] = EVENT_ARRAY_TYPES.map(() => new Array(rows.length));
  rows.forEach((r, i) => {
    cols[0][i] = r.id;
    cols[1][i] = r.userId;
    cols[2][i] = r.sessionId;
    cols[3][i] = r.seq;
    cols[4][i] = r.kind;
    cols[5][i] = r.time;
    cols[6][i] = r.consentState;
    cols[7][i] = r.language;
    cols[8][i] = r.workspace;
    cols[9][i] = bodyText(r.body);
    cols[10][i] = r.receivedAt;
  });
  return cols;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly blocking = false;
  private interval: PartitionInterval = DEFAULT_PARTITION_INTERVAL;
  private readonly ahead: number;
  private readonly now: () => number;

  /** A reader (exports): never migrates or writes; its pool's one client may hold a snapshot. */
  private readOnly = false;
  private snapshot = false;

  private constructor(
    readonly pool: pg.Pool,
    opts: PostgresOptions,
  ) {
    this.ahead = opts.partitionsAhead ?? DEFAULT_PARTITIONS_AHEAD;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Opens the store to read only, as an export does: on the primary or on a streaming replica
   * (a hot standby refuses every write, so nothing is migrated or created). With `snapshot`,
   * every query runs in one REPEATABLE READ transaction on the pool's single client, so the
   * whole export sees the store as it was when it began, whatever ingest does meanwhile.
   */
  static async openReader(url: string, opts: { snapshot?: boolean } = {}): Promise<PostgresStore> {
    // One client that never idles out: with a snapshot, every query must reach the same transaction.
    const pool = new pg.Pool({
      connectionString: url,
      max: 1,
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: 10_000,
      options: '-c default_transaction_read_only=on',
    });
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool, {});
    store.readOnly = true;
    try {
      if (opts.snapshot) {
        await pool.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        store.snapshot = true;
      }
      const row = await store.get(`SELECT value FROM settings WHERE key = 'schema_version'`);
      const version = row ? Number(row.value) : 1;
      if (version > PG_SCHEMA_VERSION)
        throw new Error(`the database has schema version ${version}; this export knows up to ${PG_SCHEMA_VERSION}`);
      const interval = await store.get(`SELECT value FROM settings WHERE key = 'partition_interval'`);
      if (interval) store.interval = parseInterval(interval.value as string);
    } catch (e) {
      await pool.end();
      throw e;
    }
    return store;
  }

  static async open(url: string, opts: PostgresOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, connectionTimeoutMillis: 10_000 });
    // An idle client's network error must not take the process down.
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool, opts);
    try {
      await store.migrate(opts.partitionInterval);
      await store.createPartitionsAhead(store.now());
    } catch (e) {
      await pool.end();
      throw e;
    }
    return store;
  }

  /** Brings a database of any earlier schema version to this one, in one transaction. */
  private async migrate(interval: PartitionInterval | undefined): Promise<void> {
    await this.tx(async (c) => {
      // Collectors starting together must not race on CREATE TABLE or a migration.
      await c.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      const fresh = !(await this.get(
        `SELECT 1 FROM pg_class WHERE relname = 'events' AND relnamespace = current_schema()::regnamespace`,
        [],
        c,
      ));
      // A new database gets the partitioned table at once; the statements of version 1 then leave it be.
      if (fresh) await c.query(EVENTS_TABLE);
      for (const s of schemaV1(TYPES)) await c.query(s);
      const row = await this.get(`SELECT value FROM settings WHERE key = 'schema_version'`, [], c);
      let version = row ? Number(row.value) : 1;
      if (version > PG_SCHEMA_VERSION)
        throw new Error(`the database has schema version ${version}; this collector knows up to ${PG_SCHEMA_VERSION}`);
      if (fresh) {
        await c.query('ALTER TABLE events ADD PRIMARY KEY (user_id, id, received_at)');
        for (const s of schemaV2Tables(TYPES)) await c.query(s);
        version = PG_SCHEMA_VERSION;
      }
      if (version < 2) {
        // Event ids become unique per user and canonical (lower case); of copies differing in case one stays.
        await c.query(`DELETE FROM events WHERE ctid IN (SELECT ctid FROM (
            SELECT ctid, row_number() OVER (PARTITION BY lower(id) ORDER BY ${CANONICAL_FIRST}) AS n FROM events
            WHERE lower(id) IN (SELECT lower(id) FROM events WHERE id <> lower(id) OR session_id <> lower(session_id))) x
          WHERE n > 1)`);
        await c.query(`UPDATE events SET id = lower(id), session_id = lower(session_id),
            body = replace(replace(body, id, lower(id)), session_id, lower(session_id))
          WHERE id <> lower(id) OR session_id <> lower(session_id)`);
        await c.query('ALTER TABLE events DROP CONSTRAINT IF EXISTS events_pkey');
        await c.query('ALTER TABLE events ADD PRIMARY KEY (user_id, id)');
        await c.query(`DELETE FROM sessions WHERE ctid IN (SELECT ctid FROM (
            SELECT ctid, row_number() OVER (PARTITION BY user_id, lower(session_id) ORDER BY (session_id = lower(session_id)) DESC) AS n
            FROM sessions WHERE (user_id, lower(session_id)) IN (SELECT user_id, lower(session_id) FROM sessions WHERE session_id <> lower(session_id))) x
          WHERE n > 1)`);
        await c.query('UPDATE sessions SET session_id = lower(session_id) WHERE session_id <> lower(session_id)');
        for (const s of schemaV2Tables(TYPES)) await c.query(s);
      }
      if (version < 3) await this.partitionExisting(c);
      if (version < PG_SCHEMA_VERSION || !row) {
        await c.query(
          `INSERT INTO settings (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [String(PG_SCHEMA_VERSION)],
        );
      }
      if (interval) {
        await c.query(
          `INSERT INTO settings (key, value) VALUES ('partition_interval', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [interval],
        );
      }
      const stored = await this.get(`SELECT value FROM settings WHERE key = 'partition_interval'`, [], c);
      this.interval = stored ? parseInterval(stored.value as string) : DEFAULT_PARTITION_INTERVAL;
      await c.query(GUARDED_INSERT_FUNCTION);
      await c.query(ROWS_INSERT_FUNCTION);
    });
  }

  /**
   * Version 3: the unpartitioned events table becomes the first partition of a table
   * partitioned by receive time, from the beginning of time to just after its last row. It is
   * attached, not copied (a unique index on the new key is built; nothing is rewritten), and
   * retention deletes its rows by event time, as before, until it can drop it whole.
   */
  private async partitionExisting(c: pg.PoolClient): Promise<void> {
    if (await isPartitioned(c)) return;
    const last = Number((await this.get('SELECT COALESCE(MAX(received_at), 0) AS m FROM events', [], c))!.m);
    const bound = Math.max(this.now(), last + 1);
    await c.query(`ALTER TABLE events RENAME TO ${LEGACY_PARTITION}`);
    // A table has one primary key: the partition's is the parent's (with received_at), built by ATTACH.
    await c.query(`ALTER TABLE ${LEGACY_PARTITION} DROP CONSTRAINT IF EXISTS events_pkey`);
    for (const [from, to] of [
      ['events_order', 'order'],
      ['events_time', 'time'],
    ]) {
      await c.query(`ALTER INDEX IF EXISTS ${from} RENAME TO ${LEGACY_PARTITION}_${to}`);
    }
    await c.query(EVENTS_TABLE);
    await c.query('ALTER TABLE events ADD PRIMARY KEY (user_id, id, received_at)');
    await c.query('CREATE INDEX events_order ON events (user_id, session_id, seq, id)');
    await c.query('CREATE INDEX events_time ON events (time)');
    await c.query(`ALTER TABLE ${LEGACY_PARTITION} ADD CONSTRAINT ${LEGACY_PARTITION}_range CHECK (received_at < ${bound})`);
    await c.query(`ALTER TABLE events ATTACH PARTITION ${LEGACY_PARTITION} FOR VALUES FROM (MINVALUE) TO (${bound})`);
    await c.query(`ALTER TABLE ${LEGACY_PARTITION} DROP CONSTRAINT ${LEGACY_PARTITION}_range`);
  }

  /** The partitions of the events table, oldest first. */
  partitions(): Promise<PartitionInfo[]> {
    return listPartitions(this.pool);
  }

  get partitionInterval(): PartitionInterval {
    return this.interval;
  }

  /** Makes [from, until) receivable: creates the partitions missing there. */
  async ensurePartitions(from: number, until: number): Promise<string[]> {
    return this.tx(async (c) => {
      // Never queue behind a long lock: the job tries again next time.
      await c.query(`SET LOCAL lock_timeout = '10s'`);
      await c.query(`SELECT pg_advisory_xact_lock(${PARTITION_LOCK})`);
      return createPartitions(c, this.interval, from, until);
    });
  }

  async createPartitionsAhead(now: number): Promise<string[]> {
    let until = intervalStart(this.interval, now);
    for (let i = 0; i <= this.ahead; i++) until = nextStart(this.interval, until);
    return this.ensurePartitions(now, until);
  }

  /**
   * First statement of a transaction that changes a user's consent facts: takes their consent
   * lock exclusively (until the transaction ends) and bumps their version; the transaction's
   * later statements see every batch inserted before.
   */
  private async bumpVersion(userId: string, c: pg.PoolClient): Promise<void> {
    await this.run(
      `WITH lock AS (SELECT pg_advisory_xact_lock(${CONSENT_LOCK}, hashtext($1)))
      INSERT INTO consent_versions (user_id, version) SELECT $1, 1 FROM lock
      ON CONFLICT (user_id) DO UPDATE SET version = consent_versions.version + 1`,
      [userId],
      c,
    );
  }

  private async all(sql: string, params: unknown[] = [], q: Queryable = this.pool): Promise<Row[]> {
    return (await q.query(sql, params)).rows as Row[];
  }
  private async get(sql: string, params: unknown[] = [], q: Queryable = this.pool): Promise<Row | undefined> {
    return (await this.all(sql, params, q))[0];
  }
  private async run(sql: string, params: unknown[] = [], q: Queryable = this.pool): Promise<number> {
    return (await q.query(sql, params)).rowCount ?? 0;
  }
  private bind(params: unknown[]) {
    return (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
  }
  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async close(): Promise<void> {
    if (this.snapshot) await this.pool.query('COMMIT').catch(() => undefined);
    await this.pool.end();
  }

  async upsertUser(id: string, groups: string[]): Promise<User> {
    await this.run(
      `INSERT INTO users (id, groups_json, created_at) VALUES ($1, $2, $3)
      ON CONFLICT (id) DO UPDATE SET groups_json = excluded.groups_json`,
      [id, JSON.stringify(groups), Date.now()],
    );
    await this.run('INSERT INTO consent_versions (user_id, version) VALUES ($1, 0) ON CONFLICT DO NOTHING', [id]);
    return (await this.getUser(id))!;
  }

  async getUser(id: string): Promise<User | null> {
    const r = await this.get('SELECT * FROM users WHERE id = $1', [id]);
    return r ? { id: r.id as string, groups: JSON.parse(r.groups_json as string), createdAt: Number(r.created_at) } : null;
  }

  async createToken(t: TokenRecord, hash: string): Promise<void> {
    await this.run(
      `INSERT INTO tokens (id, hash, user_id, admin, label, created_at, expires_at, revoked_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [t.id, hash, t.userId, t.admin, t.label, t.createdAt, t.expiresAt, t.revokedAt],
    );
  }

  async findTokenByHash(hash: string): Promise<TokenRecord | null> {
    const r = await this.get('SELECT * FROM tokens WHERE hash = $1', [hash]);
    return r ? tokenFromRow(r) : null;
  }

  async revokeToken(id: string, at: number): Promise<boolean> {
    return (await this.run('UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])) > 0;
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (await this.all('SELECT * FROM tokens ORDER BY created_at, id')).map(tokenFromRow);
  }

  async insertEvents(rows: readonly NewEventRow[], guard?: InsertGuard): Promise<InsertResult> {
    if (!guard && rows.length === 0) return { inserted: 0, duplicates: 0 };
    const params = eventsInsertParams(rows);
    const attempt = async (): Promise<InsertResult> => {
      if (guard) {
        const r = (await this.get(GUARDED_INSERT_SQL, [...params, guard.userId, guard.consentVersion]))!;
        if (Number(r.version) !== guard.consentVersion) return { inserted: 0, duplicates: 0, stale: true };
        const inserted = Number(r.inserted);
        return { inserted, duplicates: rows.length - inserted };
      }
      const inserted = Number((await this.get(ROWS_INSERT_SQL, params))!.inserted);
      return { inserted, duplicates: rows.length - inserted };
    };
    try {
      return await attempt();
    } catch (e) {
      // A receive time no partition covers yet (the job has not run, or a held event older than
      // the oldest partition): make the partitions and write again.
      if (!isNoPartition(e)) throw e;
      let from = Infinity;
      let until = -Infinity;
      for (const r of rows) {
        from = Math.min(from, r.receivedAt);
        until = Math.max(until, r.receivedAt + 1);
      }
      await this.ensurePartitions(from, until);
      return attempt();
    }
  }

  async recordSessions(userId: string, sessions: readonly { sessionId: string; workspace: string }[]): Promise<void> {
    if (sessions.length === 0) return;
    await this.run(
      `INSERT INTO sessions (user_id, session_id, workspace) SELECT $1, * FROM unnest($2::text[], $3::text[])
      ON CONFLICT DO NOTHING`,
      [userId, sessions.map((s) => s.sessionId), sessions.map((s) => s.workspace)],
    );
  }

  async ingestContext(userId: string, sessionIds: readonly string[], span: { from: number; until: number }): Promise<IngestContext> {
    // One round trip per batch: the ingest path asks this for every request.
    const r = (await this.get(
      `SELECT
      (SELECT COALESCE(MAX(version), 0) FROM consent_versions c WHERE c.user_id = $1) AS version,
      (SELECT COALESCE(json_agg(e), '[]') FROM exemptions e WHERE e.user_id = $1 AND e.status <> 'denied') AS exemptions,
      (SELECT COALESCE(json_agg(p), '[]') FROM pauses p WHERE p.user_id = $1 AND p.until_ms > $2 AND p.from_ms <= $3) AS pauses,
      (SELECT COALESCE(json_agg(d), '[]') FROM deletions d WHERE d.user_id = $1) AS deletions,
      (SELECT COALESCE(json_agg(w.hash), '[]') FROM excluded_workspaces w) AS workspaces,
      (SELECT COALESCE(json_agg(json_build_array(s.session_id, s.workspace)), '[]') FROM sessions s
        WHERE s.user_id = $1 AND s.session_id = ANY($4::text[])) AS sessions`,
      [userId, span.from, span.until, [...sessionIds]],
    ))!;
    return {
      consent: {
        exemptions: (r.exemptions as Row[]).map(exemptionFromRow),
        pauses: (r.pauses as Row[]).map(pauseFromRow),
        deletions: (r.deletions as Row[]).map(deletionFromRow),
        excludedWorkspaces: new Set(r.workspaces as string[]),
      },
      workspaces: new Map(r.sessions as [string, string][]),
      version: Number(r.version),
    };
  }

  async holdEvents(rows: readonly NewEventRow[]): Promise<{ held: number; duplicates: number }> {
    if (!rows.length) return { held: 0, duplicates: 0 };
    const held = await this.run(eventsInsertSql(true, 'held_events'), eventsInsertParams(rows));
    return { held, duplicates: rows.length - held };
  }

  async releaseHeld(userId: string, sessionIds: readonly string[]): Promise<NewEventRow[]> {
    if (!sessionIds.length) return [];
    const rows = await this.all(`DELETE FROM held_events WHERE user_id = $1 AND session_id = ANY($2::text[]) RETURNING ${EVENT_COLUMNS}`, [
      userId,
      [...sessionIds],
    ]);
    return rows.map(eventFromRow).sort((a, b) => (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : a.seq - b.seq));
  }

  async deletedIds(userId: string, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.all('SELECT id FROM deleted_ids WHERE user_id = $1 AND id = ANY($2::text[])', [userId, [...ids]]);
    return new Set(rows.map((r) => r.id as string));
  }

  async consentFacts(userId: string): Promise<{ consent: ConsentContext; workspaces: Map<string, string> }> {
    const [{ consent }, sessions] = await Promise.all([
      this.ingestContext(userId, [], { from: Number.MIN_SAFE_INTEGER, until: Number.MAX_SAFE_INTEGER }),
      this.all('SELECT session_id, workspace FROM sessions WHERE user_id = $1', [userId]),
    ]);
    return { consent, workspaces: new Map(sessions.map((r) => [r.session_id as string, r.workspace as string])) };
  }

  async countRejections(day: string, counts: Record<string, number>): Promise<void> {
    const entries = Object.entries(counts).filter(([, n]) => n > 0);
    if (entries.length === 0) return;
    await this.run(
      `INSERT INTO rejections (day, reason, count) SELECT $1, * FROM unnest($2::text[], $3::bigint[])
      ON CONFLICT (day, reason) DO UPDATE SET count = rejections.count + excluded.count`,
      [day, entries.map(([r]) => r), entries.map(([, n]) => n)],
    );
  }

  async changePause(userId: string, id: string, merge: (before: Pause | null) => Pause): Promise<PauseChange> {
    return this.tx(async (c) => {
      await this.bumpVersion(userId, c);
      const r = await this.get('SELECT * FROM pauses WHERE user_id = $1 AND id = $2', [userId, id], c);
      const before = r ? pauseFromRow(r) : null;
      const after = merge(before);
      await this.run(
        `INSERT INTO pauses (user_id, id, from_ms, until_ms, reported_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (user_id, id) DO UPDATE SET from_ms = excluded.from_ms, until_ms = excluded.until_ms, reported_at = excluded.reported_at`,
        [userId, id, after.from, after.until, after.reportedAt],
        c,
      );
      return { before, after };
    });
  }

  async listPauses(userId: string, at: number): Promise<Pause[]> {
    return (await this.all('SELECT * FROM pauses WHERE user_id = $1 AND until_ms > $2 ORDER BY from_ms, id', [userId, at])).map(
      pauseFromRow,
    );
  }

  async excludeWorkspace(w: ExcludedWorkspace): Promise<void> {
    await this.run(
      `INSERT INTO excluded_workspaces (hash, label, created_at) VALUES ($1, $2, $3)
      ON CONFLICT (hash) DO UPDATE SET label = excluded.label`,
      [w.hash, w.label, w.createdAt],
    );
  }

  async includeWorkspace(hash: string): Promise<boolean> {
    return (await this.run('DELETE FROM excluded_workspaces WHERE hash = $1', [hash])) > 0;
  }

  async listExcludedWorkspaces(): Promise<ExcludedWorkspace[]> {
    return (await this.all('SELECT * FROM excluded_workspaces ORDER BY created_at, hash')).map((r) => ({
      hash: r.hash as string,
      label: r.label as string,
      createdAt: Number(r.created_at),
    }));
  }

  async createExemption(e: Exemption): Promise<void> {
    await this.tx(async (c) => {
      await this.bumpVersion(e.userId, c);
      await this.run(
        `INSERT INTO exemptions (id, user_id, reason, scope, status, requested_at, decided_at, decided_by, note)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [e.id, e.userId, e.reason, JSON.stringify(e.scope), e.status, e.requestedAt, e.decidedAt, e.decidedBy, e.note],
        c,
      );
    });
  }

  async getExemption(id: string): Promise<Exemption | null> {
    const r = await this.get('SELECT * FROM exemptions WHERE id = $1', [id]);
    return r ? exemptionFromRow(r) : null;
  }

  async listExemptions(filter: { userId?: string; status?: ExemptionStatus }): Promise<Exemption[]> {
    const params: unknown[] = [];
    const p = this.bind(params);
    const where: string[] = [];
    if (filter.userId !== undefined) where.push(`user_id = ${p(filter.userId)}`);
    if (filter.status !== undefined) where.push(`status = ${p(filter.status)}`);
    const sql = `SELECT * FROM exemptions ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY requested_at, id`;
    return (await this.all(sql, params)).map(exemptionFromRow);
  }

  async decideExemption(id: string, status: 'approved' | 'denied', by: string, note: string, at: number): Promise<Exemption | null> {
    const owner = await this.get(`SELECT user_id FROM exemptions WHERE id = $1`, [id]);
    if (!owner) return null;
    return this.tx(async (c) => {
      await this.bumpVersion(owner.user_id as string, c);
      const r = await this.get(
        `UPDATE exemptions SET status = $1, decided_by = $2, note = $3, decided_at = $4
        WHERE id = $5 AND status = 'pending' RETURNING *`,
        [status, by, note, at, id],
        c,
      );
      return r ? exemptionFromRow(r) : null;
    });
  }

  async addAudit(e: AuditEntry): Promise<void> {
    await this.run('INSERT INTO audit (time, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)', [
      e.time,
      e.actor,
      e.action,
      e.subject,
      JSON.stringify(e.detail),
    ]);
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    return (await this.all('SELECT * FROM audit ORDER BY id DESC LIMIT $1', [limit])).map((r) => ({
      id: Number(r.id),
      time: Number(r.time),
      actor: r.actor as string,
      action: r.action as string,
      subject: r.subject as string,
      detail: JSON.parse(r.detail as string),
    }));
  }

  async getPolicy(): Promise<Policy> {
    if (this.readOnly) {
      const row = await this.get(`SELECT value FROM settings WHERE key = 'policy'`);
      return row ? (JSON.parse(row.value as string) as Policy) : { ...DEFAULT_POLICY, workspaceSalt: '' };
    }
    const initial: Policy = { ...DEFAULT_POLICY, workspaceSalt: randomBytes(32).toString('hex') };
    await this.run(`INSERT INTO settings (key, value) VALUES ('policy', $1) ON CONFLICT (key) DO NOTHING`, [JSON.stringify(initial)]);
    return JSON.parse((await this.get(`SELECT value FROM settings WHERE key = 'policy'`))!.value as string) as Policy;
  }

  async setPolicy(p: Omit<Policy, 'version' | 'workspaceSalt'> & Partial<Pick<Policy, 'workspaceSalt'>>): Promise<Policy> {
    await this.getPolicy();
    return this.tx(async (c) => {
      const current = JSON.parse(
        (await this.get(`SELECT value FROM settings WHERE key = 'policy' FOR UPDATE`, [], c))!.value as string,
      ) as Policy;
      const next: Policy = { ...current, ...p, version: current.version + 1, workspaceSalt: p.workspaceSalt ?? current.workspaceSalt };
      await this.run(`UPDATE settings SET value = $1 WHERE key = 'policy'`, [JSON.stringify(next)], c);
      return next;
    });
  }

  async requestDeletion(d: Omit<Deletion, 'tombstoned' | 'deleted' | 'completedAt' | 'status'>): Promise<Deletion> {
    return this.tx(async (c) => {
      // The consent lock first: an ingest of this user either committed before (and is
      // tombstoned here) or waits and judges again with this deletion known.
      await this.bumpVersion(d.userId, c);
      const ip: unknown[] = [d.id];
      await this.run(
        `INSERT INTO deleted_ids (user_id, id, deletion_id) SELECT user_id, id, $1 FROM events
        WHERE ${scopePredicate(d.userId, d.scope, this.bind(ip))} ON CONFLICT DO NOTHING`,
        ip,
        c,
      );
      // Held events in scope go at once: they were never part of the data.
      const hp: unknown[] = [d.id];
      await this.run(
        `INSERT INTO deleted_ids (user_id, id, deletion_id) SELECT user_id, id, $1 FROM held_events
        WHERE ${scopePredicate(d.userId, d.scope, this.bind(hp))} ON CONFLICT DO NOTHING`,
        hp,
        c,
      );
      const hd: unknown[] = [];
      await this.run(`DELETE FROM held_events WHERE ${scopePredicate(d.userId, d.scope, this.bind(hd))}`, hd, c);
      const params: unknown[] = [d.requestedAt];
      const where = scopePredicate(d.userId, d.scope, this.bind(params));
      const tombstoned = await this.run(`UPDATE events SET deleted_at = $1 WHERE ${where} AND deleted_at IS NULL`, params, c);
      await this.run(
        `INSERT INTO deletions (id, user_id, scope, status, requested_at, tombstoned) VALUES ($1, $2, $3, 'tombstoned', $4, $5)`,
        [d.id, d.userId, JSON.stringify(d.scope), d.requestedAt, tombstoned],
        c,
      );
      return { ...d, status: 'tombstoned' as const, tombstoned, deleted: null, completedAt: null };
    });
  }

  async getDeletion(id: string): Promise<Deletion | null> {
    const r = await this.get('SELECT * FROM deletions WHERE id = $1', [id]);
    return r ? deletionFromRow(r) : null;
  }

  async listDeletions(userId?: string): Promise<Deletion[]> {
    const rows =
      userId === undefined
        ? await this.all('SELECT * FROM deletions ORDER BY requested_at, id')
        : await this.all('SELECT * FROM deletions WHERE user_id = $1 ORDER BY requested_at, id', [userId]);
    return rows.map(deletionFromRow);
  }

  async processDeletions(at: number): Promise<Deletion[]> {
    const open = (await this.all(`SELECT * FROM deletions WHERE status = 'tombstoned' ORDER BY requested_at`)).map(deletionFromRow);
    const done: Deletion[] = [];
    for (const d of open) {
      const result = await this.tx(async (c) => {
        // Another collector's job may have taken this request already.
        const still = await this.get(`SELECT status FROM deletions WHERE id = $1 FOR UPDATE`, [d.id], c);
        if (!still || still.status !== 'tombstoned') return null;
        // The ids stay tombstoned for good; pauses, sessions and exemptions are not the data and stay too.
        const ip: unknown[] = [d.id];
        await this.run(
          `INSERT INTO deleted_ids (user_id, id, deletion_id) SELECT user_id, id, $1 FROM events
          WHERE ${deletionJobPredicate(d, this.bind(ip))} ON CONFLICT DO NOTHING`,
          ip,
          c,
        );
        const hp: unknown[] = [d.id];
        await this.run(
          `INSERT INTO deleted_ids (user_id, id, deletion_id) SELECT user_id, id, $1 FROM held_events
          WHERE ${deletionJobPredicate(d, this.bind(hp))} ON CONFLICT DO NOTHING`,
          hp,
          c,
        );
        const hd: unknown[] = [];
        await this.run(`DELETE FROM held_events WHERE ${deletionJobPredicate(d, this.bind(hd))}`, hd, c);
        const params: unknown[] = [];
        const deleted = await this.run(`DELETE FROM events WHERE ${deletionJobPredicate(d, this.bind(params))}`, params, c);
        await this.run(`UPDATE deletions SET status = 'done', deleted = $1, completed_at = $2 WHERE id = $3`, [deleted, at, d.id], c);
        return { ...d, status: 'done' as const, deleted, completedAt: at };
      });
      if (result) done.push(result);
    }
    return done;
  }

  /**
   * Retention by partition: every partition received wholly before `cutoff` is detached (without
   * blocking ingest or reads) and dropped; its rows are counted first. A partition made from an
   * unpartitioned table loses its rows older than the cutoff one by one until it can go whole.
   * Erasure requests keep their row deletes (processDeletions) and their tombstones.
   */
  async purgeBefore(cutoff: number): Promise<number> {
    await this.run('DELETE FROM held_events WHERE time < $1', [cutoff]);
    const c = await this.pool.connect();
    let purged = 0;
    try {
      if (!(await c.query(`SELECT pg_try_advisory_lock(${RETENTION_LOCK}) AS ok`)).rows[0].ok) return 0;
      try {
        for (const p of await listPartitions(c)) {
          if (p.until <= cutoff) {
            purged += await rowsOf(c, p.name);
            // CONCURRENTLY waits for readers of the table instead of locking them (and ingest) out.
            await c.query(`ALTER TABLE events DETACH PARTITION ${p.name} ${p.detachPending ? 'FINALIZE' : 'CONCURRENTLY'}`);
            await c.query(`DROP TABLE ${p.name}`);
          } else if (p.name === LEGACY_PARTITION) {
            purged += (await c.query(`DELETE FROM ${LEGACY_PARTITION} WHERE time < $1`, [cutoff])).rowCount ?? 0;
          }
        }
      } finally {
        await c.query(`SELECT pg_advisory_unlock(${RETENTION_LOCK})`);
      }
    } finally {
      c.release();
    }
    return purged;
  }

  async purgeHeld(receivedBefore: number): Promise<number> {
    return this.run('DELETE FROM held_events WHERE received_at < $1', [receivedBefore]);
  }

  async *iterateEvents(filter: EventFilter, batchSize = 1000): AsyncIterable<EventRow> {
    let after: EventCursor | null = null;
    for (;;) {
      const params: unknown[] = [];
      const rows = await this.all(eventPageQuery(filter, after, batchSize, this.bind(params)), params);
      for (const r of rows) yield eventFromRow(r);
      if (rows.length < batchSize) return;
      after = cursorOf(rows[rows.length - 1]);
    }
  }

  async exclusionCounts(filter: EventFilter): Promise<ExclusionCounts> {
    const params: unknown[] = [];
    const where = filterPredicate(filter, this.bind(params));
    const tombstoned = Number((await this.get(`SELECT COUNT(*) AS n FROM events WHERE deleted_at IS NOT NULL AND ${where}`, params))!.n);
    const rp: unknown[] = [];
    const rb = this.bind(rp);
    const rw: string[] = [];
    if (filter.from !== undefined) rw.push(`day >= ${rb(utcDay(filter.from))}`);
    if (filter.until !== undefined) rw.push(`day <= ${rb(utcDay(filter.until))}`);
    const rejectedAtIngest: Record<string, number> = {};
    for (const r of await this.all(
      `SELECT reason, SUM(count) AS n FROM rejections ${rw.length ? 'WHERE ' + rw.join(' AND ') : ''} GROUP BY reason`,
      rp,
    )) {
      rejectedAtIngest[r.reason as string] = Number(r.n);
    }
    const deletionsCompleted = Number((await this.get(`SELECT COUNT(*) AS n FROM deletions WHERE status = 'done'`))!.n);
    return { tombstoned, rejectedAtIngest, deletionsCompleted };
  }

  async sessionsStartedIn(range: { from: number; until: number }, after: SessionKey | null, limit: number): Promise<SessionKey[]> {
    const params: unknown[] = [];
    const rows = await this.all(sessionsPageQuery(range, after, limit, this.bind(params)), params);
    return rows.map((r) => [r.user_id as string, r.session_id as string] as const);
  }

  async countEvents(filter: EventFilter = {}): Promise<number> {
    const params: unknown[] = [];
    const where = filterPredicate(filter, this.bind(params));
    return Number((await this.get(`SELECT COUNT(*) AS n FROM events WHERE deleted_at IS NULL AND ${where}`, params))!.n);
  }

  async stats(range: { from?: number; until?: number }): Promise<Stats> {
    const params: unknown[] = [];
    const where = `deleted_at IS NULL AND ${filterPredicate(range, this.bind(params))}`;
    const dayOf = (col: string) => `to_char(to_timestamp(${col} / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
    const timeWhere = (col: string, ps: unknown[]) => {
      const b = this.bind(ps);
      const w: string[] = [];
      if (range.from !== undefined) w.push(`${col} >= ${b(range.from)}`);
      if (range.until !== undefined) w.push(`${col} < ${b(range.until)}`);
      return w.length ? 'WHERE ' + w.join(' AND ') : '';
    };
    const pp: unknown[] = [];
    const pw = timeWhere('from_ms', pp);
    const ep: unknown[] = [];
    const ew = timeWhere('requested_at', ep);
    const rp: unknown[] = [];
    const rb = this.bind(rp);
    const rw: string[] = [];
    if (range.from !== undefined) rw.push(`day >= ${rb(utcDay(range.from))}`);
    if (range.until !== undefined) rw.push(`day <= ${rb(utcDay(range.until))}`);
    const [perDay, perKind, perLang, pauses, exemptions, rejections, totals, tomb] = await Promise.all([
      this.all(`SELECT ${dayOf('time')} AS day, COUNT(*) AS n FROM events WHERE ${where} GROUP BY day ORDER BY day`, params),
      this.all(`SELECT kind, COUNT(*) AS n FROM events WHERE ${where} GROUP BY kind ORDER BY kind COLLATE "C"`, params),
      this.all(
        `SELECT language, COUNT(*) AS n FROM events WHERE ${where} AND language IS NOT NULL GROUP BY language ORDER BY language COLLATE "C"`,
        params,
      ),
      this.all(`SELECT ${dayOf('from_ms')} AS day, COUNT(*) AS n FROM pauses ${pw} GROUP BY day ORDER BY day`, pp),
      this.all(
        `SELECT ${dayOf('requested_at')} AS day, status, COUNT(*) AS n FROM exemptions ${ew} GROUP BY day, status ORDER BY day, status`,
        ep,
      ),
      this.all(
        `SELECT day, reason, count AS n FROM rejections ${rw.length ? 'WHERE ' + rw.join(' AND ') : ''} ORDER BY day, reason COLLATE "C"`,
        rp,
      ),
      this.get(
        `SELECT COUNT(*) AS events, COUNT(DISTINCT user_id) AS users, COUNT(DISTINCT (user_id, session_id)) AS sessions
        FROM events WHERE ${where}`,
        params,
      ),
      this.get(`SELECT COUNT(*) AS n FROM events WHERE deleted_at IS NOT NULL`),
    ]);
    return {
      eventsPerDay: perDay.map((r) => ({ day: r.day as string, count: Number(r.n) })),
      eventsPerKind: perKind.map((r) => ({ kind: r.kind as string, count: Number(r.n) })),
      eventsPerLanguage: perLang.map((r) => ({ language: r.language as string, count: Number(r.n) })),
      pausesPerDay: pauses.map((r) => ({ day: r.day as string, count: Number(r.n) })),
      exemptionsPerDay: exemptions.map((r) => ({ day: r.day as string, status: r.status as ExemptionStatus, count: Number(r.n) })),
      rejectionsPerDay: rejections.map((r) => ({ day: r.day as string, reason: r.reason as string, count: Number(r.n) })),
      totals: {
        events: Number(totals!.events),
        users: Number(totals!.users),
        sessions: Number(totals!.sessions),
        tombstoned: Number(tomb!.n),
      },
    };
  }
}
