/**
 * ch07-04 · Chapter07_04NNMultiClass: MNIST with one hidden layer.
 * 784 → 100 (σ) → 10 (79,510 parameters, default init), cross-entropy, SGD lr 0.01, batch 2,000 from a loader that
 * shuffles (30 steps per epoch; the course runs 1 epoch), the full 60,000 / 10,000 split in [0, 1].
 */
import type * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../data/prng.ts';
import { mnistData, prepareMnist } from '../../data/mnistData.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { activationsOf, sampleCaption } from '../../probe/views/featureMaps.ts';
import { galleryView } from '../../probe/views/gallery.ts';
import { unitGridView } from '../../probe/views/layerStats.ts';
import { denseColumnTiles, tilesView } from '../../probe/views/tiles.ts';
import { classifierModel } from '../classifier.ts';
import { memoryRows } from '../memoryRows.ts';
import { SHUFFLE_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp } from '../../train/nets/mlp.ts';
import type { DemoView } from '../types.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

/**
 * Weight tiles sent at most: the course's 100 units. Each 28×28 tile is 784 bytes (q8) of every panels frame, about
 * once a second per viewer, so a wider layer shows its first 100 units rather than growing the frame.
 */
const MAX_TILES = 100;

export const ch07_04 = trainingLesson(info, {
  prepare: async (onProgress) => {
    await prepareMnist('train', 28, onProgress);
    await prepareMnist('test', 28, onProgress);
  },
  build: ({ seed, hp, options }) => {
    const train = mnistData('train', 28);
    const test = mnistData('test', 28);
    const { hidden, activation } = options;
    // Batch norm, dropout and the initialisation follow the live controls (off, 0 and default, as the course).
    const net = buildMlp({ sizes: [784, hidden, 10], activation, batchNorm: hp.batchNorm, dropout: true }, hp.init, createRng(seed), hp);
    const rows = memoryRows({ xDim: 784, x: train.pixels, y: train.labels }, { shuffle: createRng(subSeed(seed, SHUFFLE_STREAM)) });
    const model = classifierModel(net, rows, test, hp);
    /** W [784, hidden]: column u holds unit u's incoming weights, one per pixel. */
    const W = net.params[net.names.indexOf('fc1.W')] as tf.Variable;
    const group = 'chosen test image';
    const tiles = Math.min(hidden, MAX_TILES);
    const tilesTitle = `first-layer weights: ${tiles === hidden ? hidden : `the first ${tiles} of ${hidden}`} units × 28×28`;
    return {
      ...model,
      views(): DemoView {
        // `sample` is hot: `options` is the trainer's live values object, read at every frame.
        const k = options.sample;
        const pixels = test.pixels.subarray(k * 784, (k + 1) * 784);
        const acts = activationsOf(net, pixels, [1, 784]);
        return joinViews(
          tilesView('fc1', tilesTitle, denseColumnTiles(W.dataSync(), 784, hidden, 28, 28, tiles), tiles, 28, 28),
          tilesView('digit', 'input', Float32Array.from(pixels), 1, 28, 28, {
            scale: 'grey',
            captions: [sampleCaption(k, test.labels[k] as number, acts.logits!.data)],
            group,
          }),
          unitGridView('hidden', 'hidden activations (unit = 10·row + column)', acts.h1!.data, group),
          galleryView('gallery', 'misclassified test images (true → predicted)', model.lastEvaluation(), test.pixels, 28),
        );
      },
    };
  },
});
