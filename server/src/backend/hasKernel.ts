/**
 * Whether the active backend serves kernel `name`: the training code's one test for a fused kernel (wasm's
 * GradcastDense, GradcastSoftmaxXent…, registered at start-up), falling back to tfjs ops where it is missing.
 */
import * as tf from '@tensorflow/tfjs-core';

export const hasKernel = (name: string): boolean => tf.getKernel(name, tf.getBackend()) != null;
