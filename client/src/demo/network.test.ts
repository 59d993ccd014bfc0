import { describe, expect, it } from 'vitest';
import { scaleColor, scaleDomain } from './colorScale.ts';
import { EDGE_OPACITY, EDGE_WIDTH, edgeColor, edgeCount, edgeStroke, networkGeometry, SIGN_TONE, validSizes } from './network.ts';

const rgb = (c: readonly number[]) => `rgb(${c[0]} ${c[1]} ${c[2]})`;

describe('network geometry', () => {
  // 2 → 3 → 1: W1 [2, 3] = [[1, −2, 0], [0.5, 4, −1]], W2 [3, 1] = [[2], [−4], [1]]; E = 6 + 3 = 9, N = 6.
  const weights = [1, -2, 0, 0.5, 4, -1, 2, -4, 1];
  const sizes = [2, 3, 1];

  it('counts edges as Σ sizes[l]·sizes[l+1] and refuses a field of another length or unusable sizes', () => {
    expect(edgeCount(sizes)).toBe(9);
    expect(networkGeometry({ sizes, weights: weights.slice(1) }, 400)).toBeNull();
    expect(networkGeometry({ sizes: [3], weights: [] }, 400)).toBeNull();
    expect(validSizes([2, 0, 1])).toBe(false);
    expect(validSizes([2, 1.5])).toBe(false);
    expect(validSizes('2,3')).toBe(false);
  });

  it('puts layers in columns left to right and centres each column on one spacing', () => {
    const g = networkGeometry({ sizes, weights }, 400)!;
    expect(g.nodes).toHaveLength(6);
    const xs = [...new Set(g.nodes.map((n) => n.x))];
    expect(xs).toHaveLength(3);
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!, 9);
    expect(xs[0]! - g.nodes[0]!.r).toBeGreaterThanOrEqual(0);
    expect(xs[2]! + g.nodes[0]!.r).toBeLessThanOrEqual(400);
    const [a0, a1, h0, h1, h2, out] = g.nodes;
    expect([a0!.layer, a1!.unit, h2!.layer, h2!.unit, out!.layer]).toEqual([0, 1, 1, 2, 2]);
    // One spacing everywhere; every column centred on the same line.
    expect(a1!.y - a0!.y).toBeCloseTo(h1!.y - h0!.y, 9);
    expect((a0!.y + a1!.y) / 2).toBeCloseTo(h1!.y, 9);
    expect(out!.y).toBeCloseTo(h1!.y, 9);
    for (const n of g.nodes) expect(n.y + n.r).toBeLessThanOrEqual(g.height);
  });

  it('reads edge i → j of layer l at its row-major place and joins the right nodes', () => {
    const g = networkGeometry({ sizes, weights }, 400)!;
    const byIndex = new Map(g.edges.map((e) => [e.index, e]));
    // Index 4 = W1[1, 1] (input 2 → hidden 2) = 4; index 7 = W2[1, 0] (hidden 2 → output) = −4.
    expect(byIndex.get(4)).toMatchObject({ from: 1, to: 3, w: 4 });
    expect(byIndex.get(7)).toMatchObject({ from: 3, to: 5, w: -4 });
    expect(byIndex.get(2)).toMatchObject({ from: 0, to: 4, w: 0 });
    const e = byIndex.get(4)!;
    expect([e.x1, e.y1, e.x2, e.y2]).toEqual([g.nodes[1]!.x, g.nodes[1]!.y, g.nodes[3]!.x, g.nodes[3]!.y]);
    // Drawn weakest first: the strongest edges (|w| = 4) last.
    expect(g.edges.slice(-2).map((x) => Math.abs(x.w))).toEqual([4, 4]);
    expect(g.edges[0]!.w).toBe(0);
  });

  it('colours edges by sign on the diverging scale and scales width and opacity with |w| / max |w|', () => {
    const d = { scale: 'diverging' as const, lo: -1, hi: 1, nonFinite: 0 };
    expect(edgeColor(3)).toBe(rgb(scaleColor(SIGN_TONE, d)));
    expect(edgeColor(-0.01)).toBe(rgb(scaleColor(-SIGN_TONE, d)));
    expect(edgeColor(0)).toBe(rgb(scaleColor(0, d)));
    const g = networkGeometry({ sizes, weights }, 400)!;
    expect(g.maxAbsW).toBe(4);
    const at = (k: number) => g.edges.find((e) => e.index === k)!;
    expect(at(4)).toMatchObject({ width: EDGE_WIDTH[1], opacity: EDGE_OPACITY[1] });
    expect(at(2)).toMatchObject({ width: EDGE_WIDTH[0], opacity: EDGE_OPACITY[0] });
    // |w| = 2 is half the max: halfway between the ends.
    expect(at(1).width).toBeCloseTo((EDGE_WIDTH[0] + EDGE_WIDTH[1]) / 2, 9);
    expect(at(6).opacity).toBeCloseTo((EDGE_OPACITY[0] + EDGE_OPACITY[1]) / 2, 9);
    // Blue for negative, red for positive (RdBu reversed).
    const [nr, , nb] = scaleColor(-SIGN_TONE, d);
    const [pr, , pb] = scaleColor(SIGN_TONE, d);
    expect(nb - nr).toBeGreaterThan(60);
    expect(pr - pb).toBeGreaterThan(60);
    expect(at(1).color).toBe(edgeColor(-1));
    expect(at(6).color).toBe(edgeColor(1));
    expect(edgeStroke(1, 0)).toEqual({ width: EDGE_WIDTH[0], opacity: EDGE_OPACITY[0] });
  });

  it('scales each layer’s edges by that layer’s largest |w|, so a layer of small weights stays visible', () => {
    // 1 → 2 → 1: W1 = [[0.1, −0.05]], W2 = [[4], [2]].
    const g = networkGeometry({ sizes: [1, 2, 1], weights: [0.1, -0.05, 4, 2] }, 400)!;
    expect(g.layerMaxAbsW).toEqual([0.1, 4]);
    expect(g.maxAbsW).toBe(4);
    const at = (k: number) => g.edges.find((e) => e.index === k)!;
    expect(at(0).width).toBe(EDGE_WIDTH[1]);
    expect(at(2).width).toBe(EDGE_WIDTH[1]);
    expect(at(1).width).toBeCloseTo((EDGE_WIDTH[0] + EDGE_WIDTH[1]) / 2, 6);
    expect(at(3).width).toBeCloseTo((EDGE_WIDTH[0] + EDGE_WIDTH[1]) / 2, 6);
  });

  it('fills nodes by value on ±max |value| (NaN hollow) and hides a dropped node’s edges', () => {
    const values = [NaN, NaN, 0.5, -1, 0, 0.25];
    const mask = [1, 1, 1, 0, 1, 1];
    const g = networkGeometry({ sizes, weights, values, mask, names: ['in', 'h', 'out'], totals: [2, 300, 1] }, 400)!;
    const d = scaleDomain([0.5, -1, 0, 0.25], 'diverging');
    expect(g.nodes[0]!.fill).toBeNull();
    expect(g.nodes[3]!.fill).toBe(rgb(scaleColor(-1, d)));
    expect(g.nodes[2]!.fill).toBe(rgb(scaleColor(0.5, d)));
    expect(g.valueDomain).toMatchObject({ lo: -1, hi: 1, nonFinite: 0 });
    expect(g.nodes.map((n) => n.dropped)).toEqual([false, false, false, true, false, false]);
    // Hidden unit 2 (node 3) is dropped: its edges in (indices 1, 4) and out (7) are gone, the other 6 stay.
    expect(g.edges.map((e) => e.index).sort((a, b) => a - b)).toEqual([0, 2, 3, 5, 6, 8]);
    expect(g.columns.map((c) => [c.name, c.note])).toEqual([['in', ''], ['h', 'first 3 of 300'], ['out', '']]);
    expect(g.writeValues).toBe(true);
    expect(g.writeWeights).toBe(false);
  });

  it('ignores values and a mask of the wrong length', () => {
    const g = networkGeometry({ sizes, weights, values: [1, 2], mask: [0] }, 400)!;
    expect(g.valueDomain).toBeNull();
    expect(g.nodes.every((n) => n.fill === null && !n.dropped)).toBe(true);
    expect(g.edges).toHaveLength(9);
  });

  it('keeps a 16-unit layer within about 320 px and writes the single weight of a 1 → 1 network', () => {
    const wide = networkGeometry({ sizes: [2, 16, 16, 2], weights: new Float32Array(edgeCount([2, 16, 16, 2])) }, 500)!;
    expect(wide.edges).toHaveLength(320);
    expect(wide.height).toBeLessThan(400);
    const ys = wide.nodes.filter((n) => n.layer === 1).map((n) => n.y);
    expect(ys[15]! - ys[0]!).toBeLessThanOrEqual(300 + 1e-9);
    const tiny = networkGeometry({ sizes: [1, 1], weights: [2], values: [1, 1] }, 300)!;
    expect(tiny.writeWeights).toBe(true);
    expect(tiny.edges[0]).toMatchObject({ w: 2, width: EDGE_WIDTH[1] });
  });
});
