/**
 * A number as written in a grid cell or table: integers whole, others with up to 3 significant digits, no
 * trailing zeros, and an ASCII minus so the text reads back as a number ("-4", "0.125", "1.23e+4").
 */
export function cellText(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  if (v === 0) return '0'; // also −0
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(2).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(3)));
}
