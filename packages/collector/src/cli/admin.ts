#!/usr/bin/env node
// codetrail-admin: tokens, exemptions, workspace exclusions, policy, retention and stats,
// working on the same store as the collectors (--data DIR or --database-url URL).
import { issueToken } from '../auth';
import { decideExemption, excludeWorkspace, runJobs } from '../controlplane';
import { workspaceHash } from '@codetrail/protocol';
import { openStore } from '../store/open';
import type { ExemptionStatus, Policy, Store } from '../store/store';
import { opt, parseArgs, storeLocation, type ParsedArgs } from './args';

const USAGE = `usage: codetrail-admin COMMAND [--data DIR | --database-url URL]
  user add NAME [--groups g1,g2]
  token create --user NAME [--label L] [--expires-days N]   prints the token once
  token create --admin [--label L] [--expires-days N]
  token revoke TOKEN_ID
  token list
  exemptions list [--status pending|approved|denied]
  exemptions approve ID [--note TEXT]
  exemptions deny ID [--note TEXT]
  workspace exclude NAME | workspace include NAME | workspace list
  policy show
  policy set [--pause-minutes N] [--while-pending pause|record] [--retention-days N]
             [--exemption-groups g1,g2|everyone] [--excluded-globs a,b]
  retention run              hard-deletes tombstoned data and enforces retention
  stats [--from ISO] [--until ISO]
  audit [--limit N]`;

const actor = () => `admin-cli:${process.env.USER ?? 'unknown'}`;
const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const time = (v: string | undefined) => (v === undefined ? undefined : Number.isNaN(Date.parse(v)) ? Number(v) : Date.parse(v));
const day = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().replace('.000Z', 'Z'));

class UsageError extends Error {}

async function run(store: Store, a: ParsedArgs): Promise<void> {
  const [group, cmd, arg] = a.positional;
  const now = Date.now();
  const need = (v: string | undefined, what: string) => {
    if (!v) throw new UsageError(`missing ${what}`);
    return v;
  };
  switch (`${group} ${cmd ?? ''}`.trim()) {
    case 'user add': {
      const u = await store.upsertUser(need(arg, 'NAME'), list(opt(a, 'groups')));
      console.log(`user ${u.id} groups=${u.groups.join(',') || '-'}`);
      return;
    }
    case 'token create': {
      const admin = a.options.has('admin');
      const days = opt(a, 'expires-days');
      const t = await issueToken(store, {
        admin,
        userId: admin ? undefined : need(opt(a, 'user'), '--user NAME'),
        label: opt(a, 'label') ?? '',
        expiresAt: days ? now + Number(days) * 86_400_000 : null,
      });
      await store.addAudit({
        time: now,
        actor: actor(),
        action: 'token.created',
        subject: t.record.id,
        detail: { admin, user: t.record.userId },
      });
      console.error(
        `token ${t.record.id} for ${admin ? 'admin' : `user ${t.record.userId}`}, expires ${day(t.record.expiresAt)}; shown only now:`,
      );
      console.log(t.token);
      return;
    }
    case 'token revoke': {
      const ok = await store.revokeToken(need(arg, 'TOKEN_ID'), now);
      if (!ok) throw new UsageError(`no active token ${arg}`);
      await store.addAudit({ time: now, actor: actor(), action: 'token.revoked', subject: arg!, detail: {} });
      console.log(`revoked ${arg}`);
      return;
    }
    case 'token list':
      for (const t of await store.listTokens()) {
        const state = t.revokedAt !== null ? 'revoked' : t.expiresAt !== null && t.expiresAt <= now ? 'expired' : 'active';
        console.log(`${t.id}  ${t.admin ? 'admin' : `user:${t.userId}`}  ${state}  expires=${day(t.expiresAt)}  ${t.label}`);
      }
      return;
    case 'exemptions list': {
      const status = opt(a, 'status') as ExemptionStatus | undefined;
      for (const e of await store.listExemptions(status ? { status } : {})) {
        console.log(
          `${e.id}  ${e.status}  user:${e.userId}  scope=${JSON.stringify(e.scope)}  requested=${day(e.requestedAt)}  reason=${JSON.stringify(e.reason)}${e.note ? `  note=${JSON.stringify(e.note)}` : ''}`,
        );
      }
      return;
    }
    case 'exemptions approve':
    case 'exemptions deny': {
      const e = await decideExemption(store, need(arg, 'ID'), cmd === 'approve' ? 'approve' : 'deny', opt(a, 'note') ?? '', actor(), now);
      if (!e) throw new UsageError(`no pending exemption ${arg}`);
      console.log(`${e.id} ${e.status}`);
      return;
    }
    case 'workspace exclude': {
      const hash = await excludeWorkspace(store, need(arg, 'NAME'), actor(), now);
      console.log(`excluded ${hash}`);
      return;
    }
    case 'workspace include': {
      const p = await store.getPolicy();
      const ok = await store.includeWorkspace(workspaceHash(p.workspaceSalt, need(arg, 'NAME')));
      if (ok)
        await store.addAudit({
          time: now,
          actor: actor(),
          action: 'workspace.included',
          subject: workspaceHash(p.workspaceSalt, arg!),
          detail: {},
        });
      console.log(ok ? `included ${arg}` : `${arg} was not excluded`);
      return;
    }
    case 'workspace list':
      for (const w of await store.listExcludedWorkspaces()) console.log(`${w.hash}  ${w.label}  since ${day(w.createdAt)}`);
      return;
    case 'policy show':
      console.log(JSON.stringify(await store.getPolicy(), null, 2));
      return;
    case 'policy set': {
      const cur = await store.getPolicy();
      const next: Omit<Policy, 'version' | 'workspaceSalt'> = {
        pauseMinutes: Number(opt(a, 'pause-minutes') ?? cur.pauseMinutes),
        whilePending: (opt(a, 'while-pending') ?? cur.whilePending) as Policy['whilePending'],
        retentionDays: Number(opt(a, 'retention-days') ?? cur.retentionDays),
        excludedGlobs: a.options.has('excluded-globs') ? list(opt(a, 'excluded-globs')) : cur.excludedGlobs,
        exemptionGroups: a.options.has('exemption-groups')
          ? opt(a, 'exemption-groups') === 'everyone'
            ? null
            : list(opt(a, 'exemption-groups'))
          : cur.exemptionGroups,
      };
      if (!(next.pauseMinutes > 0) || !(next.retentionDays >= 0) || !['pause', 'record'].includes(next.whilePending)) {
        throw new UsageError('pause-minutes > 0, retention-days >= 0, while-pending pause|record');
      }
      const p = await store.setPolicy(next);
      await store.addAudit({ time: now, actor: actor(), action: 'policy.updated', subject: `v${p.version}`, detail: { ...next } });
      console.log(JSON.stringify(p, null, 2));
      return;
    }
    case 'retention run': {
      const r = await runJobs(store, actor(), now);
      console.log(`deletions completed: ${r.deletionsCompleted} (${r.rowsDeleted} events), retention purged: ${r.retentionPurged} events`);
      return;
    }
    case 'stats':
      console.log(JSON.stringify(await store.stats({ from: time(opt(a, 'from')), until: time(opt(a, 'until')) }), null, 2));
      return;
    case 'audit':
      for (const e of await store.listAudit(Number(opt(a, 'limit') ?? 50))) {
        console.log(`${day(e.time)}  ${e.actor}  ${e.action}  ${e.subject}  ${JSON.stringify(e.detail)}`);
      }
      return;
    default:
      throw new UsageError(group ? `unknown command: ${a.positional.join(' ')}` : 'no command');
  }
}

async function main(): Promise<number> {
  const a = parseArgs(process.argv.slice(2));
  if (a.options.has('help') || a.positional.length === 0) {
    console.log(USAGE);
    return a.positional.length === 0 && !a.options.has('help') ? 2 : 0;
  }
  const store = await openStore(storeLocation(a));
  try {
    await run(store, a);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`codetrail-admin: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`codetrail-admin: ${e.message}`);
    process.exit(1);
  },
);
