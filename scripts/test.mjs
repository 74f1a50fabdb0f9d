// `npm test`: the whole suite, built once. Lint, one build (tsc -b and the extension bundle),
// then every suite through its own npm script with CODETRAIL_BUILT=1, so none rebuilds.
// Each suite still runs on its own (`npm run test:unit`, …) and then builds first.
// Prints each step's wall time; stops at the first failing step and names it.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SUITES = ['unit', 'collector', 'export', 'send', 'admin', 'integration', 'consent-ui', 'e2e'];
const only = process.argv.slice(2);
const steps = [
  ['lint', ['run', '--silent', 'lint']],
  ['build', ['run', '--silent', 'build']],
  ...SUITES.filter((s) => only.length === 0 || only.includes(s)).map((s) => [`test:${s}`, ['run', '--silent', `test:${s}`]]),
];

const env = { ...process.env };
const times = [];
const started = Date.now();
for (const [name, args] of steps) {
  console.log(`\n━━ ${name}`);
  const t0 = Date.now();
  const r = spawnSync('npm', args, { cwd: ROOT, stdio: 'inherit', env });
  times.push(`${name} ${Math.round((Date.now() - t0) / 1000)} s`);
  if (r.status !== 0) {
    console.error(
      `\n✖ npm test: ${name} failed (exit ${r.status ?? r.signal}); run \`npm run ${name}\` alone to repeat it. Times: ${times.join(', ')}`,
    );
    process.exit(1);
  }
  if (name === 'build') env.CODETRAIL_BUILT = '1';
}
console.log(`\n✔ npm test passed in ${Math.round((Date.now() - started) / 1000)} s (${times.join(', ')})`);
