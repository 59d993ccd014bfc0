import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Arg,
  createRng,
  type Rng,
  fdErr,
  finiteDiff,
  gradsOf,
  leaks,
  randn,
  relErr,
  sampleCoords,
  useCpu,
  useWasm,
} from './testKit.ts';

interface MatCase {
  name: string;
  args: Arg[];
  r: Float32Array;
  f: (...xs: tf.Tensor[]) => tf.Tensor;
  /** The cpu reference when it differs from f (see the two-sided broadcast case). */
  ref?: (...xs: tf.Tensor[]) => tf.Tensor;
  /** tfjs-core's matMul gradient does not reduce broadcast batch dims: forward only. */
  grads: boolean;
}

type Spec = [string, number[], number[], boolean, boolean];

/** [label, a shape before transposition, b shape before transposition, transposeA, transposeB]. */
const PLAIN: Spec[] = [];
for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]] as const) {
  PLAIN.push([`2-D`, [5, 7], [7, 3], ta, tb]);
  PLAIN.push([`3-D same batch`, [3, 5, 7], [3, 7, 4], ta, tb]);
  PLAIN.push([`3-D a, 2-D b (batch folds into rows)`, [3, 5, 7], [7, 4], ta, tb]);
  PLAIN.push([`2-D a, 3-D b (loop)`, [5, 7], [3, 7, 4], ta, tb]);
}
PLAIN.push(['MLP layer [64,784]·[784,100]', [64, 784], [784, 100], false, false]);
PLAIN.push(['4-D same batch', [2, 3, 4, 5], [2, 3, 5, 6], false, true]);
PLAIN.push(['4-D broadcast batch', [2, 3, 3, 4], [1, 3, 4, 5], true, false]);
PLAIN.push(['4-D a, 2-D b', [2, 3, 4, 5], [5, 6], false, false]);

/** Seeded random products: sizes 1–9, batch rank 0–2 (same batch on both sides), any transposes. */
function randomSpecs(rng: Rng, count: number): Spec[] {
  return Array.from({ length: count }, (_, i): Spec => {
    const [m, k, n] = [1 + rng.int(9), 1 + rng.int(9), 1 + rng.int(9)];
    const batch = Array.from({ length: rng.int(3) }, () => 1 + rng.int(3));
    return [`random #${i}`, [...batch, m, k], [...batch, k, n], rng.uniform() < 0.5, rng.uniform() < 0.5];
  });
}

/** Shape as passed to matMul: the last two axes swapped when the operand is transposed. */
const stored = (shape: number[], t: boolean) => (t ? [...shape.slice(0, -2), shape.at(-1)!, shape.at(-2)!] : shape);

function matCases(seed = 784): MatCase[] {
  const rng = createRng(seed);
  const cases: MatCase[] = [...PLAIN, ...randomSpecs(rng, 6)].map(([label, as, bs, ta, tb]) => {
    const out = [...tf.broadcast_util.assertAndGetBroadcastShape(as.slice(0, -2), bs.slice(0, -2)), as.at(-2)!, bs.at(-1)!];
    const [sa, sb] = [stored(as, ta), stored(bs, tb)];
    return {
      name: `matMul ${label}: a[${sa}] b[${sb}] tA=${ta} tB=${tb}`,
      args: [
        { values: randn(rng, sa), shape: sa },
        { values: randn(rng, sb), shape: sb },
      ],
      r: randn(rng, out),
      f: (a: tf.Tensor, b: tf.Tensor) => tf.matMul(a, b, ta, tb),
      grads: tf.util.arraysEqual(as.slice(0, -2), bs.slice(0, -2)),
    };
  });
  // Batch [2,1] against [1,3]: cpu's kernel broadcasts by flat index modulo (3 batches instead of 6), so
  // its reference here is the product of explicitly tiled operands.
  const [a2, b2] = [randn(rng, [2, 1, 4, 3]), randn(rng, [1, 3, 4, 5])];
  cases.push({
    name: 'matMul 4-D two-sided broadcast: a[2,1,4,3] b[1,3,4,5] tA=true tB=false',
    args: [
      { values: a2, shape: [2, 1, 4, 3] },
      { values: b2, shape: [1, 3, 4, 5] },
    ],
    r: randn(rng, [2, 3, 3, 5]),
    f: (a: tf.Tensor, b: tf.Tensor) => tf.matMul(a, b, true, false),
    ref: (a: tf.Tensor, b: tf.Tensor) => tf.matMul(tf.tile(a, [1, 3, 1, 1]), tf.tile(b, [2, 1, 1, 1]), true, false),
    grads: false,
  });
  const fused: Array<[string, number[], number[], boolean, boolean, tf.fused.Activation]> = [
    ['2-D relu', [6, 7], [7, 3], false, false, 'relu'],
    ['2-D linear, transposeB', [6, 7], [7, 3], false, true, 'linear'],
    ['2-D relu, transposeA', [6, 7], [7, 3], true, false, 'relu'],
    ['2-D leakyrelu, both transposed', [6, 7], [7, 3], true, true, 'leakyrelu'],
    ['3-D a, 2-D b relu', [3, 6, 7], [7, 3], false, false, 'relu'],
    ['3-D same batch elu, transposeB', [3, 6, 7], [3, 7, 3], false, true, 'elu'],
  ];
  for (const [label, as, bs, ta, tb, activation] of fused) {
    const out = [...tf.broadcast_util.assertAndGetBroadcastShape(as.slice(0, -2), bs.slice(0, -2)), as.at(-2)!, bs.at(-1)!];
    const [sa, sb] = [stored(as, ta), stored(bs, tb)];
    const n = bs.at(-1)!;
    cases.push({
      name: `fused.matMul ${label}: a[${sa}] b[${sb}] tA=${ta} tB=${tb}`,
      args: [
        { values: randn(rng, sa), shape: sa },
        { values: randn(rng, sb), shape: sb },
        { values: randn(rng, [n]), shape: [n] },
      ],
      r: randn(rng, out),
      f: (a: tf.Tensor, b: tf.Tensor, bias: tf.Tensor) =>
        tf.fused.matMul({ a, b, bias, transposeA: ta, transposeB: tb, activation, leakyreluAlpha: 0.1 }),
      grads: tf.util.arraysEqual(as.slice(0, -2), bs.slice(0, -2)),
    });
  }
  return cases;
}

describe('BatchMatMul / _FusedMatMul fill-ins (explicit transposes + XNNPACK)', () => {
  const cases = matCases();
  const cpu: Array<{ value: Float32Array; grads: Float32Array[] }> = [];
  const fd: Array<Array<{ coords: number[]; values: number[] }>> = [];

  beforeAll(async () => {
    await useCpu();
    cases.forEach((c, i) => {
      const f = c.ref ?? c.f;
      const ref = c.grads ? gradsOf(f, c.args, c.r) : gradsOf(f, c.args, c.r, []);
      cpu.push(ref);
      // matMul is bilinear: central differences in a or b are exact up to float32 rounding.
      fd.push(
        [0, 1].map((which) => {
          const coords = c.grads ? sampleCoords(createRng(i * 2 + which), c.args[which]!.values.length, 6) : [];
          return { coords, values: finiteDiff(f, c.args, c.r, which, coords, 1e-2) };
        }),
      );
    });
    await useWasm();
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const c = cases[i]!;
    const wasm = c.grads ? gradsOf(c.f, c.args, c.r) : gradsOf(c.f, c.args, c.r, []);
    expect(wasm.value.length).toBe(cpu[i]!.value.length);
    expect(relErr(wasm.value, cpu[i]!.value), 'value vs cpu').toBeLessThan(1e-5);
    wasm.grads.forEach((g, k) => expect(relErr(g, cpu[i]!.grads[k]!), `grad ${k} vs cpu`).toBeLessThan(1e-5));
    if (c.grads) {
      fd[i]!.forEach(({ coords, values }, which) =>
        expect(fdErr(values, wasm.grads[which]!, coords), `grad ${which} vs FD`).toBeLessThan(2e-3),
      );
    }
  });

  it('leaks no tensor and no wasm buffer', () => {
    expect(tf.getBackend()).toBe('wasm');
    for (const i of [1, 4, 6, 7, cases.length - 6, cases.length - 1]) {
      const c = cases[i]!;
      expect(leaks(() => void gradsOf(c.f, c.args, c.r, c.grads ? undefined : [])), c.name).toEqual({ tensors: 0, dataIds: 0 });
    }
  });

  it('one buffer used as b under two shapes (a reshape) gives both products right', () => {
    // XNNPACK caches packed weights by buffer id, not shape (xnnWeights in batchMatMul.ts).
    const w = [0.5, -1, 2, 3, -0.25, 1.5, 4];
    const got = tf.tidy(() => {
      const col = tf.tensor2d(w, [7, 1]);
      const first = tf.matMul(tf.ones([3, 7]), col); // packs the buffer as [7, 1]
      const second = tf.matMul(tf.ones([2, 1]), tf.reshape(col, [1, 7])); // same buffer as [1, 7]
      return [Array.from(first.dataSync()), Array.from(second.dataSync())];
    });
    const sum = w.reduce((a, b) => a + b, 0);
    expect(got[0]).toEqual([sum, sum, sum]);
    expect(got[1]).toEqual([...w, ...w]);
  });
});
