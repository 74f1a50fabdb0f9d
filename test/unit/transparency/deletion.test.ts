import * as assert from 'node:assert/strict';
import { describeDeletion, inScope, parseRange, presetRange, sessionsOf } from '../../../src/transparency/deletion';
import { recordSession, T0 } from './fixtures';

const utc = (y: number, mo: number, d: number, h: number, mi: number) => Date.UTC(y, mo - 1, d, h, mi);

describe('deletion requests: scopes and status', () => {
  it('parses a typed time range; a date alone as the end means the whole day', () => {
    assert.deepEqual(parseRange('2026-11-27 09:00 to 2026-11-27 12:30', utc), {
      ok: true,
      from: utc(2026, 11, 27, 9, 0),
      until: utc(2026, 11, 27, 12, 30),
    });
    assert.deepEqual(parseRange('2026-11-26 – 2026-11-27', utc), {
      ok: true,
      from: utc(2026, 11, 26, 0, 0),
      until: utc(2026, 11, 28, 0, 0),
    });
  });

  it('refuses ranges that are malformed or run backwards, saying how to write them', () => {
    for (const bad of [
      'yesterday',
      '2026-11-27',
      '2026-13-01 to 2026-12-01',
      '2026-11-27 25:00 to 2026-11-28',
      '2026-11-28 to 2026-11-27',
    ]) {
      const r = parseRange(bad, utc);
      assert.equal(r.ok, false, bad);
      if (!r.ok) assert.ok(r.error.length > 10);
    }
  });

  it('preset ranges end just after now and start where they say', () => {
    const now = T0 + 5000;
    const day = Date.UTC(2026, 10, 27);
    assert.deepEqual(presetRange('last-hour', now, day), { from: now - 3_600_000, until: now + 1 });
    assert.deepEqual(presetRange('today', now, day), { from: day, until: now + 1 });
    assert.equal(presetRange('last-7-days', now, day).from, day - 6 * 86_400_000);
  });

  it('lists the sessions held here, newest first, with their files', async () => {
    const a = await recordSession(T0);
    const b = await recordSession(T0 + 86_400_000);
    const s = sessionsOf([...a, ...b]);
    assert.equal(s.length, 2);
    assert.equal(s[0].sessionId, b[0].sessionId);
    assert.equal(s[0].events, b.length);
    assert.deepEqual(s[0].files, ['dist/big.min.js', 'docs/b.md', 'src/a.ts']);
  });

  it('matches local copies against a scope the way the service does', async () => {
    const ev = await recordSession(T0);
    const e = ev[3];
    assert.ok(inScope({ kind: 'all' }, e));
    assert.ok(inScope({ kind: 'session', sessionId: e.sessionId }, e));
    assert.ok(!inScope({ kind: 'session', sessionId: 'other' }, e));
    assert.ok(inScope({ kind: 'range', from: e.time, until: e.time + 1 }, e));
    assert.ok(!inScope({ kind: 'range', from: e.time - 10, until: e.time }, e), 'until is exclusive');
  });

  it('says in plain words where a request stands', () => {
    const base = { id: 'd1', scope: { kind: 'all' as const }, requestedAt: T0 };
    assert.match(describeDeletion({ ...base, status: 'tombstoned', tombstoned: 42 }), /In progress.*42 event\(s\) hidden/);
    assert.match(describeDeletion({ ...base, status: 'done', deleted: 42 }), /^Deleted: everything collected from you — 42/);
  });
});
