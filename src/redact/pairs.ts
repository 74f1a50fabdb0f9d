// The id that goes with a secret found beside it, under a name of the same stem: `FORTNOX_CLIENT_ID`
// with `FORTNOX_CLIENT_SECRET`, `access_id` with `access_secret`, `HUAWEICLOUD_SDK_AK` with `…_SK`,
// `"ClientId"` with `"ClientSecret"`, `private_key_id` with `private_key`, Azure's `AccountName=`
// with `AccountKey=`. An id alone is kept (a public client's id is no secret); beside its secret it
// is the other half of a login, and goes with it.
// Part of the statements bundle (statements.js).
import { isPlaceholder, type Finding } from './text';

// `name <sign> value` in any common syntax: `.env`, YAML, JSON, properties, a connection string's parts.
const FIELD = /(?<![\w.-])["']?([A-Za-z][\w.-]{0,60}?)["']?[ \t]*(?:=>|:=|=|:)[ \t]*["']?([^\s"'`,;<>{}()[\]]{1,300})/g;
// A name's stem and ending, separators dropped and lower-cased (`allegro.client-id` → `allegroclient` + `id`).
const ID_END = /^(.*)(?:id|ak|sid)$/;
const SECRET_END = /^(.*?)(?:secret|secretkey|sk|token|password|key)$/;
// Past this many findings a call, no more pairs are looked for (a flood of secrets is redacted anyway).
const MAX_SECRETS = 200;
// How many lines apart an id and its secret may stand, and how many characters (a long line is read no further).
const PAIR_LINES = 3;
const PAIR_CHARS = 600;

const norm = (name: string): string => name.toLowerCase().replace(/[_.-]/g, '');

/**
 * The stems of a name that ends as an id's does, with and without a `key` before the id
 * (`clientid` → `client`; `privatekeyid` → `privatekey`, `private`; `accountname` → `account`).
 */
function idStems(name: string): string[] {
  const n = norm(name);
  if (n.endsWith('accountname')) return [n.slice(0, -4)];
  if (n.endsWith('consumerkey')) return [n.slice(0, -3)];
  const m = ID_END.exec(n);
  if (m === null) return [];
  return m[1].endsWith('key') ? [m[1], m[1].slice(0, -3)] : [m[1]];
}

/** The stem of a name that ends as a secret's does (`clientsecret` → `client`, `accountkey` → `account`), or null. */
function secretStem(name: string): string | null {
  const m = SECRET_END.exec(norm(name));
  return m === null ? null : m[1];
}

/** An id's literal value: eight characters or more, with a digit or sixteen characters long; no stand-in nor reference. */
function idValue(v: string, accountName: boolean): boolean {
  if (isPlaceholder(v) || /^[$%{<@&*]|:\/\/|^(?:true|false|null|none)$/i.test(v)) return false;
  if (accountName) return v.length >= 3;
  return v.length >= 8 && (/\d/.test(v) ? /[A-Za-z]/.test(v) || v.length >= 12 : v.length >= 16 && /[a-z]/.test(v) && /[A-Z]/.test(v));
}

/**
 * From the start of the line `lines` above the one holding [start, end) to the end of the line
 * `lines` below it, no further than PAIR_CHARS either way (read character by character: a search
 * for a line break could cross a whole minified file).
 */
function around(text: string, start: number, end: number, lines: number): { from: number; to: number } {
  let from = start,
    breaks = 0;
  while (from > 0 && start - from < PAIR_CHARS) {
    if (text.charCodeAt(from - 1) === 10 && ++breaks > lines) break;
    from--;
  }
  let to = end;
  breaks = 0;
  while (to < text.length && to - end < PAIR_CHARS) {
    if (text.charCodeAt(to) === 10 && ++breaks > lines) break;
    to++;
  }
  return { from, to };
}

/** Adds the ids named for a secret that `out` holds (not `personal` kinds), within three lines of it. */
export function findPairedIds(text: string, out: Finding[], personal: ReadonlySet<string>): void {
  const secrets = out.filter((f) => !personal.has(f.kind)).slice(0, MAX_SECRETS);
  const taken = new Set<number>();
  for (const s of secrets) {
    const { from, to } = around(text, s.start, s.end, PAIR_LINES);
    const win = text.slice(from, to);
    // The secret's own name: the field whose value the finding overlaps.
    const fields: { name: string; start: number; end: number }[] = [];
    FIELD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = FIELD.exec(win)) !== null) {
      const end = from + m.index + m[0].length;
      fields.push({ name: m[1], start: end - m[2].length, end });
      // (Values are read whole: a value's own `:` or `=` starts no field.)
    }
    // (Or the last before it on its line, whose value the reader cut short: `"private_key": "-----BEGIN …`;
    // a name of a secret's, not a run of the value that looks like one: `…isaFA==`.)
    const own = [
      ...fields.filter((f) => f.start < s.end && s.start < f.end),
      ...fields.filter((f) => f.start <= s.start && !text.slice(f.start, s.start).includes('\n')).reverse(),
    ].find((f) => secretStem(f.name) !== null);
    if (own === undefined) continue;
    const stem = secretStem(own.name)!;
    // A service account's private key goes with its client's id (Google's key files: `private_key`, `client_id`).
    const stems = norm(own.name) === 'privatekey' ? [stem, 'client'] : [stem];
    for (const f of fields) {
      if (f === own || taken.has(f.start)) continue;
      if (!idStems(f.name).some((x) => stems.includes(x))) continue;
      const v = text.slice(f.start, f.end);
      if (!idValue(v, norm(f.name).endsWith('accountname'))) continue;
      taken.add(f.start);
      out.push({ kind: 'secret', start: f.start, end: f.end });
    }
  }
}
