// The collection service's HTTP front: OTLP/HTTP logs ingest plus the consent control plane.
// Every failure has a status and an answer; no input may crash or hang it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { OtlpLogsResponse } from '@codetrail/protocol';
import { ADMIN_PATH, adminUi } from './admin-ui/serve';
import { Authenticator } from './auth';
import { DEFAULT_TIME_BOUNDS, type TimeBounds } from './consent';
import {
  DecisionBody,
  DeletionRequestBody,
  ExemptionRequestBody,
  NotEligible,
  PauseBody,
  canRequestExemption,
  decideExemption,
  reportPause,
  requestDeletion,
  requestExemption,
  runJobs,
} from './controlplane';
import { DecodePool } from './decode';
import { ingest, refusalMessage } from './ingest';
import { silentLogger, type Logger } from './log';
import { Metrics, routeOf } from './metrics';
import { encodeLogsResponse, encodeStatus } from './otlp/protobuf';
import type { Policy, Store, TokenRecord } from './store/store';

export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
/** Log records one ingest request may hold (the extension sends at most 500). */
export const DEFAULT_MAX_RECORDS = 5000;
const CONTROL_BODY_BYTES = 64 * 1024;

export interface CollectorOptions {
  store: Store;
  port?: number;
  host?: string;
  logger?: Logger;
  /** Largest accepted request body as sent (OTLP: 413 above it). */
  maxBodyBytes?: number;
  /** Largest body once gzip is undone (413 above it); default maxBodyBytes. */
  maxDecodedBytes?: number;
  /** Most log records in one request (413 above it). */
  maxRecordsPerRequest?: number;
  /** How far an event's own time may be from the server's clock. */
  timeBounds?: TimeBounds;
  /** Also publish the process's own metrics (CPU, memory, event loop); one collector per process should. */
  processMetrics?: boolean;
  /** Ingest requests handled at once; more get 429 with Retry-After. */
  maxInFlight?: number;
  tokenCacheMs?: number;
  policyCacheMs?: number;
  /** How often this process runs deletion and retention; 0: never. */
  jobIntervalMs?: number;
  /** A request not received in full within this is answered 408. */
  requestTimeoutMs?: number;
  /** Worker threads decoding and validating bodies; 0 decodes on the event loop. */
  decodeWorkers?: number;
  clock?: () => number;
}

export interface RunningCollector {
  url: string;
  port: number;
  metrics: Metrics;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const RPC_CODE: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 405: 12, 408: 4, 413: 8, 415: 3, 429: 8, 500: 13, 503: 14 };

type Encoding = 'json' | 'protobuf';

const TIMEOUT_MESSAGE = 'the request was not received in full in time; send it again';

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, `body larger than ${limit} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new HttpError(413, `body larger than ${limit} bytes`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks, size));
    });
    req.on('error', (e) => {
      if (failed) return;
      failed = true;
      const timedOut = (e as NodeJS.ErrnoException).code === 'ERR_HTTP_REQUEST_TIMEOUT';
      reject(timedOut ? new HttpError(408, TIMEOUT_MESSAGE) : new HttpError(400, `body could not be read: ${e.message}`));
    });
    // The connection went away or timed out before the body was complete: nothing was taken.
    req.on('aborted', () => {
      if (!failed) {
        failed = true;
        reject(new HttpError(408, TIMEOUT_MESSAGE));
      }
    });
  });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function parseJsonBody(buf: Buffer): unknown {
  let text: string;
  try {
    text = strictUtf8.decode(buf);
  } catch {
    throw new HttpError(400, 'body is not UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body is not JSON');
  }
}

export async function startCollector(opts: CollectorOptions): Promise<RunningCollector> {
  const store = opts.store;
  const log = opts.logger ?? silentLogger;
  const clock = opts.clock ?? Date.now;
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxDecoded = opts.maxDecodedBytes ?? maxBody;
  const maxRecords = opts.maxRecordsPerRequest ?? DEFAULT_MAX_RECORDS;
  const timeBounds = opts.timeBounds ?? DEFAULT_TIME_BOUNDS;
  const maxInFlight = opts.maxInFlight ?? 16;
  const policyCacheMs = opts.policyCacheMs ?? 2000;
  const auth = new Authenticator(store, opts.tokenCacheMs ?? 5000, clock);
  const serveAdminUi = adminUi();
  let inFlight = 0;
  const metrics = new Metrics(() => inFlight, opts.processMetrics === true);
  const decoder = new DecodePool(opts.decodeWorkers);
  // A store whose calls block the event loop (SQLite) takes one ingest per loop turn: between
  // two inserts the loop reads new requests and hands them to the decode workers, which would
  // otherwise sit idle while a burst of decoded batches is written back to back.
  let lane: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(fn: () => Promise<T>): Promise<T> => {
    if (!store.blocking) return fn();
    const run = lane.then(() => new Promise<void>((r) => setImmediate(r))).then(fn);
    lane = run.catch(() => undefined);
    return run;
  };

  let policyCache: { policy: Policy; at: number } | null = null;
  const policy = async (): Promise<Policy> => {
    const now = clock();
    if (!policyCache || now - policyCache.at >= policyCacheMs) policyCache = { policy: await store.getPolicy(), at: now };
    return policyCache.policy;
  };

  const send = (res: ServerResponse, status: number, body: string | Uint8Array, type: string, headers: Record<string, string> = {}) => {
    if (res.headersSent) return;
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  };
  const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) =>
    send(res, status, JSON.stringify(value), 'application/json', headers);
  const fail = (req: IncomingMessage, res: ServerResponse, e: HttpError, enc: Encoding) => {
    const code = RPC_CODE[e.status] ?? 2;
    // A connection whose request body was left unread cannot carry another request.
    const headers = req.complete ? e.headers : { ...e.headers, Connection: 'close' };
    if (enc === 'protobuf') send(res, e.status, encodeStatus(code, e.message), 'application/x-protobuf', headers);
    else json(res, e.status, { code, message: e.message }, headers);
  };

  const authenticate = async (req: IncomingMessage, role: 'user' | 'admin'): Promise<TokenRecord> => {
    const r = await auth.authenticate(req.headers.authorization);
    if (!r.ok) {
      metrics.authFailures.labels(r.reason).inc();
      throw new HttpError(401, `authentication failed: ${r.reason} token`, { 'WWW-Authenticate': 'Bearer' });
    }
    if ((role === 'admin') !== r.token.admin) {
      metrics.authFailures.labels('role').inc();
      throw new HttpError(403, role === 'admin' ? 'an admin token is required' : 'admin tokens cannot send user requests');
    }
    return r.token;
  };

  const controlBody = async <T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.infer<T>> => {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') throw new HttpError(415, 'content-type must be application/json');
    const parsed = schema.safeParse(parseJsonBody(await readBody(req, CONTROL_BODY_BYTES)));
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new HttpError(400, `${i.path.join('.') || 'body'}: ${i.message}`);
    }
    return parsed.data;
  };

  async function handleLogs(req: IncomingMessage, res: ServerResponse): Promise<Encoding> {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const enc: Encoding = type === 'application/x-protobuf' ? 'protobuf' : 'json';
    if (inFlight >= maxInFlight) {
      metrics.overload.inc();
      throw Object.assign(new HttpError(429, 'too many requests in flight', { 'Retry-After': '1' }), { enc });
    }
    inFlight++;
    try {
      const token = await authenticate(req, 'user');
      if (type !== 'application/json' && type !== 'application/x-protobuf') {
        throw new HttpError(415, 'content-type must be application/json or application/x-protobuf');
      }
      const ce = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
      if (ce !== 'gzip' && ce !== 'identity') throw new HttpError(415, 'content-encoding must be gzip or identity');
      const body = await readBody(req, maxBody);
      const decoded = await decoder.decode(body, { gzip: ce === 'gzip', protobuf: enc === 'protobuf', limit: maxDecoded, maxRecords });
      if (!decoded.ok) throw new HttpError(decoded.status, decoded.message);
      const p = await policy();
      let storedAt = 0;
      const r = await inTurn(async () => {
        const out = await ingest(store, token.userId!, decoded.batch, p, clock(), timeBounds);
        storedAt = clock();
        return out;
      });
      metrics.received.inc(r.received);
      metrics.accepted.inc(r.accepted + r.released.accepted);
      metrics.duplicates.inc(r.duplicates);
      metrics.held.inc(r.held);
      for (const counts of [r.reasons, r.released.reasons]) {
        for (const [reason, n] of Object.entries(counts)) metrics.reject(reason as keyof typeof counts, n ?? 0);
      }
      metrics.ingestLatency.observeAll(r.storedTimes.map((t) => Math.max(0, storedAt - t) / 1000));
      log.log('info', 'ingest', {
        user: token.userId,
        tokenId: token.id,
        received: r.received,
        accepted: r.accepted,
        duplicates: r.duplicates,
        rejected: r.rejected,
        reasons: r.reasons,
        held: r.held,
        released: r.released,
      });
      const response: OtlpLogsResponse = {};
      if (r.rejected) response.partialSuccess = { rejectedLogRecords: r.rejected, errorMessage: refusalMessage(r) };
      if (enc === 'protobuf') send(res, 200, encodeLogsResponse(response), 'application/x-protobuf');
      else json(res, 200, response);
      return enc;
    } finally {
      inFlight--;
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    const method = req.method ?? 'GET';
    const now = clock();
    if (path === '/healthz' && method === 'GET') return json(res, 200, { ok: true, store: store.kind });
    if (path === '/metrics' && method === 'GET') return send(res, 200, await metrics.render(), metrics.contentType);
    if (path === '/v1/policy' && method === 'GET') {
      const t = await authenticate(req, 'user');
      const p = await store.getPolicy();
      const [exemptions, excluded, pauses] = await Promise.all([
        store.listExemptions({ userId: t.userId! }),
        store.listExcludedWorkspaces(),
        store.listPauses(t.userId!, now),
      ]);
      return json(res, 200, {
        // The editor measures its clock against this, and shows pauses begun on the user's other machines.
        serverTime: now,
        pauses: pauses.map((x) => ({ id: x.id, from: x.from, until: x.until })),
        version: p.version,
        pauseMinutes: p.pauseMinutes,
        excludedGlobs: p.excludedGlobs,
        whilePending: p.whilePending,
        workspaceSalt: p.workspaceSalt,
        excludedWorkspaces: excluded.map((w) => w.hash),
        retentionDays: p.retentionDays,
        canRequestExemption: await canRequestExemption(store, p, t.userId!),
        exemptions: exemptions.map((e) => ({
          id: e.id,
          status: e.status,
          scope: e.scope,
          requestedAt: e.requestedAt,
          decidedAt: e.decidedAt,
          note: e.note,
        })),
      });
    }
    if (path === '/v1/pauses' && method === 'POST') {
      const t = await authenticate(req, 'user');
      const b = await controlBody(req, PauseBody);
      const kept = await reportPause(store, t.userId!, b, now);
      metrics.pausesReported.inc();
      // The pause as kept: its start fixed by the first report, its end never before now.
      return json(res, 200, { id: kept.id, from: kept.from, until: kept.until });
    }
    if (path === '/v1/exemptions') {
      const t = await authenticate(req, 'user');
      if (method === 'GET') return json(res, 200, { exemptions: await store.listExemptions({ userId: t.userId! }) });
      if (method === 'POST') {
        const b = await controlBody(req, ExemptionRequestBody);
        try {
          const e = await requestExemption(store, t.userId!, b, now);
          log.log('info', 'exemption requested', { user: t.userId, exemption: e.id, scope: e.scope.kind });
          return json(res, 201, e);
        } catch (err) {
          if (err instanceof NotEligible) return json(res, 403, { code: 7, error: 'not-eligible', message: err.message });
          throw err;
        }
      }
    }
    if (path === '/v1/deletions') {
      const t = await authenticate(req, 'user');
      if (method === 'GET') return json(res, 200, { deletions: await store.listDeletions(t.userId!) });
      if (method === 'POST') {
        const b = await controlBody(req, DeletionRequestBody);
        const d = await requestDeletion(store, t.userId!, b, `user:${t.userId}`, now);
        log.log('info', 'deletion requested', { user: t.userId, deletion: d.id, scope: d.scope.kind, tombstoned: d.tombstoned });
        return json(res, 202, d);
      }
    }
    const del = /^\/v1\/deletions\/([A-Za-z0-9-]{1,64})$/.exec(path);
    if (del && method === 'GET') {
      const t = await authenticate(req, 'user');
      const d = await store.getDeletion(del[1].toLowerCase());
      if (!d || d.userId !== t.userId) throw new HttpError(404, 'no such deletion request');
      return json(res, 200, d);
    }
    if (path === '/v1/admin/exemptions' && method === 'GET') {
      await authenticate(req, 'admin');
      const status = query.get('status');
      const filter = status === 'pending' || status === 'approved' || status === 'denied' ? ({ status } as const) : {};
      return json(res, 200, { exemptions: await store.listExemptions(filter) });
    }
    const dec = /^\/v1\/admin\/exemptions\/([A-Za-z0-9-]{1,64})\/decision$/.exec(path);
    if (dec && method === 'POST') {
      const t = await authenticate(req, 'admin');
      const b = await controlBody(req, DecisionBody);
      const e = await decideExemption(store, dec[1], b.decision, b.note, `admin:${t.label || t.id}`, now);
      if (!e) throw new HttpError(404, 'no pending exemption with that id');
      log.log('info', 'exemption decided', { exemption: e.id, status: e.status });
      return json(res, 200, e);
    }
    if (path === '/v1/admin/stats' && method === 'GET') {
      await authenticate(req, 'admin');
      const num = (k: string) => (query.has(k) && Number.isFinite(Number(query.get(k))) ? Number(query.get(k)) : undefined);
      return json(res, 200, await store.stats({ from: num('from'), until: num('until') }));
    }
    if (path === '/v1/admin/audit' && method === 'GET') {
      await authenticate(req, 'admin');
      return json(res, 200, { audit: await store.listAudit(Math.min(1000, Number(query.get('limit') ?? 100) || 100)) });
    }
    if (path === '/v1/admin/deletions' && method === 'GET') {
      await authenticate(req, 'admin');
      return json(res, 200, { deletions: await store.listDeletions() });
    }
    if (path === ADMIN_PATH || path.startsWith(`${ADMIN_PATH}/`)) return serveAdminUi(req, res, path);
    if (path === '/v1/admin/jobs' && method === 'POST') {
      const t = await authenticate(req, 'admin');
      return json(res, 200, await runJobs(store, `admin:${t.label || t.id}`, now));
    }
    const known = ['/healthz', '/metrics', '/v1/logs', '/v1/policy', '/v1/pauses', '/v1/exemptions', '/v1/deletions'];
    if (known.includes(path) || del || dec || path.startsWith('/v1/admin/')) throw new HttpError(405, 'method not allowed');
    throw new HttpError(404, 'not found');
  }

  const requestTimeout = opts.requestTimeoutMs ?? 30_000;
  // Timeouts are checked this often; by default Node checks every 30 s whatever the timeout.
  const server = createServer({ connectionsCheckingInterval: Math.max(100, Math.min(5_000, requestTimeout / 4)) }, async (req, res) => {
    const started = performance.now();
    let enc: Encoding = 'json';
    let path = '/';
    try {
      const url = new URL(req.url ?? '/', 'http://collector');
      path = url.pathname;
      if (path === '/v1/logs' && req.method === 'POST') enc = await handleLogs(req, res);
      else if (path === '/v1/logs') throw new HttpError(405, 'method not allowed');
      else await route(req, res, path, url.searchParams);
    } catch (e) {
      if (e instanceof HttpError) {
        enc =
          (e as HttpError & { enc?: Encoding }).enc ??
          ((req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-protobuf') ? 'protobuf' : 'json');
        fail(req, res, e, enc);
      } else {
        // The store is down or overloaded: the client should retry later, not drop data.
        log.log('error', 'request failed', { path, error: (e as Error).message });
        fail(req, res, new HttpError(503, 'service unavailable', { 'Retry-After': '5' }), enc);
      }
    } finally {
      if (!res.writableEnded && !res.headersSent) fail(req, res, new HttpError(500, 'no response'), enc);
      const route = routeOf(path);
      metrics.httpRequests.labels(route, String(res.statusCode)).inc();
      metrics.httpDuration.labels(route).observe((performance.now() - started) / 1000);
    }
  });
  server.requestTimeout = requestTimeout;
  server.headersTimeout = Math.min(server.requestTimeout, 10_000);
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // A request that stalls (headers or body) is answered 408, which clients retry; one that
    // cannot be parsed, 400.
    const timedOut = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    metrics.clientErrors.labels(timedOut ? 'timeout' : 'malformed').inc();
    const inFlightResponse = (socket as unknown as { _httpMessage?: ServerResponse })._httpMessage;
    if (!socket.writable || inFlightResponse?.headersSent) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(
      timedOut ? { code: RPC_CODE[408], message: TIMEOUT_MESSAGE } : { code: RPC_CODE[400], message: 'malformed HTTP request' },
    );
    socket.end(
      `HTTP/1.1 ${timedOut ? '408 Request Timeout' : '400 Bad Request'}\r\nConnection: close\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4318, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}`;

  let timer: NodeJS.Timeout | undefined;
  const interval = opts.jobIntervalMs ?? 60_000;
  if (interval > 0) {
    timer = setInterval(() => {
      runJobs(store, 'job', clock())
        .then((r) => {
          if (r.deletionsCompleted || r.retentionPurged || r.heldDropped || r.partitionsCreated.length) log.log('info', 'jobs', { ...r });
        })
        .catch((e: Error) => log.log('error', 'jobs failed', { error: e.message }));
    }, interval);
    timer.unref();
  }
  log.log('info', 'listening', { url, store: store.kind });

  return {
    url,
    port,
    metrics,
    close: () =>
      new Promise<void>((resolve) => {
        if (timer) clearInterval(timer);
        server.close(() => {
          decoder.close().then(
            () => resolve(),
            () => resolve(),
          );
        });
        server.closeAllConnections();
      }),
  };
}
