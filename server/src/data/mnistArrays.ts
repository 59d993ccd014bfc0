/**
 * MNIST as flat typed arrays, loaded once per process: images [n·side·side] float32 in [0, 1] (side 16 is the
 * course's ch09 PIL-exact resize), labels int32 [n]. The arrays live in SharedArrayBuffers, so the training
 * workers (which ask the main thread for them, see dataSource.ts) all read the same memory: one copy of the
 * 60,000 + 10,000 images per process, however many workers and rooms use them. Each split is read, decoded and
 * resized on a thread of its own (mnistLoadWorker.ts), never on the thread that asks: on the main thread that
 * work (~1.7 s for the training split) would stall every room's frames and acknowledgements.
 */
import { Worker } from 'node:worker_threads';
import { MnistError, type MnistSplitName, type ProgressFn } from './mnist.ts';
import type { LoadMessage, LoadRequest } from './mnistLoadWorker.ts';

export interface MnistArrays {
  pixels: Float32Array;
  labels: Int32Array;
  n: number;
}

const cache = new Map<string, Promise<MnistArrays>>();
let loads = 0;

/** How many splits this process has loaded from disk (each split and side once). */
export const mnistLoadCount = (): number => loads;

export function loadMnistArrays(split: MnistSplitName, side: 28 | 16, onProgress?: ProgressFn): Promise<MnistArrays> {
  const key = `${split}/${side}`;
  let p = cache.get(key);
  if (!p) {
    p = loadOnThread({ split, side }, onProgress).then((a) => {
      loads += 1;
      return a;
    });
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** Runs one load on a thread of its own; its errors come back as they were thrown (MnistError stays one). */
function loadOnThread(req: LoadRequest, onProgress?: ProgressFn): Promise<MnistArrays> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./mnist-load-entry.mjs', import.meta.url));
    const end = (): void => void worker.terminate();
    worker.on('message', (m: LoadMessage) => {
      if (m.t === 'progress') onProgress?.(m.fraction, m.message);
      else if (m.t === 'done') {
        resolve({ pixels: m.pixels, labels: m.labels, n: m.n });
        end();
      } else {
        const err = m.name === 'MnistError' ? new MnistError(m.message) : new Error(m.message);
        reject(err);
        end();
      }
    });
    worker.on('error', (err) => {
      reject(err);
      end();
    });
    worker.on('exit', (code) => reject(new Error(`the MNIST loading thread exited (code ${code}) before it answered`)));
    worker.postMessage(req);
  });
}
