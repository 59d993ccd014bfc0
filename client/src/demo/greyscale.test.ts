import { describe, expect, it } from 'vitest';
import { greyscaleRGBA } from './greyscale.ts';

describe('greyscaleRGBA', () => {
  it('maps [0, 1] to opaque grey levels, clamping and blacking out bad values', () => {
    expect(Array.from(greyscaleRGBA([0, 0.5, 1, 2, NaN]))).toEqual([
      0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255,
    ]);
  });
});
