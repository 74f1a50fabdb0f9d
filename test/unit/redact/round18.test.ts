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
  it('reads a password glued to `password=` that starts with a sigil, not code', () => {
    gone('$ psql "host=pg.internal user=auditor password=@zVWwFYP#0aTxz sslmode=require"', '@zVWwFYP#0aTxz', 'password');
    unchanged('password = @Value("x")');
  });

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

describe('credentials in more of the forms code and tools give them', () => {
  it('reads a value past Rust’s and C++’s types and out of a constructor that only wraps it', () => {
    gone('const SMTP_PASS: &str = "zkSaimVrq4qPgP28";', 'zkSaimVrq4qPgP28', 'password');
    gone('static API_KEY: &\'static str = "Vq7mX2pLk9RtZ4wN8sHd";', 'Vq7mX2pLk9RtZ4wN8sHd', 'secret');
    gone('let smtp_pass: String = String::from("zkSaimVrq4qPgP28");', 'zkSaimVrq4qPgP28', 'password');
    // A call that transforms its argument is no wrapper: its literal is not the value.
    kept('let token = hash("zkSaimVrq4qPgP28");', 'zkSaimVrq4qPgP28');
  });

  it('reads a password in a row of a table of names and values, in any language', () => {
    gone('| ホスト | stg-db01.naibu.local |\n| ユーザー | kanri |\n| パスワード | WWfTeoKYdDPN |', 'WWfTeoKYdDPN', 'password');
    gone('| Admin password | `Xk29!fjw2q` |', 'Xk29!fjw2q', 'password');
    unchanged('| Password | Description |\n|---|---|\n| password | string |\n| Password | see vault |\n| Password | ${DB_PASS} |');
  });

  it('reads a literal on the line under a comment that names a password', () => {
    gone('// veritabanı şifresi (canlı ortam)\nconst s = "QNfqLcGMvzzQGs";', 'QNfqLcGMvzzQGs', 'password');
    gone('# hasło do serwera kopii zapasowych\nH="DgY6BGALv8Mu2"', 'DgY6BGALv8Mu2', 'password');
    unchanged('// password field\nconst label = "PasswordInput";');
  });

  it('reads Oracle’s user/password@database and a Windows share’s password after a variable', () => {
    gone('sqlplus -s gl_extract/"Pg3nfxuTDy4mm"@ora-gl01:1521/GLPROD <<EOF', 'Pg3nfxuTDy4mm', 'password');
    gone('SQL> conn scott/Tiger42x@orcl', 'Tiger42x', 'password');
    gone('net use S: %SHARE% /user:CORP\\scanner ph7aMH%%jACX6h /persistent:no', 'ph7aMH%%jACX6h', 'password');
    unchanged('sqlplus / as sysdba');
  });

  it('reads an API key’s id given as a user name beside its secret, not a user name with a year', () => {
    gone(
      'sasl.username=A1RZOUNMTM2B8M6U\nsasl.password=mAaqtT1jJxV9P2fnP0YljlBiZpqAQ7qjnKlY3q5LIrqYjPcp87ESf9vY',
      'A1RZOUNMTM2B8M6U',
      'secret',
    );
    gone('plivo.RestClient(auth_id="MAYGKU35MI4O573A6843", auth_token="jHVMSy7DHhgkBlA60PlJ0210rLmwISdAjH6AY9b4")', 'MAYGKU35MI4O573A6843');
    kept('username: ADMINISTRATOR2024X\npassword: Hunter2!x', 'ADMINISTRATOR2024X');
  });

  it('reads Zapier’s catch hooks, Honeycomb’s header, a secret named for what it signs and WordPress’s keys', () => {
    gone('ZAPIER_LEAD_HOOK=https://hooks.zapier.com/hooks/catch/44645854/sv4jua2/', 'sv4jua2', 'webhook-token');
    gone('headers:\n  x-honeycomb-team: oTTxkggW2qC5hH329zSSSV', 'oTTxkggW2qC5hH329zSSSV', 'honeycomb-key');
    gone('WOMPI_INTEGRITY_SECRET=prod_integrity_Tb4istIzNoyUSMZFWZRZp76ccLwQW9IM', 'Tb4istIzNoyUSMZFWZRZp76ccLwQW9IM', 'secret');
    gone("define( 'AUTH_KEY', 'GQ<lY=M}9,U>T1PCg5Jxl=f8R#[c}.z<F<-r/eiCOolV4&QSABf*FJ6SM={A3!!(' );", 'T1PCg5Jxl', 'secret');
    kept("api_key = '<your api key>'", '<your api key>');
    kept('integrity: sha512-Tb4istIzNoyUSMZFWZRZp76ccLwQW9IMTb4istIzNoyUSMZFWZRZp76ccLwQW9IM==', 'sha512-Tb4ist');
  });

  it('keeps the name a token is glued to by `=`', () => {
    assert.match(out('SHOPIFY_ADMIN_TOKEN=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'), /^SHOPIFY_ADMIN_TOKEN=<REDACTED:/);
    assert.match(
      out('PAYPAL_CLIENT_SECRET=E_sD8tOtWPX--q3YeJdj9Hdz8kr3HVZqDYUVZVCwgKwTAU0tdAgj-1rvdr6G3'),
      /^PAYPAL_CLIENT_SECRET=<REDACTED:/,
    );
  });

  it('keeps hashes: detect-secrets’ baseline and a digest printed under the call that made it', () => {
    unchanged('      "hashed_secret": "ac4ae97285c19b13201deb9b192d921316db3447",');
    unchanged(">>> hashlib.sha256(b'hello world').hexdigest()\n'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9'");
    gone("API_TOKEN=\n'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9'", 'b94d27b9934d3e08a52e');
  });
});

describe('names alone and in other writings', () => {
  it('reads a given name alone where its sentence addresses, credits or relates someone', () => {
    gone('Not yet. Ask Priscila, she was in the room.', 'Priscila', 'person-name');
    gone('git log shows 14 commits by Maciej.', 'Maciej', 'person-name');
    gone('Give Hemi a call on Monday.', 'Hemi', 'person-name');
    gone('Our daughter Isla was born on the 2nd of February.', 'Isla', 'person-name');
    gone('it was Wayan Sudarsana and his cousin Ketut who restored it', 'Ketut', 'person-name');
    // Tools, assistants and publishers are not people; nor a word beside another capitalised one.
    unchanged('Ask Alexa for the weather. Built with Hugo. Published by O’Reilly. Tested with Tsan.');
    unchanged('Give Chrome a try; the son Of a gun.');
  });

  it('reads a given name starting a sentence before a verb, not a place or a word before a noun', () => {
    gone('3. Hiring — Emeka will run the system-design loop.', 'Emeka', 'person-name');
    gone('- Théo signale que la migration retarde la livraison.', 'Théo', 'person-name');
    unchanged('Deploy notes: Docker will restart the container.');
  });

  it('reads a name’s other writing in brackets, and a nickname before a full name in brackets', () => {
    gone('Guest: Liu Yang (刘洋), Room 1207', '刘洋', 'person-name');
    gone('担当者：佐藤 美咲（さとう みさき）', 'さとう みさき', 'person-name');
    gone('Chuy (Jesús Alvarado Ibarra) dice que el endpoint responde', 'Chuy', 'person-name');
    unchanged('Install Python (Windows) first.');
  });

  it('reads names after in-whose-name cues and holders’ labels, and family names after Le and La', () => {
    gone('Il citofono è a nome Colombo-Ferri.', 'Colombo-Ferri', 'person-name');
    gone('Titular da linha: Mariana Quaresma', 'Mariana Quaresma', 'person-name');
    gone('conducteur habituel : Yannick Le Gall', 'Le Gall', 'person-name');
    unchanged('Le Mans and Museo Del Prado');
  });

  it('reads Greek names by their family names’ endings, and Thai names set apart from คุณ', () => {
    gone('Η κυρία Ευανθία Παπαδοπούλου-Κάρρα θα μιλήσει στην ημερίδα.', 'Παπαδοπούλου-Κάρρα', 'person-name');
    gone('ระบบ: ลูกค้า คุณ สมศรี ทองประเสริฐ ยกเลิกคำสั่งซื้อ', 'ทองประเสริฐ', 'person-name');
    unchanged('คุณ สามารถ ทำได้');
    unchanged('Η Τράπεζα Πειραιώς');
  });
});

describe('identifiers and addresses in more of their forms', () => {
  it('reads a Turkish identity number after `tc=`, a Czech birth number alone with its slash, and Colombia’s NIT', () => {
    gone('[ORDER 771204] tc=70995882660 tel=+905421048459', '70995882660', 'tr-tckn');
    gone('// reproduce with the real RC:\n//   610208/3560', '610208/3560', 'cz-birth-number');
    gone('NIT: 070.610.278-2 (persona natural)', '070.610.278-2', 'co-nit');
    // A check digit that fails, and a number after `etc` or in a path, stay.
    kept('see commit 123456/7890 now', '123456/7890');
    kept('etc: 70995882660', '70995882660');
  });

  it('reads Turkish street addresses with their flat and postcode', () => {
    gone('Teslimat adresi:\nBağdat Cad. No: 214 D: 9\n34728 Kadıköy / İstanbul', 'Bağdat Cad. No: 214', 'street-address');
    gone('adres="Bağdat Cd. No:214 D:7, Kadıköy/İstanbul"', 'Bağdat Cd. No:214 D:7', 'street-address');
  });

  it('reads German and French patients’ and cases’ numbers', () => {
    gone('Patientennummer (PID) 43809588, Fall-Nr. 2024-620740', '43809588', 'medical-record-number');
    gone('Patientennummer (PID) 43809588, Fall-Nr. 2024-620740', '2024-620740', 'medical-record-number');
    gone('Patient : M. Karim Bensaïd, IPP 367520148, né le 2 février 1958.', '367520148', 'medical-record-number');
    unchanged('Die Patienten 12345 warten');
  });

  it('reads an e-mail address spelled out, and a phone’s advertising id', () => {
    gone('contact me at ana dot lucia dot ferreira at gmail dot com, not the old one', 'ferreira', 'email');
    gone('write to jdoe42 at gmail dot com', 'jdoe42', 'email');
    unchanged('look at google dot com for it');
    gone('{"user_id":"u_88213","idfa":"2BF24B13-C632-4E53-B728-078B2FC5583C"}', '2BF24B13-C632-4E53-B728-078B2FC5583C', 'device-id');
  });
});

describe('columns, records and prose passwords; ids and defaults kept', () => {
  it('reads a card holder’s name as cards emboss it, a surname after a particle, and an LDIF employee number', () => {
    gone(
      "INSERT INTO payment_methods (customer_id, brand, pan, holder)\nVALUES (55012, 'visa', '4147098568721658', 'HEMI TE RANGI');",
      'HEMI TE RANGI',
      'person-name',
    );
    gone(
      'customer_id,first_name,last_name,email\n48113,Nurul Aisyah,binti Rahman,nurulaisyah.r@yahoo.com.my',
      'binti Rahman',
      'person-name',
    );
    gone('dn: uid=lwroblewski,ou=Staff,dc=example,dc=pl\nemployeeNumber: 60082437370', '60082437370', 'id-number');
  });

  it('reads a password after `pass` in prose, not the verb', () => {
    gone('host 143.2.128.158 user ubuntu pass Tundra_velvet0643!', 'Tundra_velvet0643!', 'password');
    unchanged('make sure tests pass before merge');
  });

  it('keeps Stripe’s objects’ ids, a Secret’s key name and a tool’s default login', () => {
    unchanged('charge = "ch_3prNsK8HptPU4nDE6GPQxgrT"; invoice in_c6Dfu6Eaq1T6UzyiCH2GZoMA paid');
    unchanged('  existingSecret: my-secret\n  password: "admin-password"');
    unchanged('DATABASE_URL=postgres://postgres:postgres@localhost:5432/app');
    gone('postgres://app:Xk29fjw2q@db:5432/appdb', 'Xk29fjw2q', 'url-credentials');
    gone('STRIPE_KEY=sk_live_51HqLyjWDarjtT1zdp7dcXYZ', 'sk_live_51HqLyjWDarjtT1zdp7dcXYZ');
  });
});

describe('health insurance numbers, particles after titles, honorifics in lower case', () => {
  it('reads German health insurance numbers and a family name that starts with a particle after a title', () => {
    gone('Health insurance number (KVNR): G190925363', 'G190925363', 'medical-record-number');
    gone('   Krankenversichertennummer: K934755674', 'K934755674', 'medical-record-number');
    gone('Sehr geehrter Herr Dr. von Hagenbeck-Wöhrle,', 'Hagenbeck-Wöhrle', 'person-name');
  });

  it('reads a name in lower case before a Japanese honorific in chat', () => {
    gone('[14:02] miyu: sasaki-san said the build is fine on her mac', 'sasaki', 'person-name');
    unchanged('run the make-san target');
  });
});
