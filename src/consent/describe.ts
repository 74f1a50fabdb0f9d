// The words a person reads about the consent state: status bar, messages, the log.
import type { ConsentView, ExemptionScope } from './state';

export function describeOff(reason: string): string {
  switch (reason) {
    case 'telemetry-disabled':
      return 'telemetry is turned off in VS Code (telemetry.telemetryLevel)';
    case 'disabled-in-settings':
      return 'turned off in settings (codetrail.enabled)';
    case 'workspace-excluded':
      return 'this workspace is excluded';
    case 'not-signed-in':
      return 'not signed in to the collection service (Codetrail: Sign In)';
    default:
      return reason;
  }
}

export function describeScope(s: ExemptionScope): string {
  switch (s.kind) {
    case 'all':
      return 'everything';
    case 'workspace':
      return 'this workspace';
    case 'range':
      return `until ${new Date(s.until).toISOString().slice(0, 10)}`;
  }
}

export function describeView(v: ConsentView): string {
  switch (v.state) {
    case 'recording':
      return 'recording';
    case 'paused':
      return `paused until ${new Date(v.pause.until).toLocaleTimeString()}`;
    case 'pending':
      return 'exemption requested, waiting for a decision (capture paused)';
    case 'exempt':
      return `exempt (${describeScope(v.exemption.scope)})`;
    case 'off':
      return 'off — ' + describeOff(v.reason);
  }
}
