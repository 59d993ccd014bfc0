import { describe, expect, it } from 'vitest';
import { graphDepths, graphGeometry, MIN_COLUMN_GAP, ROW_GAP } from './graph.ts';

/** f = uv + u²: u, v, ×, square, +, f, as the ch01-01 panel sends it. */
const names = ['u', 'v', '×', 'square', '+', 'f'];
const edges: Array<[number, number]> = [[0, 2], [1, 2], [0, 3], [2, 4], [3, 4], [4, 5]];
const nodes = [1, 4, 2, 1, 2, 1, 1, 1, 3, 1, 3, 1];
const edgeValues = [1, 2, 2, 1, 1, 2, 2, 1, 1, 1, 3, 1];

describe('graphDepths', () => {
  it('is the longest path from a source', () => {
    expect(graphDepths(6, edges)).toEqual([0, 0, 1, 1, 2, 3]);
    // A shortcut edge does not pull a node left: d is 2 via b even with a → d.
    expect(graphDepths(4, [[0, 1], [1, 2], [0, 2], [2, 3]])).toEqual([0, 1, 2, 3]);
  });

  it('refuses cycles, self-loops and missing nodes', () => {
    expect(graphDepths(3, [[0, 1], [1, 2], [2, 1]])).toBeNull();
    expect(graphDepths(2, [[1, 1]])).toBeNull();
    expect(graphDepths(2, [[0, 2]])).toBeNull();
    expect(graphDepths(2, [[0, 0.5]] as never)).toBeNull();
  });
});

describe('graphGeometry', () => {
  const g = graphGeometry({ names, edges, nodes, edgeValues }, 600)!;

  it('lays inputs left and the output right, every edge pointing right', () => {
    expect(g.columns).toBe(4);
    expect(g.nodes.map((n) => n.role)).toEqual(['input', 'input', 'op', 'op', 'op', 'output']);
    expect(g.nodes.map((n) => n.column)).toEqual([0, 0, 1, 1, 2, 3]);
    expect(g.nodes[0]!.x).toBe(g.nodes[1]!.x);
    expect(g.nodes[5]!.x).toBeGreaterThan(g.nodes[4]!.x);
    for (const e of g.edges) expect(e.x2).toBeGreaterThan(e.x1);
    for (const n of g.nodes) {
      expect(n.x - n.w / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + n.w / 2).toBeLessThanOrEqual(600);
      expect(n.y - n.h / 2).toBeGreaterThanOrEqual(0);
      expect(n.y + n.h / 2).toBeLessThan(g.height);
    }
  });

  it('orders a column by its feeders: square (fed by u only) above × (fed by u and v), so no edges cross', () => {
    const [u, v, times, square] = g.nodes as [typeof g.nodes[0], typeof g.nodes[0], typeof g.nodes[0], typeof g.nodes[0]];
    expect(u.y).toBeLessThan(v.y);
    expect(square.y).toBeLessThan(times.y);
    expect(times.y - square.y).toBe(ROW_GAP);
    // The one-node columns are centred between the two-node ones.
    expect(g.nodes[4]!.y).toBeCloseTo((u.y + v.y) / 2, 6);
  });

  it('carries each node’s value and gradient, and each edge’s numbers, value above the line and gradient below', () => {
    expect(g.nodes.map((n) => [n.value, n.grad])).toEqual([[1, 4], [2, 1], [2, 1], [1, 1], [3, 1], [3, 1]]);
    expect(g.edges.map((e) => [e.value, e.grad])).toEqual([[1, 2], [2, 1], [1, 2], [2, 1], [1, 1], [3, 1]]);
    for (const e of g.edges) {
      expect(e.labelAbove).toBeLessThan(e.my);
      expect(e.labelBelow).toBeGreaterThan(e.my);
    }
  });

  it('ends edges on the box outlines, not at the centres', () => {
    const e = g.edges[5]!; // + → f, a horizontal edge
    const [plus, f] = [g.nodes[4]!, g.nodes[5]!];
    expect(e.x1).toBeCloseTo(plus.x + plus.w / 2, 6);
    expect(e.x2).toBeCloseTo(f.x - f.w / 2, 6);
    expect(e.y1).toBeCloseTo(plus.y, 6);
  });

  it('draws edges without numbers when the edge values do not fit, and refuses unusable panels', () => {
    const bare = graphGeometry({ names, edges, nodes, edgeValues: [1, 2] }, 600)!;
    expect(bare.edges.every((e) => Number.isNaN(e.value) && Number.isNaN(e.grad))).toBe(true);
    expect(graphGeometry({ names, edges, nodes: nodes.slice(2) }, 600)).toBeNull();
    expect(graphGeometry({ names: [], edges: [], nodes: [] }, 600)).toBeNull();
    expect(graphGeometry({ names, edges: [...edges, [5, 0]], nodes }, 600)).toBeNull();
    // A narrow box (a phone) does not squeeze the columns together: the drawing is wider than the box.
    const narrow = graphGeometry({ names, edges, nodes, edgeValues }, 200)!;
    expect(narrow.width).toBeGreaterThan(200);
    expect(narrow.nodes[2]!.x - narrow.nodes[0]!.x).toBeCloseTo(MIN_COLUMN_GAP, 6);
    expect(g.nodes[2]!.x - g.nodes[0]!.x).toBeGreaterThan(MIN_COLUMN_GAP);
    // One node alone is centred.
    const one = graphGeometry({ names: ['x'], edges: [], nodes: [2, 1] }, 300)!;
    expect(one.nodes[0]!.x).toBe(150);
  });
});
