// Which step inserted each character of a file, followed through a trajectory's diffs
// without rebuilding the whole text: a file is an array of lines (each with its '\n'), and
// a diff touches only the lines its hunks name. Each line carries the origins of its
// characters, so a later change that removes them takes them off their step's live count.
// Characters are UTF-16 code units of the text as exported (placeholders included).

/** Origin of text no step of the trajectory inserted (a baseline's text). */
export const BASELINE = -1;

/** Origins of one line: one origin for the whole line, or runs [origin, length, origin, length, ...]. */
export type LineOrigins = number | number[];

/** Live character counts per step; a step's origin is its index (below `steps`). */
export class LiveCounts {
  /** Characters each step inserted (as its diff shows them). */
  readonly inserted: Float64Array;
  /** Characters of each step still in the files. */
  readonly live: Float64Array;

  constructor(steps: number) {
    this.inserted = new Float64Array(steps);
    this.live = new Float64Array(steps);
  }

  add(step: number, n: number): void {
    if (step < 0 || n <= 0) return;
    this.inserted[step] += n;
    this.live[step] += n;
  }

  remove(step: number, n: number): void {
    if (step < 0 || n <= 0) return;
    this.live[step] -= n;
  }
}

/** Builds flat runs, merging neighbours of the same origin. */
class Runs {
  readonly out: number[] = [];
  push(origin: number, len: number): void {
    if (len <= 0) return;
    const n = this.out.length;
    if (n && this.out[n - 2] === origin) this.out[n - 1] += len;
    else this.out.push(origin, len);
  }
}

/** Appends the runs of `o` (a line of `len` characters) that fall in [from, to). */
function sliceInto(o: LineOrigins, len: number, from: number, to: number, out: Runs): void {
  if (to <= from) return;
  if (typeof o === 'number') {
    out.push(o, Math.min(to, len) - from);
    return;
  }
  let pos = 0;
  for (let i = 0; i < o.length && pos < to; i += 2) {
    const end = pos + o[i + 1];
    const lo = Math.max(pos, from);
    const hi = Math.min(end, to);
    if (hi > lo) out.push(o[i], hi - lo);
    pos = end;
  }
}

/** Takes the runs in [from, to) off their steps' live counts. */
function removeRange(o: LineOrigins, len: number, from: number, to: number, counts: LiveCounts): void {
  if (to <= from) return;
  if (typeof o === 'number') {
    counts.remove(o, Math.min(to, len) - from);
    return;
  }
  let pos = 0;
  for (let i = 0; i < o.length && pos < to; i += 2) {
    const end = pos + o[i + 1];
    const lo = Math.max(pos, from);
    const hi = Math.min(end, to);
    if (hi > lo) counts.remove(o[i], hi - lo);
    pos = end;
  }
}

function compact(runs: number[]): LineOrigins {
  return runs.length === 2 ? runs[0] : runs.length === 0 ? BASELINE : runs;
}

/**
 * Replaces a block of changed lines: the common prefix and suffix of old and new text keep
 * their origins, the old middle is removed, the new middle is the step's. A block with as
 * many new lines as old is compared line by line (several cursors, a rename on each line).
 * Returns the new lines' origins; the counts are updated.
 */
export function replaceBlock(
  oldTexts: readonly string[],
  oldOrigins: readonly LineOrigins[],
  newTexts: readonly string[],
  step: number,
  counts: LiveCounts,
): LineOrigins[] {
  if (oldTexts.length === newTexts.length) {
    const out: LineOrigins[] = new Array(newTexts.length);
    for (let i = 0; i < newTexts.length; i++) out[i] = replacePair(oldTexts[i], oldOrigins[i], newTexts[i], step, counts);
    return out;
  }
  const a = oldTexts.join('');
  const b = newTexts.join('');
  const [p, s] = commonEnds(a, b);
  // the old block's runs, flat
  const old = new Runs();
  for (let i = 0; i < oldTexts.length; i++) sliceInto(oldOrigins[i], oldTexts[i].length, 0, oldTexts[i].length, old);
  const oldFlat: LineOrigins = old.out;
  removeRange(oldFlat, a.length, p, a.length - s, counts);
  const ins = b.length - s - p;
  counts.add(step, ins);
  const joined = new Runs();
  sliceInto(oldFlat, a.length, 0, p, joined);
  joined.push(step, ins);
  sliceInto(oldFlat, a.length, a.length - s, a.length, joined);
  // cut the joined runs at the new lines' lengths
  const out: LineOrigins[] = new Array(newTexts.length);
  let pos = 0;
  for (let i = 0; i < newTexts.length; i++) {
    const line = new Runs();
    sliceInto(joined.out, b.length, pos, pos + newTexts[i].length, line);
    out[i] = compact(line.out);
    pos += newTexts[i].length;
  }
  return out;
}

function replacePair(a: string, o: LineOrigins, b: string, step: number, counts: LiveCounts): LineOrigins {
  const [p, s] = commonEnds(a, b);
  removeRange(o, a.length, p, a.length - s, counts);
  const ins = b.length - s - p;
  counts.add(step, ins);
  if (typeof o === 'number' && (ins === 0 || o === step)) return o;
  const r = new Runs();
  sliceInto(o, a.length, 0, p, r);
  r.push(step, ins);
  sliceInto(o, a.length, a.length - s, a.length, r);
  return compact(r.out);
}

/** Lengths of the common prefix and (non-overlapping) common suffix of a and b. */
function commonEnds(a: string, b: string): [number, number] {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  const la = a.length - 1;
  const lb = b.length - 1;
  while (s < max - p && a.charCodeAt(la - s) === b.charCodeAt(lb - s)) s++;
  return [p, s];
}

/** Splits a text into lines that keep their '\n' (the last one may have none). */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl + 1;
    out.push(text.slice(pos, end));
    pos = end;
  }
  return out;
}

/** A diff that does not apply to the tracked text. */
export class TrackError extends Error {}

/** A hunk header "@@ -a[,b] +c[,d] @@" read in place: [a, b, c, d], b and d 1 when left out. */
const header = [0, 0, 0, 0];
function readHeader(diff: string, pos: number): boolean {
  if (!diff.startsWith('@@ -', pos)) return false;
  let i = pos + 4;
  for (let f = 0; f < 4; f += 2) {
    let n = 0;
    let digits = 0;
    for (let c = diff.charCodeAt(i); c >= 48 && c <= 57; c = diff.charCodeAt(++i)) {
      n = n * 10 + c - 48;
      digits++;
    }
    if (!digits) return false;
    header[f] = n;
    header[f + 1] = 1;
    if (diff.charCodeAt(i) === 44 /* ',' */) {
      n = 0;
      digits = 0;
      for (let c = diff.charCodeAt(++i); c >= 48 && c <= 57; c = diff.charCodeAt(++i)) {
        n = n * 10 + c - 48;
        digits++;
      }
      if (!digits) return false;
      header[f + 1] = n;
    }
    if (f === 0) {
      if (!diff.startsWith(' +', i)) return false;
      i += 2;
    }
  }
  return diff.startsWith(' @@', i);
}

/** One file's lines and their origins. */
export class TrackedFile {
  private readonly texts: string[];
  private readonly origins: LineOrigins[];

  constructor(text: string) {
    this.texts = splitLines(text);
    this.origins = new Array<LineOrigins>(this.texts.length).fill(BASELINE);
  }

  get lineCount(): number {
    return this.texts.length;
  }

  text(): string {
    return this.texts.join('');
  }

  /** Origins of line `i`, for tests. */
  originsOf(i: number): LineOrigins {
    return this.origins[i];
  }

  /**
   * Applies a unified diff as the step `step`: hunks must fit, removed lines must match and
   * context lines must have their lengths. Costs the diff's size plus moving the line array
   * when the line count changes.
   * Throws TrackError when the diff does not apply; the file is then unusable.
   */
  apply(diff: string, step: number, counts: LiveCounts): void {
    const texts = this.texts;
    const n = diff.length;
    let pos = 0;
    while (pos < n && !diff.startsWith('@@', pos)) {
      // ---/+++ headers
      const nl = diff.indexOf('\n', pos);
      pos = nl === -1 ? n : nl + 1;
    }
    let shift = 0; // lines added minus removed by earlier blocks
    while (pos < n) {
      if (!readHeader(diff, pos)) throw new TrackError('expected a hunk header');
      const hnl = diff.indexOf('\n', pos);
      pos = hnl === -1 ? n : hnl + 1;
      const oldStart = header[0];
      const oldLines = header[1];
      const newLines = header[3];
      let cur = (oldLines === 0 ? oldStart : oldStart - 1) + shift; // next old line, in the current array
      if (cur < 0 || cur + oldLines > texts.length) throw new TrackError('hunk does not fit the file');
      let blockFrom = -1; // first line of the open block of changed lines
      let added: string[] = [];
      let oldSeen = 0;
      let newSeen = 0;
      const flush = () => {
        const removed = cur - blockFrom;
        if (removed === 1 && added.length === 1) {
          // the common case: one line changed
          this.origins[blockFrom] = replacePair(texts[blockFrom], this.origins[blockFrom], added[0], step, counts);
          texts[blockFrom] = added[0];
          cur = blockFrom + 1;
          blockFrom = -1;
          added = [];
          return;
        }
        const o = replaceBlock(texts.slice(blockFrom, cur), this.origins.slice(blockFrom, cur), added, step, counts);
        this.splice(blockFrom, removed, added, o);
        cur = blockFrom + added.length;
        shift += added.length - removed;
        blockFrom = -1;
        added = [];
      };
      while (pos < n && (oldSeen < oldLines || newSeen < newLines)) {
        const ls = pos;
        const nl = diff.indexOf('\n', pos);
        const le = nl === -1 ? n : nl;
        pos = nl === -1 ? n : nl + 1;
        // a line keeps its '\n' unless "\ No newline at end of file" follows it
        const bare = diff.charCodeAt(pos) === 92 /* '\\' */ && pos < n;
        const c = diff.charCodeAt(ls);
        if (c === 43 /* '+' */) {
          if (blockFrom < 0) blockFrom = cur;
          added.push(bare ? diff.slice(ls + 1, le) : le < n ? diff.slice(ls + 1, le + 1) : diff.slice(ls + 1) + '\n');
          newSeen++;
        } else if (c === 32 /* ' ' */ || c === 45 /* '-' */) {
          if (c === 32 ? blockFrom >= 0 : added.length > 0) flush(); // a '-' after '+' starts a new block
          // context lines are checked by length (what the labels depend on is the removed text,
          // checked in full); the verifier checks every byte with the hashes
          const t = texts[cur];
          const len = bare ? le - ls - 1 : le - ls;
          if (t === undefined || t.length !== len) throw new TrackError(`${c === 32 ? 'context' : 'removed'} line ${cur + 1} differs`);
          if (c === 45 && t !== (bare ? diff.slice(ls + 1, le) : le < n ? diff.slice(ls + 1, le + 1) : diff.slice(ls + 1) + '\n')) {
            throw new TrackError(`removed line ${cur + 1} differs`);
          }
          if (c === 45 && blockFrom < 0) blockFrom = cur;
          cur++;
          oldSeen++;
          if (c === 32) newSeen++;
        } else {
          throw new TrackError('unexpected hunk line');
        }
        if (bare) {
          const bnl = diff.indexOf('\n', pos);
          pos = bnl === -1 ? n : bnl + 1;
        }
      }
      if (blockFrom >= 0) flush();
      if (oldSeen !== oldLines || newSeen !== newLines) throw new TrackError('hunk counts do not match its header');
    }
  }

  /** Replaces the whole text (a new baseline): unchanged leading and trailing lines keep their origins. */
  rebase(text: string, counts: LiveCounts): void {
    const b = splitLines(text);
    const a = this.texts;
    const max = Math.min(a.length, b.length);
    let p = 0;
    while (p < max && a[p] === b[p]) p++;
    let s = 0;
    while (s < max - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
    const mid = b.slice(p, b.length - s);
    const o = replaceBlock(a.slice(p, a.length - s), this.origins.slice(p, a.length - s), mid, BASELINE, counts);
    this.splice(p, a.length - s - p, mid, o);
  }

  /** Replaces `count` lines at `start`, in place (the arrays are never swapped for others). */
  private splice(start: number, count: number, texts: string[], origins: LineOrigins[]): void {
    if (texts.length === count) {
      for (let i = 0; i < count; i++) {
        this.texts[start + i] = texts[i];
        this.origins[start + i] = origins[i];
      }
      return;
    }
    const CHUNK = 10_000; // spreading more arguments than this risks the call stack
    if (texts.length <= CHUNK) {
      this.texts.splice(start, count, ...texts);
      this.origins.splice(start, count, ...origins);
      return;
    }
    this.texts.splice(start, count);
    this.origins.splice(start, count);
    for (let i = 0; i < texts.length; i += CHUNK) {
      this.texts.splice(start + i, 0, ...texts.slice(i, i + CHUNK));
      this.origins.splice(start + i, 0, ...origins.slice(i, i + CHUNK));
    }
  }
}
