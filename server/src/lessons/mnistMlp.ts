/**
 * The course's MNIST multilayer perceptrons (ch07-05, ch08-01, ch08-06, ch08-09): flattened 28×28 rows in [0, 1],
 * softmax cross-entropy, a training loader that reshuffles every epoch (the course's shuffle=True), test accuracy
 * and loss on the 10,000 test images after every epoch.
 *
 * The shuffle order comes from the run seed alone, so every variant of a comparison sees the same batches in the
 * same order; the weights come from their own stream of the run seed (INIT_STREAM), the same for every variant,
 * so two variants of one architecture start from the same weights unless their init method differs.
 */
import type { Hyperparams } from '@gradcast/shared';
import { createRng } from '../data/prng.ts';
import { mnistData, prepareMnist } from '../data/mnistData.ts';
import type { ProgressFn } from '../data/mnist.ts';
import type { InitName } from '../train/init.ts';
import { classifierModel } from './classifier.ts';
import { INIT_STREAM, memoryRows, SHUFFLE_STREAM, subSeed } from './memoryRows.ts';
import { buildMlp, type MlpSpec, type Net } from './nets/mlp.ts';
import type { LessonModel } from './types.ts';

/** Loads the 28×28 train and test splits (once per thread). */
export async function prepareMnist28(onProgress?: ProgressFn): Promise<void> {
  await prepareMnist('train', 28, onProgress);
  await prepareMnist('test', 28, onProgress);
}

/** An MLP classifier (spec.sizes from 784 to 10) on shuffled MNIST, its weights drawn by `init`. */
export function mnistMlpModel(seed: number, hp: Hyperparams, spec: MlpSpec, init: InitName): LessonModel {
  const train = mnistData('train', 28);
  const net: Net = buildMlp(spec, init, createRng(subSeed(seed, INIT_STREAM)), hp);
  const rows = memoryRows({ xDim: 784, x: train.pixels, y: train.labels }, { shuffle: createRng(subSeed(seed, SHUFFLE_STREAM)) });
  return classifierModel(net, rows, mnistData('test', 28), hp);
}
