// What a decode worker posts must come back as exactly the batch it decoded.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import { decodeBatch, packResult, transferablesOf, unpackResult, type DecodeOptions, type DecodeResult } from '../../../collector/src/decode';
import { bodyText } from '../../../collector/src/store/store';
import { toLogsRequest } from '../../../src/protocol/otlp';
import type { TrajectoryEvent } from '../../../src/protocol/schema';

const OPTS: DecodeOptions = { gzip: true, protobuf: false, limit: 20 << 20, maxRecords: 5000 };

function events(): TrajectoryEvent[] {
  const sessionId = uuidv7();
  const base = (seq: number) => ({ schema: 1 as const, id: uuidv7(), sessionId, seq, time: 1_700_000_000_000 + seq, consent: { state: 'recording' as const, policyVersion: 1 } });
  return [
    { ...base(0), kind: 'session.start', workspace: 'w'.repeat(64), client: { name: 'codetrail', version: '1' } },
    { ...base(1), kind: 'file.baseline', path: 'src/😀.ts', languageId: 'typescript', text: 'const s = "Grüße 😀";\n', sha256: 'a'.repeat(64), reason: 'open' },
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
    const asText = (r: DecodeResult) => r.ok ? r.batch.events.map((e) => ({ ...e, body: bodyText(e.body) })) : r;
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
