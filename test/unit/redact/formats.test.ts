// Formats read by their structure or their tool: records (vCard, HL7, X12), service configuration
// and terminal output, identifiers in tables and objects, keys written as bytes.
import assert from 'node:assert/strict';
import { createRedactor } from '../../../src/redact';

const r = createRedactor({ key: new Uint8Array(32).fill(9) });

function gone(text: string, secret: string, kind?: string): void {
  const out = r.redact(text).text;
  assert.ok(!out.includes(secret), `leaked ${secret} in ${out}`);
  if (kind) assert.match(out, new RegExp(`<REDACTED:${kind}#[0-9a-f]{8}>`), out);
}
function kept(text: string): void {
  assert.equal(r.redact(text).text, text);
}

describe('records read by their structure', () => {
  it('reads a vCard: the name parts, the formatted name, the street, its label and the home coordinates', () => {
    const card = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Thijs Visser',
      'N:Visser;Thijs;;;',
      'EMAIL;TYPE=INTERNET,HOME:thijs_visser@xs4all.nl',
      'ADR;TYPE=home;LABEL="Laan van Meerdervoort 87-II\\n2540 EZ Den Haag":;;Laan van Meerdervoort 87-II;Den Haag;;2540 EZ;',
      'GEO:geo:52.375495,4.891612',
      'END:VCARD',
    ].join('\n');
    const out = r.redact(card).text;
    for (const s of ['Thijs Visser', 'Visser;Thijs', 'thijs_visser@xs4all.nl', 'Laan van Meerdervoort 87-II', '52.375495'])
      assert.ok(!out.includes(s), `${s} in ${out}`);
    // The city and the country are no one's; the postcode goes with the street (policy 9); a template's stand-ins stay.
    assert.ok(out.includes(';Den Haag;;<REDACTED:street-address#'), out);
    assert.ok(!out.includes(';2540 EZ;'), out);
    kept('BEGIN:VCARD\nN:<Last>;<First>;;;\nFN:{{name}}\nADR;TYPE=HOME:;;<street>;<city>;;;\nEND:VCARD');
  });

  it('reads HL7 segments: the patient identifier, name, birth date, street, phone and SSN; a doctor by name', () => {
    const msg =
      'MSH|^~\\&|EPIC|STMARY|LAB|STMARY|20240312084511||ADT^A01|MSG847120|P|2.5.1\r' +
      'PID|1||23777948^^^STMARY^MR||KOWALCZYK^BRANDON^A||19691214|M|||1432 MAPLE RIDGE DR^^PORTLAND^OR^97206||(646) 318-4364|||S||2377794801|188-63-4673\r' +
      'PV1|1|I|4W^412^B||||151357^ADEYEMI^KOLA^^^DR';
    const out = r.redact(msg).text;
    for (const s of ['23777948', 'KOWALCZYK^BRANDON', '19691214', '1432 MAPLE RIDGE DR', '318-4364', '188-63-4673', 'ADEYEMI^KOLA'])
      assert.ok(!out.includes(s), `${s} in ${out}`);
    // The message header, the authority, the city and the doctor's identifier stay.
    assert.ok(out.startsWith('MSH|^~\\&|EPIC|STMARY|LAB|STMARY|20240312084511||ADT^A01|MSG847120|P|2.5.1\r'));
    assert.ok(out.includes('^^^STMARY^MR') && out.includes('^^PORTLAND^OR^97206') && out.includes('|151357^'));
  });

  it('reads X12 segments of a member: name, SSN, phone, street and date of birth; other segments stay', () => {
    const edi =
      'INS*Y*18*021*28*A***FT~\nREF*0F*457996343~\nNM1*IL*1*KOWALCZYK*SHANNON****34*457996343~\nPER*IP**HP*5126269187~\nN3*5684 BIRCHWOOD CT~\nN4*PORTLAND*OR*97222~\nDMG*D8*19930320*F~';
    const out = r.redact(edi).text;
    for (const s of ['457996343', 'KOWALCZYK*SHANNON', '5126269187', '5684 BIRCHWOOD CT', '19930320'])
      assert.ok(!out.includes(s), `${s} in ${out}`);
    assert.ok(out.includes('INS*Y*18*021*28*A***FT~') && out.includes('N4*PORTLAND*OR*97222~'));
    // An organisation (entity type 2) is no person.
    kept('NM1*PR*2*ACME HEALTH PLAN*****PI*842610001~');
  });

  it('reads payment-card track data: the number (Luhn-checked) and the cardholder', () => {
    gone('DE045 B5365141846249472^HOLLOWAY/RUTH^2812201000000000000000000', 'HOLLOWAY/RUTH', 'person-name');
    gone('DE045 B5365141846249472^HOLLOWAY/RUTH^2812201000000000000000000', '5365141846249472', 'credit-card');
    // Without a valid number no track: the number stays (the name is still read, as airlines write names).
    const out = r.redact('B5365141846249473^HOLLOWAY/RUTH^2812201000000000000000000').text;
    assert.ok(out.startsWith('B5365141846249473^<REDACTED:person-name#'), out);
  });
});

describe('service configuration and terminal output', () => {
  it('reads HAProxy, JAAS, Samba, Postfix and directive files', () => {
    gone('listen stats\n    stats auth admin:St4tsP4ge', 'St4tsP4ge', 'password');
    gone('userlist partners\n    user partner insecure-password p4rtner-Insecure-pw', 'p4rtner-Insecure-pw', 'password');
    gone(
      'KafkaServer {\n  org.apache.kafka.common.security.plain.PlainLoginModule required\n  user_connect="c0nnect-W0rker#9";\n};',
      'c0nnect-W0rker#9',
    );
    gone("smbclient //nas01/media -U 'WORKGROUP\\media%Granite#Velvet87'", 'Granite#Velvet87', 'password');
    gone('[smtp.sendgrid.net]:587 apikey:SG.bm90IGEga2V5IGF0IGFsbA', 'SG.bm90IGEga2V5IGF0IGFsbA');
    gone(
      'account work\nhost           smtp.office365.com\nport           587\npassword       Bu1ld Rep0rts 2024!',
      'Bu1ld Rep0rts 2024!',
      'password',
    );
    // A service's port, a member in prose and a stats page's path are no values.
    kept('kpasswd\t\t464/tcp\nkpasswd\t\t464/udp\nsubmissions\t465/tcp');
    kept('        self.password to be set.\n        challenge = None');
    kept('    stats uri /stats\n    stats refresh 10s');
  });

  it('reads a value echoed into a credential file and the line a secret-reading command printed', () => {
    gone("$ echo 'copper-pebble-quartz-juniper-05' > .vault_pass && chmod 600 .vault_pass", 'copper-pebble-quartz-juniper-05', 'password');
    kept("$ echo 'release notes updated' > CHANGES.txt");
    gone(
      "$ kubectl get secret redis-auth -o jsonpath='{.data.redis-password}' | base64 -d\nf6chsMKbpKtQsSG3(Sa=rNxh\n$ ls",
      'f6chsMKbpKtQsSG3(Sa=rNxh',
    );
    gone('$ vault kv get -field=password secret/db\nW9#rkq2mVtL0\n$', 'W9#rkq2mVtL0');
    // A command that decodes no secret prints its own output.
    kept('$ cat notes.b64 | base64 -d\nmeeting moved to Thursday');
  });

  it("reads a debugger's string after its pointer, credentials decoded from base64, and keys beside their AWS key id", () => {
    gone('  password = 0x55d1c300 "nHG9J8Zn37#aAmIBkwES", heartbeat = 30', 'nHG9J8Zn37#aAmIBkwES', 'password');
    const basic = Buffer.from('kestrel-ci:ghp_wjjbmhvZPPHdlmsSJhpXwluNLC4GKfn6ufQL').toString('base64');
    gone(`{"auths":{"ghcr.io":{"auth":"${basic}"}}}`, basic, 'secret');
    gone(`echo ${Buffer.from('deploy:Tr0ub4dor&3').toString('base64')} | base64 -d`, Buffer.from('deploy:Tr0ub4dor&3').toString('base64'));
    kept(`x = '${Buffer.from('hello:world').toString('base64')}'`);
    gone(
      'AKIAIZETZVN2WTUB4SIE:ICItuaO8SDgAOrYoYBn0hh9DxkVkgp9ZHxYQ6qK0/azZ',
      'ICItuaO8SDgAOrYoYBn0hh9DxkVkgp9ZHxYQ6qK0/azZ',
      'aws-secret-key',
    );
    gone(
      '"05607fbe36ab4a857a096a1904f6778a-02b4bbed-8129b509".to_owned(),',
      '05607fbe36ab4a857a096a1904f6778a-02b4bbed-8129b509',
      'mailgun-key',
    );
    gone(
      'curl "https://api.openweathermap.org/data/2.5/weather?q=Rotterdam&appid=28ce845a8d6d9897c8ae109de306e74a"',
      '28ce845a8d6d9897c8ae109de306e74a',
    );
    kept('https://www.facebook.com/dialog/feed?app_id=145634995501895&display=popup');
  });

  it('reads key bytes under a key-named declaration within the three lines above, and keeps tables and public keys', () => {
    const go =
      'var aesKey = []byte{\n\t0x11, 0xdd, 0x98, 0xd8, 0xfa, 0xbd, 0x2c, 0x3d,\n\t0xbb, 0x73, 0x4c, 0xd9, 0x24, 0xee, 0xb0, 0x59,\n}';
    gone(go, '0x11, 0xdd, 0x98, 0xd8', 'secret');
    gone(go, '0xbb, 0x73, 0x4c, 0xd9', 'secret');
    kept('static const uint8_t sbox[16] = {\n    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5,\n};');
    kept('const uint8_t ed25519_public_key[32] = {\n  0x3d, 0x40, 0x17, 0xc3, 0xe8, 0x43, 0x89, 0x5a,\n};');
  });
});

describe('identifiers and personal data in data files', () => {
  it('reads birth dates past markup and code, compact, camel-cased and in lists', () => {
    gone('<dateOfBirth>1970-12-02</dateOfBirth>', '1970-12-02', 'birth-date');
    gone('.birthDate(LocalDate.of(1979, 3, 4))', '1979, 3, 4', 'birth-date');
    gone('birth_date { year: 1959 month: 10 day: 5 }', 'year: 1959 month: 10 day: 5', 'birth-date');
    gone('<geboortedatum>19751228</geboortedatum>', '19751228', 'birth-date');
    gone('<key>UserBirthday</key>\n  <date>1962-03-08T00:00:00Z</date>', '1962-03-08', 'birth-date');
    gone('nascita = as.Date(c("2000-02-10", "1968-11-05"))', '1968-11-05', 'birth-date');
    kept('the birth of the 2019-04-01 release');
    kept('dob = new Date(2020, 1, 1)');
  });

  it('reads the columns of a table by their names: phone numbers, NHS and NI numbers, sort codes, accounts, names with notes', () => {
    const csv = 'name,email,mobile\nAnn Lee,ann@x.se,076-607 66 17';
    gone(csv, '076-607 66 17', 'phone');
    const clinic = 'mrn,nhs_number,dob\nMRN7032022,943 476 5919,09/02/1990';
    gone(clinic, '943 476 5919', 'nhs-number');
    const payroll = 'employee_id,ni_number,sort_code,account_no\nE7077,AB123456C,70-98-52,53239024';
    for (const s of ['AB123456C', '70-98-52', '53239024']) gone(payroll, s);
    const users = 'First Name [Required],Last Name [Required],Email Address [Required]\nBram,Bakker,bram@helix-labs.de';
    gone(users, 'Bakker', 'person-name');
    const licences = 'state,license_number,dob\nCA,K3494176,03/14/1969\nFL,B890-963-66-233-8,12/06/1992';
    gone(licences, 'K3494176', 'driver-license');
    gone(licences, 'B890-963-66-233-8', 'driver-license');
    gone('mrn,dob,postcode\nMRN7032022,09/02/1990,M20 4WJ', 'M20 4WJ', 'street-address');
    gone('"card": { "number": "4929 7702 3154 6613", "holder": "YUKI NAKAMURA" }', 'YUKI NAKAMURA', 'person-name');
    // A column's cell that is no such value stays; a coarse postcode (a US ZIP) stays.
    kept('id,mobile,status\n1,n/a,active');
    kept('city,postcode,count\nPortland,97206,12');
  });

  it('reads names in objects, builders and entity-named keys, and identifiers under general words', () => {
    gone('{ "name": { "first": "Omar", "last": "Haddad" }, "dob": "1980-01-02" }', 'Omar', 'person-name');
    gone('Customer.builder()\n  .firstName("Giacomo")\n  .lastName("Ricci")', 'Giacomo', 'person-name');
    gone(
      'Customer(customerName = "Anna Berg", customerEmail = "a@b.se", customerStreet = "Kastanienweg 79a")',
      'Kastanienweg 79a',
      'street-address',
    );
    gone('"passport": { "number": "W5653707", "country": "AE" }', 'W5653707', 'passport-number');
    gone("nationalId: '6485 6666 2295',", '6485 6666 2295', 'in-aadhaar');
    gone('id_number="746101690"', '746101690', 'il-id');
    gone('IRD number: 115-809-032', '115-809-032', 'nz-ird');
    gone('PPSN: 8212543Q', '8212543Q', 'ie-ppsn');
    kept('const idNumber = 42;');
  });

  it('reads streets of many countries and forms, ended by a quote or a record separator', () => {
    for (const [text, street] of [
      ['Götgatan 12, Malmö', 'Götgatan 12'],
      ['"Oosterstraat 501-II"', 'Oosterstraat 501'],
      ['Karl-Liebknecht-Straße 70', 'Karl-Liebknecht-Straße 70'],
      ['Eppendorfer Weg 1a, 22081 Hamburg', 'Eppendorfer Weg 1a'],
      ['"12/221 Merthyr Road"', '221 Merthyr Road'],
      ['ship to 904 W 4th Ave, Seattle', '904 W 4th Ave'],
      ['ul. Piotrkowska 102/4', 'Piotrkowska 102'],
      ['Laan van Meerdervoort 87-II', 'Meerdervoort 87'],
      ['308 Haeundaehaebyeon-ro, 1308-ho', 'Haeundaehaebyeon-ro'],
    ])
      gone(text, street, 'street-address');
    kept('Release 2019 Main Road Map');
    kept('see section 4 Street Fighter');
  });

  it('reads names with accents and Irish particles, after titles with initials', () => {
    gone('Élodie Rousseau joined', 'Élodie Rousseau', 'person-name');
    gone('Zeynep Çelik and', 'Zeynep Çelik', 'person-name');
    gone('assignee: Ingrid Ó Briain', 'Ingrid Ó Briain', 'person-name');
    gone('seen by Dr. J. R. Okafor today', 'Okafor', 'person-name');
    kept('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1)');
  });
});
