/** How numbers read in panel titles and text panels. */

/**
 * A number for a text panel: integers whole, others with up to 4 significant digits, and a real minus sign.
 * Float32 values are rounded first, so 102.40000153 reads 102.4.
 */
export function fmt(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  // Integers in full while they are short; huge ones (a diverging run's 1.7e12) in exponent form like the rest.
  const s =
    Number.isInteger(v) && Math.abs(v) < 1e6
      ? String(v)
      : Math.abs(v) >= 1e5 || Math.abs(v) < 1e-4
        ? v.toExponential(3)
        : String(Number(v.toPrecision(4)));
  return s.replace('-', '−');
}

/** A list of numbers as "[a, b, c]" for text panels. */
export const fmtList = (vs: ArrayLike<number>): string => `[${Array.from(vs, fmt).join(', ')}]`;
