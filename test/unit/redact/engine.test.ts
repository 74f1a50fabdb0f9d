import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { createRedactor, DEFAULT_EXCLUDED_GLOBS, DROPPED_MARKER, REDACTION_POLICY_VERSION } from '../../../src/redact';
import { hmacSha256Prefix, hmacSha256Word } from '../../../src/redact/hmac';
import { renderDense, renderSparse } from '../../../src/redact/index';
import { seededRandom } from '../../../bench/util';
import { Covered } from '../../../src/redact/text';
import { REALISTIC_CASES } from './cases';

const key = new Uint8Array(32).fill(1);
const r = createRedactor({ key });
const lines = (s: string): number => s.split('\n').length;

// Text built from pieces that trigger rules, so properties are exercised on findings, not only on noise.
const piece = fc.constantFrom(
  'password = "Zq8!xLm2#Pw"',
  'ghp_R8vN2kQ4mT7xW1zB5cD9fG3hJ6kL0pS2uV4y',
  '-----BEGIN PRIVATE KEY-----',
  '-----END PRIVATE KEY-----',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDAC4AWkdwKYSd8',
  'mara@fjordsoft.se',
  '185.220.101.47',
  '/home/kpatel/x',
  'Bearer a9B8c7D6e5F4g3H2i1J0k9L8',
  '\n',
  '\r\n',
  '"',
  "'",
  ' ',
  '=',
  ':',
  '\\n',
  'token',
  'xoxb-',
  'eyJ',
  '://u:p@h',
  // Rules that read around their finding: a closing above a name, a name a sentence before its
  // number, a postcode lines after its street, a continued token, a block of base64 lines.
  'Best regards,',
  'Harold Jennings',
  'Hi Thandiwe',
  'social insurance number',
  '208 421 099',
  '1847 Larkspur Court',
  'HG1 4QT',
  'from=0xb9e6b6639f61a5635d6964a34712b4953f1c1c2c',
  '\\',
  'NjczIdHMItNHssKrTQNVoWxfq40sokminSU4VfV9',
  'VQQGEwJVUzETMBEGA1UECBMKQ2FsaWZvcm5pYTE9MDsGA1UEChM0WE1MIFNlY3Vy',
  'k: 8e4517bd501869c11566ca221bb4bdeb92f56a0b',
  // Rules that read the lines above: key bytes under their declaration, a secret a command printed,
  // a birth date after a closing tag, a password in a file of directives.
  'var aesKey = []byte{',
  '0x11, 0xdd, 0x98, 0xd8, 0xfa, 0xbd, 0x2c, 0x3d,',
  '$ vault kv get -field=password secret/db',
  'W9#rkq2mVtL0',
  '<key>UserBirthday</key>',
  '<date>1962-03-08',
  'host   smtp.office365.com',
  'password   Bu1ld Rep0rts 2024!',
  // Rules that read the lines around within three (policy 8): a chat's speakers and handles, names
  // the list lacks and names in other scripts that speak again, coordinates near a person's data,
  // a postal line after a street.
  'Larissa: tentei pagar com o Elo',
  'lena.vogt  11:07',
  'Elif: kira için bu ay geç kaldım',
  '최현우: 택배 주소',
  '"lat": 53.349805',
  '26603 Aurich',
  'Am Kirchplatz 3',
  // Policy 12: logins a name makes, lists of those present and their names again, a .netrc's
  // login under its machine, an identifier read after its cue, a lone name beside it.
  'gecos: Réka Varga',
  'rvarga',
  '参会：刘洋、陈静',
  '刘洋负责排查',
  'machine gitlab.example.pl',
  '  login ewa-michalak',
  'social insurance number',
  '208 421 099',
  'Best regards,',
  'Harold Jennings',
  // Policy 13: a street and its postal line inline beside a person's data, passwords told beside their word.
  'Milica Jovanović, JMBG 2201986713606, ',
  'Bulevar kralja Aleksandra 73, 11000 Beograd',
  'creds are admin / ',
  'Wint3r-Harbour!92',
  'anyone have the admin pw?',
  // Policy 14: a credential parameter's default below it, a FHIR array's name below its key, chat
  // speakers after the time, a family name said again, a login again in a path.
  '  DBPassword:',
  '    Type: String',
  '    Default: Kelp-Orchard58',
  '"given": [',
  '  "Sanne"',
  '"family": "Bakker", "phone": "+31 6 27399429"',
  '2025-03-02 20:11 李娜: 好',
  'Thandiwe Mokoena joined.',
  'Mokoena was',
  'Guðrún Magnúsdóttir',
  '10.1.1.1 - jkowalski [02/Mar/2025:18:02:11 +0100] "GET /',
  '/files/jkowalski/',
  // Policy 28: values read in views that decode them (URL-encoding, \u escapes, character
  // references, quoted-printable, a CSV cell's JSON, a word diff).
  'Ho%C3%A0ng+Qu%E1%BB%91c+B%E1%BA%A3o',
  'card%5Bcvc%5D=549',
  '"name": "\\u0938\\u094d\\u0928\\u0947\\u0939\\u093e \\u0924\\u094d\\u0930\\u093f\\u092a\\u093e\\u0920\\u0940"',
  'Kaan Y&#305;ld&#305;r&#305;m',
  'mysql_root_password: [-1M1vaF2/LQz$UcocB-]{+gAZ2FRL%gAGR9oF9+}',
  '"{""user"":""Zeynep Yılmaz""}"',
  'Hi Jos=C3=A9 Mart=C3=ADnez, password=3DTr0ub4dor&3',
);
const messy = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 40 })
  .map((a) => a.join(''));

describe('redaction engine', () => {
  it('never changes the number of lines and is deterministic (property)', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const a = r.redact(text);
        const b = createRedactor({ key }).redact(text);
        assert.equal(lines(a.text), lines(text));
        assert.equal(a.text, b.text);
        for (const f of a.findings) {
          assert.ok(f.start >= 0 && f.end <= text.length && f.start < f.end);
          assert.ok(!text.slice(f.start, f.end).includes('\n'), 'a finding never spans a line break');
        }
        for (let i = 1; i < a.findings.length; i++) assert.ok(a.findings[i - 1].end <= a.findings[i].start, 'findings do not overlap');
      }),
      { numRuns: 400 },
    );
  });

  it('redacting a line with the three lines around it gives what redacting the whole text gives (property, local rules)', () => {
    const lineText = fc
      .array(
        fc.oneof(
          piece.filter((p) => !p.includes('\n') && !p.includes('BEGIN') && !p.includes('END') && !p.startsWith('MIIE')),
          fc.string({ maxLength: 10 }).filter((s) => !s.includes('\n')),
        ),
        { maxLength: 12 },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(lineText, { minLength: 1, maxLength: 8 }), (ls) => {
        // The trajectory builder redacts a changed line with three raw lines of context on each
        // side: every rule that reads beyond its line (a label above, a value below) stays within them.
        // The names the whole text holds are known to the window as well (the document's memory of
        // them, which the trajectory builder keeps): a given name far from its whole name is read so.
        const names = new Set<string>();
        const whole = r.redact(ls.join('\n'), { names }).text.split('\n');
        ls.forEach((_, i) => {
          const from = Math.max(0, i - 3);
          const region = r.redact(ls.slice(from, i + 4).join('\n'), { names: new Set(names) }).text.split('\n');
          assert.equal(region[i - from], whole[i]);
        });
      }),
      { numRuns: Number(process.env.LOCALITY_RUNS ?? 200) },
    );
  });

  it('reads a version prefix before an IP address on its own line only', () => {
    assert.equal(r.redact('v 185.220.101.47').text, 'v 185.220.101.47');
    assert.match(r.redact('v\n185.220.101.47').text, /^v\n<REDACTED:ip-address#[0-9a-f]{8}>$/);
    assert.match(r.redact('release\r\n185.220.101.47\n').text, /^release\r\n<REDACTED:ip-address#[0-9a-f]{8}>\n$/);
  });

  it('takes a value from the line after <name> only when the element closes after it', () => {
    assert.match(
      r.redact('<password>\n  Zq8xLm2Pw7Kd\n</password>').text,
      /^<password>\n {2}<REDACTED:password#[0-9a-f]{8}>\n<\/password>$/,
    );
    // otherwise the next line is code of its own, and its secret is found there
    assert.match(r.redact('<token>\n#password = "Zq8!xLm2#Pw"').text, /^<token>\n#password = "<REDACTED:password#[0-9a-f]{8}>"$/);
  });

  it('gives one placeholder per secret: stable across calls and instances, different across secrets and keys', () => {
    const a = r.redact('t1 = "ghp_R8vN2kQ4mT7xW1zB5cD9fG3hJ6kL0pS2uV4y"\nt2 = "ghp_R8vN2kQ4mT7xW1zB5cD9fG3hJ6kL0pS2uV4z"').text.split('\n');
    const again = createRedactor({ key }).redact('x: ghp_R8vN2kQ4mT7xW1zB5cD9fG3hJ6kL0pS2uV4y').text;
    const p1 = a[0].match(/<REDACTED:[^>]+>/)![0];
    const p2 = a[1].match(/<REDACTED:[^>]+>/)![0];
    assert.notEqual(p1, p2);
    assert.ok(again.includes(p1));
    const otherKey = createRedactor({ key: new Uint8Array(32).fill(2) }).redact('ghp_R8vN2kQ4mT7xW1zB5cD9fG3hJ6kL0pS2uV4y').text;
    assert.ok(!otherKey.includes(p1));
    // 2,000 distinct secrets → 2,000 distinct placeholders.
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(r.placeholder('secret', `s3cr3t-value-${i}`));
    assert.equal(seen.size, 2000);
  });

  it('computes placeholder suffixes as HMAC-SHA256 does, for every message length, key length and character', () => {
    for (const keyLength of [16, 32, 64, 65, 100]) {
      const k = new Uint8Array(keyLength).map((_, i) => (i * 37 + 11) & 255);
      const prefix = hmacSha256Prefix(k);
      for (let n = 0; n < 150; n++) {
        for (const alphabet of ['aZ9+/=_-', 'é€😀x', '\ud800a']) {
          // ASCII (block boundaries at 55/119), UTF-8 of 2-4 bytes, a lone surrogate
          let m = '';
          for (let i = 0; i < n; i++) m += alphabet[(i * 7 + n) % alphabet.length];
          assert.equal(
            prefix(m),
            createHmac('sha256', Buffer.from(k)).update(m, 'utf8').digest('hex').slice(0, 8),
            `key ${keyLength}, length ${n}`,
          );
        }
      }
    }
  });

  it('never puts the key or the secret into a placeholder', () => {
    const secret = 'ghp_R8vN2kQ4mT7xW1zB5cD9fG3hJ6kL0pS2uV4y';
    const p = r.placeholder('github-token', secret);
    assert.match(p, /^<REDACTED:github-token#[0-9a-f]{8}>$/);
    assert.ok(!p.includes(Buffer.from(key).toString('hex').slice(0, 8)));
    assert.throws(() => createRedactor({ key: new Uint8Array(8) }), /at least 16 bytes/);
  });

  it('re-redacting redacted text changes nothing', () => {
    for (const c of REALISTIC_CASES) {
      const once = r.redact(c.text).text;
      assert.equal(r.redact(once).text, once, c.id);
    }
  });

  it('fails closed when the time budget runs out: marker, same line count, no content', () => {
    let t = 0;
    const slow = createRedactor({ key, budgetMs: 5, now: () => (t += 3) });
    const text = 'password = "Zq8!xLm2#Pw"\nline two\nline three\n';
    const res = slow.redact(text);
    assert.equal(res.dropped, true);
    assert.equal(res.findings.length, 0);
    assert.equal(res.text, DROPPED_MARKER + '\n\n\n');
    assert.equal(lines(res.text), lines(text));
    assert.ok(!res.text.includes('Zq8'));
  });

  it('drops a text whose findings or credential names are packed closer than any ordinary text, and keeps sparse ones', () => {
    const dense = createRedactor({ key, budgetMs: 60_000 });
    const full = createRedactor({ key, budgetMs: 60_000, dropDense: false });
    let seed = 11;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 4294967296;
    };
    const token = (n: number): string =>
      Array.from({ length: n }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'[Math.floor(rand() * 57)]).join('');
    const lines = (n: number, line: () => string): string => Array.from({ length: n }, line).join('\n') + '\n';
    // 2,000 secrets, one a line of 40 characters: a dump. Dropped whole, the same line count, nothing of it left.
    const dump = lines(2000, () => `password = "${token(24)}"`);
    const r = dense.redact(dump);
    assert.equal(r.dropped, true);
    assert.equal(r.droppedBecause, 'dense');
    assert.equal(r.findings.length, 0);
    assert.equal(r.text.split('\n').length, dump.split('\n').length);
    assert.ok(!r.text.includes('password'));
    // Deterministic: the same text is dropped again, whatever the machine's load.
    assert.equal(dense.redact(dump).droppedBecause, 'dense');
    // The same secrets spread through code (one every 40 lines, 2,000 of them) are each redacted.
    const code = lines(
      2000,
      () => `password = "${token(24)}"\n` + 'const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);\n'.repeat(39),
    );
    const c = dense.redact(code);
    assert.ok(!c.dropped);
    assert.equal(c.findings.length, 2000);
    assert.deepEqual(c.findings, full.redact(code).findings);
    // Credential names every 11 characters with no value among them: dropped too; every 100, read.
    assert.equal(dense.redact('password: "'.repeat(20_000)).droppedBecause, 'dense');
    const sparse = ('password: "' + ' '.repeat(89)).repeat(20_000);
    assert.ok(!dense.redact(sparse).dropped);
  });

  it('stays within a 50 ms budget on adversarial 256 KB inputs', () => {
    // Read to the end, finding by finding: the guard that drops dense texts is off here.
    const bounded = createRedactor({ key, budgetMs: 2000, dropDense: false });
    const units = [
      'apikey=',
      'eyJ',
      'password: "',
      '@a.',
      'xoxb-1-',
      '://a:',
      'a',
      '<secret>{',
      'stripe api key = k9Xq2Lm7Pz ',
      'a@bcd ',
      '185.220.101.47 ',
    ];
    for (const unit of units) {
      const text = unit.repeat(Math.ceil(262144 / unit.length));
      // The better of two runs: the first also pays for loading the bundles a unit wakes
      // (statements, phone validation) and for compiling the scan, once per process; a
      // superlinear scan would take seconds in both. CPU time, not wall time: other processes
      // on a shared machine must not fail this test.
      let best = Infinity;
      for (let run = 0; run < 2; run++) {
        const c0 = process.cpuUsage();
        const res = bounded.redact(text);
        const c = process.cpuUsage(c0);
        assert.ok(!res.dropped, unit);
        best = Math.min(best, (c.user + c.system) / 1000);
      }
      assert.ok(best < 200, `${unit}: ${best} ms`);
    }
  });

  it('stays linear on dense inputs where every unit is a distinct finding (512 KB vs 128 KB)', function () {
    this.timeout(120_000);
    const bounded = createRedactor({ key, budgetMs: 60_000, dropDense: false });
    let seed = 7;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 4294967296;
    };
    const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const r = (n: number, alphabet = ALNUM): string => {
      let t = '';
      for (let i = 0; i < n; i++) t += alphabet[Math.floor(rand() * alphabet.length)];
      return t;
    };
    const D = '0123456789',
      H = '0123456789abcdef';
    const octet = (): string => String(1 + Math.floor(rand() * 222));
    const units: [string, () => string][] = [
      ['token + 40 random', () => 'token ' + r(40) + ' '],
      ['quoted base64 44', () => `'${r(43)}=' `],
      ['quoted hex 64', () => `"${r(64, H)}", `],
      ['password = random', () => `password = "${r(12)}"\n`],
      ['?api_key= random', () => `?api_key=${r(32)}&`],
      ['Bearer random', () => `Bearer ${r(40)}\n`],
      ['URL password', () => `https://u:${r(16)}@h.io/ `],
      ['email', () => `${r(6).toLowerCase()}@${r(5).toLowerCase()}.com `],
      ['IPv4', () => `${octet()}.${octet()}.${octet()}.${octet()} `],
      ['IPv6', () => `2a02:${r(4, H)}::${r(3, H)} `],
      ['phone', () => `+44 20 7946 ${r(4, D)} `],
      ['SSN', () => `5${r(2, D)}-2${r(1, D)}-8${r(3, D)} `],
      ['base64 line of 64', () => r(64, ALNUM + '+/') + '\n'],
      // (One long line: a mobile's cell is tested for Chinese on its line near it, not on the whole line.)
      ['Chinese mobiles on one line', () => `王伟,1${r(1, '3456789')}${r(9, D)},`],
    ];
    const build = (unit: () => string, size: number): string => {
      let t = '';
      while (t.length < size) t += unit();
      return t.slice(0, size);
    };
    const cpu = (text: string): number => {
      let best = Infinity;
      for (let i = 0; i < 2; i++) {
        const c0 = process.cpuUsage();
        const res = bounded.redact(text);
        const c = process.cpuUsage(c0);
        assert.ok(!res.dropped && res.findings.length > 0);
        best = Math.min(best, (c.user + c.system) / 1000);
      }
      return best;
    };
    for (const [name, unit] of units) {
      const small = cpu(build(unit, 131_072));
      const large = cpu(build(unit, 524_288));
      // Linear: about 4× the time for 4× the text; quadratic work would take 16×. CPU time, so
      // other processes on a shared machine do not fail this test.
      assert.ok(large < 8 * Math.max(small, 2), `${name}: ${small.toFixed(1)} ms for 128 KB, ${large.toFixed(1)} ms for 512 KB`);
    }
  });

  it('exposes its policy version', () => {
    assert.equal(r.policyVersion, REDACTION_POLICY_VERSION);
  });
});

describe('placeholders written sparse or dense', () => {
  it('gives the same text either way, for one-byte and wider text, repeated and distinct secrets', () => {
    const key = new Uint8Array(32).fill(9);
    const word = hmacSha256Word(key);
    const hex = hmacSha256Prefix(key);
    const rand = seededRandom(5);
    for (const alphabet of ['ab c\n=', 'ab é€😀\n']) {
      for (let n = 0; n < 200; n++) {
        let text = '';
        const len = Math.floor(rand() * 300);
        for (let i = 0; i < len; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
        const findings: { kind: string; start: number; end: number }[] = [];
        for (let at = 0; at < text.length;) {
          const start = at + Math.floor(rand() * 20);
          const end = Math.min(text.length, start + 1 + Math.floor(rand() * 6));
          if (start >= end) break;
          findings.push({ kind: rand() < 0.5 ? 'secret' : 'email', start, end });
          at = end;
        }
        // The reference: each span replaced by its placeholder, built the plain way.
        let expected = '';
        let pos = 0;
        for (const f of findings) {
          expected += text.slice(pos, f.start) + `<REDACTED:${f.kind}#${hex(text.slice(f.start, f.end))}>`;
          pos = f.end;
        }
        expected += text.slice(pos);
        assert.equal(renderSparse(text, findings, word), expected);
        assert.equal(renderDense(text, findings, word), expected);
      }
    }
  });
});

describe('spans found by earlier passes', () => {
  const prio: Record<string, number> = { low: 1, mid: 2, high: 4 };
  it('answers for a candidate wholly inside merged spans, with the lowest priority among them', () => {
    // Out of order, overlapping: [10, 30) high ∪ [25, 40) mid → [10, 40) at 2; [50, 60) high alone; [60, 70) low touches but does not merge.
    const c = new Covered(
      [
        { kind: 'high', start: 50, end: 60 },
        { kind: 'mid', start: 25, end: 40 },
        { kind: 'high', start: 10, end: 30 },
        { kind: 'low', start: 60, end: 70 },
      ],
      (k) => prio[k],
    );
    assert.equal(c.floor(10, 40), 2);
    assert.equal(c.floor(12, 20), 2);
    assert.equal(c.floor(9, 20), -1);
    assert.equal(c.floor(30, 41), -1);
    assert.equal(c.floor(50, 60), 4);
    assert.equal(c.floor(55, 65), -1);
    assert.equal(c.floor(60, 70), 1);
    assert.equal(c.floor(0, 5), -1);
    assert.equal(c.floor(80, 90), -1);
    assert.equal(new Covered([], (k) => prio[k]).floor(0, 1), -1);
  });
});

describe('excluded paths', () => {
  const ex = createRedactor({ key });
  it('excludes the default list at any depth and keeps templates and ordinary files', () => {
    const excluded = [
      '.env',
      'app/.env.local',
      '.env.production',
      'certs/server.pem',
      'tls.key',
      'a/b/store.p12',
      'x.pfx',
      'keystore.jks',
      'vault.kdbx',
      'infra/terraform.tfstate',
      'infra/terraform.tfstate.backup',
      'home/.ssh/id_rsa',
      'id_ed25519.pub',
      '.npmrc',
      '.pypirc',
      '.netrc',
      '.git-credentials',
      '.aws/credentials',
      'deploy/.kube/config',
      'kubeconfig',
      'gcp-credentials.json',
      'svc/credentials.json',
      '.htpasswd',
      'config/secrets.yml',
      'secrets.yaml',
      '.docker/config.json',
      'C:\\proj\\.env',
    ];
    const kept = [
      '.env.example',
      'app/.env.sample',
      'src/env.ts',
      'README.md',
      'src/keys.ts',
      'docs/secrets-management.md',
      'key.ts',
      'credentials.ts',
      'src/pem.ts',
      'package.json',
      'kube/deployment.yaml',
    ];
    for (const p of excluded) assert.equal(ex.isExcludedPath(p), true, p);
    for (const p of kept) assert.equal(ex.isExcludedPath(p), false, p);
  });
  it('lets users and policy add globs, and replace the list', () => {
    const more = createRedactor({ key, extraExcludedGlobs: ['**/private/**', '*.sqlite'] });
    assert.equal(more.isExcludedPath('a/private/notes.md'), true);
    assert.equal(more.isExcludedPath('data/app.sqlite'), true);
    assert.equal(more.isExcludedPath('.env'), true);
    const only = createRedactor({ key, excludedGlobs: ['*.log'] });
    assert.equal(only.isExcludedPath('.env'), false);
    assert.equal(only.isExcludedPath('x/app.log'), true);
  });
  it('keeps the default list in one frozen exported constant', () => {
    assert.ok(Object.isFrozen(DEFAULT_EXCLUDED_GLOBS));
    assert.ok(DEFAULT_EXCLUDED_GLOBS.includes('*.pem') && DEFAULT_EXCLUDED_GLOBS.includes('!.env.example'));
  });
});
