/**
 * Optimizers written out by hand over a fixed, ordered list of tf.Variables (lessons.md "Formulas" 2–4 and 7).
 *
 * Why not tf.train.*: in tfjs-core 4.22.0 momentum's setMomentum() is a no-op, sgd caches its learning rate,
 * rmsprop puts ε inside the square root, and state is keyed by slot position in a way that silently shifts
 * when a variable gets no gradient (notes/tfjs-backends.md §4). Here every hyperparameter is read from
 * `config` at every step, state is keyed by the position in the list fixed at creation, and state is readable.
 *
 * Notation: w a parameter, g its gradient for the current mini-batch, t = 1, 2, … counts steps.
 * All maths runs in float32 on the active backend. Only functional ops (tf.add, …) are used: tfjs-core alone does not
 * register the chained tensor methods (x.add) unless something imports them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { hasKernel } from '../backend/hasKernel.ts';
import { OPTIMIZER_UPDATE, type OptimizerUpdateAttrs } from '../backend/wasm/optimizerUpdate.ts';

export type OptimizerName = 'sgd' | 'momentum' | 'rmsprop' | 'adam';

export interface OptimizerConfig {
  /** Learning rate (step size), ≥ 0. */
  lr: number;
  /**
   * Momentum coefficient, 0 ≤ μ < 1: μ in the PyTorch form, β in the notes' EWA form. Read by 'momentum' only:
   * 'sgd' is plain gradient descent, and Adam's first-moment decay is `beta1`, not this field.
   */
  momentum: number;
  /** Adam: β₁, decay of the first moment m. Default 0.9. */
  beta1?: number;
  /** Adam: β₂, decay of the second moment v. Default 0.999. */
  beta2?: number;
  /** ε added to the denominator OUTSIDE the root, √S + ε or √v̂ + ε, as PyTorch. Default 1e-8. */
  eps?: number;
  /** λ of PyTorch's weight_decay (L2): g ← g + λ·w, applied to every parameter, biases included. */
  weightDecay: number;
  /**
   * 'pytorch' (default, what every lesson uses): buf = μ·buf + g (buf = g on the first step), w ← w − lr·buf.
   * 'ewa' (the notes): v = β·v + (1−β)·g (v₀ = 0), w ← w − lr·v. Equal when lr_pytorch = lr_ewa·(1−β).
   */
  momentumForm?: 'pytorch' | 'ewa';
  /** RMSprop: β (PyTorch's alpha), decay of the mean square S. Default 0.99 as PyTorch; the notes leave it open. */
  rmsDecay?: number;
}

export interface Optimizer {
  readonly name: OptimizerName;
  /** Live-changeable: every field is read at every step, so a change applies from the next step on. */
  config: OptimizerConfig;
  /**
   * One update. `params` must be the list given at creation (same variables, same order); grads[i] is the
   * gradient of params[i]. A null/undefined gradient skips that parameter entirely (no decay, no state
   * change, its own step count not advanced), like a PyTorch parameter whose .grad is None.
   */
  step(params: readonly tf.Variable[], grads: ReadonlyArray<tf.Tensor | null | undefined>): void;
  /** Number of step() calls so far. */
  readonly t: number;
  /**
   * Copies of the state, by slot name, one array per parameter in list order:
   * momentum {v} (the velocity, "buf" in PyTorch), rmsprop {S}, adam {m, v}; sgd has none.
   */
  state(): Record<string, Float32Array[]>;
  /** Frees the state variables; the parameters are the caller's and are left alone. */
  dispose(): void;
}

const SLOTS: Record<OptimizerName, readonly string[]> = {
  sgd: [],
  momentum: ['v'],
  rmsprop: ['S'],
  adam: ['m', 'v'],
};

interface ResolvedConfig {
  lr: number;
  mu: number;
  beta1: number;
  beta2: number;
  eps: number;
  lambda: number;
  form: 'pytorch' | 'ewa';
  rho: number;
}

function inRange(name: string, x: number, lo: number, hiExclusive: number): number {
  if (!Number.isFinite(x) || x < lo || x >= hiExclusive) {
    throw new RangeError(`optimizer: ${name} = ${x} is outside [${lo}, ${hiExclusive})`);
  }
  return x;
}

/** Applies defaults and checks ranges; called at creation and at every step (config is live). */
function resolve(c: OptimizerConfig): ResolvedConfig {
  const form = c.momentumForm ?? 'pytorch';
  if (form !== 'pytorch' && form !== 'ewa') throw new RangeError(`optimizer: unknown momentumForm '${String(form)}'`);
  return {
    lr: inRange('lr', c.lr, 0, Infinity),
    mu: inRange('momentum', c.momentum, 0, 1),
    beta1: inRange('beta1', c.beta1 ?? 0.9, 0, 1),
    beta2: inRange('beta2', c.beta2 ?? 0.999, 0, 1),
    eps: inRange('eps', c.eps ?? 1e-8, 0, Infinity),
    lambda: inRange('weightDecay', c.weightDecay, 0, Infinity),
    form,
    rho: inRange('rmsDecay', c.rmsDecay ?? 0.99, 0, 1),
  };
}

class HandWrittenOptimizer implements Optimizer {
  config: OptimizerConfig;
  private steps = 0;
  /** Per-parameter step counts: Adam's bias correction and PyTorch momentum's first step use these. */
  private readonly tParam: number[];
  /** slots[name][i]: state of params[i], same shape, non-trainable. */
  private readonly slots: Record<string, tf.Variable[]> = {};
  private disposed = false;

  constructor(
    readonly name: OptimizerName,
    config: OptimizerConfig,
    private readonly params: readonly tf.Variable[],
  ) {
    if (!(name in SLOTS)) throw new RangeError(`optimizer: unknown name '${String(name)}'`);
    resolve(config);
    this.config = { ...config }; // a copy: change it through `optimizer.config`
    this.tParam = params.map(() => 0);
    for (const slot of SLOTS[name]) {
      // Unnamed: tfjs variable names are global, and an old optimizer over the same params may still be alive.
      this.slots[slot] = params.map((p) => tf.tidy(() => tf.variable(tf.zerosLike(p), false)));
    }
  }

  get t(): number {
    return this.steps;
  }

  private slot(name: string, i: number): tf.Variable {
    const v = this.slots[name]?.[i];
    if (!v) throw new Error(`optimizer: missing slot ${name}[${i}]`);
    return v;
  }

  step(params: readonly tf.Variable[], grads: ReadonlyArray<tf.Tensor | null | undefined>): void {
    if (this.disposed) throw new Error('optimizer: step() after dispose()');
    if (params.length !== this.params.length || params.some((p, i) => p !== this.params[i])) {
      throw new Error('optimizer: step() needs the same variables, in the same order, as at creation');
    }
    if (grads.length !== params.length) {
      throw new Error(`optimizer: ${grads.length} gradients for ${params.length} parameters`);
    }
    grads.forEach((g, i) => {
      const p = params[i] as tf.Variable;
      if (g && !tf.util.arraysEqual(g.shape, p.shape)) {
        throw new Error(`optimizer: gradient of ${p.name} has shape [${g.shape}], parameter has [${p.shape}]`);
      }
    });
    const c = resolve(this.config);
    this.steps += 1;
    // One kernel for every parameter where the backend has it (wasm): the same float32 roundings as the ops below.
    if (hasKernel(OPTIMIZER_UPDATE)) {
      this.fusedStep(params, grads, c);
      return;
    }
    tf.tidy(() => {
      params.forEach((w, i) => {
        const g0 = grads[i];
        if (!g0) return;
        const t = ++this.tParam[i]!;
        // L2 as PyTorch's weight_decay: folded into the gradient before any state update.
        const g = c.lambda !== 0 ? tf.add(g0, tf.mul(w, c.lambda)) : g0;

        switch (this.name) {
          case 'sgd':
            w.assign(tf.sub(w, tf.mul(g, c.lr)));
            break;
          case 'momentum': {
            const v = this.slot('v', i);
            const vNew =
              c.form === 'ewa'
                ? tf.add(tf.mul(v, c.mu), tf.mul(g, 1 - c.mu)) // v = β·v + (1−β)·g, v₀ = 0
                : t === 1
                  ? tf.clone(g) // PyTorch: buf = g on the first step
                  : tf.add(tf.mul(v, c.mu), g); // buf = μ·buf + g
            v.assign(vNew);
            w.assign(tf.sub(w, tf.mul(vNew, c.lr)));
            break;
          }
          case 'rmsprop': {
            // S = β·S + (1−β)·g²; w ← w − lr·g/(√S + ε); no bias correction (notes and PyTorch).
            const S = this.slot('S', i);
            const SNew = tf.add(tf.mul(S, c.rho), tf.mul(tf.square(g), 1 - c.rho));
            S.assign(SNew);
            w.assign(tf.sub(w, tf.div(tf.mul(g, c.lr), tf.add(tf.sqrt(SNew), c.eps))));
            break;
          }
          case 'adam': {
            // m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²; m̂ = m/(1−β₁ᵗ); v̂ = v/(1−β₂ᵗ); w ← w − lr·m̂/(√v̂ + ε).
            // A β changed mid-run enters the correction as the current βᵗ (as if it had always been that value).
            const m = this.slot('m', i);
            const v = this.slot('v', i);
            const mNew = tf.add(tf.mul(m, c.beta1), tf.mul(g, 1 - c.beta1));
            const vNew = tf.add(tf.mul(v, c.beta2), tf.mul(tf.square(g), 1 - c.beta2));
            m.assign(mNew);
            v.assign(vNew);
            const mHat = tf.div(mNew, 1 - c.beta1 ** t);
            const vHat = tf.div(vNew, 1 - c.beta2 ** t);
            w.assign(tf.sub(w, tf.div(tf.mul(mHat, c.lr), tf.add(tf.sqrt(vHat), c.eps))));
            break;
          }
        }
      });
    });
  }

  /** step()'s update in one OPTIMIZER_UPDATE call over the parameters that have a gradient. */
  private fusedStep(params: readonly tf.Variable[], grads: ReadonlyArray<tf.Tensor | null | undefined>, c: ReturnType<typeof resolve>): void {
    const inputs: tf.NamedTensorMap = {};
    const updated: { w: tf.Variable; slots: tf.Variable[] }[] = [];
    const t: number[] = [];
    const counted: number[] = [];
    params.forEach((w, i) => {
      const g = grads[i];
      if (!g) return;
      const p = updated.length;
      // Counted only once the kernel has run: a refused update leaves the step counts as they were.
      t.push(this.tParam[i]! + 1);
      counted.push(i);
      const slots = SLOTS[this.name].map((name) => this.slot(name, i));
      inputs[`w${p}`] = w;
      inputs[`g${p}`] = g;
      slots.forEach((s, k) => (inputs[`s${k}_${p}`] = s));
      updated.push({ w, slots });
    });
    if (!updated.length) return;
    const attrs: OptimizerUpdateAttrs = { rule: this.name, lr: c.lr, lambda: c.lambda, mu: c.mu, form: c.form, rho: c.rho, beta1: c.beta1, beta2: c.beta2, eps: c.eps, t };
    const outs = tf.engine().runKernel(OPTIMIZER_UPDATE, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
    for (const i of counted) this.tParam[i]! += 1;
    let at = 0;
    for (const { w, slots } of updated) {
      for (const v of [w, ...slots]) {
        const next = outs[at++] as tf.Tensor;
        v.assign(next);
        next.dispose();
      }
    }
  }

  state(): Record<string, Float32Array[]> {
    const out: Record<string, Float32Array[]> = {};
    for (const [name, vars] of Object.entries(this.slots)) {
      out[name] = vars.map((v) => Float32Array.from(v.dataSync() as Float32Array));
    }
    return out;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const vars of Object.values(this.slots)) for (const v of vars) v.dispose();
  }
}

/**
 * An optimizer over `params`, which fixes the order its state is kept in. To switch optimizer keep the
 * variables (the weights) and create a new one over the same list; dispose the old one to free its state.
 */
export function createOptimizer(name: OptimizerName, config: OptimizerConfig, params: tf.Variable[]): Optimizer {
  return new HandWrittenOptimizer(name, config, [...params]);
}
