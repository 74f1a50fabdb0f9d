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

describe('Korean names before a role', () => {
  it('takes a name of three syllables from a family name before 고객님, 환자, 원장님, and its given name again', () => {
    const o = out('김도윤 고객님(문의) 상담을 요청하셨습니다. 도윤 님은 오후 3시 이후 통화 가능.');
    assert.ok(!o.includes('김도윤') && !o.includes('도윤'), o);
    gone('최서준 환자 입원 예정', '최서준', 'person-name');
  });
  it('keeps the words that stand before a role', () => {
    kept('이메일 고객님께 안내 드립니다', '이메일');
    kept('이번 고객님께 안내', '이번 고객님께');
    kept('정기 고객 할인', '정기 고객');
  });
});

describe('identifiers after more of their names', () => {
  it("reads Spanish America's C.I., the Ghana Card's PIN and a lettered TIN", () => {
    gone('Sisa Pakari — C.I. 2147836460 — cel. 0991234587', '2147836460', 'id-number');
    gone('C.I. 4.123.567-8', '4.123.567-8', 'id-number');
    gone('KYC record: ghana_card=GHA-524408994-0; tin=P0096510471', 'GHA-524408994-0', 'id-number');
    gone('KYC record: ghana_card=GHA-524408994-0; tin=P0096510471', 'P0096510471', 'id-number');
  });
  it('leaves other uses of the words', () => {
    kept('see C.I. 2024 pipeline', 'C.I. 2024');
    kept('the tin 2024 can', 'tin 2024');
    kept('tin: 12345', 'tin: 12345');
  });
  it('reads no label after a sentence as a name', () => {
    kept('Payment received from KWAME OFORI-ATTA 023 302 6856. Ref: school fees.', 'Ref: school fees');
  });
});
