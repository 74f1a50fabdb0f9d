// Policy 24: phone words of more languages, rows of a fixed-width grid edited by hand, and what
// round 26's probe sets showed.
import assert from 'node:assert/strict';
import { createRedactor } from '../../../src/redact';

const r = createRedactor({ key: new Uint8Array(32).fill(9) });
const out = (text: string): string => r.redact(text).text;

function gone(text: string, secret: string, kind?: string): void {
  const o = out(text);
  assert.ok(!o.includes(secret), `leaked ${secret} in ${o}`);
  if (kind) assert.match(o, new RegExp(`<REDACTED:${kind}#[0-9a-f]{8}>`), o);
}

function kept(text: string, value: string): void {
  const o = out(text);
  assert.ok(o.includes(value), `${value} lost in ${o}`);
}

describe('phone words of more languages', () => {
  it('reads a number written nationally, with no trunk 0, after them', () => {
    gone('Kontakt: 34 22 63 86', '34 22 63 86', 'phone');
    gone('Утас: 8369 7161', '8369 7161', 'phone');
    gone('Telf.: 634 918 277', '634 918 277', 'phone');
    gone('मोबाइल: 94172 63058', '94172 63058', 'phone');
    gone('Mobilnummer 34 22 63 86', '34 22 63 86', 'phone');
  });
  it('leaves the same digits without one', () => {
    kept('version 34 22 63 86', '34 22 63 86');
    kept('Kontaktformular v2: 34 22 63 86', '34 22 63 86');
  });
});

describe('fixed-width grids', () => {
  it('reads a row edited by hand by its cells two spaces apart when they are as many as the columns', () => {
    const grid = [
      'MusteriNo   AdSoyad               TCKimlikNo    Telefon            IBAN',
      '----------- --------------------- ------------- ------------------ ----------------------------------',
      '200417      Elif Karaca       26069466380   0501 759 50 73     TR5233511076JK7NC58U8JOKU3',
      '',
      '(1 row affected)',
    ].join('\n');
    gone(grid, '0501 759 50 73', 'phone');
  });
});
