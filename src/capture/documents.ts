// Which documents are captured, and under which path. Plain data in: a document's URI parts,
// its length and a sample of its text; out: capture it as PATH, or skip it and say why.

/** Schemes of documents that are files the engineer edits (local, remote, or not yet saved). */
const FILE_SCHEMES = new Set(['file', 'vscode-remote', 'untitled', 'vscode-vfs']);
const NOTEBOOK_CELL_SCHEME = 'vscode-notebook-cell';

export type SkipReason = 'too-large' | 'binary' | 'excluded' | 'scheme' | 'minified';

export interface DocumentFacts {
  scheme: string;
  /** The URI path, with forward slashes. */
  uriPath: string;
  /** URI fragment (a notebook cell's handle). */
  fragment: string;
  /** Workspace-relative path when the document is inside a workspace folder. */
  relativePath: string | undefined;
  /** Length in UTF-16 code units. */
  length: number;
}

export interface CaptureLimits {
  maxFileSize: number;
  maxLineLength: number;
}

export type DocumentDecision =
  { capture: true; path: string } | { capture: false; reason: SkipReason; path: string | undefined; quiet: boolean };

/** The path a document is recorded under: workspace-relative, or a bare name outside it. */
export function recordedPath(f: Pick<DocumentFacts, 'scheme' | 'uriPath' | 'fragment' | 'relativePath'>): string {
  const base = f.relativePath ?? (f.scheme === 'untitled' ? f.uriPath : 'external/' + lastSegment(f.uriPath));
  return f.scheme === NOTEBOOK_CELL_SCHEME ? `${base}#cell-${f.fragment}` : base;
}

function lastSegment(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) || 'untitled' : p || 'untitled';
}

/**
 * Decides on a document before any of its text is read in full. `quiet` skips (internal
 * schemes such as output channels) get no marker: they are not the engineer's files.
 */
export function decideBySchemeAndSize(f: DocumentFacts, limits: CaptureLimits): DocumentDecision {
  if (!FILE_SCHEMES.has(f.scheme) && f.scheme !== NOTEBOOK_CELL_SCHEME) {
    return { capture: false, reason: 'scheme', path: undefined, quiet: true };
  }
  const path = recordedPath(f);
  if (f.length > limits.maxFileSize) return { capture: false, reason: 'too-large', path, quiet: false };
  return { capture: true, path };
}

const SAMPLE = 8192;

/**
 * Looks at the text once, when the document is first seen: NUL characters mark a binary
 * file; a line longer than the limit marks minified or generated code. Cost: one pass.
 */
export function decideByContent(text: string, limits: CaptureLimits): SkipReason | undefined {
  if (text.slice(0, SAMPLE).includes('\u0000')) return 'binary';
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    if (nl - start > limits.maxLineLength) return 'minified';
    start = nl + 1;
  }
  return undefined;
}
