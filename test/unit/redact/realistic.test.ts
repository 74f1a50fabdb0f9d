import assert from 'node:assert/strict';
import { createRedactor } from '../../../src/redact';
import { REALISTIC_CASES } from './cases';

describe('realistic cases', () => {
  const r = createRedactor({ key: new Uint8Array(32).fill(7) });
  const pos = REALISTIC_CASES.filter((c) => c.label === 'positive');
  const neg = REALISTIC_CASES.filter((c) => c.label === 'negative');

  it('has at least 150 cases, positives and hard negatives', () => {
    assert.ok(REALISTIC_CASES.length >= 150 && pos.length >= 100 && neg.length >= 50);
  });

  it('removes every secret of at least 98% of the positive cases', () => {
    const missed = pos.filter((c) => {
      const out = r.redact(c.text).text;
      return c.secrets.some((s) => out.includes(s));
    });
    const recall = 1 - missed.length / pos.length;
    assert.ok(recall >= 0.98, `recall ${recall.toFixed(3)}; missed ${missed.map((c) => c.id).join(', ')}`);
  });

  it('leaves at least 95% of the hard negatives unchanged', () => {
    const flagged = neg.filter((c) => r.redact(c.text).text !== c.text);
    assert.ok(flagged.length / neg.length <= 0.05, `flagged ${flagged.map((c) => c.id).join(', ')}`);
  });
});
