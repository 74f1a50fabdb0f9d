// Plain-text renderings shared by the page's sections; times are UTC, like the stats' days.

const DAY_MS = 86_400_000;

/** "2026-11-27 14:05 UTC", or a dash for a missing time. */
export function when(ms) {
  if (ms === null || ms === undefined) return '—';
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function utcDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Every UTC day from the first to the last, inclusive, so quiet days show as zero. */
export function daysBetween(firstDay, lastDay) {
  const out = [];
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  for (let t = Date.parse(`${firstDay}T00:00:00Z`); t <= end && out.length < 3660; t += DAY_MS) out.push(utcDay(t));
  return out;
}

export function exemptionScope(scope) {
  if (scope.kind === 'all') return 'Everything';
  if (scope.kind === 'workspace') return `One workspace (${scope.workspace.slice(0, 12)})`;
  if (scope.kind === 'range') return `From ${when(scope.from)} until ${when(scope.until)}`;
  return scope.kind;
}

export function deletionScope(scope) {
  if (scope.kind === 'all') return 'All of the user’s data';
  if (scope.kind === 'session') return `One session (${scope.sessionId.slice(0, 13)}…)`;
  if (scope.kind === 'range') return `From ${when(scope.from)} until ${when(scope.until)}`;
  return scope.kind;
}

export const number = (n) => n.toLocaleString('en-US');
