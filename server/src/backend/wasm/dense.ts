/**
 * A dense layer's forward and backward passes as one kernel call each, for train/model.ts's dense(): on the
 * small lessons a kernel call through the engine (scopes, tape, bookkeeping: 3–7 µs) costs more than the
 * arithmetic, and tfjs's own composition takes a dozen calls per layer and step. tf.fused.matMul does not
 * help there: tfjs only fuses the activation outside gradient recording, so training runs matMul, add and relu
 * apart, with the broadcast-add's reshapes and sum and the tape's clones on the way back.
 *
 * GradcastDense: inputs x [N, in], W [in, out], b [out] (float32); attr activation 'linear' | 'relu' |
 *   'sigmoid' | 'tanh' (tanh in a JS pass after the product: XNNPACK has no tanh epilogue). Output y = act(x·W + b) [N, out], on XNNPACK through wasm's own _FusedMatMul (product, bias and
 *   activation in one epilogue).
 * GradcastDenseGrad: inputs dy [N, out], x, W, y (the forward's output); attrs activation, wantDx.
 *   dz = dy ⊙ [y > 0] for ReLU (tfjs's dy·step(z): y > 0 exactly when z > 0), dy·(y·(1 − y)) for the sigmoid
 *   (tfjs's formula and float32 roundings), else dy;
 *   outputs, in order: dW = xᵀ·dz [in, out], db = Σ_rows dz [out], and, when wantDx, dx = dz·Wᵀ [N, in].
 *   A layer fed by data needs no dx: skipping it saves a third of the backward arithmetic of a first layer.
 * Both products run through the BatchMatMul and Sum fill-ins (batchMatMul.ts, sumLeading.ts), on XNNPACK, except
 * for small layers (SMALL_PRODUCT), computed in JS loops accumulating in float64.
 */
import * as tf from '@tensorflow/tfjs-core';
import { xnnWeights } from './batchMatMul.ts';
import { applyActivation, columnSums, productBias, productDzWt, productXtDz } from './smallProducts.ts';
import { type Info, type KernelArgs, type Scratch, type WasmBackend, withScratch, withScratchAll } from './scratch.ts';
import { tanhInto } from './tanh.ts';

export const DENSE = 'GradcastDense';
export const DENSE_GRAD = 'GradcastDenseGrad';

export interface DenseAttrs {
  activation: 'linear' | 'relu' | 'sigmoid' | 'tanh';
}

export interface DenseGradAttrs extends DenseAttrs {
  wantDx: boolean;
}

function check(name: string, x: Info, W: Info): [number, number, number] {
  const [n, k] = x.shape as [number, number];
  const [k2, m] = W.shape as [number, number];
  if (x.dtype !== 'float32' || W.dtype !== 'float32' || x.shape.length !== 2 || W.shape.length !== 2 || k !== k2) {
    throw new Error(`${name}: needs float32 x [N, in] and W [in, out], got ${x.dtype}[${x.shape}] and ${W.dtype}[${W.shape}]`);
  }
  return [n, k, m];
}

/**
 * Largest product n·in·out computed in one JS loop instead of on XNNPACK: below it the native path's calls (a
 * transpose copy, reshapes, operator setup) cost more than the multiply-adds (the spiral and regression lessons'
 * layers are 60 to 6,000 of them).
 */
export const SMALL_PRODUCT = 8192;


/** A reusable float64 buffer of at least `size` values (the small forward's sums before the activation). */
let scratch64 = new Float64Array(1024);
function float64Scratch(size: number): Float64Array {
  if (scratch64.length < size) scratch64 = new Float64Array(Math.max(size, 2 * scratch64.length));
  return scratch64.subarray(0, size);
}


/** z = act(z) on float32 values (batchNorm.ts's fused activation, applied to the rounded pre-activation). */
export function activateInPlace(z: Float32Array, activation: DenseAttrs['activation']): void {
  applyActivation(z, z, activation);
}

export function denseForward(args: KernelArgs): Info {
  const backend = args.backend as WasmBackend;
  const { x, W, b } = args.inputs as { x: Info; W: Info; b: Info };
  const { activation } = args.attrs as unknown as DenseAttrs;
  const [n, k, m] = check(DENSE, x, W);
  if (b.shape.length !== 1 || b.shape[0] !== m) throw new Error(`${DENSE}: bias [${b.shape}] for ${m} outputs`);
  if (n * k * m <= SMALL_PRODUCT) {
    const y = backend.makeOutput([n, m], 'float32');
    // Heap views go stale when wasm memory grows: take them after the last allocation.
    const [xv, Wv, bv, yv] = [x, W, b, y].map((t) => backend.typedArrayFromHeap(t) as Float32Array) as [Float32Array, Float32Array, Float32Array, Float32Array];
    const z = float64Scratch(n * m);
    productBias(xv, Wv, bv, z, n, k, m);
    applyActivation(z, yv, activation);
    return y;
  }
  return withScratch(backend, (s) => {
    // XNNPACK's epilogue has no tanh: the product comes out linear and tanh follows in one JS pass.
    const y = s.native(
      tf._FusedMatMul,
      { a: s.reshape(x, [1, n, k]), b: xnnWeights(s, s.reshape(W, [1, k, m])), bias: b },
      { transposeA: false, transposeB: false, activation: activation === 'tanh' ? 'linear' : activation, leakyreluAlpha: 0 },
    );
    if (activation === 'tanh') {
      const yv = backend.typedArrayFromHeap(y) as Float32Array;
      tanhInto(yv, yv); // tanh.ts: ~4× faster than Math.tanh, within 1 ulp of it; the Tanh kernel's own function
    }
    return s.reshape(y, [n, m]);
  });
}

export function denseBackward(args: KernelArgs): Info[] {
  const backend = args.backend as WasmBackend;
  const { dy, x, W, y } = args.inputs as { dy: Info; x: Info; W: Info; y: Info };
  const { activation, wantDx } = args.attrs as unknown as DenseGradAttrs;
  const [n, k, m] = check(DENSE_GRAD, x, W);
  for (const t of [dy, y]) {
    if (t.dtype !== 'float32' || t.shape.join() !== `${n},${m}`) throw new Error(`${DENSE_GRAD}: dy and y must be float32 [${n}, ${m}], got ${t.dtype}[${t.shape}]`);
  }
  return withScratchAll(backend, (s) => {
    const dz = activationGrad(s, dy, y, activation);
    if (n * k * m <= SMALL_PRODUCT) return smallBackward(s, x, W, dz, n, k, m, wantDx);
    const dW = s.run('BatchMatMul', { a: x, b: dz }, { transposeA: true, transposeB: false });
    const db = s.run('Sum', { x: dz }, { axis: [0], keepDims: false });
    const outs = [s.reshape(dW, [k, m]), db];
    if (wantDx) outs.push(s.reshape(s.run('BatchMatMul', { a: dz, b: W }, { transposeA: false, transposeB: true }), [n, k]));
    return outs;
  });
}

/** denseBackward's products as JS loops (see SMALL_PRODUCT), accumulated in float64. */
function smallBackward(s: Scratch, x: Info, W: Info, dz: Info, n: number, k: number, m: number, wantDx: boolean): Info[] {
  const backend = s.backend;
  const outs = [s.hold(backend.makeOutput([k, m], 'float32')), s.hold(backend.makeOutput([m], 'float32'))];
  if (wantDx) outs.push(s.hold(backend.makeOutput([n, k], 'float32')));
  // Heap views go stale when wasm memory grows: take them after the last allocation.
  const [xv, Wv, zv] = [x, W, dz].map((t) => backend.typedArrayFromHeap(t) as Float32Array) as [Float32Array, Float32Array, Float32Array];
  const [dWv, dbv, dxv] = outs.map((t) => backend.typedArrayFromHeap(t) as Float32Array) as [Float32Array, Float32Array, Float32Array?];
  productXtDz(xv, zv, dWv, n, k, m);
  columnSums(zv, dbv, n, m);
  if (dxv) productDzWt(zv, Wv, dxv, n, k, m);
  return outs;
}

/**
 * dz = ∂L/∂z from dy = ∂L/∂y for y = act(z), read off the output y alone: ReLU dy·[y > 0] (tfjs's dy·step(z):
 * y > 0 exactly when z > 0), the sigmoid dy·(y·(1 − y)) and tanh dy·(1 − y²) in tfjs's float32 roundings, linear
 * dy itself (no copy).
 * A new buffer held by `s` otherwise.
 */
function activationGrad(s: Scratch, dy: Info, y: Info, activation: DenseAttrs['activation']): Info {
  if (activation === 'linear') return dy;
  const backend = s.backend;
  const dz = s.hold(backend.makeOutput(dy.shape, 'float32'));
  // Heap views go stale when wasm memory grows: take them after the last allocation.
  const view = (t: Info) => backend.typedArrayFromHeap(t) as Float32Array;
  activationGradValues(view(dy), view(y), view(dz), activation);
  return dz;
}

/** dz from dy and y as activationGrad says, for activation ≠ linear, into `dz` (its own buffer). */
export function activationGradValues(dv: Float32Array, yv: Float32Array, zv: Float32Array, activation: Exclude<DenseAttrs['activation'], 'linear'>): void {
  // Branch-free (a ternary mispredicts on mixed signs: 3 ms against 0.8 for 409,600 values), and the same
  // products as tfjs's dy·step(z): ±0 where the unit is off, NaN for a NaN dy.
  if (activation === 'relu') for (let i = 0; i < zv.length; i++) zv[i] = (dv[i] as number) * Number((yv[i] as number) > 0);
  else if (activation === 'sigmoid') {
    const f = Math.fround;
    for (let i = 0; i < zv.length; i++) zv[i] = (dv[i] as number) * f((yv[i] as number) * f(1 - (yv[i] as number)));
  } else {
    // tanh: tfjs's dy·(1 − y²) in its float32 roundings.
    const f = Math.fround;
    for (let i = 0; i < zv.length; i++) zv[i] = (dv[i] as number) * f(1 - f((yv[i] as number) * (yv[i] as number)));
  }
}
