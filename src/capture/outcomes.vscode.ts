// Adapter: outcomes of edits — diagnostics counts after a step, and commits made through
// the built-in git extension's API when it is present.
import * as vscode from 'vscode';
import type { Recorder } from './recorder';
import { DiagnosticsTracker, type Counts } from './diagnostics';
import { boundedText } from './commands';
import { relativePath } from './documents.vscode';

/** The small part of the git extension's API (version 1) used here. */
interface GitCommit {
  hash: string;
  message: string;
  parents: string[];
}
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD: { name?: string; commit?: string } | undefined; readonly onDidChange: vscode.Event<void> };
  getCommit(ref: string): Promise<GitCommit>;
}
interface GitApi {
  readonly repositories: GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
}

export class OutcomeCapture implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly diagnostics = new DiagnosticsTracker();
  /** Each repository's HEAD as last seen: `read` once its state was read (an empty repository has a HEAD without a commit). */
  private readonly heads = new Map<GitRepository, { read: boolean; commit: string | undefined }>();

  constructor(private readonly recorder: Recorder) {
    recorder.onEdit((e) => this.diagnostics.edited(e.path, e.id, e.time));
    vscode.languages.onDidChangeDiagnostics(this.onDiagnostics, this, this.disposables);
    void this.watchGit();
  }

  private onDiagnostics(e: vscode.DiagnosticChangeEvent): void {
    if (!this.recorder.allowed) return;
    const time = Date.now();
    for (const uri of e.uris) {
      const path = relativePath(uri);
      if (!path) continue;
      const counts: Counts = { errors: 0, warnings: 0 };
      for (const d of vscode.languages.getDiagnostics(uri)) {
        if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
      }
      const body = this.diagnostics.update(path, counts, time);
      if (body) this.recorder.emit(body);
    }
  }

  private async watchGit(): Promise<void> {
    const ext = vscode.extensions.getExtension<{ getAPI(v: 1): GitApi }>('vscode.git');
    if (!ext) return;
    try {
      const api = (ext.isActive ? ext.exports : await ext.activate()).getAPI(1);
      for (const r of api.repositories) this.watchRepository(r);
      api.onDidOpenRepository(this.watchRepository, this, this.disposables);
    } catch {
      // Git is disabled or failed to start: commits are simply not recorded.
    }
  }

  private watchRepository(repo: GitRepository): void {
    this.heads.set(repo, { read: repo.state.HEAD !== undefined, commit: repo.state.HEAD?.commit });
    repo.state.onDidChange(() => void this.onRepositoryChange(repo), this, this.disposables);
  }

  private async onRepositoryChange(repo: GitRepository): Promise<void> {
    const before = this.heads.get(repo) ?? { read: false, commit: undefined };
    const head = repo.state.HEAD?.commit;
    if (!head) {
      // Read, and empty (a branch with no commit yet): its first commit will be one.
      if (repo.state.HEAD) this.heads.set(repo, { read: true, commit: undefined });
      return;
    }
    if (head === before.commit) return;
    this.heads.set(repo, { read: true, commit: head });
    // The first HEAD seen is the repository's state being read, not a new commit.
    if (!before.read || !this.recorder.allowed) return;
    try {
      const c = await repo.getCommit(head);
      // A new commit on top of the old HEAD (or the first one of an empty repository) is a
      // commit; anything else is a checkout or reset.
      if (before.commit ? !c.parents.includes(before.commit) : c.parents.length > 0) return;
      this.recorder.emit({ kind: 'commit', time: Date.now(), message: boundedText(c.message), commit: c.hash.slice(0, 64) });
    } catch {
      // The commit could not be read; nothing is recorded rather than a guess.
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
