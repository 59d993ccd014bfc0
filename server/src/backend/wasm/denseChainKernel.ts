/**
 * A dense network's whole training pass (train/denseChain.ts) as one kernel call: the layer kernels forward,
 * the loss kernel (which gives its own gradient), then the backward kernels in reverse, called directly on
 * the backend (scratch.ts), not through the engine. Each engine call costs its bookkeeping (scopes, tensor
 * objects, tracking: a few µs) on top of the arithmetic, and a small network's pass was 5 to 7 of them per run
 * and step; a ch08-08 step (four runs of 2-50-3) made 20.
 *
 * GradcastDenseChain
 *   inputs: x [N, in] (data: no gradient); target: labels [N] for 'softmaxXent', else targets of ŷ's shape;
 *     per layer l = 0, 1, …: W{l} [in, out], b{l} [out], and for a normed layer gamma{l}, beta{l},
 *     runningMean{l}, runningVar{l} [out].
 *   attrs: DenseChainAttrs.
 *   outputs, in order: the mean loss []; for 'softmaxXent' the rows classified right []; the gradient of each
 *     parameter, layer by layer: W{l}, b{l} (and gamma{l}, beta{l}); then per normed layer its new running mean
 *     and running variance [out].
 * A layer is y = act(x·W + b) (dense.ts), or with a norm y = act(BN(x·W + b)) in training mode (batchNorm.ts,
 * the activation fused in). The loss is on the last layer's y: softmax cross-entropy on logits, or MSE / BCE.
 */
import { BATCH_NORM, BATCH_NORM_GRAD, type BatchNormAttrs } from './batchNorm.ts';
import { DENSE, DENSE_GRAD, type DenseAttrs, type DenseGradAttrs } from './dense.ts';
import { BCE, MSE } from './elementLoss.ts';
import { type Info, type KernelArgs, type WasmBackend, withScratchAll } from './scratch.ts';
import { SOFTMAX_XENT } from './softmaxXent.ts';

export const DENSE_CHAIN = 'GradcastDenseChain';

export type ChainLossKind = 'softmaxXent' | 'mse' | 'bce';

export interface DenseChainAttrs {
  /** Each layer's activation, input layer first. */
  activations: DenseAttrs['activation'][];
  /** Whether each layer batch-normalises its pre-activation. */
  norms: boolean[];
  loss: ChainLossKind;
  /** Batch norm's ε and running-statistics momentum (PyTorch's: running = (1 − m)·running + m·batch). */
  eps: number;
  momentum: number;
}

const LOSS_KERNEL: Record<ChainLossKind, string> = { softmaxXent: SOFTMAX_XENT, mse: MSE, bce: BCE };

export function denseChainKernel(args: KernelArgs): Info[] {
  const backend = args.backend as WasmBackend;
  const { activations, norms, loss, eps, momentum } = args.attrs as unknown as DenseChainAttrs;
  const inputs = args.inputs;
  const L = activations.length;
  if (!L || norms.length !== L || !(loss in LOSS_KERNEL)) throw new Error(`${DENSE_CHAIN}: needs one activation and one norm flag per layer, and a known loss`);
  const input = (name: string): Info => {
    const t = inputs[name];
    if (t === undefined) throw new Error(`${DENSE_CHAIN}: missing input ${name}`);
    return t;
  };
  return withScratchAll(backend, (s) => {
    // xs[l] is layer l's input, ys[l] its output; a normed layer keeps its product z, x̂ and 1/σ too.
    const xs: Info[] = [input('x')];
    const ys: Info[] = [];
    const normed: ({ z: Info; xhat: Info; invStd: Info } | null)[] = [];
    const stats: Info[] = [];
    for (let l = 0; l < L; l++) {
      const activation = activations[l] as DenseAttrs['activation'];
      const layer = { x: xs[l] as Info, W: input(`W${l}`), b: input(`b${l}`) };
      if (norms[l]) {
        const z = s.run(DENSE, layer, { activation: 'linear' });
        const bnAttrs: BatchNormAttrs = { eps, momentum, activation };
        const bnInputs = { x: z, gamma: input(`gamma${l}`), beta: input(`beta${l}`), runningMean: input(`runningMean${l}`), runningVar: input(`runningVar${l}`) };
        const [y, xhat, invStd, mean, variance] = s.runAll(BATCH_NORM, bnInputs, bnAttrs as never) as [Info, Info, Info, Info, Info];
        normed.push({ z, xhat, invStd });
        stats.push(mean, variance);
        ys.push(y);
      } else {
        normed.push(null);
        ys.push(s.run(DENSE, layer, { activation } as never));
      }
      xs.push(ys[l] as Info);
    }
    const yhat = ys[L - 1] as Info;
    const lossInputs = loss === 'softmaxXent' ? { logits: yhat, labels: input('target') } : { yhat, y: input('target') };
    const [value, dOut, hits] = s.runAll(LOSS_KERNEL[loss], lossInputs) as [Info, Info, Info?];
    const perLayer: Info[][] = [];
    let dy = dOut;
    for (let l = L - 1; l >= 0; l--) {
      const activation = activations[l] as DenseAttrs['activation'];
      const wantDx = l > 0;
      const norm = normed[l];
      const W = input(`W${l}`);
      if (norm) {
        const [dz, dGamma, dBeta] = s.runAll(BATCH_NORM_GRAD, { dy, xhat: norm.xhat, invStd: norm.invStd, gamma: input(`gamma${l}`), y: ys[l] as Info }, { activation }) as [Info, Info, Info];
        const gradAttrs: DenseGradAttrs = { activation: 'linear', wantDx };
        const [dW, db, dx] = s.runAll(DENSE_GRAD, { dy: dz, x: xs[l] as Info, W, y: norm.z }, gradAttrs as never) as [Info, Info, Info?];
        perLayer[l] = [dW, db, dGamma, dBeta];
        if (dx) dy = dx;
      } else {
        const gradAttrs: DenseGradAttrs = { activation, wantDx };
        const [dW, db, dx] = s.runAll(DENSE_GRAD, { dy, x: xs[l] as Info, W, y: ys[l] as Info }, gradAttrs as never) as [Info, Info, Info?];
        perLayer[l] = [dW, db];
        if (dx) dy = dx;
      }
    }
    return [value, ...(loss === 'softmaxXent' ? [hits as Info] : []), ...perLayer.flat(), ...stats];
  });
}
