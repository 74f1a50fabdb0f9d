// The typed view of Codetrail's settings (declared in package.json "contributes"): the one
// place they are read and range-checked. Values come from any reader; out-of-range values
// fall back to the defaults.

export interface CodetrailSettings {
  /** Capture at all (still subject to VS Code's telemetry switch). */
  enabled: boolean;
  /** Globs of files never captured, added to the built-in list of secrets files. */
  excludedFiles: string[];
  /** Workspaces (folder names or paths) in which nothing is recorded. */
  excludedWorkspaces: string[];
  /** The collection service's URL. */
  collectorUrl: string;
  /** Largest size of the local outbox (MB). */
  outboxMaxMegabytes: number;
  /** One click pauses this long (minutes) unless the organisation's policy says otherwise. */
  pauseMinutes: number;
  /** How often the policy and exemption decisions are checked (seconds). */
  policyPollSeconds: number;
  capture: {
    /** Documents longer than this (UTF-16 code units) are skipped with a marker. */
    maxFileSize: number;
    /** A line longer than this marks a file as minified or generated; it is skipped. */
    maxLineLength: number;
    /** A pause between changes longer than this closes the step (ms). */
    stepIdleMs: number;
    /** An idle gap longer than this ends the session (minutes). */
    sessionIdleMinutes: number;
    /** Characters of terminal output kept at the end of each command. */
    terminalOutputTail: number;
    /** Cursor jumps are recorded at most this often (ms). */
    cursorThrottleMs: number;
  };
}

export const DEFAULT_SETTINGS: CodetrailSettings = {
  enabled: true,
  excludedFiles: [],
  excludedWorkspaces: [],
  collectorUrl: '',
  outboxMaxMegabytes: 256,
  pauseMinutes: 30,
  policyPollSeconds: 60,
  capture: {
    maxFileSize: 2 * 1024 * 1024,
    maxLineLength: 20_000,
    stepIdleMs: 2000,
    sessionIdleMinutes: 30,
    terminalOutputTail: 2000,
    cursorThrottleMs: 1000,
  },
};

/** Reads one setting by its key under "codetrail." (undefined when unset). */
export type SettingReader = (key: string) => unknown;

function num(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fallback;
}

export function readSettings(get: SettingReader): CodetrailSettings {
  const d = DEFAULT_SETTINGS.capture;
  return {
    enabled: typeof get('enabled') === 'boolean' ? (get('enabled') as boolean) : DEFAULT_SETTINGS.enabled,
    excludedFiles: stringList(get('redaction.excludedFiles')),
    excludedWorkspaces: stringList(get('excludedWorkspaces')),
    collectorUrl: typeof get('collector.url') === 'string' ? (get('collector.url') as string).trim() : '',
    outboxMaxMegabytes: num(get('outbox.maxMegabytes'), DEFAULT_SETTINGS.outboxMaxMegabytes, 1, 1024 * 1024),
    pauseMinutes: num(get('pause.minutes'), DEFAULT_SETTINGS.pauseMinutes, 1, 1440),
    policyPollSeconds: num(get('policy.pollSeconds'), DEFAULT_SETTINGS.policyPollSeconds, 1, 3600),
    capture: {
      maxFileSize: num(get('capture.maxFileSize'), d.maxFileSize, 0, 64 * 1024 * 1024),
      maxLineLength: num(get('capture.maxLineLength'), d.maxLineLength, 100, 10_000_000),
      stepIdleMs: num(get('capture.stepIdleMs'), d.stepIdleMs, 100, 600_000),
      sessionIdleMinutes: num(get('capture.sessionIdleMinutes'), d.sessionIdleMinutes, 1, 24 * 60),
      terminalOutputTail: num(get('capture.terminalOutputTail'), d.terminalOutputTail, 0, 64 * 1024),
      cursorThrottleMs: num(get('capture.cursorThrottleMs'), d.cursorThrottleMs, 0, 60_000),
    },
  };
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}
