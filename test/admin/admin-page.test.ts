// The admin page in a real Chromium against a real collector on a SQLite file: events sent
// through OTLP, an exemption filed over HTTP, then approved by clicking in the page.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { issueToken } from '@codetrail/collector/internal/auth';
import { startCollector, type RunningCollector } from '@codetrail/collector/internal/server';
import { SqliteStore } from '@codetrail/collector/internal/store/sqlite';
import { utcDay, type Exemption } from '@codetrail/collector/internal/store/store';
import { postJson, request, sendJson, sessionEvents } from '../collector/helpers';

const CHROMIUM = process.env.CODETRAIL_CHROMIUM ?? '/usr/bin/chromium';
// Screenshots land in media/ (used by the README) only when asked; otherwise in a temp folder.
const MEDIA =
  process.env.CODETRAIL_UPDATE_SCREENSHOTS === '1'
    ? resolve(__dirname, '../../../media')
    : mkdtempSync(join(tmpdir(), 'codetrail-admin-shots-'));
const DAY = 86_400_000;
const HOUR = 3_600_000;

function countBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) {
    const k = key(i);
    if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** The rows of a chart's numbers table, opened as a keyboard user would. */
async function chartNumbers(page: Page, chartId: string): Promise<Map<string, string>> {
  const figure = page.locator('figure', { has: page.locator(`#${chartId}-caption`) });
  const summary = figure.locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  const rows: string[][] = [];
  for (const tr of await figure.locator('tbody tr').all()) rows.push((await tr.locator('th, td').allTextContents()).map((c) => c.trim()));
  return new Map(rows.map((r) => [r[0], r.slice(1).join('|')]));
}

describe('admin page (Chromium)', function () {
  this.timeout(120_000);

  let dir: string;
  let store: SqliteStore;
  let collector: RunningCollector;
  let browser: Browser;
  let page: Page;
  let adminToken: string;
  let bobToken: string;
  let stored: TrajectoryEvent[] = [];
  let old: TrajectoryEvent[] = [];
  let bobExemption: Exemption;
  let deletionId: string;
  const pageErrors: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'codetrail-admin-'));
    store = new SqliteStore(join(dir, 'codetrail.db'));
    collector = await startCollector({ store, port: 0, jobIntervalMs: 0 });
    adminToken = (await issueToken(store, { admin: true, label: 'test-admin' })).token;
    const alice = (await issueToken(store, { userId: 'alice' })).token;
    bobToken = (await issueToken(store, { userId: 'bob' })).token;
    const carol = (await issueToken(store, { userId: 'carol' })).token;

    const now = Date.now();
    const pauseFrom = now - 3 * DAY;
    const sessions: [string, TrajectoryEvent[]][] = [
      [alice, sessionEvents({ count: 10, start: now - 2 * DAY - 2 * HOUR, language: 'typescript' })],
      [alice, sessionEvents({ count: 7, start: now - DAY - 2 * HOUR, language: 'python' })],
      [bobToken, sessionEvents({ count: 5, start: now - 2 * HOUR, language: 'go' })],
    ];
    for (const [token, events] of sessions) {
      const r = await sendJson(collector.url, token, events);
      assert.equal(r.status, 200, r.body);
      assert.deepEqual(r.json(), {});
      stored = stored.concat(events);
    }
    // Older than the page's default period of 30 days.
    old = sessionEvents({ count: 4, start: now - 40 * DAY, language: 'rust' });
    assert.equal((await sendJson(collector.url, alice, old)).status, 200);
    // A session bob then asks to delete: it must vanish from the counts at once.
    const doomed = sessionEvents({ count: 4, start: now - DAY - HOUR, language: 'rust' });
    assert.equal((await sendJson(collector.url, bobToken, doomed)).status, 200);
    const del = await postJson(`${collector.url}/v1/deletions`, bobToken, { scope: { kind: 'session', sessionId: doomed[0].sessionId } });
    assert.equal(del.status, 202, del.body);
    deletionId = (del.json() as { id: string }).id;

    // A pause alice reported, and an event stamped inside it, which the service refuses.
    assert.equal(
      (await postJson(`${collector.url}/v1/pauses`, alice, { id: 'p-1', from: pauseFrom, until: pauseFrom + 30 * 60_000 })).status,
      200,
    );
    const inPause = sessionEvents({ count: 2, start: pauseFrom + 60_000 });
    const refused = await sendJson(collector.url, alice, inPause);
    assert.equal(refused.status, 200);
    assert.equal(Number((refused.json() as { partialSuccess: { rejectedLogRecords: number } }).partialSuccess.rejectedLogRecords), 2);

    // Exemption requests: alice's is denied over the API, bob's and carol's wait for the page.
    const a = await postJson(`${collector.url}/v1/exemptions`, alice, {
      reason: 'Pairing on an interview exercise',
      scope: { kind: 'all' },
    });
    assert.equal(a.status, 201, a.body);
    const denied = await postJson(`${collector.url}/v1/admin/exemptions/${(a.json() as Exemption).id}/decision`, adminToken, {
      decision: 'deny',
      note: 'Interview repositories are already excluded by policy.',
    });
    assert.equal(denied.status, 200, denied.body);
    const b = await postJson(`${collector.url}/v1/exemptions`, bobToken, {
      reason: 'Working in a customer repository under NDA this week.',
      scope: { kind: 'range', from: now + HOUR, until: now + 7 * DAY },
    });
    assert.equal(b.status, 201, b.body);
    bobExemption = b.json() as Exemption;
    assert.equal(
      (
        await postJson(`${collector.url}/v1/exemptions`, carol, {
          reason: 'Medical appointment notes in a scratch file.',
          scope: { kind: 'all' },
        })
      ).status,
      201,
    );

    browser = await chromium.launch({
      executablePath: CHROMIUM,
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
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', timezoneId: 'UTC' });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
  });

  after(async () => {
    await browser?.close();
    await collector?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page under a strict content security policy; other paths and methods are refused', async () => {
    const index = await fetch(`${collector.url}/admin/`);
    assert.equal(index.status, 200);
    const csp = index.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    assert.equal((await fetch(`${collector.url}/admin`, { redirect: 'manual' })).status, 308);
    assert.equal((await fetch(`${collector.url}/admin/vendor/preact.mjs`)).headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal((await fetch(`${collector.url}/admin/server.js`)).status, 404);
    assert.equal((await fetch(`${collector.url}/admin/`, { method: 'POST' })).status, 405);
    assert.equal((await request(`${collector.url}/v1/admin/deletions`, { token: bobToken })).status, 403);
  });

  it('refuses a user token with a plain message, submitted from the keyboard', async () => {
    await page.goto(`${collector.url}/admin`);
    assert.equal(new URL(page.url()).pathname, '/admin/');
    await page.getByLabel('Admin token').fill(bobToken);
    await page.getByLabel('Admin token').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'not an admin token' }).waitFor();
    assert.equal(await page.evaluate("sessionStorage.getItem('codetrail.adminToken')"), null);
    // The browser reports the refused request itself; that one is expected.
    assert.deepEqual(pageErrors.splice(0), ['Failed to load resource: the server responded with a status of 403 (Forbidden)']);
  });

  it("signs in with the admin token, kept in this tab's sessionStorage only, and survives a reload", async () => {
    await page.getByLabel('Admin token').fill(adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Exemption requests' }).waitFor();
    assert.equal(await page.getByText('Loading the administration page').count(), 0);
    assert.equal(await page.evaluate("sessionStorage.getItem('codetrail.adminToken')"), adminToken);
    assert.equal(await page.evaluate('localStorage.length'), 0);
    await page.reload();
    await page.getByRole('heading', { name: 'Exemption requests' }).waitFor();
  });

  it('charts show the counts of what was stored, never who did what', async () => {
    const activity = page.locator('section', { has: page.locator('#activity-h') });
    await page
      .getByTestId('total-events')
      .filter({ hasText: String(stored.length) })
      .waitFor();
    assert.equal(await page.getByTestId('total-sessions').textContent(), '3');
    assert.equal(await page.getByTestId('total-tombstoned').textContent(), '4');

    const kinds = await chartNumbers(page, 'events-kind');
    assert.deepEqual(kinds, new Map([...countBy(stored, (e) => e.kind)].map(([k, n]) => [k, String(n)])));
    const languages = await chartNumbers(page, 'events-language');
    assert.deepEqual(
      languages,
      new Map([...countBy(stored, (e) => ('languageId' in e ? e.languageId : null))].map(([k, n]) => [k, String(n)])),
    );
    const perDay = await chartNumbers(page, 'events-day');
    assert.deepEqual(perDay, new Map([...countBy(stored, (e) => utcDay(e.time))].map(([k, n]) => [k, String(n)])));
    assert.equal(await page.getByTestId('pauses-day-total').textContent(), '1');
    assert.equal(await page.getByTestId('exemptions-day-total').textContent(), '3');
    assert.equal(await page.getByTestId('rejections-day-total').textContent(), '2');

    // Counts only: no user appears anywhere in the activity section.
    const text = await activity.innerText();
    for (const user of ['alice', 'bob', 'carol']) assert.ok(!text.includes(user), `activity mentions ${user}`);
  });

  it('the period selector widens the counts to everything stored', async () => {
    await page.getByLabel('Period').selectOption({ label: 'Everything' });
    await page
      .getByTestId('total-events')
      .filter({ hasText: String(stored.length + old.length) })
      .waitFor();
    assert.equal(await page.getByTestId('total-sessions').textContent(), '4');
    await page.getByLabel('Period').selectOption({ label: 'Last 30 days' });
    await page
      .getByTestId('total-events')
      .filter({ hasText: String(stored.length) })
      .waitFor();
  });

  it('every form control has a label', async () => {
    // A string: this project's TypeScript has no DOM library.
    const unlabelled = await page.evaluate(`[...document.querySelectorAll('input, textarea, select')]
      .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label')).map((el) => el.id || el.tagName)`);
    assert.deepEqual(unlabelled, []);
  });

  it('approving an exemption with a note by clicking records the decision in the store and over HTTP', async () => {
    assert.equal(await page.getByTestId('pending-count').textContent(), '2');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Request from bob' }) });
    await card.getByText('Working in a customer repository under NDA this week.').waitFor();
    const note = 'Approved for the NDA engagement; ask again if it runs longer.';
    await card.getByLabel('Note to the requester (optional)').fill(note);
    await card.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').filter({ hasText: 'Exemption request from bob approved.' }).waitFor();
    assert.equal(await page.getByTestId('pending-count').textContent(), '1');
    const row = page.locator(`tr[data-exemption="${bobExemption.id}"]`);
    assert.match(await row.innerText(), /approved/);
    assert.match(await row.innerText(), /ask again if it runs longer/);

    const inStore = await store.getExemption(bobExemption.id);
    assert.equal(inStore?.status, 'approved');
    assert.equal(inStore?.note, note);
    assert.equal(inStore?.decidedBy, 'admin:test-admin');
    const overHttp = await request(`${collector.url}/v1/admin/exemptions?status=approved`, { token: adminToken });
    const approved = (overHttp.json() as { exemptions: Exemption[] }).exemptions;
    assert.deepEqual(
      approved.map((e) => [e.id, e.note]),
      [[bobExemption.id, note]],
    );
    // The requester sees the decision and the note through the policy the editor polls.
    const policy = (await request(`${collector.url}/v1/policy`, { token: bobToken })).json() as { exemptions: Exemption[] };
    assert.deepEqual(
      policy.exemptions.map((e) => [e.id, e.status, e.note]),
      [[bobExemption.id, 'approved', note]],
    );
    const audit = await store.listAudit(50);
    assert.ok(audit.some((a) => a.action === 'exemption.approved' && a.subject === bobExemption.id && a.actor === 'admin:test-admin'));
    // The chart of exemptions by status follows the decision.
    assert.deepEqual([...(await chartNumbers(page, 'exemptions-day')).values()], ['1|1|1']);
  });

  it('lists the deletion request and completes it when the deletion job is run from the page', async () => {
    const row = page.locator(`tr[data-deletion="${deletionId}"]`);
    assert.match(await row.innerText(), /hidden, deletion pending/);
    assert.equal(await page.getByTestId('deletions-open').textContent(), '1');
    await page.getByRole('button', { name: 'Run deletion and retention now' }).click();
    await page.getByRole('status').filter({ hasText: 'Deletion job ran: 1 request(s) completed' }).waitFor();
    assert.match(await row.innerText(), /deleted/);
    assert.equal(await page.getByTestId('deletions-open').textContent(), '0');
    assert.equal((await store.getDeletion(deletionId))?.status, 'done');
    assert.equal(await page.getByTestId('total-tombstoned').textContent(), '0');
  });

  it('renders without script errors in light and dark; screenshots', async () => {
    mkdirSync(MEDIA, { recursive: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(MEDIA, 'admin-page.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    assert.equal(bg, 'rgb(21, 24, 27)');
    await page.screenshot({ path: join(MEDIA, 'admin-page-dark.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
  });
});
