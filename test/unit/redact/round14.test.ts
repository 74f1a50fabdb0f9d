// Policy 12: identifiers under lower-case table headers and as setters' arguments; names in
// other columns' scripts; the logins a person's name makes; domain logins; meetings' passcodes;
// postal lines as separate arguments; names in Cyrillic and Greek.
import assert from 'node:assert/strict';
import { createRedactor } from '../../../src/redact';

const r = createRedactor({ key: new Uint8Array(32).fill(9) });
const out = (text: string): string => r.redact(text).text;

function gone(text: string, secret: string, kind?: string): void {
  const o = out(text);
  assert.ok(!o.includes(secret), `leaked ${secret} in ${o}`);
  if (kind) assert.match(o, new RegExp(`<REDACTED:${kind}#[0-9a-f]{8}>`), o);
}

function kept(text: string, part: string): void {
  const o = out(text);
  assert.ok(o.includes(part), `lost ${part} in ${o}`);
}

describe('identifiers under a lower-case header cell', () => {
  it('reads a column named by a short acronym, in CSV and in a bordered client table', () => {
    gone('navn,cpr\nFrederik Holm,140877-8563\n', '140877-8563', 'dk-cpr');
    const table = [
      '+--------------+-------------+',
      '| navn         | cpr         |',
      '+--------------+-------------+',
      '| Astrid Kjær  | 260497-1018 |',
      '+--------------+-------------+',
    ].join('\n');
    gone(table, '260497-1018', 'dk-cpr');
  });

  it('keeps a column of the same name whose values do not validate', () => {
    kept('navn,cpr\nFrederik Holm,320877-8563\n', '320877-8563');
  });
});

describe('identifiers as code passes them', () => {
  it('takes a setter’s and a builder’s argument', () => {
    gone('debtor.setSteuerId("11861138172");', '11861138172', 'de-tax-id');
    gone('Person.builder().pesel("89071238064").build()', '89071238064', 'pl-pesel');
  });

  it('keeps an argument that does not validate, and a setter of something else', () => {
    kept('debtor.setSteuerId("11861138173");', '11861138173');
    kept('order.setReference("89071238064");', '89071238064');
  });
});

describe('names in a column of another script', () => {
  it('reads `name_ar` beside other personal columns', () => {
    const csv = 'id,name_ar,name_en,mobile\n5512,يوسف عبد الحميد,Youssef Abdelhamid,+20 15 8871 6312\n';
    gone(csv, 'يوسف عبد الحميد', 'person-name');
  });
});

describe('the logins a person’s name makes', () => {
  it('takes an initial and surname, or the name joined, near the name', () => {
    gone('users:\n  - name: rvarga\n    gecos: Réka Varga\n', 'rvarga', 'person-name');
    const docker = 'docker login -u abhishek.iyer -p x\nLogin Succeeded\n$ docker push abhishekiyer/ledger-api:0.9.3\n';
    gone(docker, 'abhishekiyer', 'person-name');
    gone('Author: Hannah Okafor <h@x.io>\n  /home/hannahokafor91/src', 'hannahokafor91', 'person-name');
  });

  it('keeps a form far from the name, a short form, and a word that holds a form', () => {
    kept('Author: Hannah Okafor\n\n\n\n\n\nsee hokafor/tools', 'hokafor');
    kept('Author: Li Na\nrun lna now', 'lna');
    kept('Author: Réka Varga\nsee rvargatool docs', 'rvargatool');
  });
});

describe('a domain login and a meeting’s passcode', () => {
  it('takes the user after a domain', () => {
    gone('$User = "CORP\\mkowalski"', 'mkowalski', 'person-name');
  });

  it('takes a passcode of letters and digits, not a word', () => {
    gone('DESCRIPTION:Join: https://teams.example/l/x\\nPasscode: cYwsJQ\nEND:VEVENT', 'cYwsJQ', 'password');
    gone('Meeting passcode: 7Hq2xP', '7Hq2xP', 'password');
    kept('Passcode: Required for every meeting', 'Required');
    kept('passcode: enabled', 'enabled');
  });
});

describe('a postal line passed apart from its street', () => {
  it('takes the postcode and town in the next argument', () => {
    gone('debtor.setAddress("Lindenstraße 71", "50674 Köln");', '50674 Köln', 'street-address');
  });
});

describe('names in Cyrillic and Greek', () => {
  it('takes two or three words that are listed names or end as surnames do', () => {
    gone('Вчера Алексей Смирнов позвонил', 'Алексей Смирнов', 'person-name');
    gone('user=Алексей Смирнов login=a', 'Алексей Смирнов', 'person-name');
    gone('ФИО: Иванова Мария Петровна', 'Иванова Мария Петровна', 'person-name');
    gone('Ο Γιώργος Παπαδόπουλος έφυγε', 'Γιώργος Παπαδόπουλος', 'person-name');
  });

  it('keeps places and capitalised words with no listed name', () => {
    kept('Москва Сити', 'Москва Сити');
    kept('Красная Площадь и Мир Труд Май', 'Мир Труд');
    kept('Вчера пришла', 'Вчера');
  });
});

describe('logins in access logs, profiles and user keys', () => {
  it('takes the authenticated user of a Common Log Format line, not `-` or a system account', () => {
    const line = (user: string): string => `196.192.192.136 - ${user} [11/Jun/2024:10:02:19 +0200] "POST /login HTTP/2.0" 302 0 "-" "curl"`;
    gone(line('cbernasconi'), 'cbernasconi', 'person-name');
    kept(line('www-data'), 'www-data');
  });

  it('takes a LinkedIn slug, not a code host’s user (often an organisation)', () => {
    gone('Candidate: https://www.linkedin.com/in/sofia-marchetti-4a21b7/ — strong', 'sofia-marchetti-4a21b7', 'person-name');
    kept('see https://github.com/rust-lang/crates.io-index and https://github.com/node-fetch/node-fetch', 'rust-lang');
  });

  it('reads handles, actors and user words of other languages', () => {
    gone('{"event":"mfa.disabled","actor":"s.yamaguchi","ip":"10.0.0.1"}', 's.yamaguchi', 'person-name');
    gone('handle: "@weijie.goh"', 'weijie.goh', 'person-name');
    gone('Bitte Account anlegen (Benutzername: h.rahimi).', 'h.rahimi', 'person-name');
    kept('handle: "@release-bot"', 'release-bot');
  });

  it('takes an account holder’s initial and particle', () => {
    gone('overmaken naar NL75BUNQ9194697003 t.n.v. D. de Graaf? Dank!', 'D. de Graaf', 'person-name');
  });
});

describe('names in Chinese, Japanese and Korean lists of those present', () => {
  it('takes each name of the list, and the names mentioned again nearby', () => {
    const notes = '参会：刘洋、陈静、赵志强\n1. 支付回调超时问题：刘洋负责排查';
    for (const n of ['刘洋', '陈静', '赵志强']) gone(notes, n, 'person-name');
    gone('参加者：山本 大輔、中村 さくら', '中村 さくら', 'person-name');
    gone('客户王雨桐女士于周二来电。已建议雨桐清除缓存。', '雨桐', 'person-name');
  });

  it('keeps list items that are not names', () => {
    kept('参会：产品部、技术部', '产品部');
  });
});

describe('birth dates in words', () => {
  it('takes `born on the 2nd of February 2016` and Polish `ur.`', () => {
    gone('Our daughter was born on the 2nd of February 2016, so', '2nd of February 2016', 'birth-date');
    gone('Małgorzata Kamińska (ur. 7 lutego 1975 r.), wnosi', '7 lutego 1975', 'birth-date');
  });

  it('keeps a date that is no birth', () => {
    kept('released on the 2nd of February 2016', '2nd of February 2016');
  });
});

describe('stand-in addresses in other languages', () => {
  it('keeps `vorname.nachname@beispiel.de`, takes a real address', () => {
    kept('E-Mail: vorname.nachname@beispiel.de', 'vorname.nachname@beispiel.de');
    gone('E-Mail: anna.berg@firma.de', 'anna.berg@firma.de', 'email');
  });
});

describe('names in Arabic, Persian and Hebrew', () => {
  it('takes a listed given name with a family name after it, and the given name again nearby', () => {
    gone('رقم الآيبان: SA7345924239236611313443 باسم خالد العتيبي', 'خالد العتيبي', 'person-name');
    gone('للتواصل مع المندوب أحمد المنصوري: +971 50 135 8682', 'أحمد المنصوري', 'person-name');
    const hebrew = 'שמי נועה ברקוביץ ואני מנהלת את החשבון\nתודה, נועה';
    gone(hebrew, 'נועה ברקוביץ', 'person-name');
    assert.ok(!out(hebrew).includes('נועה'), out(hebrew));
  });

  it('keeps prose whose words are no names, and a preposition after a name', () => {
    kept('قرأت كتاباً عن التاريخ العربي في المكتبة', 'التاريخ العربي');
    kept('حصل الكاتب المصري نجيب محفوظ على جائزة نوبل', 'على جائزة');
  });
});

describe('Korean ranks, names in brackets after a number, and payees', () => {
  it('takes a name before a rank, its given name again, and a bracketed name after a phone', () => {
    const memo = '다음 주 배포 담당은 김민준 대리님입니다. 체크리스트는 민준 씨가 공유합니다.';
    gone(memo, '김민준', 'person-name');
    gone(memo, '민준', 'person-name');
    gone('연락처 010-2921-1914 (박서연)', '박서연', 'person-name');
    gone('收款地址：TVW4myGTMJxQGHgdyAr3iHiWYesFTmUQFC，收款人：黄志强', '黄志强', 'person-name');
  });

  it('keeps a rank alone, and bracketed words after a version', () => {
    kept('오늘 회의는 취소되었습니다 과장님', '과장님');
    kept('version 1.2.3 (2024)(测试)', '测试');
  });
});

describe('more base58check addresses', () => {
  it('takes Tron, Litecoin and Dogecoin addresses whose checksum holds', () => {
    gone('USDT TRC20: TVW4myGTMJxQGHgdyAr3iHiWYesFTmUQFC', 'TVW4myGTMJxQGHgdyAr3iHiWYesFTmUQFC', 'crypto-address');
    kept('id TVW4myGTMJxQGHgdyAr3iHiWYesFTmUQFD', 'TVW4myGTMJxQGHgdyAr3iHiWYesFTmUQFD');
  });
});

describe('stand-in names', () => {
  it('keeps the names forms and documentation use for no one, takes a real name beside them', () => {
    const form = 'Name: Max Mustermann | Kontakt: John Doe | Nome: Fulano de Tal | ФИО: Иванов Иван Иванович | 이름: 홍길동';
    for (const n of ['Max Mustermann', 'John Doe', 'Fulano de Tal', 'Иванов Иван Иванович', '홍길동']) kept(form, n);
    gone(`${form} | Ansprechpartner: Harold Jennings`, 'Harold Jennings', 'person-name');
  });
});

describe('a window of three lines reads what the whole text reads', () => {
  // Companions read from a line above them (a cue, a closing, a street above a postal line) reach
  // no further than the window that holds that line.
  const cases: string[][] = [
    ['<key>UserBirthday</key>', '<date>1962-03-08', '', '', '"lat": 53.349805', ''],
    ['Best regards,', 'Harold Jennings', '', '', 'Elif: kira için bu ay geç kaldım', ''],
    ['Am Kirchplatz 3', '', 'HG1 4QT', '', '"lat": 53.349805'],
    ['Am Kirchplatz 3', 'HG1 4QT', '', '', '"lat": 53.349805'],
    ['social insurance number', '208 421 099', '', '', 'Elif: kira için bu ay geç kaldım'],
  ];
  for (const ls of cases)
    it(`agrees on ${JSON.stringify(ls[0])} … ${JSON.stringify(ls[4])}`, () => {
      const whole = out(ls.join('\n')).split('\n');
      ls.forEach((_, i) => {
        const from = Math.max(0, i - 3);
        assert.equal(out(ls.slice(from, i + 4).join('\n')).split('\n')[i - from], whole[i]);
      });
    });
});

describe('identifiers as keys in camel case, columns and cues of more kinds', () => {
  it('takes a general key in camel case when a national format validates the value', () => {
    gone('<Customer>\n  <CustomerTaxID>104395494</CustomerTaxID>\n</Customer>', '104395494');
    gone('val ee = PersonalCode.parse("39301059849")', '39301059849');
    kept('<CustomerTaxID>104395498</CustomerTaxID>', '104395498'); // no national format validates it
  });

  it('reads given names beside a surname column, birth dates under `fecha_nac`, VINs under `vin`', () => {
    const sql =
      "INSERT INTO pacientes (id, nombre, apellidos, fecha_nac, telefono) VALUES\n(1022, 'Ximena', 'Castañeda Ruiz', '1994-10-03', '+52 81 1142 0866');";
    gone(sql, 'Ximena', 'person-name');
    gone(sql, '1994-10-03', 'birth-date');
    gone('service_date,vin,mileage\n2023-11-04,JTD3J3FY0LD917199,48210', 'JTD3J3FY0LD917199', 'vehicle-id');
    gone('Kennzeichen: M-DK 4821\nFIN: WBAD5N3U3N9808342', 'WBAD5N3U3N9808342', 'vehicle-id');
  });

  it('takes a health plan’s member id and an insured person’s number', () => {
    gone('Subscriber: Luz Maria Ortega\nMember ID: SMF667826503', 'SMF667826503', 'medical-record-number');
    gone('Patientin Brandstätter, Versichertennr. A133887501', 'A133887501', 'medical-record-number');
    kept('Member ID: 12345 for the forum', '12345');
  });
});

describe('more numbers by their cue or their shape', () => {
  it('takes a name the list lacks after a verb of reaching someone, before a phone', () => {
    gone('Please call Thandeka on 071 162 9416 to arrange access.', 'Thandeka', 'person-name');
    kept('call Support on 071 162 9416', 'Support');
  });

  it('takes a patient’s NHS-valid number, a SNILS, a British licence and a Japanese account', () => {
    gone('INFO booking patient=969-676-2348 slot=09:20', '969-676-2348', 'nhs-number');
    kept('INFO booking patient=969-676-2349 slot=09:20', '969-676-2349');
    gone('СНИЛС: 544-897-471 51', '544-897-471 51', 'ru-snils');
    kept('СНИЛС: 544-897-471 52', '544-897-471 52');
    gone('Licence no: ACHEB859236NC9EP', 'ACHEB859236NC9EP', 'driver-license');
    kept('Licence no: ACHEB859936NC9EP', 'ACHEB859936NC9EP'); // month 99: no birth date
    gone('口座番号：623-423595-504', '623-423595-504', 'bank-account');
  });

  it('takes a street number’s suffix after a hyphen and the postal line before a dash', () => {
    const a = 'Afleveradres: Oudegracht 211-bis, 3511 NH Utrecht — t.a.v. Floor Visser';
    gone(a, 'Oudegracht 211-bis', 'street-address');
    gone(a, '3511 NH', 'street-address');
  });
});

describe('names in capitals beside a card, and possessors', () => {
  it('takes a given name and a surname the list lacks, in capitals, on a line with a card', () => {
    gone('raw_request={"pan":"4024398303008181","name":"DIMITRA KONSTANTINOU","cvv":"327"}', 'DIMITRA KONSTANTINOU', 'person-name');
    gone("|   771198 | MARGARET O'NEILL   | 341471590386745  | 02/26 |", "MARGARET O'NEILL", 'person-name');
    kept('ERROR NOT FOUND 4024398303008181', 'NOT FOUND');
  });

  it('takes a possessor of personal data', () => {
    gone("Guys, Thandeka's new number is 070 943 6774", 'Thandeka', 'person-name');
    kept("The Company's address is on the site", 'Company');
    kept('load the daughter Node into the tree', 'Node');
  });
});

describe('network devices’ keys, .netrc logins and database users', () => {
  it('takes SNMP communities and IKE keys, not the default communities', () => {
    gone('snmp-server community h9kts1bFSqywrkVv RO 10', 'h9kts1bFSqywrkVv', 'password');
    gone('crypto isakmp key 1PD%ca!Cs3=2t!2^ address 142.99.13.186', '1PD%ca!Cs3=2t!2^', 'password');
    kept('snmp-server community public RO', 'public');
  });

  it('takes logins and database users made of names, not services’', () => {
    gone('machine gitlab.przystan.pl\n  login ewa-michalak\n  password x', 'ewa-michalak', 'person-name');
    gone("CREATE USER IF NOT EXISTS MEI_LING_TAN\n  PASSWORD = 'x'", 'MEI_LING_TAN', 'person-name');
    kept('CREATE USER app_reader IDENTIFIED BY x; CREATE USER IF NOT EXISTS svc_backup', 'svc_backup');
  });
});

describe('identifiers in XML elements named for them', () => {
  it('takes the element’s text when the identifier validates', () => {
    gone('<BG:inp.bsn>540808593</BG:inp.bsn>', '540808593', 'nl-bsn');
    kept('<BG:inp.bsn>540808594</BG:inp.bsn>', '540808594');
  });
});
