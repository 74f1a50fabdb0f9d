// The control plane as the editor and the collection service both speak it: what an exemption
// or a deletion covers, and the statuses they go through. Written once, here.

/** What an exemption covers: everything, one workspace (its salted hash), or a time range. */
export type ExemptionScope = { kind: 'all' } | { kind: 'workspace'; workspace: string } | { kind: 'range'; from: number; until: number };

export type ExemptionStatus = 'pending' | 'approved' | 'denied';

/** What a deletion request covers: everything, one session, or a time range. */
export type DeletionScope = { kind: 'all' } | { kind: 'session'; sessionId: string } | { kind: 'range'; from: number; until: number };

export type DeletionStatus = 'tombstoned' | 'done';

/** A pause as reported by an installation: its id and the time range it covers. */
export interface PauseReport {
  id: string;
  from: number;
  until: number;
}
