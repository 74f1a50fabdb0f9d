// Worker thread of DecodePool: decodes and validates request bodies off the event loop.
import { parentPort } from 'node:worker_threads';
import { decodeBatch, packResult, transferablesOf, type DecodeOptions } from './decode';
import { prepareEventValidators } from './event-json';

// Compiled before the first request arrives, so that request does not wait for it.
prepareEventValidators();

parentPort!.on('message', (m: { id: number; body: Uint8Array; opts: DecodeOptions }) => {
  try {
    const result = packResult(decodeBatch(m.body, m.opts));
    parentPort!.postMessage({ id: m.id, result }, transferablesOf(result));
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).message });
  }
});
