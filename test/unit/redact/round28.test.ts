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
