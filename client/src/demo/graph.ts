/**
 * The graph panel's drawing, as plain numbers (GraphPanel.svelte only writes them out as SVG). The panel
 * (shared/src/lessons.ts, DemoPanel "graph"): `names` one label per node, `edges` [from, to] node indices; the
 * field holds per node (value, ∂f/∂node), `y2` per edge (value forward, gradient back).
 *  - columns: a node's column is its depth, the longest path to it from a source (a node no edge enters), so
 *    inputs stand at the left, the output at the right, and every edge points right;
 *  - rows: the first column in node order; every later column ordered by the mean row of the nodes feeding each
 *    node (the barycentre rule, one pass), which keeps edges from crossing in small graphs; every column centred;
 *  - edges end on their nodes' box outlines (so an arrowhead shows), with their two numbers at the midpoint:
 *    the value above the line, the gradient below.
 */

/** Node box height (px), and its width per character of the name plus padding (13 px monospace). */
const BOX_H = 28;
const CHAR_W = 8;
const BOX_PAD = 16;
const MIN_BOX_W = 32;
/** Vertical distance (px) between neighbouring nodes of a column: room for a node's two lines of numbers. */
export const ROW_GAP = 96;
/** Horizontal room (px) beside the outer columns (half a box and its numbers), above and below the nodes. */
const PAD_X = 44;
const PAD_TOP = 24;
const PAD_BOTTOM = 40;
/**
 * Least distance (px) between neighbouring columns' centres: room for two boxes and an edge's numbers between
 * them. A box narrower than the columns need draws wider than it (its panel scrolls sideways).
 */
export const MIN_COLUMN_GAP = 120;
/** Distance (px) of an edge's value label above its midpoint, and of its gradient label below it. */
const LABEL_ABOVE = 6;
const LABEL_BELOW = 15;

export interface GraphInput {
  names: readonly string[];
  edges: ReadonlyArray<readonly [number, number]>;
  /** [N, 2] row-major: each node's value and ∂f/∂node. */
  nodes: ArrayLike<number>;
  /** [E, 2] row-major: each edge's forward value and backward gradient; any other length: no edge numbers. */
  edgeValues?: ArrayLike<number> | undefined;
}

export interface GraphNode {
  index: number;
  name: string;
  /** input: no edge enters it; output: none leaves it; op: the rest. */
  role: 'input' | 'op' | 'output';
  column: number;
  /** Centre and box size (px). */
  x: number;
  y: number;
  w: number;
  h: number;
  value: number;
  grad: number;
}

export interface GraphEdge {
  index: number;
  from: number;
  to: number;
  /** From the source box's outline to the target box's outline (px). */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Midpoint, where its numbers are written. */
  mx: number;
  my: number;
  labelAbove: number;
  labelBelow: number;
  /** NaN when the panel has no edge numbers. */
  value: number;
  grad: number;
}

export interface GraphGeometry {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  columns: number;
}

/**
 * Depth of every node (longest path from a source), or null when an edge names a missing node, joins a node to
 * itself, or the edges make a cycle (Kahn's order does not reach every node).
 */
export function graphDepths(n: number, edges: ReadonlyArray<readonly [number, number]>): number[] | null {
  const ok = (i: unknown): i is number => Number.isInteger(i) && (i as number) >= 0 && (i as number) < n;
  if (!edges.every((e) => Array.isArray(e) && e.length === 2 && ok(e[0]) && ok(e[1]) && e[0] !== e[1])) return null;
  const indegree = new Array<number>(n).fill(0);
  for (const [, to] of edges) indegree[to] = (indegree[to] as number) + 1;
  const depth = new Array<number>(n).fill(0);
  const queue = indegree.flatMap((d, i) => (d === 0 ? [i] : []));
  let seen = 0;
  while (queue.length) {
    const u = queue.shift() as number;
    seen++;
    for (const [from, to] of edges) {
      if (from !== u) continue;
      depth[to] = Math.max(depth[to] as number, (depth[u] as number) + 1);
      indegree[to] = (indegree[to] as number) - 1;
      if (indegree[to] === 0) queue.push(to);
    }
  }
  return seen === n ? depth : null;
}

/** Where a segment from a box's centre (cx, cy) towards (tx, ty) leaves the box of half sizes hw × hh. */
function boxExit(cx: number, cy: number, hw: number, hh: number, tx: number, ty: number): [number, number] {
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const t = Math.min(dx ? hw / Math.abs(dx) : Infinity, dy ? hh / Math.abs(dy) : Infinity);
  return [cx + dx * t, cy + dy * t];
}

/**
 * The drawing of a graph panel in a box `box` px wide, or wider when its columns need it (the height follows from
 * the fullest column), or null
 * when the panel cannot be drawn: no nodes, node values not [N, 2] for N names, or edges that are not a DAG over
 * the nodes.
 */
export function graphGeometry(input: GraphInput, box: number): GraphGeometry | null {
  const n = input.names.length;
  if (n === 0 || input.nodes.length !== 2 * n) return null;
  const depth = graphDepths(n, input.edges);
  if (!depth) return null;
  const edgeValues = input.edgeValues && input.edgeValues.length === 2 * input.edges.length ? input.edgeValues : undefined;
  const columns = Math.max(...depth) + 1;
  const width = Math.max(box, 2 * PAD_X + (columns - 1) * MIN_COLUMN_GAP);
  const hasIn = new Array<boolean>(n).fill(false);
  const hasOut = new Array<boolean>(n).fill(false);
  for (const [from, to] of input.edges) {
    hasOut[from] = true;
    hasIn[to] = true;
  }

  // Rows within each column, as positions 0 … size − 1; later columns by their feeders' mean row.
  const byColumn: number[][] = Array.from({ length: columns }, () => []);
  depth.forEach((d, i) => byColumn[d]!.push(i));
  const row = new Array<number>(n).fill(0);
  const tallest = Math.max(...byColumn.map((c) => c.length));
  const centred = (k: number, size: number): number => k - (size - 1) / 2;
  byColumn.forEach((col, d) => {
    if (d > 0) {
      const bary = (i: number): number => {
        const feeders = input.edges.filter(([, to]) => to === i).map(([from]) => row[from] as number);
        return feeders.reduce((a, b) => a + b, 0) / feeders.length;
      };
      const key = new Map(col.map((i) => [i, bary(i)]));
      col.sort((a, b) => (key.get(a) as number) - (key.get(b) as number) || a - b);
    }
    col.forEach((i, k) => (row[i] = centred(k, col.length)));
  });

  const height = PAD_TOP + BOX_H + (tallest - 1) * ROW_GAP + PAD_BOTTOM;
  const midY = PAD_TOP + BOX_H / 2 + ((tallest - 1) * ROW_GAP) / 2;
  const left = PAD_X;
  const right = Math.max(left + 1, width - PAD_X);
  const colX = (d: number): number => (columns === 1 ? width / 2 : left + ((right - left) * d) / (columns - 1));
  const nodes: GraphNode[] = input.names.map((name, i) => ({
    index: i,
    name,
    role: !hasIn[i] ? 'input' : !hasOut[i] ? 'output' : 'op',
    column: depth[i] as number,
    x: colX(depth[i] as number),
    y: midY + (row[i] as number) * ROW_GAP,
    w: Math.max(MIN_BOX_W, name.length * CHAR_W + BOX_PAD),
    h: BOX_H,
    value: input.nodes[2 * i] as number,
    grad: input.nodes[2 * i + 1] as number,
  }));

  const edges = input.edges.map(([from, to], index): GraphEdge => {
    const a = nodes[from] as GraphNode;
    const b = nodes[to] as GraphNode;
    const [x1, y1] = boxExit(a.x, a.y, a.w / 2, a.h / 2, b.x, b.y);
    const [x2, y2] = boxExit(b.x, b.y, b.w / 2, b.h / 2, a.x, a.y);
    const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
    return {
      index,
      from,
      to,
      x1,
      y1,
      x2,
      y2,
      mx,
      my,
      labelAbove: my - LABEL_ABOVE,
      labelBelow: my + LABEL_BELOW,
      value: edgeValues ? (edgeValues[2 * index] as number) : NaN,
      grad: edgeValues ? (edgeValues[2 * index + 1] as number) : NaN,
    };
  });
  return { width, height, nodes, edges, columns };
}
