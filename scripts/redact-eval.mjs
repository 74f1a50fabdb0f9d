// Recall and negatives flagged for the Codetrail redaction engine, side by side with
// secretlint 12 (recommended preset), on every development set, each split into a part the
// rules may be tuned on and a part that is only measured.
//   npm run redact:eval                 (compiles first)
//   node scripts/redact-eval.mjs [--misses] [--dev-dir DIR] [--engine DIR]
// Reads compiled code from out/; prints a Markdown table.
//
// The split is fixed by a hash of each case (its id where it has a stable one, else its text):
// sha256 mod 5 == 0 → measure-only. `--misses` lists misses and flagged negatives of the tune
// parts only (rule or category names, never texts), so the measure-only parts stay unseen.
// `--engine DIR` scores another compiled engine (a directory holding index.js), e.g. an older build.
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const showMisses = args.includes('--misses');
const engineDir = resolve(opt('--engine') ?? join(root, 'out/src/redact'));
const { createRedactor } = require(join(engineDir, 'index.js'));
const { REALISTIC_CASES } = require(join(root, 'out/test/unit/redact/cases.js'));
const { HELD_OUT_CASES } = require(join(root, 'out/test/unit/redact/heldout.js'));

// The shared development sets live beside the repository; CI and fresh clones may lack them.
const devDir = opt('--dev-dir') ?? process.env.REDACTION_DEV_DIR ?? join(root, '..', 'shared', 'fixtures', 'redaction-dev');

/** 1 in 5 cases, fixed by content: never tuned on. */
function isMeasureOnly(key) {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % 5 === 0;
}

// The gitleaks set labels texts, not secrets. A positive's secret is taken to be its longest run
// of letters and digits that mixes both (else the longest that is not a key word); the positive
// is caught when that run no longer appears. Reviewed by hand on the misses.
const NAMEISH =
  /token|secret|passw|apikey|api|key|auth|client|access|config|backup|enabled|string|property|system|source|content|bearer|author|type|application|json|curl|https?|localhost|version|kind|metadata|name|export|private|public|begin|end|block|data|true|false|value|header|example/i;
function devSecret(text) {
  const all = text.match(/[A-Za-z0-9]{4,}/g) ?? [];
  let runs = all.filter((x) => /\d/.test(x) && /[A-Za-z]/.test(x) && !/^(?:[0-9]+password|sha256|v[0-9]|1password|base64)/i.test(x));
  if (!runs.length) runs = all.filter((x) => (!NAMEISH.test(x) && x.toUpperCase() !== x) || /^\d+$/.test(x));
  if (!runs.length) runs = all;
  let best = '';
  for (const x of runs) if (x.length >= best.length) best = x;
  return best;
}

const readJsonl = (p) =>
  readFileSync(p, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

function loadGitleaks() {
  const p = join(devDir, 'gitleaks_fixtures.jsonl');
  if (!existsSync(p)) return null;
  return readJsonl(p).map((r, i) => ({
    id: `gl${i}`,
    tag: r.rule,
    label: r.label,
    text: r.text,
    split: r.text,
    secrets: r.label === 'positive' ? [devSecret(r.text)] : [],
  }));
}

function loadKingfisher() {
  const p = join(devDir, 'kingfisher_examples.jsonl');
  if (!existsSync(p)) return null;
  // Positives without a usable secret can only be scored as "output changed" (secrets: null).
  return readJsonl(p).map((r) => ({
    id: r.id,
    tag: r.rule,
    label: r.label,
    text: r.text,
    split: r.id,
    secrets: r.label === 'positive' ? (r.secrets?.length ? r.secrets : null) : [],
    lowEntropy: r.below_min_entropy === true,
  }));
}

// Own cases: the split key is the text with its generated secrets masked, so inserting a case
// (which shifts the seeded generator) moves no other case between parts.
const template = (c) => c.category + '\u0000' + c.secrets.reduce((t, s) => t.split(s).join('\u0001'), c.text);
const own = (list, allMeasured) =>
  list.map((c) => ({
    id: c.id,
    tag: c.category,
    label: c.label,
    text: c.text,
    secrets: c.secrets,
    split: allMeasured ? null : template(c),
  }));

const engine = createRedactor({ key: new Uint8Array(32).fill(42) });
const engineRedact = async (text) => {
  const r = engine.redact(text);
  return { text: r.text, findings: r.findings };
};

let secretlint = null;
try {
  const { lintSource } = require('@secretlint/core');
  const { creator } = require('@secretlint/secretlint-rule-preset-recommend');
  const config = { rules: [{ id: creator.meta.id, rule: creator }] };
  secretlint = async (text) => {
    const res = await lintSource({
      source: { filePath: '/input.txt', content: text, contentType: 'text' },
      options: { config, maskSecrets: false },
    });
    // Apply its findings as a redaction would: replace each reported range.
    const ranges = res.messages.map((m) => m.range).sort((a, b) => a[0] - b[0]);
    let out = '',
      pos = 0;
    for (const [s, e] of ranges) {
      if (e <= pos) continue;
      out += text.slice(pos, Math.max(pos, s)) + '<REDACTED>';
      pos = e;
    }
    return { text: out + text.slice(pos), findings: null };
  };
} catch (e) {
  console.error(`secretlint not available (${e.message}); showing the engine alone`);
}

/** Characters redacted that belong to no occurrence of a known secret. */
function collateral(text, secrets, findings) {
  const inSecret = new Uint8Array(text.length);
  for (const s of secrets) for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + 1)) inSecret.fill(1, i, i + s.length);
  let extra = 0,
    redacted = 0;
  for (const f of findings)
    for (let i = f.start; i < f.end; i++) {
      redacted++;
      if (!inSecret[i]) extra++;
    }
  return { extra, redacted };
}

async function score(cases, redact) {
  const r = { P: 0, caught: 0, N: 0, flagged: 0, extra: 0, redacted: 0, scored: 0, misses: [], fps: [] };
  for (const c of cases) {
    const out = await redact(c.text);
    if (c.label === 'positive') {
      r.P++;
      const ok = c.secrets === null ? out.text !== c.text : c.secrets.every((s) => !out.text.includes(s));
      if (ok) r.caught++;
      else r.misses.push(c);
      if (ok && c.secrets && out.findings) {
        const k = collateral(c.text, c.secrets, out.findings);
        r.extra += k.extra;
        r.redacted += k.redacted;
        r.scored++;
      }
    } else {
      r.N++;
      if (out.text !== c.text) {
        r.flagged++;
        r.fps.push(c);
      }
    }
  }
  return r;
}

// Probes written this round by sessions that saw neither the engine nor each other's sets
// (test/redaction-probes/README.md): A (credentials in ~50 formats), B (personal data of ~25
// countries), C (long-tail service tokens) were tuned on; D (mixed, written last) is split in
// two by a hash of its ids, one half tuned on, the other only measured. E (personal data in the
// style of PII recognisers' tests), F (credentials in ~45 file formats) and G (in the style of
// other secret scanners' test suites), written in the next round, are split the same way by
// another bit of the hash (`u32`: the first four bytes, odd → measure-only); so are H (terminals,
// logs, tools' output), I (personal data in code and data files) and J (credentials in source and
// infrastructure code), written in the round after, and K (personal data in prose and documents,
// in the style of a PII recogniser's tests), L (in the style of other secret scanners' test
// suites) and M (credentials and personal data in ~90 file formats), written the round after that;
// then N (personal data by recognisers' entity types), O (realistic snippets mixing credentials and
// personal data in ~80 formats) and P (personal records in tools' output and data files); then Q
// (personal data in prose, as PII recognisers' tests write it), R (in the style of other secret
// scanners' test suites, written fresh) and S (snippets in ~40 formats mixing both); then T (personal
// data entity by entity, as PII recognisers' suites test it), U (other scanners' suites' style, a
// third set) and V (snippets in ~40 formats, a second set); then W (snippets in ~40 formats, a
// third set), X (personal data entity by entity, a third set) and Y (an engineer's working week:
// keyword assignments, long-tail and prefixed tokens, and personal data in tickets, query output
// and notes); then Z (personal data entity by entity, a fourth set), ZA (snippets in ~40 formats, a
// fourth set) and ZB (personal data, and some credentials, in the documents engineers read and
// write: tickets, e-mails, chats, minutes, forms; about half not in English); then ZC (other
// scanners' suites' style, a fifth set), ZD (personal data entity by entity, a fifth set) and ZE
// (snippets in ~40 formats, a fifth set); then ZF, ZG and ZH (a sixth set of each of those three);
// then ZI, ZJ and ZK (a seventh); then ZL, ZM and ZN (an eighth); then ZO, ZP and ZQ (a ninth); then ZR, ZS and ZT (a tenth);
// then ZU, ZV and ZW (an eleventh), with ZX (documents, a second set); then ZY and ZZ (a twelfth); then ZZA and ZZB (a thirteenth); then ZZC and ZZD (a fourteenth); then ZZE and ZZF (a fifteenth); then ZZG and ZZH (a sixteenth), ZZI and ZZJ (a seventeenth); then ZZK, ZZL, ZZM and ZZN (an eighteenth); then ZZO, ZZP, ZZQ and ZZR (a nineteenth); then ZZS, ZZT, ZZU and ZZV (a twentieth); then ZZW, ZZX and ZZY (a twenty-first); then ZZZ, ZZZA and ZZZB (a twenty-second).
function loadProbes(file, part) {
  const p = join(root, 'test', 'redaction-probes', file);
  if (!existsSync(p)) return null;
  return readJsonl(p).map((r) => ({
    id: r.id,
    tag: r.note,
    label: r.label,
    text: r.text,
    secrets: r.label === 'positive' ? r.secrets : [],
    part:
      part === 'u32'
        ? createHash('sha256').update(r.id).digest().readUInt32BE(0) % 2 === 1
          ? 'measure-only'
          : 'tune'
        : (part ?? (createHash('sha256').update(r.id).digest()[0] % 2 === 0 ? 'tune' : 'measure-only')),
  }));
}

const sets = [];
const gl = loadGitleaks();
const kf = loadKingfisher();
if (gl) sets.push(['gitleaks', gl]);
else console.error(`gitleaks_fixtures.jsonl not found in ${devDir}; skipped`);
if (kf) sets.push(['kingfisher', kf]);
else console.error(`kingfisher_examples.jsonl not found in ${devDir}; skipped`);
sets.push(['own cases (cases.ts)', own(REALISTIC_CASES, false)]);
sets.push(['held-out (heldout.ts)', own(HELD_OUT_CASES, true)]);
for (const [label, file, part] of [
  ['probes A: credentials in ~50 formats', 'A_formats.jsonl', 'tune'],
  ['probes B: personal data, ~25 countries', 'B_pii.jsonl', 'tune'],
  ['probes C: long-tail service tokens', 'C_longtail.jsonl', 'tune'],
  ['probes D: mixed, written last', 'D_heldout.jsonl', undefined],
  ['probes E: personal data, PII-recogniser style', 'E_pii.jsonl', 'u32'],
  ['probes F: credentials in ~45 file formats', 'F_formats.jsonl', 'u32'],
  ['probes G: other scanners’ suites’ style', 'G_scanners.jsonl', 'u32'],
  ['probes H: terminals, logs and tools’ output', 'H_terminal.jsonl', 'u32'],
  ['probes I: personal data in code and data files', 'I_data.jsonl', 'u32'],
  ['probes J: credentials in source and infrastructure code', 'J_code.jsonl', 'u32'],
  ['probes K: personal data in prose and documents', 'K_prose.jsonl', 'u32'],
  ['probes L: other scanners’ suites’ style, ~230 services', 'L_scanners.jsonl', 'u32'],
  ['probes M: ~90 file formats, credentials and personal data', 'M_files.jsonl', 'u32'],
  ['probes N: personal data, recognisers’ entity types', 'N_recognisers.jsonl', 'u32'],
  ['probes O: realistic snippets in ~80 formats', 'O_snippets.jsonl', 'u32'],
  ['probes P: personal records in tools’ output and data', 'P_records.jsonl', 'u32'],
  ['probes Q: personal data in prose, recognisers’ tests’ style', 'Q_prose.jsonl', 'u32'],
  ['probes R: other scanners’ suites’ style, written fresh', 'R_scanners.jsonl', 'u32'],
  ['probes S: snippets in ~40 formats, credentials and personal data', 'S_snippets.jsonl', 'u32'],
  ['probes T: personal data as recognisers’ suites test it, entity by entity', 'T_recognisers.jsonl', 'u32'],
  ['probes U: other scanners’ suites’ style, a third set', 'U_scanners.jsonl', 'u32'],
  ['probes V: snippets in ~40 formats, a second set', 'V_snippets.jsonl', 'u32'],
  ['probes W: snippets in ~40 formats, a third set', 'W_snippets.jsonl', 'u32'],
  ['probes X: personal data as a PII recogniser’s suite tests it, a third set', 'X_recognisers.jsonl', 'u32'],
  ['probes Y: an engineer’s working week, scanners’ style and snippets', 'Y_worklog.jsonl', 'u32'],
  ['probes Z: personal data as PII recognisers’ suites test it, a fourth set', 'Z_recognisers.jsonl', 'u32'],
  ['probes ZA: snippets in ~40 formats, a fourth set', 'ZA_snippets.jsonl', 'u32'],
  ['probes ZB: personal data in the documents engineers read and write', 'ZB_documents.jsonl', 'u32'],
  ['probes ZC: other scanners’ suites’ style, a fifth set', 'ZC_scanners.jsonl', 'u32'],
  ['probes ZD: personal data as PII recognisers’ suites test it, a fifth set', 'ZD_recognisers.jsonl', 'u32'],
  ['probes ZE: snippets in ~40 formats, a fifth set', 'ZE_snippets.jsonl', 'u32'],
  ['probes ZF: other scanners’ suites’ style, a sixth set', 'ZF_scanners.jsonl', 'u32'],
  ['probes ZG: personal data as PII recognisers’ suites test it, a sixth set', 'ZG_recognisers.jsonl', 'u32'],
  ['probes ZH: snippets in ~40 formats, a sixth set', 'ZH_snippets.jsonl', 'u32'],
  ['probes ZI: other scanners’ suites’ style, a seventh set', 'ZI_scanners.jsonl', 'u32'],
  ['probes ZJ: personal data as PII recognisers’ suites test it, a seventh set', 'ZJ_recognisers.jsonl', 'u32'],
  ['probes ZK: snippets in ~40 formats, a seventh set', 'ZK_snippets.jsonl', 'u32'],
  ['probes ZL: other scanners’ suites’ style, an eighth set', 'ZL_scanners.jsonl', 'u32'],
  ['probes ZM: personal data as PII recognisers’ suites test it, an eighth set', 'ZM_recognisers.jsonl', 'u32'],
  ['probes ZN: snippets in ~40 formats, an eighth set', 'ZN_snippets.jsonl', 'u32'],
  ['probes ZO: other scanners’ suites’ style, a ninth set', 'ZO_scanners.jsonl', 'u32'],
  ['probes ZP: personal data as PII recognisers’ suites test it, a ninth set', 'ZP_recognisers.jsonl', 'u32'],
  ['probes ZQ: snippets in ~40 formats, a ninth set', 'ZQ_snippets.jsonl', 'u32'],
  ['probes ZR: other scanners’ suites’ style, a tenth set', 'ZR_scanners.jsonl', 'u32'],
  ['probes ZS: personal data as PII recognisers’ suites test it, a tenth set', 'ZS_recognisers.jsonl', 'u32'],
  ['probes ZT: snippets in ~40 formats, a tenth set', 'ZT_snippets.jsonl', 'u32'],
  ['probes ZU: other scanners’ suites’ style, an eleventh set', 'ZU_scanners.jsonl', 'u32'],
  ['probes ZV: personal data as PII recognisers’ suites test it, an eleventh set', 'ZV_recognisers.jsonl', 'u32'],
  ['probes ZW: snippets in ~60 formats, an eleventh set', 'ZW_snippets.jsonl', 'u32'],
  ['probes ZX: documents and prose engineers keep, a second set', 'ZX_documents.jsonl', 'u32'],
  ['probes ZY: snippets in ~60 formats, a twelfth set', 'ZY_snippets.jsonl', 'u32'],
  ['probes ZZ: personal data as PII recognisers’ suites test it, a twelfth set', 'ZZ_recognisers.jsonl', 'u32'],
  ['probes ZZA: snippets in ~90 formats, a thirteenth set', 'ZZA_snippets.jsonl', 'u32'],
  ['probes ZZB: personal data as PII recognisers’ suites test it, a thirteenth set', 'ZZB_recognisers.jsonl', 'u32'],
  ['probes ZZC: snippets in ~90 formats, a fourteenth set', 'ZZC_snippets.jsonl', 'u32'],
  ['probes ZZD: personal data as PII recognisers’ suites test it, a fourteenth set', 'ZZD_recognisers.jsonl', 'u32'],
  ['probes ZZE: snippets in ~100 formats, a fifteenth set', 'ZZE_snippets.jsonl', 'u32'],
  ['probes ZZF: personal data as PII recognisers’ suites test it, a fifteenth set', 'ZZF_recognisers.jsonl', 'u32'],
  ['probes ZZG: in the style of other secret scanners’ suites, a sixteenth set', 'ZZG_scanners.jsonl', 'u32'],
  ['probes ZZH: personal data as PII recognisers’ suites test it, a sixteenth set', 'ZZH_recognisers.jsonl', 'u32'],
  ['probes ZZI: snippets in ~45 formats, a seventeenth set', 'ZZI_snippets.jsonl', 'u32'],
  ['probes ZZJ: personal data in a PII recogniser’s English test sentences, a seventeenth set', 'ZZJ_recognisers.jsonl', 'u32'],
  ['probes ZZK: terminals and logs: CI, crashes, verbose HTTP, shells, database sessions, an eighteenth set', 'ZZK_terminals.jsonl', 'u32'],
  ['probes ZZL: data files of ~25 countries: exports, dumps, fixtures, records, an eighteenth set', 'ZZL_data.jsonl', 'u32'],
  ['probes ZZM: people writing to people about code in ~38 languages, an eighteenth set', 'ZZM_messages.jsonl', 'u32'],
  ['probes ZZN: infrastructure and application configuration, an eighteenth set', 'ZZN_configs.jsonl', 'u32'],
  ['probes ZZO: source code and its tests in ~30 languages, a nineteenth set', 'ZZO_code.jsonl', 'u32'],
  ['probes ZZP: documents colleagues write, in ~25 languages, a nineteenth set', 'ZZP_documents.jsonl', 'u32'],
  ['probes ZZQ: web traffic and APIs: HTTP, HAR, collections, webhooks, OAuth, a nineteenth set', 'ZZQ_http.jsonl', 'u32'],
  ['probes ZZR: changes and encodings: diffs, git output, escaped and encoded values, a nineteenth set', 'ZZR_changes.jsonl', 'u32'],
  ["probes ZZS: in the style of other secret scanners' test suites, a twentieth set", 'ZZS_scanners.jsonl', 'u32'],
  ["probes ZZT: personal data as PII recognisers' suites test it, a twentieth set", 'ZZT_recognisers.jsonl', 'u32'],
  ['probes ZZU: snippets in ~40 formats, a twentieth set', 'ZZU_snippets.jsonl', 'u32'],
  ['probes ZZV: mobile, desktop, embedded and game development, a twentieth set', 'ZZV_apps.jsonl', 'u32'],
  ["probes ZZW: in the style of other secret scanners' test suites, a twenty-first set", 'ZZW_scanners.jsonl', 'u32'],
  ["probes ZZX: personal data as a PII recogniser's suite tests it, a twenty-first set", 'ZZX_recognisers.jsonl', 'u32'],
  ['probes ZZY: snippets in ~40 formats, a twenty-first set', 'ZZY_snippets.jsonl', 'u32'],
  ["probes ZZZ: in the style of other secret scanners' test suites, a twenty-second set", 'ZZZ_scanners.jsonl', 'u32'],
  ["probes ZZZA: personal data as a PII recogniser's suite tests it, a twenty-second set", 'ZZZA_recognisers.jsonl', 'u32'],
  ['probes ZZZB: snippets in ~45 formats, a twenty-second set', 'ZZZB_snippets.jsonl', 'u32'],
]) {
  const cases = loadProbes(file, part);
  if (cases) sets.push([label, cases]);
}

const fmt = (x) => (Number.isFinite(x) ? x.toFixed(4) : '—');
console.log(`engine: ${engineDir}`);
console.log('| data set | part | tool | positives | recall | negatives | flagged | collateral chars / caught positive |');
console.log('|---|---|---|---:|---:|---:|---:|---:|');
const macro = { tune: [], measure: [] };
for (const [label, cases] of sets) {
  const parts = [
    ['tune', cases.filter((c) => (c.part ? c.part === 'tune' : c.split !== null && !isMeasureOnly(c.split)))],
    ['measure-only', cases.filter((c) => (c.part ? c.part === 'measure-only' : c.split === null || isMeasureOnly(c.split)))],
  ];
  for (const [part, list] of parts) {
    if (list.length === 0) continue;
    const tools = [['codetrail', engineRedact]];
    if (secretlint) tools.push(['secretlint 12', secretlint]);
    for (const [tool, fn] of tools) {
      const r = await score(list, fn);
      const coll = r.scored ? (r.extra / r.scored).toFixed(1) : '—';
      console.log(
        `| ${label} | ${part} | ${tool} | ${r.P} | ${fmt(r.caught / r.P)} | ${r.N} | ${r.flagged} (${fmt(r.flagged / r.N)}) | ${tool === 'codetrail' ? coll : ''} |`,
      );
      if (tool === 'codetrail') macro[part === 'tune' ? 'tune' : 'measure'].push(r.caught / r.P);
      if (label === 'kingfisher' && tool === 'codetrail') {
        const hi = list.filter((c) => !c.lowEntropy);
        const rh = await score(hi, fn);
        console.log(`| ${label} (above rule min_entropy) | ${part} | ${tool} | ${rh.P} | ${fmt(rh.caught / rh.P)} | | | |`);
      }
      if (showMisses && tool === 'codetrail' && part === 'tune') {
        // Rule or category names only: the texts hold (synthetic) secrets.
        console.error(`\n${label} (tune): missed ${r.misses.map((c) => c.tag).join(', ')}`);
        console.error(`${label} (tune): flagged negatives ${r.fps.map((c) => c.tag).join(', ')}`);
      }
    }
  }
}
const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
console.log(`\ncodetrail macro recall over data sets: tune ${fmt(mean(macro.tune))}, measure-only ${fmt(mean(macro.measure))}`);
process.exit(0);
