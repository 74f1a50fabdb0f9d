// Time spent in the change handler, kept in a fixed ring so measuring costs O(1) per event.

export interface LatencySummary {
  count: number;
  p50Us: number;
  p90Us: number;
  p99Us: number;
  maxUs: number;
  meanUs: number;
}

export class LatencyStats {
  private readonly samples: Float64Array;
  private next = 0;
  private total = 0;

  constructor(capacity = 65_536) {
    this.samples = new Float64Array(capacity);
  }

  record(us: number): void {
    this.samples[this.next] = us;
    this.next = (this.next + 1) % this.samples.length;
    this.total++;
  }

  reset(): void {
    this.next = 0;
    this.total = 0;
  }

  summary(): LatencySummary {
    const n = Math.min(this.total, this.samples.length);
    const sorted = Array.from(this.samples.subarray(0, n)).sort((a, b) => a - b);
    const at = (q: number) => (n ? sorted[Math.min(n - 1, Math.floor(q * n))] : 0);
    const sum = sorted.reduce((a, b) => a + b, 0);
    return { count: n, p50Us: at(0.5), p90Us: at(0.9), p99Us: at(0.99), maxUs: n ? sorted[n - 1] : 0, meanUs: n ? sum / n : 0 };
  }
}
