import { describe, expect, it } from 'vitest';
import { exploreOptions } from './exploreOptions.ts';
import { bool, drawing, int } from './optionSpecs.ts';

describe('exploreOptions', () => {
  const options = [
    int('sample', { label: 's', default: 0, min: 0, max: 9, step: 1, hot: true, viewOnly: true }),
    drawing('drawn', { label: 'd', default: '', width: 4, height: 4, hot: true, viewOnly: true }),
    int('landscapeRun', { label: 'r', default: 1, min: 1, max: 2, step: 1, hot: true, viewOnly: true }),
    bool('shuffle', { label: 'sh', default: true }),
    int('stopAfterEpochs', { label: 'e', default: 0, min: 0, max: 9, step: 1, hot: true }),
  ];
  it('keeps a training lesson’s hot view-only options, not the landscape’s, nor those that shape training', () => {
    expect(exploreOptions({ trains: true, options }).map((c) => c.name)).toEqual(['sample', 'drawn']);
  });
  it('none for demos or lessons without options', () => {
    expect(exploreOptions({ trains: false, options })).toEqual([]);
    expect(exploreOptions({ trains: true })).toEqual([]);
    expect(exploreOptions(null)).toEqual([]);
  });
});
