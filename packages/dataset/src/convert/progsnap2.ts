// Converter to ProgSnap2: MainTable.csv (one row per event), CodeStates/ in the Directory
// representation (one folder per distinct state of a session's files), DatasetMetadata.csv.
// Codetrail kinds without a ProgSnap2 event type use the spec's "X-" extension prefix.
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { TrajectoryEvent } from '@codetrail/protocol';
import { readShardLines } from '../read';
import type { TrajectoryRecord } from '../pipeline';
import { FileStates } from './replay-state';

/** The columns the ProgSnap2 specification requires in every MainTable row. */
export const PROGSNAP2_REQUIRED_COLUMNS = ['EventType', 'EventID', 'SubjectID', 'ToolInstances', 'CodeStateID'] as const;

/** MainTable columns, in order: the required ones, then optional and X- columns. */
export const PROGSNAP2_MAIN_COLUMNS = [
  ...PROGSNAP2_REQUIRED_COLUMNS,
  'Order',
  'SessionID',
  'ClientTimestamp',
  'ClientTimezone',
  'CodeStateSection',
  'X-Language',
  'X-Provenance',
  'X-CommandLine',
  'X-ExitCode',
  'X-DurationMs',
  'X-Reason',
] as const;

export const PROGSNAP2_METADATA = [
  ['Version', '6'],
  ['IsEventOrderingConsistent', 'true'],
  ['EventOrderScope', 'Global'],
  ['EventOrderScopeColumns', ''],
  ['CodeStateRepresentation', 'Directory'],
] as const;

const EVENT_TYPES: Partial<Record<TrajectoryEvent['kind'], string>> = {
  'session.start': 'Session.Start',
  'session.end': 'Session.End',
  edit: 'File.Edit',
  'file.open': 'File.Open',
  'file.close': 'File.Close',
  'file.focus': 'File.Focus',
  'file.save': 'File.Save',
};

function eventType(e: TrajectoryEvent): string {
  if (e.kind === 'file.baseline') return e.reason === 'open' ? 'File.Open' : 'X-File.Baseline';
  return (
    EVENT_TYPES[e.kind] ??
    `X-${e.kind
      .split(/[.-]/)
      .map((p) => p[0].toUpperCase() + p.slice(1))
      .join('.')}`
  );
}

export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvRow = (fields: (string | number | null | undefined)[]) => fields.map(csvField).join(',') + '\r\n';

/** A workspace-relative path made safe to write under a CodeState folder, or undefined. */
export function safeRelativePath(p: string): string | undefined {
  const norm = posix.normalize(p.replace(/\\/g, '/'));
  if (!norm || norm.startsWith('/') || norm === '.' || norm.split('/').some((s) => s === '..' || s === '') || /^[a-zA-Z]:/.test(norm))
    return undefined;
  return norm;
}

export async function convertProgSnap2(dir: string, outDir: string): Promise<{ events: number; codeStates: number }> {
  await mkdir(join(outDir, 'CodeStates'), { recursive: true });
  const main: WriteStream = createWriteStream(join(outDir, 'MainTable.csv'));
  const write = async (s: string) => {
    if (!main.write(s)) await once(main, 'drain');
  };
  await write(csvRow([...PROGSNAP2_MAIN_COLUMNS]));
  const written = new Set<string>();
  let order = 0;

  for await (const { text } of readShardLines(dir)) {
    const rec = JSON.parse(text) as TrajectoryRecord;
    const files = new FileStates();
    let tool = 'Codetrail';
    let stateId = '';
    let dirty = true;
    for (const e of rec.events) {
      if (e.kind === 'session.start') tool = `${e.client.name} ${e.client.version}`;
      files.apply(e);
      if (e.kind === 'file.baseline' || e.kind === 'edit') dirty = true;
      if (dirty) {
        stateId = await writeCodeState(outDir, files.text, written);
        dirty = false;
      }
      const path = 'path' in e ? e.path : undefined;
      await write(
        csvRow([
          eventType(e),
          e.id,
          rec.user,
          tool,
          stateId,
          order++,
          rec.session_id,
          new Date(e.time).toISOString(),
          '0',
          path,
          'languageId' in e ? e.languageId : undefined,
          e.kind === 'edit' ? e.provenance.label : undefined,
          e.kind === 'terminal.command' ? e.commandLine : undefined,
          'exitCode' in e ? e.exitCode : undefined,
          'durationMs' in e ? e.durationMs : undefined,
          'reason' in e ? e.reason : undefined,
        ]),
      );
    }
  }
  main.end();
  await once(main, 'finish');
  await writeFile(
    join(outDir, 'DatasetMetadata.csv'),
    csvRow(['Property', 'Value']) + PROGSNAP2_METADATA.map((r) => csvRow([...r])).join(''),
  );
  return { events: order, codeStates: written.size };
}

/** Writes a state's files once; its id is a hash of the (path, text) pairs it holds. */
async function writeCodeState(outDir: string, texts: Map<string, string>, written: Set<string>): Promise<string> {
  const entries = [...texts].map(([p, t]) => [safeRelativePath(p), t] as const).filter((x): x is [string, string] => x[0] !== undefined);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const h = createHash('sha256');
  for (const [p, t] of entries) h.update(`${Buffer.byteLength(p)}:${p}${Buffer.byteLength(t)}:`).update(t);
  const id = h.digest('hex').slice(0, 32);
  if (written.has(id)) return id;
  written.add(id);
  const base = join(outDir, 'CodeStates', id);
  await mkdir(base, { recursive: true });
  for (const [p, t] of entries) {
    const target = join(base, ...p.split('/'));
    try {
      await mkdir(join(target, '..'), { recursive: true });
      await writeFile(target, t);
    } catch {
      // a path that is both a file and a folder in one state cannot be laid out; skip it
    }
  }
  return id;
}
