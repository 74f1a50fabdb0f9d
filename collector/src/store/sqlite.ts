// The embedded default store: one SQLite file in WAL mode through better-sqlite3.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DEFAULT_POLICY, utcDay,
  type AuditEntry, type ConsentContext, type Deletion, type EventFilter, type EventRow, type ExcludedWorkspace,
  type ExclusionCounts, type Exemption, type ExemptionStatus, type InsertResult, type NewEventRow, type Pause, type Policy, type Stats,
  type Store, type TokenRecord, type User,
} from './store';
import {
  EVENT_COLUMNS, cursorOf, deletionFromRow, eventFromRow, eventPageQuery, exemptionFromRow, filterPredicate, schemaStatements,
  scopePredicate, tokenFromRow,
  type EventCursor,
} from './sql';

type Row = Record<string, unknown>;

/** Rows per multi-row INSERT (11 parameters each, well under SQLite's 32766-variable limit). */
const INSERT_CHUNK = 100;
// A body given as UTF-8 bytes is bound as a blob and stored as text.
const ROW_PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?)';

function pushEventValues(out: unknown[], e: NewEventRow): void {
  out.push(e.id, e.userId, e.sessionId, e.seq, e.kind, e.time, e.consentState, e.language, e.workspace, e.body, e.receivedAt);
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly blocking = true;
  private readonly db: Database.Database;
  private readonly insertEvent: Database.Statement;
  private readonly insertChunk: Database.Statement;
  private readonly insertMany: (rows: readonly NewEventRow[]) => number;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Deleted events are overwritten, not left in free pages for a reader of the file to find.
    this.db.pragma('secure_delete = ON');
    // Several processes (server, admin command line) may share the file.
    this.db.pragma('busy_timeout = 5000');
    for (const s of schemaStatements({ int: 'INTEGER', bool: 'INTEGER', serial: 'INTEGER', key: 'TEXT' })) this.db.exec(s);
    // Multi-row statements: one native call per INSERT_CHUNK rows instead of one per row.
    const insertSql = (n: number) => `INSERT INTO events (${EVENT_COLUMNS}) VALUES ${Array.from({ length: n }, () => ROW_PLACEHOLDERS).join(', ')}
      ON CONFLICT (id) DO NOTHING`;
    this.insertChunk = this.db.prepare(insertSql(INSERT_CHUNK));
    this.insertEvent = this.db.prepare(insertSql(1));
    this.insertMany = this.db.transaction((rows: readonly NewEventRow[]) => {
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
    });
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
    this.run(`INSERT INTO users (id, groups_json, created_at) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET groups_json = excluded.groups_json`, [id, JSON.stringify(groups), now]);
    return (await this.getUser(id))!;
  }

  async getUser(id: string): Promise<User | null> {
    const r = this.get('SELECT * FROM users WHERE id = ?', [id]);
    return r ? { id: r.id as string, groups: JSON.parse(r.groups_json as string), createdAt: Number(r.created_at) } : null;
  }

  async createToken(t: TokenRecord, hash: string): Promise<void> {
    this.run(`INSERT INTO tokens (id, hash, user_id, admin, label, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [t.id, hash, t.userId, t.admin ? 1 : 0, t.label, t.createdAt, t.expiresAt, t.revokedAt]);
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

  async insertEvents(rows: readonly NewEventRow[]): Promise<InsertResult> {
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

  async ingestContext(userId: string, sessionIds: readonly string[], span: { from: number; until: number }): Promise<{ consent: ConsentContext; workspaces: Map<string, string> }> {
    const workspaces = new Map<string, string>();
    if (sessionIds.length) {
      const sql = 'SELECT session_id, workspace FROM sessions WHERE user_id = ? AND session_id IN (SELECT value FROM json_each(?))';
      for (const r of this.all(sql, [userId, JSON.stringify(sessionIds)])) workspaces.set(r.session_id as string, r.workspace as string);
    }
    const consent: ConsentContext = {
      exemptions: this.all(`SELECT * FROM exemptions WHERE user_id = ? AND status <> 'denied'`, [userId]).map(exemptionFromRow),
      pauses: this.all('SELECT * FROM pauses WHERE user_id = ? AND until_ms > ? AND from_ms <= ?', [userId, span.from, span.until]).map(pauseFromRow),
      deletions: this.all('SELECT * FROM deletions WHERE user_id = ?', [userId]).map(deletionFromRow),
      excludedWorkspaces: new Set(this.all('SELECT hash FROM excluded_workspaces').map((r) => r.hash as string)),
    };
    return { consent, workspaces };
  }

  async countRejections(day: string, counts: Record<string, number>): Promise<void> {
    const st = this.prepare(`INSERT INTO rejections (day, reason, count) VALUES (?, ?, ?)
      ON CONFLICT (day, reason) DO UPDATE SET count = count + excluded.count`);
    this.db.transaction(() => {
      for (const [reason, n] of Object.entries(counts)) if (n > 0) st.run(day, reason, n);
    })();
  }

  async upsertPause(p: Pause): Promise<void> {
    this.run(`INSERT INTO pauses (user_id, id, from_ms, until_ms, reported_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (user_id, id) DO UPDATE SET from_ms = excluded.from_ms, until_ms = excluded.until_ms, reported_at = excluded.reported_at`,
      [p.userId, p.id, p.from, p.until, p.reportedAt]);
  }

  async excludeWorkspace(w: ExcludedWorkspace): Promise<void> {
    this.run('INSERT INTO excluded_workspaces (hash, label, created_at) VALUES (?, ?, ?) ON CONFLICT (hash) DO UPDATE SET label = excluded.label',
      [w.hash, w.label, w.createdAt]);
  }

  async includeWorkspace(hash: string): Promise<boolean> {
    return this.run('DELETE FROM excluded_workspaces WHERE hash = ?', [hash]) > 0;
  }

  async listExcludedWorkspaces(): Promise<ExcludedWorkspace[]> {
    return this.all('SELECT * FROM excluded_workspaces ORDER BY created_at, hash')
      .map((r) => ({ hash: r.hash as string, label: r.label as string, createdAt: Number(r.created_at) }));
  }

  async createExemption(e: Exemption): Promise<void> {
    this.run(`INSERT INTO exemptions (id, user_id, reason, scope, status, requested_at, decided_at, decided_by, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.id, e.userId, e.reason, JSON.stringify(e.scope), e.status, e.requestedAt, e.decidedAt, e.decidedBy, e.note]);
  }

  async getExemption(id: string): Promise<Exemption | null> {
    const r = this.get('SELECT * FROM exemptions WHERE id = ?', [id]);
    return r ? exemptionFromRow(r) : null;
  }

  async listExemptions(filter: { userId?: string; status?: ExemptionStatus }): Promise<Exemption[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.userId !== undefined) { where.push('user_id = ?'); params.push(filter.userId); }
    if (filter.status !== undefined) { where.push('status = ?'); params.push(filter.status); }
    const sql = `SELECT * FROM exemptions ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY requested_at, id`;
    return this.all(sql, params).map(exemptionFromRow);
  }

  async decideExemption(id: string, status: 'approved' | 'denied', by: string, note: string, at: number): Promise<Exemption | null> {
    const n = this.run(`UPDATE exemptions SET status = ?, decided_by = ?, note = ?, decided_at = ? WHERE id = ? AND status = 'pending'`,
      [status, by, note, at, id]);
    return n ? this.getExemption(id) : null;
  }

  async addAudit(e: AuditEntry): Promise<void> {
    this.run('INSERT INTO audit (time, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)',
      [e.time, e.actor, e.action, e.subject, JSON.stringify(e.detail)]);
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    return this.all('SELECT * FROM audit ORDER BY id DESC LIMIT ?', [limit]).map((r) => ({
      id: Number(r.id), time: Number(r.time), actor: r.actor as string, action: r.action as string,
      subject: r.subject as string, detail: JSON.parse(r.detail as string),
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
    return this.db.transaction(() => {
      const params: unknown[] = [d.requestedAt];
      const where = scopePredicate(d.userId, d.scope, this.bind(params));
      const tombstoned = this.run(`UPDATE events SET deleted_at = ? WHERE ${where} AND deleted_at IS NULL`, params);
      this.run(`INSERT INTO deletions (id, user_id, scope, status, requested_at, tombstoned) VALUES (?, ?, ?, 'tombstoned', ?, ?)`,
        [d.id, d.userId, JSON.stringify(d.scope), d.requestedAt, tombstoned]);
      return { ...d, status: 'tombstoned' as const, tombstoned, deleted: null, completedAt: null };
    })();
  }

  async getDeletion(id: string): Promise<Deletion | null> {
    const r = this.get('SELECT * FROM deletions WHERE id = ?', [id]);
    return r ? deletionFromRow(r) : null;
  }

  async listDeletions(userId?: string): Promise<Deletion[]> {
    const rows = userId === undefined
      ? this.all('SELECT * FROM deletions ORDER BY requested_at, id')
      : this.all('SELECT * FROM deletions WHERE user_id = ? ORDER BY requested_at, id', [userId]);
    return rows.map(deletionFromRow);
  }

  async processDeletions(at: number): Promise<Deletion[]> {
    const open = this.all(`SELECT * FROM deletions WHERE status = 'tombstoned' ORDER BY requested_at`).map(deletionFromRow);
    const done: Deletion[] = [];
    for (const d of open) {
      this.db.transaction(() => {
        const params: unknown[] = [];
        const where = scopePredicate(d.userId, d.scope, this.bind(params));
        // Everything in scope received before the request goes, tombstoned or not (a late retry).
        const deleted = this.run(`DELETE FROM events WHERE ${where} AND received_at <= ?`, [...params, d.requestedAt]);
        if (d.scope.kind === 'all') {
          this.run('DELETE FROM sessions WHERE user_id = ?', [d.userId]);
          this.run('DELETE FROM pauses WHERE user_id = ?', [d.userId]);
        }
        this.run(`UPDATE deletions SET status = 'done', deleted = ?, completed_at = ? WHERE id = ?`, [deleted, at, d.id]);
        done.push({ ...d, status: 'done', deleted, completedAt: at });
      })();
    }
    // The WAL still holds the deleted rows' old pages until it is checkpointed and cut.
    if (done.length) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return done;
  }

  async purgeBefore(cutoff: number): Promise<number> {
    const n = this.run('DELETE FROM events WHERE time < ?', [cutoff]);
    this.run('DELETE FROM pauses WHERE until_ms < ?', [cutoff]);
    return n;
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
    if (filter.from !== undefined) { rw.push('day >= ?'); rp.push(utcDay(filter.from)); }
    if (filter.until !== undefined) { rw.push('day <= ?'); rp.push(utcDay(filter.until)); }
    const rejectedAtIngest: Record<string, number> = {};
    for (const r of this.all(`SELECT reason, SUM(count) AS n FROM rejections ${rw.length ? 'WHERE ' + rw.join(' AND ') : ''} GROUP BY reason`, rp)) {
      rejectedAtIngest[r.reason as string] = Number(r.n);
    }
    const deletionsCompleted = Number(this.get(`SELECT COUNT(*) AS n FROM deletions WHERE status = 'done'`)!.n);
    return { tombstoned, rejectedAtIngest, deletionsCompleted };
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
      if (range.from !== undefined) { w.push(`${col} >= ?`); ps.push(range.from); }
      if (range.until !== undefined) { w.push(`${col} < ?`); ps.push(range.until); }
      return w.length ? 'WHERE ' + w.join(' AND ') : '';
    };
    const pp: unknown[] = [];
    const pw = timeWhere('from_ms', pp);
    const ep: unknown[] = [];
    const ew = timeWhere('requested_at', ep);
    const rp: unknown[] = [];
    const rw: string[] = [];
    if (range.from !== undefined) { rw.push('day >= ?'); rp.push(utcDay(range.from)); }
    if (range.until !== undefined) { rw.push('day <= ?'); rp.push(utcDay(range.until)); }
    const totals = this.get(`SELECT COUNT(*) AS events, COUNT(DISTINCT user_id) AS users, COUNT(DISTINCT user_id || ' ' || session_id) AS sessions
      FROM events WHERE ${where}`, params)!;
    const tomb = this.get(`SELECT COUNT(*) AS n FROM events WHERE deleted_at IS NOT NULL`)!;
    return {
      eventsPerDay: this.all(`SELECT ${day} AS day, COUNT(*) AS n FROM events WHERE ${where} GROUP BY day ORDER BY day`, params)
        .map((r) => ({ day: r.day as string, count: Number(r.n) })),
      eventsPerKind: this.all(`SELECT kind, COUNT(*) AS n FROM events WHERE ${where} GROUP BY kind ORDER BY kind`, params)
        .map((r) => ({ kind: r.kind as string, count: Number(r.n) })),
      eventsPerLanguage: this.all(`SELECT language, COUNT(*) AS n FROM events WHERE ${where} AND language IS NOT NULL GROUP BY language ORDER BY language`, params)
        .map((r) => ({ language: r.language as string, count: Number(r.n) })),
      pausesPerDay: this.all(`SELECT strftime('%Y-%m-%d', from_ms / 1000, 'unixepoch') AS day, COUNT(*) AS n FROM pauses ${pw} GROUP BY day ORDER BY day`, pp)
        .map((r) => ({ day: r.day as string, count: Number(r.n) })),
      exemptionsPerDay: this.all(`SELECT strftime('%Y-%m-%d', requested_at / 1000, 'unixepoch') AS day, status, COUNT(*) AS n FROM exemptions ${ew}
        GROUP BY day, status ORDER BY day, status`, ep)
        .map((r) => ({ day: r.day as string, status: r.status as ExemptionStatus, count: Number(r.n) })),
      rejectionsPerDay: this.all(`SELECT day, reason, count AS n FROM rejections ${rw.length ? 'WHERE ' + rw.join(' AND ') : ''} ORDER BY day, reason`, rp)
        .map((r) => ({ day: r.day as string, reason: r.reason as string, count: Number(r.n) })),
      totals: { events: Number(totals.events), users: Number(totals.users), sessions: Number(totals.sessions), tombstoned: Number(tomb.n) },
    };
  }
}

export function pauseFromRow(r: Row): Pause {
  return { id: r.id as string, userId: r.user_id as string, from: Number(r.from_ms), until: Number(r.until_ms), reportedAt: Number(r.reported_at) };
}
