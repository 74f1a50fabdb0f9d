import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { createRedactor } from '../../../src/redact';
import { changedLines, redactChangedLines } from '../../../src/redact/incremental';
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';
import { replayTrajectory } from '../../../src/protocol/replay';
import { sha256Hex } from '../../../src/protocol/hash';
import type { TrajectoryEvent } from '../../../src/protocol/schema';
import { REALISTIC_CASES } from './cases';

const r = createRedactor({ key: new Uint8Array(32).fill(5) });
// Cases the engine catches on its own: here the question is whether the trajectory path leaks them.
const positives = REALISTIC_CASES.filter((c) => c.label === 'positive' && c.secrets.every((s) => !r.redact(c.text).text.includes(s)));

interface Step { at: number; remove: number; insert: string[] }

/**
 * Plays raw edits through the redacted mirror the way the trajectory builder does: baseline
 * redacted whole, each step re-redacts only its changed lines, the diff is rendered between
 * the redacted texts. Returns the events and every redacted text along the way.
 */
function play(rawStart: string, steps: Step[]): { events: TrajectoryEvent[]; raw: string[]; redacted: string[] } {
  const path = 'src/app.ts';
  let raw = rawStart;
  let red = r.redact(raw).text;
  const events: TrajectoryEvent[] = [];
  let seq = 0;
  const base = { id: '00000000-0000-7000-8000-000000000000', sessionId: 's', time: 0 };
  events.push({ ...base, seq: seq++, kind: 'file.baseline', path, languageId: 'typescript', text: red, sha256: sha256Hex(red), reason: 'open' } as unknown as TrajectoryEvent);
  const raws = [raw], reds = [red];
  for (const st of steps) {
    const lines = raw.split('\n');
    const at = Math.min(st.at, lines.length - 1);
    const remove = Math.min(st.remove, lines.length - at - 1);
    const next = [...lines.slice(0, at), ...st.insert, ...lines.slice(at + remove)].join('\n');
    const change = changedLines(raw, next);
    const res = redactChangedLines(r, red, next, change);
    assert.ok(!res.dropped);
    // The step's diff between the two redacted texts, in the project's unified-diff form.
    const patch = structuredPatch('a/' + path, 'b/' + path, red, res.text, '', '', { context: 3 });
    if (patch.hunks.length) {
      events.push({ ...base, seq: seq++, kind: 'edit', path, languageId: 'typescript', diff: formatPatch(patch, FILE_HEADERS_ONLY), beforeSha256: sha256Hex(red), afterSha256: sha256Hex(res.text),
        startTime: 0, provenance: { label: 'typed' }, changeCount: 1, cut: 'idle' } as unknown as TrajectoryEvent);
      // Only the changed lines differ between the redacted texts.
      const a = red.split('\n'), b = res.text.split('\n');
      for (let i = 0; i < change.firstLine; i++) assert.equal(b[i], a[i]);
    }
    raw = next;
    red = res.text;
    raws.push(raw);
    reds.push(red);
  }
  return { events, raw: raws, redacted: reds };
}

describe('redacted trajectories', () => {
  it('replay byte-exact in redacted form and hold no secret (property over realistic cases)', () => {
    const stepArb = fc.record({
      at: fc.nat(40),
      remove: fc.nat(3),
      insert: fc.array(fc.oneof(fc.constantFrom(...positives.map((c) => c.text)), fc.constantFrom('', '  return x;', '}', 'const a = 1;')), { maxLength: 3 })
        .map((a) => a.join('\n').split('\n')),
    });
    fc.assert(fc.property(fc.array(stepArb, { minLength: 1, maxLength: 12 }), (steps) => {
      const start = 'import x from "y";\n\nexport function f() {\n  return 1;\n}\n';
      const { events, redacted } = play(start, steps);
      const report = replayTrajectory(events);
      assert.deepEqual(report.mismatches, []);
      assert.equal(report.finalText.get('src/app.ts'), redacted[redacted.length - 1]);
      const all = JSON.stringify(events);
      for (const c of positives) for (const s of c.secrets) assert.ok(!all.includes(s), `secret of ${c.id} leaked`);
    }), { numRuns: 60 });
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

  it('writes nothing unredacted to disk: events of every realistic case, saved and read back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-redact-'));
    try {
      const file = join(dir, 'outbox.jsonl');
      const lines: string[] = [];
      for (const c of REALISTIC_CASES) {
        const { events } = play('', [{ at: 0, remove: 0, insert: c.text.split('\n') }]);
        for (const e of events) lines.push(JSON.stringify(e));
        lines.push(JSON.stringify({ kind: 'terminal.command', commandLine: r.redact(c.text).text, path: r.redact(`/home/kpatel/${c.id}.txt`).text }));
      }
      writeFileSync(file, lines.join('\n'));
      const disk = readFileSync(file, 'utf8');
      for (const c of positives) for (const s of c.secrets) assert.ok(!disk.includes(s) && !disk.includes(JSON.stringify(s).slice(1, -1)), `${c.id} leaked to disk`);
      assert.ok(!disk.includes('kpatel'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
