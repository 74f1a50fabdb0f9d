// How Codetrail events travel as OpenTelemetry logs (OTLP/HTTP, JSON encoding): one log
// record per event, its body the event as a JSON string; the session id is also a resource
// attribute, so an OpenTelemetry Collector in front can route without parsing bodies.
import type { TrajectoryEvent } from './schema';

export const SCOPE_NAME = 'codetrail';
export const EVENT_NAME_PREFIX = 'codetrail.';

export interface OtlpAnyValue {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
  doubleValue?: number;
  [other: string]: unknown;
}

export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

export interface OtlpLogRecord {
  timeUnixNano?: string;
  observedTimeUnixNano?: string;
  severityNumber?: number;
  eventName?: string;
  body?: OtlpAnyValue;
  attributes?: OtlpKeyValue[];
}

export interface OtlpLogsRequest {
  resourceLogs: {
    resource?: { attributes?: OtlpKeyValue[] };
    scopeLogs: { scope?: { name?: string; version?: string }; logRecords: OtlpLogRecord[] }[];
  }[];
}

/** Response body of OTLP/HTTP logs export. */
export interface OtlpLogsResponse {
  partialSuccess?: { rejectedLogRecords?: number | string; errorMessage?: string };
}

/**
 * Why the collection service refused a record it names in a partialSuccess message
 * ("rejected: 3 paused [id id id], 1 invalid (first invalid: …)"). Consent refusals: the
 * engineer did not agree to that event being collected, so the sender deletes it locally.
 */
export const CONSENT_REFUSALS = ['consent-state', 'paused', 'excluded-workspace', 'exempt', 'exemption-pending', 'deleted'] as const;
/** The event's time is too far from the service's clock (ahead, or past what it keeps). */
export const CLOCK_REFUSALS = ['future-time', 'too-old', 'retention'] as const;

export interface Refusal {
  reason: string;
  count: number;
  /** Ids the service named (lower case); may be fewer than `count` (an invalid record has none). */
  ids: string[];
}

/** The refusals a partialSuccess message names; none when it is not in that form. */
export function parseRefusals(message: string | undefined): Refusal[] {
  if (!message?.startsWith('rejected: ')) return [];
  const cut = message.indexOf(' (first invalid: ');
  const head = cut < 0 ? message : message.slice(0, cut);
  const out: Refusal[] = [];
  for (const m of head.slice('rejected: '.length).matchAll(/(\d+) ([a-z][a-z-]*)(?: \[([0-9a-fA-F -]*)\])?(?:, |$)/g)) {
    out.push({ reason: m[2], count: Number(m[1]), ids: m[3] ? m[3].split(' ').filter(Boolean) : [] });
  }
  return out;
}

export interface ClientResource {
  name: string;
  version: string;
}

const str = (key: string, value: string): OtlpKeyValue => ({ key, value: { stringValue: value } });

/** An event and its JSON text exactly as stored (the record body carries this text). */
export interface EventLine {
  event: TrajectoryEvent;
  line: string;
}

export function toLogRecord(event: TrajectoryEvent, line = JSON.stringify(event)): OtlpLogRecord {
  return {
    timeUnixNano: (BigInt(event.time) * 1_000_000n).toString(),
    severityNumber: 9, // INFO
    eventName: EVENT_NAME_PREFIX + event.kind,
    body: { stringValue: line },
  };
}

/**
 * One ResourceLogs per editor session, in order of first appearance: the session id is a
 * resource attribute (as service.instance.id would be), so an OpenTelemetry Collector in front
 * can route or partition a session's events together without reading bodies; each record
 * names its event kind (`eventName`). Records carry no attributes of their own: the event id
 * and sequence number are in the body (a Collector can read them with ParseJSON), and one
 * attribute per record cost the service more to parse than the rest of the envelope.
 */
export function toLogsRequestFromLines(items: readonly EventLine[], client: ClientResource): OtlpLogsRequest {
  const bySession = new Map<string, OtlpLogRecord[]>();
  for (const { event, line } of items) {
    let records = bySession.get(event.sessionId);
    if (!records) bySession.set(event.sessionId, (records = []));
    records.push(toLogRecord(event, line));
  }
  return {
    resourceLogs: [...bySession].map(([sessionId, logRecords]) => ({
      resource: {
        attributes: [str('service.name', client.name), str('service.version', client.version), str('codetrail.session.id', sessionId)],
      },
      scopeLogs: [{ scope: { name: SCOPE_NAME, version: client.version }, logRecords }],
    })),
  };
}

export function toLogsRequest(events: readonly TrajectoryEvent[], client: ClientResource): OtlpLogsRequest {
  return toLogsRequestFromLines(
    events.map((event) => ({ event, line: JSON.stringify(event) })),
    client,
  );
}

/** The event JSON carried by a log record, or why there is none. */
export function bodyOf(record: OtlpLogRecord): { json: string } | { error: string } {
  const body = record.body;
  if (!body || typeof body.stringValue !== 'string') return { error: 'log record body is not a string value' };
  return { json: body.stringValue };
}
