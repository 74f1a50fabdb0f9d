import { MemorySink } from '../../support/sinks';
import * as assert from 'node:assert/strict';
import { Recorder } from '../../../src/capture/recorder';
import { describeDecision, type CaptureGate, type GateDecision } from '../../../src/capture/gate';
import { readSettings, DEFAULT_SETTINGS } from '../../../src/config';
import { replayTrajectory } from '@codetrail/protocol/internal/replay';
import { TaintStore } from '../../../src/consent/taint-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateEvent } from '@codetrail/protocol/internal/schema';

class SwitchGate implements CaptureGate {
  private d: GateDecision = { allowed: true };
  private listeners = new Set<(d: GateDecision) => void>();
  current(): GateDecision {
    return this.d;
  }
  onDidChange(l: (d: GateDecision) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  set(d: GateDecision): void {
    this.d = d;
    for (const l of this.listeners) l(d);
  }
}

const typed = { label: 'typed', confidence: 0.95 } as const;
const options = {
  workspace: 'w'.repeat(64),
  client: { name: 'test', version: '0' },
  sessionIdleMs: 60_000,
  consent: () => ({ state: 'recording' as const, policyVersion: 0 }),
};

function setup(withMemory = false) {
  const sink = new MemorySink();
  const gate = new SwitchGate();
  let now = 1_000;
  const clock = () => now;
  const taint = withMemory
    ? new TaintStore({
        dir: mkdtempSync(join(tmpdir(), 'codetrail-taint-')),
        key: Buffer.alloc(32, 7),
        writerId: `${process.pid}-0000beef`,
        now: clock,
      })
    : undefined;
  const rec = new Recorder(sink, gate, { ...options, taint }, clock);
  return {
    sink,
    gate,
    rec,
    taint,
    setNow: (t: number) => {
      now = t;
    },
  };
}

describe('recorder: gate → builder → session → stages → sink', () => {
  it('starts a session on first activity and stamps every event in order', async () => {
    const { sink, rec } = setup();
    rec.baseline('k', 'a.txt', 'plaintext', 'hello\n', 1000, 'open');
    rec.change('k', [{ offset: 5, deleted: 0, inserted: '!' }], typed, 1010);
    await rec.flush();
    assert.deepEqual(
      sink.events.map((e) => e.kind),
      ['session.start', 'file.baseline', 'edit'],
    );
    assert.deepEqual(
      sink.events.map((e) => e.seq),
      [0, 1, 2],
    );
    for (const e of sink.events) assert.ok(validateEvent(e).ok);
    assert.equal(replayTrajectory(sink.events).finalText.get('a.txt'), 'hello!\n');
  });

  it('nothing typed while the gate is closed reaches the sink; the file is stated again, masked, before its next edit', async () => {
    const { sink, gate, rec } = setup();
    rec.baseline('k', 'a.txt', 'plaintext', 'x\n', 1000, 'open');
    rec.change('k', [{ offset: 1, deleted: 0, inserted: 'a' }], typed, 1001);
    gate.set({ allowed: false, reason: 'paused' });
    rec.change('k', [{ offset: 2, deleted: 0, inserted: 'SECRET' }], typed, 1002);
    rec.emit({ kind: 'file.save', time: 1003, path: 'a.txt', languageId: 'plaintext' });
    assert.ok(!JSON.stringify(sink.events).includes('SECRET'));
    assert.equal(sink.events.at(-1)?.kind, 'session.end', 'the session ends when capture stops');
    assert.equal(rec.isTracked('k'), true, 'the document is still followed, silently');
    gate.set({ allowed: true });
    assert.equal(rec.builder.currentText('k'), 'xaSECRET\n');
    rec.change('k', [{ offset: 8, deleted: 0, inserted: '.' }], typed, 2001); // the masked line stays masked: no visible change
    rec.change('k', [{ offset: 10, deleted: 0, inserted: 'after\n' }], typed, 2002);
    await rec.flush();
    const starts = sink.events.filter((e) => e.kind === 'session.start');
    assert.equal(starts.length, 2, 'a new session after the gap');
    const first = sink.events[0].sessionId;
    const edits = sink.events.filter((e) => e.kind === 'edit');
    assert.equal(edits.length, 2);
    assert.ok(!JSON.stringify(sink.events).includes('SECRET'), 'neither session holds it, not even the baseline after the gap');
    const second = sink.events.filter((e) => e.sessionId !== first);
    assert.deepEqual(
      second.map((e) => e.kind),
      ['session.start', 'gap', 'file.baseline', 'edit'],
    );
    assert.equal(replayTrajectory(second).finalText.get('a.txt'), '<REDACTED:not-captured>\nafter\n');
  });

  it('an idle gap ends the session; the next one restates every tracked file', async () => {
    const { sink, rec } = setup();
    rec.baseline('k', 'a.txt', 'plaintext', 'one\n', 1000, 'open');
    rec.change('k', [{ offset: 3, deleted: 0, inserted: '!' }], typed, 1100);
    rec.tick(1100 + 60_001);
    assert.equal(sink.events.at(-1)?.kind, 'session.end');
    rec.change('k', [{ offset: 4, deleted: 0, inserted: '?' }], typed, 200_000);
    await rec.flush();
    const second = sink.events.filter((e) => e.sessionId !== sink.events[0].sessionId);
    assert.deepEqual(
      second.map((e) => e.kind),
      ['session.start', 'file.baseline', 'edit'],
    );
    const b = second[1];
    assert.ok(b.kind === 'file.baseline' && b.reason === 'session' && b.text === 'one!\n');
    assert.equal(replayTrajectory(second).finalText.get('a.txt'), 'one!?\n', 'each session replays on its own');
    assert.equal(second[0].seq, 0, 'sequence numbers restart per session');
  });

  it('a stage can rewrite or drop events before the sink (where redaction goes)', async () => {
    const { sink, rec } = setup();
    rec.addStage((e) => (e.kind === 'file.focus' ? undefined : e));
    rec.emit({ kind: 'file.focus', time: 1000, path: 'a.txt', languageId: 'x' });
    rec.emit({ kind: 'file.save', time: 1001, path: 'a.txt', languageId: 'x' });
    assert.deepEqual(
      sink.events.map((e) => e.kind),
      ['session.start', 'file.save'],
    );
  });

  it('edit listeners receive the stamped edit (diagnostics link outcomes to its id)', () => {
    const { rec } = setup();
    const seen: string[] = [];
    rec.onEdit((e) => seen.push(e.id));
    rec.baseline('k', 'a.txt', 'plaintext', '', 1000, 'open');
    rec.change('k', [{ offset: 0, deleted: 0, inserted: 'a' }], typed, 1001);
    rec.save('k', 1002);
    assert.equal(seen.length, 1);
  });
});

describe('settings and the default gate', () => {
  it('unset or invalid settings fall back to the defaults', () => {
    assert.deepEqual(
      readSettings(() => undefined),
      DEFAULT_SETTINGS,
    );
    const s = readSettings(
      (k) => (({ enabled: false, 'capture.maxFileSize': -5, 'capture.terminalOutputTail': 100 }) as Record<string, unknown>)[k],
    );
    assert.equal(s.enabled, false);
    assert.equal(s.capture.maxFileSize, DEFAULT_SETTINGS.capture.maxFileSize);
    assert.equal(s.capture.terminalOutputTail, 100);
  });

  it('says in plain words why capture is off', () => {
    assert.match(describeDecision({ allowed: false, reason: 'telemetry-off' }), /telemetry/);
    assert.match(describeDecision({ allowed: false, reason: 'setting-off' }), /codetrail\.enabled/);
    assert.equal(describeDecision({ allowed: true }), 'capturing');
  });
});

describe('recorder: gaps', () => {
  it('marks the gap when capture reopens, before any file is restated', () => {
    const { sink, gate, rec, setNow } = setup();
    rec.baseline('k', 'a.txt', 'plaintext', 'x\n', 1000, 'open');
    setNow(2000);
    gate.set({ allowed: false, reason: 'paused' });
    setNow(5000);
    let kindsWhenListenersRan: string[] = [];
    rec.onGateChange(() => {
      kindsWhenListenersRan = sink.events.map((e) => e.kind);
    });
    gate.set({ allowed: true });
    const gap = sink.events.find((e) => e.kind === 'gap');
    assert.ok(gap && gap.kind === 'gap');
    assert.equal(gap.reason, 'paused');
    assert.equal(gap.from, 2000);
    assert.equal(gap.to, 5000);
    assert.equal(kindsWhenListenersRan.at(-1), 'gap', 'the marker precedes the adapters re-baselining');
  });

  it('a discard retracts what was typed in its window: later records replay and never show it', () => {
    const { sink, rec, setNow } = setup();
    rec.baseline('k', 'a.txt', 'plaintext', 'one\n', 1000, 'open');
    rec.change('k', [{ offset: 4, deleted: 0, inserted: 'kept\n' }], typed, 1001);
    rec.builder.flush(1100);
    rec.change('k', [{ offset: 9, deleted: 0, inserted: 'DISCARDED\n' }], typed, 5000);
    setNow(5500);
    rec.discard(4000, 5500);
    // The outbox drops what was written from 4000 on; the caller then marks the gap.
    const cut = sink.events.findIndex((e) => e.time >= 4000);
    sink.events.splice(cut === -1 ? sink.events.length : cut);
    rec.emit({ kind: 'gap', time: 5500, reason: 'discarded', from: 4000, to: 5500, dropped: 1 });
    rec.change('k', [{ offset: 19, deleted: 0, inserted: 'after\n' }], typed, 6000);
    rec.builder.flush(7000);
    const json = JSON.stringify(sink.events);
    assert.ok(!json.includes('DISCARDED'), 'the discarded line appears nowhere, not in the restatement');
    assert.ok(json.includes('after'));
    const from = sink.events.findIndex((e) => e.kind === 'gap');
    assert.ok(sink.events.slice(from).some((e) => e.kind === 'file.baseline' && e.reason === 'session'));
    const report = replayTrajectory(sink.events.slice(from));
    assert.deepEqual(report.mismatches, []);
    assert.equal(report.finalText.get('a.txt'), 'one\nkept\n<REDACTED:not-captured>\nafter\n');
  });
});

describe('recorder: nothing typed while capture was off is ever emitted', () => {
  it('not in the baseline on resume, nor in later diff context or a re-opened file; edits keep it masked until it is gone', () => {
    const { sink, gate, rec, setNow } = setup(true);
    const before = 'line 1\nline 2\nline 3\n';
    rec.baseline('k', 'a.txt', 'plaintext', before, 1000, 'open');
    gate.set({ allowed: false, reason: 'paused' });
    rec.change('k', [{ offset: 7, deleted: 0, inserted: 'const pausedSecret = 42;\n' }], typed, 2000);
    setNow(5000);
    gate.set({ allowed: true });
    const during = 'line 1\nconst pausedSecret = 42;\nline 2\nline 3\n';
    assert.equal(rec.builder.currentText('k'), during);
    // after resume: an edit right next to the paused line (it becomes diff context)
    rec.change('k', [{ offset: during.indexOf('line 2'), deleted: 0, inserted: 'new ' }], typed, 5100);
    rec.builder.flush(5200);
    // Backspaces at the end of the paused line: the line is still masked, in both diff sides.
    const end = during.indexOf(';');
    rec.change('k', [{ offset: end - 4, deleted: 4, inserted: '' }], typed, 5300);
    rec.builder.flush(5400);
    const closed = rec.builder.currentText('k')!;
    rec.forget('k', 5500);
    rec.baseline('k', 'a.txt', 'plaintext', closed, 5600, 'open');
    // The same text in another file (copied, or saved from an untitled buffer) is recognised too.
    rec.baseline('c', 'copy.txt', 'plaintext', 'header\n' + closed, 5700, 'open');
    rec.builder.flush(6000);
    const json = JSON.stringify(sink.events);
    assert.ok(!json.includes('pausedSecret'), 'the paused line never appears');
    assert.match(json, /REDACTED:not-captured/);
    assert.ok(json.includes('new line 2'), 'what was typed after resuming is recorded');
    const from = sink.events.findIndex((e) => e.kind === 'gap');
    assert.deepEqual(replayTrajectory(sink.events.slice(from)).mismatches, []);
  });

  it('a revert while capture is off (the file text put back from disk) taints only what differs', () => {
    const { sink, gate, rec } = setup(true);
    const disk = 'alpha line one\nbeta line two\ngamma line three\n';
    rec.baseline('k', 'r.txt', 'plaintext', disk + 'recorded edit\n', 1000, 'open');
    gate.set({ allowed: false, reason: 'paused' });
    // The editor replaces the whole text with what is on disk.
    rec.change('k', [{ offset: 0, deleted: disk.length + 14, inserted: disk }], typed, 1500);
    gate.set({ allowed: true });
    rec.change('k', [{ offset: disk.length, deleted: 0, inserted: 'after\n' }], typed, 2000);
    rec.builder.flush(3000);
    const b = sink.events.filter((e) => e.kind === 'file.baseline').at(-1);
    assert.ok(b && b.kind === 'file.baseline');
    assert.equal(b.text, disk, 'the text put back is not new text: nothing of it is masked');
  });

  it('text read from disk while capture is off is masked in its file but not looked for in others; text typed then is', () => {
    const { sink, gate, rec } = setup(true);
    rec.baseline('a', 'a.txt', 'plaintext', 'local edit\n', 1000, 'open');
    gate.set({ allowed: false, reason: 'paused' });
    rec.change(
      'a',
      [{ offset: 0, deleted: 11, inserted: 'checked out from another branch\n' }],
      { label: 'external', confidence: 0 },
      1500,
    );
    rec.change('a', [{ offset: 32, deleted: 0, inserted: 'typed while paused here\n' }], typed, 1600);
    gate.set({ allowed: true });
    rec.baseline('b', 'b.txt', 'plaintext', 'checked out from another branch\ntyped while paused here\n', 2000, 'open');
    rec.change('a', [{ offset: 0, deleted: 0, inserted: 'x' }], typed, 2100);
    rec.builder.flush(3000);
    const baseOf = (path: string) => sink.events.filter((e) => e.kind === 'file.baseline' && e.path === path).at(-1);
    const a = baseOf('a.txt');
    assert.ok(
      a && a.kind === 'file.baseline' && a.text === '<REDACTED:not-captured>\n<REDACTED:not-captured>\n',
      'both lines are masked in their own file',
    );
    const b = baseOf('b.txt');
    assert.ok(b && b.kind === 'file.baseline');
    assert.equal(b.text, 'checked out from another branch\n<REDACTED:not-captured>\n', 'elsewhere, only the typed line is recognised');
  });

  it('without a memory, a file first seen while capture is off is masked whole', () => {
    const { sink, gate, rec } = setup();
    gate.set({ allowed: false, reason: 'paused' });
    rec.baseline('n', 'new.txt', 'plaintext', 'written while paused\n\n}\n', 1500, 'open');
    gate.set({ allowed: true });
    rec.change('n', [{ offset: 0, deleted: 0, inserted: 'x' }], typed, 2000);
    const b = sink.events.find((e) => e.kind === 'file.baseline');
    assert.ok(b && b.kind === 'file.baseline');
    assert.equal(b.text, '<REDACTED:not-captured>\n\n<REDACTED:not-captured>\n', 'an empty line has nothing to mask');
  });
});
