// The capture side of the composition root, loaded just after activation (its own bundle,
// dist/core.js), so the status bar and the consent commands are up before anything heavy is
// parsed: redaction, the taint memory and the consent firewall, the outbox and sender, the
// recorder and its adapters, the transparency commands.
import * as vscode from 'vscode';
import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Settings } from './settings.vscode';
import type { ConsentService } from './consent/consent.vscode';
import type { ControlClient } from './consent/client';
import { Recorder } from './capture/recorder';
import { DEFAULT_TRAJECTORY_OPTIONS } from './capture/trajectory';
import { DocumentCapture } from './capture/documents.vscode';
import { CommandCapture } from './capture/commands.vscode';
import { OutcomeCapture } from './capture/outcomes.vscode';
import { registerInternalCommands } from './capture/internal.vscode';
import { describeDecision } from './capture/gate';
import { redactEventFields } from './capture/redact-stage';
import { createRedactor } from './redact';
import { localeRegion, localIdentifiers } from './redact/local';
import { compileExclusions } from './redact/paths';
import { activateSending } from './send/send.vscode';
import type { SendPipeline } from './send/pipeline';
import { isWriterAlive, newWriterId } from './send/files';
import { TaintStore } from './consent/taint-store';
import { ConsentFirewall } from './consent/firewall';
import { registerTransparency } from './transparency/lazy.vscode';
import type { RegisterCommand } from './commands.vscode';

const REDACTION_KEY_SECRET = 'codetrail.redaction.key';

export interface CoreDeps {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  settings: Settings;
  consent: ConsentService;
  control: ControlClient;
  client: { name: string; version: string };
  /** Salted hash of the workspace (the installation's salt until the policy gives one). */
  workspace: string;
  /** How long loading and activating took (ms), reported by the internal state command. */
  activationTimes: Record<string, number | undefined>;
  /** Registers a handler for a contributed command (the entry forwards to it). */
  registerCommand: RegisterCommand;
}

/** What the consent commands need from the capture side. */
export interface Core {
  retract(from: number, to: number): void;
  purge: SendPipeline['purge'];
  recordGap(reason: 'discarded', from: number, to: number, dropped: number): void;
  shutdown(): Promise<void>;
}

export async function startCapture(deps: CoreDeps): Promise<Core> {
  const { context, log, settings, consent, control, client } = deps;
  const storage = context.globalStorageUri.fsPath;
  const installKey = await redactionKey(context, log);
  const redactor = createRedactor({ key: installKey, localIdentifiers: await localIdentifiers(), phoneRegion: localeRegion() });

  // Taint memory and the consent firewall come before anything can be written.
  const late: { recorder?: Recorder } = {};
  const taint = new TaintStore({
    dir: join(storage, 'consent-memory'),
    key: createHmac('sha256', installKey).update('codetrail consent memory').digest(),
    writerId: newWriterId(),
    isAlive: isWriterAlive,
    warn: (m) => log.warn(m),
  });
  log.info(`consent memory: ${taint.ledger.size} fingerprints of text typed while capture was off`);
  const firewall = new ConsentFirewall(
    (line) => taint.recognize(line, true),
    (path) => late.recorder?.restateFile(path),
  );
  const sending = activateSending(
    context,
    log,
    client,
    settings,
    deps.registerCommand,
    (e) => firewall.check(e),
    () => consent.pausesReported(),
  );

  const s = settings.current.capture;
  const rec = new Recorder(sending.sink, consent, {
    workspace: deps.workspace,
    client: { ...client, uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop', redactionPolicy: redactor.policyVersion },
    sessionIdleMs: s.sessionIdleMinutes * 60_000,
    consent: () => consent.stamp(),
    trajectory: { ...DEFAULT_TRAJECTORY_OPTIONS, idleMs: s.stepIdleMs },
    redact: (text, names) => redactor.redact(text, { names }).text,
    taint,
    log: (m) => log.info(m),
    // News of a pause that took effect earlier (another window, another device): what was
    // recorded since is removed before it can be sent.
    onLateStop: (since) =>
      void sending.ready
        .then((p) => p.purge((e) => e.time >= since && e.kind !== 'session.start'))
        .catch((e: unknown) => log.error(`could not remove events after a pause: ${String(e)}`)),
  });
  late.recorder = rec;
  rec.addStage((e) => redactEventFields(e, redactor));
  log.info(describeDecision(rec.gateDecision));

  // Files never captured: the built-in list, the user's globs and the organisation's policy, applied live.
  let excluded = compileExclusions([]);
  const documents = new DocumentCapture(
    rec,
    () => settings.current,
    log,
    (path) => redactor.isExcludedPath(path) || excluded(path),
  );
  // Counts only: what the consent memory holds, and how changes made while off were taken.
  rec.onGateChange((d) =>
    log.info(
      `${describeDecision(d)} (consent memory: ${taint.ledger.size} fingerprints; changes while off: ${JSON.stringify(documents.offStats)}; clipboard reads given up: ${documents.clipboardTimeouts})`,
    ),
  );
  const applySettings = () => {
    const c = settings.current.capture;
    excluded = compileExclusions([...settings.current.excludedFiles, ...(consent.policy?.excludedGlobs ?? [])]);
    rec.builder.setOptions({ ...DEFAULT_TRAJECTORY_OPTIONS, idleMs: c.stepIdleMs });
    rec.setSessionIdleMs(c.sessionIdleMinutes * 60_000);
    documents.reconsider();
  };
  applySettings();
  const ticker = setInterval(() => rec.tick(Date.now()), 500);
  context.subscriptions.push(
    settings.onDidChange(applySettings),
    consent.onDidChangePolicy(applySettings),
    documents,
    new CommandCapture(rec, () => settings.current),
    new OutcomeCapture(rec),
    new vscode.Disposable(() => clearInterval(ticker)),
    registerInternalCommands(
      deps.registerCommand,
      rec,
      sending.ready,
      documents,
      () => consent.policy?.excludedGlobs ?? [],
      deps.activationTimes,
      () => ({ fingerprints: taint.ledger.size }),
    ),
  );
  // The outbox opens in the background; capture writes to it as soon as it is ready.
  registerTransparency(context, {
    registerCommand: deps.registerCommand,
    outbox: sending.ready.then((p) => p.outbox),
    controlClient: control,
    log,
    // Removed pending events are retracted in the editor too, so their text never comes back.
    onRemoved: (r) => {
      rec.discard(r.from || Date.now(), r.to || Date.now());
      rec.emit({
        kind: 'gap',
        time: Date.now(),
        reason: 'discarded',
        from: r.from || Date.now(),
        to: r.to || Date.now(),
        dropped: r.removed,
      });
    },
  });
  return {
    retract: (from, to) => rec.discard(from, to),
    purge: async (match) => (await sending.ready).purge(match),
    recordGap: (reason, from, to, dropped) => rec.emit({ kind: 'gap', time: Date.now(), reason, from, to, dropped }),
    shutdown: () => {
      documents.drainNow();
      return rec.shutdown();
    },
  };
}

/** The per-install key of redaction placeholders and of the consent memory; kept in SecretStorage, never sent. */
async function redactionKey(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<Buffer> {
  const stored = await context.secrets.get(REDACTION_KEY_SECRET);
  if (stored) return Buffer.from(stored, 'base64');
  log.info('redaction and consent-memory key: none stored, a new one is made');
  const key = randomBytes(32);
  await context.secrets.store(REDACTION_KEY_SECRET, key.toString('base64'));
  return key;
}
