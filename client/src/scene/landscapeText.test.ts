import { describe, expect, it } from 'vitest';
import { readLandscape } from '../net/landscape.ts';
import { landscapeFrame } from '../net/testFrames.ts';
import { landscapeSummary, pathLength, planeCaption, pointReadout, resolutionLabel, sliceStats } from './landscapeText.ts';

const slice = (meta = {}, n = 9, velocity?: [number, number]) =>
  readLandscape(
    landscapeFrame({
      f: (a, b) => 0.5 + a * a + b * b, // 0.5 at the centre, 2.5 at the corners
      n,
      path: [
        [-0.6, 0.8, 2.2, 0.25],
        [0, 0.8, 1.4, 0.1],
        [0, 0, 0.5, 0],
      ],
      meta,
      step: 42,
      ...(velocity ? { velocity } : {}),
    }),
  )!;

describe('landscape text', () => {
  it('names the plane, with each direction’s share of the variance on a trajectory plane', () => {
    expect(planeCaption(slice())).toBe('random plane, two filter-normalised random directions');
    expect(planeCaption(slice({ kind: 'trajectory', explained: '0.71|0.18' }))).toBe(
      "trajectory plane, the path's two principal directions: α explains 71.0%, β 18.0% of its variance",
    );
    expect(planeCaption(slice({ kind: 'runs', run: 'adam' }))).toBe("runs plane (adam), through the common start and two runs' weights");
  });

  it('says a slice is refining until it reaches 33 × 33', () => {
    expect(resolutionLabel(9)).toBe('9×9, refining…');
    expect(resolutionLabel(17)).toBe('17×17, refining…');
    expect(resolutionLabel(33)).toBe('33×33');
  });

  it('measures the path in the plane and reads a point with its distance from the plane', () => {
    const l = slice();
    expect(pathLength(l.path)).toBeCloseTo(0.6 + 0.8, 6);
    expect(pathLength({ x: [0, NaN, 3], y: [0, 1, 4] })).toBe(5);
    expect(pointReadout(l, 0)).toBe('α = -0.6, β = 0.8, loss 2.2, 0.25 from the plane');
    expect(sliceStats(l)).toEqual({ min: 0.5, max: 2.5, origin: 0.5 });
    // A runs plane spans [−0.5, 1.5]²: (0, 0), the runs' start, lies off its centre, between grid points.
    const runs = readLandscape(landscapeFrame({ f: (a, b) => 1 + a + 2 * b, n: 5, range: [-0.5, 1.5, -0.5, 1.5] }))!;
    expect(sliceStats(runs).origin).toBeCloseTo(1, 4);
    const offGrid = readLandscape(landscapeFrame({ range: [0.5, 1.5, 0.5, 1.5] }))!;
    expect(sliceStats(offGrid).origin).toBeNaN();
  });

  it('gives a screen reader every number: kind, range, origin, heights, path, distance, velocity', () => {
    const text = landscapeSummary(slice({ kind: 'trajectory', explained: '0.71|0.18' }, 17, [0.1, -0.02]), true);
    expect(text).toBe(
      'Loss landscape at step 42: trajectory plane, the path\'s two principal directions: α explains 71.0%, β 18.0% of its variance. ' +
        'α from -1 to 1, β from -1 to 1, in filter-normalised units; 17×17, refining… points over 1000 samples. ' +
        'Loss over the plane from 0.5 to 2.5, 0.5 at α = β = 0 (the weights the plane was made through). ' +
        'Heights logarithmic, log10(loss − min + ε). ' +
        "Path: 3 points, 1.4 long in the plane, drawn at each point's true loss, farthest 0.25 from the plane; " +
        'newest point: α = 0, β = 0, loss 0.5, 0 from the plane. ' +
        'Optimizer velocity (0.1, -0.02) in α, β.',
    );
    expect(landscapeSummary(slice(), false)).toContain('Heights log(1 + loss).');
  });

  it('names the run of the path and each other run on the plane, with its newest point', () => {
    const l = readLandscape(
      landscapeFrame({
        path: [[0, 0, 1, 0]],
        others: [
          [2, 0.4, 0.8, 1.9, 0.1],
          [2, 0.5, 1, 1.7, 0],
          [0, -0.2, 0.1, 2.5, 0.3],
        ],
        meta: { kind: 'runs', run: 'sgd', runs: 'adam|sgd|momentum' },
        range: [-0.5, 1.5, -0.5, 1.5],
      }),
    )!;
    const text = landscapeSummary(l, false);
    expect(text).toContain('(the runs\' common start)');
    expect(text).toContain('Path of sgd: 1 point,');
    expect(text).toContain(
      'Other runs on the plane, at their true losses: adam, 1 point, newest α = -0.2, β = 0.1, loss 2.5, 0.3 from the plane; ' +
        'momentum, 2 points, newest α = 0.5, β = 1, loss 1.7, 0 from the plane.',
    );
  });
});
