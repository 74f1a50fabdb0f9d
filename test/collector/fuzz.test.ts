// Robustness: more than 10,000 malformed, truncated, oversized, wrongly encoded, wrongly
// authenticated and replayed requests. The service stays up, answers each with the status
// OTLP asks for, and stores nothing from them.
import assert from 'node:assert/strict';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { issueToken } from '@codetrail/collector/internal/auth';
import { startCollector, type RunningCollector } from '@codetrail/collector/internal/server';
import type { Store } from '@codetrail/collector/internal/store/store';
import { STORE_KINDS, otlpJson, otlpProtobuf, sessionEvents } from './helpers';
import { seededRandom as prng } from '../../bench/util';

interface Case {
  name: string;
  path?: string;
  method?: string;
  headers: Record<string, string>;
  body?: Buffer;
  expect: number;
  /** For 200 answers: how many records must be reported rejected. */
  rejected?: number;
}

const LIMIT = 256 * 1024;
// 800 of each of the 13 kinds of bad request: 10,400 against each store.
const PER_KIND = 800;

function send(base: string, c: Case, agent: http.Agent | false): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      base + (c.path ?? '/v1/logs'),
      { method: c.method ?? 'POST', headers: c.headers, agent, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
    req.end(c.body);
  });
}

for (const kind of STORE_KINDS) {
  describe(`robustness under bad requests (${kind.name})`, function () {
    this.timeout(240_000);
    let store: Store;
    let cleanup: () => Promise<void>;
    let server: RunningCollector;

    before(async () => {
      const opened = await kind.open();
      store = opened.store;
      cleanup = opened.cleanup;
      server = await startCollector({ store, port: 0, maxBodyBytes: LIMIT, maxInFlight: 64, jobIntervalMs: 0 });
    });
    after(async () => {
      await server.close();
      await cleanup();
    });

    it(`answers ${13 * PER_KIND} bad requests correctly, stays up, and stores nothing from them`, async () => {
      const rand = prng(kind.name === 'sqlite' ? 1 : 2);
      const int = (n: number) => Math.floor(rand() * n);
      const user = await issueToken(store, { userId: 'fuzz' });
      const admin = await issueToken(store, { admin: true });
      const revoked = await issueToken(store, { userId: 'fuzz' });
      await store.revokeToken(revoked.record.id, Date.now());
      const expired = await issueToken(store, { userId: 'fuzz', expiresAt: Date.now() - 1 });
      const auth = { authorization: `Bearer ${user.token}` };
      const json = { ...auth, 'content-type': 'application/json' };

      // Already stored: every replay of these must leave the store as it is.
      const stored = sessionEvents({ count: 40, start: Date.now() - 60_000 });
      const first = await fetch(`${server.url}/v1/logs`, { method: 'POST', headers: json, body: otlpJson(stored) });
      assert.equal(first.status, 200);
      const baseline = await store.countEvents();
      assert.equal(baseline, 40);
      // Valid OTLP whose events the service must refuse (not recording), or that are no events at all.
      const refusedBatch = sessionEvents({ count: 12, state: 'paused', start: Date.now() - 60_000 });
      const validJson = Buffer.from(otlpJson(refusedBatch));
      const validProto = otlpProtobuf(refusedBatch);
      const validGzip = gzipSync(validJson);

      const cases: Case[] = [];
      for (let i = 0; i < PER_KIND; i++) {
        // 1. Random bytes sent as JSON.
        const junk = Buffer.from(Array.from({ length: 1 + int(300) }, () => int(256)));
        cases.push({ name: 'random bytes', headers: json, body: junk, expect: 400 });
        // 2. Valid JSON cut short.
        cases.push({ name: 'truncated json', headers: json, body: validJson.subarray(0, 1 + int(validJson.length - 1)), expect: 400 });
        // 3. Gzip cut short.
        cases.push({
          name: 'truncated gzip',
          headers: { ...json, 'content-encoding': 'gzip' },
          body: validGzip.subarray(0, int(validGzip.length - 1)),
          expect: 400,
        });
        // 4. Protobuf cut short or with a flipped byte.
        const proto = Buffer.from(validProto.subarray(0, 1 + int(validProto.length - 1)));
        cases.push({
          name: 'truncated protobuf',
          headers: { ...auth, 'content-type': 'application/x-protobuf' },
          body: proto,
          expect: 400,
        });
        // 5. Oversized bodies, plain and as gzip bombs.
        cases.push(
          i % 2
            ? { name: 'oversized', headers: json, body: Buffer.alloc(LIMIT + 1 + int(4096), 0x20), expect: 413 }
            : {
                name: 'gzip bomb',
                headers: { ...json, 'content-encoding': 'gzip' },
                body: gzipSync(Buffer.alloc(LIMIT * (2 + int(8)), 0x7b)),
                expect: 413,
              },
        );
        // 6. Wrong encodings.
        const enc = int(6);
        cases.push(
          [
            {
              name: 'unknown content-encoding',
              headers: { ...json, 'content-encoding': ['br', 'deflate', 'zstd'][int(3)] },
              body: validGzip,
              expect: 415,
            },
            {
              name: 'unsupported content-type',
              headers: { ...auth, 'content-type': ['text/plain', 'application/xml', 'multipart/form-data'][int(3)] },
              body: validJson,
              expect: 415,
            },
            { name: 'gzip claimed, plain sent', headers: { ...json, 'content-encoding': 'gzip' }, body: validJson, expect: 400 },
            { name: 'json sent as protobuf', headers: { ...auth, 'content-type': 'application/x-protobuf' }, body: validJson, expect: 400 },
            { name: 'utf-16 json', headers: json, body: Buffer.from('\ufeff' + validJson.toString(), 'utf16le'), expect: 400 },
            {
              name: 'latin-1 bytes',
              headers: json,
              body: Buffer.concat([Buffer.from('{"resourceLogs":[{"x":"'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('"}]}')]),
              expect: 400,
            },
          ][enc],
        );
        // 7. Wrong authentication.
        const a = int(6);
        const badAuth = [
          undefined,
          'Bearer ',
          `Bearer ${user.token}x`,
          `Basic ${Buffer.from('u:p').toString('base64')}`,
          `Bearer ${revoked.token}`,
          `Bearer ${expired.token}`,
        ][a];
        cases.push({
          name: 'wrong auth',
          headers: { 'content-type': 'application/json', ...(badAuth ? { authorization: badAuth } : {}) },
          body: validJson,
          expect: 401,
        });
        // 8. An admin token sending data.
        cases.push({
          name: 'admin token',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
          body: validJson,
          expect: 403,
        });
        // 9. Replays of stored batches, in every encoding.
        const slice = stored.slice(int(20), 20 + int(20));
        const r = int(3);
        cases.push(
          r === 0
            ? { name: 'replay json', headers: json, body: Buffer.from(otlpJson(slice)), expect: 200, rejected: 0 }
            : r === 1
              ? {
                  name: 'replay gzip',
                  headers: { ...json, 'content-encoding': 'gzip' },
                  body: gzipSync(otlpJson(slice)),
                  expect: 200,
                  rejected: 0,
                }
              : {
                  name: 'replay protobuf',
                  headers: { ...auth, 'content-type': 'application/x-protobuf' },
                  body: otlpProtobuf(slice),
                  expect: 200,
                  rejected: 0,
                },
        );
        // 10. Well-formed OTLP with events the service refuses, or bodies that are no events.
        cases.push(
          int(2)
            ? { name: 'refused events', headers: json, body: validJson, expect: 200, rejected: refusedBatch.length }
            : {
                name: 'invalid events',
                headers: json,
                expect: 200,
                rejected: 3,
                body: Buffer.from(
                  JSON.stringify({
                    resourceLogs: [
                      {
                        scopeLogs: [
                          {
                            logRecords: [
                              { body: { stringValue: '{"kind":"edit"}' } },
                              { body: { intValue: 5 } },
                              { body: { stringValue: 'not json' } },
                            ],
                          },
                        ],
                      },
                    ],
                  }),
                ),
              },
        );
        // 11. Valid JSON that is not an OTLP request.
        cases.push({
          name: 'wrong shape',
          headers: json,
          body: Buffer.from(JSON.stringify([{ resourceLogs: 1 }, 'x', { resourceLogs: [{ scopeLogs: 7 }] }, null][int(4)])),
          expect: 400,
        });
        // 12. Wrong method or path.
        cases.push(
          int(2)
            ? { name: 'wrong method', method: ['GET', 'PUT', 'DELETE'][int(3)], headers: auth, expect: 405 }
            : {
                name: 'unknown path',
                path: `/v1/${['traces', 'metrics', 'logs/x', '..%2f'][int(4)]}`,
                headers: json,
                body: validJson,
                expect: 404,
              },
        );
        // 13. Control-plane requests with bad bodies.
        cases.push({
          name: 'bad control body',
          path: ['/v1/exemptions', '/v1/deletions', '/v1/pauses'][int(3)],
          headers: json,
          body: Buffer.from(['{', '{"scope":{"kind":"nope"}}', '{"reason":5}', '{"id":"","from":-1}', 'null'][int(5)]),
          expect: 400,
        });
      }
      assert.ok(cases.length >= 13 * PER_KIND, `${cases.length} cases`);
      assert.ok(cases.length >= 10_000);

      const failures: string[] = [];
      const seen = new Map<string, number>();
      let resets = 0;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
      let next = 0;
      const worker = async () => {
        while (next < cases.length) {
          const c = cases[next++];
          let reply: { status: number; type: string; text: string };
          try {
            reply = await send(server.url, c, agent);
          } catch (e) {
            // A kept-alive socket may be closed by the server as it is reused: a client retries that.
            resets++;
            try {
              reply = await send(server.url, c, false);
            } catch (e2) {
              failures.push(`${c.name}: ${(e as Error).message} / ${(e2 as Error).message}`);
              continue;
            }
          }
          seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
          if (reply.status !== c.expect) failures.push(`${c.name}: ${reply.status} (expected ${c.expect}) ${reply.text.slice(0, 120)}`);
          else if (c.rejected !== undefined && reply.type === 'application/json') {
            const ps = (JSON.parse(reply.text) as { partialSuccess?: { rejectedLogRecords?: number } }).partialSuccess;
            if ((ps?.rejectedLogRecords ?? 0) !== c.rejected)
              failures.push(`${c.name}: rejected ${ps?.rejectedLogRecords ?? 0}, expected ${c.rejected}`);
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      agent.destroy();
      assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
      assert.equal(
        [...seen.values()].reduce((a, b) => a + b, 0),
        cases.length,
      );
      assert.ok(resets < cases.length / 100, `${resets} connection resets`);

      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 200);
      assert.equal(await store.countEvents(), baseline, 'nothing stored from bad requests');
      const ids: string[] = [];
      for await (const row of store.iterateEvents({})) ids.push(row.id);
      assert.deepEqual(ids.sort(), stored.map((e) => e.id).sort());
    });
  });
}
