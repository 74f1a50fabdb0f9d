// Policy 29: what round 31 showed.
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

describe('tables headed in other scripts', () => {
  it('reads a Japanese address book by its header: names, their kana readings, addresses, mobiles', () => {
    const t = [
      '氏名,フリガナ,郵便番号,住所,携帯電話,メールアドレス',
      '鈴木 大輔,スズキ ダイスケ,〒460-0008,愛知県名古屋市中区栄1丁目21-1,090-9216-7468,daisuke.s@example.jp',
      '伊藤 恵,イトウ メグミ,〒460-0008,愛知県名古屋市中区栄1丁目15-7,080-5958-8479,megumi.i@example.jp',
    ].join('\n');
    gone(t, 'スズキ ダイスケ', 'person-name');
    gone(t, '090-9216-7468', 'phone');
    gone(t, '名古屋市中区栄1丁目15-7', 'street-address');
    kept(t, '氏名,フリガナ,郵便番号,住所,携帯電話');
  });
  it('reads a Bulgarian list’s phone and address columns (`Телефон`, `Адрес`)', () => {
    const t = [
      'Име и фамилия,ЕГН,Телефон,Адрес',
      'Цветелина Стоянова,9708220940,088 865 5094,"ул. „Витоша“ № 74, ет. 3, ап. 4, Варна"',
      'Елена Георгиева,9811210112,089 888 9862,"бул. „Цар Освободител“ № 15, ет. 3, Варна"',
    ].join('\n');
    gone(t, '088 865 5094', 'phone');
    gone(t, 'Витоша“ № 74', 'street-address');
  });
  it('reads a plain `名前` column only beside another personal column', () => {
    const packages = ['名前,バージョン,説明', '設定ファイル,1.2.0,初期設定', '型定義,2.0.1,型のみ'].join('\n');
    assert.equal(out(packages), packages);
    const people = ['名前,携帯電話', '村上 結衣,090-4418-2931', '小林 翔太,080-7731-0452'].join('\n');
    gone(people, '村上 結衣', 'person-name');
  });
});

describe('a notebook’s lines read as the lines they hold', () => {
  it('reads a DataFrame printed in a cell’s output', () => {
    const t = [
      '   "outputs": [{"data": {"text/plain": [',
      '       "   patient_id         name           phone  visits\\n",',
      '       "0       P-1042  藤井結衣  090-7521-8834       3\\n",',
      '       "1       P-1047  สมชาย ศรีสุข  087 493 2759       6"',
      '   ]}}]',
    ].join('\n');
    gone(t, '090-7521-8834', 'phone');
    gone(t, '087 493 2759', 'phone');
    kept(t, 'patient_id         name');
  });
});

describe('values that only look like secrets or personal data', () => {
  it('keeps ciphertext: Vault transit, Jasypt, a KMS blob', () => {
    for (const t of [
      'webhook_secret: vault:v1:LCdwoXqnupQvY8tOTIEby4JvhIULaCUGLEjGorViNCLeA6K1ld+YEpWJ4b/psmBlzNvFLlUW==',
      'spring.datasource.password=ENC(tiqeaR1Hm1eq6Ik74nglzrfSMcfAFDHTRtYVq0LWViSePtOp/kc9qFFTV/buMRBt)',
      'encrypted_db_password: AQICAHhzJOs2ZIY7UqmTCSI386UwfCwAlMFkKjKK5QfC378H0Qs2yjcmWVa1Z7TOP0EUiSwPObzi9nkq',
    ])
      assert.equal(out(t), t);
    gone('db_password: hT4v9Qm2LpX7rZ1kWc8N', 'hT4v9Qm2LpX7rZ1kWc8N');
  });
  it('keeps a provider’s prefix before one character repeated, not a real token', () => {
    kept('NPM_TOKEN=npm_000000000000000000000000000000000000', 'npm_000000000000000000000000000000000000');
    gone('NPM_TOKEN=npm_Xq7hT2vLm9RkP4wZc8Nd1sJf6Gb3Ya5Ue0Io', 'npm_Xq7hT2vLm9RkP4wZc8Nd1sJf6Gb3Ya5Ue0Io');
  });
  it('keeps a barcode right after its name, and a kernel’s version', () => {
    kept('SKU: ACM-PRO-2024-EU-16GB  EAN: 4006435808798', '4006435808798');
    kept('ISBN 978-0-13-691086-7 · EAN 4006381392995', '4006381392995');
    gone('Karte: 4006381392995 (Visa), Ablauf 09/27', '4006381392995');
    kept('Installed: openssl 3.0.13, kernel 6.8.0.45', '6.8.0.45');
    gone('ssh deploy@ 6.8.0.45 from the office', '6.8.0.45');
  });
  it('keeps a name that names an institution, and toll-free numbers however written', () => {
    kept('The trial ran at Johns Hopkins Hospital and the Karolinska Institutet.', 'Johns Hopkins');
    kept('Appelez le numéro vert 0 800 329 985 (service et appel gratuits).', '0 800 329 985');
    kept('BEGIN:VCARD\nFN:Ledgerly Support\nTEL;TYPE=work,voice:+44 800 046 1234\nEND:VCARD', '+44 800 046 1234');
    gone('BEGIN:VCARD\nFN:Ruth Ellery\nTEL;TYPE=cell:+44 7700 183 442\nEND:VCARD', '+44 7700 183 442');
  });
});

describe('pairs and cues read in more forms', () => {
  it('reads a name and its value as members of one object (HAR headers, M-Pesa items)', () => {
    gone(
      '{ "name": "cookie", "value": "connect.sid=s%3AfHAQg-Rhtg8ZYXeliVncdjrK8c0tGu11.h5JWoSp0Ntg8lADVIR8mr-9yhXtFRm7_26cGd-3E4FM" }',
      'fHAQg-Rhtg8ZYXeliVncdjrK8c0tGu11',
    );
    const mpesa =
      '{"Item":[{"Name":"Amount","Value":1500},{"Name":"PhoneNumber","Value":254769769655},{"Name":"FirstName","Value":"Akinyi"}]}';
    gone(mpesa, '254769769655', 'phone');
    gone(mpesa, 'Akinyi', 'person-name');
    const plain = '{ "name": "accept", "value": "application/json" }';
    assert.equal(out(plain), plain);
  });
  it('reads MinIO’s client’s keys, gate codes in Portuguese and a meeting’s host key', () => {
    gone('$ mc alias set lab http://minio.lab:9000 minio-admin Td7fWrn6VRG6zug1dWN75OLZ7RW6+vb43cxi+T1d', 'Td7fWrn6VRG6zug1dWN75OLZ7RW6');
    gone('e o código do portão é 058795', '058795');
    gone('DESCRIPTION:Join: https://zoom.us/j/99278381791\\nHost key: 281986\\nOrganiser: Declan', '281986');
    kept('Warning: Permanently added the ECDSA host key for 140.82.121.4 (RSA) 2048 bits', 'host key');
  });
  it('takes a Chinese family name with its honorific', () => {
    gone('联系人：王晓燕，手机号 13178387267，王女士下午有空。', '王女士', 'person-name');
  });
});

describe('data beside data', () => {
  it('takes a Han or Hangul name quoted before an identifier in its record, not a word', () => {
    gone('\t{"박지호", "890724-2879277", true},', '박지호', 'person-name');
    kept('\t{"테스트", "890724-2879277", true},', '테스트');
  });
  it('reads a one-time code in the log line that sent it', () => {
    gone('2024-06-04T09:00:12Z sms.sent to=+972 59-684-2354 template=otp name="Yael" code=116556', '116556', 'password');
    kept('event=verify_phone status=ok error_code=4012 attempts=2', '4012');
  });
  it('takes a birth date written again in brackets', () => {
    gone('生年月日：昭和60年7月27日（1985年7月27日）', '1985年7月27日', 'birth-date');
    gone('Date of birth: 27/07/1985 (27 July 1985)', '27 July 1985', 'birth-date');
  });
});

describe('a family name in capitals, a comma and a given name', () => {
  it('takes it at a line’s start, after a label or in a field; not an acronym, a direction or a common word', () => {
    gone('ST THOMAS HOSP\nOYELARAN, Babatunde\nDOB 10/04/1991', 'OYELARAN, Babatunde', 'person-name');
    gone('Patient: OKAFOR, Chidi', 'OKAFOR', 'person-name');
    for (const t of [
      'Visitor Center: The White House, 1600 Pennsylvania Avenue NW, Washington, DC 20500.',
      'the same phone numbering rules ("NANPA, Britain", etc)',
      'WARNING, Maria said the build is red',
    ])
      assert.equal(out(t), t);
  });
});
