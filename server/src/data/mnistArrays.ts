/**
 * MNIST as flat typed arrays, loaded once per process: images [n·side·side] float32 in [0, 1] (side 16 is the
 * course's ch09 PIL-exact resize), labels int32 [n]. The arrays live in SharedArrayBuffers, so the training
 * workers (which ask the main thread for them, see dataSource.ts) all read the same memory: one copy of the
 * 60,000 + 10,000 images per process, however many workers and rooms use them.
 */
import { loadMnist, type MnistSplitName, type ProgressFn, resizeTo16 } from './mnist.ts';

export interface MnistArrays {
  pixels: Float32Array;
  labels: Int32Array;
  n: number;
}

const cache = new Map<string, Promise<MnistArrays>>();
let loads = 0;

/** How many splits this process has loaded from disk (each split and side once). */
export const mnistLoadCount = (): number => loads;

function sharedInts(src: ArrayLike<number>): Int32Array {
  const out = new Int32Array(new SharedArrayBuffer(src.length * 4));
  out.set(src);
  return out as unknown as Int32Array;
}

export function loadMnistArrays(split: MnistSplitName, side: 28 | 16, onProgress?: ProgressFn): Promise<MnistArrays> {
  const key = `${split}/${side}`;
  let p = cache.get(key);
  if (!p) {
    p = loadMnist(split, { onProgress }).then((s) => {
      loads += 1;
      const pixels = side === 16 ? resizeTo16(s.images, s.n) : s.images;
      return {
        // loadMnist and resizeTo16 allocate their pixels in shared memory already: no copy here.
        pixels,
        labels: sharedInts(s.labels),
        n: s.n,
      };
    });
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}
