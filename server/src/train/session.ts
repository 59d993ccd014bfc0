/**
 * What the engine hosts for one room: a training run (train/trainer.ts) or a demo lesson's session
 * (demo/demoSession.ts). Both implement all of it, so the engine never asks which one it holds. A demo never
 * runs: its state stays `paused`, so the engine never steps it, and run controls are refused with a conflict.
 *
 * Plain types only (no tfjs), so the engine's and the room's modules can name them.
 */
import type { HyperparamName, HyperparamPatch, Hyperparams, OptionValues, RunAction, RunState } from '@gradcast/shared';

/** A request the session cannot honour in its current state (`conflict`) or at all (`invalid`). */
export class RunError extends Error {
  constructor(
    readonly code: 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

export interface PatchResult {
  /** The hyperparameters that changed, name → [old, new]. */
  changes: Partial<Record<HyperparamName, [unknown, unknown]>>;
  /** Updates done when the patch took effect. */
  step: number;
}

/** Where a session stands (RunStatus without the engine's measured rate). */
export interface SessionStatus {
  state: RunState;
  /** Updates done. */
  step: number;
  generation: number;
  /** The step the current generation started at (RunStatus.start). */
  start: number;
  /** The latest loss (null before the first step, and for demos). */
  loss: number | null;
}

export interface Session {
  /** The room's hyperparameters (a lesson's defaults over HYPERPARAM_DEFAULTS, then every patch). */
  readonly hp: Hyperparams;
  /** The lesson's option values (info.options), every option present. */
  readonly values: OptionValues;
  status(): SessionStatus;
  /** One update; the engine calls it only while the state is `running`. Returns the loss of the update. */
  trainStep(): number;
  /** play / pause / step / reset / revert; throws RunError when the session cannot. */
  control(action: RunAction): void;
  /** Applies a validated patch now (between two steps). */
  applyPatch(patch: HyperparamPatch): PatchResult;
  /** Applies validated option values now; returns name → [old, new] for those that changed. */
  setValues(values: OptionValues): Record<string, [unknown, unknown]>;
  /** Problems since the last call that did not stop the session (a comparison's variant that failed), for the log. */
  takeErrors(): string[];
  /** Updates that make one epoch now (a training run's, at its current batch size); absent for a demo. */
  stepsPerEpoch?(): number;
  dispose(): void;
}
