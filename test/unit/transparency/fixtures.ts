// Real trajectories for the transparency tests, recorded by the capture core (no hand-made diffs).
import { MemorySink } from '../../support/sinks';
import { Recorder } from '../../../src/capture/recorder';
import type { CaptureGate, GateDecision } from '../../../src/capture/gate';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';

const open: CaptureGate = {
  current: (): GateDecision => ({ allowed: true }),
  onDidChange: () => () => undefined,
};

const typed = { label: 'typed', confidence: 0.95 } as const;

export const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);

/**
 * One session: a.ts gets a baseline and three edit steps, b.md a baseline and one step, a file
 * is skipped, and a pause leaves a gap marker. Steps are cut by idle time (2 s).
 */
export async function recordSession(start = T0): Promise<TrajectoryEvent[]> {
  const sink = new MemorySink();
  let now = start;
  const rec = new Recorder(
    sink,
    open,
    {
      workspace: 'w'.repeat(64),
      client: { name: 'test', version: '0' },
      sessionIdleMs: 3_600_000,
      consent: () => ({ state: 'recording', policyVersion: 1 }),
    },
    () => now,
  );
  rec.baseline('a', 'src/a.ts', 'typescript', 'const a = 1;\nconst b = 2;\n', now, 'open');
  rec.change('a', [{ offset: 10, deleted: 1, inserted: '10' }], typed, (now += 100));
  rec.tick((now += 5000));
  rec.change('a', [{ offset: 0, deleted: 0, inserted: '// header\n' }], typed, (now += 100));
  rec.tick((now += 5000));
  rec.baseline('b', 'docs/b.md', 'markdown', '# Title\n', (now += 100), 'open');
  rec.change('b', [{ offset: 8, deleted: 0, inserted: 'Some text.\n' }], typed, (now += 100));
  rec.tick((now += 5000));
  rec.change('a', [{ offset: 0, deleted: 10, inserted: '' }], { label: 'deletion', confidence: 0.9 }, (now += 100));
  rec.tick((now += 5000));
  rec.emit({ kind: 'file.skipped', time: (now += 100), path: 'dist/big.min.js', reason: 'minified', size: 500_000 });
  rec.emit({ kind: 'gap', time: (now += 100), reason: 'paused', from: now - 600_000, to: now });
  rec.emit({
    kind: 'terminal.command',
    time: (now += 100),
    commandLine: 'npm test',
    exitCode: 1,
    durationMs: 2300,
    source: 'shell-integration',
    outputTail: '1 failing',
  });
  await rec.flush();
  return sink.events;
}
