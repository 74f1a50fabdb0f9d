// Policy 26: what round 28's probe sets showed.
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

describe("a credential in the languages' other quotes", () => {
  it('reads Ruby, Perl, C++, Rust and Lua literals to their closing delimiter', () => {
    gone('pw = %q(Gh7#kL2 pQ9zX)', 'Gh7#kL2 pQ9zX', 'password');
    gone('my $password = q{Gh7#kL2 pQ9zX};', 'Gh7#kL2 pQ9zX', 'password');
    gone('my $token = qq(a8F3kP0qZ7mW2xR5);', 'a8F3kP0qZ7mW2xR5', 'secret');
    gone('std::string password = R"pw(Gh7#kL2)"pQ9zX)pw";', 'Gh7#kL2)"pQ9zX', 'password');
    gone('let password = r#"Gh7#kL2"pQ9zX"#;', 'Gh7#kL2"pQ9zX', 'password');
    gone('local api_key = [==[9fK2mQ7x]]Lp4vZ8rT1wYb]==]', '9fK2mQ7x]]Lp4vZ8rT1wYb', 'secret');
    const o = out('password = [[Tr0ub4dor&3xyz]]');
    assert.ok(o.startsWith('password = [[<REDACTED:password#') && o.endsWith('>]]'), o);
  });
  it('leaves interpolation, an unclosed delimiter and a placeholder', () => {
    kept('password = %(db_password)s', '%(db_password)s');
    kept('dsn = postgresql://%(user)s:%(password)s@%(host)s/reports', '%(password)s');
    kept('password = %q(changeme)', 'changeme');
  });
});

describe('a pair inside one string', () => {
  it("runs to the string's end, symbols and spaces too", () => {
    gone('environment:\n  - "DB_PASSWORD=h&7Kq!2z#Lp"', 'h&7Kq!2z#Lp', 'password');
    gone("  - 'API_TOKEN=9fK2 mQ7x&Lp4vZ8rT'", '9fK2 mQ7x&Lp4vZ8rT', 'secret');
  });
  it('leaves a reference and a format', () => {
    kept('  - "DB_PASSWORD=${DB_PASSWORD}"', '${DB_PASSWORD}');
    kept('log("token=%(token)s")', '%(token)s');
  });
});

describe("a Kubernetes Secret's stand-ins", () => {
  it('keeps words and runs of X that stand for a value, and takes a real one', () => {
    const text =
      'kind: Secret\nstringData:\n  SEGMENT_WRITE_KEY: REPLACE_ME\n  SLACK_WEBHOOK_URL: https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX\n  DB_DSN: postgres://app:Qm8vT2xL@db/app\n';
    const o = out(text);
    assert.ok(o.includes('REPLACE_ME') && o.includes('XXXXXXXXX/XXXXXXXXX'), o);
    assert.ok(!o.includes('Qm8vT2xL'), o);
  });
});

describe("an event's id after a service's name", () => {
  it('keeps request and idempotency ids, and still takes a key', () => {
    kept('host=remind-me-rx.herokuapp.com request_id=0f3b2c1d-9e8f-4a7b-b6c5-d4e3f2a1b0c9', '0f3b2c1d-9e8f-4a7b-b6c5-d4e3f2a1b0c9');
    kept('stripe.retry idempotency_key=7d82f6d8-7921-4de1-8f90-978fcf4b3232', '7d82f6d8-7921-4de1-8f90-978fcf4b3232');
    gone('heroku api_key=7d82f6d8-7921-4de1-8f90-978fcf4b3232', '7d82f6d8-7921-4de1-8f90-978fcf4b3232');
  });
});

describe('handles and accounts made of names', () => {
  it("takes a chat's handle on a line of its own with the time", () => {
    const o = out('**yannick.benoit** 14:22\nj ai toujours une erreur sur le plan\nbon\nok\n**margaux.faure** 14:25\nla clé');
    assert.ok(!o.includes('yannick.benoit') && !o.includes('margaux.faure'), o);
    kept('max-width  10:00', 'max-width');
  });
  it('takes a handle before what a review or a history says it did', () => {
    gone('**Changes requested** · thibault-lemoine reviewed 3 hours ago', 'thibault-lemoine', 'person-name');
    gone('**nadia-kowalski** commented on `.env.example`', 'nadia-kowalski', 'person-name');
    kept('react-router opened a new era', 'react-router');
    kept('renovate-bot opened this', 'renovate-bot');
    kept('the grace-period closed', 'grace-period');
  });
  it("takes a Windows account after its domain, and a profile's path without its drive", () => {
    gone('443 ALHAMBRA\\mruiz 10.1.2.3 Mozilla/5.0', 'mruiz', 'person-name');
    kept('NT AUTHORITY\\SYSTEM', 'SYSTEM');
    kept('ACME\\svc_backup', 'svc_backup');
    kept('printf("ERROR\\nfoo")', 'nfoo');
    gone('HOMEPATH=\\Users\\Aylin.Yildiz\nOS=Windows_NT', 'Aylin.Yildiz', 'home-user');
    kept('see docs\\Users\\guide.md', 'guide.md');
  });
  it('reads a Korean or Chinese speaker before the time with its half of the day', () => {
    const o = out('김민준  오후 2:14\n카카오 로그인 붙이는 중인데 에러가 나요.\n이서연  오후 2:17\n재발급할게요');
    assert.ok(!o.includes('김민준') && !o.includes('이서연'), o);
  });
});

describe('words that are not names', () => {
  it("keeps a day's word after a name and a preposition that the lists hold as a name", () => {
    const o = out('Hola Marta, Mañana revisamos el PR.');
    assert.ok(!o.includes('Marta') && o.includes('Mañana'), o);
    kept('المفتاح موجود في متغيرات البيئة على الخادم', 'على الخادم');
    gone('علي الحربي', 'علي الحربي', 'person-name');
  });
  it('reads thanks as a greeting before a name', () => {
    gone('Grazie Giulia, Domani facciamo il deploy.', 'Giulia', 'person-name');
    gone('Danke Jonas! Heute Abend deploye ich.', 'Jonas', 'person-name');
    kept('Grazie Giulia, Domani facciamo il deploy.', 'Domani');
  });
});

describe('a secret printed by the command before it', () => {
  it("reads the prompt after a host's path", () => {
    const o = out(
      "dev@ops:~$ kubectl -n auth get secret keycloak-admin -o jsonpath='{.data.password}' | base64 -d; echo\nRVf~=%1svusYxV*Qoo=r\ndev@ops:~$ ls",
    );
    assert.ok(!o.includes('RVf~=%1svusYxV*Qoo=r'), o);
    gone('[root@db1 ~]# cat /etc/app/api_token\nq2S1nIv0bG3pM9Xq7m\n', 'q2S1nIv0bG3pM9Xq7m');
  });
});

describe('recovery codes', () => {
  it('reads a list of codes in a fence below the words, in more languages', () => {
    const codes = ['7j93-jgtk-5nz5', 'fx2d-u3dn-oyxg', 'nfxf-kzkx-3ace', '3hec-opds-tddd', 'dwih-arui-4s18'];
    for (const words of ['Here are my recovery codes:', 'Ho solo questi codici di recupero, quale devo usare?']) {
      const o = out(`${words}\n\`\`\`\n${codes.join('\n')}\n\`\`\`\nthanks`);
      for (const c of codes) assert.ok(!o.includes(c), o);
    }
  });
  it('stops at the first line that is no code', () => {
    kept('Recovery codes:\n```\n7j93-jgtk-5nz5\n```\nThe release 2024-06 shipped on build 5c1f-99ab', '2024-06');
  });
});

describe("a person's record in a table", () => {
  it("takes the numbers and dates of rows a listed person's name opens", () => {
    const text =
      'Họ và tên,Số CCCD,Mã số thuế,Điện thoại,Ngày sinh\nHoàng Thị Thảo,048389727175,0527993561,0919 071 078,17/02/1989\nTrần Đức Hùng,048000557113,0173667832,0919 624 523,10/12/2000\n';
    const o = out(text);
    for (const v of ['048389727175', '0527993561', '17/02/1989', '048000557113']) assert.ok(!o.includes(v), o);
    assert.ok(o.startsWith('Họ và tên,Số CCCD'), o);
  });
  it("reads a date ending with a dot and a bank account's three groups", () => {
    const text =
      'Név;Adóazonosító jel;Születési dátum;Bankszámlaszám\nKovács Bence;8425702259;1983.07.22.;10417548-26403422-89926502\nHorváth Zoltán;8458438399;1992.07.07.;10764998-22164410-28605634\n';
    const o = out(text);
    for (const v of ['1983.07.22.', '10417548-26403422-89926502', '1992.07.07.']) assert.ok(!o.includes(v), o);
  });
  it("keeps a catalogue's rows where no one is named", () => {
    kept('sku,name,ean,price\nA-100,Desk lamp,4006381333931,19.99\nA-101,Chair,4006381333948,49.00\n', '4006381333931');
  });
});

describe('stand-ins and dates', () => {
  it("keeps Terraform's stand-ins and a date in brackets", () => {
    kept('        password            = (sensitive value)', '(sensitive value)');
    kept('password = (known after apply)', '(known after apply)');
    kept('## Incident (05.03.2025)', '05.03.2025');
  });
  it('takes a Discord header in any language and a bold handle opening its line', () => {
    const o = out('ayse.celik — Bugün 21:14\nDNS kaydını güncellemek\nmert_aydin — Bugün 21:16\nbu token');
    assert.ok(!o.includes('ayse.celik') && !o.includes('mert_aydin'), o);
    gone('**burak-demir** yorum yaptı:\nx', 'burak-demir', 'person-name');
    kept('**feature-flags** are on', 'feature-flags');
  });
});

describe('names in capitals', () => {
  it("takes a cell of two listed names in capitals, as a bank's statement writes one", () => {
    gone('2024-10-03;PRZELEW WYCHODZĄCY;"MAGDALENA WÓJCIK";"za rower";1652,20', 'MAGDALENA WÓJCIK', 'person-name');
    kept('RED,GREEN,BLUE\nNEW YORK,SAN FRANCISCO', 'NEW YORK');
    kept('MAX POWER,ROSE GOLD', 'ROSE GOLD');
  });
  it("reads a register's columns of names in capitals beside its numbers", () => {
    const o = out('CONTI;FEDERICO;07/07/1995;337 193 6355\nMANCINI;VALENTINA;04/08/1958;337 548 4620');
    for (const v of ['CONTI', 'FEDERICO', 'MANCINI', 'VALENTINA', '07/07/1995']) assert.ok(!o.includes(v), o);
    kept('sku;name;ean\nA-100;LAMP;4006381333931\nA-101;CHAIR;4006381333948', '4006381333931');
  });
});

describe('Chinese records', () => {
  it("reads a resident's number alone by its birth date and check", () => {
    gone("(N'刘伟', N'310104199608227380', N'18615466702')", '310104199608227380', 'cn-resident-id');
    gone('id 31010419831110932X x', '31010419831110932X', 'cn-resident-id');
    kept('order 310104199608227381', '310104199608227381');
  });
  it('takes a mobile of eleven digits on a line written in Chinese', () => {
    gone('王志明,男,17368396534,x', '17368396534', 'phone');
    kept('order 17368396534 shipped', '17368396534');
    kept('id,17368396534,x', '17368396534');
  });
  it("takes a roster's names by their family name", () => {
    const o = out('姓名,性别,身份证号,手机号\n王志明,男,310104198205022343,17368396534\n李磊,男,110105199503249400,15655329487\n');
    for (const v of ['王志明', '李磊', '17368396534']) assert.ok(!o.includes(v), o);
  });
});

describe("more of a record's columns", () => {
  it('reads names written family first with a comma, and Hebrew names by the lists', () => {
    const o = out(
      'Patient\tGeb.-Datum\tVersichertennr.\tTelefon\nVogt, Benedikt\t19.09.1975\tR031207802\t0221 4095146\nNeumann, Jonas\t07.03.1970\tA844854774\t0162 00634764\n',
    );
    for (const v of ['Vogt, Benedikt', '19.09.1975', 'R031207802', 'Neumann, Jonas']) assert.ok(!o.includes(v), o);
    const h = out('שם פרטי,שם משפחה,מספר זהות,טלפון נייד\nאיתי,מזרחי,155105448,050-525-1539\nעומר,כהן,084712108,050-808-1768\n');
    for (const v of ['איתי', 'מזרחי', '155105448']) assert.ok(!h.includes(v), h);
  });
  it('takes a column of streets with their numbers', () => {
    const o = out(
      '"Priimek","Ime","EMŠO","Telefon","Naslov"\n"Zupančič","Gašper","2004989504390","031 597 467","Celovška cesta 67"\n"Novak","Špela","1304997509237","031 727 261","Slovenska cesta 64"',
    );
    for (const v of ['Celovška cesta 67', 'Slovenska cesta 64']) assert.ok(!o.includes(v), o);
  });
});

describe('names in other scripts as values', () => {
  it('reads a Greek name inside single quotes, and keeps a Ukrainian apostrophe inside a word', () => {
    gone("VALUES ('Ελένη Κωνσταντίνου', '123')", 'Ελένη Κωνσταντίνου', 'person-name');
    gone("'Олена Шевчук'", 'Олена Шевчук', 'person-name');
    gone("Мар'яна Коваленко пише", 'Коваленко', 'person-name');
  });
  it("takes an Arabic given name before an `al-…i` family name as a field's value", () => {
    gone('beneficiary="يوسف الشمري" iban=x', 'يوسف الشمري', 'person-name');
    gone("name: { ar: 'نورة القحطاني' }", 'نورة القحطاني', 'person-name');
    kept('title: "الخادم الرئيسي"', 'الخادم الرئيسي');
  });
  it('takes a cloudflared token, base64 JSON holding a random string', () => {
    gone(
      'ExecStart=/usr/bin/cloudflared tunnel run --token eyJhIjoiNGNkNDQwYmQ5MTRmZWQ2Nzc4MTYwMGQ1YzU2ODI5MzkiLCJ0IjoiYmRiZjI0YTUtYWQxNC00NGZjLTkzNzktM2MzMTk1NzMxMjY3IiwicyI6IlVsN0xuMi9ER291eVErdldwREltcStoWXZIRHdBN2gxR1hlRnFUMzBkVGY9In0=',
      'eyJhIjoiNGNkNDQwYmQ5MTRm',
    );
    kept('config = "eyJ0aGVtZSI6ImRhcmsiLCJsYW5nIjoiZW4ifQ=="', 'eyJ0aGVtZSI6ImRhcmsiLCJsYW5nIjoiZW4ifQ==');
  });
});

describe("a bank statement's MT940 lines", () => {
  it("takes the IBAN glued to its subfield's code and the name in capitals after it", () => {
    const o = out('?30COBADEFFXXX?31DE62200505507341154953?32PFEIFFER, MATTHIAS\n:61:2411051105C404,58NTRFNONREF');
    assert.ok(!o.includes('DE62200505507341154953') && !o.includes('PFEIFFER, MATTHIAS'), o);
    kept('RED, GREEN, BLUE', 'RED, GREEN, BLUE');
  });
});

describe('a birth date in an element named for it', () => {
  it('reads Norwegian written without its letter and Greek written in camel case', () => {
    gone('<navn>Sigrid Johansen</navn><foedselsdato>1986-03-12</foedselsdato>', '1986-03-12', 'birth-date');
    gone('<ΗμερομηνίαΓέννησης>21/12/1996</ΗμερομηνίαΓέννησης>', '21/12/1996', 'birth-date');
  });
});
