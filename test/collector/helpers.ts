// Shared fixtures for the collection service tests: real SQLite files, a real PostgreSQL
// (fresh database per suite), events, OTLP encodings made by OpenTelemetry's own serializers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { JsonLogsSerializer, ProtobufLogsSerializer } from '@opentelemetry/otlp-transformer';
import { v7 as uuidv7 } from 'uuid';
import { toLogsRequest } from '@codetrail/protocol/internal/otlp';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { PostgresStore } from '@codetrail/collector/internal/store/postgres';
import { SqliteStore } from '@codetrail/collector/internal/store/sqlite';
import type { Store } from '@codetrail/collector/internal/store/store';

/** The PostgreSQL the tests must use; its absence is a failure, never a skip. */
export function pgUrl(): string {
  const url = process.env.CODETRAIL_TEST_PG_URL;
  if (!url) {
    throw new Error('CODETRAIL_TEST_PG_URL is not set: run `npm run test:collector` (it starts PostgreSQL via scripts/pg.sh)');
  }
  return url;
}

/** A new, empty database on the test server; dropped by the returned cleanup. */
export async function freshPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = pgUrl();
  const name = `ct_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  open(): Promise<{ store: Store; location: { dataDir?: string; databaseUrl?: string }; cleanup(): Promise<void> }>;
}

export const STORE_KINDS: StoreKind[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'codetrail-test-'));
      const store = new SqliteStore(join(dir, 'codetrail.db'));
      return {
        store,
        location: { dataDir: dir },
        cleanup: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      const db = await freshPgDatabase();
      const store = await PostgresStore.open(db.url);
      return {
        store,
        location: { databaseUrl: db.url },
        cleanup: async () => {
          await store.close();
          await db.drop();
        },
      };
    },
  },
];

export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

/** A session's events: start, a baseline, edits and cursor moves, each `stepMs` apart. */
export function sessionEvents(opts: {
  count: number;
  start?: number;
  stepMs?: number;
  workspace?: string;
  state?: TrajectoryEvent['consent']['state'];
  sessionId?: string;
  language?: string;
}): TrajectoryEvent[] {
  const sessionId = opts.sessionId ?? uuidv7();
  const start = opts.start ?? T0;
  const step = opts.stepMs ?? 1000;
  const consent = { state: opts.state ?? 'recording', policyVersion: 1 } as const;
  const out: TrajectoryEvent[] = [];
  for (let seq = 0; seq < opts.count; seq++) {
    const base = { schema: 1 as const, id: uuidv7(), sessionId, seq, time: start + seq * step, consent };
    if (seq === 0) {
      out.push({
        ...base,
        kind: 'session.start',
        workspace: opts.workspace ?? 'w-' + sessionId.slice(0, 8),
        client: { name: 'test', version: '1' },
      });
    } else if (seq % 3 === 0) {
      out.push({ ...base, kind: 'cursor', path: 'src/a.ts', line: seq, character: 2 });
    } else {
      out.push({
        ...base,
        kind: 'edit',
        path: 'src/a.ts',
        languageId: opts.language ?? 'typescript',
        diff: `@@ -1 +1 @@\n-line ${seq - 1}\n+line ${seq}\n`,
        beforeSha256: 'a'.repeat(64),
        afterSha256: 'b'.repeat(64),
        provenance: { label: 'typed', confidence: 0.9 },
        startTime: base.time - 10,
        changeCount: 1,
        cut: 'idle',
      });
    }
  }
  return out;
}

export function otlpJson(events: readonly TrajectoryEvent[]): string {
  return JSON.stringify(toLogsRequest(events, { name: 'codetrail-test', version: '1' }));
}

type SdkLogRecord = Parameters<typeof ProtobufLogsSerializer.serializeRequest>[0][number];

/** Log records as the OpenTelemetry SDK hands them to an exporter. */
function sdkRecords(events: readonly TrajectoryEvent[]): SdkLogRecord[] {
  const resource = { attributes: { 'service.name': 'codetrail-test' } };
  const scope = { name: 'codetrail', version: '1' };
  return events.map(
    (e) =>
      ({
        hrTime: [Math.floor(e.time / 1000), (e.time % 1000) * 1e6],
        hrTimeObserved: [Math.floor(e.time / 1000), (e.time % 1000) * 1e6],
        severityNumber: 9,
        eventName: 'codetrail.' + e.kind,
        body: JSON.stringify(e),
        resource,
        instrumentationScope: scope,
        attributes: {
          'codetrail.event.id': e.id,
          'codetrail.event.kind': e.kind,
          'codetrail.session.id': e.sessionId,
          'codetrail.event.seq': e.seq,
        },
        droppedAttributesCount: 0,
      }) as unknown as SdkLogRecord,
  );
}

/** ExportLogsServiceRequest in protobuf, encoded by OpenTelemetry's serializer. */
export function otlpProtobuf(events: readonly TrajectoryEvent[]): Buffer {
  return Buffer.from(ProtobufLogsSerializer.serializeRequest(sdkRecords(events))!);
}

/** ExportLogsServiceRequest in OTLP/JSON, encoded by OpenTelemetry's serializer. */
export function otlpSdkJson(events: readonly TrajectoryEvent[]): Buffer {
  return Buffer.from(JsonLogsSerializer.serializeRequest(sdkRecords(events))!);
}

export interface Reply {
  status: number;
  headers: Headers;
  body: string;
  json: () => unknown;
}

export async function request(
  url: string,
  opts: {
    method?: string;
    token?: string;
    body?: string | Buffer;
    type?: string;
    encoding?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.type) headers['content-type'] = opts.type;
  if (opts.encoding) headers['content-encoding'] = opts.encoding;
  const r = await fetch(url, { method: opts.method ?? (opts.body !== undefined ? 'POST' : 'GET'), headers, body: opts.body });
  const body = await r.text();
  return { status: r.status, headers: r.headers, body, json: () => JSON.parse(body) };
}

export function sendJson(base: string, token: string, events: readonly TrajectoryEvent[], gzip = false): Promise<Reply> {
  const body = otlpJson(events);
  return request(`${base}/v1/logs`, {
    token,
    type: 'application/json',
    body: gzip ? gzipSync(body) : body,
    ...(gzip ? { encoding: 'gzip' } : {}),
  });
}

export function postJson(url: string, token: string, value: unknown): Promise<Reply> {
  return request(url, { token, type: 'application/json', body: JSON.stringify(value) });
}

export { randomUUID };
