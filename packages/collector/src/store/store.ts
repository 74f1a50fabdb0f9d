// The one storage interface of the collection service, implemented by SQLite (embedded
// default) and PostgreSQL (shared by several collector processes). All times are epoch ms.
import type { DeletionScope, DeletionStatus, ExemptionScope, ExemptionStatus } from '@codetrail/protocol';

export type { DeletionScope, DeletionStatus, ExemptionScope, ExemptionStatus };
import type { ConsentStateName, EventKind } from '@codetrail/protocol';

export interface User {
  id: string;
  groups: string[];
  createdAt: number;
}

export interface TokenRecord {
  id: string;
  /** Null for admin tokens. */
  userId: string | null;
  admin: boolean;
  label: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

/** One event as stored: the columns the service queries on, plus the event JSON itself. */
export interface EventRow {
  id: string;
  userId: string;
  sessionId: string;
  seq: number;
  kind: string;
  time: number;
  consentState: string;
  language: string | null;
  workspace: string | null;
  /** The validated event, as JSON. */
  body: string;
  receivedAt: number;
}

/**
 * An event row as ingest hands it to a store: the body may arrive as its UTF-8 bytes (as
 * decode workers hand bodies over) and is stored as text either way.
 */
export type NewEventRow = Omit<EventRow, 'body'> & { body: string | Uint8Array };

/** A body as text, whichever form it came in. */
export function bodyText(body: string | Uint8Array): string {
  return typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

export interface Pause {
  id: string;
  userId: string;
  from: number;
  until: number;
  reportedAt: number;
}

export interface Exemption {
  id: string;
  userId: string;
  reason: string;
  scope: ExemptionScope;
  status: ExemptionStatus;
  requestedAt: number;
  decidedAt: number | null;
  decidedBy: string | null;
  note: string | null;
}

export interface Deletion {
  id: string;
  userId: string;
  scope: DeletionScope;
  status: DeletionStatus;
  requestedAt: number;
  /** Events tombstoned when the request was made. */
  tombstoned: number;
  /** Rows hard-deleted by the deletion job (null until it ran). */
  deleted: number | null;
  completedAt: number | null;
}

export interface AuditEntry {
  id?: number;
  time: number;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

export interface ExcludedWorkspace {
  hash: string;
  label: string;
  createdAt: number;
}

export type PendingBehaviour = 'pause' | 'record';

/** What the organisation decides; one document shared by every collector process. */
export interface Policy {
  version: number;
  pauseMinutes: number;
  excludedGlobs: string[];
  /** What the editor (and the service) do while an exemption request is pending. */
  whilePending: PendingBehaviour;
  /** Salt of HMAC-SHA256(salt, workspace identity): the only form a workspace is known by. */
  workspaceSalt: string;
  /** Groups allowed to request an exemption; null: everyone. */
  exemptionGroups: string[] | null;
  /** Events older than this are removed by the retention job; 0 keeps them forever. */
  retentionDays: number;
}

/** All a user's consent facts the ingest path needs to judge one batch. */
export interface ConsentContext {
  exemptions: Exemption[];
  pauses: Pause[];
  deletions: Deletion[];
  excludedWorkspaces: Set<string>;
}

/** What judging one batch of a user needs, read in one round trip where the store is remote. */
export interface IngestContext {
  consent: ConsentContext;
  /** Workspaces of the asked sessions, as first declared (by any earlier batch). */
  workspaces: Map<string, string>;
  /** The version of the user's consent facts these were read at. */
  version: number;
}

/** An insert that happens only if the user's consent facts are still at the version judged by. */
export interface InsertGuard {
  userId: string;
  consentVersion: number;
}

export interface EventFilter {
  from?: number;
  until?: number;
  kinds?: readonly EventKind[] | readonly string[];
  users?: readonly string[];
  consentStates?: readonly ConsentStateName[] | readonly string[];
  languages?: readonly string[];
  /** Only these sessions, as (user, session) pairs. */
  sessions?: readonly SessionKey[];
  /** Only sessions whose start the service received in [from, until) (a partition's range, for exports). */
  startedIn?: { from: number; until: number };
}

/** A session as the stores key it: [user id, session id]. */
export type SessionKey = readonly [string, string];

/** What an export left out, by count, so a dataset card can say so. */
export interface ExclusionCounts {
  /** Tombstoned (deletion requested, not yet hard-deleted) events inside the filter. */
  tombstoned: number;
  /** Events refused at ingest by reason (consent-state, exempt, paused, ...), inside the time range. */
  rejectedAtIngest: Record<string, number>;
  /** Deletion requests completed (their rows are gone). */
  deletionsCompleted: number;
}

export interface Stats {
  eventsPerDay: { day: string; count: number }[];
  eventsPerKind: { kind: string; count: number }[];
  eventsPerLanguage: { language: string; count: number }[];
  pausesPerDay: { day: string; count: number }[];
  exemptionsPerDay: { day: string; status: ExemptionStatus; count: number }[];
  rejectionsPerDay: { day: string; reason: string; count: number }[];
  totals: { events: number; users: number; sessions: number; tombstoned: number };
}

export interface InsertResult {
  inserted: number;
  duplicates: number;
  /** The guard's version was no longer current: nothing was inserted; judge again. */
  stale?: true;
}

/** One change asked of a pause, and the pause as it stands after the store applied the rules. */
export interface PauseChange {
  before: Pause | null;
  after: Pause;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Calls run to completion on the calling thread (SQLite), not on a server elsewhere. */
  readonly blocking: boolean;
  close(): Promise<void>;

  // Users and tokens (tokens are known only by their sha256).
  upsertUser(id: string, groups: string[]): Promise<User>;
  getUser(id: string): Promise<User | null>;
  createToken(token: TokenRecord, hash: string): Promise<void>;
  findTokenByHash(hash: string): Promise<TokenRecord | null>;
  revokeToken(id: string, at: number): Promise<boolean>;
  listTokens(): Promise<TokenRecord[]>;

  // Ingest.
  /**
   * Stores rows not stored yet (the key is user and event id). With a guard, atomically with
   * respect to every change of that user's consent facts: if they changed since the guard's
   * version was read, nothing is inserted and the result says `stale`.
   */
  insertEvents(rows: readonly NewEventRow[], guard?: InsertGuard): Promise<InsertResult>;
  /** Records which workspace a session belongs to (from its session.start), first one wins. */
  recordSessions(userId: string, sessions: readonly { sessionId: string; workspace: string }[]): Promise<void>;
  /**
   * What judging a batch needs, in one round trip where the store is remote: the user's consent
   * facts (pauses only those overlapping `span`, the batch's event times), the workspaces of
   * those of `sessionIds` already recorded, and the version of these facts.
   */
  ingestContext(userId: string, sessionIds: readonly string[], span: { from: number; until: number }): Promise<IngestContext>;
  /**
   * Keeps events of sessions not known yet apart from the data (unjudged, never read by an
   * export) until their session.start arrives; `held` counts those not held already.
   */
  holdEvents(rows: readonly NewEventRow[]): Promise<{ held: number; duplicates: number }>;
  /** Takes the held events of these sessions out of the holding table (each is taken once), to be judged. */
  releaseHeld(userId: string, sessionIds: readonly string[]): Promise<NewEventRow[]>;
  /** Those of `ids` that a deletion of this user covered (tombstoned ids are kept for good). */
  deletedIds(userId: string, ids: readonly string[]): Promise<Set<string>>;
  /** Every consent fact of a user, with the workspaces of all their sessions (for the export's re-check). */
  consentFacts(userId: string): Promise<{ consent: ConsentContext; workspaces: Map<string, string> }>;
  countRejections(day: string, counts: Record<string, number>): Promise<void>;

  // Consent control plane. Each change of a user's pauses, exemptions or deletions bumps the
  // version of their consent facts in the same transaction.
  /** Applies `merge` to the stored pause (null when new) and keeps the result, atomically. */
  changePause(userId: string, id: string, merge: (before: Pause | null) => Pause): Promise<PauseChange>;
  /** The user's pauses that end after `at`, by start. */
  listPauses(userId: string, at: number): Promise<Pause[]>;
  excludeWorkspace(w: ExcludedWorkspace): Promise<void>;
  includeWorkspace(hash: string): Promise<boolean>;
  listExcludedWorkspaces(): Promise<ExcludedWorkspace[]>;
  createExemption(e: Exemption): Promise<void>;
  getExemption(id: string): Promise<Exemption | null>;
  listExemptions(filter: { userId?: string; status?: ExemptionStatus }): Promise<Exemption[]>;
  /** Decides a pending request; null when it does not exist or is no longer pending. */
  decideExemption(id: string, status: 'approved' | 'denied', by: string, note: string, at: number): Promise<Exemption | null>;
  addAudit(entry: AuditEntry): Promise<void>;
  listAudit(limit: number): Promise<AuditEntry[]>;
  getPolicy(): Promise<Policy>;
  setPolicy(p: Omit<Policy, 'version' | 'workspaceSalt'> & Partial<Pick<Policy, 'workspaceSalt'>>): Promise<Policy>;

  // Deletion and retention.
  /** Records the request, tombstones its events and keeps their ids, at once. */
  requestDeletion(d: Omit<Deletion, 'tombstoned' | 'deleted' | 'completedAt' | 'status'>): Promise<Deletion>;
  getDeletion(id: string): Promise<Deletion | null>;
  listDeletions(userId?: string): Promise<Deletion[]>;
  /** Hard-deletes tombstoned rows of every open request; returns the requests completed. Consent facts stay. */
  processDeletions(at: number): Promise<Deletion[]>;
  /**
   * Enforces retention at `cutoff`; returns how many stored events went. SQLite removes events
   * (held ones too) whose time is before it; PostgreSQL drops every partition received wholly
   * before it (held events by time, as SQLite).
   */
  purgeBefore(cutoff: number): Promise<number>;
  /** Creates the partitions events will be received into, ahead of time; returns their names (none on SQLite). */
  createPartitionsAhead(now: number): Promise<string[]>;
  /** Drops held events received before `receivedBefore` (their session never started); returns how many. */
  purgeHeld(receivedBefore: number): Promise<number>;

  // Reading (export, admin page).
  /** Non-deleted events matching the filter, ordered by (user, session, seq). */
  iterateEvents(filter: EventFilter, batchSize?: number): AsyncIterable<EventRow>;
  exclusionCounts(filter: EventFilter): Promise<ExclusionCounts>;
  countEvents(filter?: EventFilter): Promise<number>;
  /** Sessions whose start the service received in [from, until), ordered, a page after `after`. */
  sessionsStartedIn(range: { from: number; until: number }, after: SessionKey | null, limit: number): Promise<SessionKey[]>;
  stats(range: { from?: number; until?: number }): Promise<Stats>;
}

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export const DEFAULT_POLICY: Omit<Policy, 'workspaceSalt'> = {
  version: 1,
  pauseMinutes: 30,
  excludedGlobs: ['**/.env', '**/.env.*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/secrets/**'],
  whilePending: 'pause',
  exemptionGroups: null,
  retentionDays: 365,
};
