// Other mentions of a name found on its line; personal numbers of more countries after their
// names; public keys kept; passwords with a dollar inside.
import assert from 'node:assert/strict';
import { createRedactor } from '../../../src/redact';

const r = createRedactor({ key: new Uint8Array(32).fill(9) });
const out = (text: string): string => r.redact(text).text;

function gone(text: string, secret: string, kind?: string): void {
  const o = out(text);
  assert.ok(!o.includes(secret), `leaked ${secret} in ${o}`);
  if (kind) assert.match(o, new RegExp(`<REDACTED:${kind}#[0-9a-f]{8}>`), o);
}

describe('other mentions of a name', () => {
  it('takes a first name again on the lines around the full name', () => {
    const notes =
      'Standup\nPresent: Margaret Okonkwo, Tobias Lindgren\n- Tobias out Friday (dentist)\n- Margaret to review the billing change';
    const o = out(notes);
    assert.ok(!o.includes('Tobias') && !o.includes('Margaret'), o);
    assert.ok(o.includes('dentist') && o.includes('Standup'), o);
  });

  it('takes a given name far from the full name too, and a window that knows the names found elsewhere reads it alike', () => {
    const text = ['Reviewed by Margaret Okonkwo', 'a', 'b', 'c', 'd', 'e', 'f', 'Margaret approved it'].join('\n');
    const o = out(text).split('\n');
    assert.ok(!o[0].includes('Margaret'), o[0]);
    assert.match(o[7], /^<REDACTED:person-name#[0-9a-f]{8}> approved it$/);
    // The last lines alone keep it; with the names the whole text found (a document's memory), not.
    const window = ['d', 'e', 'f', 'Margaret approved it'].join('\n');
    assert.equal(out(window), window);
    const names = new Set<string>();
    r.redact(text, { names });
    assert.deepEqual([...names].sort(), ['MO', 'Margaret', 'Okonkwo']);
    assert.equal(r.redact(window, { names }).text.split('\n')[3], o[7]);
  });

  it('takes only words the list holds as names alone, standing alone', () => {
    // `Grace` is a name and a word; `Margaret` inside an identifier is no mention.
    const o = out('Grace Hopper wrote it.\nA grace period of Grace days; see MargaretHelper and Margaret.');
    assert.ok(o.includes('grace period'), o);
    assert.ok(o.includes('MargaretHelper'), o);
  });
});

describe('personal numbers of more countries, after their names', () => {
  const cases: [string, string, string][] = [
    ['CNP 1790728375213', '1790728375213', 'ro-cnp'],
    ['"amka": "05047704563"', '05047704563', 'gr-amka'],
    ['rodné číslo 805302/5156', '805302/5156', 'cz-birth-number'],
    ['NIF 235069736 (contribuinte)', '235069736', 'pt-nif'],
    ['HKID P222202(0)', 'P222202(0)', 'hk-hkid'],
    ['身分證字號 P192655487', 'P192655487', 'tw-national-id'],
    ['MyKad 770503-10-5115', '770503-10-5115', 'my-nric'],
    ['Rentenversicherungsnummer: 61140387K315', '61140387K315', 'de-svnr'],
    ['svnr = "7501280356"', '7501280356', 'at-svnr'],
    ['NIK 3174045505889112', '3174045505889112', 'id-nik'],
    ['"cpr": "100259-9199"', '100259-9199', 'dk-cpr'],
  ];
  for (const [text, value, kind] of cases) it(`reads ${kind}`, () => gone(text, value, kind));

  it('keeps a number that fails its check, or stands with no name', () => {
    assert.equal(out('CNP 1790728375214'), 'CNP 1790728375214');
    assert.equal(out('build 3174045505889112 done'), 'build 3174045505889112 done');
    // A NIK's date must be one: day 77 is no day, even for a woman (day + 40).
    assert.equal(out('NIK 3174047705889112'), 'NIK 3174047705889112');
  });
});

describe('public keys and passwords with a dollar', () => {
  it('keeps the values of keys named public, and the public members of a JSON Web Key', () => {
    const wg = '[Peer]\nPublicKey = iSLhVhJ5rwPZ0jkg7neSXGPNDI7qPxPWVFVIjuq91Vw=\nAllowedIPs = 10.66.0.0/24';
    assert.equal(out(wg), wg);
    const n = 'vO2wnvlniYUf0evLRNI9Xlfd5nKzJ8xK9PDRwbxGLontQ2x7y8Kp3VbQm4Tz1Rk8Yw2Lp6Nc0Hs5Gd7Jf3Xa9Be4Cv1Dn8Eo2Fq';
    const jwk = `{"kty":"RSA","n":"${n}","e":"AQAB","alg":"RS256"}`;
    assert.equal(out(jwk), jwk);
    // The same key with its private exponent: a private key, taken.
    const priv = `{"kty":"RSA","n":"${n}","e":"AQAB","d":"X4cTteJY_gn4FYPsXB8rdXix5vwsg1FLN5E3EaG6RJoVH-HLLKD9ZqT7Wm3Kp0Rs8Ny2"}`;
    assert.ok(!out(priv).includes('X4cTteJY'), out(priv));
    gone('[Interface]\nPrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=', 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=');
  });

  it('reads a password with a dollar and digits inside, and keeps identifiers', () => {
    gone('[database]\npassword = orbit$1996Tun', 'orbit$1996Tun', 'password');
    assert.equal(out('password=ArrowToken$1'), 'password=ArrowToken$1');
  });
});

describe('names in other scripts, beside an honorific, an introduction or a closing', () => {
  it('reads a Chinese name from its family name before an honorific or after 我叫', () => {
    gone('林志偉先生，已完成線上報名。', '林志偉', 'person-name');
    gone('您好，我叫陈晓明，想咨询一下退款进度。', '陈晓明', 'person-name');
    // A single family name before 先生 is taken with it, as `Mr Smith`'s name is; words before it are not.
    const o = out('请联系客服，王先生会回复。');
    assert.ok(o.includes('联系客服') && !o.includes('王先生'), o);
  });

  it('reads Japanese and Korean names before their honorifics, not the words for a customer or everyone', () => {
    gone('田中由紀さんのメールアドレスが変更になりました。', '田中由紀', 'person-name');
    gone('メゾン青山201号室 佐々木 健太 様', '佐々木 健太', 'person-name');
    gone('환불은 (예금주 박서연)으로 부탁드립니다.', '박서연', 'person-name');
    const kept = '皆さん、お疲れ様です。担当者様へ。고객님 안녕하세요. 저는 한국 사람입니다.';
    assert.equal(out(kept), kept);
  });

  it('reads names after introductions and closings in Cyrillic, Greek, Devanagari and Hebrew', () => {
    gone('Паспорт передам лично. С уважением, Дмитрий Соколов', 'Дмитрий Соколов', 'person-name');
    gone('Привіт! Це Олена Коваленко з Харкова.', 'Олена Коваленко', 'person-name');
    gone('Заявитель: Смирнова Анна Викторовна', 'Смирнова Анна Викторовна', 'person-name');
    gone('Παρακαλώ στείλτε το δέμα.\nΕυχαριστώ, Κατερίνα Βλάχου', 'Κατερίνα Βλάχου', 'person-name');
    gone('नमस्ते, मेरा नाम राजेश कुमार शर्मा है।', 'राजेश कुमार शर्मा', 'person-name');
    gone('העבירו בבקשה, על שם אבי כהן.', 'אבי כהן', 'person-name');
    assert.equal(out('Это Москва. Это работает.'), 'Это Москва. Это работает.');
  });
});

describe('login names in prompts, remote commands, password files and mentions', () => {
  it("reads a person's login in a shell's prompt and an ssh target, and keeps system accounts", () => {
    gone('kamaua@dev-laptop:~$ cat notes.txt', 'kamaua', 'person-name');
    gone('[mkowalski@web01 ~]# systemctl restart app', 'mkowalski', 'person-name');
    gone('anna@mbp ~ % ls', 'anna@', 'person-name');
    gone('ssh -A lnguyen@67.209.66.42', 'lnguyen', 'person-name');
    for (const kept of ['[root@web01 ~]# ls', 'ssh -i key.pem ubuntu@bastion', 'git clone git@github.com:org/repo.git', 'const a = b@c;'])
      assert.equal(out(kept), kept);
  });

  it("reads sshd's authenticating user, and a user `with user` names when made of names", () => {
    gone(
      'sshd[23019]: Connection closed by authenticating user mateusz.wisniewska 123.28.139.60 port 40218 [preauth]',
      'mateusz.wisniewska',
      'person-name',
    );
    gone("* Server auth using Basic with user 'chloe.fraser'", 'chloe.fraser', 'person-name');
    assert.equal(out('log in with user admin'), 'log in with user admin');
  });

  it("reads the user of a password file's line before its hash, and a Jira mention", () => {
    const shadow =
      'daemon:*:19700:0:99999:7:::\nsergei.s:$6$ubjnMlADJM.WpY1t$.BgWhlsRy75OlsSvJrsoN8v3FOlJo6FvKV/jfqHojxixWAW1.yGdZT09OGabBQG.8x/90Sa5Yn7Tn5SFhpmJfg:19812:0:99999:7:::';
    const o = out(shadow);
    assert.ok(!o.includes('sergei.s') && o.startsWith('daemon:*:'), o);
    gone('[~katarzyna.z] you can reproduce on staging', 'katarzyna.z', 'person-name');
  });
});

describe('a first name alone beside personal data', () => {
  it('takes a name the list holds, within the lines around an e-mail, a phone number or a card', () => {
    gone('oops wrong window 4539 1488 0343 6467 08/26 — ignore that, Ravi', 'Ravi', 'person-name');
    gone('Cards can go to his wife Loretta; calls to +1 919 570 9090.', 'Loretta', 'person-name');
    gone('Mum is Halima Abdullahi.\nZainab has an EpiPen in the office.', 'Zainab', 'person-name');
  });

  it('keeps a name with no personal data around it, a common word, and a list of names in code', () => {
    // (A name after a word that addresses someone is read on its own: `Ask Ravi about the release` goes; round18.)
    const alone = 'Ravi’s release notes are out.';
    assert.equal(out(alone), alone);
    const far = ['mail ops@acme.io', 'a', 'b', 'c', 'd', 'thanks to Ravi'].join('\n');
    assert.ok(out(far).endsWith('thanks to Ravi'), out(far));
    const code = "contact: jo@acme.io\nconst kids = ['Tyrone', 'Elie'];\nconst grace = Will;";
    const o = out(code);
    assert.ok(o.includes("['Tyrone', 'Elie']") && o.includes('Will'), o);
  });
});

describe('handles, phone numbers told as one, and the units of an address', () => {
  it('reads a handle made of names after a word for an account, or mentioned with @', () => {
    gone('Nutzerkonto "stefanie_hartmann" gesperrt.', 'stefanie_hartmann', 'person-name');
    gone('Alerting on account ayesha.siddiqui: logins from two countries', 'ayesha.siddiqui', 'person-name');
    gone('Twitter: @samir_haddad_eth', 'samir_haddad_eth', 'person-name');
    for (const kept of [
      'import x from "@types/node"',
      '@Override public void run()',
      'see account settings.',
      'account: svc_deploy',
      'ping @team_leads',
    ])
      assert.equal(out(kept), kept);
  });

  it('reads a national number after words that say it is one, in several languages', () => {
    gone('Hola, pueden llamarme al 677 64 79 52 a partir de las cinco.', '677 64 79 52', 'phone');
    gone('Hi, this is Deborah, my number is 7739176797, the sink is leaking', '7739176797', 'phone');
    assert.equal(out('order number is 7739176797'), 'order number is 7739176797');
  });

  it("takes a street's unit with it, and streets written with a particle or an abbreviated type", () => {
    gone('laskun osoitteeseen Mannerheimintie 40 B 12, Helsinki?', 'Mannerheimintie 40 B 12', 'street-address');
    gone('Abito in Via dei Serpenti 38, interno 5, a Roma.', 'Via dei Serpenti 38, interno 5', 'street-address');
    gone('I moved to Javastraat 228 hs, 3459 BE Amsterdam', 'Javastraat 228 hs', 'street-address');
    gone('Tolong kirim ke Jl. Kaliurang KM 5 No. 12A, Sleman.', 'Jl. Kaliurang KM 5 No. 12A', 'street-address');
    gone('domiciliată în Str. Memorandumului nr. 28, Cluj-Napoca', 'Str. Memorandumului nr. 28', 'street-address');
    assert.equal(out('see Section 12 B 3 of the spec'), 'see Section 12 B 3 of the spec');
  });
});

describe("whose an account is, and keys' ids given as user names", () => {
  it('reads the name after `t.n.v.`, `a.n.`, `au nom de`', () => {
    gone('overmaken naar NL21 RABO 8934 9298 31 t.n.v. R. Bakker? Thnx', 'R. Bakker', 'person-name');
    gone('Sleman, Yogyakarta, a.n. Budi Santoso ya.', 'Budi Santoso', 'person-name');
    gone('virement au nom de Claire Dubois', 'Claire Dubois', 'person-name');
  });

  it("reads a key's id given as the user name, not a user name of capitals", () => {
    gone('sasl.jaas.config=PlainLoginModule required username="L1N5SG3PMJWMR4SI" password="x";', 'L1N5SG3PMJWMR4SI', 'secret');
    for (const kept of ['username: ADMINISTRATOR2024', 'username=JOHNSMITH12345678']) assert.equal(out(kept), kept);
  });
});

describe('birth dates in more words and forms', () => {
  it('reads Dutch and Nordic birth words, a year written with an apostrophe, and a Japanese era', () => {
    gone('Ik ben Jens, geboren op 21 augustus 1990 in Gent.', '21 augustus 1990', 'birth-date');
    gone("Yes born 4 Oct '88, I know", "4 Oct '88", 'birth-date');
    gone('født 14. mai 1979 i Bergen', '14. mai 1979', 'birth-date');
    gone('鈴木一郎（昭和58年4月2日生）のマイナンバー', '昭和58年4月2日', 'birth-date');
    assert.equal(out("released 4 Oct '88"), "released 4 Oct '88");
  });

  it('reads a resident id after its words', () =>
    gone('Resident ID 310104199108093638. Room 1207', '310104199108093638', 'cn-resident-id'));
});
