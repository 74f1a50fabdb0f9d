// Outcome labels of whole trajectories with known answers, written through the real
// trajectory core (test/unit/export/script.ts).
import * as assert from 'node:assert/strict';
import { labelTrajectory, emptyLabelSummary, type EventLabel } from '@codetrail/dataset/internal/labels/label';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { Script } from '../../export/script';

const S = 1000;
const MIN = 60 * S;

/** The label of one event, as the JSON line holds it (undefined keys left out). */
function labelOf(events: TrajectoryEvent[], labels: EventLabel[], e: TrajectoryEvent): Record<string, unknown> | null {
  const i = events.indexOf(e);
  assert.ok(i >= 0, 'event is in the trajectory');
  return JSON.parse(JSON.stringify(labels[i]));
}

describe('labels: edit survival', () => {
  it('a step fully deleted later has survival 0 at the session end and at the next commit, and 1 at the save before the deletion', () => {
    const s = new Script().baseline('a.ts', 'export const x = 1;\n');
    s.t = 1 * S;
    const typed = s.insert('a.ts', 'x = 1;\n', 'function helper() {}\n');
    s.t = 2 * S;
    s.save('a.ts');
    s.t = 3 * S;
    s.remove('a.ts', 'function helper() {}\n');
    s.t = 4 * S;
    s.commit();
    s.end();
    const labels = labelTrajectory(s.events);
    assert.deepEqual(labelOf(s.events, labels, typed), { inserted_chars: 21, survival_save: 1, survival_end: 0, survival_commit: 0 });
  });

  it('a step half deleted before the save has survival 0.5 at the save; characters typed later inside it are not its own', () => {
    const s = new Script().baseline('a.ts', 'let v;\n');
    s.t = 1 * S;
    const step = s.insert('a.ts', 'let v', ' abcdefghi'); // 10 characters
    s.t = 2 * S;
    const inner = s.insert('a.ts', ' abcd', 'XYZ'); // inside the step's text
    s.t = 3 * S;
    s.remove('a.ts', ' abcdXYZ'); // 5 of the step's characters and all of the inner step's
    s.t = 4 * S;
    s.save('a.ts');
    const labels = labelTrajectory(s.events);
    assert.equal(s.text('a.ts'), 'let vefghi;\n');
    const l = labelOf(s.events, labels, step)!;
    assert.equal(l.inserted_chars, 10);
    assert.equal(l.survival_save, 0.5);
    assert.equal(l.survival_end, 0.5);
    assert.deepEqual(labelOf(s.events, labels, inner), { inserted_chars: 3, survival_save: 0, survival_end: 0 });
  });

  it("waits for a save of the same file: a save of another file is not the step's save", () => {
    const s = new Script().baseline('a.ts', 'a\n').baseline('b.ts', 'b\n');
    s.t = 1 * S;
    const step = s.insert('a.ts', 0, 'alpha ');
    s.t = 2 * S;
    s.save('b.ts');
    s.t = 3 * S;
    s.remove('a.ts', 'pha ');
    s.t = 4 * S;
    s.save('a.ts');
    const l = labelOf(s.events, labelTrajectory(s.events), step)!;
    assert.equal(l.survival_save, 2 / 6, "measured at a.ts's save, after the deletion");
    assert.equal(l.survival_commit, undefined, 'no commit followed');
  });

  it('a deletion-only step inserts nothing and has no survival; a step on a file whose diff does not apply has none either', () => {
    const s = new Script().baseline('a.ts', 'one two\n').baseline('b.ts', 'b\n');
    s.t = 1 * S;
    const del = s.remove('a.ts', ' two');
    const good = s.insert('b.ts', 0, 'bb');
    const broken = s.insert('a.ts', 0, 'zero ');
    // corrupt the last a.ts step: its removed line no longer matches what the file holds
    (broken as { diff: string }).diff = broken.diff.replace('-one', '-ONE');
    const labels = labelTrajectory(s.events);
    assert.deepEqual(labelOf(s.events, labels, del), { inserted_chars: 0 });
    assert.deepEqual(labelOf(s.events, labels, broken), {});
    assert.deepEqual(labelOf(s.events, labels, good), { inserted_chars: 2, survival_end: 1 });
  });

  it("a new baseline after a pause keeps the step's characters on lines it did not change", () => {
    const s = new Script().baseline('a.ts', 'head\nbody\ntail\n');
    s.t = 1 * S;
    const kept = s.insert('a.ts', 'head', '()');
    const lost = s.insert('a.ts', 'body', '!!');
    s.t = 10 * MIN;
    s.baseline('a.ts', 'head()\nrewritten while paused\ntail\n', 'resume');
    const labels = labelTrajectory(s.events);
    assert.equal(labelOf(s.events, labels, kept)!.survival_end, 1);
    assert.equal(labelOf(s.events, labels, lost)!.survival_end, 0);
  });

  it('counts a redaction placeholder as the characters it is in the exported text', () => {
    const s = new Script().baseline('a.ts', 'key = ""\n');
    s.t = 1 * S;
    const step = s.insert('a.ts', 'key = "', '<REDACTED:aws-access-key#3fa1>');
    assert.deepEqual(labelOf(s.events, labelTrajectory(s.events), step), { inserted_chars: 30, survival_end: 1 });
  });
});

describe('labels: completion retention', () => {
  it('an accepted completion kept for 10 minutes has retention 1 at every horizon', () => {
    const s = new Script().baseline('a.ts', 'const total = \n').baseline('b.ts', '\n');
    s.t = 1 * S;
    const c = s.insert('a.ts', 'total = ', 'items.reduce((a, b) => a + b, 0);', 'completion');
    for (let k = 1; k <= 12; k++) {
      // other work goes on for 12 minutes
      s.t = 1 * S + k * MIN;
      s.insert('b.ts', 0, `// ${k}\n`);
    }
    s.end();
    assert.deepEqual(labelOf(s.events, labelTrajectory(s.events), c), {
      inserted_chars: 33,
      survival_end: 1,
      retention_30s: 1,
      retention_2m: 1,
      retention_5m: 1,
      retention_10m: 1,
    });
  });

  it('a completion partly rewritten after 1 minute and deleted after 4 is measured at each horizon by event time', () => {
    const s = new Script().baseline('a.ts', 'x = \n');
    s.t = 0;
    const c = s.insert('a.ts', 'x = ', 'compute(1234)', 'completion'); // 13 characters
    s.t = 29 * S;
    s.insert('a.ts', 'compute(1234)', ';'); // not the completion's: retention stays 1
    s.t = 60 * S;
    s.remove('a.ts', '1234'); // at 1 min: 9 of 13 left
    s.t = 4 * MIN;
    s.remove('a.ts', 'compute()'); // at 4 min: nothing left
    s.t = 11 * MIN;
    s.end();
    const l = labelOf(s.events, labelTrajectory(s.events), c)!;
    assert.equal(l.retention_30s, 1);
    assert.equal(l.retention_2m, 9 / 13);
    assert.equal(l.retention_5m, 0);
    assert.equal(l.retention_10m, 0);
  });

  it('leaves out the horizons the session did not reach, and labels only completion steps with retention', () => {
    const s = new Script().baseline('a.ts', '\n');
    s.t = 0;
    const c = s.insert('a.ts', 0, 'done();', 'completion');
    const typed = s.insert('a.ts', 0, '// ');
    s.t = 3 * MIN;
    s.end();
    const labels = labelTrajectory(s.events);
    assert.deepEqual(labelOf(s.events, labels, c), { inserted_chars: 7, survival_end: 1, retention_30s: 1, retention_2m: 1 });
    assert.deepEqual(labelOf(s.events, labels, typed), { inserted_chars: 3, survival_end: 1 });
  });
});

describe('labels: diagnostics and runs joined to steps', () => {
  it('joins the last diagnostics event naming a step, as after minus before', () => {
    const s = new Script().baseline('a.ts', 'f()\n');
    s.t = 1 * S;
    const step = s.insert('a.ts', 'f()', ' +');
    s.t = 2 * S;
    s.emit({
      kind: 'diagnostics',
      path: 'a.ts',
      afterEdit: step.id,
      before: { errors: 0, warnings: 1 },
      after: { errors: 2, warnings: 1 },
    });
    s.t = 3 * S;
    const d = s.emit({
      kind: 'diagnostics',
      path: 'a.ts',
      afterEdit: step.id,
      before: { errors: 0, warnings: 1 },
      after: { errors: 1, warnings: 3 },
    });
    const l = labelOf(s.events, labelTrajectory(s.events), step)!;
    assert.deepEqual([l.diagnostics_seq, l.errors_delta, l.warnings_delta], [d.seq, 1, 2]);
  });

  it('a failing then passing test run: steps before the failure link to it, steps between link to the pass, later steps to nothing', () => {
    const s = new Script().baseline('a.ts', 'sum(a, b)\n');
    s.t = 1 * S;
    const first = s.insert('a.ts', 'sum(a, b)', ' - 1');
    s.t = 2 * S;
    const second = s.insert('a.ts', ' - 1', '0');
    s.t = 10 * S;
    const fail = s.run('npm test', 1, 'Tests:       1 failed, 11 passed, 12 total\n', 5 * S);
    s.t = 11 * S;
    const fix = s.remove('a.ts', ' - 10');
    s.t = 20 * S;
    const pass = s.run('npx jest', 0, 'Tests:       12 passed, 12 total\n', 5 * S);
    s.t = 21 * S;
    const after = s.insert('a.ts', 0, '// ok\n');
    const labels = labelTrajectory(s.events);
    assert.equal(labelOf(s.events, labels, first)!.next_run_seq, fail.seq);
    assert.equal(labelOf(s.events, labels, second)!.next_run_seq, fail.seq);
    assert.equal(labelOf(s.events, labels, fix)!.next_run_seq, pass.seq);
    assert.equal(labelOf(s.events, labels, after)!.next_run_seq, undefined);
    assert.deepEqual(labelOf(s.events, labels, fail), {
      run_type: 'test',
      run_tool: 'npm',
      run_result: 'fail',
      exit_code: 1,
      tests_passed: 11,
      tests_failed: 1,
      tests_skipped: 0,
    });
    assert.deepEqual(labelOf(s.events, labels, pass), {
      run_type: 'test',
      run_tool: 'jest',
      run_result: 'pass',
      exit_code: 0,
      tests_passed: 12,
      tests_failed: 0,
      tests_skipped: 0,
    });
  });

  it('a step made while a run was going on links to the next run, not to the one that started before it', () => {
    const s = new Script().baseline('a.ts', 'x\n');
    s.t = 1 * S;
    const before = s.insert('a.ts', 0, 'a');
    s.t = 5 * S;
    const during = s.insert('a.ts', 0, 'b');
    s.t = 10 * S;
    const build = s.run('tsc -p .', 0, undefined, 7 * S); // started at 3 s
    s.t = 30 * S;
    const test = s.run('go test ./...', 1, '--- FAIL: TestSum (0.00s)\nFAIL\texample.com/sum\t0.01s\n');
    const labels = labelTrajectory(s.events);
    assert.equal(labelOf(s.events, labels, before)!.next_run_seq, build.seq);
    assert.equal(labelOf(s.events, labels, during)!.next_run_seq, test.seq);
    assert.deepEqual(labelOf(s.events, labels, build), { run_type: 'build', run_tool: 'tsc', run_result: 'pass', exit_code: 0 });
    assert.deepEqual(labelOf(s.events, labels, test), {
      run_type: 'test',
      run_tool: 'go',
      run_result: 'fail',
      exit_code: 1,
      tests_failed: 1,
    });
  });

  it('labels a task.end recognised as a run; other commands and tasks get no label', () => {
    const s = new Script().baseline('a.ts', 'x\n');
    const install = s.run('npm install', 0);
    const task = s.emit({ kind: 'task.end', name: 'test', source: 'npm', exitCode: 0, durationMs: 10 });
    const watch = s.emit({ kind: 'task.end', name: 'watch - tsconfig.json', source: 'tsc', exitCode: 0 });
    const labels = labelTrajectory(s.events);
    assert.equal(labelOf(s.events, labels, install), null);
    assert.deepEqual(labelOf(s.events, labels, task), { run_type: 'test', run_tool: 'npm', run_result: 'pass', exit_code: 0 });
    assert.equal(labelOf(s.events, labels, watch), null);
  });
});

describe('labels: the whole trajectory', () => {
  it('gives one entry per event, null for events without labels, and the same labels for the same events', () => {
    const s = new Script().baseline('a.ts', 'a\n');
    s.t = 1 * S;
    s.insert('a.ts', 0, 'b', 'completion');
    s.save('a.ts');
    s.run('pytest', 0, '==== 3 passed in 0.01s ====\n');
    s.end();
    const a = labelTrajectory(s.events);
    assert.equal(a.length, s.events.length);
    assert.deepEqual(
      s.events.map((e, i) => (a[i] === null ? null : e.kind)),
      s.events.map((e) => (e.kind === 'edit' || e.kind === 'terminal.command' ? e.kind : null)),
    );
    assert.equal(JSON.stringify(labelTrajectory(s.events)), JSON.stringify(a));
  });

  it('sums the labels for the dataset card, weighting survival by characters', () => {
    const s = new Script().baseline('a.ts', '\n');
    s.t = 1 * S;
    s.insert('a.ts', 0, 'aaaa'); // kept
    s.insert('a.ts', 0, 'bbbbbbbbbbbb'); // 12, deleted
    s.remove('a.ts', 'bbbbbbbbbbbb');
    s.t = 5 * S;
    s.run('cargo test', 101, 'test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out\n');
    const sum = emptyLabelSummary();
    labelTrajectory(s.events, sum);
    assert.equal(sum.steps, 3);
    assert.equal(sum.stepsInserting, 2);
    assert.deepEqual(sum.survival.end, { steps: 2, inserted: 16, survived: 4 });
    assert.deepEqual(sum.runs.test, { pass: 0, fail: 1, unknown: 0 });
    assert.equal(sum.stepsLinkedToRun, 3);
    assert.equal(sum.runsWithCounts, 1);
  });
});
