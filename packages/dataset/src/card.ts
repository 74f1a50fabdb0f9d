// The dataset card (README.md, read by people and by the Hugging Face hub) and the
// manifest (manifest.json, read by tools). Both derive from the data alone: no export
// time, so the same input gives the same bytes.
import type { ExportOptions, ExportSummary } from './types';
import { labelCardLines } from './labels/card';

export const EXPORT_FORMAT_VERSION = 1;

export interface ParquetInfo {
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
}

type CardOptions = Pick<ExportOptions, 'title' | 'sourceLabel' | 'redactionPolicy'>;

const day = (ms: number | null) => (ms === null ? 'n/a' : new Date(ms).toISOString().slice(0, 10));
const num = (n: number) => n.toLocaleString('en-US');
/** Language ids come from clients: keep them inside their table cell. */
const cell = (s: string) => s.replace(/[\\|`<>*_[\]]/g, (c) => `\\${c}`).replace(/[\r\n\t]+/g, ' ');

function filterLines(s: ExportSummary): string[] {
  const f = s.filter;
  const states = f.consentStates?.length ? f.consentStates : ['recording'];
  return [
    `- consent states exported: ${states.join(', ')} (gap markers are kept whatever their state)`,
    `- session start from: ${f.from !== undefined ? new Date(f.from).toISOString() : 'any'}`,
    `- session start before: ${f.to !== undefined ? new Date(f.to).toISOString() : 'any'}`,
    `- languages: ${f.languages?.length ? [...f.languages].sort().join(', ') : 'all'}`,
    `- event kinds: ${f.kinds?.length ? [...f.kinds].sort().join(', ') : 'all'}`,
    `- users: ${f.users?.length ? `${f.users.length} selected` : 'all'}`,
  ];
}

export function renderCard(s: ExportSummary, parquet: ParquetInfo | undefined, o: CardOptions): string {
  const title = o.title ?? 'Codetrail coding trajectories';
  const table = (rec: Record<string, number>, head: string) => {
    const keys = Object.keys(rec);
    if (!keys.length) return ['(none)'];
    return [`| ${head} | count |`, '| --- | ---: |', ...keys.map((k) => `| ${cell(k)} | ${num(rec[k])} |`)];
  };
  const lines = [
    '---',
    `pretty_name: ${JSON.stringify(title)}`,
    'tags:',
    '- code',
    '- trajectories',
    'configs:',
    '- config_name: default',
    '  data_files:',
    '  - split: train',
    '    path: data/train-*.jsonl.gz',
    '---',
    '',
    `# ${title}`,
    '',
    'Recorded coding sessions: every step an engineer took in the editor, as replayable unified',
    'diffs with content hashes, plus completions, terminal and task commands with exit codes,',
    "context events and gap markers. Taken with consent, redacted on the engineer's machine.",
    '',
    '## Versions',
    '',
    `- event schema version: ${s.schemaVersion}`,
    `- export format version: ${EXPORT_FORMAT_VERSION}`,
    `- consent policy versions in the events' stamps: ${s.policyVersions.length ? s.policyVersions.join(', ') : 'n/a'}`,
    `- redaction rules version the clients ran (sessions): ${rulesLine(s.redactionRules)}`,
    `- redaction policy: ${o.redactionPolicy ?? 'as applied by each client before the data left the machine (secrets, personal data and excluded paths); placeholders such as <REDACTED:kind#tag> keep diffs applicable'}`,
    `- source: ${o.sourceLabel ?? 'collection service store'}`,
    '',
    '## Consent and filters applied',
    '',
    ...filterLines(s),
    '- deleted and tombstoned data never reaches an export; neither does data outside consent.',
    '',
    '## Counts',
    '',
    `- sessions (trajectories): ${num(s.sessions)}`,
    `- events: ${num(s.events)}`,
    `- users: ${num(s.users)} (pseudonymous; a keyed hash, never the account)`,
    `- date range: ${day(s.firstEventTime)} to ${day(s.lastEventTime)} (UTC)`,
    '',
    'Sessions per language:',
    '',
    ...table(s.languages, 'language'),
    '',
    'Events per kind:',
    '',
    ...table(s.kinds, 'kind'),
    '',
    '## Excluded from this export',
    '',
    ...table(s.excluded, 'reason'),
    '',
    '`store:*` rows were left out by the store (deleted, tombstoned, outside consent); `consent:*`',
    'rows are events whose consent stamp is not exportable; `filter:*` rows come from the filters above.',
    '',
    '## Files',
    '',
    ...s.shards.map((f) => `- \`${f.file}\`: ${num(f.sessions)} sessions, ${num(f.events)} events, ${num(f.bytes)} bytes`),
    parquet ? `- \`${parquet.file}\`: one row per event (${num(parquet.rows)} rows), for analytics` : '- no Parquet table in this export',
    "- `manifest.json`: the same facts for tools, with each file's sha256",
    '',
    '## Format',
    '',
    'Each line of a shard is one session: `session_id`, `user` (pseudonym), `workspace` (a salted',
    'hash, never a path), `languages`, `start` and `end` (ISO 8601, UTC), `event_count`, `labels` (see',
    "Outcome labels) and `events` in `seq` order. Events follow the Codetrail event schema: `file.baseline` holds a file's full",
    'text; each `edit` holds a unified `diff` against the previous state with `beforeSha256` and',
    '`afterSha256` (sha256 of the UTF-8 text); `gap` marks time when capture was paused, exempt or',
    'off — nothing typed then is in any diff.',
    '',
    '```python',
    'from datasets import load_dataset',
    'ds = load_dataset("json", data_files="data/train-*.jsonl.gz", split="train")',
    ...(parquet
      ? ['# one row per event, with a fixed schema:', `events = load_dataset("parquet", data_files="${parquet.file}", split="train")`]
      : []),
    '```',
    '',
    ...labelCardLines(s.labels),
    '## How to replay',
    '',
    'For each file of a session, start from its latest `file.baseline` text and apply each `edit`',
    'diff in order, strictly (context lines must match byte for byte); the sha256 of the result must',
    "equal the edit's `afterSha256`. `codetrail-export verify <this folder>` does exactly that for",
    'every trajectory and reports any mismatch with its shard, line, session and seq.',
    '',
  ];
  return lines.join('\n');
}

function rulesLine(rules: Record<string, number>): string {
  const entries = Object.entries(rules);
  return entries.length ? entries.map(([v, n]) => `${v} (${n.toLocaleString('en-US')})`).join(', ') : 'n/a';
}

export function renderManifest(s: ExportSummary, parquet: ParquetInfo | undefined, o: CardOptions): string {
  const manifest = {
    format: 'codetrail-export',
    formatVersion: EXPORT_FORMAT_VERSION,
    schemaVersion: s.schemaVersion,
    source: o.sourceLabel ?? 'collection service store',
    redactionPolicy: o.redactionPolicy ?? null,
    filter: s.filter,
    counts: {
      sessions: s.sessions,
      events: s.events,
      users: s.users,
      languages: s.languages,
      kinds: s.kinds,
    },
    policyVersions: s.policyVersions,
    redactionRules: s.redactionRules,
    dateRange: {
      first: s.firstEventTime === null ? null : new Date(s.firstEventTime).toISOString(),
      last: s.lastEventTime === null ? null : new Date(s.lastEventTime).toISOString(),
    },
    excluded: s.excluded,
    files: s.shards,
    longestLineChars: s.longestLineChars,
    parquet: parquet ?? null,
    labels: s.labels,
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}
