// SQL pieces both stores share: scope and filter predicates, row mapping. Placeholders are
// produced by the caller's `p(value)` so the same builder serves `?` (SQLite) and `$n` (pg).
import type { DeletionScope, EventFilter, EventRow, Exemption, Deletion, SessionKey, TokenRecord } from './store';

export type Bind = (value: unknown) => string;

/** Rows a deletion tombstones when it is requested: everything of the user for "all". */
export function scopePredicate(userId: string, scope: DeletionScope, p: Bind): string {
  const parts = [`user_id = ${p(userId)}`];
  if (scope.kind === 'session') parts.push(`session_id = ${p(scope.sessionId)}`);
  if (scope.kind === 'range') parts.push(`time >= ${p(scope.from)}`, `time < ${p(scope.until)}`);
  return parts.join(' AND ');
}

/**
 * Rows the deletion job removes: those tombstoned, and any in the deletion's scope that
 * reached the table since (what ingest refuses as "deleted", see consent.ts).
 */
export function deletionJobPredicate(d: Deletion, p: Bind): string {
  // Placeholders are bound in the order they appear (SQLite's `?`).
  const user = `user_id = ${p(d.userId)}`;
  const covers = d.scope.kind === 'all' ? `time <= ${p(d.requestedAt)}` : scopePredicate(d.userId, d.scope, p);
  return `${user} AND (deleted_at IS NOT NULL OR (${covers}))`;
}

export function filterPredicate(f: EventFilter, p: Bind): string {
  const parts: string[] = [];
  if (f.from !== undefined) parts.push(`time >= ${p(f.from)}`);
  if (f.until !== undefined) parts.push(`time < ${p(f.until)}`);
  const inList = (col: string, values: readonly string[] | undefined) => {
    if (values === undefined) return;
    if (values.length === 0) parts.push('1 = 0');
    else parts.push(`${col} IN (${values.map((v) => p(v)).join(', ')})`);
  };
  inList('kind', f.kinds);
  inList('user_id', f.users);
  inList('consent_state', f.consentStates);
  inList('language', f.languages);
  if (f.sessions !== undefined) {
    if (f.sessions.length === 0) parts.push('1 = 0');
    else parts.push(`(user_id, session_id) IN (${f.sessions.map(([u, s]) => `(${p(u)}, ${p(s)})`).join(', ')})`);
  }
  if (f.startedIn !== undefined) {
    parts.push(`(user_id, session_id) IN (SELECT user_id, session_id FROM events WHERE kind = 'session.start'
      AND received_at >= ${p(f.startedIn.from)} AND received_at < ${p(f.startedIn.until)})`);
  }
  return parts.length ? parts.join(' AND ') : '1 = 1';
}

type Raw = Record<string, unknown>;

/** Where an ordered read of events resumes: (user, session, seq, id) of the last row read. */
export type EventCursor = [string, string, number, string];

/** One page of the events a filter selects, in (user, session, seq, id) order, after `after`. */
export function eventPageQuery(filter: EventFilter, after: EventCursor | null, limit: number, p: Bind): string {
  let where = `deleted_at IS NULL AND ${filterPredicate(filter, p)}`;
  if (after) where += ` AND (user_id, session_id, seq, id) > (${p(after[0])}, ${p(after[1])}, ${p(after[2])}, ${p(after[3])})`;
  return `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where} ORDER BY user_id, session_id, seq, id LIMIT ${p(limit)}`;
}

/** A page of the sessions whose start was received in the range (on PostgreSQL: only its partitions are read). */
export function sessionsPageQuery(range: { from: number; until: number }, after: SessionKey | null, limit: number, p: Bind): string {
  let where = `kind = 'session.start' AND received_at >= ${p(range.from)} AND received_at < ${p(range.until)}`;
  if (after) where += ` AND (user_id, session_id) > (${p(after[0])}, ${p(after[1])})`;
  return `SELECT user_id, session_id FROM events WHERE ${where} GROUP BY user_id, session_id ORDER BY user_id, session_id LIMIT ${p(limit)}`;
}

export function cursorOf(row: Raw): EventCursor {
  return [row.user_id as string, row.session_id as string, Number(row.seq), row.id as string];
}
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

export function eventFromRow(r: Raw): EventRow {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    sessionId: r.session_id as string,
    seq: num(r.seq),
    kind: r.kind as string,
    time: num(r.time),
    consentState: r.consent_state as string,
    language: (r.language as string | null) ?? null,
    workspace: (r.workspace as string | null) ?? null,
    body: r.body as string,
    receivedAt: num(r.received_at),
  };
}

export function tokenFromRow(r: Raw): TokenRecord {
  return {
    id: r.id as string,
    userId: (r.user_id as string | null) ?? null,
    admin: r.admin === true || r.admin === 1,
    label: r.label as string,
    createdAt: num(r.created_at),
    expiresAt: numOrNull(r.expires_at),
    revokedAt: numOrNull(r.revoked_at),
  };
}

export function exemptionFromRow(r: Raw): Exemption {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    reason: r.reason as string,
    scope: JSON.parse(r.scope as string) as Exemption['scope'],
    status: r.status as Exemption['status'],
    requestedAt: num(r.requested_at),
    decidedAt: numOrNull(r.decided_at),
    decidedBy: (r.decided_by as string | null) ?? null,
    note: (r.note as string | null) ?? null,
  };
}

export function deletionFromRow(r: Raw): Deletion {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    scope: JSON.parse(r.scope as string) as Deletion['scope'],
    status: r.status as Deletion['status'],
    requestedAt: num(r.requested_at),
    tombstoned: num(r.tombstoned),
    deleted: numOrNull(r.deleted),
    completedAt: numOrNull(r.completed_at),
  };
}

export const EVENT_COLUMNS = 'id, user_id, session_id, seq, kind, time, consent_state, language, workspace, body, received_at';

export function eventValues(e: EventRow): unknown[] {
  return [e.id, e.userId, e.sessionId, e.seq, e.kind, e.time, e.consentState, e.language, e.workspace, e.body, e.receivedAt];
}

export interface SqlTypes {
  /** The 64-bit integer type. */
  int: string;
  bool: string;
  /** The audit key. */
  serial: string;
  /** A byte-ordered text. */
  key: string;
}

/** The schema of version 1 (every database made before schema versions were recorded). */
export function schemaV1(t: SqlTypes): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, groups_json TEXT NOT NULL, created_at ${t.int} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS tokens (id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, user_id TEXT, admin ${t.bool} NOT NULL,
       label TEXT NOT NULL, created_at ${t.int} NOT NULL, expires_at ${t.int}, revoked_at ${t.int})`,
    `CREATE TABLE IF NOT EXISTS events (id ${t.key} PRIMARY KEY, user_id ${t.key} NOT NULL, session_id ${t.key} NOT NULL, seq ${t.int} NOT NULL,
       kind TEXT NOT NULL, time ${t.int} NOT NULL, consent_state TEXT NOT NULL, language TEXT, workspace TEXT, body TEXT NOT NULL,
       received_at ${t.int} NOT NULL, deleted_at ${t.int})`,
    `CREATE INDEX IF NOT EXISTS events_order ON events (user_id, session_id, seq, id)`,
    `CREATE INDEX IF NOT EXISTS events_time ON events (time)`,
    `CREATE TABLE IF NOT EXISTS sessions (user_id TEXT NOT NULL, session_id TEXT NOT NULL, workspace TEXT NOT NULL,
       PRIMARY KEY (user_id, session_id))`,
    `CREATE TABLE IF NOT EXISTS pauses (user_id TEXT NOT NULL, id TEXT NOT NULL, from_ms ${t.int} NOT NULL, until_ms ${t.int} NOT NULL,
       reported_at ${t.int} NOT NULL, PRIMARY KEY (user_id, id))`,
    `CREATE INDEX IF NOT EXISTS pauses_span ON pauses (user_id, until_ms)`,
    `CREATE TABLE IF NOT EXISTS excluded_workspaces (hash TEXT PRIMARY KEY, label TEXT NOT NULL, created_at ${t.int} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS exemptions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, reason TEXT NOT NULL, scope TEXT NOT NULL,
       status TEXT NOT NULL, requested_at ${t.int} NOT NULL, decided_at ${t.int}, decided_by TEXT, note TEXT)`,
    `CREATE INDEX IF NOT EXISTS exemptions_user ON exemptions (user_id)`,
    `CREATE TABLE IF NOT EXISTS audit (id ${t.serial} PRIMARY KEY, time ${t.int} NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
       subject TEXT NOT NULL, detail TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS deletions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, scope TEXT NOT NULL, status TEXT NOT NULL,
       requested_at ${t.int} NOT NULL, tombstoned ${t.int} NOT NULL, deleted ${t.int}, completed_at ${t.int})`,
    `CREATE TABLE IF NOT EXISTS rejections (day TEXT NOT NULL, reason TEXT NOT NULL, count ${t.int} NOT NULL, PRIMARY KEY (day, reason))`,
    `CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  ];
}

/** The schema version this code writes; older databases are migrated when opened. */
export const SCHEMA_VERSION = 2;

/**
 * Version 2, the parts both stores share: consent facts that no data deletion erases. Each
 * user's facts carry a version that every change bumps, so an ingest that judged a batch by
 * older facts inserts nothing and judges again; deleted event ids are kept per user, so a
 * resent id never comes back. (The events table's new key is each store's own migration.)
 */
export function schemaV2Tables(t: SqlTypes): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS consent_versions (user_id ${t.key} PRIMARY KEY, version ${t.int} NOT NULL)`,
    `INSERT INTO consent_versions (user_id, version) SELECT id, 0 FROM users WHERE true ON CONFLICT DO NOTHING`,
    `CREATE TABLE IF NOT EXISTS deleted_ids (user_id ${t.key} NOT NULL, id ${t.key} NOT NULL, deletion_id TEXT NOT NULL,
       PRIMARY KEY (user_id, id))`,
    // Events tombstoned by a request still open keep their ids for good.
    `INSERT INTO deleted_ids (user_id, id, deletion_id) SELECT user_id, id, 'before-schema-2' FROM events WHERE deleted_at IS NOT NULL
       ON CONFLICT DO NOTHING`,
    `CREATE INDEX IF NOT EXISTS deletions_user ON deletions (user_id)`,
    // Events of a session whose start has not arrived: kept apart, unjudged and unread, until it does.
    `CREATE TABLE IF NOT EXISTS held_events (id ${t.key} NOT NULL, user_id ${t.key} NOT NULL, session_id ${t.key} NOT NULL,
       seq ${t.int} NOT NULL, kind TEXT NOT NULL, time ${t.int} NOT NULL, consent_state TEXT NOT NULL, language TEXT, workspace TEXT,
       body TEXT NOT NULL, received_at ${t.int} NOT NULL, deleted_at ${t.int}, PRIMARY KEY (user_id, id))`,
    `CREATE INDEX IF NOT EXISTS held_events_session ON held_events (user_id, session_id)`,
  ];
}

/** Upper-case ids of version 1 rows: the canonical copy (lower case, else the first received) stays. */
export const CANONICAL_FIRST = `(id = lower(id) AND session_id = lower(session_id)) DESC, received_at`;
