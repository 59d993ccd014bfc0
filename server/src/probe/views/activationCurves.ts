/**
 * An activation function and its derivative as a static `series` panel (ch07-05: why σ learns slowest —
 * σ′ ≤ 1/4 everywhere, tanh′ = 1 at 0, ReLU′ = 1 wherever the unit is active).
 */
import { field } from '@gradcast/shared';
import type { Activation } from '../../train/model.ts';
import type { DemoView } from '@gradcast/shared';

/** z from −6 to 6 in steps of 0.1 (121 points): σ is within 0.0025 of its limits at the ends. */
export const CURVE_Z = Float32Array.from({ length: 121 }, (_, i) => -6 + i / 10);

/** f(z) and f′(z) at z; ReLU′(0) = 0, as PyTorch takes it. */
export function activationAndDerivative(activation: Activation, z: number): [number, number] {
  switch (activation) {
    case 'sigmoid': {
      const s = 1 / (1 + Math.exp(-z));
      return [s, s * (1 - s)];
    }
    case 'tanh': {
      const t = Math.tanh(z);
      return [t, 1 - t * t];
    }
    case 'relu':
      return [Math.max(0, z), z > 0 ? 1 : 0];
    case 'identity':
      return [z, 1];
  }
}

/** Legend names of f and f′. */
const SYMBOL: Record<Activation, string> = { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', identity: 'id' };

const cache = new Map<Activation, [Float32Array, Float32Array]>();

/** Series panel: `${name}.z` [121], `${name}.f` [121], `${name}.df` [121]. */
export function activationCurveView(name: string, title: string, activation: Activation): DemoView {
  let curves = cache.get(activation);
  if (!curves) {
    const f = new Float32Array(CURVE_Z.length);
    const df = new Float32Array(CURVE_Z.length);
    CURVE_Z.forEach((z, i) => ([f[i], df[i]] = activationAndDerivative(activation, z)));
    curves = [f, df];
    cache.set(activation, curves);
  }
  const s = SYMBOL[activation];
  return {
    fields: {
      [`${name}.z`]: field('f32', CURVE_Z),
      [`${name}.f`]: field('f32', curves[0]),
      [`${name}.df`]: field('f32', curves[1]),
    },
    layout: [{ kind: 'series', title, field: `${name}.f`, x: `${name}.z`, y2: `${name}.df`, names: [`${s}(z)`, `${s}′(z)`], xLabel: 'z' }],
  };
}
