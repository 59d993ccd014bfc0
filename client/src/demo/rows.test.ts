import { describe, expect, it } from 'vitest';
import { finiteRows } from './rows.ts';

describe('finiteRows', () => {
  it('splits [n, width] data into rows, skipping rows with a non-finite value and a partial last row', () => {
    expect(finiteRows([1, 2, 0, NaN, 3, 4, 5, 6, 1, 9], 3)).toEqual([
      [1, 2, 0],
      [5, 6, 1],
    ]);
    expect(finiteRows([], 2)).toEqual([]);
  });
});
