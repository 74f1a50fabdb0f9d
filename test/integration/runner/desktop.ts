// Runs the same integration suite in a desktop VS Code downloaded by @vscode/test-electron,
// on machines that can download one. Both telemetry states, like the code-server runner.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = resolve(__dirname, '../../../..');

async function phase(name: 'telemetry-on' | 'telemetry-off', level: 'all' | 'off'): Promise<number> {
  const tmp = mkdtempSync(join(tmpdir(), `codetrail-desktop-${name}-`));
  const ws = join(tmp, 'workspace');
  mkdirSync(join(tmp, 'user-data/User'), { recursive: true });
  mkdirSync(ws);
  writeFileSync(
    join(tmp, 'user-data/User/settings.json'),
    JSON.stringify({
      'telemetry.telemetryLevel': level,
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'terminal.integrated.shellIntegration.enabled': true,
    }),
  );
  console.log(`--- ${name}`);
  try {
    return await runTests({
      version: process.env.CODETRAIL_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(ROOT, 'out/test/integration/index.js'),
      extensionTestsEnv: { CODETRAIL_IT_DESKTOP_PHASE: name },
      launchArgs: [
        ws,
        '--user-data-dir',
        join(tmp, 'user-data'),
        '--extensions-dir',
        join(tmp, 'extensions'),
        '--disable-workspace-trust',
        '--skip-welcome',
      ],
    });
  } catch (err) {
    console.error(`${name}: ${(err as Error).message}`);
    return 1;
  }
}

async function main(): Promise<void> {
  const on = await phase('telemetry-on', 'all');
  const off = await phase('telemetry-off', 'off');
  process.exit(on || off ? 1 : 0);
}

void main();
