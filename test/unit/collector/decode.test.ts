// What a decode worker posts must come back as exactly the batch it decoded.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import {
  countJsonContainers,
  decodeBatch,
  packResult,
  transferablesOf,
  unpackResult,
  type DecodeOptions,
  type DecodeResult,
} from '@codetrail/collector/internal/decode';
import { bodyText } from '@codetrail/collector/internal/store/store';
import { toLogsRequest } from '@codetrail/protocol/internal/otlp';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';

const OPTS: DecodeOptions = { gzip: true, protobuf: false, limit: 20 << 20, maxRecords: 5000 };

function events(): TrajectoryEvent[] {
  const sessionId = uuidv7();
  const base = (seq: number) => ({
    schema: 1 as const,
    id: uuidv7(),
    sessionId,
    seq,
    time: 1_700_000_000_000 + seq,
    consent: { state: 'recording' as const, policyVersion: 1 },
  });
  return [
    { ...base(0), kind: 'session.start', workspace: 'w'.repeat(64), client: { name: 'codetrail', version: '1' } },
    {
      ...base(1),
      kind: 'file.baseline',
      path: 'src/😀.ts',
      languageId: 'typescript',
      text: 'const s = "Grüße 😀";\n',
      sha256: 'a'.repeat(64),
      reason: 'open',
    },
    { ...base(2), kind: 'cursor', path: 'src/a.ts', line: 2 ** 40, character: 0 },
    { ...base(3), kind: 'gap', reason: 'paused', from: 1, to: 2 },
  ];
}

describe('decode results as workers post them', () => {
  it('survive packing, a transfer to another thread and unpacking, nulls and non-ASCII text included', () => {
    const body = gzipSync(JSON.stringify(toLogsRequest(events(), { name: 't', version: '1' })));
    const direct = decodeBatch(body, OPTS);
    assert.ok(direct.ok);
    assert.equal(direct.batch.events.length, 4);
    const packed = packResult(direct);
    const moved = structuredClone(packed, { transfer: transferablesOf(packed) });
    assert.equal(packed.ok && packed.bodies.byteLength, 0, 'the buffer was handed over, not copied');
    const back = unpackResult(moved);
    assert.ok(back.ok);
    // Bodies come back as their UTF-8 bytes; everything else as it was.
    const asText = (r: DecodeResult) => (r.ok ? r.batch.events.map((e) => ({ ...e, body: bodyText(e.body) })) : r);
    assert.ok(back.batch.events.every((e) => e.body instanceof Uint8Array));
    assert.deepEqual(asText(back), asText(direct));
    const [start, baseline, cursor] = back.batch.events;
    assert.equal(start.startWorkspace, 'w'.repeat(64));
    assert.equal(start.language, null);
    assert.equal(baseline.language, 'typescript');
    assert.equal(baseline.startWorkspace, null);
    assert.match(bodyText(baseline.body), /Grüße 😀/);
    assert.equal(cursor.seq, 2);
  });

  it('carry invalid counts and refusals through', () => {
    const good = events();
    const req = toLogsRequest(good, { name: 't', version: '1' });
    req.resourceLogs[0].scopeLogs[0].logRecords[1].body = { stringValue: '{"kind":"edit"}' };
    const r = unpackResult(packResult(decodeBatch(gzipSync(JSON.stringify(req)), OPTS)));
    assert.ok(r.ok);
    assert.equal(r.batch.received, 4);
    assert.equal(r.batch.invalid, 1);
    assert.equal(r.batch.events.length, 3);
    assert.ok(r.batch.firstInvalid);
    const bad = unpackResult(packResult(decodeBatch(Buffer.from('not gzip'), OPTS)));
    assert.deepEqual(bad, { ok: false, status: 400, message: 'body is not valid gzip' });
  });
});

describe('the per-request budget', () => {
  const request = (n: number) =>
    JSON.stringify(toLogsRequest(Array.from({ length: n }, () => events()).flat(), { name: 't', version: '1' }));

  it('counts JSON objects and arrays outside strings only, braces and escaped quotes inside them skipped', () => {
    assert.equal(countJsonContainers(Buffer.from('{"a":[{},[]],"b":"{[\\"{[\\\\"}'), 100), 4);
    assert.equal(countJsonContainers(Buffer.from('[' + '{},'.repeat(999) + '{}]'), 100), 101, 'stops one past the limit');
    assert.equal(countJsonContainers(Buffer.from('{"unterminated'), 100), 1);
  });

  it('refuses more log records than allowed with 413 before building them, in JSON and in protobuf', () => {
    const opts = { ...OPTS, gzip: false, maxRecords: 8 };
    assert.ok(decodeBatch(Buffer.from(request(2)), opts).ok, 'eight records pass');
    const over = decodeBatch(Buffer.from(request(3)), opts);
    assert.deepEqual(over, {
      ok: false,
      status: 413,
      message: 'request holds more than 8 log records; send at most 8 log records per request',
    });
    // Five million empty records: 10 MB of protobuf, refused after a few thousand messages.
    const records = Buffer.alloc(10_000_000);
    for (let i = 0; i < records.length; i += 2) records[i] = 0x12;
    const varint = (v: number) => {
      const o: number[] = [];
      while (v > 127) {
        o.push((v & 127) | 128);
        v = Math.floor(v / 128);
      }
      o.push(v);
      return Buffer.from(o);
    };
    const scope = Buffer.concat([Buffer.from([0x12]), varint(records.length), records]);
    const bomb = Buffer.concat([Buffer.from([0x0a]), varint(scope.length), scope]);
    const t0 = performance.now();
    const r = decodeBatch(bomb, { ...opts, protobuf: true, maxRecords: 5000 });
    assert.equal(r.ok ? 200 : r.status, 413);
    assert.ok(performance.now() - t0 < 500, `took ${Math.round(performance.now() - t0)} ms`);
    const json = Buffer.from(`{"resourceLogs":[{"scopeLogs":[{"logRecords":[${'{},'.repeat(999_999)}{}]}]}]}`);
    assert.equal((decodeBatch(json, { ...opts, maxRecords: 5000 }) as { status: number }).status, 413);
  });

  it('stores an upper-cased id in its one spelling, in the row and in the body', () => {
    const e = events()[2];
    const shouted = { ...e, id: e.id.toUpperCase(), sessionId: e.sessionId.toUpperCase() };
    const r = decodeBatch(Buffer.from(JSON.stringify(toLogsRequest([shouted], { name: 't', version: '1' }))), { ...OPTS, gzip: false });
    assert.ok(r.ok);
    const [v] = r.batch.events;
    assert.deepEqual([v.id, v.sessionId], [e.id, e.sessionId]);
    assert.deepEqual(JSON.parse(bodyText(v.body)), e);
  });
});
