/**
 * Messages between a training worker (remoteCompute.ts) and its slice worker (sliceWorker.ts). Sources are sent
 * once and named by a key; both sides keep the last SOURCE_SLOTS of them in the order sent (the sender sends a
 * source again once it has fallen out), so a request always names a source the slice worker holds.
 */
import type { SourceSpec } from '../probe/landscape/sourceSpec.ts';
import type { SliceLevel } from '../probe/landscape/slice.ts';
import type { BackendPref } from '../backend/prefs.ts';

/** Sources a slice worker keeps (a room's runs, across a few rooms). */
export const SOURCE_SLOTS = 16;

export interface SliceWorkerInit {
  backend: BackendPref;
}

export interface PlaneArrays {
  centre: Float32Array[];
  d1: Float32Array[];
  d2: Float32Array[];
}

export type SliceWorkerRequest =
  | { t: 'source'; key: number; spec: SourceSpec }
  /** A slice of source `key` with batch norm's statistics `stats` (sourceSpec.ts statsOf). */
  | { t: 'slice'; id: number; key: number; stats: Float32Array[]; plane: PlaneArrays; range: number; levels?: number[] }
  | { t: 'cancel'; id: number }
  | { t: 'loss'; id: number; key: number; stats: Float32Array[]; values: Float32Array[] };

export type SliceWorkerMessage =
  | { t: 'ready'; backend: string }
  | { t: 'fatal'; message: string }
  /** A level of slice `id` (`done`: its last). */
  | { t: 'level'; id: number; level: SliceLevel; done: boolean }
  | { t: 'loss'; id: number; loss: number; ms: number }
  /** Request `id` failed (its slice ends; a loss is NaN). */
  | { t: 'error'; id: number; message: string };
