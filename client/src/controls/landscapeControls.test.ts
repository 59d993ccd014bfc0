import { describe, expect, it } from 'vitest';
import { choice, int, type LessonOption } from '@gradcast/shared';
import { readLandscape } from '../net/landscape.ts';
import { landscapeFrame } from '../net/testFrames.ts';
import { landscapeControls, landscapeState, nextDirections, runLabels, settingsText } from './landscapeControls.ts';

/** The options the server adds to a comparison of three runs sharing their start (landscapeOptions.ts's shape). */
const comparison: LessonOption[] = [
  choice('lrSchedule', ['constant', 'exponential'], { label: 'lr schedule', default: 'constant' }),
  choice('landscapePlane', ['runs', 'trajectory', 'random'], { label: 'landscape plane', default: 'runs', hot: true, viewOnly: true }),
  int('landscapeRun', { label: 'landscape run', default: 1, min: 1, max: 3, step: 1, hot: true, viewOnly: true }),
  int('landscapeRun2', { label: 'second run', default: 2, min: 1, max: 3, step: 1, hot: true, viewOnly: true }),
  int('landscapeDirections', { label: 'random directions', default: 1, min: 1, max: 999_999, step: 1, hot: true, viewOnly: true }),
];
const single: LessonOption[] = [
  choice('landscapePlane', ['trajectory', 'random'], { label: 'landscape plane', default: 'trajectory', hot: true, viewOnly: true }),
  int('landscapeDirections', { label: 'random directions', default: 1, min: 1, max: 999_999, step: 1, hot: true, viewOnly: true }),
];

describe('landscapeControls', () => {
  it('reads the planes offered, the runs and the seed, with the values held (the defaults where none)', () => {
    expect(landscapeControls(comparison, { landscapeRun: 3, landscapeDirections: 41 })).toEqual({
      planes: ['runs', 'trajectory', 'random'],
      plane: 'runs',
      runCount: 3,
      run: 3,
      run2: 2,
      directions: { seed: 41, max: 999_999 },
    });
    expect(landscapeControls(single, { landscapePlane: 'random' })).toEqual({
      planes: ['trajectory', 'random'],
      plane: 'random',
      runCount: 1,
      run: null,
      run2: null,
      directions: { seed: 1, max: 999_999 },
    });
    // A lesson without the landscape's options (or an older server).
    expect(landscapeControls(comparison.slice(0, 1), {})).toBeNull();
  });

  it('names the runs from the landscape, else the charts, else by number', () => {
    expect(runLabels(2, ['sgd', 'adam'], ['x', 'y'])).toEqual(['sgd', 'adam']);
    expect(runLabels(2, [], ['x', 'y'])).toEqual(['x', 'y']);
    expect(runLabels(2, [], [])).toEqual(['run 1', 'run 2']);
  });

  it('says the settings in words for members who may not change them', () => {
    const labels = ['sgd', 'momentum', 'adam'];
    expect(settingsText(landscapeControls(comparison, { landscapeRun2: 3 })!, labels)).toBe('Both runs plane · runs sgd and adam');
    expect(settingsText(landscapeControls(comparison, { landscapePlane: 'random', landscapeRun: 2 })!, labels)).toBe(
      'Random directions plane · run momentum',
    );
    expect(settingsText(landscapeControls(single, {})!, [])).toBe('Trajectory (PCA) plane');
  });

  it('steps the random directions’ seed, back to 1 past the largest', () => {
    expect(nextDirections(1, 999_999)).toBe(2);
    expect(nextDirections(999_999, 999_999)).toBe(1);
    expect(nextDirections(NaN, 10)).toBe(1);
  });

  it('says "computing…" until a slice of the chosen plane and run is here, then its resolution', () => {
    const c = landscapeControls(comparison, { landscapePlane: 'trajectory', landscapeRun: 2 });
    const labels = ['a', 'b', 'c'];
    const slice = (meta: Record<string, string>, n = 9) => readLandscape(landscapeFrame({ n, meta: { runs: 'a|b|c', ...meta } }));
    expect(landscapeState(null, c, labels)).toBe('computing…');
    expect(landscapeState(slice({ kind: 'runs', run: 'b' }), c, labels)).toBe('computing…');
    expect(landscapeState(slice({ kind: 'trajectory', run: 'a' }), c, labels)).toBe('computing…');
    expect(landscapeState(slice({ kind: 'trajectory', run: 'b' }), c, labels)).toBe('9×9, refining…');
    expect(landscapeState(slice({ kind: 'trajectory', run: 'b' }, 33), c, labels)).toBe('33×33');
    // Without the options, whatever arrives is what there is.
    expect(landscapeState(slice({ kind: 'random' }, 17), null, [])).toBe('17×17, refining…');
  });
});
