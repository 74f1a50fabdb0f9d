// The consent file: this window's changes are never undone by reading back an older write of
// its own (a pause that reads back the record from before it would resume capture), and what
// another window writes is still followed.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsentFile, type ConsentRecord } from '../../../src/consent/file';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pausedUntil =
  (until: number) =>
  (r: ConsentRecord): ConsentRecord => ({ ...r, pause: { id: `p${until}`, from: 1, until } });
const resumed = (r: ConsentRecord): ConsentRecord => ({ ...r, pause: undefined });

describe('consent file', () => {
  it('a change made while an earlier write is still landing is never replaced by that write read back', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-consent-'));
    const file = new ConsentFile(dir);
    await file.open(5);
    const reverted: number[] = [];
    try {
      for (let i = 1; i <= 150; i++) {
        // Pause then resume at once (and the reverse): the file watcher and the poll fire on the
        // first write while the second is queued.
        void file.update(pausedUntil(i));
        void file.update(i % 2 ? resumed : pausedUntil(-i));
        const want = i % 2 ? undefined : -i;
        for (let k = 0; k < 4; k++) {
          await sleep(k);
          if (file.current.pause?.until !== want) reverted.push(i);
        }
      }
      await file.sync();
      await sleep(30);
      assert.deepEqual([...new Set(reverted)], [], 'the record went back to a change made before the last one');
      assert.equal(file.current.pause?.until, -150);
    } finally {
      file.dispose();
    }
  });

  it('follows what another window writes, and both agree once their writes have landed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-consent-'));
    const a = new ConsentFile(dir);
    const b = new ConsentFile(dir);
    await a.open(20);
    await b.open(20);
    try {
      await a.update(pausedUntil(42));
      for (let i = 0; i < 100 && b.current.pause?.until !== 42; i++) await sleep(10);
      assert.equal(b.current.pause?.until, 42, 'the other window sees the pause');
      await b.update(resumed);
      for (let i = 0; i < 100 && a.current.pause !== undefined; i++) await sleep(10);
      assert.equal(a.current.pause, undefined, 'the first window sees the resume');
      assert.equal(JSON.stringify(await a.sync()), JSON.stringify(await b.sync()));
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  it("a change from a window that has not yet read another's pause keeps that pause", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-consent-'));
    const a = new ConsentFile(dir);
    const b = new ConsentFile(dir);
    await a.open(60_000);
    await b.open(60_000);
    try {
      await a.update(pausedUntil(7));
      // b has not read the file since: its own change is applied to the file as it is now.
      assert.equal(b.current.pause?.until, undefined);
      await b.update((r) => ({ ...r, noticeShown: true }));
      assert.equal(b.current.pause?.until, 7, 'the pause is in the window that wrote after it');
      assert.equal(b.current.noticeShown, true);
      const onDisk = JSON.parse(readFileSync(join(dir, 'consent.json'), 'utf8')) as ConsentRecord;
      assert.equal(onDisk.pause?.until, 7, 'the pause is still in the file');
      assert.equal(onDisk.noticeShown, true);
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  it('two windows writing at the same moment lose neither change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-consent-'));
    const a = new ConsentFile(dir);
    const b = new ConsentFile(dir);
    await a.open(60_000);
    await b.open(60_000);
    try {
      for (let i = 1; i <= 40; i++) {
        // One window pauses while the other stores what its poll brought, at once.
        await Promise.all([a.update(pausedUntil(i)), b.update((r) => ({ ...r, serverOffset: i }))]);
        const onDisk = JSON.parse(readFileSync(join(dir, 'consent.json'), 'utf8')) as ConsentRecord;
        assert.equal(onDisk.pause?.until, i, `round ${i}: the pause was overwritten`);
        assert.equal(onDisk.serverOffset, i, `round ${i}: the other change was overwritten`);
      }
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  it('takes over a lock left by a window that died, and writes without the lock rather than wait for long', async function () {
    this.timeout(20_000);
    const dir = mkdtempSync(join(tmpdir(), 'codetrail-consent-'));
    const errors: string[] = [];
    const f = new ConsentFile(dir, (m) => errors.push(m));
    await f.open(60_000);
    try {
      const lock = join(dir, 'consent.json.lock');
      writeFileSync(lock, '');
      const old = new Date(Date.now() - 60_000);
      utimesSync(lock, old, old);
      await f.update(pausedUntil(1));
      assert.equal(JSON.parse(readFileSync(join(dir, 'consent.json'), 'utf8')).pause.until, 1, 'written after taking over the stale lock');
      assert.ok(!existsSync(lock), 'the lock is released');
      assert.deepEqual(errors, []);
      // A fresh lock never released: the pause is still saved, with a warning.
      writeFileSync(lock, '');
      await f.update(pausedUntil(2));
      assert.equal(JSON.parse(readFileSync(join(dir, 'consent.json'), 'utf8')).pause.until, 2);
      assert.match(errors.join('\n'), /locked by another window/);
    } finally {
      f.dispose();
    }
  });
});
