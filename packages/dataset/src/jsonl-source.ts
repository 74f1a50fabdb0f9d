// A source read from a JSONL file of stored events: each line either {user, event} or an
// event with a `user` field. For exports without a store at hand; the file is untrusted,
// so every event is validated and invalid lines are counted, never exported.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { checkShape, type EventValidator } from './validation';
import type { ExportSource, StoredEvent } from './types';

export async function jsonlSource(file: string, validate: EventValidator = checkShape): Promise<ExportSource> {
  let input: NodeJS.ReadableStream = createReadStream(file);
  if (file.endsWith('.gz')) input = input.pipe(createGunzip());
  const rl = createInterface({ input, crlfDelay: Infinity });
  const events: StoredEvent[] = [];
  let invalid = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(line);
    } catch {
      invalid++;
      continue;
    }
    let user: unknown;
    let body: unknown;
    if (obj && typeof obj === 'object' && 'event' in obj) {
      user = obj.user;
      body = obj.event;
    } else if (obj && typeof obj === 'object') {
      const { user: u, ...rest } = obj;
      user = u;
      body = rest;
    }
    const v = validate(body);
    if (typeof user !== 'string' || !user || !v.ok) {
      invalid++;
      continue;
    }
    events.push({ user, event: v.event });
  }
  events.sort((a, b) => cmp(a.user, b.user) || cmp(a.event.sessionId, b.event.sessionId) || a.event.seq - b.event.seq);
  return { events, total: events.length, excluded: (): Record<string, number> => (invalid ? { invalid } : {}) };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
