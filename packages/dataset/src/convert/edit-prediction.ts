// Converter to an edit-prediction layout: for each edit that follows earlier edits in its
// session, the recent edits as diffs, an excerpt of the file around the cursor (or the
// edit) as it was just before, and the edit itself as the expected output. JSONL.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TrajectoryEvent } from '@codetrail/protocol';
import { readShardLines } from '../read';
import type { TrajectoryRecord } from '../pipeline';
import { FileStates, firstHunkLine } from './replay-state';

/** Fields of every line, in order. */
export const EDIT_PREDICTION_FIELDS = [
  'id',
  'session_id',
  'user',
  'path',
  'language',
  'provenance',
  'events',
  'excerpt',
  'cursor',
  'output',
] as const;

export interface EditPredictionOptions {
  /** How many earlier edits of the session go into `events`. */
  history?: number;
  /** Lines of context above and below the cursor in the excerpt. */
  contextLines?: number;
}

export interface EditPredictionSample {
  id: string;
  session_id: string;
  user: string;
  path: string;
  language: string;
  provenance: string;
  /** Earlier edits of the session, oldest first, as unified diffs. */
  events: string[];
  excerpt: { start_line: number; end_line: number; text: string };
  /** Where the cursor was in the file before the edit (0-based), if it was recorded. */
  cursor: { line: number; character: number } | null;
  output: string;
}

export function* editPredictionSamples(rec: TrajectoryRecord, options: EditPredictionOptions = {}): Generator<EditPredictionSample> {
  const history = options.history ?? 5;
  const context = options.contextLines ?? 20;
  const files = new FileStates();
  const recent: string[] = [];
  const cursor = new Map<string, { line: number; character: number }>();
  for (const e of rec.events as TrajectoryEvent[]) {
    if (e.kind === 'cursor') {
      cursor.set(e.path, { line: e.line, character: e.character });
      continue;
    }
    const applied = files.apply(e);
    if (e.kind !== 'edit') continue;
    if (applied && recent.length > 0) {
      const lines = applied.before.split('\n');
      const cur = cursor.get(e.path) ?? null;
      const focus = cur ? cur.line : firstHunkLine(e.diff);
      const start = Math.max(0, focus - context);
      const end = Math.min(lines.length, focus + context + 1);
      yield {
        id: e.id,
        session_id: rec.session_id,
        user: rec.user,
        path: e.path,
        language: e.languageId,
        provenance: e.provenance.label,
        events: recent.slice(-history),
        excerpt: { start_line: start, end_line: end, text: lines.slice(start, end).join('\n') },
        cursor: cur,
        output: e.diff,
      };
    }
    recent.push(e.diff);
    if (recent.length > history) recent.shift();
    cursor.delete(e.path); // a cursor before this edit says nothing about the next one
  }
}

export async function convertEditPrediction(
  dir: string,
  outFile: string,
  options: EditPredictionOptions = {},
): Promise<{ trajectories: number; samples: number }> {
  await mkdir(dirname(outFile), { recursive: true });
  const out = createWriteStream(outFile);
  let trajectories = 0;
  let samples = 0;
  for await (const { text } of readShardLines(dir)) {
    trajectories++;
    for (const s of editPredictionSamples(JSON.parse(text) as TrajectoryRecord, options)) {
      samples++;
      if (!out.write(JSON.stringify(s) + '\n')) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  return { trajectories, samples };
}
