// The partialSuccess message the collection service writes, as the sender reads it.
import assert from 'node:assert/strict';
import { refusalMessage } from '@codetrail/collector/internal/ingest';
import { parseRefusals } from '@codetrail/protocol/internal/otlp';

describe('refusals named in a partialSuccess message', () => {
  it('reads back each reason with its count and ids, whatever the first invalid record said', () => {
    const a = '01a24168-372e-7237-be92-bbc39c54390b';
    const b = '01a24168-372e-7237-be92-bc8e87169efb';
    const message = refusalMessage({
      reasons: { paused: 2, 'future-time': 1, invalid: 1 },
      refusedIds: { paused: [a, b], 'future-time': [a] },
      firstInvalid: 'seq: 3 deleted [x], nonsense',
    });
    assert.deepEqual(parseRefusals(message), [
      { reason: 'paused', count: 2, ids: [a, b] },
      { reason: 'future-time', count: 1, ids: [a] },
      { reason: 'invalid', count: 1, ids: [] },
    ]);
    assert.deepEqual(parseRefusals('exempt'), []);
    assert.deepEqual(parseRefusals(undefined), []);
  });
});
