// How Codetrail events travel as OpenTelemetry logs (OTLP/HTTP, JSON encoding): one log
// record per event, its body the event as a JSON string, its identity also in attributes
// so an OpenTelemetry Collector in front can route or index without parsing the body.
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

export interface ClientResource {
  name: string;
  version: string;
}

const str = (key: string, value: string): OtlpKeyValue => ({ key, value: { stringValue: value } });

export function toLogRecord(event: TrajectoryEvent): OtlpLogRecord {
  return {
    timeUnixNano: (BigInt(event.time) * 1_000_000n).toString(),
    severityNumber: 9, // INFO
    eventName: EVENT_NAME_PREFIX + event.kind,
    body: { stringValue: JSON.stringify(event) },
    attributes: [
      str('codetrail.event.id', event.id),
      str('codetrail.event.kind', event.kind),
      str('codetrail.session.id', event.sessionId),
      { key: 'codetrail.event.seq', value: { intValue: event.seq } },
      { key: 'codetrail.schema', value: { intValue: event.schema } },
    ],
  };
}

export function toLogsRequest(events: readonly TrajectoryEvent[], client: ClientResource): OtlpLogsRequest {
  return {
    resourceLogs: [{
      resource: { attributes: [str('service.name', client.name), str('service.version', client.version)] },
      scopeLogs: [{ scope: { name: SCOPE_NAME, version: client.version }, logRecords: events.map(toLogRecord) }],
    }],
  };
}

/** The event JSON carried by a log record, or why there is none. */
export function bodyOf(record: OtlpLogRecord): { json: string } | { error: string } {
  const body = record.body;
  if (!body || typeof body.stringValue !== 'string') return { error: 'log record body is not a string value' };
  return { json: body.stringValue };
}
