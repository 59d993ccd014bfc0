/**
 * ch07-04 · Chapter07_04NNMultiClass: MNIST with one hidden layer.
 * 784 → 100 (σ) → 10 (79,510 parameters, default init), cross-entropy, SGD lr 0.01, batch 2,000 from a loader that
 * shuffles (30 steps per epoch; the course runs 1 epoch), the full 60,000 / 10,000 split in [0, 1].
 */
import type * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../data/prng.ts';
import { mnistData, prepareMnist } from '../data/mnistData.ts';
import { enumOption, intOption, joinViews } from '../probe/views/compose.ts';
import { activationsOf, sampleCaption } from '../probe/views/featureMaps.ts';
import { galleryView } from '../probe/views/gallery.ts';
import { unitGridView } from '../probe/views/layerStats.ts';
import { denseColumnTiles, tilesView } from '../probe/views/tiles.ts';
import type { Activation } from '../train/model.ts';
import { classifierModel } from './classifier.ts';
import { memoryRows } from './memoryRows.ts';
import { SHUFFLE_STREAM, subSeed } from '../data/prng.ts';
import { buildMlp } from '../train/nets/mlp.ts';
import type { DemoView, TrainingLesson } from './types.ts';
import { hiddenUnitsControl } from './hiddenUnitsControl.ts';

const ACTIVATIONS: readonly Activation[] = ['sigmoid', 'tanh', 'relu'];
/**
 * Weight tiles sent at most: the course's 100 units. Each 28×28 tile is 784 bytes (q8) of every panels frame, about
 * once a second per viewer, so a wider layer shows its first 100 units rather than growing the frame.
 */
const MAX_TILES = 100;

export const ch07_04: TrainingLesson = {
  info: {
    id: 'ch07-04',
    title: 'MNIST with one sigmoid hidden layer',
    chapter: 7,
    trains: true,
    controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'weightDecay', 'dropout', 'batchNorm', 'init', 'speed'],
    channels: ['metrics', 'panels'],
    defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 2000, speed: 0 },
    description:
      'A 784 → 100 (σ) → 10 network on the full MNIST training set: cross-entropy, SGD lr 0.01, batch 2,000 ' +
      'reshuffled every epoch (seeded), test accuracy on the 10,000 test images after every epoch (30 steps). ' +
      'At the course’s lr 0.01 the sigmoid layer learns slowly — the loss barely leaves log 10 ≈ 2.30 in the ' +
      'course’s single epoch; raise lr (or switch optimizer) to see how much faster it can go. The original’s ' +
      'unused duplicate Sequential model is not built. Live controls beyond the course: weight decay, dropout, ' +
      'batch norm (rebuilds the network, keeping the weights) and the initialisation (draws the weights anew); ' +
      'lesson options: the hidden width and activation (restart the run) and the test image the heatmap shows. ' +
      'Panels: each hidden unit’s 784 incoming weights as a 28×28 tile, the chosen test image with the ' +
      'network’s prediction and its hidden activations as a heatmap, and the first misclassified test images ' +
      'of the last evaluation.',
    options: [
      { name: 'sample', label: 'test image', kind: 'integer', default: 0, min: 0, max: 9999, step: 1, help: 'test image whose hidden activations are shown', hot: true, viewOnly: true },
      hiddenUnitsControl(100, 300, ''),
      { name: 'activation', label: 'activation', kind: 'enum', default: 'sigmoid', options: [...ACTIVATIONS], help: 'hidden activation (the course: sigmoid)' },
    ],
  },
  prepare: async (onProgress) => {
    await prepareMnist('train', 28, onProgress);
    await prepareMnist('test', 28, onProgress);
  },
  build: ({ seed, hp, options }) => {
    const train = mnistData('train', 28);
    const test = mnistData('test', 28);
    const hidden = intOption(options, 'hidden', 100, 1, 300);
    const activation = enumOption(options, 'activation', ACTIVATIONS, 'sigmoid');
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
        const k = intOption(options, 'sample', 0, 0, test.n - 1);
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
};
