// Personal identifiers taken only after the words that name them: dates of birth, passport,
// driving-licence and bank-account numbers, bare ITIN digits after a tax-id word, UK NHS numbers
// (mod-11 checked) and National Insurance numbers. Part of the bundle loaded when a text first
// holds one of their words (statements.js); ITINs written with separators and Bitcoin addresses
// are read by identifiers.ts.
import { digitCount, type IdentifierHints } from './identifiers';
import type { Finding } from './text';

// What may stand between a cue and its value: `: `, ` = "`, `\":\"` (JSON inside a string), ` is `, ` no. `, ` # `, the name's
// abbreviation in brackets (`Social Insurance Number (SIN): …`), a tool's dot leaders
// (`NI number ....... LB 90 28 03 C`), and a verb of being in the
// languages whose identifiers are read (`lautet`, `ist`, `es`, `est`, `è`, `är`, `er`, `jest`).
// Each run of spaces is bounded by a token that is not a space, so the gap has one reading and a
// long run of spaces costs linear time (four optional runs in a row would cost n⁴ on a miss).
export const GAP =
  `(?:\\]?\\\\?["'\`]?[ \\t]*(?:\\([A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f .']{0,39}\\)[ \\t]*)?(?:(?:\\.{3,}|…+)[ \\t]*)?` +
  `(?:(?:is|was|are|of|on|op|am|den|le|el|il|em|lautet|ist|war|es|est|era|é|è|är|er|jest|wynosi)[ \\t]+)?(?:(?:=>|[:=#：՝፡])[ \\t]*)?(?:\\\\?["'\`][ \\t]*)?)`;
export const NUMBER_WORD = `(?:[ _.-]?(?:no\\.?|n[°º]|num(?:ber|ero|éro)?|nummer|numer|nr\\.?|#|id))?`;

// Months in English, Spanish, Portuguese, French, Italian, German, Dutch, Polish and Turkish, by
// their first letters (`febrero`, `juillet`, `März`, `maart`, `lipca`, `Nisan`).
const MONTH =
  '(?:jan|feb|f[ée]v|mar|m[äa]r|apr|abr|avr|may|mai|mei|maj|jun|jui|giu|jul|lug|aug|ago|ao[uû]|sep|set|oct|okt|out|ott|nov|dec|d[ée]c|dez|dic|gen|ene|sty|lut|kwi|cze|lip|sie|wrz|pa[zź]|lis|gru|ocak|[şs]ubat|nisan|haziran|temmuz|a[ğg]ustos|eyl[üu]l|ekim|kas[ıi]m|aral[ıi]k|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|Ιανουαρίου|Φεβρουαρίου|Μαρτίου|Απριλίου|Μαΐου|Ιουνίου|Ιουλίου|Αυγούστου|Σεπτεμβρίου|Οκτωβρίου|Νοεμβρίου|Δεκεμβρίου)[a-zà-ÿçğışłńóśźż]{0,8}\\.?';
// A date: numeric, with its month's name (`21 de febrero de 1980`, `25. Juli 1950`, `March 4, 1961`),
// or in Chinese, Japanese or Korean (`1998年7月23日`, `1990년 3월 5일`).
export const DATE =
  `(?:\\d{4}\\.[ \\t]\\d{1,2}\\.[ \\t]\\d{1,2}\\.?|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})|\\d{1,2}-${MONTH}-(?:\\d{4}|\\d{2})(?![\\d])|\\d{1,2}/${MONTH}/(?:\\d{4}|\\d{2})(?![\\d])|\\d{2}${MONTH}(?:19|20)\\d\\d(?![\\d])|\\d{4}-${MONTH}-\\d{1,2}(?![\\d])|\\d{1,2}(?:st|nd|rd|th|er|º)?\\.?[ \\t]+(?:de[ \\t]+|of[ \\t]+)?${MONTH},?[ \\t]+(?:de[ \\t]+)?\\d{4}|` +
  `${MONTH}[ \\t]+\\d{1,2}(?:st|nd|rd|th)?,?[ \\t]+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?[ \\t]+${MONTH}[ \\t]+['’]\\d{2}(?![\\d'’])|(?:明治|大正|昭和|平成|令和|民國|民国)[ \\t]*\\d{1,3}[ \\t]*年[ \\t]*\\d{1,2}[ \\t]*月[ \\t]*\\d{1,2}[ \\t]*日|\\d{4}[ \\t]*年[ \\t]*\\d{1,2}[ \\t]*月[ \\t]*\\d{1,2}[ \\t]*日|\\d{4}[ \\t]*년[ \\t]*\\d{1,2}[ \\t]*월[ \\t]*\\d{1,2}[ \\t]*일)`;
const BIRTH = new RegExp(
  `(?<![A-Za-z])(?:date[ _-]?of[ _-]?birth|birth[ _-]?date|birthday|d\\.?o\\.?b\\.?|born(?:[ \\t]+on(?:[ \\t]+the)?)?|geburtsdatum|geboren|geb\\.|ur\\.(?=[ \\t]*\\d)|date[ _-]de[ _-]naissance|fecha[ _-]de[ _-]nacimiento|nac[ií]d[oa]|nac[ií]|n(?:ée?|ee)|nat[oa](?=[ \\t]+il[ \\t])|nascid[oa]|urodzon[aey]?|f[øö]dd?t?|syntynyt|` +
    `(?:fecha|f|fec)\\.?[ _-]nac|sz[üu]let[ée]si[ _-]?(?:d[áa]tum|id[őo])|sz[üu]letett|sz[üu]l\\.|(?:datum[ _-])?narozen[íiaáý]?|(?:d[áa]tum[ _-])?narodenia|narodený|narodená|` +
    `data[ _-]na[șşs]terii|n[ăa]scut[ăa]?|(?:datum[ _-])?ro[đd]enja|ro[đd]en[ae]?|datum[ _-]rojstva|gimimo[ _-]data|dzim[šs]anas[ _-]datums|s[üu]nniaeg|f[æa]e?[ðd]ingardag(?:ur)?|tarikh[ _-]lahir|` +
    `生年月日|出生日期|出生年月日|出生|생년월일|дата[ _-]рождения|родил(?:ся|ась)|дата[ _-]народження|народив(?:ся|ась)|дата[ _-]на[ _-]раждане|роден[аo]?|تاریخ[ _-]تولد|` +
    // (Basque, Welsh, Irish, Albanian, Filipino, Swahili, Vietnamese; the scripts of India, Sri Lanka, Armenia,
    // Georgia, Ethiopia, Mongolia, Kazakhstan, Serbia, Thailand, Pakistan.)
    `jaiotze[ _-]data|dyddiad[ _-]geni|d[áa]ta[ _-]breithe|dat[ëe]lindj[ae]|petsa[ _-]ng[ _-]kapanganakan|tarehe[ _-]ya[ _-]kuzaliwa|ng[àa]y[ _-]sinh|` +
    `பிறந்த[ _-]தேதி|জন্ম[ _-]?তারিখ|ജനന[ _-]തീയതി|పుట్టిన[ _-]తేదీ|ಹುಟ್ಟಿದ[ _-]ದಿನಾಂಕ|જન્મ[ _-]તારીખ|ਜਨਮ[ _-]ਮਿਤੀ|जन्म[ _-]?(?:तिथि|तारीख|मिति)|උපන්[ _-]දිනය|تاریخ[ _-]پیدائش|` +
    `Ծննդյան[ _-]ամսաթիվ|დაბადების[ _-]თარიღი|የትውልድ[ _-]ቀን|Төрсөн[ _-]огноо|Туған[ _-]күні|датум[ _-]рођења|เกิด(?:วันที่)?)(?![a-z])\\.?${GAP}(${DATE})(?![\\d])`,
  'gi',
);
// A table whose header names a column of birth dates (`name  dob  country` of a DataFrame, a TSV's
// `姓名⇥生日⇥地址`, `| Name | DOB |`): the dates under it, in the three rows below (no further: a
// row with its three lines of context must read what the whole table reads).
const BIRTH_CELL =
  /dob|d\.o\.b\.?|date[ _]?of[ _]?birth|birth[ _]?date|birthday|geburtsdatum|fecha[ _]nacimiento|data[ _]nascita|date[ _]naissance|生日|出生日期|生年月日|생년월일|дата[ _]рождения/giu;
// A cell's edge: the line's, a delimiter, or two spaces of an aligned table.
const CELL_BEFORE = /(?:^|[\t|,;]|[ ]{2})[ ]*$/;
const CELL_AFTER = /^[ ]*(?:$|\r|[\t|,;]| )/;
const DATE_CELL = new RegExp(`^[ ]*["']?(${DATE})["']?[ ]*$`, 'u');
const DATE_IN_ROW = new RegExp(`(?<![\\d/.-])${DATE}(?![\\d/.-])`, 'gu');
function findBirthColumns(text: string, out: Finding[]): void {
  BIRTH_CELL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BIRTH_CELL.exec(text)) !== null) {
    let bol = m.index;
    const floor = Math.max(0, m.index - 400);
    while (bol > floor && text.charCodeAt(bol - 1) !== 10) bol--;
    if (bol > 0 && text.charCodeAt(bol - 1) !== 10) continue;
    let eol = m.index;
    while (eol < text.length && eol - m.index < 400 && text.charCodeAt(eol) !== 10) eol++;
    if (eol < text.length && text.charCodeAt(eol) !== 10) continue;
    const header = text.slice(bol, eol);
    const wordAt = m.index - bol;
    if (!CELL_BEFORE.test(header.slice(0, wordAt)) || !CELL_AFTER.test(header.slice(wordAt + m[0].length))) continue;
    const delimiter = header.includes('\t')
      ? '\t'
      : header.includes('|')
        ? '|'
        : /,|;/.test(header)
          ? header.includes(',')
            ? ','
            : ';'
          : '';
    let column = delimiter === '' ? -1 : header.slice(0, wordAt).split(delimiter).length - 1;
    // (A bar before an index's column only, the rest aligned by spaces: Julia's DataFrames, `Row │ name  dob`.)
    const aligned = delimiter === '|' && /\S {2,}\S/.test(header.split('|')[column].trim());
    if (aligned) column = -1;
    let at = eol < text.length ? eol : -1;
    for (let row = 0; row < 3 && at >= 0; row++) {
      const start = at + 1;
      let end = start;
      while (end < text.length && end - start <= 2000 && text.charCodeAt(end) !== 10) end++;
      if (end - start > 2000) break;
      const line = text.slice(start, end).replace(/\r$/, '');
      if (delimiter !== '' && !aligned) {
        const cells = line.split(delimiter);
        if (column < cells.length) {
          const c = DATE_CELL.exec(cells[column]);
          if (c !== null) {
            const offset = cells.slice(0, column).reduce((n, x) => n + x.length + 1, 0) + cells[column].indexOf(c[1]);
            out.push({ kind: 'birth-date', start: start + offset, end: start + offset + c[1].length });
          }
        }
      } else {
        // Aligned columns: a date whose place overlaps the header word's.
        DATE_IN_ROW.lastIndex = 0;
        let d: RegExpExecArray | null;
        while ((d = DATE_IN_ROW.exec(line)) !== null)
          if (d.index < wordAt + m[0].length + 2 && d.index + d[0].length > wordAt - 2)
            out.push({ kind: 'birth-date', start: start + d.index, end: start + d.index + d[0].length });
      }
      at = end < text.length ? end : -1;
    }
  }
}

// The date, then the word (`1994年12月12日生`).
// Born, in a sentence, and the date (`nació el 8 de marzo de 1958`, `urodził się 28 stycznia 1979`,
// `nasceu em 2 de setembro de 1968`, `was born on 4 May 1990`); or the date, then the verb
// (`wurde am 9. Juli 1997 in Kassel geboren`, `1959년 7월 6일에 부산에서 태어났습니다`, `…生まれ`).
const BORN_VERB_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:naci[óo]|nasceu|naceu|nacque|(?:est|était|é|è)[ \\t]+n[ée]e?|urodził[ao]?[ \\t]+się|narodil[ao]?[ \\t]+se|rodil[ao]?[ \\t]+se|syntyi|föddes|ble[ \\t]+født|blev[ \\t]+født|werd[ \\t]+geboren|(?:was|were|is)[ \\t]+born|nat[oa](?:\\/[ao])?[ \\t]+il[ \\t]*:|` +
    // (Born in a place, then the date: `nato a Palermo il 09/03/1962`, `née à Lyon le …`, `born in Pune on …`.)
    `(?:nat[oa]|n[ée]e?|nacid[oa]|nascid[oa]|born)[ \\t]+(?:a|à|in|en|em)[ \\t]+\\p{Lu}[\\p{L}'’-]+(?:[ \\t]+\\p{Lu}[\\p{L}'’-]+)?,?)[ \\t]+(?:(?:on|el|em|am|le|il|the|w|dnia|den|op|in|a|à|no|na)[ \\t]+){0,2}(${DATE})(?![\\d])`,
  'giu',
);
const BORN_VERB_AFTER = new RegExp(
  `(?:(?<![\\p{L}])(?:am|on|el|em|le|il|op)[ \\t]+(${DATE})(?:[ \\t]+(?:in|à|a|en|em|w|te)[ \\t]+\\p{Lu}[\\p{L}-]+){0,1}[ \\t,]+(?:geboren|nac(?:ido|ida)|n[ée]e?)(?![\\p{L}])|(${DATE})(?:에|に)?[^.。\\n\\d]{0,24}?(?:태어났|태어난|生まれ|出生))`,
  'giu',
);

const BORN_AFTER =
  /((?:\d{4}|(?:明治|大正|昭和|平成|令和|民國|民国)[ \t]*\d{1,3})[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日)[ \t]*(?:生|出生)/g;
// Farther after a birth word, on its line, past markup and code (`<dateOfBirth>1970-12-02<`,
// `birthDate: LocalDate.of(1979, 3, 4)`, `birth_date { year: 1959 month: 10 day: 5 }`,
// `BDAY:1991-02-13`, `birth = as.Date(c("2000-02-10", …`): a date, a compact one (`19751228`), a
// date's parts given to a call, or protobuf's fields. The dates of a list after it follow (below).
// (Also as keys: `fecha_nacimiento`, `geb_datum`, `fødselsdato`, `syntymäaika`, `tanggal_lahir`.)
export const BIRTH_WORD =
  '(?:date[ _-]?of[ _-]?birth|birth[ _-]?date|birthday|bday|d\\.?o\\.?b\\.?|birth|geburtsdatum|geburtstag|geb[ _.-]?datum|geb(?=[ \\t]*[:=])|geboortedatum|(?:date[ _-]?(?:de[ _-]?)?)?naissance|(?:fecha[ _-]?(?:de[ _-]?)?)?nacimiento|fecha[ _-]?nac(?![a-z])|(?:data[ _-]?(?:(?:di|de)[ _-]?)?)?nas(?:cita|cimento)|data[ _-]urodzenia|f(?:[öo]|oe)delsedatum|f(?:[øo]|oe)dselsdato|f(?:[øo]|oe)dselsdag|syntym[äa]aika|tanggal[ _-]?lahir|ng[àa]y[ _-]?sinh|do[gğ]um[ _-]tarihi|生年月日|出生日期|생년월일|дата[ _-]рождения|ημερομηνία[ _-]?γέννησης|תאריך[ _-]לידה|تاريخ[ _-]الميلاد|जन्म[ _-]तिथि|วันเกิด)';
const COMPACT_DATE = '(?:19|20)\\d\\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
// The word at a word's start, or camel-cased after another (`UserBirthday`, `customerDob`); the
// date on its line, on the next after a closing tag (`<key>UserBirthday</key>⏎<date>…`), or first
// on the next line when the word ends its own (`Geburtsdatum⏎12.04.1990`, `date of birth?⏎> 12 April 1990`).
const BIRTH_NEAR = new RegExp(
  `(?:(?<![A-Za-z])|(?<=[a-z])(?=B[iI][rR][tT][hH]|D[oO][bB]|Date[oO]f))${BIRTH_WORD}(?![a-z])([^\\n\\d]{0,40}?|[^\\n\\d]{0,40}>[ \\t]*\\r?\\n[^\\n\\d]{0,24}?|[ \\t]*[:：?)*]{0,3}[ \\t]*\\r?\\n[ \\t>*•|-]{0,6}(?:[A-Z][A-Za-z .'-]{0,20}:[ \\t]*)?)(${DATE}|${COMPACT_DATE}|(?:19|20)\\d\\d[ \\t]*,[ \\t]*\\d{1,2}[ \\t]*,[ \\t]*\\d{1,2}(?=[ \\t]*\\))|year:[ \\t]*(?:19|20)\\d\\d[ \\t,]+month:[ \\t]*\\d{1,2}[ \\t,]+day:[ \\t]*\\d{1,2})(?![\\d])`,
  'gi',
);
// A form's birth field, however its label goes on (`Dáta breithe ar chomhad:`, `Tempat/Tgl Lahir:`,
// `जन्म मिति (वि.सं.):`, `Ημ. γέννησης:`, `Data tat-twelid:`) and whatever its calendar calls its
// months (`Disyembre 12, 1968`, `22 መስከረም 1979`, `2041/11/26`): the field's whole value, when
// it holds a year or a day's date. Birth's words of ~70 languages, in any place of the label; the
// label is people's words before a colon (not a configuration's key), at a line's start or after
// a field's gap, and the value ends at the line or the next field's gap.
const BIRTH_STEM =
  /(?<![\p{L}])(?:birth|born(?![\p{L}])|d\.?o\.?b|bday|geburt|geb\.|geboorte|geboren|naissance|n[ée]e(?![\p{L}])|nacimiento|nacemento|nac\.|nascita|nascimento|naixement|jaiotze|f[øöo]dsel|f[øöo]delse|f[øö]dd|f[æa]eðing|syntym|s[üu]nni|gimim|dzim[šs]|sz[üu]let|sz[üu]l\.|naroz|narod(?:en|zen)|urodz|ro[đd]en|rojstv|na[șşs]ter|n[ăa]scut|lindj|do[ğg]um|lahir|kapanganakan|kuzaliwa|kuzalwa|breithe|geni(?![\p{L}])|twelid|dhalash|haihuwa|tug['ʻ‘’]?il|рожд|народж|нарадж|раждан|рођењ|роден|туған|туулган|төрсөн)|(?:γέννησ|γεννήσ|ولادت|تولد|الميلاد|الولادة|پیدائش|לידה|ծննդ|დაბად|ትውልድ|जन्म|জন্ম|ਜਨਮ|જન્મ|ଜନ୍ମ|பிறந்த|పుట్టిన|ಹುಟ್ಟಿದ|ಜನ್ಮ|ജനന|උපන්|เกิด|ເກີດ|កំណើត|မွေး|出生|生年月日|誕生|생년월일|출생)/giu;
const BIRTH_LABEL = /(?:^|[ \t]{2,}|\t|[|;·•][ \t]*|^[ \t]*[-*][ \t]+)([^\s:：፡"'`=<>{}[\]\\][^\n\t:：፡"'`=<>{}[\]\\]{0,47}?)[ \t]*$/u;
const BIRTH_VALUE = /[ \t]*[:：፡][ \t]*([^\s][^\n\t|;·•(（]{0,44}?)(?=[ \t]*(?:\r?\n|\r?$|[ \t]{2}|\t|[|;·•(（]))/y;
const YEAR_OR_DAY = /(?<!\d)\d{4}(?!\d)|(?<!\d)\d{1,2}[-/.]\d{1,2}[-/.]\d{2}(?!\d)/;
// A configuration's key (`min_birth_year`, `birthYear`, `Birth-Date`), which the other readers take on their own.
const BIRTH_FIELD_KEY = /^(?:[A-Za-z][a-z0-9]*(?:[_.-][A-Za-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]*)+)$/;

function findBirthFields(text: string, out: Finding[]): void {
  BIRTH_STEM.lastIndex = 0;
  let m: RegExpExecArray | null;
  let budget = 2048;
  while ((m = BIRTH_STEM.exec(text)) !== null && --budget > 0) {
    // The colon after the label's last words, on the stem's line.
    const eol = text.indexOf('\n', m.index);
    const lineEnd = eol < 0 ? text.length : eol;
    let colon = -1;
    for (let i = m.index + m[0].length; i < lineEnd && i - m.index < 48; i++) {
      const c = text[i];
      if (c === ':' || c === '：' || c === '፡') {
        colon = i;
        break;
      }
      if (c === '=' || c === '"' || c === "'" || c === '`' || c === '\t' || c === '<' || c === '>' || c === '{' || c === '|') break;
    }
    if (colon < 0) continue;
    BIRTH_STEM.lastIndex = colon;
    const bol = text.lastIndexOf('\n', m.index - 1) + 1;
    if (m.index - bol > 120) continue;
    const head = text.slice(bol, colon);
    const l = BIRTH_LABEL.exec(head);
    // (The stem in the label, not in a field before it.)
    if (l === null || bol + l.index + l[0].indexOf(l[1]) > m.index) continue;
    const label = l[1].replace(/^(?:[/#*>;-]+[ \t]*)+/, '').trim();
    // (People's words: a space, a letter past ASCII or a capital, as a form writes them; `birthtime:` is a key.)
    if (BIRTH_FIELD_KEY.test(label) || label.split(/[ \t]+/).length > 7 || !/[\u0080-\uffff \t]|^[A-Z]/.test(label)) continue;
    // (An ASCII colon needs a space after it: `birth:1990` is a key's.)
    if (text[colon] === ':' && text[colon + 1] !== ' ' && text[colon + 1] !== '\t') continue;
    BIRTH_VALUE.lastIndex = colon;
    const v = BIRTH_VALUE.exec(text);
    if (v === null || !YEAR_OR_DAY.test(v[1])) continue;
    // (A template's stand-in, a sentence: `DD/MM/YYYY`, `see the 1990 census`.)
    if (/[A-Z]{2}\/[A-Z]{2}|(?<![\p{L}])(?:the|see|in|of|and|or|per|since|from)(?![\p{L}])/iu.test(v[1])) continue;
    // (Up to the next field on its line: `12/03/1990, Nationality: British`.)
    const value = v[1].replace(/[,;]?[ \t]*\p{L}[\p{L} .'-]{0,30}[:：].*$/u, '').replace(/[.,;]+$/, '');
    if (!YEAR_OR_DAY.test(value)) continue;
    const start = v.index + v[0].length - v[1].length;
    out.push({ kind: 'birth-date', start, end: start + value.length });
  }
}

const LIST_DATE = new RegExp(`[ \\t]*,[ \\t]*["']?(${DATE})["']?`, 'y');
// A medical record number after its name: letters and at least five digits (`MRN97170995`, `mrn: 00482913`).
const MRN = new RegExp(
  `(?<![A-Za-z])(?:mrn|medical[ _-]record(?:[ _-]?(?:number|no|num|nr|#))?|pat\\.?[ _-]?(?:nr\\.?|nummer)|cip(?:[ _-]?sns)?(?=[ \\t]*[:=])|patient[ _-]?(?:id|number|no|nr|#)|pt\\.?[ _-]?id(?=[ \\t]*[:#])|nhc|n[úu]mero[ _-]de[ _-]historia(?:[ _-]cl[ií]nica)?|historia[ _-]cl[ií]nica|(?:health[ _-]?plan[ _-]?)?member[ _-]?id|subscriber[ _-]?id|(?:kranken)?versicherten(?:[ _-]?(?:nummer|nr))?|kvnr|health[ _-]insurance[ _-](?:number|no)|patienten[ _-]?(?:nummer|nr|id)|fall[ _-]?(?:nummer|nr\\.?)|ipp|pati[ëe]ntnummer|患者ID|患者番号|カルテ番号|病歴番号|診察券番号|病历号|病案号|住院号|门诊号|病歷號碼|(?<![가-힣])등록번호|환자번호|병록번호)${NUMBER_WORD}${GAP}([A-Z0-9][A-Z0-9-]{5,15}|[A-Z]{2,5}\\/\\d{2,6}\\/\\d{3,10})(?![A-Za-z0-9-])`,
  'gi',
);
// Also a number inside the passport's object (`"passport": { "number": "W5653707" }`).
// An identity card's number after its name: Italy's electronic card (`CIE CA00000AA`: two letters,
// five digits, two letters) and its paper one (`AA 1234567`), after `carta d'identità`, `CIE`,
// `identity card`, `ID card` and the like, a few words between at most.
const ID_CARD =
  /(?<![A-Za-z])(?:[Cc]arta[ \t]+d['’]identit[àa]|[Cc]arta[ \t]+di[ \t]+identit[àa]|CIE|[Ii]dentity[ \t]+card|ID[ \t]+card|[Cc]arte[ \t]+d['’]identit[ée])(?:[ \t]+[^\s\d]{1,12}){0,3}?[ \t:#.]*([A-Z]{2}\d{5}[A-Z]{2}|[A-Z]{2}[ ]?\d{7})(?![A-Za-z0-9])/g;
const PASSPORT = new RegExp(
  `(?<![A-Za-z])(?:passport|passaporto|pasaporte|passeport|reisepass|paszport|pasaport|paspoort|passaporte)(?:${NUMBER_WORD}${GAP}|["']?[ \\t]*[:=][ \\t]*[{(][ \\t]*["']?(?:number|no|num|id)["']?[ \\t]*[:=][ \\t]*["']?)([A-Z0-9]{6,9}|(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\\d)[A-Z0-9]{10})(?![A-Za-z0-9])`,
  'gi',
);
// (The number after the licence's name and `, ID` too: `NY State Driver License, ID 467 270 457`.)
const LICENCE = new RegExp(
  `(?<![A-Za-z])(?:driver'?s?[ _-]?licen[cs]e|driving[ _-]licen[cs]e|f[üu]hrerschein|patente(?:[ _-]di[ _-]guida)?|permis[ _-]de[ _-]conduire|(?:licencia|carn[eé]t?)[ _-]de[ _-]conduc(?:ir|ción)|carteira[ _-]de[ _-]motorista|praw[oa][ _-]jazdy|rijbewijs|k[öo]rkort|ehliyet|DL(?=[ \\t]*(?:#|:)|[ _-]?(?:no|number)\\b|[ \\t]+[A-Z]{0,2}(?:\\d{5,}|\\d{3}-\\d{4}-\\d{4})\\b)|DMV[ _-]?ID)${NUMBER_WORD}(?:,[ \\t]*(?:ID|No\\.?|Number|#))?${GAP}(\\d{3}(?: \\d{3}){2,3}|[A-Z]{2}[ -]?\\d{2}[ -]\\d{7,13}|[A-Z0-9][A-Z0-9-]{4,19})(?![A-Za-z0-9-])`,
  'gi',
);
const ACCOUNT = new RegExp(
  `(?<![A-Za-z])((?:bank[ _-]?)?(?:account|acct|a/c)[ _.-]?(?:no\\.?|num(?:ber)?|nr\\.?|#)|bank[ _-]?account|kontonummer|num[ée]ro[ _-]de[ _-]compte|account|acct|acc(?=[ \\t]+\\d)|sort[ _-]?code)${GAP}(\\d{4}\\.\\d{2}\\.\\d{5}|\\d[\\d -]{4,22}\\d)(?![\\w-])`,
  'gi',
);
// The same in Japanese, Korean, Chinese and Russian (`口座番号：623-423595-504`): read only where such a word stands.
const ACCOUNT_PAST_LATIN = new RegExp(
  `(口座番号|계좌번호|계좌|账号|帳號|账户号码|номер[ _-]сч[её]та|расч[её]тный[ _-]сч[её]т|сч[её]т|рахунок)${GAP}(?:[^\\s\\d]{1,10}(?:은행|銀行|银行)[ \\t]+)?(\\d[\\d -]{4,22}\\d)(?![\\w-])`,
  'gi',
);
const ACCOUNT_PAST_LATIN_WORD = /口座番号|계좌|账号|帳號|账户号码|сч[её]т|рахунок/i;
const ITIN_BARE = new RegExp(
  `(?<![A-Za-z])(?:itin|tax[ _-]?id|taxpayer[ _-]id(?:entification)?(?:[ _-]number)?|tin)${NUMBER_WORD}${GAP}(9\\d{8})(?!\\d)`,
  'gi',
);
const UK_LICENCE = /(?<![A-Z0-9])[A-Z][A-Z9]{4}\d[0156]\d[0-3]\d\d[A-Z9]{2}\d[A-Z]{2}(?:[ \t]?\d{2})?(?![A-Za-z0-9])/g;
const PATIENT_NHS = new RegExp(`(?<![A-Za-z])patient${NUMBER_WORD}${GAP}(\\d{3}([ -]?)\\d{3}\\2\\d{4})(?![\\d])`, 'gi');
const NHS = new RegExp(`(?<![A-Za-z])nhs${NUMBER_WORD}${GAP}(\\d{3}([ -]?)\\d{3}\\2\\d{4})(?![\\d])`, 'gi');
// National Insurance numbers: two prefix letters (not D, F, I, Q, U, V; O only first; not BG, GB,
// KN, NK, NT, TN, ZZ), six digits, a suffix A–D.
const NINO_SPACED = /(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] \d{2} \d{2} \d{2} [A-D](?![A-Za-z0-9])/g;
/** National Insurance numbers in HMRC's spaced form, without their name (the caller runs it among other personal data). */
export function findSpacedNinos(text: string, out: Finding[]): void {
  NINO_SPACED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NINO_SPACED.exec(text)) !== null) out.push({ kind: 'uk-nino', start: m.index, end: m.index + m[0].length });
}
export const NINO_VALUE = /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]$/i;
const NINO = new RegExp(
  `(?<![A-Za-z])(?:national[ _-]insurance(?:[ _-]number)?|nino|ni(?=[ _.-]?(?:no|num|number))|NI(?=[ \\t]*[:=]?[ \\t]*[A-Z]{2} ?\\d))${NUMBER_WORD}${GAP}((?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D])(?![A-Za-z0-9])`,
  'gi',
);

// A Medicare Beneficiary Identifier (`MBI: 1EG4-TE5-MK73`): eleven characters as CMS shapes them, no
// S, L, O, I, B or Z among its letters.
const MBI = new RegExp(
  `(?<![A-Za-z])(?:mbi|medicare(?:[ _-]?(?:beneficiary[ _-]?(?:identifier|id)|number|id|no))?)(?:[ \\t]*\\(mbi\\))?${NUMBER_WORD}${GAP}([1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?[AC-HJKMNP-RT-Y]{2}\\d{2})(?![A-Za-z0-9])`,
  'gi',
);

// A card's security code (three or four digits), and a PIN or a code that opens a door, a gate or
// an alarm (four to eight digits), after their names, maybe with words for what it opens before a
// colon (`Alarm code for the new office: 106318`, `Türcode Hintereingang: 631205`).
// A person's number after a name that says so, in the many countries whose formats are not read
// one by one (`Cédula: 1-1210-3852`, `DNI N° 49037241-1`, `DPI/CUI: 4772 92267 0510`, `EMŠO: …`,
// `a. k. 48506181178`, `CLABE: …`, `BSB 061-151`, `מספר זהות: …`, `الرقم الضريبي: …`, `kt. 670337-9959`,
// `NPWP: 57.856.942.8-403.041`, `konto 9181.22.27489`, a PIX `chave`): six to twenty-two digits
// (an Argentine CBU), written with the separators such numbers use, and no date.
const LOOSE_ID = new RegExp(
  `(?:c[ée]dula(?:[ _-]de[ _-](?:identidad(?:[ _-]civil)?|ciudadan[íi]a))?|idnp|rekening(?:nommer|nummer)|id[ _-]nommer|health[ _-](?:care|card)[ _-](?:no\\.?|number)|carn[ée][ _-]de[ _-](?:extranjer[íi]a|identidad)|num[ée]ro[ _-]fiscal|n[°º][ _-]?fiscal|n[°º][ _-]?de[ _-]compte|num[ée]ro[ _-]de[ _-]compte|chi|иин|nip|npwp|kennitala|kt\\.|konto(?:nummer|nr\\.?)?|chave(?:[ _-]pix)?|dni|nit|cui|dpi|dui|rtn|ruc|rnc|ntn|cnic|peid|em[šs]o|clabe|cbu|cvu|bsb|ohip|cmnd|sss|philhealth|umid|tin|bvn|nin|nic|cuil|cuit|asmens[ _-]kodas|a\\.[ \\t]?k\\.|c\\.[ \\t]?i\\.|ad[óo]azonos[íi]t[óo](?:[ _-]jel)?|taj[ _-]?sz[áa]m|(?:documento[ _-]de[ _-])?identifica[çc][ãa]o[ _-]civil|cart[ãa]o[ _-]de[ _-]cidad[ãa]o|documento[ _-](?:de[ _-]identidad|nacional(?:[ _-]de[ _-]identidad)?)|n[úu]mero[ _-]de[ _-]identifica(?:ci[óo]n|[çc][ãa]o)|普通(?:預金)?|当座|口座番号|کد[ _-]ملی|شماره[ _-]ملی|מספר[ _-]זהות|תעודת[ _-]זהות|رقم[ _-]الهوية(?:[ _-]الوطنية)?|الرقم[ _-](?:القومي|الضريبي|الوطني|الشخصي))(?![A-Za-z0-9\u00c0-\u024f])(?:/[A-Za-z]{2,5})?(?:[ \\t]*\\((?:[A-Za-z]{2,5})\\))?${NUMBER_WORD}${GAP}(\\d[\\d .\\-/]{4,22}\\d(?:[ -][0-9A-Z]{1,3}|[VX])?)(?![A-Za-z0-9\u00c0-\u024f]|[.,/-]\\d)`,
  'gi',
);
const LOOSE_DATE = new RegExp(`^${DATE}$`, 'i');
// (Also Kuwait's and Qatar's `Civil ID` and `QID`, Mauritius' `NID`, Mozambique's `NUIT`, Nepal's `citizenship_no`,
// the Ghana Card's PIN, and a tax number with a letter before it, `TIN: P0096510471`.)
const LETTERED_ID = new RegExp(
  `(?:(?:national[ _-])?identity[ _-]card|id[ _-]card|rif|mbi|medicare[ _-]beneficiary[ _-]identifier|epic|doc(?:ument)?[ _-]?(?:number|no|nr)|id[ _-]?no|id[ _-]?num(?:ber)?|(?<!(?:employer|vehicle|business|company|bank|product|device|entity|organi[sz]ation)[ _-])identification[ _-]?(?:number|no|nr)|civil[ _-]?id|qid|nid|nuit|ghana[ _-]?card(?:[ _-]?(?:pin|no|number))?|tin|citizenship[ _-]?(?:no|number|cert(?:ificate)?[ _-]?no))(?![A-Za-z0-9])${NUMBER_WORD}${GAP}([A-Z]{0,3}-?\\d[\\dA-Z-]{4,18}[\\dA-Z]|[A-Z]{4,8}\\d[\\dA-Z]{1,12})(?![A-Za-z0-9-])`,
  'gi',
);

const BOOKING_REF = new RegExp(
  `(?:pnr|record[ _-]?locator|booking[ _-]?(?:ref(?:erence)?|code)|localizador(?:[ \\t]+[A-Z][a-z]+)?|buchungs(?:code|nummer)|clave[ _-]de[ _-]elector)(?![A-Za-z])${GAP}([A-Z0-9]{6}|[A-Z]{6}\\d{8}[HM]\\d{3})(?![A-Za-z0-9])`,
  'gi',
);

// A chat's id with a bot (`TELEGRAM_CHAT_ID=-1003104511925`, `chatId = 384188139`): a person's own
// account, or the group the bot posts to.
const CHAT_ID =
  /(?<![A-Za-z])(?:(?:telegram|tg)[ _-]?(?:admin[ _-]?)?chat(?:[ _-]?id)?|chat[ _-]?id)["'\]]*[ \t]*(?:[:=]|=>|::?)[ \t]*["']?(-?\d{6,16})(?![\w.-])/gi;
export function findChatIds(text: string, out: Finding[]): void {
  cued(text, CHAT_ID, 'id-number', out, (v) => !/^-?(\d)\1+$/.test(v) && !/^-?0*123456/.test(v));
}

// A one-time password's seed told in prose or a note (`Seed is FDEBSMBR2NNJC3BNRMGLTDJ3LDWYK7RW`,
// `2FA secret: JBSW…`): base32 of sixteen to sixty-four characters, digits among its letters, on a
// line that names one-time passwords or the line after it.
const OTP_SEED = /(?<![A-Za-z0-9])[A-Z2-7]{16,64}(?![A-Za-z0-9])/g;
const OTP_WORD = /\b(?:totp|otp|2fa|mfa|authenticator|one-time|seed(?= is|:| =))\b/gi;
export function findOtpSeeds(text: string, out: Finding[]): void {
  // Only the lines around each word are searched (a text may hold thousands of lines and one word).
  let searched = 0;
  OTP_WORD.lastIndex = 0;
  let w: RegExpExecArray | null;
  while ((w = OTP_WORD.exec(text)) !== null) {
    const from = Math.max(searched, text.lastIndexOf('\n', w.index) + 1);
    let to = text.indexOf('\n', w.index);
    if (to >= 0) to = text.indexOf('\n', to + 1);
    if (to < 0) to = text.length;
    searched = to;
    OTP_WORD.lastIndex = to;
    const line = text.slice(from, to);
    OTP_SEED.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = OTP_SEED.exec(line)) !== null) {
      const v = m[0];
      // Letters and two digits or more, many of them distinct: not a constant's name or a word in capitals.
      if (!/\d.*\d/.test(v) || !/[A-Z].*[A-Z]/.test(v) || new Set(v).size < 10) continue;
      out.push({ kind: 'secret', start: from + m.index, end: from + m.index + v.length });
    }
  }
}

// Recovery keys and backup codes: BitLocker's key of eight groups of six digits, each a multiple of
// eleven, wherever it stands; and after words for a recovery key or backup codes (`FileVault recovery
// key YDBZ-0338-…`, `GitHub recovery codes:` ⏎ `8f3k2-9d7q1`), groups of letters and digits on the
// word's line (160 characters), or on the three lines below when the line ends with a colon. Each
// holds a digit; a list's codes are groups (`8f3k2-9d7q1`, `1234 5678`).
const BITLOCKER = /(?<![\w-])\d{6}(?:-\d{6}){7}(?![\w-])/g;
const RECOVERY_WORD =
  /(?<![A-Za-z])(?:recovery|backup|rescue|scratch|emergency)[ _-]?(?:keys?|codes?|pass(?:word|phrase)?)(?![A-Za-z])|wiederherstellungs(?:schlüssel|code)|code(?:s)?[ _-]de[ _-](?:récupération|secours)|c[óo]digos?[ _-]de[ _-](?:recuperaci[óo]n|recupera[çc][ãa]o|respaldo|backup)|codici[ _-]di[ _-](?:recupero|backup)|herstel(?:sleutel|codes?)|kody[ _-](?:zapasowe|odzyskiwania)|kurtarma[ _-]kod/gi;
const RECOVERY_CODE = /(?<![\w-])(?:[A-Za-z0-9]{4,8}(?:-[A-Za-z0-9]{4,8}){1,7}|\d{4} \d{4})(?![\w-]| \d)/g;
const CODE_LINE = /^[ \t]*(?:[-*\d.)]+[ \t]+)?(?:`{3}\w*|[A-Za-z0-9]{4,8}(?:[- ][A-Za-z0-9]{4,8}){1,7})[ \t]*\r?$/;
export function findRecoveryKeys(text: string, out: Finding[]): void {
  BITLOCKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BITLOCKER.exec(text)) !== null)
    if (m[0].split('-').every((g) => +g % 11 === 0 && +g < 720896))
      out.push({ kind: 'secret', start: m.index, end: m.index + m[0].length });
  let searched = 0;
  RECOVERY_WORD.lastIndex = 0;
  while ((m = RECOVERY_WORD.exec(text)) !== null) {
    const from = Math.max(searched, m.index + m[0].length);
    let to = text.indexOf('\n', m.index);
    if (to < 0) to = text.length;
    // A list below the word's line: up to three short lines, or as many as sixteen lines of one code
    // each (a fence's lines aside: ` ``` ` ⏎ `7j93-jgtk-5nz5` ⏎ …). A long line (minified, a source
    // map) is read no further than 160 characters past the word.
    if (/[:?][ \t]*\r?$/.test(text.slice(from, to)))
      for (let k = 0; k < 16 && to < text.length; k++) {
        const next = text.indexOf('\n', to + 1);
        if ((next < 0 ? text.length : next) - to > 81) break;
        if (k >= 3 && !CODE_LINE.test(text.slice(to + 1, next < 0 ? text.length : next))) break;
        to = next < 0 ? text.length : next;
      }
    else to = Math.min(to, from + 160);
    if (from >= to) continue;
    searched = to;
    RECOVERY_WORD.lastIndex = to;
    const part = text.slice(from, to);
    RECOVERY_CODE.lastIndex = 0;
    let c: RegExpExecArray | null;
    while ((c = RECOVERY_CODE.exec(part)) !== null) {
      const v = c[0];
      // A digit and, unless it is only digits, a letter; not a date, a version or a UUID's shape.
      if (!/\d/.test(v) || /^\d{4}-\d{2}-\d{2}$/.test(v) || /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(v)) continue;
      if (/[A-Za-z]/.test(v) && !/[A-Za-z].*\d|\d.*[A-Za-z]/.test(v)) continue;
      out.push({ kind: 'secret', start: from + c.index, end: from + c.index + v.length });
    }
  }
}

/** Run after the national formats: a number one of them read keeps its own kind. */
export function findLooseIds(original: string, out: Finding[]): void {
  const text = asciiDigits(original);
  const taken = out.filter((f) => f.kind !== 'person-name');
  // A document's number after its name, letters in it (`National Identity Card number: R270791653932G`,
  // `"doc_number":"FV2TJ7XRH6"`, `RIF: V-14099377-4`, `epic=UDJ0921221`): five digits or more.
  cued(text, LETTERED_ID, 'id-number', out, (v, m) => {
    if (m.index > 0 && /[\p{L}\p{N}_]/u.test(text[m.index - 1]!) && !/^["'_]/.test(m[0])) return false;
    // (Or eight characters or more, letters and digits mixed, as a German identity card's `FV2TJ7XRH6`.)
    const mixed = v.length >= 8 && /^[A-Z0-9]+$/i.test(v) && digitCount(v) >= 2 && v.length - digitCount(v) >= 2;
    if ((digitCount(v) < 5 && !mixed) || LOOSE_DATE.test(v) || /^(\d)\1+$/.test(v)) return false;
    const start = m.index + m[0].lastIndexOf(v);
    return !taken.some((f) => f.start < start + v.length && start < f.end);
  });
  // A booking's reference (`pnr=9ISM89`, `Record locator: KX7Q2M`, `Localizador Renfe: AYUZEZ`),
  // Mexico's voter key (`Clave de elector: ZNZPNL66705757M494`): the traveller's or the voter's.
  cued(text, BOOKING_REF, 'id-number', out, (v, m) => {
    if (m.index > 0 && /[\p{L}\p{N}_]/u.test(text[m.index - 1]!)) return false;
    return /^[A-Z0-9]+$/.test(v) && !/^(.)\1+$/.test(v) && !/^(?:ABC123|XXXXXX|ABCDEF|123456|QWERTY)$/.test(v);
  });
  // (The word's start is tested here: a look-behind would be tried at every place; without the
  // `u` flag the expression is searched for faster.)
  cued(text, LOOSE_ID, 'id-number', out, (v, m) => {
    if (m.index > 0 && /[\p{L}\p{N}]/u.test(text[m.index - 1]!)) return false;
    const n = digitCount(v);
    if (n < 6 || n > 22 || LOOSE_DATE.test(v) || /^(\d)(?:[ .\-/]?\1)+$/.test(v) || /^0*123456789?/.test(v.replace(/\D/g, '')))
      return false;
    // Iceland's `kt.` (a knot's abbreviation too) only before a kennitala's shape.
    if (/^kt\./i.test(m[0]) && !/^\d{6}-?\d{4}$/.test(v)) return false;
    // A company's number after its name and legal form (`Sokół Systemy sp. z o.o., NIP: …`).
    const before = text.slice(Math.max(0, m.index - 120), m.index);
    if (COMPANY_BEFORE.test(before.slice(before.lastIndexOf('\n') + 1))) return false;
    const start = m.index + m[0].lastIndexOf(v);
    return !taken.some((f) => f.start < start + v.length && start < f.end);
  });
}
// A company's legal form earlier on the line (Polish, German, British, Romance, Nordic forms).
const COMPANY_BEFORE =
  /(?:\b[Ss]p\. z o\.o\.|\bS\.A\.|\bGmbH|\bAG\b|\bLtd\b|\bLimited\b|\bPLC\b|\bInc\b|\bLLC\b|\bS\.[Rr]\.[Ll]\.|\bS\.L\.|\bSARL\b|\bSAS\b|\bB\.V\.|\bN\.V\.|\bOy\b|\bAB\b|\bA\/S\b|\bs\.r\.o\.|\bKft\b|\bLtda\b)/;

const CARD_CODE = new RegExp(
  `(?<![A-Za-z])(?:cvv2?|cvc2?|csc|card[ _-]?security[ _-]?code|security[ _-]?code)${GAP}(\\d{3,4})(?![\\d])`,
  'gi',
);
const BANK_WORD = /bank|routing|\bach\b|\baba\b|iban|swift|\bbic\b|ifsc|sort[ _-]?code|\bbsb\b|payee|beneficiary/i;
/** The line holding `at`, with the line before and the line after it. */
function linesAround(text: string, at: number): string {
  const before = text.lastIndexOf('\n', text.lastIndexOf('\n', at - 1) - 1);
  let after = text.indexOf('\n', text.indexOf('\n', at) + 1);
  if (after < 0 || text.indexOf('\n', at) < 0) after = text.length;
  return text.slice(before + 1, after);
}
// A card's expiry and security code, beside a card's number found (`exp 06/27`, `有効期限：10/28`,
// `Son kullanma 10/27`, a CSV's next cell `…,03/26,2500`, `セキュリティコード：632`). The expiry is
// a month and a year (`MM/YY`, `MM/YYYY`): after a word for it in about fifteen languages within two
// lines of the card, or in the next cell after the number on its line. A security code after its
// word in other languages (English's words are read anywhere, below), within two lines of the card.
const EXPIRY_WORD =
  "(?:exp(?:iry|iration|ires|ira|\\.)?(?:[ _-]?(?:date|dt|on))?|valid[ \\t]+(?:thru|through|until|till)|good[ \\t]+thru|g[üu]ltig[ \\t]+bis|ablauf(?:datum)?|verfall(?:sdatum)?|vencimiento|fecha[ \\t]+de[ \\t]+(?:vencimiento|caducidad|expiraci[óo]n)|caducidad|date[ \\t]+d['’]expiration|validit[ée]|scadenza|validade|vencimento|geldig[ \\t]+tot|vervaldatum|wa[żz]na[ \\t]+do|data[ \\t]+wa[żz]no[śs]ci|son[ \\t]+kullanma(?:[ \\t]+tarihi)?|skt|срок[ \\t]+действия|有効期限|有效期(?:至)?|유효기간|만료일)";
const CARD_EXPIRY = new RegExp(
  `(?<![\\p{L}])${EXPIRY_WORD}${GAP}(?:\\([ \\t]*(?:MM|mm)[ \\t]*/[ \\t]*(?:YY|yy|YYYY|yyyy)[ \\t]*\\)[ \\t]*[:：]?[ \\t]*)?((?:0[1-9]|1[0-2])[ \\t]?/[ \\t]?(?:\\d{2}|20\\d{2})|(?<=[=:][ \\t]?)(?:0[1-9]|1[0-2])\\d{2}(?![\\d.,:/-]))(?![\\d/])`,
  'giu',
);
// The next cell after a card's number: a separator, maybe a word or two, then the expiry.
// (Or a space before it, as a card is pasted with its details: `5232 … 08/28 136`; then the code after it.)
const EXPIRY_AFTER_CARD = /^[ \t]*["']?[ \t]*(?:[,;|\t]|(?= ))[ \t]*["']?[ \t]*((?:0[1-9]|1[0-2])\/(?:\d{2}|20\d{2}))(?![\d/])/;
const CODE_AFTER_EXPIRY = /^[ \t]*["']?[ \t]*[,;| \t][ \t]*["']?[ \t]*(\d{3,4})(?![\d.,:/%-])/;
const CARD_CODE_OTHER =
  /(?:セキュリティ[ \t]?コード|カード確認番号|보안[ \t]?코드|安全码|安全碼|código[ \t]+de[ \t]+seguran[çc]a|c[óo]digo[ \t]+de[ \t]+seguridad|cryptogramme(?:[ \t]+visuel)?|code[ \t]+de[ \t]+s[ée]curit[ée]|pr[üu]fnummer|pr[üu]fziffer|codice[ \t]+di[ \t]+sicurezza|kod[ \t]+cvv|güvenlik[ \t]+kodu)[ \t]*[:：=]?[ \t]*(\d{3,4})(?!\d)/giu;
function findCardDetails(text: string, out: Finding[]): void {
  const cards = out.filter((f) => f.kind === 'credit-card');
  if (cards.length === 0) return;
  // Two lines each way: a card's number is read on its own line, so both stay in the three lines of
  // context each change is redacted with.
  const nearCard = (at: number): boolean => {
    let from = at;
    for (let k = 0; k < 3 && from > 0; k++) from = text.lastIndexOf('\n', from - 1);
    let to = at;
    for (let k = 0; k < 3 && to >= 0; k++) to = text.indexOf('\n', to + 1);
    if (to < 0) to = text.length;
    return cards.some((c) => c.end > from && c.start < to);
  };
  cued(text, CARD_EXPIRY, 'card-expiry', out, (_v, m) => nearCard(m.index));
  cued(text, CARD_CODE_OTHER, 'card-security-code', out, (_v, m) => nearCard(m.index));
  for (const c of cards) {
    const m = EXPIRY_AFTER_CARD.exec(text.slice(c.end, c.end + 24));
    if (m === null) continue;
    const start = c.end + m[0].length - m[1].length;
    out.push({ kind: 'card-expiry', start, end: start + m[1].length });
    const code = CODE_AFTER_EXPIRY.exec(text.slice(start + m[1].length, start + m[1].length + 16));
    if (code === null) continue;
    const at = start + m[1].length + code[0].length - code[1].length;
    out.push({ kind: 'card-security-code', start: at, end: at + code[1].length });
  }
}

// A card's identification number (American Express's `CID`), read only right after a card: `cid`
// alone is as often a customer's, a connection's or a content id.
const CARD_CID = /(?<![A-Za-z])cid[ \t]*[:=#]?[ \t]*(\d{3,4})(?![\d])/gi;
const PIN_CODE = new RegExp(
  `(?:(?<![A-Za-z])|(?<=\\\\[nt]))(?:pin(?:[ _-]?(?:code|number|no))?|pass[ _-]?code|meeting[ _-]?(?:password|passcode)|otp(?:[ _-]?code)?|one[ _-]?time[ _-]?(?:code|pin|passcode)|verification[ _-]?code|2fa[ _-]?code|sms[ _-]?code|(?:(?:door|gate|alarm|entry|access|garage|safe|lock|key[ _-]?box|room)[ _-]?code|(?:door|gate|garage)(?=[ \\t]*:))|t[üu]rcode|zugangscode|digicode|code[ _-](?:de[ _-])?(?:porte|portail|acc[èe]s)|c[óo]digo[ _-](?:d[oa]|del?|de[ _-]la)[ _-](?:port[ãa]o|porta|puerta|port[óo]n|alarme|alarma|acesso|acceso|entrada)|codice[ _-]dell?(?:['’]|[ _-])?(?:cancello|portone|porta|allarme|ingresso)|host[ _-]?key)(?:[ \\t]+[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f ]{0,28}(?=[ \\t]*:))?${GAP}\\(?(\\d{4,10}[#*]?)(?![\\d])`,
  'gi',
);

const RESTATED_DATE =
  /^[ \t]*[(（][ \t]*((?:19|20)\d\d年\d{1,2}月\d{1,2}日|\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d|(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[ \t]+\p{L}{3,10}\.?[ \t]+(?:19|20)\d\d|\p{L}{3,10}\.?[ \t]+\d{1,2},?[ \t]+(?:19|20)\d\d)[ \t]*[)）]/u;
const OTP_LINE_CODE =
  /^(?=[^\n]*(?<![A-Za-z])(?:otp|2fa|mfa|one[ _-]?time|verification)(?![A-Za-z]))[^\n]*?(?<![A-Za-z_])code["']?[ \t]*[=:][ \t]*["']?(\d{4,8})(?![\d])/gim;

// A meeting's passcode of letters and digits (`Passcode: cYwsJQ`, `Meeting password: 7Hq2xP`), as
// conferencing tools print them: five to twelve characters with two kinds of them (cases, digits).
const MEETING_CODE = new RegExp(`(?:pass[ _-]?code|meeting[ _-]?(?:password|passcode|pwd))${GAP}([A-Za-z0-9]{5,12})(?![\\w-])`, 'gi');

// A vehicle's registration plate after its name (`reg GM61 YGD`, `Kennzeichen K-KY 2456`,
// `Immatriculation : AC-776-SD`, `CA plate 2GBN802`): letters and digits in up to four groups.
const PLATE = new RegExp(
  `(?<![A-Za-z])(?:(?:licen[cs]e|number|registration|vehicle|car)[ _-]?plate|plate(?:[ _-]?(?:no\\.?|number|#))?|(?:vehicle[ _-])?reg(?:istration)?(?:[ _-]?(?:no\\.?|number|mark|plate))?|kennzeichen|immat(?:ricul(?:ation|[ée]e?s?)|\\.)?|plaque|matr[ií]cula|targa|placa|rekisterinumero|registreringsnummer|kenteken|tablica[ _-]rejestracyjna|fahrzeug|v[ée]hicule|veh[ií]culo|veicolo|voertuig|vehicle)${GAP}([A-Z0-9]{1,8}(?:[ -][A-Z0-9]{1,5}){0,3})(?![A-Za-z0-9\u00C0-\u024F-])`,
  'gi',
);
// A vehicle identification number after its name: 17 characters, no I, O or Q.
const VIN = new RegExp(
  `(?<![A-Za-z])(?:vin|fin|vehicle[ _-]identification[ _-]number|chassis[ _-]?(?:no\\.?|number)|fahrgestellnummer|fahrzeug[ _-]?ident(?:ifizierungs|ifikations)?nummer|` +
    // (And the chassis number's name in other languages: Spanish, French, Italian, Portuguese, Polish, Greek, Russian, Chinese, Japanese, Korean.)
    `n[úu]mero[ _-]de[ _-](?:bastidor|chasis|chassi)|bastidor|num[ée]ro[ _-]de[ _-]ch[âa]ssis|telaio|numero[ _-]di[ _-]telaio|numer[ _-]nadwozia|αρ\\.?[ _-]πλαισίου|αριθμός[ _-]πλαισίου|πλαίσιο|vin[ _-]?код|номер[ _-]кузова|车架号|車架號|車台番号|차대번호)${GAP}([A-HJ-NPR-Z0-9]{17})(?![A-Za-z0-9])`,
  'gi',
);
// A machine-readable zone (passports: two lines of 44; identity cards: three of 30, or two of 36).
const MRZ_LINES = /^(?:[PIACV][A-Z<][A-Z<]{3}[A-Z0-9<]{25,39})\r?\n[A-Z0-9<]{30,44}(?:\r?\n[A-Z0-9<]{30})?$/gm;

// A passport's machine-readable line of 44 characters (TD3): the first (`P<`, the issuer, the
// name) or the second (number, nationality, birth date, sex, expiry, their check digits).
const MRZ_TOKEN = /(?<![A-Z0-9<])(?:P[A-Z<][A-Z<]{3}[A-Z<]{39}|[A-Z0-9<]{9}\d[A-Z<]{3}\d{7}[MFX<]\d{7}[A-Z0-9<]{14}[\d<]\d)(?![A-Z0-9<])/g;
/** ICAO 9303's check digit: weights 7, 3, 1 over digits, letters (A = 10) and `<` (0), mod 10. */
function mrzCheck(s: string): number {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += v * [7, 3, 1][i % 3];
  }
  return sum % 10;
}
/** The second line of a TD3 zone: the document number's, birth date's, expiry's and composite check digits hold. */
export function mrzSecondLineValid(v: string): boolean {
  const digit = (i: number): number => v.charCodeAt(i) - 48;
  return (
    mrzCheck(v.slice(0, 9)) === digit(9) &&
    mrzCheck(v.slice(13, 19)) === digit(19) &&
    mrzCheck(v.slice(21, 27)) === digit(27) &&
    mrzCheck(v.slice(0, 10) + v.slice(13, 20) + v.slice(21, 43)) === digit(43)
  );
}

/** UK NHS number: weights 10…2 over the first nine digits, 11 − (sum mod 11) is the tenth (11 → 0, 10 invalid). */
export function nhsValid(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === d.charCodeAt(9) - 48;
}

/** Pushes the value of every match of `re` (its group `group`) that `accept` takes, as `kind`. */
// A passport's, a driving licence's and a car's numbers after their names in scripts past Latin
// (`여권번호: M05718822`, `Паспорт: 45 17 629384`, `운전면허번호 11-23-456789-01`, `차량번호 12가 3456`,
// `госномер А 384 ВК 777`, `车牌号 京A·12345`); index.ts's IDS_PAST_LATIN wakes them (a word of each).
const NUMBER_PAST_LATIN = `(?:[ \\t]*(?:号码|號碼|号|番号|번호|номер|серия(?:[ \\t]+и[ \\t]+номер)?|No\\.?|#|رقم|αριθμός))?`;
const PASSPORT_PAST_LATIN = new RegExp(
  `(?:[Пп]аспорт(?:а|у|ом|е|ные[ \\t]+данные)?|护照|護照|パスポート|旅券|여권|جواز(?:[ \\t]+السفر)?|[Δδ]ιαβατήριο)${NUMBER_PAST_LATIN}${GAP}(\\d{2}[ \\t]?\\d{2}[ \\t]?(?:№[ \\t]?)?\\d{6}|[A-Z]{0,2}\\d{6,9}|[A-Z0-9]{6,9})(?![A-Za-z0-9])`,
  'g',
);
// (Japan's licence's number between `第` and `号`: `運転免許証番号: 第 662023129772 号`.)
const LICENCE_PAST_LATIN = new RegExp(
  `(?:운전[ ]?면허(?:증)?|免許証|驾驶证|駕駛執照|驾照|[Вв]одительско(?:е|го)[ \\t]+удостоверени[ея]|ВУ)${NUMBER_PAST_LATIN}${GAP}(?:第[ \\t]?)?([A-Z0-9А-Я][A-Z0-9А-Я -]{6,20}[A-Z0-9])(?![A-Za-z0-9])`,
  'g',
);
// (Japan's `横浜 413 と 89-62` after 車両番号, Thailand's `กข 9374` after ทะเบียน.)
const PLATE_PAST_LATIN = new RegExp(
  `(?:차량[ ]?번호|자동차[ ]?번호|车牌号?(?:码)?|車牌(?:號碼)?|[Гг]осномер|[Гг]ос\\.?[ \\t]*номер|[Нн]омерн(?:ой|ого)[ \\t]+знак(?:а)?|[Нн]омер[ \\t]+(?:машины|автомобиля)(?:[ \\t]+[А-Я][а-яё]+)?|ナンバー|車両番号|登録番号|ทะเบียน(?:รถ)?)${GAP}(?:[—–-][ \\t]*)?(\\d{2,3}[가-힣][ \\t]?\\d{4}|[\\u4e00-\\u9fff]{1,4}[ \\t]?\\d{2,3}[ \\t]?[\\u3041-\\u3096][ \\t]?\\d{1,2}-\\d{2}|[ก-ฮ]{1,3}[ \\t]?\\d{1,4}|[АВЕКМНОРСТУХ][ \\t]?\\d{3}[ \\t]?[АВЕКМНОРСТУХ]{2}[ \\t]?\\d{2,3}|[\\u4e00-\\u9fff][A-Z][·• ]?[A-Z0-9]{5,6})(?![\\p{L}\\p{N}])`,
  'gu',
);

function cued(text: string, re: RegExp, kind: string, out: Finding[], accept: (v: string, m: RegExpExecArray) => boolean, group = 1): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const v = m[group];
    if (!accept(v, m)) continue;
    const start = m.index + m[0].lastIndexOf(v);
    out.push({ kind, start, end: start + v.length });
  }
}

/**
 * `text` with Arabic-Indic and Persian digits as ASCII ones, one code unit for one (offsets hold):
 * identifiers and dates written `١٤/٠٣/١٩٩٢` are read as `14/03/1992`.
 */
export function asciiDigits(text: string): string {
  return EASTERN_DIGIT.test(text) ? text.replace(EASTERN_DIGITS, (d) => String(d.charCodeAt(0) & 0xf)) : text;
}
const EASTERN_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/;
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

// A phone's or a SIM's hardware id under its name (`IMEI1 860953046340393`, `MEID A1000049F2C8D1`,
// `SIM ICCID 8944110752098302601`): an IMEI of 15 digits and an ICCID of 18 to 20 starting `89`,
// each with Luhn's check digit; a MEID of 14 hexadecimal digits. Each names one person's device.
const DEVICE_ID =
  /(?<![A-Za-z])(imei(?:[ _-]?(?:sv|\d))?|meid|iccid|internationalmobileequipmentidentity)(?:[ _-]?(?:number|no|nr|#))?(?:[ \t]*\([^()\n]{1,20}\))?(?:\*\*|__)?["']?[ \t]*[:=#]?[ \t]*["']?(\d{2}-?\d{6}-?\d{6}-?\d|\d{18,20}|[0-9A-F]{14})(?![A-Za-z0-9-])/gi;
// A device's advertising or Android id under its name (`IDFA 6E123C9E-…`, `gaid: …`, `Android ID
// 982db2ad88ce5687`): made to follow one person's device across apps. Not the zeros a device gives
// when its owner limits tracking.
const ADVERTISING_ID =
  /(?<![A-Za-z])(?:idfa|idfv|gaid|aaid|(?:google[ _-]?)?advertising[ _-]?id|android[ _-]?id|ios[ _-]?(?:ifa|idfv)|identifierfor(?:advertising|vendor))\)?(?:\*\*|__)?["']?[ \t]*[:=#]?[ \t]*["']?([0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}|[0-9a-f]{16})(?![A-Za-z0-9-])/gi;
function luhnOk(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1 && (x *= 2) > 9) x -= 9;
    sum += x;
  }
  return sum % 10 === 0;
}
function findDeviceIds(text: string, out: Finding[]): void {
  DEVICE_ID.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DEVICE_ID.exec(text)) !== null) {
    const name = m[1].toLowerCase();
    const v = m[2];
    const d = v.replace(/-/g, '');
    const ok =
      name.startsWith('imei') || name.startsWith('international')
        ? /^\d{15}$/.test(d) && luhnOk(d)
        : name === 'iccid'
          ? /^89\d{16,18}$/.test(d) && luhnOk(d)
          : /^[0-9A-F]{14}$/i.test(v) && /\d/.test(v) && !/^(.)\1+$/.test(v);
    if (!ok) continue;
    const start = m.index + m[0].length - v.length;
    out.push({ kind: 'device-id', start, end: start + v.length });
  }
}
// A device's serial number under its name (`SerialNumber: ICV10EEN1D`, `[ro.serialno]: [R5CD9AKGZ9X]`):
// letters and digits both, eight to twenty. And a Steam account's 64-bit id (`76561199604451279`).
const SERIAL_NUMBER =
  /(?<![A-Za-z])(?:ro\.serialno|serial[ _-]?(?:number|no)|serialno)(?:\*\*|__|\])?["']?[ \t]*[:=#]?[ \t]*[["']?([A-Z0-9]{8,20})(?![A-Za-z0-9-])/gi;
const STEAM_ID = /(?<![\d.])7656119\d{10}(?![\d.])/g;
function findSerialNumbers(text: string, out: Finding[]): void {
  cued(text, SERIAL_NUMBER, 'device-id', out, (v) => /\d.*\d/.test(v) && /[A-Z].*[A-Z]/i.test(v) && !/^(?:0x)?[0-9a-f]+$/.test(v));
  cued(text, STEAM_ID, 'id-number', out, () => true, 0);
}
function findAdvertisingIds(text: string, out: Finding[]): void {
  ADVERTISING_ID.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ADVERTISING_ID.exec(text)) !== null) {
    const v = m[1];
    if (/^[0-]+$/.test(v) || !/[a-f]/i.test(v) || !/\d/.test(v)) continue;
    const start = m.index + m[0].length - v.length;
    out.push({ kind: 'device-id', start, end: start + v.length });
  }
}

export function findCuedIdentifiers(original: string, hints: IdentifierHints, out: Finding[]): void {
  const text = asciiDigits(original);
  if (hints.birth) {
    cued(text, BIRTH, 'birth-date', out, (v) => !/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(v) || +v.slice(0, 4) >= 1900);
    BIRTH_NEAR.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = BIRTH_NEAR.exec(text)) !== null) {
      const v = m[2];
      if (/^\d{4}[-/.]/.test(v) && +v.slice(0, 4) < 1900) continue;
      // A date's parts given to a call, on the first of January (`dob = new Date(2020, 1, 1)`): a default, no one's birthday.
      if (/^\d{4}[ \t]*,[ \t]*0?1[ \t]*,[ \t]*0?1$/.test(v)) continue;
      // Markup and code between the word and the date, not a sentence (`the birth of the … release`).
      // (What stands between, not the word: `"Date of birth" field shows 03/03/1940`.)
      if (/(?:^|[\s(])(?:of|the|and|in|on|at|for|to|a|an|is|was|from|since)\s/i.test(m[1])) continue;
      out.push({ kind: 'birth-date', start: m.index + m[0].length - v.length, end: m.index + m[0].length });
      // The dates after it in a list: `c("2000-02-10", "1968-11-05", …)`.
      LIST_DATE.lastIndex = BIRTH_NEAR.lastIndex + (text[BIRTH_NEAR.lastIndex] === '"' || text[BIRTH_NEAR.lastIndex] === "'" ? 1 : 0);
      for (let k = 0, d: RegExpExecArray | null; k < 1000 && (d = LIST_DATE.exec(text)) !== null; k++) {
        out.push({ kind: 'birth-date', start: d.index + d[0].indexOf(d[1]), end: d.index + d[0].indexOf(d[1]) + d[1].length });
        BIRTH_NEAR.lastIndex = LIST_DATE.lastIndex;
      }
    }
  }
  if (hints.birth) cued(text, BORN_AFTER, 'birth-date', out, () => true);
  if (hints.birth) {
    cued(text, BORN_VERB_BEFORE, 'birth-date', out, () => true);
    BORN_VERB_AFTER.lastIndex = 0;
    for (let b: RegExpExecArray | null; (b = BORN_VERB_AFTER.exec(text)) !== null;) {
      const v = b[1] ?? b[2];
      const at = b.index + b[0].indexOf(v);
      out.push({ kind: 'birth-date', start: at, end: at + v.length });
    }
  }
  if (hints.birth) findBirthColumns(text, out);
  if (hints.birth) findBirthFields(text, out);
  if (hints.birth && text.includes('form-data')) findFormPartBirthDates(text, out);
  // A birth date written again in brackets after it, in another calendar or form (`昭和60年7月27日（1985年7月27日）`).
  if (hints.birth)
    for (const f of out.filter((x) => x.kind === 'birth-date')) {
      const again = RESTATED_DATE.exec(text.slice(f.end, f.end + 40));
      if (again !== null)
        out.push({
          kind: 'birth-date',
          start: f.end + again[0].indexOf(again[1]),
          end: f.end + again[0].indexOf(again[1]) + again[1].length,
        });
    }
  if (hints.device === true) {
    findDeviceIds(text, out);
    findAdvertisingIds(text, out);
    findSerialNumbers(text, out);
  }
  if (hints.vehicle) {
    // Letters and digits both, five characters or more, upper case as plates are written (`reg 2024` is a year).
    // The match may run on into the words after it (`plate 8SVG923 was seen`): its groups are
    // taken while they are upper case.
    PLATE.lastIndex = 0;
    let p: RegExpExecArray | null;
    while ((p = PLATE.exec(text)) !== null) {
      const start = p.index + p[0].lastIndexOf(p[1]);
      let v = p[1];
      while (v !== v.toUpperCase()) {
        const cut = Math.max(v.lastIndexOf(' '), v.lastIndexOf('-'));
        if (cut < 0) break;
        v = v.slice(0, cut);
      }
      const bare = v.replace(/[ -]/g, '');
      if (bare.length >= 5 && bare.length <= 10 && /\d/.test(bare) && /[A-Z]/.test(bare) && bare === bare.toUpperCase())
        out.push({ kind: 'vehicle-plate', start, end: start + v.length });
      // (A word taken for the value may be the next cue: `Vehículo matrícula 9115 BTZ`.)
      else PLATE.lastIndex = start;
    }
    cued(text, VIN, 'vehicle-id', out, (v) => /\d/.test(v) && /[A-Z]/i.test(v));
  }
  if (hints.mrz) {
    // A passport's line written alone, in a log or a field (`mrz_line2=A838506192NGA7810163F…`):
    // the second line's four check digits must hold; the first holds a name after `<<`.
    // The first is taken with a valid second after it. ICAO's specimens (issued by `UTO`, Utopia) stay.
    MRZ_TOKEN.lastIndex = 0;
    let t: RegExpExecArray | null;
    let first: RegExpExecArray | null = null;
    while ((t = MRZ_TOKEN.exec(text)) !== null) {
      const v = t[0];
      if (v.startsWith('P')) {
        first = v.slice(2, 5) === 'UTO' || !v.includes('<<') ? null : t;
        continue;
      }
      if (v.slice(10, 13) === 'UTO' || !mrzSecondLineValid(v)) continue;
      if (first !== null && t.index - first.index < 256)
        out.push({ kind: 'passport-number', start: first.index, end: first.index + first[0].length });
      first = null;
      out.push({ kind: 'passport-number', start: t.index, end: t.index + v.length });
    }
    MRZ_LINES.lastIndex = 0;
    let z: RegExpExecArray | null;
    while ((z = MRZ_LINES.exec(text)) !== null) {
      const lines = z[0].split(/\r?\n/);
      if (!lines.every((l) => l.length === 30 || l.length === 36 || l.length === 44) || !z[0].includes('<<')) continue;
      let at = z.index;
      for (const l of lines) {
        out.push({ kind: 'passport-number', start: at, end: at + l.length });
        at = text.indexOf('\n', at) + 1;
      }
    }
  }
  if (hints.card === true) findCardDetails(text, out);
  if (hints.code) {
    cued(text, CARD_CODE, 'card-security-code', out, () => true);
    cued(text, CARD_CID, 'card-security-code', out, (_v, m) =>
      out.some((f) => f.kind === 'credit-card' && f.end <= m.index && m.index - f.end <= 60),
    );
    // Not a year (`pin 2024`) nor a number of one digit repeated. (Also a one-time code: `"otp":"516624"`,
    // `verification code 482913`; and a meeting's dial-in PIN of nine or ten digits.)
    cued(text, PIN_CODE, 'password', out, (v) => !/^(?:19|20)\d\d$/.test(v) && !/^(\d)\1+#?$/.test(v));
    // A one-time code as a log line of the message that sent it writes it (`sms.sent … template=otp … code=116556`).
    cued(text, OTP_LINE_CODE, 'password', out, (v) => !/^(\d)\1+$/.test(v));
    cued(
      text,
      MEETING_CODE,
      'password',
      out,
      // (The word starts a word, or follows an escaped `\n` or `\t`: tested here, as a look-behind
      // at the start of the search would cost every position.)
      (v, m) =>
        (m.index === 0 || !/[A-Za-z]/.test(text[m.index - 1]) || /\\[nt]$/.test(text.slice(m.index - 2, m.index))) &&
        /[A-Za-z]/.test(v) &&
        ((/[a-z]/.test(v) && /[A-Z]/.test(v) && !/^[A-Z][a-z]+$/.test(v)) || (/\d/.test(v) && /[A-Za-z]/.test(v))),
    );
  }
  // Mostly digits (`912803456`, `X1234567`), or a mix of eight or nine with at least three (`C4J8RT6N2`).
  if (hints.medicalRecord) cued(text, MRN, 'medical-record-number', out, (v) => digitCount(v) >= 5);
  if (hints.passport) cued(text, ID_CARD, 'id-number', out, () => true);
  if (hints.passport)
    cued(
      text,
      PASSPORT,
      'passport-number',
      out,
      (v) =>
        digitCount(v) >= 5 ||
        (v.length >= 8 && digitCount(v) >= 3 && /[A-Z]/i.test(v)) ||
        // Germany's: nine of its own alphabet, which leaves out vowels and look-alikes (`FJC7ZNL8N`).
        (/^[CFGHJK][CFGHJKLMNPRTVWXYZ0-9]{8}$/.test(v) && /\d/.test(v)),
    );
  if (hints.licence) cued(text, LICENCE, 'driver-license', out, (v) => digitCount(v) >= 4 && !/^\d{4}-\d{2}-\d{2}$/.test(v));
  if (hints.pastLatin === true) {
    cued(text, PASSPORT_PAST_LATIN, 'passport-number', out, (v) => digitCount(v) >= 6);
    cued(text, LICENCE_PAST_LATIN, 'driver-license', out, (v) => digitCount(v) >= 6);
    cued(text, PLATE_PAST_LATIN, 'vehicle-plate', out, () => true);
  }
  // A British driving licence's number, by its own shape, where a licence is named: the surname's
  // five, the birth date's six (the month plus 50 for a woman), the initials, a digit, two letters.
  if (hints.licence) {
    UK_LICENCE.lastIndex = 0;
    let u: RegExpExecArray | null;
    while ((u = UK_LICENCE.exec(text)) !== null) {
      const month = +u[0].slice(6, 8) % 50;
      const day = +u[0].slice(8, 10);
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
        out.push({ kind: 'driver-license', start: u.index, end: u.index + u[0].length });
    }
  }
  // A bare `account` needs a longer number than `account no.`: `account 42` is a count.
  if (hints.account) {
    cued(
      text,
      ACCOUNT,
      'bank-account',
      out,
      (v, m) =>
        digitCount(v) >= (/^(?:account|acct)$/i.test(m[1]) ? 8 : 6) &&
        digitCount(v) <= 20 &&
        // Twelve digits under a bare `account` are an AWS account's id (`"Account": "…"` of
        // `aws sts get-caller-identity`) unless a bank is named on its line or the lines beside it.
        !(/^(?:account|acct)$/i.test(m[1]) && digitCount(v) === 12 && !BANK_WORD.test(linesAround(text, m.index))),
      2,
    );
    if (ACCOUNT_PAST_LATIN_WORD.test(text))
      cued(
        text,
        ACCOUNT_PAST_LATIN,
        'bank-account',
        out,
        // (A bare `счёт` is a bill too: an account's twenty digits only.)
        (v, m) => digitCount(v) >= 6 && digitCount(v) <= 20 && (!/^сч[её]т$/i.test(m[1]) || digitCount(v) === 20),
        2,
      );
  }
  if (hints.tax) cued(text, ITIN_BARE, 'us-itin', out, (v) => /^9\d\d(?:5\d|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])/.test(v));
  if (hints.nhs) cued(text, NHS, 'nhs-number', out, (v) => nhsValid(v.replace(/[ -]/g, '')));
  // A patient's number that NHS's check digit holds (`patient=969-676-2348`).
  if (hints.medicalRecord) cued(text, PATIENT_NHS, 'nhs-number', out, (v) => nhsValid(v.replace(/[ -]/g, '')));
  if (hints.insurance) {
    cued(text, NINO, 'uk-nino', out, () => true);
    cued(text, MBI, 'id-number', out, () => true);
  }
}

// A document's number in a record of it (a KYC or OCR service's JSON): the `number` of an object
// named for a document (`"id_card": { "number": "457078812" }`), of one whose `type` names one
// (`{"type":"PASSPORT","number":"C72ZVY038"}`), or of one holding its bearer's names
// (`{"surname": …, "given_names": …, "number": "HRN8T1X1T"}`). One object on one line.
const DOC_NAME =
  /^(?:id[_-]?card|identity[_-]?card|passport|driver[_-]?licen[cs]e|drivers[_-]?licen[cs]e|driving[_-]?licen[cs]e|national[_-]?id(?:[_-]?card)?|id[_-]?document|(?:primary|secondary)[_-]?document|document|residence[_-]?(?:permit|card)|voter[_-]?id|teudat[_-]?zehut|hkid|nric|cedula|dni|nie|curp|tax[_-]?id)$/i;
const DOC_OBJECT = /(?:"([\w-]{2,40})"[ \t]*:[ \t]*)?\{([^{}\n]{8,400})\}/g;
const DOC_FIELD = /"([\w-]{1,30})"[ \t]*:[ \t]*"([^"\n]{0,40})"/g;
// (`type`, `document_type`, `idDocType`, `docType`.)
const DOC_TYPE_KEY = /^(?:(?:id[_-]?)?doc(?:ument)?[_-]?)?type$/i;
const DOC_NUMBER_KEY = /^(?:[a-z]+[_-])?(?:number|no|num|nr)$/i;
const BEARER_KEY = /^(?:surname|last[_-]?name|family[_-]?name|given[_-]?names?|first[_-]?name|full[_-]?name)$/i;
const BIRTH_KEY = /^(?:birth[_-]?date|date[_-]?of[_-]?birth|dob)$/i;
export function findDocumentRecords(text: string, out: Finding[]): void {
  DOC_OBJECT.lastIndex = 0;
  let m: RegExpExecArray | null;
  for (let n = 0; n < 4096 && (m = DOC_OBJECT.exec(text)) !== null; n++) {
    // (Inner objects first: the search resumes inside this one.)
    DOC_OBJECT.lastIndex = m.index + 1;
    const body = m[2];
    const fields: { key: string; value: string; at: number }[] = [];
    DOC_FIELD.lastIndex = 0;
    const bodyAt = m.index + m[0].length - 1 - body.length;
    for (let f: RegExpExecArray | null; (f = DOC_FIELD.exec(body)) !== null;)
      fields.push({ key: f[1], value: f[2], at: bodyAt + f.index + f[0].length - 1 - f[2].length });
    const type = fields.find((f) => DOC_TYPE_KEY.test(f.key));
    const named = (m[1] !== undefined && DOC_NAME.test(m[1])) || (type !== undefined && DOC_NAME.test(type.value.replace(/ /g, '_')));
    const bearer = fields.some((f) => BEARER_KEY.test(f.key));
    if (!named && !bearer) continue;
    const passport = /passport/i.test(m[1] ?? '') || /passport/i.test(type?.value ?? '');
    for (const f of fields) {
      if (
        DOC_NUMBER_KEY.test(f.key) &&
        /^[A-Z0-9][A-Z0-9 -]{3,22}[A-Z0-9]$/i.test(f.value) &&
        /\d/.test(f.value) &&
        !/^(\d)\1+$/.test(f.value)
      )
        out.push({ kind: passport ? 'passport-number' : 'id-number', start: f.at, end: f.at + f.value.length });
      // A birth date written as the document's machine-readable zone writes it (`"birth_date": "860318"`).
      else if (bearer && BIRTH_KEY.test(f.key) && /^\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/.test(f.value))
        out.push({ kind: 'birth-date', start: f.at, end: f.at + f.value.length });
    }
  }
}

// What PII recognisers' suites and clinical records mark as a person's:
// - FHIR in XML: `<family value="…"/>`, `<given value="…"/>`, an address's `<line value="…"/>`,
//   an identifier's `<value value="…"/>` after its `<system value="…"/>`;
// - a CoNLL file's tokens tagged `B-PER` / `I-PER`;
// - an annotation naming a person beside its text (`{"type": "PERSON", "text": "נועה בן-דוד"}`,
//   a DLP finding's `quote` under `infoType: {name: PERSON_NAME}`).
const FHIR_XML = /<(family|given|line)[ \t]+value="([^"\n]{2,80})"[ \t]*\/>/g;
const FHIR_XML_ID =
  /<system[ \t]+value="[^"\n]{4,120}"[ \t]*\/>[ \t]*\r?\n?[ \t]*<value[ \t]+value="([A-Za-z0-9][A-Za-z0-9 ./-]{3,30})"[ \t]*\/>/g;
const CONLL_PERSON = /^(\S{1,40})(?:[ \t]+\S{1,20}){0,4}[ \t]+[BI]-PER(?:SON)?[ \t]*\r?$/gm;
const PERSON_LABEL = /^(?:PERSON|PER|PERSON_NAME|NAME|FIRST_NAME|LAST_NAME|FULL_NAME|GIVEN_NAME|FAMILY_NAME|PATIENT|DOCTOR)$/i;
const ANNOTATION = /\{([^{}\n]{8,400})\}/g;
const ANNOTATION_FIELD =
  /"(type|entity_type|entity|label|entity_group|infoType|category|text|quote|value|word|span)"[ \t]*:[ \t]*"([^"\n]{1,80})"/g;
const DLP_QUOTE =
  /(?:PERSON_NAME|PERSON|FIRST_NAME|LAST_NAME)\b[^\n]*\r?\n(?:[^\n]*\r?\n){0,2}?[ \t-]*(?:quote|text|value)[ \t]*:[ \t]*"([^"\n]{1,80})"/g;
export function findAnnotatedValues(text: string, out: Finding[]): void {
  const push = (kind: string, start: number, v: string): void => {
    if (!/\p{L}/u.test(v) || v.startsWith('<REDACTED:')) return;
    out.push({ kind, start, end: start + v.length });
  };
  let m: RegExpExecArray | null;
  if (text.includes(' value="')) {
    FHIR_XML.lastIndex = 0;
    while ((m = FHIR_XML.exec(text)) !== null) {
      const start = m.index + m[0].indexOf('"') + 1;
      if (m[1] === 'line') {
        if (/\d/.test(m[2])) push('street-address', start, m[2]);
      } else if (/^\p{Lu}/u.test(m[2])) push('person-name', start, m[2]);
    }
    FHIR_XML_ID.lastIndex = 0;
    while ((m = FHIR_XML_ID.exec(text)) !== null)
      if (/\d{4}/.test(m[1]) && /<Patient\b|<Person\b|<RelatedPerson\b|<Practitioner\b/.test(text))
        out.push({ kind: 'id-number', start: m.index + m[0].length - m[1].length - 3, end: m.index + m[0].length - 3 });
  }
  if (text.includes('-PER')) {
    CONLL_PERSON.lastIndex = 0;
    while ((m = CONLL_PERSON.exec(text)) !== null) if (/^\p{L}/u.test(m[1])) push('person-name', m.index, m[1]);
  }
  if (text.includes('"text"') || text.includes('"quote"') || text.includes('"word"') || text.includes('"value"')) {
    ANNOTATION.lastIndex = 0;
    for (let n = 0; n < 4096 && (m = ANNOTATION.exec(text)) !== null; n++) {
      let person = false;
      let value: { v: string; at: number } | null = null;
      const bodyAt = m.index + 1;
      ANNOTATION_FIELD.lastIndex = 0;
      for (let f: RegExpExecArray | null; (f = ANNOTATION_FIELD.exec(m[1])) !== null;) {
        const key = f[1];
        if (key === 'text' || key === 'quote' || key === 'value' || key === 'word' || key === 'span')
          value = { v: f[2], at: bodyAt + f.index + f[0].length - 1 - f[2].length };
        else if (PERSON_LABEL.test(f[2])) person = true;
      }
      if (person && value !== null) push('person-name', value.at, value.v);
    }
  }
  if (text.includes('PERSON')) {
    DLP_QUOTE.lastIndex = 0;
    while ((m = DLP_QUOTE.exec(text)) !== null) push('person-name', m.index + m[0].length - 1 - m[1].length, m[1]);
  }
}

// A birth date as a multipart form's part (`Content-Disposition: form-data; name="date_of_birth"` ⏎ ⏎ `1970-03-03`).
const FORM_BIRTH_PART =
  /form-data;[^\n]{0,80}?\bname="(?:date[_-]?of[_-]?birth|birth[_-]?date|dob|birthday|geburtsdatum|fecha[_-]de[_-]nacimiento|data[_-]di[_-]nascita|date[_-]de[_-]naissance|data[_-]de[_-]nascimento)"[^\n]{0,120}\r?\n(?:Content-[\w-]+:[^\n]{0,120}\r?\n)*\r?\n(\d{4}-\d\d-\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\r?(?:\n|$)/gi;
function findFormPartBirthDates(text: string, out: Finding[]): void {
  FORM_BIRTH_PART.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = FORM_BIRTH_PART.exec(text)) !== null;) {
    const start = m.index + m[0].lastIndexOf(m[1]);
    out.push({ kind: 'birth-date', start, end: start + m[1].length });
  }
}
