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
  it('takes the same value again on its line, an e-mail or IP address within the window, standing apart', () => {
    const o = out('api_key = "q8Jf2LmZp0Rt7XvB3nKs" # was q8Jf2LmZp0Rt7XvB3nKs before');
    assert.ok(!o.includes('q8Jf2LmZp0Rt7XvB3nKs'), o);
    gone(
      '"arn": "arn:aws:sts::123456789012:assumed-role/SSO/maeve.hollis@kiwi-telemetry.co.nz",\n"principalId": "AROA6U3X64ODZ6YQIWKJZ:maeve.hollis@kiwi-telemetry.co.nz"',
      'maeve.hollis@kiwi-telemetry.co.nz',
      'email',
    );
    gone('client=mail-223-75-216-167.outbound.isp.net[223.75.216.167]', '223-75-216-167', 'ip-address');
  });
  it('does not take it inside a longer token, nor a plain word', () => {
    kept('api_key = "q8Jf2LmZp0Rt7XvB3nKs"\nsee xq8Jf2LmZp0Rt7XvB3nKs', 'xq8Jf2LmZp0Rt7XvB3nKs');
    kept('client=10.1.2.3 build 10-1-2-30', '10-1-2-30');
  });
  it("reaches no other line for a value read with other lines' help, and no farther than three lines for others", () => {
    kept('api_key = "q8Jf2LmZp0Rt7XvB3nKs"\nsee q8Jf2LmZp0Rt7XvB3nKs', 'see q8Jf2LmZp0Rt7XvB3nKs');
    kept('from 223.75.216.167\n1\n2\n3\n4\nhost-223-75-216-167', 'host-223-75-216-167');
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

describe("numbers after a form's labels", () => {
  it('takes a number after a label in any language, in a form', () => {
    gone('Iqama No.: 2002558977\nPassport No.: S8278114\nSponsor: Al Noor Trading', '2002558977', 'id-number');
    gone('社員番号：E683420\n氏名：森 さくら', 'E683420', 'id-number');
    gone('የፋይዳ መታወቂያ ቁጥር: 7348 5046 7676\nስልክ: 098 105 9372', '7348 5046 7676', 'id-number');
    gone('TRN: 132-370-621\nNIS No.: AH768114\nAddress: 14 Hope Road', 'AH768114', 'id-number');
    gone('Student: Nguyen, Emily        Student ID: 2870607', '2870607', 'id-number');
  });
  it('keeps orders, invoices, companies, amounts, dates, codes and phones', () => {
    const form = (line: string): string => `${line}\nStatus: open`;
    for (const line of [
      'Order number: 4567688298532676',
      'Rechnungsnummer: 2024118873',
      'Sendungsnummer (DHL): 00340434161094042557',
      'Amount: 12500 EUR',
      'Date of issue: 2024-06-12',
      'Version: 10.22.3',
      'Diagnosis: E11.9',
      'SNOMED CT: 44054006',
      'PO: 4500012345',
      'Customer Service: 1-888-712-6343',
      'UK: 0800 536 9238',
      'Gas used: 1234567',
      'Company number: 22864243',
      '問い合わせ番号：2024061200123',
    ])
      kept(form(line), line.slice(line.search(/[:：] ?[\dA-Z]/) + 1).trim());
  });
  it("keeps a company's record, keys of configuration and references without a space", () => {
    kept('ДУНАВ ЛОГИСТИКА ДОО БЕОГРАД\nМатични број: 21345678\nПИБ: 109876543', '21345678');
    kept('port: 30080\nreplicas: 3\ntimeoutMs: 120000', '120000');
    kept('Content-Length: 348123\nContent-Type: text/plain', '348123');
    kept('See arXiv:2106.09685 and doi:10.1145/3297858.3304013', '2106.09685');
    kept('DTSTART:20240617T090000Z\nDTEND:20240617T100000Z', '20240617T090000Z');
  });
  it('needs another field near: a sentence is no form', () => {
    kept('The answer to everything: 4242424242, as the book says.', '4242424242');
  });
});

describe('what looks like a secret beside a credential word and is none', () => {
  it("keeps a workflow's commit pin, an image's tag, a man page's placeholder", () => {
    kept(
      '      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4.0.2',
      'e3dd6a429d7300a6a4c196c26e071d42e0343502',
    );
    kept('  image = "registry.fly.io/ledger-api:deployment-01J0X6QH8V4N3K2Y9ZB7T5R1WD"', 'deployment-01J0X6QH8V4N3K2Y9ZB7T5R1WD');
    kept('.BR \\-t ", " \\-\\-token =\\fITOKEN\\fR', '\\fITOKEN\\fR');
  });
  it("keeps a digest's column and an encrypted message's armor", () => {
    const list = [
      'NAME                    DIGEST                  CREATED AT',
      'SECRET_KEY_BASE         9f8e7d6c5b4a3f2e        2024-05-02T10:11:45Z',
      'STRIPE_SECRET_KEY       4c1d9e8a7b6f5e3d        2024-06-10T14:33:02Z',
    ].join('\n');
    assert.equal(out(list), list);
    const age =
      '-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBFa2x2d0hxa2dN\n-----END AGE ENCRYPTED FILE-----';
    assert.equal(out(age), age);
  });
  it('still takes the secrets themselves', () => {
    gone('SECRET_KEY_BASE         q8Jf2LmZp0Rt7XvB3nKs', 'q8Jf2LmZp0Rt7XvB3nKs');
    gone('--token =\\fIq8Jf2LmZp0Rt7XvB3nKs\\fR', 'q8Jf2LmZp0Rt7XvB3nKs');
    gone(
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----',
      'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
    );
  });
});

describe("a form's name fields", () => {
  it('reads a field after a gap, plural name keys, and a key after words of its label', () => {
    const form = 'Surname: NicDhòmhnaill     Previous surname: MacLeod\nFirst names: Mòrag Ealasaid\nCHI number: 0410644889';
    const o = out(form);
    for (const v of ['NicDhòmhnaill', 'MacLeod', 'Mòrag Ealasaid', '0410644889']) assert.ok(!o.includes(v), o);
    gone('Nom et prénom : LEFEBVRE Thérèse\nNuméro d immatriculation : 2 50 04 69 299 984 53', 'LEFEBVRE Thérèse', 'person-name');
    gone('Nama           : SRI WAHYUNINGSIH\nNIK: 3372054609000002', 'SRI WAHYUNINGSIH', 'person-name');
    gone('Taxpayer: Xuncax Tzunun Ixcoy', 'Xuncax Tzunun Ixcoy', 'person-name');
  });
  it("keeps the labels themselves, and a code comment's numbers", () => {
    kept('Nama           : SRI WAHYUNINGSIH\nNIK: 3372054609000002', 'Nama');
    kept('  // card used by pm_card_visa: 4242 4242 4242 4242, any CVC\n  amount: 2000,', '4242 4242 4242 4242');
  });
});

describe('addresses after labels in more languages', () => {
  it('reads Malay, Azerbaijani, Czech, Filipino, Chinese, Arabic and Nepali labels, digits of their scripts', () => {
    gone('Alamat: No. 21, Jalan SS 2/64, 47300 Petaling Jaya', 'Jalan SS 2/64', 'street-address');
    gone('Ünvan: Nizami küç. 87, mən. 15, Bakı AZ1010', 'Nizami küç. 87', 'street-address');
    gone('Trvalý pobyt: Hlavná 45, 040 01 Košice', 'Hlavná 45', 'street-address');
    gone('住址：臺北市大安區和平東路二段96巷7弄3號4樓', '和平東路二段96巷7弄3號4樓', 'street-address');
    gone('العنوان: ١٢ شارع التحرير، الدقي، الجيزة', '١٢ شارع التحرير', 'street-address');
    gone('ठेगाना: काठमाडौं महानगरपालिका वडा नं. ११, थापाथली', 'वडा नं. ११', 'street-address');
    gone('Адрес: ул. „Капитан Райчо“ № 56, ет. 3, ап. 8, гр. Пловдив', 'Капитан Райчо', 'street-address');
  });
  it('keeps a label with no number after it', () => {
    kept('العنوان: القاهرة', 'القاهرة');
    kept('Alamat: Jakarta Selatan', 'Jakarta Selatan');
  });
});

describe('tables drawn with box characters', () => {
  it("reads DuckDB's columns, an advertising id's among them, and keeps the drawing", () => {
    const table = [
      "D SELECT ad_id, client_ip FROM 'events.parquet' LIMIT 1;",
      '┌──────────────────────────────────────┬────────────────┐',
      '│                ad_id                 │   client_ip    │',
      '│               varchar                │    varchar     │',
      '├──────────────────────────────────────┼────────────────┤',
      '│ 45EDF999-55E2-4DC3-A511-911D99525458 │ 175.16.207.13  │',
      '└──────────────────────────────────────┴────────────────┘',
    ].join('\n');
    const o = out(table);
    assert.ok(!o.includes('45EDF999-55E2-4DC3-A511-911D99525458') && o.includes('<REDACTED:device-id#'), o);
    assert.ok(o.includes('┌───') && o.includes('│ ') && o.includes('┘'), o);
  });
  it("still reads Julia's DataFrame, a bar before its index only", () => {
    const df = [
      ' Row │ name                 dob         postcode  phone',
      '─────┼───────────────────────────────────────────────────────',
      '   1 │ Fatima Al-Zahrani   2001-09-22  G3 7SA    +44 7459 587792',
    ].join('\n');
    gone(df, '2001-09-22', 'birth-date');
  });
});

describe("a heartbeat's key and a CV's family name", () => {
  it("takes a heartbeat URL's key and keeps its placeholder", () => {
    gone(
      '15 3 * * * restic backup /srv && curl -fsS "https://hc-ping.com/081985efef782ea591c9bc81b1bce78fc84e2da0"',
      '081985efef782ea591c9bc81b1bce78fc84e2da0',
    );
    kept('curl -fsS https://hc-ping.com/your-uuid-here', 'your-uuid-here');
  });
  it("takes moderncv's family name after a listed given name", () => {
    gone('\\name{Nikolaos}{Karagianni}', 'Karagianni', 'person-name');
    kept('\\name{Release}{Notes}', 'Notes');
  });
});

describe('names in capitals after a title', () => {
  it('takes capitals with particles after DOÑA, DON, MR, Sr.', () => {
    gone('De una parte, DOÑA MARÍA DEL CARMEN RUIZ DE ALARCÓN PÉREZ, mayor de edad', 'MARÍA DEL CARMEN RUIZ', 'person-name');
    gone('Passenger: MR JOHN SMITH', 'JOHN SMITH', 'person-name');
    gone('Sr. JUAN PÉREZ GARCÍA', 'JUAN PÉREZ GARCÍA', 'person-name');
  });
  it('keeps capitals that hold no listed name or a common word', () => {
    kept('DR PEPPER SODA', 'PEPPER SODA');
    kept('MR BEAN SHOW', 'BEAN SHOW');
  });
});
