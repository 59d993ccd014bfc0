/**
 * ch01-01 · Chapter01_01Tensor (no training): tensors, slicing and autograd. One example at a time, chosen with
 * the `example` control; every value shown is computed with tfjs ops on the engine's backend, and every
 * derivative with tf.grad / tf.grads (the course's `backward()`), never by a hand-written formula.
 *
 * Catalogue check values (lessons.md ch01-01), reproduced by ch01-01.test.ts:
 *  - [−1, 1, 2] viewed as 3×1; y = x² at x = 2 → dy/dx = 4;
 *  - linspace(−5, 5, 3) = [−5, 0, 5]; sin over 100 points of [0, 2π]; u = (1, 0), v = (0, 1), u + v = (1, 1);
 *  - mask on −2…2 step 0.5 (8 values); [[11,12,13],[21,22,23],[31,32,33]]: shape 3×3, 9 elements, rank 2,
 *    [1:3][0][0] = 21; [[1,2],[3,4]] / [[2,2],[2,2]] = [[0.5,1],[1.5,2]]; their matrix product [[6,6],[14,14]];
 *    [1,2,3,4]·[2,2,2,2] = 20;
 *  - slice explorer: t's grid outlines the rows t[start:stop] keeps (its `y2` mask), the slice's grid and a second
 *    copy of t outline the element t[start:stop][row][col];
 *  - f = uv + u² at (1, 2): ∂f/∂u = 4, ∂f/∂v = 1 (drawn as its computation graph, autogradGraph.ts);
 *    r = Σ(x² + x³) at [1, 2]: [5, 16], [2, 4] with x³ detached;
 *    Σx² on linspace(−10, 10, 10): gradient 2x; y = 2x doubled until ‖y‖ ≥ 1000 at x = [−1, 0, 1], backward
 *    with v = [0.1, 1, 0.0001]: [102.4, 1024, 0.1024].
 */
import { field, type DemoPanel, type Field, type OptionsOf } from '@gradcast/shared';
import type { Scalar, Tensor } from '@tensorflow/tfjs-core';
import { graphPanel, runAutogradGraph } from '../autogradGraph.ts';
import { fmt, fmtList, linspace, rowsField, tensorField, valuesField } from '../demoKit.ts';
import type { DemoView, Tf } from '../types.ts';
import { demoLesson } from '../join.ts';
import { info } from './info.ts';

/** The course's 3×3 matrix for shape, rank and slicing. */
const MATRIX = [
  [11, 12, 13],
  [21, 22, 23],
  [31, 32, 33],
];

/** The option values the examples read (x, u, v, the slice, the mask's threshold). */
type Ctl = OptionsOf<typeof info.options>;

/** Stops the gradient through a value (PyTorch's `.detach()`): forward is the identity, backward is zero. */
function detach(tf: Tf, t: Tensor): Tensor {
  const op = tf.customGrad((x) => ({ value: tf.clone(x as Tensor), gradFunc: (dy: Tensor) => tf.zerosLike(dy) }));
  return op(t);
}

const read = (t: Tensor): number[] => Array.from(t.dataSync() as ArrayLike<number>);

function reshapeExample(tf: Tf): DemoView {
  // torch.tensor([−1, 1, 2]) is an integer tensor; .view(3, 1) makes the column.
  const a = tf.tensor1d([-1, 1, 2], 'int32');
  const col = tf.reshape(a, [3, 1]);
  const f = tf.cast(a, 'float32');
  const mean = tf.mean(f);
  const max = tf.max(f);
  const sin = read(tf.sin(f));
  return {
    fields: {
      a: tensorField(a, [1, 3]),
      column: tensorField(col),
      conversions: rowsField(read(f).map((v, i) => [v, sin[i]!])),
    },
    layout: [
      { kind: 'grid', title: 'a = tensor([−1, 1, 2]), shape [3]', field: 'a', group: 'view', scale: 'diverging' },
      { kind: 'grid', title: 'a.view(3, 1), shape [3, 1]', field: 'column', group: 'view', scale: 'diverging' },
      {
        kind: 'text',
        title: 'Shape and rank',
        group: 'view',
        text: `a: dtype ${a.dtype} (int64 in PyTorch), shape [${a.shape}], rank ${a.rank}, ${a.size} elements. ` +
          `a.view(3, 1): shape [${col.shape}], rank ${col.rank}: the same 3 values, read as a column.`,
      },
      { kind: 'table', title: 'a as float, and sin(a)', field: 'conversions', columns: ['float(a)', 'sin(a)'] },
      { kind: 'text', title: 'Reductions', text: `mean(float(a)) = ${fmt(read(mean)[0]!)}, max(a) = ${fmt(read(max)[0]!)}` },
    ],
  };
}

function sliceExample(tf: Tf, c: Ctl): DemoView {
  const t = tf.tensor2d(MATRIX);
  const start = Math.min(c.start, c.stop);
  const slice = tf.slice(t, [start, 0], [Math.max(0, c.stop - start), 3]);
  const rows = slice.shape[0];
  const inRange = c.row < rows;
  const element = inRange ? read(tf.slice(slice, [c.row, c.col], [1, 1]))[0]! : NaN;
  const expr = `t[${c.start}:${c.stop}][${c.row}][${c.col}]`;
  const fields: Record<string, Field> = { t: tensorField(t) };
  // Index highlighting: t's grid outlines the rows t[start:stop] keeps (and, in a second copy, the element
  // [row][col] picks); the slice's grid outlines that element in the slice.
  const sliceMask = new Float32Array(9);
  for (let r = start; r < start + rows; r++) sliceMask.fill(1, r * 3, r * 3 + 3);
  const layout: DemoPanel[] = [
    {
      kind: 'grid',
      title: rows > 0 ? `t, shape [3, 3]: t[${c.start}:${c.stop}] outlined` : 't, shape [3, 3]',
      field: 't',
      ...(rows > 0 ? { y2: 't.slice' } : {}),
      group: 'slicing',
      scale: 'sequential',
    },
  ];
  if (rows > 0) {
    fields['t.slice'] = field('f32', sliceMask, [3, 3]);
    fields.slice = tensorField(slice);
    const sliceTitle = `t[${c.start}:${c.stop}], shape [${slice.shape}]`;
    if (inRange) {
      const elementMask = new Float32Array(9);
      elementMask[(start + c.row) * 3 + c.col] = 1;
      const inSlice = new Float32Array(rows * 3);
      inSlice[c.row * 3 + c.col] = 1;
      fields['t.element'] = field('f32', elementMask, [3, 3]);
      fields['slice.element'] = field('f32', inSlice, [rows, 3]);
      layout.push(
        { kind: 'grid', title: `${sliceTitle}: [${c.row}][${c.col}] outlined`, field: 'slice', y2: 'slice.element', group: 'slicing', scale: 'sequential' },
        { kind: 'grid', title: `t: ${expr} is t[${start + c.row}][${c.col}]`, field: 't', y2: 't.element', group: 'slicing', scale: 'sequential' },
      );
    } else {
      layout.push({ kind: 'grid', title: sliceTitle, field: 'slice', group: 'slicing', scale: 'sequential' });
    }
  }
  layout.push(
    {
      kind: 'text',
      title: 'Result',
      group: 'slicing',
      text:
        rows === 0
          ? `t[${c.start}:${c.stop}] is empty (start ≥ stop): it has shape [0, 3].`
          : inRange
            ? `${expr} = ${fmt(element)}: the slice keeps rows ${start}…${c.stop - 1}; [${c.row}] is its row ${c.row} ` +
              `(row ${start + c.row} of t), [${c.col}] the element in column ${c.col}.`
            : `${expr}: index ${c.row} is out of range for a slice of ${rows} row${rows === 1 ? '' : 's'} (PyTorch raises IndexError).`,
    },
    { kind: 'text', title: 'Shape, size and rank', text: `t.shape = [${t.shape}], t.numel() = ${t.size}, t.ndimension() = ${t.rank}` },
  );
  return { fields, layout };
}

function productsExample(tf: Tf): DemoView {
  const A = tf.tensor2d([[1, 2], [3, 4]]);
  const B = tf.tensor2d([[2, 2], [2, 2]]);
  const a = tf.tensor1d([1, 2, 3, 4]);
  const b = tf.tensor1d([2, 2, 2, 2]);
  const dot = tf.dot(a, b);
  return {
    fields: {
      A: tensorField(A),
      B: tensorField(B),
      quotient: tensorField(tf.div(A, B)),
      product: tensorField(tf.matMul(A, B)),
      a: tensorField(a, [1, 4]),
      b: tensorField(b, [1, 4]),
    },
    layout: [
      { kind: 'grid', title: 'A', field: 'A', group: 'element-wise A / B', scale: 'sequential' },
      { kind: 'grid', title: 'B', field: 'B', group: 'element-wise A / B', scale: 'sequential' },
      { kind: 'grid', title: 'A / B (each element by its counterpart)', field: 'quotient', group: 'element-wise A / B', scale: 'sequential' },
      { kind: 'grid', title: 'A', field: 'A', group: 'matrix product A @ B', scale: 'sequential' },
      { kind: 'grid', title: 'B', field: 'B', group: 'matrix product A @ B', scale: 'sequential' },
      { kind: 'grid', title: 'A @ B (row · column)', field: 'product', group: 'matrix product A @ B', scale: 'sequential' },
      { kind: 'grid', title: 'a', field: 'a', group: 'dot product', scale: 'sequential' },
      { kind: 'grid', title: 'b', field: 'b', group: 'dot product', scale: 'sequential' },
      { kind: 'text', title: 'a · b', group: 'dot product', text: `a · b = Σ aᵢbᵢ = ${fmt(read(dot)[0]!)}` },
    ],
  };
}

function vectorsExample(tf: Tf): DemoView {
  const u = tf.tensor1d([1, 0]);
  const v = tf.tensor1d([0, 1]);
  const sum = tf.add(u, v);
  const [s0, s1] = read(sum) as [number, number];
  // Rows (x0, y0, x1, y1): u and v from the origin, u + v from the origin, and v drawn from u's tip.
  const arrows = [
    [0, 0, ...read(u)],
    [0, 0, ...read(v)],
    [0, 0, s0, s1],
    [...read(u), s0, s1],
  ];
  return {
    fields: { arrows: rowsField(arrows) },
    layout: [
      { kind: 'vectors', title: 'u, v, u + v (and v from the tip of u)', field: 'arrows' },
      { kind: 'text', title: 'Sum', text: `u = ${fmtList(read(u))}, v = ${fmtList(read(v))}, u + v = ${fmtList(read(sum))}` },
    ],
  };
}

function linspaceExample(tf: Tf): DemoView {
  const three = tf.linspace(-5, 5, 3);
  const x = tf.linspace(0, 2 * Math.PI, 100);
  return {
    fields: { three: tensorField(three, [1, 3]), x: tensorField(x), 'sin(x)': tensorField(tf.sin(x)) },
    layout: [
      { kind: 'grid', title: 'linspace(−5, 5, steps=3)', field: 'three', scale: 'diverging' },
      { kind: 'series', title: 'sin(x) on linspace(0, 2π, 100)', field: 'sin(x)', x: 'x' },
    ],
  };
}

function maskExample(tf: Tf, c: Ctl): DemoView {
  // torch.arange(−2, 2, 0.5): 8 values, 2 excluded. The catalogue does not say what the course assigns through the
  // mask; we show y[x < t] = 0 (a ReLU at t = 0), with t a control.
  const x = tf.tensor1d(Array.from({ length: 8 }, (_, i) => -2 + 0.5 * i));
  const mask = tf.less(x, c.threshold);
  const y = tf.where(mask, tf.zerosLike(x), x);
  const xs = read(x);
  const ms = read(mask);
  const ys = read(y);
  return {
    fields: { mask: rowsField(xs.map((v, i) => [v, ms[i]!, ys[i]!])) },
    layout: [
      { kind: 'table', title: `x = arange(−2, 2, 0.5); y = x.clone(); y[x < ${fmt(c.threshold)}] = 0`, field: 'mask', columns: ['x', `x < ${fmt(c.threshold)}`, 'y'] },
      { kind: 'text', title: 'Mask', text: `${ms.filter(Boolean).length} of ${xs.length} entries are selected by the mask and set to 0.` },
    ],
  };
}

function squareExample(tf: Tf, c: Ctl): DemoView {
  const f = (x: Tensor): Tensor => tf.square(x);
  // y = x² at the control's x: the course's `x = tensor(2., requires_grad=True); y = x**2; y.backward()`.
  const x0 = tf.scalar(c.x);
  const y0 = read(f(x0))[0]!;
  const g0 = read(tf.grad(f)(x0))[0]!;
  // The curve and its derivative on a grid: grad of Σx² is 2x element by element.
  const xs = tf.tensor1d(linspace(-5, 5, 101));
  const ys = f(xs);
  const dys = tf.grad((x: Tensor) => tf.sum(f(x)))(xs);
  const tangent = tf.add(y0, tf.mul(g0, tf.sub(xs, c.x)));
  const graph = graphPanel(
    runAutogradGraph(tf, [{ name: 'x', value: c.x }], [{ label: 'square', inputs: [0], fn: (a) => f(a!) }], 'y'),
    'graph',
    `y = x² at x = ${fmt(c.x)}: value forward (→), dy/d· backward (←)`,
  );
  return {
    fields: {
      ...graph.fields,
      x: tensorField(xs),
      y: tensorField(ys),
      'dy/dx': tensorField(dys),
      [`tangent at x = ${fmt(c.x)}`]: tensorField(tangent),
      point: rowsField([[c.x, y0, g0]]),
    },
    layout: [
      { kind: 'table', title: 'y.backward() at the chosen x', field: 'point', columns: ['x', 'y = x²', 'x.grad = dy/dx'] },
      graph.panel,
      { kind: 'series', title: 'y = x² and its derivative dy/dx = 2x', field: 'y', x: 'x', y2: 'dy/dx', group: 'function and derivative' },
      { kind: 'series', title: `y = x² and its tangent at x = ${fmt(c.x)} (slope ${fmt(g0)})`, field: 'y', x: 'x', y2: `tangent at x = ${fmt(c.x)}`, group: 'function and derivative' },
    ],
  };
}

function uvExample(tf: Tf, c: Ctl): DemoView {
  const f = (u: Tensor, v: Tensor): Tensor => tf.add(tf.mul(u, v), tf.square(u));
  // The graph backward() walks: u and v feed ×, u feeds square, + adds the two; every number on it from tfjs.
  const g = runAutogradGraph(
    tf,
    [
      { name: 'u', value: c.u },
      { name: 'v', value: c.v },
    ],
    [
      { label: '×', inputs: [0, 1], fn: (a, b) => tf.mul(a!, b!) },
      { label: 'square', inputs: [0], fn: (a) => tf.square(a!) },
      { label: '+', inputs: [2, 3], fn: (a, b) => tf.add(a!, b!) },
    ],
    'f',
  );
  const graph = graphPanel(g, 'graph', `f = u·v + u² at u = ${fmt(c.u)}, v = ${fmt(c.v)}: values forward (→), ∂f/∂· backward (←)`);
  const [du, dv] = [g.grads[0]!, g.grads[1]!];
  // f and ∂f/∂u as functions of u, v held at the control's value.
  const v = tf.scalar(c.v);
  const us = tf.tensor1d(linspace(-3, 3, 61));
  const fu = f(us, v);
  const dfu = tf.grad((s: Tensor) => tf.sum(f(s, v)))(us);
  return {
    fields: { ...graph.fields, u: tensorField(us), f: tensorField(fu), 'df/du': tensorField(dfu) },
    layout: [
      graph.panel,
      {
        kind: 'text',
        title: 'Chain rule',
        text:
          `u feeds two nodes, so backward() adds what comes back along both edges: ∂f/∂u = v (through u·v) + 2u ` +
          `(through u²) = ${fmt(g.edgeGrads[0]!)} + ${fmt(g.edgeGrads[2]!)} = ${fmt(du)}; ∂f/∂v = u = ${fmt(dv)}.`,
      },
      { kind: 'series', title: `f and ∂f/∂u along u, with v = ${fmt(c.v)}`, field: 'f', x: 'u', y2: 'df/du' },
    ],
  };
}

function rExample(tf: Tf, c: Ctl): DemoView {
  const x = tf.tensor1d([c.u, c.v]);
  const r = (t: Tensor): Scalar => tf.sum(tf.add(tf.square(t), tf.pow(t, 3)));
  const rDetached = (t: Tensor): Scalar => tf.sum(tf.add(tf.square(t), detach(tf, tf.pow(t, 3))));
  const g = read(tf.grad(r)(x));
  const gd = read(tf.grad(rDetached)(x));
  const xs = read(x);
  return {
    fields: { r: rowsField(xs.map((v, i) => [v, v * v, v ** 3, g[i]!, gd[i]!])) },
    layout: [
      { kind: 'table', title: `r = Σ(x² + x³) at x = ${fmtList(xs)} (x = [u, v])`, field: 'r', columns: ['x', 'x²', 'x³', '∂r/∂x', '∂r/∂x, x³ detached'] },
      {
        kind: 'text',
        title: 'Detaching',
        text: `r = ${fmt(read(r(x))[0]!)}. backward() gives 2x + 3x² = ${fmtList(g)}; with x³.detach() the cube is a constant ` +
          `for autograd, so only 2x = ${fmtList(gd)} remains (the value of r is unchanged).`,
      },
    ],
  };
}

function sumSquaresExample(tf: Tf): DemoView {
  const x = tf.linspace(-10, 10, 10);
  const y = tf.square(x);
  const g = tf.grad((t: Tensor) => tf.sum(tf.square(t)))(x);
  const [ys, gs] = [read(y), read(g)];
  return {
    fields: { x: tensorField(x), 'y = x²': tensorField(y), 'x.grad': tensorField(g), values: rowsField(read(x).map((v, i) => [v, ys[i]!, gs[i]!])) },
    layout: [
      { kind: 'series', title: 'y = x² and x.grad after Σy.backward() (= 2x), on linspace(−10, 10, 10)', field: 'y = x²', x: 'x', y2: 'x.grad' },
      { kind: 'table', title: 'The 10 points', field: 'values', columns: ['x', 'x²', 'x.grad'] },
    ],
  };
}

function vjpExample(tf: Tf): DemoView {
  const x = tf.tensor1d([-1, 0, 1]);
  const v = tf.tensor1d([0.1, 1, 0.0001]);
  let doublings = 0;
  const norms: number[] = [];
  // y = 2x, then doubled while ‖y‖ < 1000. The loop reads ‖y‖ eagerly, as the course's Python loop does.
  const chain = (t: Tensor): Tensor => {
    let y = tf.mul(t, 2);
    norms.push(read(tf.norm(y))[0]!);
    while (norms[norms.length - 1]! < 1000) {
      y = tf.mul(y, 2);
      doublings++;
      norms.push(read(tf.norm(y))[0]!);
    }
    return y;
  };
  // y is a vector, so backward needs the vector v: x.grad = Jᵀv, and J = 1024·I here.
  const g = tf.grad(chain)(x, v);
  const y = read(tf.mul(x, 2 ** (doublings + 1)));
  const xs = read(x);
  const vs = read(v);
  const gs = read(g);
  return {
    fields: { vjp: rowsField(xs.map((xi, i) => [xi, y[i]!, vs[i]!, gs[i]!])), norms: valuesField(norms) },
    layout: [
      { kind: 'table', title: 'y = 2x doubled until ‖y‖ ≥ 1000, then y.backward(v)', field: 'vjp', columns: ['x', 'y', 'v', 'x.grad'] },
      {
        kind: 'text',
        title: 'Vector-Jacobian product',
        text: `y = 2x was doubled ${doublings} times (‖y‖: ${norms.map(fmt).join(' → ')}), so y = ${fmt(2 ** (doublings + 1))}·x and its ` +
          `Jacobian is ${fmt(2 ** (doublings + 1))}·I. A vector output needs a vector v for backward(): x.grad = Jᵀv = ${fmtList(gs)}.`,
      },
    ],
  };
}

export const ch01_01 = demoLesson(info, {
  compute(c, { tf }) {
    const { example } = c;
    switch (example) {
      case 'reshape a vector':
        return reshapeExample(tf);
      case 'matrix: shape and slicing':
        return sliceExample(tf, c);
      case 'element-wise, matrix and dot products':
        return productsExample(tf);
      case '2-D vectors: u + v':
        return vectorsExample(tf);
      case 'linspace and sin':
        return linspaceExample(tf);
      case 'boolean mask':
        return maskExample(tf, c);
      case 'y = x² and dy/dx':
        return squareExample(tf, c);
      case 'f = uv + u²':
        return uvExample(tf, c);
      case 'r = Σ(x² + x³), x³ detached':
        return rExample(tf, c);
      case 'Σx² on linspace(−10, 10, 10)':
        return sumSquaresExample(tf);
      case 'vector-Jacobian product':
        return vjpExample(tf);
      default:
        throw new RangeError(`ch01-01: unknown example '${String(example)}'`);
    }
  },
});
