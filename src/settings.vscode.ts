// Codetrail's settings as one typed source that tells listeners when they change: from the
// editor's configuration events, and — because an edit of settings.json on disk is not always
// announced — from a light poll that re-reads them every few seconds.
import * as vscode from 'vscode';
import { readSettings, type CodetrailSettings } from './config';

const POLL_MS = 3000;

export class Settings implements vscode.Disposable {
  private value: CodetrailSettings;
  private json: string;
  private readonly emitter = new vscode.EventEmitter<CodetrailSettings>();
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor() {
    this.value = Settings.read();
    this.json = JSON.stringify(this.value);
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('codetrail')) this.refresh();
    });
    this.timer = setInterval(() => this.refresh(), POLL_MS);
  }

  get current(): CodetrailSettings {
    return this.value;
  }

  /** Re-reads the settings; listeners hear of it only when something changed. */
  refresh(): void {
    const next = Settings.read();
    const json = JSON.stringify(next);
    if (json === this.json) return;
    this.value = next;
    this.json = json;
    this.emitter.fire(next);
  }

  private static read(): CodetrailSettings {
    const c = vscode.workspace.getConfiguration('codetrail');
    return readSettings((key) => c.get(key));
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
