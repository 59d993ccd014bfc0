/**
 * Where the change markers' labels go along the top of a chart, so that none overlaps another. Each label sits
 * beside its line in one of a few stacked rows, placed newest (rightmost) first: a lecture's latest change is the
 * one being talked about. In order of preference: whole and right of its line in the first row with room; whole
 * and left of it, ending at the line (at the plot's right edge, or where later labels crowd the right); cut short
 * to the most room any row has (the marker's tooltip has it whole); or, with less room than `minWidth`, left out
 * (its line and tooltip stay). All sizes in CSS pixels.
 */

export interface LabelRequest {
  /** The marker's line, from the plot's left edge. */
  x: number;
  /** The label's whole width, padding included. */
  width: number;
}

export interface PlacedLabel {
  /** Row from the top, 0 first. */
  row: number;
  /** Left edge, from the plot's left edge. */
  left: number;
  /** Width given: the whole width, or less when the label is cut short. */
  width: number;
  /** Left of its line (ending at it) rather than right of it. */
  before: boolean;
}

export interface LayoutOptions {
  /** Rows of labels (a short chart has room for fewer). */
  rows: number;
  /** Space between a line and its label. */
  pad?: number;
  /** Least space between two labels of one row. */
  gap?: number;
  /** Narrowest label worth showing cut short: a name and a digit or two ("lr 0.…"). */
  minWidth?: number;
}

/** One placement per request, in the requests' order; null where the label is left out. */
export function layoutLabels(requests: readonly LabelRequest[], plotWidth: number, options: LayoutOptions): (PlacedLabel | null)[] {
  const { rows, pad = 3, gap = 4, minWidth = 44 } = options;
  /** How far right a label of each row may reach: the plot's edge, then (placing right to left) the last label. */
  const limit = new Array<number>(rows).fill(plotWidth);
  const out: (PlacedLabel | null)[] = requests.map(() => null);
  const order = requests.map((_, i) => i).sort((a, b) => (requests[b] as LabelRequest).x - (requests[a] as LabelRequest).x || b - a);
  for (const i of order) {
    const { x, width } = requests[i] as LabelRequest;
    // In each row: room right of the line (up to the row's limit), and left of it (down to the plot's left edge)
    // when the row is free up to the line; at most the label's whole width.
    const right = limit.map((end) => Math.min(width, end - x - pad));
    const left = limit.map((end) => (x - pad <= end ? Math.min(width, x - pad) : -1));
    let row = right.findIndex((room) => room === width);
    let before = false;
    if (row < 0) {
      row = left.findIndex((room) => room === width);
      before = row >= 0;
    }
    if (row < 0) {
      // Every row is crowded here: the row with the most room on either side, the label cut short to it.
      const most = (r: number): number => Math.max(right[r] as number, left[r] as number);
      row = limit.reduce((bestRow, _, r) => (most(r) > most(bestRow) ? r : bestRow), 0);
      if (most(row) < minWidth) continue;
      before = (left[row] as number) > (right[row] as number);
    }
    const room = (before ? left[row] : right[row]) as number;
    const placed: PlacedLabel = { row, left: before ? x - pad - room : x + pad, width: room, before };
    out[i] = placed;
    limit[row] = placed.left - gap;
  }
  return out;
}

/** A chart's plotting area inside its host element, and the step range its x axis spans (CSS pixels, steps). */
export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
  xMin: number;
  xMax: number;
}

/** Where a step falls across the plot (the step axis is linear), or null off the axis (not drawn yet, or gone). */
export function stepToX(step: number, plot: PlotBox): number | null {
  const span = plot.xMax - plot.xMin;
  if (!(span > 0)) return null;
  const x = ((step - plot.xMin) / span) * plot.width;
  return x >= 0 && x <= plot.width ? x : null;
}

/** Label rows a plot of this height has room for (≈ 15 px each) without hiding most of the curve under them. */
export function labelRows(plotHeight: number): number {
  return plotHeight < 90 ? 1 : plotHeight < 150 ? 2 : 3;
}
