// Codetrail's settings as one typed source that tells listeners when they change. The editor's
// configuration events cover edits made in the Settings UI; an edit of settings.json made on
// disk is not always seen by the editor (code-server, for one, does not reload it), so the
// user settings file is also read directly, every few seconds when it changed, and its values
// stand for the user layer (workspace settings still win over it).
import * as vscode from 'vscode';
import { statSync, readFileSync } from 'node:fs';
import { parse, type ParseError } from 'jsonc-parser';
import { readSettings, type CodetrailSettings } from './config';

const POLL_MS = 3000;
const PREFIX = 'codetrail.';

export class Settings implements vscode.Disposable {
  private value: CodetrailSettings;
  private json: string;
  private readonly emitter = new vscode.EventEmitter<CodetrailSettings>();
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private readonly timer: ReturnType<typeof setInterval>;
  private file: { mtime: number; values: Map<string, unknown> | undefined } = { mtime: -1, values: undefined };

  /** `userSettingsFile`: the user's settings.json, read directly (see above). */
  constructor(private userSettingsFile?: string) {
    // Trust the file only if it says what the editor read at start (a settings profile keeps
    // its settings elsewhere).
    const atStart = this.userFileValues();
    const c = vscode.workspace.getConfiguration('codetrail');
    if (atStart && [...atStart].some(([k, v]) => JSON.stringify(c.inspect(k)?.globalValue) !== JSON.stringify(v))) this.userSettingsFile = undefined;
    this.value = this.read();
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
    const next = this.read();
    const json = JSON.stringify(next);
    if (json === this.json) return;
    this.value = next;
    this.json = json;
    this.emitter.fire(next);
  }

  private read(): CodetrailSettings {
    const c = vscode.workspace.getConfiguration('codetrail');
    const user = this.userFileValues();
    return readSettings((key) => {
      const i = c.inspect(key);
      if (i?.workspaceFolderValue !== undefined) return i.workspaceFolderValue;
      if (i?.workspaceValue !== undefined) return i.workspaceValue;
      if (user) return user.has(key) ? user.get(key) : i?.defaultValue;
      return i?.globalValue ?? i?.defaultValue;
    });
  }

  /** Codetrail's keys in the user settings file (without the prefix), or undefined when it cannot be read. */
  private userFileValues(): Map<string, unknown> | undefined {
    if (!this.userSettingsFile) return undefined;
    let mtime: number;
    try {
      mtime = statSync(this.userSettingsFile).mtimeMs;
    } catch {
      return undefined;
    }
    if (mtime === this.file.mtime) return this.file.values;
    let values: Map<string, unknown> | undefined;
    try {
      const errors: ParseError[] = [];
      const root = parse(readFileSync(this.userSettingsFile, 'utf8'), errors, { allowTrailingComma: true }) as Record<string, unknown> | undefined;
      if (errors.length === 0 && root && typeof root === 'object') {
        values = new Map();
        for (const [k, v] of Object.entries(root)) {
          if (k.startsWith(PREFIX)) values.set(k.slice(PREFIX.length), v);
          else if (k === 'codetrail' && v && typeof v === 'object') for (const [k2, v2] of Object.entries(v)) values.set(k2, v2);
        }
      }
    } catch {
      values = undefined; // being written: read it again next time
    }
    this.file = { mtime: values ? mtime : -1, values };
    return values;
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
