/**
 * Messages between the main thread (EngineClient) and the training worker. Requests carry an `id`; the worker
 * answers each with a reply of the same id. Frames travel as transferable ArrayBuffers (no copy).
 */
import type { Channel, OptionValues, EncodedFrame, HyperparamPatch, Hyperparams, RunAction, RunStatus } from '@gradcast/shared';
import type { BackendPref } from '../backend/prefs.ts';

export interface WorkerInit {
  backend: BackendPref;
  /** Frames per second per room, at most. */
  frameRate: number;
}

export type EngineRequest =
  | { t: 'create'; id: number; roomId: string; lessonId: string; seed: number; hp: Partial<Hyperparams> }
  | { t: 'destroy'; id: number; roomId: string }
  | { t: 'hp'; id: number; roomId: string; patch: HyperparamPatch }
  | { t: 'control'; id: number; roomId: string; action: RunAction }
  | { t: 'options'; id: number; roomId: string; values: OptionValues }
  | { t: 'snapshot'; id: number; roomId: string }
  /** The channels some member of the room receives now: live frames of the others are not computed. */
  | { t: 'channels'; id: number; roomId: string; channels: Channel[] };

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
  /** Demo lessons: the demo's current values. */
  options?: OptionValues;
  /** For snapshot: the latest frame of every channel, the loss curve whole. */
  frames?: EncodedFrame[];
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
  | { t: 'frames'; roomId: string; frames: EncodedFrame[]; status: RunStatus }
  | { t: 'log'; level: 'info' | 'warn' | 'error'; msg: string; roomId?: string };

export type WorkerMessage = EngineReply | EngineEvent | DataRequest;
