// The embedded default store: one SQLite file in WAL mode through better-sqlite3.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DEFAULT_POLICY,
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
  SCHEMA_VERSION,
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

type Row = Record<string, unknown>;

/** Rows per multi-row INSERT (11 parameters each, well under SQLite's 32766-variable limit). */
const INSERT_CHUNK = 100;
// A body given as UTF-8 bytes is bound as a blob and stored as text.
const ROW_PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?)';

const TYPES: SqlTypes = { int: 'INTEGER', bool: 'INTEGER', serial: 'INTEGER', key: 'TEXT' };

/**
 * The data folder is created 0700 and the database 0600 before SQLite opens it; SQLite gives
 * the -wal and -shm files it makes beside the database the database's own mode.
 */
function prepareDataFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      chmodSync(f, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

function pushEventValues(out: unknown[], e: NewEventRow): void {
  out.push(e.id, e.userId, e.sessionId, e.seq, e.kind, e.time, e.consentState, e.language, e.workspace, e.body, e.receivedAt);
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly blocking = true;
  private readonly db: Database.Database;
  private readonly insertEvent: Database.Statement;
  private readonly insertChunk: Database.Statement;
  private readonly insertMany: Database.Transaction<(rows: readonly NewEventRow[]) => number>;
  private readonly insertGuarded: Database.Transaction<(rows: readonly NewEventRow[], guard: InsertGuard) => InsertResult>;

  constructor(readonly file: string) {
    if (file !== ':memory:') prepareDataFile(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Deleted events are overwritten, not left in free pages for a reader of the file to find.
    this.db.pragma('secure_delete = ON');
    // Several processes (server, admin command line) may share the file.
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    // Multi-row statements: one native call per INSERT_CHUNK rows instead of one per row.
    const insertSql = (
      n: number,
    ) => `INSERT INTO events (${EVENT_COLUMNS}) VALUES ${Array.from({ length: n }, () => ROW_PLACEHOLDERS).join(', ')}
      ON CONFLICT (user_id, id) DO NOTHING`;
    this.insertChunk = this.db.prepare(insertSql(INSERT_CHUNK));
    this.insertEvent = this.db.prepare(insertSql(1));
    this.insertMany = this.db.transaction((rows: readonly NewEventRow[]) => this.insertRows(rows));
    this.insertGuarded = this.db.transaction((rows: readonly NewEventRow[], guard: InsertGuard): InsertResult => {
      if (this.version(guard.userId) !== guard.consentVersion) return { inserted: 0, duplicates: 0, stale: true };
      const inserted = this.insertRows(rows);
      return { inserted, duplicates: rows.length - inserted };
    });
  }

  /** Brings a database of any earlier schema version to this one, in one transaction. */
  private migrate(): void {
    this.db
      .transaction(() => {
        for (const s of schemaV1(TYPES)) this.db.exec(s);
        const row = this.db.prepare(`SELECT value FROM settings WHERE key = 'schema_version'`).get() as Row | undefined;
        const version = row ? Number(row.value) : 1;
        if (version > SCHEMA_VERSION)
          throw new Error(`the database has schema version ${version}; this collector knows up to ${SCHEMA_VERSION}`);
        if (version < 2) {
          // Event ids become unique per user and canonical (lower case): the table is rebuilt with its new key.
          this.db.exec(`CREATE TABLE events_v2 (id TEXT NOT NULL, user_id TEXT NOT NULL, session_id TEXT NOT NULL, seq INTEGER NOT NULL,
          kind TEXT NOT NULL, time INTEGER NOT NULL, consent_state TEXT NOT NULL, language TEXT, workspace TEXT, body TEXT NOT NULL,
          received_at INTEGER NOT NULL, deleted_at INTEGER, PRIMARY KEY (user_id, id))`);
          this.db.exec(`INSERT OR IGNORE INTO events_v2 (${EVENT_COLUMNS}, deleted_at)
          SELECT lower(id), user_id, lower(session_id), seq, kind, time, consent_state, language, workspace,
            replace(replace(body, id, lower(id)), session_id, lower(session_id)), received_at, deleted_at
          FROM events ORDER BY ${CANONICAL_FIRST}`);
          this.db.exec('DROP TABLE events');
          this.db.exec('ALTER TABLE events_v2 RENAME TO events');
          this.db.exec('CREATE INDEX IF NOT EXISTS events_order ON events (user_id, session_id, seq, id)');
          this.db.exec('CREATE INDEX IF NOT EXISTS events_time ON events (time)');
          this.db.exec('UPDATE OR IGNORE sessions SET session_id = lower(session_id) WHERE session_id <> lower(session_id)');
          this.db.exec('DELETE FROM sessions WHERE session_id <> lower(session_id)');
          for (const s of schemaV2Tables(TYPES)) this.db.exec(s);
        }
        if (version < SCHEMA_VERSION) {
          this.db
            .prepare(
              `INSERT INTO settings (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
            )
            .run(String(SCHEMA_VERSION));
        }
      })
      .immediate();
  }

  private insertRows(rows: readonly NewEventRow[]): number {
    let n = 0;
    let i = 0;
    for (; i + INSERT_CHUNK <= rows.length; i += INSERT_CHUNK) {
      const params: unknown[] = [];
      for (let j = i; j < i + INSERT_CHUNK; j++) pushEventValues(params, rows[j]);
      n += this.insertChunk.run(params).changes;
    }
    for (; i < rows.length; i++) {
      const params: unknown[] = [];
      pushEventValues(params, rows[i]);
      n += this.insertEvent.run(params).changes;
    }
    return n;
  }

  private version(userId: string): number {
    const r = this.get('SELECT version FROM consent_versions WHERE user_id = ?', [userId]);
    return r ? Number(r.version) : 0;
  }

  /** Called inside the transaction that changes one of the user's consent facts. */
  private bumpVersion(userId: string): void {
    this.run(
      `INSERT INTO consent_versions (user_id, version) VALUES (?, 1)
      ON CONFLICT (user_id) DO UPDATE SET version = version + 1`,
      [userId],
    );
  }

  /** Synchronous access for the benchmark's raw-insert ceiling. */
  get raw(): Database.Database {
    return this.db;
  }

  /** Prepared statements by SQL text; statements with generated IN lists vary, so the cache is bounded. */
  private readonly statements = new Map<string, Database.Statement>();
  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      if (this.statements.size >= 256) this.statements.clear();
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }
  private all(sql: string, params: unknown[] = []): Row[] {
    return this.prepare(sql).all(...params) as Row[];
  }
  private get(sql: string, params: unknown[] = []): Row | undefined {
    return this.prepare(sql).get(...params) as Row | undefined;
  }
  private run(sql: string, params: unknown[] = []): number {
    return this.prepare(sql).run(...params).changes;
  }
  private bind(params: unknown[]) {
    return (v: unknown) => {
      params.push(v);
      return '?';
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async upsertUser(id: string, groups: string[]): Promise<User> {
    const now = Date.now();
    this.run(
      `INSERT INTO users (id, groups_json, created_at) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET groups_json = excluded.groups_json`,
      [id, JSON.stringify(groups), now],
    );
    this.run('INSERT INTO consent_versions (user_id, version) VALUES (?, 0) ON CONFLICT DO NOTHING', [id]);
    return (await this.getUser(id))!;
  }

  async getUser(id: string): Promise<User | null> {
    const r = this.get('SELECT * FROM users WHERE id = ?', [id]);
    return r ? { id: r.id as string, groups: JSON.parse(r.groups_json as string), createdAt: Number(r.created_at) } : null;
  }

  async createToken(t: TokenRecord, hash: string): Promise<void> {
    this.run(`INSERT INTO tokens (id, hash, user_id, admin, label, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
      t.id,
      hash,
      t.userId,
      t.admin ? 1 : 0,
      t.label,
      t.createdAt,
      t.expiresAt,
      t.revokedAt,
    ]);
  }

  async findTokenByHash(hash: string): Promise<TokenRecord | null> {
    const r = this.get('SELECT * FROM tokens WHERE hash = ?', [hash]);
    return r ? tokenFromRow(r) : null;
  }

  async revokeToken(id: string, at: number): Promise<boolean> {
    return this.run('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id]) > 0;
  }

  async listTokens(): Promise<TokenRecord[]> {
    return this.all('SELECT * FROM tokens ORDER BY created_at, id').map(tokenFromRow);
  }

  async insertEvents(rows: readonly NewEventRow[], guard?: InsertGuard): Promise<InsertResult> {
    if (guard) return this.insertGuarded.immediate(rows, guard);
    if (rows.length === 0) return { inserted: 0, duplicates: 0 };
    const inserted = this.insertMany(rows);
    return { inserted, duplicates: rows.length - inserted };
  }

  async recordSessions(userId: string, sessions: readonly { sessionId: string; workspace: string }[]): Promise<void> {
    const st = this.prepare('INSERT INTO sessions (user_id, session_id, workspace) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    this.db.transaction(() => {
      for (const s of sessions) st.run(userId, s.sessionId, s.workspace);
    })();
  }

  async ingestContext(userId: string, sessionIds: readonly string[], span: { from: number; until: number }): Promise<IngestContext> {
    // The version first: a change made while the facts are read makes the insert judge again.
    const version = this.version(userId);
    const workspaces = new Map<string, string>();
    if (sessionIds.length) {
      const sql = 'SELECT session_id, workspace FROM sessions WHERE user_id = ? AND session_id IN (SELECT value FROM json_each(?))';
      for (const r of this.all(sql, [userId, JSON.stringify(sessionIds)])) workspaces.set(r.session_id as string, r.workspace as string);
    }
    const consent: ConsentContext = {
      exemptions: this.all(`SELECT * FROM exemptions WHERE user_id = ? AND status <> 'denied'`, [userId]).map(exemptionFromRow),
      pauses: this.all('SELECT * FROM pauses WHERE user_id = ? AND until_ms > ? AND from_ms <= ?', [userId, span.from, span.until]).map(
        pauseFromRow,
      ),
      deletions: this.all('SELECT * FROM deletions WHERE user_id = ?', [userId]).map(deletionFromRow),
      excludedWorkspaces: new Set(this.all('SELECT hash FROM excluded_workspaces').map((r) => r.hash as string)),
    };
    return { consent, workspaces, version };
  }

  async holdEvents(rows: readonly NewEventRow[]): Promise<{ held: number; duplicates: number }> {
    const st = this.prepare(`INSERT INTO held_events (${EVENT_COLUMNS}) VALUES ${ROW_PLACEHOLDERS} ON CONFLICT (user_id, id) DO NOTHING`);
    const held = this.db.transaction(() => {
      let n = 0;
      for (const r of rows) {
        const params: unknown[] = [];
        pushEventValues(params, r);
        n += st.run(params).changes;
      }
      return n;
    })();
    return { held, duplicates: rows.length - held };
  }

  async releaseHeld(userId: string, sessionIds: readonly string[]): Promise<NewEventRow[]> {
    if (!sessionIds.length) return [];
    const where = 'user_id = ? AND session_id IN (SELECT value FROM json_each(?))';
    const params = [userId, JSON.stringify(sessionIds)];
    return this.db
      .transaction(() => {
        const rows = this.all(`SELECT ${EVENT_COLUMNS} FROM held_events WHERE ${where} ORDER BY session_id, seq`, params).map(eventFromRow);
        if (rows.length) this.run(`DELETE FROM held_events WHERE ${where}`, params);
        return rows;
      })
      .immediate();
  }

  async deletedIds(userId: string, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const sql = 'SELECT id FROM deleted_ids WHERE user_id = ? AND id IN (SELECT value FROM json_each(?))';
    return new Set(this.all(sql, [userId, JSON.stringify(ids)]).map((r) => r.id as string));
  }

  async consentFacts(userId: string): Promise<{ consent: ConsentContext; workspaces: Map<string, string> }> {
    const { consent } = await this.ingestContext(userId, [], { from: Number.MIN_SAFE_INTEGER, until: Number.MAX_SAFE_INTEGER });
    const workspaces = new Map(
      this.all('SELECT session_id, workspace FROM sessions WHERE user_id = ?', [userId]).map((r) => [
        r.session_id as string,
        r.workspace as string,
      ]),
    );
    return { consent, workspaces };
  }

  async countRejections(day: string, counts: Record<string, number>): Promise<void> {
    const st = this.prepare(`INSERT INTO rejections (day, reason, count) VALUES (?, ?, ?)
      ON CONFLICT (day, reason) DO UPDATE SET count = count + excluded.count`);
    this.db.transaction(() => {
      for (const [reason, n] of Object.entries(counts)) if (n > 0) st.run(day, reason, n);
    })();
  }

  async changePause(userId: string, id: string, merge: (before: Pause | null) => Pause): Promise<PauseChange> {
    return this.db
      .transaction((): PauseChange => {
        const r = this.get('SELECT * FROM pauses WHERE user_id = ? AND id = ?', [userId, id]);
        const before = r ? pauseFromRow(r) : null;
        const after = merge(before);
        this.bumpVersion(userId);
        this.run(
          `INSERT INTO pauses (user_id, id, from_ms, until_ms, reported_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (user_id, id) DO UPDATE SET from_ms = excluded.from_ms, until_ms = excluded.until_ms, reported_at = excluded.reported_at`,
          [userId, id, after.from, after.until, after.reportedAt],
        );
        return { before, after };
      })
      .immediate();
  }

  async listPauses(userId: string, at: number): Promise<Pause[]> {
    return this.all('SELECT * FROM pauses WHERE user_id = ? AND until_ms > ? ORDER BY from_ms, id', [userId, at]).map(pauseFromRow);
  }

  async excludeWorkspace(w: ExcludedWorkspace): Promise<void> {
    this.run(
      'INSERT INTO excluded_workspaces (hash, label, created_at) VALUES (?, ?, ?) ON CONFLICT (hash) DO UPDATE SET label = excluded.label',
      [w.hash, w.label, w.createdAt],
    );
  }

  async includeWorkspace(hash: string): Promise<boolean> {
    return this.run('DELETE FROM excluded_workspaces WHERE hash = ?', [hash]) > 0;
  }

  async listExcludedWorkspaces(): Promise<ExcludedWorkspace[]> {
    return this.all('SELECT * FROM excluded_workspaces ORDER BY created_at, hash').map((r) => ({
      hash: r.hash as string,
      label: r.label as string,
      createdAt: Number(r.created_at),
    }));
  }

  async createExemption(e: Exemption): Promise<void> {
    this.db
      .transaction(() => {
        this.bumpVersion(e.userId);
        this.run(
          `INSERT INTO exemptions (id, user_id, reason, scope, status, requested_at, decided_at, decided_by, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [e.id, e.userId, e.reason, JSON.stringify(e.scope), e.status, e.requestedAt, e.decidedAt, e.decidedBy, e.note],
        );
      })
      .immediate();
  }

  async getExemption(id: string): Promise<Exemption | null> {
    const r = this.get('SELECT * FROM exemptions WHERE id = ?', [id]);
    return r ? exemptionFromRow(r) : null;
  }

  async listExemptions(filter: { userId?: string; status?: ExemptionStatus }): Promise<Exemption[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.userId !== undefined) {
      where.push('user_id = ?');
      params.push(filter.userId);
    }
    if (filter.status !== undefined) {
      where.push('status = ?');
      params.push(filter.status);
    }
    const sql = `SELECT * FROM exemptions ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY requested_at, id`;
    return this.all(sql, params).map(exemptionFromRow);
  }

  async decideExemption(id: string, status: 'approved' | 'denied', by: string, note: string, at: number): Promise<Exemption | null> {
    const decided = this.db
      .transaction(() => {
        const n = this.run(
          `UPDATE exemptions SET status = ?, decided_by = ?, note = ?, decided_at = ? WHERE id = ? AND status = 'pending'`,
          [status, by, note, at, id],
        );
        const r = n ? this.get('SELECT * FROM exemptions WHERE id = ?', [id]) : undefined;
        if (r) this.bumpVersion(r.user_id as string);
        return r ? exemptionFromRow(r) : null;
      })
      .immediate();
    return decided;
  }

  async addAudit(e: AuditEntry): Promise<void> {
    this.run('INSERT INTO audit (time, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)', [
      e.time,
      e.actor,
      e.action,
      e.subject,
      JSON.stringify(e.detail),
    ]);
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    return this.all('SELECT * FROM audit ORDER BY id DESC LIMIT ?', [limit]).map((r) => ({
      id: Number(r.id),
      time: Number(r.time),
      actor: r.actor as string,
      action: r.action as string,
      subject: r.subject as string,
      detail: JSON.parse(r.detail as string),
    }));
  }

  async getPolicy(): Promise<Policy> {
    const initial: Policy = { ...DEFAULT_POLICY, workspaceSalt: randomBytes(32).toString('hex') };
    this.run(`INSERT INTO settings (key, value) VALUES ('policy', ?) ON CONFLICT (key) DO NOTHING`, [JSON.stringify(initial)]);
    return JSON.parse(this.get(`SELECT value FROM settings WHERE key = 'policy'`)!.value as string) as Policy;
  }

  async setPolicy(p: Omit<Policy, 'version' | 'workspaceSalt'> & Partial<Pick<Policy, 'workspaceSalt'>>): Promise<Policy> {
    const current = await this.getPolicy();
    const next: Policy = { ...current, ...p, version: current.version + 1, workspaceSalt: p.workspaceSalt ?? current.workspaceSalt };
    this.db.transaction(() => {
      this.run(`UPDATE settings SET value = ? WHERE key = 'policy'`, [JSON.stringify(next)]);
    })();
    return next;
  }

  async requestDeletion(d: Omit<Deletion, 'tombstoned' | 'deleted' | 'completedAt' | 'status'>): Promise<Deletion> {
    return this.db
      .transaction(() => {
        this.bumpVersion(d.userId);
        const ip: unknown[] = [d.id];
        this.run(
          `INSERT INTO deleted_ids (user_id, id, deletion_id) SELECT user_id, id, ? FROM events WHERE ${scopePredicate(d.userId, d.scope, this.bind(ip))}
        ON CONFLICT DO NOTHING`,
          ip,
        );
        // Held events in scope go at once: they were never part of the data.
        const hp: unknown[] = [d.id];
        this.run(
          `INSERT INTO deleted_ids (user_id, id, deletion_id) SELECT user_id, id, ? FROM held_events WHERE ${scopePredicate(d.userId, d.scope, this.bind(hp))}
        ON CONFLICT DO NOTHING`,
          hp,
        );
        const hd: unknown[] = [];
        this.run(`DELETE FROM held_events WHERE ${scopePredicate(d.userId, d.scope, this.bind(hd))}`, hd);
        const params: unknown[] = [d.requestedAt];
        const where = scopePredicate(d.userId, d.scope, this.bind(params));
        const tombstoned = this.run(`UPDATE events SET deleted_at = ? WHERE ${where} AND deleted_at IS NULL`, params);
        this.run(`INSERT INTO deletions (id, user_id, scope, status, requested_at, tombstoned) VALUES (?, ?, ?, 'tombstoned', ?, ?)`, [
          d.id,
          d.userId,
          JSON.stringify(d.scope),
          d.requestedAt,
          tombstoned,
        ]);
        return { ...d, status: 'tombstoned' as const, tombstoned, deleted: null, completedAt: null };
      })
      .immediate();
  }

  async getDeletion(id: string): Promise<Deletion | null> {
    const r = this.get('SELECT * FROM deletions WHERE id = ?', [id]);
    return r ? deletionFromRow(r) : null;
  }

  async listDeletions(userId?: string): Promise<Deletion[]> {
    const rows =
      userId === undefined
        ? this.all('SELECT * FROM deletions ORDER BY requested_at, id')
        : this.all('SELECT * FROM deletions WHERE user_id = ? ORDER BY requested_at, id', [userId]);
    return rows.map(deletionFromRow);
  }

  async processDeletions(at: number): Promise<Deletion[]> {
    const open = this.all(`SELECT * FROM deletions WHERE status = 'tombstoned' ORDER BY requested_at`).map(deletionFromRow);
    const done: Deletion[] = [];
    for (const d of open) {
      this.db.transaction(() => {
        // The ids stay tombstoned for good; pauses, sessions and exemptions are not the data and stay too.
        const ip: unknown[] = [d.id];
        this.run(
          `INSERT INTO deleted_ids (user_id, id, deletion_id) SELECT user_id, id, ? FROM events WHERE ${deletionJobPredicate(d, this.bind(ip))}
          ON CONFLICT DO NOTHING`,
          ip,
        );
        const hp: unknown[] = [d.id];
        this.run(
          `INSERT INTO deleted_ids (user_id, id, deletion_id) SELECT user_id, id, ? FROM held_events WHERE ${deletionJobPredicate(d, this.bind(hp))}
          ON CONFLICT DO NOTHING`,
          hp,
        );
        const hd: unknown[] = [];
        this.run(`DELETE FROM held_events WHERE ${deletionJobPredicate(d, this.bind(hd))}`, hd);
        const params: unknown[] = [];
        const deleted = this.run(`DELETE FROM events WHERE ${deletionJobPredicate(d, this.bind(params))}`, params);
        this.run(`UPDATE deletions SET status = 'done', deleted = ?, completed_at = ? WHERE id = ?`, [deleted, at, d.id]);
        done.push({ ...d, status: 'done', deleted, completedAt: at });
      })();
    }
    // The WAL still holds the deleted rows' old pages until it is checkpointed and cut.
    if (done.length) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return done;
  }

  async purgeBefore(cutoff: number): Promise<number> {
    this.run('DELETE FROM held_events WHERE time < ?', [cutoff]);
    return this.run('DELETE FROM events WHERE time < ?', [cutoff]);
  }

  async createPartitionsAhead(): Promise<string[]> {
    return [];
  }

  async purgeHeld(receivedBefore: number): Promise<number> {
    return this.run('DELETE FROM held_events WHERE received_at < ?', [receivedBefore]);
  }

  async *iterateEvents(filter: EventFilter, batchSize = 1000): AsyncIterable<EventRow> {
    let after: EventCursor | null = null;
    for (;;) {
      const params: unknown[] = [];
      const rows = this.all(eventPageQuery(filter, after, batchSize, this.bind(params)), params);
      for (const r of rows) yield eventFromRow(r);
      if (rows.length < batchSize) return;
      after = cursorOf(rows[rows.length - 1]);
    }
  }

  async exclusionCounts(filter: EventFilter): Promise<ExclusionCounts> {
    const params: unknown[] = [];
    const where = filterPredicate(filter, this.bind(params));
    const tombstoned = Number(this.get(`SELECT COUNT(*) AS n FROM events WHERE deleted_at IS NOT NULL AND ${where}`, params)!.n);
    const rp: unknown[] = [];
    const rw: string[] = [];
    if (filter.from !== undefined) {
      rw.push('day >= ?');
      rp.push(utcDay(filter.from));
    }
    if (filter.until !== undefined) {
      rw.push('day <= ?');
      rp.push(utcDay(filter.until));
    }
    const rejectedAtIngest: Record<string, number> = {};
    for (const r of this.all(
      `SELECT reason, SUM(count) AS n FROM rejections ${rw.length ? 'WHERE ' + rw.join(' AND ') : ''} GROUP BY reason`,
      rp,
    )) {
      rejectedAtIngest[r.reason as string] = Number(r.n);
    }
    const deletionsCompleted = Number(this.get(`SELECT COUNT(*) AS n FROM deletions WHERE status = 'done'`)!.n);
    return { tombstoned, rejectedAtIngest, deletionsCompleted };
  }

  async sessionsStartedIn(range: { from: number; until: number }, after: SessionKey | null, limit: number): Promise<SessionKey[]> {
    const params: unknown[] = [];
    const rows = this.all(sessionsPageQuery(range, after, limit, this.bind(params)), params);
    return rows.map((r) => [r.user_id as string, r.session_id as string] as const);
  }

  async countEvents(filter: EventFilter = {}): Promise<number> {
    const params: unknown[] = [];
    const where = filterPredicate(filter, this.bind(params));
    return Number(this.get(`SELECT COUNT(*) AS n FROM events WHERE deleted_at IS NULL AND ${where}`, params)!.n);
  }

  async stats(range: { from?: number; until?: number }): Promise<Stats> {
    const params: unknown[] = [];
    const where = `deleted_at IS NULL AND ${filterPredicate(range, this.bind(params))}`;
    const day = `strftime('%Y-%m-%d', time / 1000, 'unixepoch')`;
    const timeWhere = (col: string, ps: unknown[]) => {
      const w: string[] = [];
      if (range.from !== undefined) {
        w.push(`${col} >= ?`);
        ps.push(range.from);
      }
      if (range.until !== undefined) {
        w.push(`${col} < ?`);
        ps.push(range.until);
      }
      return w.length ? 'WHERE ' + w.join(' AND ') : '';
    };
    const pp: unknown[] = [];
    const pw = timeWhere('from_ms', pp);
    const ep: unknown[] = [];
    const ew = timeWhere('requested_at', ep);
    const rp: unknown[] = [];
    const rw: string[] = [];
    if (range.from !== undefined) {
      rw.push('day >= ?');
      rp.push(utcDay(range.from));
    }
    if (range.until !== undefined) {
      rw.push('day <= ?');
      rp.push(utcDay(range.until));
    }
    const totals = this.get(
      `SELECT COUNT(*) AS events, COUNT(DISTINCT user_id) AS users, COUNT(DISTINCT user_id || ' ' || session_id) AS sessions
      FROM events WHERE ${where}`,
      params,
    )!;
    const tomb = this.get(`SELECT COUNT(*) AS n FROM events WHERE deleted_at IS NOT NULL`)!;
    return {
      eventsPerDay: this.all(`SELECT ${day} AS day, COUNT(*) AS n FROM events WHERE ${where} GROUP BY day ORDER BY day`, params).map(
        (r) => ({ day: r.day as string, count: Number(r.n) }),
      ),
      eventsPerKind: this.all(`SELECT kind, COUNT(*) AS n FROM events WHERE ${where} GROUP BY kind ORDER BY kind`, params).map((r) => ({
        kind: r.kind as string,
        count: Number(r.n),
      })),
      eventsPerLanguage: this.all(
        `SELECT language, COUNT(*) AS n FROM events WHERE ${where} AND language IS NOT NULL GROUP BY language ORDER BY language`,
        params,
      ).map((r) => ({ language: r.language as string, count: Number(r.n) })),
      pausesPerDay: this.all(
        `SELECT strftime('%Y-%m-%d', from_ms / 1000, 'unixepoch') AS day, COUNT(*) AS n FROM pauses ${pw} GROUP BY day ORDER BY day`,
        pp,
      ).map((r) => ({ day: r.day as string, count: Number(r.n) })),
      exemptionsPerDay: this.all(
        `SELECT strftime('%Y-%m-%d', requested_at / 1000, 'unixepoch') AS day, status, COUNT(*) AS n FROM exemptions ${ew}
        GROUP BY day, status ORDER BY day, status`,
        ep,
      ).map((r) => ({ day: r.day as string, status: r.status as ExemptionStatus, count: Number(r.n) })),
      rejectionsPerDay: this.all(
        `SELECT day, reason, count AS n FROM rejections ${rw.length ? 'WHERE ' + rw.join(' AND ') : ''} ORDER BY day, reason`,
        rp,
      ).map((r) => ({ day: r.day as string, reason: r.reason as string, count: Number(r.n) })),
      totals: { events: Number(totals.events), users: Number(totals.users), sessions: Number(totals.sessions), tombstoned: Number(tomb.n) },
    };
  }
}

export function pauseFromRow(r: Row): Pause {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    from: Number(r.from_ms),
    until: Number(r.until_ms),
    reportedAt: Number(r.reported_at),
  };
}
