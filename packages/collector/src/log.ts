// Structured JSON log lines. Callers pass counts, ids and reasons — never event content.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
}

export function jsonLogger(write: (line: string) => void, minLevel: LogLevel = 'info'): Logger {
  const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
  return {
    log(level, msg, fields) {
      if (order[level] < order[minLevel]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n');
    },
  };
}

export const silentLogger: Logger = { log: () => undefined };
