// Character ranges of a document carried through edits, the way the text itself is: a change
// cuts the ranges it deletes, shifts those after it, and may mark what it inserts. The
// trajectory core keeps two: which characters are tainted (entered while capture was off, or
// of unknown origin), and when recent characters were typed (so a discard or late news of a
// pause can taint them after the fact). Pure; O(log n + ranges touched or shifted) a change.

export interface Span {
  start: number;
  end: number;
  /** What the range carries: for recency, the time its latest character was inserted. */
  tag: number;
}

export class SpanList {
  private spans: Span[] = [];

  /** Adjacent ranges merge when their tags differ by at most this much (the larger tag is kept). */
  constructor(private readonly mergeWithin = Infinity) {}

  get isEmpty(): boolean {
    return this.spans.length === 0;
  }

  get count(): number {
    return this.spans.length;
  }

  all(): readonly Span[] {
    return this.spans;
  }

  clear(): void {
    this.spans = [];
  }

  /** Index of the first span whose end is past `pos`. */
  private firstEndingAfter(pos: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].end > pos) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * One change: `deleted` characters at `offset` replaced by `inserted` characters, which
   * carry `tag` when one is given (and nothing otherwise).
   */
  apply(offset: number, deleted: number, inserted: number, tag?: number): void {
    const end = offset + deleted;
    const delta = inserted - deleted;
    const spans = this.spans;
    const i = this.firstEndingAfter(offset);
    // Spans ending at or before `offset` stay. Those overlapping [offset, end) — or, for a
    // pure insertion, straddling `offset` — keep only their parts outside it.
    const left: Span[] = [];
    const right: Span[] = [];
    let j = i;
    for (; j < spans.length && spans[j].start < end; j++) {
      const s = spans[j];
      if (s.start < offset) left.push({ start: s.start, end: offset, tag: s.tag });
      if (s.end > end) right.push({ start: offset + inserted, end: s.end + delta, tag: s.tag });
    }
    for (let k = j; k < spans.length; k++) {
      spans[k].start += delta;
      spans[k].end += delta;
    }
    const middle: Span[] = tag !== undefined && inserted > 0 ? [{ start: offset, end: offset + inserted, tag }] : [];
    const replacement = [...left, ...middle, ...right];
    spans.splice(i, j - i, ...replacement);
    this.mergeAround(i - 1, i + replacement.length);
  }

  /** Marks [start, end), merging with what it overlaps or touches (the larger tag is kept). */
  add(start: number, end: number, tag = 0): void {
    if (end <= start) return;
    const spans = this.spans;
    const i = this.firstEndingAfter(start - 1);
    let j = i;
    let lo = start;
    let hi = end;
    let t = tag;
    while (j < spans.length && spans[j].start <= end) {
      lo = Math.min(lo, spans[j].start);
      hi = Math.max(hi, spans[j].end);
      t = Math.max(t, spans[j].tag);
      j++;
    }
    spans.splice(i, j - i, { start: lo, end: hi, tag: t });
  }

  /** Merges neighbours in spans[from..to] that touch and whose tags are close enough. */
  private mergeAround(from: number, to: number): void {
    const spans = this.spans;
    let k = Math.max(0, from);
    let last = Math.min(to, spans.length - 1);
    while (k < last) {
      const a = spans[k];
      const b = spans[k + 1];
      if (a.end >= b.start && Math.abs(a.tag - b.tag) <= this.mergeWithin) {
        a.end = Math.max(a.end, b.end);
        a.tag = Math.max(a.tag, b.tag);
        spans.splice(k + 1, 1);
        last--;
      } else k++;
    }
  }

  /** True when some span overlaps [start, end). */
  intersects(start: number, end: number): boolean {
    const i = this.firstEndingAfter(start);
    return i < this.spans.length && this.spans[i].start < end;
  }

  /** The spans overlapping [start, end), clipped to it. */
  within(start: number, end: number): Span[] {
    const out: Span[] = [];
    for (let i = this.firstEndingAfter(start); i < this.spans.length && this.spans[i].start < end; i++) {
      const s = this.spans[i];
      out.push({ start: Math.max(s.start, start), end: Math.min(s.end, end), tag: s.tag });
    }
    return out;
  }

  /** Removes spans the predicate rejects (e.g. recency older than anything discardable). */
  keep(predicate: (s: Span) => boolean): void {
    this.spans = this.spans.filter(predicate);
  }

  clone(): SpanList {
    const c = new SpanList(this.mergeWithin);
    c.spans = this.spans.map((x) => ({ ...x }));
    return c;
  }

  /** A list holding the given ranges. */
  static of(ranges: readonly { start: number; end: number; tag?: number }[], mergeWithin = Infinity): SpanList {
    const l = new SpanList(mergeWithin);
    for (const r of [...ranges].sort((a, b) => a.start - b.start)) l.add(r.start, r.end, r.tag ?? 0);
    return l;
  }
}
