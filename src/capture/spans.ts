// Character ranges of a document carried through edits, the way the text itself is: a change
// cuts the ranges it deletes, shifts those after it, and may mark what it inserts. The
// trajectory core keeps two: which characters are tainted (entered while capture was off, or
// of unknown origin), and when recent characters were typed (so a discard or late news of a
// pause can taint them after the fact).
//
// Cost: the shift of every range after a change is kept as one pending offset ("ranges from
// index k on are `lazy` further right"), so typing in one place costs O(log n); moving to
// another place costs the ranges passed over once.

export interface Span {
  start: number;
  end: number;
  /** What the range carries: for recency, the time its latest character was inserted. */
  tag: number;
}

export class SpanList {
  private spans: Span[] = [];
  /** Ranges from this index on are `lazy` further right than stored. */
  private lazyFrom = 0;
  private lazy = 0;

  /** Adjacent ranges merge when their tags differ by at most this much (the larger tag is kept). */
  constructor(private readonly mergeWithin = Infinity) {}

  get isEmpty(): boolean {
    return this.spans.length === 0;
  }

  get count(): number {
    return this.spans.length;
  }

  all(): readonly Span[] {
    this.settle();
    return this.spans;
  }

  clear(): void {
    this.spans = [];
    this.lazy = 0;
    this.lazyFrom = 0;
  }

  /** Applies the pending shift to every range. */
  private settle(): void {
    if (this.lazy === 0) return;
    this.shiftStored(this.lazyFrom, this.spans.length, this.lazy);
    this.lazy = 0;
    this.lazyFrom = this.spans.length;
  }

  private shiftStored(from: number, to: number, by: number): void {
    for (let k = from; k < to; k++) {
      this.spans[k].start += by;
      this.spans[k].end += by;
    }
  }

  private startOf(k: number): number {
    return this.spans[k].start + (k >= this.lazyFrom ? this.lazy : 0);
  }

  private endOf(k: number): number {
    return this.spans[k].end + (k >= this.lazyFrom ? this.lazy : 0);
  }

  /** Index of the first range whose end is past `pos`. */
  private firstEndingAfter(pos: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.endOf(mid) > pos) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Moves the pending shift's start to index `k`, applying it to the ranges passed over. */
  private moveLazyTo(k: number): void {
    if (this.lazy === 0) {
      this.lazyFrom = k;
      return;
    }
    if (k > this.lazyFrom) this.shiftStored(this.lazyFrom, k, this.lazy);
    else if (k < this.lazyFrom) this.shiftStored(k, this.lazyFrom, -this.lazy);
    this.lazyFrom = k;
  }

  /**
   * One change: `deleted` characters at `offset` replaced by `inserted` characters, which
   * carry `tag` when one is given (and nothing otherwise).
   */
  apply(offset: number, deleted: number, inserted: number, tag?: number): void {
    const end = offset + deleted;
    const delta = inserted - deleted;
    const i = this.firstEndingAfter(offset);
    // Ranges ending at or before `offset` stay. Those overlapping [offset, end) — or, for a
    // pure insertion, straddling `offset` — keep only their parts outside it.
    let j = i;
    while (j < this.spans.length && this.startOf(j) < end) j++;
    this.moveLazyTo(j); // ranges [i, j) now hold their true positions
    const spans = this.spans;
    const left: Span[] = [];
    const right: Span[] = [];
    for (let k = i; k < j; k++) {
      const s = spans[k];
      if (s.start < offset) left.push({ start: s.start, end: offset, tag: s.tag });
      if (s.end > end) right.push({ start: offset + inserted, end: s.end + delta, tag: s.tag });
    }
    this.lazy += delta; // everything from j on moves by delta
    const middle: Span[] = tag !== undefined && inserted > 0 ? [{ start: offset, end: offset + inserted, tag }] : [];
    const replacement = left.length + middle.length + right.length === 0 ? [] : [...left, ...middle, ...right];
    if (j > i || replacement.length > 0) {
      spans.splice(i, j - i, ...replacement);
      this.lazyFrom += replacement.length - (j - i);
    }
    this.mergeAround(i - 1, i + replacement.length);
  }

  /** Merges neighbours in [from..to] that touch and whose tags are close enough. */
  private mergeAround(from: number, to: number): void {
    const spans = this.spans;
    let k = Math.max(0, from);
    let last = Math.min(to, spans.length - 1);
    while (k < last) {
      const a = spans[k];
      const b = spans[k + 1];
      const aEnd = this.endOf(k);
      const bStart = this.startOf(k + 1);
      if (aEnd >= bStart && Math.abs(a.tag - b.tag) <= this.mergeWithin) {
        const bEnd = this.endOf(k + 1);
        // The merged range takes a's place: stored relative to a's side of the pending shift.
        const shift = k >= this.lazyFrom ? this.lazy : 0;
        a.end = Math.max(aEnd, bEnd) - shift;
        a.tag = Math.max(a.tag, b.tag);
        spans.splice(k + 1, 1);
        if (k + 1 < this.lazyFrom) this.lazyFrom--;
        last--;
      } else k++;
    }
  }

  /** Marks [start, end), merging with what it overlaps or touches (the larger tag is kept). */
  add(start: number, end: number, tag = 0): void {
    if (end <= start) return;
    this.settle();
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
    this.lazyFrom = spans.length;
  }

  /** True when some range overlaps [start, end). */
  intersects(start: number, end: number): boolean {
    if (end <= start) return false;
    const i = this.firstEndingAfter(start);
    return i < this.spans.length && this.startOf(i) < end;
  }

  /** The ranges overlapping [start, end), clipped to it. */
  within(start: number, end: number): Span[] {
    const out: Span[] = [];
    if (end <= start) return out;
    for (let i = this.firstEndingAfter(start); i < this.spans.length && this.startOf(i) < end; i++) {
      out.push({ start: Math.max(this.startOf(i), start), end: Math.min(this.endOf(i), end), tag: this.spans[i].tag });
    }
    return out;
  }

  /** Removes ranges the predicate rejects (e.g. recency older than anything discardable). */
  keep(predicate: (s: Span) => boolean): void {
    this.settle();
    this.spans = this.spans.filter(predicate);
    this.lazyFrom = this.spans.length;
  }

  clone(): SpanList {
    this.settle();
    const c = new SpanList(this.mergeWithin);
    c.spans = this.spans.map((x) => ({ ...x }));
    c.lazyFrom = c.spans.length;
    return c;
  }

  /** A list holding the given ranges. */
  static of(ranges: readonly { start: number; end: number; tag?: number }[], mergeWithin = Infinity): SpanList {
    const l = new SpanList(mergeWithin);
    for (const r of [...ranges].sort((a, b) => a.start - b.start)) l.add(r.start, r.end, r.tag ?? 0);
    return l;
  }
}
