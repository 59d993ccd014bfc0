/**
 * Entry point of the training worker thread: selects the tfjs backend for this thread (each worker loads its
 * own tfjs), then hands every message to an EngineHost. Messages that arrive while the backend starts are
 * queued, not lost.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { selectBackend } from '../backend/select.ts';
import { EngineHost } from './host.ts';
import type { EngineRequest, WorkerInit, WorkerMessage } from './messages.ts';

const port = parentPort;
if (!port) throw new Error('engine/worker.ts must run in a worker thread');
const init = workerData as WorkerInit;
const post = (msg: WorkerMessage, transfer?: ArrayBuffer[]): void => port.postMessage(msg, transfer ?? []);

const queued: EngineRequest[] = [];
let host: EngineHost | null = null;
port.on('message', (req: EngineRequest) => (host ? void host.handle(req) : queued.push(req)));

try {
  const choice = await selectBackend(init.backend);
  host = new EngineHost(post, init.frameRate);
  post({ t: 'ready', backend: choice.name, kind: choice.kind, detail: choice.detail });
  for (const req of queued.splice(0)) void host.handle(req);
} catch (err) {
  post({ t: 'fatal', message: err instanceof Error ? err.message : String(err) });
}
