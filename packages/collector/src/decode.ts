// Request body → validated events: inflate (bounded), decode OTLP (JSON or protobuf),
// validate each record against the shared schema. Pure and synchronous, so it can run in
// worker threads: parsing then uses the other cores and never stalls the event loop.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { bodyOf, type OtlpLogRecord } from '@codetrail/protocol';
import { canonicalId, type TrajectoryEvent } from '@codetrail/protocol';
import { readEventJson } from './event-json';
import { ProtobufDecodeError, TooManyMessages, decodeLogsRequest } from './otlp/protobuf';
import type { EventRow } from './store/store';

/** What the store needs of one valid event, plus its JSON. */
export type ValidEvent = Pick<EventRow, 'id' | 'sessionId' | 'seq' | 'kind' | 'time' | 'consentState' | 'language'> & {
  /** The workspace hash a session.start carries. */
  startWorkspace: string | null;
  /** The event JSON to store: text, or its UTF-8 bytes once a decode worker has handed it over. */
  body: string | Uint8Array;
};

export interface DecodedBatch {
  received: number;
  events: ValidEvent[];
  invalid: number;
  firstInvalid?: string;
}

export type DecodeResult = { ok: true; batch: DecodedBatch } | { ok: false; status: 400 | 413; message: string };

export interface DecodeOptions {
  gzip: boolean;
  protobuf: boolean;
  /** Largest decompressed body. */
  limit: number;
  /** Most log records in one request. */
  maxRecords: number;
}

/**
 * Decoded messages (protobuf) or objects and arrays (JSON) a request may hold per log record
 * it is allowed: far above what any OTLP encoder writes (an SDK record with four attributes
 * is ten), far below what a small compressed body can expand into.
 */
export const MESSAGES_PER_RECORD = 32;

/** The request is not an OTLP logs request at all: answered with 400. */
export class BadRequest extends Error {}

const overBudget = (max: number): DecodeResult => ({
  ok: false,
  status: 413,
  message: `request holds more than ${max} log records; send at most ${max} log records per request`,
});

/** Decompressed this many times over, a body is counted before it is parsed (OTLP/JSON batches inflate 8–35×). */
export const SUSPICIOUS_RATIO = 40;

/**
 * Whether a JSON body needs counting before JSON.parse: one under two bytes per allowed
 * container cannot exceed the budget; a gzip body that inflated like real batches costs its
 * sender what it costs to parse (the count costs about a fifth of a parse, so batches as the
 * extension sends them skip it).
 */
export function mayHoldTooMany(decoded: number, sent: number, gzip: boolean, maxContainers: number): boolean {
  if (decoded < 2 * maxContainers) return false;
  return !gzip || decoded > SUSPICIOUS_RATIO * sent;
}

/**
 * Objects and arrays outside strings in a JSON text, counted only up to `limit + 1`: a cheap
 * bound taken before JSON.parse, which would otherwise build every one of them. Bytes are
 * scanned (UTF-8 continuation bytes are never ASCII); strings are skipped with indexOf.
 */
export function countJsonContainers(text: Buffer, limit: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === 0x22 /* " */) {
      let j = i;
      for (;;) {
        j = text.indexOf(0x22, j + 1);
        if (j < 0) return n; // unterminated: JSON.parse refuses it
        let slashes = 0;
        while (text[j - 1 - slashes] === 0x5c /* \ */) slashes++;
        if ((slashes & 1) === 0) break;
      }
      i = j;
    } else if ((c === 0x7b /* { */ || c === 0x5b) /* [ */ && ++n > limit) return n;
  }
  return n;
}
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The log records of a decoded request; throws BadRequest when its shape is wrong. */
export function logRecordsOf(req: unknown): OtlpLogRecord[] {
  if (!isObj(req)) throw new BadRequest('request is not an object');
  const out: OtlpLogRecord[] = [];
  const rls = req.resourceLogs ?? [];
  if (!Array.isArray(rls)) throw new BadRequest('resourceLogs is not an array');
  for (const rl of rls) {
    if (!isObj(rl)) throw new BadRequest('resourceLogs entry is not an object');
    const sls = rl.scopeLogs ?? [];
    if (!Array.isArray(sls)) throw new BadRequest('scopeLogs is not an array');
    for (const sl of sls) {
      if (!isObj(sl)) throw new BadRequest('scopeLogs entry is not an object');
      const lrs = sl.logRecords ?? [];
      if (!Array.isArray(lrs)) throw new BadRequest('logRecords is not an array');
      for (const lr of lrs) {
        if (!isObj(lr)) throw new BadRequest('log record is not an object');
        out.push(lr as OtlpLogRecord);
      }
    }
  }
  return out;
}

const UPPER_HEX = /[A-F]/;

function validEvent(parsed: TrajectoryEvent, text: string): ValidEvent {
  let e = parsed;
  let json = text;
  // An upper-cased id names the same event: it is stored, body included, in its one spelling.
  if (
    UPPER_HEX.test(e.id) ||
    UPPER_HEX.test(e.sessionId) ||
    ('afterEdit' in e && e.afterEdit !== undefined && UPPER_HEX.test(e.afterEdit))
  ) {
    e = { ...e, id: canonicalId(e.id), sessionId: canonicalId(e.sessionId) } as TrajectoryEvent;
    if ('afterEdit' in e && e.afterEdit !== undefined) e = { ...e, afterEdit: canonicalId(e.afterEdit) } as TrajectoryEvent;
    json = JSON.stringify(e);
  }
  return {
    id: e.id,
    sessionId: e.sessionId,
    seq: e.seq,
    kind: e.kind,
    time: e.time,
    consentState: e.consent.state,
    language: 'languageId' in e && typeof e.languageId === 'string' ? e.languageId : null,
    startWorkspace: e.kind === 'session.start' ? e.workspace : null,
    // Exactly the validated event: unknown fields a client adds never reach an export.
    body: json,
  };
}

export function validateRecords(records: readonly OtlpLogRecord[]): DecodedBatch {
  const events: ValidEvent[] = [];
  let invalid = 0;
  let firstInvalid: string | undefined;
  for (const rec of records) {
    const b = bodyOf(rec);
    if ('error' in b) {
      invalid++;
      firstInvalid ??= b.error;
      continue;
    }
    const v = readEventJson(b.json);
    if (!v.ok) {
      invalid++;
      firstInvalid ??= v.error;
      continue;
    }
    events.push(validEvent(v.event, v.json));
  }
  return { received: records.length, events, invalid, ...(firstInvalid !== undefined ? { firstInvalid } : {}) };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBatch(body: Uint8Array, opts: DecodeOptions): DecodeResult {
  let raw = body;
  if (opts.gzip) {
    try {
      // maxOutputLength stops a gzip bomb while it inflates, not after.
      // Output chunks sized to the expected result: fewer, larger pieces to join.
      const chunkSize = Math.min(1 << 20, Math.max(64 << 10, body.length * 16));
      raw = gunzipSync(body, { maxOutputLength: opts.limit, chunkSize });
    } catch (e) {
      const tooLarge = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError;
      return tooLarge
        ? { ok: false, status: 413, message: `decompressed body larger than ${opts.limit} bytes` }
        : { ok: false, status: 400, message: 'body is not valid gzip' };
    }
  }
  let decoded: unknown;
  const maxMessages = opts.maxRecords * MESSAGES_PER_RECORD;
  if (opts.protobuf) {
    try {
      decoded = decodeLogsRequest(raw, { maxRecords: opts.maxRecords, maxMessages });
    } catch (e) {
      if (e instanceof TooManyMessages) return overBudget(opts.maxRecords);
      if (e instanceof ProtobufDecodeError)
        return { ok: false, status: 400, message: `body is not an ExportLogsServiceRequest: ${e.message}` };
      throw e;
    }
  } else {
    if (mayHoldTooMany(raw.byteLength, body.byteLength, opts.gzip, maxMessages)) {
      const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      if (countJsonContainers(bytes, maxMessages) > maxMessages) return overBudget(opts.maxRecords);
    }
    let text: string;
    try {
      text = strictUtf8.decode(raw);
    } catch {
      return { ok: false, status: 400, message: 'body is not UTF-8' };
    }
    try {
      decoded = JSON.parse(text);
    } catch {
      return { ok: false, status: 400, message: 'body is not JSON' };
    }
  }
  try {
    const records = logRecordsOf(decoded);
    if (records.length > opts.maxRecords) return overBudget(opts.maxRecords);
    return { ok: true, batch: validateRecords(records) };
  } catch (e) {
    if (e instanceof BadRequest) return { ok: false, status: 400, message: e.message };
    throw e;
  }
}

type Columns = { [K in Exclude<keyof ValidEvent, 'body'>]: ValidEvent[K][] };

/**
 * A DecodeResult as a worker posts it: events as columns (which clone about twice as fast as
 * objects), and the bodies as one buffer of UTF-8 with their byte lengths, handed over without
 * a copy. The receiving thread never builds the bodies as strings: SQLite stores the bytes as
 * text directly, which spares the event loop a copy and a conversion per event.
 */
export type PackedResult =
  | { ok: true; received: number; invalid: number; firstInvalid?: string; cols: Columns; bodies: Uint8Array; lengths: Uint32Array }
  | { ok: false; status: 400 | 413; message: string };

export function packResult(r: DecodeResult): PackedResult {
  if (!r.ok) return r;
  const e = r.batch.events;
  const n = e.length;
  const cols: Columns = {
    id: new Array(n),
    sessionId: new Array(n),
    seq: new Array(n),
    kind: new Array(n),
    time: new Array(n),
    consentState: new Array(n),
    language: new Array(n),
    startWorkspace: new Array(n),
  };
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = e[i];
    cols.id[i] = v.id;
    cols.sessionId[i] = v.sessionId;
    cols.seq[i] = v.seq;
    cols.kind[i] = v.kind;
    cols.time[i] = v.time;
    cols.consentState[i] = v.consentState;
    cols.language[i] = v.language;
    cols.startWorkspace[i] = v.startWorkspace;
    total += typeof v.body === 'string' ? Buffer.byteLength(v.body, 'utf8') : v.body.byteLength;
  }
  // A zeroed buffer with an ArrayBuffer of its own (never a slice of Node's shared pool, so it
  // can be transferred); each length is what was actually written.
  const bodies = Buffer.from(new Uint8Array(total).buffer);
  const lengths = new Uint32Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const b = e[i].body;
    lengths[i] = typeof b === 'string' ? bodies.write(b, at, 'utf8') : (bodies.set(b, at), b.byteLength);
    at += lengths[i];
  }
  const { received, invalid, firstInvalid } = r.batch;
  return { ok: true, received, invalid, ...(firstInvalid !== undefined ? { firstInvalid } : {}), cols, bodies, lengths };
}

/** The buffers a packed result hands over instead of copying. */
export function transferablesOf(p: PackedResult): ArrayBuffer[] {
  return p.ok ? [p.bodies.buffer as ArrayBuffer, p.lengths.buffer as ArrayBuffer] : [];
}

export function unpackResult(p: PackedResult): DecodeResult {
  if (!p.ok) return p;
  const c = p.cols;
  const events: ValidEvent[] = new Array(c.id.length);
  const buffer = p.bodies.buffer;
  let at = p.bodies.byteOffset;
  for (let i = 0; i < events.length; i++) {
    const body = Buffer.from(buffer, at, p.lengths[i]);
    at += p.lengths[i];
    events[i] = {
      id: c.id[i],
      sessionId: c.sessionId[i],
      seq: c.seq[i],
      kind: c.kind[i],
      time: c.time[i],
      consentState: c.consentState[i],
      language: c.language[i],
      startWorkspace: c.startWorkspace[i],
      body,
    };
  }
  return {
    ok: true,
    batch: { received: p.received, events, invalid: p.invalid, ...(p.firstInvalid !== undefined ? { firstInvalid: p.firstInvalid } : {}) },
  };
}

interface Job {
  resolve: (r: DecodeResult) => void;
  reject: (e: Error) => void;
}

/** Worker threads running decodeBatch; with size 0 it decodes on the calling thread. */
export class DecodePool {
  private readonly workers: { worker: Worker; jobs: Map<number, Job> }[] = [];
  private nextId = 0;
  private closed = false;

  // One core stays with the event loop and the store; the others decode.
  constructor(readonly size = Math.max(1, Math.min(4, availableParallelism() - 1))) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  private spawn(): { worker: Worker; jobs: Map<number, Job> } {
    const worker = new Worker(join(__dirname, 'decode-worker.js'));
    const slot = { worker, jobs: new Map<number, Job>() };
    worker.on('message', (m: { id: number; result?: PackedResult; error?: string }) => {
      const job = slot.jobs.get(m.id);
      if (!job) return;
      slot.jobs.delete(m.id);
      if (m.result) job.resolve(unpackResult(m.result));
      else job.reject(new Error(m.error ?? 'decode failed'));
    });
    const fail = (err: Error) => {
      for (const job of slot.jobs.values()) job.reject(err);
      slot.jobs.clear();
      if (this.closed) return;
      // A dead worker is replaced; its requests were answered 503 through the rejection.
      const i = this.workers.indexOf(slot);
      if (i >= 0) this.workers[i] = this.spawn();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`decode worker exited ${code}`));
    });
    worker.unref();
    return slot;
  }

  decode(body: Uint8Array, opts: DecodeOptions): Promise<DecodeResult> {
    if (this.size === 0) {
      try {
        return Promise.resolve(decodeBatch(body, opts));
      } catch (e) {
        return Promise.reject(e as Error);
      }
    }
    // The least busy worker takes the job.
    const slot = this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ id, body, opts });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
