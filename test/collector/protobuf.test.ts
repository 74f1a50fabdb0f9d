// The protobuf decoder against OpenTelemetry's own request serializer: whatever the SDK
// encodes, the collector reads back the same records.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ProtobufLogsSerializer } from '@opentelemetry/otlp-transformer';
import { deserializeExportLogsServiceResponse } from '@opentelemetry/otlp-transformer/build/src/logs/protobuf/response-deserializer';
import { ProtobufDecodeError, decodeLogsRequest, encodeLogsResponse } from '@codetrail/collector/internal/otlp/protobuf';
import { logRecordsOf } from '@codetrail/collector/internal/decode';
import { otlpProtobuf, sessionEvents } from './helpers';

type SdkLogRecord = Parameters<typeof ProtobufLogsSerializer.serializeRequest>[0][number];

describe('OTLP protobuf', () => {
  it('reads back every record, body and attribute the OpenTelemetry serializer wrote', () => {
    const attr = fc.oneof(
      fc.string(),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    const record = fc.record({
      body: fc.string({ unit: 'grapheme', maxLength: 200 }),
      attrs: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), attr, { maxKeys: 5 }),
      ms: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      severity: fc.integer({ min: 1, max: 24 }),
      eventName: fc.string({ maxLength: 20 }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), fc.integer({ min: 1, max: 3 }), (recs, resources) => {
        const res = Array.from({ length: resources }, (_, i) => ({ attributes: { 'service.name': `svc-${i}` } }));
        const scope = { name: 'codetrail', version: '1' };
        const sdk = recs.map(
          (r, i) =>
            ({
              hrTime: [Math.floor(r.ms / 1000), (r.ms % 1000) * 1e6],
              hrTimeObserved: [0, 0],
              severityNumber: r.severity,
              eventName: r.eventName,
              body: r.body,
              resource: res[i % resources],
              instrumentationScope: scope,
              attributes: r.attrs,
              droppedAttributesCount: 0,
            }) as unknown as SdkLogRecord,
        );
        const decoded = decodeLogsRequest(ProtobufLogsSerializer.serializeRequest(sdk)!);
        const out = logRecordsOf(decoded);
        assert.equal(out.length, recs.length);
        // The serializer groups records by resource; compare as multisets.
        const key = (body: string | undefined, nanos: string | undefined, attrs: number) => JSON.stringify([body, nanos, attrs]);
        assert.deepEqual(
          out.map((r) => key(r.body?.stringValue, r.timeUnixNano, (r.attributes ?? []).length)).sort(),
          recs.map((r) => key(r.body, (BigInt(r.ms) * 1_000_000n).toString(), Object.keys(r.attrs).length)).sort(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('refuses every truncation of a request with a decode error, never a crash', () => {
    const buf = otlpProtobuf(sessionEvents({ count: 3 }));
    for (let cut = 1; cut < buf.length; cut++) {
      assert.throws(() => decodeLogsRequest(buf.subarray(0, cut)), ProtobufDecodeError, `cut at ${cut}`);
    }
  });

  it('survives arbitrary bytes: either a decoded request or a decode error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        try {
          decodeLogsRequest(bytes);
        } catch (e) {
          assert.ok(e instanceof ProtobufDecodeError, String(e));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses deeply nested values instead of exhausting the stack', () => {
    // AnyValue{array_value: ArrayValue{values: AnyValue{...}}} nested 10,000 times.
    let inner: Buffer = Buffer.from([0x0a, 0x00]);
    for (let i = 0; i < 10_000; i++) {
      const arr = Buffer.concat([Buffer.from([0x0a]), varint(inner.length), inner]);
      inner = Buffer.concat([Buffer.from([0x2a]), varint(arr.length), arr]);
    }
    const rec = Buffer.concat([Buffer.from([0x2a]), varint(inner.length), inner]);
    const scope = Buffer.concat([Buffer.from([0x12]), varint(rec.length), rec]);
    const rl = Buffer.concat([Buffer.from([0x12]), varint(scope.length), scope]);
    const req = Buffer.concat([Buffer.from([0x0a]), varint(rl.length), rl]);
    assert.throws(() => decodeLogsRequest(req), /nested too deeply/);
  });

  it('writes a partialSuccess response the OpenTelemetry deserializer reads', () => {
    const bytes = encodeLogsResponse({ partialSuccess: { rejectedLogRecords: 7, errorMessage: 'rejected: 7 paused' } });
    assert.deepEqual(deserializeExportLogsServiceResponse(bytes), {
      partialSuccess: { rejectedLogRecords: 7, errorMessage: 'rejected: 7 paused' },
    });
    assert.equal(encodeLogsResponse({}).length, 0);
  });
});

function varint(n: number): Buffer {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return Buffer.from(out);
}
