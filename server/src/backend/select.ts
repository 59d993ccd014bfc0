/**
 * Chooses the tfjs backend at start-up, in the project's order of preference:
 *   1. @tensorflow/tfjs-node-gpu (CUDA hosts, the Docker image),
 *   2. @tensorflow/tfjs-node (libtensorflow on the CPU),
 *   3. @tensorflow/tfjs-backend-wasm, the embedded default (ships inside npm, downloads nothing), with our
 *      replacement kernels registered (backend/wasm),
 *   4. the pure-JS cpu backend.
 * The native packages are optionalDependencies: their install downloads libtensorflow, which fails on hosts
 * without network access, and npm then leaves them out. `--backend` forces one choice; a forced choice that
 * cannot load is an error, never a silent fallback.
 */
import * as tf from '@tensorflow/tfjs-core';
import { BackendUnavailableError, type BackendPref } from './prefs.ts';

export { BACKEND_PREFS, BackendUnavailableError, type BackendPref } from './prefs.ts';

export interface BackendChoice {
  /** tfjs backend name: "tensorflow", "wasm" or "cpu". */
  name: string;
  /** Which preference won: gpu, node, wasm or cpu. */
  kind: Exclude<BackendPref, 'auto'>;
  /** One line for the log: versions, device, replaced kernels, and why earlier choices were skipped. */
  detail: string;
}

type Loader = () => Promise<string>;

const loaders: Record<Exclude<BackendPref, 'auto'>, Loader> = {
  async gpu() {
    await import('@tensorflow/tfjs-node-gpu' as string);
    await tf.setBackend('tensorflow');
    await tf.ready();
    // libtensorflow loads even without CUDA and then runs on the CPU; that is not what "gpu" promises.
    const usingGpu = (tf.backend() as unknown as { isUsingGpuDevice?: boolean }).isUsingGpuDevice;
    if (!usingGpu) throw new Error('tfjs-node-gpu loaded but found no usable CUDA device');
    return 'libtensorflow on the GPU';
  },
  async node() {
    await import('@tensorflow/tfjs-node' as string);
    await tf.setBackend('tensorflow');
    await tf.ready();
    return 'libtensorflow on the CPU';
  },
  async wasm() {
    await import('@tensorflow/tfjs-backend-wasm');
    if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend failed to initialise');
    await tf.ready();
    const { registerWasmKernels } = await import('./wasm/index.ts');
    const replaced = registerWasmKernels();
    return `wasm (SIMD, 1 thread); replaced kernels: ${replaced.join(', ') || 'none'}`;
  },
  async cpu() {
    await import('@tensorflow/tfjs-backend-cpu');
    if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend failed to initialise');
    await tf.ready();
    const { registerCpuKernels } = await import('./cpu.ts');
    return `pure JavaScript; replaced kernels: ${registerCpuKernels().join(', ')}`;
  },
};

function reason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (/Cannot find (module|package)/.test(msg)) return 'not installed';
  return msg.split('\n')[0] ?? msg;
}

export async function selectBackend(pref: BackendPref = 'auto'): Promise<BackendChoice> {
  if (pref !== 'auto') {
    try {
      const detail = await loaders[pref]();
      return { name: tf.getBackend(), kind: pref, detail };
    } catch (err) {
      throw new BackendUnavailableError(`backend "${pref}" is unavailable: ${reason(err)}`);
    }
  }
  const skipped: string[] = [];
  for (const kind of ['gpu', 'node', 'wasm', 'cpu'] as const) {
    try {
      const detail = await loaders[kind]();
      const why = skipped.length ? ` (skipped ${skipped.join('; ')})` : '';
      return { name: tf.getBackend(), kind, detail: detail + why };
    } catch (err) {
      skipped.push(`${kind}: ${reason(err)}`);
    }
  }
  throw new BackendUnavailableError(`no tfjs backend could start: ${skipped.join('; ')}`);
}
