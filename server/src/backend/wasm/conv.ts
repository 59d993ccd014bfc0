/**
 * A conv layer's forward and backward passes as one kernel call each, for train/model.ts's conv2d(), as
 * dense.ts does for dense layers: tfjs only fuses bias and activation into the convolution outside gradient
 * recording, so training runs Conv2D, the broadcast Add and the activation apart, and on the way back the
 * activation's gradient (Step, Cast, Multiply: three passes over the largest tensors of a CNN step), the
 * bias gradient's Sum and Reshape, and the tape's clones.
 *
 * GradcastConv: inputs x [N, H, W, Ci], W [kh, kw, Ci, Co], b [Co] (float32, NHWC); attrs stride (both axes),
 *   pad (PyTorch's p on every side, or 'same' / 'valid'), activation 'linear' | 'relu' | 'sigmoid'.
 *   Output y = act(x ⋆ W + b) [N, oh, ow, Co], through wasm's own FusedConv2D (XNNPACK; bias and activation in
 *   its epilogue).
 * GradcastConvGrad: inputs dy (y's shape), x, W, y; attrs those of the forward and wantDx. dz = the
 *   activation's gradient (dense.ts activationGrad); outputs, in order: dW = Conv2DBackpropFilter(x, dz),
 *   db = Σ dz over N, oh, ow, and when wantDx dx = Conv2DBackpropInput(dz, W): the fill-ins of those kernels
 *   (conv2dBackpropFilter.ts, conv2dBackpropInput.ts) and sumLeading.ts, as tfjs's gradients would call them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activationGrad, type DenseAttrs } from './dense.ts';
import { type Info, type KernelArgs, type WasmBackend, withScratch, withScratchAll } from './scratch.ts';

export const CONV = 'GradcastConv';
export const CONV_GRAD = 'GradcastConvGrad';

export interface ConvAttrs {
  stride: number;
  pad: number | 'same' | 'valid';
  activation: DenseAttrs['activation'];
}

export interface ConvGradAttrs extends ConvAttrs {
  wantDx: boolean;
}

function geometry(a: ConvAttrs) {
  return { strides: [a.stride, a.stride] as [number, number], pad: a.pad, dataFormat: 'NHWC' as const, dilations: [1, 1] as [number, number] };
}

function check(name: string, x: Info, W: Info): void {
  if (x.dtype !== 'float32' || W.dtype !== 'float32' || x.shape.length !== 4 || W.shape.length !== 4 || x.shape[3] !== W.shape[2]) {
    throw new Error(`${name}: needs float32 x [N, H, W, Ci] and W [kh, kw, Ci, Co], got ${x.dtype}[${x.shape}] and ${W.dtype}[${W.shape}]`);
  }
}

export function convForward(args: KernelArgs): Info {
  const backend = args.backend as WasmBackend;
  const { x, W, b } = args.inputs as { x: Info; W: Info; b: Info };
  const attrs = args.attrs as unknown as ConvAttrs;
  check(CONV, x, W);
  if (b.shape.length !== 1 || b.shape[0] !== W.shape[3]) throw new Error(`${CONV}: bias [${b.shape}] for ${W.shape[3]} output channels`);
  return withScratch(backend, (s) =>
    s.native(tf.FusedConv2D, { x, filter: W, bias: b }, { ...geometry(attrs), dimRoundingMode: undefined, activation: attrs.activation, leakyreluAlpha: 0 } as unknown as tf.NamedAttrMap),
  );
}

export function convBackward(args: KernelArgs): Info[] {
  const backend = args.backend as WasmBackend;
  const { dy, x, W, y } = args.inputs as { dy: Info; x: Info; W: Info; y: Info };
  const attrs = args.attrs as unknown as ConvGradAttrs;
  check(CONV_GRAD, x, W);
  const g = geometry(attrs);
  return withScratchAll(backend, (s) => {
    const dz = activationGrad(s, dy, y, attrs.activation);
    const common = { strides: g.strides, pad: g.pad, dataFormat: g.dataFormat, dimRoundingMode: undefined } as unknown as tf.NamedAttrMap;
    const dW = s.run(tf.Conv2DBackpropFilter, { x, dy: dz }, { ...common, filterShape: W.shape });
    const db = s.run('Sum', { x: dz }, { axis: [0, 1, 2], keepDims: false });
    const outs = [dW, db];
    if (attrs.wantDx) outs.push(s.run(tf.Conv2DBackpropInput, { dy: dz, filter: W }, { ...common, inputShape: x.shape }));
    return outs;
  });
}
