import assert from 'node:assert/strict';
import { createRedactor } from '../../../src/redact';

const r = createRedactor({ key: new Uint8Array(32).fill(9) });

/** The findings of `kind` in `text`, as the strings they cover. */
function found(text: string, kind: string): string[] {
  return r
    .redact(text)
    .findings.filter((f) => f.kind === kind)
    .map((f) => text.slice(f.start, f.end));
}

describe('personal data in prose', () => {
  it('reads street addresses by their shape, with a postcode on the lines after', () => {
    // The postal line after a street goes with it, coarse postcodes too (capture less).
    assert.deepEqual(found('the new place is 1847 Larkspur Court, Boulder, CO 80304, so', 'street-address'), [
      '1847 Larkspur Court',
      'Boulder, CO 80304',
    ]);
    assert.deepEqual(found('Mrs F. H.\nFlat 3, 27 Rosebery Crescent\nHarrogate\nHG1 4QT', 'street-address'), [
      'Flat 3, 27 Rosebery Crescent',
      'HG1 4QT',
    ]);
    assert.deepEqual(found('Calle Mayor 12, Madrid; Lindenweg 4a, Berlin', 'street-address'), ['Calle Mayor 12', 'Lindenweg 4a']);
  });

  it('reads streets written number first (French, Italian) and Irish Eircodes after an address', () => {
    assert.deepEqual(found('Client : É. M., 18 rue des Tanneurs, 69002 Lyon', 'street-address'), ['18 rue des Tanneurs', '69002 Lyon']);
    assert.deepEqual(found('Siobhan G.,14 Rathgar Avenue,Dublin 6,D06 X2P4', 'street-address'), ['14 Rathgar Avenue', 'D06 X2P4']);
    assert.deepEqual(found('12 avenue Victor Hugo, 75016 Paris', 'street-address'), ['12 avenue Victor Hugo', '75016 Paris']);
    assert.deepEqual(found('we moved 3 rue tables', 'street-address'), []);
  });

  it('reads an identifier whose name stands a sentence or two before it, when its check holds', () => {
    const text = 'My T4 lists the wrong social insurance number. The correct one is 208 421 099. Can you reissue?';
    assert.deepEqual(found(text, 'ca-sin'), ['208 421 099']);
    assert.deepEqual(found('Numer PESEL ucznia: 03290254771, klasa 3B.', 'pl-pesel'), ['03290254771']);
    // The check fails (a changed last digit), or the name is too far before: kept.
    assert.deepEqual(found('My social insurance number changed. The correct one is 208 421 098.', 'ca-sin'), []);
    assert.deepEqual(found(`social insurance number${' filler'.repeat(40)} 208 421 099`, 'ca-sin'), []);
  });

  it('reads NPI numbers, Korean and Chinese resident numbers after names in their own scripts, and licences after DL and DMV', () => {
    assert.deepEqual(found('Dr. S. A. (NPI 1411150653) is now in-network.', 'us-npi'), ['1411150653']);
    assert.deepEqual(found('NPI 1411150652 fails its check', 'us-npi'), []);
    assert.deepEqual(found('주민등록번호: 850412-1526562', 'kr-rrn'), ['850412-1526562']);
    assert.deepEqual(found('{"姓名": "王芳", "身份证号": "440305199008172247"}', 'cn-resident-id'), ['440305199008172247']);
    assert.deepEqual(found('NY DMV ID: 252 349 162 (class D)', 'driver-license'), ['252 349 162']);
    assert.deepEqual(found('DL#: K86115922606  ST: IL', 'driver-license'), ['K86115922606']);
    assert.deepEqual(found('dl: 12345 records; download 1234567', 'driver-license'), []);
  });

  it('reads a phone number percent-encoded in a form body', () => {
    assert.deepEqual(found('q=hello%20world&tel=%2B1%20415%20555%200132&x=1', 'phone'), ['%2B1%20415%20555%200132']);
    assert.deepEqual(found('q=hello%20world&phone=%2B1%20234', 'phone'), []);
  });

  it('keeps organisations’ addresses, copyright years and street words in running text', () => {
    for (const text of [
      'Free Software Foundation, Inc., 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA',
      'Copyright 2011 Gary Court. All rights reserved.',
      '  2021 Iain Lane\n',
      'took 3 Main Street cars <to> the lot',
      'HG1 4QT is a postcode shape, with no address above',
    ])
      assert.deepEqual(found(text, 'street-address'), [], text);
    assert.deepEqual(found('Foundation, Inc., 51 Franklin Street, Fifth Floor', 'person-name'), []);
  });

  it('reads Ethereum addresses: mixed case alone, one case where the line speaks of an address or a transfer', () => {
    assert.deepEqual(found('Payout (ERC-20 USDC): 0x0fcF684F7D65C63F4B9547BD1dd65b59c0410026', 'crypto-address'), [
      '0x0fcF684F7D65C63F4B9547BD1dd65b59c0410026',
    ]);
    assert.deepEqual(found('tx from=0xb9e6b6639f61a5635d6964a34712b4953f1c1c2c nonce=17', 'crypto-address'), [
      '0xb9e6b6639f61a5635d6964a34712b4953f1c1c2c',
    ]);
    assert.deepEqual(found('const h = 0xb9e6b6639f61a5635d6964a34712b4953f1c1c2c;', 'crypto-address'), []);
    assert.deepEqual(found('contract address: 0xb9e6b6639f61a5635d6964a34712b4953f1c1c2c', 'crypto-address'), []);
    assert.deepEqual(found('to: 0x0000000000000000000000000000000000000000', 'crypto-address'), []);
  });

  it('reads a MAC address in a switch’s address table', () => {
    assert.deepEqual(found('Gi0/14   dc4a.3e91.07bc   DYNAMIC   vlan 20', 'mac-address'), ['dc4a.3e91.07bc']);
    assert.deepEqual(found('version dc4a.3e91.07bc', 'mac-address'), []);
  });
});
