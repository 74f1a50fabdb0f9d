import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { createRedactor } from '../../../src/redact';
import { replayTrajectory } from '@codetrail/protocol/internal/replay';
import { Session } from '../../../src/capture/session';
import { DEFAULT_TRAJECTORY_OPTIONS, TrajectoryBuilder } from '../../../src/capture/trajectory';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { REALISTIC_CASES } from './cases';

const r = createRedactor({ key: new Uint8Array(32).fill(5) });
// Cases the engine catches on its own: here the question is whether the trajectory path leaks them.
const positives = REALISTIC_CASES.filter((c) => c.label === 'positive' && c.secrets.every((s) => !r.redact(c.text).text.includes(s)));

interface Step {
  at: number;
  remove: number;
  insert: string[];
}

/**
 * Plays raw line edits through the production path: the trajectory builder with the real
 * redactor (baseline redacted whole, each step re-redacts only its touched lines).
 * Returns the events and the raw text after each step.
 */
function play(rawStart: string, steps: Step[]): { events: TrajectoryEvent[]; raw: string[] } {
  const events: TrajectoryEvent[] = [];
  const session = new Session(
    (e) => events.push(e),
    () => ({ state: 'recording', policyVersion: 1 }),
  );
  const builder = new TrajectoryBuilder(
    (b) => session.emit(b),
    DEFAULT_TRAJECTORY_OPTIONS,
    (t, names) => r.redact(t, { names }).text,
  );
  let raw = rawStart;
  builder.baseline('d', 'src/app.ts', 'typescript', raw, 0, 'open');
  const raws = [raw];
  let time = 0;
  for (const st of steps) {
    const lines = raw.split('\n');
    const at = Math.min(st.at, lines.length - 1);
    const remove = Math.min(st.remove, lines.length - at - 1);
    const offset = lines.slice(0, at).reduce((n, l) => n + l.length + 1, 0);
    const deleted = lines.slice(at, at + remove).reduce((n, l) => n + l.length + 1, 0);
    const inserted = st.insert.length ? st.insert.join('\n') + '\n' : '';
    time += 5000; // each step its own: an idle gap closes the previous one
    builder.change('d', [{ offset, deleted, inserted }], { label: 'paste', confidence: 1 }, time);
    raw = raw.slice(0, offset) + inserted + raw.slice(offset + deleted);
    raws.push(raw);
  }
  builder.flush(time + 1);
  return { events, raw: raws };
}

describe('redacted trajectories', () => {
  it('replay byte-exact in redacted form and hold no secret (property over realistic cases)', () => {
    const stepArb = fc.record({
      at: fc.nat(40),
      remove: fc.nat(3),
      insert: fc
        .array(fc.oneof(fc.constantFrom(...positives.map((c) => c.text)), fc.constantFrom('', '  return x;', '}', 'const a = 1;')), {
          maxLength: 3,
        })
        .map((a) => a.join('\n').split('\n')),
    });
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 12 }), (steps) => {
        const start = 'import x from "y";\n\nexport function f() {\n  return 1;\n}\n';
        const { events, raw } = play(start, steps);
        const report = replayTrajectory(events);
        assert.deepEqual(report.mismatches, []);
        // Same lines as the real text; lines redacted once stay redacted while unchanged, even when
        // the context that revealed them (a BEGIN line) is edited away.
        assert.equal(report.finalText.get('src/app.ts')!.split('\n').length, raw[raw.length - 1].split('\n').length);
        const all = JSON.stringify(events);
        for (const c of positives) for (const s of c.secrets) assert.ok(!all.includes(s), `secret of ${c.id} leaked`);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a private key hidden when a later step edits one body line far from its BEGIN line', () => {
    const body = Array.from({ length: 12 }, (_, i) => createHash('sha512').update(`line ${i}`).digest('base64').slice(0, 64));
    const start = ['-----BEGIN PRIVATE KEY-----', ...body, '-----END PRIVATE KEY-----', ''].join('\n');
    const edited = 'ZZZZ' + body[8].slice(4);
    const { events } = play(start, [{ at: 9, remove: 1, insert: [edited] }]);
    const all = JSON.stringify(events);
    for (const b of [...body, edited]) assert.ok(!all.includes(b.slice(0, 40)));
    assert.deepEqual(replayTrajectory(events).mismatches, []);
  });

  it('redacts a given name typed far from the whole name the file holds (the document remembers the names it found)', () => {
    const start = ['# Handover', '', 'Owner: Margaux Faure', '', ...Array.from({ length: 12 }, (_, i) => `- item ${i}`), ''].join('\n');
    // Twelve lines below, out of the three lines of context a change is redacted with.
    const { events, raw } = play(start, [{ at: 15, remove: 0, insert: ['The release is signed on Friday, ship it, Margaux'] }]);
    const all = JSON.stringify(events);
    assert.ok(raw[1].includes('ship it, Margaux'));
    assert.ok(!all.includes('Margaux'), 'the given name stays in the trajectory');
    assert.ok(all.includes('The release is signed on Friday, ship it, '));
    assert.deepEqual(replayTrajectory(events).mismatches, []);
    // A file that holds no such name keeps the word.
    const plain = play('# Handover\n\n', [{ at: 1, remove: 0, insert: ['The release is signed on Friday, ship it, Margaux'] }]);
    assert.ok(JSON.stringify(plain.events).includes('ship it, Margaux'));
  });

  it('writes nothing unredacted to disk: events of every realistic case, saved and read back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-redact-'));
    try {
      const file = join(dir, 'outbox.jsonl');
      const lines: string[] = [];
      for (const c of REALISTIC_CASES) {
        const { events } = play('', [{ at: 0, remove: 0, insert: c.text.split('\n') }]);
        for (const e of events) lines.push(JSON.stringify(e));
        lines.push(
          JSON.stringify({ kind: 'terminal.command', commandLine: r.redact(c.text).text, path: r.redact(`/home/kpatel/${c.id}.txt`).text }),
        );
      }
      writeFileSync(file, lines.join('\n'));
      const disk = readFileSync(file, 'utf8');
      for (const c of positives)
        for (const s of c.secrets) assert.ok(!disk.includes(s) && !disk.includes(JSON.stringify(s).slice(1, -1)), `${c.id} leaked to disk`);
      assert.ok(!disk.includes('kpatel'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
