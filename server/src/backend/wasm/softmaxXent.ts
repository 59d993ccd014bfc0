/**
 * Softmax cross-entropy from logits and integer labels as one kernel, for train/losses.ts: the loss, its
 * gradient and the batch's correct count in a single pass over the logits. The op chain it replaces (oneHot,
 * cast, logSumExp, sub, mul, sum, mean, neg, and argMax/equal/cast/sum for the accuracy) is about a dozen
 * kernel calls forward, a dozen more on the tape's backward pass and as many tape clones: on the small
 * classifiers (ch06-01, the spiral lessons) those calls cost more than the arithmetic.
 *
 * Inputs: logits z [N, C] float32, labels [N] int32 (or float32 holding integers) in [0, C).
 * Outputs, in order:
 *   loss    [] float32: mean over rows of logsumexp(z_i) − z_i,label (stable: the row max is taken out first);
 *   dlogits [N, C] float32: ∂loss/∂z = (softmax(z_i) − onehot(label_i)) / N;
 *   correct [] float32: rows whose largest logit (the first, on ties, as tf.argMax) is the label.
 * Each row is computed in float64 and rounded once, so the loss is at least as accurate as the float32 chain.
 * Not differentiable itself: losses.ts wraps it in tf.customGrad, which multiplies dlogits by the upstream dy.
 */
import type { Info, KernelArgs, WasmBackend } from './scratch.ts';

export const SOFTMAX_XENT = 'GradcastSoftmaxXent';

export function softmaxXent(args: KernelArgs): Info[] {
  const backend = args.backend as WasmBackend;
  const { logits, labels } = args.inputs as { logits: Info; labels: Info };
  if (logits.dtype !== 'float32' || logits.shape.length !== 2) throw new Error(`${SOFTMAX_XENT}: logits must be float32 [N, C], got ${logits.dtype}[${logits.shape}]`);
  const [n, c] = logits.shape as [number, number];
  if (labels.shape.length !== 1 || labels.shape[0] !== n) throw new Error(`${SOFTMAX_XENT}: ${labels.shape.join('×')} labels for ${n} rows of logits`);
  const loss = backend.makeOutput([], 'float32');
  const grad = backend.makeOutput([n, c], 'float32');
  const correct = backend.makeOutput([], 'float32');
  // Heap views go stale when wasm memory grows: take them after the last allocation.
  const view = (t: Info) => backend.typedArrayFromHeap(t) as Float32Array;
  const result = softmaxXentValues(view(logits), backend.typedArrayFromHeap(labels) as Int32Array | Float32Array, n, c, view(grad));
  view(loss)[0] = result.loss;
  view(correct)[0] = result.correct;
  return [loss, grad, correct];
}

/** Fills grad [n·c] and returns the mean loss and the correct count (see the file comment). */
function softmaxXentValues(
  z: Float32Array,
  labels: Int32Array | Float32Array,
  n: number,
  c: number,
  grad: Float32Array,
): { loss: number; correct: number } {
  let total = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i] as number;
    if (!Number.isInteger(label) || label < 0 || label >= c) throw new RangeError(`${SOFTMAX_XENT}: label ${label} of row ${i} is not a class in [0, ${c})`);
    const row = i * c;
    let max = z[row] as number;
    let arg = 0;
    for (let j = 1; j < c; j++) {
      const v = z[row + j] as number;
      if (v > max) {
        max = v;
        arg = j;
      }
    }
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp((z[row + j] as number) - max);
    const lse = max + Math.log(sum);
    total += lse - (z[row + label] as number);
    if (arg === label) correct++;
    for (let j = 0; j < c; j++) grad[row + j] = (Math.exp((z[row + j] as number) - lse) - (j === label ? 1 : 0)) / n;
  }
  return { loss: total / n, correct };
}
