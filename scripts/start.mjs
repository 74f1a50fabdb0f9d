// `npm start`: the main job. Builds and packages the extension, then records the bundled
// sample editing session through the trajectory core and verifies it by replay.
import { spawnSync } from 'node:child_process';

function step(title, cmd, args) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

step('type check and compile', 'npx', ['tsc', '-p', '.']);
step('bundle and package the extension (dist/codetrail.vsix)', 'npm', ['run', '--silent', 'package']);
step('record the sample editing session', 'node', ['out/src/capture/cli.js', 'record', 'samples/editing-session.jsonl', 'data/sample-trajectory.jsonl']);
step('verify the trajectory by replay', 'node', ['out/src/capture/cli.js', 'verify', 'data/sample-trajectory.jsonl', '--final', 'samples/editing-session.jsonl']);
console.log('\n✔ done: dist/codetrail.vsix, data/sample-trajectory.jsonl');
