/**
 * One optimizer update of every parameter of a step as a single kernel, for the hand-written optimizers
 * (train/optimizers.ts): plain SGD, momentum (PyTorch or EWA form), RMSprop and Adam, each with the same
 * float32 roundings as the op chain it replaces there. Every scalar (lr, λ, μ, 1 − μ, β, 1 − βᵗ, ε) is rounded
 * to float32 as the ops' scalar tensors are, and every op's result is rounded once (Math.fround): a float64
 * +, −, ×, ÷ or √ of float32 values rounded once to float32 is the correctly rounded float32 result, so the
 * values are bit-identical to the chain. Saves per step 3 (SGD) to 14 (Adam) kernel calls per parameter and
 * the scalar tensors they upload, and the per-parameter calls themselves: on the tiny lessons a kernel call
 * costs more than its arithmetic.
 *
 * Inputs, for each parameter p = 0, 1, …: w{p}, g{p} (float32, one shape) and the rule's state slots s0_{p},
 * s1_{p} (same shape): momentum s0 = v (the velocity, PyTorch's buf); RMSprop s0 = S (mean square); Adam s0 = m,
 * s1 = v. Attrs: OptimizerUpdateAttrs, with t[p] each parameter's update count. Outputs, parameter by
 * parameter: w{p}' and its new slots. Not differentiable (the optimizer runs outside any gradient tape).
 */
import type { Info, KernelArgs, WasmBackend } from './scratch.ts';

export const OPTIMIZER_UPDATE = 'GradcastOptimizerUpdate';

export interface OptimizerUpdateAttrs {
  rule: 'sgd' | 'momentum' | 'rmsprop' | 'adam';
  lr: number;
  /** L2 weight decay λ, folded into the gradient first: g ← g + λ·w. */
  lambda: number;
  /** Momentum μ (β in the EWA form). */
  mu: number;
  /** Momentum form: 'pytorch' buf = μ·buf + g (buf = g on the first step), or 'ewa' v = μ·v + (1 − μ)·g. */
  form: 'pytorch' | 'ewa';
  /** RMSprop decay of S. */
  rho: number;
  beta1: number;
  beta2: number;
  eps: number;
  /**
   * Each parameter's update count, 1, 2, … (this update included): Adam's bias correction, and PyTorch
   * momentum's first step (t = 1) takes buf = g. Its length is the number of parameters.
   */
  t: number[];
}

/** Number of state slots each rule keeps. */
const SLOT_COUNT: Record<OptimizerUpdateAttrs['rule'], number> = { sgd: 0, momentum: 1, rmsprop: 1, adam: 2 };

export function optimizerUpdate(args: KernelArgs): Info[] {
  const backend = args.backend as WasmBackend;
  const attrs = args.attrs as unknown as OptimizerUpdateAttrs;
  const slotCount = SLOT_COUNT[attrs.rule];
  if (!Array.isArray(attrs.t) || !attrs.t.length) throw new Error(`${OPTIMIZER_UPDATE}: attr t must list each parameter's update count`);
  const groups = attrs.t.map((_, p) => {
    const w = args.inputs[`w${p}`] as Info | undefined;
    const g = args.inputs[`g${p}`] as Info | undefined;
    const slots = Array.from({ length: slotCount }, (_, k) => args.inputs[`s${k}_${p}`] as Info | undefined);
    for (const t of [w, g, ...slots]) {
      if (t === undefined || w === undefined || t.dtype !== 'float32' || w.dtype !== 'float32' || t.shape.join() !== w.shape.join()) {
        throw new Error(`${OPTIMIZER_UPDATE} (${attrs.rule}): parameter ${p} needs float32 w${p}, g${p} and ${slotCount} state slot(s) of w${p}'s shape`);
      }
    }
    return { w: w as Info, g: g as Info, slots: slots as Info[] };
  });
  const outs = groups.map(({ w, slots }) => [w, ...slots].map(() => backend.makeOutput(w.shape, 'float32')));
  // Heap views go stale when wasm memory grows: take them after the last allocation.
  const view = (t: Info) => backend.typedArrayFromHeap(t) as Float32Array;
  groups.forEach(({ w, g, slots }, p) => optimizerValues(attrs, attrs.t[p] as number, view(w), view(g), slots.map(view), (outs[p] as Info[]).map(view)));
  return outs.flat();
}

/**
 * out[0] = w', out[1…] = the new slots, from w, g and the slots, in float32 steps that mirror
 * optimizers.ts's op chain one op at a time (see the file comment). Inputs and outputs may not alias.
 */
function optimizerValues(a: OptimizerUpdateAttrs, t: number, wv: Float32Array, gv: Float32Array, slots: Float32Array[], out: Float32Array[]): void {
  const f = Math.fround;
  const lr = f(a.lr);
  const lambda = f(a.lambda);
  const n = wv.length;
  const [w1, s0, s1] = out as [Float32Array, Float32Array?, Float32Array?];
  const [v0, v1] = slots as [Float32Array?, Float32Array?];
  const grad = (i: number): number => (lambda === 0 ? (gv[i] as number) : f((gv[i] as number) + f((wv[i] as number) * lambda)));
  switch (a.rule) {
    case 'sgd':
      for (let i = 0; i < n; i++) w1[i] = (wv[i] as number) - f(grad(i) * lr);
      return;
    case 'momentum': {
      const mu = f(a.mu);
      const oneMinus = f(1 - a.mu);
      for (let i = 0; i < n; i++) {
        const g = grad(i);
        const v = (v0 as Float32Array)[i] as number;
        const vNew = a.form === 'ewa' ? f(f(v * mu) + f(g * oneMinus)) : t === 1 ? g : f(f(v * mu) + g);
        (s0 as Float32Array)[i] = vNew;
        w1[i] = (wv[i] as number) - f(vNew * lr);
      }
      return;
    }
    case 'rmsprop': {
      const rho = f(a.rho);
      const oneMinus = f(1 - a.rho);
      const eps = f(a.eps);
      for (let i = 0; i < n; i++) {
        const g = grad(i);
        const S = f(f(((v0 as Float32Array)[i] as number) * rho) + f(f(g * g) * oneMinus));
        (s0 as Float32Array)[i] = S;
        w1[i] = (wv[i] as number) - f(f(g * lr) / f(f(Math.sqrt(S)) + eps));
      }
      return;
    }
    case 'adam': {
      const b1 = f(a.beta1);
      const b2 = f(a.beta2);
      const c1 = f(1 - a.beta1);
      const c2 = f(1 - a.beta2);
      const corr1 = f(1 - a.beta1 ** t);
      const corr2 = f(1 - a.beta2 ** t);
      const eps = f(a.eps);
      for (let i = 0; i < n; i++) {
        const g = grad(i);
        const m = f(f(((v0 as Float32Array)[i] as number) * b1) + f(g * c1));
        const v = f(f(((v1 as Float32Array)[i] as number) * b2) + f(f(g * g) * c2));
        (s0 as Float32Array)[i] = m;
        (s1 as Float32Array)[i] = v;
        const mHat = f(m / corr1);
        const vHat = f(v / corr2);
        w1[i] = (wv[i] as number) - f(f(mHat * lr) / f(f(Math.sqrt(vHat)) + eps));
      }
      return;
    }
  }
}
