// Cost of the change handler inside the real extension host, over a scripted typing session
// on a 5,000-line file. The benchmark (bench/adapter.bench.ts) runs this with more keys.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertReplaysTo, capturedEvents, closeAll, openEditor, placeCursor, report } from './helpers';

interface Stats { count: number; p50Us: number; p90Us: number; p99Us: number; maxUs: number; meanUs: number }
interface Summary extends Stats { append: Stats; close: Stats }

const fmt = (s: Stats) => `${s.count} events, p50 ${s.p50Us.toFixed(1)} µs, p90 ${s.p90Us.toFixed(1)} µs, p99 ${s.p99Us.toFixed(1)} µs, max ${s.maxUs.toFixed(1)} µs`;

describe('adapter cost in the extension host', function () {
  it('the change handler stays cheap on a 5,000-line file', async function () {
    this.timeout(180_000);
    const keys = Number(process.env.CODETRAIL_BENCH_KEYS ?? 120);
    const lines = Array.from({ length: 5000 }, (_, i) => `  const value${i} = compute(${i}, "item-${i}"); // line ${i}`);
    const editor = await openEditor('big-typing.txt', lines.join('\n') + '\n');
    placeCursor(editor, 2500, 0);
    await vscode.commands.executeCommand('codetrail.internal.adapterStats', { reset: true });
    const sentence = 'let total = items.reduce((sum, x) => sum + x.price, 0);\n';
    for (let i = 0; i < keys; i++) {
      const ch = sentence[i % sentence.length];
      if (i % 97 === 96) await vscode.commands.executeCommand('deleteLeft');
      else await vscode.commands.executeCommand('type', { text: ch });
    }
    const s = await vscode.commands.executeCommand<Summary>('codetrail.internal.adapterStats');
    report(`adapter change handler in the extension host: all ${fmt(s)}`);
    report(`adapter change handler, events that extend a step (O(change)): ${fmt(s.append)}`);
    report(`adapter change handler, events that close a step (diff + whole-text hash): ${fmt(s.close)}`);
    assert.ok(s.count >= keys * 0.9, 'every key produced a change event');
    assert.ok(s.p50Us < 1000, 'the median handler cost stays below a millisecond');
    const events = await capturedEvents();
    assertReplaysTo(events, 'big-typing.txt', editor.document);
    await editor.document.save();
    await closeAll();
  });
});
