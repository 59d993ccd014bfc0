import '@tensorflow/tfjs-backend-cpu';
import '../../backend/gradients.ts';
import * as tf from '@tensorflow/tfjs-core';
import { validateOptionValues } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { DemoSession } from '../../demo/demoSession.ts';
import { CH01_01_EXAMPLES } from './info.ts';
import { ch01_01 } from './model.ts';
import { fieldRows } from '../demoKit.ts';
import type { DemoView } from '../types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults = Object.fromEntries(ch01_01.info.options.map((c) => [c.name, c.default]));
const view = (values: Record<string, unknown>): DemoView => ch01_01.compute({ ...defaults, ...values } as never, { tf, seed: 1 });
const rows = (v: DemoView, name: string): number[][] => fieldRows(v.fields[name]!);
const close = (actual: number[][], expected: number[][]) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((r, i) => r.forEach((a, j) => expect(a).toBeCloseTo(expected[i]![j]!, 4)));
};
const text = (v: DemoView, title: string): string => v.layout.find((p) => p.title === title)?.text ?? '';

describe('ch01-01 tensors and autograd demo (catalogue check values)', () => {
  it('[−1, 1, 2] viewed as a 3×1 column', () => {
    const v = view({ example: 'reshape a vector' });
    expect(v.fields.column!.dims).toEqual([3, 1]);
    expect(rows(v, 'column')).toEqual([[-1], [1], [2]]);
    expect(text(v, 'Shape and rank')).toContain('rank 2');
  });

  it('y = x² at x = 2: dy/dx = 4; the plotted derivative is 2x', () => {
    const v = view({ example: 'y = x² and dy/dx', x: 2 });
    expect(rows(v, 'point')).toEqual([[2, 4, 4]]);
    const xs = rows(v, 'x')[0]!;
    rows(v, 'dy/dx')[0]!.forEach((d, i) => expect(d).toBeCloseTo(2 * xs[i]!, 5));
    expect(rows(view({ x: -1.5 }), 'point')).toEqual([[-1.5, 2.25, -3]]);
    // Its graph x → square → y: (value, dy/d·) per node and per edge.
    expect(rows(v, 'graph')).toEqual([[2, 4], [4, 1], [4, 1]]);
    expect(rows(v, 'graph.edges')).toEqual([[2, 4], [4, 1]]);
  });

  it('linspace(−5, 5, 3) = [−5, 0, 5]; sin over 100 points of [0, 2π]', () => {
    const v = view({ example: 'linspace and sin' });
    expect(rows(v, 'three')).toEqual([[-5, 0, 5]]);
    const x = rows(v, 'x')[0]!;
    expect(x).toHaveLength(100);
    expect(x[0]).toBe(0);
    expect(x[99]).toBeCloseTo(2 * Math.PI, 5);
    expect(rows(v, 'sin(x)')[0]![25]).toBeCloseTo(Math.sin(x[25]!), 6);
  });

  it('u = (1, 0), v = (0, 1), u + v = (1, 1)', () => {
    const v = view({ example: '2-D vectors: u + v' });
    expect(rows(v, 'arrows').slice(0, 3)).toEqual([[0, 0, 1, 0], [0, 0, 0, 1], [0, 0, 1, 1]]);
  });

  it('boolean mask on −2…2 step 0.5 (8 values)', () => {
    const v = view({ example: 'boolean mask', threshold: 0 });
    const t = rows(v, 'mask');
    expect(t.map((r) => r[0])).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5]);
    expect(t.map((r) => r[2])).toEqual([0, 0, 0, 0, 0, 0.5, 1, 1.5]);
  });

  it('3×3 matrix: shape 3×3, 9 elements, rank 2, [1:3][0][0] = 21', () => {
    const v = view({ example: 'matrix: shape and slicing' });
    expect(text(v, 'Shape, size and rank')).toBe('t.shape = [3,3], t.numel() = 9, t.ndimension() = 2');
    expect(rows(v, 'slice')).toEqual([[21, 22, 23], [31, 32, 33]]);
    expect(text(v, 'Result')).toMatch(/^t\[1:3\]\[0\]\[0\] = 21:/);
    expect(text(view({ example: 'matrix: shape and slicing', start: 0, stop: 1, row: 1 }), 'Result')).toMatch(/out of range/);
    expect(view({ example: 'matrix: shape and slicing', start: 2, stop: 1 }).fields.slice).toBeUndefined();
  });

  it('slice explorer: t outlines the rows the slice keeps and the element it picks', () => {
    const slicing = (values: Record<string, unknown>) => view({ example: 'matrix: shape and slicing', ...values });
    const v = slicing({});
    // t[1:3]: rows 1 and 2; [0][0] is t[1][0] = 21.
    expect(v.layout[0]).toMatchObject({ kind: 'grid', field: 't', y2: 't.slice' });
    expect(rows(v, 't.slice')).toEqual([[0, 0, 0], [1, 1, 1], [1, 1, 1]]);
    expect(rows(v, 't.element')).toEqual([[0, 0, 0], [1, 0, 0], [0, 0, 0]]);
    expect(rows(v, 'slice.element')).toEqual([[1, 0, 0], [0, 0, 0]]);
    expect(v.layout.find((p) => p.field === 'slice')!.y2).toBe('slice.element');
    expect(v.layout.find((p) => p.y2 === 't.element')!.field).toBe('t');
    // t[0:2][1][2] is t[1][2] = 23.
    const w = slicing({ start: 0, stop: 2, row: 1, col: 2 });
    expect(rows(w, 't.slice')).toEqual([[1, 1, 1], [1, 1, 1], [0, 0, 0]]);
    expect(rows(w, 't.element')).toEqual([[0, 0, 0], [0, 0, 1], [0, 0, 0]]);
    expect(rows(w, 'slice.element')).toEqual([[0, 0, 0], [0, 0, 1]]);
    expect(text(w, 'Result')).toMatch(/^t\[0:2\]\[1\]\[2\] = 23:/);
    // t[2:3][0][1] is t[2][1] = 32.
    const one = slicing({ start: 2, stop: 3, row: 0, col: 1 });
    expect(rows(one, 't.slice')).toEqual([[0, 0, 0], [0, 0, 0], [1, 1, 1]]);
    expect(rows(one, 't.element')).toEqual([[0, 0, 0], [0, 0, 0], [0, 1, 0]]);
    // Out of range: the slice is outlined, no element; an empty slice outlines nothing.
    const out = slicing({ start: 0, stop: 1, row: 1 });
    expect(rows(out, 't.slice')).toEqual([[1, 1, 1], [0, 0, 0], [0, 0, 0]]);
    expect(out.fields['t.element']).toBeUndefined();
    expect(out.layout.some((p) => p.y2 === 't.element' || p.y2 === 'slice.element')).toBe(false);
    const empty = slicing({ start: 2, stop: 1 });
    expect(empty.fields['t.slice']).toBeUndefined();
    expect(empty.layout.some((p) => p.y2)).toBe(false);
    // Bad slice values are refused.
    const controls = ch01_01.info.options;
    expect(validateOptionValues({ start: 0, stop: 2, row: 1, col: 2 }, controls).ok).toBe(true);
    for (const bad of [{ stop: -1 }, { row: 3 }, { col: 1.5 }, { col: '1' }]) expect(validateOptionValues(bad, controls).ok, JSON.stringify(bad)).toBe(false);
  });

  it('element-wise quotient, matrix product and dot product', () => {
    const v = view({ example: 'element-wise, matrix and dot products' });
    expect(rows(v, 'quotient')).toEqual([[0.5, 1], [1.5, 2]]);
    expect(rows(v, 'product')).toEqual([[6, 6], [14, 14]]);
    expect(text(v, 'a · b')).toBe('a · b = Σ aᵢbᵢ = 20');
  });

  it('f = uv + u² at (1, 2): ∂f/∂u = 4, ∂f/∂v = 1', () => {
    const v = view({ example: 'f = uv + u²', u: 1, v: 2 });
    // The computation graph's nodes u, v, ×, square, +, f as rows (value, ∂f/∂node).
    const graph = v.layout.find((p) => p.kind === 'graph')!;
    expect(graph.names).toEqual(['u', 'v', '×', 'square', '+', 'f']);
    expect(rows(v, 'graph')).toEqual([[1, 4], [2, 1], [2, 1], [1, 1], [3, 1], [3, 1]]);
    // Edges (forward value, backward share): u gets 2 through u·v and 2 through u².
    expect(graph.edges).toEqual([[0, 2], [1, 2], [0, 3], [2, 4], [3, 4], [4, 5]]);
    expect(rows(v, 'graph.edges')).toEqual([[1, 2], [2, 1], [1, 2], [2, 1], [1, 1], [3, 1]]);
    expect(text(v, 'Chain rule')).toContain('= 2 + 2 = 4');
    // The u and v controls drive it: at (−1, 3), f = −3 + 1 = −2, ∂f/∂u = v + 2u = 1, ∂f/∂v = u = −1.
    expect(rows(view({ example: 'f = uv + u²', u: -1, v: 3 }), 'graph').map((r) => r[1])).toEqual([1, -1, 1, 1, 1, 1]);
    expect(rows(view({ example: 'f = uv + u²', u: -1, v: 3 }), 'graph')[5]![0]).toBe(-2);
  });

  it('r = Σ(x² + x³) at [1, 2]: gradient [5, 16], and [2, 4] with x³ detached', () => {
    const v = view({ example: 'r = Σ(x² + x³), x³ detached', u: 1, v: 2 });
    expect(rows(v, 'r')).toEqual([[1, 1, 1, 5, 2], [2, 4, 8, 16, 4]]);
  });

  it('Σx² over linspace(−10, 10, 10) has gradient 2x', () => {
    const t = rows(view({ example: 'Σx² on linspace(−10, 10, 10)' }), 'values');
    expect(t).toHaveLength(10);
    expect(t[0]![0]).toBe(-10);
    t.forEach(([x, y, g]) => {
      expect(y).toBeCloseTo(x! * x!, 4);
      expect(g).toBeCloseTo(2 * x!, 5);
    });
  });

  it('vector-Jacobian product: y = 1024·x, gradient [102.4, 1024, 0.1024]', () => {
    const v = view({ example: 'vector-Jacobian product' });
    close(rows(v, 'vjp'), [
      [-1, -1024, 0.1, 102.4],
      [0, 0, 1, 1024],
      [1, 1024, 0.0001, 0.1024],
    ]);
    expect(rows(v, 'norms')[0]!.at(-1)).toBeGreaterThanOrEqual(1000);
  });

  it('every example computes through a session without leaking tensors', () => {
    const s = new DemoSession(ch01_01, 1);
    const all = new Set(['panels'] as const);
    s.frames(all);
    const before = tf.memory().numTensors;
    for (const example of CH01_01_EXAMPLES) {
      expect(s.setValues({ example })).toHaveProperty('example');
      const [frame] = s.frames(all);
      const layout = JSON.parse(frame!.meta.layout as string) as { field?: string; x?: string; y2?: string }[];
      for (const p of layout) for (const f of [p.field, p.x, p.y2]) if (f) expect(frame!.fields[f], `${example}: ${f}`).toBeDefined();
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(validateOptionValues({ example: 'nope' }, ch01_01.info.options).ok).toBe(false);
    expect(validateOptionValues({ start: 4 }, ch01_01.info.options).ok).toBe(false);
  });
});

describe('ch01-01 shows each example only the controls it reads', () => {
  // Oracle: the view itself. A control hidden for an example (shownWhen) must not change that example's view,
  // and a control shown for it must (else it would be shown for nothing).
  const controls = ch01_01.info.options.filter((c) => c.name !== 'example');
  const other = (c: (typeof controls)[number]): number => ((c.default as number) === (c.min as number) ? (c.max as number) : (c.min as number));
  const snapshot = (v: DemoView): string => JSON.stringify({ layout: v.layout, fields: Object.fromEntries(Object.entries(v.fields).map(([k, f]) => [k, Array.from(f.data)])) });
  it.each([...CH01_01_EXAMPLES])('%s', (example) => {
    const base = snapshot(view({ example }));
    for (const c of controls) {
      const shown = c.shownWhen?.equals.includes(example) ?? true;
      const changed = snapshot(view({ example, [c.name]: other(c) }));
      if (shown) expect(changed, `${c.name} is shown for "${example}" but changes nothing`).not.toBe(base);
      else expect(changed, `${c.name} is hidden for "${example}" but changes its view`).toBe(base);
    }
  });
});
