// "Delete My Collected Data" as plain data: the scopes offered, a time range typed by the
// engineer, and a deletion request's status in plain words.
import type { DeletionScope, DeletionStatus } from '../consent/client';
import type { TrajectoryEvent } from '@codetrail/protocol';

export interface SessionChoice {
  sessionId: string;
  start: number;
  end: number;
  events: number;
  files: string[];
}

/** Sessions known on this machine (pending or sent copies), newest first. */
export function sessionsOf(events: readonly TrajectoryEvent[]): SessionChoice[] {
  const by = new Map<string, SessionChoice & { fileSet: Set<string> }>();
  for (const e of events) {
    let s = by.get(e.sessionId);
    if (!s) by.set(e.sessionId, (s = { sessionId: e.sessionId, start: e.time, end: e.time, events: 0, files: [], fileSet: new Set() }));
    s.start = Math.min(s.start, e.time);
    s.end = Math.max(s.end, e.time);
    s.events++;
    if ('path' in e) s.fileSet.add(e.path);
  }
  return [...by.values()].map(({ fileSet, ...s }) => ({ ...s, files: [...fileSet].sort() })).sort((a, b) => b.start - a.start);
}

export type RangePreset = 'last-hour' | 'today' | 'last-7-days';

export function presetRange(p: RangePreset, now: number, dayStart: number): { from: number; until: number } {
  switch (p) {
    case 'last-hour':
      return { from: now - 3_600_000, until: now + 1 };
    case 'today':
      return { from: dayStart, until: now + 1 };
    case 'last-7-days':
      return { from: dayStart - 6 * 86_400_000, until: now + 1 };
  }
}

/**
 * Parses "FROM to UNTIL" where each side is a local date ("2026-11-27") or date and time
 * ("2026-11-27 14:30"); a date alone as UNTIL means the end of that day. `toEpoch` turns
 * local calendar fields into epoch ms (the adapter passes the local time zone's).
 */
export function parseRange(
  input: string,
  toEpoch: (y: number, mo: number, d: number, h: number, mi: number) => number,
): { ok: true; from: number; until: number } | { ok: false; error: string } {
  const parts = input.trim().split(/\s+(?:to|until|–|—|-{1,2})\s+/i);
  if (parts.length !== 2) return { ok: false, error: 'Write it as "2026-11-27 09:00 to 2026-11-27 12:00" (a date alone is a whole day).' };
  const side = (s: string, end: boolean): number | undefined => {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(s.trim());
    if (!m) return undefined;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
    if (m[4] === undefined) return end ? toEpoch(y, mo, d + 1, 0, 0) : toEpoch(y, mo, d, 0, 0);
    const [h, mi] = [Number(m[4]), Number(m[5])];
    if (h > 23 || mi > 59) return undefined;
    return toEpoch(y, mo, d, h, mi);
  };
  const from = side(parts[0], false);
  const until = side(parts[1], true);
  if (from === undefined || until === undefined)
    return { ok: false, error: 'A date is written 2026-11-27, optionally with a time: 2026-11-27 14:30.' };
  if (from >= until) return { ok: false, error: 'The start must be before the end.' };
  return { ok: true, from, until };
}

export function describeScope(s: DeletionScope, fmt: (ms: number) => string = (ms) => new Date(ms).toISOString()): string {
  switch (s.kind) {
    case 'all':
      return 'everything collected from you';
    case 'session':
      return `session ${s.sessionId}`;
    case 'range':
      return `events from ${fmt(s.from)} to ${fmt(s.until)}`;
  }
}

/** A deletion request's state in plain words. */
export function describeDeletion(d: DeletionStatus, fmt?: (ms: number) => string): string {
  const scope = d.scope ? describeScope(d.scope, fmt) : 'unknown scope';
  const tomb = typeof d.tombstoned === 'number' ? d.tombstoned : undefined;
  const deleted = typeof d.deleted === 'number' ? d.deleted : undefined;
  if (d.status === 'done') {
    return `Deleted: ${scope}${deleted !== undefined ? ` — ${deleted} stored event(s) erased` : ''}.`;
  }
  if (d.status === 'tombstoned') {
    return `In progress: ${scope}${tomb !== undefined ? ` — ${tomb} event(s) hidden from every export now` : ''}; erasure from storage follows shortly.`;
  }
  return `${d.status}: ${scope}.`;
}

/** Whether a local copy (pending or sent) falls inside a deletion's scope. */
export function inScope(s: DeletionScope, e: TrajectoryEvent): boolean {
  switch (s.kind) {
    case 'all':
      return true;
    case 'session':
      return e.sessionId === s.sessionId;
    case 'range':
      return e.time >= s.from && e.time < s.until;
  }
}
