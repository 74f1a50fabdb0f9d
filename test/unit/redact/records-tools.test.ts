// Personal records as tools print them and data files hold them: tables aligned by spaces (pandas,
// SQL clients), psql's tables and expanded records, postcodes in personal records, headers in
// Cyrillic, DICOM headers, LDAP searches; addresses after their label; vehicles, machine-readable
// zones, spaced National Insurance numbers and birth words as keys.
import assert from 'node:assert/strict';
import { createRedactor } from '../../../src/redact';

const r = createRedactor({ key: new Uint8Array(32).fill(9) });

function gone(text: string, secret: string, kind?: string): void {
  const out = r.redact(text).text;
  assert.ok(!out.includes(secret), `leaked ${secret} in ${out}`);
  if (kind) assert.match(out, new RegExp(`<REDACTED:${kind}#[0-9a-f]{8}>`), out);
}
function kept(text: string, part?: string): void {
  const out = r.redact(text).text;
  if (part === undefined) assert.equal(out, text);
  else assert.ok(out.includes(part), `lost ${part} in ${out}`);
}

describe('tables as tools print them', () => {
  it('reads columns aligned by spaces, with pandas index before each row', () => {
    const df = [
      'Out[4]:',
      '                 name         dob        city',
      '0      Kwame Mensah  1987-03-14       Accra',
      '1   Ngozi Okonkwo-Eze  1991-11-02       Lagos',
    ].join('\n');
    gone(df, '1987-03-14', 'birth-date');
    gone(df, '1991-11-02', 'birth-date');
    kept(df, 'Accra');
    gone('user_id  name            date_of_birth\n4411     Zsofia Nagy     12/04/1990', '12/04/1990', 'birth-date');
  });
  it("reads psql's tables under their `----+----` rule, and a coarse postcode beside a name", () => {
    const t = [
      ' voornaam | achternaam | postcode',
      '----------+------------+----------',
      ' Maarten  | Hoff       | 1564 NA',
      ' Camille  | Lefèvre    |     1000',
    ].join('\n');
    gone(t, 'Maarten', 'person-name');
    gone(t, '1564 NA', 'street-address');
    gone(t, '1000', 'street-address');
  });
  it('keeps a coarse postcode in a table of no one (a price list by postcode)', () => {
    kept('zip,city,delivery_fee\n10115,Berlin,4.90\n80331,München,5.90');
  });
  it('reads headers in Cyrillic', () => {
    const t = 'ФИО;Телефон;Дата рождения\nДмитрий Смирнов;8 (950) 273-02-13;23.09.1964';
    gone(t, 'Дмитрий Смирнов', 'person-name');
    gone(t, '23.09.1964', 'birth-date');
  });
  it("reads psql's expanded records, key | value", () => {
    const t = [
      '-[ RECORD 1 ]----+---------------',
      'first_name       | Noa',
      'last_name        | Ben-David',
      'email            | nbendavid@yahoo.com',
      'postal_code      | 6446637',
    ].join('\n');
    gone(t, 'Noa', 'person-name');
    gone(t, 'Ben-David', 'person-name');
    gone(t, '6446637', 'street-address');
  });
  it('reads postcodes in a personal record, and keeps one that stands alone', () => {
    gone('{"name": "Chidi Okeke", "email": "c.okeke@mail.ng", "zip": "78717"}', '78717', 'street-address');
    gone('shipping:\n  name: Léa Girard\n  postal_code: "69003"\n  phone: "+33 6 48 27 19 53"', '69003', 'street-address');
    kept('{"warehouse": "north", "zip": "78717", "capacity": 1200}');
  });
});

describe('rows under a statement naming their columns, objects as printed', () => {
  it("reads pg_dump's COPY rows by its column list, and the sqlite shell's rows by its select", () => {
    const copy = [
      'COPY public.members (id, full_name, email, birth_date) FROM stdin;',
      '6694\tOlena Shevchenko\tolena@eircom.net\t2002-10-22',
      '9734\tBudi Santoso\tbudi.s@yahoo.com\t1965-02-08',
      '\\.',
    ].join('\n');
    gone(copy, '2002-10-22', 'birth-date');
    gone(copy, '1965-02-08', 'birth-date');
    const sqlite =
      'sqlite> select name, email, birthday from members limit 2;\nNiamh Ó Briain|niamh@eircom.net|1988-12-01\nTomasz Wiśniewski|tomek@wp.pl|1979-05-05';
    gone(sqlite, '1988-12-01', 'birth-date');
    gone(sqlite, '1979-05-05', 'birth-date');
    kept('sqlite> select id, release_date, title from releases;\n1|2002-10-22|First', '2002-10-22');
  });
  it("reads a user's account column beside their name, and plate and licence columns of a fleet", () => {
    const ad =
      '"SamAccountName","DisplayName","mail"\n"rfairweather","Rhys Fairweather","rf@acornlegal.co.uk"\n"svc-backup","Backup Service","backup@acornlegal.co.uk"';
    gone(ad, 'rfairweather', 'person-name');
    kept(ad, 'svc-backup');
    const fleet = 'vehicle_reg,make_model,assigned_driver,licence_no\nYR24 HSJ,Ford Transit Custom,Harriet Thistlewood,THIST761066H99UE';
    gone(fleet, 'YR24 HSJ', 'vehicle-plate');
    gone(fleet, 'THIST761066H99UE', 'driver-license');
  });
  it("reads a FHIR resource's identifiers whatever their system, and a phone posted as `%2B…` under any key", () => {
    const fhir =
      '{"resourceType": "Patient", "identifier": [{ "system": "urn:oid:1.2.208.176.1.2", "value": "1110962165" }], "gender": "female"}';
    gone(fhir, '1110962165', 'medical-record-number');
    kept(fhir, 'urn:oid:1.2.208.176.1.2');
    gone('ToCountry=US&From=%2B34698424244&Body=Hi+this+is+Borja', '%2B34698424244', 'phone');
  });
  it('reads a medical record number column', () => {
    gone('mrn,patient_name,dob,test\n03753373,Georgios Papadopoulos,03/16/1970,HbA1c', '03753373', 'medical-record-number');
  });
  it("reads an object's fields as its toString prints them, not a call's arguments", () => {
    const t = 'DataIntegrityViolationException: Contact(id=null, firstName=Rowena, lastName=Bautista, email=rb@fastmail.com)';
    gone(t, 'Rowena', 'person-name');
    gone(t, 'Bautista', 'person-name');
    kept('const c = Contact(firstName=first, lastName=last)');
  });
  it('reads a street written with its short type, `Dizengoff St 152`', () => {
    gone('street           | Dizengoff St 152, Apt 19\nemail            | nbd@yahoo.com', 'Dizengoff St 152', 'street-address');
  });
});

describe('more records as tools and files write them', () => {
  it("reads columns of fixed width under a rule of dashes (psql's `\\pset border 0`, SQL*Plus)", () => {
    const t = [
      'holder_name              id_type id_number     country',
      '------------------------ ------- ------------- -------',
      'Inês Figueiredo          NIF     144216175     PT',
      'Lucía Martínez-Sánchez   CUIL    27-75094339-5 AR',
      '(2 rows)',
    ].join('\n');
    gone(t, 'Inês Figueiredo', 'person-name');
    gone(t, '27-75094339-5', 'ar-cuit');
    kept(t, '(2 rows)');
  });
  it("reads Org-mode's credential tables under `|---+---|`, iCalendar's escaped commas and passcodes", () => {
    const org = ['| Dienst | Benutzer | Passwort |', '|--------+----------+----------|', '| Router | admin    | naïve.304ß$ |'].join('\n');
    gone(org, 'naïve.304ß$', 'password');
    const ics = 'DESCRIPTION:Join Zoom\\nPasscode: 036188\nLOCATION:Van Woustraat 355\\, 2517 AB Den Haag';
    gone(ics, '036188', 'password');
    gone(ics, '2517 AB Den Haag', 'street-address');
  });
  it("reads Ruby factories' blocks, ISO 20022 addresses, `cp` postcodes and house numbers written `2.`", () => {
    const rb = 'factory :customer do\n  last_name  { "Carvalho" }\n  email      { "jc@gmx.de" }\n  postcode   { "90570-691" }\nend';
    gone(rb, 'Carvalho', 'person-name');
    gone(rb, '90570-691', 'street-address');
    const sepa =
      '<Cdtr><Nm>Sanna Heikkinen</Nm>\n<PstlAdr><StrtNm>Hämeentie 129 A 17</StrtNm><PstCd>00462</PstCd></PstlAdr></Cdtr>\n<CdtrAcct><Id><IBAN>FI0514845729609244</IBAN></Id></CdtrAcct>';
    gone(sepa, 'Hämeentie 129 A 17', 'street-address');
    gone(sepa, '00462', 'street-address');
    gone("{ nombre: 'Ximena Castillo Vega', cp: '06700', telefono: '+52 55 1883 3105' }", '06700', 'street-address');
    gone(
      '  ship_to:\n    recipient: Nagy Zsófia\n    street: Király utca 2. 4/11\n    phone: "+36 70 634 7436"',
      'Király utca 2. 4/11',
      'street-address',
    );
  });
});

describe('DICOM headers and LDAP searches', () => {
  it("reads the patient's and physicians' tags of dcmdump and pydicom, not de-identified values", () => {
    const d = [
      '(0008,0090) PN [WEBER^THOMAS^^DR]                        #  18, 1 ReferringPhysicianName',
      '(0010,0010) PN [RUIZ DOMÍNGUEZ^ALEJANDRO]   # 24, 1 PatientName',
      '(0010,0030) DA [19771215]                                #   8, 1 PatientBirthDate',
      '(0010,0040) CS [F]                                       #   2, 1 PatientSex',
    ].join('\n');
    gone(d, 'RUIZ DOMÍNGUEZ^ALEJANDRO', 'person-name');
    gone(d, 'WEBER^THOMAS', 'person-name');
    gone(d, '19771215', 'birth-date');
    kept(d, '[F]');
    gone("(0010, 0010) Patient's Name                      PN: 'ZHAO^MIN'", 'ZHAO^MIN', 'person-name');
    kept('(0010,0010) PN [ANONYMIZED]                              #  10, 1 PatientName');
  });
  it("reads a user in ldapsearch's filter and in its comment before the entry", () => {
    const l = [
      '$ ldapsearch -x -b "ou=people,dc=corp" "(uid=pieterv)"',
      '# pieterv, people, corp.internal',
      'dn: uid=pieterv,ou=people,dc=corp,dc=internal',
      'objectClass: inetOrgPerson',
      'cn: Pieter van Wyk',
    ].join('\n');
    gone(l, 'pieterv', 'person-name');
    gone(l, 'Pieter van Wyk', 'person-name');
  });
});

describe('addresses after their label', () => {
  it('reads the address after its label in many languages, up to the places after its last number', () => {
    gone('Woonadres: Keizersgracht 236-II, 1018 VC Amsterdam', '1018 VC', 'street-address');
    gone('Adres zamieszkania: ul. Piotrkowska 10 m. 32, 90-558 Łódź', 'ul. Piotrkowska 10 m. 32', 'street-address');
    gone('Dirección: Av. Insurgentes Sur 2972, Int. 24, Col. Del Valle, C.P. 03748, CDMX', '03748', 'street-address');
    gone('Teslimat adresi: Moda Cad. No:18/3 Kadıköy İstanbul', 'Moda Cad. No:18/3', 'street-address');
    gone('Address: 88 Nguyen Hue, District 1, Ho Chi Minh City', '88 Nguyen Hue', 'street-address');
    gone('Мой адрес: г. Москва, ул. Арбат, д. 10, кв. 5', 'ул. Арбат', 'street-address');
    gone('住所：〒154-0007 東京都世田谷区太子堂3丁目3番12号', '154-0007', 'street-address');
  });
  it('reads it after a verb of living or shipping, and ends it before the sentence goes on', () => {
    const out = r.redact('Please ship it to 12 Smith St, Bondi NSW 2026 by Friday.').text;
    assert.ok(!out.includes('Bondi NSW 2026'), out);
    assert.ok(out.endsWith(' by Friday.'), out);
    gone('She lives at 42 Elm Street, Springfield.', '42 Elm Street', 'street-address');
    gone('ship_to="Bağdat Cad. No:45, 34710 Kadıköy/İstanbul"', 'Bağdat Cad. No:45', 'street-address');
  });
  it("keeps a network's, a memory's and an organisation's address, and prose after the label", () => {
    assert.ok(!r.redact('IP address: 10.0.0.12').findings.some((f) => f.kind === 'street-address'));
    kept('address: 0x7ffd5e8c1a40');
    kept('listen address: db.internal:5432');
    kept('Args:\n    address: An integer representation of an IPv4 IP address.');
    kept('Address: Free Software Foundation, Inc., 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA', 'Franklin');
    kept('The address is valid for 30 days.');
    kept('She lives in Berlin since 2019.');
  });
  it('reads the label inflected, or apart from its colon, and an address right after the word', () => {
    gone(
      'Merhaba, siparişimi şu adrese gönderebilir misiniz: Bağdat Caddesi No: 312 Daire 9, Kadıköy/İstanbul.',
      'Bağdat Caddesi No: 312',
      'street-address',
    );
    gone('Delivery failed — address 21 Jurong West Street 81, #05-330, Singapore 640021 returned', 'Singapore 640021', 'street-address');
    gone('Your address on the P45 is 14 Albion Terrace, Leeds LS6 2DQ.', 'Leeds LS6 2DQ', 'street-address');
  });
  it('reads the places between a street and its postcode on the line', () => {
    gone('address: 2-14-3 Shibuya, Shibuya-ku, Tokyo 150-0002', 'Tokyo 150-0002', 'street-address');
  });
});

describe("floods of this round's cues", () => {
  it('drops a text whose address labels or `for user` cues are packed past any document', () => {
    assert.equal(r.redact('she lives at 12 Elm Road '.repeat(3000)).dropped, true);
    assert.equal(r.redact('login for user avogel.x ok\n'.repeat(3000)).dropped, true);
    // A document's few labels stay readable.
    assert.notEqual(r.redact('Address: 12 Elm Road, Leeds LS6 2DQ\n'.repeat(20)).dropped, true);
  });
  it('takes encoded `+` numbers by shape past its validations in one call (fails closed)', () => {
    const many = Array.from({ length: 40 }, (_, i) => `From=%2B3469842${String(4000 + i)}&`).join('');
    const out = r.redact(many);
    assert.equal(out.findings.filter((f) => f.kind === 'phone').length, 40, out.text.slice(0, 200));
  });
});

describe('vehicles, machine-readable zones, spaced NI numbers, birth words as keys', () => {
  it('reads plates and VINs after their names, not years, words or registers', () => {
    gone('My car (reg GM61 YGD) was clamped outside the office.', 'GM61 YGD', 'vehicle-plate');
    gone('Kennzeichen K-KY 2456, Halterin: Annika Brandtner', 'K-KY 2456', 'vehicle-plate');
    gone('Immatriculation : AC-776-SD', 'AC-776-SD', 'vehicle-plate');
    gone('CA plate 2GBN802 – registered to Kevin Tran', '2GBN802', 'vehicle-plate');
    gone('VIN: 1HGD6GKE8SN812459', '1HGD6GKE8SN812459', 'vehicle-id');
    kept('Registration 2024 opens in May; see plate 12 in the atlas; reg EAX, 4');
  });
  it("reads a passport's machine-readable zone", () => {
    const mrz = 'P<GBRWHITFIELD<<ANNA<LOUISE<<<<<<<<<<<<<<<<<\n7367974016GBR8301046F2911191<<<<<<<<<<<<<<<8';
    gone(`Passport scan OCR:\n${mrz}`, 'WHITFIELD<<ANNA', 'passport-number');
    gone(`Passport scan OCR:\n${mrz}`, '7367974016GBR8301046F2911191', 'passport-number');
    kept('<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>');
  });
  it("reads National Insurance numbers in HMRC's spaced form among personal data, and under `ni_number`", () => {
    gone('var emp = new Employee("Olga Petrenko", "WK 36 81 39 C", "GB67MIDL51085149644128");', 'WK 36 81 39 C', 'uk-nino');
    gone('ni_number: XC030279B', 'XC030279B', 'uk-nino');
    kept('Table AB 12 34 56 C lists the ranges.');
  });
  it('reads birth words written as keys in other languages, and the date on the line after the word', () => {
    gone('fecha_nacimiento: 1990-04-12', '1990-04-12', 'birth-date');
    gone('"geb_datum": "12.04.1990"', '12.04.1990', 'birth-date');
    gone('fødselsdato: 12.04.1990', '12.04.1990', 'birth-date');
    gone('Geburtsdatum\n12.04.1990', '12.04.1990', 'birth-date');
    gone("What's your date of birth?\n> 12 April 1990", '12 April 1990', 'birth-date');
    kept('Release date\n12.04.1990');
  });
  it('reads sort codes and accounts, licences under `dl_number`, clinical record numbers in Spanish', () => {
    gone('sort code 20-99-64\nacc 82109711', '20-99-64', 'bank-account');
    gone('sort code 20-99-64\nacc 82109711', '82109711', 'bank-account');
    gone('  dl_number: W2459551\n  state: CA', 'W2459551', 'driver-license');
    gone('NHC (número de historia clínica): 5945545', '5945545', 'medical-record-number');
    kept('acc 2 of 3 done');
  });
  it("reads the answer to a birth question on the next line after its speaker's name", () => {
    gone("Pharmacist: Can you confirm the patient's date of birth?\nCaller: 05/22/1974. It's for my mother.", '05/22/1974', 'birth-date');
  });
  it("reads users as logs name them, not a system's or a service's account", () => {
    const sshd = [
      'sshd[22811]: Accepted publickey for bhaugen from 212.251.243.78 port 51234 ssh2',
      'sshd[22900]: Failed password for root from 45.1.1.1 port 22 ssh2',
      'sshd[22900]: Invalid user mkowalczyk from 45.1.1.1',
    ].join('\n');
    gone(sshd, 'bhaugen', 'person-name');
    gone(sshd, 'mkowalczyk', 'person-name');
    kept(sshd, 'for root from');
    gone('AH01617: user nguyenl: authentication failure for "/admin": Password Mismatch', 'nguyenl', 'person-name');
    gone('Login from 185.56.45.84 for user okafor.c at 03:12 UTC', 'okafor.c', 'person-name');
    kept('session opened for user www-data by (uid=0)');
    kept('Cache created for user settings at startup');
  });
  it('reads names in LaTeX, not an organisation as author', () => {
    gone('\\name{Dmitri}{Volkov}', 'Volkov', 'person-name');
    kept('\\author{The Kubernetes Authors}');
  });
  it('reads a password told by its short word, with letters, digits and a symbol', () => {
    gone('chore: rotate staging creds (new pw Meadow.Falcon87!)', 'Meadow.Falcon87!', 'password');
    kept('the new pw field is required');
    kept('my pass rate is 97 percent');
  });
  it("reads coordinates after a word for a home, and under a camel-cased key beside a person's data", () => {
    gone('Home location for Harriet: 51.42414, -2.54526', '51.42414, -2.54526', 'geo-coordinates');
    gone('自宅の座標：35.667010, 139.606270', '35.667010, 139.606270', 'geo-coordinates');
    gone(
      '/* owner Hannah Goldberg */\nstatic const double kTestLat = 40.719059;\nstatic const char *kOwnerPhone = "+61 411 592 148";',
      '40.719059',
      'geo-coordinates',
    );
    kept('home: /home/user/proj 12.34567, 3.14159');
    kept('Office location: 51.42414, -2.54526');
  });
  it('reads `first` and `last` keys in a personal record, and a licence after `DL`', () => {
    gone('{"first":"Janelle","last":"Prewitt","ssn":"345-83-6790"}', 'Prewitt', 'person-name');
    kept('{"first": "Alpha", "last": "Omega", "count": 2}');
    gone('California DL P6050784, exp 2029', 'P6050784', 'driver-license');
  });
  it('reads identity numbers after their names in Hebrew, Hindi and traditional Chinese', () => {
    gone('מספר תעודת זהות: 778988337', '778988337', 'il-id');
    gone('Applicant Liu Yuxuan, PRC ID 310104196110209050', '310104196110209050', 'cn-resident-id');
  });
});
