// Serves the admin page: plain HTML and ES modules from public/, Preact and htm straight from
// node_modules through an import map, so there is no front-end build step.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';

/** Where the page lives on the collector; it reaches the JSON API relative to this. */
export const ADMIN_PATH = '/admin';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The page's own files, by the name they are served under. */
const PAGE_FILES = ['index.html', 'app.js', 'api.js', 'charts.js', 'format.js', 'app.css', 'icon.svg'];

/** Third-party modules, by the name they are served under (the import map in index.html names them). */
const VENDOR_FILES: Record<string, () => string> = {
  'preact.mjs': () => require.resolve('preact'),
  'hooks.mjs': () => require.resolve('preact/hooks'),
  // htm's CommonJS entry sits beside its ES module build.
  'htm.mjs': () => join(dirname(require.resolve('htm')), 'htm.mjs'),
};

interface Asset {
  body: Buffer;
  type: string;
  headers: Record<string, string>;
}

/** public/ beside the compiled file when copied there, else the source tree (tsc does not copy assets). */
export function publicDir(): string {
  const candidates = [join(__dirname, 'public'), resolve(__dirname, '../../../src/admin-ui/public')];
  const found = candidates.find((d) => existsSync(join(d, 'index.html')));
  if (!found) throw new Error(`admin page assets not found (looked in ${candidates.join(', ')})`);
  return found;
}

function extension(name: string): string {
  const i = name.lastIndexOf('.');
  return i < 0 ? '' : name.slice(i);
}

/** CSP allowing only this origin's files plus the page's one inline script, the import map, by hash. */
function contentSecurityPolicy(html: string): string {
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html);
  const hashes = importMap ? ` 'sha256-${createHash('sha256').update(importMap[1]).digest('base64')}'` : '';
  return [
    "default-src 'none'",
    `script-src 'self'${hashes}`,
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function loadAssets(): Map<string, Asset> {
  const dir = publicDir();
  const assets = new Map<string, Asset>();
  const common = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' };
  for (const name of PAGE_FILES) {
    const body = readFileSync(join(dir, name));
    const headers: Record<string, string> = { ...common };
    if (name === 'index.html') {
      headers['Content-Security-Policy'] = contentSecurityPolicy(body.toString('utf8'));
      headers['X-Frame-Options'] = 'DENY';
    }
    assets.set(name, { body, type: TYPES[extension(name)], headers });
  }
  for (const [name, locate] of Object.entries(VENDOR_FILES)) {
    assets.set(`vendor/${name}`, { body: readFileSync(locate()), type: TYPES['.mjs'], headers: common });
  }
  return assets;
}

export type AdminUiHandler = (req: IncomingMessage, res: ServerResponse, path: string) => void;

/** A handler for every path under ADMIN_PATH; files are read once, on the first request. */
export function adminUi(): AdminUiHandler {
  let assets: Map<string, Asset> | undefined;
  return (req, res, path) => {
    const method = req.method ?? 'GET';
    const reply = (status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...headers });
      res.end(method === 'HEAD' ? undefined : body);
    };
    if (method !== 'GET' && method !== 'HEAD') return reply(405, 'method not allowed', 'text/plain', { Allow: 'GET, HEAD' });
    // The page's URLs are relative (it may sit behind a path prefix), so they need the trailing slash.
    if (path === ADMIN_PATH) return reply(308, '', 'text/plain', { Location: `${ADMIN_PATH.slice(1)}/` });
    assets ??= loadAssets();
    const name = path === `${ADMIN_PATH}/` ? 'index.html' : path.slice(ADMIN_PATH.length + 1);
    const asset = assets.get(name);
    if (!asset) return reply(404, 'not found', 'text/plain');
    reply(200, asset.body, asset.type, asset.headers);
  };
}
