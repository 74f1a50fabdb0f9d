// Rows of tables without a header: a CSV's tail, rows pasted from a spreadsheet. Their columns are
// read by the shape of their cells once a row holds personal data another rule found.
import assert from 'node:assert/strict';
import { createRedactor } from '../../../src/redact';

const r = createRedactor({ key: new Uint8Array(32).fill(9) });
const out = (text: string): string => r.redact(text).text;

function gone(text: string, secret: string, kind?: string): void {
  const o = out(text);
  assert.ok(!o.includes(secret), `leaked ${secret} in ${o}`);
  if (kind) assert.match(o, new RegExp(`<REDACTED:${kind}#[0-9a-f]{8}>`), o);
}

describe('rows of a table without a header', () => {
  const tail = [
    '$ tail -n 3 /srv/export/members.csv',
    'Lindqvist,Margareta,0731 552 908,11/09/1971,margareta.l@telia.se',
    'Okafor,Chinedu,0803 442 1187,02/12/1985,c.okafor@yahoo.co.uk',
    'Brennan,Aoife,087 901 2241,30/06/1993,aoife.brennan@eircom.net',
  ].join('\n');

  it('reads names, dates and numbers in the columns of rows that hold an e-mail address', () => {
    const o = out(tail);
    for (const v of [
      'Lindqvist',
      'Margareta',
      'Okafor',
      'Chinedu',
      'Brennan',
      'Aoife',
      '11/09/1971',
      '02/12/1985',
      '0803 442 1187',
      '087 901 2241',
    ])
      assert.ok(!o.includes(v), `leaked ${v} in ${o}`);
    gone(tail, '30/06/1993', 'birth-date');
  });

  it('reads tab-separated rows pasted from a spreadsheet, and identifiers nothing else names', () => {
    const t = 'Teodora Ilić\tteodora.ilic@gmail.com\t5502871\tBeograd\nMarek Dvořák\tm.dvorak@seznam.cz\t7209114\tBrno';
    gone(t, 'Teodora Ilić', 'person-name');
    gone(t, '7209114', 'id-number');
  });

  it('keeps amounts, and columns of common words', () => {
    const t = 'Active,Gold,1234.50,anna.berg@fastmail.com\nPending,Silver,99.00,jon.ek@fastmail.com';
    const o = out(t);
    assert.ok(o.includes('Active') && o.includes('Pending') && o.includes('1234.50') && o.includes('99.00'), o);
  });

  it('reads nothing in a block with no personal data, or with no name the lists know', () => {
    const prices = 'Berlin,Germany,10115000,4.90\nMünchen,Germany,80331000,5.90\nHamburg,Germany,20095000,4.50';
    assert.equal(out(prices), prices);
    const orgs = 'Acme Widgets,sales@acme-widgets.io,20240131\nGlobex Systems,sales@globex.io,20240201';
    const o = out(orgs);
    assert.ok(o.includes('Acme Widgets') && o.includes('20240131'), o);
  });

  it('needs two rows or more: one line of commas is no table', () => {
    const line = 'Contact Chinedu Okafor, c.okafor@yahoo.co.uk, 0803 442 1187';
    const o = out(line);
    assert.ok(!o.includes('c.okafor@yahoo.co.uk'), o);
    assert.ok(!o.includes('<REDACTED:id-number'), o);
  });
});
