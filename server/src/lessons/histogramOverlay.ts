/**
 * "Now" and "at initialisation" histograms in one panel (ch08-06: how far training moved each layer's weights and
 * activations from where the init method put them): a `histogram` panel whose `field` holds the current counts
 * [k, bins], whose `y2` holds the counts at initialisation over the same bin edges [k, bins], and whose `captions`
 * name the two (docs/protocol.md, "Frames"). The edges span both sets of values, so the two read on one axis.
 */
import { field, type DemoView } from '@gradcast/shared';
import { binEdges, histogramCounts, histogramRange, HISTOGRAM_BINS, type HistogramRow } from '../probe/views/histogram.ts';

/** The legend names of the two sets of counts, in panel order (field, then y2). */
export const OVERLAY_CAPTIONS = ['now', 'at initialisation'];

/**
 * One histogram panel of `now`'s rows with `start`'s rows (the same layers, taken at build) over shared edges:
 * fields `${name}` and `${name}.start` (int32 [k, bins]) and `${name}.edges` (f32 [bins + 1]). `range` fixes the
 * edges (an activation's own range); otherwise they span both sets' finite values.
 */
export function overlayHistogramView(
  name: string,
  title: string,
  now: HistogramRow[],
  start: HistogramRow[],
  opts: { range?: [number, number]; xLabel?: string; bins?: number } = {},
): DemoView {
  const bins = opts.bins ?? HISTOGRAM_BINS;
  const nowValues = now.map((r) => r.values);
  const startValues = start.map((r) => r.values);
  const [lo, hi] = histogramRange([...nowValues, ...startValues], opts.range);
  const startName = `${name}.start`;
  const edges = `${name}.edges`;
  return {
    fields: {
      [name]: field('i32', histogramCounts(nowValues, lo, hi, bins), [now.length, bins]),
      [startName]: field('i32', histogramCounts(startValues, lo, hi, bins), [start.length, bins]),
      [edges]: field('f32', binEdges(lo, hi, bins)),
    },
    layout: [
      {
        kind: 'histogram',
        title,
        field: name,
        y2: startName,
        x: edges,
        names: now.map((r) => r.name),
        captions: OVERLAY_CAPTIONS,
        ...(opts.xLabel ? { xLabel: opts.xLabel } : {}),
        yLabel: 'count',
      },
    ],
  };
}
