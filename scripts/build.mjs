// One build for everything: `tsc -b` (incremental; emits out/ for the tests, CLIs and
// benchmarks), then the extension's bundles (esbuild.mjs → dist/extension.js, core.js, export.js,
// phone-validation.js).
// `npm test` builds once and sets CODETRAIL_BUILT=1 for the suites it runs, so each suite's
// own `node scripts/build.mjs` is skipped there; run on its own, a suite builds first.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (process.env.CODETRAIL_BUILT === '1') process.exit(0);

const started = Date.now();
const run = (what, args) => {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build: FAILED: ${what} reported the errors above — fix them, then run \`npm run build\` again`);
    process.exit(r.status ?? 1);
  }
};
run('the TypeScript build (tsc -b)', [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-b']);
run('the extension bundle (esbuild.mjs)', [resolve(ROOT, 'esbuild.mjs')]);
// Data the redaction engine reads beside its compiled code, in both builds.
for (const dir of ['out/src/redact', 'dist'])
  for (const file of ['people-names.txt', 'places.txt']) copyFileSync(resolve(ROOT, 'src/redact', file), resolve(ROOT, dir, file));
console.log(`build: tsc -b and the extension bundle in ${((Date.now() - started) / 1000).toFixed(1)} s`);
