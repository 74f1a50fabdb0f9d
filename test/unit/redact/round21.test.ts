// Policy 19: a card's identification number after the card, a bank account under a bare name, and
// what round 21's probe sets showed.
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

function unchanged(text: string): void {
  assert.equal(out(text), text);
}

describe('cards and bank accounts', () => {
  it("takes American Express's CID right after its card", () => {
    gone('AMEX: 370572297966335 CID 3391', '3391', 'card-security-code');
    gone('card 3705 722979 66335, cid: 3391', '3391', 'card-security-code');
  });
  it('keeps a cid with no card before it', () => {
    unchanged('cid 3391');
    unchanged('user cid=1234 paid');
  });
  it('takes an account number under a bare name beside a routing number', () => {
    gone('ACH_ROUTING=062854731\nACH_ACCOUNT=000127734561', '000127734561', 'bank-account');
    gone('{"account": "40012773456"}', '40012773456', 'bank-account');
  });
  it("keeps an AWS account's twelve digits, and a short count", () => {
    unchanged(
      '{\n  "UserId": "AROAXXXXXXXX:jobs",\n  "Account": "482917305561",\n  "Arn": "arn:aws:sts::482917305561:assumed-role/jobs"\n}',
    );
    unchanged('account=42');
  });
});

describe('names beside personal data, in other scripts and in lower case', () => {
  it('takes the name right after a number, in brackets or after a dash', () => {
    gone('+998 91 207 11 25 (Dilshod Rakhimov)', 'Dilshod Rakhimov', 'person-name');
    gone('KRA PIN: A007226450S — Otieno Ochieng', 'Otieno Ochieng', 'person-name');
    gone('生年月日: 1985年11月3日（田中 優子）', '田中 優子', 'person-name');
  });
  it('keeps words after a number that name no one', () => {
    const o = out('phone +998 91 207 11 25 (Main Office)');
    assert.ok(o.includes('(Main Office)'), o);
    assert.ok(out('tel +7 771 802 5523 (Москва)').includes('Москва'));
  });
  it("takes a name in a script of India, Hebrew or Hangul under a name's label, and its first word again", () => {
    const o = out('ਨਾਮ: ਹਰਪ੍ਰੀਤ ਕੌਰ ਸੰਧੂ\nਫ਼ੋਨ: +91 81204 95463\nਹਰਪ੍ਰੀਤ ਨੇ ਫ਼ੀਸ ਜਮ੍ਹਾਂ ਕਰਵਾ ਦਿੱਤੀ ਹੈ।');
    assert.ok(!o.includes('ਹਰਪ੍ਰੀਤ'), o);
    gone('recipient="செல்வராஜ் முருகேசன்" status=OUT', 'செல்வராஜ் முருகேசன்', 'person-name');
    gone('고객명: 박지훈\n연락처: 010-9413-6263', '박지훈', 'person-name');
  });
  it('keeps a value in Arabic under a bare `name` key, as a translation holds it', () => {
    unchanged('name: ملف الإعدادات');
  });
  it('takes names written in lower case after a word for reaching or thanking someone', () => {
    const o = out('gabi: did u ask rafael souza about the rota\ntom: yeah, priyanka might swap\ngabi: k ill msg priyanka menon tonight');
    assert.ok(!o.includes('rafael souza') && !o.includes('priyanka'), o);
    gone('agent: thanks kenji, and the phone?', 'kenji', 'person-name');
  });
  it('keeps lower-case words after those cues in code and in words that are no names', () => {
    unchanged('thanks will for the fix');
    unchanged('# non-sequence items should not work with len()');
    unchanged('const x = ask(priya); // ask priya');
  });
  it("takes a login that is a person's given name beside that person's full name", () => {
    gone('users:\n  - name: amelie\n    gecos: Amélie Tremblay', 'amelie', 'person-name');
  });
});

describe('identifiers under the names their countries give them', () => {
  it('takes numbers after cédula, DNI, DPI/CUI, EMŠO, CLABE, BSB and their like', () => {
    gone('Cédula: 1-1210-3852', '1-1210-3852', 'id-number');
    gone('DNI N° 49037241-1 — Rosa Huamán Quispe', '49037241-1', 'id-number');
    gone('DPI/CUI: 4772 92267 0510', '4772 92267 0510', 'id-number');
    gone('EMŠO: 0301985509930, Urška Kranjc', '0301985509930', 'id-number');
    gone('CLABE: 012180037212504547', '012180037212504547', 'id-number');
    gone('a. k. 48506181178, gyv. Vilniuje', '48506181178', 'id-number');
    gone('מספר זהות: 632461190', '632461190', 'id-number');
    gone('الرقم الضريبي: 595-590-613', '595-590-613', 'id-number');
    gone('N.º documento de identificação civil: 32283773 0 9U9', '32283773 0 9U9', 'id-number');
    gone('SSS No.: 34-1734967-8', '34-1734967-8', 'id-number');
    gone('اینجانب مریم حسینی با کد ملی 0915351961 درخواست', '0915351961', 'id-number');
    unchanged('a tin: 30 pieces');
  });
  it('keeps dates, short counts and stand-ins after those names, and a kind a national format read', () => {
    unchanged('dpi: 300');
    unchanged('nit: 2024-01-05');
    unchanged('DNI: 123456789');
    unchanged('Cédula: 0000000000');
    kept('PHN: 9246 235 168 — lab requisition', '9246 235 168');
  });
  it("takes a MAC address after Windows' `Physical Address`", () => {
    gone('   Physical Address. . . . . . . . . : A4-BB-6D-3D-98-87', 'A4-BB-6D-3D-98-87', 'mac-address');
  });
});

describe('passwords in more places', () => {
  it('takes the literal given to a hashing function under a password name, awaited or not', () => {
    gone('{ passwordHash: await hash("blueBridge23!") }', 'blueBridge23!', 'password');
    unchanged('password: hash("sha256")');
  });
  it('reads a password after a cue quoted as a label, and one holding `$` and digits', () => {
    gone('await page.getByLabel("Passwort").fill("Quokka$171Q");', 'Quokka$171Q', 'password');
    gone('web02 ansible_user=deploy ansible_ssh_pass=kiwiHorse76$', 'kiwiHorse76$', 'password');
    unchanged('password=ArrowToken$1');
  });
  it("reads an element's password whose name is dotted or names a signing tool", () => {
    gone('<gpg.passphrase>Ferrule#6537Kp</gpg.passphrase>', 'Ferrule#6537Kp', 'password');
    gone('GPG_PASSWORD=Ferrule#6537Kp', 'Ferrule#6537Kp', 'password');
    unchanged('gpg_key: 0xABCDEF0123456789');
  });
  it('takes the password of a login and password pair after a word for a user', () => {
    gone('# usuario de prueba: proveedor_demo / Juniper#9541x', 'Juniper#9541x', 'password');
  });
  it("reads SQL's doubled quotes and an Oracle URL's quoted password", () => {
    gone("CREATE USER 'report_ro'@'%' IDENTIFIED BY 'It''s 5 o''clock somewhere; rJc';", "It''s 5 o''clock somewhere; rJc", 'password');
    gone('db.url=jdbc:oracle:thin:hr_batch/"KxOGIz6CLfok#9"@//ora-scan.local:1521/FIN', 'KxOGIz6CLfok#9');
  });
  it("takes Firebase Cloud Messaging's legacy server key", () => {
    const key =
      'AAAAiLb7n-v:APA91b' +
      'Jb5BUOIBcUYbYG5tlr0aWuQKQYgNLl-Q8mijT9btsdLaozysQ9_6FBdaI4R0afr039HX2ogps8gaE6RE8AtJvrZY3jsL35-3QISSGpe_XmhcEJcBVjldRoZwEGXnYtvteazgB9';
    gone(`static const String fcmServerKey = '${key}';`, key, 'fcm-server-key');
  });
});

describe('logins and keysets', () => {
  it('takes a login that is a given name no word has, and keeps the users examples are written with', () => {
    gone('user: jakub', 'jakub', 'person-name');
    gone("CREATE USER 'emeka'@'%' IDENTIFIED BY 'x9#ijAXpe0xsw';", 'emeka', 'person-name');
    unchanged('user: alice');
    unchanged('user: grafana');
  });
  it("takes eBay's Cert ID", () => {
    gone('    certid: PRD-e01a9dd50a33-1e98-d678-c144-93d1', 'PRD-e01a9dd50a33-1e98-d678-c144-93d1', 'ebay-cert-id');
  });
  it('joins to a secret the literals concatenated to it, and leaves other concatenations alone', () => {
    const o = out('new PasswordAuthentication("pm@mg.x.at", "f3f9c02a9693202d5959f03cbee54c6e" + "-" + "a504ead3-f3980ad0");');
    assert.ok(!o.includes('a504ead3-f3980ad0'), o);
    unchanged('msg = "hello" + " world"');
  });
  it('keeps a public key in base64 DER and an empty .env value before its comment', () => {
    unchanged('"key": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxN+hoh2/5WT1gZcmpgq9m4CN1XjcuOTkxd4VuCOZs6zXMSAmqqB1pqP0QUhqFHi6YkO"');
    unchanged('NEXTAUTH_SECRET=   # openssl rand -base64 32');
    gone('Temporary password: #de8$O5)+5$scU-]wUf1(', '#de8$O5)+5$scU-]wUf1(');
  });
});

describe('handles, chats and logins again', () => {
  it("takes the handles under a table's header that names a network", () => {
    const o = out('name,twitter,instagram\nRahel Tesfaye,@rahel_tes,@rahel.t.photography\nBjørn Halvorsen,@bjornhalv,@bjorn_outdoors');
    assert.ok(!/rahel_tes|bjornhalv|bjorn_outdoors/.test(o), o);
  });
  it("takes a bot's chat id, and keeps a stand-in", () => {
    gone('TELEGRAM_CHAT_ID=-1003104511925', '-1003104511925', 'id-number');
    gone('  , chatId   = -1002039485761', '-1002039485761', 'id-number');
    unchanged('chat_id: 123456');
  });
  it('takes the names of a login of two names where they stand capitalised nearby', () => {
    gone(
      '# quick script Aiyana uses to pull the export\ncurl -u "aiyana.redcloud:^1Dv-wIvStTsex!nUgY5" https://files.example.net/',
      'Aiyana',
      'person-name',
    );
  });
  it('reads an identifier after `=>` and a glued `NINumber`', () => {
    gone("'dni'     => '41839336',", '41839336', 'id-number');
    gone('NINumber:  "PR761943A",', 'PR761943A', 'uk-nino');
  });
});

describe('an initial after a number, and stored verifiers', () => {
  it('takes an initial and a surname in brackets after a card, whatever follows the bracket', () => {
    gone('// card that triggered it: 2453-5765-9527-5154 (A. Okonjo) — remove after fix.', 'A. Okonjo', 'person-name');
    const o = out('call +44 7911 123456 (ext. 12) today');
    assert.ok(o.includes('(ext. 12) today'), o);
  });
  it("takes PostgreSQL's SCRAM and MD5 verifiers, as PgBouncer's userlist holds them", () => {
    gone(
      '"app_rw" "SCRAM-SHA-256$4096:QlGcqnAXitvpTSajwPz8xQ==$TTbcK2bg/Qqoa/lgPFcZWSSKtqSZ3h0dgPLvuh2i37Y=:vT0/CMFNuRdnPQzZkl8QlJ/iY6HfcFL8mD7HWu35CH4="',
      'TTbcK2bg/Qqoa/lgPFcZWSSKtqSZ3h0dgPLvuh2i37Y=',
      'password-hash',
    );
    gone('"mfernandes" "md527f1b127f5a94b8a5745e7a899572b59"', 'md527f1b127f5a94b8a5745e7a899572b59', 'password-hash');
    unchanged('checksum algorithm: md5');
  });
});
