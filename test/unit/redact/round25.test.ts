// Policy 23: generated passphrases wherever they are told, ciphertext committed on purpose kept,
// names that belong to organisations or run across a table's columns, and what round 25's probe
// sets showed.
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

describe('generated passphrases', () => {
  it('takes words with a symbol and a number glued to the last, after a flag, in a cell, after a login, in backticks', () => {
    gone("ssh-keygen -t ed25519 -N 'willow Meadow drizzle pebble;16'", 'willow Meadow drizzle', 'password');
    gone(
      "EXEC sp_addlinkedsrvlogin @rmtuser = N'linked_ro', @rmtpassword = N'velvet Lantern ripple canyon$80';",
      'velvet Lantern',
      'password',
    );
    gone('| NAS (Synology) | https://nas01.lan:5001 | backup-admin | orbit Nimbus lagoon!79 |', 'orbit Nimbus lagoon', 'password');
    gone('> The shared login is practice@firm.co.uk / marble Pebble falcon*29', 'marble Pebble falcon', 'password');
    gone('2. Root password (console only): `velvet Quartz pebble falcon&66`', 'velvet Quartz pebble', 'password');
  });
  it('keeps prose, acronyms and code that end the same way', () => {
    kept("throw new Error('[Cannot read PKCS#12] PFX.')", 'Cannot read PKCS#12');
    kept('if (error instanceof Promise$2.CancellationError) {', 'error instanceof Promise$2');
    kept('Fixed the parser crash bug#12 today', 'parser crash bug#12');
    kept('two words;12', 'two words;12');
  });
});

describe('ciphertext committed on purpose', () => {
  it("keeps SOPS's values and data keys, Travis's secure values, OpenPGP messages and TeamCity's references", () => {
    const sops =
      'stringData:\n  DATABASE_PASSWORD: ENC[AES256_GCM,data:1kYw3UG0At/cd2iGm/V9502A,iv:pcxLEwArGxfbOFC+FcF2SyFLD4Q38OCJqejezldCLyM=,tag:Ci3dO1RT/KiSUbKpn7gOmw==,type:str]\n' +
      'sops:\n  kms:\n    - arn: arn:aws:kms:eu-west-1:123456789012:key/1234abcd\n      enc: zteU7Ai8H3u+2MzuxnNdLLdkiGCg1I8BWzedR2ranZTOPWxqxlab0ix4/A6xih6EqHDras26PeAwD5gfAAoYytUhpBNHYVaZxlHpPkkY/7FvwD1YP/TuQtWabKUw8Ay0dEW1L5Kmx7IFSGSf6n0sWV68I6+49oLlyvaKqG8agAVXzO++9rOIIJMsAkKMyrCQ9+dU6gZsUU/+jHeedv97+g==\n';
    assert.equal(out(sops), sops);
    const travis =
      'env:\n  global:\n    - secure: "KlnxUHO4XZH0nMk+HVyEsmMVIXuULAVS3NEJUhTp4ddHCwjOvkFRaIX9M8hWTduU0d3l332wARnkaHG5o5YFw05stiCpzWT/DKvIR0P5ysz6nV4bZ30lYcnDXsp+3skX/CBI+WBfI9fPwHep1s/x0Mm6JGWlgQ2dDUr9znP3HHsuDYMbYLJGqykKvS611FKBx+FtgmihJ5ubHzMOIP1y2KJ2MAjHc6gYtfdB+FRjHq01/CN4DBAPuYSi8JumppHglH0KnHmT7Hj7iYmfcBChBUtaMrzWew3yzloFqVWi1SiBTykCJ3sC4plhRw+ZmoQk+a3kkuGNVmDR+3CSoju0yw=="\n';
    assert.equal(out(travis), travis);
    kept('"encrypted": {\n  "token": "wcFMA/xDdHCJBTolAQ/+LQ9fUzKMQmCTJmJpgQ0Mlb3i8Jc5N1OqmQ0pdC"\n}', 'wcFMA/xDdHCJBTolAQ');
    kept('password("env.DOCKER_PASSWORD", "credentialsJSON:9a10b7fd-c322-40b3-9ddc-8422dfb2094e")', '9a10b7fd-c322-40b3-9ddc-8422dfb2094e');
  });
  it('still takes a plain secret beside them', () => {
    gone('sops:\n  enc: x\nDB_PASSWORD: Xk29fjQm#28dkFQ0', 'Xk29fjQm#28dkFQ0', 'password');
    gone('deploy:\n  password:\n    secure: "KlnxUHO4"\n  token: "Xk29fjQm#28dkFQ0pLz"', 'Xk29fjQm#28dkFQ0pLz');
  });
});

describe("organisations' names and names across columns", () => {
  it('keeps a name with a legal form after it, a word of an organisation in it, or a company label before it', () => {
    kept('Beneficiary: Nordwind Energie GmbH — the bank details are on the invoice.', 'Nordwind Energie');
    kept('doc = nlp("Die Deutsche Bahn sperrt zwischen Köln Hbf und Düsseldorf")', 'Deutsche Bahn');
    kept("'br cnpj' => ['Razão social: Cooperativa Agrícola Vale Verde, CNPJ 40.397.516/0001-36'],", 'Agrícola Vale Verde');
    kept('Çağrı Merkezi: 444 8 513', 'Çağrı Merkezi');
  });
  it('cuts a name read across a gap of aligned columns, keeping its first part', () => {
    gone(
      'Starter checklist\nSurname: Pemberton   Forenames: Alice Rose\nNational Insurance number: PJ 21 41 30 C',
      'Pemberton',
      'person-name',
    );
    kept('Starter checklist\nSurname: Pemberton   Forenames: Alice Rose\nNational Insurance number: PJ 21 41 30 C', 'Forenames:');
  });
});

describe("organisations' numbers", () => {
  it("keeps Japan's free dial, a GS1 element, and a Russian organisation's INN of ten digits", () => {
    kept('お客様相談室：0120-311-803（受付時間 平日9:00〜17:00）', '0120-311-803');
    kept('Expiry range: (17)251231 – (17)260630', '(17)251231');
    kept('ОГРН 1027700132195, ИНН 7715004084', '7715004084');
  });
  it("still takes a person's twelve-digit INN", () => {
    gone('ИНН 500100732259', '500100732259', 'ru-inn');
  });
});

describe('identifiers', () => {
  it("takes Aadhaar's Virtual ID after `VID` when its check holds, not otherwise", () => {
    gone('verify ok: vid=8535 8134 4818 6023 match_score=0.97', '8535 8134 4818 6023', 'in-aadhaar');
    kept('vid=8535 8134 4818 6024', '8535 8134 4818 6024');
    kept('usb vid=0x1234 pid=0x5678', '0x1234');
  });
  it("takes Kuwait's Civil ID, Mauritius' NID, Mozambique's NUIT and Nepal's citizenship number after their names", () => {
    gone('PAX 1: SALEM MR — Civil ID 285080974607 — window seat', '285080974607', 'id-number');
    gone('Employee | Country | ID\nA | MU | NID R1808886720998', 'R1808886720998', 'id-number');
    gone('B | MZ | NUIT 138705994', '138705994', 'id-number');
    gone('receiver: { citizenship_no: "21-5-94-94225" }', '21-5-94-94225', 'id-number');
  });
  it("takes a card's expiry and code pasted after it with spaces", () => {
    gone('  - Larissa Prado: 6363683583486080 02/28 111', '02/28 111');
    kept('card 6363683583486080 paid 02/28', 'paid');
  });
});

describe('dates of birth after labels in more languages', () => {
  it('takes the date after Basque, Welsh, Hungarian, Tamil, Bengali, Armenian and Thai labels', () => {
    gone('Jaiotze-data: 1969/01/27', '1969/01/27', 'birth-date');
    gone('Dyddiad geni: 11/04/2018', '11/04/2018', 'birth-date');
    gone('Születési idő: 1989. 11. 10.', '1989. 11. 10', 'birth-date');
    gone('பிறந்த தேதி: 25/04/1957', '25/04/1957', 'birth-date');
    gone('জন্ম তারিখ: 27-07-2018', '27-07-2018', 'birth-date');
    gone('Ծննդյան ամսաթիվ՝ 02.10.1986', '02.10.1986', 'birth-date');
    gone('ดวงใจ มณีรัตน์ เกิดวันที่ 20/5/2513', '20/5/2513', 'birth-date');
  });
  it('keeps a spaced date with no label', () => {
    kept('Version 2024. 11. 10. released', '2024. 11. 10.');
  });
});

describe('names in scripts without capitals', () => {
  it('takes one after a capitalised label in Latin letters, and after more labels in their scripts', () => {
    gone('Spouse: زرغونه; sponsor holds CNIC', 'زرغونه', 'person-name');
    gone('Guarantor: சிவராஜா கணேசலிங்கம், NIC 372201507V', 'சிவராஜா', 'person-name');
    gone('Name: ᐊᓈᓇ ᕿᓐᓇᖅ (Anaana Qinnaq)', 'ᐊᓈᓇ', 'person-name');
    gone('Овог нэр: Батбаяр Оюунчимэг', 'Батбаяр', 'person-name');
    gone('Դիմորդ՝ Անի Սարգսյան', 'Սարգսյան', 'person-name');
  });
  it('takes the given name again as a word of its own, ZWNJ and all', () => {
    const o = out('نام و نام خانوادگی: زهرا حسینی‌نژاد\nزهرا خانم مدارک را تحویل دادند');
    assert.ok(!o.includes('زهرا') && !o.includes('نژاد'), o);
  });
  it('keeps a translation under a key in lower case', () => {
    kept('name: ملف الإعدادات', 'ملف الإعدادات');
  });
});

describe('cookies outside a Cookie header', () => {
  it("takes a session's value in a CGI environment's HTTP_COOKIE", () => {
    gone(
      "HTTP_COOKIE = 'csrftoken=Xk29fjQm28dkFQ0pLzq9vN3mE7rT2wYb; sessionid=ii0c1nosvhnh24yfgkmmrjcfr4fycy6x'",
      'ii0c1nosvhnh24yfgkmmrjcfr4fycy6x',
      'session-cookie',
    );
    kept("HTTP_COOKIE = 'lang=fi; theme=dark'", 'theme=dark');
  });
});
