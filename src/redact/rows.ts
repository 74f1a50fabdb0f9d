// Rows of a delimited table with no header: a CSV's tail (`tail -n 3 members.csv`), rows pasted
// from a spreadsheet, a query's output without its column names. Nothing names the columns, so
// they are read by what their cells look like, once a row is known to be a person's record: one
// of its cells is personal data another rule has found (an e-mail address, a valid phone number, a
// checked national identifier, a date of birth). A person's record then holds names, dates,
// phone numbers and identifiers in columns of their own, whatever country wrote them:
// `Weißmüller,Jürgen,0176 83880414,25/08/1966,50173332364`.
//
// A block is two lines or more of as many cells (3 to 32) split by one delimiter, outside double
// quotes. A column is taken by the shape of most of its cells; a column of names only when the
// list of people's names vouches for one of its cells, and not when each is a common word (a
// column of `Active`, `Pending`). Amounts with decimals, short counters and words in lower case
// are left alone, and so is prose split at its commas.
import type { Finding } from './text';

/** How the name lists class a capitalised word: a listed name, a common word that is no name, or neither. */
export type WordClass = 'name' | 'common' | 'other';

const DELIMITERS = [',', '\t', ';', '|'];
const MIN_CELLS = 3;
const MAX_CELLS = 32;
const MAX_LINE = 4096;
const MAX_ROWS = 20_000;

const ADDRESS_WORDS = "\\p{L}[\\p{L}\\p{M}'’.-]+(?: [\\p{L}\\p{M}'’.-]+){0,4}";
const ADDRESS_CELL = new RegExp(
  `^(?:\\d{1,5}[A-Za-z]?,? ${ADDRESS_WORDS}|${ADDRESS_WORDS},? \\d{1,5}[A-Za-z]?(?:[/-]\\d{1,4}[A-Za-z]?)?\\.?)$`,
  'u',
);
const CJK_NAME_CELL =
  /^(?:[\u4e00-\u9fff\uac00-\ud7a3]{2,4}|[\u05d0-\u05ea\u0621-\u064a]{2,14}(?: [\u05d0-\u05ea\u0621-\u064a]{2,14}){0,2})$/;
// (The family name first and a comma too: `Vogt, Benedikt`.)
const NAME_CELL = /^\p{Lu}[\p{L}\p{M}'’.-]*,?(?:[ \t]+\p{L}[\p{L}\p{M}'’.-]*){0,3}$/u;
const DATE_CELL =
  /^(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}|(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}\.?|\d{1,2}[ -](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ -](?:19|20)\d{2}|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)$/i;
// Digits as phones, identifiers and accounts are written: at least six, separators, maybe letters (`4451292SW`,
// `94.02.06-373.77`, `+44 7700 900123`); not an amount (`1234.56`) or a version (`1.2.3`).
const NUMBER_CELL = /^\+?[\dA-Z(][\dA-Z .()/-]{4,30}[\dA-Z]$/;
const AMOUNT = /^\d{1,3}(?:[,.]\d{3})*[.,]\d{1,2}$|^\d+\.\d{1,2}$/;
const PROSE_CELL = /^\p{Ll}\S*(?:[ \t]+\S+){2}/u;
const EMAIL_CELL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;

type Shape = 'name' | 'date' | 'number' | 'email' | 'address' | 'empty' | 'other';

function shapeOf(v: string): Shape {
  if (v === '') return 'empty';
  if (DATE_CELL.test(v)) return 'date';
  if (EMAIL_CELL.test(v)) return 'email';
  if (NUMBER_CELL.test(v) && !AMOUNT.test(v)) {
    let digits = 0;
    for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57) digits++;
    // (Up to a bank account's 24 digits in three groups, as Hungary writes one: `10417548-26403422-89926502`.)
    if (digits > 0) return digits >= 6 && digits <= 24 ? 'number' : 'other';
    // (Capitals alone are a name as registers write one: `FEDERICO`, `DE LUCA`.)
  }
  // (A street and its house number: `Slovenska cesta 64`, `38 شارع الهرم`, `Bygdøy allé 79B`.)
  if (ADDRESS_CELL.test(v)) return 'address';
  // (A Chinese or Korean name of two to four characters, `王志明`, `김민준`; a Hebrew or Arabic one, `איתי`.)
  if (CJK_NAME_CELL.test(v)) return 'name';
  // (Not a country's or a currency's code: `EE`, `USD`.)
  return v.length <= 60 && NAME_CELL.test(v) && !/^[A-Z]{2,3}$/.test(v) ? 'name' : 'other';
}

interface Cell {
  start: number;
  end: number;
}

/** The cells of line [start, end) split at `delim` outside double quotes, trimmed of spaces and quotes. */
function cellsOf(text: string, start: number, end: number, delim: number): Cell[] {
  const cells: Cell[] = [];
  let from = start,
    quoted = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : delim;
    if (c === 34) quoted = !quoted;
    else if (c === delim && (!quoted || i === end)) {
      let s = from,
        e = i;
      while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
      while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9 || text.charCodeAt(e - 1) === 13)) e--;
      if (e - s >= 2 && text.charCodeAt(s) === 34 && text.charCodeAt(e - 1) === 34) {
        s++;
        e--;
      }
      cells.push({ start: s, end: e });
      if (cells.length > MAX_CELLS) return cells;
      from = i + 1;
    }
  }
  // `| a | b |`: the empty cells outside the outer bars are no cells.
  if (delim === 124 && cells.length > 1 && cells[0].start === cells[0].end) cells.shift();
  if (delim === 124 && cells.length > 1 && cells[cells.length - 1].start === cells[cells.length - 1].end) cells.pop();
  return cells;
}

function countCells(text: string, start: number, end: number, delim: number): number {
  if (end - start > MAX_LINE) return 0;
  return cellsOf(text, start, end, delim).length;
}

/**
 * Headerless rows around the findings at `anchors` (offsets of personal data found by other rules),
 * read as described above. `classify` tells what the name lists make of one capitalised word.
 */
export function findHeaderlessRows(
  text: string,
  out: Finding[],
  anchors: readonly number[],
  classify: (w: string) => WordClass,
  names: readonly number[] = [],
): void {
  // (A block reached from a person's name alone must also hold a column of numbers or dates: a
  // name found in a document's table of words does not make it a record.)
  const sorted = [...anchors.map((a) => a * 2), ...names.map((a) => a * 2 + 1)].sort((a, b) => a - b);
  let readTo = -1,
    blockEnd = -1;
  for (const key of sorted) {
    const at = key >> 1;
    const byName = (key & 1) === 1;
    if (at < readTo) continue;
    // (Lines up to the last block read are not read again: past MAX_ROWS rows, each anchor after a
    // block would walk back through the whole block.)
    const floor = blockEnd;
    const ls = text.lastIndexOf('\n', at - 1) + 1;
    let le = text.indexOf('\n', at);
    if (le < 0) le = text.length;
    readTo = le;
    if (le - ls > MAX_LINE) continue;
    for (const d of DELIMITERS) {
      if (text.indexOf(d, ls) < 0 || text.indexOf(d, ls) >= le) continue;
      const delim = d.charCodeAt(0);
      const n = countCells(text, ls, le, delim);
      if (n < MIN_CELLS || n > MAX_CELLS) continue;
      // The block: the lines around of as many cells.
      const lines: { start: number; end: number }[] = [{ start: ls, end: le }];
      for (let s = ls; lines.length < MAX_ROWS && s > 0;) {
        const ps = text.lastIndexOf('\n', s - 2) + 1;
        if (ps <= floor || countCells(text, ps, s - 1, delim) !== n) break;
        lines.unshift({ start: ps, end: s - 1 });
        s = ps;
      }
      for (let e = le; lines.length < MAX_ROWS && e < text.length;) {
        let ne = text.indexOf('\n', e + 1);
        if (ne < 0) ne = text.length;
        if (countCells(text, e + 1, ne, delim) !== n) break;
        lines.push({ start: e + 1, end: ne });
        e = ne;
      }
      if (lines.length < 2) continue;
      readTo = lines[lines.length - 1].end;
      blockEnd = readTo;
      readBlock(text, lines, delim, n, classify, out, byName);
      break;
    }
  }
}

function readBlock(
  text: string,
  lines: readonly { start: number; end: number }[],
  delim: number,
  n: number,
  classify: (w: string) => WordClass,
  out: Finding[],
  byName: boolean,
): void {
  const rows = lines.map((l) => cellsOf(text, l.start, l.end, delim));
  const value = (c: Cell): string => text.slice(c.start, c.end);
  // Prose split at its commas (`write to the Free Software Foundation, Inc.,⏎51 Franklin St, …`): half
  // the lines or more hold a cell of three words or more that starts in lower case, or a long one.
  let wordy = 0;
  for (const row of rows) if (row.some((c) => c.end - c.start > 200 || PROSE_CELL.test(value(c)))) wordy++;
  if (wordy * 2 >= rows.length) return;
  const shapes = rows.map((r) => r.map((c) => shapeOf(value(c))));
  // A header's cells are words alone; the rows under it hold digits or addresses.
  const header = shapes[0].every((s) => s === 'name' || s === 'other') && rows[0].every((c) => !/[\d@]/.test(value(c)));
  const from = header ? 1 : 0;
  if (rows.length - from < 2 && !(rows.length - from === 1 && header)) return;
  const kinds: (string | null)[] = [];
  let vouched = false;
  for (let col = 0; col < n; col++) {
    const count: Record<Shape, number> = { name: 0, date: 0, number: 0, email: 0, address: 0, empty: 0, other: 0 };
    for (let r = from; r < rows.length; r++) count[shapes[r][col]]++;
    const filled = rows.length - from - count.empty;
    if (filled === 0) {
      kinds.push(null);
      continue;
    }
    const most = (k: Shape): boolean => count[k] * 3 >= filled * 2 && count[k] > 0;
    if (most('name')) {
      let listed = false,
        allCommon = true;
      for (let r = from; r < rows.length; r++) {
        if (shapes[r][col] !== 'name') continue;
        for (const w of value(rows[r][col]).split(/[ \t,-]+/)) {
          const c = classify(w);
          if (c === 'name') listed = true;
          if (c !== 'common') allCommon = false;
        }
      }
      if (listed) vouched = true;
      kinds.push(allCommon ? null : 'person-name');
    } else if (most('date')) kinds.push('birth-date');
    else if (most('address')) kinds.push('street-address');
    else if (most('number')) kinds.push('id-number');
    else kinds.push(null);
  }
  if (!vouched || (byName && !kinds.some((k) => k === 'birth-date' || k === 'id-number'))) return;
  for (let r = from; r < rows.length; r++)
    for (let col = 0; col < n; col++) {
      const kind = kinds[col];
      const s = shapes[r][col];
      if (kind === null || s === 'empty') continue;
      if (
        (kind === 'person-name' && s !== 'name') ||
        (kind === 'birth-date' && s !== 'date') ||
        (kind === 'id-number' && s !== 'number') ||
        (kind === 'street-address' && s !== 'address')
      )
        continue;
      out.push({
        kind: kind === 'id-number' && /^\+|^0\d/.test(value(rows[r][col])) ? 'phone' : kind,
        start: rows[r][col].start,
        end: rows[r][col].end,
      });
    }
}
