#!/usr/bin/env node
// codetrail-redact: redacts stdin to stdout with the same engine the extension uses.
//   codetrail-redact < file > file.redacted
//   codetrail-redact --jsonl < cases.jsonl   (lines {"id","text"} → {"id","text","findings"})
// The placeholder key comes from $CODETRAIL_REDACT_KEY (hex) or --key-file, by default
// ~/.config/codetrail/redact.key (created on first use, mode 0600).
import { spawnSync } from 'node:child_process';
import { homedir, hostname, userInfo } from 'node:os';
import { createRedactor, type LocalIdentifiers } from './index';
import { defaultKeyPath, loadOrCreateKey } from './keyfile';
import { localeRegion } from './local';

const USAGE = `usage: codetrail-redact [--jsonl] [--key-file PATH] [--no-local] [--budget-ms N]
Reads text on stdin and writes it redacted to stdout.
  --jsonl          input lines are {"id","text"}; output lines {"id","text","findings"}
  --key-file PATH  HMAC key file for placeholders (default ${defaultKeyPath()})
  --no-local       do not redact this machine's user, host, home and git identity
  --budget-ms N    time budget per text before it is dropped (default 2000)`;

interface Args {
  jsonl: boolean;
  keyFile: string;
  local: boolean;
  budgetMs: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { jsonl: false, keyFile: defaultKeyPath(), local: true, budgetMs: 2000 };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--jsonl') a.jsonl = true;
    else if (x === '--no-local') a.local = false;
    else if (x === '--key-file' && argv[i + 1]) a.keyFile = argv[++i];
    else if (x === '--budget-ms' && argv[i + 1] && Number(argv[i + 1]) > 0) a.budgetMs = Number(argv[++i]);
    else if (x === '-h' || x === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(USAGE);
      process.exit(2);
    }
  }
  return a;
}

function gitConfig(name: string): string | undefined {
  const r = spawnSync('git', ['config', '--get', name], { encoding: 'utf8', timeout: 2000 });
  const v = r.status === 0 ? r.stdout.trim() : '';
  return v || undefined;
}

function localIdentifiers(): LocalIdentifiers {
  let userName: string | undefined;
  try {
    userName = userInfo().username;
  } catch {
    userName = undefined;
  }
  return { userName, hostName: hostname(), homeDir: homedir(), gitName: gitConfig('user.name'), gitEmail: gitConfig('user.email') };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const key = loadOrCreateKey(args.keyFile);
  const redactor = createRedactor({
    key,
    budgetMs: args.budgetMs,
    localIdentifiers: args.local ? localIdentifiers() : undefined,
    phoneRegion: localeRegion(),
  });
  const input = await readStdin();
  let dropped = 0;
  if (!args.jsonl) {
    const r = redactor.redact(input);
    if (r.dropped) dropped++;
    process.stdout.write(r.text);
  } else {
    const out: string[] = [];
    const lines = input.split('\n');
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    for (let n = 0; n < lines.length; n++) {
      if (!lines[n].trim()) continue;
      let rec: { id?: unknown; text?: unknown };
      try {
        rec = JSON.parse(lines[n]);
      } catch {
        rec = {};
      }
      if (typeof rec !== 'object' || rec === null || typeof rec.text !== 'string') {
        // Never echo a line we could not read: it may hold the very secret.
        out.push(JSON.stringify({ id: (rec as { id?: unknown })?.id ?? null, error: `line ${n + 1}: expected {"id","text"}` }));
        continue;
      }
      const r = redactor.redact(rec.text);
      if (r.dropped) dropped++;
      out.push(JSON.stringify({ id: rec.id ?? null, text: r.text, findings: r.findings, ...(r.dropped ? { dropped: true } : {}) }));
    }
    process.stdout.write(out.length ? out.join('\n') + '\n' : '');
  }
  if (dropped)
    console.error(
      `codetrail-redact: ${dropped} text(s) were dropped (out of time, too dense, or a rule failed on them) and replaced by a marker`,
    );
}

main().catch((e: unknown) => {
  console.error(`codetrail-redact: ${(e as Error).message}`);
  process.exit(1);
});
