/** Small statistics and table helpers for the benchmarks. */
export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The q-quantile (0…1) of xs, nearest rank; null when empty. */
export function quantile(xs: number[], q: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}

/** Renders rows as an aligned text table (numbers right-aligned). */
export function table(rows: Record<string, string | number | null>[]): string {
  if (!rows.length) return '(no rows)';
  const cols = Object.keys(rows[0] as object);
  const cell = (v: unknown): string => (v === null || v === undefined ? '–' : String(v));
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[], nums: boolean[]): string =>
    vals.map((v, i) => (nums[i] ? v.padStart(width[i] as number) : v.padEnd(width[i] as number))).join('  ');
  const isNum = cols.map((c) => rows.every((r) => typeof r[c] === 'number' || r[c] === null));
  return [line(cols, isNum), line(width.map((w) => '-'.repeat(w)), isNum), ...rows.map((r) => line(cols.map((c) => cell(r[c])), isNum))].join('\n');
}
