import * as assert from 'node:assert/strict';
import { remotePausesOf, withOwnPause, type ConsentRecord } from '../../../src/consent/file';

const pause = (id: string, from = 1_000, until = 1_000 + 30 * 60_000) => ({ id, from, until });

describe('pauses the service lists', () => {
  it('a pause begun on another device is remote', () => {
    const r: ConsentRecord = { exemptions: [] };
    assert.deepEqual(remotePausesOf([pause('other')], r), [pause('other')]);
  });

  it('a pause begun here is never remote, even after it ended and was reported', () => {
    // Paused here, resumed, the end reported (nothing unreported left): a policy answer the
    // service sent before the end arrived still lists the pause as running.
    let r: ConsentRecord = withOwnPause({ exemptions: [] }, 'mine');
    r = { ...r, pause: undefined, unreportedPauses: [] };
    assert.deepEqual(remotePausesOf([pause('mine'), pause('other')], r), [pause('other')]);
  });

  it('a pause from another device ended here stays ended', () => {
    const r = withOwnPause({ exemptions: [], remotePauses: [] }, 'theirs');
    assert.deepEqual(remotePausesOf([pause('theirs')], r), []);
  });

  it('the running and the unreported pauses count as own without being remembered', () => {
    const r: ConsentRecord = { exemptions: [], pause: pause('a'), unreportedPauses: [pause('b')] };
    assert.deepEqual(remotePausesOf([pause('a'), pause('b'), pause('c')], r), [pause('c')]);
  });

  it('remembers the latest 64 ids, once each', () => {
    let r: ConsentRecord = { exemptions: [] };
    for (let i = 0; i < 100; i++) r = withOwnPause(r, `p${i}`);
    r = withOwnPause(r, 'p50');
    assert.equal(r.ownPauseIds?.length, 64);
    assert.equal(r.ownPauseIds?.at(-1), 'p50');
    assert.equal(r.ownPauseIds?.filter((x) => x === 'p50').length, 1);
    assert.deepEqual(remotePausesOf([pause('p20'), pause('p99')], r), [pause('p20')]);
  });
});
