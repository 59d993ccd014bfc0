/**
 * Training-mode batch norm as one kernel call forward and one backward, for train/model.ts's batchNorm():
 * the written-out gradient there (two column sums, three per-feature affine maps) and the moments and running
 * statistics before it are some twenty kernel calls per layer and step, most of a small network's step
 * (ch08-10's batch-norm run), and several passes over a large one's activations (ch09-06).
 *
 * GradcastBatchNorm: inputs x [n, F] (float32), gamma, beta, runningMean, runningVar [F]; attrs eps, momentum
 * (PyTorch's: running = (1 − momentum)·running + momentum·batch). With the batch mean μ and BIASED variance σ²
 * (formula 8), x̂ = (x − μ)/√(σ² + ε):
 *   outputs, in order: out = γ·x̂ + β [n, F], x̂ [n, F], 1/√(σ² + ε) [F], and the new running mean and running
 *   variance [F] (the variance entering UNBIASED, σ²·n/(n − 1)).
 * GradcastBatchNormGrad: inputs dy [n, F], x̂ [n, F], invStd [F], gamma [F] → dx [n, F], dγ [F], dβ [F]:
 *   dβ = Σ_n dy, dγ = Σ_n dy·x̂, dx = γ·invStd·(dy − dβ/n − x̂·dγ/n).
 * Optional attr `activation` on both (default 'linear'): the forward's out becomes act(γ·x̂ + β), the
 *   pre-activation rounded to float32 first as a separate op would see it; the backward then takes the forward's
 *   out as input `y` too and starts from dy·act'(·) read off y (dense.ts's rule), so linear → BN → act is two
 *   calls per layer on train/denseChain.ts's tape-free pass.
 * Moments and sums accumulate in float64 and each result is rounded once.
 */
import { activateInPlace, activationGradValues, type DenseAttrs } from './dense.ts';
import type { Info, KernelArgs, WasmBackend } from './scratch.ts';

/**
 * Largest x (n·F values) the kernels take; above it model.ts keeps the ops (wasm's SIMD passes win there).
 * Measured in one process, kernels on/off alternated: ch08-10 ([20, 100]) × 0.77; ch09-06 ([25,600, 16] and
 * [6,400, 32]) × 0.99; ch08-09 ([2,000, 100]) × 1.18.
 */
export const SMALL_BATCH_NORM = 16384;

export const BATCH_NORM = 'GradcastBatchNorm';
export const BATCH_NORM_GRAD = 'GradcastBatchNormGrad';

export interface BatchNormAttrs {
  eps: number;
  momentum: number;
  /** Applied to the output (see the file comment); default 'linear'. */
  activation?: DenseAttrs['activation'];
}

function dims(name: string, x: Info, perFeature: Info[]): [number, number] {
  const [n, F] = x.shape as [number, number];
  if (x.dtype !== 'float32' || x.shape.length !== 2 || perFeature.some((t) => t.dtype !== 'float32' || t.shape.length !== 1 || t.shape[0] !== F)) {
    throw new Error(`${name}: needs float32 x [n, F] and per-feature [F] tensors, got x ${x.dtype}[${x.shape}]`);
  }
  if (n < 2) throw new Error(`${name}: training needs more than one value per feature (batch of 1)`);
  return [n, F];
}

export function batchNormForward(args: KernelArgs): Info[] {
  const backend = args.backend as WasmBackend;
  const { x, gamma, beta, runningMean, runningVar } = args.inputs as Record<'x' | 'gamma' | 'beta' | 'runningMean' | 'runningVar', Info>;
  const { eps, momentum, activation = 'linear' } = args.attrs as unknown as BatchNormAttrs;
  const [n, F] = dims(BATCH_NORM, x, [gamma, beta, runningMean, runningVar]);
  const outs = [backend.makeOutput([n, F], 'float32'), backend.makeOutput([n, F], 'float32'), ...[0, 1, 2].map(() => backend.makeOutput([F], 'float32'))];
  // Heap views go stale when wasm memory grows: take them after the last allocation.
  const view = (t: Info) => backend.typedArrayFromHeap(t) as Float32Array;
  const [xv, g, b, rm, rv] = [x, gamma, beta, runningMean, runningVar].map(view) as Float32Array[];
  const [out, xhat, inv, rm1, rv1] = outs.map(view) as Float32Array[];
  // Feature by feature (a column of x at stride F): the sums stay in registers, where row-major passes
  // read-modify-wrote a per-feature array at every value (1.8× slower on ch08-10's [20, 100]). Same sums in the
  // same order.
  for (let f = 0; f < F; f++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += xv![i * F + f]!;
    const mean = sum / n;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const d = xv![i * F + f]! - mean;
      sq += d * d;
    }
    const variance = sq / n;
    inv![f] = 1 / Math.sqrt(variance + eps);
    rm1![f] = (1 - momentum) * rm![f]! + momentum * mean;
    rv1![f] = (1 - momentum) * rv![f]! + momentum * variance * (n / (n - 1));
    // The rounded 1/σ, as stored for the backward pass.
    const invF = inv![f]!;
    const gF = g![f]!;
    const bF = b![f]!;
    for (let i = 0; i < n; i++) {
      const h = (xv![i * F + f]! - mean) * invF;
      xhat![i * F + f] = h;
      out![i * F + f] = Math.fround(gF * h + bF);
    }
  }
  if (activation !== 'linear') activateInPlace(out!, activation);
  return outs;
}

export function batchNormBackward(args: KernelArgs): Info[] {
  const backend = args.backend as WasmBackend;
  const { dy, xhat, invStd, gamma, y } = args.inputs as Record<'dy' | 'xhat' | 'invStd' | 'gamma', Info> & { y?: Info };
  const { activation = 'linear' } = args.attrs as { activation?: DenseAttrs['activation'] };
  const [n, F] = dims(BATCH_NORM_GRAD, xhat, [invStd, gamma]);
  for (const t of activation === 'linear' ? [dy] : [dy, y]) {
    if (t === undefined || t.dtype !== 'float32' || t.shape.join() !== xhat.shape.join()) {
      throw new Error(`${BATCH_NORM_GRAD}: dy${activation === 'linear' ? '' : ' and y'} must be float32 [${xhat.shape}]`);
    }
  }
  const outs = [backend.makeOutput([n, F], 'float32'), backend.makeOutput([F], 'float32'), backend.makeOutput([F], 'float32')];
  const view = (t: Info) => backend.typedArrayFromHeap(t) as Float32Array;
  const [h, inv, g] = [xhat, invStd, gamma].map(view) as Float32Array[];
  const [dx, dGamma, dBeta] = outs.map(view) as Float32Array[];
  let d = view(dy);
  if (activation !== 'linear') {
    // dz = dy·act′ goes into dx's own buffer: each dx value below reads only its own dz before replacing it.
    activationGradValues(d, view(y as Info), dx!, activation);
    d = dx!;
  }
  // Feature by feature, as the forward pass.
  for (let f = 0; f < F; f++) {
    let sb = 0;
    let sg = 0;
    for (let i = 0; i < n; i++) {
      sb += d![i * F + f]!;
      sg += d![i * F + f]! * h![i * F + f]!;
    }
    dBeta![f] = sb;
    dGamma![f] = sg;
    const k = g![f]! * inv![f]!;
    const mb = sb / n;
    const mg = sg / n;
    for (let i = 0; i < n; i++) dx![i * F + f] = k * (d![i * F + f]! - mb - h![i * F + f]! * mg);
  }
  return outs;
}
