/**
 * A room's session for a demo lesson: holds the demo's control values and recomputes its view when they
 * change. It has the Trainer's surface for the engine (state, step, frames…) but never trains: it stays
 * paused at step 0, run controls are refused, and each change of values is a new generation of frames.
 */
import * as tf from '@tensorflow/tfjs-core';
// Demos compute gradients (ch01-01's autograd); the registry is loaded here, in the engine worker, not by the
// lesson files, which the socket thread also imports for their metadata.
import '../backend/gradients.ts';
import type { Channel, OptionValues, Frame, HyperparamPatch, Hyperparams, RunAction, RunState } from '@gradcast/shared';
import type { DemoView } from '@gradcast/shared';
import type { DemoLesson } from '../lessons/types.ts';
import { viewsFrame } from '../probe/views.ts';
import { BASE_HYPERPARAMS, type PatchResult, RunError } from '../train/trainer.ts';

export class DemoSession {
  readonly hp: Hyperparams = { ...BASE_HYPERPARAMS };
  state: RunState = 'paused';
  readonly step = 0;
  generation = 1;
  /** Every generation of a demo starts at step 0 (RunStatus.start). */
  readonly generationStart = 0;
  readonly lastLoss = null;
  readonly values: OptionValues;
  private dirty = true;

  constructor(
    readonly lesson: DemoLesson,
    readonly seed: number,
  ) {
    this.values = Object.fromEntries(lesson.info.options.map((c) => [c.name, c.default]));
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
    return [viewsFrame(view, this.generation, 0)];
  }

  applyPatch(_patch: HyperparamPatch): PatchResult {
    return { changes: {}, step: 0 };
  }

  control(action: RunAction): void {
    throw new RunError('conflict', `this lesson is a demo: there is no run to ${action}`);
  }

  trainStep(): number {
    return NaN;
  }

  currentMetrics(): Record<string, number> {
    return {};
  }

  dispose(): void {}
}
