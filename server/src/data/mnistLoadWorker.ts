/**
 * A thread that reads one MNIST split from disk, decodes it and (side 16) resizes it: about 1.7 s of CPU for the
 * training split, which on the main thread would stall every room's frames and acknowledgements that long. It
 * answers with the arrays in shared memory (no copy) and exits when its parent ends it.
 *
 * In: { split, side }. Out: { t: 'progress', fraction, message }…, then { t: 'done', pixels, labels, n } or
 * { t: 'error', name, message }.
 */
import { parentPort } from 'node:worker_threads';
import { loadMnist, type MnistSplitName, resizeTo16 } from './mnist.ts';

export type LoadRequest = { split: MnistSplitName; side: 28 | 16 };
export type LoadMessage =
  | { t: 'progress'; fraction: number; message: string }
  | { t: 'done'; pixels: Float32Array; labels: Int32Array; n: number }
  | { t: 'error'; name: string; message: string };

const port = parentPort;
if (!port) throw new Error('mnistLoadWorker.ts runs as a worker thread (data/mnist-load-entry.mjs)');

port.once('message', ({ split, side }: LoadRequest) => {
  const post = (m: LoadMessage): void => port.postMessage(m);
  loadMnist(split, { onProgress: (fraction, message) => post({ t: 'progress', fraction, message }) })
    .then((s) => {
      // loadMnist and resizeTo16 allocate their pixels in shared memory already.
      const pixels = side === 16 ? resizeTo16(s.images, s.n) : s.images;
      const labels = new Int32Array(new SharedArrayBuffer(s.labels.length * 4)) as unknown as Int32Array;
      labels.set(s.labels);
      post({ t: 'done', pixels, labels, n: s.n });
    })
    .catch((err: unknown) => post({ t: 'error', name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) }));
});
