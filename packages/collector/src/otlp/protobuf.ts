// OTLP/HTTP protobuf for logs, on the OpenTelemetry project's own wire reader and writer
// (@opentelemetry/otlp-transformer, pinned exactly). The 0.223 line no longer ships a
// generated protobuf root, so this maps the logs messages' field numbers onto its reader;
// tests check it against the same package's request serializer.
import { ProtobufReader } from '@opentelemetry/otlp-transformer/build/src/common/protobuf/protobuf-reader';
import { ProtobufWriter } from '@opentelemetry/otlp-transformer/build/src/common/protobuf/protobuf-writer';
import type { OtlpAnyValue, OtlpKeyValue, OtlpLogRecord, OtlpLogsRequest, OtlpLogsResponse } from '@codetrail/protocol';

const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;
/** AnyValue may nest arrays and maps; a bound keeps hostile input from exhausting the stack. */
const MAX_DEPTH = 32;

export class ProtobufDecodeError extends Error {}

/** The request holds more log records, or more messages, than one request may. */
export class TooManyMessages extends Error {}

export interface DecodeBudget {
  maxRecords: number;
  /** Messages of any kind (resources, scopes, records, attributes, values). */
  maxMessages: number;
}

/**
 * Counts of the request being decoded (decoding is synchronous, one request at a time per
 * thread): checked as each message is met, so an empty record costs two bytes of input and
 * nothing more once the budget is spent.
 */
let budget = { records: 0, messages: 0, maxRecords: Infinity, maxMessages: Infinity };

type Field = { field: number; wire: number };

class Reader {
  private readonly r: ProtobufReader;
  constructor(private readonly buf: Uint8Array) {
    this.r = new ProtobufReader(buf);
  }
  atEnd(): boolean {
    return this.r.isAtEnd();
  }
  tag(): Field {
    const t = this.r.readTag();
    if (t.fieldNumber === 0) throw new ProtobufDecodeError('field number 0');
    return { field: t.fieldNumber, wire: t.wireType };
  }
  expect(f: Field, wire: number): void {
    if (f.wire !== wire) throw new ProtobufDecodeError(`field ${f.field}: wire type ${f.wire}, expected ${wire}`);
  }
  varint(): number {
    return this.r.readVarint();
  }
  bytes(): Uint8Array {
    return this.r.readBytes();
  }
  string(): string {
    return utf8.decode(this.r.readBytes());
  }
  fixed64(): bigint {
    this.need(8);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.r.pos, 8).getBigUint64(0, true);
    this.r.pos += 8;
    return v;
  }
  double(): number {
    this.need(8);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.r.pos, 8).getFloat64(0, true);
    this.r.pos += 8;
    return v;
  }
  skip(wire: number): void {
    if (wire === I64) this.need(8);
    if (wire === I32) this.need(4);
    try {
      this.r.skip(wire);
    } catch (e) {
      throw new ProtobufDecodeError((e as Error).message);
    }
  }
  private need(n: number): void {
    if (this.r.pos + n > this.buf.length) throw new ProtobufDecodeError('truncated fixed-width field');
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function messages<T>(buf: Uint8Array, read: (r: Reader, f: Field) => boolean, done: () => T): T {
  if (++budget.messages > budget.maxMessages) throw new TooManyMessages(`more than ${budget.maxMessages} messages`);
  const r = new Reader(buf);
  while (!r.atEnd()) {
    const f = r.tag();
    if (!read(r, f)) r.skip(f.wire);
  }
  return done();
}

function anyValue(buf: Uint8Array, depth: number): OtlpAnyValue {
  if (depth > MAX_DEPTH) throw new ProtobufDecodeError('AnyValue nested too deeply');
  const out: OtlpAnyValue = {};
  return messages(
    buf,
    (r, f) => {
      switch (f.field) {
        case 1:
          r.expect(f, LEN);
          out.stringValue = r.string();
          return true;
        case 2:
          r.expect(f, VARINT);
          out.boolValue = r.varint() !== 0;
          return true;
        case 3:
          r.expect(f, VARINT);
          out.intValue = String(r.varint());
          return true;
        case 4:
          r.expect(f, I64);
          out.doubleValue = r.double();
          return true;
        case 5:
          r.expect(f, LEN);
          out.arrayValue = { values: repeated(r.bytes(), 1, (b) => anyValue(b, depth + 1)) };
          return true;
        case 6:
          r.expect(f, LEN);
          out.kvlistValue = { values: repeated(r.bytes(), 1, (b) => keyValue(b, depth + 1)) };
          return true;
        case 7:
          r.expect(f, LEN);
          out.bytesValue = Buffer.from(r.bytes()).toString('base64');
          return true;
        default:
          return false;
      }
    },
    () => out,
  );
}

function repeated<T>(buf: Uint8Array, field: number, decode: (b: Uint8Array) => T): T[] {
  const out: T[] = [];
  return messages(
    buf,
    (r, f) => {
      if (f.field !== field) return false;
      r.expect(f, LEN);
      out.push(decode(r.bytes()));
      return true;
    },
    () => out,
  );
}

function keyValue(buf: Uint8Array, depth: number): OtlpKeyValue {
  const kv: OtlpKeyValue = { key: '', value: {} };
  return messages(
    buf,
    (r, f) => {
      if (f.field === 1) {
        r.expect(f, LEN);
        kv.key = r.string();
        return true;
      }
      if (f.field === 2) {
        r.expect(f, LEN);
        kv.value = anyValue(r.bytes(), depth + 1);
        return true;
      }
      return false;
    },
    () => kv,
  );
}

function attributesOf(buf: Uint8Array, field: number): OtlpKeyValue[] {
  return repeated(buf, field, (b) => keyValue(b, 0));
}

function logRecord(buf: Uint8Array): OtlpLogRecord {
  const rec: OtlpLogRecord = {};
  const attrs: OtlpKeyValue[] = [];
  return messages(
    buf,
    (r, f) => {
      switch (f.field) {
        case 1:
          r.expect(f, I64);
          rec.timeUnixNano = r.fixed64().toString();
          return true;
        case 11:
          r.expect(f, I64);
          rec.observedTimeUnixNano = r.fixed64().toString();
          return true;
        case 2:
          r.expect(f, VARINT);
          rec.severityNumber = r.varint();
          return true;
        case 5:
          r.expect(f, LEN);
          rec.body = anyValue(r.bytes(), 0);
          return true;
        case 6:
          r.expect(f, LEN);
          attrs.push(keyValue(r.bytes(), 0));
          return true;
        case 12:
          r.expect(f, LEN);
          rec.eventName = r.string();
          return true;
        default:
          return false;
      }
    },
    () => (attrs.length ? { ...rec, attributes: attrs } : rec),
  );
}

type ScopeLogs = OtlpLogsRequest['resourceLogs'][number]['scopeLogs'][number];
type ResourceLogs = OtlpLogsRequest['resourceLogs'][number];

function scopeLogs(buf: Uint8Array): ScopeLogs {
  const out: ScopeLogs = { logRecords: [] };
  return messages(
    buf,
    (r, f) => {
      if (f.field === 1) {
        r.expect(f, LEN);
        const scope: { name?: string; version?: string } = {};
        messages(
          r.bytes(),
          (s, g) => {
            if (g.field === 1) {
              s.expect(g, LEN);
              scope.name = s.string();
              return true;
            }
            if (g.field === 2) {
              s.expect(g, LEN);
              scope.version = s.string();
              return true;
            }
            return false;
          },
          () => undefined,
        );
        out.scope = scope;
        return true;
      }
      if (f.field === 2) {
        r.expect(f, LEN);
        if (++budget.records > budget.maxRecords) throw new TooManyMessages(`more than ${budget.maxRecords} log records`);
        out.logRecords.push(logRecord(r.bytes()));
        return true;
      }
      return false;
    },
    () => out,
  );
}

function resourceLogs(buf: Uint8Array): ResourceLogs {
  const out: ResourceLogs = { scopeLogs: [] };
  return messages(
    buf,
    (r, f) => {
      if (f.field === 1) {
        r.expect(f, LEN);
        out.resource = { attributes: attributesOf(r.bytes(), 1) };
        return true;
      }
      if (f.field === 2) {
        r.expect(f, LEN);
        out.scopeLogs.push(scopeLogs(r.bytes()));
        return true;
      }
      return false;
    },
    () => out,
  );
}

/** Decodes an ExportLogsServiceRequest into the same shape as its OTLP/JSON form. */
export function decodeLogsRequest(
  buf: Uint8Array,
  limits: DecodeBudget = { maxRecords: Infinity, maxMessages: Infinity },
): OtlpLogsRequest {
  budget = { records: 0, messages: 0, ...limits };
  try {
    return { resourceLogs: repeated(buf, 1, resourceLogs) };
  } catch (e) {
    if (e instanceof ProtobufDecodeError || e instanceof TooManyMessages) throw e;
    // The reader throws plain Errors on truncation; invalid UTF-8 throws a TypeError.
    throw new ProtobufDecodeError((e as Error).message);
  }
}

/** Encodes an ExportLogsServiceResponse. */
export function encodeLogsResponse(res: OtlpLogsResponse): Uint8Array {
  const w = new ProtobufWriter(64);
  const ps = res.partialSuccess;
  if (ps) {
    w.writeTag(1, LEN);
    const start = w.startLengthDelimited();
    const at = w.pos;
    const n = Number(ps.rejectedLogRecords ?? 0);
    if (n) {
      w.writeTag(1, VARINT);
      w.writeVarint(n);
    }
    if (ps.errorMessage) {
      w.writeTag(2, LEN);
      w.writeString(ps.errorMessage);
    }
    w.finishLengthDelimited(start, w.pos - at);
  }
  return w.finish();
}

/** Encodes a google.rpc.Status, the body OTLP asks for with error responses. */
export function encodeStatus(code: number, message: string): Uint8Array {
  const w = new ProtobufWriter(64 + message.length * 3);
  w.writeTag(1, VARINT);
  w.writeVarint(code);
  w.writeTag(2, LEN);
  w.writeString(message);
  return w.finish();
}
