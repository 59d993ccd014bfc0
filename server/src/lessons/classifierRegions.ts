/** A small 2-D classifier's decision regions as a view (the spiral lessons, ch08-02, ch08-03, ch08-08, ch08-10). */
import type { DemoView } from '@gradcast/shared';
import { labelledPoints, paddedExtent, regionsView } from '../probe/views/regions.ts';
import { predictRows, type Net } from '../train/nets/mlp.ts';
import type { MemorySet } from './memoryRows.ts';

/**
 * The decision regions of a classifier net on a small 2-D set (the spiral lessons, ch08-03), as a `views`
 * function: the argmax of its logits in evaluation mode (no dropout, batch-norm running statistics) on a
 * cells × cells grid over the data range ± 0.1 (the course's margin), one batched forward pass per call, with
 * every `every`-th point of the set drawn on top and optional fixed lines (a true boundary).
 */
export function classifierRegions(
  net: Net,
  set: MemorySet<Int32Array>,
  opts: { classes: number; cells: number; every?: number; title?: string; segments?: Float32Array },
): () => DemoView {
  if (set.xDim !== 2) throw new RangeError(`classifierRegions: the set has ${set.xDim} features, not 2`);
  return regionsView({
    name: 'regions',
    title: opts.title ?? 'decision regions with the points',
    extent: paddedExtent(set.x, 0.1),
    nx: opts.cells,
    ny: opts.cells,
    scores: (cells) => predictRows(net, 'identity', cells, 2),
    kind: 'logits',
    classes: opts.classes,
    points: labelledPoints(set.x, set.y, opts.every ?? 1),
    segments: opts.segments,
    xLabel: 'x1',
    yLabel: 'x2',
  });
}
