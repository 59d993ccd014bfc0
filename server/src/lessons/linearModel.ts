/**
 * The course's one-input linear model ŷ = w·x + b with MSE, shared by the chapter 2–3 regressions.
 * `forward` broadcasts: with scalar w, b it is the training model; with w, b of shape [G, 1] and x of shape
 * [1, n] it evaluates G parameter pairs at once, which is how the exact loss surface reuses the very same
 * formula as the training step.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type { ExactSurface, LessonModel, Regression1D, Tf } from './types.ts';

export interface LinearSetup {
  tf: Tf;
  x: Float32Array;
  y: Float32Array;
  /** Starting parameters; the course starts ch02-03 and ch03 at w = −15, b = −10. */
  w0: number;
  b0: number;
  /** Whether the model has a bias (ch02-01 fits ŷ = w·x only). */
  bias: boolean;
  /** Loss-surface window [min, max] for w and b, and points per axis. */
  window: { w: [number, number]; b: [number, number]; resolution: number };
}

export function buildLinearModel(s: LinearSetup): LessonModel {
  const { tf } = s;
  const n = s.x.length;
  const xT = tf.tensor2d(s.x, [1, n]);
  const yT = tf.tensor2d(s.y, [1, n]);
  const w = tf.variable(tf.scalar(s.w0));
  const b = tf.variable(tf.scalar(s.bias ? s.b0 : 0), s.bias);
  const params = s.bias ? [w, b] : [w];
  /** ŷ [G, n] for G parameter pairs (or [1, n] for scalars). */
  const forward = (wt: tfc.Tensor, bt: tfc.Tensor, x: tfc.Tensor): tfc.Tensor => tf.add(tf.mul(wt, x), bt);
  /** Mean squared error per parameter pair, over the n samples: [G]. */
  const mse = (pred: tfc.Tensor): tfc.Tensor => tf.mean(tf.square(tf.sub(pred, yT)), 1);
  const read = (v: tfc.Variable): number => (v.dataSync() as Float32Array)[0] as number;

  const surface: ExactSurface = {
    xLabel: 'w',
    yLabel: 'b',
    xRange: s.window.w,
    yRange: s.window.b,
    resolution: s.window.resolution,
    evaluate(ws, bs) {
      const out = tf.tidy(() => {
        const g = ws.length;
        const bias = s.bias ? tf.tensor2d(bs, [g, 1]) : tf.zeros([g, 1]);
        return mse(forward(tf.tensor2d(ws, [g, 1]), bias, xT));
      });
      const values = Float32Array.from(out.dataSync() as Float32Array);
      out.dispose();
      return values;
    },
    position: () => [read(w), read(b)],
  };

  const regression: Regression1D = {
    x: s.x,
    y: s.y,
    predict(xs) {
      const wv = read(w);
      const bv = read(b);
      return xs.map((x) => wv * x + bv);
    },
  };

  return {
    params,
    paramNames: s.bias ? ['w', 'b'] : ['w'],
    loss: () => tf.tidy(() => tf.mean(mse(forward(w, b, xT))) as tfc.Scalar),
    advance: () => {},
    stepsPerEpoch: () => 1,
    surface,
    regression,
    dispose: () => tf.dispose([xT, yT, w, b]),
  };
}
