// Redaction throughput on real source code (read from node_modules at run time) and time on
// adversarial 1 MB inputs. Targets: ≥ 20 MB/s on ≥ 10 MB of mixed code; ≤ 50 ms per 1 MB input.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { createRedactor } from '../src/redact';

const MB = 1024 * 1024;
const root = join(__dirname, '..', '..', 'node_modules');
const redactor = createRedactor({
  key: new Uint8Array(32).fill(3),
  localIdentifiers: { userName: 'jdoe-local', hostName: 'build-host-17', gitName: 'Jane Q Developer', gitEmail: 'jane.dev@corp.test', homeDir: '/home/jdoe-local' },
  budgetMs: 60_000,
});

/** Files from many packages and of several kinds, in a fixed order, up to `limit` bytes. */
function corpus(limit: number): string[] {
  const exts = ['.js', '.ts', '.mjs', '.cjs', '.json', '.md', '.yml', '.yaml', '.map'];
  const files: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 6) return;
    let entries: string[];
    try { entries = readdirSync(dir).sort(); } catch { return; }
    for (const e of entries) {
      const p = join(dir, e);
      let st;
      try { st = statSync(p); } catch { continue; }
      if (st.isDirectory()) walk(p, depth + 1);
      else if (exts.some((x) => e.endsWith(x)) && st.size > 512 && st.size < 3 * MB) files.push(p);
    }
  };
  walk(root, 0);
  // Round-robin over packages so no single package dominates.
  const byPkg = new Map<string, string[]>();
  for (const f of files) {
    const rel = f.slice(root.length + 1).split('/');
    const pkg = rel[0].startsWith('@') ? rel.slice(0, 2).join('/') : rel[0];
    if (!byPkg.has(pkg)) byPkg.set(pkg, []);
    byPkg.get(pkg)!.push(f);
  }
  const out: string[] = [];
  let total = 0;
  const queues = [...byPkg.values()];
  for (let round = 0; total < limit && queues.some((q) => q.length); round++) {
    for (const q of queues) {
      const f = q.shift();
      if (!f) continue;
      const t = readFileSync(f, 'utf8');
      out.push(t);
      total += t.length;
      if (total >= limit) break;
    }
  }
  return out;
}

/** Median of `runs` timings, in CPU milliseconds (user + system) and wall milliseconds. */
function time(fn: () => void, runs = 5): { cpu: number; wall: number } {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const med = (a: number[]): number => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { cpu: med(cpu), wall: med(wall) };
}

function fill(unit: string, size = MB): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const docs = corpus(12 * MB);
const bytes = docs.reduce((n, d) => n + d.length, 0);
let findings = 0;
for (const d of docs) findings += redactor.redact(d).findings.length; // warm-up
const t = time(() => { for (const d of docs) redactor.redact(d); }, 3);
const mbs = (ms: number): string => ((bytes / MB) / (ms / 1000)).toFixed(1);
console.log(`throughput: ${(bytes / MB).toFixed(1)} MB in ${docs.length} files: ${t.cpu.toFixed(0)} ms CPU → ${mbs(t.cpu)} MB/s (wall ${t.wall.toFixed(0)} ms → ${mbs(t.wall)} MB/s; ${findings} findings)`);

const ts = readFileSync(join(root, 'typescript', 'lib', 'typescript.js'), 'utf8');
const minified = ts.slice(0, 2 * MB).replace(/\n\s*/g, ';').slice(0, MB);
const adversarial: [string, string][] = [
  ['minified line (1 MB, no newline)', minified],
  ['`apikey=` repeated', fill('apikey=')],
  ['base64 blob (one line)', randomBytes(MB).toString('base64').slice(0, MB)],
  ['`password: "` repeated', fill('password: "')],
  ['`token=` + 200 chars, repeated', fill('token=' + 'a1B2'.repeat(50) + ' ')],
  ['`a` repeated', fill('a')],
  ['`@a.` repeated', fill('@a.')],
  ['digits with spaces', fill('4111 ')],
  ['`://a:` repeated', fill('://a:')],
  ['`-----BEGIN RSA PRIVATE KEY-----` lines', fill('-----BEGIN RSA PRIVATE KEY-----\n')],
  ['`eyJ` repeated', fill('eyJ')],
  ['`xoxb-1-` repeated', fill('xoxb-1-')],
  ['`/home/` repeated', fill('/home/')],
  ['hex and colons', fill('ab12:')],
  ['base64 lines of 64', randomBytes(MB).toString('base64').replace(/(.{64})/g, '$1\n').slice(0, MB)],
];
let worst = 0;
for (const [name, text] of adversarial) {
  const a = time(() => redactor.redact(text));
  worst = Math.max(worst, a.cpu);
  console.log(`adversarial: ${name.padEnd(42)} ${a.cpu.toFixed(1).padStart(7)} ms CPU ${a.wall.toFixed(1).padStart(7)} ms wall`);
}
console.log(`adversarial worst: ${worst.toFixed(1)} ms CPU (target ≤ 50 ms); load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
