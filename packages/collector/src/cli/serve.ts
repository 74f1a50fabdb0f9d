#!/usr/bin/env node
// codetrail-collector: runs the collection service. SQLite under ./data by default,
// PostgreSQL with --database-url or CODETRAIL_DATABASE_URL.
import { jsonLogger } from '../log';
import { startCollector } from '../server';
import { describeStore, openStore } from '../store/open';
import { opt, parseArgs, storeLocation } from './args';

const USAGE = `usage: codetrail-collector [--port 4318] [--host 127.0.0.1] [--data DIR | --database-url URL [--partition-interval month|week|day]]
                          [--max-in-flight 16] [--max-records-per-request 5000] [--request-timeout-ms 30000]
                          [--job-interval-ms 60000] [--token-cache-ms 5000] [--log-level info]`;

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  if (a.options.has('help')) {
    console.log(USAGE);
    return;
  }
  const level = (opt(a, 'log-level') ?? 'info') as 'debug' | 'info' | 'warn' | 'error';
  const logger = jsonLogger((line) => process.stdout.write(line), level);
  const loc = storeLocation(a);
  const store = await openStore(loc);
  const num = (name: string) => (opt(a, name) !== undefined ? Number(opt(a, name)) : undefined);
  const running = await startCollector({
    store,
    logger,
    port: num('port') ?? Number(process.env.PORT ?? 4318),
    host: opt(a, 'host') ?? '127.0.0.1',
    maxInFlight: num('max-in-flight'),
    maxRecordsPerRequest: num('max-records-per-request'),
    requestTimeoutMs: num('request-timeout-ms'),
    processMetrics: true,
    jobIntervalMs: num('job-interval-ms'),
    tokenCacheMs: num('token-cache-ms'),
  });
  logger.log('info', 'collector started', { url: running.url, store: describeStore(loc).replace(/\/\/.*@/, '//***@') });
  const stop = async (signal: string) => {
    logger.log('info', 'stopping', { signal });
    await running.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: Error) => {
  console.error(`codetrail-collector: ${e.message}`);
  process.exit(1);
});
