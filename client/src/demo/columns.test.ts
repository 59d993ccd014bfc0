import { describe, expect, it } from 'vitest';
import { balancedColumns, fitColumns } from './columns.ts';

describe('fitColumns', () => {
  it('counts the items that fit with gaps between them, at least one', () => {
    expect(fitColumns(100, 30, 5)).toBe(3); // 3·30 + 2·5 = 100
    expect(fitColumns(99, 30, 5)).toBe(2);
    expect(fitColumns(10, 30, 5)).toBe(1);
  });
});

describe('balancedColumns', () => {
  it('evens out the rows', () => {
    expect(balancedColumns(10, 6)).toBe(5);
    expect(balancedColumns(4, 3)).toBe(2);
    expect(balancedColumns(512, 34)).toBe(32); // 34 to a row needs 16 rows; 16 full rows of 32 fill them
    expect(balancedColumns(3, 8)).toBe(3);
    expect(balancedColumns(0, 5)).toBe(1);
  });
});
