// Transparency in a real editor against a real collection service: the view lists an edit just
// typed (redacted), removing a pending item keeps it from the service, and a deletion request
// removes data there. Needs the whole wiring (capture → redaction → outbox → sender, signed in)
// and a collection service the runner started:
//   CODETRAIL_IT_COLLECTOR_URL   its URL (also set as codetrail.collector.url for the editor)
//   CODETRAIL_IT_COLLECTOR_DATA  its SQLite folder (read with the codetrail-export command)
// The service's store is read through codetrail-export run by the system's Node (the editor's
// Node may not load the native SQLite module).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as vscode from 'vscode';
import type { TrajectoryEvent } from '@codetrail/protocol/internal/schema';
import { closeAll, endOfDocument, openEditor, report, typeText, waitFor } from './helpers';

const ROOT = resolve(__dirname, '../../..');
const COLLECTOR_URL = process.env.CODETRAIL_IT_COLLECTOR_URL;
const COLLECTOR_DATA = process.env.CODETRAIL_IT_COLLECTOR_DATA;
const INTERNAL = 'codetrail.internal.transparency';

interface Row {
  id: string;
  kind: string;
  file?: string;
  status: 'pending' | 'sent';
}
interface Model {
  groups: { status: string; rows: Row[] }[];
  counts: { pending: number; sent: number; capturedToday: number };
}
interface Detail {
  json: string;
  diff?: { type: string; text: string }[];
}

/** Every event the collection service would export now (deleted and tombstoned data never is). */
function serviceEvents(): TrajectoryEvent[] {
  const out = mkdtempSync(join(tmpdir(), 'codetrail-it-export-'));
  try {
    execFileSync(
      'node',
      [join(ROOT, 'packages/collector/dist/src/cli/export.js'), join(out, 'x'), '--data', COLLECTOR_DATA!, '--no-parquet'],
      { stdio: 'pipe' },
    );
    const data = join(out, 'x', 'data');
    const events: TrajectoryEvent[] = [];
    for (const f of readdirSync(data).filter((n) => n.endsWith('.jsonl.gz'))) {
      for (const line of gunzipSync(readFileSync(join(data, f)))
        .toString('utf8')
        .split('\n')) {
        if (line) events.push(...(JSON.parse(line) as { events: TrajectoryEvent[] }).events);
      }
    }
    return events;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function view(filter?: { file?: string; kind?: string }): Promise<Model> {
  return (await vscode.commands.executeCommand<Model>(INTERNAL, { op: 'view', filter }))!;
}

function rows(m: Model): Row[] {
  return m.groups.flatMap((g) => g.rows);
}

async function setCollectorUrl(url: string): Promise<void> {
  await vscode.workspace.getConfiguration('codetrail').update('collector.url', url, vscode.ConfigurationTarget.Global);
}

describe('transparency: see, remove and delete collected data', function () {
  before(async function () {
    if (!COLLECTOR_URL || !COLLECTOR_DATA) {
      report('transparency: skipped — the runner started no collection service (CODETRAIL_IT_COLLECTOR_URL, CODETRAIL_IT_COLLECTOR_DATA)');
      this.skip();
    }
    this.timeout(30_000);
    const ext = vscode.extensions.getExtension('codetrail.codetrail');
    assert.ok(ext);
    await ext.activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(INTERNAL), 'the transparency commands are registered');
    await setCollectorUrl(COLLECTOR_URL!);
  });

  afterEach(async function () {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await closeAll();
  });

  it('the view lists an edit just typed, redacted, and the panel renders it', async function () {
    const marker = `visible_${Date.now().toString(36)}`;
    const secret = 'AKIA' + 'Q3EGRTYUIOPLKJHG';
    const editor = await openEditor('transparency-view.ts', 'const a = 1;\n');
    endOfDocument(editor);
    await typeText(`const ${marker} = "${secret}";\n`);
    await vscode.commands.executeCommand('codetrail.internal.flush');
    const edit = await waitFor('the edit in the view', async () => {
      const m = await view({ file: 'transparency-view.ts', kind: 'edit' });
      return rows(m)[0];
    });
    const detail = (await vscode.commands.executeCommand<Detail>(INTERNAL, { op: 'detail', id: edit.id }))!;
    assert.ok(detail.json.includes(marker), 'the typed text is shown');
    assert.ok(!detail.json.includes(secret), 'the secret is not: the view shows what leaves, redacted');
    assert.match(detail.json, /<REDACTED:/);
    assert.ok(
      detail.diff?.some((l) => l.type === 'add' && l.text.includes(marker)),
      'the diff is rendered as lines',
    );
    // the webview's script runs under its Content-Security-Policy and asks for the model
    await vscode.commands.executeCommand('codetrail.showCollectedData');
    const shown = await waitFor('the panel to render', async () => {
      const s = await vscode.commands.executeCommand<{ open: boolean; ready: boolean; model?: Model }>(INTERNAL, { op: 'panel' });
      return s?.ready && s.model ? s.model : undefined;
    });
    assert.ok(rows(shown).some((r) => r.file === 'transparency-view.ts'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it("Export My Trajectories writes the engineer's held events through the export writer loaded on first use", async function () {
    this.timeout(60_000);
    const marker = `exported_${Date.now().toString(36)}`;
    const editor = await openEditor('transparency-export.ts', 'let x = 0;\n');
    endOfDocument(editor);
    await typeText(`const ${marker} = 1;\n`);
    await vscode.commands.executeCommand('codetrail.internal.flush');
    const parent = mkdtempSync(join(tmpdir(), 'codetrail-own-export-'));
    try {
      const outDir = await vscode.commands.executeCommand<string | undefined>('codetrail.exportMyTrajectories', vscode.Uri.file(parent));
      assert.ok(outDir, 'the export reports where it wrote');
      const files = readdirSync(outDir, { recursive: true }).map(String);
      assert.ok(files.includes('README.md'), 'a dataset card is written');
      const shards = files.filter((f) => f.endsWith('.jsonl.gz'));
      assert.ok(shards.length > 0, `a trajectory shard is written (files: ${files.join(', ')})`);
      const text = shards.map((f) => gunzipSync(readFileSync(join(outDir, f))).toString('utf8')).join('');
      assert.ok(text.includes(marker), 'the text typed is in the export');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('removing a pending item keeps it from the collection service', async function () {
    this.timeout(60_000);
    // an unreachable service keeps events pending while the item is removed
    await setCollectorUrl('http://127.0.0.1:9');
    const kept = `kept_${Date.now().toString(36)}`;
    const removed = `removed_${Date.now().toString(36)}`;
    const a = await openEditor('transparency-kept.ts', '// kept\n');
    endOfDocument(a);
    await typeText(`const ${kept} = 1;\n`);
    const b = await openEditor('transparency-removed.ts', '// removed\n');
    endOfDocument(b);
    await typeText(`const ${removed} = 2;\n`);
    await vscode.commands.executeCommand('codetrail.internal.flush');
    const target = await waitFor('the pending edit', async () =>
      rows(await view({ file: 'transparency-removed.ts', kind: 'edit' })).find((r) => r.status === 'pending'),
    );
    const r = await vscode.commands.executeCommand<{ removed: number }>(INTERNAL, { op: 'remove', ids: [target.id] });
    assert.ok(r && r.removed >= 1);
    await setCollectorUrl(COLLECTOR_URL!);
    await waitFor(
      'delivery of the rest',
      async () => {
        const text = JSON.stringify(serviceEvents());
        return text.includes(kept) ? text : undefined;
      },
      40_000,
    );
    await new Promise((res) => setTimeout(res, 2000));
    const stored = serviceEvents();
    assert.ok(!stored.some((x) => x.id === target.id), 'the removed edit never reached the service');
    // the step is gone; text still in the file is only restated by the file's next baseline
    assert.ok(!stored.some((x) => x.kind === 'edit' && x.diff.includes(removed)), 'no edit on the service carries the removed text');
  });

  it('a deletion request removes the session on the service', async function () {
    this.timeout(60_000);
    const marker = `deleted_${Date.now().toString(36)}`;
    const e = await openEditor('transparency-delete.ts', '// delete me\n');
    endOfDocument(e);
    await typeText(`const ${marker} = 3;\n`);
    await vscode.commands.executeCommand('codetrail.internal.flush');
    const onService = await waitFor(
      'the edit on the service',
      async () => serviceEvents().find((x) => JSON.stringify(x).includes(marker)),
      40_000,
    );
    const r = await vscode.commands.executeCommand<{ status: { id: string; status: string } }>(INTERNAL, {
      op: 'delete',
      scope: { kind: 'session', sessionId: onService.sessionId },
    });
    assert.ok(r?.status.id, 'the service accepted the request');
    const left = serviceEvents().filter((x) => x.sessionId === onService.sessionId);
    assert.equal(left.length, 0, 'nothing of the session is exported any more');
    const local = await view();
    assert.ok(!rows(local).some((x) => x.id === onService.id), 'the local copy is gone too');
  });
});
