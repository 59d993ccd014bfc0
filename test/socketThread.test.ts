/**
 * The socket thread loads lesson metadata, not the training stack: importing the app must not pull in the
 * tfjs union package (layers, converter, data, webgl: ~0.8 s of start-up), which only the engine workers need.
 */
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';

it('importing the app registers no gradient functions (the tfjs union is not loaded)', async () => {
  await import('@gradcast/server/app');
  expect(tf.getGradient('Mean')).toBeUndefined();
});
