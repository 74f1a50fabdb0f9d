// Several collector processes on one PostgreSQL behind a real HAProxy (Debian's, installed by
// scripts/ensure-haproxy.sh when missing), all on 127.0.0.1: round robin, health checks on
// /healthz. Shared by the load-balancer test and the fleet benchmark. A collector can be
// killed (SIGKILL) and started again on its port; HAProxy takes it out and back in.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const SERVE = join(ROOT, 'packages/collector/dist/src/cli/serve.js');

export interface Collector {
  readonly name: string;
  readonly port: number;
  /** Its own address, past the balancer (metrics, health). */
  readonly url: string;
  proc: ChildProcess | null;
}

export interface Cluster {
  /** The balancer's address: what editors send to. */
  readonly url: string;
  readonly collectors: Collector[];
  readonly haproxy: ChildProcess;
  /** SIGKILL, as a crash: in-flight requests are lost, nothing is flushed. */
  kill(i: number): Promise<void>;
  /** Starts collector i again on its port. */
  restart(i: number): Promise<void>;
  /** Waits until HAProxy reports collector i up (true) or down (false). */
  waitState(i: number, up: boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  databaseUrl: string;
  collectors?: number;
  /** More arguments for every collector (limits, log level). */
  args?: string[];
  /** HAProxy's health-check interval (ms). */
  checkIntervalMs?: number;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** The haproxy binary, installed from Debian by the project's script if missing. */
export function haproxyBinary(): string {
  const r = spawnSync('bash', [join(ROOT, 'scripts/ensure-haproxy.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const bin = r.stdout.trim().split('\n').pop();
  if (r.status !== 0 || !bin) throw new Error('haproxy is not available (scripts/ensure-haproxy.sh failed)');
  return bin;
}

async function startCollector(c: Collector, databaseUrl: string, args: readonly string[]): Promise<ChildProcess> {
  const proc = spawn(
    process.execPath,
    [SERVE, '--host', '127.0.0.1', '--port', String(c.port), '--database-url', databaseUrl, '--log-level', 'warn', ...args],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const until = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`collector ${c.name} exited ${proc.exitCode}: ${stderr}`);
    const ok = await fetch(`${c.url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return proc;
    if (Date.now() > until) {
      proc.kill('SIGKILL');
      throw new Error(`collector ${c.name} did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function haproxyConfig(port: number, statsPort: number, collectors: readonly Collector[], checkMs: number): string {
  return `global
  maxconn 4000
  log stderr format raw local0 err

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-request 30s
  # a connection refused (a collector just killed) is tried on another; a request sent is never replayed
  retries 2
  option redispatch
  retry-on conn-failure

frontend ingest
  bind 127.0.0.1:${port}
  default_backend collectors

backend collectors
  balance roundrobin
  option httpchk GET /healthz
  http-check expect status 200
${collectors.map((c) => `  server ${c.name} 127.0.0.1:${c.port} check inter ${checkMs} fall 2 rise 1`).join('\n')}

frontend stats
  bind 127.0.0.1:${statsPort}
  stats enable
  stats uri /stats
`;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const bin = haproxyBinary();
  const n = opts.collectors ?? 3;
  const args = opts.args ?? [];
  const checkMs = opts.checkIntervalMs ?? 500;
  const collectors: Collector[] = [];
  for (let i = 0; i < n; i++) {
    const port = await freePort();
    collectors.push({ name: `c${i + 1}`, port, url: `http://127.0.0.1:${port}`, proc: null });
  }
  // One at a time: the first opens (and migrates) the database.
  for (const c of collectors) c.proc = await startCollector(c, opts.databaseUrl, args);
  const port = await freePort();
  const statsPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'codetrail-haproxy-'));
  const cfg = join(dir, 'haproxy.cfg');
  writeFileSync(cfg, haproxyConfig(port, statsPort, collectors, checkMs));
  const haproxy = spawn(bin, ['-f', cfg, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let haproxyErr = '';
  haproxy.stderr!.on('data', (d: Buffer) => {
    haproxyErr = (haproxyErr + d.toString()).slice(-4000);
  });

  const state = async (): Promise<Map<string, string>> => {
    const r = await fetch(`http://127.0.0.1:${statsPort}/stats;csv`);
    const out = new Map<string, string>();
    for (const line of (await r.text()).split('\n')) {
      const f = line.split(',');
      if (f[0] === 'collectors' && f[1] !== 'BACKEND') out.set(f[1], f[17]);
    }
    return out;
  };
  const waitState = async (i: number, up: boolean, timeoutMs = 15_000): Promise<void> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (haproxy.exitCode !== null) throw new Error(`haproxy exited ${haproxy.exitCode}: ${haproxyErr}`);
      const s = await state().catch(() => undefined);
      const st = s?.get(collectors[i].name) ?? '';
      if (up ? st.startsWith('UP') : st.startsWith('DOWN')) return;
      if (Date.now() > until)
        throw new Error(`collector ${collectors[i].name} is ${st || 'unknown'} in haproxy, not ${up ? 'UP' : 'DOWN'}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stopProc = (p: ChildProcess | null, signal: NodeJS.Signals) =>
    new Promise<void>((res) => {
      if (!p || p.exitCode !== null || p.signalCode !== null) return res();
      p.once('exit', () => res());
      p.kill(signal);
    });
  const cluster: Cluster = {
    url: `http://127.0.0.1:${port}`,
    collectors,
    haproxy,
    waitState,
    async kill(i) {
      await stopProc(collectors[i].proc, 'SIGKILL');
      collectors[i].proc = null;
    },
    async restart(i) {
      collectors[i].proc = await startCollector(collectors[i], opts.databaseUrl, args);
    },
    async stop() {
      await stopProc(haproxy, 'SIGTERM');
      await Promise.all(collectors.map((c) => stopProc(c.proc, 'SIGTERM')));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    for (let i = 0; i < n; i++) await waitState(i, true);
  } catch (e) {
    await cluster.stop();
    throw e;
  }
  return cluster;
}

/** Requests a collector answered on /v1/logs, by status, from its own /metrics. */
export async function logsRequests(c: Collector): Promise<Record<string, number>> {
  const text = await (await fetch(`${c.url}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^codetrail_http_requests_total\{([^}]*)\} (\d+)/gm)) {
    if (!/route="\/v1\/logs"/.test(m[1])) continue;
    const status = /status="(\d+)"/.exec(m[1])?.[1] ?? '?';
    out[status] = (out[status] ?? 0) + Number(m[2]);
  }
  return out;
}
