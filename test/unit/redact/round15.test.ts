// Policy 13: values published to be typed into tests and forms are kept.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createRedactor } from '../../../src/redact';
import { fictionalPhone, placeholderDigits, publishedExample } from '../../../src/redact/published';

const r = createRedactor({ key: new Uint8Array(32).fill(9) });
const out = (text: string): string => r.redact(text).text;

function gone(text: string, secret: string, kind?: string): void {
  const o = out(text);
  assert.ok(!o.includes(secret), `leaked ${secret} in ${o}`);
  if (kind) assert.match(o, new RegExp(`<REDACTED:${kind}#[0-9a-f]{8}>`), o);
}

function unchanged(text: string): void {
  assert.equal(out(text), text);
}

const luhn = (d: string): boolean => {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
};

describe('published test and documentation values', () => {
  it('keeps payment providers’ test cards, and the security code beside them', () => {
    unchanged('| 4242 4242 4242 4242 | succeeds |\n| 4000 0025 0000 3155 | requires authentication |');
    unchanged('card: { number: "4242424242424242", exp_month: 12, exp_year: 2030, cvc: "123" }');
    unchanged('Para probar utilice la tarjeta 4548 8120 4940 0004, caducidad 12/49 y CVV 123.');
    unchanged('amex 3782 822463 10005, discover 6011 1111 1111 1117, mastercard 5105 1051 0510 5100');
  });

  it('still takes a card no provider published, and a security code on its line', () => {
    gone('card: { number: "4929770231546613", cvc: "123" }', '4929770231546613', 'credit-card');
    gone('card: { number: "4929770231546613", cvc: "123" }', '"123"', 'card-security-code');
    // A test card beside a real one does not excuse the code.
    gone('cards 4242 4242 4242 4242 and 4929 7702 3154 6613, cvc 123', 'cvc 123', 'card-security-code');
  });

  it('holds every listed card to Luhn’s check, so no entry is a typing error', () => {
    for (const d of ['4242424242424242', '5555555555554444', '378282246310005', '6011111111111117', '4548812049400004', '3530111333300000'])
      assert.ok(luhn(d) && publishedExample('credit-card', d), d);
    // Patterned numbers: most digits one digit, or a short period.
    assert.ok(publishedExample('credit-card', '4000 0000 0000 0077'));
    assert.ok(!publishedExample('credit-card', '4929 7702 3154 6613'));
  });

  it('keeps the IBANs of standards and documentation, and takes others', () => {
    unchanged('IBAN: DE89 3704 0044 0532 0130 00 (example)\niban = "GB82WEST12345698765432"\nNL91 ABNA 0417 1643 00');
    gone('IBAN: DE74 5001 0517 0917 3648 20', 'DE74 5001 0517 0917 3648 20', 'iban');
  });

  it('keeps the telephone numbers set aside for fiction and tests', () => {
    unchanged('call (212) 555-0142 or +1 202-555-0173');
    unchanged('ring 07700 900461 or 020 7946 0321 or 0161 496 0123');
    unchanged('TO = "+15005550006"');
    gone('call (212) 555-0242', '555-0242', 'phone');
    gone('ring 07700 901461', '07700 901461', 'phone');
    assert.ok(fictionalPhone('+44 7700 900123') && fictionalPhone('(02) 5550 1234') && !fictionalPhone('+44 7911 123456'));
  });

  it('keeps numbers that stand in for a value by their digits, and takes others of the same shape', () => {
    unchanged('Tel: +49 30 1234567\nphone: 000-0000-0000\ntel 0123 456789\naccount number: 000000000000');
    gone('Tel: +49 30 2983746', '2983746', 'phone');
    assert.ok(
      placeholderDigits('9876543210') && placeholderDigits('111111') && !placeholderDigits('1234560') && !placeholderDigits('12345'),
    );
  });

  it('keeps voided social security numbers and identifiers printed as examples', () => {
    unchanged('SSN 078-05-1120 or 123-45-6789 or 219-09-9999');
    unchanged('bsn: 123456782\nPESEL: 44051401359');
    gone('SSN 536-22-8714', '536-22-8714', 'us-ssn');
    gone('bsn: 111222333', '111222333', 'nl-bsn');
  });

  it('keeps jwt.io’s sample whatever signs it, and takes other tokens', () => {
    const sample = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ';
    unchanged(`token = "${sample}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"`);
    const sig = (s: string): string =>
      createHmac('sha256', 'k3y-' + s.length)
        .update(s)
        .digest('base64url');
    unchanged(`Authorization: Bearer ${sample}.${sig(sample)}`);
    const other =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' +
      Buffer.from('{"sub":"u-8841","name":"Wanjiru Kamau","iat":1733400000}').toString('base64url');
    gone(`token = "${other}.${sig(other)}"`, sig(other));
  });

  it('keeps the storage emulator’s published key, and takes another account key', () => {
    unchanged(
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;',
    );
    const key = Buffer.from(createHmac('sha512', 'x').update('y').digest()).toString('base64');
    gone(`DefaultEndpointsProtocol=https;AccountName=prodlogs;AccountKey=${key};`, key);
  });
});

describe('passwords a person chose, told beside a word for one', () => {
  it('reads them in chats, tickets and handovers, in several languages', () => {
    gone('creds are reporting_admin / Wint3r-Harbour!92 — rotate after', 'Wint3r-Harbour!92', 'password');
    gone('Bartosz: na stagingu hasło do bazy to nadal Pol4nd#stg_91?', 'Pol4nd#stg_91', 'password');
    gone('Reset AD password, temporary password Tmp#8841-qzX given over the phone.', 'Tmp#8841-qzX', 'password');
    gone('[14:21] Anaïs : le mdp du compte recette ?\n[14:22] Sébastien : recette_admin / Rct!2024-mars', 'Rct!2024-mars', 'password');
    gone('[09:14] <mk> anyone have the jenkins admin pw?\n[09:15] <t.osei> Letmein655#', 'Letmein655#', 'password');
    gone('Sayın Hakan Ersoy, geçici şifreniz: K7m2Qx9. Lütfen değiştiriniz.', 'K7m2Qx9', 'password');
  });

  it('reads them as code passes them', () => {
    gone('curl_easy_setopt(curl, CURLOPT_USERPWD, "brightlane:Juni4923cin$");', 'Juni4923cin$', 'password');
    gone('Auth: clickhouse.Auth{Database: "events", Username: "ingest", Password: "ch_default_Pw9"},', 'ch_default_Pw9', 'password');
    gone('env.put(Context.SECURITY_CREDENTIALS, "Ld@pBind#01");', 'Ld@pBind#01', 'password');
    gone('authenticate("analytics", "jasper89Lantern"),', 'jasper89Lantern', 'password');
    gone('<wsse:Password Type="http://docs.oasis-open.org/wss#PasswordText">mango@2021!Cob</wsse:Password>', 'mango@2021!Cob', 'password');
  });

  it('keeps hosts, names in code, versions, anchors and earlier placeholders beside the word', () => {
    unchanged('the password for Prod-DB01 is in the vault; FS02-Admin has no password');
    unchanged('const hashed = sha256Hex(password); validatePassword(userInput2Value)');
    unchanged('password rotation ships in v2.13.4-Beta, see #dep0011-credentials and PKCS#12');
    unchanged('password=ArrowToken$1');
    unchanged('def connect(credentials, timeout=5.0, force_zip64=False):');
    const once = out('$ sshpass -p "Tr0ub4dor&3x" ssh admin@bastion-01');
    assert.equal(out(once), once);
    assert.ok(once.includes('admin@bastion-01'), once);
  });

  it('does not read a minified line', () => {
    unchanged('var a="credentials",b="Wint3r-Harbour!92";' + 'x=1;'.repeat(200));
  });
});

describe('a .netrc login’s echoes', () => {
  it('are not taken further than its machine reaches (a window reads what the whole text reads)', () => {
    const text = 'machine gitlab.example.pl\n  login ewa-michalak\n\n\n  login ewa-michalak\n';
    const o = out(text).split('\n');
    assert.match(o[1], /<REDACTED:person-name#/);
    assert.equal(o[4], '  login ewa-michalak');
  });
});

describe('identifiers under the keys and words logs and letters use', () => {
  it('reads lower-case keys of a log line and definite forms of the word', () => {
    gone('WARN lookup miss cpr=270893-6700 caller=kommune-aarhus', '270893-6700', 'dk-cpr');
    gone('eligibility check failed egn=8203149520 name=x', '8203149520', 'bg-egn');
    gone('Hei, her er fødselsnummeret til sønnen min: 10065846921', '10065846921', 'no-fodselsnummer');
    gone('Ingrid Haugland Sæther, f.nr. 240393 39990', '240393 39990', 'no-fodselsnummer');
  });

  it('reads a Malaysian NRIC under `nric` and `No. K/P`, a Thai id after its full word, a Chinese id in groups', () => {
    gone('- name: Nurul Aisyah binti Ahmad\n  nric: "800524-01-9674"', '800524-01-9674', 'my-nric');
    gone('Saya Nurul Aisyah, No. K/P 620209-01-0792.', '620209-01-0792', 'my-nric');
    gone('เลขประจำตัวประชาชน 1-3373-19602-37-2', '1-3373-19602-37-2', 'th-id');
    gone('联系人：王晓梅，身份证 440305 19880315 1897，手机见下', '440305 19880315 1897', 'cn-resident-id');
  });

  it('reads a lower-camel-case general key, and a Korean resident number written with its hyphen', () => {
    gone('val client = Client(personalCode = "45306026441")', '45306026441');
    gone('김민지 (901219-1291032) 님의 신청이 접수되었습니다.', '901219-1291032', 'kr-rrn');
  });

  it('keeps values of those shapes that do not validate', () => {
    unchanged('lookup miss cpr=320893-6700 caller');
    unchanged('order 240605-1234567 shipped; nric: "801324-01-9674"');
    unchanged('身份证 440305 19880315 1898');
  });
});

describe('names in Chinese, Japanese and Korean records and chats', () => {
  it('reads a name under a real-name key, and under a two-word key in a list with a relation after it', () => {
    gone('{"code":0,"data":{"realName":"王丽娟","idCard":"110101197404051074"}}', '王丽娟', 'person-name');
    gone('- Emergency contact: 小林 陽菜 (sister), 070-2654-8587', '小林 陽菜', 'person-name');
    const o = out('- Emergency contact: Ana Ruiz (mother), +34 612 48 93 17');
    assert.ok(!o.includes('Ana Ruiz') && o.includes('(mother)'), o);
  });

  it('reads a Chinese name after the word for the person’s role, and a Japanese name after the word for who is on duty', () => {
    gone('备注：客户周子轩来电，称银联卡付款失败。', '周子轩', 'person-name');
    gone('客户王伟来电', '王伟', 'person-name');
    gone('検知：監視アラートにより当番の中村翔太が検知', '中村翔太', 'person-name');
    unchanged('客户管理系统；会员高级功能；用户名：admin；客户端；客户周末来电');
  });

  it('reads a chat’s speaker lines: a listed name, or one that speaks again within three lines', () => {
    const chat = '佐藤健太 10:41\n年末調整のフォームに貼られてます\n佐藤健太 10:42\n削除お願いします\n王伟 10:45\n好的';
    const o = out(chat);
    assert.ok(!o.includes('佐藤健太') && !o.includes('王伟'), o);
    unchanged('朝会 09:30\n定例会 14:00');
    unchanged('佐藤健太 10:41\na\nb\nc\nd\n佐藤健太 10:42');
  });
});

describe('a lone first name beside an identifier read from its cue further up', () => {
  it('reaches only as far as a window holding the cue would read (a window reads what the whole text reads)', () => {
    const text = 'social insurance number\n\n208 421 099\n\nElif: kira için bu ay geç kaldım\n';
    const whole = out(text).split('\n');
    assert.match(whole[2], /<REDACTED:ca-sin#/);
    assert.equal(whole[4], out(text.split('\n').slice(1).join('\n')).split('\n')[3]);
  });
});

describe('a street and its postal line written inline beside a person’s data', () => {
  it('reads them in letters of several countries, without a street word of a known language', () => {
    const o = out('molim vas: Milica Jovanović, JMBG 2201986713606, Bulevar kralja Aleksandra 73, 11000 Beograd.');
    assert.ok(!o.includes('Aleksandra 73') && !o.includes('11000 Beograd'), o);
    gone('posílám: Tereza Dvořáková, rodné číslo 985217/7280, bytem Vinohradská 1511/230, 100 00 Praha 10.', '100 00 Praha 10');
    gone('Ég heiti Guðrún, kennitala 240164-0279. Ég vil breyta í Hringbraut 84, 101 Reykjavík.', 'Hringbraut 84');
    gone('моля: Цветелина Петкова, ЕГН 6908093106, адрес ул. „Шипка" 34, ет. 2, 1504 София.', '1504 София');
  });

  it('keeps the same shape without a person’s data on its line, and dates and copyright lines', () => {
    unchanged('Bulevar kralja Aleksandra 73, 11000 Beograd');
    unchanged('Release 5, 2024 Roadmap by the platform team');
    for (const t of ['Copyright 2002, 2003, 2004 Colin Watson', 'Darrick J. Wong, August 26, 2011 Darrick J. Wong'])
      assert.ok(!r.redact(t).findings.some((f) => f.kind === 'street-address'), t);
  });
});

describe('family names by endings only family names have, in Latin script', () => {
  it('reads Icelandic, Lithuanian, Georgian and South Slavic names without the given name in the lists', () => {
    gone('Ég heiti Guðrún Sigurðardóttir og bý í Reykjavík.', 'Guðrún Sigurðardóttir', 'person-name');
    gone('Kontakt: Ólafur Ragnarsson hefur samband.', 'Ólafur Ragnarsson', 'person-name');
    gone('Rašė Gintarė Kazlauskienė vakar.', 'Gintarė Kazlauskienė', 'person-name');
    gone('Written by Temuri Doghonadze', 'Temuri Doghonadze', 'person-name');
  });

  it('keeps common words of those endings', () => {
    unchanged('The Python Lesson covers loops; see the Next Lesson.');
  });
});

describe('who called or asked, as service desks label them', () => {
  it('reads a caller’s and a requester’s full name, also after a pipe', () => {
    gone('INC0081231 | Password reset | Caller: Naledi Mokoena', 'Naledi Mokoena', 'person-name');
    gone('Requestor: Ana Ruiz', 'Ana Ruiz', 'person-name');
  });

  it('keeps a single word under those keys (`caller: Function;`) and other fields after a pipe', () => {
    unchanged('interface IArguments {\n  caller: Function;\n}');
    unchanged('| Status: Open | Owner: Build Bot |');
  });
});
