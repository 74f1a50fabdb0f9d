// Personal data and credentials in prose, chats and other languages: birth dates written with
// their month's name or in CJK, passwords after their words in other languages, security codes,
// names after labels in other scripts, chats' speakers and handles, user names made of names,
// identifiers of more countries, postal lines after a street.
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

describe('birth dates in prose', () => {
  it('reads dates with their month named in nine languages, after birth words of those languages', () => {
    gone('Me llamo Rocío, nací el 21 de febrero de 1980 y vivo en Zaragoza.', '21 de febrero de 1980', 'birth-date');
    gone('Contactez Amélie Fontaine, née le 13 juillet 1994.', '13 juillet 1994', 'birth-date');
    gone('Casus mevr. De Vries (geb. 25 juli 1950, BSN volgt)', '25 juli 1950', 'birth-date');
    gone('Jörg Brandtner, geboren am 30. März 1977', '30. März 1977', 'birth-date');
    gone('Doğum tarihi: 11 Nisan 1994', '11 Nisan 1994', 'birth-date');
    gone('Fecha de nacimiento: 2 de julio de 1958', '2 de julio de 1958', 'birth-date');
  });
  it('reads Chinese, Japanese and Korean dates, the birth word before or after them', () => {
    gone('新员工入职信息：出生日期 1998年7月23日，联系电话另附', '1998年7月23日', 'birth-date');
    gone('候補者：中村 陽翔（1994年12月12日生）', '1994年12月12日', 'birth-date');
    gone('생년월일: 1990년 3월 5일', '1990년 3월 5일', 'birth-date');
  });
  it('reads the date after a quoted birth word, where the words between are no sentence', () => {
    gone('the "Date of birth" field shows 03/03/1940 but the lookup returns another', '03/03/1940', 'birth-date');
  });
  it('keeps release dates, a month in other words, and dates after no birth word', () => {
    kept('Released on 21 de febrero de 1980 in Madrid.');
    kept('The 13 juillet 1994 build is archived.');
    kept('Nato il primo rilascio: 3 marzo 2020');
    kept('发布日期 1998年7月23日');
  });
});

describe('passwords in other languages and in prose', () => {
  it('reads the value after the word for a password in other languages', () => {
    gone('- WLAN "Gaeste-OG3", Passwort: Pepper@quartz57', 'Pepper@quartz57', 'password');
    gone('mot de passe : Tulipe#Rouge88', 'Tulipe#Rouge88', 'password');
    gone('contraseña: Naranja!Azul42', 'Naranja!Azul42', 'password');
    gone('hasło: Wisla!Krakow88', 'Wisla!Krakow88', 'password');
    gone('şifre: Kartal#Mavi61', 'Kartal#Mavi61', 'password');
    gone('パスワード：Sakura#Kumo88', 'Sakura#Kumo88', 'password');
    gone('비밀번호: Hangang#Bada77', 'Hangang#Bada77', 'password');
  });
  it('reads a password told after several words (`the password for the staging box is …`)', () => {
    gone('fyi the password for the staging box is Mosaic!cobalt18 — rotating it friday', 'Mosaic!cobalt18', 'password');
  });
  it('keeps what the words say about passwords, and links', () => {
    kept('Passwort vergessen? Hier klicken: https://example.de/reset');
    kept('Das Passwort muss 12 Zeichen haben');
    kept('la contraseña es obligatoria');
  });
  it('reads passwords with spaces that end with a number, and passwords with letters past ASCII', () => {
    gone('password = "Juniper biscuit fjord 98.";', 'Juniper biscuit fjord 98.', 'password');
    gone('signing.password=Pepper walrus harbor 10.', 'Pepper walrus harbor 10.', 'password');
    gone('    postgresPassword: "über#667Øresund!"', 'über#667Øresund!', 'password');
    gone("ansible_password: 'Straße!288パスワード$'", 'Straße!288パスワード$', 'password');
    gone('  password: "UIwY3_PXC-VXhw!%"', 'UIwY3_PXC-VXhw!%', 'password');
    gone('mysql_root_password: "m,G7^Zf*P%}jckL_%gb%"', 'm,G7^Zf*P%}jckL_%gb%', 'password');
  });
  it('keeps sentences, hints, templates and references under password names', () => {
    kept('password_hint: "Mindestens 8 Zeichen."');
    kept('"extra_resolution_pass_for_module_1": "项目“{0}”中启用了键入内容的自动发现。"');
    kept('password: "%DB_PASSWORD%"');
    kept('password: "<your-password>"');
  });
  it("reads Redis's AUTH given one literal", () => {
    gone('local res, err = red:auth("sTs<c$W:ndoZ$ETuS:8>PX")', 'sTs<c$W:ndoZ$ETuS:8>PX', 'password');
    gone('await redis.auth("k9XqLm2Pz7")', 'k9XqLm2Pz7', 'password');
    kept('app.use(auth("jwt"))');
    kept('router.auth("bearer", opts)');
  });
});

describe('codes', () => {
  it("reads a card's security code and a PIN or door code after their names", () => {
    gone('card is 4049 9020 6219 6888 exp next year cvv 286', '286', 'card-security-code');
    gone('PIN: 4821', '4821', 'password');
    gone('door code is 4471#', '4471#', 'password');
  });
  it('keeps pins of hardware, years and repeated digits', () => {
    kept('set pin 13 high');
    kept('pin 2024');
    kept('the mapping 4 pin 8888');
  });
});

describe('names in other scripts, chats and user names', () => {
  it('reads a name after a label that asks for one, in other scripts', () => {
    gone('人事部\n氏名：高橋 由美子\n電話番号は別紙', '高橋 由美子', 'person-name');
    gone('이름: 박서연 / 소속: 개발팀', '박서연', 'person-name');
    gone('Ad Soyad: Elif Yıldırım\nŞehir: İzmir', 'Elif Yıldırım', 'person-name');
    gone('カード番号は別途\n名義：NAKAMURA HARUTO', 'NAKAMURA HARUTO', 'person-name');
  });
  it("reads a chat's speakers when two lines or more have one: names, handles, names in other scripts", () => {
    gone('Larissa: tentei pagar com o Elo\nLarissa: no Pix funciona normal', 'Larissa', 'person-name');
    gone('lena.vogt  11:07\nfyi the build is green\nraj.patel  11:09\nthanks', 'raj.patel', 'person-name');
    gone('최현우: 택배 주소 바뀌었어요\n최현우: 내일 받을게요', '최현우', 'person-name');
  });
  it("reads a contact's name before their number or address: two words, or a first name joined by a word", () => {
    gone('Contacts:\nWouter Claes +32 499 01 89 12\nNadia Bühlmann +41 79 160 47 14', 'Wouter Claes', 'person-name');
    gone('Per urgenze idrauliche contattare Lorenzo al +39 347 684 2881.', 'Lorenzo', 'person-name');
    // A role before a number is no one's name; the number still goes.
    const out = r.redact('Call Support at +1 415 555 2671').text;
    assert.ok(out.startsWith('Call Support at <REDACTED:phone#'), out);
  });
  it("keeps roles, labels, a grammar's rules and a form's labels", () => {
    kept('Customer: hi\nAgent: hello\nCustomer: thanks');
    kept('Note: this\nWarning: that');
    kept('comp_op: x\ncomp_iter: y\ncomp_for: z');
    kept('일시: 3월 5일\n대상: 전체\n내용: 배포');
  });
  it("reads a user name made of a person's name, and keeps service accounts and examples' first names", () => {
    gone('ansible_user: freja.mikkelsen', 'freja.mikkelsen', 'person-name');
    gone('<username>mkuehn</username>', 'mkuehn', 'person-name');
    gone('user=jvogel', 'jvogel', 'person-name');
    gone('FATAL:  password authentication failed for user "tbrandt"', 'tbrandt', 'person-name');
    gone('                  Account Name:       hana.castellanos\n', 'hana.castellanos', 'person-name');
    gone('hraman:x:1001:1001:Hari Raman,,,:/home/hraman:/bin/bash', 'Hari Raman', 'person-name');
    kept('daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin');
    for (const v of ['deploy', 'jenkins', 'postgres', 'grafana', 'ubuntu', 'svc_ansible', 'dbuser', 'fred', 'barney']) kept(`user: ${v}`);
  });
});

describe('identifiers of more countries', () => {
  it('reads masked ones alone when their check holds, and others after their names', () => {
    gone('O prestador informa CNPJ 59.500.560/0001-58.', '59.500.560/0001-58', 'br-cnpj');
    gone('fornecedor 59.500.560/0001-58 ativo', '59.500.560/0001-58', 'br-cnpj');
    gone('CUIL 27-26743421-8', '27-26743421-8', 'ar-cuit');
    gone('my Emirates ID is 784-1990-2917214-7', '784-1990-2917214-7', 'ae-emirates-id');
    gone('el timbrado falla para el RFC GOTF8307242G9, dice', 'GOTF8307242G9', 'mx-rfc');
    gone('個人番号（マイナンバー）：6190 3694 2460', '6190 3694 2460', 'jp-my-number');
    gone('python fix.py --fnr 22040164433 --keep-newest', '22040164433', 'no-fodselsnummer');
    gone('the tax ID field rejects 23140764893', '23140764893', 'de-tax-id');
  });
  it('keeps numbers whose check fails, and RFCs of the IETF', () => {
    kept('fornecedor 59.500.560/0001-59 ativo');
    kept('see RFC 7231 section 4');
    kept('my Emirates ID is 784-1990-2917214-8');
  });
});

describe('more of the same round', () => {
  it('reads the word for a password in other languages as a name in code and tables', () => {
    gone('senha = "Laranja#Verde19"', 'Laranja#Verde19', 'password');
    gone('const contrasena = "Naranja!Azul42";', 'Naranja!Azul42', 'password');
    gone('| Dienst | Benutzer | Passwort |\n|---|---|---|\n| Router | admin | Glacier.falcon8707? |', 'Glacier.falcon8707?', 'password');
    kept('const parolaChiave = lookup(word);');
  });
  it('reads a key file printed by cat, not any file', () => {
    gone('$ cat config/master.key\ne585eece01e6782a83ba6db94838c8d0', 'e585eece01e6782a83ba6db94838c8d0', 'password');
    kept('$ cat README.md\nHello world');
  });
  it("reads a vCard's telephone number of any country, and coordinates to a metre beside a person's data", () => {
    gone('BEGIN:VCARD\nN:Choi;Min-ji;;;\nTEL;TYPE=CELL:010-9896-3506\nEND:VCARD', '010-9896-3506', 'phone');
    gone('{"name": "Aoife Byrne", "email": "aoife.byrne@eircom.net", "lat": 53.349805, "lng": -6.260310}', '53.349805', 'geo-coordinates');
    kept('{"city": "Dublin", "lat": 53.349805, "lng": -6.260310}');
  });
  it('reads passports and driving licences after their names in other languages', () => {
    gone('Il mio numero di passaporto è YA1234567', 'YA1234567', 'passport-number');
    gone('permis de conduire n° 12AB34567', '12AB34567', 'driver-license');
    gone('rijbewijs 5123456789', '5123456789', 'driver-license');
  });
});

describe('addresses in other scripts', () => {
  it('reads Korean, Japanese and Chinese addresses by their administrative parts, and Greek and Russian streets', () => {
    gone('| Home | 서울특별시 마포구 월드컵북로 396, 1203호 |', '월드컵북로 396', 'street-address');
    gone('住所：東京都世田谷区三軒茶屋2-14-7 グランドメゾン305\n電話', '三軒茶屋2-14-7', 'street-address');
    gone('住址 广东省深圳市南山区科技园南路16号3栋1202', '科技园南路16号', 'street-address');
    gone('διεύθυνση: Οδός Ερμού 45, 10563 Αθήνα.', 'Ερμού 45', 'street-address');
    gone('адрес: ул. Тверская, д. 7, кв. 12', 'Тверская, д. 7', 'street-address');
  });
  it('keeps place names without a street', () => {
    kept('東京都の天気は晴れ');
    kept('北京市发布新规');
  });
});

describe('postal lines after a street', () => {
  it('reads the postcode and town after a street, on its line or the next', () => {
    gone('Annika Wübbenhorst\nAm Kirchplatz 3\n26603 Aurich\n\nSehr geehrte Damen und Herren', '26603 Aurich', 'street-address');
    gone('location = "Via Roma 164, 10123 Torino"', '10123 Torino', 'street-address');
  });
  it('keeps a postcode and town with no street before them', () => {
    kept('Our office moved to 10123 Torino last year.');
  });
});
