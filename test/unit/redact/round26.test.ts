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

describe('signatures and forms', () => {
  it("takes a name after a signature's label in other languages", () => {
    gone('Sinadura: I. Arrizabalaga', 'Arrizabalaga', 'person-name');
    gone('Unterschrift: K. Oberhuber', 'Oberhuber', 'person-name');
    gone('Podpis: J. Wiśniewska', 'Wiśniewska', 'person-name');
  });
  it('keeps a firm after Firma, and words that are no name', () => {
    kept('Firma: Bosch', 'Firma: Bosch');
    kept('Firma: Hoffmann Logistik', 'Hoffmann Logistik');
    kept('Unterschrift: ______', 'Unterschrift');
    kept('Podpis: Kierownik', 'Kierownik');
  });
  it("reads no field's name with its value aligned after it as a chat's speaker", () => {
    const excerpt = [
      'Handelsregisteramt des Kantons Bern',
      'Firma:        Alpenkäserei Emmental AG',
      'UID:          CHE-729.129.262',
      'Sitz:         Langnau im Emmental',
      'Zweck:        Herstellung und Vertrieb von Käsespezialitäten',
    ].join('\n');
    assert.equal(out(excerpt), excerpt);
  });
  it("still reads a chat's speakers", () => {
    gone('Larissa: tentei pagar duas vezes\nOperator: vou verificar agora\nLarissa: obrigada pela ajuda', 'Larissa', 'person-name');
  });
});

describe('values found, mentioned again', () => {
  it('takes the same value again within the window, standing apart', () => {
    const o = out('api_key = "q8Jf2LmZp0Rt7XvB3nKs"\nsee q8Jf2LmZp0Rt7XvB3nKs for the new one');
    assert.ok(!o.includes('q8Jf2LmZp0Rt7XvB3nKs'), o);
    gone('client=mail-223-75-216-167.outbound.isp.net[223.75.216.167]', '223-75-216-167', 'ip-address');
  });
  it('does not take it inside a longer token, nor a plain word', () => {
    kept('api_key = "q8Jf2LmZp0Rt7XvB3nKs"\nsee xq8Jf2LmZp0Rt7XvB3nKs', 'xq8Jf2LmZp0Rt7XvB3nKs');
    kept('client=10.1.2.3 build 10-1-2-30', '10-1-2-30');
  });
  it('reaches no farther than three lines', () => {
    kept('api_key = "q8Jf2LmZp0Rt7XvB3nKs"\n1\n2\n3\n4\nsee q8Jf2LmZp0Rt7XvB3nKs', 'see q8Jf2LmZp0Rt7XvB3nKs');
  });
});

describe('a password told in prose, quoted', () => {
  it('keeps its own punctuation and brackets', () => {
    gone('fails: `psql -h pg-02 -U breakglass` with password `vFwG8FEw,zqamw.{`.', 'vFwG8FEw,zqamw.{', 'password');
  });
  it('leaves calls and placeholders', () => {
    kept('use password `getPass()` to log in', 'getPass()');
    kept('with password `<secret_1>`', '<secret_1>');
  });
});
