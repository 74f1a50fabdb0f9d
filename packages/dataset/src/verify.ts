// The verifier: replays every trajectory of an export with the shared strict applier
// (replayTrajectory) and checks the files against the manifest.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { replayTrajectory } from '@codetrail/protocol';
import type { TrajectoryEvent } from '@codetrail/protocol';
import { checkShape, type EventValidator } from './validation';
import { listShards, readManifest, readShardLines } from './read';

export interface VerifyProblem {
  shard: string;
  line: number | null;
  session: string | null;
  seq: number | null;
  path: string | null;
  problem: string;
}

export interface VerifyReport {
  files: number;
  trajectories: number;
  events: number;
  /** Distinct (session, path) file histories replayed. */
  fileHistories: number;
  steps: number;
  /** Steps not checked because an earlier step of the same file failed. */
  unchecked: number;
  problems: VerifyProblem[];
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

interface ManifestFile {
  file: string;
  sha256: string;
  sessions: number;
  events: number;
}

/** Checks an export: manifest, shard hashes, each event (`validate`: the schema's validator, or a shape check) and replay. */
export async function verifyExport(
  dir: string,
  onProgress?: (r: VerifyReport) => void,
  validate: EventValidator = checkShape,
): Promise<VerifyReport> {
  const report: VerifyReport = { files: 0, trajectories: 0, events: 0, fileHistories: 0, steps: 0, unchecked: 0, problems: [] };
  const problem = (p: Partial<VerifyProblem> & { shard: string; problem: string }) =>
    report.problems.push({ line: null, session: null, seq: null, path: null, ...p });

  const shards = await listShards(dir);
  let manifestFiles: ManifestFile[] | undefined;
  let parquet: { file: string; sha256: string } | null = null;
  try {
    const m = (await readManifest(dir)) as { files: ManifestFile[]; parquet?: { file: string; sha256: string } | null };
    manifestFiles = m.files;
    parquet = m.parquet ?? null;
  } catch (err) {
    problem({ shard: 'manifest.json', problem: `cannot read the manifest: ${(err as Error).message}` });
  }
  if (manifestFiles) {
    const listed = new Set(manifestFiles.map((f) => f.file));
    for (const s of shards) if (!listed.has(s)) problem({ shard: s, problem: 'shard not listed in the manifest' });
    for (const f of manifestFiles) {
      if (!shards.includes(f.file)) {
        problem({ shard: f.file, problem: 'shard listed in the manifest is missing' });
        continue;
      }
      const actual = await sha256File(join(dir, f.file));
      if (actual !== f.sha256) problem({ shard: f.file, problem: 'sha256 differs from the manifest' });
    }
  }
  if (parquet) {
    const actual = await sha256File(join(dir, parquet.file)).catch(() => null);
    if (actual === null) problem({ shard: parquet.file, problem: 'Parquet table listed in the manifest is missing' });
    else if (actual !== parquet.sha256) problem({ shard: parquet.file, problem: 'sha256 differs from the manifest' });
  }
  const perShard = new Map<string, { sessions: number; events: number }>();

  for await (const { shard, line, text } of readShardLines(dir, shards)) {
    const counts = perShard.get(shard) ?? { sessions: 0, events: 0 };
    perShard.set(shard, counts);
    counts.sessions++;
    let rec: { session_id?: unknown; events?: unknown; event_count?: unknown };
    try {
      rec = JSON.parse(text);
    } catch {
      problem({ shard, line, problem: 'line is not JSON' });
      continue;
    }
    const session = typeof rec.session_id === 'string' ? rec.session_id : null;
    if (!session || !Array.isArray(rec.events)) {
      problem({ shard, line, session, problem: 'line is not a trajectory (session_id, events)' });
      continue;
    }
    report.trajectories++;
    if (rec.event_count !== rec.events.length)
      problem({ shard, line, session, problem: `event_count says ${String(rec.event_count)}, the line holds ${rec.events.length}` });
    const events: TrajectoryEvent[] = [];
    let prevSeq = -1;
    for (const raw of rec.events as unknown[]) {
      counts.events++;
      report.events++;
      const v = validate(raw);
      const seq = typeof (raw as { seq?: unknown })?.seq === 'number' ? (raw as { seq: number }).seq : null;
      if (!v.ok) {
        problem({ shard, line, session, seq, problem: `invalid event: ${v.error}` });
        continue;
      }
      const e = v.event;
      if (e.sessionId !== session) problem({ shard, line, session, seq: e.seq, problem: `event belongs to session ${e.sessionId}` });
      if (e.seq <= prevSeq) problem({ shard, line, session, seq: e.seq, problem: `seq out of order (after ${prevSeq})` });
      prevSeq = e.seq;
      events.push(e);
    }
    const r = replayTrajectory(events);
    report.fileHistories += r.files;
    report.steps += r.steps;
    report.unchecked += r.unchecked;
    for (const m of r.mismatches) problem({ shard, line, session, seq: m.seq, path: m.path, problem: m.problem });
    report.files = perShard.size;
    if (report.trajectories % 64 === 0) onProgress?.(report);
  }
  report.files = shards.length;
  if (manifestFiles) {
    for (const f of manifestFiles) {
      const c = perShard.get(f.file);
      if (c && (c.sessions !== f.sessions || c.events !== f.events)) {
        problem({
          shard: f.file,
          problem: `holds ${c.sessions} sessions / ${c.events} events; the manifest says ${f.sessions} / ${f.events}`,
        });
      }
    }
  }
  return report;
}

export function formatProblem(p: VerifyProblem): string {
  const where = [p.line !== null ? `${p.shard}:${p.line}` : p.shard];
  if (p.session) where.push(`session ${p.session}`);
  if (p.seq !== null) where.push(`seq ${p.seq}`);
  if (p.path) where.push(p.path);
  return `${where.join(' ')}: ${p.problem}`;
}
