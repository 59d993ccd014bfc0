import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer, type OptimizerConfig, type OptimizerName } from './optimizers.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const base: OptimizerConfig = { lr: 0.1, momentum: 0, weightDecay: 0 };

/** Runs `steps` updates of a scalar weight starting at w0 under a constant gradient g; returns w after each. */
function constantGradientPath(name: OptimizerName, config: OptimizerConfig, g: number, steps: number, w0 = 0) {
  const w = tf.variable(tf.scalar(w0));
  const opt = createOptimizer(name, config, [w]);
  const grad = tf.scalar(g);
  const path: number[] = [];
  const states: Record<string, number>[] = [];
  for (let k = 0; k < steps; k++) {
    opt.step([w], [grad]);
    path.push(w.dataSync()[0]!);
    states.push(Object.fromEntries(Object.entries(opt.state()).map(([s, arr]) => [s, arr[0]![0]!])));
  }
  grad.dispose();
  opt.dispose();
  w.dispose();
  return { path, states };
}

describe('momentum (lessons.md formula 2, worked g ≡ 1, β = μ = 0.9, lr = 0.1)', () => {
  it('notes/EWA form: v = 0.1, 0.19, 0.271; w = −0.01, −0.029, −0.0561', () => {
    const { path, states } = constantGradientPath('momentum', { ...base, momentum: 0.9, momentumForm: 'ewa' }, 1, 3);
    [-0.01, -0.029, -0.0561].forEach((w, k) => expect(path[k]).toBeCloseTo(w, 6));
    [0.1, 0.19, 0.271].forEach((v, k) => expect(states[k]!.v).toBeCloseTo(v, 6));
  });

  it('PyTorch form: buf = 1, 1.9, 2.71; w = −0.1, −0.29, −0.561', () => {
    const { path, states } = constantGradientPath('momentum', { ...base, momentum: 0.9 }, 1, 3);
    [-0.1, -0.29, -0.561].forEach((w, k) => expect(path[k]).toBeCloseTo(w, 6));
    [1, 1.9, 2.71].forEach((v, k) => expect(states[k]!.v).toBeCloseTo(v, 5));
  });

  it('the two forms agree when lr_pytorch = lr_notes·(1−β)', () => {
    const ewa = constantGradientPath('momentum', { ...base, lr: 0.5, momentum: 0.8, momentumForm: 'ewa' }, 1, 1).path;
    // After one step the PyTorch buffer is g, the EWA one (1−β)g: equal steps need lr_pt = lr_ewa·(1−β).
    const pt = constantGradientPath('momentum', { ...base, lr: 0.5 * 0.2, momentum: 0.8 }, 1, 1).path;
    expect(pt[0]).toBeCloseTo(ewa[0]!, 6);
  });

  it('ch08-07 cubic l(w) = w³, lr 0.01, momentum 0.9: 4 → 3.52 → 2.71629 → 1.77160 → … → −4.09954 after 10', () => {
    const w = tf.variable(tf.scalar(4));
    const opt = createOptimizer('momentum', { lr: 0.01, momentum: 0.9, weightDecay: 0 }, [w]);
    const path: number[] = [];
    for (let k = 0; k < 10; k++) {
      const g = tf.tidy(() => tf.mul(tf.square(w), 3)); // dl/dw = 3w²
      opt.step([w], [g]);
      g.dispose();
      path.push(w.dataSync()[0]!);
    }
    expect(path[0]).toBeCloseTo(3.52, 5);
    expect(path[1]).toBeCloseTo(2.71629, 4);
    expect(path[2]).toBeCloseTo(1.7716, 4);
    expect(path[9]).toBeCloseTo(-4.09954, 3);
    opt.dispose();
    w.dispose();
  });
});

describe('RMSprop (formula 3, worked β = 0.9, g ≡ 2, lr = 0.1, ε = 1e-8)', () => {
  it('S = 0.4, 0.76; steps 0.316228, 0.229416 (ε outside the root)', () => {
    const { path, states } = constantGradientPath('rmsprop', { ...base, rmsDecay: 0.9 }, 2, 2);
    expect(states[0]!.S).toBeCloseTo(0.4, 6);
    expect(states[1]!.S).toBeCloseTo(0.76, 6);
    expect(-path[0]!).toBeCloseTo(0.316228, 5);
    expect(path[0]! - path[1]!).toBeCloseTo(0.229416, 5);
  });

  it('ε sits outside the root: with ε = 1 the first step is 0.2/(√0.4 + 1) = 0.122515, not 0.2/√1.4', () => {
    const { path } = constantGradientPath('rmsprop', { ...base, rmsDecay: 0.9, eps: 1 }, 2, 1);
    expect(-path[0]!).toBeCloseTo(0.2 / (Math.sqrt(0.4) + 1), 6);
  });

  it('defaults to PyTorch alpha 0.99', () => {
    const { states } = constantGradientPath('rmsprop', base, 2, 1);
    expect(states[0]!.S).toBeCloseTo(0.04, 6);
  });
});

describe('Adam (formula 4, worked g ≡ 2, lr = 0.1)', () => {
  it('t=1: m 0.2, v 0.004, step 0.0999999995; t=2: m 0.38, v 0.007996, step ≈ 0.1', () => {
    const { path, states } = constantGradientPath('adam', base, 2, 2);
    expect(states[0]!.m).toBeCloseTo(0.2, 6);
    expect(states[0]!.v).toBeCloseTo(0.004, 7);
    expect(states[1]!.m).toBeCloseTo(0.38, 6);
    expect(states[1]!.v).toBeCloseTo(0.007996, 7);
    expect(-path[0]!).toBeCloseTo(0.0999999995, 6);
    expect(path[0]! - path[1]!).toBeCloseTo(0.1, 6);
  });

  it('ε outside √v̂ and bias correction: with ε = 1 the first step is 0.1·2/(2 + 1)', () => {
    const { path } = constantGradientPath('adam', { ...base, eps: 1 }, 2, 1);
    expect(-path[0]!).toBeCloseTo(0.2 / 3, 6);
  });

  it('first steps are ≈ lr·sign(g) whatever |g|', () => {
    const { path } = constantGradientPath('adam', { ...base, lr: 0.01 }, -300, 1);
    expect(path[0]).toBeCloseTo(0.01, 6);
  });
});

describe('SGD and weight decay (formula 7)', () => {
  it('w = 1, g = 0.5, lr = 0.1, λ = 0.01 → 0.949', () => {
    const { path } = constantGradientPath('sgd', { ...base, weightDecay: 0.01 }, 0.5, 1, 1);
    expect(path[0]).toBeCloseTo(0.949, 6);
  });

  it('weight decay reaches every parameter in every optimizer (g = 0 still shrinks w)', () => {
    for (const name of ['sgd', 'momentum', 'rmsprop', 'adam'] as const) {
      const { path } = constantGradientPath(name, { ...base, momentum: 0.5, weightDecay: 0.1 }, 0, 1, 1);
      expect(path[0], name).toBeLessThan(1);
    }
  });

  it('plain SGD ignores the momentum field', () => {
    const { path } = constantGradientPath('sgd', { ...base, momentum: 0.9 }, 1, 3);
    [-0.1, -0.2, -0.3].forEach((w, k) => expect(path[k]).toBeCloseTo(w, 6));
  });
});

describe('live changes, state keying and memory', () => {
  it('lr and momentum changed between steps apply at the next step', () => {
    const w = tf.variable(tf.scalar(0));
    const opt = createOptimizer('momentum', { lr: 0.1, momentum: 0.9, weightDecay: 0 }, [w]);
    const g = tf.scalar(1);
    opt.step([w], [g]); // buf = 1, w = −0.1
    opt.config.momentum = 0; // buf = 0·1 + 1 = 1
    opt.config.lr = 1;
    opt.step([w], [g]);
    expect(w.dataSync()[0]).toBeCloseTo(-1.1, 6);
    opt.config = { ...opt.config, momentum: 0.5 }; // replacing the object works too: buf = 0.5 + 1
    opt.step([w], [g]);
    expect(w.dataSync()[0]).toBeCloseTo(-2.6, 6);
    expect(opt.t).toBe(3);
    g.dispose();
    opt.dispose();
    w.dispose();
  });

  it('switching optimizer keeps the weights; the new one starts with fresh state', () => {
    const w = tf.variable(tf.tensor1d([1, 2]));
    const g = tf.tensor1d([1, 1]);
    const sgd = createOptimizer('sgd', base, [w]);
    sgd.step([w], [g]);
    sgd.dispose();
    const adam = createOptimizer('adam', base, [w]);
    expect(Array.from(w.dataSync())).toEqual([Math.fround(0.9), Math.fround(1.9)]);
    adam.step([w], [g]);
    const after = Array.from(w.dataSync());
    expect(after[0]).toBeCloseTo(0.8, 6);
    expect(after[1]).toBeCloseTo(1.8, 6);
    adam.dispose();
    g.dispose();
    w.dispose();
  });

  it('state is per parameter in list order; a missing gradient leaves that parameter and its state alone', () => {
    const a = tf.variable(tf.tensor1d([0, 0]));
    const b = tf.variable(tf.tensor2d([[0, 0, 0]]));
    const opt = createOptimizer('adam', base, [a, b]);
    const gb = tf.tensor2d([[1, 2, 3]]);
    opt.step([a, b], [null, gb]);
    const st = opt.state();
    expect(Array.from(st.m![0]!)).toEqual([0, 0]);
    expect(Array.from(st.m![1]!).map((x) => +x.toFixed(6))).toEqual([0.1, 0.2, 0.3]);
    expect(Array.from(a.dataSync())).toEqual([0, 0]);
    // b's own step count is 1 though t = 2: its second step is bias-corrected with t = 2, a's first with t = 1.
    const ga = tf.tensor1d([5, -5]);
    opt.step([a, b], [ga, gb]);
    const aNow = Array.from(a.dataSync());
    expect(aNow[0]).toBeCloseTo(-0.1, 6);
    expect(aNow[1]).toBeCloseTo(0.1, 6);
    expect(() => opt.step([b, a], [gb, ga])).toThrow(/same variables/);
    expect(() => opt.step([a, b], [gb, ga])).toThrow(/shape/);
    [ga, gb].forEach((t) => t.dispose());
    opt.dispose();
    a.dispose();
    b.dispose();
  });

  it('rejects out-of-range hyperparameters', () => {
    const w = tf.variable(tf.scalar(0));
    expect(() => createOptimizer('momentum', { ...base, momentum: 1 }, [w])).toThrow(RangeError);
    const opt = createOptimizer('sgd', base, [w]);
    opt.config.lr = Number.NaN;
    const g = tf.scalar(1);
    expect(() => opt.step([w], [g])).toThrow(RangeError);
    expect(w.dataSync()[0]).toBe(0);
    g.dispose();
    opt.dispose();
    w.dispose();
  });

  it.each(['sgd', 'momentum', 'rmsprop', 'adam'] as const)('%s: tf.memory().numTensors is flat over steps', (name) => {
    const W = tf.variable(tf.randomNormal([4, 3], 0, 1, 'float32', 1));
    const bias = tf.variable(tf.zeros([3]));
    const x = tf.randomNormal([8, 4], 0, 1, 'float32', 2);
    const params = [W, bias];
    const opt = createOptimizer(name, { ...base, momentum: 0.9, weightDecay: 0.01 }, params);
    const lossOf = () => tf.mean(tf.square(tf.add(tf.matMul(x, W), bias))) as tf.Scalar;
    // Gradients of L = mean(r²), r = xW + b [8,3], written out (no gradient registry needed here):
    // ∂L/∂W = 2/(8·3)·xᵀr, ∂L/∂b = 2/(8·3)·Σ_rows r.
    const trainStep = () => {
      const grads = tf.tidy(() => {
        const r = tf.add(tf.matMul(x, W), bias);
        return [tf.mul(tf.matMul(x, r, true, false), 2 / 24), tf.mul(tf.sum(r, 0), 2 / 24)];
      });
      opt.step(params, grads);
      tf.dispose(grads);
    };
    trainStep(); // first step may lazily allocate
    const before = tf.memory().numTensors;
    const loss0 = tf.tidy(() => lossOf().dataSync()[0]!);
    for (let k = 0; k < 20; k++) trainStep();
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.tidy(() => lossOf().dataSync()[0]!)).toBeLessThan(loss0);
    opt.dispose();
    const afterDispose = tf.memory().numTensors;
    expect(afterDispose).toBe(before - (name === 'sgd' ? 0 : name === 'adam' ? 4 : 2));
    tf.dispose([W, bias, x]);
  });
});
