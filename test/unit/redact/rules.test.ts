import assert from 'node:assert/strict';
import { createRedactor } from '../../../src/redact';

const key = new Uint8Array(32).fill(9);
const r = createRedactor({ key });

/** Asserts that `secret` is gone from the redacted `text`, and that a placeholder of `kind` replaced it. */
function gone(text: string, secret: string, kind?: string): void {
  const out = r.redact(text).text;
  assert.ok(!out.includes(secret), `leaked ${secret} in ${out}`);
  if (kind) assert.match(out, new RegExp(`<REDACTED:${kind}#[0-9a-f]{8}>`), out);
}
function kept(text: string): void {
  assert.equal(r.redact(text).text, text);
}

describe('redaction rules', () => {
  describe('provider credentials by their published formats', () => {
    const cases: [string, string, string][] = [
      ['github-token', 'token: ghp_R8vN2kQ4mT7xW1zB5cD9fG3hJ6kL0pS2uV4y', 'ghp_R8vN2kQ4mT7xW1zB5cD9fG3hJ6kL0pS2uV4y'],
      [
        'github-token',
        'GH=github_pat_11ABCDEFG0aB3cD5eF7gH9_iJ1kL3mN5oP7qR9sT1uV3wX5yZ7aB9cD1eF3gH5iJ7kL9mN1oP3qR5sT7uV9wX1y',
        'github_pat_11ABCDEFG0aB3cD5eF7gH9_iJ1kL3mN5oP7qR9sT1uV3wX5yZ7aB9cD1eF3gH5iJ7kL9mN1oP3qR5sT7uV9wX1y',
      ],
      ['aws-access-key', 'key=AKIA4QX7R2N5KD8MZ3WE;', 'AKIA4QX7R2N5KD8MZ3WE'],
      ['gcp-api-key', 'maps?key=AIzaSyD8m2Kq7xV4nB1zR9tY6uW3pL5cH0jF2gE&cb=1', 'AIzaSyD8m2Kq7xV4nB1zR9tY6uW3pL5cH0jF2gE'],
      [
        'slack-token',
        'x = "xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1"',
        'xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1',
      ],
      ['stripe-key', 'Stripe("sk_live_4eC39HqLyjWDarjtT1zdp7dc9")', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc9'],
      [
        'salesforce-token',
        'sf org display: Access Token 00D5g000004FxKQ!AQ0AQJ3nYcGzP7wqH2vK9mRt.Ld8sXbE4uVf1WaZ6oTyN5hC0iMkSjBgDrUe',
        '00D5g000004FxKQ!AQ0AQJ3nYcGzP7wqH2vK9mRt.Ld8sXbE4uVf1WaZ6oTyN5hC0iMkSjBgDrUe',
      ],
      ['openai-key', 'sk-proj-Ab3De5Fg7Hi9Jk1Lm3No5Pq7Rs9Tu1Vw3Xy5Za7Bc9De1Fg', 'sk-proj-Ab3De5Fg7Hi9Jk1Lm3No5Pq7Rs9Tu1Vw3Xy5Za7Bc9De1Fg'],
      [
        'npm-token',
        '//registry.npmjs.org/:_authToken=npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
        'npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
      ],
      [
        'sendgrid-key',
        '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',
        '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',
      ],
      [
        'jwt',
        'Cookie: s=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
        'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
      ],
    ];
    for (const [kind, text, secret] of cases) it(`removes a ${kind}`, () => gone(text, secret, kind));
    it('leaves documented example keys and x-ed out tokens alone', () => {
      kept('aws_access_key_id = AKIAIOSFODNN7EXAMPLE');
      kept('GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
    });
    it('does not read a token out of the middle of a longer word or file name', () => {
      kept('video_box.ico-7a388b69018576d24b59331fd60aab0c.png');
      kept('partOfAlongUnrelatedBlob gYnkgAkCpa0r9s0o9nvfyxvickrq29m4q5i60n93dfckmin5czmdjz6ufcyzn0pv3xx0ar8fys1qakVyZSB2');
    });
  });

  describe('secrets found by their name', () => {
    it('redacts assignments in many syntaxes', () => {
      gone('DB_PASSWORD=s3cr3t-Value9', 's3cr3t-Value9', 'password');
      gone('"apiKey": "f1e2d3c4b5a697887766554433221100"', 'f1e2d3c4b5a697887766554433221100', 'secret');
      gone("$config['client_secret'] = 'Zr8qLx2mN4vB6nC1';", 'Zr8qLx2mN4vB6nC1');
      gone('var apiToken string = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"', '9f8e7d6c5b4a39281706f5e4d3c2b1a0');
      gone('System.setProperty("DB_PASS", "k8Jh2Lq9Zx")', 'k8Jh2Lq9Zx');
      gone('<password>Zq8!xLm2#Pw</password>', 'Zq8!xLm2#Pw');
      gone('<add key="ClearTextPassword" value="33f!!lloppa" />', '33f!!lloppa');
      gone('mytool --api-key a8F3kL9mQ2xZ7vB1 --region eu', 'a8F3kL9mQ2xZ7vB1');
      gone('{"config.ini": "ATLASSIAN_TOKEN=5ylaacqcma60g6n1cjeccb5b\\nBACKUP=1"}', '5ylaacqcma60g6n1cjeccb5b');
    });
    it('redacts Authorization headers and bare Bearer tokens but keeps the scheme word', () => {
      const out = r.redact('-H "Authorization: Bearer a9B8c7D6e5F4g3H2i1J0k9L8"').text;
      assert.match(out, /Authorization: Bearer <REDACTED:/);
      gone("headers: { Authorization: 'Basic c3ZjOnA0c3N3MHJkMTIz' }", 'c3ZjOnA0c3N3MHJkMTIz');
      gone('log: sending Bearer a9B8c7D6e5F4g3H2i1J0k9L8 upstream', 'a9B8c7D6e5F4g3H2i1J0k9L8', 'bearer-token');
    });
    it('keeps code that only mentions a credential', () => {
      kept('const token = await getToken(user);');
      kept('password: string;');
      kept('if (password.length < 8) throw new Error("password too short");');
      kept('api_key = settings.API_KEY');
      kept('token = os.environ["TOKEN"]');
      kept('max_tokens = 4096');
      kept('SECRET_KEY = env("DJANGO_SECRET_KEY")');
      kept('<input type="password" name="password" placeholder="Password" autocomplete="current-password" />');
    });
    it('keeps placeholders and templated values', () => {
      for (const v of [
        'YOUR_API_KEY',
        '<token>',
        '${API_KEY}',
        'xxxxxxxxxxxx',
        '{{ .Values.password }}',
        '$(cat /run/secrets/pw)',
        'changeme',
        '%TOKEN%',
      ]) {
        kept(`API_KEY=${v}`);
      }
      kept('apiKey: process.env.X');
    });
    it('redacts hard-coded comparisons with a credential', () => {
      gone("if (pass === 'Adm1n!2024#prod') {", 'Adm1n!2024#prod');
    });
  });

  describe('structural secrets', () => {
    it('redacts every body line of a private-key block and keeps the armour lines', () => {
      const body = ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDAC4AWkdwKYSd8', 'Ks14IReLcYgADhoXk56ZzXIabc='];
      const text = `-----BEGIN PRIVATE KEY-----\n${body.join('\n')}\n-----END PRIVATE KEY-----\n`;
      const out = r.redact(text).text;
      for (const b of body) assert.ok(!out.includes(b));
      assert.ok(out.startsWith('-----BEGIN PRIVATE KEY-----\n') && out.endsWith('-----END PRIVATE KEY-----\n'));
    });
    it('redacts OpenVPN static keys and SSH2 private keys as key blocks', () => {
      const hex = ['ff6b8e7d5058990482c4b4afd74efff5', '0e5c8b2d7a4f1e6c8c7f2a9e4b1d6f3a'];
      const vpn = r.redact(`-----BEGIN OpenVPN Static key V1-----\n${hex.join('\n')}\n-----END OpenVPN Static key V1-----`).text;
      for (const h of hex) assert.ok(!vpn.includes(h), vpn);
      const body = 'P2/56wAAAi4AAAA3aWYtbW9kbntzaWdue3JzYS1wa2NzMS1zaGExfSxlbmNyeXB0e3JzYS1wa2NzMXYy';
      const ssh2 = r.redact(
        `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "rsa-key"\n${body}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----`,
      ).text;
      assert.ok(!ssh2.includes(body) && ssh2.startsWith('---- BEGIN SSH2') && ssh2.endsWith('PRIVATE KEY ----'), ssh2);
    });
    it('redacts a key inside a JSON string on one line', () => {
      gone(
        '"private_key": "-----BEGIN RSA PRIVATE KEY-----\\nMIIEpQIBAAKCAQEAn6/O8li+SX4m98LLYt/PKSzEmQ\\n-----END RSA PRIVATE KEY-----\\n"',
        'MIIEpQIBAAKCAQEAn6',
      );
    });
    it('redacts key-material lines seen without their BEGIN line', () => {
      gone('yxR5MsXFu9PRsrYQA7/4UTPHiC4y2sAVCBg4C2yyBpUEtMQjyCESi6Y9kLm3Q2x8', 'yxR5MsXFu9PRsrYQA7');
    });
    it('redacts URL credentials, user included, and keeps obvious examples', () => {
      gone('postgres://report:x9Fq2LmZ8@db.internal:5432/w', 'x9Fq2LmZ8', 'url-credentials');
      kept('postgres://user:password@localhost:5432/app');
    });
    it('redacts curl -u and mysql -p passwords', () => {
      gone('curl -u admin:Sup3rS3cr3t! https://jenkins', 'Sup3rS3cr3t!');
      gone("curl --user kevin:'pRf7vG2h1L8nQkW9' -X PATCH", 'pRf7vG2h1L8nQkW9');
      gone('mysql -h db -u root -pTr0ub4dor3x mydb', 'Tr0ub4dor3x');
      kept('curl -u "$USER:$PASS" https://x');
    });
    it('redacts signed-URL signatures and token query parameters', () => {
      gone('https://a.blob.core.windows.net/c/f?sv=2022&sig=Zk3Lm9Qx2Vb7Nc1Rt5Yu8Io4Pa6Sd0Fg%3D', 'Zk3Lm9Qx2Vb7Nc1Rt5Yu8Io4Pa6Sd0Fg');
    });
  });

  describe('personal data', () => {
    it('redacts emails, with the display name, but not reserved example domains or service addresses', () => {
      gone('Author: Mara Lindqvist <mara.lindqvist@fjordsoft.se>', 'mara.lindqvist@fjordsoft.se', 'email');
      gone('Author: Mara Lindqvist <mara.lindqvist@fjordsoft.se>', 'Mara Lindqvist', 'person-name');
      kept('contact support@example.com');
      kept('git@github.com:acme/widgets.git');
      kept('"lodash@4.17.21" icon@2x.png');
    });
    it('redacts phone numbers written as phone numbers', () => {
      gone('call +1 415-867-0173 now', '415-867-0173', 'phone');
      gone("phone = '(212) 639-0147'", '639-0147', 'phone');
      kept('const big = 1234567890123; timestamp=1709290951123');
    });
    it('redacts IPv4 and IPv6 addresses, keeping loopback, documentation ranges and versions', () => {
      gone('from 185.220.101.47 port 22', '185.220.101.47', 'ip-address');
      gone('inet6 2a02:8108:1c40:2e00:8d3:5c1f:aa21:6b0e/64', '2a02:8108:1c40:2e00:8d3:5c1f:aa21:6b0e', 'ip-address');
      kept('listen 127.0.0.1:8080; doc 192.0.2.15; Version 10.0.19045.3930');
      kept('std::vector<int> a; 12:30:45');
    });
    it('redacts Luhn-valid card numbers only', () => {
      gone('card=4539 1488 0343 6467', '4539 1488 0343 6467', 'credit-card');
      kept('order=4539 1488 0343 6468');
    });
    it('redacts user names in home-directory paths on every platform', () => {
      gone('File "/home/kpatel/etl/run.py"', 'kpatel', 'home-user');
      gone('/Users/sofia.rossi/code', 'sofia.rossi', 'home-user');
      gone('C:\\Users\\MNguyen\\source', 'MNguyen', 'home-user');
      gone('"C:\\\\Users\\\\jbauer\\\\Documents"', 'jbauer', 'home-user');
      kept('/home/runner/work/x C:\\Users\\Public\\Documents');
    });
    it("redacts the local user's own identifiers wherever they appear", () => {
      const local = createRedactor({
        key,
        localIdentifiers: {
          userName: 'qzhang',
          hostName: 'qz-thinkpad.corp.lan',
          gitName: 'Qing Zhang',
          gitEmail: 'qing@zhang.dev',
          homeDir: '/srv/home/qzhang',
        },
      });
      const text = 'by Qing Zhang (qing@zhang.dev) on qz-thinkpad as qzhang in /srv/home/qzhang/src; qing.zhang@old.job';
      const out = local.redact(text).text;
      for (const s of ['Qing Zhang', 'qing@zhang.dev', 'qz-thinkpad', 'qzhang', '/srv/home']) assert.ok(!out.includes(s), out);
      assert.ok(!out.includes('qing.zhang'), out);
    });
    it('does not apply generic local names as bare words', () => {
      const local = createRedactor({ key, localIdentifiers: { userName: 'dev', hostName: 'localhost' } });
      kept.call(null, 'npm run dev');
      assert.equal(local.redact('npm run dev on localhost').text, 'npm run dev on localhost');
    });
  });

  it('never changes the number of lines, also when a finding spans a line break', () => {
    const text =
      'a\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDAC4AWkdwKYSd8\n\n-----END PRIVATE KEY-----\nb';
    assert.equal(r.redact(text).text.split('\n').length, text.split('\n').length);
  });

  it('redacts a long value whole instead of cutting it', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const v = Array.from({ length: 6000 }, (_, i) => alphabet[(i * 7919 + (i >> 3)) % 62]).join('');
    const out = r.redact(`signature":"${v}"`).text;
    assert.ok(!out.includes(v.slice(-40)) && !out.includes(v.slice(0, 40)), out.slice(0, 80));
  });
});
