// The service's Prometheus metrics through prom-client, one registry per collector. /metrics
// answers without authentication, so every label takes its values from a fixed list: a route
// is one of ROUTES (never the raw path), a reason one of the service's own.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type Metric, type MetricValueWithName } from 'prom-client';
import { REJECT_REASONS, type RejectReason } from './consent';

export const ROUTES = [
  '/v1/logs',
  '/v1/policy',
  '/v1/pauses',
  '/v1/exemptions',
  '/v1/deletions',
  '/v1/deletions/:id',
  '/v1/admin/exemptions',
  '/v1/admin/exemptions/:id/decision',
  '/v1/admin/stats',
  '/v1/admin/audit',
  '/v1/admin/deletions',
  '/v1/admin/jobs',
  '/admin',
  '/healthz',
  '/metrics',
  'other',
] as const;
export type Route = (typeof ROUTES)[number];

const EXACT = new Set<string>(ROUTES.filter((r) => !r.includes(':')));

/** The route label of a request path. */
export function routeOf(path: string): Route {
  if (EXACT.has(path) && path !== 'other') return path as Route;
  if (/^\/v1\/deletions\/[^/]+$/.test(path)) return '/v1/deletions/:id';
  if (/^\/v1\/admin\/exemptions\/[^/]+\/decision$/.test(path)) return '/v1/admin/exemptions/:id/decision';
  if (path.startsWith('/admin/')) return '/admin';
  return 'other';
}

/**
 * A histogram without labels that takes a batch's observations in one call: ingest observes
 * every stored event, and prom-client's Histogram costs a label lookup per observation.
 * Published through the registry like any prom-client metric.
 */
export class BatchHistogram {
  readonly type = 'histogram';
  private readonly counts: Float64Array;
  private sum = 0;
  private count = 0;

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
    registry: Registry,
  ) {
    this.counts = new Float64Array(buckets.length);
    registry.registerMetric(this as unknown as Metric);
  }

  observeAll(values: readonly number[]): void {
    const b = this.buckets;
    for (const v of values) {
      let i = 0;
      while (i < b.length && v > b[i]) i++;
      if (i < b.length) this.counts[i]++;
      this.sum += v;
      this.count++;
    }
  }

  /** In the shape prom-client's registry formats. */
  async get(): Promise<{ name: string; help: string; type: 'histogram'; values: MetricValueWithName<string>[]; aggregator: 'sum' }> {
    const values: MetricValueWithName<string>[] = [];
    let cumulative = 0;
    this.buckets.forEach((le, i) => {
      cumulative += this.counts[i];
      values.push({ labels: { le }, value: cumulative, metricName: `${this.name}_bucket` });
    });
    values.push({ labels: { le: '+Inf' }, value: this.count, metricName: `${this.name}_bucket` });
    values.push({ labels: {}, value: this.sum, metricName: `${this.name}_sum` });
    values.push({ labels: {}, value: this.count, metricName: `${this.name}_count` });
    return { name: this.name, help: this.help, type: 'histogram', values, aggregator: 'sum' };
  }
}

export const AUTH_FAILURES = ['missing', 'malformed', 'unknown', 'expired', 'revoked', 'role'] as const;

export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests: Counter<'route' | 'status'>;
  readonly httpDuration: Histogram<'route'>;
  readonly received: Counter;
  readonly accepted: Counter;
  readonly duplicates: Counter;
  readonly held: Counter;
  readonly rejected: Counter<'reason'>;
  readonly ingestLatency: BatchHistogram;
  readonly authFailures: Counter<'reason'>;
  readonly overload: Counter;
  readonly pausesReported: Counter;
  readonly clientErrors: Counter<'kind'>;

  /** `processMetrics`: also the process's own (CPU, memory, event loop), once per process. */
  constructor(inFlight: () => number, processMetrics = false) {
    const registers = [this.registry];
    this.httpRequests = new Counter({
      name: 'codetrail_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['route', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'codetrail_http_request_duration_seconds',
      help: "Time from a request's arrival to its answer, by route",
      labelNames: ['route'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.received = new Counter({ name: 'codetrail_events_received_total', help: 'Log records received', registers });
    this.accepted = new Counter({ name: 'codetrail_events_accepted_total', help: 'Events stored (held ones when judged)', registers });
    this.duplicates = new Counter({
      name: 'codetrail_events_duplicate_total',
      help: 'Events already stored (retries, replays)',
      registers,
    });
    this.held = new Counter({ name: 'codetrail_events_held_total', help: "Events held until their session's start arrives", registers });
    this.rejected = new Counter({
      name: 'codetrail_events_rejected_total',
      help: 'Events refused, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.ingestLatency = new BatchHistogram(
      'codetrail_ingest_latency_seconds',
      "From an event's own time to its storage (events found already stored included): the outbox's delay plus the service's",
      [0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 4 * 3600, 24 * 3600, 7 * 24 * 3600],
      this.registry,
    );
    this.authFailures = new Counter({
      name: 'codetrail_auth_failures_total',
      help: 'Requests refused for authentication',
      labelNames: ['reason'],
      registers,
    });
    this.overload = new Counter({ name: 'codetrail_overload_total', help: 'Ingest requests refused for load', registers });
    this.pausesReported = new Counter({ name: 'codetrail_pauses_reported_total', help: 'Pause reports from clients', registers });
    this.clientErrors = new Counter({
      name: 'codetrail_client_errors_total',
      help: 'Connections answered before a request was read (timeout: 408, malformed: 400)',
      labelNames: ['kind'],
      registers,
    });
    new Gauge({
      name: 'codetrail_ingest_in_flight',
      help: 'Ingest requests being handled',
      registers,
      collect() {
        this.set(inFlight());
      },
    });
    // Every series of the fixed label sets exists from the start, at 0.
    for (const r of REJECT_REASONS) this.rejected.labels(r).inc(0);
    for (const r of AUTH_FAILURES) this.authFailures.labels(r).inc(0);
    if (processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  reject(reason: RejectReason, n: number): void {
    if (n > 0) this.rejected.labels(reason).inc(n);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Current value of one series (a counter's or gauge's; a histogram's count). */
  async value(name: string, labels: Record<string, string> = {}): Promise<number> {
    const metric = this.registry.getSingleMetric(name);
    if (!metric) return 0;
    const data = await metric.get();
    const wanted = Object.entries(labels);
    const suffix = String(data.type) === 'histogram' ? `${name}_count` : undefined;
    const v = data.values.find(
      (x) =>
        (suffix === undefined || (x as { metricName?: string }).metricName === suffix) &&
        wanted.every(([k, val]) => x.labels[k] === val) &&
        Object.keys(x.labels).length === wanted.length,
    );
    return v?.value ?? 0;
  }
}
