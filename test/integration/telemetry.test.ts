// With VS Code's telemetry switched off (telemetry.telemetryLevel=off in the user settings),
// the extension reports why it is not capturing and writes nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { capturedEvents, closeAll, endOfDocument, openEditor, typeText } from './helpers';

describe('capture with telemetry off @telemetry-off', function () {
  it('env.isTelemetryEnabled is false and capture is off with the reason given', async function () {
    const ext = vscode.extensions.getExtension('codetrail.codetrail');
    assert.ok(ext);
    await ext.activate();
    // Right after activation every contributed command exists, though the capture side loads later.
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.deepEqual(
      contributed.filter((id) => !registered.has(id)),
      [],
    );
    assert.equal(vscode.env.isTelemetryEnabled, false);
    const state = await vscode.commands.executeCommand<{ capturing: boolean; reason?: string; description: string }>(
      'codetrail.internal.state',
    );
    assert.equal(state.capturing, false);
    assert.equal(state.reason, 'telemetry-off');
    assert.match(state.description, /telemetry is off/);
  });

  it('typing while telemetry is off records nothing at all', async function () {
    const editor = await openEditor('private.txt', 'hello\n');
    endOfDocument(editor);
    await typeText('typed while telemetry is off');
    await editor.document.save();
    const events = await capturedEvents();
    assert.deepEqual(events, [], 'no event is written');
    await closeAll();
  });
});
