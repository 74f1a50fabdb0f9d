// The versioned Codetrail event schema, shared by the extension, the collection service and
// the export. One definition: the TypeScript types are inferred from these validators. The
// validators (zod) are reached through '@codetrail/protocol/validate'; the types and constants
// through the package's entry, which loads no validator (the extension bundle stays light).
import { z } from 'zod';

import { CONSENT_STATES, LIMITS, PROVENANCE_LABELS, SCHEMA_VERSION } from './constants';

export { CONSENT_STATES, LIMITS, PROVENANCE_LABELS, SCHEMA_VERSION, canonicalId } from './constants';

const uuid = z.uuid();

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 hex digest');
const epochMs = z.number().int().nonnegative();
const relPath = z.string().min(1).max(LIMITS.maxPathLength);
const shortText = z.string().max(LIMITS.maxTextField);

export const ConsentStateName = z.enum(CONSENT_STATES);

/** Under which consent an event was taken; the collection service double-checks it. */
export const ConsentStamp = z.object({
  state: ConsentStateName,
  policyVersion: z.number().int().nonnegative(),
  pauseId: z.string().max(64).optional(),
  exemptionId: z.string().max(64).optional(),
});

export const ProvenanceLabel = z.enum(PROVENANCE_LABELS);

export const Provenance = z.object({
  label: ProvenanceLabel,
  /** 0..1: how sure the classifier is of the label. */
  confidence: z.number().min(0).max(1),
});

const base = {
  schema: z.literal(SCHEMA_VERSION),
  id: uuid,
  sessionId: uuid,
  seq: z.number().int().nonnegative(),
  time: epochMs,
  consent: ConsentStamp,
};

const fileRef = {
  path: relPath,
  languageId: z.string().max(128),
};

export const SessionStartEvent = z.object({
  ...base,
  kind: z.literal('session.start'),
  /** Salted hash of the workspace identity; never its path. */
  workspace: z.string().max(128),
  client: z.object({
    name: z.string().max(64),
    version: z.string().max(64),
    uiKind: z.enum(['desktop', 'web']).optional(),
    /** The version of the redaction rules the client ran over everything the session sends. */
    redactionPolicy: z.number().int().nonnegative().optional(),
  }),
});

export const SessionEndEvent = z.object({
  ...base,
  kind: z.literal('session.end'),
  reason: z.enum(['idle', 'shutdown', 'consent', 'rotated']),
});

/** The full (redacted) text of a file when it starts being tracked, or again after a gap. */
export const BaselineEvent = z.object({
  ...base,
  ...fileRef,
  kind: z.literal('file.baseline'),
  text: z.string().max(LIMITS.maxBaselineLength),
  sha256,
  reason: z.enum(['open', 'resume', 'resync', 'session']),
});

/** One coalesced step of changes to a file, as a unified diff against its previous state. */
export const EditEvent = z.object({
  ...base,
  ...fileRef,
  kind: z.literal('edit'),
  diff: z.string().max(LIMITS.maxDiffLength),
  beforeSha256: sha256,
  afterSha256: sha256,
  provenance: Provenance,
  startTime: epochMs,
  changeCount: z.number().int().positive(),
  /** Why the step was closed. */
  cut: z.enum(['idle', 'save', 'switch', 'cursor', 'provenance', 'size', 'close', 'flush', 'gap']),
});

export const FileSkippedEvent = z.object({
  ...base,
  kind: z.literal('file.skipped'),
  path: relPath,
  reason: z.enum(['too-large', 'binary', 'excluded', 'scheme', 'minified']),
  size: z.number().int().nonnegative().optional(),
});

export const FileContextEvent = z.object({
  ...base,
  ...fileRef,
  kind: z.enum(['file.open', 'file.close', 'file.focus', 'file.save']),
});

export const CursorEvent = z.object({
  ...base,
  kind: z.literal('cursor'),
  path: relPath,
  line: z.number().int().nonnegative(),
  character: z.number().int().nonnegative(),
});

export const GapEvent = z.object({
  ...base,
  kind: z.literal('gap'),
  reason: z.enum(['paused', 'exempt', 'off', 'discarded', 'outbox-full', 'redaction-budget', 'desync']),
  from: epochMs,
  to: epochMs,
  /** Events known to be lost or removed in this gap, if any were. */
  dropped: z.number().int().nonnegative().optional(),
});

export const TerminalCommandEvent = z.object({
  ...base,
  kind: z.literal('terminal.command'),
  commandLine: shortText,
  cwd: z.string().max(LIMITS.maxPathLength).optional(),
  exitCode: z.number().int().optional(),
  durationMs: z.number().int().nonnegative().optional(),
  outputTail: shortText.optional(),
  /** How the command line was known: shell integration, or not at all. */
  source: z.enum(['shell-integration']),
});

export const TerminalNoticeEvent = z.object({
  ...base,
  kind: z.literal('terminal.no-shell-integration'),
  terminal: z.string().max(256),
});

export const TaskEvent = z.object({
  ...base,
  kind: z.enum(['task.start', 'task.end']),
  name: z.string().max(256),
  source: z.string().max(256),
  exitCode: z.number().int().optional(),
  durationMs: z.number().int().nonnegative().optional(),
});

export const DebugEvent = z.object({
  ...base,
  kind: z.enum(['debug.start', 'debug.end']),
  debugType: z.string().max(128),
  name: z.string().max(256),
  durationMs: z.number().int().nonnegative().optional(),
});

export const DiagnosticsEvent = z.object({
  ...base,
  kind: z.literal('diagnostics'),
  path: relPath,
  /** Id of the edit step these counts follow. */
  afterEdit: uuid.optional(),
  before: z.object({ errors: z.number().int().nonnegative(), warnings: z.number().int().nonnegative() }),
  after: z.object({ errors: z.number().int().nonnegative(), warnings: z.number().int().nonnegative() }),
  messages: z.array(shortText).max(50).optional(),
});

export const CommitEvent = z.object({
  ...base,
  kind: z.literal('commit'),
  message: shortText,
  commit: z.string().max(64),
  filesChanged: z.number().int().nonnegative().optional(),
});

export const MarkerEvent = z.object({
  ...base,
  kind: z.literal('marker'),
  /** Something the collector should know about the stream itself (drops, torn writes). */
  what: z.enum(['outbox-dropped', 'outbox-torn', 'redaction-dropped']),
  count: z.number().int().nonnegative(),
  detail: shortText.optional(),
});

export const TrajectoryEvent = z.discriminatedUnion('kind', [
  SessionStartEvent,
  SessionEndEvent,
  BaselineEvent,
  EditEvent,
  FileSkippedEvent,
  FileContextEvent,
  CursorEvent,
  GapEvent,
  TerminalCommandEvent,
  TerminalNoticeEvent,
  TaskEvent,
  DebugEvent,
  DiagnosticsEvent,
  CommitEvent,
  MarkerEvent,
]);

export type ConsentStamp = z.infer<typeof ConsentStamp>;
export type ConsentStateName = z.infer<typeof ConsentStateName>;
export type Provenance = z.infer<typeof Provenance>;
export type ProvenanceLabel = z.infer<typeof ProvenanceLabel>;
export type TrajectoryEvent = z.infer<typeof TrajectoryEvent>;
export type EventKind = TrajectoryEvent['kind'];
export type EditEvent = z.infer<typeof EditEvent>;
export type BaselineEvent = z.infer<typeof BaselineEvent>;
export type GapEvent = z.infer<typeof GapEvent>;

/** An event before the session stamps it with identity, order and consent. */
export type EventBody<E extends TrajectoryEvent = TrajectoryEvent> = E extends TrajectoryEvent
  ? Omit<E, 'schema' | 'id' | 'sessionId' | 'seq' | 'consent'>
  : never;

export type ValidationResult = { ok: true; event: TrajectoryEvent } | { ok: false; error: string };

/** Validates untrusted input (a log record body, a line of a file) as a trajectory event. */
export function validateEvent(input: unknown): ValidationResult {
  const r = TrajectoryEvent.safeParse(input);
  if (r.success) return { ok: true, event: r.data };
  const first = r.error.issues[0];
  const where = first && first.path.length ? first.path.join('.') + ': ' : '';
  return { ok: false, error: where + (first ? first.message : 'invalid event') };
}
