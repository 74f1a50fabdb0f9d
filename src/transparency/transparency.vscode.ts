// VS Code side of transparency: the "Show Collected Data" webview, "Delete My Collected Data",
// "Show My Deletion Requests" and "Export My Trajectories". The logic lives in the pure modules.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ControlClient, DeletionScope, DeletionStatus } from '../consent/client';
import type { TrajectoryEvent } from '@codetrail/protocol';
import { describeDeletion, describeScope, inScope, parseRange, presetRange, sessionsOf, type RangePreset } from './deletion';
import { newNonce, renderShell } from './html';
import { normalizeFilter, type ViewFilter } from './model';
import { TransparencyService, type HeldStore, type RemovalReport } from './service';
import type { RegisterCommand } from '../commands.vscode';

export const TRANSPARENCY_COMMANDS = {
  show: 'codetrail.showCollectedData',
  deleteData: 'codetrail.deleteMyData',
  deletions: 'codetrail.showDeletionRequests',
  exportData: 'codetrail.exportMyTrajectories',
  internal: 'codetrail.internal.transparency',
} as const;

export interface TransparencyLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface TransparencyDeps {
  /** Registers a handler for a contributed command. */
  registerCommand: RegisterCommand;
  /** The outbox (`pipeline.outbox`, or a promise of it while it opens): pending events, sent copies, removal. */
  outbox: FlushingStore | Promise<FlushingStore>;
  controlClient: Pick<ControlClient, 'requestDeletion' | 'deletions'>;
  log: TransparencyLogger;
  /**
   * After pending events were removed: record a gap marker and restate (re-baseline) the files
   * listed, so the next steps of those files replay without the removed ones.
   */
  onRemoved?: (r: RemovalReport) => void;
}

type FlushingStore = HeldStore & { onDidFlush?: (listener: () => void) => { dispose(): void } };

const LAST_DELETION_KEY = 'codetrail.lastDeletionId';
const EXPORT_KEY = 'codetrail.exportPseudonymKey';

function dayStartOf(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

const localTime = (ms: number) => new Date(ms).toLocaleString();

/** A transparency command's handler, by command id. */
export type TransparencyHandlers = Record<
  (typeof TRANSPARENCY_COMMANDS)[keyof typeof TRANSPARENCY_COMMANDS],
  (...args: never[]) => unknown
>;

/**
 * Builds the transparency view and commands (the panel is pushed into context.subscriptions) and
 * returns their handlers. lazy.vscode.ts registers the commands at activation and calls this
 * when one is first run, so this module is a bundle of its own (transparency.vscode.js).
 */
export function createTransparency(context: vscode.ExtensionContext, deps: TransparencyDeps): TransparencyHandlers {
  const service = new TransparencyService(deps.outbox, { onRemoved: deps.onRemoved });
  const panel = new CollectedDataPanel(context, service, deps);
  const deletion = new DeletionCommands(context, service, deps);
  context.subscriptions.push(panel);
  return {
    [TRANSPARENCY_COMMANDS.show]: () => panel.show(),
    [TRANSPARENCY_COMMANDS.deleteData]: () => deletion.run(),
    [TRANSPARENCY_COMMANDS.deletions]: () => deletion.showRequests(),
    [TRANSPARENCY_COMMANDS.exportData]: (folder?: vscode.Uri) => exportCommand(context, service, deps, folder),
    // For the integration tests: the same operations without dialogs.
    [TRANSPARENCY_COMMANDS.internal]: async (op: InternalOp) => {
      switch (op.op) {
        case 'view':
          return service.view(op.filter, Date.now(), dayStartOf(Date.now()));
        case 'detail':
          await service.held();
          return service.detail(op.id);
        case 'remove':
          return service.remove(op.ids);
        case 'delete':
          return deletion.request(op.scope);
        case 'panel':
          return panel.snapshot();
      }
    },
  };
}

type InternalOp =
  | { op: 'view'; filter?: ViewFilter }
  | { op: 'detail'; id: string }
  | { op: 'remove'; ids: string[] }
  | { op: 'delete'; scope: DeletionScope }
  | { op: 'panel' };

type FromView =
  | { type: 'ready'; filter?: ViewFilter; selected?: string }
  | { type: 'filter'; filter: ViewFilter }
  | { type: 'select'; id: string }
  | { type: 'remove'; ids: string[] }
  | { type: 'removeShown'; filter: ViewFilter }
  | { type: 'refresh' }
  | { type: 'command'; name: 'export' | 'delete' };

/** One panel per window; refreshed while visible when the outbox changes. */
class CollectedDataPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private filter: Required<ViewFilter> = normalizeFilter(undefined);
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private readonly subs: vscode.Disposable[] = [];
  private lastModel: unknown;
  /** Set once the page's script has run (under its CSP) and asked for data. */
  private ready = false;
  private rendering: Promise<void> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly service: TransparencyService,
    private readonly deps: TransparencyDeps,
  ) {
    void Promise.resolve(deps.outbox).then(
      (o) => {
        const sub = o.onDidFlush?.(() => this.scheduleRefresh());
        if (sub) this.subs.push(sub);
      },
      () => undefined,
    );
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      this.scheduleRefresh(0);
      return;
    }
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'transparency');
    const panel = vscode.window.createWebviewPanel('codetrail.collectedData', 'Codetrail: Collected Data', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      enableFindWidget: true,
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'eye.svg');
    const w = panel.webview;
    const nonce = newNonce();
    w.html = renderShell(
      {
        cspSource: w.cspSource,
        script: w.asWebviewUri(vscode.Uri.joinPath(media, 'view.js')).toString(),
        style: w.asWebviewUri(vscode.Uri.joinPath(media, 'view.css')).toString(),
        codicons: w.asWebviewUri(vscode.Uri.joinPath(media, 'codicons', 'codicon.css')).toString(),
      },
      nonce,
    );
    this.panel = panel;
    panel.onDidDispose(
      () => {
        this.panel = undefined;
        this.ready = false;
        if (this.poll) clearInterval(this.poll);
        this.poll = undefined;
      },
      null,
      this.subs,
    );
    w.onDidReceiveMessage((m: FromView) => void this.onMessage(m).catch((e) => this.fail(e)), null, this.subs);
    panel.onDidChangeViewState(
      () => {
        if (panel.visible) this.scheduleRefresh(0);
      },
      null,
      this.subs,
    );
    // sending moves events from pending to sent without an outbox flush: look again now and then
    this.poll = setInterval(() => {
      if (this.panel?.visible) this.scheduleRefresh(0);
    }, 3000);
  }

  /** What the panel shows now (for tests). */
  snapshot(): { open: boolean; ready: boolean; model: unknown } {
    return { open: !!this.panel, ready: this.ready, model: this.lastModel };
  }

  private async onMessage(m: FromView): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.filter = normalizeFilter(m.filter);
        await this.render();
        if (m.selected) this.postDetail(m.selected);
        return;
      case 'filter':
        this.filter = normalizeFilter(m.filter);
        return this.render();
      case 'select':
        return this.postDetail(m.id);
      case 'refresh':
        return this.render();
      case 'remove': {
        const r = await this.service.remove(m.ids);
        this.announce(r);
        return this.render();
      }
      case 'removeShown': {
        const f = normalizeFilter(m.filter);
        const n = (await this.service.view(f, Date.now(), dayStartOf(Date.now()))).groups.find((g) => g.status === 'pending');
        const count = (n?.rows.length ?? 0) + (n?.hidden ?? 0);
        if (!count) return;
        const ok = await vscode.window.showWarningMessage(
          `Remove ${count} pending event(s) shown by the filters? They will never be sent.`,
          { modal: true },
          'Remove',
        );
        if (ok !== 'Remove') return;
        this.announce(await this.service.removeMatching(f));
        return this.render();
      }
      case 'command':
        await vscode.commands.executeCommand(m.name === 'export' ? TRANSPARENCY_COMMANDS.exportData : TRANSPARENCY_COMMANDS.deleteData);
        return this.render();
    }
  }

  private announce(r: RemovalReport): void {
    if (!r.removed) {
      void vscode.window.showInformationMessage('Codetrail: nothing removed — the event was already sent or removed.');
      return;
    }
    const extra = r.cascaded ? ` (including ${r.cascaded} later step(s) of the same file that build on it)` : '';
    const note = r.files.length
      ? ' Text still in the file is restated by its next baseline: delete it from the file first to keep it out.'
      : '';
    void vscode.window.showInformationMessage(`Codetrail: removed ${r.removed} pending event(s)${extra}; they will not be sent.${note}`);
    this.deps.log.info(`transparency: removed ${r.removed} pending event(s), ${r.cascaded} cascaded`);
  }

  private postDetail(id: string): void {
    void this.panel?.webview.postMessage({ type: 'detail', detail: this.service.detail(id) ?? null });
  }

  private scheduleRefresh(delay = 500): void {
    if (!this.panel?.visible) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.render().catch((e) => this.fail(e));
    }, delay);
  }

  private async render(): Promise<void> {
    if (this.rendering) return this.rendering;
    this.rendering = (async () => {
      const now = Date.now();
      const model = await this.service.view(this.filter, now, dayStartOf(now));
      this.lastModel = model;
      await this.panel?.webview.postMessage({ type: 'model', model });
    })().finally(() => (this.rendering = undefined));
    return this.rendering;
  }

  private fail(e: unknown): void {
    this.deps.log.error(`transparency view: ${String(e)}`);
    void vscode.window.showErrorMessage(`Codetrail: the collected data could not be read (${(e as Error).message ?? String(e)}).`);
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.poll) clearInterval(this.poll);
    this.panel?.dispose();
    this.subs.forEach((d) => d.dispose());
  }
}

class DeletionCommands {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly service: TransparencyService,
    private readonly deps: TransparencyDeps,
  ) {}

  async run(): Promise<void> {
    const scope = await this.pickScope();
    if (!scope) return;
    const ok = await vscode.window.showWarningMessage(
      `Ask the collection service to delete ${describeScope(scope, localTime)}? This cannot be undone. Events in this scope that are still on this machine are removed too.`,
      { modal: true },
      'Delete',
    );
    if (ok !== 'Delete') return;
    try {
      const r = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Codetrail: requesting deletion…' },
        () => this.request(scope),
      );
      const choice = await vscode.window.showInformationMessage(
        `Codetrail: ${describeDeletion(r.status, localTime)} Removed here: ${r.localPending} pending event(s), ${r.localSent} sent copy(ies).`,
        'Check Status',
      );
      if (choice === 'Check Status') await this.showRequests();
    } catch (e) {
      void vscode.window.showErrorMessage(`Codetrail: the deletion request was not sent: ${(e as Error).message}`);
    }
  }

  /** Sends the request, then removes the local copies in its scope; the id is kept to show later. */
  async request(scope: DeletionScope): Promise<{ status: DeletionStatus; localPending: number; localSent: number }> {
    const status = await this.deps.controlClient.requestDeletion(scope);
    await this.context.globalState.update(LAST_DELETION_KEY, status.id);
    this.deps.log.info(`transparency: deletion ${status.id} requested (${scope.kind}): ${status.status}`);
    const local = await this.service.forgetLocal((e) => inScope(scope, e));
    return { status, localPending: local.pending.removed, localSent: local.sent };
  }

  async showRequests(): Promise<void> {
    let list: DeletionStatus[];
    try {
      list = await this.deps.controlClient.deletions();
    } catch (e) {
      void vscode.window.showErrorMessage(`Codetrail: deletion requests cannot be read: ${(e as Error).message}`);
      return;
    }
    if (!list.length) {
      void vscode.window.showInformationMessage('Codetrail: you have made no deletion requests.');
      return;
    }
    const last = this.context.globalState.get<string>(LAST_DELETION_KEY);
    const items = [...list]
      .sort((a, b) => b.requestedAt - a.requestedAt)
      .map((d) => ({
        label: `${d.status === 'done' ? '$(pass)' : '$(sync)'} ${describeScope(d.scope, localTime)}`,
        description: `requested ${localTime(d.requestedAt)}${d.id === last ? ' · latest' : ''}`,
        detail: describeDeletion(d, localTime),
      }));
    await vscode.window.showQuickPick(items, { title: 'Codetrail: My Deletion Requests', matchOnDetail: true });
  }

  private async pickScope(): Promise<DeletionScope | undefined> {
    const kind = await vscode.window.showQuickPick(
      [
        { label: '$(trash) Everything', description: 'all data collected from you', id: 'all' as const },
        { label: '$(history) One session', description: 'a recorded session of this editor', id: 'session' as const },
        { label: '$(calendar) A time range', description: 'everything taken between two times', id: 'range' as const },
      ],
      { title: 'Codetrail: Delete My Collected Data — what to delete', ignoreFocusOut: true },
    );
    if (!kind) return undefined;
    if (kind.id === 'all') return { kind: 'all' };
    if (kind.id === 'session') return this.pickSession();
    return this.pickRange();
  }

  private async pickSession(): Promise<DeletionScope | undefined> {
    const held = await this.service.held();
    const sessions = sessionsOf(held.map((h) => h.event));
    const items: (vscode.QuickPickItem & { id?: string })[] = sessions.map((s) => ({
      label: `${localTime(s.start)} – ${new Date(s.end).toLocaleTimeString()}`,
      description: `${s.events} event(s) held here`,
      detail: s.files.length ? s.files.slice(0, 6).join(', ') + (s.files.length > 6 ? ` +${s.files.length - 6} more` : '') : 'no files',
      id: s.sessionId,
    }));
    items.push({ label: '$(edit) Enter a session id…', description: 'for a session no longer held on this machine' });
    const pick = await vscode.window.showQuickPick(items, {
      title: 'Codetrail: Delete a session',
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    if (!pick) return undefined;
    if (pick.id) return { kind: 'session', sessionId: pick.id };
    const id = await vscode.window.showInputBox({
      title: 'Codetrail: session id to delete',
      ignoreFocusOut: true,
      validateInput: (s) => (/^[0-9a-f-]{8,64}$/i.test(s.trim()) ? undefined : 'A session id looks like 0190b3c2-…'),
    });
    return id ? { kind: 'session', sessionId: id.trim() } : undefined;
  }

  private async pickRange(): Promise<DeletionScope | undefined> {
    const now = Date.now();
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'The last hour', id: 'last-hour' as RangePreset },
        { label: 'Today', id: 'today' as RangePreset },
        { label: 'The last 7 days', id: 'last-7-days' as RangePreset },
        { label: '$(edit) Another range…', id: undefined },
      ],
      { title: 'Codetrail: Delete a time range', ignoreFocusOut: true },
    );
    if (!pick) return undefined;
    if (pick.id) return { kind: 'range', ...presetRange(pick.id, now, dayStartOf(now)) };
    const toEpoch = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).getTime();
    const text = await vscode.window.showInputBox({
      title: 'Codetrail: Delete a time range (local time)',
      placeHolder: '2026-11-27 09:00 to 2026-11-27 12:30',
      ignoreFocusOut: true,
      validateInput: (s) => {
        const r = parseRange(s, toEpoch);
        return r.ok ? undefined : r.error;
      },
    });
    if (!text) return undefined;
    const r = parseRange(text, toEpoch);
    return r.ok ? { kind: 'range', from: r.from, until: r.until } : undefined;
  }
}

async function exportCommand(
  context: vscode.ExtensionContext,
  service: TransparencyService,
  deps: TransparencyDeps,
  folder?: vscode.Uri,
): Promise<string | undefined> {
  let parent = folder;
  if (!parent) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: 'Export Here',
      title: 'Codetrail: Export My Trajectories — choose a folder',
    });
    if (!picked?.length) return undefined;
    parent = picked[0];
  }
  // an empty folder is used as is; otherwise a new sub-folder, so nothing is ever overwritten
  let outDir = parent.fsPath;
  if ((await readdir(outDir).catch(() => [] as string[])).length) {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
    outDir = join(outDir, `codetrail-export-${stamp}`);
  }
  let key = context.globalState.get<string>(EXPORT_KEY);
  if (!key) {
    key = randomBytes(16).toString('hex');
    await context.globalState.update(EXPORT_KEY, key);
  }
  const pseudonymKey = key;
  try {
    const r = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Codetrail: exporting your trajectories…' },
      async () => {
        const held = await service.held({ pending: Infinity, sent: Infinity });
        const { exportOwnTrajectories, partialSessions } = loadExport();
        const res = await exportOwnTrajectories(held, outDir, { pseudonymKey });
        return { ...res, partial: partialSessions(held.map((h) => h.event) as TrajectoryEvent[]) };
      },
    );
    const s = r.summary;
    const problems = r.verify.problems.length;
    deps.log.info(`transparency: exported ${s.sessions} session(s), ${s.events} event(s) to ${outDir}; replay problems: ${problems}`);
    const replay = problems
      ? ` ${problems} replay problem(s): ${r.partial} session(s) are only partly held on this machine (older sent events are not kept).`
      : ` Every step replays (${r.verify.steps} checked).`;
    void vscode.window
      .showInformationMessage(
        `Codetrail: exported ${s.sessions} session(s), ${s.events} event(s) to ${outDir}.${replay}`,
        'Open Dataset Card',
      )
      .then((c) => {
        if (c) void vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(join(outDir, 'README.md')));
      });
    return outDir;
  } catch (e) {
    deps.log.error(`transparency: export failed: ${String(e)}`);
    void vscode.window.showErrorMessage(`Codetrail: the export failed: ${(e as Error).message}`);
    return undefined;
  }
}

/**
 * The export writer (the dataset package) is its own bundle beside this one, loaded the first
 * time an engineer exports: most never do, and it is a fifth of the capture side's size. Its
 * path is computed so the bundler leaves it out (in the compiled tests it is export.js beside
 * this file, too).
 */
function loadExport(): typeof import('./export') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on purpose when first used
  return require(join(__dirname, 'export.js')) as typeof import('./export');
}
