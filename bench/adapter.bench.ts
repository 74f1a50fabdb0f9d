// The adapter path measured inside a real extension host: code-server + Chromium run the
// integration suite's "adapter cost" test, which types the same scripted session into a 50-line
// and a 5,000-line file through the editor's own `type` command; the change handler times itself with
// performance.now() (start to end of onDidChangeTextDocument) and reports p50/p90/p99.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const KEYS = process.env.CODETRAIL_BENCH_KEYS ?? '600';

function step(what: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    console.error(`${what} failed:\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  return r.stdout;
}

step('installing the real editor', 'bash', ['scripts/ensure-vscode.sh']);
if (!existsSync(join(ROOT, 'out/test/integration/runner/run.js'))) {
  console.error('build first (npm run bench does)');
  process.exit(1);
}
const out = step('the editor session', process.execPath, ['out/test/integration/runner/run.js'], {
  ...process.env,
  CODETRAIL_IT_ONLY: 'telemetry-on',
  CODETRAIL_IT_GREP: 'adapter cost',
  CODETRAIL_BENCH_KEYS: KEYS,
});
const lines = out.split('\n').filter((l) => l.startsWith('adapter change handler'));
if (lines.length === 0) {
  console.error(`no figure in the editor's output:\n${out}`);
  process.exit(1);
}
console.log(`real extension host (code-server 4.139.1, Node 24), ${KEYS} scripted keys on a 50-line and on a 5,000-line file:`);
for (const l of lines) console.log(l);
