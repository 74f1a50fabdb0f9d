// Shared fixtures for the send tests: valid events, temporary folders, a dead pid, and a
// scriptable OTLP/HTTP server on 127.0.0.1.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION, type TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import type { OtlpLogsRequest } from '@codetrail/protocol/internal/otlp';

export function cursorEvent(sessionId: string, seq: number, time = 1_700_000_000_000 + seq, pad = 0): TrajectoryEvent {
  return {
    schema: SCHEMA_VERSION,
    id: uuidv7(),
    sessionId,
    seq,
    time,
    consent: { state: 'recording', policyVersion: 1 },
    kind: 'cursor',
    path: pad ? 'src/' + 'x'.repeat(pad) + '.ts' : 'src/a.ts',
    line: seq,
    character: 0,
  };
}

export async function tempDir(prefix = 'ct-send-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A pid that certainly belongs to no running process (a child that already exited). */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: OtlpLogsRequest | undefined;
  events: TrajectoryEvent[];
  at: number;
}

export type Script = (req: ReceivedRequest, res: ServerResponse, n: number) => void;

export interface ScriptedServer {
  url: string;
  requests: ReceivedRequest[];
  /** Events of every request answered 200 (what a real service would have stored). */
  accepted: TrajectoryEvent[];
  setScript(s: Script): void;
  close(): Promise<void>;
}

export function eventsOf(body: OtlpLogsRequest | undefined): TrajectoryEvent[] {
  const out: TrajectoryEvent[] = [];
  for (const rl of body?.resourceLogs ?? [])
    for (const sl of rl.scopeLogs) for (const r of sl.logRecords) out.push(JSON.parse(r.body?.stringValue as string) as TrajectoryEvent);
  return out;
}

export function ok(res: ServerResponse, body: object = {}): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function scriptedServer(initial: Script = (_r, res) => ok(res)): Promise<ScriptedServer> {
  let script = initial;
  const requests: ReceivedRequest[] = [];
  const accepted: TrajectoryEvent[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let raw = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
      let body: OtlpLogsRequest | undefined;
      try {
        body = JSON.parse(raw.toString('utf8')) as OtlpLogsRequest;
      } catch {
        body = undefined;
      }
      const rec: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        events: eventsOf(body),
        at: Date.now(),
      };
      requests.push(rec);
      const origWriteHead = res.writeHead.bind(res);
      res.writeHead = ((status: number, ...rest: unknown[]) => {
        if (status === 200) accepted.push(...rec.events);
        return (origWriteHead as (...a: unknown[]) => ServerResponse)(status, ...rest);
      }) as typeof res.writeHead;
      script(rec, res, requests.length);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    setScript: (s) => (script = s),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export { waitFor } from '../../support/wait';
