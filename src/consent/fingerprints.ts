// Keyed fingerprints of text seen while capture was off, kept so that text is recognised
// wherever it turns up later: another file, a renamed or re-opened one, a terminal's output,
// after a reload. Only fingerprints are kept, never the text: each is a 52-bit keyed hash of
// an 8-character shingle (or of a whole trimmed line), under a key derived from the
// installation's secret key.
//
// Why a keyed rolling hash and not one HMAC a shingle: every line the extension emits is
// checked, so a check must cost a few nanoseconds a character. The hash tables are
// pseudo-random, derived from the key with AES-CTR: without the key a fingerprint tells
// nothing about the text it came from.
import { createCipheriv, createHmac } from 'node:crypto';

export type LineRange = readonly [number, number];

export interface FingerprintOptions {
  /** Shingle length in UTF-16 code units. */
  k?: number;
  /** A line is recognised when matching shingles cover a run this long... */
  minRun?: number;
  /** ...or this share of its non-blank characters. */
  minShare?: number;
}

const TWO_52 = 2 ** 52;
/** Whole-line fingerprints live beside shingles, told apart by bit 52. */
const LINE_TAG = TWO_52;

function rotl(x: number, n: number): number {
  n &= 31;
  return n === 0 ? x : (x << n) | (x >>> (32 - n));
}

/** Lines with no letter or digit (a lone brace, "});") say nothing about what was typed. */
const MEANINGFUL = /[\p{L}\p{N}]/u;

export class FingerprintLedger {
  readonly k: number;
  private readonly minRun: number;
  private readonly minShare: number;
  private readonly tableA: Int32Array;
  private readonly tableB: Int32Array;
  /** Fingerprint → day number it was last seen or matched. */
  private readonly seen = new Map<number, number>();
  /** Fingerprints added or refreshed since the last `takeFresh()`. */
  private fresh: number[] = [];

  constructor(
    key: Buffer,
    options: FingerprintOptions = {},
    private readonly today: () => number = () => Math.floor(Date.now() / 86_400_000),
  ) {
    this.k = options.k ?? 8;
    this.minRun = options.minRun ?? 2 * this.k;
    this.minShare = options.minShare ?? 0.6;
    const tableKey = createHmac('sha256', key).update('codetrail fingerprint tables v1').digest();
    const stream = createCipheriv('aes-256-ctr', tableKey, Buffer.alloc(16)).update(Buffer.alloc(2 * 65536 * 4));
    this.tableA = new Int32Array(stream.buffer.slice(stream.byteOffset, stream.byteOffset + 65536 * 4));
    this.tableB = new Int32Array(stream.buffer.slice(stream.byteOffset + 65536 * 4, stream.byteOffset + 2 * 65536 * 4));
  }

  get size(): number {
    return this.seen.size;
  }

  /** Fingerprints loaded from disk (or another window), with the day each was last seen. */
  load(value: number, day: number): void {
    const had = this.seen.get(value);
    if (had === undefined || had < day) this.seen.set(value, day);
  }

  /** Fingerprints added or refreshed since the last call, to be written to disk. */
  takeFresh(): number[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }

  /** Forgets fingerprints not seen since `day` (the retention horizon). */
  expire(day: number): void {
    for (const [v, d] of this.seen) if (d < day) this.seen.delete(v);
  }

  /** A keyed 52-bit hash of a whole line: what the line-state memory of a file is made of. */
  lineHash(line: string): number {
    let a = 0x2545f491;
    let b = 0x6b43a9b5;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      a = Math.imul(a ^ this.tableA[c], 0x9e3779b1);
      b = Math.imul(b ^ this.tableB[c], 0x85ebca77);
      a ^= a >>> 15;
      b ^= b >>> 13;
    }
    a = Math.imul(a ^ line.length, 0xc2b2ae3d);
    return (a >>> 12) * 2 ** 32 + (b >>> 0);
  }

  /** Remembers a line holding text typed while capture was off (`tainted`: its ranges). */
  add(rawLine: string, tainted: readonly LineRange[]): void {
    const line = stripCr(rawLine);
    const trimmed = line.trim();
    if (trimmed.length >= 3 && MEANINGFUL.test(trimmed)) this.put(LINE_TAG + this.lineHash(trimmed));
    const k = this.k;
    if (line.length < k) return;
    let r = 0;
    this.roll(line, (i, h) => {
      // Shingles [i, i+k) holding at least one tainted character.
      while (r < tainted.length && tainted[r][1] <= i) r++;
      if (r < tainted.length && tainted[r][0] < i + k) this.put(h);
    });
  }

  /**
   * Character ranges of the line recognised as text seen while capture was off, if any.
   * Lenient (text of unknown origin: a file first seen, a paste, a change from outside):
   * a whole line, a run of 2k characters, or most of the line. Strict (any record at all,
   * typed text included): a whole line, or a run of 3k characters — so a line typed while
   * recording that merely resembles paused text is not taken for it.
   */
  match(rawLine: string, strict = false): LineRange[] | undefined {
    if (this.seen.size === 0) return undefined;
    const line = stripCr(rawLine);
    const trimmed = line.trim();
    if (trimmed.length >= 3 && this.hit(LINE_TAG + this.lineHash(trimmed))) return [[0, line.length]];
    const k = this.k;
    if (line.length < k) return undefined;
    const covered: [number, number][] = [];
    this.roll(line, (i, h) => {
      if (!this.hit(h)) return;
      const last = covered[covered.length - 1];
      if (last && last[1] >= i) last[1] = i + k;
      else covered.push([i, i + k]);
    });
    if (covered.length === 0) return undefined;
    let longest = 0;
    let coveredSolid = 0;
    for (const [a, b] of covered) {
      longest = Math.max(longest, b - a);
      coveredSolid += countSolid(line, a, b);
    }
    const solid = countSolid(line, 0, line.length);
    if (strict) return longest >= this.minRun + k ? covered : undefined;
    if (longest >= this.minRun || (solid >= k && coveredSolid >= this.minShare * solid)) return covered;
    return undefined;
  }

  private put(v: number): void {
    const day = this.today();
    if (this.seen.get(v) === day) return;
    this.seen.set(v, day);
    this.fresh.push(v);
  }

  /** A lookup that also refreshes what it finds: text still around keeps its fingerprints. */
  private hit(v: number): boolean {
    const d = this.seen.get(v);
    if (d === undefined) return false;
    const day = this.today();
    if (d !== day) {
      this.seen.set(v, day);
      this.fresh.push(v);
    }
    return true;
  }

  /** Calls `each(i, hash)` for every shingle [i, i+k) of the line (a buzhash in two lanes). */
  private roll(line: string, each: (i: number, h: number) => void): void {
    const k = this.k;
    const A = this.tableA;
    const B = this.tableB;
    let a = 0;
    let b = 0;
    for (let j = 0; j < k; j++) {
      const c = line.charCodeAt(j);
      a = rotl(a, 1) ^ A[c];
      b = rotl(b, 1) ^ B[c];
    }
    each(0, (a >>> 12) * 2 ** 32 + (b >>> 0));
    for (let i = 1; i + k <= line.length; i++) {
      const out = line.charCodeAt(i - 1);
      const inc = line.charCodeAt(i + k - 1);
      a = rotl(a, 1) ^ rotl(A[out], k) ^ A[inc];
      b = rotl(b, 1) ^ rotl(B[out], k) ^ B[inc];
      each(i, (a >>> 12) * 2 ** 32 + (b >>> 0));
    }
  }
}

function stripCr(l: string): string {
  return l.endsWith('\r') ? l.slice(0, -1) : l;
}

function countSolid(line: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) n++;
  }
  return n;
}
