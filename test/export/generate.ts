// Realistic, replayable stored events for export tests and benchmarks: real sessions run
// through the trajectory core (typing, deletions, pastes, accepted completions, saves, file
// switches), with test runs and their output, diagnostics after edits, commits, a pause gap
// and session start/end, stamped by a real Session.
import { Session } from '../../src/capture/session';
import { TrajectoryBuilder, type ContentChange } from '../../src/capture/trajectory';
import type { ConsentStamp, ConsentStateName, Provenance, TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import type { StoredEvent } from '@codetrail/dataset/internal/types';

/** The same seed gives the same data. */
import { seededRandom as seeded } from '../../bench/util';

export { seeded };

const LANGS = [
  { ext: 'ts', id: 'typescript' },
  { ext: 'py', id: 'python' },
  { ext: 'go', id: 'go' },
  { ext: 'md', id: 'markdown' },
];

const SNIPPETS = [
  '  const result = await fetchItems(query, { limit: 20 });\n',
  '  if (!options.enabled) return undefined;\n',
  'def total(items):\n    return sum(i.price * i.qty for i in items)\n',
  '  // keep the order stable for the next page\n',
  'func handle(w http.ResponseWriter, r *http.Request) {\n}\n',
];

/** Output tails of test runs in common summary formats: [exit code, tail]. */
const TEST_OUTPUTS: [number, string][] = [
  [0, 'PASS src/cart.test.ts\n\nTest Suites: 3 passed, 3 total\nTests:       24 passed, 24 total\nTime:        1.2 s\n'],
  [
    1,
    'FAIL src/cart.test.ts\n  ● total › adds tax\n\nTest Suites: 1 failed, 2 passed, 3 total\nTests:       2 failed, 22 passed, 24 total\n',
  ],
  [0, '\u001b[32m  12 passing\u001b[39m (40ms)\n'],
  [1, '  11 passing (41ms)\n  1 failing\n\n  1) cart\n       adds tax:\n     AssertionError\n'],
  [0, '============================== 9 passed in 0.31s ===============================\n'],
  [
    1,
    '=========================== short test summary info ============================\nFAILED tests/test_cart.py::test_tax - assert 1 == 2\n========================= 1 failed, 8 passed in 0.35s ==========================\n',
  ],
];

function source(lines: number, rand: () => number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(SNIPPETS[Math.floor(rand() * SNIPPETS.length)].trimEnd() + ` // ${i}`);
  return out.join('\n') + '\n';
}

export interface GenerateOptions {
  users: number;
  sessionsPerUser: number;
  /** Content changes typed per session. */
  changesPerSession: number;
  filesPerSession?: number;
  linesPerFile?: number;
  seed?: number;
  /** First event time (epoch ms). */
  start?: number;
  /** Consent state of one session in this many (the others record); 0: none. */
  pausedEvery?: number;
}

/** Yields stored events ordered by (user, session, seq), as a store iterates them. */
export function* generateStoredEvents(o: GenerateOptions): Generator<StoredEvent> {
  const rand = seeded(o.seed ?? 1);
  const files = o.filesPerSession ?? 3;
  const lines = o.linesPerFile ?? 200;
  let time = o.start ?? Date.UTC(2026, 10, 2, 9, 0, 0);
  const users = Array.from({ length: o.users }, (_, i) => `user-${String(i).padStart(4, '0')}`).sort();
  let sessionNo = 0;
  for (const user of users) {
    const sessions: TrajectoryEvent[][] = [];
    for (let s = 0; s < o.sessionsPerUser; s++) {
      sessionNo++;
      const state: ConsentStateName = o.pausedEvery && sessionNo % o.pausedEvery === 0 ? 'paused' : 'recording';
      const stamp: ConsentStamp = { state, policyVersion: 1 };
      const events: TrajectoryEvent[] = [];
      const session = new Session(
        (e) => events.push(e),
        () => stamp,
      );
      const builder = new TrajectoryBuilder((b) => session.emit(b));
      // The first session of each user comes from a client too old to state its redaction rules.
      const client = s === 0 ? { name: 'codetrail', version: '0.1.0' } : { name: 'codetrail', version: '0.2.0', redactionPolicy: 4 };
      session.emit({ kind: 'session.start', time, workspace: `ws-${user}-${s % 2}`, client });
      const texts: string[] = [];
      const paths: { path: string; languageId: string }[] = [];
      for (let f = 0; f < files; f++) {
        const lang = LANGS[(sessionNo + f) % LANGS.length];
        const text = source(lines, rand);
        texts.push(text);
        paths.push({ path: `src/mod${f}/file${f}.${lang.ext}`, languageId: lang.id });
        builder.baseline(`f${f}`, paths[f].path, lang.id, text, time, 'open');
      }
      const lastEdit = () => {
        for (let i = events.length - 1; i >= 0; i--) if (events[i].kind === 'edit') return events[i];
        return undefined;
      };
      let commits = 0;
      let active = 0;
      let pos = texts[0].length >> 1;
      for (let n = 0; n < o.changesPerSession; n++) {
        const r = rand();
        let change: ContentChange;
        let provenance: Provenance = { label: 'typed', confidence: 0.95 };
        if (r < 0.02) {
          // save, switch file and jump
          builder.save(`f${active}`, time);
          session.emit({ kind: 'file.save', time, ...paths[active] });
          active = (active + 1) % files;
          pos = Math.floor(rand() * texts[active].length);
          time += 4000;
          continue;
        } else if (r < 0.08 && pos > 0) {
          change = { offset: pos - 1, deleted: 1, inserted: '' };
          provenance = { label: 'deletion', confidence: 0.95 };
        } else if (r < 0.1) {
          change = { offset: pos, deleted: 0, inserted: SNIPPETS[Math.floor(rand() * SNIPPETS.length)] };
          provenance = { label: 'paste', confidence: 0.9 };
        } else if (r < 0.115) {
          // an accepted completion: the rest of a snippet at once
          const snip = SNIPPETS[Math.floor(rand() * SNIPPETS.length)];
          change = { offset: pos, deleted: 0, inserted: snip.slice(Math.floor(rand() * 8)) };
          provenance = { label: 'completion', confidence: 0.8 };
        } else {
          const snip = SNIPPETS[n % SNIPPETS.length];
          change = { offset: pos, deleted: 0, inserted: snip[n % snip.length] };
        }
        const t = texts[active];
        texts[active] = t.slice(0, change.offset) + change.inserted + t.slice(change.offset + change.deleted);
        pos = change.offset + change.inserted.length;
        time += 60 + Math.floor(rand() * 200) + (rand() < 0.03 ? 3000 : 0);
        builder.change(`f${active}`, [change], provenance, time);
        const q = rand();
        if (q < 0.01) {
          builder.flush(time, 'flush');
          const [exitCode, outputTail] = TEST_OUTPUTS[Math.floor(rand() * TEST_OUTPUTS.length)];
          const commandLine = /passed in \d/.test(outputTail) ? 'pytest -q' : 'npm test';
          time += 1500;
          session.emit({
            kind: 'terminal.command',
            time,
            commandLine,
            exitCode,
            durationMs: 1500,
            outputTail,
            source: 'shell-integration',
          });
          if (exitCode === 0 && rand() < 0.4) {
            commits++;
            time += 2000;
            session.emit({
              kind: 'commit',
              time,
              message: `Change ${commits}`,
              commit: (0x1000000 + sessionNo * 4096 + commits).toString(16).padStart(40, '0'),
            });
          }
        } else if (q < 0.03) {
          // the language server's counts a moment after a step
          builder.flush(time, 'idle');
          const edit = lastEdit();
          if (edit?.kind === 'edit') {
            const before = { errors: Math.floor(rand() * 3), warnings: Math.floor(rand() * 3) };
            time += 300;
            session.emit({
              kind: 'diagnostics',
              time,
              path: edit.path,
              afterEdit: edit.id,
              before,
              after: { errors: Math.max(0, before.errors + (rand() < 0.5 ? 1 : -1)), warnings: before.warnings },
            });
          }
        }
      }
      builder.flush(time, 'flush');
      session.emit({ kind: 'gap', time, reason: 'paused', from: time, to: time + 60_000 });
      time += 60_000;
      session.emit({ kind: 'session.end', time, reason: 'idle' });
      time += 3_600_000;
      sessions.push(events);
    }
    sessions.sort((a, b) => (a[0].sessionId < b[0].sessionId ? -1 : 1));
    for (const events of sessions) for (const event of events) yield { user, event };
  }
}
