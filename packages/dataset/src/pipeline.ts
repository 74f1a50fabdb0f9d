// exportDataset: stored events in, a dataset folder out. Independent of any store: the
// source is an ordered iterable plus the counts of what the store left out.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMA_VERSION, type ConsentStateName, type TrajectoryEvent } from '@codetrail/protocol';
import { ShardWriter, DEFAULT_MAX_SHARD_BYTES, DEFAULT_GZIP_LEVEL } from './shards';
import { pseudonymize } from './pseudonym';
import { renderCard, renderManifest, type ParquetInfo } from './card';
import { emptyLabelSummary, labelTrajectory, type EventLabel } from './labels/label';
import type { ExportFilter, ExportOptions, ExportSource, ExportSummary, StoredEvent } from './types';

/** One line of a shard: a session's trajectory. Field order is part of the format. */
export interface TrajectoryRecord {
  session_id: string;
  user: string;
  workspace: string | null;
  languages: string[];
  start: string;
  end: string;
  event_count: number;
  /** Outcome labels aligned with `events` (null where an event has none); absent when labels are off. */
  labels?: EventLabel[];
  events: TrajectoryEvent[];
}

/** Files an export owns in its folder (removed on overwrite, nothing else is). */
export const EXPORT_FILES = ['README.md', 'manifest.json', 'tables/events.parquet'];

const EXPORTABLE_STATES: readonly ConsentStateName[] = ['recording'];

class Counter {
  readonly counts: Record<string, number> = {};
  add(key: string, n = 1): void {
    this.counts[key] = (this.counts[key] ?? 0) + n;
  }
}

/** Decides, event by event, what a filter keeps; counts what it drops and why. */
class EventFilter {
  private readonly consent: Set<string>;
  private readonly kinds: Set<string> | undefined;
  private readonly languages: Set<string> | undefined;
  private readonly users: Set<string> | undefined;

  constructor(
    readonly filter: ExportFilter,
    private readonly excluded: Counter,
  ) {
    const states = filter.consentStates?.length ? filter.consentStates : EXPORTABLE_STATES;
    for (const s of states) {
      if (!EXPORTABLE_STATES.includes(s)) throw new Error(`consent state '${s}' is never exported; only 'recording' is`);
    }
    this.consent = new Set(states);
    if (filter.kinds?.length) {
      this.kinds = new Set(filter.kinds);
      if (this.kinds.has('edit')) this.kinds.add('file.baseline'); // edits replay only from their baselines
    }
    if (filter.languages?.length) this.languages = new Set(filter.languages);
    if (filter.users?.length) this.users = new Set(filter.users);
  }

  keepsUser(user: string): boolean {
    return !this.users || this.users.has(user);
  }

  /** The events of one session this filter keeps, in order. */
  session(events: TrajectoryEvent[]): TrajectoryEvent[] {
    const start = events[0].time;
    if ((this.filter.from !== undefined && start < this.filter.from) || (this.filter.to !== undefined && start >= this.filter.to)) {
      this.excluded.add('filter:date', events.length);
      return [];
    }
    let langOf: Map<string, string> | undefined;
    if (this.languages) {
      langOf = new Map();
      let touches = false;
      for (const e of events) {
        if ('languageId' in e) {
          langOf.set(e.path, e.languageId);
          if (this.languages.has(e.languageId)) touches = true;
        }
      }
      if (!touches) {
        this.excluded.add('filter:language', events.length);
        return [];
      }
    }
    const kept: TrajectoryEvent[] = [];
    for (const e of events) {
      if (e.kind === 'gap') {
        kept.push(e);
        continue;
      } // holes stay visible as markers
      if (!this.consent.has(e.consent.state)) {
        this.excluded.add(`consent:${e.consent.state}`);
        continue;
      }
      if (this.kinds && !this.kinds.has(e.kind)) {
        this.excluded.add('filter:kind');
        continue;
      }
      if (langOf && 'path' in e) {
        const lang = 'languageId' in e ? e.languageId : langOf.get(e.path);
        if (lang === undefined || !this.languages!.has(lang)) {
          this.excluded.add('filter:language');
          continue;
        }
      }
      kept.push(e);
    }
    if (kept.every((e) => e.kind === 'gap')) {
      if (kept.length) this.excluded.add('empty-session', kept.length);
      return [];
    }
    return kept;
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Builds a session's line from its kept events. */
export function trajectoryRecord(
  sessionId: string,
  user: string,
  workspace: string | null,
  events: TrajectoryEvent[],
  labels?: EventLabel[],
): TrajectoryRecord {
  const langs = new Set<string>();
  let start = Infinity;
  let end = -Infinity;
  for (const e of events) {
    if ('languageId' in e) langs.add(e.languageId);
    if (e.time < start) start = e.time;
    if (e.time > end) end = e.time;
  }
  return {
    session_id: sessionId,
    user,
    workspace,
    languages: [...langs].sort(),
    start: iso(start),
    end: iso(end),
    event_count: events.length,
    ...(labels ? { labels } : {}),
    events,
  };
}

async function prepareDir(outDir: string, overwrite: boolean): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const entries = await readdir(outDir);
  if (entries.length && !overwrite) throw new Error(`${outDir} is not empty (use overwrite to replace an earlier export)`);
  if (overwrite) {
    for (const f of EXPORT_FILES) await rm(join(outDir, f), { force: true });
    const data = join(outDir, 'data');
    const shards = await readdir(data).catch(() => [] as string[]);
    for (const f of shards) if (/^(train-\d{5}-of-\d{5}|\.part-\d{5})\.jsonl\.gz$/.test(f)) await rm(join(data, f));
  }
  await mkdir(join(outDir, 'data'), { recursive: true });
}

/**
 * Writes the dataset folder: data/ shards, README.md (the card) and manifest.json. The
 * Parquet table is a separate step (writeParquetTable) so this stays pure Node.
 */
export async function exportDataset(source: ExportSource, options: ExportOptions): Promise<ExportSummary> {
  await prepareDir(options.outDir, options.overwrite ?? false);
  const excluded = new Counter();
  const filter = new EventFilter(options.filter ?? {}, excluded);
  const writer = new ShardWriter(
    join(options.outDir, 'data'),
    options.maxShardBytes ?? DEFAULT_MAX_SHARD_BYTES,
    options.gzipLevel ?? DEFAULT_GZIP_LEVEL,
  );
  const languages = new Counter();
  const kinds = new Counter();
  const policy = new Set<number>();
  const redactionRules = new Counter();
  const users = new Set<string>();
  const seenSessions = new Set<string>();
  let sessions = 0;
  let events = 0;
  let read = 0;
  let longest = 0;
  let first: number | null = null;
  let last: number | null = null;
  const pseudonyms = new Map<string, string>();
  const labelSummary = options.labels === false ? null : emptyLabelSummary();

  let curUser = '';
  let curSession: string | undefined;
  let buf: TrajectoryEvent[] = [];
  /** The store's own JSON of buffered events, when it gave it (saves serializing again). */
  let bufJson: Map<TrajectoryEvent, string> | undefined;

  const flush = async () => {
    if (curSession === undefined || buf.length === 0) return;
    const all = buf;
    const json = bufJson;
    buf = [];
    bufJson = undefined;
    const kept = filter.session(all);
    if (kept.length === 0) return;
    let pseudo = pseudonyms.get(curUser);
    if (!pseudo) pseudonyms.set(curUser, (pseudo = pseudonymize(options.pseudonymKey, curUser)));
    const startEvent = all.find((e) => e.kind === 'session.start');
    const labels = labelSummary ? labelTrajectory(kept, labelSummary) : undefined;
    const record = trajectoryRecord(curSession, pseudo, startEvent?.kind === 'session.start' ? startEvent.workspace : null, kept, labels);
    const line = json ? serializeWith(record, json) : JSON.stringify(record);
    if (line.length > longest) longest = line.length;
    await writer.write(line, kept.length);
    sessions++;
    events += kept.length;
    const rules = startEvent?.kind === 'session.start' ? startEvent.client.redactionPolicy : undefined;
    redactionRules.add(rules === undefined ? 'unstated' : String(rules));
    users.add(pseudo);
    for (const l of record.languages) languages.add(l);
    for (const e of kept) {
      kinds.add(e.kind);
      policy.add(e.consent.policyVersion);
      if (first === null || e.time < first) first = e.time;
      if (last === null || e.time > last) last = e.time;
    }
  };

  const progress = () => ({ events: read, sessions, total: source.total });
  /** Takes one stored event; true when it closed the buffered session (flush it first). */
  const starts = (item: StoredEvent): boolean => {
    read++;
    if ((read & 4095) === 0) options.progress?.update(progress());
    if (!filter.keepsUser(item.user)) {
      excluded.add('filter:user');
      return false;
    }
    const e = item.event;
    if (e.sessionId !== curSession || item.user !== curUser) return true;
    if (buf.length && buf[buf.length - 1].seq >= e.seq) {
      throw new Error(`source is not ordered by seq in session ${e.sessionId} (seq ${e.seq} after ${buf[buf.length - 1].seq})`);
    }
    buf.push(e);
    if (item.json !== undefined) (bufJson ??= new Map()).set(e, item.json);
    return false;
  };
  const begin = async (item: StoredEvent) => {
    await flush();
    const e = item.event;
    // keyed by user too: a session id is chosen by a client, another user's may collide
    const key = `${item.user}\u0000${e.sessionId}`;
    if (seenSessions.has(key)) throw new Error(`source is not ordered by (user, session, seq): session ${e.sessionId} seen again`);
    seenSessions.add(key);
    curSession = e.sessionId;
    curUser = item.user;
    buf.push(e);
    if (item.json !== undefined) (bufJson ??= new Map()).set(e, item.json);
  };
  const input = source.events;
  if (Symbol.asyncIterator in input) {
    for await (const item of input) if (starts(item)) await begin(item);
  } else {
    // a plain iterable (an array, the extension's own events) needs no await per event
    for (const item of input) if (starts(item)) await begin(item);
  }
  await flush();
  options.progress?.done(progress());
  const shards = await writer.finish();

  const storeExcluded = (await source.excluded?.()) ?? {};
  for (const [reason, n] of Object.entries(storeExcluded)) if (n) excluded.add(`store:${reason}`, n);

  const summary: ExportSummary = {
    schemaVersion: SCHEMA_VERSION,
    sessions,
    events,
    users: users.size,
    languages: sortKeys(languages.counts),
    kinds: sortKeys(kinds.counts),
    policyVersions: [...policy].sort((a, b) => a - b),
    redactionRules: sortKeys(redactionRules.counts),
    firstEventTime: first,
    lastEventTime: last,
    excluded: sortKeys(excluded.counts),
    shards,
    longestLineChars: longest,
    filter: publicFilter(options.filter ?? {}, options.pseudonymKey),
    labels: labelSummary,
  };
  await writeCard(options, summary, undefined);
  return summary;
}

/** (Re)writes README.md and manifest.json; called again once the Parquet table exists. */
export async function writeCard(
  options: Pick<ExportOptions, 'outDir' | 'title' | 'sourceLabel' | 'redactionPolicy'>,
  summary: ExportSummary,
  parquet: ParquetInfo | undefined,
): Promise<void> {
  await writeFile(join(options.outDir, 'README.md'), renderCard(summary, parquet, options));
  await writeFile(join(options.outDir, 'manifest.json'), renderManifest(summary, parquet, options));
}

/** JSON.stringify(record), reusing the events' stored JSON (`events` is the record's last field). */
function serializeWith(record: TrajectoryRecord, json: Map<TrajectoryEvent, string>): string {
  const head = JSON.stringify({ ...record, events: [] });
  const parts = record.events.map((e) => json.get(e) ?? JSON.stringify(e));
  return `${head.slice(0, -2)}${parts.join(',')}]}`;
}

/** The filter as the card and manifest show it: selected users by pseudonym, never by id. */
function publicFilter(f: ExportFilter, key: string): ExportFilter {
  if (!f.users?.length) return f;
  return { ...f, users: f.users.map((u) => pseudonymize(key, u)).sort() };
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}
