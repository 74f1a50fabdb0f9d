// Reads Codetrail's settings from VS Code and tells listeners when they change.
import * as vscode from 'vscode';
import { readSettings, type CodetrailSettings } from './config';

export class Settings implements vscode.Disposable {
  private value: CodetrailSettings;
  private readonly emitter = new vscode.EventEmitter<CodetrailSettings>();
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.value = Settings.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('codetrail')) return;
      this.value = Settings.read();
      this.emitter.fire(this.value);
    });
  }

  get current(): CodetrailSettings {
    return this.value;
  }

  private static read(): CodetrailSettings {
    const c = vscode.workspace.getConfiguration('codetrail');
    return readSettings((key) => c.get(key));
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
