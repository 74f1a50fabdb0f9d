// Small argv parsing shared by the command-line tools: `--name value`, `--flag`, positionals.
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) options.set(a.slice(2, eq), a.slice(eq + 1));
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) options.set(a.slice(2), argv[++i]);
      else options.set(a.slice(2), true);
    } else positional.push(a);
  }
  return { positional, options };
}

export function opt(a: ParsedArgs, name: string): string | undefined {
  const v = a.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function storeLocation(a: ParsedArgs): { databaseUrl?: string; dataDir?: string; partitionInterval?: string } {
  const databaseUrl = opt(a, 'database-url') ?? process.env.CODETRAIL_DATABASE_URL;
  const dataDir = opt(a, 'data') ?? process.env.CODETRAIL_DATA_DIR;
  const partitionInterval = opt(a, 'partition-interval') ?? process.env.CODETRAIL_PARTITION_INTERVAL;
  return { ...(databaseUrl ? { databaseUrl } : {}), ...(dataDir ? { dataDir } : {}), ...(partitionInterval ? { partitionInterval } : {}) };
}
