#!/usr/bin/env node
// codetrail-export: datasets for ML teams from the collection service's data.
//   codetrail-export [export] OUT [--data DIR | --database-url URL | --from-jsonl FILE] [filters]
// Without a source flag it reads the collector's own store (CODETRAIL_DATABASE_URL, CODETRAIL_DATA_DIR, ./data).
// PostgreSQL is read in one read-only snapshot, so a streaming replica serves; --partition or
// --received-since/--received-until select whole sessions by when the service received their start.
//   codetrail-export verify DIR
//   codetrail-export convert edit-prediction DIR OUT.jsonl
//   codetrail-export convert progsnap2 DIR OUTDIR
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONSENT_STATES, type ConsentStateName, type EventKind } from '@codetrail/protocol';
import { TrajectoryEventSchema, validateEvent } from '@codetrail/protocol/validate';
import {
  DEFAULT_GZIP_LEVEL,
  convertEditPrediction,
  convertProgSnap2,
  exportDataset,
  formatProblem,
  jsonlSource,
  terminalProgress,
  verifyExport,
  writeCard,
  type ExportFilter,
  type ExportSource,
} from '@codetrail/dataset';
import { writeParquetTable } from '@codetrail/dataset/parquet';
import { openStoreSource } from '../export-source';

const USAGE = `usage:
  codetrail-export [export] OUT [--data DIR | --database-url URL | --from-jsonl FILE]
      [--received-since DATE] [--received-until DATE] [--partition events_pYYYYMMDD]
      [--since DATE] [--until DATE] [--language ID]... [--kind KIND]... [--consent recording]
      [--user ID]... [--shard-mb N] [--gzip-level 1-9 (3)] [--no-parquet] [--no-labels] [--key-file FILE]
      [--overwrite] [--title TEXT] [--redaction-policy TEXT]
  codetrail-export verify DIR
  codetrail-export convert edit-prediction DIR OUT.jsonl [--history N] [--context-lines N]
  codetrail-export convert progsnap2 DIR OUTDIR`;

class UsageError extends Error {}

/** Every event kind the schema knows, read from the schema itself. */
const KINDS: string[] = TrajectoryEventSchema.options.flatMap((o) => {
  const k = o.shape.kind as unknown as { options?: string[]; values?: Set<string> };
  return k.options ?? [...(k.values ?? [])];
});

function parseDate(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new UsageError(`${flag}: not a date: ${v}`);
  return t;
}

/** The pseudonym key: kept outside the dataset, created once, reused so pseudonyms stay stable. */
function loadKey(file: string | undefined): string {
  if (process.env.CODETRAIL_EXPORT_KEY) return process.env.CODETRAIL_EXPORT_KEY;
  if (!file) throw new UsageError('a pseudonym key is needed: --key-file FILE (created if missing) or CODETRAIL_EXPORT_KEY');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      'database-url': { type: 'string' },
      'from-jsonl': { type: 'string' },
      'received-since': { type: 'string' },
      'received-until': { type: 'string' },
      partition: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      language: { type: 'string', multiple: true },
      kind: { type: 'string', multiple: true },
      consent: { type: 'string', multiple: true },
      user: { type: 'string', multiple: true },
      'shard-mb': { type: 'string' },
      'gzip-level': { type: 'string' },
      'no-parquet': { type: 'boolean' },
      'no-labels': { type: 'boolean' },
      'key-file': { type: 'string' },
      overwrite: { type: 'boolean' },
      title: { type: 'string' },
      'redaction-policy': { type: 'string' },
    },
  });
  const out = positionals[0];
  if (!out || positionals.length > 1) throw new UsageError('export needs exactly one output folder');
  const sources = ['data', 'database-url', 'from-jsonl'].filter((k) => values[k as keyof typeof values] !== undefined);
  if (sources.length > 1) throw new UsageError('give one of --data DIR, --database-url URL, --from-jsonl FILE');
  if (values['from-jsonl'] && (values.partition || values['received-since'] || values['received-until'])) {
    throw new UsageError('--partition and --received-since/--received-until read a collector store, not --from-jsonl');
  }
  for (const k of values.kind ?? []) {
    if (!KINDS.includes(k)) throw new UsageError(`--kind: unknown kind ${k} (one of ${KINDS.join(', ')})`);
  }
  for (const c of values.consent ?? []) {
    if (!(CONSENT_STATES as readonly string[]).includes(c)) throw new UsageError(`--consent: unknown state ${c}`);
  }
  const filter: ExportFilter = {
    from: parseDate('--since', values.since),
    to: parseDate('--until', values.until),
    languages: values.language,
    kinds: values.kind as EventKind[] | undefined,
    consentStates: values.consent as ConsentStateName[] | undefined,
    users: values.user,
  };
  for (const k of Object.keys(filter) as (keyof ExportFilter)[]) if (filter[k] === undefined) delete filter[k];

  let source: ExportSource;
  let sourceLabel: string;
  let close: () => Promise<void> = async () => {};
  let keyFile = values['key-file'];
  if (values['from-jsonl']) {
    source = await jsonlSource(values['from-jsonl'], validateEvent);
    sourceLabel = 'JSONL file of stored events';
  } else {
    // the same store the collector uses: flags, then its environment, then ./data
    const databaseUrl = values['database-url'] ?? (values.data ? undefined : process.env.CODETRAIL_DATABASE_URL);
    const dataDir = values.data ?? process.env.CODETRAIL_DATA_DIR ?? 'data';
    const receivedFrom = parseDate('--received-since', values['received-since']);
    const receivedUntil = parseDate('--received-until', values['received-until']);
    const startedIn =
      receivedFrom !== undefined || receivedUntil !== undefined
        ? { from: receivedFrom ?? Number.MIN_SAFE_INTEGER, until: receivedUntil ?? Number.MAX_SAFE_INTEGER }
        : undefined;
    if (startedIn && values.partition) throw new UsageError('give --partition or --received-since/--received-until, not both');
    const opened = await openStoreSource(databaseUrl ? { databaseUrl } : { dataDir }, filter, {
      ...(startedIn ? { startedIn } : {}),
      ...(values.partition ? { partition: values.partition } : {}),
    });
    source = opened.source;
    close = opened.close;
    sourceLabel = opened.label;
    keyFile ??= databaseUrl ? undefined : join(dataDir, 'export-pseudonym.key');
  }
  const key = loadKey(keyFile);
  const shardMb = values['shard-mb'] !== undefined ? Number(values['shard-mb']) : 256;
  const level = values['gzip-level'] !== undefined ? Number(values['gzip-level']) : DEFAULT_GZIP_LEVEL;
  if (!(shardMb > 0)) throw new UsageError('--shard-mb must be a positive number');
  if (!Number.isInteger(level) || level < 1 || level > 9) throw new UsageError('--gzip-level must be 1..9');

  const card = { outDir: out, title: values.title, sourceLabel, redactionPolicy: values['redaction-policy'] };
  try {
    const summary = await exportDataset(source, {
      ...card,
      pseudonymKey: key,
      filter,
      maxShardBytes: Math.round(shardMb * 1024 * 1024),
      gzipLevel: level,
      overwrite: values.overwrite,
      labels: !values['no-labels'],
      progress: terminalProgress(),
    });
    let parquetRows: number | undefined;
    if (!values['no-parquet'] && summary.events > 0) {
      const parquet = await writeParquetTable(out);
      parquetRows = parquet.rows;
      await writeCard(card, summary, parquet);
    }
    const excluded =
      Object.entries(summary.excluded)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'nothing';
    console.log(
      `exported ${summary.sessions} sessions, ${summary.events} events, ${summary.users} users into ${summary.shards.length} shard(s) in ${out}`,
    );
    if (parquetRows !== undefined) console.log(`parquet: ${parquetRows} rows in ${join(out, 'tables/events.parquet')}`);
    console.log(`excluded: ${excluded}`);
  } finally {
    await close();
  }
  return 0;
}

async function runVerify(args: string[]): Promise<number> {
  const [dir] = args;
  if (!dir || args.length !== 1) throw new UsageError('verify needs one export folder');
  const bar = terminalProgress(process.stderr, 'verifying');
  const r = await verifyExport(dir, (p) => bar.update({ events: p.events, sessions: p.trajectories }), validateEvent);
  bar.done({ events: r.events, sessions: r.trajectories });
  console.log(
    `checked ${r.files} files, ${r.trajectories} trajectories, ${r.events} events: replayed ${r.fileHistories} file histories, ${r.steps} steps (${r.unchecked} unchecked after a failure): ${r.problems.length} problem(s)`,
  );
  for (const p of r.problems) console.log(`  ${formatProblem(p)}`);
  return r.problems.length ? 1 : 0;
}

async function runConvert(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { history: { type: 'string' }, 'context-lines': { type: 'string' } },
  });
  const [format, dir, out] = positionals;
  if (!dir || !out || positionals.length !== 3) throw new UsageError('convert needs FORMAT DIR OUT');
  if (format === 'edit-prediction') {
    const r = await convertEditPrediction(dir, out, {
      history: values.history !== undefined ? Number(values.history) : undefined,
      contextLines: values['context-lines'] !== undefined ? Number(values['context-lines']) : undefined,
    });
    console.log(`wrote ${r.samples} edit-prediction samples from ${r.trajectories} trajectories to ${out}`);
    return 0;
  }
  if (format === 'progsnap2') {
    const r = await convertProgSnap2(dir, out);
    console.log(`wrote ProgSnap2 to ${out}: ${r.events} MainTable rows, ${r.codeStates} code states`);
    return 0;
  }
  throw new UsageError(`unknown format ${format} (edit-prediction, progsnap2)`);
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h') {
    console.log(USAGE);
    return cmd === undefined ? 2 : 0;
  }
  if (cmd === 'verify') return runVerify(rest);
  if (cmd === 'convert') return runConvert(rest);
  if (cmd === 'export') return runExport(rest);
  return runExport(argv);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: Error) => {
      console.error(`codetrail-export: ${err.message}`);
      if (err instanceof UsageError) console.error(USAGE);
      process.exitCode = 2;
    },
  );
}
