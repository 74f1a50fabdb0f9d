// Policy 16: tokens that are UUIDs or shaped ids where a service puts them (ping URLs, syslog's
// structured data, a relay's login), Backblaze B2's keys, a meeting's number beside its passcode,
// references kept (a store's path, a password's name, psql's variables), groups in LDIF kept, and
// the assignment's sign left in place.
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

describe('tokens shaped as UUIDs and ids where a service puts them', () => {
  it('takes a Healthchecks ping URL’s UUID, and Loggly’s customer token in syslog’s structured data and its inputs', () => {
    gone(
      '*/5 * * * * curl -fsS https://hc-ping.com/6e1b9f40-2c7d-4a58-b3e6-91d0f27c4a85 >/dev/null',
      '6e1b9f40-2c7d-4a58-b3e6-91d0f27c4a85',
      'healthcheck-ping-token',
    );
    gone(
      'string="<%pri%> %msg% [4c2e8a91-7b3f-4d06-a5c9-e18f20b6d7a3@41058 tag=\\"web\\"]"',
      '4c2e8a91-7b3f-4d06-a5c9-e18f20b6d7a3',
      'loggly-token',
    );
    gone(
      'URI /bulk/9d4f2a6c-1e8b-4c37-b0a5-f62e91d83b47/tag/bulk/ on logs-01.loggly.com/bulk/9d4f2a6c-1e8b-4c37-b0a5-f62e91d83b47/',
      '9d4f2a6c-1e8b-4c37-b0a5-f62e91d83b47',
    );
    // A UUID elsewhere in a crontab, and one before another enterprise number, stay.
    kept('# job 6e1b9f40-2c7d-4a58-b3e6-91d0f27c4a85 runs at five past', '6e1b9f40-2c7d-4a58-b3e6-91d0f27c4a85');
    kept('[4c2e8a91-7b3f-4d06-a5c9-e18f20b6d7a3@32473 origin="x"]', '4c2e8a91-7b3f-4d06-a5c9-e18f20b6d7a3');
  });

  it('takes a UUID given as a user name beside a password, not a user’s id in a record', () => {
    gone(
      'MAIL_HOST=smtp.postmarkapp.com\nMAIL_USERNAME=3f9c1e72-8a4b-4d6e-b2f1-07c9a5e3d814\nMAIL_PASSWORD=3f9c1e72-8a4b-4d6e-b2f1-07c9a5e3d814',
      '3f9c1e72-8a4b-4d6e-b2f1-07c9a5e3d814',
      'secret',
    );
    gone("'username' => '7b2e4d91-5c3a-4f80-9e16-a4d8c2b0f537',\n'password' => 'Kq8#vL2m!xZ9'", '7b2e4d91-5c3a-4f80-9e16-a4d8c2b0f537');
    unchanged('{"user": "7b2e4d91-5c3a-4f80-9e16-a4d8c2b0f537", "role": "admin", "active": true}');
  });

  it('takes Backblaze B2’s application key and its key’s id within two lines, and no hex id far from a key', () => {
    gone('b2 account authorize 0043f8a2c91d7e5b06000a1c3 K004mR7tXq2LwZ9pYc3VbN8sHd1FgJ5', '0043f8a2c91d7e5b06000a1c3', 'backblaze-key-id');
    gone(
      'b2 account authorize 0043f8a2c91d7e5b06000a1c3 K004mR7tXq2LwZ9pYc3VbN8sHd1FgJ5',
      'K004mR7tXq2LwZ9pYc3VbN8sHd1FgJ5',
      'backblaze-key',
    );
    gone(
      '[b2]\ntype = b2\naccount = 9e3a1c7f5b2d0000000004\nkey = K002Wq8nRz4TyLp6Xc1VbM9sKd3HgF7',
      '9e3a1c7f5b2d0000000004',
      'backblaze-key-id',
    );
    kept('commit 0043f8a2c91d7e5b06000a1c3\n\n\n\nkey = K004mR7tXq2LwZ9pYc3VbN8sHd1FgJ5', '0043f8a2c91d7e5b06000a1c3');
  });

  it('takes a Zoom meeting’s number beside its passcode, and after an escaped line break', () => {
    gone('Join: https://acme.zoom.us/j/83920174655?pwd=oGC7USxKLEfnjS26zlHBRX856Pcjxljb', '83920174655', 'meeting-id');
    gone('DESCRIPTION:Join\\nMeeting ID: 839 2017 4655\\nPasscode: 607188', '839 2017 4655', 'meeting-id');
    // A meeting's number with no passcode near is a calendar's, and stays.
    kept('Meeting ID: 839 2017 4655 (recurring, see the wiki)', '839 2017 4655');
    // The query's value ends at an escaped line break: the words after it stay.
    kept(
      'DESCRIPTION:Join https://acme.zoom.us/j/83920174655?pwd=oGC7USxKLEfnjS26zlHBRX856Pcjxljb\\nDial-in passcode: 946639',
      '\\nDial-in',
    );
  });

  it('takes a Twilio account’s SID where Twilio is named', () => {
    gone(
      'curl https://api.twilio.com/2010-04-01/Accounts/AC5d2e8f1a9c3b7064e2d8a1f5c9b3e7d0/Messages.json',
      'AC5d2e8f1a9c3b7064e2d8a1f5c9b3e7d0',
      'twilio-account-sid',
    );
    kept('row AC5d2e8f1a9c3b7064e2d8a1f5c9b3e7d0 in the ledger', 'AC5d2e8f1a9c3b7064e2d8a1f5c9b3e7d0');
  });
});

describe('references and look-alikes kept', () => {
  it('keeps the assignment’s sign when a password follows it', () => {
    const o = out('MAIL_PASSWORD=83a26849-3521-4b1b-aa4b-5d4180e26a9e');
    assert.match(o, /^MAIL_PASSWORD=<REDACTED:password#[0-9a-f]{8}>$/, o);
    assert.match(out('password=a3a26849'), /^password=<REDACTED:/);
  });

  it('keeps a secret store’s path, a password’s name and psql’s variables', () => {
    unchanged("smtp_password: \"{{ lookup('community.hashi_vault.hashi_vault', 'secret=kv/data/smtp:password') }}\"");
    unchanged("CREATE ROLE reporting_ro LOGIN PASSWORD :'reporting_password';");
    gone("CREATE ROLE reporting_ro LOGIN PASSWORD 'Xk29!fjw2q';", 'Xk29!fjw2q', 'password');
  });

  it('keeps the names of LDIF groups and units, and still takes people’s', () => {
    unchanged(
      'dn: cn=platform-admins,ou=Groups,dc=example,dc=org\nobjectClass: groupOfNames\ncn: platform-admins\nmember: cn=placeholder,ou=Groups,dc=example,dc=org',
    );
    gone(
      'dn: uid=hwagner,ou=People,dc=example,dc=org\nobjectClass: inetOrgPerson\ncn: Henrike Wagner\nsn: Wagner',
      'Henrike Wagner',
      'person-name',
    );
  });

  it('keeps the MAC addresses Docker’s bridge makes for containers', () => {
    kept('"MacAddress": "02:42:ac:11:00:03",', '02:42:ac:11:00:03');
    gone('wlan0: ether 3c:22:fb:9a:41:7e txqueuelen 1000', '3c:22:fb:9a:41:7e', 'mac-address');
  });
});
