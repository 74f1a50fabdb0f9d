// Redaction throughput on real source code (read from node_modules at run time), what it finds
// there (findings and characters removed per MB, by kind: on this corpus nearly every secret-kind
// finding is a false positive), and time on adversarial 1 MB inputs.
// Targets: ≥ 20 MB/s on ≥ 10 MB of mixed code; ≤ 50 ms per 1 MB input.
//   REDACT_ENGINE_DIR=DIR      measure another compiled engine (a directory holding index.js)
//   REDACT_BENCH_SAMPLE=N      print N findings of secret kinds and number-like personal data with
//                              30 characters of context
//                              (the corpus is public package code, never user content)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import * as engine from '../src/redact';
import { seededRandom } from './util';

const engineDir = process.env.REDACT_ENGINE_DIR;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const chosen = (engineDir ? require(resolve(engineDir, 'index.js')) : engine) as typeof engine;
// An older engine may have no dense-text guard.
const { createRedactor, DENSE_BLOCK = 0, DENSE_CHARS = 0 } = chosen;
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
console.log(`engine: ${engineDir ?? 'out/src/redact'}; load average at start ${load()} on ${cpus().length} cores`);

const MB = 1024 * 1024;
const root = join(__dirname, '..', '..', 'node_modules');
const redactor = createRedactor({
  key: new Uint8Array(32).fill(3),
  localIdentifiers: {
    userName: 'jdoe-local',
    hostName: 'build-host-17',
    gitName: 'Jane Q Developer',
    gitEmail: 'jane.dev@corp.test',
    homeDir: '/home/jdoe-local',
  },
  budgetMs: 60_000,
});

/** Files from many packages and of several kinds, in a fixed order, up to `limit` bytes. */
function corpus(limit: number): string[] {
  const exts = ['.js', '.ts', '.mjs', '.cjs', '.json', '.md', '.yml', '.yaml', '.map'];
  const files: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 6) return;
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p, depth + 1);
      else if (exts.some((x) => e.endsWith(x)) && st.size > 512 && st.size < 3 * MB) files.push(p);
    }
  };
  walk(root, 0);
  // Round-robin over packages so no single package dominates.
  const byPkg = new Map<string, string[]>();
  for (const f of files) {
    const rel = f.slice(root.length + 1).split('/');
    const pkg = rel[0].startsWith('@') ? rel.slice(0, 2).join('/') : rel[0];
    if (!byPkg.has(pkg)) byPkg.set(pkg, []);
    byPkg.get(pkg)!.push(f);
  }
  const out: string[] = [];
  let total = 0;
  const queues = [...byPkg.values()];
  for (let round = 0; total < limit && queues.some((q) => q.length); round++) {
    for (const q of queues) {
      const f = q.shift();
      if (!f) continue;
      const t = readFileSync(f, 'utf8');
      out.push(t);
      total += t.length;
      if (total >= limit) break;
    }
  }
  return out;
}

/** Median of `runs` timings, in CPU milliseconds (user + system) and wall milliseconds. */
function time(fn: () => void, runs = 5): { cpu: number; wall: number } {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const med = (a: number[]): number => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { cpu: med(cpu), wall: med(wall) };
}

function fill(unit: string, size = MB): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** 1 MB of units that differ (random tokens), so no per-value cache helps. */
function unique(unit: (r: (n: number, alphabet?: string) => string) => string, size = MB): string {
  const rand = seededRandom(11);
  const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const r = (n: number, alphabet = ALNUM): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    return s;
  };
  const parts: string[] = [];
  for (let len = 0; len < size;) {
    const u = unit(r);
    parts.push(u);
    len += u.length;
  }
  return parts.join('').slice(0, size);
}

const docs = corpus(12 * MB);
const bytes = docs.reduce((n, d) => n + d.length, 0);
let findings = 0;
const PII = new Set([
  'email',
  'person-name',
  'phone',
  'ip-address',
  'credit-card',
  'iban',
  'us-ssn',
  'home-user',
  'home-dir',
  'local-user',
  'host-name',
  'git-name',
]);
const byKind = new Map<string, { n: number; chars: number }>();
// Number-like personal data is sampled too, to read what the validators accept; names and addresses are not.
const SAMPLED_PII = new Set(['phone', 'us-ssn', 'credit-card', 'iban', 'ip-address']);
const samples: string[] = [];
for (const d of docs) {
  // warm-up, and what is found
  const r = redactor.redact(d);
  findings += r.findings.length;
  for (const f of r.findings) {
    const k = byKind.get(f.kind) ?? { n: 0, chars: 0 };
    k.n++;
    k.chars += f.end - f.start;
    byKind.set(f.kind, k);
    if (!PII.has(f.kind) || SAMPLED_PII.has(f.kind))
      samples.push(
        `${f.kind}: …${d.slice(Math.max(0, f.start - 30), f.start)}[${d.slice(f.start, f.end)}]${d.slice(f.end, f.end + 30)}…`.replace(
          /\n/g,
          '⏎',
        ),
      );
  }
}
const t = time(() => {
  for (const d of docs) redactor.redact(d);
}, 3);
const mb = bytes / MB;
const mbs = (ms: number): string => (mb / (ms / 1000)).toFixed(1);
console.log(
  `throughput: ${mb.toFixed(1)} MB in ${docs.length} files: ${t.cpu.toFixed(0)} ms CPU → ${mbs(t.cpu)} MB/s (wall ${t.wall.toFixed(0)} ms → ${mbs(t.wall)} MB/s; ${findings} findings)`,
);
let secretN = 0,
  secretChars = 0,
  piiN = 0,
  piiChars = 0;
for (const [kind, k] of byKind)
  if (PII.has(kind)) {
    piiN += k.n;
    piiChars += k.chars;
  } else {
    secretN += k.n;
    secretChars += k.chars;
  }
console.log(
  `real source: secret kinds ${(secretN / mb).toFixed(1)} findings/MB, ${(secretChars / mb).toFixed(0)} chars removed/MB; personal data ${(piiN / mb).toFixed(1)} findings/MB, ${(piiChars / mb).toFixed(0)} chars removed/MB`,
);
console.log(
  `  by kind: ${[...byKind]
    .sort((a, b) => b[1].n - a[1].n)
    .map(([kind, k]) => `${kind} ${k.n} (${k.chars} chars)`)
    .join(', ')}`,
);
const sampleN = Number(process.env.REDACT_BENCH_SAMPLE ?? 0);
if (sampleN > 0) {
  const rand = seededRandom(7);
  for (let i = 0; i < sampleN && samples.length; i++) console.log(`  sample ${samples.splice(Math.floor(rand() * samples.length), 1)[0]}`);
}

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ts = readFileSync(join(root, 'typescript', 'lib', 'typescript.js'), 'utf8');
const minified = ts
  .slice(0, 2 * MB)
  .replace(/\n\s*/g, ';')
  .slice(0, MB);
const adversarial: [string, string][] = [
  ['minified line (1 MB, no newline)', minified],
  ['`apikey=` repeated', fill('apikey=')],
  ['base64 blob (one line)', randomBytes(MB).toString('base64').slice(0, MB)],
  ['`password: "` repeated', fill('password: "')],
  ['`token=` + 200 chars, repeated', fill('token=' + 'a1B2'.repeat(50) + ' ')],
  ['`a` repeated', fill('a')],
  ['`@a.` repeated', fill('@a.')],
  ['digits with spaces', fill('4111 ')],
  ['`://a:` repeated', fill('://a:')],
  ['`-----BEGIN RSA PRIVATE KEY-----` lines', fill('-----BEGIN RSA PRIVATE KEY-----\n')],
  ['`eyJ` repeated', fill('eyJ')],
  ['`xoxb-1-` repeated', fill('xoxb-1-')],
  ['`/home/` repeated', fill('/home/')],
  ['hex and colons', fill('ab12:')],
  [
    'base64 lines of 64',
    randomBytes(MB)
      .toString('base64')
      .replace(/(.{64})/g, '$1\n')
      .slice(0, MB),
  ],
  // Shapes aimed at the generic detectors: every unit a candidate, most of them findings.
  ['`stripe api key = ` + value, repeated', fill('stripe api key = ' + 'k9Xq2Lm7Pz ')],
  ['`password = "two words` unterminated', fill('password = "two words ')],
  ['`<secret>{` repeated', fill('<secret>{')],
  ['`key: ` + punctuated value lines', fill('key: m{{h}o)p$k9Xq}\n')],
  ['`token ` + random 40 chars, repeated', unique((r) => 'token ' + r(40) + ' ')],
  ['service name + random 32 chars', unique((r) => 'jira ' + r(32) + '\n')],
  ['quoted hex 64, repeated', unique((r) => '"' + r(64, '0123456789abcdef') + '", ')],
  ['quoted base64 44, repeated', unique((r) => "'" + r(43) + "=' ")],
  ['`"` + token chars, unterminated', fill('"' + 'a1B2c3D4'.repeat(8))],
  ['phone-like `+44 20 7946 0958 `', fill('+44 20 7946 0958 ')],
  ['digit groups `12 34 56 78 90 `', fill('12 34 56 78 90 ')],
  ['`(02) ` repeated', fill('(02) ')],
  ['SSN-like `536-22-8714 `', fill('536-22-8714 ')],
  ['IPv6 `2a02:8108::1 `', fill('2a02:8108::1 ')],
  ['`::` repeated', fill('::')],
  ['email `a.b@c.de `', fill('a.b@c.de ')],
  ['`a@bcd ` (no dot), one line', fill('a@bcd ')],
  ['IPv4 `185.220.101.47 `, one line', fill('185.220.101.47 ')],
  ['`jdbc:oracle:thin:a/` repeated', fill('jdbc:oracle:thin:a/')],
  ['`GB82 ` repeated', fill('GB82 ')],
  ['`key = process.env.K || ` unterminated, repeated', fill('key = process.env.K || ')],
  // Shapes aimed at this round's detectors: statements, plain-word passwords on configuration
  // lines, identifiers after their words, checksummed addresses.
  ['`password=` + word, logfmt pairs, one line', fill('user=jane password=swordfish7 ')],
  ['`[s]` then `pass = word` lines', '[s]\n' + fill('pass = quiet-river-42\n')],
  ["`IDENTIFIED BY '…'` repeated", fill("CREATE USER u IDENTIFIED BY 'r3p0rtUser'; ")],
  ['`auth=("u", "p")` repeated', fill('auth=("admin", "plum-Cake-5") ')],
  ['`DOB: 1985-03-14 ` repeated', fill('DOB: 1985-03-14 ')],
  ['`passport` then 1 MB of spaces', 'passport' + fill(' ')],
  ['`passport: 912803456 ` repeated', fill('passport: 912803456 ')],
  ['`account no. ` + digits, distinct', unique((r) => 'account no. ' + r(11, DIGITS) + ' ')],
  [
    'Bitcoin-shaped `1…` (34 base58), distinct',
    unique((r) => '1' + r(33, '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz') + ' '),
  ],
  ['bech32-shaped `bc1q…`, distinct', unique((r) => 'bc1q' + r(38, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l') + ' ')],
  // Command lines: a tool's name repeated inside one long command, each option a finding, a
  // standard-input reader after a long echo line.
  ['`zip ` repeated, one line', fill('zip ')],
  ['`zip -P ` + password, repeated', fill('zip -P Zq8-mX2pL a.zip; ')],
  ['`keytool -storepass ` + distinct, one line', unique((r) => 'keytool -storepass ' + r(12) + ' ')],
  ['`echo ` repeated then `| docker login --password-stdin`', fill('echo ') + '| docker login --password-stdin'],
  ['`echo p | sudo -S ` repeated', fill('echo p4ss-W0rd | sudo -S ')],
  ["`mysqli_connect('h', 'u', '…')` repeated", fill("mysqli_connect('localhost', 'root', 'Pw1x9q', 'db') ")],
  ["`page.fill('#password', '…')` repeated", fill("page.fill('#password', 'Pw1x9q') ")],
  ['`INSERT … VALUES` rows, one statement', 'INSERT INTO u (login, password) VALUES ' + fill("('a', 'Pw1x9q'), ")],
  ['`setPassword("…", ` unterminated, repeated', fill('setPassword("Pw1x9q", ')],
  ['`connect(` then 1 MB of spaces', 'connect(' + fill(' ')],
  // National identifiers (after their names, after a general word, and alone), prose passwords,
  // dotted token prefixes.
  ['`PESEL: ` + 11 digits, distinct', unique((r) => 'PESEL: ' + r(11, DIGITS) + ' ')],
  ['NIF-shaped `12345678Z`, distinct', unique((r) => r(8, DIGITS) + 'TRWAGMYFPDXBNJZSQVHLCKE'[parseInt(r(2, DIGITS), 10) % 23] + ' ')],
  ['`national ID: ` then 1 MB of digits and spaces', 'national ID: ' + fill('12 34 ')],
  ['`the password is ` + random 12, distinct', unique((r) => 'the password is ' + r(12) + '. ')],
  ['`dp.st.dev.` + random 43, distinct', unique((r) => 'dp.st.dev.' + r(43) + ' ')],
  // Table columns, variables set for a command, hyphenated passphrases.
  ['CSV `user,password` then rows, distinct', 'user,password\n' + unique((r) => r(6) + ',' + r(12) + '\n')],
  [
    'header lines of 64 `token` cells, each a table of no rows',
    fill(Array(64).fill('token').join(',') + '\n' + Array(63).fill('x').join(',') + '\n'),
  ],
  ['Kubernetes Secret documents, each with a data map', fill('---\nkind: Secret\ndata:\n  username: YWRtaW4=\n  password: cGFzc3dvcmQ=\n')],
  ['`kind: Secret` lines in one document', fill('  kind: Secret\n')],
  // An option read against the command before it, on one long line (once quadratic).
  ['`psexec -u admin -p ` + distinct, one line', unique((r) => 'psexec -u admin -p ' + r(10) + ' ')],
  ['`PGPASSWORD=` + random 12 + ` psql -h db`, distinct', unique((r) => 'PGPASSWORD=' + r(12) + ' psql -h db\n')],
  [
    '`jwt_secret: "` + four hyphenated words, distinct',
    unique((r) => 'jwt_secret: "' + [r(5, LOWER), r(6, LOWER), r(4, LOWER), r(7, LOWER)].join('-') + '"\n'),
  ],
  // Shapes aimed at policy 5's detectors: pairs, encoded credentials, webhook paths, labels above,
  // keys given as users, MAC addresses, fields of names and addresses, identifier columns.
  ['`{smtp_password, "…"}` pairs, distinct', unique((r) => '{smtp_password, "' + r(10) + '!"}, ')],
  ["`btoa('user:…')`, distinct", unique((r) => "btoa('" + r(6) + ':' + r(12) + "') ")],
  ['webhook URLs `…/hooks/<token>`, distinct', unique((r) => 'https://chat.acme.io/hooks/' + r(26) + ' ')],
  ['`Token:` then a token line, distinct', unique((r) => '# api token:\n' + r(40) + '\n')],
  ['`curl -u KEY:X`, distinct', unique((r) => 'curl -u ' + r(20) + ':X https://x.io; ')],
  ['MAC addresses, distinct', unique((r) => [0, 0, 0, 0, 0, 0].map((_, i) => (i === 0 ? '3c' : r(2, HEX))).join(':') + ' ')],
  [
    '`"name": …, "email": …` records, distinct',
    unique(
      (r) =>
        `{"name": "${r(6, LOWER).replace(/^./, (c) => c.toUpperCase())} ${r(7, LOWER).replace(/^./, (c) => c.toUpperCase())}", "email": "${r(6, LOWER)}@${r(5, LOWER)}.com"},\n`,
    ),
  ],
  ['`name` lines with no personal data, one line', fill('{"name": "Build And Test", "nameserver": "ns1", ')],
  ['CSV `name,pesel` then rows, distinct', 'name,pesel\n' + unique((r) => r(8, LOWER) + ',' + r(11, DIGITS) + '\n')],
  ['`address` and `street` words, one line', fill('ip address, street view, mac address; ')],
  // People's names, street addresses, Ethereum addresses and unquoted values (names.ts, pii.ts, literals.ts).
  ['capitalised common words, one line', fill('Getting Started With The Release Notes Page ')],
  ['`Hi ` + capitalised word, repeated', fill('Hi Margaret, ')],
  ['capitalised random words in pairs, distinct', unique((r) => r(1, UPPER) + r(6, LOWER) + ' ' + r(1, UPPER) + r(8, LOWER) + ' ')],
  ['`Best regards,` lines then a name, repeated', fill('Best regards,\nHarold Jennings\n')],
  ['`Name: ` + capitalised words, one line', fill('Name: Zendesk Sync Job ')],
  ['house number + words + `Street`, distinct', unique((r) => r(3, DIGITS) + ' ' + r(1, UPPER) + r(7, LOWER) + ' Street, ')],
  ['digits then capitalised words (no street type), one line', fill('1847 Larkspur Larkspur Larkspur ')],
  ['`0x` + 40 hex, distinct', unique((r) => 'from=0x' + r(40, HEX) + ' ')],
  ['`k: ` + 40 random, lines, distinct', unique((r) => 'k: ' + r(40) + '\n')],
  ['`<v>` + base64 `</v>`, distinct', unique((r) => '<v>' + r(48) + '</v>\n')],
  ['`<v>` then 1 MB without a close', '<v>' + fill('a1B2c3D4')],
  // Every unit a distinct finding, so no per-value memory helps: the cost of one finding of each kind.
  ['`password = "` + random 12, distinct', unique((r) => 'password = "' + r(12) + '"\n')],
  ['`?api_key=` + random 32, distinct', unique((r) => '?api_key=' + r(32) + '&')],
  ['`Bearer ` + random 40, distinct', unique((r) => 'Bearer ' + r(40) + '\n')],
  ['URL passwords, distinct', unique((r) => 'https://u:' + r(16) + '@h.io/ ')],
  ['emails, distinct', unique((r) => r(6).toLowerCase() + '@' + r(5).toLowerCase() + '.com ')],
  ['IPv4 addresses, distinct', unique((r) => [0, 0, 0, 0].map(() => String(1 + (parseInt(r(3, DIGITS), 10) % 223))).join('.') + ' ')],
  ['IPv6 addresses, distinct', unique((r) => '2a02:' + r(4, HEX) + '::' + r(3, HEX) + ' ')],
  ['phone numbers, distinct', unique((r) => '+44 20 7183 ' + r(4, DIGITS) + ' ')],
  ['SSNs, distinct', unique((r) => '5' + r(2, DIGITS) + '-2' + r(1, DIGITS) + '-8' + r(3, DIGITS) + ' ')],
  ['card-like digit groups, distinct', unique((r) => '4111 ' + r(4, DIGITS) + ' ' + r(4, DIGITS) + ' ' + r(4, DIGITS) + ' ')],
  [
    'IBAN-shaped groups `DE89 3704 …`, distinct',
    unique(
      (r) =>
        'DE' + r(2, DIGITS) + ' ' + r(4, DIGITS) + ' ' + r(4, DIGITS) + ' ' + r(4, DIGITS) + ' ' + r(4, DIGITS) + ' ' + r(2, DIGITS) + ' ',
    ),
  ],
  // Policy 8's detectors: birth dates with months' names and in CJK, passwords after their words
  // in other languages, codes, names after labels in other scripts, chats' speakers and handles,
  // user names, identifiers alone, postal lines after streets.
  ['`nací el 21 de febrero de 1980 ` repeated', fill('nací el 21 de febrero de 1980 ')],
  ['`出生日期 1998年7月23日，` repeated', fill('出生日期 1998年7月23日，')],
  ['`Passwort: ` + random 12, distinct', unique((r) => 'Passwort: ' + r(12) + '!\n')],
  ['`パスワード：` then 1 MB of letters', 'パスワード：' + fill('a')],
  ['`cvv ` + 3 digits, distinct', unique((r) => 'cvv ' + r(3, DIGITS) + ' ')],
  ['`氏名：` + a name, distinct lines', unique((r) => '氏名：高橋 ' + r(2, 'あいうえおかきくけこ') + '\n')],
  ['`Name Name: ` speaker lines, distinct', unique((r) => 'Anna ' + r(6, 'abcdefghijklmnopqrstuvwxyz') + ': hi\n')],
  ['`first.last  11:07` handle lines, distinct', unique((r) => 'lena.' + r(5, 'abcdefghijklmnopqrstuvwxyz') + '  11:07\nok\n')],
  ['`user: ` + initial and surname, distinct', unique((r) => 'user: ' + r(1, 'abcdefghijklmnopqrstuvwxyz') + 'vogel\n')],
  [
    'CNPJ-shaped `12.345.678/0001-95`, distinct',
    unique((r) => r(2, DIGITS) + '.' + r(3, DIGITS) + '.' + r(3, DIGITS) + '/0001-' + r(2, DIGITS) + ' '),
  ],
  ['street lines then `26603 Aurich`, repeated', fill('Am Kirchplatz 3\n26603 Aurich\n')],
  ['`password: "` + words and symbols, distinct', unique((r) => 'password: "' + r(5) + '_' + r(3) + '-' + r(4) + '!%"\n')],
  // Policy 9's detectors.
  [
    '`Address: ` + number and capitalised words, distinct',
    unique((r) => 'Address: ' + r(3, DIGITS) + ' ' + r(1, UPPER) + r(6, LOWER) + ' Street, ' + r(5, DIGITS) + ' Town\n'),
  ],
  ['`address: ` + lower-case words and a number, one line', fill('address: ' + 'an integer value of 4 ')],
  [
    '`lives at ` + a number and words, distinct',
    unique((r) => 'she lives at ' + r(2, DIGITS) + ' ' + r(1, UPPER) + r(5, LOWER) + ' Road '),
  ],
  [
    'space-aligned table rows under `name  dob`, distinct',
    'name            dob\n' +
      unique(
        (r) =>
          r(1, UPPER) +
          r(5, LOWER) +
          ' ' +
          r(1, UPPER) +
          r(6, LOWER) +
          '   19' +
          r(2, DIGITS) +
          '-0' +
          r(1, '123456789') +
          '-1' +
          r(1, DIGITS) +
          '\n',
      ),
  ],
  [
    'psql rows under `first_name | postcode`, distinct',
    ' first_name | postcode\n------------+---------\n' + unique((r) => ' ' + r(1, UPPER) + r(6, LOWER) + '    | ' + r(5, DIGITS) + '\n'),
  ],
  [
    '`COPY t (name, birth_date) FROM stdin;` rows, distinct',
    'COPY t (name, birth_date) FROM stdin;\n' +
      unique(
        (r) =>
          r(1, UPPER) +
          r(5, LOWER) +
          ' ' +
          r(1, UPPER) +
          r(6, LOWER) +
          '\t19' +
          r(2, DIGITS) +
          '-0' +
          r(1, '123456789') +
          '-1' +
          r(1, DIGITS) +
          '\n',
      ),
  ],
  [
    '`zip` keys with digits among emails, distinct',
    unique((r) => '{"email": "' + r(6, LOWER) + '@mail.de", "zip": "' + r(5, DIGITS) + '"}\n'),
  ],
  // Policy 10: rows without a header, other mentions of a name, personal numbers of more countries.
  [
    'headerless CSV rows with a name and an e-mail, distinct',
    unique(
      (r) =>
        r(1, UPPER) +
        r(6, LOWER) +
        ',Anna,' +
        r(6, LOWER) +
        '@mail.de,' +
        r(2, DIGITS) +
        '/0' +
        r(1, '123456789') +
        '/19' +
        r(2, DIGITS) +
        '\n',
    ),
  ],
  [
    'a full name, then its first name again, distinct',
    unique((r) => 'Present: Anna ' + r(1, UPPER) + r(7, LOWER) + '\n- Anna ' + r(5, LOWER) + '\n'),
  ],
  ['prompt lines `user@host:~$ ls`, distinct', unique((r) => r(6, LOWER) + '@dev-' + r(4, LOWER) + ':~$ ls\n')],
  ['`ssh user@` + address, distinct', unique((r) => 'ssh ' + r(7, LOWER) + '@10.0.' + r(1, DIGITS) + '.' + r(2, DIGITS) + ' ')],
  ['`@` and a long line before it, one line', fill('ssh ' + 'x'.repeat(200) + ' a@b ')],
  [
    'an e-mail address, then a first name alone, distinct',
    unique((r) => r(6, LOWER) + '@mail.io, ask Anna about ' + r(1, UPPER) + r(5, LOWER) + '\n'),
  ],
  ['`CNP ` + 13 digits, distinct', unique((r) => 'CNP 1' + r(12, DIGITS) + ' ')],
  ['`NIK ` + 16 digits, distinct', unique((r) => 'NIK 31' + r(14, DIGITS) + ' ')],
  ['DICOM patient lines, distinct', unique((r) => '(0010,0010) PN [' + r(6, UPPER) + '^' + r(5, UPPER) + ']  # PatientName\n')],
  [
    '`Accepted password for ` + user, distinct',
    unique((r) => 'sshd[1]: Accepted password for ' + r(7, LOWER) + ' from 10.0.0.1 port 22 ssh2\n'),
  ],
  ['`for user ` + handle, distinct', unique((r) => 'login for user ' + r(1, LOWER) + 'vogel.' + r(3, LOWER) + ' ok\n')],
  ['`plate ` + letters and digits, distinct', unique((r) => 'car plate ' + r(2, UPPER) + r(2, DIGITS) + ' ' + r(3, UPPER) + ', ')],
  [
    'machine-readable zone lines, repeated',
    fill('P<GBRWHITFIELD<<ANNA<LOUISE<<<<<<<<<<<<<<<<<\n7367974016GBR8301046F2911191<<<<<<<<<<<<<<<8\n'),
  ],
  [
    '`home ` + coordinates, distinct',
    unique((r) => 'home ' + r(2, DIGITS) + '.' + r(5, DIGITS) + ', ' + r(2, DIGITS) + '.' + r(5, DIGITS) + '\n'),
  ],
  [
    'FHIR identifier values, one list',
    '{"resourceType": "Patient", "identifier": [' + unique((r) => '{"value": "' + r(8, DIGITS) + '"}, ').slice(0, MB - 64) + '{}]}',
  ],
  ['`From=%2B` + digits, distinct', unique((r) => 'From=%2B34' + r(9, DIGITS) + '&')],
  // Policy 11's readers.
  ['a name then `(ID …)`, distinct', unique((r) => 'Customer Anna ' + r(1, UPPER) + r(6, LOWER) + ' (ID ' + r(9, DIGITS) + ') called\n')],
  [
    'a login, then again on the next line, distinct',
    unique((r) => {
      const u = r(1, LOWER) + 'haugen' + r(2, LOWER);
      return 'sshd[1]: Accepted publickey for ' + u + ' from 10.0.0.1 port 22 ssh2\nsudo: ' + u + ' : TTY=pts/0\n';
    }),
  ],
  ['one logins flood, a login repeated on one line', fill('Accepted password for bhaugen from 10.0.0.1 ' + 'bhaugen '.repeat(200) + '\n')],
  ['speaker lines `first.last: ` + a sentence, distinct', unique((r) => 'anna.' + r(6, LOWER) + ': can you call me back\n')],
  ['`docker login -u first.last`, distinct', unique((r) => 'docker login -u anna.' + r(6, LOWER) + ' -p x\n')],
  ['ssh `User` lines under `HostName`, distinct', unique((r) => 'Host h\n  HostName 10.0.0.1\n  User ' + r(8, LOWER) + '\n')],
  ['cookie-jar lines, distinct', unique((r) => '.' + r(6, LOWER) + '.io\tTRUE\t/\tTRUE\t1735689600\tsid\t' + r(32, LOWER + DIGITS) + '\n')],
  [
    'passport second lines (TD3), distinct',
    unique(
      (r) =>
        'mrz=' + r(9, UPPER + DIGITS) + r(1, DIGITS) + 'NGA' + r(7, DIGITS) + 'F' + r(7, DIGITS) + '<<<<<<<<<<<<<<' + r(2, DIGITS) + '\n',
    ),
  ],
  ["`X's iPhone` device names, distinct", unique((r) => "Device Name: Anna's iPhone " + r(6, LOWER) + '\n')],
  [
    '`name_ar` fields in Arabic, distinct',
    unique((r) => '{"name_ar": "نورة ' + r(4, 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي') + '", "mobile": "+966 55 123 4567"}\n'),
  ],
  // Policy 12's readers: logins a name makes, access logs' users, possessors, .netrc and database
  // users, names in Cyrillic and in scripts without capitals, lists of those present, device keys.
  [
    'a full name, then logins made of it, distinct',
    unique((r) => 'Author: Anna ' + r(1, UPPER) + r(6, LOWER) + '\nsee /home/anna' + r(6, LOWER) + '/x\n'),
  ],
  [
    'access log lines with a user, distinct',
    unique((r) => '10.0.0.' + r(2, DIGITS) + ' - ' + r(8, LOWER) + ' [11/Jun/2024:10:02:19 +0200] "GET / HTTP/1.1" 200 5\n'),
  ],
  ["`X's new number` possessors, distinct", unique((r) => r(1, UPPER) + r(6, LOWER) + "'s new number is 07" + r(8, DIGITS) + '\n')],
  [
    '`.netrc` machine and login lines, distinct',
    unique((r) => 'machine h' + r(4, LOWER) + '.io login anna.' + r(6, LOWER) + ' password x\n'),
  ],
  [
    'Cyrillic capitalised pairs, distinct',
    unique((r) => 'Алексей ' + r(1, 'АБВГДЕЖЗИКЛМНОПРСТУФХ') + r(6, 'абвгдежзиклмнопрстуфх') + 'ов '),
  ],
  ['Arabic given name and `ال…` words, distinct', unique((r) => 'أحمد ال' + r(5, 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي') + ' ')],
  [
    '`参会：` lists of Chinese names, distinct',
    unique(
      (r) => '参会：王' + r(2, '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞') + '、李' + r(2, '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞') + '\n',
    ),
  ],
  ['`snmp-server community` lines, distinct', unique((r) => 'snmp-server community ' + r(16) + ' RO 10\n')],
  ['`https://` + token + `:@`, distinct', unique((r) => 'https://' + r(20, LOWER + DIGITS) + ':@gem.fury.io/x ')],
  // Policy 13's readers: passwords told beside their word, published test values.
  ['`creds are user / ` + a chosen password, distinct', unique((r) => 'creds are admin / ' + r(6, LOWER) + '!' + r(3, DIGITS) + 'X\n')],
  ['`password` then words and code names, one line', fill('the password for Build2Deploy is in the vault, ask Ops2Team first; ')],
  ['`pw?` questions answered, distinct', unique((r) => '[09:14] <ann> admin pw?\n[09:15] <bo> ' + r(5) + '#' + r(2, DIGITS) + '\n')],
  ['test cards with a security code, one line', fill('| 4242 4242 4242 4242 | cvc 123 | 4000 0025 0000 3155 | ')],
  ['phone numbers standing in by their digits, one line', fill('tel +49 30 1234567, (212) 555-0142; ')],
  // Policy 16's readers: names alone after a cue or before a verb, names in brackets, tables of names
  // and values, comments above assignments, services' shaped ids, tokens glued to their names.
  ['`ask ` + a capitalised word, distinct', unique((r) => 'ask ' + r(1, UPPER) + r(6, LOWER) + ' about it. ')],
  ['a capitalised word + `will` starting sentences, distinct', unique((r) => r(1, UPPER) + r(6, LOWER) + ' will run it. ')],
  [
    'a name + its other writing in brackets, distinct',
    unique((r) => 'Guest: ' + r(1, UPPER) + r(4, LOWER) + ' ' + r(1, UPPER) + r(5, LOWER) + ' (刘洋), '),
  ],
  ['`| Password | … |` rows, distinct', unique((r) => '| Password | ' + r(12) + ' |\n')],
  ['`# password` comments above assignments, distinct', unique((r) => '# password\nx = "' + r(14) + '"\n')],
  ['`K00…` keys with their ids, distinct', unique((r) => 'b2 authorize 00' + r(23, HEX) + ' K004' + r(27) + '\n')],
  [
    '`Meeting ID` and a passcode, distinct',
    unique((r) => 'Meeting ID: ' + r(3, DIGITS) + ' ' + r(4, DIGITS) + ' ' + r(4, DIGITS) + ' Passcode: ' + r(6, DIGITS) + '\n'),
  ],
  ['`NAME=` + a token, env lines, distinct', unique((r) => 'API_' + r(6, UPPER) + '=' + r(30) + '\n')],
  // Policy 17's readers: ids beside their secrets, logins and passwords in pairs, display names past
  // Latin, towns where names could stand, a password of letters told after its cue.
  [
    '`X_CLIENT_ID` and `X_CLIENT_SECRET` lines, distinct',
    unique((r) => {
      const x = r(6, UPPER);
      return x + '_CLIENT_ID=' + r(12) + '\n' + x + '_CLIENT_SECRET=' + r(32) + '\n';
    }),
  ],
  [
    'an e-mail address ` / ` a chosen password, distinct',
    unique((r) => r(6, LOWER) + '@corp.test / ' + r(5, LOWER) + '!' + r(3, DIGITS) + 'Q\n'),
  ],
  [
    'Arabic display names before addresses, distinct',
    unique((r) => 'من: يوسف ' + r(5, 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي') + ' <' + r(8, LOWER) + '@mail.test>\n'),
  ],
  ['towns in a list, one line', fill('Lagos, Nairobi, Addis Ababa, São Paulo, Dublin and Mumbai; ')],
  ['`password is: ` + letters, distinct', unique((r) => 'password is: ' + r(4, UPPER) + '-' + r(8, LOWER) + 'Q\n')],
  // Policy 18's readers: wallets' phrases and keys, a list's items under a label, notes signed after a
  // dash, names again in another case, handles made for one use.
  ['`mnemonic: ` + twelve words, distinct', unique((r) => 'mnemonic: "' + Array.from({ length: 12 }, () => r(5, LOWER)).join(' ') + '"\n')],
  ['`accounts: ["0x` + 64 hex, one line', fill('accounts: ["0x' + 'df5ef7a5234cc7b7a8b2edd9d1ae5dcc2727f8f6a92ef7ba89ac62eca6d430bf"], ')],
  ['a label then `- name: token` items, distinct', 'deploy tokens:\n' + unique((r) => '- ' + r(6, LOWER) + ': ' + r(24) + '\n')],
  ['notes signed after a dash, distinct', unique((r) => 'fixed the ' + r(6, LOWER) + ' — Joost\n')],
  ['a name then its other cases, one line', fill('Ivana Babić i Ivani, Ivanu, Ivano; ')],
  ['`user: ` + a handle with `-dev`, distinct', unique((r) => 'user: ' + r(1, LOWER) + 'kapoor' + r(2, LOWER) + '-dev\n')],
  // Policy 19's readers: identifiers under their countries' names, names after a number, in lower
  // case and signed after a slash, literals joined to a secret, passwords in login/password pairs.
  ['`DNI N° ` + digits, distinct', unique((r) => 'DNI N° ' + r(8, DIGITS) + '-' + r(1, DIGITS) + '\n')],
  ['`Cédula/NIT: ` repeated, one line', fill('Cédula/NIT: 23.960.008-0 ')],
  [
    'phones then names in brackets, distinct',
    unique((r) => '+998 91 ' + r(3, DIGITS) + ' 11 25 (' + r(1, UPPER) + r(6, LOWER) + ' Rakhimov)\n'),
  ],
  ['`ask ` + lower-case words, one line', fill('ask priya menon ask rafael souza ')],
  ['notes signed after a slash, distinct', unique((r) => 'ring ' + r(6, LOWER) + ' när du kan /Ylva\n')],
  ['`"secret" + "piece"` joined, one line', fill('"sk_live_51oYtl4Zko79ogi3yLL5GMeJ0p" + "x9" + ')],
  ['`user: a / ` + a password, distinct', unique((r) => 'user: ' + r(6, LOWER) + ' / ' + r(4, UPPER) + r(4, DIGITS) + '#x\n')],
  // Policy 20's readers: phones after names, names found again, codes with words before the colon,
  // logins after `User`, seeds, speakers after bullets, attendees, Japanese readings, names' other
  // forms, possessions, postal lines after a flat's slash, identifiers after `konto`.
  [
    'a name then a phone in groups, distinct',
    unique((r) => r(1, UPPER) + r(6, LOWER) + ' Vargas ' + r(4, DIGITS) + ' ' + r(4, DIGITS) + '\n'),
  ],
  [
    '`Caller: ` + a name, then its given name, distinct',
    unique((r) => 'Caller: ' + r(1, UPPER) + r(6, LOWER) + ' Mokoena\ncall ' + r(1, UPPER) + r(6, LOWER) + ' back\n'),
  ],
  ['`Alarm code for the new office: ` repeated, one line', fill('Alarm code for the new office: 106318. ')],
  ['`User ` + a login, distinct', unique((r) => 'User ' + r(5, LOWER) + '.' + r(1, LOWER) + ' reports\n')],
  ['`seed: ` + base32, distinct', unique((r) => 'seed: ' + r(32, UPPER + '234567') + '\n')],
  ['`- Okafor: ` items, distinct', unique((r) => '- Okafor: ' + r(8, LOWER) + ' done\n')],
  ['`Attendees: ` + one long list', 'Attendees: ' + fill('Adébáyọ̀ Ọlátúnjí, ').slice(0, MB - 20)],
  ['Japanese names with readings before `様`, distinct', unique((r) => '佐々木 美穂（ささき みほ）様 ' + r(4, DIGITS) + '\n')],
  [
    'a name in Hangul before its Latin form, distinct',
    unique((r) => '박지우 (' + r(1, UPPER) + r(5, LOWER) + ' Park) ' + r(3, DIGITS) + '\n'),
  ],
  ["`Sigrid's token ` + words, distinct", unique((r) => "Sigrid's token " + r(6, LOWER) + '\n')],
  [
    'a street with a flat after a slash, then its postal line, distinct',
    unique((r) => 'Rue des Tanneurs ' + r(2, DIGITS) + '/' + r(1, DIGITS) + '\n1000 Bruxelles\n'),
  ],
  ['`konto ` + an account, distinct', unique((r) => 'konto ' + r(4, DIGITS) + '.' + r(2, DIGITS) + '.' + r(5, DIGITS) + '\n')],
  // Policy 21's readers: a card's expiry, names as airlines write them, names joined by `and`, names in
  // Hangul before a phone, Russian names starting sentences, block keys under `tokens {`, Redis's
  // access lists, recovery codes, BitLocker's keys, calls that wrap a secret.
  ['a card then `exp MM/YY`, distinct', unique((r) => '4539 1488 0343 6467 exp ' + r(1, '01') + r(1, '12') + '/' + r(2, DIGITS) + '\n')],
  ['`exp 06/27 ` repeated after one card, one line', '4539 1488 0343 6467 ' + fill('exp 06/27 ').slice(0, MB - 20)],
  ['`FAMILY/GIVEN` in capitals, distinct', unique((r) => r(7, UPPER) + '/' + r(6, UPPER) + ' ' + r(8, DIGITS) + '\n')],
  ['`HARGREAVES/PENELOPE ` repeated, one line', fill('HARGREAVES/PENELOPE ')],
  [
    'a name `and` two capitalised words, distinct',
    unique((r) => 'Aroha Ngata and ' + r(1, UPPER) + r(5, LOWER) + ' ' + r(1, UPPER) + r(7, LOWER) + '\n'),
  ],
  ['`- 정하늘  ` + a phone, distinct', unique((r) => '- 정하늘  010-' + r(4, DIGITS) + '-' + r(4, DIGITS) + '\n')],
  ['Russian sentences starting with a name, distinct', unique((r) => 'Алексей ' + r(6, 'абвгдежзиклмнопрстуфхцчшщыэюя') + '. ')],
  [
    '`tokens {` then keys, distinct',
    'tokens {\n' +
      unique(
        (r) => '  ' + r(8, LOWER) + ' = "' + r(8, HEX) + '-' + r(4, HEX) + '-' + r(4, HEX) + '-' + r(4, HEX) + '-' + r(12, HEX) + '"\n',
      ),
  ],
  ['Redis ACL lines, distinct', unique((r) => 'user ' + r(6, LOWER) + ' on >' + r(20) + ' ~* +@all\n')],
  ['`recovery codes: ` + groups, distinct', unique((r) => 'recovery codes: ' + r(5, LOWER + DIGITS) + '-' + r(5, LOWER + DIGITS) + '\n')],
  ['BitLocker-shaped keys, distinct', unique((r) => Array.from({ length: 8 }, () => r(6, DIGITS)).join('-') + '\n')],
  ['`pulumi.secret("` + a value, distinct', unique((r) => 'pulumi.secret("' + r(16) + '")\n')],
  // Policy 22's readers: a Cookie header's pairs, WhatsApp's senders, shipping labels, documents'
  // numbers with letters, Polish account numbers, a directory's rows, patronymics, pinyin in
  // brackets, names in capitals before a phone, Terraform state's results, a form's two-word labels.
  ['`Cookie: ` + many pairs, one line', 'Cookie: ' + fill('sid=Xk9mP2qL7vR4; lang=fi; ').slice(0, MB - 20)],
  ['`Cookie: ` + a session, distinct', unique((r) => 'Cookie: connect.sid=s%3A' + r(24) + '.' + r(20) + '; lang=fi\n')],
  ['WhatsApp lines, distinct', unique((r) => '12/02/2024, 19:35 - ' + r(1, UPPER) + r(5, LOWER) + ' (Shop): ' + r(8, LOWER) + '\n')],
  [
    '`SHIP TO:` blocks in capitals, distinct',
    unique((r) => 'SHIP TO:\n' + r(6, UPPER) + ' ' + r(7, UPPER) + '\n' + r(4, DIGITS) + ' MAPLE DR\n'),
  ],
  ['`doc_number` + letters and digits, distinct', unique((r) => '"doc_number":"' + r(2, UPPER) + r(8, UPPER + DIGITS) + '",\n')],
  ['Polish account numbers, distinct', unique((r) => Array.from({ length: 7 }, (_, k) => r(k === 0 ? 2 : 4, DIGITS)).join(' ') + '\n')],
  [
    "a directory's rows with a phone, distinct",
    unique(
      (r) => r(1, UPPER) + r(5, LOWER) + ' ' + r(1, UPPER) + r(7, LOWER) + ' — Accra — +233 23 ' + r(3, DIGITS) + ' ' + r(4, DIGITS) + '\n',
    ),
  ],
  [
    'given names with patronymics, distinct',
    unique((r) => 'Оксана ' + r(1, 'ПСТК') + r(5, 'абвгдежзиклмнопрстуф') + 'івна ' + r(4, DIGITS) + '\n'),
  ],
  ['Han names with pinyin, distinct', unique((r) => '黄志强 (' + r(8, UPPER) + ' ' + r(5, UPPER) + ') ' + r(4, DIGITS) + '\n')],
  [
    '`sent to` + capitals + a phone, distinct',
    unique((r) => 'sent to ' + r(7, UPPER) + ' ' + r(5, UPPER) + ' 0781 ' + r(6, DIGITS) + '\n'),
  ],
  ['Terraform state results, distinct', unique((r) => '"result": "' + r(24) + '",\n"special": true,\n')],
  ['`Full name: ` + capitals, distinct', unique((r) => 'Full name: ' + r(7, UPPER) + ' ' + r(6, UPPER) + '\n')],
  // Policy 23's readers: generated passphrases, ciphertext, documents' records, COBOL items,
  // annotations, Thai titles, India's honorifics, UPI ids, booking references, copied chat headers.
  [
    'passphrases with a symbol and a number, distinct',
    unique((r) => "-N '" + r(6, LOWER) + ' ' + r(5, LOWER) + ' ' + r(7, LOWER) + '$' + r(2, DIGITS) + "'\n"),
  ],
  ['words glued to `;` + digits, one line', fill('alpha beta gamma;1 ').slice(0, MB)],
  ['SOPS values, distinct', unique((r) => 'KEY_' + r(6, UPPER) + ': ENC[AES256_GCM,data:' + r(24) + ',iv:' + r(43) + '=,type:str]\n')],
  [
    "documents' records, distinct",
    unique((r) => '{"id_card": { "number": "' + r(9, DIGITS) + '", "type": "ID_CARD", "surname": "' + r(6, UPPER) + '" }}\n'),
  ],
  ['COBOL items with values, distinct', unique((r) => "05  WS-CUST-NAME  PIC X(30) VALUE '" + r(6, UPPER) + ', ' + r(5, UPPER) + "'.\n")],
  ['annotations of persons, distinct', unique((r) => '{"type": "PERSON", "text": "' + r(1, UPPER) + r(6, LOWER) + '"}\n')],
  ['CoNLL tokens tagged B-PER, distinct', unique((r) => r(1, UPPER) + r(6, LOWER) + ' NNP B-PER B-PER\n')],
  [
    'Thai names after titles, distinct',
    unique((r) => 'นาย' + r(5, 'กขคงจฉชซดตถทนบปผพฟมยรลวสหอ') + ' ' + r(6, 'กขคงจฉชซดตถทนบปผพฟมยรลวสหอ') + ' โทร\n'),
  ],
  ['UPI ids, distinct', unique((r) => 'pay ' + r(8, LOWER + DIGITS) + '@oksbi\n')],
  ['`@` alone, one line', fill('a@b ').slice(0, MB)],
  ['`pnr=` + six characters, distinct', unique((r) => 'pnr=' + r(6, UPPER + DIGITS) + ' from=DXB\n')],
  ["Telegram's copied headers, distinct", unique((r) => r(1, UPPER) + r(5, LOWER) + ', [03.02.2025 21:' + r(2, DIGITS) + ']\n')],
  // Policy 24's readers: numbers after a form's labels, values said again, a form's fields after a
  // gap, capitals after a title, addresses after labels past Latin, tables drawn with box characters.
  ['form labels + numbers, distinct', unique((r) => r(1, UPPER) + r(6, LOWER) + ' No.: ' + r(9, DIGITS) + '\nStatus: open\n')],
  [
    'a value said again on its line, distinct',
    unique((r) => {
      const v = r(20);
      return `api_key = "${v}" # was ${v} ${v}\n`;
    }),
  ],
  [
    "a form's fields after gaps, distinct",
    unique((r) => 'Surname: ' + r(1, UPPER) + r(7, LOWER) + '     Given names: ' + r(1, UPPER) + r(5, LOWER) + '\n'),
  ],
  ['capitals after a title, distinct', unique((r) => 'DOÑA MARÍA ' + r(6, UPPER) + ' DE LA ' + r(7, UPPER) + ',\n')],
  [
    'Arabic address labels + digits, distinct',
    unique((r) => 'العنوان: ' + r(2, '١٢٣٤٥٦٧٨٩') + ' شارع ' + r(6, 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي') + '\n'),
  ],
  [
    'box-drawn table rows, distinct',
    unique((r) => '│ ' + r(8, HEX) + '-' + r(4, HEX) + '-' + r(4, HEX) + '-' + r(4, HEX) + '-' + r(12, HEX) + ' │ ' + r(6, LOWER) + ' │\n'),
  ],
  // Policy 25's readers: a form's birth field, birth told in a sentence, letters' address blocks,
  // names by their record's key and by their place in rows as tuples, exported chats' authors.
  [
    'birth fields of forms, distinct',
    unique((r) => 'Tempat/Tgl Lahir: ' + r(6, UPPER) + ', ' + r(2, DIGITS) + '-09-19' + r(2, DIGITS) + '\n'),
  ],
  [
    '`nació el` + dates, distinct',
    unique((r) => r(1, UPPER) + r(5, LOWER) + ' nació el ' + r(1, '12') + ' de marzo de 19' + r(2, DIGITS) + '.\n'),
  ],
  [
    'address blocks under names, distinct',
    unique(
      (r) =>
        'Friederike ' +
        r(1, UPPER) +
        r(6, LOWER) +
        '\nAm ' +
        r(1, UPPER) +
        r(7, LOWER) +
        ' ' +
        r(2, DIGITS) +
        '\n' +
        r(5, DIGITS) +
        ' Hamburg\n',
    ),
  ],
  ['records keyed by names, distinct', unique((r) => '{"rider":"Chidi Okafor"},{"rider":"' + r(1, UPPER) + r(6, LOWER) + '"},')],
  [
    'rows as tuples with names, distinct',
    unique((r) => "(1,'Ana Ruiz','" + r(6, LOWER) + "'),(2,'" + r(1, UPPER) + r(6, LOWER) + "','x'),"),
  ],
  ["exported chats' authors, distinct", unique((r) => '[14-Jun-24 11:2' + r(1, DIGITS) + ' PM] ' + r(8, LOWER) + '\nok\n')],
  // Policy 26's readers: handles before what they did and bold, Windows accounts, names in capitals
  // in cells, records a name opens, Arabic names as values, recovery codes in fences, delimited literals.
  ['handles before `reviewed`, distinct', unique((r) => r(6, LOWER) + '-' + r(7, LOWER) + ' reviewed ')],
  ['bold handles opening lines, distinct', unique((r) => '**' + r(5, LOWER) + '.' + r(6, LOWER) + '** x\n')],
  ['domain\\accounts, distinct', unique((r) => 'CORP' + r(2, UPPER) + '\\' + r(1, LOWER) + r(6, LOWER) + ' ')],
  ['capitals in cells, distinct', unique((r) => ';"' + r(7, UPPER) + ' ' + r(8, UPPER) + '"')],
  [
    'rows a name opens, distinct',
    unique((r) => 'Chidi Okafor,' + r(9, DIGITS) + ',' + r(1, UPPER) + r(6, LOWER) + ' cesta ' + r(2, DIGITS) + '\n'),
  ],
  [
    'Arabic al-…i values, distinct',
    unique((r) => 'n="' + r(5, 'ابتثجحخدذرزسشصضطظعغفقكلمنهو') + ' ال' + r(5, 'بتثجحخدذرزسشصضطظعغفقكلمنهو') + 'ي" '),
  ],
  [
    'recovery codes in fences, distinct',
    unique((r) => 'recovery codes:\n```\n' + r(4, HEX) + '-' + r(4, HEX) + '-' + r(4, HEX) + '\n```\n'),
  ],
  ["Perl's q{ + runs, distinct", unique((r) => 'my $password = q{' + r(40, LOWER + DIGITS) + ' ')],
  // Policy 27's readers: names said far from their whole name, byte arrays, cookie pairs, diffs'
  // signs, JSON escaped twice, keys as name attributes.
  [
    'a whole name, then its given name far away, distinct',
    'Owner: Margaux Faure\n' + unique((r) => 'Margaux ' + r(8, LOWER) + ' ' + r(6, LOWER) + '.\n'),
  ],
  [
    'whole names, each given name once more, distinct',
    unique((r) => {
      const g = 'Q' + r(6, LOWER);
      return `Lead: ${g} Okafor\n- ${g} to ship it\n`;
    }),
  ],
  [
    'byte arrays of printable bytes, distinct',
    'byte[] k = ' +
      unique((r) => '{ ' + Array.from({ length: 16 }, () => String(65 + (r(1, DIGITS).charCodeAt(0) % 26))).join(', ') + ' };\n'),
  ],
  ['a cookie header of pairs, one line', 'Cookie: ' + unique((r) => r(6, LOWER) + '=' + r(18, LOWER + DIGITS + UPPER) + '; ')],
  [
    'a diff of added assignments, distinct',
    '@@ -1,1 +1,1 @@\n' + unique((r) => '+' + r(8, UPPER) + '_PASSWORD=' + r(12, LOWER + DIGITS + '!#') + '\n'),
  ],
  [
    'JSON escaped twice, one line',
    unique((r) => String.raw`{\"` + r(6, LOWER) + String.raw`\":\"` + r(16, LOWER + DIGITS) + String.raw`\"},`),
  ],
  [
    'multipart parts, distinct',
    unique(
      (r) =>
        'Content-Disposition: form-data; name="full_name"\r\n\r\n' +
        r(1, UPPER) +
        r(6, LOWER) +
        ' ' +
        r(1, UPPER) +
        r(7, LOWER) +
        '\r\n--b\r\n',
    ),
  ],
  // Policy 28: the decoded views, keys' bytes, serial numbers and schemeless logins.
  ['URL-encoded form fields, distinct', unique((r) => 'card%5Bname%5D=' + r(6, UPPER) + '%C3%A1+' + r(7, LOWER) + '&')],
  ['`%C3%A1` repeated (one line)', fill('%C3%A1')],
  ['`\\u00e9` escapes in names, distinct', unique((r) => '"name": "' + r(5, UPPER) + '\\u00e9' + r(6, LOWER) + '",\n')],
  ['character references, distinct', unique((r) => '<n>' + r(4, UPPER) + '&#305;' + r(5, LOWER) + '</n>\n')],
  ['word diff of passwords, distinct', unique((r) => 'password: [-' + r(12, LOWER + DIGITS) + '-]{+' + r(12, UPPER + DIGITS) + '+}\n')],
  ['`[-` and `{+` unclosed, repeated', fill('[-{+')],
  [
    'key bytes under a key name, distinct',
    unique((r) => 'key: [' + Array.from({ length: 16 }, () => String(r(2, DIGITS))).join(', ') + ']\n'),
  ],
  ['serial numbers under their name, distinct', unique((r) => 'SerialNumber: ' + r(10, UPPER + DIGITS) + '\n')],
  ['schemeless logins, distinct', unique((r) => '"' + r(6, LOWER) + ':' + r(14, LOWER + UPPER + DIGITS) + '@db:5432",\n')],
  // Policy 29: tables headed in other scripts, notebooks' lines, name-and-value pairs, names quoted
  // beside identifiers, one-time codes in log lines, birth dates restated.
  [
    'a table headed in Japanese, distinct rows',
    '氏名,フリガナ,住所,携帯電話\n' +
      unique(
        (r) =>
          r(2, '山田佐藤鈴木高橋') +
          ' ' +
          r(2, '太郎花子健一') +
          ',' +
          r(4, 'アイウエオカキ') +
          ',東京都新宿区' +
          r(1, DIGITS) +
          '丁目' +
          r(2, DIGITS) +
          ',090-' +
          r(4, DIGITS) +
          '-' +
          r(4, DIGITS) +
          '\n',
      ),
  ],
  [
    "a notebook's lines, distinct",
    unique((r) => '       "   ' + r(8, LOWER) + '  ' + r(6, UPPER) + '  090-' + r(4, DIGITS) + '-' + r(4, DIGITS) + '\\n",\n'),
  ],
  ['`\\n",` repeated', fill('\\n",')],
  ['name-and-value pairs, distinct', unique((r) => '{"name": "' + r(8, LOWER) + '", "value": "' + r(20, LOWER + UPPER + DIGITS) + '"}, ')],
  [
    'quoted Hangul names beside ids, distinct',
    unique((r) => '{"' + r(1, '김이박최') + r(2, '지호민서연') + '", "' + r(6, DIGITS) + '-' + r(7, DIGITS) + '"},\n'),
  ],
  ['one-time codes in log lines, distinct', unique((r) => 'sms.sent template=otp to=' + r(8, LOWER) + ' code=' + r(6, DIGITS) + '\n')],
  ['`otp ` and `code=` on one line, repeated', fill('otp code= ')],
  // Policy 30's readers: lines a backslash continues, variables joined, short base64 JSON, lists of names,
  // social profiles, folded scalars, credential columns named in words, values said again as digits.
  [
    'lines a backslash continues, distinct',
    unique((r) => 'key=' + r(24, LOWER + UPPER + DIGITS) + '\\\n    ' + r(24, LOWER + UPPER + DIGITS) + '\n'),
  ],
  ['`\\` + line break repeated', fill('\\\n')],
  [
    'variables joined, distinct',
    unique((r) => 'P' + r(4, DIGITS) + '="' + r(12, LOWER + DIGITS) + '"\nT=${P' + r(4, DIGITS) + '}${P' + r(4, DIGITS) + '}\n'),
  ],
  ['`a + b` repeated', fill('total = a1 + b2;\n')],
  ['short base64 JSON, distinct', unique((r) => 'ctx: ' + Buffer.from('{"u":"' + r(12, LOWER) + '"}').toString('base64') + '\n')],
  [
    'lists of names, distinct',
    unique(
      (r) =>
        '["' + r(1, UPPER) + r(6, LOWER) + ' ' + r(1, UPPER) + r(7, LOWER) + '", "Maria Lopez", "' + r(1, UPPER) + r(5, LOWER) + '"],\n',
    ),
  ],
  ['social profiles, distinct', unique((r) => 'https://www.instagram.com/' + r(6, LOWER) + '.' + r(7, LOWER) + '/\n')],
  [
    'folded scalars, distinct',
    unique((r) => 'token: >-\n  ' + r(20, LOWER + UPPER + DIGITS) + '\n  ' + r(20, LOWER + UPPER + DIGITS) + '\n'),
  ],
  [
    'Markdown rows under `api token`, distinct',
    '| name | api token |\n|---|---|\n' + unique((r) => '| ' + r(6, LOWER) + ' | ' + r(24, LOWER + DIGITS) + ' |\n'),
  ],
  [
    'SSNs said again as digits, distinct',
    unique((r) => 'SSN ' + r(3, '1234567') + '-' + r(2, '123456789') + '-' + r(4, '123456789') + ' value=' + r(9, DIGITS) + '\n'),
  ],
];
let worst = 0;
let worstName = '';
let within = 0,
  dense = 0;
for (const [name, text] of adversarial) {
  let res = redactor.redact(text);
  const a = time(() => (res = redactor.redact(text)));
  if (a.cpu > worst) {
    worst = a.cpu;
    worstName = name;
  }
  if (a.cpu <= 50) within++;
  if (res.droppedBecause === 'dense') dense++;
  const how = res.droppedBecause === 'dense' ? 'dropped: too dense' : `${res.findings.length} findings`;
  console.log(`adversarial: ${name.padEnd(44)} ${a.cpu.toFixed(1).padStart(7)} ms CPU ${a.wall.toFixed(1).padStart(7)} ms wall  ${how}`);
}
console.log(
  `adversarial: ${within} of ${adversarial.length} within 50 ms CPU; ${dense} dropped as too dense (DENSE_BLOCK ${DENSE_BLOCK} within ${DENSE_BLOCK * DENSE_CHARS} characters)`,
);
console.log(
  `adversarial worst: ${worst.toFixed(1)} ms CPU, ${worstName} (target ≤ 50 ms); load average at end ${load()} on ${cpus().length} cores`,
);
