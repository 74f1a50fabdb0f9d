// Worker thread of DecodePool: decodes and validates request bodies off the event loop.
import { parentPort } from 'node:worker_threads';
import { decodeBatch, packResult, type DecodeOptions } from './decode';

parentPort!.on('message', (m: { id: number; body: Uint8Array; opts: DecodeOptions }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: packResult(decodeBatch(m.body, m.opts)) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).message });
  }
});
