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
