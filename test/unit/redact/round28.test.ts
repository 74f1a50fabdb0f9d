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
