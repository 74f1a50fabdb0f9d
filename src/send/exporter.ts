// One OTLP/HTTP logs export: builds the JSON request from stored event lines, gzips it, POSTs it
// with the user's bearer token and classifies the answer the way the OTLP specification does.
import { gzip as gzipCb } from 'node:zlib';
import { promisify } from 'node:util';
import {
  parseRefusals,
  toLogsRequestFromLines,
  type ClientResource,
  type EventLine,
  type OtlpLogsResponse,
  type Refusal,
} from '@codetrail/protocol';
import type { OutboxItem } from './reader';

const gzip = promisify(gzipCb);

export type ExportOutcome =
  /**
   * Accepted; `rejected` records were refused for good (partial success). `refused`: the
   * records the collection service named, by reason, when its message names them.
   */
  | { kind: 'ok'; rejected: number; errorMessage?: string; refused?: Refusal[] }
  /** Try the same batch again later (408, 429, 502, 503, 504, network error). */
  | { kind: 'retry'; retryAfterMs?: number; reason: string }
  /** 413: the batch is too large; send it in halves. */
  | { kind: 'split'; reason: string }
  /** Not retryable: dead-letter the batch and tell the user. */
  | { kind: 'fatal'; status: number; reason: string; userMessage: string }
  /** No token yet: nothing can be sent until the user signs in. */
  | { kind: 'no-token' };

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: Uint8Array; signal?: AbortSignal },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface ExporterOptions {
  endpoint: string;
  token: () => Promise<string | undefined>;
  client: ClientResource;
  fetch?: FetchLike;
  gzip?: boolean;
  timeoutMs?: number;
  now?: () => number;
}

// 408: the service did not receive the request in full in time (a slow or stalled upload).
const RETRYABLE = new Set([408, 429, 502, 503, 504]);

/** Builds the OTLP/HTTP JSON body; each record's body is the event exactly as stored. */
export function buildLogsBody(items: readonly EventLine[], client: ClientResource): string {
  return JSON.stringify(toLogsRequestFromLines(items, client));
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined if absent or unusable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - now);
}

export function userMessageFor(status: number, detail: string): string {
  switch (status) {
    case 401:
      return 'Codetrail: the collection service did not accept your sign-in. Sign in again (command "Codetrail: Sign In").';
    case 403:
      return 'Codetrail: the collection service refused your events (not allowed for this account). Ask your administrator.';
    case 400:
      return `Codetrail: the collection service rejected a batch of events as invalid; they were set aside. ${detail}`.trim();
    default:
      return `Codetrail: the collection service answered ${status}; the batch was set aside. ${detail}`.trim();
  }
}

export class Exporter {
  private readonly fetchFn: FetchLike;

  constructor(private readonly opts: ExporterOptions) {
    this.fetchFn = opts.fetch ?? (globalThis.fetch as unknown as FetchLike);
  }

  /** `signal` aborts the request (on dispose); the batch then counts as not delivered. */
  async export(items: readonly OutboxItem[], signal?: AbortSignal): Promise<ExportOutcome> {
    const token = await this.opts.token();
    if (!token) return { kind: 'no-token' };
    const json = buildLogsBody(items, this.opts.client);
    const useGzip = this.opts.gzip ?? true;
    const body = useGzip ? await gzip(json) : Buffer.from(json);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
    };
    if (useGzip) headers['Content-Encoding'] = 'gzip';
    let res: Awaited<ReturnType<FetchLike>>;
    let text: string;
    try {
      res = await this.fetchFn(this.opts.endpoint, {
        method: 'POST',
        headers,
        body,
        signal: signal
          ? AbortSignal.any([signal, AbortSignal.timeout(this.opts.timeoutMs ?? 30_000)])
          : AbortSignal.timeout(this.opts.timeoutMs ?? 30_000),
      });
      text = await res.text();
    } catch (e) {
      return { kind: 'retry', reason: `network error: ${describeError(e)}` };
    }
    const now = (this.opts.now ?? Date.now)();
    const status = res.status;
    if (status >= 200 && status < 300) {
      let parsed: OtlpLogsResponse;
      try {
        parsed = text ? (JSON.parse(text) as OtlpLogsResponse) : {};
      } catch {
        parsed = {};
      }
      const rejected = Number(parsed.partialSuccess?.rejectedLogRecords ?? 0) || 0;
      const errorMessage = parsed.partialSuccess?.errorMessage;
      const refused = rejected > 0 ? parseRefusals(errorMessage) : [];
      return { kind: 'ok', rejected, errorMessage, ...(refused.length ? { refused } : {}) };
    }
    const detail = errorDetail(text);
    if (RETRYABLE.has(status)) {
      return {
        kind: 'retry',
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), now),
        reason: `HTTP ${status}${detail ? ': ' + detail : ''}`,
      };
    }
    if (status === 413) return { kind: 'split', reason: `HTTP 413${detail ? ': ' + detail : ''}` };
    return { kind: 'fatal', status, reason: `HTTP ${status}${detail ? ': ' + detail : ''}`, userMessage: userMessageFor(status, detail) };
  }
}

/** The message of an OTLP error body (google.rpc.Status JSON) or a short plain text. */
function errorDetail(text: string): string {
  if (!text) return '';
  try {
    const j = JSON.parse(text) as { message?: unknown; error?: unknown };
    if (typeof j.message === 'string') return j.message.slice(0, 500);
    if (typeof j.error === 'string') return j.error.slice(0, 500);
  } catch {
    // not JSON
  }
  return text.slice(0, 200);
}

function describeError(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out';
  return err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
}
