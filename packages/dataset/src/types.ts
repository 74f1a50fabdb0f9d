// The export's contracts: what a store hands the pipeline, what the pipeline may be asked
// to keep, and what it reports. Plain data only, so the extension can drive it too.
import type { ConsentStateName, EventKind, TrajectoryEvent } from '@codetrail/protocol';
import type { LabelSummary } from './labels/label';

/** One stored event and the (opaque) id of the user it belongs to. */
export interface StoredEvent {
  user: string;
  event: TrajectoryEvent;
  /** The event as stored, exactly JSON.stringify(event); written as is when given. */
  json?: string;
}

/** What a store left out before the pipeline saw anything, by reason (e.g. `deleted`). */
export type ExclusionCounts = Record<string, number>;

/**
 * A store's events ordered by (user, session, seq), as the collector's store iterates
 * them; deleted, tombstoned and out-of-consent data is already gone, only counted.
 */
export interface ExportSource {
  events: AsyncIterable<StoredEvent> | Iterable<StoredEvent>;
  /** Read once the events are consumed. */
  excluded?: () => Partial<ExclusionCounts> | Promise<Partial<ExclusionCounts>>;
  /** How many events to expect, when the store knows (drives the progress bar). */
  total?: number;
}

export interface ExportFilter {
  /** Sessions that start at or after this time (epoch ms). */
  from?: number;
  /** Sessions that start before this time (epoch ms). */
  to?: number;
  /** Keep sessions touching these language ids, and only their files' events. */
  languages?: string[];
  /** Keep only these kinds; gaps are always kept, baselines come with edits. */
  kinds?: EventKind[];
  /** Narrows the consent states exported; only 'recording' may ever be exported. */
  consentStates?: ConsentStateName[];
  /** Raw user ids as the store knows them. */
  users?: string[];
}

export interface ProgressUpdate {
  events: number;
  sessions: number;
  total?: number;
}

export interface ProgressSink {
  update(p: ProgressUpdate): void;
  done(p: ProgressUpdate): void;
}

export interface ExportOptions {
  outDir: string;
  /** Secret key for user pseudonyms; the same key gives the same pseudonyms. */
  pseudonymKey: string;
  filter?: ExportFilter;
  /** A shard is closed once its uncompressed JSON passes this many bytes. */
  maxShardBytes?: number;
  /** 1 (fast) .. 9 (small); default 3. */
  gzipLevel?: number;
  progress?: ProgressSink;
  /** Replace the files of an earlier export in outDir (other files are never touched). */
  overwrite?: boolean;
  /** Shown in the dataset card. */
  title?: string;
  /** Where the data came from, for the card (e.g. "collector SQLite store"). */
  sourceLabel?: string;
  /** Shown in the dataset card: the redaction rules the clients ran. */
  redactionPolicy?: string;
  /** Compute the outcome labels (survival, retention, diagnostics, runs); default true. */
  labels?: boolean;
}

export interface ShardInfo {
  file: string;
  sessions: number;
  events: number;
  bytes: number;
  sha256: string;
}

export interface ExportSummary {
  schemaVersion: number;
  sessions: number;
  events: number;
  users: number;
  /** Sessions per language id. */
  languages: Record<string, number>;
  /** Events per kind. */
  kinds: Record<string, number>;
  /** Consent policy versions found in the exported events' stamps. */
  policyVersions: number[];
  /**
   * Sessions by the version of the redaction rules their client ran (from each session's start
   * event); `unstated` for clients too old to say, or a session whose start was not stored.
   */
  redactionRules: Record<string, number>;
  firstEventTime: number | null;
  lastEventTime: number | null;
  /** Everything left out, by reason: `store:*` from the store, the rest from the filters. */
  excluded: ExclusionCounts;
  shards: ShardInfo[];
  /** Length of the longest trajectory line (readers size their buffers by it). */
  longestLineChars: number;
  filter: ExportFilter;
  /** Totals of the outcome labels; null when the export was made without them. */
  labels: LabelSummary | null;
}
