/** How many equal columns a row of items gets, and how to spread items evenly over the rows they need. */

/** Columns of `item` px with `gap` px between them that fit in `width` px: at least one. */
export function fitColumns(width: number, item: number, gap: number): number {
  if (!(item > 0)) return 1;
  return Math.max(1, Math.floor((width + gap) / (item + gap)));
}

/**
 * Columns for `n` items when at most `maxCols` fit, spread so the rows are as even as they can be: 10 items
 * that fit 6 to a row go 5 + 5 rather than 6 + 4, four panels that fit 3 go 2 × 2.
 */
export function balancedColumns(n: number, maxCols: number): number {
  if (n <= 0) return 1;
  const cols = Math.max(1, Math.min(n, Math.floor(maxCols)));
  const rows = Math.ceil(n / cols);
  return Math.ceil(n / rows);
}
