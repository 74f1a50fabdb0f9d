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
