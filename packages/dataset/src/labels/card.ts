// The dataset card's section on outcome labels: what each label means, and its totals.
import { LABELS_VERSION, type LabelSummary } from './label';

const num = (n: number) => n.toLocaleString('en-US');
const pct = (r: { inserted: number; survived: number }) => (r.inserted ? `${((100 * r.survived) / r.inserted).toFixed(1)}%` : 'n/a');

export function labelCardLines(s: LabelSummary | null): string[] {
  if (!s) {
    return [
      '## Outcome labels',
      '',
      'This export was made without outcome labels (`--no-labels`): lines have no `labels` field and the',
      "Parquet table's label columns are empty.",
      '',
    ];
  }
  const ratio = (name: string, r: { steps: number; inserted: number; survived: number }) =>
    `| ${name} | ${num(r.steps)} | ${num(r.inserted)} | ${pct(r)} |`;
  return [
    '## Outcome labels',
    '',
    `Computed by the export from each line's own events (labels version ${LABELS_VERSION}); the same events give the`,
    'same labels. Each line has `labels`, aligned with `events`: `labels[i]` belongs to `events[i]` and is',
    '`null` for an event without labels; inside a label, a key that is left out has no value (null). The',
    'Parquet table has the same names as columns.',
    '',
    'Edit steps (`edit` events):',
    '',
    "- `inserted_chars`: characters the step's diff inserted, in UTF-16 code units of the text as exported.",
    '  Redaction placeholders (`<REDACTED:kind#tag>`) and masked lines (`<REDACTED:not-captured>`) are',
    '  text like any other and count as the characters they are. Each changed block of a diff is compared',
    '  by its common prefix and suffix; a block with as many added as removed lines, line by line.',
    '- `survival_save`, `survival_end`, `survival_commit`: the share of those characters still in the file',
    "  at the next `file.save` of the same file, after the session's last event, and at the next `commit`",
    "  event (the commit event does not list its files: the file's state then is what counts). Text that",
    '  is moved counts as removed. A new baseline of the file (after a pause, a resync or reopening it)',
    "  counts as one more change: the lines it keeps keep their characters' steps. Left out when the step",
    "  inserted nothing, when there is no later save or commit, or when the file's diffs stop applying.",
    '- `retention_30s`, `retention_2m`, `retention_5m`, `retention_10m` (steps with provenance `completion`):',
    "  the share of the accepted text still present 30 s, 2, 5 and 10 minutes after the step's time, in the",
    '  state after every event up to that moment (events in seq order; a horizon is reached at the first',
    "  event whose time passes it). Left out when the session's last event comes before the horizon: the",
    '  session ended first, so nothing is known.',
    '- `diagnostics_seq`, `errors_delta`, `warnings_delta`: the last `diagnostics` event whose `afterEdit`',
    '  names the step, as after minus before. Left out when none does (the counts did not change within',
    "  the editor's 30 s window).",
    '- `next_run_seq`, `next_run_type`, `next_run_result`: the first test or build run of the session that',
    "  started at or after the step's time (start: the run event's time minus its duration).",
    '',
    'Test and build runs (`terminal.command` and `task.end` events recognised as one):',
    '',
    '- `run_type`: `test` (npm/yarn/pnpm/bun test scripts, pytest, unittest, go test, cargo test, jest,',
    '  vitest, mocha, mvn test/verify/install/package, gradle test/check, make test/check, dotnet test, …)',
    '  or `build` (build scripts, tsc, go build, cargo build/check, mvn compile, gradle build, make, …).',
    '  A command line that both builds and tests is a test run; watch modes are not runs.',
    '- `run_tool`, `exit_code`, `run_result`: `pass` for exit code 0, `fail` for any other; without an',
    '  exit code, `fail` when failures were counted, `pass` when only passes were, else `unknown`.',
    '- `tests_passed`, `tests_failed`, `tests_skipped`: when the output tail (terminal commands only)',
    '  shows a summary of jest, vitest, mocha, pytest, go test, cargo test, Maven Surefire or Gradle.',
    '  Failed counts errors too. Tails are cut to their end: formats that print one summary per',
    '  package or binary (go test, cargo test, multi-module Maven) count what the tail still holds.',
    '',
    'Totals (survival weighted by characters):',
    '',
    '| label | steps | inserted characters | still present |',
    '| --- | ---: | ---: | ---: |',
    ratio('survival_save', s.survival.save),
    ratio('survival_end', s.survival.end),
    ratio('survival_commit', s.survival.commit),
    ratio('retention_30s', s.retention.retention_30s),
    ratio('retention_2m', s.retention.retention_2m),
    ratio('retention_5m', s.retention.retention_5m),
    ratio('retention_10m', s.retention.retention_10m),
    '',
    `- edit steps: ${num(s.steps)} (${num(s.stepsInserting)} inserted text), completion steps: ${num(s.completionSteps)}`,
    `- steps with a diagnostics delta: ${num(s.stepsWithDiagnostics)}; steps linked to a later run: ${num(s.stepsLinkedToRun)}`,
    `- test runs: ${num(s.runs.test.pass)} pass, ${num(s.runs.test.fail)} fail, ${num(s.runs.test.unknown)} unknown; build runs: ${num(s.runs.build.pass)} pass, ${num(s.runs.build.fail)} fail, ${num(s.runs.build.unknown)} unknown; ${num(s.runsWithCounts)} with test counts`,
    '',
  ];
}
