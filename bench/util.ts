// Shared helpers for benchmarks: deterministic inputs, percentiles, the PostgreSQL to use.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/** CODETRAIL_TEST_PG_URL, else the project's throwaway PostgreSQL (scripts/pg.sh starts it). */
export function pgBaseUrl(): string {
  if (process.env.CODETRAIL_TEST_PG_URL) return process.env.CODETRAIL_TEST_PG_URL;
  const r = spawnSync('bash', [join(resolve(__dirname, '../..'), 'scripts/pg.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const m = /CODETRAIL_TEST_PG_URL=(\S+)/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) throw new Error('could not start PostgreSQL through scripts/pg.sh');
  return m[1];
}

/** A small deterministic PRNG (mulberry32) so every run measures the same input. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1));
  return sorted[idx];
}

/** TypeScript-looking source of `lines` lines. */
export function syntheticSource(lines: number, seed: number): string {
  const rand = seededRandom(seed);
  const shapes = [
    (i: number) => `export function handler${i}(input: Request): Promise<Response> {`,
    (i: number) => `  const value${i} = items.filter((x) => x.id !== ${i}).map((x) => x.name);`,
    () => `  if (!options.enabled) return undefined;`,
    (i: number) => `  // keep the order stable for item ${i}`,
    () => `  return { ok: true, count: values.length };`,
    () => `}`,
    () => ``,
  ];
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(shapes[Math.floor(rand() * shapes.length)](i));
  return out.join('\n') + '\n';
}
