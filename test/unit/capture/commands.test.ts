import * as assert from 'node:assert/strict';
import { RunTracker, TailBuffer, relativeCwd, stripAnsi, terminalCommandBody } from '../../../src/capture/commands';
import { CursorJumps } from '../../../src/capture/cursor';
import { DiagnosticsTracker } from '../../../src/capture/diagnostics';
import { LatencyStats } from '../../../src/capture/stats';
import { workspaceHash } from '@codetrail/protocol';

describe('terminal command capture', () => {
  it('strips colour codes and shell-integration escapes from the output', () => {
    const raw = '\u001b]633;C\u0007\u001b[31mred\u001b[0m plain\u001b]0;title\u001b\\ end';
    assert.equal(stripAnsi(raw), 'red plain end');
  });

  it('keeps only the last characters of a long output, across chunks', () => {
    const t = new TailBuffer(10);
    for (let i = 0; i < 1000; i++) t.push(`line ${i}\r\n`);
    assert.equal(t.text(), 'line 999\n', 'carriage returns are dropped after the cut');
    assert.ok(t.text().length <= 10);
  });

  it('a chunk longer than the limit keeps its end', () => {
    const t = new TailBuffer(5);
    t.push('abcdefghij');
    assert.equal(t.text(), 'fghij');
  });

  it('a zero limit keeps nothing', () => {
    const t = new TailBuffer(0);
    t.push('secret output');
    assert.equal(t.text(), '');
  });

  it('the working directory is relative to the workspace, or left out when outside it', () => {
    assert.equal(relativeCwd('/ws/project', ['/ws/project']), '.');
    assert.equal(relativeCwd('/ws/project/src/lib/', ['/ws/project']), 'src/lib');
    assert.equal(relativeCwd('/home/me', ['/ws/project']), undefined);
    assert.equal(relativeCwd('/ws/project-other', ['/ws/project']), undefined);
    assert.equal(relativeCwd(undefined, ['/ws']), undefined);
  });

  it('a finished command becomes one event with duration, exit code and tail', () => {
    const tail = new TailBuffer(100);
    tail.push('\u001b[32mok\u001b[0m\n');
    const body = terminalCommandBody({ commandLine: 'npm test', cwd: '.', start: 1000, tail }, 1, 3500);
    assert.deepEqual(body, {
      kind: 'terminal.command',
      time: 3500,
      commandLine: 'npm test',
      cwd: '.',
      exitCode: 1,
      durationMs: 2500,
      outputTail: 'ok\n',
      source: 'shell-integration',
    });
  });

  it('pairs task and debug starts with their ends', () => {
    const r = new RunTracker<string>();
    r.start('a', 100);
    assert.equal(r.end('a', 350), 250);
    assert.equal(r.end('a', 400), undefined, 'an end without a start has no duration');
  });
});

describe('context and outcomes', () => {
  it('cursor jumps: another file, ten lines, or the mouse; at most one per interval', () => {
    const j = new CursorJumps(1000);
    assert.equal(j.accept({ path: 'a', line: 0, character: 0, kind: 'keyboard', time: 0 }), true);
    assert.equal(j.accept({ path: 'a', line: 1, character: 0, kind: 'keyboard', time: 2000 }), false, 'a small move is not a jump');
    assert.equal(j.accept({ path: 'a', line: 40, character: 0, kind: 'keyboard', time: 2100 }), true);
    assert.equal(j.accept({ path: 'b', line: 40, character: 0, kind: 'command', time: 2200 }), false, 'throttled');
    assert.equal(j.accept({ path: 'a', line: 41, character: 3, kind: 'mouse', time: 3300 }), true);
  });

  it('diagnostics after an edit are reported against the counts before it', () => {
    const d = new DiagnosticsTracker(30_000);
    assert.equal(d.update('a.ts', { errors: 1, warnings: 0 }, 0), undefined, 'no edit yet');
    d.edited('a.ts', 'edit-1', 100);
    assert.equal(d.update('a.ts', { errors: 1, warnings: 0 }, 200), undefined, 'unchanged counts');
    assert.deepEqual(d.update('a.ts', { errors: 0, warnings: 2 }, 300), {
      kind: 'diagnostics',
      time: 300,
      path: 'a.ts',
      afterEdit: 'edit-1',
      before: { errors: 1, warnings: 0 },
      after: { errors: 0, warnings: 2 },
    });
    assert.equal(d.update('a.ts', { errors: 3, warnings: 2 }, 100_000), undefined, 'too long after the edit');
  });

  it('latency percentiles come from the recorded samples', () => {
    const s = new LatencyStats(1000);
    for (let i = 1; i <= 100; i++) s.record(i);
    const sum = s.summary();
    assert.equal(sum.count, 100);
    assert.equal(sum.p50Us, 51);
    assert.equal(sum.p99Us, 100);
    assert.equal(sum.maxUs, 100);
    s.reset();
    assert.equal(s.summary().count, 0);
  });

  it('the workspace id is a salted hash: stable per salt, different across salts, no path inside', () => {
    const a = workspaceHash('salt-1', 'project');
    assert.equal(a, workspaceHash('salt-1', 'project'));
    assert.notEqual(a, workspaceHash('salt-2', 'project'));
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.ok(!a.includes('project'));
  });
});
