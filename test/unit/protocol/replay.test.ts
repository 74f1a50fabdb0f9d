import * as assert from 'node:assert/strict';
import { applyUnifiedDiff, parseUnifiedDiff, PatchError, replayTrajectory } from '@codetrail/protocol/internal/replay';
import { validateEvent, type EditEvent, type TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { recorder, typed } from '../../support/recorder';

function sampleTrajectory(): TrajectoryEvent[] {
  const r = recorder();
  const base = 'line one\nline two\nline three\n';
  r.builder.baseline('d', 'src/a.txt', 'plaintext', base, 0, 'open');
  r.builder.change('d', [{ offset: 9, deleted: 4, inserted: 'TWO' }], typed, 10);
  r.builder.flush(20);
  r.builder.change('d', [{ offset: 0, deleted: 0, inserted: '# header\n' }], typed, 30);
  r.builder.flush(40);
  return r.events;
}

describe('replay', () => {
  it('applies a recorded trajectory back to its final text', () => {
    const report = replayTrajectory(sampleTrajectory());
    assert.deepEqual(report.mismatches, []);
    assert.equal(report.steps, 2);
    assert.equal(report.finalText.get('src/a.txt'), '# header\nline one\nTWO two\nline three\n');
  });

  it('reports a mismatch when one byte of an added line differs', () => {
    const events = sampleTrajectory();
    const edit = events.find((e): e is EditEvent => e.kind === 'edit')!;
    edit.diff = edit.diff.replace('+TWO', '+TWP');
    const report = replayTrajectory(events);
    assert.equal(report.mismatches.length, 1);
    assert.match(report.mismatches[0].problem, /after-hash/);
    assert.equal(report.mismatches[0].eventId, edit.id);
  });

  it('reports a mismatch when one byte of the baseline differs', () => {
    const events = sampleTrajectory();
    const baseline = events.find((e) => e.kind === 'file.baseline')!;
    if (baseline.kind !== 'file.baseline') throw new Error('unreachable');
    baseline.text = baseline.text.replace('three', 'thref');
    const report = replayTrajectory(events);
    assert.ok(report.mismatches.some((m) => /baseline text/.test(m.problem)));
  });

  it('reports a context line that does not match instead of applying with fuzz', () => {
    const events = sampleTrajectory();
    const edit = events.find((e): e is EditEvent => e.kind === 'edit')!;
    edit.diff = edit.diff.replace(' line three', ' line thre3');
    const report = replayTrajectory(events);
    assert.match(report.mismatches[0].problem, /does not apply/);
  });

  it('every recorded event passes the schema validator after a JSON round trip', () => {
    for (const e of sampleTrajectory()) {
      const r = validateEvent(JSON.parse(JSON.stringify(e)));
      assert.ok(r.ok, r.ok ? '' : r.error);
    }
  });

  it('rejects hunks whose counts do not match their header', () => {
    assert.throws(() => parseUnifiedDiff('@@ -1,2 +1,2 @@\n-a\n+b\n'), PatchError);
  });

  it('keeps a carriage return that is part of a line', () => {
    const diff = '--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n';
    assert.equal(applyUnifiedDiff('a\r\nb\r\n', diff), 'a\r\nc\r\n');
    assert.throws(() => applyUnifiedDiff('a\nb\n', diff), PatchError);
  });

  it('handles the missing final newline on either side', () => {
    const noNl = '--- a/x\n+++ b/x\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n';
    assert.equal(applyUnifiedDiff('a', noNl), 'a\n');
    assert.throws(() => applyUnifiedDiff('a\n', noNl), PatchError);
  });
});
