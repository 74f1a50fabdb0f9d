// Policy 28: what round 30's probe sets showed.
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

describe('values read in views that decode them', () => {
  it('reads URL-encoded values, a form body with `+` for spaces, and keys in brackets', () => {
    const form =
      'card%5Bnumber%5D=4539148803436467&card%5Bcvc%5D=549&card%5Bname%5D=Ho%C3%A0ng+Qu%E1%BB%91c+B%E1%BA%A3o&card%5Bzip%5D=42752';
    gone(form, 'Ho%C3%A0ng+Qu%E1%BB%91c+B%E1%BA%A3o', 'person-name');
    gone(form, '549', 'card-security-code');
    gone('GET /api/v1/users?search=profile.lastName+eq+%22Valc%C3%A1rcel%22', 'Valc%C3%A1rcel', 'person-name');
    kept('https://example.org/docs/Getting%20Started%20Guide.pdf', 'Getting%20Started%20Guide.pdf');
  });
  it('reads \\u escapes and character references past ASCII, not a regular expression of ranges', () => {
    gone(
      '{"customer_id": 68629, "name": "\\u0938\\u094d\\u0928\\u0947\\u0939\\u093e \\u0924\\u094d\\u0930\\u093f\\u092a\\u093e\\u0920\\u0940", "tier": "gold"}',
      '\\u0938\\u094d\\u0928\\u0947\\u0939\\u093e',
      'person-name',
    );
    gone('<contact><displayName>Kaan Y&#305;ld&#305;r&#305;m</displayName></contact>', 'Y&#305;ld&#305;r&#305;m', 'person-name');
    const regex = 'const HTTP_QUOTED_STRING_TOKENS = [/^[\\u0009\\u0020-\\u007E\\u0080-\\u00FF]]+$/u';
    assert.equal(out(regex), regex);
  });
  it('reads both sides of a word diff', () => {
    const t = 'mysql_root_password: [-1M1vaF2/LQz$UcocB-]{+gAZ2FRL%gAGR9oF9+}\nbackup_bucket: s3://backups-us-prod';
    gone(t, '1M1vaF2/LQz$UcocB', 'password');
    gone(t, 'gAZ2FRL%gAGR9oF9');
    kept(t, 'backup_bucket: s3://backups-us-prod');
  });
  it("reads a CSV cell's JSON with its quotes doubled", () => {
    gone('e16a,2024-08-13T09:54:00Z,"{""name"":""王子涵"",""email"":""zihan.wang@qq.com""}"', '王子涵', 'person-name');
  });
  it('reads digits of other scripts as ASCII ones', () => {
    gone('মোবাইল: ০১৬০০-৬৪৯৫২৫', '০১৬০০-৬৪৯৫২৫', 'phone');
    gone('لطفاً با شماره ۰۹۱۲ ۳۵۱ ۳۴۳۱ تماس بگیرید', '۰۹۱۲ ۳۵۱ ۳۴۳۱', 'phone');
  });
});

describe('personal data in more places', () => {
  it("reads a filter's or a comparison's quoted value under a name's key", () => {
    gone('filter: lastName eq "Przybylski"', 'Przybylski', 'person-name');
    gone('if user.last_name == "Przybylski":', 'Przybylski', 'person-name');
    kept('if x == "Hello World":', 'Hello World');
  });
  it("reads a name object's parts: one character of Han or Hangul as a family name, SCIM's formatted", () => {
    gone('"family_name": "郑"', '郑', 'person-name');
    gone('"name": { "givenName": "ธนากร", "familyName": "ทองดี", "formatted": "ธนากร ทองดี" }', 'ธนากร ทองดี');
    kept('"family": "🙂"', '🙂');
  });
  it("reads a document's number under an identification key and a record's document type", () => {
    gone('"identification-number": "PDUXTXN41"', 'PDUXTXN41', 'id-number');
    gone('{ "idDocType": "ID_CARD", "number": "PDUXTXN41" }', 'PDUXTXN41', 'id-number');
    kept('Employer identification number: 12-3456789', '12-3456789');
  });
  it("reads a birth date as a multipart form's part, and after a place of birth", () => {
    gone('Content-Disposition: form-data; name="date_of_birth"\r\n\r\n1970-03-03\r\n--boundary', '1970-03-03', 'birth-date');
    gone('Il sottoscritto, nato a Palermo il 09/03/1962, dichiara', '09/03/1962', 'birth-date');
    gone('Анна родилась 9 июля 1975 г. в Новосибирске.', '9 июля 1975', 'birth-date');
    kept('Content-Disposition: form-data; name="issued"\r\n\r\n1970-03-03', '1970-03-03');
  });
  it('reads a file named after the person', () => {
    const t = 'full_name: LaToya Delacroix\nssn: 564-98-2063\nfilename="latoya_ausweis.jpg"';
    gone(t, 'latoya_ausweis.jpg', 'person-name');
    kept('full_name: LaToya Delacroix\nssn: 564-98-2063\nfilename="report_2024.pdf"', 'report_2024.pdf');
  });
  it("reads devices' ids under their names", () => {
    gone('**Android ID**: 7749184872810e0c', '7749184872810e0c', 'device-id');
    gone('Werbe-ID (IDFA): 0259ECF1-E0A5-4467-8564-FBAFBB0531F3', '0259ECF1-E0A5-4467-8564-FBAFBB0531F3', 'device-id');
    gone('"$ios_ifa": "C05745BD-D1D6-46DD-936E-4AF6CFBE5372"', 'C05745BD-D1D6-46DD-936E-4AF6CFBE5372', 'device-id');
    gone('Device IMEI (slot 0) = 995627291714019', '995627291714019', 'device-id');
    gone('[ro.serialno]: [R5CD9AKGZ9X]', 'R5CD9AKGZ9X', 'device-id');
    gone('SteamID64: 76561199604451279', '76561199604451279', 'id-number');
    kept('Serial number: 1\nSerial number: 4a3b2c1d', '4a3b2c1d');
  });
  it('reads an account after its word in Korean and Russian', () => {
    gone('입금 계좌: 국민은행 104575-02-902470', '104575-02-902470', 'bank-account');
    gone('Счёт: 40817810578852319837', '40817810578852319837', 'bank-account');
    kept('Счёт № 123456 от 2024', '123456');
  });
});

describe('credentials in more forms', () => {
  it("reads a secret hash, a prompt's bracketed default, UCI's option and a user's -P", () => {
    gone('FLW_SECRET_HASH=TE3c07orR4pn0Er03vR7TcCG', 'TE3c07orR4pn0Er03vR7TcCG', 'secret');
    gone('API token [****2N]: q8lesRTLS40KyLYeW9mSti3SK1GjbEGTiox9Grf2', 'q8lesRTLS40KyLYeW9mSti3SK1GjbEGTiox9Grf2');
    gone("\toption key 'FbHs6v4+RCEOq3sRq'", 'FbHs6v4+RCEOq3sRq');
    gone("mosquitto_sub -h mqtt.local -u barn-gateway -P '3f90UC50XBKf+ssg' -t 'barn/+/temp'", '3f90UC50XBKf+ssg', 'password');
    kept('scp -u build -P 2222 file host:', '2222');
    kept("\toption ssid 'Lighthouse-5G'", 'Lighthouse-5G');
  });
  it('reads a chosen password in letters past ASCII', () => {
    gone("export MAIL_PASS='ÑandúTWWsçã56ü'", 'ÑandúTWWsçã56ü', 'password');
    kept('password: пароль', 'пароль');
  });
  it("reads a key's raw bytes under its name, not zeros nor a list of numbers", () => {
    const bytes = '0x8E, 0x11, 0xD9, 0xB9, 0xC6, 0xF1, 0xD8, 0x05, 0x4C, 0x77, 0x90, 0x94, 0xE0, 0xD4, 0x5F, 0x63';
    gone(`static const u1_t PROGMEM APPKEY[16] = { ${bytes} };`, bytes, 'secret');
    gone('  network_key: [245, 2, 94, 187, 193, 84, 169, 85, 9, 130, 184, 42, 239, 249, 33, 235]', '245, 2, 94');
    kept('static const u1_t PROGMEM APPEUI[8] = { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };', '0x00, 0x00');
    kept('weights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]', '1, 2, 3');
  });
  it("reads a login's password before a host with no scheme, not an address after mailto:", () => {
    gone('    - "nakama:1KLolLjxvwqCXB@cockroach:26257"', '1KLolLjxvwqCXB', 'password');
    kept('<a href="mailto:maria.garcia@acme-widgets.dev">write</a>', 'mailto:');
  });
  it("reads a Slack session's d cookie, and keeps an Apple app's identifier", () => {
    gone(
      'd=xoxd-CTf1BLoMD8oH%2FWY6VYsbK62KKcUF6xvTF%2F2nzB5aBul%2BcGwk7mTBdTAiZiY4yfA0Hrax0LE9Pz7jH8rXTZ%3D%3D; d-s=1716691333',
      'CTf1BLoMD8oH',
      'slack-token',
    );
    kept('"webcredentials": { "apps": ["TBP5O2X3HE.com.lingoleap.ios"] }', 'TBP5O2X3HE.com.lingoleap.ios');
  });
});

describe('more of round 30', () => {
  it("reads a Markdown table's password column whose header joins two names and whose cells are code", () => {
    const t = '| System | User | Password / token |\n|---|---|---|\n| Admin panel | `ops` | `Zephyrharbor74%` |';
    gone(t, 'Zephyrharbor74%', 'password');
    kept('| Name | Type | Token |\n|---|---|---|\n| foo | `string` | `process.env.X` |', 'process.env.X');
  });
  it('reads an address after a field naming a user, as a struct prints it, not a URL user', () => {
    gone('config: &{Host:smtp.elisa.fi Port:587 User:joonasr@elisa.fi}', 'joonasr@elisa.fi', 'email');
    kept('"dep": "npm:left-pad@1.3.0"', 'left-pad@1.3.0');
  });
  it('reads Swiss and Irish numbers under their lower-case acronyms', () => {
    gone('kyc lookup ahv=756.2355.1464.80 -> VERIFIED', '756.2355.1464.80', 'ch-ahv');
    gone('{"applicant":"x","pps":"3839504J"}', '3839504J', 'ie-ppsn');
    kept('rate pps=1000000', '1000000');
  });
  it('decodes a line of URL-encoded bytes or of unclosed word-diff openings in linear time', () => {
    for (const unit of ['%C3%A1', '[-{+']) {
      const small = unit.repeat(20_000);
      const big = unit.repeat(80_000);
      const t0 = process.hrtime.bigint();
      out(small);
      const t1 = process.hrtime.bigint();
      out(big);
      const t2 = process.hrtime.bigint();
      // Four times the text in well under sixteen times the time (a quadratic reading would take sixteen).
      assert.ok(Number(t2 - t1) < 10 * Number(t1 - t0) + 50e6, `${unit}: ${t1 - t0} ns, then ${t2 - t1} ns`);
    }
  });
});
