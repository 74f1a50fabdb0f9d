import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCK_FILE, SenderLock } from '../../../src/send/lock';
import { newWriterId, retireWriterId } from '../../../src/send/files';
import { deadPid, tempDir } from './helpers';

describe('SenderLock', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const locks: SenderLock[] = [];
  const lock = (writerId = newWriterId(), extra: Partial<ConstructorParameters<typeof SenderLock>[0]> = {}) => {
    const l = new SenderLock({ dir, writerId, heartbeatMs: 60_000, ...extra });
    locks.push(l);
    return l;
  };
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(async () => {
    for (const l of locks.splice(0)) await l.release();
    await cleanup();
  });

  it('lets exactly one of several windows send', async () => {
    const ls = Array.from({ length: 5 }, () => lock());
    const got = await Promise.all(ls.map((l) => l.tryAcquire()));
    assert.equal(got.filter(Boolean).length, 1);
  });

  it('is taken over at once when its owner process is gone', async () => {
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, writerId: `${deadPid()}-deadbeef`, heartbeat: Date.now() }));
    assert.equal(await lock().tryAcquire(), true);
  });

  it('is taken over when its owner stopped its heartbeat, not before', async () => {
    const owner = `${process.ppid}-cafecafe`; // a live process that is not this one
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, writerId: owner, heartbeat: Date.now() }));
    assert.equal(await lock(undefined, { staleMs: 5_000 }).tryAcquire(), false);
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, writerId: owner, heartbeat: Date.now() - 6_000 }));
    assert.equal(await lock(undefined, { staleMs: 5_000 }).tryAcquire(), true);
  });

  it('is taken over from a window of this process that closed without releasing it', async () => {
    const gone = newWriterId();
    assert.equal(await new SenderLock({ dir, writerId: gone, heartbeatMs: 60_000 }).tryAcquire(), true);
    retireWriterId(gone);
    assert.equal(await lock().tryAcquire(), true);
  });

  it('steps down on its next heartbeat when another window owns the lock', async () => {
    let lost = 0;
    const a = lock(undefined, { onLost: () => lost++ });
    assert.equal(await a.tryAcquire(), true);
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, writerId: newWriterId(), heartbeat: Date.now() }));
    assert.equal(await a.heartbeat(), false);
    assert.equal(a.held, false);
    assert.equal(lost, 1);
  });

  it('refreshes its heartbeat and is free for others once released', async () => {
    const a = lock();
    assert.equal(await a.tryAcquire(), true);
    const before = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).heartbeat as number;
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(await a.heartbeat(), true);
    assert.ok((JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).heartbeat as number) > before);
    const b = lock();
    assert.equal(await b.tryAcquire(), false);
    await a.release();
    assert.equal(await b.tryAcquire(), true);
  });
});
