// Text typed while capture was off must never leave the editor, not in the baseline taken
// when capture resumes, nor later as diff context, a session's restatement or a re-opened
// file. Lines that appeared while capture was off are remembered (in memory only) and
// replaced by a placeholder wherever the document's text is emitted.

export const NOT_CAPTURED = '<REDACTED:not-captured>';

/** Shorter pieces are masked only where they are a whole line, to leave `}` and `});` alone. */
const MIN_SUBSTRING = 6;

export class PauseMask {
  /** Per document: the text of lines that appeared while capture was off. */
  private readonly lines = new Map<string, Set<string>>();

  /** Lines of `now` that `before` did not have (all non-blank lines when `before` is unknown). */
  learn(key: string, before: string | undefined, now: string): void {
    const known = before === undefined ? undefined : new Set(before.split('\n').map(stripCr));
    let set = this.lines.get(key);
    for (const raw of now.split('\n')) {
      const line = stripCr(raw);
      if (line.trim() === '' || known?.has(line)) continue;
      if (!set) this.lines.set(key, (set = new Set()));
      set.add(line);
    }
  }

  has(key: string): boolean {
    return this.lines.has(key);
  }

  /** The text with every remembered piece replaced; the number of lines never changes. */
  apply(key: string, text: string): string {
    const set = this.lines.get(key);
    if (!set || set.size === 0) return text;
    const long = [...set].filter((l) => l.trim().length >= MIN_SUBSTRING).sort((a, b) => b.length - a.length);
    return text
      .split('\n')
      .map((raw) => {
        const cr = raw.endsWith('\r') ? '\r' : '';
        let line = cr ? raw.slice(0, -1) : raw;
        if (set.has(line)) return NOT_CAPTURED + cr;
        for (const piece of long) if (line.includes(piece)) line = line.split(piece).join(NOT_CAPTURED);
        return line + cr;
      })
      .join('\n');
  }
}

function stripCr(l: string): string {
  return l.endsWith('\r') ? l.slice(0, -1) : l;
}
