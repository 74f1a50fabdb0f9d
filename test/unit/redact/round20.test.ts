// Policy 18: phones in pairs no date could be and in more regions, handles made for one use, hosts
// named for their owner, advertising ids, wallets' recovery phrases and keys, names in more
// languages' greetings, titles and cases, and values kept as public: certificates and settings in
// base64, module hashes, secrets managers' references, sealed secrets, published reference keys.
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

describe('phone numbers in more shapes and regions', () => {
  it('reads a number written in pairs that no date could be, after its word', () => {
    gone('tlf. 34 42 38 67', '34 42 38 67', 'phone');
    gone('phone: 34 42 38 67', '34 42 38 67', 'phone');
  });
  it('still takes a date written in pairs for a date', () => {
    unchanged('released 12 05 2024 at 10');
    unchanged('phone: 12 05 2024');
  });
  it('reads words for a phone in more languages, and regions beyond the common ones', () => {
    gone('Telemóvel: 912 123 899', '912 123 899', 'phone');
    gone('sími 611 6739', '611 6739', 'phone');
    gone('fijo 916 06 86 57', '916 06 86 57', 'phone');
  });
  it("keeps an Australian tax file number the tax file number's", () => {
    gone('tfn: 788 513 554', '788 513 554', 'au-tfn');
  });
});

describe('handles, logins and hosts made of names', () => {
  it('reads a handle made for one use of it', () => {
    gone('user: rkaur-dev', 'rkaur-dev', 'person-name');
    gone('git log --author="mkowalczyk-dev" shows 14 commits', 'mkowalczyk-dev', 'person-name');
    for (const v of ['app-dev', 'jenkins-admin', 'data-eng']) kept(`user: ${v}`, v);
  });
  it("reads the owner of a merged pull request's branch when made of names, not an organisation", () => {
    gone('Merge pull request #1184 from tanvir-hasan-dev/fix-bn-locale', 'tanvir-hasan-dev', 'person-name');
    unchanged('Merge pull request #12 from acme-corp/main');
    unchanged('Merge pull request #12 from dependabot/npm_and_yarn/lodash-4.17.21');
  });
  it('reads a login written in capitals, as some databases keep them', () => {
    gone("conn = connect(user='ANIKA.SCHULTE', password=pw)", 'ANIKA.SCHULTE', 'person-name');
    kept("conn = connect(user='DATA.LOADER', password=pw)", 'DATA.LOADER');
  });
  it("reads a login in a data source's user-name element", () => {
    gone('<user-name>chen.yuhang</user-name>', 'chen.yuhang', 'person-name');
  });
  it("reads a host named for its owner before or after the device's word", () => {
    gone('dhcp-host=40:bf:c3:2a:c5:2f,192.168.1.42,yuki-iphone', 'yuki', 'person-name');
    gone('fd7a:115c:a1e0::4b2:9c17  laptop-maren', 'maren', 'person-name');
    unchanged('dev-laptop ops-pixel desktop-linux laptop-stand iphone-app iphone-x');
  });
});

describe('identifiers under their names', () => {
  it("reads a device's advertising and Android ids, not the zeros of a limited device", () => {
    gone('IDFA 6E123C9E-5D4A-42C4-9107-395EB0AFC942', '6E123C9E-5D4A-42C4-9107-395EB0AFC942', 'device-id');
    gone('Android ID 982db2ad88ce5687', '982db2ad88ce5687', 'device-id');
    unchanged('idfa: 00000000-0000-0000-0000-000000000000');
    unchanged('ANDROID_ID = Settings.Secure.ANDROID_ID');
  });
  it("reads Germany's passports, Illinois's licences, Kenya's tax PIN, a CPR in SQL and a German insurance number's key", () => {
    gone('Reisepass-Nr.: FJC7ZNL8N', 'FJC7ZNL8N', 'passport-number');
    gone('Illinois DL S530-7412-9086', 'S530-7412-9086', 'driver-license');
    unchanged('DL 2024-1234');
    gone('KRA PIN A641727610R', 'A641727610R', 'ke-kra-pin');
    gone("SELECT * FROM borgere WHERE cpr = '200892-3360';", '200892-3360', 'dk-cpr');
    gone('"sv_nummer": "65151261Y840"', '65151261Y840', 'de-svnr');
  });
  it('reads birth dates under a column that names them, in delimited and aligned tables, not other dates', () => {
    const frame =
      '                     name         dob country\n4412          Burak Demir  1953-05-23      TR\n5120     Mostafa El-Sayed  1991-10-19      EG';
    const o = out(frame);
    assert.ok(!o.includes('1953-05-23') && !o.includes('1991-10-19'), o);
    gone('姓名\t身分證字號\t生日\t地址\n林怡君\tB108890642\t1988/04/09\t台北市', '1988/04/09', 'birth-date');
    const csv = out('id,created,dob\n1,2024-01-02,1980-05-06');
    assert.ok(csv.includes('2024-01-02') && !csv.includes('1980-05-06'), csv);
    unchanged('release  date\n1.2  2024-01-02');
  });
  it('reads a Polish birth date after `ur.`', () => {
    gone('Bartosz Zieliński, ur. 15.08.2002', '15.08.2002', 'birth-date');
  });
  it('reads a door code after the word for a door alone, not a number too short for one', () => {
    gone('- server room door: 4417#', '4417#');
    unchanged('door: 2');
  });
});

describe("a wallet's secrets", () => {
  it('reads a recovery phrase whose checksum holds, of 12 or 24 words', () => {
    gone(
      'const wallet = ethers.Wallet.fromPhrase("hover enjoy again grace quiz simple describe razor tilt nominee fantasy pull");',
      'hover enjoy again grace',
      'private-key',
    );
    gone(
      'MNEMONIC="panther tumble sniff isolate devote run identify top used hover spider marble save cotton dust noble bottom there inside genuine fetch choice knife number"',
      'panther tumble sniff',
      'private-key',
    );
  });
  it('keeps words whose checksum fails, and the published test vectors', () => {
    kept('wallet phrase: "hover enjoy again grace quiz simple describe razor tilt nominee fantasy zoo"', 'hover enjoy again');
    kept(
      'const mnemonic = "legal winner thank year wave sausage worth useful legal winner thank yellow"',
      'legal winner thank year wave sausage worth useful legal winner thank yellow',
    );
  });
  it("reads an account's key of 32 bytes beside a wallet's word, not a transaction's hash", () => {
    gone('      accounts: ["0xdf5ef7a5234cc7b7a8b2edd9d1ae5dcc2727f8f6a92ef7ba89ac62eca6d430bf"],', '0xdf5ef7a5', 'private-key');
    kept(
      'wallet tx hash: 0xdf5ef7a5234cc7b7a8b2edd9d1ae5dcc2727f8f6a92ef7ba89ac62eca6d430bf',
      '0xdf5ef7a5234cc7b7a8b2edd9d1ae5dcc2727f8f6a92ef7ba89ac62eca6d430bf',
    );
  });
});

describe('names in more languages', () => {
  it('reads patronymics, and the given name again', () => {
    const o = out('fix typo reported by Aigerim Nurlanovna — Aigerim also found the null check bug.');
    assert.ok(!o.includes('Nurlanovna') && !o.includes('Aigerim'), o);
  });
  it('reads names after greetings and closings of more languages, not after a greeting to all', () => {
    gone('Hei Jussi, see you', 'Jussi', 'person-name');
    gone('Groet,\nFemke', 'Femke', 'person-name');
    gone('Pozdrawiam,\nMaciej', 'Maciej', 'person-name');
    unchanged('Beste practices');
  });
  it('reads names after Arabic titles and Hebrew greetings, stopping at the sentence after them', () => {
    const o = out('ستتواصل معك الأستاذة نورة القحطاني خلال يومين.');
    assert.ok(!o.includes('نورة') && o.includes('خلال يومين'), o);
    gone('שלום נועה ברקוביץ, קיבלנו את הטופס.', 'נועה', 'person-name');
    unchanged('שלום לכולם');
  });
  it('reads a name in Han or Hangul as the value of a name key, and before the word for receiving', () => {
    gone('WARN RealNameService - 实名认证失败: name=王晓明, mobile=hidden', '王晓明', 'person-name');
    gone('    recipient: "이서연",', '이서연', 'person-name');
    gone('收货地址：浙江省杭州市西湖区文三路 259 号 3 幢 1502 室 周婷 收', '周婷', 'person-name');
    gone('您的包裹已由黃怡君代收。', '黃怡君', 'person-name');
    unchanged('name: 系统管理');
  });
  it('reads a given name again in another case, not a word made from a name', () => {
    gone('Petra Horvat i Ivana Babić su potvrdile dolazak. Ivani pošalji adresu.', 'Ivani', 'person-name');
    kept('Maria Lopez joined. The Marian era is over.', 'Marian');
  });
  it('reads a note signed after a dash, not a word after one', () => {
    gone('# temp until ENV is wired on the new host — Joost', 'Joost', 'person-name');
    unchanged('see the docs — Install');
    unchanged('— Joost');
  });
});

describe('secrets in more forms', () => {
  it('reads letters of random case under a key, not a name in code', () => {
    gone('const maptiler_key = "IoXYkwOsohFoWSYBjtRG";', 'IoXYkwOsohFoWSYBjtRG', 'secret');
    gone('developer_token: sATwi-VNYyRqaa_PZENObG', 'sATwi-VNYyRqaa_PZENObG', 'secret');
    unchanged('api_key = "getElementById"');
    unchanged('key: XMLHttpRequestUpload');
  });
  it("reads a one-time password's seed", () => {
    gone('"totp": "M6UQKFUMOQAKIVWSSXR7RZQMYX53YZSB"', 'M6UQKFUMOQAKIVWSSXR7RZQMYX53YZSB', 'secret');
    unchanged('totp_enabled: true');
  });
  it("reads an item of a list under a label that names credentials, not a list under another's", () => {
    gone(
      'deploy tokens (personal):\n- netlify: nfp_q28C7uAYkc4wj0sG2jDWSAkZqZCqq4LzlyiC\n- vercel:  DJ0pNwb2hSkUdG4FEmNaq0zd',
      'DJ0pNwb2hSkUdG4FEmNaq0zd',
    );
    unchanged('links:\n- docs: https://x.io\n- vercel:  DJ0pNwb2hSkUdG4FEmNaq0zd');
  });
  it('reads a token of its own format past an id word further back, not one the word before names', () => {
    gone('request.setValue("sk_4c50cd93c9df086362fa3fbf581a569b67bbd074cb83f9ba", forHTTPHeaderField: "xi-api-key")', 'sk_4c50cd93');
    unchanged('trace_id: sk_4c50cd93c9df086362fa3fbf581a569b67bbd074cb83f9ba');
    unchanged(
      '// https://github.com/google/libphonenumber/commit/3e7c1f04f5e7200f87fb131e6f85c6e99d60f510#diff-9149457fa9f5d608a11bb975c6ef4bc5',
    );
  });
});

describe('public values kept', () => {
  it('keeps a certificate in base64, not a private key after it', () => {
    const cert = Buffer.from(
      '-----BEGIN CERTIFICATE-----\nMIIBijCCAS+gAwIBAgIUH6lFachl46W1Hye0XeuBLpGfZt8wCgYIKoZIzj0EAwIw\n-----END CERTIFICATE-----\n',
    ).toString('base64');
    unchanged(`      caBundle: ${cert}`);
    const bundle = Buffer.from(
      '-----BEGIN CERTIFICATE-----\nMIIBijCCAS+gAwIBAgIU\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg+shGa6k95Wox5J2u\n-----END PRIVATE KEY-----\n',
    ).toString('base64');
    gone(`  tls.pem: ${bundle}`, bundle.slice(0, 40));
  });
  it('keeps settings in base64 JSON, not JSON holding a credential', () => {
    const settings = Buffer.from(
      '{"locale":"pl-PL","currency":"PLN","features":{"blik":true,"installments":false},"supportUrl":"https://pomoc.example.pl"}',
    ).toString('base64');
    unchanged(`  runtime-config.json: ${settings}`);
    const auth = Buffer.from('{"auths":{"registry.example.io":{"auth":"ZGVwbG95OnMzY3JldC1QYXNzLTk5"}}}').toString('base64');
    gone(`  .dockerconfigjson: ${auth}`, auth);
  });
  it("keeps go.sum's module hashes, Elixir's lock file's checksums and secrets managers' references", () => {
    unchanged('golang.org/x/oauth2 v0.23.0 h1:hjb0bOnoUOfwhg4h6t+p8R2JJzBbN4aGcp2rf9CwEfU=');
    unchanged(
      '  "ecto": {:hex, :ecto, "3.11.2", "e1d26be989db350a633667c5cda9c3d115ae779b66da567c68c80cfb26a8c9ee", [:mix], [], "hexpm", "c38bca2c6f8d8023f2145326cc8a80100c3ffe4dcbd9842ff867f7fc6156c65e"},',
    );
    unchanged('  api_key: vault:secret/data/sms/africastalking#api_key');
    unchanged('  password: op://Infra/db-prod/password');
    unchanged('    existingSecret: grafana-smtp');
  });
  it("keeps a SealedSecret's ciphertext, not a Secret's data", () => {
    unchanged(
      'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: payroll\nspec:\n  encryptedData:\n    client_secret: AgBy8hCi8h98BWRztmmtDrUXQPrqNyBYFpR9VsN9swt/nmDOd+wPvTf6pM9axmW5RCF3SrUiV6gkM6oy2sim6dutZ2dProHZ\n',
    );
    gone(
      'apiVersion: v1\nkind: Secret\nstringData:\n  client_secret: h98BWRztmmtDrUXQPrqNyBYFpR9VsN9swt\n',
      'h98BWRztmmtDrUXQPrqNyBYFpR9VsN9swt',
    );
  });
  it("keeps Stripe's reference keys and a generator's command, not a key of the same shape", () => {
    unchanged('Stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"');
    gone('Stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dX"', 'sk_test_4eC39HqLyjWDarjtT1zdp7dX');
    unchanged('1. Generate a new password: `openssl rand -base64 24`');
  });
});

describe('a line with its three lines of context reads what the whole text reads', () => {
  const local = (ls: string[]): void => {
    const whole = out(ls.join('\n')).split('\n');
    ls.forEach((_, i) => {
      const from = Math.max(0, i - 3);
      assert.equal(out(ls.slice(from, i + 4).join('\n')).split('\n')[i - from], whole[i], `line ${i}`);
    });
  };
  it('echoes a speaker known by another line only within three lines of both', () => {
    local(['password = "Zq8!xLm2#Pw"최현우: 택배 주소', '', '', '최현우: 택배 주소', '최현우: 택배 주소']);
  });
  it('echoes no echo', () => {
    local([
      '2025-03-02 20:11 李娜: 好',
      'password = "Zq8!xLm2#Pw"2025-03-02 20:11 李娜: 好',
      '',
      '',
      'password = "Zq8!xLm2#Pw"2025-03-02 20:11 李娜: 好',
      '',
    ]);
  });
  it('reads coordinates near a field taken for its company only as far as that company reaches', () => {
    local(['"lat": 53.349805', '"given": [  "Sanne"', '', '', 'Milica Jovanović, JMBG 2201986713606, ']);
  });
});
