// Writes src/redact/services.ts: the service names the context detector looks for near a
// token-shaped string, taken from the rule names of public secret-scanning rule sets (the
// development sets in ../shared/fixtures/redaction-dev: Kingfisher rule ids, gitleaks rule ids;
// and TruffleHog's detector names, kept in scripts/data).
//   node scripts/redact-services.mjs [--dev-dir DIR]
// Names that are everyday English or programming words, and rule ids that name a kind of
// secret rather than a service, are left out: near such a word a token needs a credential cue.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--dev-dir');
const devDir = i > 0 ? process.argv[i + 1] : join(root, '..', 'shared', 'fixtures', 'redaction-dev');
const rules = (file) =>
  readFileSync(join(devDir, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).rule);

// Kinds of secret, formats and umbrella brands, not services.
const NOT_SERVICES = new Set([
  'generic',
  'credentials',
  'privkey',
  'private',
  'pwhash',
  'weak',
  'plaintext',
  'uri',
  'ftp',
  'netrc',
  'odbc',
  'jwt',
  'pkcs12',
  'curl',
  'krb5',
  'psexec',
  'reactapp',
  'age',
  'kubernetes',
  'privacy',
  'moderation',
  'collect2',
  'google',
  'microsoft',
  'amazon',
  'hashicorp',
]);
// Everyday English or programming words: as the only cue they would mark random strings in
// ordinary code (`line`, `segment`, `square`), so near them a token needs a credential word too.
// Names from TruffleHog's detector list that occur ten or more times as whole words in about
// 150 MB of ordinary code and documentation (a Python standard library, Debian's documentation,
// this project's npm dependencies): measured once when the list was added.
const COMMON_IN_CODE = [
  'column',
  'box',
  'float',
  'readme',
  'segment',
  'google',
  'square',
  'checkout',
  'front',
  'shortcut',
  'parsers',
  'coveralls',
  'semaphore',
  'docker',
  'sanity',
  'polygon',
  'monday',
  'notion',
  'vercel',
  'saucelabs',
  'gcp',
  'replicate',
  'hunter',
  'ditto',
  'twist',
  'courier',
  'eraser',
  'noticeable',
  'harness',
  'pusher',
  'groq',
];
const COMMON_WORDS = new Set([
  ...COMMON_IN_CODE,
  'line',
  'float',
  'box',
  'segment',
  'square',
  'shortcut',
  'linear',
  'readme',
  'vault',
  'harness',
  'notion',
  'prefect',
  'intercom',
  'beamer',
  'kraken',
  'daily',
  'polygon',
  'nimble',
  'enigma',
  'raven',
  'karma',
  'holistic',
  'refiner',
  'courier',
  'coda',
  'lob',
  'plaid',
  'chatbot',
  'ionic',
  'apollo',
  'frame',
  'magnetic',
  'debounce',
  'dandelion',
  'impala',
  'honeycomb',
  'octopus',
  'render',
  'prospect',
  'noticeable',
  'gradle',
  'django',
  'sidekiq',
  'telegram',
  'figma',
  'kontent',
  'defined',
  'cisco',
  'new',
]);
const names = new Set();
const add = (n) => {
  const w = n.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (w.length >= 4 && !NOT_SERVICES.has(w) && !COMMON_WORDS.has(w)) names.add(w);
};

for (const id of rules('kingfisher_examples.jsonl')) {
  for (const one of id.split(',')) {
    const parts = one
      .replace(/^kingfisher\./, '')
      .split('.')
      .filter((p) => !/^\d+$/.test(p));
    add(parts[0]);
    if (parts.length > 1 && /^(?:io|com|net|line)$/.test(parts[1])) add(parts.join(''));
  }
}
// TruffleHog's detector names (scripts/data/trufflehog-detectors.txt), less the credential
// words they end with (`airtablepersonalaccesstoken` → `airtable`).
const DETECTOR_SUFFIX =
  /(?:personalaccesstoken|accesstoken|personaltoken|personalapikey|managementapitoken|apitoken|apikey|subscriptionkey|projectkey|userkey|publishkey|writekey|channelkey|consumerkey|globalapikey|adminkey|querykey|bottoken|orgtoken|token|oauth2?|basicauth|webhook|key|serviceaccount|connectionstring|cakey)$/;
for (const line of readFileSync(join(root, 'scripts', 'data', 'trufflehog-detectors.txt'), 'utf8').split('\n')) {
  if (line.startsWith('#')) continue;
  for (const n of line.split(/\s+/).filter(Boolean)) {
    const stem = n.replace(DETECTOR_SUFFIX, '');
    add(stem.length >= 4 ? stem : n);
  }
}
const CRED_WORDS =
  /^(?:personnal|feature|kubernetes|ptt|rrt|tf|base64|amazon|bedrock|header|auth|api|key|keys|token|tokens|access|secret|client|id|pat|password|refresh|oauth|app|application|service|private|public|pub|personal|user|bot|webhook|url|encryption|signing|shared|custom|legacy|config|workspace|session|cookie|identity|reference|organization|upload|delivery|browser|insert|long|short|lived|routable|runner|authentication|deploy|feed|incoming|mail|scim|agent|flag|job|cicd|fine|grained|page|sensitive|test|admin|account|license|secret|cloud)$/;
for (const id of rules('gitleaks_fixtures.jsonl')) {
  const words = id.split('-');
  const lead = [];
  for (const w of words) {
    if (CRED_WORDS.test(w)) break;
    lead.push(w);
  }
  if (!lead.length || NOT_SERVICES.has(lead[0])) continue;
  add(lead[0]);
  if (lead.length === 2) add(lead.join(''));
}

const sorted = [...names].sort();
const body = [];
for (let k = 0; k < sorted.length; k += 8)
  body.push(
    '  ' +
      sorted
        .slice(k, k + 8)
        .map((n) => `'${n}'`)
        .join(', ') +
      ',',
  );
writeFileSync(
  join(root, 'src/redact/services.ts'),
  `// Generated by scripts/redact-services.mjs from the rule names of public secret-scanning rule
// sets (Kingfisher, Apache-2.0; gitleaks, MIT; TruffleHog detector names). Do not edit by hand; re-run the script.

/** Lowercase service names: a token-shaped string right after one of them is taken for its credential. */
export const SERVICE_NAMES: readonly string[] = [
${body.join('\n')}
];
`,
);
console.log(`${sorted.length} service names written to src/redact/services.ts`);
