// A stand-in for one editor window in the fault tests: a separate process that appends events
// through the real send pipeline into a shared outbox folder and sends them. Driven by a JSON
// config in argv[2]; reports on stdout one line per fact; "stop" on stdin disposes it cleanly.
import { createHash } from 'node:crypto';
import { readdir, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SCHEMA_VERSION, type TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { createSendPipeline, type SendTuning } from '../../src/send/pipeline';

export interface WindowConfig {
  dir: string;
  url: string;
  token: string;
  sessionId: string;
  startSeq: number;
  count: number;
  /** Events appended per tick, and the pause between ticks. */
  perTick: number;
  tickMs: number;
  /** Size of padding in each event (bigger writes). */
  pad?: number;
  /** After appending: write half a line into this window's segment, then die by SIGKILL. */
  tearAndDie?: boolean;
  tuning?: SendTuning;
}

/** Event ids are derived from session and seq, so the test knows every id without being told. */
export function idFor(sessionId: string, seq: number): string {
  const h = createHash('sha256').update(`${sessionId}/${seq}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A window's events: a session's first is its session.start (the service judges the rest by it). */
export function windowEvent(sessionId: string, seq: number, pad = 0): TrajectoryEvent {
  const base = {
    schema: SCHEMA_VERSION,
    id: idFor(sessionId, seq),
    sessionId,
    seq,
    time: Date.now(),
    consent: { state: 'recording' as const, policyVersion: 1 },
  };
  if (seq === 0)
    return { ...base, kind: 'session.start', workspace: 'w'.repeat(64), client: { name: 'codetrail-fault-test', version: '0.0.0' } };
  return { ...base, kind: 'cursor', path: pad ? 'src/' + 'p'.repeat(pad) + '.ts' : 'src/main.ts', line: seq, character: 0 };
}

const say = (line: string) => process.stdout.write(line + '\n');

async function main(): Promise<void> {
  const cfg = JSON.parse(process.argv[2]) as WindowConfig;
  const p = await createSendPipeline({
    storageDir: cfg.dir,
    settings: { collectorUrl: cfg.url },
    secrets: { getToken: async () => cfg.token },
    client: { name: 'codetrail-fault-test', version: '0.0.0' },
    tuning: cfg.tuning,
  });
  let phase = '';
  let full = false;
  p.onDidChangeStatus((s) => {
    if (s.sender.phase !== phase) say(`phase ${(phase = s.sender.phase)}`);
    if (s.outbox.full !== full) say(`full ${(full = s.outbox.full)} ${s.outbox.refused} ${s.outbox.message ?? ''}`);
    say(`delivered ${s.sender.delivered}`);
  });
  say(`ready ${p.outbox.writerId}`);
  createInterface({ input: process.stdin }).on('line', (l) => {
    if (l.trim() === 'stop') {
      void p.dispose().then(() => {
        say('stopped');
        process.exit(0);
      });
    }
  });
  let seq = cfg.startSeq;
  const end = cfg.startSeq + cfg.count;
  let refused = 0;
  while (seq < end) {
    for (let i = 0; i < cfg.perTick && seq < end; i++) if (!p.append(windowEvent(cfg.sessionId, seq++, cfg.pad))) refused++;
    say(`appended ${seq}`);
    await new Promise((r) => setTimeout(r, cfg.tickMs));
  }
  await p.flush();
  say(`flushed ${seq} refused ${refused}`);
  if (cfg.tearAndDie) {
    const seg = (await readdir(cfg.dir)).find((f) => f.includes(p.outbox.writerId) && f.endsWith('.open'));
    if (seg) await appendFile(join(cfg.dir, seg), JSON.stringify(windowEvent(cfg.sessionId, end)).slice(0, 50));
    say('torn');
    process.kill(process.pid, 'SIGKILL');
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`window failed: ${String(e)}\n`);
    process.exit(1);
  });
}
