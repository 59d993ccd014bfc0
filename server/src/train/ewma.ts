/**
 * Exponentially weighted average (lessons.md "Formulas" 1): V₀ = 0, V_t = β·V_{t−1} + (1−β)·θ_t, which averages
 * over roughly the last 1/(1−β) values, and its bias-corrected form V̂_t = V_t/(1−β^t).
 *
 * β may change between updates (a live smoothing control). The weights given to θ₁…θ_t then sum to
 * 1 − Π_k β_k rather than 1 − β^t, so that product is what V̂ divides by; with a constant β they are equal.
 */
export class Ewa {
  /** V_t, biased towards 0 for small t. */
  V = 0;
  /** Number of values seen. */
  t = 0;
  /** Π β_k over the updates so far (β^t for a constant β). */
  private betaProduct = 1;

  constructor(public beta: number) {
    Ewa.check(beta);
  }

  private static check(beta: number): void {
    if (!Number.isFinite(beta) || beta < 0 || beta >= 1) throw new RangeError(`ewa: β must be in [0, 1), got ${beta}`);
  }

  /** Adds θ_t and returns the bias-corrected average V̂_t. */
  update(theta: number): number {
    Ewa.check(this.beta);
    this.V = this.beta * this.V + (1 - this.beta) * theta;
    this.betaProduct *= this.beta;
    this.t += 1;
    return this.Vhat;
  }

  /** V̂_t = V_t/(1 − Π β_k); NaN before the first value. */
  get Vhat(): number {
    return this.t === 0 ? Number.NaN : this.V / (1 - this.betaProduct);
  }

  reset(): void {
    this.V = 0;
    this.t = 0;
    this.betaProduct = 1;
  }
}

/** V and V̂ after each θ of a whole series, for a constant β. */
export function ewaSeries(thetas: ArrayLike<number>, beta: number): { V: Float64Array; Vhat: Float64Array } {
  const e = new Ewa(beta);
  const V = new Float64Array(thetas.length);
  const Vhat = new Float64Array(thetas.length);
  for (let i = 0; i < thetas.length; i++) {
    Vhat[i] = e.update(thetas[i]!);
    V[i] = e.V;
  }
  return { V, Vhat };
}
