// Whether capture may run now: the consent module is the gate (telemetry switch, setting,
// sign-in, workspace exclusion, pause, exemption); capture asks it and follows its changes.

export type GateReason = 'telemetry-off' | 'setting-off' | 'paused' | 'exempt' | 'consent-pending' | 'workspace-excluded' | 'not-signed-in';

/** `since`: when capture stopped in fact (a pause begun earlier, in another window or on another device). */
export type GateDecision = { allowed: true } | { allowed: false; reason: GateReason; since?: number };

export interface CaptureGate {
  current(): GateDecision;
  /** Called whenever the decision may have changed. Returns an unsubscribe function. */
  onDidChange(listener: (d: GateDecision) => void): () => void;
}

/** Words a person reads in the log or a tooltip. */
export function describeDecision(d: GateDecision): string {
  if (d.allowed) return 'capturing';
  switch (d.reason) {
    case 'telemetry-off':
      return 'not capturing: telemetry is off in VS Code (telemetry.telemetryLevel)';
    case 'setting-off':
      return 'not capturing: codetrail.enabled is off';
    case 'paused':
      return 'not capturing: paused';
    case 'exempt':
      return 'not capturing: exempt';
    case 'consent-pending':
      return 'not capturing: waiting for consent';
    case 'workspace-excluded':
      return 'not capturing: this workspace is excluded';
    case 'not-signed-in':
      return 'not capturing: not signed in to the collection service';
  }
}
