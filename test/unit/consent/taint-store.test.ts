// The taint store: what is kept on disk survives a new instance (a reload), follows a file's
// lines through edits made while no window watched, and is only fingerprints.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TaintStore } from '../../../src/consent/taint-store';

const KEY = Buffer.alloc(32, 9);
const SECRET = 'typedWhilePausedXYZ';

function store(dir: string, now: () => number, writer = `${process.pid}-0000aaaa`): TaintStore {
  return new TaintStore({ dir, key: KEY, writerId: writer, now, isAlive: () => false });
}

describe('taint store', () => {
  it('fingerprints survive a reload and recognise the text in any file; the disk holds no text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-taint-'));
    let now = 1_000_000;
    const a = store(dir, () => now);
    a.fingerprint(`let ${SECRET} = 1;`, [[4, 4 + SECRET.length]]);
    a.flush();
    now += 60_000;
    const b = store(dir, () => now);
    assert.ok(b.recognize(`  return ${SECRET} + 2;`), 'the typed text in another line');
    assert.equal(b.recognize('let somethingElse = 1;'), undefined);
    for (const f of readdirSync(dir)) {
      if (f === 'mem') continue;
      assert.ok(!readFileSync(join(dir, f)).toString('latin1').includes('typedWhile'), `${f} holds no text`);
    }
  });

  it('a file changed while no window watched it: new lines are tainted when capture was off meanwhile, kept lines keep their taint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-taint-'));
    let now = 2_000_000;
    const a = store(dir, () => now);
    const text = 'one\ntwo\nthree\n';
    a.remember('file:///w/a.txt', text, [[4, 8]]); // "two\n" tainted
    a.flush();
    // Recording throughout: a line added meanwhile is not tainted; the tainted one still is.
    now += 1000;
    const b = store(dir, () => now);
    const changed = 'zero\none\ntwo\nthree\n';
    assert.deepEqual(b.initialTaint('file:///w/a.txt', changed, { untitled: false }), [[9, 13]]);
    // Off in between (this window paused and resumed): the added line is tainted too.
    b.captureStopped(now + 10);
    now += 5000;
    b.captureResumed();
    assert.deepEqual(b.initialTaint('file:///w/a.txt', changed, { untitled: false }), [
      [0, 5],
      [9, 13],
    ]);
  });

  it('a file never seen: tainted whole when written while capture was off, or an unsaved buffer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-taint-'));
    let now = 3_000_000;
    const a = store(dir, () => now, `${process.pid}-0000bbbb`);
    a.captureStopped(now);
    now += 10_000;
    a.captureResumed();
    now += 10_000;
    const b = store(dir, () => now);
    assert.deepEqual(b.initialTaint('file:///w/new.txt', 'a\nb\n', { untitled: false, mtime: 3_005_000 }), [
      [0, 2],
      [2, 4],
    ]);
    assert.deepEqual(b.initialTaint('file:///w/old.txt', 'a\nb\n', { untitled: false, mtime: 2_000_000 }), []);
    assert.deepEqual(b.initialTaint('untitled:Untitled-1', 'x', { untitled: true }), [[0, 1]]);
  });

  it('a window that died while off counts as off until its last sign of life', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-taint-'));
    let now = 4_000_000;
    const dead = store(dir, () => now, '999999-0000dead');
    dead.captureStopped(now);
    now += 3_600_000;
    const b = store(dir, () => now);
    assert.equal(b.offBetween(4_000_000 + 30_000, 4_000_000 + 30_000), true);
    assert.equal(b.offBetween(4_000_000 + 600_000, 4_000_000 + 700_000), false);
  });
});
