/**
 * The parameter vector θ and its last gradient, flattened in the model's parameter order, as a `params`
 * frame. Used for small models (the regressions), where every weight is worth showing as a number.
 */
import { field, type Frame } from '@gradcast/shared';

export function paramsFrame(
  names: string[],
  theta: Float32Array,
  grad: Float32Array,
  generation: number,
  step: number,
  lossNow: number,
): Frame {
  return {
    channel: 'params',
    generation,
    step,
    meta: { names: names.join(','), loss: lossNow },
    fields: { theta: field('f32', theta), grad: field('f32', grad) },
  };
}
