// Codetrail's settings as one typed source that tells listeners when they change. The editor's
// configuration events cover the Settings UI and the API. An edit of settings.json made on
// disk is not always seen by the editor (code-server does not reload it), so the user
// settings file is also watched: when it changes and says something other than what the
// editor holds for the user layer, its values stand for that layer until the editor reports
// a configuration change of its own (workspace settings still win over it).
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
  private fileMtime = -1;
  /** User-layer values the file holds and the editor has not picked up. */
  private overrides = new Map<string, unknown>();

  /** `userSettingsFile`: the user's settings.json, watched directly (see above). */
  constructor(private readonly userSettingsFile?: string) {
    this.fileMtime = this.mtime();
    this.value = this.read();
    this.json = JSON.stringify(this.value);
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('codetrail')) return;
      this.overrides.clear(); // the editor has the word again
      this.refresh();
    });
    this.timer = setInterval(() => this.poll(), POLL_MS);
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
    return readSettings((key) => {
      const i = c.inspect(key);
      if (i?.workspaceFolderValue !== undefined) return i.workspaceFolderValue;
      if (i?.workspaceValue !== undefined) return i.workspaceValue;
      if (this.overrides.has(key)) return this.overrides.get(key) ?? i?.defaultValue;
      return i?.globalValue ?? i?.defaultValue;
    });
  }

  private mtime(): number {
    if (!this.userSettingsFile) return -1;
    try {
      return statSync(this.userSettingsFile).mtimeMs;
    } catch {
      return -1;
    }
  }

  /** The settings file changed on disk: what it says that the editor does not becomes an override. */
  private poll(): void {
    const mtime = this.mtime();
    if (mtime !== this.fileMtime && this.userSettingsFile) {
      const values = readUserFile(this.userSettingsFile);
      if (values) {
        this.fileMtime = mtime;
        const c = vscode.workspace.getConfiguration('codetrail');
        const keys = new Set([...values.keys(), ...this.overrides.keys()]);
        const next = new Map<string, unknown>();
        for (const k of keys) {
          const held = c.inspect(k)?.globalValue;
          const inFile = values.get(k);
          if (JSON.stringify(held) !== JSON.stringify(inFile)) next.set(k, inFile);
        }
        this.overrides = next;
      }
    }
    this.refresh();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** Codetrail's keys in a settings file (without the prefix), or undefined while it cannot be parsed. */
function readUserFile(path: string): Map<string, unknown> | undefined {
  try {
    const errors: ParseError[] = [];
    const root = parse(readFileSync(path, 'utf8'), errors, { allowTrailingComma: true }) as Record<string, unknown> | undefined;
    if (errors.length > 0 || !root || typeof root !== 'object') return undefined;
    const values = new Map<string, unknown>();
    for (const [k, v] of Object.entries(root)) {
      if (k.startsWith(PREFIX)) values.set(k.slice(PREFIX.length), v);
      else if (k === 'codetrail' && v && typeof v === 'object') for (const [k2, v2] of Object.entries(v)) values.set(k2, v2);
    }
    return values;
  } catch {
    return undefined; // being written: read it again next time
  }
}
