/**
 * Number formatting shared by every page, so two members looking at the same server value read the same text.
 */

/** Round to `digits` significant digits (what a slider sends, so the readout shows exactly what was sent). */
export function roundSig(v: number, digits = 4): number {
  return Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(digits)) : v;
}

/** A hyperparameter value as text: numbers with up to 4 significant digits ("0.1", "0.03162", "200"). */
export function formatValue(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(roundSig(v, 4)) : String(v);
  if (v === undefined || v === null) return '—';
  return String(v);
}

/** A loss for the header and live region: 4 significant digits, exponent form past 1e5 or below 1e-3. */
export function formatLoss(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(3);
  return String(roundSig(v, 4));
}

/** Bytes per second as "12.3 KB/s" (1 KB = 1000 B). */
export function formatRate(bytesPerSecond: number): string {
  const kb = bytesPerSecond / 1000;
  return kb >= 100 ? `${Math.round(kb)} KB/s` : `${kb.toFixed(1)} KB/s`;
}

/** A power of ten as an axis label: "1000", "0.01", or "1e17" / "1e-5" beyond that range (fits a narrow axis). */
export function formatDecade(v: number): string {
  const e = Math.round(Math.log10(v));
  return e > 4 || e < -3 ? `1e${e}` : String(10 ** e);
}

/** A fraction in [0, 1] as a percentage with one decimal ("91.2%"); "—" when unknown (NaN). */
export function formatPercent(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${(v * 100).toFixed(1)}%`;
}

/** An evaluation metric's name as a heading: "testAccuracy" → "test accuracy", "trainLoss" → "train loss". */
export function evalLabel(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
