/**
 * Messages between the main thread (EngineClient) and the training worker. Requests carry an `id`; the worker
 * answers each with a reply of the same id. Frames travel as transferable ArrayBuffers (no copy).
 */
import type { Channel, OptionValues, EncodedFrame, FastForwardEnded, FastForwardStatus, FastForwardTarget, HyperparamPatch, Hyperparams, RunAction, RunStatus } from '@gradcast/shared';
import type { BackendPref } from '../backend/prefs.ts';
import type { EvalEntry } from '../probe/metrics.ts';

export interface WorkerInit {
  backend: BackendPref;
  /** Frames per second per room, at most. */
  frameRate: number;
  /** The process's count of busy cores (coreBudget.ts), shared by all its workers. */
  cores: SharedArrayBuffer;
  /** Whether landscapes may compute on a slice worker while a core is free (else on the training thread). */
  sliceWorker: boolean;
}

export type EngineRequest =
  | { t: 'create'; id: number; roomId: string; lessonId: string; seed: number; hp: Partial<Hyperparams> }
  | { t: 'destroy'; id: number; roomId: string }
  | { t: 'hp'; id: number; roomId: string; patch: HyperparamPatch }
  | { t: 'control'; id: number; roomId: string; action: RunAction }
  | { t: 'options'; id: number; roomId: string; values: OptionValues }
  /** Full speed to a step or an epoch's end, then paused there (fastForward.ts); `by` is echoed to the room. */
  | { t: 'forward'; id: number; roomId: string; target: FastForwardTarget; by: FastForwardStatus['by'] }
  /**
   * The latest frame of each of `channels`, made now when the last one is out of date: for a member taking up a
   * channel the worker has not been making (delivery.ts WATCHED_ONLY). Joins never ask: the room answers them.
   */
  | { t: 'latest'; id: number; roomId: string; channels: Channel[] }
  /** The channels some member of the room receives now: costly channels nobody watches are not made. */
  | { t: 'channels'; id: number; roomId: string; channels: Channel[] }
  /** Keeps the worker thread busy for `ms` (as a long training step would), then answers: for tests. */
  | { t: 'hold'; id: number; roomId: string; ms: number }
  /**
   * The lesson's views (`panels`) with `values` in place of the room's view-only options (a member's own sample or
   * drawing: view:explore), answered in `own` for that member alone; the run and the room's frames are untouched.
   */
  | { t: 'explore'; id: number; roomId: string; values: OptionValues };

/** A request as a caller writes it: the client adds the `id` (distributive, so each variant keeps its fields). */
export type RequestBody = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export type EngineErrorCode = 'not_found' | 'conflict' | 'invalid' | 'internal';

export type EngineReply =
  | { t: 'reply'; id: number; ok: true; result: ReplyResult }
  | { t: 'reply'; id: number; ok: false; code: EngineErrorCode; message: string };

export interface ReplyResult {
  status: RunStatus;
  hp: Hyperparams;
  /** For hp: the changes in effect, name → [old, new]. */
  changes?: Record<string, [unknown, unknown]>;
  /** The lesson's option values (a demo's inputs, a training lesson's options), when it has any. */
  options?: OptionValues;
  /** For latest: the latest frame of each channel asked for. */
  frames?: EncodedFrame[];
  /** For explore: frames for the one member who asked, never the room's (Room.apply does not read them). */
  own?: EncodedFrame[];
}

/** A worker asks the main thread for MNIST (loaded once per process, shared memory). */
export interface DataRequest {
  t: 'data:get';
  id: number;
  split: 'train' | 'test';
  side: 28 | 16;
}

/** The main thread's answer: arrays over SharedArrayBuffers (no copy), or why not. */
export type DataReply =
  | { t: 'data'; id: number; ok: true; pixels: Float32Array; labels: Int32Array; n: number }
  | { t: 'data'; id: number; ok: false; message: string };

export type EngineEvent =
  | { t: 'ready'; backend: string; kind: string; detail: string }
  | { t: 'fatal'; message: string }
  /**
   * A framing tick of one room: the frames made (delivery.ts: every channel that changed, except costly ones
   * nobody watches), the status, and the evaluations completed since the last tick (the room's evaluation log;
   * a whole-history metrics frame carries the log whole).
   */
  | { t: 'frames'; roomId: string; frames: EncodedFrame[]; status: RunStatus; evaluations?: EvalEntry[] }
  | { t: 'log'; level: 'info' | 'warn' | 'error'; msg: string; roomId?: string }
  /** A room's fast-forward ended (reached, cancelled or stopped), posted after the frames of its last step. */
  | { t: 'forwarded'; roomId: string; ended: FastForwardEnded };

export type WorkerMessage = EngineReply | EngineEvent | DataRequest;
