// Composition root. Activation does only what the status bar and the consent commands need —
// the log, the settings, the consent module — and then loads the capture side (core.vscode.ts,
// its own bundle) in the next turn of the event loop.
// Flow: adapters → recorder (consent gate, trajectory builder with redaction) → redaction of
// the remaining text fields → consent firewall → outbox → sender → collection service.
import * as vscode from 'vscode';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { workspaceHash } from '@codetrail/protocol';
import { Settings } from './settings.vscode';
import { ControlClient } from './consent/client';
import { CONSENT_COMMANDS, ConsentService } from './consent/consent.vscode';
import { ForwardedCommands, contributedCommands } from './commands.vscode';
import { TOKEN_SECRET_KEY } from './send/token';
import type { Core, CoreDeps } from './core.vscode';

/** Set by the bundle's first line (esbuild banner): when this module began to load. */
declare const __codetrailLoadStart: number | undefined;

// The bundle's own modules have run by now: this module's statements come after its imports.
const loadedAt = performance.now();

let core: Promise<Core | undefined> | undefined;
/**
 * For the activation benchmark (ms): evaluating the bundle (load), the host's wait between
 * that and calling activate() (context: it readies the extension's storage, a round trip to the
 * workbench), activate() itself, and after it the capture side's bundle evaluated (coreLoad)
 * and the capture side loaded and started (core, which includes coreLoad).
 */
export const activationTimes: { load?: number; context?: number; activate?: number; coreLoad?: number; core?: number } = {};

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const t0 = performance.now();
  if (typeof __codetrailLoadStart === 'number') activationTimes.load = loadedAt - __codetrailLoadStart;
  activationTimes.context = t0 - loadedAt;
  const log = vscode.window.createOutputChannel('Codetrail', { log: true });
  context.subscriptions.push(log);
  const version = context.extension.packageJSON.version as string;
  log.info(`Codetrail ${version} activated`);
  const client = { name: 'codetrail-vscode', version };
  const storage = context.globalStorageUri.fsPath;

  await adoptProvisionedToken(context, log);
  // The user's settings.json sits two folders above the extension's global storage.
  const settings = new Settings(join(dirname(dirname(storage)), 'settings.json'));
  const control = new ControlClient(
    () => settings.current.collectorUrl,
    async () => (await context.secrets.get(TOKEN_SECRET_KEY)) || undefined,
  );
  const installSalt = installationSalt(context);
  const wsHash = (salt: string | undefined) => workspaceHash(salt ?? installSalt, vscode.workspace.name ?? '');

  // The consent commands reach the capture side once it is loaded (they wait for it).
  const ready = () => core ?? Promise.resolve(undefined);
  const consent = new ConsentService({
    storageDir: join(storage, 'consent'),
    workspaceHash: wsHash,
    client: control,
    hasToken: async () => !!(await context.secrets.get(TOKEN_SECRET_KEY)),
    onDidChangeToken: context.secrets.onDidChange,
    hooks: {
      retract: async (from, to) => (await ready())?.retract(from, to),
      purge: async (match) => (await ready())?.purge(match) ?? { pending: 0, sent: 0, dead: 0 },
      recordGap: async (reason, from, to, dropped) => (await ready())?.recordGap(reason, from, to, dropped),
    },
    log,
    usageDataUri: vscode.Uri.joinPath(context.extensionUri, 'USAGE_DATA.md'),
    settings,
  });
  await consent.start();
  context.subscriptions.push(
    consent,
    settings,
    vscode.commands.registerCommand('codetrail.showLog', () => log.show()),
  );
  // Every other contributed command exists from now on and waits for the capture side.
  const own = new Set<string>([...Object.values(CONSENT_COMMANDS), 'codetrail.showLog']);
  const forwarded = new ForwardedCommands(
    contributedCommands(context.extension.packageJSON).filter((id) => !own.has(id)),
    ready,
  );
  context.subscriptions.push(forwarded);
  activationTimes.activate = performance.now() - t0;

  const deps: CoreDeps = {
    context,
    log,
    settings,
    consent,
    control,
    client,
    workspace: wsHash(undefined),
    activationTimes,
    registerCommand: forwarded.register,
  };
  core = new Promise<Core | undefined>((resolve) =>
    setImmediate(() => {
      const c0 = performance.now();
      // A separate bundle beside this one; its path is computed so the bundler leaves it out of this one.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on purpose after activation
      const load = require(join(__dirname, 'core.js')) as typeof import('./core.vscode');
      activationTimes.coreLoad = performance.now() - c0;
      load.startCapture(deps).then(
        (c) => {
          activationTimes.core = performance.now() - c0;
          resolve(c);
        },
        (err: unknown) => {
          log.error(`capture could not start: ${(err as Error).stack ?? String(err)}`);
          resolve(undefined);
        },
      );
    }),
  );
}

export async function deactivate(): Promise<void> {
  const c = await core;
  core = undefined;
  await c?.shutdown();
}

/** A managed install (or `npm start`) may hand the token over once in CODETRAIL_TOKEN. */
async function adoptProvisionedToken(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<void> {
  const token = process.env.CODETRAIL_TOKEN?.trim();
  if (!token || (await context.secrets.get(TOKEN_SECRET_KEY))) return;
  await context.secrets.store(TOKEN_SECRET_KEY, token);
  log.info('signed in with the token provided by the environment');
}

/** Used until the collection service's policy provides the organisation's salt. */
function installationSalt(context: vscode.ExtensionContext): string {
  let salt = context.globalState.get<string>('codetrail.workspaceSalt');
  if (!salt) {
    salt = randomBytes(16).toString('hex');
    void context.globalState.update('codetrail.workspaceSalt', salt);
  }
  return salt;
}
