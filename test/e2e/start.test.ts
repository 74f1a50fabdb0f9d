// The README's first command as a new user runs it: `npm start` brings up the collection
// service and a real VS Code with the packaged extension signed in; an edit typed in the
// editor reaches the admin page's counts; Ctrl-C stops everything.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const ROOT = resolve(__dirname, '../../..');
const SHOTS = process.env.CODETRAIL_UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'media') : undefined;

function waitForLine(p: ChildProcess, re: RegExp, ms: number, out: string[]): Promise<RegExpExecArray> {
  return new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`no line matching ${re} within ${ms / 1000} s:\n${out.join('').slice(-3000)}`)), ms);
    const check = () => {
      const m = re.exec(out.join(''));
      if (m) {
        clearTimeout(timer);
        res(m);
      }
    };
    p.stdout!.on('data', check);
    p.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`npm start exited (${code}):\n${out.join('').slice(-3000)}`));
    });
  });
}

describe('npm start: the whole local system', function () {
  this.timeout(600_000);
  let start: ChildProcess | undefined;
  let browser: Browser | undefined;
  const data = mkdtempSync(join(tmpdir(), 'codetrail-start-'));
  const out: string[] = [];

  after(async () => {
    await browser?.close().catch(() => undefined);
    if (start?.pid && start.exitCode === null)
      try {
        process.kill(-start.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    rmSync(data, { recursive: true, force: true });
  });

  it('serves the editor and the admin page, counts a typed edit, and stops on Ctrl-C', async () => {
    start = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CODETRAIL_DATA: data, CODETRAIL_COLLECTOR_PORT: '0', CODETRAIL_EDITOR_PORT: '0' },
    });
    start.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
    start.stderr!.on('data', (d: Buffer) => out.push(d.toString()));
    await waitForLine(start, /Ctrl-C stops everything/, 480_000, out);
    const printed = out.join('');
    const editor = /editor \(VS Code with Codetrail\):\s+(\S+)/.exec(printed)![1];
    const admin = /admin page:\s+(\S+)/.exec(printed)![1];
    const collector = admin.replace(/\/admin$/, '');
    const adminToken = readFileSync(join(data, '.admin-token'), 'utf8').trim();

    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(editor);
    const status = page.locator('.statusbar-item', { hasText: 'Codetrail' }).first();
    await status.waitFor({ timeout: 120_000 });
    // The extension signed in from the token npm start handed over, and is recording.
    await page
      .locator('.statusbar-item', { hasText: /^\s*Codetrail\s*$/ })
      .first()
      .waitFor({ timeout: 60_000 });

    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 30_000 });
    await page.keyboard.type('cart.ts', { delay: 30 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'cart.ts' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'cart.ts' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    const marker = `typedInStart${Date.now().toString(36)}`;
    await page.keyboard.type(`\nexport const ${marker} = 1;\n`, { delay: 20 });
    await page.keyboard.press('Control+S');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'start-editor.png') });

    // The edit reaches the collection service and the admin page's counts.
    const deadline = Date.now() + 90_000;
    let edits = 0;
    while (Date.now() < deadline) {
      const r = await fetch(`${collector}/v1/admin/stats`, { headers: { authorization: `Bearer ${adminToken}` } });
      const s = (await r.json()) as { eventsPerKind?: { kind: string; count: number }[] };
      edits = s.eventsPerKind?.find((k) => k.kind === 'edit')?.count ?? 0;
      if (edits > 0) break;
      await new Promise((res) => setTimeout(res, 1000));
    }
    assert.ok(edits > 0, 'a typed edit is counted by the collection service');

    const adminPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await adminPage.goto(admin);
    await adminPage.getByLabel('Admin token').fill(adminToken);
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await adminPage.getByRole('heading', { name: 'Exemption requests' }).waitFor({ timeout: 30_000 });
    const total = Number(await adminPage.getByTestId('total-events').textContent());
    assert.ok(total > 0, 'the admin page counts the events');
    assert.match(await adminPage.locator('body').innerText(), /Events by kind[\s\S]*\bedit\b/, 'the admin page counts the edit');
    if (SHOTS) await adminPage.screenshot({ path: join(SHOTS, 'start-admin.png'), fullPage: true });

    // Ctrl-C stops everything.
    const exited = new Promise<number | null>((res) => start!.once('exit', (c) => res(c)));
    process.kill(-start.pid!, 'SIGINT');
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), 20_000))]);
    assert.equal(code, 0, 'npm start stops cleanly on Ctrl-C');
    const health = await fetch(`${collector}/healthz`).then(
      () => 'up',
      () => 'down',
    );
    assert.equal(health, 'down', 'the collection service is stopped');
  });
});
