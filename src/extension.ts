// Composition root: builds the services, hands each its dependencies, registers disposables.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Codetrail', { log: true });
  context.subscriptions.push(log);
  log.info(`Codetrail ${context.extension.packageJSON.version as string} activated`);
}

export function deactivate(): void {}
