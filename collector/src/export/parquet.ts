// The flat Parquet event table, written by DuckDB straight from the JSONL.gz shards. A
// separate step with a native module: the extension's export does without it.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParquetInfo } from './card';

export const PARQUET_FILE = 'tables/events.parquet';

/** Column order of the event table; `event` holds the whole event as JSON. */
export const PARQUET_COLUMNS = [
  'session_id', 'user', 'workspace', 'seq', 'event_id', 'kind', 'time', 'path', 'language',
  'consent_state', 'policy_version', 'provenance', 'provenance_confidence', 'change_count', 'cut',
  'before_sha256', 'after_sha256', 'diff', 'command_line', 'exit_code', 'duration_ms', 'reason', 'event',
] as const;

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Opens an in-memory DuckDB that never fetches extensions (json and parquet are built in). */
export async function openDuckDb() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  return db.connect();
}

/** SQL reading every trajectory line of an export as rows (session_id, user, workspace, events JSON[]). */
export function trajectoriesSql(dir: string): string {
  const glob = join(dir, 'data', 'train-*-of-*.jsonl.gz');
  return `read_json(${sqlString(glob)}, format='newline_delimited', compression='gzip',
    maximum_object_size=1073741824,
    columns={session_id: 'VARCHAR', "user": 'VARCHAR', workspace: 'VARCHAR', events: 'JSON[]'})`;
}

export async function writeParquetTable(dir: string): Promise<ParquetInfo> {
  await mkdir(join(dir, 'tables'), { recursive: true });
  const out = join(dir, PARQUET_FILE);
  const conn = await openDuckDb();
  try {
    const j = (path: string) => `json_extract_string(e, '$.${path}')`;
    await conn.run(`COPY (
      SELECT session_id, "user", workspace,
        CAST(${j('seq')} AS BIGINT) AS seq,
        ${j('id')} AS event_id,
        ${j('kind')} AS kind,
        make_timestamp(CAST(${j('time')} AS BIGINT) * 1000) AS time,
        ${j('path')} AS path,
        ${j('languageId')} AS language,
        ${j('consent.state')} AS consent_state,
        CAST(${j('consent.policyVersion')} AS INTEGER) AS policy_version,
        ${j('provenance.label')} AS provenance,
        CAST(${j('provenance.confidence')} AS DOUBLE) AS provenance_confidence,
        CAST(${j('changeCount')} AS INTEGER) AS change_count,
        ${j('cut')} AS cut,
        ${j('beforeSha256')} AS before_sha256,
        ${j('afterSha256')} AS after_sha256,
        ${j('diff')} AS diff,
        ${j('commandLine')} AS command_line,
        CAST(${j('exitCode')} AS INTEGER) AS exit_code,
        CAST(${j('durationMs')} AS BIGINT) AS duration_ms,
        ${j('reason')} AS reason,
        CAST(e AS VARCHAR) AS event
      FROM (SELECT session_id, "user", workspace, unnest(events) AS e FROM ${trajectoriesSql(dir)})
      ORDER BY session_id, seq
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
