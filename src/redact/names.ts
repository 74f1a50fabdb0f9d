// People's names in prose: signatures, greetings, tickets, notes and chats. Names in the fields
// of records are read by fields.ts; here the evidence is the words themselves and what stands
// before them.
//
// A run of two to five capitalised words is a name when its words are names (a list of people's
// names of many cultures) or unknown words, none is a common English word that is no name, and at
// least one is a name that is not also a common word: `Harold Jennings`, `Zhang Weiqiang`, but
// not `Will Power`, `Grace Period` or `Getting Started`. One capitalised word, or a run the lists
// cannot vouch for, is a name after a cue that introduces a person: a greeting (`Hi Margaret,`),
// a title (`Dr. Hargrove`, `Frau Müller`), a phrase (`my name is`, `assigned to`), a label
// (`Passenger:`), a closing line above (`Best regards,` then the name alone on its line), or a
// Japanese honorific after it (`Sato-san`).
import { dirname, join } from 'node:path';
// The phone finder is bundled here, to load with the names rather than with the extension.
export { createPhoneFinder } from './phones';
import { existsSync, readFileSync } from 'node:fs';
import { findAddressBlocks, STREET_AFTER_NUMBER } from './addresses';

export {
  findEthAddresses,
  findInlineAddresses,
  findLabelledAddresses,
  findPostalLines,
  findScriptAddresses,
  findStreetAddresses,
} from './addresses';
import { CLOSING_SET, Cue, CUES, NOT_NAMES, ORGANISATION_WORD_SET, TITLE_WORDS } from './name-cues';
import { cueFlood, denseGuard, isAlnum, ROLE_MAILBOX, SYSTEM_ACCOUNT, TooDense, type Finding } from './text';
import { findHeaderlessRows as readHeaderlessRows, type WordClass } from './rows';
import { CHINESE_FAMILY, familyFirst, findScriptNames, KOREAN_FAMILY, partnered } from './script-names';

interface WordLists {
  names: Set<string>;
  common: Set<string>;
  /** Names that are more often a place, a language or a product here (`Jordan`, `Kafka`): weak evidence. */
  weak: Set<string>;
  /** Given names and family names in scripts without capitals (Arabic, Persian, Urdu, Hebrew, Thai, Devanagari), as scriptKey writes them. */
  scriptGiven: Set<string>;
  scriptFamily: Set<string>;
  /** Towns of 100,000 people or more that are no given name (places.txt): `Nairobi`, `São Paulo`. */
  places: Set<string>;
}
let lists: WordLists | undefined;

/**
 * The word lists, read when first needed from people-names.txt beside this file (the build copies
 * it there; scripts/redact-names.mjs makes it from its sources). The names of regions, languages and scripts come from the runtime's ICU data; service names
 * from the context detector's list.
 */
/** Builds the word lists now (the engine does so as it loads this bundle, see index.ts). */
export function wordListsReady(): void {
  wordLists();
  // The readers' larger expressions are compiled when first run: run once here, their cost is the load's too.
  LONE_GIVEN_CUE.test('ask Anna');
  LONE_GIVEN_VERB.test('Anna will');
  LONE_GIVEN.lastIndex = 0;
  LONE_GIVEN.exec('ask Anna');
  BRACKETED_NAME.test(' (Anna Li)');
  NAME_AFTER_DATUM.test(' (Anna Li)');
  NAME_RE.lastIndex = 0;
  NAME_RE.exec('Dear Anna Li');
  // And every reader once, on a text that wakes most of them (names in other scripts too).
  findPersonNames(
    'name=王晓明 由黃怡君代收 저는 김민준입니다 اسمي عمر الفاروق שמי נועה לוי ਨਾਮ: ਹਰਪ੍ਰੀਤ\n\u0916\u093e Dear Anna Smith — Joost\nGroet,\nFemke',
    [],
  );
}

function wordLists(): WordLists {
  if (lists) return lists;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on purpose when first needed
  const services = (require(join(__dirname, 'services.js')) as typeof import('./services')).SERVICE_NAMES;
  // Beside the compiled file (out/src/redact, dist); else the source tree's copy, when the code
  // was compiled by `tsc` alone (out/src/redact → src/redact).
  const candidates = [join(__dirname, 'people-names.txt'), join(__dirname, '..', '..', '..', 'src', 'redact', 'people-names.txt')];
  const path = candidates.find((p) => existsSync(p));
  if (path === undefined) throw new Error(`people-names.txt not found beside ${__dirname}: run the build (npm run build)`);
  const file = readFileSync(path, 'utf8');
  const places = new Set(
    readFileSync(join(dirname(path), 'places.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.length > 0 && !l.startsWith('#')),
  );
  const section = (name: string): Set<string> => {
    const start = file.indexOf(`[${name}]\n`);
    if (start < 0) throw new Error(`people-names.txt has no [${name}] section`);
    const from = start + name.length + 3;
    const end = file.indexOf('\n[', from);
    return new Set(
      file
        .slice(from, end < 0 ? file.length : end)
        .split(/\s+/)
        .filter((w) => w.length > 0),
    );
  };
  const common = section('common');
  for (const w of [...common]) common.add(w[0].toUpperCase() + w.slice(1));
  const weak = new Set<string>();
  for (const s of services) weak.add(s[0].toUpperCase() + s.slice(1));
  try {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const pairs = [...letters].flatMap((a) => [...letters].map((b) => a + b));
    for (const [type, list] of [
      ['region', pairs],
      ['language', pairs.map((c) => c.toLowerCase())],
    ] as const) {
      const display = new Intl.DisplayNames(['en'], { type, fallback: 'none' });
      for (const c of list) {
        let name: string | undefined;
        try {
          name = display.of(c);
        } catch {
          continue;
        }
        if (name) for (const w of name.split(/[\s(),.&-]+/)) if (/^\p{Lu}\p{Ll}+$/u.test(w)) weak.add(w);
      }
    }
  } catch {
    // No ICU data for display names: the lists alone decide.
  }
  lists = { names: section('names'), common, weak, scriptGiven: section('script-given'), scriptFamily: section('script-family'), places };
  return lists;
}

const UP = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0100-\\u017F\\u1E00-\\u1EFF';
const LO = 'a-z\\u00DF-\\u00F6\\u00F8-\\u00FF\\u0100-\\u017F\\u1E00-\\u1EFF';
/** A capitalised word: `Jennings`, `O'Sullivan`, `McAllister`, `Müller-Lüdenscheidt`. */
// (A syllable in lower case after a hyphen: `Mei-hua`, `Seo-yeon`, `Jun-jun`; not an honorific, `Sato-san`.)
const WORD = `(?:Mc|Mac|O['’]|D['’])?[${UP}][${LO}]+(?:-[${UP}][${LO}]+|-(?!(?:san|sama|kun|chan|dono|ssi|nim)(?![${LO}]))[a-z]{2,4}(?![${LO}-]))?`;
// (Capitalised too where a family name starts with it: `Yannick Le Gall`, `Jan Van Damme`, `Ana De Souza`.)
const PARTICLE =
  '(?:de|del|della|di|da|das|do|dos|du|van|von|der|den|ter|ten|bin|binti|ibn|al|el|la|le|y|Ó|Ní|Uí|Mac|Nic|Le|La|De|Du|Van|Von|Da|Di|Dos|Das|Del)';
const RUN = `${WORD}(?:[ \\t]+(?:${PARTICLE}[ \\t]+)?${WORD}){0,4}`;
// Letters and digits of the Latin scripts: no Unicode property classes, which cost five times
// as much in a pass over every character.
const ALNUM = 'A-Za-z0-9_\\u00C0-\\u024F';
const BEFORE = `(?<![${ALNUM}.$@#/\\\\-])`;
const AFTER = `(?![${ALNUM}(])`;

const HONORIFICS = ['-san', '-sama', '-kun', '-chan', '-sensei'];
/** Whether `text` holds `suffix` not followed by a letter (`-san`, not `-sanitize`). */
function holdsSuffix(text: string, suffix: string): boolean {
  for (let i = text.indexOf(suffix); i >= 0; i = text.indexOf(suffix, i + 1)) {
    const c = text.charCodeAt(i + suffix.length) | 0x20;
    if (!(c >= 97 && c <= 122)) return true;
  }
  return false;
}
const LOWER_HONORIFIC = /(?<![\w.@/-])([a-z]{3,15})-(?:san|sama|kun|chan|sensei)(?![\w-])/g;
/** `Sato-san`, `Tanaka-sama`. */
const HONORIFIC_RE = new RegExp(
  `${BEFORE}(${WORD.replace('(?:-[', '(?:(?!-(?:san|sama|kun|chan|sensei)\\b)-[')})-(?:san|sama|kun|chan|sensei)\\b`,
  'g',
);

/**
 * The cue phrases as one alternation shaped as a trie (`[Hh](?:e(?:llo|y)|i)`), each first letter
 * in either case: the engine picks a branch by a character, not by trying each phrase.
 */
function cueAlternation(words: Iterable<string>): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      let k = n.next.get(ch);
      if (!k) n.next.set(ch, (k = { end: false, next: new Map() }));
      n = k;
    }
    n.end = true;
  }
  const emit = (n: Node, first: boolean): string => {
    const alts = [...n.next.keys()].sort().map((ch) => {
      const c =
        ch === ' '
          ? '[ \\t]+'
          : first && ch.toUpperCase() !== ch
            ? `[${ch.toUpperCase()}${ch}]`
            : ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      return c + emit(n.next.get(ch)!, false);
    });
    if (alts.length === 0) return '';
    const body = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
    return n.end ? `(?:${body})?` : body;
  };
  return emit(root, true);
}

/**
 * One pass finds both: a cue, what separates it from the words after it (a title's full stop, a
 * label's colon, a closing's line break), and up to five capitalised words, initials before them
 * (`Dr A. Ward`) (groups 1 to 3); or,
 * with no cue, two to five capitalised words (group 4).
 */
const NAME_RE = new RegExp(
  `\\b(?:(${cueAlternation(CUES.keys())})(\\.?[ \\t]*[:=,!]?(?:\\*\\*?|__?)?[ \\t]*(?:\\r?\\n[ \\t]*(?:--?[ \\t]*)?)?["']?)((?:[A-Z]\\.[ \\t]*){0,2}(?:(?:von|van|de|der|den|di|du|da|del|della|dos|das|ten|ter)[ \\t]+)?${RUN})|(${WORD}(?:[ \\t]+(?:${PARTICLE}[ \\t]+)?${WORD}){1,3}))${AFTER}`,
  'g',
);

// The middle names that say a Vietnamese name's gender (`Thị`, `Văn`): no part of a given name said alone.
const VIETNAMESE_GENDER = new Set(['Thị', 'Văn', 'Thi', 'Van']);
// Vietnam's most common family names, as written with their marks (the plain forms, `Nguyen`, are in
// the lists); together they name about nine people in ten.
const VIETNAMESE_FAMILY = new Set(
  'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Đoàn Lâm Trương Lưu Lương Vương Triệu Quách Kiều Tạ'.split(
    ' ',
  ),
);

// A company's legal form after its name, or ending it (`Müller Bau GmbH`, `Logística Vale Verde Ltda`,
// `Rossi & Figli S.p.A.`): the words before it are a company's name, not a person's.
const LEGAL_FORM =
  /^(?:GmbH|Ltda\.?|Ltd\.?|Inc\.?|LLC|LLP|PLC|S\.A\.?|SA|S\.L\.?|SL|S\.p\.A\.?|SpA|S\.r\.l\.?|Srl|SRL|SARL|SAS|AG|KG|OHG|e\.V\.|B\.V\.?|BV|N\.V\.?|NV|Oy|Oyj|AB|ASA|A\/S|ApS|Kft\.?|Zrt\.?|s\.r\.o\.|d\.o\.o\.|Pty|Pvt|Corp\.?|EIRELI|S\/A|[Ss]p\.|Sdn\.?|Bhd\.?|Pte\.?|K\.K\.|GbR|UG|Lda\.?|A\.Ş\.|Limited)(?![\p{L}\p{N}])/u;
function company(run: string, text: string, end: number): boolean {
  const last = run.slice(run.search(/\S+$/));
  if (LEGAL_FORM.test(last)) return true;
  // (After a comma too, `Olivares del Sur Distribución, S.L.`; but there two capitals are as often a
  // role: `Anna Schmidt, SA lead`.)
  const after = /^(,?)[ \t]+(\S+)/.exec(text.slice(end, end + 16));
  return after !== null && LEGAL_FORM.test(after[2]) && !(after[1] === ',' && /^[A-Z]{2,3}$/.test(after[2]));
}

// Korean family names that English words spell too; a given name as Korean syllables romanised.
const KOREAN_ROMAN_FAMILY_WORD = new Set([
  'Park',
  'Kang',
  'Song',
  'Moon',
  'Bae',
  'Han',
  'Oh',
  'Ko',
  'Son',
  'Yang',
  'Hong',
  'Jang',
  'Nam',
  'Ahn',
  'Yoo',
  'Shin',
  'Seo',
]);
const KR_SYLLABLE =
  '(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjhcyw])?(?:yeo|yae|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|a|e|o|u|i)(?:ng|n|m|l|k|p|t)?';
const KOREAN_ROMAN_GIVEN = new RegExp(`^${KR_SYLLABLE}(?:-?${KR_SYLLABLE}){1,2}$`);
// Syllables English words seldom hold (`Menlo Park` and `Han Solo` are no Korean names).
const KOREAN_ROMAN_TELL = /eo|eu|ae|oe|hy|wo|ji|seo|soo|hwa|jun|min|hye|eun|yoon|young|hyun|sung|jae|woo|yeon|kyu|gyu|dong|chul|hee/;

const GERMAN_PLACE =
  /^[A-ZÄÖÜ][a-zäöüß]+(?:er|en|es)[ \t]+(?:Berg|Garten|Tor|Hafen|Allee|Damm|Ufer|Brücke|Markt|Platz|Straße|Strasse|Weg|Ring|Dom|Wald|See|Tal|Feld|Hof|Kiez|Viertel|Insel|Schloss|Burg|Kreuz|Bahnhof)$/;

const enum Word {
  /** A name that is not a common word. */
  Strong,
  /** A name that is also a common word (`Grace`, `Baker`). */
  Weak,
  /** In neither list: a rarer name, or a rarer word. */
  Unknown,
  /** A common word that is no name (`Getting`, `Period`). */
  Common,
  /** `de`, `van`, `bin`. */
  Particle,
}

const PARTICLES = new Set(PARTICLE.slice(3, -1).split('|'));

/** The class of one capitalised word (no cache: a Map of every word seen cost more than the lookups). */
function classify(w: string): Word {
  if (PARTICLES.has(w)) return Word.Particle;
  if (NOT_NAMES.has(w) || TITLE_WORDS.has(w)) return Word.Common;
  const c0 = w.charCodeAt(0);
  // `O'Sullivan` → `Sullivan`; a hyphenated name is as strong as its strongest part.
  if ((c0 === 79 || c0 === 68) && (w[1] === "'" || w[1] === '’')) return classify(w.slice(2));
  if (w.includes('-')) {
    let best = Word.Common;
    for (const p of w.split('-')) {
      const c = classifyPart(p);
      if (c < best) best = c;
    }
    return best;
  }
  return classifyPart(w);
}

// Latin letters past ASCII to their base letters (`Ç` → `C`), by a table made once: normalising
// every such word as it is read cost a third of the name pass on texts in other languages.
const BASE_LETTER = (() => {
  const t = new Uint16Array(0x2000);
  for (let c = 0; c < t.length; c++) {
    const b = String.fromCharCode(c).normalize('NFD').charCodeAt(0);
    t[c] = b < 0x80 ? b : c;
  }
  return t;
})();
function unaccented(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    out += String.fromCharCode(c < 0x2000 ? BASE_LETTER[c] : c);
  }
  return out;
}

function classifyPart(p: string): Word {
  const { names, common, weak } = wordLists();
  // The lists hold most names without their accents (`Celik` for `Çelik`).
  const isName = names.has(p) || (/[\u0080-\uffff]/.test(p) && names.has(unaccented(p)));
  // The common words are kept capitalised too (`Period`): no lower-case copy of each word.
  const isCommon = common.has(p);
  return isCommon ? (isName ? Word.Weak : Word.Common) : weak.has(p) ? Word.Weak : isName ? Word.Strong : Word.Unknown;
}

interface Span {
  start: number;
  end: number;
}

interface RunWord {
  s: number;
  e: number;
  c: Word;
}

/** The words of a run at `start`: their offsets and classes. */
function wordsOf(run: string, start: number): RunWord[] {
  const out: RunWord[] = [];
  let i = 0;
  while (i < run.length) {
    while (i < run.length && (run[i] === ' ' || run[i] === '\t')) i++;
    let e = i;
    while (e < run.length && run[e] !== ' ' && run[e] !== '\t') e++;
    if (e > i) out.push({ s: start + i, e: start + e, c: classify(run.slice(i, e)) });
    i = e;
  }
  return out;
}

// Names in Cyrillic and Greek (`Алексей Смирнов`, `Вера Николаевна`, `Γιώργος Παπαδόπουλος`):
// two or three capitalised words, each a listed name or of a surname's or a patronymic's ending (in
// any case: `с Алексеем Воронцовым`), one at least a listed name (its nominative, in another case). The lists' common words are English, so nothing here is Common.
const CYR_UP = '\\u0400-\\u042F\\u0490\\u0492\\u049A\\u04A2\\u04AE\\u04B0\\u04BA\\u04D8\\u04E8\\u0386\\u0388-\\u038F\\u0391-\\u03AB';
// (An apostrophe inside a word only, as Ukrainian writes one, `Мар'яна`: a quote around a name is no letter.)
const CYR_LETTERS = '\\u0430-\\u045F\\u0491\\u0493\\u049B\\u04A3\\u04AF\\u04B1\\u04BB\\u04D9\\u04E9\\u03AC-\\u03CE';
const CYR_LO = `(?:[${CYR_LETTERS}]|['’](?=[${CYR_LETTERS}]))`;
const CYRILLIC_OR_GREEK_CAPITAL = /[\u0410-\u042F\u0391-\u03A9]/;
const PATRONYMIC_HINT = /(?:ович|евич|овн|евн|івн|ївн)/;
const CYR_WORD = `[${CYR_UP}]${CYR_LO}+(?:-[${CYR_UP}]${CYR_LO}+)?`;
const CYR_RUN = new RegExp(
  `(?<![${CYR_UP}${CYR_LETTERS}\\w-]|[${CYR_LETTERS}]['’])${CYR_WORD}(?:[ \\t]+${CYR_WORD}){1,3}(?![${CYR_UP}${CYR_LETTERS}\\w]|['’][${CYR_LETTERS}])`,
  'g',
);
const CYR_SURNAME =
  /(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|ук|юк|чук|ович|евич|овна|евна|ична|ич|ић|ски|ска|ян|дзе|швили|ος|ης|ου|άκης|ίδης|όπουλος|οπούλου|ίδου|άκη|άτος|ιάδης|(?:ов|ев|ин)(?:ым|у|е|ой|ою)|ского|скому|ским|ской|скую|цкого|цкому|цким|цкой|ович(?:а|у|ем|е)|овн(?:ы|е|ой))$/;
const PATRONYMIC = /(?:ович|евич|овна|евна|ична)$/;
const CYR_FAMILY_END =
  /^[\u0410-\u042F\u0404\u0406\u0407][\u0430-\u045F]{2,}(?:ова|ева|ёва|ина|ов|ев|ёв|ин|ский|ская|цкий|цкая|енко|чук|юк)$/;
// Greek family names by their endings, a woman's in the genitive too (`Παπαδοπούλου-Κάρρα`, `Παπαδημητρίου`,
// `Μανωλάκη`), after a capitalised Greek word (a given name the lists may lack).
const GREEK_FAMILY_END =
  /^[\u0391-\u03A9\u0386\u0388-\u038F][\u03AC-\u03CE]{2,}(?:ίου|ίδου|άκη|οπούλου|όπουλος|άκης|ίδης|ιάδης|άτος|έας)(?:-[\u0391-\u03A9\u0386\u0388-\u038F][\u03AC-\u03CE]+)?$/;
const GREEK_GIVEN_SHAPE = /^[\u0391-\u03A9\u0386\u0388-\u038F][\u03AC-\u03CE]{2,11}$/;
// A family name of any of the common endings (`Καραγιάννης`, `Μαυρίδη`, `Παππάς`) after a word shaped
// and ending as given names end (`Νίκος`, `Κώστα`, `Ελένη`), in the nominative or another case; not a
// saint's or a place's first word (`Άγιος`, `Νέα`).
const GREEK_FAMILY_LOOSE = /^[\u0391-\u03A9\u0386\u0388-\u038F][\u03AC-\u03CE]{3,}(?:ης|η|ος|ου|ας|α|ά|ής|ή|ού|ός)$/;
// (A given name's stress is not on an `-ος` or `-ης` ending: `Αριθμός`, `Εθνικός` are nouns and adjectives.)
const GREEK_GIVEN_LOOSE = /^[\u0391-\u03A9\u0386\u0388-\u038F][\u03AC-\u03CE]{2,9}(?:ος|ης|ας|α|η|ω|ώ|ά|ή)$/;
const GREEK_NOT_GIVEN =
  /^(?:Άγιος|Αγίου|Αγία|Αγίας|Άγιοι|Νέα|Νέος|Νέου|Νέας|Άνω|Κάτω|Μεγάλη|Μεγάλος|Μικρή|Μικρός|Παλαιά|Παλαιό|Οδός|Οδού|Λεωφόρος|Πλατεία|Εθνική|Εθνικός|Δημόσια|Ελληνική|Ελληνικός|Γενική|Γενικός|Κεντρική|Κεντρικός|Ανώνυμη|Εταιρεία)$/;
const CYR_GIVEN_SHAPE = /^[\u0410-\u042F\u0404\u0406\u0407][\u0430-\u045F]{2,10}[аяйбвгдзклмнпрстфхж]$/;
/** A Cyrillic word's class, `ё` read as the lists write it, `е` (`Алёна`). */
function cyrillicClass(w: string): Word {
  const c = classify(w);
  return c === Word.Unknown && w.includes('ё') ? classify(w.replace(/ё/g, 'е')) : c;
}
// A Russian or Ukrainian given name alone inside a sentence, in any of its cases (`Звоните Ольге`,
// `ноутбука Алины`, `машины Сергея`, `для Ярославы`): a capitalised word after a word in lower case,
// whose nominative (its case ending replaced) is a listed name and no common word.
const CYR_AFTER_LOWER = new RegExp(
  `(?<=[\u0430-\u045F][ \t]+)[\\u0400-\\u042F][\u0430-\u045F]{2,14}(?![\\p{L}\\p{M}\\d_@-]|\\.[\\p{L}\\p{N}])`,
  'gu',
);
const isUpperAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 0x410 && c <= 0x42f) || c === 0x401 || (c > 127 && c !== 0x401 && /\p{Lu}/u.test(text[i]));
};
const CYR_CASE = /(?:ой|ей|ою|ею|ом|ем|ы|и|е|у|ю|а|я)$/;
function findCyrillicGivenNames(text: string, out: Finding[]): void {
  CYR_AFTER_LOWER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CYR_AFTER_LOWER.exec(text)) !== null) {
    const w = m[0];
    // Not a word of a run of capitalised words (read as a whole, above): the word after is not capitalised…
    let k = m.index + w.length;
    while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    if (k > m.index + w.length && k < text.length && isUpperAt(text, k)) continue;
    // …and a capitalised word before it starts a sentence (`Звоните Ольге`), unless it is a name itself (`Иванов Иван`).
    let b = m.index;
    while (b > 0 && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
    let a = b;
    while (a > 0 && a > b - 24 && !/\s/.test(text[a - 1])) a--;
    const prev = text.slice(a, b);
    if (isUpperAt(text, a) && (CYR_SURNAME.test(prev) || cyrillicClass(prev) !== Word.Unknown)) continue;
    if (cyrillicForms(w).some((f) => cyrillicClass(f) === Word.Strong))
      out.push({ kind: 'person-name', start: m.index, end: m.index + w.length });
  }
}
/** A Cyrillic word and its nominatives, were it a name in another case (`Ольге` → `Ольга`, `Алексеем` → `Алексей`). */
function cyrillicForms(w: string): string[] {
  const forms = [w];
  const e = CYR_CASE.exec(w);
  if (e !== null && w.length - e[0].length >= 3) {
    const stem = w.slice(0, w.length - e[0].length);
    forms.push(stem, stem + 'а', stem + 'я', stem + 'й', stem + 'ь');
  }
  return forms;
}
// A Russian or Ukrainian given name starting a sentence before a word in lower case (`Алексей сказал,
// что…`, `Ольга уже в курсе`): a listed name, in any case, that is no word as well (`Вера`, `Надежда`,
// `Любовь`, `Роза`, `Слава`).
const CYR_SENTENCE_START = /(?:^|[.!?…][ \t]+)([\u0410-\u042F\u0401][\u0430-\u045F]{2,14})(?=[ \t]+[\u0430-\u045F])/gmu;
const CYR_WORD_NAMES = new Set(['Вера', 'Надежда', 'Любовь', 'Роза', 'Слава', 'Лилия', 'Майя', 'Мира', 'Ника', 'Алла']);
function findCyrillicSentenceNames(text: string, out: Finding[]): void {
  CYR_SENTENCE_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CYR_SENTENCE_START.exec(text)) !== null) {
    const w = m[1];
    if (CYR_WORD_NAMES.has(w) || !cyrillicForms(w).some((f) => cyrillicClass(f) === Word.Strong && !CYR_WORD_NAMES.has(f))) continue;
    const start = m.index + m[0].length - w.length;
    out.push({ kind: 'person-name', start, end: start + w.length });
  }
}
// A given name and a patronymic in Russian or Ukrainian, in any case (`Оксана Петрівна`, `Оксану
// Петрівну`, `Ивану Сергеевичу`): the patronymic's ending says it is a person's, the given name need
// not be listed. A family name before them is taken too when its ending is a family name's
// (`Коваленко Оксану Петрівну`).
const PATRONYMIC_NAME =
  /(?<![\p{L}\p{M}-])(?:([А-ЯЁІЇЄҐ][а-яёіїєґ']{1,20}(?:енко|ко|ов|ова|ев|ева|ин|ина|ський|ська|цький|цька|ский|ская|ук|юк|чук|ич|ян|швили))[ \t]+)?([А-ЯЁІЇЄҐ][а-яёіїєґ']{1,15})[ \t]+([А-ЯЁІЇЄҐ][а-яёіїєґ']{1,15}(?:(?:ович|евич|йович|ьович)(?:а|у|ем|е|і|ом)?|(?:овн|евн|івн|ївн|ічн|ичн)(?:а|у|ой|ою|ы|і|е|и)))(?![\p{L}\p{M}-])/gu;
function findPatronymicNames(text: string, out: Finding[]): void {
  PATRONYMIC_NAME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PATRONYMIC_NAME.exec(text)) !== null) out.push({ kind: 'person-name', start: m.index, end: m.index + m[0].length });
}

function findCyrillicGreekNames(text: string, out: Finding[]): void {
  if (PATRONYMIC_HINT.test(text)) findPatronymicNames(text, out);
  if (/[\u0430-\u045F] [\u0410-\u042F]/.test(text)) findCyrillicGivenNames(text, out);
  findCyrillicSentenceNames(text, out);
  CYR_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CYR_RUN.exec(text)) !== null) {
    const words: { w: string; at: number; listed: boolean; fits: boolean }[] = [];
    const re = /\S+/g;
    for (let w: RegExpExecArray | null; (w = re.exec(m[0])) !== null;) {
      const c = cyrillicClass(w[0]);
      // A listed name in another case (`с Алексеем Воронцовым`, `для Марины`) counts as listed.
      const listed =
        c === Word.Strong || c === Word.Weak || (c === Word.Unknown && cyrillicForms(w[0]).some((f) => cyrillicClass(f) === Word.Strong));
      words.push({ w: w[0], at: m.index + w.index, listed, fits: listed || CYR_SURNAME.test(w[0]) });
    }
    // A given name the lists lack before a Russian or Ukrainian family name (`Алёна Кузнецова`,
    // `Тарас Шевчук`): shaped as a given name (ending in `-а`, `-я`, `-й` or a consonant).
    for (let k = 0; k + 1 < words.length; k++)
      if (
        !words[k].listed &&
        ((CYR_FAMILY_END.test(words[k + 1].w) && CYR_GIVEN_SHAPE.test(words[k].w)) ||
          (GREEK_FAMILY_END.test(words[k + 1].w) && GREEK_GIVEN_SHAPE.test(words[k].w)) ||
          (GREEK_FAMILY_LOOSE.test(words[k + 1].w) && GREEK_GIVEN_LOOSE.test(words[k].w) && !GREEK_NOT_GIVEN.test(words[k].w)))
      ) {
        words[k].fits = true;
        words[k].listed = true;
        words[k + 1].fits = true;
      }
    for (let i = 0; i < words.length;) {
      if (!words[i].fits) {
        i++;
        continue;
      }
      let j = i;
      while (j < words.length && words[j].fits) j++;
      // A given name and patronymic take the family name before them (`Сковорода Никита Андреевич`).
      const from = i > 0 && PATRONYMIC.test(words[j - 1].w) ? i - 1 : i;
      if (j - i >= 2 && words.slice(i, j).some((x) => x.listed))
        out.push({ kind: 'person-name', start: words[from].at, end: words[j - 1].at + words[j - 1].w.length });
      i = j;
    }
  }
}

// A given name and a family name whose ending only family names have, in Latin script: Icelandic
// patronymics (`Guðrún Sigurðardóttir`, `Ólafur Ragnarsson`), Lithuanian (`Gintarė Kazlauskienė`, `Gintarė Vaitkutė`),
// Romanian, Turkish, Georgian, Greek and South Slavic ones (`Popescu`, `Karaoğlu`, `Beridze`,
// `Papadopoulos`, `Jovanović`) and Finnish ones (`Hyvärinen`, `Virtanen`). The given name need not be
// listed; it must not be a common word.
const SURNAME_SUFFIX_HINT =
  /(?:d[óo]ttir|sson|ien[ėe]|ait[ėe]|yt[ėe]|[uū]tė|auskas|escu|o[ğg]lu|shvili|dze|opoulos|ovi[cć]|evi[cć]|ovich|evich|ovna|evna|ivna|ovych|nen)(?![a-z])/;
const SUFFIXED_NAME =
  /(?<![\p{L}\p{M}\d_.@-])(\p{Lu}[\p{Ll}\p{M}'’]{1,20}(?:-\p{Lu}[\p{Ll}\p{M}]{1,20})?)[ \t]+(\p{Lu}[\p{Ll}\p{M}]{2,30}(?:d[óo]ttir|sson|ien[ėe]|ait[ėe]|yt[ėe]|[uū]tė|auskas|escu|o[ğg]lu|shvili|dze|opoulos|ovi[cć]|evi[cć]|ovich|evich|ovna|evna|ivna|ovych|[aeiouyäö]nen))(?![\p{L}\p{M}\d_-])/uy;
const SUFFIX_AT = new RegExp(SURNAME_SUFFIX_HINT.source, 'g');
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const GIVEN_PART = /[\p{L}\p{M}'’-]/u;
const UPPER = /\p{Lu}/u;
/** Read from each ending back to its given name, so a text is scanned once by the endings alone. */
function findSuffixedSurnames(text: string, out: Finding[]): void {
  SUFFIX_AT.lastIndex = 0;
  let done = 0;
  let m: RegExpExecArray | null;
  while ((m = SUFFIX_AT.exec(text)) !== null) {
    // The family name's first letter, the blanks before it, and the given name's word.
    let f = m.index;
    while (f > 0 && f > m.index - 34 && LETTER_OR_MARK.test(text[f - 1])) f--;
    let g = f;
    while (g > 0 && (text[g - 1] === ' ' || text[g - 1] === '\t')) g--;
    if (g === f || g <= done) continue;
    let s = g;
    while (s > 0 && s > g - 44 && GIVEN_PART.test(text[s - 1])) s--;
    for (let at = Math.max(s, done); at < g; at++) {
      if (!UPPER.test(text[at])) continue;
      SUFFIXED_NAME.lastIndex = at;
      const n = SUFFIXED_NAME.exec(text);
      if (n === null) continue;
      done = n.index + n[0].length;
      const given = classify(n[1]);
      if (given === Word.Common || classify(n[2]) === Word.Common || TITLE_WORDS.has(n[1]) || NOT_NAMES.has(n[1])) break;
      // A Finnish ending is a German plural's too (`Alle Deklarationen`, `Sie Typdefinitionen`): not
      // `-ionen`, and a given name the lists hold or a family name in Finnish letters (`Venla Hyvärinen`).
      if (n[2].endsWith('nen') && (n[2].endsWith('ionen') || (given !== Word.Strong && !/[äö]/.test(n[2])))) break;
      out.push({ kind: 'person-name', start: n.index, end: done });
      break;
    }
  }
}

// An Ethereum name made of a person's name (`kasia-nowak.eth`): the whole name, as it resolves to their wallet.
const ENS_NAME = /(?<![\w.-])([a-z0-9][a-z0-9-]{2,40})\.eth(?![\w-]|\.\w)/g;
function findEnsNames(text: string, out: Finding[]): void {
  ENS_NAME.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = ENS_NAME.exec(text)) !== null;)
    if (nameHandle(m[1]) && m[1].includes('-')) out.push({ kind: 'person-name', start: m.index, end: m.index + m[0].length });
}

// A person's profile in a URL: LinkedIn's slug (`linkedin.com/in/sofia-marchetti-4a21b7`). (A code
// host's user is often an organisation's, `rust-lang`, `acme-corp`: not read.)
const PROFILE_URL = /(linkedin\.com\/in\/)([A-Za-z0-9][A-Za-z0-9_.%-]{1,100}[A-Za-z0-9])(?=[/?#"'\s)\]>]|$)/g;
// A social network's profile (`instagram.com/luisabertolini.art/`, `tiktok.com/@mariagomez`, `x.com/…`): the
// handle, where a part of it is made of a person's name (a brand's account, `instagram.com/nike`, stays).
const SOCIAL_PROFILE_URL =
  /((?:instagram\.com|tiktok\.com|twitter\.com|\/\/x\.com)\/@?)([A-Za-z0-9_][A-Za-z0-9_.]{2,29})(?=\/?(?:[?#"'\s)\]>]|$))/g;
const NOT_PROFILES =
  /^(?:p|reel|reels|explore|stories|hashtag|share|home|intent|i|search|login|about|help|legal|privacy|settings|accounts|tv|music|tag|discover)$/;
function findProfileHandles(text: string, out: Finding[]): void {
  PROFILE_URL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PROFILE_URL.exec(text)) !== null) {
    const v = m[2];
    const at = m.index + m[1].length;
    out.push({ kind: 'person-name', start: at, end: at + v.length });
  }
  SOCIAL_PROFILE_URL.lastIndex = 0;
  while ((m = SOCIAL_PROFILE_URL.exec(text)) !== null) {
    const v = m[2];
    // (A given name alone is a brand's as often, `nike`: a handle of one part must hold two names or an initial and a surname.)
    const h = v.toLowerCase();
    const person = /[._]/.test(h)
      ? nameHandle(h) || h.split(/[._]/).some((p) => p.length >= 6 && twoNames(p))
      : twoNames(h) || (h.length >= 5 && classify(capital(h.slice(1))) === Word.Strong);
    if (NOT_PROFILES.test(v) || !person) continue;
    const at = m.index + m[1].length;
    out.push({ kind: 'person-name', start: at, end: at + v.length });
  }
}

// Whose number or address it is (`Thandeka's new number is …`, `Olu’s email`): a capitalised
// word before `'s` and a word for personal data; a common word (`Company's address`) stays.
const POSSESSED =
  /^['’]s[ \t]+(?:(?:new|old|personal|home|work|mobile|private|current|real)[ \t]+)?(?:phone(?:[ \t]+number)?|number|mobile|cell|e-?mail(?:[ \t]+address)?|address|bank[ \t]+details|account|card|password|passport|birthday|date[ \t]+of[ \t]+birth|iban|ssn|contact[ \t]+details|details)\b/i;
// What else only a person has, after a name the lists hold as one alone (`Sigrid's token`, `in Declan's name`; not `Docker's name`).
const POSSESSED_MORE =
  /^['’]s[ \t]+(?:token|tokens|(?:api|ssh|gpg)[ \t]+key|key|keys|credentials|login|username|name|pin|badge|laptop|machine|computer|desk|inbox|calendar|salary|visa|diagnosis|surgery|sick[ \t]+leave|leave|contract|signature|wife|husband|partner|son|daughter|kids|children|mother|father|mum|mom|dad|car|house|flat|apartment)\b/i;
function findPossessors(text: string, out: Finding[]): void {
  for (const mark of ["'s ", '’s '])
    for (let at = text.indexOf(mark); at > 0; at = text.indexOf(mark, at + mark.length)) {
      const more = !POSSESSED.test(text.slice(at, at + 40));
      if (more && !POSSESSED_MORE.test(text.slice(at, at + 40))) continue;
      let s = at;
      while (s > 0 && s > at - 24 && /[\p{L}]/u.test(text[s - 1])) s--;
      const w = text.slice(s, at);
      if (!/^\p{Lu}\p{Ll}+$/u.test(w) || (s > 0 && /[\p{L}\d_.@-]/u.test(text[s - 1]))) continue;
      const c = classify(w);
      if (c === Word.Common || c === Word.Weak || TITLE_WORDS.has(w) || ORGANISATION.test(w) || LONE_PRODUCTS.has(w)) continue;
      // (Nor the examples' people: `Alice's key`, `Bob's key` in cryptography's texts.)
      if (more && (c !== Word.Strong || EXAMPLE_USERS.has(w.toLowerCase()))) continue;
      out.push({ kind: 'person-name', start: s, end: at });
    }
}

// A login in a `.netrc` (`machine gitlab.example.pl⏎  login ewa-michalak⏎  password …`) when made of names.
const NETRC_LOGIN = /(?:^|[ \t])login[ \t]+([a-z][a-z0-9]{0,30}(?:[._-][a-z0-9]{1,30}){0,2})(?=[ \t]*\r?$|[ \t]+password[ \t])/gm;
function findNetrcLogins(text: string, out: Finding[]): void {
  NETRC_LOGIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NETRC_LOGIN.exec(text)) !== null) {
    // Its `machine` on its line or within the three above (the window's lines, so a window reads it too).
    const { from } = aroundLines(text, m.index, m.index);
    if (!text.slice(from, m.index + m[0].length).includes('machine ') || !nameHandle(m[1])) continue;
    const at = m.index + m[0].length - m[1].length;
    const f = { kind: 'person-name', start: at, end: at + m[1].length };
    // Read with its `machine` up to three lines above: the same login again further down is not
    // taken from it, as a window holding the echo but not the `machine` would not.
    NOT_ECHOED.add(f);
    out.push(f);
  }
}
/** Findings that no echo is taken from: their own evidence already reaches the window's edge. */
const NOT_ECHOED = new WeakSet<Finding>();
// A database user made of a person's names (`CREATE USER IF NOT EXISTS MEI_LING_TAN`, `ALTER LOGIN [jan.novak]`).
const SQL_USER =
  /\b(?:CREATE|ALTER)[ \t]+(?:USER|LOGIN)[ \t]+(?:IF[ \t]+NOT[ \t]+EXISTS[ \t]+)?["'`[]?([A-Za-z][A-Za-z0-9]{1,30}(?:[._-][A-Za-z0-9]{1,30}){0,3})/gi;
// The users of HAProxy's `userlist` (`user ana.costa insecure-password …`, `user bruno.lima password $6$…`).
const HAPROXY_LIST_USER = /^[ \t]*user[ \t]+([A-Za-z][A-Za-z0-9]{1,30}(?:[._-][A-Za-z0-9]{1,30}){0,3})[ \t]+(?:insecure-)?password[ \t]/gm;
function findHaproxyUsers(text: string, out: Finding[]): void {
  HAPROXY_LIST_USER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HAPROXY_LIST_USER.exec(text)) !== null) {
    const v = m[1];
    if (!nameHandle(v.toLowerCase())) continue;
    const at = m.index + m[0].indexOf(v, m[0].indexOf('user') + 4);
    out.push({ kind: 'person-name', start: at, end: at + v.length });
  }
}
function findSqlUsers(text: string, out: Finding[]): void {
  SQL_USER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SQL_USER.exec(text)) !== null) {
    const v = m[1];
    const parts = v.toLowerCase().split(/[._-]/);
    if (parts.length < 2 || !nameHandle(parts.join('.'))) continue;
    const at = m.index + m[0].length - v.length;
    out.push({ kind: 'person-name', start: at, end: at + v.length });
  }
}

// The user of a web server's access log line (Common and Combined Log Format: `host ident user
// [date] "request"`): an authenticated user is a person's login. `-` (none) stays.
const ACCESS_LOG_USER =
  /^[ \t]*[\w.:-]{3,64}[ \t]+\S{1,64}[ \t]+([^\s[\]"]{2,64})[ \t]+\[\d{1,2}\/[A-Za-z]{3}\/\d{4}:\d{2}:\d{2}:\d{2}[^\]\n]{0,12}\][ \t]+"/gm;
function findAccessLogUsers(text: string, out: Finding[]): void {
  ACCESS_LOG_USER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ACCESS_LOG_USER.exec(text)) !== null) {
    if (m[1] === '-' || SYSTEM_ACCOUNT.test(m[1])) continue;
    const at = m.index + m[0].lastIndexOf(m[1], m[0].indexOf('['));
    out.push({ kind: 'person-name', start: at, end: at + m[1].length });
  }
}

// A Chinese or Korean name found by its cue, mentioned again within the echoes' window where
// words are not spaced apart (`参会：刘洋、陈静` ⏎ `刘洋负责排查`): its characters as written, anywhere;
// and a Chinese or Korean name's given name (`王雨桐` ⏎ `雨桐`, `김민준` ⏎ `민준 씨`).
const HAN_OR_HANGUL_NAME = /^(?:[\p{Script=Han}]{2,4}|[\p{Script=Hangul}]{3})$/u;
const SCRIPT_ECHOES = new WeakSet<Finding>();
// (And the other scripts without capitals whose words stand apart: Arabic's, Hebrew's, Sinhala's,
// Odia's, Ethiopic's, Georgian's, Thaana's, Syriac's and Canadian syllabics'.)
const INDIC_OR_THAI =
  '\\p{Script=Devanagari}\\p{Script=Bengali}\\p{Script=Gurmukhi}\\p{Script=Gujarati}\\p{Script=Tamil}\\p{Script=Telugu}\\p{Script=Kannada}\\p{Script=Malayalam}\\p{Script=Thai}\\p{M}' +
  '\\p{Script=Arabic}\\p{Script=Hebrew}\\p{Script=Sinhala}\\p{Script=Oriya}\\p{Script=Ethiopic}\\p{Script=Georgian}\\p{Script=Thaana}\\p{Script=Syriac}\\p{Script=Canadian_Aboriginal}\\u200c';
// Scripts that write a sentence's words together: a name in them is found inside its words.
const UNSPACED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_LETTER = /[\p{L}\p{M}\u200c]/u;
const INDIC_OR_THAI_NAME = new RegExp(`^([${INDIC_OR_THAI}]{3,})(?:[ \\t][${INDIC_OR_THAI}]{2,}){1,3}$`, 'u');
function echoScriptNames(text: string, out: Finding[], from: number): void {
  const taken = new Set(out.map((f) => f.start));
  // (Not from an echo: a chain of echoes would reach past a line's three lines of context.)
  const sources = out
    .slice(from)
    .filter(
      (f) =>
        f.kind === 'person-name' &&
        !SCRIPT_ECHOES.has(f) &&
        (HAN_OR_HANGUL_NAME.test(text.slice(f.start, f.end)) || INDIC_OR_THAI_NAME.test(text.slice(f.start, f.end))),
    );
  for (const src of sources) {
    const full = text.slice(src.start, src.end);
    // (A form's stand-in, `홍길동`, is kept later, and its given name with it.)
    if (STAND_IN_NAMES.has(full)) continue;
    let { from: lo, to } = aroundLines(text, src.start, src.end);
    const partner = (src as { partner?: number }).partner;
    if (partner !== undefined) {
      const p = aroundLines(text, partner, partner);
      lo = Math.max(lo, p.from);
      to = Math.min(to, p.to);
    }
    const win = text.slice(lo, to);
    // A Chinese name of three characters is also called by its given name (`王雨桐` → `雨桐`).
    // A name in a script of India or in Thai is called by its first word (`ਹਰਪ੍ਰੀਤ ਕੌਰ ਸੰਧੂ` → `ਹਰਪ੍ਰੀਤ ਨੇ …`).
    const indic = INDIC_OR_THAI_NAME.exec(full);
    const names = indic
      ? [full, indic[1]!]
      : full.length === 3 &&
          ((CHINESE_FAMILY.has(full[0]) && /\p{Script=Han}/u.test(full)) || (KOREAN_FAMILY.has(full[0]) && /\p{Script=Hangul}/u.test(full)))
        ? [full, full.slice(1)]
        : [full];
    // (A word apart where the script parts words: `زهرا` in `زهرا خانم`, not inside `زهراء`.)
    const whole = indic !== null && !UNSPACED.test(full);
    for (const name of names)
      for (let k = win.indexOf(name); k >= 0; k = win.indexOf(name, k + name.length)) {
        if (taken.has(lo + k)) continue;
        if (whole && (WORD_LETTER.test(win[k - 1] ?? '') || WORD_LETTER.test(win[k + name.length] ?? ''))) continue;
        taken.add(lo + k);
        const echo: Finding = { kind: 'person-name', start: lo + k, end: lo + k + name.length };
        SCRIPT_ECHOES.add(echo);
        out.push(echo);
      }
  }
}

// Names in scripts without capitals (`خالد العتيبي`, `נועה ברקוביץ`, `לאבי כהן`): a listed given name
// (a Hebrew word may carry one prefix letter: `ל`, `ו`, `ב`, `מ`, `ה`, `ש`, `כ`), then a listed
// family or given name, or a word shaped as a family name (Arabic `ال…`; Hebrew `-וביץ`, `-מן`,
// `-סקי`), maybe a third such word. The given name alone is taken again within the echoes' window.
const CASELESS_LETTER = /[\u0621-\u064A\u05D0-\u05EA\u0E01-\u0E2E\u0905-\u0939]/;
const CASELESS_RUN =
  /[\u0900-\u097F\u0600-\u06FF\u0590-\u05FF\u0E00-\u0E7F'׳]+(?:[ \t]+[\u0900-\u097F\u0600-\u06FF\u0590-\u05FF\u0E00-\u0E7F'׳]+)+/g;
const HEBREW_PREFIX = /^[לובמהשכ]/;
// Words of a sentence that the lists hold as names too (prepositions, pronouns): they end a name.
const SCRIPT_STOP = new Set([
  'على',
  'علي',
  'الى',
  'الي',
  'هذا',
  'هذه',
  'التي',
  'الذي',
  'كان',
  'كانت',
  'عند',
  'بعد',
  'قبل',
  'של',
  'את',
  'עם',
  'על',
  'אשר',
  'היה',
  'היא',
  'הוא',
]);
// (Persian family names end in `-ی`, `-زاده`, `-پور`, `-یان`, `-نژاد`, as scriptKey writes them.)
const FAMILY_SHAPE =
  /^(?:ال[\u0621-\u064A]{2,}|[\u0621-\u064A\u067E\u0686\u0698\u06AF]{2,}(?:ي|زاده|پور|يان|نژاد)|[\u05D0-\u05EA]{2,}(?:וביץ|ביץ|מן|סקי|סקה|שטיין|ברג|זון))$/;
/** A word as the lists hold it: no vowel marks, one form of alef, Arabic yeh for Persian's, no joiners (as scripts/redact-names.mjs writes them; alef maksura stays: `على` is no `علي`). */
function scriptKey(w: string): string {
  return w
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u0591-\u05C7\u0640\u200C\u200D]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ی/g, 'ي')
    .replace(/ک/g, 'ك');
}
const THAI_AFTER_YOU = (
  'สามารถ ต้อง จะ ได้ ก็ เป็น มี ไม่ ควร อาจ ช่วย คือ ทำ ใช้ เคย กำลัง ยัง อยาก ชอบ รู้ ค่ะ คะ ครับ และ ที่ ของ ว่า ให้ ลอง เลือก ' +
  'กรุณา แน่ใจ เอง ทั้ง จำ เห็น คิด บอก ส่ง รับ กด ดู หา เข้า ออก ลืม ต้องการ'
).split(' ');
// A value of a field or a string that is an Arabic given name and a family name of the common
// `al-…i` form (`beneficiary="يوسف الشمري"`, `ar: 'نورة القحطاني'`): a word without the article
// before a word with it is no noun and its adjective (they agree), but a person's name.
const ARABIC_NISBA_VALUE =
  /(?:[=:][ \t]*["'“]?|["'“])((?!ال)[\u0621-\u064A]{2,10}(?:[ \t](?!ال)[\u0621-\u064A]{2,10})?[ \t]ال[\u0621-\u064A]{2,12}ي)(?=["'”,;&)\s]|$)/g;
function findArabicNisbaValues(text: string, out: Finding[]): void {
  ARABIC_NISBA_VALUE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = ARABIC_NISBA_VALUE.exec(text)) !== null;) {
    const first = scriptKey(m[1].split(/[ \t]/)[0]);
    if (SCRIPT_STOP.has(first)) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ kind: 'person-name', start, end: start + m[1].length });
  }
}

// A person's role before a name in Arabic (`العميل ليلى ناصر يطلب`, `الموظفة سارة العتيبي`): two words
// without the article, or the second a family name's `al-…`; one of them a listed name or the second
// of a family name's shape (`العميل يطلب استرداد` is a verb and its object).
const ARABIC_ROLE =
  /(?<![\u0621-\u064A])(?:العميلة?|الزبونة?|الموظفة?|المريضة?|المستفيدة?|المتصلة?|المستلمة?|المرسلة?|الطالبة?|المتدربة?|المشتركة?|صاحبة? الطلب|مقدمة? الطلب)[ \t]+((?!ال)[\u0621-\u064A]{2,10})[ \t]+([\u0621-\u064A]{2,12})(?![\u0621-\u064A])/dg;
function findArabicRoleNames(text: string, out: Finding[]): void {
  const { scriptGiven, scriptFamily } = wordLists();
  ARABIC_ROLE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = ARABIC_ROLE.exec(text)) !== null;) {
    const first = scriptKey(m[1]);
    const second = scriptKey(m[2]);
    if (SCRIPT_STOP.has(first) || SCRIPT_STOP.has(second)) continue;
    if (!(scriptGiven.has(first) || scriptGiven.has(second) || scriptFamily.has(second) || FAMILY_SHAPE.test(second))) continue;
    const start = m.indices![1][0];
    out.push({ kind: 'person-name', start, end: m.index + m[0].length });
  }
}

function findCaselessScriptNames(text: string, out: Finding[]): void {
  const { scriptGiven, scriptFamily } = wordLists();
  const given: Span[] = [];
  CASELESS_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CASELESS_RUN.exec(text)) !== null) {
    const words: { w: string; at: number }[] = [];
    const re = /\S+/g;
    for (let w: RegExpExecArray | null; (w = re.exec(m[0])) !== null;) words.push({ w: w[0], at: m.index + w.index });
    for (let i = 0; i + 1 < words.length; i++) {
      let first = scriptKey(words[i].w);
      let skip = 0;
      if (!scriptGiven.has(first) && HEBREW_PREFIX.test(first) && scriptGiven.has(first.slice(1))) {
        first = first.slice(1);
        skip = 1;
      }
      if (!scriptGiven.has(first) || first.length < 2 || (SCRIPT_STOP.has(first) && first !== 'علي')) continue;
      const next = (k: number): boolean => {
        if (k >= words.length) return false;
        const w = scriptKey(words[k].w);
        return w.length >= 3 && !SCRIPT_STOP.has(w) && (scriptFamily.has(w) || scriptGiven.has(w) || FAMILY_SHAPE.test(w));
      };
      if (!next(i + 1)) continue;
      const last = next(i + 2) ? i + 2 : i + 1;
      const start = words[i].at + skip;
      out.push({ kind: 'person-name', start, end: words[last].at + words[last].w.length });
      given.push({ start, end: start + words[i].w.length - skip });
      i = last;
    }
  }
  // Thai writes a given name glued to `คุณ` and often to the word after it (`คุณนภา`, `คุณสมชายโทรมา`):
  // the longest listed given name that starts right after it.
  // A speaker's introduction: `ผมชื่อสมชาย`, `ดิฉันชื่อ นภา`.
  for (let k = text.indexOf('ชื่อ'); k >= 0; k = text.indexOf('ชื่อ', k + 4)) {
    if (!/(?:ผม|ฉัน|ดิฉัน|หนู|เรา|กระผม)$/.test(text.slice(Math.max(0, k - 6), k))) continue;
    let s = k + 4;
    if (text[s] === ' ') s++;
    let e = s;
    while (e < text.length && e - s < 16 && text.charCodeAt(e) >= 0x0e01 && text.charCodeAt(e) <= 0x0e4e) e++;
    if (e - s >= 2 && e - s <= 12 && (e === text.length || !/[\u0e00-\u0e7f]/.test(text[e]))) {
      out.push({ kind: 'person-name', start: s, end: e });
      given.push({ start: s, end: e });
    }
  }
  for (let k = text.indexOf('คุณ'); k >= 0; k = text.indexOf('คุณ', k + 3)) {
    // (A form may set the name apart from the title: `ลูกค้า คุณ สมศรี ทองประเสริฐ ยกเลิก…`; then the family
    // name after one space is the name's too.)
    const spaced =
      text.charCodeAt(k + 3) === 32 && /^[\u0e01-\u0e4e]{2,12} [\u0e01-\u0e4e]{3,16}(?: |$|[.,:;!?)])/.test(text.slice(k + 4, k + 36));
    if (spaced && !THAI_AFTER_YOU.some((w) => text.startsWith(w, k + 4))) {
      const sp = text.indexOf(' ', k + 4);
      let e2 = sp + 1;
      while (e2 < text.length && text.charCodeAt(e2) >= 0x0e01 && text.charCodeAt(e2) <= 0x0e4e) e2++;
      out.push({ kind: 'person-name', start: k + 4, end: e2 });
      given.push({ start: k + 4, end: sp });
      continue;
    }
    let e = k + 3;
    while (e < text.length && e - k < 20 && text.charCodeAt(e) >= 0x0e01 && text.charCodeAt(e) <= 0x0e4e) e++;
    const run = text.slice(k + 3, e);
    // `คุณ` is also the polite `you`: not before a verb or a particle (`คุณสามารถ`, `คุณต้อง`).
    if (run.length < 2 || THAI_AFTER_YOU.some((w) => run.startsWith(w))) continue;
    let end = -1;
    for (let j = e; j >= k + 5 && end < 0; j--) if (scriptGiven.has(text.slice(k + 3, j))) end = j;
    // Else the whole run, where a space or a stop ends it within a name's length.
    if (end < 0 && run.length <= 10 && (e === text.length || !/[\u0e00-\u0e7f]/.test(text[e]))) end = e;
    if (end < 0) continue;
    out.push({ kind: 'person-name', start: k + 3, end });
    given.push({ start: k + 3, end });
  }
  // A Thai name after its formal title, glued or apart (`นางสาวพิมพ์ชนก ศรีสวัสดิ์`, `นาย สมชาย ใจดี`,
  // `ด.ญ.กานต์ธิดา สุขใจ`): the given name, a space, the family name. Not a word the title starts
  // (`นายกรัฐมนตรี`, `นายจ้าง`, `นางพยาบาล`).
  if (/นา[ยง]|ด\.[ชญ]\.|เด็ก/.test(text)) {
    THAI_TITLED.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = THAI_TITLED.exec(text)) !== null;) {
      const titled = m[1] + m[2];
      if (THAI_TITLE_WORDS.some((w) => titled.startsWith(w))) continue;
      const start = m.index + m[0].length - m[2].length - 1 - m[3].length;
      out.push({ kind: 'person-name', start, end: m.index + m[0].length });
      given.push({ start, end: start + m[2].length });
    }
  }
  // The given name again, alone, as a whole word (or after one Hebrew prefix letter) within the window.
  for (const g of given) {
    const name = text.slice(g.start, g.end);
    const { from, to } = aroundLines(text, g.start, g.end);
    const win = text.slice(from, to);
    for (let k = win.indexOf(name); k >= 0; k = win.indexOf(name, k + name.length)) {
      const i = from + k;
      if (i === g.start) continue;
      const before = text.charCodeAt(i - 1);
      const after = text.charCodeAt(i + name.length);
      const letter = (c: number): boolean =>
        (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0590 && c <= 0x05ff) || (c >= 0x0e00 && c <= 0x0e7f) || (c >= 0x0900 && c <= 0x097f);
      if (letter(after) || (letter(before) && !(HEBREW_PREFIX.test(text[i - 1]) && !letter(text.charCodeAt(i - 2))))) continue;
      out.push({ kind: 'person-name', start: i, end: i + name.length });
    }
  }
}

const THAI_TITLED =
  /(?<![\u0e00-\u0e7f])(นางสาว|นาง|นาย|เด็กชาย|เด็กหญิง|ด\.ช\.|ด\.ญ\.) ?([\u0e01-\u0e4e]{2,20}) ([\u0e01-\u0e4e]{2,25})(?![\u0e00-\u0e7f])/gu;
const THAI_TITLE_WORDS = [
  'นายก',
  'นายจ้าง',
  'นายหน้า',
  'นายทะเบียน',
  'นายอำเภอ',
  'นายทุน',
  'นายพล',
  'นายร้อย',
  'นายสิบ',
  'นายด่าน',
  'นายท่า',
  'นายตรวจ',
  'นายประกัน',
  'นายธนาคาร',
  'นายงาน',
  'นายแพทย์',
  'นางฟ้า',
  'นางแบบ',
  'นางพยาบาล',
  'นางงาม',
  'นางเอก',
  'นางสนม',
  'นางกำนัล',
];
/** Whether some word (or part of a hyphenated word) of `run` is in the name list. */
function mayHoldName(run: string): boolean {
  const { names } = wordLists();
  let i = 0;
  while (i < run.length) {
    let e = i;
    while (e < run.length && run.charCodeAt(e) > 32 && run.charCodeAt(e) !== 45) e++;
    if (e > i) {
      const w = run.slice(i, e);
      if (names.has(w) || ((w[1] === "'" || w[1] === '’') && names.has(w.slice(2)))) return true;
      if (/[\u0080-\uffff]/.test(w) && names.has(unaccented(w))) return true;
    }
    i = e + 1;
  }
  return false;
}

/**
 * The parts of a run the lists vouch for as names: the run split at common words (`Ask Funmilayo
 * Ajayi`, `Harold Jennings Sales Office`), and of each part, two or more words with a strong name.
 */
// Words that head a place's or an institution's name in Spanish, Portuguese, Italian and French
// (`Museo del Prado`, `Registro Mercantil de Sevilla`, `Teatro alla Scala`): a run they start, or one
// right after them and a particle, is no person's name. (Not a street's words: `Calle de Toledo 112`
// is an address, which the name's reader helps to find.)
const PLACE_HEAD = new Set(
  (
    'Museo Parque Teatro Palacio Estación Puerta Iglesia Catedral Registro Hospital Colegio Universidad Instituto ' +
    'Biblioteca Ayuntamiento Juzgado Tribunal Ministerio Museu Igreja Estação Palazzo Chiesa Stazione Musée Palais Gare ' +
    'Parc Église Lycée Tribunale Corte Procura Questura Comune Ospedale Università Aeroporto Aeropuerto Estadio ' +
    'Estádio Stadio Prefeitura Câmara Mairie Préfecture Aéroport Hôpital Université Amtsgericht Landgericht ' +
    'Oberlandesgericht Verwaltungsgericht Finanzgericht Sozialgericht Arbeitsgericht Finanzamt Landratsamt Rathaus ' +
    'Flughafen Klinikum Universität Hochschule Sparkasse Volksbank'
  ).split(' '),
);
// Words that end a station's or an airport's name (`Berlin Hbf`, `Köln Hauptbahnhof`).
const PLACE_TAIL = new Set(['Hbf', 'Hauptbahnhof', 'Bahnhof', 'Bf', 'Flughafen', 'Airport', 'Aeropuerto', 'Aéroport', 'Gare']);
// Two towns joined (`Cádiz y Huelva`, `Köln und Bonn`): places, not a name and its family name.
const PLACES_JOINED = /^(\S+) (?:y|e|i|und|et|and|og|och|en|ve) (\S+)$/u;
const isPlace = (w: string): boolean => {
  const places = wordLists().places;
  return places.has(w) || places.has(w.normalize('NFD').replace(/\p{M}/gu, ''));
};
const AFTER_PLACE_HEAD =
  /(\p{Lu}\p{Ll}+)[ \t]+(?:del|de la|de las|de los|de|do|da|dos|das|di|della|dello|dei|degli|du|des|de l['’])[ \t]+$/u;
function afterPlaceHead(text: string, at: number): boolean {
  const m = AFTER_PLACE_HEAD.exec(text.slice(Math.max(0, at - 40), at));
  return m !== null && PLACE_HEAD.has(m[1]);
}
function vouched(run: string, start: number): Span[] {
  // A Vietnamese name is read whole after its family name: its middle and given names are short
  // words the lists hold as common ones (`Nguyễn Thị Thu Hà`).
  const sp = run.indexOf(' ');
  if (sp > 0 && VIETNAMESE_FAMILY.has(run.slice(0, sp)) && !run.startsWith('Hồ Chí Minh')) {
    // One space apart, each a syllable (a column beside it is no part: `Trần Văn Hùng  Engineering`).
    const ws = run.split(/(?:\t| {2,})/)[0].split(' ');
    let n = 1;
    while (n < ws.length && n < 4 && ws[n].length <= 7) n++;
    if (n >= 2) return [{ start, end: start + ws.slice(0, n).join(' ').length }];
  }
  // A Korean name in Latin letters whose family name is also an English word (`Park Jiyoung`,
  // `Seo-yeon Moon`): the other word made of two or three Korean syllables, no common word.
  if (sp > 0 && (KOREAN_ROMAN_FAMILY_WORD.has(run.slice(0, sp)) || KOREAN_ROMAN_FAMILY_WORD.has(run.slice(run.lastIndexOf(' ') + 1)))) {
    const ws = run.split(' ');
    if (ws.length === 2) {
      const other = KOREAN_ROMAN_FAMILY_WORD.has(ws[0]) ? ws[1] : ws[0];
      const o = other.toLowerCase();
      if (KOREAN_ROMAN_GIVEN.test(o) && KOREAN_ROMAN_TELL.test(o) && classify(other) >= Word.Unknown && classify(other) !== Word.Common)
        return [{ start, end: start + run.length }];
    }
  }
  // Most runs hold no name at all (`Promise Resolve`): one lookup a word tells.
  if (!mayHoldName(run)) return [];
  // A German place: an adjective of a town and a place's noun (`Prenzlauer Berg`, `Englischer Garten`,
  // `Frankfurter Tor`), the adjective no listed name (`Peter Berg` is a person).
  if (sp > 0 && GERMAN_PLACE.test(run) && classify(run.slice(0, sp)) >= Word.Unknown) return [];
  if (sp > 0 && PLACE_HEAD.has(run.slice(0, sp))) return [];
  if (sp > 0 && PLACE_TAIL.has(run.slice(run.lastIndexOf(' ') + 1))) return [];
  const joined = PLACES_JOINED.exec(run);
  if (joined !== null && isPlace(joined[1]) && isPlace(joined[2])) return [];
  // A voice assistant's feature (`Siri Shortcuts`, `Alexa Skills`, `Bixby Routines`), not a person's name.
  if (sp > 0 && ASSISTANTS.has(run.slice(0, sp)) && classify(run.slice(sp + 1).split(/\s/)[0]) !== Word.Strong) return [];
  const ws = wordsOf(run, start);
  if (!ws.some((x) => x.c === Word.Strong)) return [];
  const out: Span[] = [];
  let i = 0;
  while (i < ws.length) {
    while (i < ws.length && (ws[i].c === Word.Common || ws[i].c === Word.Particle)) i++;
    let j = i;
    let words = 0,
      strong = false;
    while (j < ws.length && ws[j].c !== Word.Common) {
      if (ws[j].c !== Word.Particle) words++;
      if (ws[j].c === Word.Strong) strong = true;
      j++;
    }
    let e = j;
    while (e > i && ws[e - 1].c === Word.Particle) e--;
    if (words >= 2 && strong) out.push({ start: ws[i].s, end: ws[e - 1].e });
    i = j;
  }
  return out;
}

/**
 * The words of a run after a cue, as far as they may be a name: up to the first common word.
 * With `loose`, any such words will do (after a greeting or a title); otherwise a name that is
 * not a common word must be among them.
 */
function afterCue(run: string, start: number, loose: boolean, people = false): Span | null {
  const ws = wordsOf(run, start);
  // A title after a label (`Physician: Dr Kwame Asante`) introduces the name too.
  let a = 0;
  while (a < ws.length && TITLE_WORDS.has(run.slice(ws[a].s - start, ws[a].e - start))) a++;
  let b = a;
  // A Vietnamese name: its syllables whatever the lists hold them as (`Chị Nguyễn Thị Thu Hằng`).
  if (a < ws.length && VIETNAMESE_FAMILY.has(run.slice(ws[a].s - start, ws[a].e - start))) {
    while (b < ws.length && b - a < 4 && ws[b].e - ws[b].s <= 7 && (b === a || ws[b].s === ws[b - 1].e + 1)) b++;
    return b - a >= 2 ? { start: ws[a].s, end: ws[b - 1].e } : null;
  }
  while (b < ws.length && ws[b].c !== Word.Common) b++;
  while (b > a && ws[b - 1].c === Word.Particle) b--;
  if (b === a) return null;
  const kept = ws.slice(a, b);
  // After a label, a name the lists hold; after a label only people bear, two or three words the
  // lists lack altogether (`Author: Tendai Moyo`, not `Upstream-Name: Apache Maven`).
  if (
    !loose &&
    a === 0 &&
    !kept.some((x) => x.c === Word.Strong) &&
    !(people && kept.length >= 2 && kept.length <= 3 && kept.every((x) => x.c === Word.Unknown))
  )
    return null;
  return { start: kept[0].s, end: kept[kept.length - 1].e };
}

/**
 * Whether the match at `i` continues what stands before it: a letter past ASCII (`\\b` sees only
 * ASCII), and with `strict` a member, an address, a tag, a path or a dashed word (`x.Foo Bar`).
 * Tested here rather than by a look-behind, which costs a third more in a pass over every character.
 */
function joined(text: string, i: number, strict: boolean): boolean {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xc0 && c <= 0x24f) return true;
  // A mention by display name (`Ping @Keoni Akana when done`) is no handle: `@` after a space.
  if (c === 64 && (i === 1 || MENTION_BEFORE.has(text.charCodeAt(i - 2)))) return false;
  return strict && (c === 46 || c === 36 || c === 64 || c === 35 || c === 47 || c === 92 || c === 45);
}

const MENTION_BEFORE = new Set([32, 9, 10, 40]);

// A title word after a run's first word (one search, no word split: most runs hold none).
const TITLE_INSIDE = new RegExp(
  `[ \\t]((?:${[...TITLE_WORDS]
    .sort((x, y) => y.length - x.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})\\.?)(?=[ \\t]|$)`,
);
/** Where a title word stands in `run` after its first word (`Sie Frau Oberhauser` → 4), or -1. */
function titleInside(run: string): number {
  // A title and a name after it make three words at least: a pair is not searched.
  let gaps = 0;
  for (let i = 1; i < run.length && gaps < 2; i++) {
    const c = run.charCodeAt(i);
    if ((c === 32 || c === 9) && run.charCodeAt(i - 1) !== 32 && run.charCodeAt(i - 1) !== 9) gaps++;
  }
  if (gaps < 2) return -1;
  const m = TITLE_INSIDE.exec(run);
  return m === null ? -1 : m.index + m[0].length - m[1].length;
}

/** `51 Franklin Street`: a street named for a person, after a house number. */
function streetAfterNumber(text: string, start: number, run: string): boolean {
  const c = text.charCodeAt(start - 2);
  if (!(c >= 48 && c <= 57)) return false;
  const head = text.slice(Math.max(0, start - 8), start + run.length);
  // A year is no house number (`2021 Iain Lane`, a copyright holder).
  return STREET_AFTER_NUMBER.test(head) && !/(?:^|\D)(?:19|20)\d\d[ \t]+\S+(?:[ \t]+\S+){0,3}$/.test(head);
}

// A run that starts with a capital past ASCII (`Élodie Rousseau`), where `\b` sees no word's start:
// read from each such capital that starts a word (a look-behind at the head of NAME_RE would cost
// the engine its quick scan of every position).
const CAPITAL_PAST_ASCII = /[\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F\u1E00-\u1EFF]/g;
const RUN_AT = new RegExp(`(${WORD}(?:[ \\t]+(?:${PARTICLE}[ \\t]+)?${WORD}){1,3})${AFTER}`, 'y');
const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 0xc0 && c <= 0x24f);

// A name in another script after a label that asks for one (`氏名：高橋 由美子`, `이름: 박서연`,
// `Ad Soyad: Elif Yıldırım`, `الاسم: عمر بن علي`, `ФИО: …`): up to four words, one of them in a
// script past Latin (Latin names are read by the cues above), or two or three words in capitals
// after a card's holder label (`名義：NAKAMURA HARUTO`).
// (Found in two steps: the label by a scan without Unicode mode, then the value where it ends.)
const SCRIPT_LABEL =
  /(?:氏名(?:ローマ字|カナ|フリガナ|[（(](?:フリガナ|カナ|ふりがな|ローマ字)[）)])?|フリガナ|名前|姓名|名義|お名前|이름|성명|ชื่อ(?:-นามสกุล| นามสกุล)?|ผู้รับ|ผู้ส่ง|ผู้ติดต่อ|소유자|피보험자|보험계약자|신청인|수취인|예금주|성함|الاسم|اسم|שם|Имя|имя|ФИО|Ф\.И\.О\.|Όνομα|Ονοματεπώνυμο|[Aa]d[ \t]+[Ss]oyad|[Ii]sim|नाम|[Hh]ọ[ \t]+(?:và[ \t]+)?tên|候補者|申请人|联系人|收件人|受取人|받는[ \t]?분|수령인|担当者|担当|契約者|申込者|患者名?|顧客名|会員名|Фамилия|Отчество|Πελάτης|Ασθενής|שם[ \t]מלא|नाम|收货人|收貨人|持卡人|收款人|开户名|開戶名|Заявитель|Получатель|Отправитель|Пациент|ПІБ|Прізвище|口座名義|نام|درخواست[ \t]گزار|নাম|பெயர்|పేరు|ਨਾਮ|નામ|නම|အမည်|ឈ្មោះ|ຊື່|ಹೆಸರು|പേര്|სახელი|Անուն|ስም|ሽም|የተቀባይ[ \t]ስም|الموظف|العميل|المستلم|المرسل|المريض|المستفيد|صاحب[ \t]الحساب|نام[ \t]و[ \t]نام[ \t]خانوادگی|نام[ \t]خانوادگی|Овог[ \t]нэр|Нэр|ନାମ|ହିତାଧିକାରୀ|ଅଭିଭାବକ|অভিভাবক|अभिभावक|ඉල්ලුම්කරු|விண்ணப்பதாரர்|Դիմորդ|Անուն[ \t]Ազգանուն)["']?[ \t]*[:：፡՝][ \t]*["']?/g;
const LABEL_BEFORE = /[\s(（「【,，、;；|*"']/;
const LABEL_VALUE = /([\p{L}\p{M}][\p{L}\p{M}'’.\u200c-]*(?:[ \t]+[\p{L}\p{M}][\p{L}\p{M}'’.\u200c-]*){0,3})/uy;
const LATIN_WORDS = /^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’. \t-]+$/;
const CAPITALS = /^[A-Z]{2,}(?:[ \t]+[A-Z]{2,}){1,2}$/;
// A line of a chat or its export that starts with the speaker's name and a colon (`Larissa: tentei
// pagar…`, `[11/04/24, 09:12:41] Layla Mansour: Hi`): one or two capitalised words, the first a name
// in the list; at least two such lines make a transcript. (Also after a list's bullet, as stand-up
// notes write them: `- Okafor: finished the retry logic`.)
// A chat's handle made of a name (`lena.vogt  11:07`, `**yannick.benoit** 14:22`, `hannah.r: …`; before a colon only with a
// dot: `comp_op:` is a grammar's rule) is read in the same pass (groups 2 and 3).
const SPEAKER =
  /^(?:[-*•][ \t]+|\[[^\]\n]{4,30}\][ \t]*|\d{1,2}:\d{2}(?:[ \t]?[AaPp][Mm])?[ \t]+)?(?:([A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F\u1E00-\u1EFF][a-z\u00DF-\u00F6\u00F8-\u00FF\u0100-\u017F\u1E00-\u1EFF'’-]+(?:[ \t]+[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F\u1E00-\u1EFF][a-z\u00DF-\u00F6\u00F8-\u00FF\u0100-\u017F\u1E00-\u1EFF'’-]+)?):[ \t]|([a-z]{2,}\.[a-z][a-z0-9]{0,23}):[ \t]|(?:\*\*)?([a-z]{2,}[._-][a-z][a-z0-9]{0,23})(?:\*\*)?[ \t]{1,4}\d{1,2}:\d{2}(?:[ \t]?[AaPp][Mm])?[ \t]*\r?$)/gm;

/** Names after script labels (see SCRIPT_LABEL). */
function findLabelledNames(text: string, out: Finding[]): void {
  let m: RegExpExecArray | null;
  SCRIPT_LABEL.lastIndex = 0;
  while ((m = SCRIPT_LABEL.exec(text)) !== null) {
    if (m.index > 0 && !LABEL_BEFORE.test(text[m.index - 1])) continue;
    LABEL_VALUE.lastIndex = m.index + m[0].length;
    const value = LABEL_VALUE.exec(text);
    if (value === null) continue;
    let v = value[1].replace(/[.'’-]+$/, '');
    // A Korean or Japanese name written without spaces runs into a particle or the next words: keep at most four syllables/characters.
    if (/^[\p{Script=Hangul}\p{Script=Han}]+$/u.test(v) && v.length > 4) continue;
    if (LATIN_WORDS.test(v) && !CAPITALS.test(v)) {
      // `Ad Soyad: Elif Yıldırım`: Latin words after a label of a name in another language, capitalised.
      if (!/^(?:ad[ \t]+soyad|isim|họ)/i.test(m[0]) || !/^\p{Lu}/u.test(v)) continue;
    }
    v = v.trim();
    if (v.length < 2) continue;
    const start = m.index + m[0].length;
    out.push({ kind: 'person-name', start, end: start + v.length });
  }
}

// Roles that speak in transcripts, and words that start a line with a colon, that the list holds as names.
const SPEAKER_ROLES = new Set(
  'Agent Customer Kunde Kundin Client Cliente Klant Support Supporter User Visitor Caller Operator Bot System Admin Moderator Host Guest Speaker Interviewer Candidate Doctor Nurse Patient See Note Re Fwd Subject From To Cc Date'.split(
    ' ',
  ),
);

// A speaker in a script without capitals (`최현우: …`, `สมชาย รัตนากร: …`, `黄志强：…`).
const SPEAKER_SCRIPT =
  /^((?:[\p{Script=Hangul}\p{Script=Han}]{2,4})|\p{Script=Thai}+(?:[ \t]\p{Script=Thai}+)?|\p{Script=Arabic}+(?:[ \t]\p{Script=Arabic}+){0,2}|\p{Script=Hebrew}+(?:[ \t]\p{Script=Hebrew}+)?)[ \t]*[:：][ \t]*\S/gmu;

const ARABIC_ARTICLE_WORD = /^ال\S+$/;
const DENSE_SPEAKERS = 1024;
// A field's name, not a speaker's (`Filename:`, `Content-Type:`, `Hostname:`).
const FIELD_NAME = /(?:name|type|path|file|dir|mode|id|key|url|uri|host|port|size|date|time|version|user|status|level|code)$/i;

/** Speakers of a chat (see SPEAKER, HANDLE and SPEAKER_SCRIPT): taken when two lines or more have one. */
function findSpeakers(text: string, out: Finding[], pastLatin: boolean): void {
  let m: RegExpExecArray | null;
  // Every speaker-shaped line (its offset), and the names on them that may be taken. A name is
  // read against the lines within three of its own, as the trajectory builder's window holds them:
  // a speaker is taken when another speaker line stands that close, and a name the list lacks, or
  // one in a script without capitals, when it speaks again that close.
  const lines: number[] = [];
  const named: { start: number; end: number; name: string; line: number; how: 'listed' | 'unknown' | 'script'; sentence: boolean }[] = [];
  const cands: { start: number; end: number; name: string; at: number; how: 'listed' | 'unknown' | 'script'; sentence: boolean }[] = [];
  SPEAKER.lastIndex = 0;
  let inBlock = 0,
    blockStart = 0;
  while ((m = SPEAKER.exec(text)) !== null) {
    // Speaker lines packed closer than any chat writes them (1,024 within 32,768 characters): a
    // text made to cost each line's reading, dropped whole (as the keyword rule drops its kind).
    if (inBlock++ === 0) blockStart = m.index;
    else if (inBlock === DENSE_SPEAKERS) {
      if (m.index - blockStart < DENSE_SPEAKERS * 32 && denseGuard.on) throw new TooDense();
      inBlock = 0;
    }
    // A list's item is a speaker's line only when a listed name speaks on it (`- Neu: Export …`,
    // `- Behoben: …` are a release's notes).
    const bullet = m[0].charCodeAt(0) === 45 || m[0].charCodeAt(0) === 42 || m[0].charCodeAt(0) === 0x2022;
    // A value aligned after its field's name (`Sitz:        Langnau`) is a form's, not a chat's.
    const next = text.charCodeAt(m.index + m[0].length);
    if (m[1] !== undefined && (next === 32 || next === 9)) continue;
    if (!bullet) lines.push(m.index);
    if (m[1] !== undefined) {
      const name = m[1];
      const first = name.split(/[ \t]/)[0];
      if (SPEAKER_ROLES.has(first)) continue;
      const c = classify(first);
      const start = m.index + m[0].length - 2 - name.length;
      if (bullet) {
        if (c === Word.Strong) {
          lines.push(m.index);
          cands.push({ start, end: start + name.length, name, at: m.index, how: 'listed', sentence: false });
        }
        continue;
      }
      // A name of two words the list vouches for, saying a sentence, speaks on a line of its own too
      // (`Ekaterina Smirnova: 509330086599, i nomer …`); one word needs another speaker near.
      if (c === Word.Strong) {
        const two = name.includes(' ') || name.includes('\t');
        cands.push({ start, end: start + name.length, name, at: m.index, how: 'listed', sentence: two && saysSentence(text, m) });
      } else if (c === Word.Unknown && name.length >= 3 && !FIELD_NAME.test(name)) {
        // What a speaker says is a sentence, at least once (a field's value seldom is: `Filename: /var/…`).
        cands.push({ start, end: start + name.length, name, at: m.index, how: 'unknown', sentence: saysSentence(text, m) });
      }
      continue;
    }
    const name = m[2] ?? m[3];
    const [first, rest] = name.split(/[._-]/);
    if ((classify(capital(first)) !== Word.Strong || classify(capital(rest)) === Word.Common) && !nameHandle(name)) continue;
    const start = m.index + m[0].indexOf(name);
    // A handle made of names saying a sentence speaks alone too (`fer.gomez: el timbrado falla …`).
    cands.push({
      start,
      end: start + name.length,
      name,
      at: m.index,
      how: 'listed',
      // (And a handle of a given and a family name the lists hold, on a line of its own with the time.)
      sentence:
        m[2] !== undefined
          ? saysSentence(text, m)
          : rest !== undefined && classify(capital(first)) === Word.Strong && classify(capital(rest)) === Word.Strong,
    });
  }
  if (pastLatin) {
    // Without a list of names in these scripts, a speaker is one who speaks twice: a form's labels
    // (`일시:`, `대상:`, `内容：`) are written once each.
    SPEAKER_SCRIPT.lastIndex = 0;
    while ((m = SPEAKER_SCRIPT.exec(text)) !== null) {
      // One Arabic word with its article (`الموظف:`, `العميل:`) is a noun, a record's label.
      if (ARABIC_ARTICLE_WORD.test(m[1])) continue;
      lines.push(m.index);
      cands.push({ start: m.index, end: m.index + m[1].length, name: m[1], at: m.index, how: 'script', sentence: false });
    }
  }
  if (cands.length === 0 || (lines.length < 2 && !cands.some((c) => c.how === 'listed' && c.sentence))) return;
  // Line numbers of the speaker lines and candidates, by one count of the line breaks before each.
  const lineOf = lineCounter(text);
  const speakerLines = [...new Set(lines.map(lineOf))].sort((a, b) => a - b);
  for (const c of cands) named.push({ ...c, line: lineOf(c.at) });
  const near = (a: number, b: number): boolean => a !== b && Math.abs(a - b) <= 3;
  // Another speaker line within three of `line`: looked up in the sorted lines (a scan of them
  // per candidate cost the square of a chat's length).
  const nearestSpeaker = (line: number): number => {
    let lo = 0,
      hi = speakerLines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (speakerLines[mid] < line - 3) lo = mid + 1;
      else hi = mid;
    }
    let best = -1;
    for (let k = lo; k < speakerLines.length && speakerLines[k] <= line + 3; k++)
      if (speakerLines[k] !== line && (best < 0 || Math.abs(speakerLines[k] - line) < Math.abs(best - line))) best = speakerLines[k];
    return best;
  };
  const speakerNear = (line: number): boolean => nearestSpeaker(line) >= 0;
  // The first speaker line's place on each line.
  const offsetOfLine = new Map<number, number>();
  for (const at of lines) {
    const l = lineOf(at);
    if (!offsetOfLine.has(l) || offsetOfLine.get(l)! > at) offsetOfLine.set(l, at);
  }
  // The same name speaking, by kind and name, in line order.
  const byName = new Map<string, typeof named>();
  for (const d of named)
    if (d.how !== 'listed') {
      const key = d.how + '\u0000' + d.name;
      const list = byName.get(key);
      if (list === undefined) byName.set(key, [d]);
      else list.push(d);
    }
  for (const c of named) {
    let taken: boolean;
    if (c.how === 'listed') taken = c.sentence || speakerNear(c.line);
    else {
      const same = byName.get(c.how + '\u0000' + c.name)!;
      taken = false;
      // Within three lines either way: the candidates of a name are in line order.
      let lo = 0,
        hi = same.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (same[mid].line < c.line - 3) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < same.length && same[k].line <= c.line + 3; k++) {
        const d = same[k];
        if (near(d.line, c.line) && (c.how === 'script' || c.sentence || d.sentence)) {
          taken = true;
          break;
        }
      }
    }
    if (!taken) continue;
    const f: Finding = { kind: 'person-name', start: c.start, end: c.end };
    out.push(f);
    // Taken for the speaker lines near it: the nearest is its partner (script-names.ts's partnered).
    if (!(c.how === 'listed' && c.sentence)) {
      const l = nearestSpeaker(c.line);
      if (l >= 0) partnered(f, offsetOfLine.get(l)!);
    }
  }
}

/** Does the speaker of SPEAKER's match `m` say a sentence (three words or more) on its line? */
function saysSentence(text: string, m: RegExpExecArray): boolean {
  const from = m.index + m[0].length;
  const lineEnd = text.indexOf('\n', from);
  // (At most 200 characters of it: a line of a megabyte must not be copied per speaker.)
  const said = text.slice(from, Math.min(from + 200, lineEnd < 0 ? text.length : lineEnd));
  return /\S[ \t]+\S+[ \t]+\S/.test(said);
}

/** The line (from 0) of an offset, for offsets asked in any order: the line breaks are found once. */
function lineCounter(text: string): (at: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return (at) => {
    let lo = 0,
      hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

// A user name made of a person's name, given to a key, attribute or element that holds one, or
// quoted after the word (`username = mareikek`, `ansible_user: freja.mikkelsen`,
// `<User>akaminska</User>`, `for user "tbrandt"`, `Account Name: hana.castellanos`): a first or
// last name joined to another part (`ute.schaefer`, `sebastian.k`), or an initial and a surname
// (`mkuehn`). Service accounts (`deploy`, `svc_ansible`, `grafana`) are no names.
const USER_VALUE =
  /(?:(?:[Uu]ser|USER)(?:[_-]?(?:[Nn]ame|NAME))?|[Ll]ogin|LOGIN|[Uu]id|UID|[Ss]am[Aa]ccount[Nn]ame|[Aa]ccount[ _-]?[Nn]ame|ACCOUNT_NAME)(?:["']?[ \t]*(?:[:=]|=>)[ \t]*["']?|[ \t]+["'])(?:[A-Z][A-Z0-9-]{1,15}\\{1,2}|@)?([a-z][a-z0-9]{0,30}(?:[._-][a-z0-9]{1,30}){0,2}|[A-Z]{2,30}[._][A-Z]{2,30})(?=["'\s,;<)}\]&]|$)|<(?:[A-Za-z][\w-]{0,15}:)?(?:[Uu]ser(?:-?[Nn]ame)?|[Ll]ogin|[Uu]id)>([a-z][a-z0-9]{0,30}(?:[._-][a-z0-9]{1,30}){0,2})<\//g;
// Other keys of a user (`handle`, `actor`, `assignee`, a JSON profile's `"display_name"`) and the word in other languages (`Benutzername`): a search of
// their own, woken by their own features (one alternation of all would cost every text with a user key).
const USER_VALUE_MORE =
  /(?:[Hh]andle|[Aa]ctor|[Aa]ssignee|[Rr]eporter|(?<=")(?:display_?[Nn]ame|displayName|screen_name)(?=")|[Bb]enutzer(?:name)?|[Uu]tilisateur|[Uu]suario|[Gg]ebruikersnaam|[Nn]ome[ _]utente|[Uu]żytkownik|[Kk]ullanıcı(?:[ _]adı)?)(?:["']?[ \t]*(?:[:=]|=>)[ \t]*["']?|[ \t]+["'])(?:[A-Z][A-Z0-9-]{1,15}\\{1,2}|@)?([a-z][a-z0-9]{0,30}(?:[._-][a-z0-9]{1,30}){0,2})(?=["'\s,;<)}\]&]|$)|<(?:[A-Za-z][\w-]{0,15}:)?(?:[Uu]ser(?:-?[Nn]ame)?|[Ll]ogin|[Uu]id)>([a-z][a-z0-9]{0,30}(?:[._-][a-z0-9]{1,30}){0,2})<\//g;
const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

const ROLE_PART =
  /user|admin|test|app|svc|service|bot|dev|prod|ops|web|api|db|sql|data|root|guest|demo|system|backup|deploy|build|runner|agent/;

// The users examples and tutorials are written with.
const EXAMPLE_USERS = new Set(
  'alice bob carol charlie chuck dave david eve erin frank fred george harry jack jane jdoe jill jim joe john johndoe judy mallory mary mike oscar peggy sam sarah steve susan sybil ted tom trent trudy victor walter wendy barney wilma betty homer marge bart lisa maggie erika hans otto jean pierre juan maria'.split(
    ' ',
  ),
);
const HANDLE_USE = /^(.+)[._-](?:dev|work|gh|git|code|eng|personal|admin|adm)$/;
/** Is `v` (lower case) a user name made of a person's name? */
function nameHandle(v: string): boolean {
  // A person's handle for one use of it (`rkapoor-dev`, `kaito_dev`, `mkowalczyk-work`).
  const use = HANDLE_USE.exec(v);
  if (use !== null && use[1].length >= 4 && nameHandle(use[1])) return true;
  const parts = v.split(/[._-]/);
  if (parts.some((p) => /\d/.test(p) && p.length > 2)) return false;
  if (parts.length >= 2) {
    const classes = parts.filter((p) => p.length >= 3).map((p) => classify(capital(p)));
    return classes.includes(Word.Strong) && !classes.includes(Word.Common);
  }
  if (v.length < 4 || /\d/.test(v)) return false;
  // A given name alone that no word has (`jakub`, `emeka`, `amelie`) is a person's login, unless
  // examples call their users so (`alice`, `fred`, `john`).
  const c = classify(capital(v));
  if (c === Word.Strong && !ROLE_PART.test(v) && !EXAMPLE_USERS.has(v) && !SYSTEM_ACCOUNT.test(v) && !LONE_PRODUCTS.has(capital(v)))
    return true;
  // A word as a name (`jenkins`, `grafana`, `root`) is a service's account; `dbuser`, `webadmin` are roles.
  if (c !== Word.Unknown || ROLE_PART.test(v)) return false;
  // A first name alone (`fred`, `john`) is what examples call their users: an initial and a surname, or a name and an initial.
  return (
    (v.length >= 5 && classify(capital(v.slice(1))) === Word.Strong) ||
    (v.length >= 6 && classify(capital(v.slice(0, -1))) === Word.Strong) ||
    twoNames(v)
  );
}

/** Two names of four letters or more run together, maybe after an initial (`lruizvega`, `anakowalska`). */
function twoNames(v: string): boolean {
  if (v.length < 8 || v.length > 24 || !/^[a-z]+$/.test(v)) return false;
  for (const from of [0, 1])
    for (let i = from + 4; i <= v.length - 4; i++)
      if (classify(capital(v.slice(from, i))) === Word.Strong && classify(capital(v.slice(i))) === Word.Strong) return true;
  return false;
}

// A note signed at its end after a dash (`# temp until ENV is wired on the new host — Joost`,
// `– Amaru Quispe`): a given name the lists hold, and a word after it that is no common word.
// (The dash first, then the look-behind: a look-behind first would be tried at every character.)
const DASH_SIGNATURE = /[—–](?<=\S[ \t]+[—–])[ \t]?(\p{Lu}\p{Ll}{2,20})(?:[ \t]+(\p{Lu}[\p{Ll}'’-]{1,24}))?[ \t.]*\r?$/gmu;
// A slash signs a note as well, in the Nordic way (`Ring honom när du kan /Ylva`); its expression
// starts with its literal ` /`, which is searched for fast (what stands before is checked after).
const SLASH_SIGNATURE = / \/(\p{Lu}\p{Ll}{2,20})(?:[ \t]+(\p{Lu}[\p{Ll}'’-]{1,24}))?[ \t.]*\r?$/gmu;
function signatures(text: string, re: RegExp, out: Finding[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (re === SLASH_SIGNATURE && (m.index === 0 || /\s/.test(text[m.index - 1]!))) continue;
    if (classify(m[1]) !== Word.Strong) continue;
    const two = m[2] !== undefined && classify(m[2]) !== Word.Common;
    const start = m.index + m[0].indexOf(m[1]);
    out.push({
      kind: 'person-name',
      start,
      end: two ? m.index + m[0].indexOf(m[2]!, m[0].indexOf(m[1]) + m[1].length) + m[2]!.length : start + m[1].length,
    });
  }
}

// The owner of a note in code (`# TODO(ana.k): move to …`, `// FIXME(jkowalski)`): a login made of names.
const NOTE_WORDS = ['TODO(', 'FIXME(', 'XXX(', 'HACK(', 'NOTE('];
const NOTE_OWNER = /\b(?:TODO|FIXME|XXX|HACK|NOTE)\(([A-Za-z][a-z0-9._-]{1,30})\)/g;
function findNoteOwners(text: string, out: Finding[]): void {
  NOTE_OWNER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NOTE_OWNER.exec(text)) !== null) {
    // (Capitalised, a given name the lists hold: `TODO(Chloe)`.)
    if (/^[A-Z]/.test(m[1]) ? classify(m[1]) !== Word.Strong || TITLE_WORDS.has(m[1]) : !nameHandle(m[1])) continue;
    const start = m.index + m[0].length - 1 - m[1].length;
    out.push({ kind: 'person-name', start, end: start + m[1].length });
  }
}

// A handle after a social network's name on its line (`Telegram: @andrii_boiko91`, `follow me on
// insta @lucia.ferrer.fotos or tiktok @luciafotografa_`, `Reddit user u/quiet_fjord_kari`): whatever
// it is made of. (Elsewhere a mention counts only when made of names: `@types/node`, `@Override`.)
// (Reddit's `u/…` anywhere: below.)
const SOCIAL_NETWORK =
  /(?:instagram|insta|tiktok|telegram|twitter|snapchat|reddit|mastodon|bluesky|discord|skype|wechat|kakaotalk|телеграмм?|инстаграмм?|인스타(?:그램)?|텔레그램|틱톡|インスタ(?:グラム)?|ツイッター|微博|抖音|小红书|إنستغرام|تيليجرام)(?![\p{L}\p{N}])/giu;
const LETTER_OR_DIGIT_END = /[\p{L}\p{N}]$/u;
const SOCIAL_HANDLE = /(?<![\w@./])@([A-Za-z0-9_][A-Za-z0-9_.]{1,29})(?![\w@/])/g;
// (Searched for as literals first: most texts with a colon name no network.)
const NETWORK_WORDS = [
  'discord',
  'Discord',
  'telegram',
  'Telegram',
  'insta',
  'Insta',
  'twitter',
  'Twitter',
  'tiktok',
  'TikTok',
  'snapchat',
  'Snapchat',
  'skype',
  'Skype',
  'wechat',
  'WeChat',
];
const BARE_HANDLE = /^[ \t]*[:：][ \t]*([A-Za-z0-9_][A-Za-z0-9_.]{2,31})(?![\w@/.:])/;
// The owner of a repository in a clone URL (`git@github.com:ahmet-kaya/dotfiles.git`,
// `https://gitlab.com/ewa.michalak/infra.git`), when made of names: a person's account, not an
// organisation's (`rust-lang`, `acme-corp`).
const REPOSITORY_OWNER =
  /(git@[\w.-]{1,100}:|https?:\/\/(?:[\w-]{1,63}\.){1,4}[a-z]{2,12}\/)([A-Za-z0-9][A-Za-z0-9_.-]{1,38})\/[\w.-]{1,100}?\.git(?![\w-])/g;
// Words organisations' accounts end with (`rust-lang`, `acme-labs`, `kube-hq`).
const ORGANISATION_PART =
  /[._-](?:lang|labs?|team|org|inc|corp|hq|io|js|oss|project|foundation|community|tools|apps|cloud|bot|ci|group|official)$/;
// The owner of the branch a pull request merged (`Merge pull request #1184 from tanvir-hasan-dev/fix-locale`).
const MERGED_FROM = /(Merge pull request #\d{1,7} from )([A-Za-z0-9][A-Za-z0-9-]{1,38})\/(?=[\w.-])/g;
function findRepositoryOwners(text: string, out: Finding[]): void {
  let m: RegExpExecArray | null;
  for (const re of [REPOSITORY_OWNER, MERGED_FROM])
    for (re.lastIndex = 0; (m = re.exec(text)) !== null;) {
      const owner = m[2].toLowerCase();
      if (ORGANISATION_PART.test(owner) || !nameHandle(owner)) continue;
      const start = m.index + m[1].length;
      out.push({ kind: 'person-name', start, end: start + m[2].length });
    }
}

// Reddit's user names are written so wherever they stand (`reported by u/throwaway_greta1987`).
const REDDIT_USER = /u\/([A-Za-z0-9_-]{3,20})(?![\w/-])/g;
function findRedditUsers(text: string, out: Finding[]): void {
  REDDIT_USER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REDDIT_USER.exec(text)) !== null) {
    const c = m.index > 0 ? text.charCodeAt(m.index - 1) : 32;
    if (isWordChar(c) || c === 47 || c === 46 || c === 45) continue; // `/u/bin`, `cpu/…`, `menu/…`
    out.push({ kind: 'person-name', start: m.index + 2, end: m.index + 2 + m[1].length });
  }
}
function findSocialHandles(text: string, out: Finding[]): void {
  SOCIAL_NETWORK.lastIndex = 0;
  let m: RegExpExecArray | null;
  let readTo = 0;
  while ((m = SOCIAL_NETWORK.exec(text)) !== null) {
    // The word starts there (tested here: a look-behind would be tried at every position).
    if (m.index > 0 && LETTER_OR_DIGIT_END.test(text.slice(m.index - 2, m.index))) continue;
    const from = Math.max(readTo, m.index + m[0].length);
    let end = text.indexOf('\n', from);
    if (end < 0 || end > from + 60) end = Math.min(text.length, from + 60);
    readTo = end;
    const line = text.slice(from, end);
    handlesIn(line, from, out);
    // Right after the network's name and a colon, with no `@` (`discord: rommel_iye16`): made as handles are, with a digit, `_` or `.`.
    const bare = BARE_HANDLE.exec(line);
    if (bare !== null && /[\d_.]/.test(bare[1]) && /[A-Za-z]/.test(bare[1]) && !/\.(?:com|gg|io|net|org|me|app|co)$/i.test(bare[1]))
      out.push({ kind: 'person-name', start: from + bare[0].length - bare[1].length, end: from + bare[0].length });
    // A table's header naming a network (`name,twitter,instagram`): the handles of the three rows below it.
    const bol = text.lastIndexOf('\n', m.index - 1) + 1;
    if (end - bol <= 200 && text.charCodeAt(end) === 10 && /[,\t;|]/.test(text.slice(bol, end))) {
      let rowEnd = end;
      for (let row = 0; row < 3 && rowEnd < text.length; row++) {
        const rowStart = rowEnd + 1;
        rowEnd = text.indexOf('\n', rowStart);
        if (rowEnd < 0) rowEnd = text.length;
        if (rowEnd - rowStart > 400) break;
        handlesIn(text.slice(rowStart, rowEnd), rowStart, out);
      }
      readTo = Math.max(readTo, rowEnd);
    }
  }
}
function handlesIn(line: string, from: number, out: Finding[]): void {
  SOCIAL_HANDLE.lastIndex = 0;
  let h: RegExpExecArray | null;
  while ((h = SOCIAL_HANDLE.exec(line)) !== null) {
    const v = h[1].replace(/\.$/, '');
    const start = from + h.index + 1;
    out.push({ kind: 'person-name', start, end: start + v.length });
  }
}

/** `which`: 1 keys and elements of a user, 2 a command's user option, 4 ssh's `User` lines (the caller's features). */
function findNameHandles(text: string, out: Finding[], which: number): void {
  for (const re of [USER_VALUE, USER_VALUE_MORE, USER_OPTION, SSH_CONFIG_USER]) {
    if ((which & (re === USER_VALUE ? 1 : re === USER_VALUE_MORE ? 8 : re === USER_OPTION ? 2 : 4)) === 0) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const v = m[1] ?? m[2];
      const start = m.index + m[0].lastIndexOf(v);
      // ssh's configuration names the login, whatever it is made of (not a system's account); a
      // user's key, a login made of names, or one that shares four letters with a person's e-mail
      // address nearby (`"username": "seunb"` beside `oluwaseun.bello@yahoo.com`).
      // (A login in capitals, as Snowflake and Oracle keep them: `user='ANIKA.SCHULTE'`.)
      if (re === USER_VALUE && /^[A-Z]+[._][A-Z]+$/.test(v)) {
        if (nameHandle(v.toLowerCase())) out.push({ kind: 'person-name', start, end: start + v.length });
        continue;
      }
      if (
        v !== v.toLowerCase() ||
        (re === SSH_CONFIG_USER
          ? SYSTEM_ACCOUNT.test(v) || ROLE_PART.test(v)
          : !nameHandle(v) && (re === USER_OPTION || !sharesWithEmail(text, out, v, start)))
      )
        continue;
      out.push({ kind: 'person-name', start, end: start + v.length });
    }
  }
}
/** Whether login `v` (at `start`) shares four letters in a row with the local part of an e-mail address within the echoes' window. */
function sharesWithEmail(text: string, out: readonly Finding[], v: string, start: number): boolean {
  if (v.length < 4 || SYSTEM_ACCOUNT.test(v) || ROLE_PART.test(v)) return false;
  const { from, to } = aroundLines(text, start, start + v.length);
  for (const f of out) {
    if (f.kind !== 'email' || f.start < from || f.end > to) continue;
    const local = text.slice(f.start, f.end).split('@')[0].toLowerCase();
    if (ROLE_MAILBOX.test(local + '@')) continue;
    for (let i = 0; i + 4 <= v.length; i++) {
      const chunk = v.slice(i, i + 4);
      if (/^[a-z]{4}$/.test(chunk) && local.includes(chunk)) return true;
    }
  }
  return false;
}

// The user option of a command (`docker login -u abhishek.iyer`, `curl -u hannah.okafor:…`, `psql -U …`).
const USER_OPTION =
  /(?<=[ \t])(?:-u|-U|--user|--username|--login|--author)(?:[ \t]+|=)["']?([a-z][a-z0-9]{0,30}(?:[._-][a-z0-9]{1,30}){0,2})(?=["':\s]|$)/g;
// An ssh configuration's `User` line, indented under its `Host`.
const SSH_CONFIG_USER = /^[ \t]+User[ \t]+([a-z][a-z0-9._-]{1,31})[ \t]*\r?$/gm;

// A handle made of names in prose: mentioned (`Twitter: @samir_haddad_eth`, `venmo me
// @Camila-Reyes-7`), or after a word for an account (`Nutzerkonto "stefanie_hartmann"`, `on account
// ayesha.siddiqui:`). Unquoted, it must join two parts (`first.last`); quoted, nameHandle decides.
// (Found by the words' places: a search beginning with an alternation would cost the whole text.)
// Whose an account or a parcel is (`t.n.v. J. de Wit`, `a.n. Budi Santoso`, `au nom de Claire
// Dubois`): the capitalised words after the phrase, one of them no common word. (Looked for by the
// phrases' places: in the name finder's search, their common first letters cost every word.)
const OWNER_PHRASES = ['t.n.v.', 'ten name van', 'a.n.', 'atas nama', 'au nom de', 'a nombre de', 'em nome de', 'in the name of'];
const OWNER_RUN = new RegExp(`[ \\t]+((?:[A-Z]\\.[ \\t]*){0,2}(?:${PARTICLE}[ \\t]+)?${RUN})${AFTER}`, 'y');

function findOwnerNames(text: string, out: Finding[]): void {
  for (const phrase of OWNER_PHRASES)
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) {
      if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
      OWNER_RUN.lastIndex = at + phrase.length;
      const m = OWNER_RUN.exec(text);
      if (m === null) continue;
      const start = at + phrase.length + m[0].indexOf(m[1]);
      if (wordsOf(m[1].replace(/^(?:[A-Z]\.[ \t]*)+/, ''), 0).every((w) => w.c === Word.Common || w.c === Word.Particle)) continue;
      out.push({ kind: 'person-name', start, end: start + m[1].length });
    }
}

/** The words for an account, in the order of index.ts's ACCOUNT_WORD_FEATURES (bit k + 3 of `cues`: word k is in the text). */
export const ACCOUNT_WORDS = ['account', 'konto', 'compte', 'cuenta', 'conta ', 'utente', 'gebruiker', 'user'];
const HANDLE_AFTER = /[ \t]*(?:[:=][ \t]*)?(["'“„«]?)([a-z][a-z0-9]{1,30}(?:[._-][a-z0-9]{1,30}){0,2})(["'”“»]?)(?=[\s:,;.)!?]|$)/iy;
const isHandleChar = (c: number): boolean => isWordChar(c) || c === 46 || c === 45;

function findProseHandles(text: string, out: Finding[], cues: number): void {
  const take = (v: string, start: number, joined: boolean): void => {
    const lower = v.toLowerCase();
    if (joined && !/[._-]/.test(v)) return;
    if (SYSTEM_ACCOUNT.test(lower) || !nameHandle(lower.replace(/[._-]\d+$/, ''))) return;
    out.push({ kind: 'person-name', start, end: start + v.length });
  };
  for (let at = cues & 4 ? text.indexOf('@') : -1; at >= 0; at = text.indexOf('@', at + 1)) {
    // A mention stands after a space or a line's start; not an e-mail address, a decorator, a
    // JSDoc tag or a scope (`@types/node`): its characters are read first, and it must join two parts.
    if (at > 0 && !/[\s(]/.test(text[at - 1])) continue;
    let e = at + 1,
      joins = 0;
    while (e < text.length && e - at <= 64 && isHandleChar(text.charCodeAt(e))) {
      const c = text.charCodeAt(e);
      if ((c === 46 || c === 45 || c === 95) && e > at + 1) joins++;
      e++;
    }
    if (joins === 0 || e - at > 64 || text.charCodeAt(e) === 47 || text.charCodeAt(e) === 64) continue;
    let v = text.slice(at + 1, e);
    while (/[.-]$/.test(v)) v = v.slice(0, -1);
    if (/^[A-Za-z][A-Za-z0-9]{1,30}(?:[._-][A-Za-z0-9]{1,30}){1,2}$/.test(v)) take(v, at + 1, true);
  }
  for (let k = 0; k < ACCOUNT_WORDS.length; k++) {
    if (!(cues & (8 << k))) continue;
    const low = ACCOUNT_WORDS[k];
    for (const word of [low, low[0].toUpperCase() + low.slice(1)])
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
        const end = at + word.length;
        // The word ends there (`account`, `Nutzerkonto`), and a handle follows on the line.
        if (end < text.length && isWordChar(text.charCodeAt(end)) && low !== 'konto') continue;
        // `user` in prose only (`User nadia.r reports`): `user: …`, `user=…` are keys, read by findNameHandles.
        if (low === 'user' && (text.charCodeAt(end) !== 32 || !/[a-z]/i.test(text.charAt(end + 1)))) continue;
        HANDLE_AFTER.lastIndex = end;
        const m = HANDLE_AFTER.exec(text);
        if (m === null) continue;
        const quoted = m[1] !== '' && m[3] !== '';
        take(m[2], end + m[0].indexOf(m[2]), !quoted);
      }
  }
}

// A name in capitals filling a cell of a table or a quoted field, as bank statements, registers and
// passports write them (`2024-10-03;PRZELEW;"MAGDALENA WÓJCIK";…`, MT940's `?32NEUMANN, UWE`): two or three words, each a name
// the lists hold (a particle aside), none a common word.
// (A gate of Latin letters without the `u` flag: one scan of a text costs a tenth.)
const UPPER_WORDS = /[A-Z\u00C0-\u017F]{2}[^\s,;]{0,30},?[ \t]+[A-Z\u00C0-\u017F]{2}/;
const CAPITAL_CELL =
  /(?:^|[;,\t|]|\?\d\d)[ \t]*"?(\p{Lu}[\p{Lu}\p{M}'’-]+(?:,?[ \t]+\p{Lu}[\p{Lu}\p{M}'’-]+){1,2})"?[ \t]*(?=[;,\t|\r\n?]|$)/gmu;
function findCapitalCells(text: string, out: Finding[]): void {
  CAPITAL_CELL.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = CAPITAL_CELL.exec(text)) !== null;) {
    let strong = 0,
      other = false;
    for (const w of m[1].split(/,?[ \t]+/)) {
      const c = classify(capital(w.toLowerCase()));
      if (c === Word.Strong && w.length >= 3) strong++;
      else if (c !== Word.Particle) other = true;
    }
    if (other || strong < 2) continue;
    const start = m.index + m[0].indexOf(m[1]);
    out.push({ kind: 'person-name', start, end: start + m[1].length });
  }
}

// What a review, a repository's history or a chat says someone did, after their handle
// (`thibault-lemoine reviewed 3 hours ago`, `**nadia-kowalski** commented on`).
const ACTS =
  / (?:commented|reviewed|approved|requested|opened|merged|pushed|committed|authored|replied|wrote|assigned|suggested|left a|force-pushed|closed|reacted)/g;
// …and in any language, a bold handle opening its line before what it did (`**burak-demir** yorum
// yaptı:`, `**choi-yuna** 님이 변경을 요청했습니다`), as review threads are exported.
const BOLD_HANDLE = /^(?:>[ \t]*)?\*\*([A-Za-z][A-Za-z0-9]{1,30}(?:[._-][A-Za-z0-9]{1,30}){1,2})\*\*[ \t]+\S/gm;
function findActingHandles(text: string, out: Finding[]): void {
  if (text.includes('**')) {
    BOLD_HANDLE.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = BOLD_HANDLE.exec(text)) !== null;) {
      const lower = m[1].toLowerCase();
      if (SYSTEM_ACCOUNT.test(lower) || !nameHandle(lower.replace(/[._-]\d+$/, ''))) continue;
      const start = m.index + m[0].indexOf(m[1]);
      out.push({ kind: 'person-name', start, end: start + m[1].length });
    }
  }
  ACTS.lastIndex = 0;
  for (let a: RegExpExecArray | null; (a = ACTS.exec(text)) !== null;) {
    let e = a.index;
    if (text.charCodeAt(e - 1) === 42 && text.charCodeAt(e - 2) === 42) e -= 2; // `**handle**`
    let s = e;
    while (s > 0 && e - s <= 64 && isHandleChar(text.charCodeAt(s - 1))) s--;
    const before = s > 0 ? text[s - 1] : '\n';
    if (!/[\s·•(*|]/.test(before)) continue;
    const v = text.slice(s, e);
    if (!/^[A-Za-z][A-Za-z0-9]{1,30}(?:[._-][A-Za-z0-9]{1,30}){1,2}$/.test(v)) continue;
    const lower = v.toLowerCase();
    if (SYSTEM_ACCOUNT.test(lower) || !nameHandle(lower.replace(/[._-]\d+$/, ''))) continue;
    out.push({ kind: 'person-name', start: s, end: e });
  }
}

// A Windows account as its domain names it (`ALHAMBRA\\mruiz`, `CORP\\anna.kowalska` in IIS's and
// the event log's lines): the account a handle made of a name.
const DOMAIN_USER = /(?<![\w\\/.-])([A-Z][A-Z0-9-]{1,14})\\{1,2}([A-Za-z][A-Za-z0-9._-]{2,30})(?![\w\\-])/g;
const WELL_KNOWN_DOMAINS = /^(?:NT|BUILTIN|IIS|WORKGROUP|LOCAL|HKLM|HKCU|HKEY|SYSTEM|SOFTWARE)/;
function findDomainUsers(text: string, out: Finding[]): void {
  DOMAIN_USER.lastIndex = 0;
  const flood = cueFlood();
  for (let m: RegExpExecArray | null; (m = DOMAIN_USER.exec(text)) !== null;) {
    flood(m.index);
    const v = m[2].replace(/\.$/, '');
    const lower = v.toLowerCase();
    if (WELL_KNOWN_DOMAINS.test(m[1]) || SYSTEM_ACCOUNT.test(lower) || !nameHandle(lower.replace(/[._-]\d+$/, ''))) continue;
    const start = m.index + m[0].length - m[2].length;
    out.push({ kind: 'person-name', start, end: start + v.length });
  }
}

// An initial and a surname in the list (`(A. Okonjo)`, `H. Okafor born …`): not after another
// initial or an abbreviation (`U.S. Army`, `e.g. Rust`), and the surname no common word.
const INITIAL_SURNAME = /\b[A-Z]\.[ \t]?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?![.'’-]?[A-Za-z])/g;

// A title, initials with or without their dots, and a family name (`Payee: Mr A J Cartwright`, `Dr. A. J.
// Okafor`): the title vouches for the name, which need only be no common word.
const TITLE_INITIALS = /\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof)\.?[ \t]+((?:[A-Z]\.?[ \t]+){1,3}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![A-Za-z'’-])/g;
function findInitialSurnames(text: string, out: Finding[]): void {
  let m: RegExpExecArray | null;
  if (text.includes('M') || text.includes('D') || text.includes('P'))
    for (TITLE_INITIALS.lastIndex = 0; (m = TITLE_INITIALS.exec(text)) !== null;) {
      const surname = m[1].slice(m[1].search(/[A-Z][a-z]/));
      if (classify(surname) === Word.Common || TITLE_WORDS.has(surname)) continue;
      const start = m.index + m[0].length - m[1].length;
      out.push({ kind: 'person-name', start, end: start + m[1].length });
    }
  INITIAL_SURNAME.lastIndex = 0;
  while ((m = INITIAL_SURNAME.exec(text)) !== null) {
    const before = text.charCodeAt(m.index - 1);
    if (m.index > 0 && (before === 46 || isWordChar(before) || (before === 32 && text.charCodeAt(m.index - 2) === 46))) continue;
    if (classify(m[1]) !== Word.Strong || TITLE_WORDS.has(m[1])) continue;
    out.push({ kind: 'person-name', start: m.index, end: m.index + m[0].length });
  }
}

/** People's names in prose (see the head of this file). */
// Users as logs name them: sshd's and PAM's (`Accepted publickey for bhaugen from …`, `session
// opened for user bhaugen`, `Invalid user mkoch from`), Apache's (`user nguyenl: authentication
// failure`), any log's `for user okafor.c`. A system's or a service's account stays (`root`,
// `www-data`, `svc-backup`); after `for user` in other prose, only a handle made of names.
// (Each search starts with a literal it skips to; the words before a user are read back.)
const LOG_USERS = [
  /(?:Accepted|Failed) (?:password|publickey|keyboard-interactive(?:\/pam)?|none|hostbased|gssapi-with-mic) for (?:invalid user )?([a-z_][a-z0-9._-]{1,31}) from\b/g,
  /session (?:opened|closed) for user ([a-z_][a-z0-9._-]{1,31})/g,
  /nvalid user ([a-z_][a-z0-9._-]{1,31}) from\b/g,
  /by authenticating user ([a-z_][a-z0-9._-]{1,31}) \d/g,
  /user ([a-z_][a-z0-9._-]{1,31}): (?:authentication failure|password mismatch|not found)/gi,
];
const PROSE_USER = /user[ \t]+["'`]?([a-z][a-z0-9]{1,30}(?:[._-][a-z0-9]{1,30}){0,2})\b(?![@./-])/g;
const PROSE_USER_BEFORE = /(?:^|[^A-Za-z])(?:for|by|from|as|of|with)[ \t]+$/;

/** Users named by logs (see LOG_USER, PROSE_USER); the caller runs it on texts holding their words. */
function findLogUsers(text: string, out: Finding[], logs: number): void {
  let m: RegExpExecArray | null;
  if (logs & 1)
    for (const re of LOG_USERS) {
      re.lastIndex = 0;
      while ((m = re.exec(text)) !== null) {
        const v = m[1];
        if (SYSTEM_ACCOUNT.test(v)) continue;
        const at = m.index + m[0].indexOf(v, m[0].indexOf(' '));
        out.push({ kind: 'person-name', start: at, end: at + v.length });
      }
    }
  if (!(logs & 2)) return;
  PROSE_USER.lastIndex = 0;
  const flood = cueFlood();
  while ((m = PROSE_USER.exec(text)) !== null) {
    flood(m.index);
    if (!PROSE_USER_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    const v = m[1];
    if (SYSTEM_ACCOUNT.test(v) || !nameHandle(v)) continue;
    const at = m.index + m[0].lastIndexOf(v);
    out.push({ kind: 'person-name', start: at, end: at + v.length });
  }
}

// A CV's or a letter's name in LaTeX (moderncv's `\name{Dmitri}{Volkov}`, `\firstname{…}`, `\author{…}`).
const LATEX_NAME = /\\(?:name|firstname|familyname|givenname|surname|author|signature)\{([^{}\\\n]{2,60})\}(?:\{([^{}\\\n]{2,40})\})?/g;
function findLatexNames(text: string, out: Finding[]): void {
  LATEX_NAME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LATEX_NAME.exec(text)) !== null) {
    let at = m.index + m[0].indexOf('{') + 1;
    let given = false;
    for (const v of [m[1], m[2]]) {
      if (v === undefined) continue;
      const words = v.trim().split(/[ \t]+/);
      // Capitalised words, one of them a name in the list (not `The Kubernetes Authors`); a family
      // name the list lacks after a given name it holds (moderncv's `\name{Nikolaos}{Karagianni}`).
      if (
        words.length <= 4 &&
        words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w) && classify(w) !== Word.Common) &&
        (words.some((w) => classify(w) === Word.Strong) || (given && v === m[2]))
      ) {
        out.push({ kind: 'person-name', start: at, end: at + v.length });
        given = true;
      }
      at = text.indexOf('{', at + v.length) + 1;
    }
  }
}

// A name in capitals after a title, as contracts, tickets and bank records write it (`DOÑA MARÍA DEL
// CARMEN RUIZ DE ALARCÓN PÉREZ`, `MR JOHN OKAFOR`, `Sr. JUAN PÉREZ GARCÍA`): two to six words of
// capitals, particles between them, one of them a name the list holds and none a common word.
const TITLE_CAPITALS_HINT =
  /(?:MRS?|MS|MISS|DR|DON|DOÑA|DÑA|SRA?|SRTA|HERR|FRAU|MME|MLLE|SENHORA?|Mrs?|Ms|Dr|Don|Doña|Dña|Sra?|Srta|Herr|Frau)\.?[ \t]+[A-ZÀ-ÖØ-Þ]{2}/;
const CAPS_WORD = "[A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž'’]+(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž'’]+)?";
const TITLE_CAPITALS = new RegExp(
  `(?<![\\p{L}])(?:MRS?|MS|MISS|DR|DON|DOÑA|DÑA|SRA?|SRTA|HERR|FRAU|MME|MLLE|SENHORA?|Mrs?|Ms|Dr|Don|Doña|Dña|Sra?|Srta|Herr|Frau)\\.?[ \\t]+(${CAPS_WORD}(?:[ \\t]+(?:(?:DE|DEL|LA|LAS|LOS|Y|E|VAN|VON|DER|DEN|DA|DO|DOS|DAS|DI|BIN|BINTI)[ \\t]+)?${CAPS_WORD}){1,5})(?![\\p{L}])`,
  'gu',
);
const CAPS_PARTICLE = /^(?:DE|DEL|LA|LAS|LOS|Y|E|VAN|VON|DER|DEN|DA|DO|DOS|DAS|DI|BIN|BINTI)$/;
function findCapitalsAfterTitles(text: string, out: Finding[]): void {
  TITLE_CAPITALS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TITLE_CAPITALS.exec(text)) !== null) {
    const words = m[1].split(/[ \t]+/).filter((w) => !CAPS_PARTICLE.test(w));
    const cls = words.map((w) => classify(capital(w.toLowerCase()).replace(/-(\p{Ll})/gu, (_, c: string) => '-' + c.toUpperCase())));
    if (cls.some((c) => c === Word.Common) || !cls.some((c) => c === Word.Strong)) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ kind: 'person-name', start, end: start + m[1].length });
  }
}

/** Rows of a table without a header around the personal data at `anchors` (see rows.ts). */
export function findHeaderlessRows(text: string, out: Finding[], anchors: readonly number[], names: readonly number[] = []): void {
  readHeaderlessRows(
    text,
    out,
    anchors,
    (w): WordClass => {
      // (A Chinese or Korean name by its family name first.)
      if (/^[\u4e00-\u9fff]{2,4}$/.test(w)) return CHINESE_FAMILY.has(w[0]) || CHINESE_FAMILY.has(w.slice(0, 2)) ? 'name' : 'other';
      if (/^[\uac00-\ud7a3]{2,4}$/.test(w)) return KOREAN_FAMILY.has(w[0]) ? 'name' : 'other';
      if (/^[\u05d0-\u05ea\u0621-\u064a]+$/.test(w)) {
        const { scriptGiven, scriptFamily } = wordLists();
        const k = scriptKey(w);
        return scriptGiven.has(k) || scriptFamily.has(k) ? 'name' : 'other';
      }
      // (A name in capitals as registers write them: `FEDERICO`, `WÓJCIK`.)
      const c = classify(w.length > 1 && w === w.toUpperCase() ? capital(w.toLowerCase()) : w);
      return c === Word.Strong ? 'name' : c === Word.Common || c === Word.Particle ? 'common' : 'other';
    },
    names,
  );
}

/** Users in logs (`logs`: 1 for auth logs' forms, 2 for `for user …`) and names in LaTeX (the caller's features say which). */
export function findLogAndLatexNames(text: string, out: Finding[], logs: number, latex: boolean): void {
  if (logs !== 0) findLogUsers(text, out, logs);
  if (latex) findLatexNames(text, out);
}

/**
 * `userKeys`: which user names to read (findNameHandles' `which`, bits 1 to 8) and which login readers
 * (16 `.netrc`, 32 database users, 64 access logs, 128 LinkedIn, 256 possessors). `cues`: which of the rarer cues
 * the caller's features found (1: OWNER_PHRASES, 4: an `@`, 8 << k:
 * ACCOUNT_WORDS[k]); all by default. `moreEvidence`: kinds of findings (identifiers) beside which a
 * first name alone is a person's, besides LONELY_EVIDENCE.
 */
export function findPersonNames(
  text: string,
  out: Finding[],
  otherScripts = true,
  userKeys = 511,
  cues = -1,
  moreEvidence?: ReadonlySet<string>,
): void {
  const first = out.length;
  // Names whose reader vouched for them as a whole (their own lists, a family name's ending): sources of echoes too.
  const read: Source[] = [];
  if (otherScripts) {
    findLabelledNames(text, out);
    const before = out.length;
    findScriptNames(text, out);
    if (out.length > before) echoScriptNames(text, out, before);
    if (CYRILLIC_OR_GREEK_CAPITAL.test(text)) {
      const from = out.length;
      findCyrillicGreekNames(text, out);
      for (let k = from; k < out.length; k++) read.push({ start: out[k].start, end: out[k].end, read: true });
    }
    if (CASELESS_LETTER.test(text)) findCaselessScriptNames(text, out);
    if (text.includes('ال')) {
      findArabicNisbaValues(text, out);
      findArabicRoleNames(text, out);
    }
  }
  if (SURNAME_SUFFIX_HINT.test(text)) {
    const from = out.length;
    findSuffixedSurnames(text, out);
    for (let k = from; k < out.length; k++) read.push({ start: out[k].start, end: out[k].end, read: true });
  }
  if (TITLE_CAPITALS_HINT.test(text)) {
    const from = out.length;
    findCapitalsAfterTitles(text, out);
    for (let k = from; k < out.length; k++) read.push({ start: out[k].start, end: out[k].end, read: true });
  }
  if (SHIPPING_HINTS.some((w) => text.includes(w))) findShippingBlocks(text, out);
  if (text.includes(' - ')) findWhatsAppSenders(text, out);
  if (otherScripts && (text.includes('(') || text.includes('（'))) findHanWithPinyin(text, out);
  if (NOTE_WORDS.some((w) => text.includes(w))) findNoteOwners(text, out);
  if (text.includes('— ') || text.includes('– ')) signatures(text, DASH_SIGNATURE, out);
  if (text.includes(' /')) signatures(text, SLASH_SIGNATURE, out);
  if (text.includes('@') || (text.includes(':') && NETWORK_WORDS.some((w) => text.includes(w)))) findSocialHandles(text, out);
  if (text.includes('u/')) findRedditUsers(text, out);
  if (text.includes('.eth')) findEnsNames(text, out);
  if (text.includes('git@') || text.includes('.git') || text.includes('Merge pull request #')) findRepositoryOwners(text, out);
  findSpeakers(text, out, otherScripts);
  if (userKeys !== 0) findNameHandles(text, out, userKeys);
  // Readers woken by their words among the core's features (`userKeys`' bits 16 to 256).
  if (userKeys & 16) findNetrcLogins(text, out);
  if (userKeys & 32) findSqlUsers(text, out);
  if (text.includes('password') && text.includes('user')) findHaproxyUsers(text, out);
  if (userKeys & 64) findAccessLogUsers(text, out);
  if (userKeys & 128) findProfileHandles(text, out);
  if (userKeys & 256) findPossessors(text, out);
  if (cues & ~1) findProseHandles(text, out, cues);
  findActingHandles(text, out);
  if (UPPER_WORDS.test(text)) findCapitalCells(text, out);
  if (text.includes('\\')) findDomainUsers(text, out);
  if (cues & 1) findOwnerNames(text, out);
  findInitialSurnames(text, out);
  if (NICKNAME_QUOTES.some((q) => text.includes(q))) findNicknamed(text, out, read);
  // Names read from their own line alone: their words are looked for again around them (see echoes).
  const sources: Source[] = [];
  const push = (s: Span | Span[] | null, local = true, read = false): void => {
    if (s === null) return;
    for (const x of Array.isArray(s) ? s : [s]) {
      if (placeAlone(text, x.start, x.end)) continue;
      out.push({ kind: 'person-name', start: x.start, end: x.end });
      if (local) sources.push(read ? { start: x.start, end: x.end, read } : x);
    }
  };
  let m: RegExpExecArray | null;
  CAPITAL_PAST_ASCII.lastIndex = 0;
  while ((m = CAPITAL_PAST_ASCII.exec(text)) !== null) {
    if (m.index > 0 && isWordChar(text.charCodeAt(m.index - 1))) continue;
    RUN_AT.lastIndex = m.index;
    const r = RUN_AT.exec(text);
    if (r === null) continue;
    if (!joined(text, m.index, true) && !streetAfterNumber(text, m.index, r[1])) push(vouched(r[1], m.index));
    CAPITAL_PAST_ASCII.lastIndex = m.index + r[0].length;
  }
  NAME_RE.lastIndex = 0;
  while ((m = NAME_RE.exec(text)) !== null) {
    if (m[4] !== undefined) {
      let own =
        joined(text, m.index, true) || streetAfterNumber(text, m.index, m[4]) || afterPlaceHead(text, m.index)
          ? []
          : vouched(m[4], m.index);
      if (own.length > 0 && company(m[4], text, m.index + m[4].length)) own = [];
      push(own);
      // A title inside the run (`Sie Frau Oberhauser`, `Bitte Herr Kowalczyk`) is a cue of its own: read from it again.
      if (own.length === 0) {
        const t = titleInside(m[4]);
        if (t > 0) NAME_RE.lastIndex = m.index + t;
      }
      continue;
    }
    const run = m[3];
    const at = m.index + m[0].length - run.length;
    const found = joined(text, m.index, false) ? null : cued(text, m.index, m[1], m[2], run, at);
    // A cue that does not hold here (`Best` in a sentence) leaves the words to be read on their own.
    const own = found ?? (joined(text, at, true) ? null : vouched(run, at));
    // A name under a closing on the line above is read with that line: not a source of echoes,
    // unless its words make a name by themselves (then a window without the closing reads it too).
    // A name its cue vouched for on its own line is read as a whole: its words the lists lack are
    // looked for again too (`Caller: Naledi Mokoena` ⏎ `… given over the phone to Naledi`).
    const local = found === null || !m[2].includes('\n') || (joined(text, at, true) ? false : vouched(run, at).length > 0);
    push(own, local, found !== null && !m[2].includes('\n'));
    // A title after a cue (`name on account Mrs J. Pemberton`) is a cue of its own: read from it again.
    if ((own === null || (Array.isArray(own) && own.length === 0)) && TITLE_WORDS.has(run.split(/[ \t]/)[0])) NAME_RE.lastIndex = at;
  }
  // In capitals only beside other findings, within the echoes' window (a text of constants and
  // licences holds thousands of capitalised words, each to be classified).
  if (out.length > 0) upperCaseNames(text, out);
  if (HONORIFICS.some((h) => holdsSuffix(text, h))) {
    HONORIFIC_RE.lastIndex = 0;
    while ((m = HONORIFIC_RE.exec(text)) !== null) if (classify(m[1]) !== Word.Common) push({ start: m.index, end: m.index + m[1].length });
    // In chat, in lower case (`sasaki-san said …`): a name the lists hold.
    LOWER_HONORIFIC.lastIndex = 0;
    while ((m = LOWER_HONORIFIC.exec(text)) !== null) {
      const c = classify(capital(m[1]));
      if (c === Word.Strong || c === Word.Weak) push({ start: m.index, end: m.index + m[1].length });
    }
  }
  // A name in Han or Hangul after a label in Latin letters (`Beneficiary: 林佳慧`, `Reviewer: 山本 健太郎`).
  if (otherScripts && CJK_LETTER.test(text)) {
    const re = latinLabelCjkName();
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      const v = m[2];
      // Two words apart (a Japanese family and given name), or one run whose first character is a family name.
      const ok =
        /[ \u3000]/.test(v) || (/^\p{Script=Hangul}/u.test(v) ? KOREAN_FAMILY.has(v[0]) && v.length === 3 : CHINESE_FAMILY.has(v[0]));
      if (ok) push({ start: m.index + m[0].length - v.length, end: m.index + m[0].length }, false);
    }
  }
  // A name in a script without capitals after a label in Latin letters (`Spouse: زرغونه`,
  // `Guarantor: சிவராஜா கணேசலிங்கம்`, `Name: ᐊᓈᓇ ᕿᓐᓇᖅ`): one to four words of that script.
  if (otherScripts && CASELESS_SCRIPT.test(text)) {
    const re = latinLabelScriptName();
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      const v = m[2].replace(/[\u200c ]+$/, '');
      // (A label as a form writes it, capitalised: `name: ملف الإعدادات` is a key of a translation.)
      if (!CASELESS_SCRIPT.test(v[0]) || LATIN_LETTER.test(v) || v.length < 2 || !/^[A-Z]/.test(m[1])) continue;
      push({ start: m.index + m[0].length - m[2].length, end: m.index + m[0].length - m[2].length + v.length }, false);
    }
  }
  // An Irish name by its particle (`Cathal Ó Donnchadha`, `Siobhán Ní Bhriain`), whatever the lists hold its words as but common ones.
  if (IRISH_PARTICLES.some((p) => text.includes(p))) {
    IRISH_NAME.lastIndex = 0;
    while ((m = IRISH_NAME.exec(text)) !== null)
      if (classify(m[1]) !== Word.Common && classify(m[2]) !== Word.Common) push({ start: m.index, end: m.index + m[0].length });
  }
  if (sources.length + read.length > 0) echoes(text, [...read, ...sources], out);
  lonelyNames(text, sources, out, moreEvidence);
  if (LONE_GIVEN_CUE.test(text) || LONE_GIVEN_VERB.test(text)) loneGivenNames(text, out);
  if (FAMILY_COMMA_GIVEN_HINT.test(text)) familyCommaGiven(text, out);
  if (text.includes(', ') || text.includes('→') || text.includes('->')) addressedNames(text, out);
  if (LOWER_CUE_HINT.test(text)) lowerCaseNames(text, out);
  if (text.includes('/')) slashedNames(text, out);
  if (otherScripts && /[\u3400-\u9FFF\uAC00-\uD7A3]/.test(text)) contactNamesInHanOrHangul(text, out);
  if (text.includes('[')) discordSpeakers(text, out);
  if (text.includes(' — ') || text.includes(', [')) discordCopied(text, out);
  if (text.includes(' and ') || text.includes(' & ') || text.includes(' und ') || text.includes(' et ') || text.includes(' y '))
    coordinatedNames(text, out);
  if (POLISH_OBLIQUE_HINT.test(text)) polishObliqueNames(text, out);
  namesInBrackets(text, out);
  idsAfterNames(text, out);
  if (text.includes('\n') && out.some((f) => f.kind === 'person-name')) findAddressBlocks(text, out);
  if (text.includes('":') && out.some((f) => f.kind === 'person-name')) keyedNames(text, out);
  if ((text.includes('", "') || text.includes('","')) && out.some((f) => f.kind === 'person-name')) listedNames(text, out);
  if (text.includes(' AAAA')) keyComments(text, out);
  if ((text.includes('),(') || text.includes('), (') || text.includes('),\n')) && out.some((f) => f.kind === 'person-name'))
    tupleNames(text, out);
  // A name in Han or Hangul found by any reader (a record's field: `"name":"박서연"`) is taken again
  // where it recurs within the window (`XCTAssertEqual(profile.name, "박서연")`).
  if (otherScripts) echoScriptNames(text, out, 0);
  // A saint's name is a place's, a church's or a station's (`Firenze Santa Maria Novella`, `Sankt Georg`, `St. Thomas' Hospital`).
  // (A company named for a person found elsewhere keeps the person's name: `Priyanka Raghunathan` … `Raghunathan Design Ltd`.)
  let personWords: Set<string> | undefined;
  const namedElsewhere = (f: Finding): boolean => {
    personWords ??= new Set(
      out
        .filter((x) => x.kind === 'person-name' && !COMPANY_FORM_AFTER.test(text.slice(x.end, x.end + 60)))
        .flatMap((x) => text.slice(x.start, x.end).split(/[ \t]+/)),
    );
    return text
      .slice(f.start, f.end)
      .split(/[ \t]+/)
      .some((w) => personWords!.has(w));
  };
  for (let k = out.length - 1; k >= first; k--)
    if (
      out[k].kind === 'person-name' &&
      (SAINT_BEFORE.test(text.slice(Math.max(0, out[k].start - 8), out[k].start)) ||
        SAINT_FIRST.test(text.slice(out[k].start, out[k].end)) ||
        INSTITUTION_AFTER.test(text.slice(out[k].end, out[k].end + 16)) ||
        INSTITUTION_LAST.test(text.slice(out[k].start, out[k].end)) ||
        (COMPANY_FORM_AFTER.test(text.slice(out[k].end, out[k].end + 60)) && !namedElsewhere(out[k])) ||
        SEAT_BEFORE.test(text.slice(Math.max(0, out[k].start - 24), out[k].start)))
    )
      out.splice(k, 1);
}
// A company's seat's label: what follows is a place (`Sede legale: Zona Industriale, 24026 Leffe`).
const SEAT_BEFORE = /(?:[Ss]ede (?:legale|operativa)|[Rr]egistered office|[Ss]iège social|Firmensitz|Sitz)[ \t]*:[ \t]*$/;
// The words of a company's name, then its legal form (`Ege Tekstil Sanayi ve Ticaret A.Ş.`, `Tessitura Valseriana S.r.l.`).
const COMPANY_FORM_AFTER =
  /^(?:[ \t]+(?:\p{Lu}[\p{L}&'’.-]*|ve|und|and|&|de|di|e|y|et|van|der))*[ \t]+(?:A\.Ş\.|Ltd\.?[ \t]+Şti\.|GmbH|S\.r\.l\.|Srl|S\.p\.A\.|SpA|S\.A\.|S\.L\.|Inc\.?|LLC|Ltd\.?|B\.V\.|N\.V\.|AG|KG|SAS|SARL|Pty|Oy|AB|plc|Sp\.[ \t]*z[ \t]*o\.[ \t]*o\.)(?![\p{L}])/u;
// A person's name that names a place or an institution after it (`Johns Hopkins Hospital`, `Roma Termini`, `Nobel Prize`).
const INSTITUTION_WORDS =
  'Hospital|University|College|Institute|Institutet|Instituut|Institut|Airport|Station|Stadium|Academy|Foundation|Clinic|Library|Museum|Memorial|Prize|Award|Medal|Lecture|Fellowship|Termini|Bahnhof|Flughafen|Krankenhaus|Klinikum|Universität|Havalimanı|Havaalanı';
const INSTITUTION_LAST = new RegExp(`[ \\t](?:${INSTITUTION_WORDS})$`, 'u');
const INSTITUTION_AFTER = new RegExp(`^[ \\t]+(?:${INSTITUTION_WORDS})(?![\\p{L}])`, 'u');
const SAINT_FIRST = /^(?:San|Santa|Santo|São|Saint|Sainte|St\.|Sankt|Sint)[ \t]+\p{Lu}/u;
const SAINT_BEFORE = /(?:^|[^\p{L}])(?:San|Santa|Santo|São|Sao|Saint|Sainte|St\.?|Ste\.?|Sankt|Sint|Sant['’])[ \t]*$/u;

const CJK_LETTER = /[\u4e00-\u9fff\uac00-\ud7af]/;
let latinLabelCjk: RegExp | undefined;
/** A label of a person's name or field in Latin letters, a colon, and a name in Han or Hangul (built when first needed). */
function latinLabelCjkName(): RegExp {
  latinLabelCjk ??= new RegExp(
    `(?<![\\p{L}])(${cueAlternation([...CUES].filter(([, c]) => c === Cue.Label || c === Cue.PersonLabel).map(([k]) => k))}|reviewer|approver)[ \\t]*[:：][ \\t]*((?:[\\u4e00-\\u9fff]{1,3}[ \\u3000][\\u4e00-\\u9fff]{1,3})|[\\u4e00-\\u9fff]{2,4}|[\\uac00-\\ud7af]{2,4})(?![\\u4e00-\\u9fff\\uac00-\\ud7af])`,
    'giu',
  );
  return latinLabelCjk;
}
const CASELESS_SCRIPT = new RegExp(`[${INDIC_OR_THAI.replace('\\p{M}', '').replace('\\u200c', '')}]`, 'u');
let latinLabelScript: RegExp | undefined;
/** A label of a person's name in Latin letters, a colon, and one to four words of letters (built when first needed). */
function latinLabelScriptName(): RegExp {
  latinLabelScript ??= new RegExp(
    `(?<![\\p{L}])(${cueAlternation([...CUES].filter(([, c]) => c === Cue.Label || c === Cue.PersonLabel).map(([k]) => k))}|reviewer|approver|spouse|guarantor|applicant|beneficiary|guardian|father|mother|godmother|godfather|husband|wife|son|daughter|parent|sponsor|witness|tenant|landlord)[ \\t]*[:：][ \\t]*([\\p{L}\\p{M}\\u200c]{2,24}(?:[ ][\\p{L}\\p{M}\\u200c]{2,24}){0,3})(?![\\p{L}\\p{M}])`,
    'giu',
  );
  return latinLabelScript;
}
const IRISH_PARTICLES = ['Ó ', 'Ní ', 'Uí ', 'Nic ', 'Mhic '];
const IRISH_NAME = /(?<![\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}]+)[ \t]+(?:Ó|Ní|Uí|Nic|Mhic)[ \t]+(\p{Lu}[\p{Ll}\p{M}'’]+)(?![\p{L}\p{M}])/gu;

// An identifier given in brackets or after `ID` right after a person's name: `Yossi Ben-David (ID
// 096603352)`, `Hollis, Jerome D. (MR993723)`, `Dmitri Volkov (ID E-20931)`. With `ID` (or `No.`),
// four digits or more; bare in brackets, letters and five digits or more, or seven digits (a
// year, `(2019)`, and a pull request, `(#12345)`, stay).
// A name's other writing in brackets right after it (`Liu Yang (刘洋)`, `佐藤 美咲（さとう みさき）`, `刘洋 (Liu Yang)`),
// and a nickname right before its bearer's full name in brackets (`Chuy (Jesús Alvarado Ibarra)`).
// (In any script past Latin, up to four words: `NGUYEN THI LAN (응우옌 티 란)`, `Tenzin Dolma (བསྟན་འཛིན་སྒྲོལ་མ)`.)
const BRACKETED_NAME =
  /^[ \t]?[(（][ \t]?((?=[^)）\n]{2,40}[)）])[^\s\p{N}\p{P}\p{S}\p{Script=Latin}\p{Cc}]+(?:[ \u3000\u0f0b][^\s\p{N}\p{P}\p{S}\p{Script=Latin}\p{Cc}]+){0,3}\u0f0b?|\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2})[ \t]?[)）]/u;
const NICKNAME_AT_LINE = /^[ \t]*(?:[-*•>][ \t]+)?(\p{Lu}\p{Ll}{1,14})[ \t]?$/u;
const NICKNAME_AFTER_STOP = /[.!?][ \t]+(\p{Lu}\p{Ll}{1,14})[ \t]?$/u;
function namesInBrackets(text: string, out: Finding[]): void {
  const n = out.length;
  for (let k = 0; k < n; k++) {
    const f = out[k];
    if (f.kind !== 'person-name' || f.end - f.start < 2) continue;
    const c = text.charCodeAt(f.end + (text.charCodeAt(f.end) === 32 ? 1 : 0));
    if (c === 40 || c === 0xff08) {
      const m = BRACKETED_NAME.exec(text.slice(f.end, f.end + 48));
      // (Latin letters only after a name in another script, and no common word among them: `(Stanford University)` is no name.)
      const latin = m !== null && /^\p{Lu}/u.test(m[1]);
      if (
        m !== null &&
        (!latin || (/[\u0250-\uffff]/.test(text.slice(f.start, f.end)) && m[1].split(/[ -]/).every((w) => classify(w) !== Word.Common)))
      ) {
        const start = f.end + m[0].indexOf(m[1]);
        out.push({ kind: 'person-name', start, end: start + m[1].length });
      }
    }
    // `Chuy (Jesús Alvarado Ibarra)`: the word before the bracket that holds the name.
    const open = f.start - 1 - (text.charCodeAt(f.start - 1) === 32 ? 1 : 0);
    // (The nickname starts its line or sentence: a changelog's `**stream** (Ben Noordhuis)` credits a subject.)
    if ((text.charCodeAt(open) === 40 || text.charCodeAt(open) === 0xff08) && text.slice(f.start, f.end).includes(' ')) {
      let ls = open;
      while (ls > 0 && open - ls < 40 && text.charCodeAt(ls - 1) !== 10) ls--;
      const b = (ls === 0 || text.charCodeAt(ls - 1) === 10 ? NICKNAME_AT_LINE : NICKNAME_AFTER_STOP).exec(text.slice(ls, open));
      if (b !== null && classify(b[1]) !== Word.Common)
        out.push({
          kind: 'person-name',
          start: open - b[0].length + b[0].indexOf(b[1]),
          end: open - (b[0].length - b[0].indexOf(b[1]) - b[1].length),
        });
    }
  }
}

const ID_AFTER_NAME =
  /^(?:[ \t]+[A-Z]\.)?[ \t]*(?:\([ \t]*|,[ \t]*)(?:(ID|Id|No\.|Nr\.)(?:[ \t]*[#:.])?[ \t]*)?([A-Z]{0,4}-?\d[\d/-]{2,18}[A-Z0-9]?)(?=[ \t]*[),;]|[ \t]*\r?$)/;
function idsAfterNames(text: string, out: Finding[]): void {
  const n = out.length;
  for (let k = 0; k < n; k++) {
    const f = out[k];
    if (f.kind !== 'person-name') continue;
    const c = text.charCodeAt(f.end + (text.charCodeAt(f.end) === 32 ? 1 : 0));
    if (c !== 40 && c !== 44 && !/^ [A-Z]\./.test(text.slice(f.end, f.end + 3))) continue;
    const m = ID_AFTER_NAME.exec(text.slice(f.end, f.end + 48));
    if (m === null) continue;
    const v = m[2];
    const digits = v.replace(/\D/g, '').length;
    const bracket = m[0].includes('(');
    if (m[1] !== undefined ? digits < 4 : !bracket || (digits < 7 && !(digits >= 5 && /[A-Z]/.test(v)))) continue;
    const start = f.end + m[0].length - v.length;
    out.push({ kind: 'id-number', start, end: start + v.length });
  }
}

// Before a town, not a person: an address's floor or street, an organisation, an acronym's list (`NANPA, Britain`).
const PLACE_BEFORE =
  /(?:\b(?:Floor|Street|St|Avenue|Ave|Road|Rd|Suite|Drive|Lane|Place|Building|University|Institute|College|School|Foundation|Inc|Ltd|LLC|Corp|GmbH|AG|SA|BV|Oy|AB|Laboratory|Laboratories|Lab|Labs)\b.{0,30}[,]|\b(?:in|of|at|from|near)|\b[A-Z]{2,},)[ \t]*$/;
// A name in capitals, as forms, labels, cards and assertions print it (`JASMINE SANDHU`,
// `GENEVIÈVE GAGNON`, `RAMIREZ, CARLOS A`): two or three words, each a name the list holds as a
// name only (a common word, `ROSE GOLD`, or a word the list lacks, `AWS IAM`, keeps the run).
const UPPER_RUN =
  /(?<![\w\u00C0-\u024F’-])([A-Z\u00C0-\u00DE](?:[A-Z\u00C0-\u00DE'’-]{0,19}[A-Z\u00C0-\u00DE]))(,?[ \t]+)([A-Z\u00C0-\u00DE](?:[A-Z\u00C0-\u00DE'’-]{0,19}[A-Z\u00C0-\u00DE]))(?:[ \t]+([A-Z\u00C0-\u00DE](?:[A-Z\u00C0-\u00DE'’-]{0,19}[A-Z\u00C0-\u00DE])|[A-Z]\.?))?(?![\w\u00C0-\u024F’-])/g;
const UPPER_CLASS = new Map<string, boolean>();
/** A word in capitals as a name is written: `O'NEILL` → `O'Neill`, `GENEVIÈVE` → `Geneviève`. */
function titled(w: string): string {
  return w.toLowerCase().replace(/(^|['’-])(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}
function upperCaseNames(text: string, out: Finding[]): void {
  const starts = out.map((f) => f.start).sort((a, b) => a - b);
  // A finding in the window around a run (the lines the trajectory builder reads with it).
  const beside = (start: number, end: number): boolean => {
    const { from, to } = aroundLines(text, start, end);
    let lo = 0,
      hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && starts[lo] < to;
  };
  UPPER_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  const strong = (w: string): boolean => {
    // Words in capitals repeat (a licence's `THE SOFTWARE`, constants): each is classified once.
    let c = UPPER_CLASS.get(w);
    if (c === undefined) {
      c = classify(titled(w)) === Word.Strong;
      if (UPPER_CLASS.size >= 4096) UPPER_CLASS.clear();
      UPPER_CLASS.set(w, c);
    }
    return c;
  };
  // A word the lists lack after a given name, when a finding stands on the same line (`"pan":"…",
  // "name":"DIMITRA KONSTANTINOU"`, a table's row with its card): a surname the list does not hold.
  const unknownBesideOnLine = (w: string, start: number, end: number): boolean => {
    if (classify(titled(w)) !== Word.Unknown || w.length < 4) return false;
    let from = start;
    while (from > 0 && start - from < 200 && text.charCodeAt(from - 1) !== 10) from--;
    let to = end;
    while (to < text.length && to - end < 200 && text.charCodeAt(to) !== 10) to++;
    // (Not a label of the finding right after it: `SIM ICCID 8944…`.)
    if (
      out.some(
        (f) =>
          f.kind !== 'person-name' && f.start >= end && f.start <= end + 4 && /^[ \t]*[:=#]?[ \t]*["']?$/.test(text.slice(end, f.start)),
      )
    )
      return false;
    return out.some((f) => f.kind !== 'person-name' && f.start >= from && f.end <= to);
  };
  while ((m = UPPER_RUN.exec(text)) !== null) {
    if (
      m[1].length < 3 ||
      m[3].length < 3 ||
      !strong(m[1]) ||
      !(strong(m[3]) || unknownBesideOnLine(m[3], m.index, m.index + m[0].length)) ||
      shouted(text, m.index, m.index + m[0].length) ||
      !beside(m.index, m.index + m[0].length)
    ) {
      // The second word may start the next run.
      UPPER_RUN.lastIndex = m.index + m[1].length + m[2].length;
      continue;
    }
    const third = m[4] !== undefined && (m[4].replace('.', '').length === 1 || strong(m[4]));
    const end = third ? m.index + m[0].length : m.index + m[1].length + m[2].length + m[3].length;
    out.push({ kind: 'person-name', start: m.index, end });
  }
}

/**
 * A line shouted in capitals around the run (a licence's disclaimer, `KEITH PACKARD DISCLAIMS ALL
 * WARRANTIES`): four capitalised words or more besides it; or a character's name in Unicode's
 * tables (`THAI CHARACTER KHO KHAI`).
 */
function shouted(text: string, start: number, end: number): boolean {
  let ls = start;
  while (ls > 0 && start - ls < 200 && text.charCodeAt(ls - 1) !== 10) ls--;
  let le = end;
  while (le < text.length && le - end < 200 && text.charCodeAt(le) !== 10) le++;
  const before = text.slice(ls, start);
  if (/\b(?:CHARACTER|LETTER|SIGN|DIGIT|SYLLABLE|LIGATURE|MARK)[ \t]+$/.test(before)) return true;
  const caps = (before + ' ' + text.slice(end, le)).match(/\b[A-Z]{2,}\b/g);
  return caps !== null && caps.length >= 4;
}

// Personal data read from its own line, beside which a first name alone is a person's.
const LONELY_EVIDENCE = new Set(['email', 'phone', 'credit-card', 'iban', 'us-ssn']);
const LONE_WORD = new RegExp(`[${UP}][${LO}]{2,}(?:-[${UP}][${LO}]+)?`, 'g');

/**
 * A name the list holds as a name only, standing alone (`Ravi`, `Loretta`, `Zainab`), within the
 * lines around a person's data read from its own line (an e-mail address, a phone number, a
 * card, an IBAN, an SSN, a name read on its own): `ignore that, Ravi` after a pasted card,
 * `Cards can go to his wife Loretta; … +1 919 …`. The window is the echoes' (ECHO_LINES, ECHO_CHARS).
 */
function lonelyNames(text: string, sources: readonly Span[], out: Finding[], moreEvidence?: ReadonlySet<string>): void {
  // Each piece of evidence with how far it reaches: an identifier read after its cue (`social
  // insurance number` ⏎ `208 421 099`) may have been read from the line above it, so it reaches two
  // lines, and a window of three around the name holds that line too.
  const evidence: { at: number; lines: number }[] = sources.map((x) => ({ at: x.start, lines: ECHO_LINES }));
  for (const f of out)
    if (LONELY_EVIDENCE.has(f.kind)) evidence.push({ at: f.start, lines: ECHO_LINES });
    else if (moreEvidence?.has(f.kind) === true) {
      // (`cueLines`: set by the identifier reader when the cue stood further up than the line above.)
      const reach = ECHO_LINES - Math.max(1, (f as { cueLines?: number }).cueLines ?? 1);
      if (reach > 0) evidence.push({ at: f.start, lines: reach });
    }
  if (evidence.length === 0) return;
  evidence.sort((a, b) => a.at - b.at);
  const names = out.filter((f) => f.kind === 'person-name').sort((a, b) => a.start - b.start);
  let readTo = 0,
    n = 0;
  for (const { at, lines } of evidence) {
    const { from, to } = aroundLines(text, at, at, lines);
    const i = Math.max(from, readTo);
    if (i >= to) continue;
    // The window alone is searched (a search of the text would run past it to the next capital).
    const win = text.slice(i, to);
    LONE_WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = LONE_WORD.exec(win)) !== null) {
      const s = i + m.index,
        e = s + m[0].length;
      const before = s > 0 ? text.charCodeAt(s - 1) : 32;
      const after = e < text.length ? text.charCodeAt(e) : 32;
      // A sentence's stop after it is no joint (`Got it, Rohan.`); a dot before a word is (`Rohan.js`).
      const stop = after === 46 && (e + 1 >= text.length || /[\s"'’)]/.test(text[e + 1]));
      if (isEchoBoundary(before) || (isEchoBoundary(after) && after !== 45 && !stop) || after === 40) continue;
      // A role's word labelling the name (`Kunde: Jürgen Weber`), though a family name too.
      if (after === 58 /* : */ && SPEAKER_ROLES.has(m[0])) continue;
      // Not part of a word: `O'Reilly`, `Spencer-86`.
      if ((before === 39 || before === 0x2019) && s > 1 && isWordChar(text.charCodeAt(s - 2))) continue;
      if (after === 45 && !/[A-Za-z\u00C0-\u024F]/.test(text[e + 1] ?? '')) continue;
      // A town before its state or postcode (`Fifth Floor, Boston, MA 02110`, `Worcester, UK`,
      // `Boston,⏎   MA`), or in an organisation's address (`University of California, Berkeley`).
      if (/^,[ \t]*(?:\r?\n[ \t#*]*)?(?:[A-Z]{2}\b|\d)/.test(text.slice(e, e + 16))) continue;
      if (PLACE_BEFORE.test(text.slice(Math.max(0, s - 48), s))) continue;
      // A string of code that holds the word alone in a list (`[51, 'Romita']`, `["Tyrone", "Elie"]`):
      // a list's value, not prose (a key's value, `"first_names": "Nomvula"`, is read).
      if (
        (before === 34 || before === 39 || before === 96) &&
        after === before &&
        /[[(,{][ \t]*$/.test(text.slice(Math.max(0, s - 8), s - 1))
      )
        continue;
      // Not a word of a run of capitalised words (the run is read as a whole), nor a title.
      if (
        /[A-Z\u00C0-\u00DE](?:[^ \t\n]*[^ \t\n,;:.!?)\]])?[ \t]$/.test(text.slice(Math.max(0, s - 24), s)) ||
        /^[ \t]+[A-Z\u00C0-\u00DE]/.test(text.slice(e, e + 3))
      )
        continue;
      if (TITLE_WORDS.has(m[0]) || classify(m[0]) !== Word.Strong) continue;
      // A Vietnamese weekday (`thứ Hai`, `thứ Ba`).
      if (/(?:^|[^\p{L}])th[ứư][ \t]+$/iu.test(text.slice(Math.max(0, s - 5), s))) continue;
      while (n < names.length && names[n].end <= s) n++;
      if (n < names.length && names[n].start <= s) continue;
      if (placeAlone(text, s, e)) continue;
      out.push({ kind: 'person-name', start: s, end: e });
    }
    readTo = Math.max(readTo, to);
  }
}

// A given name alone that its sentence shows to be a person's: after a word that addresses or credits
// someone (`Ask Priscila, she was there`, `14 commits by Maciej`, `ping Dana`), or starting a sentence
// before a verb (`Emeka will run the loop`, `- Théo signale que…`). A name the lists hold as a name
// only, not beside another capitalised word (a full name is read as a whole).
// (Two tests: a case-blind one of a capital's run would cost quadratic time on a run of letters.
// The boundary before a cue is checked by the reader: a look-behind first would run at every character.)
const LONE_GIVEN_CUE =
  /(?:^|[^\p{L}])(?:ask|give|tell|ping|cc|thank|remind|call|email|message|with|by|from|daughter|son|wife|husband|mother|father|brother|sister|cousin|aunt|uncle|nephew|niece|grand\p{L}+|girlfriend|boyfriend|fianc\p{L}+)[ \t]+\p{Lu}/iu;
const LONE_GIVEN_VERB =
  /\p{Lu}\p{Ll}+[ \t]+(?:will|is|was|has|had|said|says|asked|wants|needs|thinks|agreed|reported|confirmed|noticed|found|fixed|flagged|identified|suggested|proposed|mentioned|owns|leads|joined|rolled|shipped|can|could|should|would|did|does|signale|présente|relancera|propose|hat|ist|wird|starter)(?![\p{L}])/u;
const LONE_GIVEN = new RegExp(
  `(?:([Aa]sk|[Gg]ive|[Tt]ell|[Pp]ing|cc|CC|[Tt]hank|[Rr]emind|[Cc]all|[Ee]-?mail|[Mm]essage|[Cc]heck with|[Ss]ync with|[Pp]air with|[Tt]alk to|[Ss]peak to|help from|by|with|[Dd]aughter|[Ss]on|[Ww]ife|[Hh]usband|[Mm]other|[Ff]ather|[Bb]rother|[Ss]ister|[Cc]ousin|[Aa]unt|[Uu]ncle|[Nn]ephew|[Nn]iece|[Gg]randson|[Gg]randdaughter|[Gg]randmother|[Gg]randfather|[Gg]irlfriend|[Bb]oyfriend|[Ff]ianc[ée]e?)[ \\t]+|(?:^|[.!?:—–][ \\t]+|^[ \\t]*(?:[-*•>]|\\d{1,2}[.)])[ \\t]+))(${WORD})(?![\\p{L}\\p{N}_@'’-]|\\.[\\p{L}\\p{N}]|[ \\t]+\\p{Lu})([ \\t]+(?:will|is|was|has|had|said|says|asked|wants|needs|thinks|agreed|reported|confirmed|noticed|found|fixed|flagged|identified|suggested|proposed|mentioned|owns|leads|joined|rolled|shipped|can|could|should|would|did|does|signale|présente|relancera|propose|hat|ist|wird|starter)(?![\\p{L}]))?`,
  'gmu',
);
// A letter, a digit or `_` (a code point) right before a cue: the cue is part of a word.
const CUE_JOINED = /[\p{L}\p{N}_]$/u;
const KIN =
  /^(?:daughter|son|wife|husband|mother|father|brother|sister|cousin|aunt|uncle|nephew|niece|grand\w+|girlfriend|boyfriend|fianc\S+)$/i;
// Assistants and tools that are spoken to or built with (`ask Alexa`, `built with Hugo`), not people.
const LONE_PRODUCTS = new Set(['Alexa', 'Siri', 'Cortana', 'Bixby', 'Hugo', 'Jekyll', 'Gatsby', 'Jenkins', 'Travis', 'Jarvis']);
const ASSISTANTS = new Set(['Alexa', 'Siri', 'Cortana', 'Bixby']);
function loneGivenNames(text: string, out: Finding[]): void {
  const starts = new Set(out.filter((f) => f.kind === 'person-name').map((f) => f.start));
  LONE_GIVEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LONE_GIVEN.exec(text)) !== null) {
    if (m[1] !== undefined && m.index > 0 && CUE_JOINED.test(text.slice(Math.max(0, m.index - 2), m.index))) {
      LONE_GIVEN.lastIndex = m.index + 1;
      continue;
    }
    // At a sentence's start, only before a verb; after a cue, anywhere.
    if (m[1] === undefined && m[3] === undefined) continue;
    const w = m[2];
    const start = m.index + m[0].length - (m[3]?.length ?? 0) - w.length;
    // After a relative's word, any name that is no common word (`our daughter Isla`, `Wife Lucia`, `his cousin Ketut`).
    if (placeAlone(text, start, start + w.length)) continue;
    if (KIN.test(m[1] ?? '') && !wordLists().common.has(w) && !starts.has(start)) {
      out.push({ kind: 'person-name', start, end: start + w.length });
      continue;
    }
    // (Not a publisher's or an algorithm's name: `by O'Reilly`, `Boyer-Moore`.)
    if (
      starts.has(start) ||
      /['’]|\p{Lu}\p{Ll}*-\p{Lu}/u.test(w) ||
      LONE_PRODUCTS.has(w) ||
      classify(w) !== Word.Strong ||
      TITLE_WORDS.has(w)
    )
      continue;
    out.push({ kind: 'person-name', start, end: start + w.length });
  }
}

// A family name in capitals, a comma, then a given name the lists hold, as wristbands, registers and
// HL7's printouts write a person (`OYELARAN, Babatunde`, `VAN DER BERG, Anneke`), at a line's start,
// after a label or in a field: not a common word in capitals (`WARNING, Maria`), nor an organisation's.
const FAMILY_COMMA_GIVEN_HINT = /\p{Lu}{2}, \p{Lu}\p{Ll}/u;
const FAMILY_COMMA_GIVEN = /\p{Lu}[\p{Lu}'’-]+(?:[ ]\p{Lu}[\p{Lu}'’-]+){0,2}(?=,[ ]\p{Lu}\p{Ll})/gu;
const COMMA_GIVEN = /,[ ](\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:[ ](?:\p{Lu}\p{Ll}+|\p{Lu}\.?))?(?![\p{L}\p{N}_@'’-])/uy;
function familyCommaGiven(text: string, out: Finding[]): void {
  FAMILY_COMMA_GIVEN.lastIndex = 0;
  for (let f: RegExpExecArray | null; (f = FAMILY_COMMA_GIVEN.exec(text)) !== null;) {
    // At a line's start, after a label or in a field (`Patient: …`, HL7's `|…`), spaces maybe between
    // (looked back at over 40 characters at most).
    let b = f.index;
    while (b > 0 && f.index - b < 40 && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
    if (b > 0 && !FIELD_START.has(text.charCodeAt(b - 1))) continue;
    COMMA_GIVEN.lastIndex = f.index + f[0].length;
    const g = COMMA_GIVEN.exec(text);
    if (g === null) continue;
    const given = g[1];
    const family = f[0].split(' ').map((w) => w[0] + w.slice(1).toLowerCase());
    // (Words of three letters or more with a vowel: not `NW, Washington`, `MWST, Sitz`.)
    if (classify(given) !== Word.Strong || TITLE_WORDS.has(given)) continue;
    if (
      family.some(
        (w) => w.length < 3 || !/[aeiouyà-öø-ý]/i.test(w) || classify(w) === Word.Common || ORGANISATION.test(w) || TITLE_WORDS.has(w),
      )
    )
      continue;
    if (ORGANISATION.test(f[0])) continue;
    out.push({ kind: 'person-name', start: f.index, end: f.index + f[0].length + g[0].length });
  }
}
// Line breaks, tabs, and the characters after which a field starts: `:`, `|`, `;`, `^`.
const FIELD_START = new Set([10, 9, 58, 124, 59, 94]);

// A Polish name in another case than the nominative (`przekazać Piotrowi Zielińskiemu`, `u Anny
// Kowalskiej`, `z Tomaszem Wiśniewskim`): a given name the lists hold, its case's ending taken off,
// before a family name of `-ski`, `-cki` or `-dzki` in that case.
const POLISH_OBLIQUE_HINT = /[sc]ki(?:ego|emu|ej|m)\b|[sc]k[ąa]\b/;
const POLISH_OBLIQUE =
  /(?<![\p{L}\p{N}_.@-])(\p{Lu}\p{Ll}{2,14})[ \t]+(\p{Lu}\p{Ll}{1,20}(?:s|c|dz)k(?:iego|iemu|im|ą|iej))(?![\p{L}\p{N}_@-])/gu;
const POLISH_CASE = /(?:owi|em|ie|ą|ę|a|u|y|i)$/;
function polishObliqueNames(text: string, out: Finding[]): void {
  POLISH_OBLIQUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = POLISH_OBLIQUE.exec(text)) !== null) {
    const given = m[1];
    const forms = [given];
    const e = POLISH_CASE.exec(given);
    if (e !== null && given.length - e[0].length >= 3) {
      const stem = given.slice(0, given.length - e[0].length);
      // (`Annie` → `Anna`, `Piotrowi` → `Piotr`, `Jackiem` → `Jacek` is beyond this: a listed stem only.)
      forms.push(stem, stem + 'a', stem.replace(/k$/, 'ek'));
    }
    if (!forms.some((f) => classify(f) === Word.Strong)) continue;
    out.push({ kind: 'person-name', start: m.index, end: m.index + m[0].length });
  }
}

// A full name joined to a name found on its line (`Congratulations to Aroha Ngata and Sefo
// Tuiasosopo`, `Sefo Tuiasosopo & Aroha Ngata`): two capitalised words after or before `and` (`&`,
// `und`, `et`, `y`), neither a common word nor a word the lists hold as one, not a place and no
// organisation's; nor a third capitalised word running on.
const JOINED_AFTER =
  /^[ \t]+(?:and|&|und|et|y)[ \t]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}_@-]|[ \t]+\p{Lu}|\.[\p{L}\p{N}])/du;
const JOINED_BEFORE =
  /(?<![\p{L}\p{N}_@.-]|\p{Lu}\p{Ll}*[ \t]+)(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]+(?:and|&|und|et|y)[ \t]+$/u;
function coordinatedNames(text: string, out: Finding[]): void {
  const found = out.filter((f) => f.kind === 'person-name' && text.slice(f.start, f.end).includes(' '));
  const fits = (a: string, b: string): boolean =>
    [a, b].every((w) => {
      const c = classify(w);
      return c !== Word.Common && c !== Word.Weak && !TITLE_WORDS.has(w) && !ORGANISATION.test(w);
    }) && !wordLists().places.has(`${a} ${b}`);
  for (const f of found) {
    const after = JOINED_AFTER.exec(text.slice(f.end, f.end + 80));
    if (after !== null && fits(after[1], after[2])) {
      out.push({ kind: 'person-name', start: f.end + after.indices![1][0], end: f.end + after[0].length });
    }
    const before = JOINED_BEFORE.exec(text.slice(Math.max(0, f.start - 80), f.start));
    if (before !== null && fits(before[1], before[2])) {
      const start = f.start - before[0].length;
      out.push({ kind: 'person-name', start, end: start + before[0].indexOf(before[2], before[1].length) + before[2].length });
    }
  }
}

// A speaker in a chat's export with Discord's tag (`[2025-06-13 21:14] Aram#3021: bot won't start`):
// an account's name, whatever it is made of, but not a word (`Bug#1234:`, `PR#88:`).
const DISCORD_SPEAKER = /^\[[^\]\n]{4,30}\][ \t]*([A-Za-z][\w.]{1,31})#\d{4}:[ \t]/gm;
const EXPORTED_AUTHOR = /^\[[^\]\n]{0,24}\d:\d{2}[^\]\n]{0,8}\][ \t]+([A-Za-z][\w.]{1,31})[ \t]*\r?\n(?=[ \t]*[^\s[])/gm;
// A message's header as Discord's client copies it, in any language (`Rafaela — Today at 21:14`,
// `ayse.celik — Bugün 21:14`, `Aram — 12/06/2025 9:14 PM`).
const DISCORD_COPIED =
  /^([\p{L}][\p{L}\p{M}\d_.'’-]{1,31}(?: [\p{Lu}][\p{L}\p{M}'’-]{1,31})?) — (?:\p{L}[\p{L}’' ]{1,22} |\d{1,2}[/.]\d{1,2}[/.]\d{2,4},? (?:\p{L}{1,5} )?)\d{1,2}:\d{2}(?: ?[AP]M)?[ \t]*\r?$/gmu;
// (And Telegram Desktop's: `Лёша, [03.02.2025 21:15]`.)
const TELEGRAM_COPIED =
  /^([\p{Lu}][\p{L}\p{M}'’-]{1,31}(?: [\p{Lu}][\p{L}\p{M}'’.-]{0,31})?), \[\d{1,2}\.\d{1,2}\.\d{2,4} \d{1,2}:\d{2}(?::\d{2})?\][ \t]*\r?$/gmu;
function discordCopied(text: string, out: Finding[]): void {
  let m: RegExpExecArray | null;
  if (text.includes(', [')) {
    TELEGRAM_COPIED.lastIndex = 0;
    while ((m = TELEGRAM_COPIED.exec(text)) !== null) out.push({ kind: 'person-name', start: m.index, end: m.index + m[1].length });
  }
  if (!text.includes(' — ')) return;
  DISCORD_COPIED.lastIndex = 0;
  while ((m = DISCORD_COPIED.exec(text)) !== null) {
    const v = m[1];
    if (!/[A-Z\d_.]/.test(v) && classify(capital(v)) === Word.Common) continue;
    out.push({ kind: 'person-name', start: m.index, end: m.index + v.length });
  }
}
function discordSpeakers(text: string, out: Finding[]): void {
  // A chat exporter's plain text: the time in brackets and the author alone on a line, the message
  // on the lines below (`[14-Jun-24 11:20 PM] awisniewski` ⏎ `can u check the bucket`).
  EXPORTED_AUTHOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EXPORTED_AUTHOR.exec(text)) !== null) {
    const v = m[1];
    if (v === v.toUpperCase() || classify(capital(v.toLowerCase())) === Word.Common || SYSTEM_ACCOUNT.test(v)) continue;
    const start = m.index + m[0].lastIndexOf(v);
    out.push({ kind: 'person-name', start, end: start + v.length });
  }
  if (!text.includes('#')) return;
  DISCORD_SPEAKER.lastIndex = 0;
  while ((m = DISCORD_SPEAKER.exec(text)) !== null) {
    const v = m[1];
    const c = classify(capital(v.toLowerCase()));
    if (c === Word.Common || c === Word.Weak) continue;
    const start = m.index + m[0].lastIndexOf(v + '#');
    out.push({ kind: 'person-name', start, end: start + v.length });
  }
}

// A name in Hangul or Han as a list of contacts or a form writes it: an item of its own before a
// phone number (`- 정하늘  +82 10-…`, `- 林嘉怡  +886 …`), or a field's value before the next
// field (`동반자: 이수빈  생년월일: …`). Three Hangul syllables or two to three Han characters, the
// first a family name, the last no place's or office's (`서울시`, `深圳市`).
const HAN_CONTACT =
  /(?:^[ \t]*(?:[-*•][ \t]*)?|[:：][ \t]*)([\p{Script=Hangul}]{3}|[\p{Script=Han}]{2,3})(?:[ \t]{2,}|\t)(?=[(（]?\+?\d[\d \-()]{6,}|[\p{Script=Hangul}\p{Script=Han}]{2,6}[ \t]*[:：])/gmu;
function contactNamesInHanOrHangul(text: string, out: Finding[]): void {
  HAN_CONTACT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HAN_CONTACT.exec(text)) !== null) {
    const v = m[1];
    const ok = /^\p{Script=Hangul}/u.test(v) ? KOREAN_FAMILY.has(v[0]) : CHINESE_FAMILY.has(v[0]);
    // Not a place's or an office's name (`서울시`, `강남구청`, `深圳市`, `人民医院`).
    if (!ok || /[시군읍면청市区县省局院部店司厅]$/u.test(v)) continue;
    const start = m.index + m[0].indexOf(v);
    out.push({ kind: 'person-name', start, end: start + v.length });
  }
}

// A name as airlines and travel systems write it, in capitals, the family name, a slash and the
// given names (`HARGREAVES/PENELOPE`, `M1KOWALCZYK/EWELINA` in a boarding pass's code, a manifest's
// `ISHIKAWA/REN`, maybe a title after: `DOYLE/MADISON MRS`). One part a name the lists hold as a name
// only, the other no common word and neither shorter than three letters (not `TCP/IP`, `AND/OR`, `CI/CD`);
// after a slash, a record's field, both.
const SLASHED_PART = /[A-Z][A-Z'’-]{2,29}$/;
const SLASHED_AFTER = /^([A-Z][A-Z'’-]{2,29})(?:[ \t]+(?:MRS|MR|MS|MSTR|MISS|DR)(?![A-Za-z]))?(?![A-Za-z0-9/_-])/;
function slashedNames(text: string, out: Finding[]): void {
  let inBlock = 0,
    blockStart = 0;
  for (let i = text.indexOf('/'); i > 0; i = text.indexOf('/', i + 1)) {
    const c = text.charCodeAt(i - 1);
    if (c < 65 || c > 90) continue;
    const before = SLASHED_PART.exec(text.slice(Math.max(0, i - 30), i));
    if (before === null) continue;
    const start = i - before[0].length;
    // (The capitals may follow a format's digits, `M1KOWALCZYK`, not a letter or a path.)
    if (start > 0 && /[A-Za-z\\_.-]/.test(text[start - 1])) continue;
    const after = SLASHED_AFTER.exec(text.slice(i + 1, i + 40));
    if (after === null) continue;
    // Pairs packed closer than any manifest writes them (1,024 within 32,768 characters): a text made
    // to cost each pair's lookups, dropped whole, as the speakers' reader drops one.
    if (inBlock++ === 0) blockStart = i;
    else if (inBlock === DENSE_SPEAKERS) {
      if (i - blockStart < DENSE_SPEAKERS * 32 && denseGuard.on) throw new TooDense();
      inBlock = 0;
    }
    const family = classify(capital(before[0].toLowerCase()));
    const given = classify(capital(after[1].toLowerCase()));
    if (family === Word.Common || family === Word.Weak || given === Word.Common || given === Word.Weak) continue;
    if (family !== Word.Strong && given !== Word.Strong) continue;
    // After a slash, a record's fields (`…/F/07APR33/HARGREAVES/PENELOPE`): both names the lists hold.
    if (text[start - 1] === '/' && (family !== Word.Strong || given !== Word.Strong)) continue;
    out.push({ kind: 'person-name', start, end: i + 1 + after[1].length });
  }
}

// A given name the lists hold alone, addressed at a sentence's end after a comma (`We're glad you're
// here, Rangi.`, `Thanks, Olga!`) or assigned after an arrow at a line's end (`Questions → Olga.`).
// (Two expressions, each starting with its literal, which the search skips to.)
const ADDRESSED = /, (\p{Lu}\p{Ll}{2,15})[.!?](?=\s|$)/gu;
const ASSIGNED = /(?:→|->)[ \t]*(\p{Lu}\p{Ll}{2,15})[.!?]?[ \t]*$/gmu;
function addressedNames(text: string, out: Finding[]): void {
  for (const re of text.includes('→') || text.includes('->') ? [ADDRESSED, ASSIGNED] : [ADDRESSED]) addressedBy(text, re, out);
}
function addressedBy(text: string, re: RegExp, out: Finding[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const w = m[1];
    const start = m.index + m[0].indexOf(w, 1);
    if (classify(w) !== Word.Strong || LONE_PRODUCTS.has(w) || EXAMPLE_USERS.has(w.toLowerCase()) || TITLE_WORDS.has(w)) continue;
    if (placeAlone(text, start, start + w.length)) continue;
    // After a comma, only where the sentence speaks to someone (`… on Anglesey, Wales.` is a place's).
    if (re === ADDRESSED && !ADDRESSING.test(text.slice(Math.max(0, text.lastIndexOf('\n', start) + 1, start - 100), start))) continue;
    out.push({ kind: 'person-name', start, end: start + w.length });
  }
}
const ADDRESSING =
  /\b(?:you|your|you're|thanks|thank|thx|hi|hello|hey|welcome|sorry|congrats|congratulations|please|cheers|bye|morning|evening|night)\b/i;

// Names in lower case, as chat writes them (`did u ask rafael souza about the rota`, `thx leah
// goldberg, saved`, `oi juju`): after a word for reaching or greeting someone, a word the lists hold
// as a given name and no common word (read with its capital), and a second such word or a family
// name. Only on a line written all in lower case, with none of code's punctuation: a line of code or
// of prose in capitals says nothing by its case. The given name is taken again, as a whole word on
// such a line, within the echoes' window (`priyanka might swap`).
// (Without the `u` flag and with `\b`: the hint runs on every text the names bundle reads.)
// (A sign-off's line may end before the name's: `thanks,` ⏎ `terrence oyelaran`.)
const LOWER_CUE_HINT =
  /\b(?:ask|tell|ping|msg|dm|thanks|thx|ty|cc|cc['’]ing|loop(?:ing)?[ \t]+in|cheers|regards|hi|hey|hello|oi|olá|ola|hola|ciao|dear|told|remind|it['’]s|this[ \t]+is|i['’]m|soy|sou|sono|jestem|ich[ \t]+bin|je[ \t]+suis|me[ \t]+llamo|my[ \t]+name[ \t]+is)(?:[ \t]+|[,.!]?[ \t]*\r?\n[ \t]*)[a-z\u00e0-\u00ff]{3}/;
const LOWER_CUE =
  /\b(?:ask|tell|ping|msg|dm|thanks|thx|ty|cc|cc['’]ing|loop(?:ing)?[ \t]+in|cheers|regards|hi|hey|hello|oi|olá|ola|hola|ciao|dear|told|remind|it['’]s|this[ \t]+is|i['’]m|soy|sou|sono|jestem|ich[ \t]+bin|je[ \t]+suis|me[ \t]+llamo|my[ \t]+name[ \t]+is)(?:[ \t]+|(?<=thanks|thx|ty|cheers|regards)[,.!]?[ \t]*\r?\n[ \t]*)([a-z\u00e0-\u00ff]{3,15})(?:[ \t]+([a-z\u00e0-\u00ff]{3,20}))?(?![A-Za-z0-9_\u00c0-\u024f@.'’(-]|\.[A-Za-z0-9\u00c0-\u024f])/dg;
const CODE_MARKS = /[A-Z{}=;<>[\]|\\/`$]/;
// (A chat's time stamp or channel before the line is no code: `[14:03] kenta.o: ok ping haruto`.)
const codeLine = (line: string): boolean => CODE_MARKS.test(line.replace(CHAT_STAMP, ''));
// (Nor a quoted reply's `>`: `> sure, also cc'ing fiona`.)
const CHAT_STAMP = /^[ \t]*(?:\[[^\]\n]{1,30}\]|(?:>[ \t]*)+)[ \t]*/;
function lowerCaseNames(text: string, out: Finding[]): void {
  const starts = new Set(out.filter((f) => f.kind === 'person-name').map((f) => f.start));
  const given: { word: string; at: number }[] = [];
  LOWER_CUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LOWER_CUE.exec(text)) !== null) {
    let bol = m.index;
    while (bol > 0 && m.index - bol < 300 && text.charCodeAt(bol - 1) !== 10) bol--;
    let eol = m.index + m[0].length;
    while (eol < text.length && eol - m.index < 300 && text.charCodeAt(eol) !== 10) eol++;
    if (codeLine(text.slice(bol, eol))) continue;
    const w = capital(m[1]!);
    if (classify(w) !== Word.Strong || LONE_PRODUCTS.has(w) || TITLE_WORDS.has(w) || SPEAKER_ROLES.has(w) || wordLists().places.has(w))
      continue;
    const start = m.indices![1]![0];
    let end = m.indices![1]![1];
    // (A family name the lists lack goes with it too, four letters or more: `loop in marcus oyelowo`.)
    if (m[2] !== undefined) {
      const c2 = classify(capital(m[2]));
      if (c2 === Word.Strong || (c2 === Word.Unknown && m[2].length >= 4)) end = m.indices![2]![1];
    }
    if (starts.has(start)) continue;
    starts.add(start);
    out.push({ kind: 'person-name', start, end });
    given.push({ word: m[1]!, at: start });
  }
  for (const g of given) {
    const { from, to } = aroundLines(text, g.at, g.at + g.word.length);
    const re = new RegExp(`(?<![\\p{L}\\p{N}_@.-])${g.word}(?![\\p{L}\\p{N}_@-])`, 'gu');
    re.lastIndex = from;
    let e: RegExpExecArray | null;
    while ((e = re.exec(text)) !== null && e.index < to) {
      if (starts.has(e.index)) continue;
      let bol = e.index;
      while (bol > 0 && e.index - bol < 300 && text.charCodeAt(bol - 1) !== 10) bol--;
      let eol = e.index;
      while (eol < text.length && eol - e.index < 300 && text.charCodeAt(eol) !== 10) eol++;
      if (codeLine(text.slice(bol, eol))) continue;
      starts.add(e.index);
      out.push({ kind: 'person-name', start: e.index, end: e.index + g.word.length });
    }
  }
}

// A town alone where a name could stand (`Latency from Lagos and Nairobi`, `flights to São Paulo`) is
// kept, unless a person's cue stands right before it (`Dear Lagos`, `Ms. Lagos`, `Ask Lagos`).
const PERSON_CUE_BEFORE =
  /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Herr|Frau|Sr|Sra|Srta|Mme|Mlle|Dear|Hi|Hello|Hey|Thanks|Cheers|Ask|Tell|Ping|cc|Call|Remind|daughter|son|wife|husband|brother|sister|mother|father)\.?,?[ \t]+$|@$/iu;
function placeAlone(text: string, start: number, end: number): boolean {
  return (
    wordLists().places.has(text.slice(start, end).replace(/[ \t]+/g, ' ')) &&
    !PERSON_CUE_BEFORE.test(text.slice(Math.max(0, start - 16), start))
  );
}

/**
 * Other mentions of the values found (a secret, an e-mail address, an identifier; not a name, whose
 * words have echoes of their own): the same characters again within the echoes' window, standing
 * apart from letters and digits (`api_key = "q8Jf…"` ⏎ `see q8Jf…`, a recovery code said again, an
 * ARN's e-mail address beside the principal's), and an IPv4 address written with dashes, as hosts'
 * names hold one (`mail-223-75-216-167.isp.net[223.75.216.167]`). Values of eight characters or more
 * with a digit or a symbol, and a letter (or an IPv4 address): a plain word found once is no value to
 * look for again, and a number alone is too often another's digits.
 */
export function echoFoundValues(text: string, out: Finding[], checked: (kind: string) => boolean = () => false): void {
  const taken = new Set<number>();
  for (const f of out) taken.add(f.start);
  const n = Math.min(out.length, MAX_ECHOED_VALUES);
  for (let k = 0; k < n; k++) {
    const f = out[k];
    if (f.kind === 'person-name' || f.kind === 'home-user' || f.end - f.start < 8 || f.end - f.start > 256) continue;
    const v = text.slice(f.start, f.end);
    // An identifier its check digits vouch for, said again as its digits alone (`SSN 854-96-8827` … `value=854968827`,
    // `hetu 010762-1781` … `0107621781`), or an Ethereum address in lower case after its checksummed form: within
    // the echoes' window, as an e-mail address's.
    const digits = checked(f.kind) ? v.replace(/[\s./-]/g, '') : '';
    const restated =
      /^\d{9,}[A-Z]?$/.test(digits) && digits !== v
        ? digits
        : f.kind === 'crypto-address' && /^0x[0-9a-fA-F]{40}$/.test(v) && v !== v.toLowerCase()
          ? v.toLowerCase()
          : '';
    if (restated !== '') {
      echoForm(text, f, restated, aroundLines(text, f.start, f.end), taken, out);
      if (/^\d/.test(v)) continue;
    }
    // (A number alone, a phone's or an identifier's, is too often another number's digits: `jsMemoryEstimate: 2418479`.)
    if (!/[\d\W_]/.test(v) || (f.kind !== 'ip-address' && /^[\d\s.,:;/()+-]+$/.test(v))) continue;
    // (A secret of two digits or more and no space, a password with no space: `AuthFlowErrorV2` or `before { content:`
    // read as one would be an identifier's or a rule's echo.)
    if (f.kind === 'password' ? /\s/.test(v) : (f.kind === 'secret' || f.kind === 'high-entropy') && (/\s/.test(v) || !/\d\D*\d/.test(v)))
      continue;
    const forms = f.kind === 'ip-address' && /^\d{1,3}(?:\.\d{1,3}){3}$/.test(v) ? [v, v.replace(/\./g, '-')] : [v];
    // An identifier of letters and digits written in groups is said again without them (`4TN0-RU6-WF26`, then `4TN0RU6WF26`).
    const bare = v.replace(/[ .-]/g, '');
    if (
      f.kind !== 'email' &&
      f.kind !== 'ip-address' &&
      bare !== v &&
      bare.length >= 8 &&
      /^[A-Za-z0-9]+$/.test(bare) &&
      /[A-Za-z]/.test(bare)
    )
      forms.push(bare);
    // An IBAN's own account number said apart, and a British or Irish one's sort code (`Sort code / account: 30-30-35 / 25618790`).
    if (f.kind === 'iban') forms.push(...ibanParts(bare));
    // (Within its own line, unless its shape alone says what it is, an e-mail, an IP address or an IBAN: a
    // value read with the help of other lines, echoed on another, would carry its evidence further
    // than the three lines a window holds.)
    const { from, to } = aroundLines(
      text,
      f.start,
      f.end,
      f.kind === 'email' || f.kind === 'ip-address' || f.kind === 'iban' ? ECHO_LINES : 0,
    );
    const win = text.slice(from, to);
    for (const w of forms)
      for (let i = win.indexOf(w); i >= 0; i = win.indexOf(w, i + 1)) {
        const at = from + i;
        if (at === f.start || taken.has(at)) continue;
        // (Apart from a longer token too: `AC-DE-48-23-45-67-01-9F` holds a MAC address's digits, and is none.)
        // (A host's name holds the dashed form between its own dashes and dots.)
        if (
          w === v
            ? gluedAt(text, at - 1, -1) || gluedAt(text, at + w.length, 1)
            : isAlnum(text.charCodeAt(at - 1)) || isAlnum(text.charCodeAt(at + w.length))
        )
          continue;
        taken.add(at);
        out.push({ kind: f.kind, start: at, end: at + w.length });
      }
  }
}
/** `form`, another writing of finding `f`'s value, where it stands apart within [from, to). */
function echoForm(
  text: string,
  f: Finding,
  form: string,
  { from, to }: { from: number; to: number },
  taken: Set<number>,
  out: Finding[],
): void {
  const win = text.slice(from, to);
  for (let i = win.indexOf(form); i >= 0; i = win.indexOf(form, i + 1)) {
    const at = from + i;
    if (taken.has(at) || isAlnum(text.charCodeAt(at - 1)) || isAlnum(text.charCodeAt(at + form.length))) continue;
    taken.add(at);
    out.push({ kind: f.kind, start: at, end: at + form.length });
  }
}
/** Does the character at `i` join a token on the side `dir` (a letter or digit, or `-`, `.`, `_` before one)? */
function gluedAt(text: string, i: number, dir: -1 | 1): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (isAlnum(c)) return true;
  return (c === 45 || c === 46 || c === 95) && isAlnum(text.charCodeAt(i + dir));
}
// (A text of more findings is looked through for the first ones' echoes only: each costs a window's search.)
const MAX_ECHOED_VALUES = 2048;

/** From the start of the third line above `start` to the end of the third line below `end`, within ECHO_CHARS. */
function aroundLines(text: string, start: number, end: number, lines = ECHO_LINES): { from: number; to: number } {
  // Read character by character, never past ECHO_CHARS: a search for a line break could cross the whole text.
  let from = start,
    breaks = 0;
  while (from > 0 && start - from < ECHO_CHARS) {
    if (text.charCodeAt(from - 1) === 10 && ++breaks > lines) break;
    from--;
  }
  let to = end;
  breaks = 0;
  while (to < text.length && to - end < ECHO_CHARS) {
    if (text.charCodeAt(to) === 10 && ++breaks > lines) break;
    to++;
  }
  return { from, to };
}

// How far around a name its words are looked for again: within three lines (the trajectory
// builder's window holds a changed line with three lines on each side, so a window and the whole
// text agree) and 600 characters.
const ECHO_LINES = 3;
const ECHO_CHARS = 600;

/**
 * Other mentions of a name read from its own line (`Present: Oluwaseun Adeyemi, Tomasz Wiśniewski`
 * ⏎ `- Tomasz out Thu/Fri`): each word of it that the list holds as a name only, where it
 * stands alone and capitalised as written, within the lines around (ECHO_LINES, ECHO_CHARS).
 */
// A name with a nickname in quotes between its given and family names (`Bartholomew "Bart"
// Okonkwo-Feldman`, `Margaret 'Peggy' Holloway`): the whole, when one of the outer words is a
// listed name and neither is a common word. The nickname and the family name are then taken again
// alone within the echoes' window (`Bart flagged two issues`).
const NICKNAME_QUOTES = ['"', '“', "'", '‘'];
const NICKNAMED = new RegExp(
  `[ \t](["“'‘])([${UP}][${LO}]{1,14})(["”'’])[ \t]+([${UP}][${LO}'’]+(?:-[${UP}][${LO}]+)?)(?![\\p{L}\\p{N}_])`,
  'gu',
);
function findNicknamed(text: string, out: Finding[], read: Source[]): void {
  NICKNAMED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NICKNAMED.exec(text)) !== null) {
    const close = m[3];
    if (
      (m[1] === '"' && close !== '"') ||
      (m[1] === '“' && close !== '”') ||
      ((m[1] === "'" || m[1] === '‘') && close !== "'" && close !== '’')
    )
      continue;
    const g = /(?:^|[^\p{L}\p{N}_.@/-])(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}\p{Ll}+)?)$/u.exec(text.slice(Math.max(0, m.index - 24), m.index));
    if (g === null) continue;
    const given = classify(g[1]),
      family = classify(m[4]),
      nick = classify(m[2]);
    if (given === Word.Common || family === Word.Common || nick === Word.Particle) continue;
    if (given !== Word.Strong && family !== Word.Strong) continue;
    const start = m.index - g[1].length,
      end = m.index + m[0].length;
    out.push({ kind: 'person-name', start, end });
    read.push({ start, end, read: true });
  }
}

/** A name echoes are looked for from; `read` when its reader vouched for it as a whole. */
interface Source extends Span {
  read?: boolean;
}
function echoes(text: string, sources: readonly Source[], out: Finding[], weak = false): void {
  // Per word, how far the text has been searched already: each stretch is searched once a word.
  const searched = new Map<string, number>();
  // The names found already (a mention inside one adds nothing): by start, with the furthest end so far.
  const names = out.filter((f) => f.kind === 'person-name').sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (let k = 0, far = -1; k < names.length; k++) reach.push((far = Math.max(far, names[k].end)));
  const inName = (s: number, e: number): boolean => {
    let lo = 0,
      hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (names[mid].start <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] >= e;
  };
  for (const src of [...sources].sort((a, b) => a.start - b.start)) {
    const { from, to } = aroundLines(text, src.start, src.end);
    const ws = text
      .slice(src.start, src.end)
      .split(/[^\p{L}\p{M}'’-]+/u)
      .map((w) => w.replace(/^['’]+/, '').replace(/['’]s?$/, ''))
      .filter((w) => w !== '');
    // A family name the list lacks counts after a given name it holds (`Thandiwe Mokoena` ⏎ `…
    // Mokoena was leading`), where it stands alone: no capitalised word beside it.
    // (A name of capitalised words one space apart: `Ruud de Rooij⇥⇥Twofish` and `Compañía de Seguros` are read wide.)
    // (Particles aside: `Pieter-Jan van der Heijden` ⏎ `Van der Heijden is tot vijf uur thuis`.)
    const core = ws.filter((w) => !PARTICLES.has(w));
    const plainName =
      core.length >= 2 && core.length <= 3 && !/\t| {2}/.test(text.slice(src.start, src.end)) && core.every((w) => /^\p{Lu}/u.test(w));
    const family =
      plainName && (src.read === true || classify(core[0]) === Word.Strong || classify(core[0].split('-')[0]) === Word.Strong)
        ? core[core.length - 1]
        : '';
    // A Vietnamese name's given name comes last (`Nguyễn Thị Thu Hằng` ⏎ `Hằng xem giúp nhé`).
    const vietGiven = ws.length >= 2 && ws.length <= 4 && VIETNAMESE_FAMILY.has(ws[0]) ? ws[ws.length - 1] : '';
    // With its middle name (`Nguyễn Thị Thu Hà` … `Thu Hà also attached her CV`).
    if (vietGiven !== '' && ws.length >= 3 && !VIETNAMESE_GENDER.has(ws[ws.length - 2])) {
      const pair = `${ws[ws.length - 2]} ${vietGiven}`;
      const win = text.slice(from, to);
      for (let k = win.indexOf(pair); k >= 0; k = win.indexOf(pair, k + pair.length)) {
        const i = from + k;
        if ((i > 0 && isEchoBoundary(text.charCodeAt(i - 1))) || joinedAfter(text, i + pair.length) || inName(i, i + pair.length)) continue;
        out.push({ kind: 'person-name', start: i, end: i + pair.length });
      }
    }
    for (const word of ws) {
      if (word.length < (word === vietGiven ? 2 : 3) || word === word.toUpperCase()) continue;
      // Only a word the list holds as a name and as nothing else: a word the list lacks may be a
      // product's or a font's (`Bitstream Vera Sans Mono`), and is not looked for again.
      const c = classify(word);
      const alone =
        ((word === family || (src.read === true && plainName)) && (c === Word.Unknown || (weak && c === Word.Weak)) && word.length >= 4) ||
        (word === vietGiven && c !== Word.Common);
      if (c !== Word.Strong && !alone) continue;
      // Searched in the window alone: a search of the text would run on to its end when the word is not there.
      const lo = Math.max(from, searched.get(word) ?? 0);
      const win = text.slice(lo, to);
      for (let k = win.indexOf(word); k >= 0; k = win.indexOf(word, k + word.length)) {
        const i = lo + k;
        if (i > 0 && isEchoBoundary(text.charCodeAt(i - 1))) continue;
        if (joinedAfter(text, i + word.length) || inName(i, i + word.length)) continue;
        if (
          alone &&
          (CAPITALISED_BEFORE.test(text.slice(Math.max(0, i - 24), i)) ||
            CAPITALISED_AFTER.test(text.slice(i + word.length, i + word.length + 24)) ||
            COMPANY_AFTER.test(text.slice(i + word.length, i + word.length + 12)))
        )
          continue;
        // An initial before the family name goes with it (`account 27948088 (C MacLeod)`).
        const initial = word === family && !alone ? INITIAL_BEFORE.exec(text.slice(Math.max(0, i - 4), i)) : null;
        out.push({
          kind: 'person-name',
          start: initial === null ? i : i - initial[0].length + initial[0].search(/\p{Lu}/u),
          end: i + word.length,
        });
      }
      // A given name in another case (`Ivana Babić` ⏎ `Ivani pošalji adresu`, `Petra` ⏎ `Petře`): its
      // stem, then one to five letters of an ending, where the whole word is no common word.
      if (c === Word.Strong && word.length >= 5 && INFLECTED_VOWEL.test(word)) {
        const stem = word.slice(0, -1);
        for (let k = win.indexOf(stem); k >= 0; k = win.indexOf(stem, k + stem.length)) {
          const i = lo + k;
          if (i > 0 && isEchoBoundary(text.charCodeAt(i - 1))) continue;
          const ending = INFLECTED_ENDING.exec(text.slice(i + stem.length, i + stem.length + 6));
          if (ending === null || stem + ending[0] === word || inName(i, i + stem.length + ending[0].length)) continue;
          if (ENGLISH_ENDING.test(ending[0]) || classify(stem + ending[0]) === Word.Common) continue;
          out.push({ kind: 'person-name', start: i, end: i + stem.length + ending[0].length });
        }
      }
      searched.set(word, to);
    }
  }
}

// An array of strings whose items are names found, at least half of them and two (or one under a key
// of people: FHIR's `"given": ["Folasade", "Ingrid"]`, `"reviewers": [...]`): its other items written as
// names are names too (`"Tāne Rangihuna"`), unless a word of one is a common word.
const STRING_ARRAY = /\[[ \t]*((?:"[^"\n]{1,60}"[ \t]*,[ \t]*){1,30}"[^"\n]{1,60}")[ \t]*\]/g;
const ARRAY_ITEM = /"([^"\n]{1,60})"/g;
const NAME_ITEM = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:[ ]\p{Lu}[\p{L}\p{M}'’.-]*){0,3}$/u;
const PEOPLE_KEY =
  /"(?:given|names?|first_?names?|reviewers|authors|attendees|members|assignees|participants|speakers|contributors|owners)"[ \t]*:[ \t]*$/i;
function listedNames(text: string, out: Finding[]): void {
  const names = out.filter((f) => f.kind === 'person-name');
  STRING_ARRAY.lastIndex = 0;
  for (let m: RegExpExecArray | null, n = 0; n < 256 && (m = STRING_ARRAY.exec(text)) !== null; n++) {
    const base = m.index + m[0].indexOf(m[1]);
    const items: { start: number; end: number; v: string }[] = [];
    ARRAY_ITEM.lastIndex = 0;
    for (let it: RegExpExecArray | null; (it = ARRAY_ITEM.exec(m[1])) !== null;)
      items.push({ start: base + it.index + 1, end: base + it.index + 1 + it[1].length, v: it[1] });
    const isFound = (it: { start: number; end: number }): boolean => names.some((f) => f.start <= it.start && f.end >= it.end);
    const found = items.filter(isFound).length;
    if (found === 0 || found * 2 < items.length) continue;
    if (found < 2 && !PEOPLE_KEY.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    for (const it of items) {
      if (isFound(it) || !NAME_ITEM.test(it.v)) continue;
      if (it.v.split(' ').some((w) => classify(w) === Word.Common)) continue;
      out.push({ kind: 'person-name', start: it.start, end: it.end });
    }
  }
}

/**
 * Other mentions of the names that other readers found as a whole (a record's field, a ticket's
 * `Caller:`, a signature): each word of four letters or more, where it stands alone and
 * capitalised within the echoes' window, also a word the lists lack or hold as a common word too
 * (`Caller: Naledi Mokoena` ⏎ `… over the phone to Naledi`, `Attendees: … Mariana Gonçalves` ⏎
 * `Mariana identified …`).
 */
export function echoFoundNames(text: string, out: Finding[]): void {
  const sources: Source[] = [];
  for (const f of out) {
    if (f.kind !== 'person-name' || f.end - f.start > 60) continue;
    const v = text.slice(f.start, f.end);
    // Only a name its own line vouches for, after a label or a key on it (`Caller: …`, `"name": "…"`):
    // a name read with the help of other lines (a speaker's, a name before a contact on the next line)
    // would carry its evidence further than the three lines a window holds.
    if (!FOUND_NAME.test(v)) continue;
    const bol = text.lastIndexOf('\n', f.start - 1) + 1;
    if (f.start - bol > 200 || !LABEL_BEFORE_NAME.test(text.slice(bol, f.start))) continue;
    sources.push({ start: f.start, end: f.end, read: true });
  }
  if (sources.length > 0) echoes(text, sources, out, true);
}
const LABEL_BEFORE_NAME = /[:=：]/;

/**
 * A given name said again anywhere in the text once its whole name was found (`Margaux Faure`
 * … twelve lines on … `Margaux, tu peux relire ?`), and in the document's other changes: each word
 * of a found name of two to four words that the lists hold as a name and as no common word (or that
 * they lack, in a name without particles: `Folake Balogun`, `Алесь Шаўчэнка`), and its initials. A word said more than
 * FAR_MOST times is no one's name in passing but a word of the text (a place in a table, a noun of a
 * language that capitalises them) and is left to the window's echoes.
 *
 * The window's echoes reach three lines; this reach is the whole text. So that a change redacted with
 * three lines around it reads the same, `memory` (the document's, kept by the caller for as long as
 * it is open, never on disk) holds each word decided on: the word when taken, `!` and the word when
 * refused. A decision made is kept. One scan of the text's words, whatever the number of names.
 */
export function echoNamesFar(text: string, out: Finding[], memory?: Set<string>, onlyKnown = false): void {
  const taken = new Set<string>();
  const refused = new Set<string>();
  if (memory !== undefined) for (const w of memory) (w.charCodeAt(0) === 33 ? refused : taken).add(w.charCodeAt(0) === 33 ? w.slice(1) : w);
  const fresh = new Set<string>();
  // Words of a name whose every word the lists hold as a name alone, with no particle.
  const sure = new Set<string>();
  const refuse = (w: string): void => {
    fresh.delete(w);
    refused.add(w);
    memory?.add('!' + w);
  };
  // (`onlyKnown`: a view of the text decoded looks for the names its memory holds, and learns none.)
  for (const f of onlyKnown ? [] : out) {
    if (f.kind !== 'person-name' || f.end - f.start > 60) continue;
    const v = text.slice(f.start, f.end);
    const caseless = FAR_CASELESS_NAME.test(v);
    if (!caseless && !FAR_NAME.test(v)) continue;
    const ws = v.split(/[ \u00a0]+/);
    const core = ws.filter((w) => !PARTICLES.has(w));
    if (core.length < 2 || core.length > 4) continue;
    for (const w of core) {
      if (w.length < 3 || (w === w.toUpperCase() && /\p{Lu}/u.test(w))) continue;
      if (taken.has(w) || refused.has(w) || !farWord(w, core.length === ws.length)) continue;
      fresh.add(w);
      if (core.length === ws.length && core.every((c) => classify(c) === Word.Strong)) sure.add(w);
    }
    // Its initials, as notes write a person once named (`Krzysztof Zieliński` … `KZ – Ingress prüfen`).
    if (core.length <= 3 && core.every((c) => /^[A-Z]\p{Ll}/u.test(c))) {
      const initials = core.map((c) => c[0]).join('');
      if (!taken.has(initials) && !refused.has(initials)) {
        fresh.add(initials);
        sure.add(initials);
      }
    }
  }
  // Many names in one text are a table's or a list's (places named for people), read by their own
  // readers: none of their words is looked for far from them. In a text that capitalises its nouns,
  // a word the lists lack is no name.
  // A word the text also writes in lower case is a word of its language (`Nur` beside `nur`).
  if (fresh.size > FAR_FRESH_MOST) for (const w of fresh) refuse(w);
  else {
    const nouns = [...fresh].some((w) => /^\p{Lu}/u.test(w) && !sure.has(w)) && capitalisesNouns(text);
    for (const w of fresh) if (/^\p{Lu}/u.test(w) && ((nouns && !sure.has(w)) || saysInLowerCase(text, w))) refuse(w);
  }
  if (taken.size === 0 && fresh.size === 0) return;
  const names = out.filter((f) => f.kind === 'person-name').sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (let k = 0, far = -1; k < names.length; k++) reach.push((far = Math.max(far, names[k].end)));
  const inName = (s: number, e: number): boolean => {
    let lo = 0,
      hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (names[mid].start <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] >= e;
  };
  // Each word looked for with indexOf: a scan of every word of the text with a Unicode class cost
  // more than all the names' searches together.
  const found = new Map<string, number[]>();
  for (const w of [...taken, ...fresh]) {
    const at: number[] = [];
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) {
      if (i > 0 && isEchoBoundary(text.charCodeAt(i - 1))) continue;
      if (joinedAfter(text, i + w.length) || inName(i, i + w.length)) continue;
      // The word stands alone: no capitalised word beside it but a common one opening the sentence
      // (`Hi Margaux`; not `San José`, `Ciudad Guerrero`, `Apache Kafka`), no company's suffix after it.
      if (/\p{Lu}/u.test(w[0]) && !standsAlone(text, i, i + w.length)) continue;
      // Initials stand outside quotes and lists of codes (`"CK","CL"`, `IN, LB, MA`, `GF(2)`).
      if (INITIALS.test(w) && codeAround(text, i, i + w.length)) continue;
      at.push(i);
      if (at.length > FAR_MOST && fresh.has(w)) break;
    }
    if (at.length > 0) found.set(w, at);
  }
  for (const w of fresh) {
    const ok = (found.get(w)?.length ?? 0) <= FAR_MOST;
    (ok ? taken : refused).add(w);
    memory?.add(ok ? w : '!' + w);
  }
  for (const [w, at] of found) {
    if (!taken.has(w)) continue;
    for (const i of at) out.push({ kind: 'person-name', start: i, end: i + w.length });
  }
  // A file named after the person (`aarav_id_front.jpg`, `latoya-ausweis.pdf`): a part of its name
  // is a word of the name as a login writes it, four letters or more.
  for (const w of taken) {
    if (w.length < 4 || !/^\p{Lu}\p{Ll}/u.test(w)) continue;
    const lw = latinLogin(w);
    for (let i = text.indexOf(lw); i >= 0; i = text.indexOf(lw, i + lw.length)) {
      const before = text.charCodeAt(i - 1);
      const after = text.charCodeAt(i + lw.length);
      if ((i > 0 && (isWordChar(before) || before > 0x24f) && before !== 95) || !(after === 95 || after === 45 || after === 46)) continue;
      let s0 = i;
      while (s0 > 0 && FILE_NAME_CHAR.test(text[s0 - 1])) s0--;
      let e0 = i + lw.length;
      while (e0 < text.length && FILE_NAME_CHAR.test(text[e0])) e0++;
      const file = text.slice(s0, e0);
      if (PERSONAL_FILE.test(file) && !inName(s0, e0)) out.push({ kind: 'person-name', start: s0, end: e0 });
    }
  }
}
const FILE_NAME_CHAR = /[\w.-]/;
const PERSONAL_FILE = /^[\w-]+(?:\.[\w-]+)*\.(?:jpe?g|png|heic|webp|gif|tiff?|bmp|pdf|docx?|odt|xlsx?|ods|csv|txt|zip|mp4|mov)$/i;
const INITIALS = /^[A-Z]{2,3}$/;
/** Whether the capitals at start…end are quoted, a function's or a list's of codes. */
function codeAround(text: string, start: number, end: number): boolean {
  const before = text.charAt(start - 1),
    after = text.charAt(end);
  if ((before === '"' || before === "'" || before === '`') && (after === before || after === '\\')) return true;
  if (after === '(' || before === '.' || before === '-' || after === '-') return true;
  return CODE_BEFORE.test(text.slice(Math.max(0, start - 8), start)) || CODE_AFTER.test(text.slice(end, end + 8));
}
const CODE_BEFORE = /(?:^|[^A-Za-z])[A-Z]{2,3}[ \t]*[,;/|][ \t]*$/;
const CODE_AFTER = /^[ \t]*[,;/|][ \t]*[A-Z]{2,3}(?![A-Za-z])/;
// How many times a word of a found name may be said apart from it and still be read as the name.
const FAR_MOST = 8;
// How many words of names one text may bring before they are taken for a table's or a list's.
const FAR_FRESH_MOST = 24;
/** No capitalised word after the word at start…end, none before but a common one opening a sentence, no company's suffix after it. */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  if (before !== null && (classify(before[2]) !== Word.Common || !/^(?:$|[\n.!?:*>•-]|\s)/.test(before[1]))) return false;
  if (WORD_AFTER.test(text.slice(end, end + 24))) return false;
  return !COMPANY_AFTER.test(text.slice(end, end + 12));
}
// A capitalised word before (a common one opening its sentence may: `Hi Margaux`, `Thanks Margaux`).
const WORD_BEFORE = /(^|[^\p{L}\p{M}'’-])(\p{Lu}[\p{L}\p{M}'’-]*)[ \t]+$/u;
const WORD_AFTER = /^[ \t]+(\p{Lu}[\p{L}\p{M}'’-]*)/u;
/**
 * Whether the text writes its nouns capitalised (German): of the words after a lower-case word, more
 * than one in four capitalised (English prose: one in twenty or fewer; acronyms are not counted),
 * over sixteen words at least. Read over the first 64 KB.
 */
function capitalisesNouns(text: string): boolean {
  let lower = 0,
    upper = 0;
  MID_WORD.lastIndex = 0;
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  let m: RegExpExecArray | null;
  while ((m = MID_WORD.exec(head)) !== null)
    if (/\p{Lu}/u.test(m[1])) upper++;
    else lower++;
  return upper + lower >= 16 && upper * 4 > upper + lower;
}
/** Whether the text holds `word` in lower case as a word of its own. */
function saysInLowerCase(text: string, word: string): boolean {
  const w = word.toLowerCase();
  for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) {
    if (i > 0 && isEchoBoundary(text.charCodeAt(i - 1))) continue;
    if (!joinedAfter(text, i + w.length)) return true;
  }
  return false;
}
// A word after a lower-case word and a space: its first two letters (a capital and a small one, or a small one).
const MID_WORD = /(?<=\p{Ll}[ \t])(\p{Lu}\p{Ll}|\p{Ll})/gu;
/**
 * A word of a found name looked for far from it: one the lists hold as a name and no common word; one
 * they lack, of four letters or more, in a name without particles; in a script without capitals,
 * three letters or more.
 */
function farWord(w: string, plain: boolean): boolean {
  if (!/\p{Lu}/u.test(w[0])) return w.length >= 3 && !/[A-Za-z]/.test(w);
  const c = classify(w);
  return c === Word.Strong || (c === Word.Unknown && plain && w.length >= 4);
}
// A name of two to four capitalised words, particles between them (`Thijs van der Veen`).
const FAR_NAME = new RegExp(`^\\p{Lu}[\\p{L}\\p{M}'’-]*(?: (?:${PARTICLE.slice(3, -1)}|\\p{Lu}[\\p{L}\\p{M}'’-]*)){1,4}$`, 'u');
// A name of two to four words in a script without capitals.
const FAR_CASELESS_NAME = /^[\p{Lo}\p{M}'’-]{2,}(?:[ \u00a0][\p{Lo}\p{M}'’-]{2,}){1,3}$/u;
/**
 * A name written in two scripts, one in brackets after the other: the form beside a name found
 * (`박지우 (Ji-woo Park)`, `వెంకట లక్ష్మి రెడ్డి (Venkata Lakshmi Reddy)`, `Wong Ka Lok, Kelvin (黃家樂)`),
 * one to four words of letters of no Latin script.
 */
export function findOtherForms(text: string, out: Finding[]): void {
  const names = out.filter((f) => f.kind === 'person-name');
  for (const f of names) {
    const open = text.charCodeAt(f.start - 1);
    const close = text.charCodeAt(f.end);
    if ((open === 40 && close === 41) || (open === 0xff08 && close === 0xff09)) {
      const m = FORM_BEFORE.exec(text.slice(Math.max(0, f.start - 48), f.start - 1));
      if (m !== null && !LATIN_LETTER.test(m[1]) && formName(m[1])) {
        const start = f.start - 1 - m[0].length;
        out.push({ kind: 'person-name', start, end: start + m[1].length });
      }
    }
    const a = FORM_AFTER.exec(text.slice(f.end, f.end + 48));
    if (a !== null && !LATIN_LETTER.test(a[1]) && formName(a[1])) {
      const start = f.end + a[0].indexOf(a[1]);
      out.push({ kind: 'person-name', start, end: start + a[1].length });
    }
  }
}
// Words of letters of no Latin script.
const FORM_WORD = '(?:(?![A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF])[\\p{L}\\p{M}])+';
const FORM_BEFORE = new RegExp(`(?<![\\p{L}\\p{M}])(${FORM_WORD}(?:[ \\u3000]${FORM_WORD}){0,3})[ \\u3000]?$`, 'u');
const FORM_AFTER = new RegExp(`^[ \\u3000]?[（(](${FORM_WORD}(?:[ \\u3000]${FORM_WORD}){0,3})[）)]`, 'u');
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/;
/** A name's other form, not a role or a team (`(営業)`, `(개발팀)`): in Han or Hangul from a family name, elsewhere two words or more. */
function formName(v: string): boolean {
  const words = v.split(/[ \u3000]/);
  return words.length >= 2
    ? words.every((w) => familyFirst(w) || !/^[\p{Script=Han}\p{Script=Hangul}]/u.test(w)) || familyFirst(words[0])
    : /^[\p{Script=Han}\p{Script=Hangul}々]{2,4}$/u.test(v) && familyFirst(v);
}

/**
 * The people a meeting's notes list after their label (`Attendees: Adébáyọ̀ Ọlátúnjí, Chiamaka
 * Nwachukwu`, `Anwesend: …`, `נוכחים: נועה ברק, איתי שפירא`): each item of one to four words, each
 * capitalised (in scripts without capitals: two or three words), none a common word; a single word
 * only when it is no word the lists hold as a common one (a team, `Design`, stays).
 */
export function findAttendees(text: string, out: Finding[]): void {
  ATTENDEE_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTENDEE_LABEL.exec(text)) !== null) {
    const list = m[1];
    const base = m.index + m[0].length - list.length;
    let at = 0;
    for (const part of list.split(ATTENDEE_SEPARATOR)) {
      const start = base + list.indexOf(part, at);
      at = start - base + part.length;
      // A role or a team in brackets after the name, or after a dash (`Tobias (PM)`, `Aoife – SRE`).
      const name = part.replace(/[ \t]*(?:[(（][^)）]*[)）]|[–—-][ \t].*)[ \t]*$/u, '').replace(/[ \t.]+$/u, '');
      const lead = name.length - name.trimStart().length;
      const v = name.trim();
      if (v.length < 2 || v.length > 60) continue;
      const words = v.split(/[ \t]+/);
      if (words.length > 4) continue;
      const cased = words.every((w) => CAPITALISED_WORD.test(w));
      const caseless = !cased && words.length >= 2 && words.length <= 3 && words.every((w) => CASELESS_WORD.test(w));
      if (!cased && !caseless) continue;
      if (cased && words.some((w) => classify(w.normalize('NFC')) === Word.Common)) continue;
      if (cased && words.length === 1 && classify(v) !== Word.Strong && classify(v) !== Word.Unknown) continue;
      out.push({ kind: 'person-name', start: start + lead, end: start + lead + v.length });
    }
  }
}
const ATTENDEE_LABEL =
  /(?:^|\n)[ \t*#>_-]*(?:attendees|attendance|present|participants|invitees|anwesend|teilnehmer(?:innen)?|teilnehmende|présents|participantes|asistentes|presentes|presenti|partecipanti|aanwezig|deelnemers|deltagare|närvarande|deltakere|til stede|obecni|uczestnicy|osallistujat|paikalla|přítomni|katılımcılar|peserta|hadir|נוכחים|משתתפים|المشاركون|الحضور|присутствовали|присутствуют|участники|παρόντες|συμμετέχοντες)[*_]*[ \t]*[:：][*_]*[ \t]*([^\n]{3,300})/giu;
const ATTENDEE_SEPARATOR = /[,;、，]|[ \t]+(?:and|und|et|y|e|en|och|og|i|ve|dan|и|ו)[ \t]+|[ \t]+&[ \t]+/u;
const CAPITALISED_WORD =
  /^(?:\p{Lu}[\p{L}\p{M}'’-]*\p{Ll}[\p{L}\p{M}'’-]*|(?:de|van|der|den|von|da|dos|das|del|la|le|di|bin|binti|al|el|ben|ibn)|\p{Lu}\.)$/u;
const CASELESS_WORD = /^[\p{Lo}\p{M}'’-]{2,}$/u;

// Two or three capitalised words one space apart (`Collezione di Opere`, `Casa de Cambio` are no such name).
const FOUND_NAME = /^\p{Lu}[\p{L}\p{M}'’-]*(?: \p{Lu}[\p{L}\p{M}'’-]*){1,2}$/u;

// English endings that make words of names (`Victorian`, `Elizabethan`).
const ENGLISH_ENDING = /^(?:ian|an|ism|ist|ity|ness|ing|ed|ly|ous|ful|less|ic)$/;
const INFLECTED_VOWEL = /[aeiouyáéíóúäöüě]$/;
// One to five lower-case letters, and the word ends (not at `_`, `-`, `.` joining it to another).
const INFLECTED_ENDING = /^\p{Ll}{1,5}(?![\p{L}\p{M}\d_@/-]|\.[\p{L}\d])/u;
const CAPITALISED_BEFORE = /\p{Lu}[\p{L}\p{M}'’-]*[ \t]+$/u;
const CAPITALISED_AFTER = /^[ \t]+\p{Lu}/u;
const INITIAL_BEFORE = /(?:^|[^\p{L}\p{N}.])\p{Lu}\.?[ \t]+$/u;
// A company's suffix after the word (`Bitstream, Inc.`).
const COMPANY_AFTER = /^,?[ \t]*(?:Inc|Ltd|LLC|GmbH|AG|S\.?A|B\.?V|Corp|Co\.|Limited|plc)\b/;

/** Whether the word ending at `i` goes on (see isEchoBoundary); a full stop ends a sentence when no word follows it (`to Naledi.`). */
function joinedAfter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 46) return i + 1 < text.length && isEchoBoundary(text.charCodeAt(i + 1));
  return isEchoBoundary(c);
}

/** A character that joins a word to the one beside it: a letter, a digit, `_`, `-`, `.`, `@`, `/`. */
function isEchoBoundary(c: number): boolean {
  return (
    isWordChar(c) ||
    c === 45 ||
    c === 46 ||
    c === 64 ||
    c === 47 ||
    (c > 0x24f && c !== 0x2019 && c !== 0x2014 && c !== 0x2013 && c !== 0xa0)
  );
}

/** The name after cue `cue` (at `start`), separated from it by `sep`, if the cue holds there. */
function cued(text: string, start: number, cue: string, sep: string, run: string, at: number): Span | null {
  const key = cue.toLowerCase().replace(/[ \t]+/g, ' ');
  const kind = CUES.get(key);
  if (kind === undefined) return null;
  const newline = sep.includes('\n');
  if (newline && CLOSING_SET.has(key)) {
    // The closing alone on its line, and the name alone on the next.
    if (!newline) return null;
    for (let i = start - 1; i >= 0 && text.charCodeAt(i) !== 10; i--)
      if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) return null;
    if (!/^[ \t]*,?[ \t]*(?:\r?\n|$)/.test(text.slice(at + run.length, at + run.length + 8))) return null;
    return afterCue(run, at, true);
  }
  if (newline) return null;
  const colon = sep.includes(':') || sep.includes('=');
  if ((kind === Cue.Label || kind === Cue.PersonLabel) && !colon) return null;
  // `Hi, Đức!`: a greeting's comma, when the name closes the greeting; otherwise a comma or `!` ends the cue.
  const greeted =
    kind === Cue.Greeting && /^,[ \t]/.test(sep) && /^[ \t]*(?:[,!.:]|\r?\n|$)/.test(text.slice(at + run.length, at + run.length + 3));
  if (kind !== Cue.Label && kind !== Cue.PersonLabel && kind !== Cue.Title && !/^[.:]?[ \t]/.test(sep) && !greeted) return null;
  if ((sep.includes(',') || sep.includes('!')) && !greeted) return null;
  // After a greeting's comma, a word that is also a common one is the greeting's object (`Hi, All`).
  if (greeted && wordsOf(run, at).some((w) => w.c === Word.Weak || w.c === Word.Common)) return null;
  return afterCue(run, at, kind !== Cue.Phrase && kind !== Cue.Label, PEOPLE_LABELS.has(key));
}
// Labels only a person bears (not `name`, `owner` or `customer`, which a company or a package may).
// (And a signature's in other languages.)
const PEOPLE_LABELS = new Set([
  'author',
  'assignee',
  'reporter',
  'requester',
  'signed',
  'signature',
  'attention',
  'mitarbeiter',
  'parent',
  ...'firmado firmato sinadura assinatura assinado unterschrift unterzeichnet handtekening ondertekend podpis allekirjoitus underskrift namnteckning signatur aláírás semnătura semnătură imza signé'.split(
    ' ',
  ),
]);

// A contact's name right before its phone number or e-mail address on a line (`Wouter Claes +32 499
// 01 89 12`, `Florian Huber <florian.huber@gmx.at>`, `Nadia Bühlmann, +41 79 …`): two or three
// capitalised words, none a common word, read even when the list lacks them.
const BEFORE_CONTACT = new RegExp(
  `(?:^|[\\s(\\[|*>-])((?:\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?)(?:[ \\t]+(?:${PARTICLE}[ \\t]+)?\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?){1,2})[ \\t]*(?:[,:(<|–—-][ \\t]*|[ \\t](?:at|on|tel\\.?|phone)[ \\t:]+)?["'(<]?$`,
  'u',
);

const ROW_NAME_BEFORE_CONTACT = new RegExp(
  `^[ \\t]*(?:[-*•][ \\t]+)?((?:\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?)(?:[ \\t]+(?:${PARTICLE}[ \\t]+)?\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?){1,2})[ \\t]+([—–|])(?:[ \\t]+[^—–|\\n]{1,40}?[ \\t]+\\2){1,2}[ \\t]*$`,
  'u',
);

const CALL_VERB =
  /(?:^|[\s,])(?:call|ring|text|phone|contact|ask|message|whatsapp|llama|llamar\s+a|ligue\s+para|appelez|anrufen|ruf|chiama)[ \t]+$/i;
const OWNER_BEFORE_CONTACT =
  /(?:^|[\s(])([A-Z\u00C0-\u00D6\u00D8-\u00DE][a-z\u00DF-\u00F6\u00F8-\u00FF]+)['’]s[ \t]+(?:(?:mobile|cell|home|work|personal|private|direct)[ \t]+)?(?:number|phone|mobile|cell|e-?mail|address)(?:[ \t]+(?:is|was))?[ \t]*:?[ \t]*$/;
const ONE_NAME_BEFORE_CONTACT =
  /(?:^|[\s(])([A-Z\u00C0-\u00D6\u00D8-\u00DE][a-z\u00DF-\u00F6\u00F8-\u00FF]+)[ \t]+(?:at|on|al|au|unter|op|na|em|en|pod)[ \t]+(?:the[ \t]+)?$/;
const ORGANISATION =
  /^(?:Corp|Corporation|Inc|Ltd|Llc|Gmbh|Ag|Sa|Srl|Bv|Nv|Co|Company|Group|Team|Labs?|Services?|Systems?|Solutions|Technologies|Software|Studio|Foundation|Project|Bot|Daemon|Mailer|Notifications?|Alerts?|Desk|Center|Centre|Office|Dept|Department)$/;

// Letters (and their marks) of the scripts past Latin: Greek to Thai, Georgian, Ethiopic, kana, CJK, Hangul.
const PAST_LATIN_LETTER =
  '[\\u0370-\\u03ff\\u0400-\\u052f\\u0530-\\u058f\\u0590-\\u05ff\\u0600-\\u06ff\\u0750-\\u077f\\u0900-\\u0dff\\u0e00-\\u0e7f\\u10a0-\\u10ff\\u1200-\\u137f\\u3005\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7af]';
const DISPLAY_NAME_PAST_LATIN = new RegExp(
  // eslint-disable-next-line no-misleading-character-class -- whole script blocks, their marks included on purpose
  `(?:^|[\\s:,;"'(])((?:${PAST_LATIN_LETTER}+[ \\t\\u3000]){0,3}${PAST_LATIN_LETTER}+)[ \\t]*["']?[ \\t]*<$`,
  'u',
);

/** Names before the phone numbers and e-mail addresses found in `out` (see BEFORE_CONTACT). */
export function findNamesBeforeContacts(text: string, out: Finding[]): void {
  const contacts = out.filter((f) => f.kind === 'phone' || f.kind === 'email');
  // Names found already end where these would (`Jane Roe <jane@…>` of a commit's trailer): not added twice.
  const namesEnd = new Set(out.filter((f) => f.kind === 'person-name').map((f) => f.end));
  for (const f of contacts) {
    // The 80 characters before it on its line (looked back no farther: a long line costs no more).
    let from = f.start;
    while (from > 0 && f.start - from < 80 && text.charCodeAt(from - 1) !== 10) from--;
    const before = text.slice(from, f.start);
    // A first name whose number or address it is (`Heather's number is 0412 …`), whatever else the word is but a common one.
    const owner = OWNER_BEFORE_CONTACT.exec(before);
    if (owner !== null) {
      const w = owner[1];
      const start = from + owner.index + owner[0].indexOf(w);
      if (classify(w) !== Word.Common && !TITLE_WORDS.has(w) && !ORGANISATION.test(w) && !namesEnd.has(start + w.length))
        out.push({ kind: 'person-name', start, end: start + w.length });
      continue;
    }
    const one = ONE_NAME_BEFORE_CONTACT.exec(before);
    if (one !== null) {
      // A first name alone, joined to the number by a word (`contattare Lorenzo al +39 …`, `call Maria at …`).
      const w = one[1];
      // A name the list lacks, after a verb of reaching someone (`call Thandeka on 071 …`).
      const c = classify(w);
      const reached = c === Word.Unknown && CALL_VERB.test(before.slice(0, one.index + one[0].indexOf(w)));
      if ((c === Word.Strong || reached) && !SPEAKER_ROLES.has(w) && !TITLE_WORDS.has(w) && !ORGANISATION.test(w)) {
        const start = from + one.index + one[0].indexOf(w);
        if (!namesEnd.has(start + w.length)) out.push({ kind: 'person-name', start, end: start + w.length });
      }
      continue;
    }
    let m = BEFORE_CONTACT.exec(before);
    // A directory's row: the name first, a cell or two between, then the number (`Thabo Mokoena —
    // Johannesburg — +27 71 …`, `Ana Ruiz | Sales | ana@…`).
    if (m === null) m = ROW_NAME_BEFORE_CONTACT.exec(before);
    if (m === null) {
      // A display name in a script past Latin before its address (`من: يوسف الحربي <y.alharbi@…>`,
      // `From: 田中 太郎 <taro@…>`), not a team's or a service's mailbox's.
      const d = f.kind === 'email' ? DISPLAY_NAME_PAST_LATIN.exec(before) : null;
      if (d !== null && !ROLE_MAILBOX.test(text.slice(f.start, f.end))) {
        const start = from + d.index + d[0].indexOf(d[1]);
        if (!namesEnd.has(start + d[1].length)) out.push({ kind: 'person-name', start, end: start + d[1].length });
      }
      continue;
    }
    const name = m[1];
    const words = name.split(/[ \t]+/).filter((w) => !PARTICLES.has(w));
    const classes = words.map((w) => classify(w));
    if (classes.some((c) => c === Word.Common) || words.some((w) => SPEAKER_ROLES.has(w) || TITLE_WORDS.has(w) || ORGANISATION.test(w)))
      continue;
    // A team's or a service's mailbox (`info@`, `noreply@`) is an organisation's, and so is its name.
    if (f.kind === 'email' && ROLE_MAILBOX.test(text.slice(f.start, f.end))) continue;
    // A pair of words the lists hold as common English ones (`Will Grant`) needs a name among them.
    if (classes.every((c) => c === Word.Weak)) continue;
    const start = from + m.index + m[0].indexOf(name);
    if (namesEnd.has(start + name.length)) continue;
    out.push({ kind: 'person-name', start, end: start + name.length });
  }
}

// A name right after a person's number, in brackets or after a dash: the record says whose it is
// (`+998 91 207 11 25 (Dilshod Rakhimov)`, `KRA PIN: A007226450S — Otieno Ochieng`,
// `1985年11月3日（田中 優子）`). Two to four capitalised words, or a name in a script past Latin;
// the rest of the line holds nothing else.
const NAME_AFTER_DATUM = new RegExp(
  // eslint-disable-next-line no-misleading-character-class -- whole script blocks, their marks included on purpose
  `^[ \\t]*(?:([(（])[ \\t]*|[—–][ \\t]*|-[ \\t]+)((?:\\p{Lu}\\.[ \\t]?|\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?[ \\t]+(?:${PARTICLE}[ \\t]+)?)(?:\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?[ \\t]+(?:${PARTICLE}[ \\t]+)?){0,2}\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?|(?:${PAST_LATIN_LETTER}+[ \\t\\u3000]){0,3}${PAST_LATIN_LETTER}+)[ \\t]*(?:([)）])[^\\n]*|\\r?$)`,
  'u',
);
const CAPITALS_BEFORE_PHONE = /(?<![\p{L}\p{N}])(?:to|from|by|kwa|kutoka|de|para)[ \t]+([A-Z]{2,}(?:[ \t][A-Z]{2,}){1,2})[ \t]+$/u;
const CASED_PAST_LATIN = /^[\u0370-\u052f]/;
const CJK_NAME = /^(?:[\u3400-\u9fff]{2,4}|[\uac00-\ud7af]{2,4}|[\u3400-\u9fff]{1,3}[ \t\u3000][\u3400-\u9fff]{1,3})$/;

// A chat exported by WhatsApp on Android: `12/02/2024, 19:35 - Tunde (Shop): Ok ma`. The date, the
// time and the dash say it is a sender's line, so the sender is taken whatever name it has (one to
// four words of letters, any script, a note in brackets after them).
const WHATSAPP_LINE =
  /^\[?\d{1,2}[./]\d{1,2}[./]\d{2,4},?[ \t]\d{1,2}:\d{2}(?::\d{2})?(?:[ \t\u202f]?[AaPp]\.?[Mm]\.?)?\]?[ \t]+-[ \t]+([\p{L}\p{M}][\p{L}\p{M}'’.-]*(?:[ \t][\p{L}\p{M}][\p{L}\p{M}'’.-]*){0,3}(?:[ \t]\([^()\n]{1,24}\))?):[ \t]/gmu;
const TEAM_WORDS = new Set(
  'Equipo Équipe Equipe Gruppe Grupo Gruppo Squad Crew Backend Frontend Ops DevOps Support Admin Admins Bot Family Familia Famille Familie Club Class Klasse Clase'.split(
    ' ',
  ),
);
// A Han name with its pinyin in capitals in brackets after it (`黄志强 (ZHIQIANG HUANG)`), as
// bookings and visa forms write a traveller: both are the name.
const HAN_WITH_PINYIN = /([\u4e00-\u9fff]{2,4})[ \t]*[(（][ \t]*([A-Z]{2,}(?: [A-Z]{2,}){1,2})[ \t]*[)）]/g;
function findHanWithPinyin(text: string, out: Finding[]): void {
  HAN_WITH_PINYIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HAN_WITH_PINYIN.exec(text)) !== null) {
    // (Not a place's or an office's name: `深圳市 (SHENZHEN CITY)`.)
    if (/[市区县省局院部店司厅镇村路街号楼]$/.test(m[1])) continue;
    out.push({ kind: 'person-name', start: m.index, end: m.index + m[1].length });
    const at = m.index + m[0].lastIndexOf(m[2]);
    out.push({ kind: 'person-name', start: at, end: at + m[2].length });
  }
}

function findWhatsAppSenders(text: string, out: Finding[]): void {
  WHATSAPP_LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WHATSAPP_LINE.exec(text)) !== null) {
    // Not a group's or a team's sender (`Equipo Backend`, `Support Bot`): a word no name has.
    const words = m[1].replace(/[ \t]\([^()]*\)$/, '').split(/[ \t]/);
    if (words.some((w) => classify(w) === Word.Common || ORGANISATION.test(w) || TEAM_WORDS.has(w) || TITLE_WORDS.has(w))) continue;
    const start = m.index + m[0].length - 2 - m[1].length;
    out.push({ kind: 'person-name', start, end: start + m[1].length });
  }
}

// A label's block in capitals, as shipping labels and invoices print it (`SHIP TO:` alone on its
// line, then `LATOYA JENKINS`, then `4573 MAPLE RIDGE DR APT 18A`): the name on the first line, the
// street on the line that starts with a house number. (Written in capitals, neither is read by the
// readers of capitalised words.)
const SHIPPING_HINTS = ['SHIP TO', 'BILL TO', 'DELIVER TO', 'SOLD TO', 'Ship to', 'Bill to', 'Deliver to', 'Sold to'];
const SHIPPING_LABEL = /^[ \t]*(?:SHIP|BILL|DELIVER|SOLD)[ \t]+TO[ \t]*:?[ \t]*\r?$/gim;
const CAPITALS_NAME_LINE = /^[ \t]*([A-Z][A-Z'’-]+(?:[ \t][A-Z][A-Z'’.-]*){1,3})[ \t]*\r?$/;
const CAPITALS_STREET_LINE = /^[ \t]*(\d{1,6}[A-Z]?[ \t]+[A-Z][A-Z0-9 .'’#/-]{2,60}?)[ \t]*\r?$/;
function findShippingBlocks(text: string, out: Finding[]): void {
  SHIPPING_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SHIPPING_LABEL.exec(text)) !== null) {
    let at = m.index + m[0].length + 1;
    for (let k = 0; k < 2 && at < text.length; k++) {
      let eol = text.indexOf('\n', at);
      if (eol < 0) eol = text.length;
      const line = text.slice(at, eol);
      const street = CAPITALS_STREET_LINE.exec(line);
      if (street !== null) {
        const start = at + line.indexOf(street[1]);
        out.push({ kind: 'street-address', start, end: start + street[1].length });
        break;
      }
      const name = k === 0 ? CAPITALS_NAME_LINE.exec(line) : null;
      if (name === null) break;
      const words = name[1].split(/[ \t]+/).map((w) => w[0] + w.slice(1).toLowerCase());
      if (words.some((w) => classify(w) === Word.Common || ORGANISATION.test(w) || TITLE_WORDS.has(w))) break;
      const start = at + line.indexOf(name[1]);
      out.push({ kind: 'person-name', start, end: start + name[1].length });
      at = eol + 1;
    }
  }
}

/** Names right after the personal data found in `out` whose kinds `personal` accepts (see NAME_AFTER_DATUM). */
const QUOTED_SCRIPT_NAME = /["']([\u4e00-\u9fff]{2,4}|[\uac00-\ud7a3]{2,4})["'][ \t]*,/gu;
export function findNamesAfterData(text: string, out: Finding[], personal: (kind: string) => boolean): void {
  const data = out.filter((f) => personal(f.kind));
  const namesAt = new Set(out.filter((f) => f.kind === 'person-name').map((f) => f.start));
  for (const f of data) {
    // A name in Han or Hangul quoted before the datum in its record (`{"박지호", "890724-2879277", true}`,
    // `("林晓燕", "110105198108092736")`): two to four characters from a family name the lists hold.
    if (f.kind !== 'person-name') {
      let bol = f.start;
      while (bol > 0 && f.start - bol < 80 && text.charCodeAt(bol - 1) !== 10) bol--;
      const before = text.slice(bol, f.start);
      QUOTED_SCRIPT_NAME.lastIndex = 0;
      for (let q: RegExpExecArray | null; (q = QUOTED_SCRIPT_NAME.exec(before)) !== null;) {
        const start = bol + q.index + 1;
        if (familyFirst(q[1]) && !namesAt.has(start) && !out.some((x) => x.start <= start && start < x.end)) {
          out.push({ kind: 'person-name', start, end: start + q[1].length });
          namesAt.add(start);
        }
      }
    }
    // A name in capitals right before a phone number, after `to` or `from`, as mobile money's
    // messages write the other party (`Ksh2,400.00 sent to WANJIRU KAMAU 0781 665771`).
    if (f.kind === 'phone') {
      const before = CAPITALS_BEFORE_PHONE.exec(text.slice(Math.max(0, f.start - 60), f.start));
      if (before !== null && !before[1].includes('\n')) {
        const words = before[1].split(/[ \t]+/).map((w) => w[0] + w.slice(1).toLowerCase());
        const start = f.start - before[0].length + before[0].indexOf(before[1]);
        if (
          !namesAt.has(start) &&
          !words.some((w) => classify(w) === Word.Common || ORGANISATION.test(w) || TITLE_WORDS.has(w)) &&
          words.some((w) => classify(w) !== Word.Weak)
        )
          out.push({ kind: 'person-name', start, end: start + before[1].length });
      }
    }
    let eol = f.end;
    while (eol < text.length && eol - f.end < 80 && text.charCodeAt(eol) !== 10) eol++;
    if (eol < text.length && text.charCodeAt(eol) !== 10) continue;
    const m = NAME_AFTER_DATUM.exec(text.slice(f.end, eol));
    if (m === null || (m[1] === undefined) !== (m[3] === undefined)) continue;
    const name = m[2]!;
    if (/^[\p{Lu}]/u.test(name) && /^[A-Z\u00C0-\u024F]/.test(name)) {
      // (An initial counts as no word: `A. Okonjo` is judged by `Okonjo`.)
      const words = name.split(/[ \t]+/).filter((w) => !PARTICLES.has(w) && !/^\p{Lu}\.$/u.test(w));
      const classes = words.map((w) => classify(w));
      if (classes.some((c) => c === Word.Common) || classes.every((c) => c === Word.Weak)) continue;
      if (words.some((w) => SPEAKER_ROLES.has(w) || TITLE_WORDS.has(w) || ORGANISATION.test(w))) continue;
    } else {
      // In a script past Latin: a Han or Hangul name in brackets, or two words or more (capitalised
      // where the script has cases: `(Москва)` is a place).
      const words = name.split(/[ \t\u3000]+/);
      if (CASED_PAST_LATIN.test(name) ? !words.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) || words.length < 2 : false) continue;
      if (
        !CASED_PAST_LATIN.test(name) &&
        !(CJK_NAME.test(name) ? m[1] !== undefined : words.length >= 2 && !/[\u3400-\u9fff\uac00-\ud7af]/.test(name))
      )
        continue;
    }
    const start = f.end + m[0].indexOf(name);
    if (namesAt.has(start)) continue;
    out.push({ kind: 'person-name', start, end: start + name.length });
  }
}

// A passwd line (`/etc/passwd`, `getent passwd`): the user name and the GECOS field's name when
// that field names a person (`hraman:x:1001:1001:Hari Raman,,,:/home/hraman:/bin/bash`); system
// accounts (`daemon:x:1:1:daemon:…`, `www-data:x:33:33:www-data:…`) stay.
const PASSWD_LINE = /^([a-z_][a-z0-9_.-]{1,31}):[^:\n]{0,128}:\d{1,10}:\d{1,10}:([^:,\n]{0,80})[^:\n]{0,80}:[^:\n]{0,200}:[^:\n]{0,200}$/gm;

/**
 * Other mentions of a person's login (`sudo: bhaugen : TTY=…` after `Accepted publickey for
 * bhaugen`): a login read as a person's (lower case, four characters or more, no word of the
 * lists nor a system's account) is taken again where it stands as a whole token within the
 * echoes' window (three lines, 600 characters).
 */
export function echoLogins(text: string, out: Finding[]): void {
  const logins: Span[] = [];
  for (const f of out)
    if (f.kind === 'person-name' && f.end - f.start >= 4 && f.end - f.start <= 32 && !NOT_ECHOED.has(f)) {
      const v = text.slice(f.start, f.end);
      if (LOGIN_TOKEN.test(v) && !SYSTEM_ACCOUNT.test(v) && classify(capital(v)) !== Word.Common && classify(capital(v)) !== Word.Weak)
        logins.push(f);
    }
  const taken = new Set(out.filter((f) => f.kind === 'person-name').map((f) => f.start));
  nameLogins(text, out, logins, taken);
  if (logins.length === 0) return;
  const searched = new Map<string, number>();
  for (const src of logins.sort((a, b) => a.start - b.start)) {
    const login = text.slice(src.start, src.end);
    const { from, to } = aroundLines(text, src.start, src.end);
    const lo = Math.max(from, searched.get(login) ?? 0);
    const win = text.slice(lo, to);
    for (let k = win.indexOf(login); k >= 0; k = win.indexOf(login, k + login.length)) {
      const i = lo + k;
      const before = i > 0 ? text.charCodeAt(i - 1) : 32;
      const after = text.charCodeAt(i + login.length);
      // (A path's segment counts: `/remote.php/dav/files/bmaier/`.)
      if (joinsLogin(before) || joinsLogin(after) || (after === 46 && isLoginChar(text.charCodeAt(i + login.length + 1)))) continue;
      if (taken.has(i)) continue;
      taken.add(i);
      out.push({ kind: 'person-name', start: i, end: i + login.length });
    }
    searched.set(login, to);
    // A login of two names (`aiyana.redcloud`) names its person where those names stand capitalised
    // nearby (`# quick script Aiyana uses …`): no word of the lists, four letters or more.
    const parts = /^([a-z]{4,20})[._]([a-z]{4,20})$/.exec(login);
    if (parts !== null)
      for (const part of [parts[1]!, parts[2]!]) {
        const word = capital(part);
        const c = classify(word);
        if (c === Word.Common || c === Word.Weak) continue;
        for (let k = win.indexOf(word); k >= 0; k = win.indexOf(word, k + word.length)) {
          const i = lo + k;
          if (isLoginChar(text.charCodeAt(i - 1)) || isLoginChar(text.charCodeAt(i + word.length)) || taken.has(i)) continue;
          taken.add(i);
          out.push({ kind: 'person-name', start: i, end: i + word.length });
        }
      }
  }
}
const LOGIN_TOKEN = /^[a-z][a-z0-9._-]{3,31}$/;
const joinsLogin = (c: number): boolean => c !== 47 && isLoginChar(c);

/**
 * The logins a person's name makes (`Réka Varga` → `rvarga`, `reka.varga`; `abhishek.iyer` →
 * `abhishekiyer`), taken where they stand as a whole token within the echoes' window: in a path
 * (`/Users/ingridsolberg/`), a domain login (`CORP\\mkowalski`), an image's owner
 * (`abhishekiyer/ledger-api`), with digits after (`rvarga91`). Each form joins the first and last
 * names whole or by an initial; a form must hold five letters or more. A login before `@host` is one.
 */
/** A name's letters as a login writes them: `Kjærgaard` → `kjaergaard`, `Wiśniewska` → `wisniewska`. */
function latinLogin(w: string): string {
  return unaccented(w.replace(/[Ææ]/g, 'ae').replace(/[Øø]/g, 'o').replace(/ß/g, 'ss').replace(/[Łł]/g, 'l'))
    .toLowerCase()
    .replace(/['’]/g, '');
}

function nameLogins(text: string, out: Finding[], logins: readonly Span[], taken: Set<number>): void {
  const sources: { forms: string[]; start: number; end: number }[] = [];
  for (const f of out) {
    if (f.kind !== 'person-name' || f.end - f.start > 64) continue;
    const v = text.slice(f.start, f.end);
    let parts: string[];
    if (logins.includes(f)) {
      const m = /^([a-z]{2,20})[._-]([a-z]{2,20})$/.exec(v);
      if (m === null) continue;
      parts = [m[1], m[2]];
    } else {
      const words = v.split(/[ \t]+/);
      if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?$/u.test(w))) continue;
      // A double surname's first part makes the login (`Wiśniewska-Kowal` → `zwisniewska`).
      parts = [words[0], words[words.length - 1].split('-')[0]].map((w) => latinLogin(w));
      if (!parts.every((w) => /^[a-z]{2,20}$/.test(w))) continue;
    }
    const [a, b] = parts;
    const forms = [
      a + b,
      a + '.' + b,
      a + '_' + b,
      a + '-' + b,
      a[0] + b,
      a[0] + '.' + b,
      a[0] + '_' + b,
      b + a[0],
      b + '.' + a,
      b + '_' + a,
      b + a,
      a + b[0],
    ];
    // The given name alone, when no word has it (`- name: amelie` beside `gecos: Amélie Tremblay`).
    if (!logins.includes(f) && classify(capital(a)) === Word.Strong && !wordLists().common.has(a)) forms.push(a);
    sources.push({
      forms: forms.filter((x) => x.replace(/[._-]/g, '').length >= 5 && !SYSTEM_ACCOUNT.test(x)),
      start: f.start,
      end: f.end,
    });
  }
  for (const src of sources) {
    // Two lines, not three: the name may have been read from the line above it (a closing, a
    // label), and a window around the login must hold that line too.
    const { from, to } = aroundLines(text, src.start, src.end, ECHO_LINES - 1);
    const win = text.slice(from, to);
    const lower = win.toLowerCase();
    for (const form of src.forms)
      for (let k = lower.indexOf(form); k >= 0; k = lower.indexOf(form, k + 1)) {
        const i = from + k;
        if (i >= src.start && i < src.end) continue;
        // Logins are not shouted (`HEWLETT-PACKARD`).
        if (text.slice(i, i + form.length) === form.toUpperCase()) continue;
        let end = i + form.length;
        while (end < to && end - i - form.length < 4 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
        const before = i > 0 ? text.charCodeAt(i - 1) : 32;
        const after = text.charCodeAt(end);
        // Whole tokens only; a path's or a domain's separators may stand beside them.
        if (
          (isLoginChar(before) && before !== 47) ||
          (isLoginChar(after) && after !== 47 && after !== 64) ||
          (after === 46 && isLoginChar(text.charCodeAt(end + 1)))
        )
          continue;
        if (taken.has(i)) continue;
        taken.add(i);
        out.push({ kind: 'person-name', start: i, end });
      }
  }
}
/** A character a login or an address runs on with: letters, digits, `_`, `-`, `@`, `/`. */
const isLoginChar = (c: number): boolean => isWordChar(c) || c === 45 || c === 64 || c === 47 || c > 0x7f;

// Devices named for their owner (`Tyler's iPhone`, `Device Name: Ana’s MacBook Pro`, the host
// `tylers-macbook-pro.local`): the owner's name, when the list holds it (not `Company's Laptop`).
// Found from the device's word, the owner read back.
const DEVICE =
  /(?:iPhone|iPad|MacBook|iMac|Mac|MBP|Galaxy|Pixel|Laptop|Phone|ThinkPad|iphone|ipad|macbook|imac|mbp|laptop|phone|tablet|desktop|thinkpad|xps)(?![\p{L}])/gu;
// The owner before the device's word: `Tyler's `, `Ana’s `, a host's `tylers-`, or `Ruslan-Ibragimov-` (a whole name, capitalised).
const OWNER_BEFORE =
  /(?:^|[^\p{L}\d_-])(?:(\p{Lu}\p{Ll}{1,20}?)(?:['’]s[ -]|s-|(?=-\p{Lu}\p{Ll}{1,20}-$)(-\p{Lu}\p{Ll}{1,20})-|-)|([a-z]{3,20})-)$/u;
export function findOwnedDevices(text: string, out: Finding[]): void {
  if (/laptop-|desktop-|iphone-|galaxy-|pixel-/i.test(text)) findDeviceHostOwners(text, out);
  DEVICE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DEVICE.exec(text)) !== null) {
    const before = OWNER_BEFORE.exec(text.slice(Math.max(0, m.index - 26), m.index));
    if (before === null) continue;
    const lower = before[3] !== undefined;
    // A host name in lower case names Apple's devices (`tylers-macbook-pro`), its owner's `s` kept.
    if (lower && !/^(?:iphone|ipad|macbook|imac|mbp|laptop|pixel|thinkpad|xps)$/.test(m[0])) continue;
    const w = before[1] ?? before[3];
    const c = lower ? Math.min(classify(capital(w)), w.endsWith('s') ? classify(capital(w.slice(0, -1))) : Word.Common) : classify(w);
    // (Before `'s` and a device, a name that is a region's word too is a person's: `Mariana’s iPad`.)
    if (c !== Word.Strong && !(c === Word.Weak && !lower)) continue;
    const start = m.index - before[0].length + before[0].indexOf(w);
    out.push({ kind: 'person-name', start, end: start + w.length + (before[2]?.length ?? 0) });
  }
}
// A host named for its owner after the device (`laptop-maren`, `iphone-yuki`, `Galaxy-S23-Tomasz`, `DESKTOP-KENJI`).
const DEVICE_THEN_OWNER = /(?<![\w.-])(?:laptop|desktop|iphone|galaxy(?:-[a-z]\d{1,3})?|pixel(?:-\d{1,2}a?)?)-([a-z]{3,20})(?![\w-])/gi;
export function findDeviceHostOwners(text: string, out: Finding[]): void {
  DEVICE_THEN_OWNER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DEVICE_THEN_OWNER.exec(text)) !== null) {
    if (classify(capital(m[1].toLowerCase())) !== Word.Strong) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ kind: 'person-name', start, end: start + m[1].length });
  }
}

export function findPasswdLines(text: string, out: Finding[]): void {
  PASSWD_LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PASSWD_LINE.exec(text)) !== null) {
    const gecos = m[2].trim();
    const words = gecos.split(/[ \t]+/);
    if (words.length < 2 || words.length > 4 || !words.every((w) => /^\p{Lu}[\p{Ll}'’.-]*$/u.test(w))) continue;
    const classes = words.map((w) => classify(w));
    if (classes.some((c) => c === Word.Common) || !classes.some((c) => c === Word.Strong)) continue;
    out.push({ kind: 'person-name', start: m.index, end: m.index + m[1].length });
    const g = m.index + m[0].indexOf(m[2]) + m[2].indexOf(gecos);
    out.push({ kind: 'person-name', start: g, end: g + gecos.length });
  }
}

// The names forms and documentation use for no one, by country (`John Doe`, `Max Mustermann`,
// `Joe Bloggs`, `Fulano de Tal`, `Иванов Иван Иванович`, `홍길동`, `山田太郎`, `张三`): a finding that is
// exactly one of them, either way round, is kept. Their e-mail addresses at real domains still go.
const STAND_IN_NAMES = new Set(
  [
    'john doe',
    'jane doe',
    'john roe',
    'jane roe',
    'richard roe',
    'john q. public',
    'max mustermann',
    'erika mustermann',
    'max muster',
    'hans muster',
    'otto normalverbraucher',
    'joe bloggs',
    'fred bloggs',
    'jean dupont',
    'marie dupont',
    'mario rossi',
    'jan kowalski',
    'anna kowalska',
    'juan pérez',
    'juan perez',
    'fulano de tal',
    'ola nordmann',
    'kari nordmann',
    'jan jansen',
    'matti meikäläinen',
    'maija meikäläinen',
    'jón jónsson',
    'pieter post',
    'иванов иван иванович',
    'иван иванович иванов',
    'иван иванов',
    'іван іваненко',
    '홍길동',
    '山田太郎',
    '山田 太郎',
    '山田花子',
    '山田 花子',
    '张三',
    '李四',
    '王五',
  ].map((n) => n.normalize('NFC')),
);
/** Drops the findings that are exactly a stand-in name (STAND_IN_NAMES). */
// A label of a company's name (`Razão social:`, `Denominación:`, `Company name:`, `商号：`).
const COMPANY_LABEL =
  /(?:raz[ãa]o[ \t]social|raz[óo]n[ \t]social|raison[ \t]sociale|ragione[ \t]sociale|denominaci[óo]n(?:[ \t]social)?|denomina[çc][ãa]o|company[ \t_-]?name|firmenname|firmierung|bedrijfsnaam|nazwa[ \t]firmy|ticaret[ \t]unvan[ıi]|unvan[ıi]|商号|会社名|公司名称|企业名称)[ \t]*[:：][ \t]*["']?(?:\p{Lu}[\p{L}'’.-]*[ \t]+){0,3}$/iu;
export function dropStandInNames(text: string, raw: Finding[]): void {
  for (let k = raw.length - 1; k >= 0; k--) {
    const f = raw[k];
    if (f.kind !== 'person-name') continue;
    // Whatever read it: a name runs across no column of a table aligned by spaces, and a legal form
    // after it makes it a company's (`Nordwind Energie GmbH`).
    // (A name read across a column is cut at the gap: `Pemberton   Forenames:`.)
    const gap = /\t| {3}/.exec(text.slice(f.start, f.end).trimEnd());
    if (gap !== null && gap.index > 0) f.end = f.start + gap.index;
    const run = text.slice(f.start, f.end);
    if (
      (/^\p{Lu}/u.test(run) && company(run, text, f.end)) ||
      run.split(/[ \t]+/).some((w) => ORGANISATION_WORD_SET.has(w)) ||
      COMPANY_LABEL.test(text.slice(Math.max(0, f.start - 60), f.start)) ||
      ORGANISATION_WORD_SET.has(/([\p{L}]+)[ \t]$/u.exec(text.slice(Math.max(0, f.start - 24), f.start))?.[1] ?? '')
    ) {
      raw.splice(k, 1);
      continue;
    }
    if (f.end - f.start > 40) continue;
    const v = text.slice(f.start, f.end).replace(/\s+/g, ' ').toLowerCase().normalize('NFC');
    const swapped = v.includes(', ') ? v.split(', ').reverse().join(' ') : v;
    // (And the login made of one: `jane.doe` of `jane.doe@example.com`.)
    const login = /^[a-z]+[._-][a-z]+$/.test(v) ? v.replace(/[._-]/, ' ') : '';
    if (STAND_IN_NAMES.has(v) || STAND_IN_NAMES.has(swapped) || STAND_IN_NAMES.has(login)) raw.splice(k, 1);
  }
}

// A record's key whose other values are people's names (`{"rider":"Chidi Okafor",…},{"rider":"Thabo",…}`):
// its value beside them is a name too, a single word the lists would not vouch for alone, unless a
// common word. Siblings within the window's three lines only, so a line reads the same alone.
const KEYED_VALUE = /"([A-Za-z_][\w-]{0,30})"[ \t]*:[ \t]*"(\p{Lu}[\p{L}\p{M}'’.-]{1,30}(?:[ \t]\p{Lu}[\p{L}\p{M}'’.-]{0,30}){0,3})"/gu;

function keyedNames(text: string, out: Finding[]): void {
  const names = new Set<number>();
  for (const f of out) if (f.kind === 'person-name') names.add(f.start * 4096 + (f.end - f.start));
  const pairs: { key: string; start: number; end: number; line: number; named: boolean }[] = [];
  let line = 0,
    scanned = 0;
  KEYED_VALUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KEYED_VALUE.exec(text)) !== null && pairs.length < 4096) {
    for (; scanned < m.index; scanned++) if (text.charCodeAt(scanned) === 10) line++;
    const start = m.index + m[0].length - 1 - m[2].length;
    pairs.push({ key: m[1], start, end: start + m[2].length, line, named: names.has(start * 4096 + m[2].length) });
  }
  for (const p of pairs) {
    if (p.named || !pairs.some((q) => q.named && q.key === p.key && Math.abs(q.line - p.line) <= 3)) continue;
    const words = text.slice(p.start, p.end).split(/[ \t]+/);
    if (words.some((w) => classify(w) === Word.Common || ORGANISATION.test(w) || TITLE_WORDS.has(w))) continue;
    if (out.some((f) => f.start < p.end && p.start < f.end)) continue;
    out.push({ kind: 'person-name', start: p.start, end: p.end });
  }
}

/** The parts of an IBAN (spaces removed) said apart: the account number, and the sort code of a British or Irish one. */
function ibanParts(iban: string): string[] {
  const parts: string[] = [];
  if (/^(?:GB|IE)\d\d[A-Z]{4}\d{14}$/.test(iban)) {
    const sort = iban.slice(8, 14);
    parts.push(
      sort,
      `${sort.slice(0, 2)}-${sort.slice(2, 4)}-${sort.slice(4)}`,
      `${sort.slice(0, 2)} ${sort.slice(2, 4)} ${sort.slice(4)}`,
      iban.slice(14),
    );
  } else {
    // The account's digits at the end, with and without their leading zeros (`DE89 3704 0044 0532 0130 00` → `532013000`).
    const account = /\d{8,}$/.exec(iban.slice(4));
    if (account !== null && account[0].length < iban.length - 4) {
      const tail = account[0].slice(-10);
      parts.push(tail);
      const short = tail.replace(/^0+/, '');
      if (short.length >= 8 && short !== tail) parts.push(short);
    }
  }
  return parts;
}

// A public key's comment, as ssh-keygen writes it (`ssh-ed25519 AAAA… leonie.oberholzer@leonie-thinkpad`):
// the user's account, when made of a person's given and family names, and the machine's name with it.
const KEY_COMMENT =
  /(?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp\d{3}|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)[ \t]+AAAA[A-Za-z0-9+/]{20,}={0,2}[ \t]+([A-Za-z0-9_.+-]{2,64})@([A-Za-z0-9_.-]{1,64})(?![\w@.-])/g;
function keyComments(text: string, out: Finding[]): void {
  KEY_COMMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KEY_COMMENT.exec(text)) !== null) {
    // (Given and family name both: `dana@laptop`, `mlopez@laptop` say less, and are kept.)
    if (!/[._-]/.test(m[1]) || !nameHandle(m[1].toLowerCase())) continue;
    const start = m.index + m[0].length - m[1].length - 1 - m[2].length;
    out.push({ kind: 'person-name', start, end: m.index + m[0].length });
  }
}

// A column of rows written as tuples (`INSERT … VALUES (1,'Ana Ruiz',…),(3,'ليلى منصور',…)`, a
// Python list of tuples): where another row's value in the same place is a name found, a string
// of letters there is a name too, in any script. Rows within the window's three lines only.
const TUPLE = /\(((?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|[^()'"\n])*)\)/g;
const QUOTED_FIELD = /^[ \t]*(['"])([\p{L}\p{M}][\p{L}\p{M}'’. -]{0,58}[\p{L}\p{M}.])\1[ \t]*$/u;
function tupleNames(text: string, out: Finding[]): void {
  const names = new Set<number>();
  for (const f of out) if (f.kind === 'person-name') names.add(f.start * 4096 + (f.end - f.start));
  const cells: { col: number; start: number; end: number; line: number; named: boolean; row: number; width: number }[] = [];
  let line = 0,
    scanned = 0;
  TUPLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TUPLE.exec(text)) !== null && cells.length < 8192) {
    for (; scanned < m.index; scanned++) if (text.charCodeAt(scanned) === 10) line++;
    // The fields, split at commas outside quotes.
    const body = m[1];
    const first = cells.length;
    let col = 0,
      from = 0,
      quote = '';
    for (let i = 0; i <= body.length; i++) {
      const c = body[i];
      if (quote !== '') {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
        continue;
      }
      if (c === "'" || c === '"') quote = c;
      else if (c === ',' || i === body.length) {
        const field = QUOTED_FIELD.exec(body.slice(from, i));
        if (field !== null) {
          const start = m.index + 1 + from + body.slice(from, i).indexOf(field[2]);
          cells.push({
            col,
            start,
            end: start + field[2].length,
            line,
            named: names.has(start * 4096 + field[2].length),
            row: m.index,
            width: 0,
          });
        }
        col++;
        from = i + 1;
      }
    }
    for (let k = first; k < cells.length; k++) cells[k].width = col;
  }
  for (const c of cells) {
    // (Rows of three fields or more, as wide as the row whose name was found: a call's arguments are no row.)
    if (
      c.named ||
      c.width < 3 ||
      !cells.some((d) => d.named && d.col === c.col && d.width === c.width && d.row !== c.row && Math.abs(d.line - c.line) <= 3)
    )
      continue;
    const words = text.slice(c.start, c.end).split(/[ \t]+/);
    if (words.length > 5 || words.some((w) => classify(w) === Word.Common || ORGANISATION.test(w))) continue;
    if (out.some((f) => f.start < c.end && c.start < f.end)) continue;
    out.push({ kind: 'person-name', start: c.start, end: c.end });
  }
}
