import { describe, expect, it } from 'vitest';
import { gatherRows } from './gatherRows.ts';

describe('gatherRows', () => {
  it('picks rows of features and labels in the order given', () => {
    const set = { x: Float32Array.from([0, 1, 10, 11, 20, 21]), xDim: 2, y: Int32Array.from([5, 6, 7]) };
    const { x, y } = gatherRows(set, [2, 0]);
    expect(Array.from(x)).toEqual([20, 21, 0, 1]);
    expect(y).toBeInstanceOf(Int32Array);
    expect(Array.from(y)).toEqual([7, 5]);
  });

  it('keeps every target value of a row', () => {
    const set = { x: Float32Array.from([1, 2, 3]), xDim: 1, y: Float32Array.from([0.1, 0.2, 1.1, 1.2, 2.1, 2.2]), yDim: 2 };
    const { x, y } = gatherRows(set, [1]);
    expect(Array.from(x)).toEqual([2]);
    expect(Array.from(y)).toEqual([Math.fround(1.1), Math.fround(1.2)]);
  });

  it('refuses a row outside the set', () => {
    expect(() => gatherRows({ x: new Float32Array(2), xDim: 1, y: new Int32Array(2) }, [2])).toThrow(/row 2 of 2/);
  });
});
