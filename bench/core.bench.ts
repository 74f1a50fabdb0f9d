// Per-change cost of the trajectory core on a 5,000-line file with realistic typing, next
// to the naive approach (re-diffing the whole document on every change), in the same run.
import { createTwoFilesPatch } from 'diff';
import { TrajectoryBuilder, DEFAULT_TRAJECTORY_OPTIONS, type ContentChange } from '../src/capture/trajectory';
import { sha256Hex } from '@codetrail/protocol/internal/hash';
import { replayTrajectory } from '@codetrail/protocol/internal/replay';
import { Session } from '../src/capture/session';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { percentile, seededRandom, syntheticSource } from './util';
import { loadavg } from 'node:os';

const LINES = 5000;
const base = syntheticSource(LINES, 42);
const rand = seededRandom(7);

/** A realistic session: bursts of typing at a spot, some backspaces, pauses, jumps. */
function* typingSession(totalChanges: number): Generator<{ change: ContentChange; time: number; cursorJump?: number }> {
  let text = base;
  let time = 0;
  let pos = text.indexOf('\n', Math.floor(text.length / 2));
  const snippet = '  const result = await fetchItems(query, { limit: 20 });\n';
  for (let n = 0; n < totalChanges; n++) {
    let jump: number | undefined;
    const r = rand();
    if (r < 0.01) {
      // jump elsewhere and think
      pos = text.indexOf('\n', Math.floor(rand() * (text.length - 1)));
      if (pos < 0) pos = text.length;
      jump = pos;
      time += 3000;
    } else if (r < 0.06 && pos > 0) {
      // backspace
      pos--;
      const change = { offset: pos, deleted: 1, inserted: '' };
      text = text.slice(0, pos) + text.slice(pos + 1);
      time += 90;
      yield { change, time };
      continue;
    }
    const ch = snippet[n % snippet.length];
    const change = { offset: pos, deleted: 0, inserted: ch };
    text = text.slice(0, pos) + ch + text.slice(pos);
    pos++;
    time += 60 + Math.floor(rand() * 120);
    yield { change, time, cursorJump: jump };
  }
}

function measureCore(changes: number) {
  const events: TrajectoryEvent[] = [];
  const session = new Session(
    (e) => events.push(e),
    () => ({ state: 'recording', policyVersion: 1 }),
  );
  const builder = new TrajectoryBuilder((b) => session.emit(b), DEFAULT_TRAJECTORY_OPTIONS);
  builder.baseline('doc', 'src/big.ts', 'typescript', base, 0, 'open');
  const perChange: number[] = [];
  const perStep: number[] = [];
  const typed = { label: 'typed' as const, confidence: 1 };
  const deletion = { label: 'deletion' as const, confidence: 1 };
  for (const { change, time, cursorJump } of typingSession(changes)) {
    if (cursorJump !== undefined) {
      const t0 = process.hrtime.bigint();
      builder.cursor('doc', cursorJump, time);
      perStep.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    const before = events.length;
    const t0 = process.hrtime.bigint();
    builder.change('doc', [change], change.deleted ? deletion : typed, time);
    const us = Number(process.hrtime.bigint() - t0) / 1000;
    // A change that closed the previous step paid for rendering it: count that as a step.
    if (events.length > before) perStep.push(us);
    else perChange.push(us);
  }
  builder.flush(Number.MAX_SAFE_INTEGER);
  return { perChange, perStep, events };
}

function measureNaive(changes: number) {
  let text = base;
  const perChange: number[] = [];
  for (const { change } of typingSession(changes)) {
    const t0 = process.hrtime.bigint();
    const next = text.slice(0, change.offset) + change.inserted + text.slice(change.offset + change.deleted);
    createTwoFilesPatch('a/src/big.ts', 'b/src/big.ts', text, next, '', '', { context: 3 });
    sha256Hex(next);
    text = next;
    perChange.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  return { perChange };
}

/**
 * Multi-cursor typing: 100 cursors spread over a ~130 kB file, a word typed at every cursor;
 * each keystroke is one change event of 100 changes, and a step closes every 5 keystrokes
 * (500 changes). Returns the cost of events that only extend a step and of those that close one.
 */
function measureMultiCursor(keystrokes: number) {
  let text = syntheticSource(1900, 11);
  const events: TrajectoryEvent[] = [];
  const session = new Session(
    (e) => events.push(e),
    () => ({ state: 'recording', policyVersion: 1 }),
  );
  const builder = new TrajectoryBuilder((b) => session.emit(b), DEFAULT_TRAJECTORY_OPTIONS);
  builder.baseline('doc', 'src/wide.ts', 'typescript', text, 0, 'open');
  const cursors = 100;
  let offsets = Array.from({ length: cursors }, (_, i) => text.indexOf('\n', Math.floor(((i + 0.5) * text.length) / cursors)));
  const word = 'renamedValue ';
  const multi = { label: 'multi-cursor' as const, confidence: 1 };
  const extend: number[] = [];
  const close: number[] = [];
  for (let k = 0; k < keystrokes; k++) {
    const ch = word[k % word.length];
    const changes: ContentChange[] = offsets.map((o) => ({ offset: o, deleted: 0, inserted: ch })).reverse();
    const before = events.length;
    const t0 = process.hrtime.bigint();
    builder.change('doc', changes, multi, k * 50);
    const us = Number(process.hrtime.bigint() - t0) / 1000;
    (events.length > before ? close : extend).push(us);
    for (const c of changes) text = text.slice(0, c.offset) + ch + text.slice(c.offset); // highest offset first
    offsets = offsets.map((o, i) => o + i + 1);
  }
  builder.flush(keystrokes * 50);
  if (builder.currentText('doc') !== text) throw new Error('multi-cursor bench: the builder lost track of the text');
  return { extend, close, events, length: text.length };
}

const N = 20_000;
measureCore(2000); // warm-up
const core = measureCore(N);
const naive = measureNaive(400);
const replay = replayTrajectory(core.events);
if (replay.mismatches.length) throw new Error('bench trajectory does not replay: ' + JSON.stringify(replay.mismatches[0]));

const p = (xs: number[], q: number) => percentile(xs, q).toFixed(2);
console.log(`file: ${LINES} lines, ${base.length} chars; ${N} changes of realistic typing (${core.perStep.length} steps rendered)`);
console.log(`core  per change     p50 ${p(core.perChange, 50)} µs   p99 ${p(core.perChange, 99)} µs   max ${p(core.perChange, 100)} µs`);
console.log(
  `core  step render    p50 ${p(core.perStep, 50)} µs   p99 ${p(core.perStep, 99)} µs   (diff of the touched region + sha256 of the document)`,
);
console.log(
  `naive per change     p50 ${p(naive.perChange, 50)} µs   p99 ${p(naive.perChange, 99)} µs   (${naive.perChange.length} changes; whole-document diff + hash)`,
);
const ratioP50 = percentile(naive.perChange, 50) / percentile(core.perChange, 50);
const ratioP99 = percentile(naive.perChange, 99) / percentile(core.perChange, 99);
console.log(`ratio naive/core     p50 ${ratioP50.toFixed(0)}×   p99 ${ratioP99.toFixed(0)}×`);
console.log(`replay check: ${replay.steps} steps, ${replay.mismatches.length} mismatches`);
const ok = percentile(core.perChange, 99) <= 10 && ratioP50 >= 100;
console.log(`target p99 ≤ 10 µs and ≥ 100× naive: ${ok ? 'met' : 'NOT met'}`);

measureMultiCursor(100); // warm-up
const mc = measureMultiCursor(1000);
const mcReplay = replayTrajectory(mc.events);
if (mcReplay.mismatches.length) throw new Error('multi-cursor trajectory does not replay: ' + JSON.stringify(mcReplay.mismatches[0]));
console.log(
  `\nmulti-cursor: 100 cursors over ${mc.length} chars, 1,000 keystrokes (${mc.close.length} steps closed, ${mcReplay.steps} replayed exactly)`,
);
console.log(`  event extending a step   p50 ${p(mc.extend, 50)} µs   p99 ${p(mc.extend, 99)} µs   (100 changes each)`);
console.log(`  event closing a step     p50 ${p(mc.close, 50)} µs   p99 ${p(mc.close, 99)} µs   max ${p(mc.close, 100)} µs`);
const mcOk = percentile(mc.close, 99) <= 5000;
console.log(`target closing p99 ≤ 5 ms: ${mcOk ? 'met' : 'NOT met'}`);
console.log(
  `load average: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
