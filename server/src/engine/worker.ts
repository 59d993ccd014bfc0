/**
 * Entry point of the training worker thread: selects the tfjs backend for this thread (each worker loads its
 * own tfjs), then hands every message to an EngineHost. Messages that arrive while the backend starts are
 * queued, not lost.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { selectBackend } from '../backend/select.ts';
import { setMnistSource } from '../data/dataSource.ts';
import { CoreBudget } from './coreBudget.ts';
import { EngineHost } from './host.ts';
import { SliceWorkerClient } from './remoteCompute.ts';
import type { DataReply, EngineRequest, WorkerInit, WorkerMessage } from './messages.ts';

const port = parentPort;
if (!port) throw new Error('engine/worker.ts must run in a worker thread');
const init = workerData as WorkerInit;
const post = (msg: WorkerMessage, transfer?: ArrayBuffer[]): void => port.postMessage(msg, transfer ?? []);

// MNIST comes from the main thread, which loads it once per process into shared memory.
const dataWaiting = new Map<number, { resolve: (a: { pixels: Float32Array; labels: Int32Array; n: number }) => void; reject: (e: Error) => void }>();
let nextDataId = 1;
setMnistSource(
  (split, side) =>
    new Promise((resolve, reject) => {
      const id = nextDataId++;
      dataWaiting.set(id, { resolve, reject });
      post({ t: 'data:get', id, split, side });
    }),
);

const queued: EngineRequest[] = [];
let host: EngineHost | null = null;
port.on('message', (msg: EngineRequest | DataReply) => {
  if (msg.t === 'data') {
    const w = dataWaiting.get(msg.id);
    dataWaiting.delete(msg.id);
    if (w && msg.ok) w.resolve(msg);
    else if (w && !msg.ok) w.reject(new Error(msg.message));
    return;
  }
  if (host) void host.handle(msg);
  else queued.push(msg);
});

try {
  const choice = await selectBackend(init.backend);
  const cores = new CoreBudget(init.cores);
  const remote = init.sliceWorker ? new SliceWorkerClient(init.backend, cores, (msg) => post({ t: 'log', level: 'warn', msg })) : null;
  host = new EngineHost(post, init.frameRate, undefined, { remote, cores });
  post({ t: 'ready', backend: choice.name, kind: choice.kind, detail: choice.detail });
  for (const req of queued.splice(0)) void host.handle(req);
} catch (err) {
  post({ t: 'fatal', message: err instanceof Error ? err.message : String(err) });
}
