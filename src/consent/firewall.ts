// The consent firewall: the one check every record passes before it is written to the
// outbox, whatever part of the extension produced it. Every text field of every kind is
// looked at line by line against the fingerprints of text seen while capture was off; a
// line that matches is replaced by the mask. A file's baseline or diff is not patched
// (a patched diff would no longer replay): it is held back and the file is stated again,
// with the matching text tainted, by the trajectory core.
import type { TrajectoryEvent } from '@codetrail/protocol';
import type { LineRange } from './fingerprints';
import { NOT_CAPTURED } from '../capture/render';

/** Fields that never hold free text: identifiers, hashes, enumerations, numbers. */
const NOT_TEXT = new Set([
  'schema',
  'id',
  'sessionId',
  'seq',
  'time',
  'kind',
  'consent',
  'languageId',
  'sha256',
  'beforeSha256',
  'afterSha256',
  'provenance',
  'startTime',
  'changeCount',
  'cut',
  'reason',
  'from',
  'to',
  'dropped',
  'workspace',
  'client',
  'exitCode',
  'durationMs',
  'source',
  'line',
  'character',
  'size',
  'before',
  'after',
  'afterEdit',
  'what',
  'count',
  'commit',
  'filesChanged',
]);

export interface FirewallStats {
  /** Records passed through the check. */
  checked: number;
  /** Lines or fields replaced by the mask. */
  masked: number;
  /** File baselines and diffs held back (their file is stated again). */
  held: number;
}

export class ConsentFirewall {
  readonly stats: FirewallStats = { checked: 0, masked: 0, held: 0 };

  constructor(
    /** Ranges of a line recognised as text seen while capture was off (the fingerprint ledger). */
    private readonly recognize: (line: string) => readonly LineRange[] | undefined,
    /** A baseline or diff of this file was held back: state the file again, tainting what matched. */
    private readonly onHeld: (path: string) => void = () => undefined,
  ) {}

  /** The record as it may be written, or undefined when it must be held back. */
  check(event: TrajectoryEvent): TrajectoryEvent | undefined {
    this.stats.checked++;
    if (event.kind === 'file.baseline' || event.kind === 'edit') {
      const body = event.kind === 'file.baseline' ? event.text : event.diff;
      if (this.pathHits(event.path) || (event.kind === 'file.baseline' ? this.textHits(body) : this.diffHits(body))) {
        this.stats.held++;
        this.onHeld(event.path);
        return undefined;
      }
      return event;
    }
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(event)) {
      if (NOT_TEXT.has(k)) continue;
      const masked = this.maskValue(k, v);
      if (masked === v) continue;
      out ??= { ...event };
      out[k] = masked;
    }
    return (out as TrajectoryEvent | undefined) ?? event;
  }

  private hit(line: string): boolean {
    return line.length > 0 && line !== NOT_CAPTURED && this.recognize(line) !== undefined;
  }

  private pathHits(path: string): boolean {
    return path.split('/').some((part) => this.hit(part)) || this.hit(path);
  }

  private textHits(text: string): boolean {
    for (let start = 0; start <= text.length;) {
      let nl = text.indexOf('\n', start);
      if (nl < 0) nl = text.length;
      if (this.hit(text.slice(start, nl))) return true;
      start = nl + 1;
    }
    return false;
  }

  private diffHits(diff: string): boolean {
    for (const line of diff.split('\n')) {
      const c = line.charCodeAt(0);
      // ' ', '+', '-' lines carry text; '---'/'+++' carry the path (checked apart); '@@' and '\' do not.
      if (line.startsWith('--- ') || line.startsWith('+++ ')) continue;
      if ((c === 32 || c === 43 || c === 45) && this.hit(line.slice(1))) return true;
    }
    return false;
  }

  private maskValue(key: string, v: unknown): unknown {
    if (typeof v === 'string') return this.maskText(key, v);
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x) => {
        const m = typeof x === 'string' ? this.maskText(key, x) : x;
        if (m !== x) changed = true;
        return m;
      });
      return changed ? out : v;
    }
    return v;
  }

  /** Multi-line text loses only its matching lines; a one-line field (a path, a name) goes whole. */
  private maskText(key: string, text: string): string {
    if (!text.includes('\n')) {
      const hit = key === 'path' || key === 'cwd' ? this.pathHits(text) : this.hit(text);
      if (!hit) return text;
      this.stats.masked++;
      return NOT_CAPTURED;
    }
    let changed = false;
    const lines = text.split('\n').map((l) => {
      if (!this.hit(l)) return l;
      changed = true;
      this.stats.masked++;
      return NOT_CAPTURED;
    });
    return changed ? lines.join('\n') : text;
  }
}
