// The "Show Collected Data" view as plain data: rows for pending and sent events, filters,
// counts, and a unified diff turned into display lines. No VS Code API, no DOM.
import { HUNK_HEADER } from '@codetrail/protocol';
import type { EventKind, TrajectoryEvent } from '@codetrail/protocol';

export type ItemStatus = 'pending' | 'sent';

/** An event held on this machine: waiting in the outbox, or a copy of one already delivered. */
export interface HeldEvent {
  status: ItemStatus;
  event: TrajectoryEvent;
  /** When the collection service acknowledged it (sent items). */
  sentAt?: number;
}

export interface ViewFilter {
  /** A workspace-relative path, or '' for all files. */
  file?: string;
  /** An event kind, or '' for all kinds. */
  kind?: string;
  status?: ItemStatus | 'all';
}

export interface ViewCounts {
  /** Events taken since the start of the local day that this machine still holds. */
  capturedToday: number;
  pending: number;
  /** Delivered events whose copy this machine keeps. */
  sent: number;
  /** Distinct files skipped today (excluded, too large, binary, minified). */
  excluded: number;
  /** Time without capture today, from gap markers (pauses, exemptions, capture off). */
  pausedMs: number;
}

export interface ViewRow {
  id: string;
  status: ItemStatus;
  kind: EventKind;
  /** A codicon name. */
  icon: string;
  title: string;
  /** One line under the title (provenance, exit code, reason ...). */
  subtitle: string;
  file?: string;
  time: number;
  sessionId: string;
  seq: number;
  /** Pending events can be removed before they leave. */
  removable: boolean;
}

export interface ViewGroup {
  status: ItemStatus;
  label: string;
  rows: ViewRow[];
  /** Rows matching the filter but left out to keep the view fast. */
  hidden: number;
}

export interface ViewModel {
  counts: ViewCounts;
  groups: ViewGroup[];
  /** Choices for the filters, from everything held (not only what the filter shows). */
  files: string[];
  kinds: string[];
  filter: Required<ViewFilter>;
}

export interface BuildOptions {
  now: number;
  /** Start of the local day containing `now` (the adapter knows the time zone). */
  dayStart: number;
  /** Most rows per group. */
  limit?: number;
}

export const DEFAULT_ROW_LIMIT = 500;

export function normalizeFilter(f: ViewFilter | undefined): Required<ViewFilter> {
  return { file: f?.file ?? '', kind: f?.kind ?? '', status: f?.status ?? 'all' };
}

export function fileOf(e: TrajectoryEvent): string | undefined {
  return 'path' in e ? e.path : undefined;
}

export function matches(h: HeldEvent, f: Required<ViewFilter>): boolean {
  if (f.status !== 'all' && h.status !== f.status) return false;
  if (f.kind && h.event.kind !== f.kind) return false;
  if (f.file && fileOf(h.event) !== f.file) return false;
  return true;
}

/** Builds the whole view: newest first within "pending" and "sent", with the counts. */
export function buildViewModel(held: readonly HeldEvent[], filter: ViewFilter | undefined, opts: BuildOptions): ViewModel {
  const f = normalizeFilter(filter);
  const limit = opts.limit ?? DEFAULT_ROW_LIMIT;
  const unique = dedupe(held);
  const files = new Set<string>();
  const kinds = new Set<string>();
  for (const h of unique) {
    const p = fileOf(h.event);
    if (p) files.add(p);
    kinds.add(h.event.kind);
  }
  const groups: ViewGroup[] = [];
  for (const status of ['pending', 'sent'] as const) {
    if (f.status !== 'all' && f.status !== status) continue;
    const all = unique.filter((h) => h.status === status && matches(h, f)).sort(newestFirst);
    groups.push({
      status,
      label: status === 'pending' ? 'Pending — not sent yet' : 'Sent — copies kept on this machine',
      rows: all.slice(0, limit).map(toRow),
      hidden: Math.max(0, all.length - limit),
    });
  }
  return {
    counts: countsOf(unique, opts.dayStart, opts.now),
    groups,
    files: [...files].sort(),
    kinds: [...kinds].sort(),
    filter: f,
  };
}

/** One event per id; a pending copy wins (an event seen while it moved to "sent" counts once). */
export function dedupe(held: readonly HeldEvent[]): HeldEvent[] {
  const byId = new Map<string, HeldEvent>();
  for (const h of held) {
    const was = byId.get(h.event.id);
    if (!was || (was.status === 'sent' && h.status === 'pending')) byId.set(h.event.id, h);
  }
  return [...byId.values()];
}

function newestFirst(a: HeldEvent, b: HeldEvent): number {
  return (
    b.event.time - a.event.time || (a.event.sessionId === b.event.sessionId ? b.event.seq - a.event.seq : a.event.id < b.event.id ? 1 : -1)
  );
}

export function countsOf(held: readonly HeldEvent[], dayStart: number, now: number): ViewCounts {
  let capturedToday = 0;
  let pending = 0;
  let sent = 0;
  const skipped = new Set<string>();
  const gaps: [number, number][] = [];
  for (const h of held) {
    const e = h.event;
    if (h.status === 'pending') pending++;
    else sent++;
    if (e.time >= dayStart && e.kind !== 'gap' && e.kind !== 'marker') capturedToday++;
    if (e.kind === 'file.skipped' && e.time >= dayStart) skipped.add(e.path);
    if (e.kind === 'gap' && (e.reason === 'paused' || e.reason === 'exempt' || e.reason === 'off')) gaps.push([e.from, e.to]);
  }
  return { capturedToday, pending, sent, excluded: skipped.size, pausedMs: coveredMs(gaps, dayStart, now) };
}

/** Length of the union of intervals within [from, to): several windows mark the same pause. */
export function coveredMs(intervals: readonly (readonly [number, number])[], from: number, to: number): number {
  const clipped = intervals
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curA = -Infinity;
  let curB = -Infinity;
  for (const [a, b] of clipped) {
    if (a > curB) {
      if (curB > curA) total += curB - curA;
      curA = a;
      curB = b;
    } else if (b > curB) curB = b;
  }
  if (curB > curA) total += curB - curA;
  return total;
}

const KIND_ICONS: Record<EventKind, string> = {
  'session.start': 'debug-start',
  'session.end': 'debug-stop',
  'file.baseline': 'file',
  edit: 'edit',
  'file.skipped': 'eye-closed',
  'file.open': 'go-to-file',
  'file.close': 'close',
  'file.focus': 'eye',
  'file.save': 'save',
  cursor: 'location',
  gap: 'debug-pause',
  'terminal.command': 'terminal',
  'terminal.no-shell-integration': 'terminal',
  'task.start': 'tools',
  'task.end': 'tools',
  'debug.start': 'debug-alt',
  'debug.end': 'debug-alt',
  diagnostics: 'warning',
  commit: 'git-commit',
  marker: 'info',
};

export function toRow(h: HeldEvent): ViewRow {
  const e = h.event;
  const { title, subtitle } = describeEvent(e);
  return {
    id: e.id,
    status: h.status,
    kind: e.kind,
    icon: KIND_ICONS[e.kind] ?? 'circle-outline',
    title,
    subtitle,
    file: fileOf(e),
    time: e.time,
    sessionId: e.sessionId,
    seq: e.seq,
    removable: h.status === 'pending',
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** A short title and subtitle for a row; everything shown is already redacted. */
export function describeEvent(e: TrajectoryEvent): { title: string; subtitle: string } {
  switch (e.kind) {
    case 'edit': {
      const { added, removed } = diffStat(e.diff);
      return { title: `Edit ${e.path}`, subtitle: `+${added} −${removed} · ${e.provenance.label} · ${plural(e.changeCount, 'change')}` };
    }
    case 'file.baseline':
      return { title: `Baseline ${e.path}`, subtitle: `${plural(lineCount(e.text), 'line')} · ${e.reason}` };
    case 'file.skipped':
      return { title: `Skipped ${e.path}`, subtitle: `not captured: ${e.reason}` };
    case 'file.open':
    case 'file.close':
    case 'file.focus':
    case 'file.save':
      return { title: `${e.kind.slice(5)[0].toUpperCase()}${e.kind.slice(6)} ${e.path}`, subtitle: e.languageId };
    case 'cursor':
      return { title: `Cursor in ${e.path}`, subtitle: `line ${e.line + 1}, column ${e.character + 1}` };
    case 'gap':
      return {
        title: `Gap: ${e.reason}`,
        subtitle: `${formatDuration(Math.max(0, e.to - e.from))} without capture${e.dropped ? ` · ${plural(e.dropped, 'event')} dropped` : ''}`,
      };
    case 'terminal.command':
      return {
        title: `$ ${firstLine(e.commandLine)}`,
        subtitle: [
          e.exitCode !== undefined ? `exit ${e.exitCode}` : 'exit unknown',
          e.durationMs !== undefined ? formatDuration(e.durationMs) : '',
          e.outputTail ? 'with output tail' : '',
        ]
          .filter(Boolean)
          .join(' · '),
      };
    case 'terminal.no-shell-integration':
      return { title: `Terminal without shell integration`, subtitle: e.terminal };
    case 'task.start':
    case 'task.end':
      return {
        title: `Task ${e.kind === 'task.start' ? 'started' : 'ended'}: ${e.name}`,
        subtitle: [e.source, e.exitCode !== undefined ? `exit ${e.exitCode}` : ''].filter(Boolean).join(' · '),
      };
    case 'debug.start':
    case 'debug.end':
      return { title: `Debug ${e.kind === 'debug.start' ? 'started' : 'ended'}: ${e.name}`, subtitle: e.debugType };
    case 'diagnostics':
      return {
        title: `Problems in ${e.path}`,
        subtitle: `errors ${e.before.errors}→${e.after.errors}, warnings ${e.before.warnings}→${e.after.warnings}`,
      };
    case 'commit':
      return { title: `Commit ${e.commit.slice(0, 10)}`, subtitle: firstLine(e.message) };
    case 'session.start':
      return { title: 'Session started', subtitle: `${e.client.name} ${e.client.version}` };
    case 'session.end':
      return { title: 'Session ended', subtitle: e.reason };
    case 'marker':
      return { title: `Note: ${e.what}`, subtitle: plural(e.count, 'event') };
  }
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  const line = i < 0 ? s : s.slice(0, i) + ' …';
  return line.length > 160 ? line.slice(0, 160) + '…' : line;
}

function lineCount(text: string): number {
  if (!text) return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function diffStat(diff: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of diffToLines(diff)) {
    if (l.type === 'add') added++;
    if (l.type === 'del') removed++;
  }
  return { added, removed };
}

export type DiffLineType = 'file' | 'hunk' | 'add' | 'del' | 'ctx' | 'note';

export interface DiffLine {
  type: DiffLineType;
  /** Line number in the file before / after the step. */
  oldLine?: number;
  newLine?: number;
  text: string;
}

/**
 * A unified diff as display lines with old/new line numbers. Robust to anything: text that is
 * not a diff is shown as notes, never dropped.
 */
export function diffToLines(diff: string): DiffLine[] {
  const out: DiffLine[] = [];
  const lines = diff.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  let oldNo = 0;
  let newNo = 0;
  let inHunk = false;
  for (const raw of lines) {
    const m = HUNK_HEADER.exec(raw);
    if (m) {
      oldNo = Number(m[1]);
      newNo = Number(m[3]);
      inHunk = true;
      out.push({ type: 'hunk', text: raw });
      continue;
    }
    if (!inHunk) {
      if (raw.startsWith('--- ') || raw.startsWith('+++ ') || raw.startsWith('Index: ') || /^=+$/.test(raw) || raw.startsWith('diff ')) {
        out.push({ type: 'file', text: raw });
      } else out.push({ type: 'note', text: raw });
      continue;
    }
    const c = raw[0];
    if (c === '+') out.push({ type: 'add', newLine: newNo++, text: raw.slice(1) });
    else if (c === '-') out.push({ type: 'del', oldLine: oldNo++, text: raw.slice(1) });
    else if (c === ' ') out.push({ type: 'ctx', oldLine: oldNo++, newLine: newNo++, text: raw.slice(1) });
    else if (c === '\\') out.push({ type: 'note', text: raw });
    else if (raw === '') out.push({ type: 'ctx', oldLine: oldNo++, newLine: newNo++, text: '' });
    else {
      inHunk = false;
      out.push({ type: raw.startsWith('--- ') || raw.startsWith('+++ ') ? 'file' : 'note', text: raw });
    }
  }
  return out;
}

export interface EventDetail {
  id: string;
  title: string;
  /** Labelled fields, in the order worth reading. */
  fields: [string, string][];
  diff?: DiffLine[];
  /** A long text field shown as is (baseline text, terminal output tail). */
  text?: { label: string; value: string };
  /** The event exactly as it leaves the machine. */
  json: string;
}

export function eventDetail(h: HeldEvent): EventDetail {
  const e = h.event;
  const fields: [string, string][] = [
    ['Status', h.status === 'pending' ? 'pending (not sent yet)' : `sent${h.sentAt ? ' ' + new Date(h.sentAt).toISOString() : ''}`],
    ['Kind', e.kind],
    ['Time', new Date(e.time).toISOString()],
    ['Session', `${e.sessionId} #${e.seq}`],
    [
      'Consent',
      `${e.consent.state}, policy v${e.consent.policyVersion}${e.consent.pauseId ? `, pause ${e.consent.pauseId}` : ''}${e.consent.exemptionId ? `, exemption ${e.consent.exemptionId}` : ''}`,
    ],
  ];
  const p = fileOf(e);
  if (p) fields.push(['File', p]);
  const detail: EventDetail = { id: e.id, title: describeEvent(e).title, fields, json: JSON.stringify(e, null, 2) };
  switch (e.kind) {
    case 'edit':
      fields.push(
        ['Provenance', `${e.provenance.label} (${Math.round(e.provenance.confidence * 100)}%)`],
        ['Step', `${e.changeCount} change(s), closed by ${e.cut}`],
      );
      detail.diff = diffToLines(e.diff);
      break;
    case 'file.baseline':
      detail.text = { label: 'Text (redacted)', value: e.text };
      break;
    case 'terminal.command':
      fields.push(['Command', e.commandLine]);
      if (e.cwd) fields.push(['Folder', e.cwd]);
      if (e.exitCode !== undefined) fields.push(['Exit code', String(e.exitCode)]);
      if (e.outputTail) detail.text = { label: 'Output tail (redacted)', value: e.outputTail };
      break;
    case 'gap':
      fields.push(['From', new Date(e.from).toISOString()], ['To', new Date(e.to).toISOString()], ['Reason', e.reason]);
      break;
    case 'commit':
      fields.push(['Message', e.message]);
      break;
    case 'diagnostics':
      if (e.messages?.length) detail.text = { label: 'Messages', value: e.messages.join('\n') };
      break;
    default:
      break;
  }
  return detail;
}

/**
 * What removing the selected pending events really removes: an edit or baseline of a file also
 * takes the later pending steps of that file in its session, since their diffs build on it.
 */
export function removalClosure(selected: Iterable<string>, pending: readonly TrajectoryEvent[]): { ids: Set<string>; cascaded: number } {
  const ids = new Set(selected);
  const pendingIds = new Set(pending.map((e) => e.id));
  for (const id of [...ids]) if (!pendingIds.has(id)) ids.delete(id);
  const firstCut = new Map<string, number>();
  for (const e of pending) {
    if (!ids.has(e.id) || (e.kind !== 'edit' && e.kind !== 'file.baseline')) continue;
    const key = e.sessionId + '\0' + e.path;
    firstCut.set(key, Math.min(firstCut.get(key) ?? Infinity, e.seq));
  }
  let cascaded = 0;
  for (const e of pending) {
    if (ids.has(e.id) || (e.kind !== 'edit' && e.kind !== 'file.baseline')) continue;
    const from = firstCut.get(e.sessionId + '\0' + e.path);
    // a later baseline restates the file: steps from there on replay again
    if (from !== undefined && e.seq > from && e.kind === 'edit' && !restatedBetween(pending, ids, e, from)) {
      ids.add(e.id);
      cascaded++;
    }
  }
  return { ids, cascaded };
}

function restatedBetween(
  pending: readonly TrajectoryEvent[],
  removed: Set<string>,
  edit: TrajectoryEvent & { path: string },
  from: number,
): boolean {
  return pending.some(
    (b) =>
      b.kind === 'file.baseline' &&
      !removed.has(b.id) &&
      b.sessionId === edit.sessionId &&
      b.path === edit.path &&
      b.seq > from &&
      b.seq < edit.seq,
  );
}
