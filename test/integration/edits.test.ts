// Scripted editing sessions in a real editor. Each asserts the provenance recorded for its
// steps and that the captured trajectory replays byte-exact to the document's final text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { replayTrajectory } from '@codetrail/protocol/internal/replay';
import { REDACTION_POLICY_VERSION } from '../../src/redact';
import {
  assertReplaysTo,
  browserDriver,
  capturedEvents,
  checkProvenance,
  closeAll,
  editsOf,
  endOfDocument,
  insertTextFromBrowser,
  openEditor,
  placeCursor,
  provenanceTally,
  report,
  sleep,
  typeText,
  waitFor,
  writeFixture,
} from './helpers';

describe('capture of edits in a real editor', function () {
  const disposables: vscode.Disposable[] = [];

  before(async function () {
    this.timeout(30_000);
    const ext = vscode.extensions.getExtension('codetrail.codetrail');
    assert.ok(ext, 'the extension under development is loaded');
    await ext.activate();
    const state = await vscode.commands.executeCommand<{ capturing: boolean; telemetryEnabled: boolean }>('codetrail.internal.state');
    assert.equal(state.telemetryEnabled, true, 'telemetry.telemetryLevel=all turns env.isTelemetryEnabled on');
    assert.equal(state.capturing, true);
  });

  afterEach(async function () {
    for (const d of disposables.splice(0)) d.dispose();
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await closeAll();
  });

  after(function () {
    const t = provenanceTally;
    report(
      `provenance accuracy: ${t.correct}/${t.total} steps correct in ${t.sessions} scripted sessions${t.misses.length ? ' — ' + t.misses.join('; ') : ''}`,
    );
  });

  it('typing and deleting are recorded as typed then deletion, and replay', async function () {
    const editor = await openEditor('typing.ts', 'const a = 1;\n');
    endOfDocument(editor);
    await typeText('\nconst greeting = "hello";');
    await vscode.commands.executeCommand('deleteLeft');
    await vscode.commands.executeCommand('deleteLeft');
    const events = await capturedEvents();
    checkProvenance('typing', editsOf(events, 'typing.ts'), ['typed', 'deletion']);
    assertReplaysTo(events, 'typing.ts', editor.document);
    const start = events.find((e) => e.kind === 'session.start');
    assert.ok(start && start.kind === 'session.start');
    assert.match(start.workspace, /^[0-9a-f]{64}$/, 'the workspace is a salted hash');
    assert.ok(!JSON.stringify(start).includes('workspace/'), 'the workspace path is not recorded');
    assert.equal(start.client.redactionPolicy, REDACTION_POLICY_VERSION, 'the session says which redaction rules it ran');
  });

  it('a paste of the clipboard is recorded as paste', async function () {
    const editor = await openEditor('paste.txt', 'first line\n');
    endOfDocument(editor);
    const text = 'pasted block\nwith two lines';
    await vscode.env.clipboard.writeText(text);
    await vscode.commands.executeCommand('editor.action.clipboardPasteAction');
    const pasted = await waitFor('the paste', () => editor.document.getText().includes('two lines') || undefined, 3000).catch(() => false);
    // A browser may refuse a scripted paste; the editor's paste command then takes the text.
    if (!pasted) await vscode.commands.executeCommand('paste', { text });
    report(`paste: ${pasted ? 'the clipboard paste action' : "the editor's paste command"} inserted the text`);
    await waitFor('the paste', () => editor.document.getText().includes('two lines') || undefined);
    await sleep(300);
    const events = await capturedEvents();
    checkProvenance('paste', editsOf(events, 'paste.txt'), ['paste']);
    assertReplaysTo(events, 'paste.txt', editor.document);
    assert.ok(
      !JSON.stringify(events.filter((e) => e.kind !== 'edit' && e.kind !== 'file.baseline')).includes('pasted block'),
      'the clipboard itself is never recorded',
    );
  });

  it('text the browser inserts in one burst is recorded as typed, though the selections arrive late', async function () {
    // `type` commands, awaited or not, each reach the extension host with their own selection:
    // only input from the browser side (an input method, dictation) makes a real burst.
    if (!browserDriver()) this.skip();
    const editor = await openEditor('burst.ts', 'let a = 1;\n');
    endOfDocument(editor);
    await sleep(300); // the placed caret reaches the extension host before the burst
    const text = 'const burst = value(1);';
    let changes = 0;
    let late = 0;
    const watch = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== editor.document) return;
      for (const c of e.contentChanges) {
        changes++;
        if (!editor.selections.some((s) => s.active.isEqual(c.range.start) || s.active.isEqual(c.range.end))) late++;
      }
    });
    disposables.push(watch);
    insertTextFromBrowser(text);
    await waitFor('the burst', () => editor.document.lineAt(1).text.startsWith(text) || undefined, 20_000);
    await sleep(300);
    watch.dispose();
    report(`burst: ${changes} change events for ${text.length} characters, ${late} arriving before the editor's selection`);
    assert.ok(late > 0, "the burst outran the editor's selections (otherwise this test proves nothing)");
    const events = await capturedEvents();
    checkProvenance('burst', editsOf(events, 'burst.ts'), ['typed']);
    assertReplaysTo(events, 'burst.ts', editor.document);
  });

  it('a grapheme of several code units typed at once is recorded as typed', async function () {
    const editor = await openEditor('graphemes.txt', 'names:\n');
    endOfDocument(editor);
    // A Devanagari syllable, an emoji with a joiner, a letter with a combining accent.
    for (const g of ['\u0916\u093e', ' ', '\u{1f469}\u200d\u{1f4bb}', ' ', 'e\u0301'])
      await vscode.commands.executeCommand('type', { text: g });
    const events = await capturedEvents();
    checkProvenance('graphemes', editsOf(events, 'graphemes.txt'), ['typed']);
    assertReplaysTo(events, 'graphemes.txt', editor.document);
  });

  it('a one-character and a bracket-pair paste are recorded as paste; typing the same character is typed', async function () {
    const editor = await openEditor('short-paste.ts', 'call(a);\nconst list = [];\n');
    const copyAndPaste = async (line: number, from: number, to: number, text: string) => {
      editor.selection = new vscode.Selection(line, from, line, to);
      await sleep(200); // the selection reaches the extension host, as a person's would before copying
      await vscode.commands.executeCommand('editor.action.clipboardCopyAction');
      const copied = await waitFor('the copy', async () => (await vscode.env.clipboard.readText()) === text || undefined, 3000).catch(
        () => false,
      );
      // A browser may refuse a scripted copy; the clipboard then gets the selection's text directly.
      if (!copied) await vscode.env.clipboard.writeText(text);
      endOfDocument(editor);
      await sleep(200);
      const before = editor.document.getText();
      await vscode.commands.executeCommand('editor.action.clipboardPasteAction');
      const pasted = await waitFor('the paste', () => editor.document.getText() === before + text || undefined, 3000).catch(() => false);
      if (!pasted) await vscode.commands.executeCommand('paste', { text });
      await waitFor('the paste', () => editor.document.getText() === before + text || undefined);
      report(
        `short paste of ${JSON.stringify(text)}: ${copied ? 'copied' : 'written'} to the clipboard, ${pasted ? 'the clipboard paste action' : "the editor's paste command"} inserted it`,
      );
    };
    try {
      await copyAndPaste(0, 6, 7, ')');
      await sleep(300);
      // The clipboard changes without any sign the adapter can see; typing ')' is still typing.
      await vscode.env.clipboard.writeText('something longer than one character');
      await typeText(')');
      await sleep(300);
      await copyAndPaste(1, 13, 15, '[]');
      await sleep(300);
      const events = await capturedEvents();
      checkProvenance('short paste', editsOf(events, 'short-paste.ts'), ['paste', 'typed', 'paste']);
      assertReplaysTo(events, 'short-paste.ts', editor.document);
    } finally {
      await vscode.env.clipboard.writeText('the clipboard after the short-paste test');
    }
  });

  it('undo and redo are recorded from the change reason', async function () {
    const editor = await openEditor('undo.txt', 'x\n');
    endOfDocument(editor);
    await typeText('abc');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('redo');
    await vscode.commands.executeCommand('undo');
    const events = await capturedEvents();
    checkProvenance('undo/redo', editsOf(events, 'undo.txt'), ['typed', 'undo', 'redo', 'undo']);
    assertReplaysTo(events, 'undo.txt', editor.document);
  });

  it('typing with three cursors is recorded as multi-cursor', async function () {
    const editor = await openEditor('multi.txt', 'one\ntwo\nthree\n');
    editor.selections = [0, 1, 2].map((l) => {
      const p = editor.document.lineAt(l).range.end;
      return new vscode.Selection(p, p);
    });
    await typeText(';//x');
    const events = await capturedEvents();
    checkProvenance('multi-cursor', editsOf(events, 'multi.txt'), ['multi-cursor']);
    assertReplaysTo(events, 'multi.txt', editor.document);
    assert.equal(editor.document.getText(), 'one;//x\ntwo;//x\nthree;//x\n');
  });

  it('a suggestion accepted from a completion provider is recorded as completion', async function () {
    let asked = 0;
    disposables.push(
      vscode.languages.registerCompletionItemProvider(
        { pattern: '**/completion.txt' },
        {
          provideCompletionItems() {
            asked++;
            const item = new vscode.CompletionItem('completionFromProvider', vscode.CompletionItemKind.Function);
            item.preselect = true;
            item.sortText = '0';
            return [item];
          },
        },
      ),
    );
    const editor = await openEditor('completion.txt', 'call ');
    endOfDocument(editor);
    await typeText('comp');
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await waitFor('the provider to be asked', () => asked > 0 || undefined);
    await sleep(700); // the widget renders its list
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    await waitFor('the suggestion', () => editor.document.getText().includes('completionFromProvider') || undefined);
    const events = await capturedEvents();
    checkProvenance('suggest completion', editsOf(events, 'completion.txt'), ['typed', 'completion']);
    assertReplaysTo(events, 'completion.txt', editor.document);
  });

  it('an accepted inline completion is recorded as completion', async function () {
    let asked = 0;
    disposables.push(
      vscode.languages.registerInlineCompletionItemProvider(
        { pattern: '**/inline.txt' },
        {
          provideInlineCompletionItems(doc, pos) {
            asked++;
            const line = doc.lineAt(pos.line).text.slice(0, pos.character);
            if (!line.endsWith('= ')) return [];
            return [new vscode.InlineCompletionItem('computeTotal(items, taxRate);', new vscode.Range(pos, pos))];
          },
        },
      ),
    );
    const editor = await openEditor('inline.txt', '');
    await typeText('total = ');
    await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
    await waitFor('the inline provider to be asked', () => asked > 0 || undefined);
    await sleep(500);
    await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
    await waitFor('the inline completion', () => editor.document.getText().includes('computeTotal') || undefined);
    const events = await capturedEvents();
    checkProvenance('inline completion', editsOf(events, 'inline.txt'), ['typed', 'completion']);
    assertReplaysTo(events, 'inline.txt', editor.document);
  });

  it('formatting the document is recorded as format', async function () {
    disposables.push(
      vscode.languages.registerDocumentFormattingEditProvider(
        { pattern: '**/format.txt' },
        {
          provideDocumentFormattingEdits(doc) {
            const edits: vscode.TextEdit[] = [];
            for (let l = 0; l < doc.lineCount; l++) {
              const text = doc.lineAt(l).text;
              const m = /^(\w+)\s+=\s+(\w+)$/.exec(text);
              if (m) edits.push(vscode.TextEdit.replace(doc.lineAt(l).range, `${m[1]} = ${m[2]}`));
            }
            return edits;
          },
        },
      ),
    );
    const editor = await openEditor('format.txt', 'a    =   1\nb   =    2\nc  =  3\n');
    placeCursor(editor, 0, 0);
    await vscode.commands.executeCommand('editor.action.formatDocument');
    await waitFor('the format', () => editor.document.getText() === 'a = 1\nb = 2\nc = 3\n' || undefined);
    const events = await capturedEvents();
    checkProvenance('format', editsOf(events, 'format.txt'), ['format']);
    assertReplaysTo(events, 'format.txt', editor.document);
  });

  it('a file changed on disk is recorded as external', async function () {
    const editor = await openEditor('ondisk.txt', 'version one\n');
    const changed = new Promise<void>((r) => {
      const d = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === editor.document && e.contentChanges.length) {
          d.dispose();
          r();
        }
      });
    });
    await writeFixture('ondisk.txt', 'version two, written by another program\n');
    await Promise.race([changed, sleep(8000)]);
    await waitFor('the reload', () => editor.document.getText().startsWith('version two') || undefined);
    const events = await capturedEvents();
    checkProvenance('disk change', editsOf(events, 'ondisk.txt'), ['external']);
    assertReplaysTo(events, 'ondisk.txt', editor.document);
  });

  it('an edit by another extension to a document not in focus is recorded as external', async function () {
    const other = await openEditor('background.txt', 'left alone\n');
    await openEditor('foreground.txt', 'focused\n');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(other.document.uri, new vscode.Position(1, 0), 'added by a tool\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const events = await capturedEvents();
    checkProvenance('background edit', editsOf(events, 'background.txt'), ['external']);
    assertReplaysTo(events, 'background.txt', other.document);
  });

  it('CRLF files are captured and replay byte-exact with their line endings', async function () {
    const editor = await openEditor('windows.txt', 'first\r\nsecond\r\n');
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
    endOfDocument(editor);
    await typeText('third');
    await vscode.commands.executeCommand('type', { text: '\n' });
    await typeText('fourth');
    const events = await capturedEvents();
    checkProvenance('CRLF typing', editsOf(events, 'windows.txt'), ['typed']);
    assertReplaysTo(events, 'windows.txt', editor.document);
    assert.ok(editor.document.getText().includes('third\r\nfourth'));
  });

  it('a phone number typed is redacted: libphonenumber-js, its own bundle, is loaded for it', async function () {
    const editor = await openEditor('contact.ts', 'const a = 1;\n');
    endOfDocument(editor);
    await typeText('const support = "+44 20 7183 0958";\n');
    const json = JSON.stringify(editsOf(await capturedEvents(), 'contact.ts'));
    assert.ok(json.includes('const support'), 'the typed line is recorded');
    assert.ok(!json.includes('7183 0958'), 'the number is not');
    assert.match(json, /<REDACTED:phone#[0-9a-f]{8}>/);
  });

  it('a step is never built from text typed while capture was switched off', async function () {
    // Ten lines apart, so no diff's context lines reach from one edit to the other.
    const editor = await openEditor('gate.txt', Array.from({ length: 12 }, (_, i) => `line ${i}`).join('\n') + '\n');
    placeCursor(editor, 11, 7);
    await typeText(' on1');
    const cfg = vscode.workspace.getConfiguration('codetrail');
    await cfg.update('enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('capture to stop', async () => {
        const s = await vscode.commands.executeCommand<{ capturing: boolean; reason?: string }>('codetrail.internal.state');
        return !s.capturing && s.reason === 'setting-off' ? true : undefined;
      });
      placeCursor(editor, 0, 6);
      await typeText(' SECRETOFF');
    } finally {
      await cfg.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(
      'capture to resume',
      async () => (await vscode.commands.executeCommand<{ capturing: boolean }>('codetrail.internal.state')).capturing || undefined,
    );
    placeCursor(editor, 11, 11);
    await typeText(' on2');
    const events = await capturedEvents();
    const mine = events.filter((e) => 'path' in e && e.path === 'gate.txt');
    assert.ok(!JSON.stringify(events).includes('SECRETOFF'), 'no record holds text typed while off: no step, no baseline, nothing else');
    assert.ok(
      mine.some((e) => e.kind === 'file.baseline' && e.reason === 'resume'),
      'the file is re-baselined on resume',
    );
    assert.ok(events.some((e) => e.kind === 'session.end' && e.reason === 'consent'));
    // Replay from the resume baseline: the trajectory after it matches the editor, except that
    // the line typed on while capture was off reads as the mask.
    const resumeAt = mine.findIndex((e) => e.kind === 'file.baseline' && e.reason === 'resume');
    const replay = replayTrajectory(mine.slice(resumeAt));
    assert.deepEqual(replay.mismatches, []);
    const replayed = (replay.finalText.get('gate.txt') ?? '').split('\n');
    const real = editor.document.getText().split('\n');
    assert.equal(replayed.length, real.length, 'same number of lines');
    real.forEach((line, i) => {
      if (line.includes('SECRETOFF'))
        assert.equal(replayed[i], '<REDACTED:not-captured>', `line ${i} holds text typed while off: it reads as the mask`);
      else assert.equal(replayed[i], line, `line ${i} replays byte-exact`);
    });
  });
});
