import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentSecurityPolicy, newNonce, renderShell } from '../../../src/transparency/html';

const root = join(__dirname, '../../../..');

describe('collected-data webview shell', () => {
  const uris = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    script: 'https://x/view.js',
    style: 'https://x/view.css',
    codicons: 'https://x/codicon.css',
  };

  it('has a strict policy: nothing by default, scripts only with the nonce, no inline styles or eval', () => {
    const nonce = newNonce();
    const csp = contentSecurityPolicy(uris.cspSource, nonce);
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'(;|$)`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    const html = renderShell(uris, nonce);
    const scripts = [...html.matchAll(/<script([^>]*)>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0][1], new RegExp(`nonce="${nonce}"`));
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /style=/, 'no inline styles');
  });

  it('a new nonce each time, long enough not to be guessed', () => {
    const a = newNonce();
    assert.notEqual(a, newNonce());
    assert.ok(a.length >= 20 && /^[A-Za-z0-9]+$/.test(a));
  });

  it('the view script builds the page with text only, and its codicons are shipped with the extension', async () => {
    const js = await readFile(join(root, 'media/transparency/view.js'), 'utf8');
    const code = js
      .split('\n')
      .filter((l) => !l.trim().startsWith('//'))
      .join('\n');
    assert.doesNotMatch(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    const css = await readFile(join(root, 'media/transparency/codicons/codicon.css'), 'utf8');
    const shipped = await readFile(join(root, 'media/transparency/codicons/codicon.ttf'));
    const upstream = await readFile(join(root, 'node_modules/@vscode/codicons/dist/codicon.ttf'));
    assert.ok(shipped.equals(upstream), 'the font matches the @vscode/codicons dependency');
    // every icon the view model, the script and the page name exists in the shipped font
    const model = await readFile(join(root, 'src/transparency/model.ts'), 'utf8');
    const block = model.slice(model.indexOf('const KIND_ICONS'), model.indexOf('};', model.indexOf('const KIND_ICONS')));
    const names = [...block.matchAll(/: '([a-z-]+)'/g)].map((m) => m[1]);
    assert.ok(names.length >= 15);
    for (const m of code.matchAll(/icon\('([a-z-]+)'\)|\['([a-z-]+)', '/g)) names.push(m[1] ?? m[2]);
    for (const m of renderShell(uris, 'n').matchAll(/codicon-([a-z-]+)/g)) names.push(m[1]);
    for (const name of names) assert.ok(css.includes(`.codicon-${name}:before`), `codicon ${name} exists`);
  });
});
