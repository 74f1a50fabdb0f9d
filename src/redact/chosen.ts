// A password a person chose, told beside a word for one or for credentials, in prose or in code.
// A bundle of its own (chosen.js), loaded when a text first holds such a word.
import { cueFlood, isPlaceholder, type Finding } from './text';

/** A literal password: no stand-in, no reference, no bind parameter (as statements.ts reads one). */
function literalPassword(v: string): boolean {
  return v.length >= 3 && !isPlaceholder(v) && !/^[$%{<[(:?@&]|^\*+$/.test(v) && !/%\(/.test(v);
}

// A password a person chose, told beside a word for one or for credentials, in prose or in code:
// `creds are reporting_admin / Wint3r-Harbour!92`, `hasło do bazy to nadal Pol4nd#stg_91`,
// `temporary password Tmp#8841-qzX given`, `CURLOPT_USERPWD, "brightlane:Juni4923cin$"`,
// `Password: "ch_default_Pw9"`, and the answer on the next line to a question asking for one
// (`anyone have the jenkins admin pw?` ⏎ `<t.osei> Letmein655#`). The value is read on the rest of
// the cue's line (100 characters), as a quoted literal or a word standing alone, and must look
// chosen (chosenPassword): a letter and a digit, and both cases or a symbol.
// (Grouped by first letter, the boundary before the word checked by the reader: a look-behind
// before the alternatives would be tried at every character of the text, five times the cost.)
const CHOSEN_CUE =
  /(?:p(?:asswor[dt]s?|asswd|assphrase|wd?(?<=[ (]pwd?)(?=[ :?])|ass(?<=[ \t]pass)(?=[ \t])|arola|assord)|cred(?:s|entials?)|userpwd|kennwort|mdp|mot de passe|has[łl]o|contrase[ñn]a|senha|[şs]ifre(?:niz|si)?|пароль|wachtwoord|l[öo]senord|salasana|adgangskode|heslo|jelsz[óo]|lozinka|密码|密碼|パスワード|비밀번호|mật khẩu|κωδικός|סיסמה|كلمة المرور|รหัสผ่าน)(?![\p{L}\p{N}])/giu;
/** Whether the character (the code point) before `i` is a letter or a digit. */
function wordBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  const cp = c >= 0xdc00 && c < 0xe000 && i >= 2 ? text.codePointAt(i - 2)! : c;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}
const WORD_CHAR = /[\p{L}\p{N}]/u;
// (Every word above opens the reader's gate in index.ts by itself, so a window reads what the whole text reads.)
// A quoted literal, or a word between white space (or `(`, `,`, `:`, `=`, `>`) and white space or
// the end of a sentence; not starting with `=` (read right after `password`, that is the assignment's sign).
const CHOSEN_CANDIDATE = /(["'`])([^"'`\s]{7,64})\1|(?<=^|[\s(,:=>])(?!=)([^\s"'`,;:]{7,40})(?=$|[\s,;)]|[.!?](?:\s|$))/g;
const CHOSEN_BEFORE_ACCOUNT = /(?:^|\s)(?:for|on|of|at|in|from|into|fuer|für|pour|para|per|dla|voor)\s+$/i;
const CHOSEN_SUBJECT = /^\s*(?:is|was|are|has|ist|est|es|jest|:=|=|:)(?:\s|$)/i;
const CHAT_PREFIX = /^[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*)?(?:<[^>\n]{1,40}>|[^:\n]{1,40}?[ \t]?:(?=[ \t]))?[ \t]*/;

const QUOTE_AFTER_CUE = /["'`]/;
const QUERY_NAME_BEFORE = /[?&][\w.-]*-$/;
// Three to five lower-case words and a number of two to four digits, after `is` or a colon, ending the sentence or the clause.
const SPOKEN_PASSPHRASE = /^[ \t]+(?:is|was|:)[ \t]+([a-z]{3,10}(?: [a-z]{3,10}){2,4} \d{2,4})(?=[ \t]*(?:$|[.,;!)(]))/;
const PROSE_WORDS = new Set(
  'the and for with from that this your our their into onto over under until after before about than then when where which while will would should could must have been being were are not all any each every some only just also still never always once same other here there same'.split(
    ' ',
  ),
);
// Between the cue and its value: nothing, a sign, or `is` in a few languages (`wachtwoord is:`, `Passwort ist`).
const TOLD = /^[ \t]*(?:(?:is|ist|est|es|er|är|on|jest|é)[ \t]*)?[:=]?[ \t]*$/i;
/**
 * A password generated of letters alone, without a digit (`Vb-nIghKkjlWA`): ten characters or more,
 * both cases, and a run of four consonants no word has (`ghkkjlw`); not an identifier in camel case.
 */
function generatedLetters(v: string): boolean {
  return (
    v.length >= 10 &&
    v.length <= 40 &&
    /^[A-Za-z!@#$%^&*+=?~_-]+$/.test(v) &&
    /[a-z]/.test(v) &&
    /[A-Z]/.test(v) &&
    !/^[A-Z]?[a-z]+(?:[A-Z][a-z]+)+$/.test(v) &&
    /[bcdfghjklmnpqrstvwxz]{4,}/.test(
      v
        .toLowerCase()
        .replace(/[^a-z]/g, '')
        .replace(/([ptscgw])h/g, '$1'),
    )
  );
}

/** Whether `v` looks like a password a person chose (`Wint3r-Harbour!92`), not a word, a name in code, a host or a version. */
export function chosenPassword(v: string, quoted = true): boolean {
  if (v.length < 7 || v.length > 40 || !/\p{L}/u.test(v) || !/\d/.test(v) || /\$(?:\d(?!\d)|\{)/.test(v)) return false;
  if (/[/\\()[\]{}<>|]|:\/\/|^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v) || isPlaceholder(v)) return false;
  if (!/[!@#$%^&*+=?~]/.test(v)) {
    // Without a symbol, one part mixes both cases and a digit (`Pw9` of `ch_default_Pw9`,
    // `jasper89Lantern`), unlike hosts and names in code (`Prod-DB01`, `FS02-Admin`, `DB_HOST_2`).
    if (v.includes('.') || !v.split(/[-_]/).some((p) => /\p{Lu}/u.test(p) && /\p{Ll}/u.test(p) && /\d/.test(p))) return false;
    // Unquoted, a name in code (`getUser2Name`, `sha256Hex`) is more likely than a password.
    if (!quoted && /^[a-z]+\d*(?:[A-Z][a-z0-9]*)+$/.test(v)) return false;
  }
  if (/^v?\d+(?:\.\d+)+/.test(v) || /^[0-9a-f]+$/i.test(v) || /^\d{4}-\d{2}-\d{2}/.test(v)) return false;
  return literalPassword(v);
}

export function findChosenPasswords(text: string, out: Finding[]): void {
  const push = (start: number, value: string): void => {
    out.push({ kind: 'password', start, end: start + value.length });
  };
  CHOSEN_CUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let readTo = 0;
  while ((m = CHOSEN_CUE.exec(text)) !== null) {
    if (wordBefore(text, m.index)) {
      CHOSEN_CUE.lastIndex = m.index + 1;
      continue;
    }
    const from = m.index + m[0].length;
    if (from < readTo) continue;
    // The line around the cue, read no further than 500 characters each way: a longer line is
    // minified or generated (a bundle, a source map), and is not read.
    let eol = from;
    while (eol < text.length && eol - from <= 500 && text.charCodeAt(eol) !== 10) eol++;
    let bol = m.index;
    while (bol > 0 && m.index - bol <= 500 && text.charCodeAt(bol - 1) !== 10) bol--;
    readTo = Math.min(eol, from + 100);
    if (eol - bol > 500) {
      readTo = eol;
      continue;
    }
    // A placeholder of an earlier redaction (`<REDACTED:password#…>`) names no password.
    if (text.charCodeAt(m.index - 1) === 58 /* : */ && text.startsWith('REDACTED', m.index - 9)) continue;
    // A query parameter's or a header's name (`?X-Amz-Credential=AKIA…&X-Amz-Date=…`): its value is
    // read by the readers of URLs and headers, not as a password told beside the word.
    if (QUERY_NAME_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const to = readTo;
    const cell = tableCell(text, bol, m.index, from, eol);
    if (cell >= 0) {
      push(cell, valueCell(text, cell, eol));
      continue;
    }
    // A cue quoted as a label (`getByLabel("Passwort").fill("Quokka$171Q")`): read past its closing quote.
    const past = from < to && QUOTE_AFTER_CUE.test(text[from]!) && QUOTE_AFTER_CUE.test(text[m.index - 1] ?? '') ? from + 1 : from;
    if (chosenOn(text, past, to, push, m[0].toLowerCase() === 'pass')) continue;
    // A passphrase of words and a number told in a sentence (`password is mirage spruce vesper 732 (valid till Friday)`).
    const phrase = SPOKEN_PASSPHRASE.exec(text.slice(from, to));
    if (phrase !== null && !phrase[1].split(' ').some((w) => PROSE_WORDS.has(w) || /(?:ed|ing|ly)$/.test(w))) {
      push(from + phrase[0].length - phrase[1].length, phrase[1]);
      continue;
    }
    // A comment that names it, and the next line that assigns it (`# hasło do serwera` ⏎ `H="…"`).
    if (COMMENT_START.test(text.slice(bol, m.index)) && eol < text.length) {
      let next = text.indexOf('\n', eol + 1);
      if (next < 0) next = text.length;
      const a = NEXT_ASSIGNMENT.exec(text.slice(eol + 1, Math.min(next, eol + 201)));
      if (a !== null && randomLiteral(a[2])) {
        push(eol + 1 + a[0].length - 1 - a[2].length, a[2]);
        continue;
      }
    }
    // A question asking for one, answered on the next line.
    if (eol < text.length && to === eol && /\?[ \t]*\r?$/.test(text.slice(from, eol))) {
      let next = text.indexOf('\n', eol + 1);
      if (next < 0) next = text.length;
      const line = text.slice(eol + 1, next);
      const prefix = CHAT_PREFIX.exec(line)![0].length;
      chosenOn(text, eol + 1 + prefix, Math.min(next, eol + 1 + prefix + 60), push);
    }
  }
}

// A login and its password given as a pair, the login an e-mail address (``log in with
// `qa.lucia@rappido.co` / `Qa!Staging574` ``): the password, when it looks chosen.
// (Read from each ` / `: an expression starting at any word's character would cost every word of a text.)
// (Either may be set in bold, as a README writes it: `**qa@rappido.co** / **Qa!Staging574**`.)
const LOGIN_BEFORE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:["'`]|\*\*|__)?[ \t]*$/;
// Or a login after a word for a user or a login on its line (`# usuario de prueba: proveedor_demo / Juniper#9541x`).
const LOGIN_CUED =
  /(?:^|[^\p{L}])(?:user(?:name)?|login|usuario|usuário|utilisateur|identifiant|benutzer(?:name)?|utente|gebruiker|użytkownik|creds?|credentials|zugang|acceso|accès)\b[^\n/]{0,30}?[ \t]["'`]?[\w.-]{3,40}["'`]?[ \t]*$/iu;
const PASSWORD_AFTER = /^[ \t]*(["'`]|\*\*|__)?([^\s"'`]{7,40})/;
export function findSlashPairs(text: string, out: Finding[]): void {
  for (let at = text.indexOf(' / '); at >= 0; at = text.indexOf(' / ', at + 3)) {
    const before = text.slice(Math.max(0, at - 100), at + 1);
    if (!LOGIN_BEFORE.test(before) && !LOGIN_CUED.test(before)) continue;
    const m = PASSWORD_AFTER.exec(text.slice(at + 2, at + 2 + 60));
    if (m === null) continue;
    const quote = m[1] ?? '';
    let v = m[2];
    const start = at + 2 + m[0].length - v.length;
    if (quote.length === 2 && v.endsWith(quote)) v = v.slice(0, -2);
    if (quote !== '') {
      if (!text.startsWith(quote, start + v.length)) continue;
    } else v = v.replace(/[.,;:)]+$/, '');
    if (!chosenPassword(v, quote !== '')) continue;
    out.push({ kind: 'password', start, end: start + v.length });
  }
}

/**
 * A row of a table of names and values, the cue in its first cell (`| パスワード | WWfTeoKYdDPN |`,
 * `| Admin password | \`Xk29…\` |`): where the next cell's value starts, or -1. The value is one
 * word of two kinds of characters or more (cases, digits, symbols), no stand-in nor reference.
 */
function tableCell(text: string, bol: number, cueStart: number, cueEnd: number, eol: number): number {
  if (!/^[ \t]*\|[ \t]*(?:[\p{L}\p{N}_.-]+[ \t]+){0,3}$/u.test(text.slice(bol, cueStart))) return -1;
  const sep = /^[ \t]*\|[ \t]*`?/.exec(text.slice(cueEnd, cueEnd + 12));
  if (sep === null) return -1;
  const start = cueEnd + sep[0].length;
  const v = valueCell(text, start, eol);
  if (v.length < 6 || v.length > 64 || (v.length < 8 && !/\d/.test(v)) || isPlaceholder(v) || /^[$%{<[(*]/.test(v)) return -1;
  const kinds = (/\p{Ll}/u.test(v) ? 1 : 0) + (/\p{Lu}/u.test(v) ? 1 : 0) + (/\d/.test(v) ? 1 : 0) + (/[^\p{L}\d]/u.test(v) ? 1 : 0);
  return kinds >= 2 && !/^\p{Lu}\p{Ll}+$/u.test(v) ? start : -1;
}
/** The value of a table's cell at `start`: to the next `|` or backtick, without spaces; '' when it holds one. */
function valueCell(text: string, start: number, eol: number): string {
  let end = start;
  while (end < eol && text[end] !== '|' && text[end] !== '`') end++;
  const v = text.slice(start, end).trimEnd();
  return /\s/.test(v) ? '' : v;
}

// A comment's opening before the cue on its line (`#`, `//`, `--`, `;`, `/*`, `*`, `<!--`, `REM`, `'`).
const COMMENT_START = /^[ \t]*(?:#|\/\/|--|;|\/?\*|<!--|'|rem[ \t]|REM[ \t])/;
// An assignment of a quoted literal to any name (`const s = "…";`, `H="…"`, `$p = '…'`, `p := "…"`).
const NEXT_ASSIGNMENT =
  /^[ \t]*(?:(?:const|let|var|my|local|export|set|readonly|final|static|private|val|string|String)[ \t]+)*[$@]?[A-Za-z_][\w.]{0,40}[ \t]*(?::=|=|:)[ \t]*(["'`])([^"'`\s\\]{8,64})\1/;
/** A literal that looks made at random: both cases (three of each), no words in camel case, no stand-in. */
function randomLiteral(v: string): boolean {
  const upper = v.replace(/[^A-Z]/g, '').length;
  const lower = v.replace(/[^a-z]/g, '').length;
  return upper >= 3 && lower >= 3 && !/^[A-Z]?[a-z]+(?:[A-Z][a-z]+)+\d*$/.test(v) && !/[/:]/.test(v) && !isPlaceholder(v);
}

/** The first chosen password in text[from, to), pushed; whether one was. */
function chosenOn(text: string, from: number, to: number, push: (start: number, value: string) => void, verb = false): boolean {
  const seg = text.slice(from, to);
  CHOSEN_CANDIDATE.lastIndex = 0;
  let c: RegExpExecArray | null;
  while ((c = CHOSEN_CANDIDATE.exec(seg)) !== null) {
    const quoted = c[2] !== undefined;
    let v = quoted ? c[2] : c[3].replace(/[.,;:]+$/, '');
    // (A bracket closing around the sentence is not the password's: `(pwd Snowfl@ke#ETL77)`.)
    if (!quoted && v.endsWith(')') && !v.includes('(')) v = v.slice(0, -1);
    let at = c.index + (quoted ? 1 : 0);
    const after = seg.slice(c.index + c[0].length, c.index + c[0].length + 6);
    if (quoted && /^\s*[:=]/.test(after)) continue; // a key
    if (!quoted && (/^[(.]/.test(after) || CHOSEN_SUBJECT.test(after))) continue;
    // The value of an assignment to the cue itself (`password=…`) is the keyword reader's to judge.
    if (!quoted && /^[ \t]*[:=][ \t]*$/.test(seg.slice(0, c.index))) continue;
    if (CHOSEN_BEFORE_ACCOUNT.test(seg.slice(Math.max(0, c.index - 12), c.index))) continue;
    // `user:password` in one literal.
    const colon = v.indexOf(':');
    if (quoted && colon > 0 && colon === v.lastIndexOf(':')) {
      at += colon + 1;
      v = v.slice(colon + 1);
    }
    // A word standing alone in prose: a lower-case letter, and no operator, anchor or name in code
    // (`PKCS#12`, `0===o?void`, `#dep0011-…`, `SubmitResultV2`, `S4U2Proxy`).
    if (
      !quoted &&
      (!/\p{Ll}/u.test(v) || /==|&&|\|\||=>|^\w+=|=$|^[\w.-]+@[\w.-]+$/.test(v) || /^[A-Z]?[a-z]*\d*(?:[A-Z][a-z0-9]*)+$/.test(v))
    )
      continue;
    if (/^[#&|]/.test(v)) continue; // an anchor, a colour
    // After `pass`, a verb too (`pass --port=80`, `pass v8::External`): no option, assignment or path.
    if (verb && (/[=:]/.test(v) || v.startsWith('-'))) continue;
    // Told right after the cue (`password is: Vb-nIghKkjlWA`), a generated one of letters alone.
    if (!chosenPassword(v, quoted) && !(TOLD.test(seg.slice(0, c.index)) && generatedLetters(v))) continue;
    push(from + at, v);
    return true;
  }
  return false;
}

// A passphrase as password managers generate it: three to six plain words one space apart, the
// last with a symbol and a number glued on (`velvet Lantern ripple canyon$80`, `orbit Nimbus
// lagoon!79`). Told anywhere: after a flag (`ssh-keygen -N '…'`), in a table's cell, after a login
// and ` / `, in backticks. Read from each symbol before a number (a scan from every word's start
// would cost every word of a text), its words back from there.
const PASSPHRASE_END = /[!#$%&*+;?^~]\d{1,4}(?![A-Za-z0-9_])/g;
// Words of a sentence or of a message, never a generated passphrase's.
const PASSPHRASE_NOT =
  /^(?:the|and|for|from|with|that|its|are|was|not|this|your|you|use|see|must|should|will|can|please|enter|null|none|true|false|new|return|function|password|passwords|secret|token|key|issue|bug|fix|fixed|ticket|item|page|step|version|line|row|column|chapter|section|figure|table|room|floor|order|invoice|case|build|run|job|pull|request|commit|release|tag|sprint|week|day|number|level|size|part|cannot|read|error|instanceof|typeof|const|var|let|throw|else|case|then|done|echo|print|class|def|import|export|async|await|yield|static|public|private|void|int|string|bool|float|double|char|long|short|unsigned|struct|enum)$/i;
const PASSPHRASE_LEFT = new Set(['"', "'", '`', '|', '\n', '\t', '*', '>', '=', ':']);
const PASSPHRASE_BEFORE_SPACE = new Set([':', '=', '|', '/', '>', '(', '*', '"', "'", '`']);
export function findGeneratedPassphrases(text: string, out: Finding[]): void {
  PASSPHRASE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  // (Passphrases packed closer than any document holds them: a flood, dropped whole.)
  const flood = cueFlood(256, 64);
  while ((m = PASSPHRASE_END.exec(text)) !== null) {
    // Back over the words: letters, one space apart, at most six.
    let s = m.index;
    let words = 0;
    let lower = false;
    let bad = false;
    for (;;) {
      const w = wordStartBefore(text, s);
      if (w < 0) break;
      const word = text.slice(w, s);
      if (PASSPHRASE_NOT.test(word)) {
        bad = true;
        break;
      }
      // (A word in capitals is an acronym, never a generated passphrase's: `Cannot read PKCS#12`.)
      if (/[A-Z]{2}/.test(word)) {
        bad = true;
        break;
      }
      if (/[a-z]/.test(word)) lower = true;
      words++;
      s = w;
      if (words > 6 || s < 2 || text.charCodeAt(s - 1) !== 32 || wordStartBefore(text, s - 1) < 0) break;
      s--; // the space
    }
    if (bad || words < 3 || words > 6 || !lower) continue;
    // What stands before the first word: the text's start, a quote, a cell's bar, a sign, or one
    // of them and a space.
    const c1 = s > 0 ? text[s - 1] : '\n';
    const left = PASSPHRASE_LEFT.has(c1) || (c1 === ' ' && (s < 2 || PASSPHRASE_BEFORE_SPACE.has(text[s - 2]) || text[s - 2] === '\n'));
    if (!left) continue;
    const end = m.index + m[0].length;
    flood(s);
    out.push({ kind: 'password', start: s, end });
  }
}

/** The start of a word of three to twelve ASCII letters ending at `end`, or -1. */
function wordStartBefore(text: string, end: number): number {
  let w = end;
  while (w > 0 && end - w <= 12 && isAsciiLetter(text.charCodeAt(w - 1))) w--;
  const len = end - w;
  return len < 3 || len > 12 || (w > 0 && isAsciiLetter(text.charCodeAt(w - 1))) ? -1 : w;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
