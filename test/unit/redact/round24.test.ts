// Policy 22: names under a form's labels of two words and in capitals under a plain `name`, and
// what round 24's probe sets showed.
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

describe("a form's labels of two words", () => {
  it('reads capitals under `Full name:`, `Given names:` and `Last name:` as under their keys', () => {
    gone('Full name: OKONKWO CHIDI', 'OKONKWO CHIDI', 'person-name');
    gone('Passport application\n  Given names: TEMITOPE GRACE', 'TEMITOPE GRACE', 'person-name');
    gone('First name: MARIA\nLast name: GARCIA LOPEZ', 'GARCIA LOPEZ', 'person-name');
    gone('{"Full name": "KANG MINJUN"}', 'KANG MINJUN', 'person-name');
  });
  it('keeps a label that names no person, and a value that is no name', () => {
    kept('Company name: ACME CORP', 'ACME CORP');
    kept('Full name: THE BUILD', 'THE BUILD');
  });
});

describe('capitals under a plain name key', () => {
  it('takes two words or more among other personal data', () => {
    gone('NAME: MARIA GARCIA LOPEZ\nEMAIL: mgl@correo.es', 'MARIA GARCIA LOPEZ', 'person-name');
    gone('{"name":"KANG MINJUN","email":"kmj@naver.com"}', 'KANG MINJUN', 'person-name');
  });
  it("keeps an organisation's or a system's name, among other personal data", () => {
    kept('{"name":"ACME CORP","email":"sales@acme.io"}', 'ACME CORP');
    kept('name: API GATEWAY\nemail: ops@corp.io', 'API GATEWAY');
  });
});

describe('a passphrase of plain words', () => {
  it('takes three to six words under a password name, capitalised first or ending with a mark', () => {
    gone('#define WIFI_PSK       "Banjo ember banjo?"', 'Banjo ember banjo?', 'password');
    gone('wifi_password = "Sunny days ahead!"', 'Sunny days ahead!', 'password');
    gone('wpa_passphrase=Banjo ember banjo', 'Banjo ember banjo', 'password');
  });
  it('keeps a label, a message and a hint', () => {
    kept('password = "Please enter your password"', 'Please enter your password');
    kept('password: Keep me signed', 'Keep me signed');
    kept('password_label = "Show hidden characters"', 'Show hidden characters');
    kept('PASSWORD_HINT="Your favourite pet"', 'Your favourite pet');
  });
});
