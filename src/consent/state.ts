// The consent state machine. Pure: the state is derived from a few persisted facts and the
// clock, so a reload, a restart or another window derives the same state from the same facts.
import type { ConsentStamp, ConsentStateName } from '@codetrail/protocol';

export type OffReason = 'telemetry-disabled' | 'disabled-in-settings' | 'workspace-excluded' | 'not-signed-in';

import type { ExemptionScope } from '@codetrail/protocol';

export type { ExemptionScope };

export interface Exemption {
  id: string;
  status: 'pending' | 'approved' | 'denied';
  scope: ExemptionScope;
  reason?: string;
  note?: string;
  /** The request has not reached the collection service yet (offline). */
  unsent?: boolean;
}

export interface Pause {
  id: string;
  from: number;
  until: number;
}

/** Everything the state depends on. Persisted facts (pause, exemptions) plus live switches. */
export interface ConsentFacts {
  telemetryEnabled: boolean;
  settingEnabled: boolean;
  signedIn: boolean;
  workspaceExcluded: boolean;
  /** Salted hash of the current workspace, to match workspace-scoped exemptions. */
  workspace: string;
  pause: Pause | undefined;
  exemptions: readonly Exemption[];
  /** While an exemption is pending: pause capture (default) or keep recording. */
  whilePending: 'pause' | 'record';
  policyVersion: number;
}

export type ConsentView =
  | { state: 'recording' }
  | { state: 'paused'; pause: Pause }
  | { state: 'pending'; exemption: Exemption }
  | { state: 'exempt'; exemption: Exemption }
  | { state: 'off'; reason: OffReason };

export function covers(scope: ExemptionScope, workspace: string, now: number): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'workspace':
      return scope.workspace === workspace;
    case 'range':
      return now >= scope.from && now < scope.until;
  }
}

/** Derives the consent state. Order: off reasons, then exemption, pause, pending request. */
export function deriveConsent(f: ConsentFacts, now: number): ConsentView {
  if (!f.telemetryEnabled) return { state: 'off', reason: 'telemetry-disabled' };
  if (!f.settingEnabled) return { state: 'off', reason: 'disabled-in-settings' };
  if (f.workspaceExcluded) return { state: 'off', reason: 'workspace-excluded' };
  if (!f.signedIn) return { state: 'off', reason: 'not-signed-in' };
  const exempt = f.exemptions.find((e) => e.status === 'approved' && covers(e.scope, f.workspace, now));
  if (exempt) return { state: 'exempt', exemption: exempt };
  if (f.pause && now >= f.pause.from && now < f.pause.until) return { state: 'paused', pause: f.pause };
  const pending = f.exemptions.find((e) => e.status === 'pending' && covers(e.scope, f.workspace, now));
  if (pending && f.whilePending === 'pause') return { state: 'pending', exemption: pending };
  return { state: 'recording' };
}

export function isCapturing(v: ConsentView): boolean {
  return v.state === 'recording';
}

export function stampOf(v: ConsentView, policyVersion: number): ConsentStamp {
  const state: ConsentStateName = v.state;
  const stamp: ConsentStamp = { state, policyVersion };
  if (v.state === 'paused') stamp.pauseId = v.pause.id;
  if (v.state === 'pending' || v.state === 'exempt') stamp.exemptionId = v.exemption.id;
  return stamp;
}

/** The next instant at which the derived state may change by the clock alone. */
export function nextTransition(f: ConsentFacts, now: number): number | undefined {
  const times: number[] = [];
  if (f.pause) times.push(f.pause.from, f.pause.until);
  for (const e of f.exemptions) if (e.scope.kind === 'range') times.push(e.scope.from, e.scope.until);
  const future = times.filter((t) => t > now);
  return future.length ? Math.min(...future) : undefined;
}

/**
 * Minutes and seconds left, as the status bar shows them ("29:41"); hours when longer.
 * Rounded to the nearest second, so what it reads is never more than half a second off.
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return (h ? `${h}:` : '') + `${mm}:${String(s).padStart(2, '0')}`;
}

export function sameView(a: ConsentView, b: ConsentView): boolean {
  if (a.state !== b.state) return false;
  switch (a.state) {
    case 'paused':
      return b.state === 'paused' && a.pause.id === b.pause.id && a.pause.until === b.pause.until;
    case 'pending':
    case 'exempt':
      return (b.state === 'pending' || b.state === 'exempt') && a.exemption.id === b.exemption.id;
    case 'off':
      return b.state === 'off' && a.reason === b.reason;
    default:
      return true;
  }
}

export type Transition =
  | { kind: 'stopped'; view: ConsentView }
  | { kind: 'resumed'; from: number; previous: ConsentView }
  | { kind: 'changed'; view: ConsentView };

/**
 * Watches facts and clock; tells its listener when capture stops and resumes, so the
 * capture side can flush before a gap and re-baseline after it.
 */
export class ConsentMachine {
  private view: ConsentView;
  private stoppedAt: number | undefined;
  /** While listeners handle a stop, what they flush was captured under the previous state. */
  private flushStamp: ConsentStamp | undefined;
  private listeners: ((t: Transition) => void)[] = [];

  constructor(
    private facts: ConsentFacts,
    private readonly now: () => number,
  ) {
    this.view = deriveConsent(facts, now());
    if (!isCapturing(this.view)) this.stoppedAt = this.pauseStart() ?? now();
  }

  get current(): ConsentView {
    return this.view;
  }

  get currentFacts(): ConsentFacts {
    return this.facts;
  }

  get capturing(): boolean {
    return isCapturing(this.view);
  }

  stamp(): ConsentStamp {
    return this.flushStamp ?? stampOf(this.view, this.facts.policyVersion);
  }

  onTransition(listener: (t: Transition) => void): { dispose(): void } {
    this.listeners.push(listener);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  }

  update(patch: Partial<ConsentFacts>): void {
    this.facts = { ...this.facts, ...patch };
    this.reevaluate();
  }

  /** Re-derives the state (call on a timer at nextTransition, and when facts change). */
  reevaluate(): void {
    const now = this.now();
    const next = deriveConsent(this.facts, now);
    const prev = this.view;
    if (sameView(prev, next)) return;
    this.view = next;
    if (isCapturing(prev) && !isCapturing(next)) {
      this.stoppedAt = now;
      this.flushStamp = stampOf(prev, this.facts.policyVersion);
      try {
        this.fire({ kind: 'stopped', view: next });
      } finally {
        this.flushStamp = undefined;
      }
    } else if (!isCapturing(prev) && isCapturing(next)) {
      const from = this.stoppedAt ?? now;
      this.stoppedAt = undefined;
      this.fire({ kind: 'resumed', from, previous: prev });
    } else {
      this.fire({ kind: 'changed', view: next });
    }
  }

  nextTransition(): number | undefined {
    return nextTransition(this.facts, this.now());
  }

  private pauseStart(): number | undefined {
    return this.view.state === 'paused' ? this.view.pause.from : undefined;
  }

  private fire(t: Transition): void {
    for (const l of [...this.listeners]) l(t);
  }
}
