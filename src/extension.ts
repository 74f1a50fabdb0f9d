// Composition root: builds the services, hands each its dependencies, registers disposables.
import * as vscode from 'vscode';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Settings } from './settings.vscode';
import { TelemetryGate } from './capture/gate.vscode';
import { JsonlFileSink } from './capture/sink';
import { Recorder } from './capture/recorder';
import { DEFAULT_TRAJECTORY_OPTIONS } from './capture/trajectory';
import { DocumentCapture } from './capture/documents.vscode';
import { CommandCapture } from './capture/commands.vscode';
import { OutcomeCapture } from './capture/outcomes.vscode';
import { registerInternalCommands } from './capture/internal.vscode';
import { describeDecision } from './capture/gate';
import { workspaceId } from './capture/workspace';

let shutdown: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Codetrail', { log: true });
  context.subscriptions.push(log);
  log.info(`Codetrail ${context.extension.packageJSON.version as string} activated`);

  const settings = new Settings();
  const gate = new TelemetryGate(settings);
  // Until the outbox exists, events go to a local file per session.
  const sink = new JsonlFileSink(join(context.globalStorageUri.fsPath, 'trajectories'), log);
  const s = settings.current.capture;
  const recorder = new Recorder(sink, gate, {
    workspace: workspaceId(installationSalt(context), workspaceIdentity()),
    client: { name: 'codetrail-vscode', version: context.extension.packageJSON.version as string, uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop' },
    sessionIdleMs: s.sessionIdleMinutes * 60_000,
    // The consent module replaces this stamp with the real state and policy version.
    consent: () => ({ state: 'recording', policyVersion: 0 }),
    trajectory: { ...DEFAULT_TRAJECTORY_OPTIONS, idleMs: s.stepIdleMs },
  });
  log.info(describeDecision(recorder.gateDecision));
  recorder.onGateChange((d) => log.info(describeDecision(d)));

  const documents = new DocumentCapture(recorder, () => settings.current, log);
  const ticker = setInterval(() => recorder.tick(Date.now()), 500);
  context.subscriptions.push(
    settings, gate, documents,
    new CommandCapture(recorder, () => settings.current),
    new OutcomeCapture(recorder),
    new vscode.Disposable(() => clearInterval(ticker)),
    registerInternalCommands(recorder, sink, documents),
    vscode.commands.registerCommand('codetrail.showLog', () => log.show()),
  );
  shutdown = () => recorder.shutdown();
}

export async function deactivate(): Promise<void> {
  await shutdown?.();
  shutdown = undefined;
}

/** A random per-installation salt, so workspace hashes cannot be matched across users. */
function installationSalt(context: vscode.ExtensionContext): string {
  let salt = context.globalState.get<string>('codetrail.workspaceSalt');
  if (!salt) {
    salt = randomBytes(16).toString('hex');
    void context.globalState.update('codetrail.workspaceSalt', salt);
  }
  return salt;
}

function workspaceIdentity(): string[] {
  const ws = vscode.workspace;
  if (ws.workspaceFile && ws.workspaceFile.scheme !== 'untitled') return [ws.workspaceFile.toString()];
  return (ws.workspaceFolders ?? []).map((f) => f.uri.toString());
}
