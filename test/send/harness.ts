// Fault-test harness: the real collection service (SQLite store in a temporary folder) started
// in this process, a recording proxy in front of it, and editor windows as child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startCollector, type RunningCollector } from '@codetrail/collector/internal/server';
import { SqliteStore } from '@codetrail/collector/internal/store/sqlite';
import { issueToken } from '@codetrail/collector/internal/auth';
import type { EventRow } from '@codetrail/collector/internal/store/store';
import type { OtlpLogsRequest } from '@codetrail/protocol/internal/otlp';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import type { WindowConfig } from './window';

export const USER = 'fault-user';

export class Harness {
  root = '';
  outboxDir = '';
  store!: SqliteStore;
  token = '';
  collector: RunningCollector | undefined;
  collectorPort = 0;
  proxy!: RecordingProxy;
  private children: Window[] = [];

  async setUp(): Promise<void> {
    this.root = await mkdtemp(join(tmpdir(), 'ct-fault-'));
    this.outboxDir = join(this.root, 'outbox');
    this.store = new SqliteStore(join(this.root, 'data', 'codetrail.db'));
    this.token = (await issueToken(this.store, { userId: USER })).token;
    await this.startCollector();
    this.proxy = await RecordingProxy.start(() => this.collectorPort);
  }

  async tearDown(): Promise<void> {
    for (const c of this.children.splice(0)) c.kill();
    await this.proxy?.close();
    await this.stopCollector();
    await this.store?.close();
    await rm(this.root, { recursive: true, force: true });
  }

  /** Starts the service; after a stop it comes back on the same port. */
  async startCollector(): Promise<void> {
    this.collector = await startCollector({ store: this.store, port: this.collectorPort, host: '127.0.0.1', jobIntervalMs: 0 });
    this.collectorPort = this.collector.port;
  }

  async stopCollector(): Promise<void> {
    const c = this.collector;
    this.collector = undefined;
    await c?.close();
  }

  /** Rows the service stored for this test's user. */
  async rows(): Promise<EventRow[]> {
    const out: EventRow[] = [];
    for await (const r of this.store.iterateEvents({ users: [USER] })) out.push(r);
    return out;
  }

  async seqsOf(sessionId: string): Promise<number[]> {
    return (await this.rows())
      .filter((r) => r.sessionId === sessionId)
      .map((r) => r.seq)
      .sort((a, b) => a - b);
  }

  async markers(): Promise<TrajectoryEvent[]> {
    return (await this.rows()).filter((r) => r.kind === 'marker').map((r) => JSON.parse(r.body) as TrajectoryEvent);
  }

  async duplicatesCounted(): Promise<number> {
    return this.collector ? this.collector.metrics.value('codetrail_events_duplicate_total') : 0;
  }

  spawnWindow(cfg: Partial<WindowConfig> & Pick<WindowConfig, 'sessionId'>): Window {
    const full: WindowConfig = {
      dir: this.outboxDir,
      url: this.proxy.url,
      token: this.token,
      startSeq: 0,
      count: 0,
      perTick: 50,
      tickMs: 5,
      ...cfg,
      tuning: {
        flushIntervalMs: 20,
        idleMs: 50,
        standbyMs: 100,
        backoffBaseMs: 50,
        backoffCapMs: 300,
        lockHeartbeatMs: 200,
        lockStaleMs: 3000,
        ...cfg.tuning,
      },
    };
    const w = new Window(
      spawn(process.execPath, [join(__dirname, 'window.js'), JSON.stringify(full)], { stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    this.children.push(w);
    return w;
  }
}

/** A child process standing in for an editor window. */
export class Window {
  readonly lines: string[] = [];
  private waiters: (() => void)[] = [];
  exited = false;

  constructor(readonly proc: ChildProcess) {
    let buf = '';
    proc.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        this.lines.push(buf.slice(0, i));
        buf = buf.slice(i + 1);
      }
      this.waiters.forEach((w) => w());
    });
    proc.on('exit', () => {
      this.exited = true;
      this.waiters.forEach((w) => w());
    });
  }

  has(re: RegExp): boolean {
    return this.lines.some((l) => re.test(l));
  }

  waitLine(re: RegExp, timeoutMs = 20_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const l = this.lines.find((x) => re.test(x));
        if (l !== undefined) {
          cleanup();
          resolve(l);
        } else if (this.exited) {
          cleanup();
          reject(new Error(`window exited before printing ${re}; printed: ${this.lines.slice(-5).join(' | ')}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${re}; last lines: ${this.lines.slice(-5).join(' | ')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
      };
      this.waiters.push(check);
      check();
    });
  }

  /** Dies at once, wherever it is: no flush, no lock release. */
  kill(): void {
    if (!this.exited) this.proc.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    this.proc.stdin!.write('stop\n');
    await this.waitLine(/^stopped$/);
  }

  async exit(): Promise<void> {
    if (this.exited) return;
    await new Promise<void>((r) => this.proc.once('exit', () => r()));
  }
}

/**
 * Forwards requests to the service and records the events of every accepted request in the
 * order the service answered them. When the service is down the client sees a network error;
 * `holdMs` delays answers (so a window can be killed after the service stored a batch but
 * before the answer arrives).
 */
export class RecordingProxy {
  accepted: TrajectoryEvent[] = [];
  /** Requests whose answer came from the service and is being held back. */
  held = 0;
  holdMs = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(targetPort: () => number): Promise<RecordingProxy> {
    // eslint-disable-next-line prefer-const
    let proxy: RecordingProxy;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const up = request({ host: '127.0.0.1', port: targetPort(), path: req.url, method: req.method, headers: req.headers }, (upRes) => {
          const out: Buffer[] = [];
          upRes.on('data', (c: Buffer) => out.push(c));
          upRes.on('end', () => {
            const answer = () => {
              if (upRes.statusCode === 200 && req.url === '/v1/logs')
                proxy.accepted.push(...eventsOfBody(body, req.headers['content-encoding']));
              res.writeHead(upRes.statusCode ?? 502, upRes.headers);
              res.end(Buffer.concat(out));
            };
            if (proxy.holdMs > 0) {
              proxy.held++;
              setTimeout(answer, proxy.holdMs);
            } else answer();
          });
        });
        up.on('error', () => req.socket.destroy()); // service down: the client sees a network error
        up.end(body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    proxy = new RecordingProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return proxy;
  }

  close(): Promise<void> {
    return new Promise((r) => {
      this.server.closeAllConnections();
      this.server.close(() => r());
    });
  }
}

function eventsOfBody(body: Buffer, encoding: string | string[] | undefined): TrajectoryEvent[] {
  try {
    const raw = encoding === 'gzip' ? gunzipSync(body) : body;
    const req = JSON.parse(raw.toString('utf8')) as OtlpLogsRequest;
    const out: TrajectoryEvent[] = [];
    for (const rl of req.resourceLogs)
      for (const sl of rl.scopeLogs) for (const r of sl.logRecords) out.push(JSON.parse(r.body!.stringValue!) as TrajectoryEvent);
    return out;
  } catch {
    return [];
  }
}

export async function until(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
