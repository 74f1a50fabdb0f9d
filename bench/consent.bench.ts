// What the consent mechanism costs: the firewall's check per record (every record passes it
// before the outbox), fingerprint lookups per character, and the trajectory core's cost per
// change with taint to carry (tainted lines in the document, recent insertions remembered).
import { loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FingerprintLedger } from '../src/consent/fingerprints';
import { ConsentFirewall } from '../src/consent/firewall';
import { TaintStore } from '../src/consent/taint-store';
import { Session } from '../src/capture/session';
import { TrajectoryBuilder, DEFAULT_TRAJECTORY_OPTIONS, type ContentChange } from '../src/capture/trajectory';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { percentile, seededRandom, syntheticSource } from './util';

const rand = seededRandom(3);
const word = () => Array.from({ length: 4 + Math.floor(rand() * 8) }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');

// ---- a ledger as after a long pause: 20,000 lines typed while off ----
const ledger = new FingerprintLedger(Buffer.alloc(32, 1));
for (let i = 0; i < 20_000; i++) {
  const line = `  const ${word()} = ${word()}(${word()}, ${i});`;
  ledger.add(line, [[0, line.length]]);
}
console.log(`ledger: ${ledger.size} fingerprints (20,000 lines typed while off)`);

// ---- records as the extension writes them ----
const events: TrajectoryEvent[] = [];
const session = new Session(
  (e) => events.push(e),
  () => ({ state: 'recording', policyVersion: 1 }),
);
const source = syntheticSource(5000, 42);
const builder = new TrajectoryBuilder((b) => session.emit(b), DEFAULT_TRAJECTORY_OPTIONS);
builder.baseline('doc', 'src/big.ts', 'typescript', source, 0, 'open');
let pos = source.indexOf('\n', source.length / 2);
for (let k = 0; k < 4000; k++) {
  if (k % 80 === 0) builder.cursor('doc', (pos = source.indexOf('\n', Math.floor(rand() * source.length))), k * 100);
  builder.change(
    'doc',
    [{ offset: pos++, deleted: 0, inserted: 'x' }],
    { label: 'typed', confidence: 1 },
    k * 100 + (k % 40 === 0 ? 5000 : 0),
  );
}
builder.flush(1e9);
const edits = events.filter((e) => e.kind === 'edit');
const baseline = events.find((e) => e.kind === 'file.baseline')!;
const tail = Array.from({ length: 40 }, () => `PASS src/${word()}.test.ts (${word()} ${word()})`)
  .join('\n')
  .slice(0, 2000);
const terminal = {
  ...edits[0],
  kind: 'terminal.command',
  commandLine: 'npm test',
  outputTail: tail,
  exitCode: 0,
  durationMs: 10,
  source: 'shell-integration',
} as unknown as TrajectoryEvent;

const firewall = new ConsentFirewall((l) => ledger.match(l, true));
function timeEach(records: TrajectoryEvent[], rounds: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const e of records) {
      const t0 = process.hrtime.bigint();
      if (firewall.check(e) === undefined) throw new Error('a clean record was held back');
      out.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  return out;
}
timeEach(edits, 2);
const editCost = timeEach(edits, 5);
const termCost = timeEach([terminal], 2000);
const baseCost = timeEach([baseline], 20);
const p = (xs: number[], q: number) => percentile(xs, q).toFixed(2);
const kb = (e: TrajectoryEvent) => JSON.stringify(e).length / 1024;
console.log(
  `firewall per edit step          p50 ${p(editCost, 50)} µs   p99 ${p(editCost, 99)} µs   (${edits.length} steps, mean ${(edits.reduce((n, e) => n + kb(e), 0) / edits.length).toFixed(2)} KB)`,
);
console.log(`firewall per terminal command   p50 ${p(termCost, 50)} µs   p99 ${p(termCost, 99)} µs   (2 KB output tail)`);
console.log(
  `firewall per baseline           p50 ${p(baseCost, 50)} µs   (${kb(baseline).toFixed(0)} KB: ${(percentile(baseCost, 50) / kb(baseline)).toFixed(1)} µs per KB)`,
);
const none = new FingerprintLedger(Buffer.alloc(32, 2));
const empty = new ConsentFirewall((l) => none.match(l, true));
const t0 = process.hrtime.bigint();
for (let r = 0; r < 20; r++) for (const e of edits) empty.check(e);
console.log(
  `firewall with no fingerprints   ${(Number(process.hrtime.bigint() - t0) / 1000 / (20 * edits.length)).toFixed(2)} µs per record`,
);

// ---- the trajectory core's per-change cost with taint to carry ----
function typing(tainted: number, silent: boolean): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'codetrail-bench-'));
  const store = new TaintStore({ dir, key: Buffer.alloc(32, 4), writerId: `${process.pid}-0000beef` });
  const sink: TrajectoryEvent[] = [];
  const s = new Session(
    (e) => sink.push(e),
    () => ({ state: 'recording', policyVersion: 1 }),
  );
  const b = new TrajectoryBuilder((x) => s.emit(x), DEFAULT_TRAJECTORY_OPTIONS, undefined, store);
  const lines = source.split('\n');
  const ranges: [number, number][] = [];
  let off = 0;
  lines.forEach((l, i) => {
    if (i % Math.max(1, Math.floor(lines.length / Math.max(1, tainted))) === 0 && ranges.length < tainted)
      ranges.push([off, off + l.length]);
    off += l.length + 1;
  });
  b.baseline('doc', 'src/big.ts', 'typescript', source, 0, 'open', ranges);
  if (silent) b.setSilent(true);
  const cost: number[] = [];
  let at = source.indexOf('\n', source.length / 3);
  for (let k = 0; k < 20_000; k++) {
    if (k % 100 === 0) at = source.indexOf('\n', Math.floor(rand() * (source.length - 100)));
    const c: ContentChange = k % 17 === 0 ? { offset: at - 1, deleted: 1, inserted: '' } : { offset: at, deleted: 0, inserted: 'y' };
    const t = process.hrtime.bigint();
    b.change('doc', [c], { label: 'typed', confidence: 1 }, k * 120);
    const us = Number(process.hrtime.bigint() - t) / 1000;
    if (sink.length === 0 || silent) cost.push(us);
    sink.length = 0;
    at += c.inserted.length - c.deleted;
    if (k % 500 === 0) b.tick(k * 120);
  }
  rmSync(dir, { recursive: true, force: true });
  return cost;
}
typing(0, false);
for (const [n, silent] of [
  [0, false],
  [500, false],
  [500, true],
] as const) {
  const c = typing(n, silent);
  console.log(
    `core per change, ${silent ? 'capture off (tainting)' : 'recording'}, ${n} tainted lines: p50 ${p(c, 50)} µs   p99 ${p(c, 99)} µs`,
  );
}
console.log(
  `load average: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
