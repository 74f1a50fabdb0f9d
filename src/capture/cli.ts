#!/usr/bin/env node
// codetrail-trajectory: feed a recorded editing session (plain data, one JSON object a
// line) through the trajectory core, and verify trajectory files by replaying them.
//   codetrail-trajectory record SESSION.jsonl OUT.jsonl
//   codetrail-trajectory verify TRAJECTORY.jsonl [--final SESSION.jsonl]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Session } from './session';
import { TrajectoryBuilder, type ContentChange } from './trajectory';
import { replayTrajectory } from '@codetrail/protocol';
import type { Provenance, TrajectoryEvent } from '@codetrail/protocol';
import { validateEvent } from '@codetrail/protocol/validate';

type Input =
  | { t: 'open'; path: string; languageId: string; text: string; time: number }
  | { t: 'change'; path: string; changes: ContentChange[]; provenance: Provenance; time: number }
  | { t: 'cursor'; path: string; offset: number; time: number }
  | { t: 'save' | 'focus' | 'close'; path: string; time: number };

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch {
        throw new Error(`${file}:${i + 1}: not JSON`);
      }
    });
}

export function record(inputs: Input[]): { events: TrajectoryEvent[]; finalText: Map<string, string> } {
  const events: TrajectoryEvent[] = [];
  const session = new Session(
    (e) => events.push(e),
    () => ({ state: 'recording', policyVersion: 0 }),
  );
  const builder = new TrajectoryBuilder((b) => session.emit(b));
  const texts = new Map<string, string>();
  let last = 0;
  for (const i of inputs) {
    last = i.time;
    builder.tick(i.time);
    switch (i.t) {
      case 'open':
        texts.set(i.path, i.text);
        builder.baseline(i.path, i.path, i.languageId, i.text, i.time, 'open');
        break;
      case 'change': {
        let t = texts.get(i.path) ?? '';
        for (const c of [...i.changes].sort((a, b) => b.offset - a.offset))
          t = t.slice(0, c.offset) + c.inserted + t.slice(c.offset + c.deleted);
        texts.set(i.path, t);
        builder.change(i.path, i.changes, i.provenance, i.time);
        break;
      }
      case 'cursor':
        builder.cursor(i.path, i.offset, i.time);
        break;
      case 'save':
        builder.save(i.path, i.time);
        break;
      case 'close':
        builder.forget(i.path, i.time);
        break;
      case 'focus':
        builder.flush(i.time, 'switch');
        break;
    }
  }
  builder.flush(last);
  return { events, finalText: texts };
}

function main(argv: string[]): number {
  const [cmd, a, b] = argv;
  if (cmd === 'record' && a && b) {
    const { events } = record(readJsonl<Input>(a));
    mkdirSync(dirname(b), { recursive: true });
    writeFileSync(b, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const edits = events.filter((e) => e.kind === 'edit').length;
    console.log(`recorded ${events.length} events (${edits} edit steps) from ${a} into ${b}`);
    return 0;
  }
  if (cmd === 'verify' && a) {
    const raw = readJsonl<unknown>(a);
    const events: TrajectoryEvent[] = [];
    raw.forEach((r, i) => {
      const v = validateEvent(r);
      if (!v.ok) throw new Error(`${a}:${i + 1}: ${v.error}`);
      events.push(v.event);
    });
    const report = replayTrajectory(events);
    console.log(`replayed ${report.files} files, ${report.steps} steps: ${report.mismatches.length} mismatches`);
    for (const m of report.mismatches) console.log(`  ${m.path} seq ${m.seq} (${m.eventId}): ${m.problem}`);
    let bad = report.mismatches.length;
    const finalIdx = argv.indexOf('--final');
    if (finalIdx !== -1 && argv[finalIdx + 1]) {
      const expected = record(readJsonl<Input>(argv[finalIdx + 1])).finalText;
      for (const [path, text] of expected) {
        const same = report.finalText.get(path) === text;
        if (!same) bad++;
        console.log(`  ${path}: final text ${same ? 'matches the editor byte for byte' : 'DIFFERS from the editor'}`);
      }
    }
    return bad ? 1 : 0;
  }
  console.error('usage: codetrail-trajectory record SESSION.jsonl OUT.jsonl | verify TRAJECTORY.jsonl [--final SESSION.jsonl]');
  return 2;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    console.error(`codetrail-trajectory: ${(err as Error).message}`);
    process.exitCode = 2;
  }
}
