// The collection service's control plane as the editor uses it: policy, pauses,
// exemption requests, deletion requests. Plain fetch; the token comes from the caller.
import type { CachedPolicy } from './file';
import type { DeletionScope } from '@codetrail/protocol';
import type { Exemption, ExemptionScope } from './state';

export class ControlError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
  }
  /** Worth retrying later (offline, overloaded) rather than telling the user it failed. */
  get transient(): boolean {
    return this.status === undefined || this.status === 429 || this.status >= 500;
  }
}

export interface PolicyResponse extends CachedPolicy {
  exemptions: Exemption[];
  /** The user's pauses that are running or ahead, from any of their installations (service clock). */
  pauses: { id: string; from: number; until: number }[];
  /** The service's clock when it answered (ms), to read its times on this machine's clock. */
  serverTime?: number;
}

export type { DeletionScope };

export interface DeletionStatus {
  id: string;
  status: string;
  scope: DeletionScope;
  requestedAt: number;
  [more: string]: unknown;
}

type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{ status: number; json(): Promise<unknown>; text(): Promise<string> }>;

export class ControlClient {
  constructor(
    private readonly baseUrl: () => string,
    private readonly token: () => Promise<string | undefined>,
    private readonly fetchImpl: FetchLike = fetch as unknown as FetchLike,
  ) {}

  async policy(): Promise<PolicyResponse> {
    const r = (await this.call('GET', '/v1/policy')) as Record<string, unknown>;
    return {
      version: Number(r.version ?? 0),
      pauseMinutes: Number(r.pauseMinutes ?? 30),
      whilePending: r.whilePending === 'record' ? 'record' : 'pause',
      excludedGlobs: Array.isArray(r.excludedGlobs) ? r.excludedGlobs.map(String) : [],
      workspaceSalt: typeof r.workspaceSalt === 'string' ? r.workspaceSalt : undefined,
      excludedWorkspaces: Array.isArray(r.excludedWorkspaces) ? r.excludedWorkspaces.map(String) : [],
      canRequestExemption: r.canRequestExemption !== false,
      exemptions: Array.isArray(r.exemptions)
        ? (r.exemptions as Exemption[]).map((e) => ({
            id: String(e.id),
            status: e.status,
            scope: e.scope,
            note: e.note ?? undefined,
          }))
        : [],
      pauses: Array.isArray(r.pauses)
        ? (r.pauses as { id: unknown; from: unknown; until: unknown }[])
            .filter((p) => typeof p?.id === 'string' && Number.isFinite(p.from) && Number.isFinite(p.until))
            .map((p) => ({ id: String(p.id), from: Number(p.from), until: Number(p.until) }))
        : [],
      serverTime: typeof r.serverTime === 'number' && Number.isFinite(r.serverTime) ? r.serverTime : undefined,
    };
  }

  /** Reports a pause (or its end); answers the pause as the service keeps it, when it says. */
  async reportPause(p: { id: string; from: number; until: number }): Promise<{ until: number } | undefined> {
    const r = (await this.call('POST', '/v1/pauses', p)) as { until?: unknown } | undefined;
    return typeof r?.until === 'number' ? { until: r.until } : undefined;
  }

  async requestExemption(reason: string, scope: ExemptionScope): Promise<Exemption> {
    const r = (await this.call('POST', '/v1/exemptions', { reason, scope })) as Exemption;
    return { id: String(r.id), status: r.status ?? 'pending', scope: r.scope ?? scope, reason, note: r.note ?? undefined };
  }

  async requestDeletion(scope: DeletionScope): Promise<DeletionStatus> {
    return (await this.call('POST', '/v1/deletions', { scope })) as DeletionStatus;
  }

  async deletions(): Promise<DeletionStatus[]> {
    const r = (await this.call('GET', '/v1/deletions')) as { deletions?: DeletionStatus[] };
    return r.deletions ?? [];
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const base = this.baseUrl().replace(/\/+$/, '');
    if (!base) throw new ControlError('No collection service is configured (setting codetrail.collector.url).', 0);
    const token = await this.token();
    if (!token) throw new ControlError('You are not signed in to the collection service.', 401);
    let res;
    try {
      res = await this.fetchImpl(base + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      throw new ControlError(`The collection service cannot be reached (${(err as Error).message}).`, undefined);
    }
    if (res.status >= 200 && res.status < 300) return res.json();
    let message = `HTTP ${res.status}`;
    try {
      const b = JSON.parse(await res.text()) as { message?: string; error?: string };
      message = b.message ?? b.error ?? message;
    } catch {
      // keep the status line
    }
    if (res.status === 401) message = 'The collection service did not accept your sign-in; sign in again.';
    throw new ControlError(message, res.status);
  }
}
