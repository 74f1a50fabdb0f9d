// Cost of the change handler inside the real extension host, over the same scripted typing
// session on a 50-line and a 5,000-line file: O(change) work means the two figures agree.
// The benchmark (bench/adapter.bench.ts) runs this with more keys.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertReplaysTo, capturedEvents, closeAll, openEditor, placeCursor, report } from './helpers';

interface Stats {
  count: number;
  p50Us: number;
  p90Us: number;
  p99Us: number;
  maxUs: number;
  meanUs: number;
}
interface Summary extends Stats {
  append: Stats;
  close: Stats;
}

const fmt = (s: Stats) =>
  `${s.count} events, p50 ${s.p50Us.toFixed(1)} µs, p90 ${s.p90Us.toFixed(1)} µs, p99 ${s.p99Us.toFixed(1)} µs, max ${s.maxUs.toFixed(1)} µs`;

async function typingSession(lineCount: number, keys: number): Promise<Summary> {
  const name = `typing-${lineCount}.txt`;
  const lines = Array.from({ length: lineCount }, (_, i) => `  const value${i} = compute(${i}, "item-${i}"); // line ${i}`);
  const editor = await openEditor(name, lines.join('\n') + '\n');
  placeCursor(editor, Math.floor(lineCount / 2), 0);
  await vscode.commands.executeCommand('codetrail.internal.adapterStats', { reset: true });
  const sentence = 'let total = items.reduce((sum, x) => sum + x.price, 0);\n';
  for (let i = 0; i < keys; i++) {
    if (i % 97 === 96) await vscode.commands.executeCommand('deleteLeft');
    else await vscode.commands.executeCommand('type', { text: sentence[i % sentence.length] });
  }
  const s = await vscode.commands.executeCommand<Summary>('codetrail.internal.adapterStats');
  report(`adapter change handler, ${lineCount}-line file, all: ${fmt(s)}`);
  report(`adapter change handler, ${lineCount}-line file, events that extend a step (O(change)): ${fmt(s.append)}`);
  report(`adapter change handler, ${lineCount}-line file, events that close a step (diff + whole-text hash): ${fmt(s.close)}`);
  assert.ok(s.count >= keys * 0.9, 'every key produced a change event');
  assertReplaysTo(await capturedEvents(), name, editor.document);
  await editor.document.save();
  await closeAll();
  return s;
}

describe('adapter cost in the extension host', function () {
  it('the change handler costs the same on a 50-line and a 5,000-line file', async function () {
    this.timeout(300_000);
    const keys = Number(process.env.CODETRAIL_BENCH_KEYS ?? 60);
    const small = await typingSession(50, keys);
    const large = await typingSession(5000, keys);
    assert.ok(large.append.p50Us < 1000, 'the median handler cost stays below a millisecond');
    // Generous bound: scheduling noise on a shared machine, but not a 100× document factor.
    assert.ok(large.append.p50Us < Math.max(small.append.p50Us * 5, 200), 'cost does not grow with the document');
  });
});

describe('activation in the extension host', function () {
  it('activates with the status bar first and loads the capture side after, and says how long each took', async () => {
    const s = await vscode.commands.executeCommand<{
      activationTimes: { load?: number; context?: number; activate?: number; coreLoad?: number; core?: number };
    }>('codetrail.internal.state');
    const t = s.activationTimes;
    assert.ok(
      t.activate !== undefined && t.core !== undefined && t.coreLoad !== undefined && t.load !== undefined && t.context !== undefined,
      `activation times reported: ${JSON.stringify(t)}`,
    );
    report(
      `activation: bundle load ${t.load.toFixed(1)} ms, host readies the extension context ${t.context.toFixed(1)} ms more, activate() ${t.activate.toFixed(1)} ms; after it the capture side's bundle loads in ${t.coreLoad.toFixed(1)} ms, and is loaded and started in ${t.core.toFixed(1)} ms`,
    );
  });
});
