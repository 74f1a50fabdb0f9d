// Fault tests: editor windows as child processes sending through the real collection service.
// Run with `npm run test:send`.
import assert from 'node:assert/strict';
import { readdir, readFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { createSendPipeline } from '../../src/send/pipeline';
import type { Clock } from '../../src/send/events';
import { Harness, range, until } from './harness';
import { idFor, windowEvent } from './window';

/** The sender's clock running `factor` times faster than real time: hours of outage in seconds. */
function fastClock(factor: number): Clock {
  const t0 = Date.now();
  return {
    now: () => t0 + (Date.now() - t0) * factor,
    setTimeout: (fn, ms) => setTimeout(fn, ms / factor).unref(),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  };
}

/** Complete event lines still on disk in an outbox folder (segments only). */
async function linesOnDisk(dir: string): Promise<TrajectoryEvent[]> {
  const out: TrajectoryEvent[] = [];
  for (const f of (await readdir(dir)).filter((n) => n.startsWith('seg-'))) {
    const text = await readFile(join(dir, f), 'utf8');
    for (const line of text.slice(0, text.lastIndexOf('\n') + 1).split('\n')) if (line) out.push(JSON.parse(line) as TrajectoryEvent);
  }
  return out;
}

const markerSum = (ms: TrajectoryEvent[], what: string) =>
  ms.reduce((n, m) => n + (m.kind === 'marker' && m.what === what ? m.count : 0), 0);

describe('send fault tests against the real collection service', function () {
  this.timeout(120_000);
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await h.setUp();
  });
  afterEach(async () => h.tearDown());

  it('a window killed by SIGKILL mid-write, then restarted: every event it wrote is stored exactly once', async () => {
    const s1 = uuidv7();
    const w1 = h.spawnWindow({ sessionId: s1, count: 50_000, perTick: 400, tickMs: 1, pad: 300, tuning: { flushIntervalMs: 3 } });
    await w1.waitLine(/^appended (1[0-9]{4}|[2-9][0-9]{4})$/); // well into the stream
    w1.kill();
    await w1.exit();
    // what survived the crash: already stored, or a complete line on disk
    const durable = new Set([
      ...(await h.seqsOf(s1)),
      ...(await linesOnDisk(h.outboxDir)).filter((e) => e.sessionId === s1).map((e) => e.seq),
    ]);
    const maxDurable = Math.max(...durable);
    assert.ok(maxDurable > 1000, `only ${maxDurable} events were durable`);

    const s2 = uuidv7();
    const w2 = h.spawnWindow({ sessionId: s2, count: 500 });
    await until(
      async () => (await h.seqsOf(s1)).length >= maxDurable + 1 && (await h.seqsOf(s2)).length === 500,
      60_000,
      'delivery after restart',
    );
    await w2.stop();
    const stored = await h.seqsOf(s1);
    // a prefix of the stream, each event once: nothing durable lost, nothing twice
    assert.deepEqual(stored, range(0, stored.length));
    assert.ok(stored.length >= maxDurable + 1);
    const rows = (await h.rows()).filter((r) => r.sessionId === s1);
    assert.deepEqual(
      rows.map((r) => r.id),
      stored.map((q) => idFor(s1, q)),
    );
    assert.deepEqual(await h.seqsOf(s2), range(0, 500));
  });

  it('a window killed after the service stored a batch but before the answer arrived: resent, stored once', async () => {
    const s = uuidv7();
    h.proxy.holdMs = 1500;
    const w1 = h.spawnWindow({ sessionId: s, count: 3000, perTick: 3000, tickMs: 1, tuning: { batchMaxCount: 500 } });
    await until(() => h.proxy.held >= 1, 20_000, 'a stored batch whose answer is held');
    await until(async () => (await h.seqsOf(s)).length >= 500, 10_000, 'the batch in the store');
    w1.kill(); // mid-send: the service has the batch, the window never hears so
    await w1.exit();
    const storedBefore = (await h.seqsOf(s)).length;
    assert.ok(storedBefore >= 500 && storedBefore < 3000);
    const dupBefore = await h.duplicatesCounted();
    h.proxy.holdMs = 0;
    const w2 = h.spawnWindow({ sessionId: uuidv7(), count: 0 });
    await until(async () => (await h.seqsOf(s)).length === 3000, 60_000, 'all 3000 stored');
    await w2.stop();
    assert.deepEqual(await h.seqsOf(s), range(0, 3000));
    assert.ok((await h.duplicatesCounted()) - dupBefore >= 500, 'the unanswered batch was sent again and deduplicated by id');
  });

  it('a window killed in the middle of writing a line: the torn line is cut, reported in a marker, the rest stored once', async () => {
    const s = uuidv7();
    const w1 = h.spawnWindow({ sessionId: s, count: 300, perTick: 300, tickMs: 1, tearAndDie: true, url: 'http://127.0.0.1:9' });
    await w1.exit();
    assert.ok(w1.has(/^torn$/));
    const w2 = h.spawnWindow({ sessionId: uuidv7(), count: 0 });
    await until(async () => (await h.seqsOf(s)).length === 300 && (await h.markers()).length > 0, 30_000, 'delivery and marker');
    await w2.stop();
    assert.deepEqual(await h.seqsOf(s), range(0, 300));
    const ms = await h.markers();
    assert.equal(markerSum(ms, 'outbox-torn'), 1);
  });

  it('service down for a long time, then back: everything delivered, in order per session, once', async () => {
    const sa = uuidv7();
    const sb = uuidv7();
    await h.stopCollector();
    const wa = h.spawnWindow({ sessionId: sa, count: 1500, perTick: 25, tickMs: 10 });
    const wb = h.spawnWindow({ sessionId: sb, count: 1500, perTick: 25, tickMs: 10 });
    await wa.waitLine(/^flushed 1500/);
    await wb.waitLine(/^flushed 1500/);
    await new Promise((r) => setTimeout(r, 3000)); // many retries at the backoff cap
    assert.ok(wa.has(/^phase retrying$/) || wb.has(/^phase retrying$/), 'the sender was retrying');
    assert.equal((await h.rows()).length, 0);
    await h.startCollector();
    await until(async () => (await h.rows()).length === 3000 && h.proxy.accepted.length >= 3000, 60_000, 'all 3000 stored');
    for (const s of [sa, sb]) {
      assert.deepEqual(await h.seqsOf(s), range(0, 1500));
      // the order the service accepted them in: per session, seq order, each once
      assert.deepEqual(
        h.proxy.accepted.filter((e) => e.sessionId === s).map((e) => e.seq),
        range(0, 1500),
      );
    }
    await wa.stop();
    await wb.stop();
  });

  it('production backoff through over an hour of sender time offline: delivered in order once the service is back', async () => {
    const clock = fastClock(500);
    await h.stopCollector();
    const p = await createSendPipeline({
      storageDir: h.outboxDir,
      settings: { collectorUrl: h.proxy.url },
      secrets: { getToken: async () => h.token },
      client: { name: 'codetrail-fault-test', version: '0.0.0' },
      clock,
    });
    try {
      const sessions = [uuidv7(), uuidv7()];
      const start = clock.now();
      let maxWait = 0;
      p.onDidChangeStatus((st) => {
        if (st.sender.retryAt) maxWait = Math.max(maxWait, st.sender.retryAt - clock.now());
      });
      for (let i = 0; i < 2000; i++) {
        p.append(windowEvent(sessions[i % 2], i >> 1));
        if (i % 50 === 49) await new Promise((r) => setTimeout(r, 80));
      }
      await until(() => clock.now() - start >= 65 * 60_000, 30_000, 'an hour of sender time');
      assert.ok(['retrying', 'sending'].includes(p.status.sender.phase), p.status.sender.phase);
      assert.match(p.status.sender.lastError ?? '', /network error/);
      assert.equal(p.status.sender.delivered, 0);
      assert.ok(maxWait >= 150_000 && maxWait <= 300_000, `longest wait ${maxWait} ms of sender time: backoff reached its 5 minute cap`);
      assert.equal((await h.rows()).length, 0);
      await h.startCollector();
      // the proxy hears the answer just after the store has the rows
      await until(async () => (await h.rows()).length === 2000 && h.proxy.accepted.length >= 2000, 30_000, 'all 2000 stored');
      for (const s of sessions) {
        assert.deepEqual(await h.seqsOf(s), range(0, 1000));
        const order = h.proxy.accepted.filter((e) => e.sessionId === s).map((e) => e.seq);
        const bad = order.findIndex((q, i) => q !== i);
        assert.equal(
          bad,
          -1,
          `accepted order breaks at ${bad}: ${order.slice(Math.max(0, bad - 3), bad + 5).join(',')} (of ${order.length})`,
        );
      }
    } finally {
      await p.dispose();
    }
  });

  it('two windows on one outbox folder: exactly one sends, every event delivered once; the other takes over', async () => {
    const sa = uuidv7();
    const sb = uuidv7();
    const wa = h.spawnWindow({ sessionId: sa, count: 2000, perTick: 40, tickMs: 5 });
    const wb = h.spawnWindow({ sessionId: sb, count: 2000, perTick: 40, tickMs: 5 });
    await until(async () => (await h.rows()).length === 4000 && h.proxy.accepted.length >= 4000, 60_000, 'all 4000 stored');
    await new Promise((r) => setTimeout(r, 300)); // a second copy, if any, would arrive now
    const senders = [wa, wb].filter((w) => w.has(/^phase (sending|idle)$/));
    assert.equal(senders.length, 1, 'one sender');
    const other = senders[0] === wa ? wb : wa;
    assert.ok(other.has(/^phase standby$/));
    assert.equal(h.proxy.accepted.length, 4000, 'each event sent once');
    assert.equal(new Set(h.proxy.accepted.map((e) => e.id)).size, 4000);
    await senders[0].stop();
    await other.waitLine(/^phase (sending|idle)$/, 20_000);
    await other.stop();
  });

  it('outbox bound reached while offline: new events refused with a message, no crash; counted in a marker once space returns', async () => {
    const s = uuidv7();
    await h.stopCollector();
    const w = h.spawnWindow({ sessionId: s, count: 3000, perTick: 100, tickMs: 5, tuning: { maxBytes: 128 * 1024 } });
    const fullLine = await w.waitLine(/^full true/);
    assert.match(fullLine, /outbox is full/);
    const flushed = await w.waitLine(/^flushed /);
    const refused = Number(/refused (\d+)/.exec(flushed)![1]);
    assert.ok(refused > 0);
    assert.ok(!w.exited);
    await h.startCollector();
    await until(
      async () => {
        const rows = await h.rows();
        const recorded = rows.filter((r) => r.kind !== 'marker').length;
        return recorded + markerSum(await h.markers(), 'outbox-dropped') === 3000;
      },
      60_000,
      'every event stored or counted as dropped',
    );
    const stored = await h.seqsOf(s);
    assert.equal(new Set(stored).size, stored.length);
    await w.stop();
  });

  it('a real full disk (small tmpfs): clear message, no crash, every event stored or counted as dropped', async function () {
    const mnt = join(h.root, 'tmpfs');
    await mkdir(mnt, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt], { stdio: 'ignore' });
    } catch {
      this.skip(); // mounting needs root; the bound test above covers the policy
    }
    try {
      const s = uuidv7();
      await h.stopCollector();
      // no free-space reserve: let the disk really fill
      const w = h.spawnWindow({
        sessionId: s,
        count: 3000,
        perTick: 100,
        tickMs: 5,
        dir: join(mnt, 'outbox'),
        tuning: { minFreeBytes: 0 },
      });
      const fullLine = await w.waitLine(/^full true/);
      assert.match(fullLine, /disk/);
      await w.waitLine(/^flushed /);
      assert.ok(!w.exited);
      await h.startCollector();
      try {
        await until(
          async () => {
            const recorded = (await h.rows()).filter((r) => r.kind !== 'marker').length;
            return recorded + markerSum(await h.markers(), 'outbox-dropped') === 3000;
          },
          60_000,
          'every event stored or counted as dropped',
        );
      } catch (e) {
        const recorded = (await h.rows()).filter((r) => r.kind !== 'marker').length;
        process.stderr.write(
          `window said: ${w.lines
            .filter((l) => !l.startsWith('delivered'))
            .slice(-10)
            .join(' | ')}\nstored ${recorded}, markers ${JSON.stringify(await h.markers())}\n`,
        );
        throw e;
      }
      await w.stop();
    } finally {
      execFileSync('umount', ['-l', mnt], { stdio: 'ignore' });
    }
  });
});
