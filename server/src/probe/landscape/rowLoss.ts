/**
 * A loss head (train/evalOps.ts EvalHead) over plain rows, in JS: for a net whose first layer is its only one, a
 * grid point's output is P₀ + α·P₁ + β·P₂ and its loss needs no tensor at all (ch06-02's softmax regression, the
 * ch04 linear regressions). The training losses' formulas (losses.ts), summed in float64: the logits' log-sum-exp
 * less the label's logit; MSE; BCE on σ(z) rounded to float32 as training's sigmoid is, logs clamped at −100.
 * Per point this is ~0.05 ms for 1,000 rows of 10 logits where the tensor ops took ~0.3 ms on wasm.
 */
import type { EvalHead } from '../../train/evalOps.ts';
import { LOG_FLOOR } from '../../train/losses.ts';

/** The mean loss of `out` [rows, cols] (row-major) against int32 labels [rows] or float targets [rows, cols]. */
export function rowLoss(head: EvalHead, out: Float32Array, cols: number, y: Int32Array | Float32Array): number {
  const rows = out.length / cols;
  let sum = 0;
  if (head.loss === 'softmaxXent') {
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let max = -Infinity;
      for (let c = 0; c < cols; c++) max = Math.max(max, out[o + c] as number);
      let exps = 0;
      for (let c = 0; c < cols; c++) exps += Math.exp((out[o + c] as number) - max);
      sum += max + Math.log(exps) - (out[o + (y[r] as number)] as number);
    }
    return sum / rows;
  }
  for (let i = 0; i < out.length; i++) {
    const z = out[i] as number;
    const t = y[i] as number;
    const p = head.output === 'sigmoid' ? Math.fround(1 / (1 + Math.exp(-z))) : z;
    if (head.loss === 'mse') sum += (p - t) ** 2;
    else sum -= t * Math.max(Math.log(p), LOG_FLOOR) + (1 - t) * Math.max(Math.log1p(-p), LOG_FLOOR);
  }
  return sum / out.length;
}
