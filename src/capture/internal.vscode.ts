// Hidden commands the integration tests and the adapter benchmark use to look inside the
// running capture: write everything out and return what the outbox holds, read the change
// handler's cost, read the gate.
import * as vscode from 'vscode';
import type { Recorder } from './recorder';
import type { DocumentCapture } from './documents.vscode';
import type { SendPipeline } from '../send/pipeline';
import type { TrajectoryEvent } from '@codetrail/protocol';
import { describeDecision } from './gate';
import type { RegisterCommand } from '../commands.vscode';

export function registerInternalCommands(
  registerCommand: RegisterCommand,
  recorder: Recorder,
  pipeline: Promise<SendPipeline>,
  documents: DocumentCapture,
  policyGlobs: () => string[] = () => [],
  activationTimes: Record<string, number | undefined> = {},
  consentMemory: () => { fingerprints: number } = () => ({ fingerprints: 0 }),
): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommand('codetrail.internal.flush', async () => {
      await documents.settled();
      await recorder.flush();
      const p = await pipeline;
      await p.flush();
      const pending = await p.listPending();
      const sent = await p.outbox.listSent();
      const events: TrajectoryEvent[] = [...sent.map((s) => s.event), ...pending.map((x) => x.event)];
      return { sessionId: recorder.sessionId, events };
    }),
    registerCommand('codetrail.internal.adapterStats', (opts?: { reset?: boolean }) => {
      const all = [documents.changeStats, documents.appendStats, documents.closeStats];
      const summary = {
        ...documents.changeStats.summary(),
        append: documents.appendStats.summary(),
        close: documents.closeStats.summary(),
      };
      if (opts?.reset) for (const s of all) s.reset();
      return summary;
    }),
    registerCommand('codetrail.internal.state', async () => ({
      outboxDir: (await pipeline).outbox.dir,
      policyGlobs: policyGlobs(),
      activationTimes,
      consentMemory: consentMemory(),
      capturing: recorder.allowed,
      reason: recorder.gateDecision.allowed ? undefined : recorder.gateDecision.reason,
      description: describeDecision(recorder.gateDecision),
      telemetryEnabled: vscode.env.isTelemetryEnabled,
      uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
      sessionId: recorder.sessionId,
    })),
  );
}
