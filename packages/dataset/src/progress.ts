// A progress bar for long exports on a terminal; nothing at all when output is not one.
import type { ProgressSink, ProgressUpdate } from './types';

const silent: ProgressSink = { update() {}, done() {} };

export function terminalProgress(
  stream: NodeJS.WriteStream = process.stderr,
  label = 'exporting',
  now: () => number = Date.now,
): ProgressSink {
  if (!stream.isTTY) return silent;
  const started = now();
  let lastDraw = 0;
  const draw = (p: ProgressUpdate, final: boolean) => {
    const t = now();
    if (!final && t - lastDraw < 100) return;
    lastDraw = t;
    const secs = Math.max((t - started) / 1000, 0.001);
    const rate = Math.round(p.events / secs).toLocaleString('en-US');
    const width = 24;
    let bar = '';
    if (p.total) {
      const frac = Math.min(1, p.events / p.total);
      const full = Math.round(frac * width);
      bar = `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${String(Math.floor(frac * 100)).padStart(3)}% `;
    }
    const line = `${label} ${bar}${p.events.toLocaleString('en-US')} events, ${p.sessions.toLocaleString('en-US')} sessions, ${rate} events/s`;
    stream.write(`\r${line.slice(0, (stream.columns || 100) - 1)}\x1b[K${final ? '\n' : ''}`);
  };
  return { update: (p) => draw(p, false), done: (p) => draw(p, true) };
}
