// The flat Parquet event table, written by DuckDB straight from the JSONL.gz shards. A
// separate step with a native module: the extension's export does without it.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParquetInfo } from './card';

export const PARQUET_FILE = 'tables/events.parquet';

/**
 * Every field of every event kind, as DuckDB parses it once per event (fields a kind lacks
 * are null; fields unknown to this list are left out of the table, never of the shards).
 */
const EVENT_STRUCT = `STRUCT(
  schema INTEGER, id VARCHAR, sessionId VARCHAR, seq BIGINT, "time" BIGINT, kind VARCHAR,
  consent STRUCT(state VARCHAR, policyVersion INTEGER, pauseId VARCHAR, exemptionId VARCHAR),
  workspace VARCHAR, client STRUCT(name VARCHAR, version VARCHAR, uiKind VARCHAR, redactionPolicy INTEGER),
  reason VARCHAR, path VARCHAR, languageId VARCHAR, "text" VARCHAR, sha256 VARCHAR,
  diff VARCHAR, beforeSha256 VARCHAR, afterSha256 VARCHAR,
  provenance STRUCT(label VARCHAR, confidence DOUBLE), startTime BIGINT, changeCount INTEGER, cut VARCHAR,
  size BIGINT, line INTEGER, "character" INTEGER, "from" BIGINT, "to" BIGINT, dropped INTEGER,
  commandLine VARCHAR, cwd VARCHAR, exitCode INTEGER, durationMs BIGINT, outputTail VARCHAR, source VARCHAR,
  terminal VARCHAR, name VARCHAR, debugType VARCHAR, afterEdit VARCHAR,
  before STRUCT(errors INTEGER, warnings INTEGER), after STRUCT(errors INTEGER, warnings INTEGER),
  messages VARCHAR[], message VARCHAR, "commit" VARCHAR, filesChanged INTEGER,
  what VARCHAR, count INTEGER, detail VARCHAR
)`;

/** The outcome labels of one event (collector/src/export/labels/label.ts); null for an unlabelled event. */
const LABEL_STRUCT = `STRUCT(
  inserted_chars INTEGER, survival_save DOUBLE, survival_end DOUBLE, survival_commit DOUBLE,
  retention_30s DOUBLE, retention_2m DOUBLE, retention_5m DOUBLE, retention_10m DOUBLE,
  diagnostics_seq BIGINT, errors_delta INTEGER, warnings_delta INTEGER,
  next_run_seq BIGINT, next_run_type VARCHAR, next_run_result VARCHAR,
  run_type VARCHAR, run_tool VARCHAR, run_result VARCHAR, tests_passed INTEGER, tests_failed INTEGER, tests_skipped INTEGER
)`;

/** Label columns, after the event's own; exit_code is the event's. */
const LABEL_COLUMNS = [
  'inserted_chars',
  'survival_save',
  'survival_end',
  'survival_commit',
  'retention_30s',
  'retention_2m',
  'retention_5m',
  'retention_10m',
  'diagnostics_seq',
  'errors_delta',
  'warnings_delta',
  'next_run_seq',
  'next_run_type',
  'next_run_result',
  'run_type',
  'run_tool',
  'run_result',
  'tests_passed',
  'tests_failed',
  'tests_skipped',
];

const ms = (col: string) => `make_timestamp(e.${col} * 1000)`;

/** The table's columns, in order: name and the expression over one event `e`. */
const COLUMNS: [string, string][] = [
  ['session_id', 'session_id'],
  ['user', '"user"'],
  ['workspace', 'workspace'],
  ['seq', 'e.seq'],
  ['event_id', 'e.id'],
  ['kind', 'e.kind'],
  ['time', ms('"time"')],
  ['schema_version', 'e.schema'],
  ['consent_state', 'e.consent.state'],
  ['policy_version', 'e.consent.policyVersion'],
  ['pause_id', 'e.consent.pauseId'],
  ['exemption_id', 'e.consent.exemptionId'],
  ['path', 'e.path'],
  ['language', 'e.languageId'],
  ['reason', 'e.reason'],
  ['client_name', 'e.client.name'],
  ['client_version', 'e.client.version'],
  ['client_ui_kind', 'e.client.uiKind'],
  ['client_redaction_policy', 'e.client.redactionPolicy'],
  ['text', 'e."text"'],
  ['sha256', 'e.sha256'],
  ['diff', 'e.diff'],
  ['before_sha256', 'e.beforeSha256'],
  ['after_sha256', 'e.afterSha256'],
  ['provenance', 'e.provenance.label'],
  ['provenance_confidence', 'e.provenance.confidence'],
  ['start_time', ms('startTime')],
  ['change_count', 'e.changeCount'],
  ['cut', 'e.cut'],
  ['size', 'e.size'],
  ['line', 'e.line'],
  ['character', 'e."character"'],
  ['gap_from', ms('"from"')],
  ['gap_to', ms('"to"')],
  ['dropped', 'e.dropped'],
  ['command_line', 'e.commandLine'],
  ['cwd', 'e.cwd'],
  ['exit_code', 'e.exitCode'],
  ['duration_ms', 'e.durationMs'],
  ['output_tail', 'e.outputTail'],
  ['source', 'e.source'],
  ['terminal', 'e.terminal'],
  ['name', 'e.name'],
  ['debug_type', 'e.debugType'],
  ['after_edit', 'e.afterEdit'],
  ['errors_before', 'e.before.errors'],
  ['warnings_before', 'e.before.warnings'],
  ['errors_after', 'e.after.errors'],
  ['warnings_after', 'e.after.warnings'],
  ['messages', 'e.messages'],
  ['message', 'e.message'],
  ['commit', 'e."commit"'],
  ['files_changed', 'e.filesChanged'],
  ['marker', 'e.what'],
  ['marker_count', 'e.count'],
  ['marker_detail', 'e.detail'],
  ...LABEL_COLUMNS.map((c): [string, string] => [c, `l.${c}`]),
];

/** Column order of the event table. */
export const PARQUET_COLUMNS = COLUMNS.map(([name]) => name);

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Opens an in-memory DuckDB that never fetches extensions (json and parquet are built in). */
export async function openDuckDb() {
  // rows keep the shards' order (insertion order is preserved), so no sort is needed
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  return db.connect();
}

/** The longest line an export holds, from its manifest (DuckDB sizes its read buffers by it). */
export async function longestLine(dir: string): Promise<number> {
  try {
    const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { longestLineChars?: number };
    if (typeof m.longestLineChars === 'number') return m.longestLineChars;
  } catch {
    // no manifest: assume the largest line a shard may hold
  }
  return 1 << 30;
}

/** SQL reading every trajectory line of an export as rows (session_id, user, workspace, labels[], events[]). */
export function trajectoriesSql(dir: string, longest: number): string {
  const glob = join(dir, 'data', 'train-*-of-*.jsonl.gz');
  // UTF-8 may take up to 3 bytes per UTF-16 unit; the default (16 MB) is the floor
  const maxObject = Math.max(16 * 1024 * 1024, longest * 3 + 1024);
  return `read_json(${sqlString(glob)}, format='newline_delimited', compression='gzip',
    maximum_object_size=${maxObject},
    columns={session_id: 'VARCHAR', "user": 'VARCHAR', workspace: 'VARCHAR',
      labels: '${LABEL_STRUCT}[]', events: '${EVENT_STRUCT.replace(/'/g, "''")}[]'})`;
}

export async function writeParquetTable(dir: string): Promise<ParquetInfo> {
  await mkdir(join(dir, 'tables'), { recursive: true });
  const out = join(dir, PARQUET_FILE);
  const conn = await openDuckDb();
  try {
    const select = COLUMNS.map(([name, expr]) => `${expr} AS "${name}"`).join(',\n        ');
    await conn.run(`COPY (
      SELECT ${select}
      -- labels[i] belongs to events[i]: unnested side by side (a line without labels gives nulls)
      FROM (SELECT session_id, "user", workspace, unnest(events) AS e, unnest(labels) AS l FROM ${trajectoriesSql(dir, await longestLine(dir))})
    ) TO ${sqlString(out)} (FORMAT parquet, COMPRESSION zstd)`);
    const r = await conn.runAndReadAll(`SELECT count(*) AS n FROM read_parquet(${sqlString(out)})`);
    const rows = Number(r.getRowObjects()[0].n);
    const h = createHash('sha256');
    for await (const chunk of createReadStream(out)) h.update(chunk as Buffer);
    return { file: PARQUET_FILE, rows, bytes: (await stat(out)).size, sha256: h.digest('hex') };
  } finally {
    conn.closeSync();
  }
}
