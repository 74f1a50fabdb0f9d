// What activating Codetrail costs. (1) The bundles' size and the time to load (parse and
// evaluate) each in a fresh Node process, with a stand-in for the editor API; median of nine.
// (2) In the real extension host (code-server): the bundle's load, the host's wait before it
// calls activate() (it readies the extension's storage first, in parallel with the load), the
// time activate() takes (status bar and consent only), and after it the capture side's bundle
// evaluated, and the capture side loaded and started.
import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const probe = join(mkdtempSync(join(tmpdir(), 'codetrail-activation-')), 'load.js');
writeFileSync(
  probe,
  `
const Module = require('module');
const orig = Module._load;
const stub = new Proxy(function () {}, { get: () => stub, apply: () => stub, construct: () => stub });
Module._load = function (req, ...rest) { return req === 'vscode' ? stub : orig.call(this, req, ...rest); };
const { performance } = require('perf_hooks');
const t0 = performance.now();
require(process.argv[2]);
process.stdout.write(String(performance.now() - t0));
`,
);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

for (const name of ['extension.js', 'core.js', 'export.js', 'phone-validation.js']) {
  const file = join(ROOT, 'dist', name);
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const r = spawnSync(process.execPath, [probe, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`loading ${name} failed: ${r.stderr}`);
    times.push(Number(r.stdout));
  }
  console.log(
    `dist/${name}: ${(statSync(file).size / 1024).toFixed(1)} KB minified, loads in ${median(times).toFixed(1)} ms (median of 9, Node ${process.version})`,
  );
}

const step = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const ensure = step('bash', ['scripts/ensure-vscode.sh']);
if (ensure.status !== 0) {
  console.error(`the real editor could not be installed:\n${ensure.stderr}`);
  process.exit(1);
}
const run = step(process.execPath, ['out/test/integration/runner/run.js'], {
  ...process.env,
  CODETRAIL_IT_ONLY: 'telemetry-on',
  CODETRAIL_IT_GREP: 'activation in the extension host',
});
const line = run.stdout.split('\n').find((l) => l.startsWith('activation:'));
if (!line) {
  console.error(`no figure in the editor's output:\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
console.log(`real extension host (code-server, Node 24) — ${line}`);
console.log(
  `load average: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
