// Composition root: builds the services, hands each its dependencies, registers disposables.
// Flow: adapters → recorder (consent gate, trajectory builder with redaction) → redaction of
// the remaining text fields → outbox → sender → collection service.
import * as vscode from 'vscode';
import { dirname, join } from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import { Settings } from './settings.vscode';
import { Recorder } from './capture/recorder';
import { DEFAULT_TRAJECTORY_OPTIONS } from './capture/trajectory';
import { DocumentCapture } from './capture/documents.vscode';
import { CommandCapture } from './capture/commands.vscode';
import { OutcomeCapture } from './capture/outcomes.vscode';
import { registerInternalCommands } from './capture/internal.vscode';
import { describeDecision } from './capture/gate';
import { redactEventFields } from './capture/redact-stage';
import { workspaceHash } from '@codetrail/protocol';
import { createRedactor } from './redact';
import { localeRegion, localIdentifiers } from './redact/local';
import { activateSending, TOKEN_SECRET_KEY } from './send/send.vscode';
import { compileExclusions } from './redact/paths';
import { ControlClient } from './consent/client';
import { ConsentService } from './consent/consent.vscode';
import { TaintStore } from './consent/taint-store';
import { ConsentFirewall } from './consent/firewall';
import { isWriterAlive, newWriterId } from './send/files';
import { registerTransparency } from './transparency/transparency.vscode';

const REDACTION_KEY_SECRET = 'codetrail.redaction.key';
let shutdown: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Codetrail', { log: true });
  context.subscriptions.push(log);
  const version = context.extension.packageJSON.version as string;
  log.info(`Codetrail ${version} activated`);
  const client = { name: 'codetrail-vscode', version };
  const storage = context.globalStorageUri.fsPath;

  await adoptProvisionedToken(context, log);
  // The user's settings.json sits two folders above the extension's global storage.
  const settings = new Settings(join(dirname(dirname(storage)), 'settings.json'));
  const installKey = await redactionKey(context);
  const redactor = createRedactor({ key: installKey, localIdentifiers: await localIdentifiers(), phoneRegion: localeRegion() });

  // Taint memory and the consent firewall come before anything can be written.
  const late: { recorder?: Recorder } = {};
  const writerId = newWriterId();
  const taint = new TaintStore({
    dir: join(storage, 'consent-memory'),
    key: createHmac('sha256', installKey).update('codetrail consent memory').digest(),
    writerId,
    isAlive: isWriterAlive,
    warn: (m) => log.warn(m),
  });
  const firewall = new ConsentFirewall((line) => taint.recognize(line, true), (path) => late.recorder?.restateFile(path));
  const sending = activateSending(context, log, client, settings, (e) => firewall.check(e));
  const control = new ControlClient(() => settings.current.collectorUrl, async () => (await context.secrets.get(TOKEN_SECRET_KEY)) || undefined);
  const installSalt = installationSalt(context);
  const wsHash = (salt: string | undefined) => workspaceHash(salt ?? installSalt, vscode.workspace.name ?? '');

  // The consent hooks need the recorder, which needs consent as its gate.
  const consent = new ConsentService({
    storageDir: join(storage, 'consent'),
    workspaceHash: wsHash,
    client: control,
    hasToken: async () => !!(await context.secrets.get(TOKEN_SECRET_KEY)),
    onDidChangeToken: context.secrets.onDidChange,
    hooks: {
      retract: (from, to) => late.recorder?.discard(from, to),
      purge: async (match) => (await sending.ready).purge(match),
      recordGap: (reason, from, to, dropped) => late.recorder?.emit({ kind: 'gap', time: Date.now(), reason, from, to, dropped }),
    },
    log,
    usageDataUri: vscode.Uri.joinPath(context.extensionUri, 'USAGE_DATA.md'),
    settings,
  });
  await consent.start();
  context.subscriptions.push(consent);

  const s = settings.current.capture;
  const rec = new Recorder(sending.sink, consent, {
    workspace: wsHash(undefined),
    client: { ...client, uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop' },
    sessionIdleMs: s.sessionIdleMinutes * 60_000,
    consent: () => consent.stamp(),
    trajectory: { ...DEFAULT_TRAJECTORY_OPTIONS, idleMs: s.stepIdleMs },
    redact: (text) => redactor.redact(text).text,
    taint,
    log: (m) => log.info(m),
    // News of a pause that took effect earlier (another window, another device): what was
    // recorded since is removed before it can be sent.
    onLateStop: (since) => void sending.ready.then((p) => p.purge((e) => e.time >= since && e.kind !== 'session.start'))
      .catch((e: unknown) => log.error(`could not remove events after a pause: ${String(e)}`)),
  });
  late.recorder = rec;
  rec.addStage((e) => redactEventFields(e, redactor));
  log.info(describeDecision(rec.gateDecision));
  rec.onGateChange((d) => log.info(describeDecision(d)));

  // Files never captured: the built-in list, the user's globs and the organisation's policy, applied live.
  let excluded = compileExclusions([]);
  const documents = new DocumentCapture(rec, () => settings.current, log, (path) => redactor.isExcludedPath(path) || excluded(path));
  const applySettings = () => {
    const c = settings.current.capture;
    excluded = compileExclusions([...settings.current.excludedFiles, ...(consent.policy?.excludedGlobs ?? [])]);
    rec.builder.setOptions({ ...DEFAULT_TRAJECTORY_OPTIONS, idleMs: c.stepIdleMs });
    rec.setSessionIdleMs(c.sessionIdleMinutes * 60_000);
    documents.reconsider();
  };
  applySettings();
  context.subscriptions.push(settings.onDidChange(applySettings), consent.onDidChangePolicy(applySettings));
  const ticker = setInterval(() => rec.tick(Date.now()), 500);
  context.subscriptions.push(
    settings, documents,
    new CommandCapture(rec, () => settings.current),
    new OutcomeCapture(rec),
    new vscode.Disposable(() => clearInterval(ticker)),
    registerInternalCommands(rec, sending.ready, documents, () => consent.policy?.excludedGlobs ?? []),
    vscode.commands.registerCommand('codetrail.showLog', () => log.show()),
  );
  // The outbox opens in the background; capture writes to it as soon as it is ready.
  registerTransparency(context, {
    outbox: sending.ready.then((p) => p.outbox),
    controlClient: control,
    log,
    // Removed pending events are retracted in the editor too, so their text never comes back.
    onRemoved: (r) => {
      rec.discard(r.from || Date.now(), r.to || Date.now());
      rec.emit({ kind: 'gap', time: Date.now(), reason: 'discarded', from: r.from || Date.now(), to: r.to || Date.now(), dropped: r.removed });
    },
  });
  shutdown = async () => {
    await rec.shutdown();
  };
}

export async function deactivate(): Promise<void> {
  await shutdown?.();
  shutdown = undefined;
}

/** A managed install (or `npm start`) may hand the token over once in CODETRAIL_TOKEN. */
async function adoptProvisionedToken(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<void> {
  const token = process.env.CODETRAIL_TOKEN?.trim();
  if (!token || (await context.secrets.get(TOKEN_SECRET_KEY))) return;
  await context.secrets.store(TOKEN_SECRET_KEY, token);
  log.info('signed in with the token provided by the environment');
}

/** The per-install key of redaction placeholders; kept in SecretStorage, never sent. */
async function redactionKey(context: vscode.ExtensionContext): Promise<Buffer> {
  const stored = await context.secrets.get(REDACTION_KEY_SECRET);
  if (stored) return Buffer.from(stored, 'base64');
  const key = randomBytes(32);
  await context.secrets.store(REDACTION_KEY_SECRET, key.toString('base64'));
  return key;
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
