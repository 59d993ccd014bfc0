/**
 * A room's session for a demo lesson: holds the demo's option values and recomputes its view when they change.
 * It is a Session (train/session.ts) like a training run, and frames itself (probe/framer.ts): a demo's only
 * frame is its view, made once per change of values. It never trains: it stays paused at step 0 of generation 1,
 * and run controls are refused (there is no run to play, step or reset).
 */
import * as tf from '@tensorflow/tfjs-core';
// Demos compute gradients (ch01-01's autograd); the registry is loaded here, in the engine worker, not by the
// lesson files, which the socket thread also imports for their metadata.
import '../backend/gradients.ts';
import {
  type Channel,
  type DemoView,
  type Frame,
  HYPERPARAM_DEFAULTS,
  type HyperparamPatch,
  type Hyperparams,
  type OptionValues,
  resolveOptions,
  type RunAction,
} from '@gradcast/shared';
import type { DemoLesson } from '../lessons/types.ts';
import type { Framer } from '../probe/framer.ts';
import type { EvalEntry } from '../probe/metrics.ts';
import { viewsFrame } from '../probe/views.ts';
import { type PatchResult, RunError, type Session, type SessionStatus } from '../train/session.ts';

export class DemoSession implements Session, Framer {
  /** A demo has no hyperparameters of its own (its lesson lists no controls): the defaults, never changed. */
  readonly hp: Hyperparams = { ...HYPERPARAM_DEFAULTS };
  readonly values: OptionValues;
  /** Values changed since the view was last framed. */
  private dirty = true;

  constructor(
    readonly lesson: DemoLesson,
    readonly seed: number,
  ) {
    this.values = resolveOptions(lesson.info.options, {});
  }

  status(): SessionStatus {
    return { state: 'paused', step: 0, generation: 1, start: 0, loss: null };
  }

  /** Applies validated values; returns name → [old, new] for those that changed. */
  setValues(values: OptionValues): Record<string, [unknown, unknown]> {
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(values)) {
      if (this.values[k] !== v) changes[k] = [this.values[k], v];
      this.values[k] = v;
    }
    if (Object.keys(changes).length) this.dirty = true;
    return changes;
  }

  /** The view, when the values changed since the last call (or with `all`). */
  frames(channels: ReadonlySet<Channel>, all = false): Frame[] {
    if (!channels.has('panels') || (!all && !this.dirty)) return [];
    this.dirty = false;
    // A scope rather than tf.tidy: the view holds typed arrays, which tidy would walk element by element.
    tf.engine().startScope();
    let view: DemoView;
    try {
      view = this.lesson.compute(this.values, { tf, seed: this.seed });
    } finally {
      tf.engine().endScope();
    }
    return [viewsFrame(view, 1, 0)];
  }

  /** A demo evaluates nothing. */
  evaluations(): EvalEntry[] {
    return [];
  }

  /** The lesson has no hyperparameter controls, so nothing changes. */
  applyPatch(_patch: HyperparamPatch): PatchResult {
    return { changes: {}, step: 0 };
  }

  control(action: RunAction): void {
    throw new RunError('conflict', `this lesson is a demo: there is no run to ${action}`);
  }

  /** Never called: a demo is never running. */
  trainStep(): number {
    throw new RunError('conflict', 'this lesson is a demo: there is no run to step');
  }

  takeErrors(): string[] {
    return [];
  }

  dispose(): void {}
}
