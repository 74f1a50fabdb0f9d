import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { v7 as uuidv7 } from 'uuid';
import { createSendPipeline, deferredSink, type SendPipeline, type SendTuning } from '../../../src/send/pipeline';
import { parseRetryAfter } from '../../../src/send/exporter';
import { SendLoop, type SendMessage } from '../../../src/send/loop';
import { Outbox } from '../../../src/send/outbox';
import { SenderLock } from '../../../src/send/lock';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { cursorEvent, ok, scriptedServer, tempDir, waitFor, type ScriptedServer } from './helpers';

const FAST: SendTuning = { flushIntervalMs: 10, idleMs: 20, standbyMs: 50, backoffBaseMs: 40, backoffCapMs: 200, lockHeartbeatMs: 100 };

describe('Sender against a scripted OTLP/HTTP server', function () {
  this.timeout(30_000);
  let dir: string;
  let cleanup: () => Promise<void>;
  let server: ScriptedServer;
  const pipes: SendPipeline[] = [];
  let token: string | undefined;

  const pipeline = async (tuning: SendTuning = {}, url?: string) => {
    const p = await createSendPipeline({
      storageDir: dir,
      settings: { collectorUrl: url ?? server.url },
      secrets: { getToken: async () => token },
      client: { name: 'codetrail-test', version: '0.0.0' },
      tuning: { ...FAST, ...tuning },
    });
    pipes.push(p);
    return p;
  };
  const appendAll = (p: SendPipeline, events: TrajectoryEvent[]) => events.forEach((e) => assert.equal(p.append(e), true));
  const ids = (events: TrajectoryEvent[]) => events.map((e) => e.id);

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    server = await scriptedServer();
    token = 'tok-1';
  });
  afterEach(async () => {
    for (const p of pipes.splice(0)) await p.dispose();
    await server.close();
    await cleanup();
  });

  it('POSTs gzipped OTLP JSON with the bearer token to /v1/logs; acknowledged events leave the outbox', async () => {
    const p = await pipeline();
    const s = uuidv7();
    const events = Array.from({ length: 30 }, (_, i) => cursorEvent(s, i));
    appendAll(p, events);
    await waitFor('delivery', () => server.accepted.length >= 30 && p.status.sender.delivered === 30, 10_000);
    const r = server.requests[0];
    assert.equal(r.method, 'POST');
    assert.equal(r.path, '/v1/logs');
    assert.equal(r.headers.authorization, 'Bearer tok-1');
    assert.equal(r.headers['content-encoding'], 'gzip');
    assert.equal(r.headers['content-type'], 'application/json');
    assert.deepEqual(ids(server.accepted), ids(events));
    const resource = r.body!.resourceLogs[0].resource!.attributes!;
    assert.equal(resource.find((a) => a.key === 'codetrail.session.id')?.value.stringValue, s);
    assert.equal(r.body!.resourceLogs[0].scopeLogs[0].logRecords[0].eventName, 'codetrail.cursor');
    assert.deepEqual(await p.listPending(), []);
    await waitFor('segments deleted', async () => (await readdir(dir)).filter((f) => f.startsWith('seg-')).length <= 1, 5000);
  });

  it('holds every batch back while the consent module says the service has not heard of a pause end', async () => {
    let ready = false;
    let asked = 0;
    const p = await createSendPipeline({
      storageDir: dir,
      settings: { collectorUrl: server.url },
      secrets: { getToken: async () => token },
      client: { name: 'codetrail-test', version: '0.0.0' },
      tuning: FAST,
      readyToSend: async () => {
        asked++;
        return ready;
      },
    });
    pipes.push(p);
    const events = Array.from({ length: 5 }, (_, i) => cursorEvent(uuidv7(), i));
    appendAll(p, events);
    await waitFor('the sender to ask twice', () => asked >= 2, 5000);
    assert.equal(server.requests.length, 0, 'nothing is sent while held');
    ready = true;
    await waitFor('delivery once ready', () => server.accepted.length === 5, 5000);
    assert.deepEqual(ids(server.accepted), ids(events));
  });

  it("serves as the recorder's sink: write, flush to disk, close stops it", async () => {
    const p = await pipeline();
    const e = cursorEvent(uuidv7(), 0);
    p.sink.write(e);
    await p.sink.flush();
    await waitFor('delivery', () => server.accepted.length === 1, 5000);
    await p.sink.close();
    assert.equal(p.status.sender.phase, 'stopped');
    assert.equal(p.append(cursorEvent(uuidv7(), 1)), false, 'closed: nothing more is taken');
  });

  it('deletes delivered segments while a backlog drains, not only at its end', async () => {
    token = undefined;
    server.setScript((_r, res) => setTimeout(() => ok(res), 20));
    const p = await pipeline({ segmentBytes: 2000, batchMaxCount: 10 });
    const s = uuidv7();
    for (let i = 0; i < 200; i++) {
      p.append(cursorEvent(s, i));
      if (i % 10 === 9) await p.flush();
    }
    await p.flush();
    const segs = async () => (await readdir(dir)).filter((f) => f.startsWith('seg-')).length;
    const before = await segs();
    assert.ok(before >= 10, `${before} segments`);
    token = 'tok-1';
    await p.tokenChanged();
    await waitFor('half delivered', () => p.status.sender.delivered >= 100, 10_000);
    assert.ok(p.status.sender.delivered < 200);
    assert.ok((await segs()) < before - 3, 'segments freed during the drain');
    await waitFor('all delivered', () => p.status.sender.delivered === 200, 10_000);
  });

  it('a deferred sink holds events written before the outbox opened and delivers them in order', async () => {
    let open!: (p: SendPipeline) => void;
    const sink = deferredSink(new Promise<SendPipeline>((r) => (open = r)));
    const s = uuidv7();
    const events = Array.from({ length: 5 }, (_, i) => cursorEvent(s, i));
    events.slice(0, 3).forEach((e) => sink.write(e));
    open(await pipeline());
    await sink.flush();
    events.slice(3).forEach((e) => sink.write(e));
    await sink.flush();
    await waitFor('delivery', () => server.accepted.length === 5, 5000);
    assert.deepEqual(ids(server.accepted), ids(events));
    await sink.close();
  });

  it('batches by count and by bytes', async () => {
    const p = await pipeline({ batchMaxCount: 7, batchMaxBytes: 2000 });
    const s = uuidv7();
    appendAll(
      p,
      Array.from({ length: 20 }, (_, i) => cursorEvent(s, i)),
    );
    appendAll(
      p,
      Array.from({ length: 6 }, (_, i) => cursorEvent(s, 20 + i, undefined, 600)),
    );
    await waitFor('delivery', () => server.accepted.length >= 26, 10_000);
    for (const r of server.requests) {
      assert.ok(r.events.length <= 7);
      const bytes = r.events.reduce((n, e) => n + JSON.stringify(e).length, 0);
      assert.ok(r.events.length === 1 || bytes <= 2000, `batch of ${bytes} bytes`);
    }
    assert.deepEqual(
      server.accepted.map((e) => e.seq),
      Array.from({ length: 26 }, (_, i) => i),
    );
  });

  it('honours Retry-After on 503 instead of its own shorter backoff', async () => {
    server.setScript((_r, res, n) => {
      if (n === 1) {
        res.writeHead(503, { 'retry-after': '1' });
        res.end();
      } else ok(res);
    });
    const p = await pipeline();
    appendAll(p, [cursorEvent(uuidv7(), 0)]);
    await waitFor('retrying', () => p.status.sender.phase === 'retrying', 5000);
    assert.ok((p.status.sender.retryAt ?? 0) - Date.now() > 800);
    await waitFor('delivery', () => server.accepted.length === 1, 5000);
    const gap = server.requests[1].at - server.requests[0].at;
    assert.ok(gap >= 950, `retried after ${gap} ms`);
  });

  it('retries 408, 429, 502 and 504 with backoff, and network errors, then delivers once', async () => {
    const statuses = [408, 429, 502, 504];
    server.setScript((_r, res, n) => {
      if (n <= 4) {
        res.writeHead(statuses[n - 1]);
        res.end();
      } else if (n <= 6) res.socket?.destroy();
      else ok(res);
    });
    const p = await pipeline();
    const events = [cursorEvent(uuidv7(), 0), cursorEvent(uuidv7(), 0)];
    appendAll(p, events);
    await waitFor('delivery', () => server.accepted.length === 2, 10_000);
    assert.equal(server.requests.length, 7);
    for (const r of server.requests) assert.deepEqual(ids(r.events), ids(events), 'the same batch each time');
    await waitFor('acknowledged', () => p.status.sender.delivered === 2, 2000);
  });

  it('on 413 splits the batch until the service accepts it, keeping order', async () => {
    server.setScript((r, res) => {
      if (r.events.length > 3) {
        res.writeHead(413);
        res.end();
      } else ok(res);
    });
    const p = await pipeline({ batchMaxCount: 50 });
    const s = uuidv7();
    const events = Array.from({ length: 10 }, (_, i) => cursorEvent(s, i));
    appendAll(p, events);
    await waitFor('delivery', () => server.accepted.length === 10, 10_000);
    assert.deepEqual(ids(server.accepted), ids(events));
    assert.ok(server.requests.some((r) => r.events.length === 10));
  });

  it('sets aside a single event the service finds too large (413) and goes on', async () => {
    server.setScript((r, res) => {
      if (r.events.some((e) => e.kind === 'cursor' && e.path.length > 500)) {
        res.writeHead(413);
        res.end();
      } else ok(res);
    });
    const p = await pipeline();
    const s = uuidv7();
    appendAll(p, [cursorEvent(s, 0), cursorEvent(s, 1, undefined, 600), cursorEvent(s, 2)]);
    await waitFor('settled', () => p.status.sender.deadLettered === 1 && server.accepted.length === 2, 10_000);
    const dead = await p.outbox.deadLetters.list();
    assert.equal(dead.length, 1);
    assert.equal(dead[0].status, 413);
    assert.equal(dead[0].event.seq, 1);
  });

  it('on 401 sets the batch aside, says "sign in again", sends nothing more, and resumes after sign-in', async () => {
    server.setScript((r, res) => {
      if (r.headers.authorization !== 'Bearer tok-2') {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 16, message: 'token expired' }));
      } else ok(res);
    });
    const p = await pipeline();
    const messages: SendMessage[] = [];
    p.onMessage((m) => messages.push(m));
    const s = uuidv7();
    const events = Array.from({ length: 5 }, (_, i) => cursorEvent(s, i));
    appendAll(p, events);
    await waitFor('auth-failed', () => p.status.sender.phase === 'auth-failed', 5000);
    assert.equal(messages.length, 1);
    assert.match(messages[0].text, /[Ss]ign in again/);
    assert.equal(messages[0].action, 'sign-in');
    const dead = await p.outbox.deadLetters.list();
    assert.deepEqual(
      dead.map((d) => d.status),
      [401, 401, 401, 401, 401],
    );
    assert.match(dead[0].reason, /token expired/);
    const before = server.requests.length;
    appendAll(p, [cursorEvent(s, 5)]);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(server.requests.length, before, 'no requests while signed out');
    token = 'tok-2';
    await p.tokenChanged();
    await waitFor('delivery after sign-in', () => server.accepted.length === 6, 5000);
    assert.deepEqual(server.accepted.map((e) => e.seq).sort(), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(await p.outbox.deadLetters.list(), []);
  });

  it('on 400 sets the batch aside with the reason and does not retry it', async () => {
    server.setScript((_r, res, n) => {
      if (n === 1) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 3, message: 'bad schema' }));
      } else ok(res);
    });
    const p = await pipeline({ batchMaxCount: 2 });
    const s = uuidv7();
    const messages: SendMessage[] = [];
    p.onMessage((m) => messages.push(m));
    appendAll(
      p,
      Array.from({ length: 4 }, (_, i) => cursorEvent(s, i)),
    );
    await waitFor('settled', () => server.accepted.length === 2 && p.status.sender.deadLettered === 2, 5000);
    assert.equal(server.requests.length, 2);
    assert.deepEqual(
      server.accepted.map((e) => e.seq),
      [2, 3],
    );
    assert.match(messages[0].text, /invalid/);
    const dead = await p.outbox.deadLetters.list();
    assert.deepEqual(
      dead.map((d) => [d.status, d.event.seq]),
      [
        [400, 0],
        [400, 1],
      ],
    );
    assert.equal(await p.outbox.deadLetters.discard(), 2);
    assert.deepEqual(await p.outbox.deadLetters.list(), []);
  });

  it('partial success: records the service names are dead-lettered with its reason, the rest acknowledged', async () => {
    server.setScript((r, res) => {
      const bad = r.events.filter((e) => e.seq % 4 === 0);
      ok(
        res,
        bad.length
          ? { partialSuccess: { rejectedLogRecords: bad.length, errorMessage: bad.map((e) => `${e.id}: paused`).join('; ') } }
          : {},
      );
    });
    const p = await pipeline();
    const s = uuidv7();
    appendAll(
      p,
      Array.from({ length: 12 }, (_, i) => cursorEvent(s, i)),
    );
    await waitFor('settled', () => p.status.sender.deadLettered === 3 && p.status.sender.delivered === 9, 5000);
    assert.equal(server.requests.length, 1, 'no resend needed when the service names the records');
    const dead = await p.outbox.deadLetters.list();
    assert.deepEqual(
      dead.map((d) => d.event.seq),
      [0, 4, 8],
    );
    assert.match(dead[0].reason, /paused/);
  });

  it('partial success: events refused under the consent rules are deleted here, never set aside; an invalid one is set aside', async () => {
    server.setScript((r, res) => {
      const by = (seq: number[]) => r.events.filter((e) => seq.includes(e.seq)).map((e) => e.id);
      const paused = by([1, 2]);
      const deleted = by([5]);
      const invalid = by([7]);
      const n = paused.length + deleted.length + invalid.length;
      ok(
        res,
        n
          ? {
              partialSuccess: {
                rejectedLogRecords: n,
                errorMessage:
                  `rejected: ${paused.length} paused [${paused.join(' ')}], ${deleted.length} deleted [${deleted.join(' ')}], ` +
                  `${invalid.length} invalid [${invalid.join(' ')}] (first invalid: seq: too small)`,
              },
            }
          : {},
      );
    });
    const p = await pipeline();
    const s = uuidv7();
    const events = Array.from({ length: 10 }, (_, i) => cursorEvent(s, i));
    appendAll(p, events);
    await waitFor(
      'settled',
      () => p.status.sender.delivered === 6 && p.status.sender.removed === 3 && p.status.sender.deadLettered === 1,
      5000,
    );
    assert.equal(server.requests.length, 1, 'each record settled by the reason the service named');
    const dead = await p.outbox.deadLetters.list();
    assert.deepEqual(
      dead.map((d) => d.event.seq),
      [7],
    );
    assert.match(dead[0].reason, /invalid/);
    assert.deepEqual(await p.listPending(), []);
    const sent = (await p.outbox.listSent()).map((x) => x.event.seq).sort((a, b) => a - b);
    assert.deepEqual(sent, [0, 3, 4, 6, 8, 9], 'refused events are neither pending, nor set aside, nor kept as sent');
  });

  it("partial success: events whose time is far from the service's clock are set aside with a warning about this computer's clock", async () => {
    server.setScript((r, res) => {
      const ahead = r.events.filter((e) => e.seq >= 2).map((e) => e.id);
      ok(res, {
        partialSuccess: { rejectedLogRecords: ahead.length, errorMessage: `rejected: ${ahead.length} future-time [${ahead.join(' ')}]` },
      });
    });
    const p = await pipeline();
    const messages: SendMessage[] = [];
    p.onMessage((m) => messages.push(m));
    const s = uuidv7();
    appendAll(
      p,
      Array.from({ length: 4 }, (_, i) => cursorEvent(s, i)),
    );
    await waitFor('settled', () => p.status.sender.delivered === 2 && p.status.sender.deadLettered === 2, 5000);
    const dead = await p.outbox.deadLetters.list();
    assert.deepEqual(
      dead.map((d) => d.event.seq),
      [2, 3],
    );
    assert.match(dead[0].reason, /^future-time: .*clock/);
    assert.equal(messages.length, 1);
    assert.equal(messages[0].severity, 'warning');
    assert.match(messages[0].text, /clock/);
    assert.equal(server.requests.length, 1, 'not retried');
  });

  it('partial success: a whole batch refused for one consent reason without ids is deleted here', async () => {
    server.setScript((r, res) =>
      ok(res, { partialSuccess: { rejectedLogRecords: r.events.length, errorMessage: `rejected: ${r.events.length} exempt` } }),
    );
    const p = await pipeline();
    const s = uuidv7();
    appendAll(
      p,
      Array.from({ length: 5 }, (_, i) => cursorEvent(s, i)),
    );
    await waitFor('settled', () => p.status.sender.removed === 5, 5000);
    assert.equal(p.status.sender.deadLettered, 0);
    assert.deepEqual(await p.outbox.deadLetters.list(), []);
    assert.deepEqual(await p.listPending(), []);
  });

  it('partial success without names: finds the rejected records by halving, each accepted one stored once', async () => {
    const stored = new Map<string, number>();
    server.setScript((r, res) => {
      const bad = r.events.filter((e) => e.seq % 5 === 3);
      for (const e of r.events) if (e.seq % 5 !== 3) stored.set(e.id, (stored.get(e.id) ?? 0) + 1);
      ok(res, bad.length ? { partialSuccess: { rejectedLogRecords: String(bad.length), errorMessage: 'exempt' } } : {});
    });
    const p = await pipeline();
    const s = uuidv7();
    appendAll(
      p,
      Array.from({ length: 16 }, (_, i) => cursorEvent(s, i)),
    );
    await waitFor('settled', () => p.status.sender.deadLettered === 3 && p.status.sender.delivered === 13, 10_000);
    const dead = await p.outbox.deadLetters.list();
    assert.deepEqual(
      dead.map((d) => d.event.seq).sort((a, b) => a - b),
      [3, 8, 13],
    );
    assert.equal(dead[0].reason, 'exempt');
    assert.equal(stored.size, 13);
    assert.deepEqual(await p.listPending(), []);
  });

  it('without a token waits signed out, says how to sign in, then sends', async () => {
    token = undefined;
    const p = await pipeline();
    const messages: SendMessage[] = [];
    p.onMessage((m) => messages.push(m));
    appendAll(p, [cursorEvent(uuidv7(), 0)]);
    await waitFor('signed-out', () => p.status.sender.phase === 'signed-out', 5000);
    assert.equal(server.requests.length, 0);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(messages.length, 1);
    assert.equal(messages[0].action, 'sign-in');
    token = 'tok-1';
    await p.tokenChanged();
    await waitFor('delivery', () => server.accepted.length === 1, 5000);
  });

  it('two windows on one folder: one sends, every event is delivered once; the other takes over on close', async () => {
    const a = await pipeline();
    const b = await pipeline();
    await waitFor('one standby', () => [a, b].some((p) => p.status.sender.phase === 'standby'), 5000);
    const sa = uuidv7();
    const sb = uuidv7();
    const ea = Array.from({ length: 40 }, (_, i) => cursorEvent(sa, i));
    const eb = Array.from({ length: 40 }, (_, i) => cursorEvent(sb, i));
    appendAll(a, ea);
    appendAll(b, eb);
    await waitFor('delivery', () => server.accepted.length >= 80, 10_000);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(server.accepted.length, 80);
    assert.equal(new Set(ids(server.accepted)).size, 80);
    for (const sid of [sa, sb]) {
      const seqs = server.accepted.filter((e) => e.sessionId === sid).map((e) => e.seq);
      assert.deepEqual(
        seqs,
        Array.from({ length: 40 }, (_, i) => i),
        'in order per session',
      );
    }
    const sender = a.status.sender.phase === 'standby' ? b : a;
    const other = sender === a ? b : a;
    await sender.dispose();
    appendAll(other, [cursorEvent(uuidv7(), 0)]);
    await waitFor('delivery by the other window', () => server.accepted.length === 81, 10_000);
  });

  it('refuses to start sending to a plain-http URL on another machine and says why', async () => {
    const p = await pipeline({}, 'http://collector.example.com');
    assert.match(p.status.configError ?? '', /https/);
    appendAll(p, [cursorEvent(uuidv7(), 0)]);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(server.requests.length, 0);
    assert.equal((await p.listPending()).length, 1, 'events wait in the outbox');
  });

  it('stops at once on dispose while a request hangs, sends nothing afterwards, and resends it next time', async () => {
    server.setScript(() => undefined); // never answers
    const p = await pipeline();
    appendAll(p, [cursorEvent(uuidv7(), 0)]);
    await waitFor('request', () => server.requests.length === 1, 5000);
    const t0 = Date.now();
    await p.dispose();
    assert.ok(Date.now() - t0 < 1000, `dispose took ${Date.now() - t0} ms`);
    assert.equal(p.status.sender.phase, 'stopped');
    const n = server.requests.length;
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(server.requests.length, n);
    server.setScript((_r, res) => ok(res));
    const again = await pipeline();
    await waitFor('resent by the next window', () => server.accepted.length === 1 && again.status.sender.delivered === 1, 5000);
  });
});

describe('retry timing', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('7', 0), 7000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it('backs off exponentially with jitter up to the cap', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const outbox = await Outbox.open({ dir });
      const mk = (r: number) =>
        new SendLoop({
          outbox,
          exporter: { export: async () => ({ kind: 'ok', rejected: 0 }) },
          lock: new SenderLock({ dir, writerId: outbox.writerId }),
          random: () => r,
          backoffBaseMs: 100,
          backoffCapMs: 1000,
        });
      const lo = mk(0);
      const hi = mk(0.999999);
      assert.equal(lo.backoffDelay(1), 50);
      assert.ok(hi.backoffDelay(1) <= 100 && hi.backoffDelay(1) > 99);
      assert.equal(lo.backoffDelay(3), 200);
      assert.equal(lo.backoffDelay(30), 500);
      assert.ok(hi.backoffDelay(30) <= 1000);
      await lo.dispose();
      await hi.dispose();
      await outbox.dispose();
    } finally {
      await cleanup();
    }
  });
});
