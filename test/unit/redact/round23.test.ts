// Policy 21: a card's expiry and its security code in other languages, names as airlines write
// them, names in other cases (Russian, Polish, Greek), keys of a block under a word for tokens,
// Redis's access lists and Tcl's braces, and what round 23's probe sets showed.
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

describe("a card's expiry and security code", () => {
  it('takes the expiry after its word, in English and other languages, near a card', () => {
    gone('please charge my Amex: 3474 217490 07472, exp 06/27, thanks', '06/27', 'card-expiry');
    gone('Merhaba, 9792 3115 8079 6732 numaralı kartımdan iki kez çekim yapılmış. Son kullanma 10/27.', '10/27', 'card-expiry');
    gone('カード番号：3564-1012-9455-3779\n有効期限：10/28\nセキュリティコード：632', '10/28', 'card-expiry');
  });
  it("takes a Japanese security code two lines below the card's number", () => {
    gone('カード番号：3564-1012-9455-3779\n有効期限：10/28\nセキュリティコード：632', '632', 'card-security-code');
  });
  it("takes the expiry in the cell after the card's number", () => {
    gone('holder,pan,exp,limit\n"Mbeki, L",6011133283650367,10/31,5000', '10/31', 'card-expiry');
  });
  it('keeps a month and a year with no card near, or a card far above', () => {
    kept('Expires 06/27 — renew the certificate before then', '06/27');
    kept('card 4539 1488 0343 6467\n\n\n\n\nexp 06/27 is the licence term', '06/27');
    kept('セキュリティコード：632', '632');
  });
});

describe('names as airlines write them', () => {
  it('takes a family name, a slash and a given name in capitals', () => {
    gone('bcbp: "M1KOWALCZYK/EWELINA   E8Y5MNU WAWCDGLO 0333"', 'KOWALCZYK/EWELINA', 'person-name');
    gone('JPN  ISHIKAWA/REN         TE2428743', 'ISHIKAWA/REN', 'person-name');
  });
  it("after a record's slash, takes it only when both parts are listed names", () => {
    gone('SSR DOCS YY HK1 P/GBR/H4E9N2M1Z/GBR/13AUG99/F/07APR33/HARGREAVES/PENELOPE', 'HARGREAVES/PENELOPE');
  });
  it('keeps pairs of capitals that are no names', () => {
    for (const t of ['TCP/IP stack', 'AND/OR gate', 'CI/CD pipeline', 'READ/WRITE access', 'INPUT/OUTPUT', 'GET/POST handlers'])
      unchanged(t);
  });
});

describe('names in other cases', () => {
  it('reads a Russian name in the instrumental, and a given name at the end of a sentence', () => {
    gone('Вчера я встретился с Алексеем Воронцовым и его женой Мариной.', 'Алексеем Воронцовым', 'person-name');
    gone('Вчера я встретился с Алексеем Воронцовым и его женой Мариной.', 'Мариной');
    kept('файл Марина.txt', 'Марина.txt');
  });
  it('reads a Polish given name and family name in another case', () => {
    gone('Proszę przekazać dokumenty Piotrowi Zielińskiemu, a kopię zostawić.', 'Piotrowi Zielińskiemu', 'person-name');
    gone('Spotkanie u Anny Kowalskiej o 10:00', 'Anny Kowalskiej');
    kept('Uniwersytet Warszawskiego', 'Uniwersytet Warszawskiego');
  });
  it("reads a Greek given name the lists lack before a family name's ending", () => {
    gone('Η Μαρία και ο Γιώργος Σταματάκης θα έρθουν αύριο.', 'Γιώργος Σταματάκης', 'person-name');
    unchanged('Η Νέα Σμύρνη είναι προάστιο.');
  });
});

describe("a voice assistant's features", () => {
  it('are no names', () => {
    unchanged('Compatible with Alexa, Siri Shortcuts and Google Assistant. Not supported: Bixby routines.');
  });
  it('but a person of the same given name is', () => {
    gone('Siri Johansson said the release is ready', 'Siri Johansson', 'person-name');
  });
});

describe('keys of a block under a word for tokens', () => {
  it("takes each key's value, a UUID too, of a `tokens {` block", () => {
    const t =
      'acl {\n  tokens {\n    initial_management = "e0e1a755-0bb0-4c99-ac2b-5471af0f9513"\n    agent = "f6fc3b28-6400-493a-9094-c6feaa6d54c1"\n  }\n}';
    gone(t, 'e0e1a755-0bb0-4c99-ac2b-5471af0f9513', 'secret');
    gone(t, 'f6fc3b28-6400-493a-9094-c6feaa6d54c1', 'secret');
  });
  it('and under an INI section', () => {
    gone('[tokens]\nagent = e0e1a755-0bb0-4c99-ac2b-5471af0f9513', 'e0e1a755-0bb0-4c99-ac2b-5471af0f9513');
  });
  it('keeps a UUID of a block that names no credential', () => {
    unchanged('resource "x" "y" {\n  id = "e0e1a755-0bb0-4c99-ac2b-5471af0f9513"\n}');
  });
});

describe("Redis's access lists and Tcl's braces", () => {
  it("takes each password after `>` on an ACL's line", () => {
    gone('user default on >2pRlnoL7xmW3M3gknmXSZo ~* &* +@all', '2pRlnoL7xmW3M3gknmXSZo', 'password');
    gone('ACL SETUSER ci on >p1pp0Xz ~cached:* +get', 'p1pp0Xz', 'password');
  });
  it('keeps a user without a password, and `>` elsewhere', () => {
    unchanged('user metrics on nopass ~* +info');
    unchanged('if (user on > limit) return;');
  });
  it('takes a password between braces after `set`', () => {
    gone('set pass {oYzOQ7G76d3Osf?u2Gi}', 'oYzOQ7G76d3Osf?u2Gi', 'password');
    unchanged('set pass {$env(PASS)}');
  });
});

describe('more identifiers after their words', () => {
  it("takes a French tax number and account, a Cuban identity card, Scotland's CHI and Kazakhstan's IIN", () => {
    gone('Numéro fiscal : 3533939382330', '3533939382330', 'id-number');
    gone('N° de compte 37390533060  Clé RIB 36', '37390533060');
    gone('CU carné de identidad: 73112048901 – Yanet', '73112048901');
    gone('Patient: X   CHI: 0109647084', '0109647084');
    gone('ИИН: 621127452329', '621127452329');
  });
  it('keeps a year after the word', () => {
    unchanged('chi: 2024');
  });
});

describe('names joined to a name found, Finnish family names, Discord speakers', () => {
  it('takes a full name after or before `and` beside a name found', () => {
    gone('Congratulations to Aroha Ngata and Sefo Tuiasosopo on making the squad!', 'Sefo Tuiasosopo', 'person-name');
    gone('Sefo Tuiasosopo and Aroha Ngata will travel', 'Sefo Tuiasosopo', 'person-name');
  });
  it('keeps common words and places joined to a name', () => {
    kept('John Smith and Google Cloud', 'Google Cloud');
    kept('John Smith and New York', 'New York');
  });
  it('takes a Finnish family name by its ending, but not a German plural', () => {
    gone('Asiakas: Venla Hyvärinen', 'Venla Hyvärinen', 'person-name');
    gone('Matti Virtanen said', 'Matti Virtanen');
    unchanged('"Alle Deklarationen von" und "Weitere Informationen"');
    unchanged('Müssen Sie Typdefinitionen für Node installieren?');
  });
  it("takes a speaker's name before Discord's tag, not a word's", () => {
    gone("[2025-06-13 21:14] Aram#3021: bot won't start", 'Aram', 'person-name');
    unchanged('[2025-06-13 21:14] Bug#1234: fix it');
  });
});

describe('e-mail addresses', () => {
  it('takes a quoted local part', () => {
    gone('allowed_senders:\n  - \'"ines.carvalho"@sapo.pt\'', '"ines.carvalho"@sapo.pt', 'email');
  });
  it("takes a person's GitHub address, not a bot's", () => {
    gone('Vikram R <vikram.r@users.noreply.github.com>', 'vikram.r@users.noreply.github.com', 'email');
    unchanged('Author: release-bot <release-bot@users.noreply.github.com>');
    unchanged('Author: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>');
  });
});

describe('keys and shapes from round 23', () => {
  it('takes an Irish PPS number and an Indian PAN under a key as code writes it', () => {
    gone('  pps_number: 4683707R', '4683707R', 'ie-ppsn');
    gone('        pan="XEOPV3144Y",', 'XEOPV3144Y', 'in-pan');
    unchanged('pan=1234');
  });
  it("takes a name's parts under SAP's keys", () => {
    gone("      name_first = 'Friederike'\n      name_last  = 'Pfannkuch'", 'Pfannkuch', 'person-name');
  });
  it('takes a Russian given name starting a sentence before a word in lower case, not a word that is a name too', () => {
    gone('Алексей сказал, что всё готово.', 'Алексей', 'person-name');
    unchanged('Вера в себя важна.');
    unchanged('Москва это столица.');
  });
  it('takes a name in Hangul or Han before a phone number, not a place', () => {
    gone('- 정하늘  +82 10 3088 1793', '정하늘', 'person-name');
    gone('- 林嘉怡  +86 132 4130 7841', '林嘉怡', 'person-name');
    gone('동반자: 이수빈  생년월일: 1966.03.02', '이수빈', 'person-name');
    kept('- 서울시  02-123-4567', '서울시');
  });
  it("takes a Tron address after a key's `=`", () => {
    gone(
      'withdraw.requested asset=USDT net=TRC20 to=TNLfM2UyD6Gx5nV3BfQxaxM8udQeoYX6AL amount=1200',
      'TNLfM2UyD6Gx5nV3BfQxaxM8udQeoYX6AL',
      'crypto-address',
    );
  });
});

describe('recovery keys, backup codes and secrets in wrappers', () => {
  it("takes BitLocker's key by its shape and check, alone", () => {
    gone(
      'Key: 416823-021703-570460-094028-597487-380193-099616-573133',
      '416823-021703-570460-094028-597487-380193-099616-573133',
      'secret',
    );
    unchanged('order 123456-123456-123456-123456-123456-123456-123456-123456');
  });
  it('takes a recovery key after its words, and backup codes listed below them', () => {
    gone('- Laptop: FileVault recovery key YDBZ-0338-EPQ9-U4KQ-9WL1-QF07', 'YDBZ-0338-EPQ9-U4KQ-9WL1-QF07', 'secret');
    const o = out('GitHub recovery codes:\n8f3k2-9d7q1\n4m2x8-7c3b6\n');
    assert.ok(!o.includes('8f3k2-9d7q1') && !o.includes('4m2x8-7c3b6'), o);
  });
  it('keeps dates and versions after the words', () => {
    unchanged('recovery key rotation happens on 2024-05-01 via v1.2.3');
  });
  it('takes a literal given to a call that says it wraps a secret', () => {
    gone('rds.Credentials.fromPassword("api_admin", SecretValue.unsafePlainText("eF>sVEZq%,%T]o"))', 'eF>sVEZq%,%T]o');
    gone('const s = pulumi.secret("hunter2-Xk9");', 'hunter2-Xk9');
    unchanged('SecretValue.unsafePlainText(process.env.X)');
  });
});

describe("what round 23's negatives showed", () => {
  it("keeps a company's name before a comma and its legal form", () => {
    unchanged('© 2025 Olivares del Sur Distribución, S.L. · CIF A40167405');
  });
  it("keeps an institution's name and what follows its particle", () => {
    unchanged('Inscrita en el Registro Mercantil de Sevilla');
    unchanged('El Museo del Prado abre de lunes a sábado.');
    gone('María del Prado Gómez llamó ayer', 'María del Prado Gómez');
  });
  it('still reads a street as an address', () => {
    gone('Calle de Toledo 112, 3º izquierda', 'Calle de Toledo 112');
  });
  it("keeps a Belgian enterprise's number, not a phone written the same way", () => {
    unchanged('| Brasserie des Ardennes SRL | BE 0717.875.521 |');
    gone('Tel: 0471.875.521', '0471.875.521', 'phone');
  });
  it("keeps the best-known token contracts' and test vectors' addresses, not a person's", () => {
    unchanged('USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7"\nUSDC = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"');
    unchanged('BURN = "0x000000000000000000000000000000000000dEaD"');
    unchanged('assert decode("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")');
    gone('send to 0x52908400098527886E0F7030069857D2E4169EE7 now', '0x52908400098527886E0F7030069857D2E4169EE7', 'crypto-address');
  });
});

describe('titles before initials, and Dutch titles', () => {
  it('takes initials without dots and a family name after a title', () => {
    gone('Payee: Mr A J Cartwright', 'A J Cartwright', 'person-name');
    unchanged('Dr A B Testing');
  });
  it('takes a name after `de heer`, its particle capitalised', () => {
    gone('De heer Van den Broek heeft uw bezwaar ontvangen.', 'Van den Broek', 'person-name');
    unchanged('the heer group');
  });
});
