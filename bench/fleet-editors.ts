// One process of simulated editors for `npm run bench -- fleet` (forked by fleet.bench.ts):
// each editor has its own outbox folder and the extension's real send pipeline (outbox,
// sender lock, send loop, OTLP exporter), and replays a session made by the trajectory core
// (test/export/generate.ts) at an engineer's pace: typing bursts, idle gaps. Event times,
// ids and the session id are its own; the content is the generated session's.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { createSendPipeline, type SendPipeline } from '../src/send/pipeline';
import { generateStoredEvents } from '../test/export/generate';
import { seededRandom } from './util';

export interface WorkerStart {
  url: string;
  dir: string;
  editors: { user: string; token: string }[];
  seed: number;
  /** Bound of each editor's outbox, bytes. */
  outboxBytes: number;
}

export interface WorkerReport {
  appended: { user: string; id: string }[];
  refused: number;
  delivered: number;
  requests: Record<string, number>;
  maxOutboxBytes: number;
  undelivered: number;
}

interface Editor {
  user: string;
  dir: string;
  pipeline: SendPipeline;
  template: TrajectoryEvent[];
  at: number;
  sessionId: string;
  seq: number;
  appended: number;
  burstUntil: number;
  next: number;
}

const send = (m: unknown) => process.send!(m);

/** Every field of an event that is a time in epoch ms, shifted to now. */
function restamp(e: TrajectoryEvent, sessionId: string, seq: number, now: number): TrajectoryEvent {
  const out: Record<string, unknown> = { ...e, id: uuidv7(), sessionId, seq };
  const delta = now - e.time;
  for (const [k, v] of Object.entries(e)) if ((k === 'time' || k.endsWith('Time')) && typeof v === 'number') out[k] = v + delta;
  return out as unknown as TrajectoryEvent;
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    // the sender's lock files come and go meanwhile
    if (f.isFile()) {
      try {
        n += statSync(join(f.parentPath, f.name)).size;
      } catch {
        /* gone */
      }
    }
  }
  return n;
}

async function run(start: WorkerStart): Promise<void> {
  const rand = seededRandom(start.seed);
  const sessions = new Map<string, TrajectoryEvent[]>();
  for (const { event } of generateStoredEvents({ users: 2, sessionsPerUser: 3, changesPerSession: 200, seed: start.seed })) {
    if (event.consent.state !== 'recording') continue;
    const list = sessions.get(event.sessionId) ?? [];
    list.push(event);
    sessions.set(event.sessionId, list);
  }
  const templates = [...sessions.values()];
  const requests: Record<string, number> = {};
  // the sender's own fetch, counted: every answer and every failed attempt
  const counted: typeof fetch = async (input, init) => {
    try {
      const r = await fetch(input, init);
      requests[r.status] = (requests[r.status] ?? 0) + 1;
      return r;
    } catch (e) {
      requests.error = (requests.error ?? 0) + 1;
      throw e;
    }
  };
  const editors: Editor[] = [];
  const now = Date.now();
  for (const { user, token } of start.editors) {
    const dir = join(start.dir, user);
    mkdirSync(dir, { recursive: true });
    const pipeline = await createSendPipeline({
      storageDir: dir,
      settings: { collectorUrl: start.url },
      secrets: { getToken: async () => token },
      client: { name: 'codetrail-fleet', version: '0.0.0' },
      fetch: counted,
      tuning: { maxBytes: start.outboxBytes },
    });
    const template = templates[Math.floor(rand() * templates.length)];
    // editors start spread over the first 10 s
    const next = now + rand() * 10_000;
    editors.push({
      user,
      dir,
      pipeline,
      template,
      at: 0,
      sessionId: uuidv7(),
      seq: 0,
      appended: 0,
      burstUntil: next + 5_000 + rand() * 15_000,
      next,
    });
  }
  const appended: { user: string; id: string }[] = [];
  let refused = 0;
  let maxOutboxBytes = 0;
  let stopping = false;
  process.on('message', (m: { type: string }) => {
    if (m.type === 'stop') stopping = true;
  });

  // An engineer's pace: bursts of 5–20 s with an event every ~1 s, then 20–70 s idle (≈0.2 events/s).
  const tick = () => {
    const t = Date.now();
    for (const e of editors) {
      if (stopping || t < e.next) continue;
      // the template's first event is its session.start: a replay from the top is a new session
      if (e.at >= e.template.length) {
        e.at = 0;
        e.sessionId = uuidv7();
        e.seq = 0;
      }
      const ev = restamp(e.template[e.at++], e.sessionId, e.seq++, t);
      if (e.pipeline.append(ev)) {
        appended.push({ user: e.user, id: ev.id });
        e.appended++;
      } else refused++;
      if (t > e.burstUntil) {
        // the burst is over: an idle gap, then a new burst
        const idle = 20_000 + rand() * 50_000;
        e.next = t + idle;
        e.burstUntil = e.next + 5_000 + rand() * 15_000;
      } else {
        e.next = t + 200 + rand() * 1600;
      }
    }
  };
  const timer = setInterval(tick, 50);
  const sampler = setInterval(() => {
    for (const e of editors) maxOutboxBytes = Math.max(maxOutboxBytes, dirBytes(e.dir));
  }, 5000);
  send({ type: 'started' });
  while (!stopping) await new Promise((r) => setTimeout(r, 100));
  clearInterval(timer);
  // drain: every editor's outbox delivered, or the deadline
  const deadline = Date.now() + 180_000;
  for (;;) {
    const left = editors.reduce(
      (a, e) => a + Math.max(0, e.appended - e.pipeline.status.sender.delivered - (e.pipeline.status.sender.deadLettered ?? 0)),
      0,
    );
    if (left === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  clearInterval(sampler);
  for (const e of editors) maxOutboxBytes = Math.max(maxOutboxBytes, dirBytes(e.dir));
  const delivered = editors.reduce((a, e) => a + e.pipeline.status.sender.delivered, 0);
  const undelivered = editors.reduce((a, e) => a + Math.max(0, e.appended - e.pipeline.status.sender.delivered), 0);
  await Promise.all(editors.map((e) => e.pipeline.dispose()));
  const report: WorkerReport = { appended, refused, delivered, requests, maxOutboxBytes, undelivered };
  // a large report must reach the parent before this process exits
  await new Promise<void>((res) => process.send!({ type: 'report', report }, () => res()));
}

process.once('message', (m: { type: string; start: WorkerStart }) => {
  if (m.type !== 'start') return;
  run(m.start).then(
    () => process.exit(0),
    (e: Error) => {
      send({ type: 'error', message: e.stack ?? e.message });
      process.exit(1);
    },
  );
});
