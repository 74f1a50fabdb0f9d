// The test entry a VS Code extension host calls (the @vscode/test-electron contract):
// `run()` resolves when every test passed and rejects otherwise. The same entry runs inside
// code-server (test/integration/runner) and a desktop VS Code (test:desktop).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import * as vscode from 'vscode';

/** Under code-server the runner reads results from browser console lines with this prefix. */
const OUT = process.env.CODETRAIL_IT_PHASE ? 'CODETRAIL-OUT ' : '';

export async function run(): Promise<void> {
  const { default: Mocha } = await import('mocha');
  // Mocha's reporters print through Base.consoleLog; format here so nothing is lost in transit.
  // eslint-disable-next-line no-console -- the extension host's console is the runner's channel
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(OUT + format(...args));
  const phase =
    process.env.CODETRAIL_IT_PHASE ??
    process.env.CODETRAIL_IT_DESKTOP_PHASE ??
    (vscode.env.isTelemetryEnabled ? 'telemetry-on' : 'telemetry-off');
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  // Tests about the telemetry-off state are tagged; the runner starts an editor per state.
  mocha.grep(process.env.CODETRAIL_IT_GREP ?? '@telemetry-off');
  if (!process.env.CODETRAIL_IT_GREP && phase === 'telemetry-on') mocha.invert();
  const dir = __dirname;
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.test.js'))
    .sort())
    mocha.addFile(join(dir, f));
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((n) => resolve(n));
    runner.on('end', () => {
      const stats = runner.stats ?? { passes: 0, failures: 0 };
      // eslint-disable-next-line no-console -- read by the runner
      console.log(`CODETRAIL-RESULT ${JSON.stringify({ passed: stats.passes, failed: stats.failures })}`);
    });
  });
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
