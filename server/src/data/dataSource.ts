/**
 * Where this thread gets MNIST arrays from. By default it loads them itself (CLI, tests); a training worker
 * replaces the source with a request to the main thread, which loads each split once per process and answers
 * with SharedArrayBuffers (engine/worker.ts, engine/client.ts).
 */
import type { MnistSplitName, ProgressFn } from './mnist.ts';
import { loadMnistArrays, type MnistArrays } from './mnistArrays.ts';

export type MnistSource = (split: MnistSplitName, side: 28 | 16, onProgress?: ProgressFn) => Promise<MnistArrays>;

let source: MnistSource = loadMnistArrays;

export function setMnistSource(s: MnistSource): void {
  source = s;
}

export function mnistArrays(split: MnistSplitName, side: 28 | 16, onProgress?: ProgressFn): Promise<MnistArrays> {
  return source(split, side, onProgress);
}
