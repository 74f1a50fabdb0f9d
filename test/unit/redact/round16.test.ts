// Policy 14: defaults of credential parameters, more assignment forms, device addresses, names said
// again, chat speakers, mentions and logins, and look-alikes of ids that are not secrets.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
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

describe('credential defaults and assignment forms', () => {
  it('takes the default of a parameter named for a credential, within three lines', () => {
    gone('Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n    Default: Kelp-Orchard58\n', 'Kelp-Orchard58', 'password');
    gone('"MasterUserPassword": {\n  "Type": "String",\n  "Default": "Kelp0rchardBay"\n}', 'Kelp0rchardBay', 'password');
    gone('"password": {"type": "string", "default": "Kelp-Orchard58"}', 'Kelp-Orchard58', 'password');
    gone('  ApiToken:\n    Type: String\n    Default: n7Qw2Rz5Lk9Vb3Xc8Tm1', 'n7Qw2Rz5Lk9Vb3Xc8Tm1');
  });

  it('leaves defaults of other parameters, and a default beyond the window', () => {
    unchanged('  PasswordPolicy:\n    Type: String\n    Default: strict');
    unchanged('  Env:\n    Type: String\n    Default: prod');
    unchanged('  password:\n    type: string\n    default: null');
    // Four lines below its name: a window of the trajectory builder could not see both.
    kept('  password:\n    type: string\n    description: x\n    minLength: 8\n    default: Kelp-Orchard58', 'Kelp-Orchard58');
  });

  it('takes an option’s default, a fallback after a quoted variable name, and pairs of maps', () => {
    gone("parser.add_argument('--api-key', default='n7Qw2Rz5Lk9Vb3Xc8Tm1')", 'n7Qw2Rz5Lk9Vb3Xc8Tm1', 'secret');
    gone('@click.option("--api_key", default="n7Qw2Rz5Lk9Vb3Xc8Tm1")', 'n7Qw2Rz5Lk9Vb3Xc8Tm1', 'secret');
    gone('DB_PASS = os.environ.get("DB_PASS") or "Kelp-Orchard58"', 'Kelp-Orchard58', 'password');
    gone('  "sfPassword"  -> "Basalt$4417qz",', 'Basalt$4417qz', 'password');
    gone('mapOf("password" to "Basalt$4417qz", "user" to "etl")', 'Basalt$4417qz', 'password');
    unchanged("parser.add_argument('--api-key', default=None)");
    unchanged('"password" to "field"');
  });
});

describe('device addresses, cards and tokens', () => {
  it('takes a device’s MAC address whatever its first octet, and keeps the group addresses protocols use', () => {
    gone('Device MAC: CD:6C:86:7A:EB:27', 'CD:6C:86:7A:EB:27', 'mac-address');
    gone('MAC-адрес ноутбука: 23-cb-23-35-f3-2e', '23-cb-23-35-f3-2e', 'mac-address');
    gone('dhcp lease f4c8.792c.21a6 hostname=x', 'f4c8.792c.21a6', 'mac-address');
    unchanged('mac 01:00:5e:00:00:fb');
    unchanged('mac 33:33:00:00:00:01');
    unchanged('mac ff:ff:ff:ff:ff:ff');
    unchanged('mac: 13:10:de:ad:be:ef');
  });

  it('takes a Troy card, a Telegram token in the Bot API’s path, and a URL’s password after an e-mail address as its user', () => {
    gone('kart numarası: 9792 4157 8830 2712', '9792 4157 8830 2712', 'credit-card');
    kept('kart numarası: 9792 4157 8830 2713', '9792 4157 8830 2713'); // Luhn fails
    gone("'/bot5829301746:AAk2n7Qw2Rz5Lk9Vb3Xc8Tm1Jd4Hs6Fp0Gy/sendMessage'", 'AAk2n7Qw2Rz5Lk9Vb3Xc8Tm1Jd4Hs6Fp0Gy', 'telegram-bot-token');
    gone('EMAIL_URL=smtp+tls://postmaster@mg.example.app:Wq8Rz5Lk9Vb3Xc@smtp.mailgun.org:587', 'Wq8Rz5Lk9Vb3Xc', 'url-credentials');
    kept('https://git@github.com:22/x', 'git@github.com');
  });

  it('keeps ids that words before them name: an event, a request glued to its key, an ETag', () => {
    unchanged('Sentry event e04c762a1e8de3ae9f5118aa996862e3 captured');
    unchanged('INFO [api] request_id=7f1c2a0e-5d0b-4a39-9c0a-2e3f6b7a1d44 method=GET');
    unchanged('ETag: "33a64df551425fcc55e4d42a148795d9f25f89d4"');
    // …but a credential's word in the glued key still counts.
    gone('SUMO_ACCESS_ID=su5ObOIk3JmNDO', 'su5ObOIk3JmNDO');
  });

  it('reads national identifiers under lower-case keys and a CNIC alone', () => {
    gone('  oib: "74301928557"', '74301928557', 'hr-oib');
    gone('in := "35202-4817735-9"', '35202-4817735-9', 'pk-cnic');
    kept('in := "95202-4817735-9"', '95202-4817735-9'); // no province starts with 9
  });

  it('reads Russia’s trunk 8 before a bracketed code, and phone words of other scripts', () => {
    gone('Звоните по номеру 8 (912) 341-44-46', '8 (912) 341-44-46', 'phone');
    unchanged('версия 8 (2019) 123-45');
  });
});

describe('names said again, speakers, mentions and logins', () => {
  it('takes a family name the list lacks again, alone, after the full name', () => {
    gone('Thandiwe Mokoena joined in March. By June, Mokoena was leading the team.', 'Mokoena');
    gone('Вчера Ярослав Игоревич Кузьмин подписал договор. Кузьмин обещал прислать копию.', 'Кузьмин');
    gone('Magnús Þórsson og Guðrún Magnúsdóttir komu. Guðrún tók fundargerðina.', 'Guðrún tók');
    kept('Dear Maria Mokoena,\nMokoena Street is closed.', 'Mokoena Street');
    kept('Ruud de Rooij\t\tTwofish implementation.\nTwofish tests.', 'Twofish tests');
  });

  it('keeps words that stand in for names in samples', () => {
    unchanged('-d name="Demo widget"');
    unchanged('name="Sample"');
  });

  it('takes chat speakers after the time in Chinese and Korean exports, not log levels', () => {
    const o = out('2025-03-02 20:11 李娜: 明天开会\n2025-03-02 20:12 周志强: 好的\n');
    assert.ok(!o.includes('李娜') && !o.includes('周志强'), o);
    unchanged('2025-03-02 20:11 错误: 连接失败\n2025-03-02 20:12 警告: 重试');
  });

  it('takes a given name in a FHIR array on the lines below, a street after Av., a mention by display name', () => {
    gone(
      '{\n  "name": [{\n    "family": "Bakker",\n    "given": [\n      "Sanne"\n    ]\n  }],\n  "telecom": [{"system": "phone", "value": "+31 6 27399429"}]\n}',
      '"Sanne"',
    );
    gone('la dirección nueva es Av. Corrientes 4521, 7° C, CABA', 'Corrientes 4521', 'street-address');
    gone('4. Ping @Keoni Akana in #staging when done.', 'Keoni Akana');
    unchanged('@Override public void run()');
  });

  it('takes the owner of a note in code, and an access log’s user again in its path', () => {
    gone('# TODO(ana.k): move to instance profile', 'ana.k', 'person-name');
    unchanged('// TODO(perf): cache this');
    const o = out('10.1.1.1 - jkowalski [02/Mar/2025:18:02:11 +0100] "GET /files/jkowalski/ HTTP/1.1" 207 1890');
    assert.ok(!o.includes('jkowalski'), o);
  });

  it('reads a family name after a title in Italian, Dutch, Polish and Czech, and after a title inside a run', () => {
    gone('Bitte rufen Sie Frau Oberhauser an.', 'Oberhauser', 'person-name');
    gone('Ho parlato con il signor Brambilla.', 'Brambilla', 'person-name');
    gone('Heb je meneer Verhoeven gebeld?', 'Verhoeven', 'person-name');
    gone('Rozmawiałem z panem Wiśniewskim wczoraj.', 'Wiśniewskim', 'person-name');
    gone('Rodné číslo pana Křížka je uvedeno níže.', 'Křížka', 'person-name');
    unchanged('Bitte rufen Sie Support an.');
  });

  it('takes a login again in its URL’s path, not a token’s user', () => {
    const o = out('origin\thttps://tomasz-w:ghp_xF9cwI5QHfFc63KQbG9fkiFWNlZhY6BBzCUF@github.com/tomasz-w/dotfiles.git (fetch)');
    assert.ok(!o.includes('tomasz-w'), o);
    kept('https://oauth2:Wq8Rz5Lk9Vb3Xc@gitea.corp.lan/oauth2/y.git', '/oauth2/');
  });
});

describe('handles after a social network’s name, and Japanese family names', () => {
  it('takes a handle after a social network’s name on its line, whatever it is made of', () => {
    gone('Telegram: @andrii_boiko91, пишіть туди', 'andrii_boiko91', 'person-name');
    gone('follow me on insta @lucia.ferrer.fotos or tiktok @luciafotografa_', 'luciafotografa_', 'person-name');
    gone('Reddit user u/quiet_fjord_kari posted her home town', 'quiet_fjord_kari', 'person-name');
    unchanged("import x from '@types/node' // telegram bot");
    unchanged('@Override // twitter client');
  });

  it('takes a common Japanese family name in brackets after a number, and after the word for an owner', () => {
    gone('携帯：090-1252-7687（山本）', '山本', 'person-name');
    gone('車台番号 JTDKB20U6L0941779（所有者：松本）', '松本', 'person-name');
    unchanged('型番 ABX-220（東京都）');
  });
});

describe('identifiers, accounts and numbers as more countries write them', () => {
  it('reads dotted DNIs, PAN after its Hindi name, a lower-case codice fiscale after c.f., an RFC after its word, a Vietnamese CCCD', () => {
    gone('NIF 74.296.595-V', '74.296.595-V', 'es-nif');
    kept('NIF 74.296.595-W', '74.296.595-W'); // the letter does not hold
    gone('पैन कार्ड नंबर NGPPK8834M', 'NGPPK8834M', 'in-pan');
    gone('il c.f. di Luca è rsslcu90s03l219w', 'rsslcu90s03l219w', 'it-fiscal-code');
    gone('Facturar a Fernanda Sánchez Ortega, RFC SAOF9007102P3', 'SAOF9007102P3', 'mx-rfc');
    unchanged('See RFC 7231 and RFC 9110.');
    gone('Số CCCD: 079383749588', '079383749588', 'vn-cccd');
    kept('Số CCCD: 979383749588', '979383749588'); // no province is 979
  });

  it('reads an account after `acct`, Norway’s dotted account numbers, a German SV-Nummer', () => {
    gone('sort code 40-11-62, acct 71829304', '71829304', 'bank-account');
    gone('Kontonummer: 1335.40.47963', '1335.40.47963', 'bank-account');
    gone('[x] SV-Nummer: 65 240679 W 955', '65 240679 W 955', 'de-svnr');
    unchanged('acct 42 created');
  });

  it('reads phone numbers in full-width digits, and a slash between an area code and the number', () => {
    gone('携帯：０９０－１２６７－２９７６', '０９０－１２６７－２９７６', 'phone');
    gone('Tel. 030 / 19984364', '030 / 19984364', 'phone');
    unchanged('価格：１２３円');
  });

  it('takes an owner before a laptop, handles after networks’ names in other scripts, Reddit users anywhere', () => {
    gone("device MAC 3c:22:fb:9a:41:7e (Ana's laptop)", 'Ana', 'person-name');
    gone('인스타그램 @seoyeon_daily_ 팔로우해 주세요', 'seoyeon_daily_', 'person-name');
    gone('reported by u/throwaway_greta1987', 'throwaway_greta1987', 'person-name');
    unchanged('see /u/bin and cpu/mem');
  });
});

describe('relatives, repositories’ owners and health numbers', () => {
  it('takes a name after the word for a relative', () => {
    gone('my mother Eleanor called about the invoice', 'Eleanor', 'person-name');
    unchanged('the Brother Printer driver');
  });

  it('takes a repository’s owner in a clone URL when made of names, not an organisation’s', () => {
    gone('origin  git@github.com:ahmet-kaya/dotfiles.git (fetch)', 'ahmet-kaya', 'person-name');
    unchanged('git clone git@github.com:rust-lang/rust.git');
  });

  it('takes a British Columbia PHN whose check digit holds', () => {
    gone('PHN: 9246 235 169 — lab requisition', '9246 235 169', 'ca-bc-phn');
    kept('PHN: 9246 235 168 — lab requisition', '9246 235 168');
  });
});

describe('passwords in IRC, in a user name’s field, and OAuth codes', () => {
  it('takes a password given to NickServ, not a stand-in', () => {
    gone('[21:04] <lorcan_m> /msg NickServ IDENTIFY Kaffee.5417Zr', 'Kaffee.5417Zr', 'password');
    gone('/msg nickserv identify lorcan hunter2x', 'hunter2x', 'password');
    kept('/msg nickserv identify lorcan hunter2x', 'lorcan');
    unchanged('/msg NickServ IDENTIFY <password>');
  });

  it('takes a password typed into a user name’s field, not a user name', () => {
    gone('login failed user="Pulsar$5270Lm" reason=unknown_user', 'Pulsar$5270Lm', 'password');
    unchanged('login ok user="svc-backup" mfa=totp');
    unchanged('username: ${USER_NAME}');
  });

  it('takes Google’s OAuth authorization codes and refresh tokens', () => {
    gone('code=4/0AwZSQvSMQeHLKBR_8rLkIv8yDsRqalZXzt2EsKcA_kFDwCMZaUXKYjjKa9pBm&grant_type=authorization_code', '4/0AwZSQvSMQeHLKBR');
    gone('"refresh_token": "1//0gTq8Lw2mXv9Rk3Jp7Yc5Hb1Nd6Fs4Gt0Ze8Wa2Qi7Uo"', '1//0gTq8Lw2mXv9Rk3Jp7Yc5Hb1Nd6Fs4Gt0Ze8Wa2Qi7Uo');
  });
});

describe('the time budget and the engine’s bundles', () => {
  it('does not count the loading of its bundles and word lists against a call’s budget', () => {
    // A fresh process: the first text with a name loads names.js and builds its word lists (300 ms
    // or more), twice this budget; the text itself takes a few milliseconds, and a collection of the
    // lists' garbage may pause it for tens more on a busy machine (a budget of 40 ms failed so in CI).
    const engine = join(__dirname, '..', '..', '..', 'src', 'redact', 'index.js');
    const script = `const { createRedactor } = require(${JSON.stringify(engine)});
      const r = createRedactor({ key: new Uint8Array(32).fill(9), budgetMs: 150 });
      const o = r.redact('names:\\n\\u0916\\u093e Dear Anna Smith');
      process.stdout.write(JSON.stringify({ dropped: o.dropped === true, text: o.text }));`;
    const o = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { dropped: boolean; text: string };
    assert.equal(o.dropped, false, o.text);
    assert.ok(!o.text.includes('Anna Smith'), o.text);
  });
});
