/**
 * L(θ) on a landscape source's probe batch in evaluation mode, at the weights `values` (params order): the height
 * of a path point (a snapshot's true loss, not the plane's value under it), and the slice's value at its centre.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LandscapeSource } from '../../train/landscapeSource.ts';
import type { ParamArrays } from './paramArrays.ts';

export function trueLoss(source: LandscapeSource, values: ParamArrays): number {
  const loss = tf.tidy(() => source.evalLoss(values.map((v, i) => tf.tensor(v, (source.params[i] as LandscapeSource['params'][number]).variable.shape))));
  const value = (loss.dataSync() as Float32Array)[0] as number;
  loss.dispose();
  return value;
}
