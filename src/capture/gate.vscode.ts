// The default capture gate: VS Code's telemetry switch and the codetrail.enabled setting.
import * as vscode from 'vscode';
import { defaultDecision, type CaptureGate, type GateDecision } from './gate';
import type { Settings } from '../settings.vscode';

export class TelemetryGate implements CaptureGate, vscode.Disposable {
  private readonly listeners = new Set<(d: GateDecision) => void>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly settings: Settings) {
    vscode.env.onDidChangeTelemetryEnabled(() => this.fire(), this, this.disposables);
    settings.onDidChange(() => this.fire(), this, this.disposables);
  }

  current(): GateDecision {
    return defaultDecision({ telemetryEnabled: vscode.env.isTelemetryEnabled, settingEnabled: this.settings.current.enabled });
  }

  onDidChange(listener: (d: GateDecision) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private fire(): void {
    const d = this.current();
    for (const l of this.listeners) l(d);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.listeners.clear();
  }
}
