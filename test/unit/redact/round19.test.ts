// Policy 17: towns kept where a name could stand, the postal line after a street's short parts and
// a post office box, addresses under keys in more languages, a database's name kept in its URL's
// path, and devices named for their owner with a curly apostrophe.
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

describe('towns where a name could stand', () => {
  it('keeps towns alone in prose and lists', () => {
    unchanged('Flights from Lagos, Nairobi and Addis Ababa to São Paulo resume in May.');
    unchanged(
      'We deploy to Frankfurt (eu-central-1), Dublin (eu-west-1), São Paulo (sa-east-1)\nand Mumbai (ap-south-1). Latency from Lagos and Nairobi is acceptable.',
    );
  });
  it('still takes a town’s name after a person’s cue, and a person’s name beside a town', () => {
    gone('Ask Dublin about it', 'Dublin', 'person-name');
    gone('Dear Ms. Lagos, your order shipped.', 'Lagos', 'person-name');
    const o = out('We met in Berlin with Anna Schmidt.');
    assert.ok(o.includes('Berlin') && !o.includes('Anna Schmidt'), o);
  });
  it('keeps given names that are also towns as names (Sydney, Austin)', () => {
    gone('Thanks, Sydney!', 'Sydney', 'person-name');
  });
});

describe('postal lines and address keys', () => {
  it('takes the postcode and town on the line after a street whose line ends in short parts', () => {
    gone('Lieferadresse:\nSabine Hohlfeld\nKastanienallee 38, 3. OG links\n10435 Berlin', '10435 Berlin', 'street-address');
  });
  it('takes a post office box and its town after a street', () => {
    gone('Ship to: Wanjiru Kamau\nHouse No. 17, Kiambu Road, Runda Estate\nP.O. Box 45210-00100, Nairobi', 'P.O. Box 45210-00100, Nairobi');
  });
  it('reads address keys in more languages, and an Eircode after its town', () => {
    gone(
      "final p = {\n  'nama': 'Nurul Aisyah',\n  'alamat': 'No. 18, Jalan SS 2/24, 47300 Petaling Jaya, Selangor',\n};",
      '47300 Petaling Jaya',
    );
    gone('Member(\n  fullName: "Seán Murphy",\n  phone: "+353 85 353 0688",\n  eircode: "Dublin 6, D06 F2K7",\n)', 'D06 F2K7');
  });
  it('leaves a key that is no address’s alone', () => {
    unchanged('alamat_server: "10.0.0.1"'.replace('10.0.0.1', 'api.internal'));
  });
});

describe('URLs of databases', () => {
  it('keeps the database’s name in the path when it repeats a user that reads as a word', () => {
    const o = out('DATABASE_URL=postgres://app:Qx9vLm2Tz8wR@db.internal:5432/app');
    assert.ok(!o.includes('Qx9vLm2Tz8wR') && o.endsWith(':5432/app'), o);
  });
  it('still takes a generated user repeated in the path, and a person’s login in a repository’s path', () => {
    gone('CLOUDAMQP_URL=amqps://xkqvfjzh:ZjFdl0KA-yR-zXh2MgbIES_YQX563dG_@rattlesnake.rmq.cloudamqp.com/xkqvfjzh', 'xkqvfjzh');
    gone('git clone https://tomasz-w:Qx9vLm2Tz8wR@github.com/tomasz-w/dotfiles.git', 'tomasz-w');
  });
});

describe('devices named for their owner', () => {
  it('reads the owner before a curly apostrophe and any device word', () => {
    gone('Connected to Mariana’s iPad over Bluetooth', 'Mariana', 'person-name');
    gone('Priya’s phone is off', 'Priya', 'person-name');
    kept('It’s phone time', 'It’s phone time');
  });
});

describe('the id that goes with a secret', () => {
  it('takes an id named for a secret found beside it, in env files, YAML, JSON and connection strings', () => {
    gone('FORTNOX_CLIENT_ID=2BAapTLFUR6S\nFORTNOX_CLIENT_SECRET=moZCwJXyIQ9xPq4Lr8Tz', '2BAapTLFUR6S', 'secret');
    gone(
      'connectors:\n  tuya:\n    access_id: bl2afe5ywbs8bpk8uv0n\n    access_secret: 6dd314a451ebe86cae83db8809e027b5',
      'bl2afe5ywbs8bpk8uv0n',
    );
    gone(
      '"Auth0": {\n  "Domain": "tenant-eu.eu.auth0.com",\n  "ClientId": "DLWJWsPhmqIScJfLby2HGC6lg2GuYepx",\n  "ClientSecret": "GqC379pm5weJMjbI488XARj4pJadnx9FGWD278VZZw9-je595_ALzRtT42xaCIRf"\n}',
      'DLWJWsPhmqIScJfLby2HGC6lg2GuYepx',
    );
    gone(
      '"DefaultEndpointsProtocol=https;AccountName=stexportprodweu01;AccountKey=urKMc23hNR87Xr//GABq43sjdixj+6v4kV3t2ZxGOpTKqLpXIwbFLlM+yJFhC8avViMmbxaY6d0gOr1JHX6c+w==;EndpointSuffix=core.windows.net"',
      'stexportprodweu01',
    );
  });
  it('takes a service account’s client id with its private key, and a secret of letters alone in both cases', () => {
    gone(
      '{\n  "private_key_id": "dd5ecbc47970b2a5111a783747bac7a70b9ba2c7",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCOM6mcH02Oujmi8omIGV80UMeYBTgB/B32rz5SCs2f1+YLpDfFU8wdeFfYbaw88Hx9hCpGnna/pl5iI6akXKSDpWY3PqmcZhfZS7wP58m/ENl+3myGJ7u7N7hxor0KB2c9eztE2BenClyYisaFA==\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "bq-loader@harvest-analytics-42.iam.gserviceaccount.com",\n  "client_id": "242655337275128918155"\n}',
      '242655337275128918155',
    );
    gone('FORTNOX_CLIENT_SECRET=moZCwJXyIQ', 'moZCwJXyIQ', 'secret');
    kept('token: HelloWorld', 'HelloWorld');
  });
  it('keeps an id with no secret beside it, an id of another stem, and an id beside a published example key', () => {
    kept('GOOGLE_CLIENT_ID=811574891467-abc123def456.apps.googleusercontent.com\nREDIRECT_URI=https://app.test/cb', '811574891467');
    kept('SENTRY_PROJECT_ID=4506123456789\nSTRIPE_SECRET_KEY=sk_live_51NzQ2bKp8vR3mT7yWc4dXe9fGh', '4506123456789');
    kept(
      'AzureWebJobsStorage=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;',
      'devstoreaccount1',
    );
  });
});

describe('identifiers named by their column or key', () => {
  it('reads a column named for an identifier however its values are written', () => {
    gone('cliente,cpf\nJoão Batista Moura,73184629031', '73184629031', 'br-cpf');
    gone('staff_id,name,ird_number,kiwisaver_rate\nNZ-014,Aroha Ngata,17-024-9747,4%', '17-024-9747', 'nz-ird');
    gone(
      '  id  |       navn        |  fodselsnr  |   fastlege\n------+-------------------+-------------+---------------\n 8812 | Ingrid Solbakken  | 25115506881 | Dr. Eirik Haugland',
      '25115506881',
      'no-fodselsnummer',
    );
  });
  it('reads keys written as code writes them', () => {
    gone('<NationalNumber>92081455345</NationalNumber>', '92081455345', 'be-nn');
    gone('  svNummer: "26 280501 Z 878",', '26 280501 Z 878', 'de-svnr');
  });
  it('keeps a number that fails the check its column names', () => {
    kept('cliente,cpf\nJoão Batista Moura,73184629032', '73184629032');
  });
});

describe('passwords told in more forms', () => {
  it('takes a generated password of letters alone told right after its cue', () => {
    gone('Je tijdelijke wachtwoord is: Vb-nIghKkjlWA', 'Vb-nIghKkjlWA', 'password');
    kept('The password is: getUserNameById', 'getUserNameById');
    kept('password is: ReadTheDocs', 'ReadTheDocs');
  });
  it('takes a password after `pwd` in brackets, without the bracket', () => {
    const o = out('-- connect: snowsql -a xy12345 -u ETL_SVC  (pwd Snowfl@ke#ETL77)');
    assert.ok(!o.includes('Snowfl@ke#ETL77') && o.endsWith('>)'), o);
  });
  it('takes a password given with an e-mail address as its login', () => {
    gone('1. Log in to https://staging.rappido.co with `qa.lucia@rappido.co` / `Qa!Staging574`', 'Qa!Staging574', 'password');
    kept('see git@github.com / README for Setup2024', 'README for Setup2024');
  });
});

describe('names after labels', () => {
  it('reads a label in Markdown’s bold', () => {
    gone('**Author:** Priya Raman  **Status:** resolved', 'Priya Raman', 'person-name');
  });
  it('takes two words the lists lack after a label only people bear, not after `name` nor words they hold as common', () => {
    gone('Author: Tendai Moyo', 'Tendai Moyo', 'person-name');
    unchanged('Owner: Platform Engineering');
    unchanged('Upstream-Name: Apache Maven');
  });
  it('reads a display name in a script past Latin before its address, not a team’s mailbox', () => {
    gone('من: يوسف الحربي <y.alharbi@stc.net.sa>', 'يوسف الحربي', 'person-name');
    gone('From: 田中 太郎 <taro.tanaka@example.co.jp>', '田中 太郎', 'person-name');
    kept('客服 <support@shop.cn>', '客服');
  });
});

describe('secrets in more places', () => {
  it('reads an exported variable’s random value, and its id beside it', () => {
    const o = out('export HUAWEICLOUD_SDK_AK=GDGGPOE0MHAKVFXSEPM1\nexport HUAWEICLOUD_SDK_SK=LK7t5QndkpQPnzh6BQsc8i0puHibPMgJzg8pI7hr');
    assert.ok(!o.includes('LK7t5QndkpQPnzh6BQsc8i0puHibPMgJzg8pI7hr') && !o.includes('GDGGPOE0MHAKVFXSEPM1'), o);
  });
  it('takes a Bitrix24 inbound webhook’s key, not the portal’s other paths', () => {
    gone('BITRIX_WEBHOOK=https://stroymarket.bitrix24.ru/rest/1/i4qttj00vx4v1ztc/', 'i4qttj00vx4v1ztc', 'webhook-token');
    unchanged('see https://x.bitrix24.com/rest/1/profile/');
  });
  it('takes a Solana keypair written as 64 bytes, not a table of small numbers', () => {
    const bytes = Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256).join(',');
    gone(`$ cat ~/.config/solana/id.json\n[${bytes}]`, bytes, 'private-key');
    const table = Array.from({ length: 64 }, (_, i) => i % 8).join(',');
    kept(`solana test fixture [${table}]`, table);
  });
});

describe('names in more forms', () => {
  it('reads a Vietnamese name after a title whatever its syllables are, and its given name again', () => {
    const o = out('Chị Nguyễn Thị Thu Hằng ơi, anh Trần Quốc Bảo nhờ em gửi lại bảng lương. Hằng xem giúp nhé.');
    assert.ok(!o.includes('Thu') && !o.includes('Hằng') && !o.includes('Bảo'), o);
  });
  it('reads an Irish name by its particle', () => {
    gone('Ask Siobhán or Cathal Ó Donnchadha.', 'Cathal Ó Donnchadha', 'person-name');
  });
  it('reads Armenian and Georgian family names with a case’s ending', () => {
    gone('Անի Մկրտչյանը կկապվի Ձեզ հետ։', 'Մկրտչյանը', 'person-name');
    gone('თამარ ბერიძემ გამომიგზავნა ფაილები.', 'ბერიძემ', 'person-name');
  });
});

describe('devices’ hardware ids', () => {
  it('takes IMEIs and ICCIDs that pass Luhn’s check, and MEIDs, under their names', () => {
    const o = out('*#06#\nIMEI1 860953046340393\nIMEI2 860953047702559\nMEID A1000049F2C8D1');
    assert.ok(!/860953046340393|860953047702559|A1000049F2C8D1/.test(o), o);
    const s = out('SIM ICCID 8944110752098302601');
    assert.ok(s.startsWith('SIM ICCID <REDACTED:device-id#'), s);
  });
  it('keeps a number that fails the check', () => {
    unchanged('imei: 123456789012345');
  });
});

describe('identifiers under more names', () => {
  it('takes a Medicare Beneficiary Identifier after its name, not the shape alone', () => {
    gone('Medicare Beneficiary Identifier (MBI): 3QW7-HN2-RK58', '3QW7-HN2-RK58', 'id-number');
    gone('MBI: 3QW7HN2RK58', '3QW7HN2RK58');
    unchanged('combine 1EG4TE5MK73');
  });
  it('reads a Russian plate after a capitalised name', () => {
    gone('Госномер А482МР77', 'А482МР77', 'vehicle-plate');
  });
});

describe('names in Han or Hangul again', () => {
  it('takes a name a record’s field held where it recurs nearby', () => {
    const o = out(
      'let json = """\n{"name":"박서연","phone":"+82 10 2056 0610","email":"seoyeon.park92@naver.com"}\n"""\nXCTAssertEqual(profile.name, "박서연")',
    );
    assert.ok(!o.includes('박서연'), o);
  });
  it('reads a Korean name before an honorific and a particle, and its given name again', () => {
    const o = out('이지은 씨가 회의록을 작성했고, 지은 씨는 내일 휴가입니다.');
    assert.ok(!o.includes('이지은') && !o.includes('지은 씨는'), o);
    unchanged('사용자님은 로그인하세요');
  });
  it('reads a name in Han or Hangul after a label in Latin letters, not a word that is none', () => {
    gone('SWIFT: BKCHCNBJ110\nBeneficiary: 林佳慧', '林佳慧', 'person-name');
    gone('Reviewer: 山本 健太郎 (Yamamoto Kentaro)', '山本 健太郎', 'person-name');
    unchanged('Name: 系统管理');
  });
  it('keeps a form’s stand-in and its given name', () => {
    const o = out('작성 예시) 성명: 홍길동, 주민등록번호: 000000-0000000 — 실제 정보를 입력하지 마세요.');
    assert.ok(o.includes('홍길동'), o);
  });
});

describe('logins beside their owner’s e-mail address', () => {
  it('takes a user’s key that shares four letters with a person’s address nearby', () => {
    gone('Request body: {"username": "seunb", "email": "oluwaseun.bello@yahoo.com"}', '"seunb"'.slice(1, -1), 'person-name');
  });
  it('keeps a service’s user, and a user beside a team’s mailbox', () => {
    kept('{"username": "deploy", "email": "deploy@corp.io"}', '"deploy"');
    kept('{"username": "admin01", "email": "support@corp.io"}', '"admin01"');
  });
});

describe('a shell variable’s default after a user option', () => {
  it('keeps `-U ${POSTGRES_USER:-app}`, and still takes a user’s password', () => {
    unchanged('test: ["CMD-SHELL", "pg_isready -U ${POSTGRES_USER:-app}"]');
    gone('curl -u deploy:Wint3r-Harb0ur!92 https://ci.internal/api', 'Wint3r-Harb0ur!92', 'password');
  });
});

describe('stand-in names’ logins', () => {
  it('keeps the login a stand-in name makes, and still takes a person’s', () => {
    unchanged('const user = { name: "Jane Doe", email: "jane.doe@example.com", password: "<PASSWORD>" };');
    gone('Accepted publickey for reka.varga from 10.0.0.5; Réka Varga logged in as reka.varga', 'reka.varga');
  });
});

describe('ARNs of secrets', () => {
  it('keeps an ARN that names a secret, and still reads `secret:` as a name elsewhere', () => {
    unchanged('secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders/db-a1B2c3"');
    gone('secret: Xy9Zw1QpLmN8vB2c', 'Xy9Zw1QpLmN8vB2c', 'secret');
  });
});
