// Hidden commands the integration tests and the adapter benchmark use to look inside the
// running capture: flush to disk, read the change handler's cost, read the gate.
import * as vscode from 'vscode';
import type { Recorder } from './recorder';
import type { JsonlFileSink } from './sink';
import type { DocumentCapture } from './documents.vscode';
import { describeDecision } from './gate';

export function registerInternalCommands(recorder: Recorder, sink: JsonlFileSink, documents: DocumentCapture): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('codetrail.internal.flush', async () => {
      await documents.settled();
      await recorder.flush();
      const sessionId = recorder.sessionId;
      return { dir: sink.dir, sessionId, file: sessionId ? sink.fileFor(sessionId) : undefined };
    }),
    vscode.commands.registerCommand('codetrail.internal.adapterStats', (opts?: { reset?: boolean }) => {
      const all = [documents.changeStats, documents.appendStats, documents.closeStats];
      const summary = { ...documents.changeStats.summary(), append: documents.appendStats.summary(), close: documents.closeStats.summary() };
      if (opts?.reset) for (const s of all) s.reset();
      return summary;
    }),
    vscode.commands.registerCommand('codetrail.internal.state', () => ({
      capturing: recorder.allowed,
      reason: recorder.gateDecision.allowed ? undefined : recorder.gateDecision.reason,
      description: describeDecision(recorder.gateDecision),
      telemetryEnabled: vscode.env.isTelemetryEnabled,
      uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
      sessionId: recorder.sessionId,
    })),
  );
}
