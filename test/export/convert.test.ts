import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDataset } from '@codetrail/dataset/internal/pipeline';
import { openDuckDb } from '@codetrail/dataset/internal/parquet';
import { convertEditPrediction } from '@codetrail/dataset/internal/convert/edit-prediction';
import { convertProgSnap2, safeRelativePath } from '@codetrail/dataset/internal/convert/progsnap2';
import { applyUnifiedDiff } from '@codetrail/protocol/internal/replay';
import { sha256Hex } from '@codetrail/protocol/internal/hash';
import { generateStoredEvents } from './generate';

// The formats' column lists, written out here from their specifications (not imported from
// the converters) so a converter that drifts from its format fails.
const EDIT_PREDICTION_KEYS = ['id', 'session_id', 'user', 'path', 'language', 'provenance', 'events', 'excerpt', 'cursor', 'output'];
const PROGSNAP2_REQUIRED = ['EventType', 'EventID', 'SubjectID', 'ToolInstances', 'CodeStateID'];
const PROGSNAP2_METADATA_REQUIRED = [
  'Version',
  'IsEventOrderingConsistent',
  'EventOrderScope',
  'EventOrderScopeColumns',
  'CodeStateRepresentation',
];

describe('export: converters', function () {
  this.timeout(120_000);
  const events = [...generateStoredEvents({ users: 2, sessionsPerUser: 2, changesPerSession: 200, seed: 11 })];
  let dir: string;
  let work: string;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'codetrail-convert-'));
    dir = join(work, 'export');
    await exportDataset({ events }, { outDir: dir, pseudonymKey: 'k' });
  });

  it("edit-prediction: every line has the layout's fields, and its output diff applies to the state its excerpt shows", async () => {
    const out = join(work, 'edit-prediction.jsonl');
    const r = await convertEditPrediction(dir, out, { history: 3, contextLines: 5 });
    const edits = events.filter((e) => e.event.kind === 'edit').length;
    const firstEdits = new Set(events.filter((e) => e.event.kind === 'edit').map((e) => e.event.sessionId)).size;
    assert.equal(r.samples, edits - firstEdits, 'one sample per edit that has an earlier edit in its session');
    const samples = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const s of samples) {
      assert.deepEqual(Object.keys(s), EDIT_PREDICTION_KEYS);
      assert.ok(s.events.length >= 1 && s.events.length <= 3);
      assert.ok(s.output.includes('\n@@ '));
      assert.deepEqual(Object.keys(s.excerpt), ['start_line', 'end_line', 'text']);
      assert.ok(s.excerpt.end_line - s.excerpt.start_line <= 11);
    }
    // the excerpt is the text just before the output edit: the edit applies to that state
    const byId = new Map(events.map((e) => [e.event.id, e.event]));
    const s = samples[samples.length - 1];
    const edit = byId.get(s.id)!;
    assert.equal(edit.kind, 'edit');
    if (edit.kind !== 'edit') return;
    assert.equal(s.output, edit.diff);
    let before = '';
    for (const { event: e } of events) {
      if (e.sessionId !== edit.sessionId || e.seq >= edit.seq || !('path' in e) || e.path !== edit.path) continue;
      if (e.kind === 'file.baseline') before = e.text;
      if (e.kind === 'edit') before = applyUnifiedDiff(before, e.diff);
    }
    assert.equal(s.excerpt.text, before.split('\n').slice(s.excerpt.start_line, s.excerpt.end_line).join('\n'));
    assert.equal(sha256Hex(applyUnifiedDiff(before, s.output)), edit.afterSha256);
  });

  it('ProgSnap2: MainTable.csv has the required columns and one row per event, every CodeStateID has its folder, DatasetMetadata.csv has the required properties', async () => {
    const out = join(work, 'progsnap2');
    const r = await convertProgSnap2(dir, out);
    assert.equal(r.events, events.length);
    const conn = await openDuckDb();
    try {
      const main = join(out, 'MainTable.csv');
      const header = readFileSync(main, 'utf8').split('\r\n')[0].split(',');
      for (const c of PROGSNAP2_REQUIRED) assert.ok(header.includes(c), `MainTable.csv lacks ${c}`);
      assert.ok(header.includes('Order'), 'Order is required when the ordering is consistent');
      const rows = (await conn.runAndReadAll(`SELECT * FROM read_csv('${main}', header=true, all_varchar=true)`)).getRowObjects();
      assert.equal(rows.length, events.length);
      const states = new Set(readdirSync(join(out, 'CodeStates')));
      for (const row of rows) {
        for (const c of PROGSNAP2_REQUIRED) assert.ok(row[c], `row ${String(row.Order)} has no ${c}`);
        assert.ok(states.has(String(row.CodeStateID)));
        const type = String(row.EventType);
        assert.ok(
          ['Session.Start', 'Session.End', 'File.Open', 'File.Edit', 'File.Close', 'File.Focus', 'File.Save'].includes(type) ||
            type.startsWith('X-'),
          type,
        );
      }
      const orders = rows.map((x) => Number(x.Order));
      assert.deepEqual(
        orders,
        orders.map((_, i) => i),
      );
      const meta = (
        await conn.runAndReadAll(`SELECT * FROM read_csv('${join(out, 'DatasetMetadata.csv')}', header=true, all_varchar=true)`)
      ).getRowObjects();
      assert.deepEqual(Object.keys(meta[0]), ['Property', 'Value']);
      const props = new Map(meta.map((m) => [String(m.Property), m.Value === null ? '' : String(m.Value)]));
      for (const p of PROGSNAP2_METADATA_REQUIRED) assert.ok(props.has(p), `DatasetMetadata.csv lacks ${p}`);
      assert.equal(props.get('CodeStateRepresentation'), 'Directory');
    } finally {
      conn.closeSync();
    }
  });

  it("ProgSnap2: a file edit's code state holds the file as replayed after that edit", async () => {
    const out = join(work, 'progsnap2-b');
    await convertProgSnap2(dir, out);
    const lines = readFileSync(join(out, 'MainTable.csv'), 'utf8').trim().split('\r\n').slice(1);
    const last = lines.reverse().find((l) => l.startsWith('File.Edit,'))!;
    const [, eventId, , , stateId] = last.split(',');
    const edit = events.find((e) => e.event.id === eventId)!.event;
    assert.equal(edit.kind, 'edit');
    if (edit.kind !== 'edit') return;
    // replay this file from its baseline up to this edit
    let text = '';
    for (const { event: e } of events) {
      if (e.sessionId !== edit.sessionId || e.seq > edit.seq) continue;
      if (e.kind === 'file.baseline' && e.path === edit.path) text = e.text;
      if (e.kind === 'edit' && e.path === edit.path) text = applyUnifiedDiff(text, e.diff);
    }
    const file = join(out, 'CodeStates', stateId, ...edit.path.split('/'));
    assert.ok(existsSync(file));
    assert.equal(readFileSync(file, 'utf8'), text);
  });

  it('ProgSnap2: paths that would leave a code state folder are never written', () => {
    for (const p of ['../x', '/etc/passwd', 'a/../../b', 'C:/x', '']) assert.equal(safeRelativePath(p), undefined, p);
    assert.equal(safeRelativePath('src/a.ts'), 'src/a.ts');
    assert.equal(safeRelativePath('src\\a.ts'), 'src/a.ts');
  });
});
