/**
 * ch06-02 · Chapter06_02SoftmaxClassifier: softmax regression on MNIST.
 * Linear 784→10 (7,850 parameters, PyTorch default init, bound 1/28), cross-entropy, SGD lr 0.1, batch 100,
 * the full 60,000 / 10,000 split in [0, 1], batches in order (the course's loader does not shuffle).
 */
import type * as tf from '@tensorflow/tfjs-core';
import { field } from '@gradcast/shared';
import { createRng } from '../../data/prng.ts';
import { mnistData, prepareMnist } from '../../data/mnistData.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { drawingPixels } from '../drawingPixels.ts';
import { denseJs } from '../../probe/views/denseJs.ts';
import { drawingCaption, softmaxRow } from '../../probe/views/featureMaps.ts';
import { confusionView, galleryView } from '../../probe/views/gallery.ts';
import { denseColumnTiles, indexCaptions, tilesView } from '../../probe/views/tiles.ts';
import { classifierModel } from '../classifier.ts';
import { buildMlp } from '../../train/nets/mlp.ts';
import type { DemoView } from '../types.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

const DRAWING_GROUP = 'your drawing';

/**
 * A drawn digit through the softmax classifier: the 28×28 image as a grey tile captioned with the prediction
 * ("→ 3 (0.87)"), and its 10 class probabilities softmax(x·W + b) as a grid [1, 10] (column d: digit d), rounded
 * to 0.01 for reading. `pixels` [784] in [0, 1], W [784, 10] row-major, b [10].
 */
export function drawingView(pixels: Float32Array, W: Float32Array, b: Float32Array): DemoView {
  const logits = denseJs(pixels, { W, b, inDim: 784, outDim: 10 }, 'identity');
  const p = Float32Array.from(softmaxRow(logits), (v) => Math.round(v * 100) / 100);
  return {
    fields: { drawn: field('q8', pixels, [1, 28, 28]), 'drawn.p': field('f32', p, [1, 10]) },
    layout: [
      { kind: 'tiles', title: 'input: your drawing', field: 'drawn', scale: 'grey', captions: [drawingCaption(logits)], group: DRAWING_GROUP },
      { kind: 'grid', title: 'softmax probability of 0, 1, … 9', field: 'drawn.p', scale: 'sequential', group: DRAWING_GROUP },
    ],
  };
}

export const ch06_02 = trainingLesson(info, {
  prepare: async (onProgress) => {
    await prepareMnist('train', 28, onProgress);
    await prepareMnist('test', 28, onProgress);
  },
  build: ({ seed, hp, options }) => {
    const net = buildMlp({ sizes: [784, 10], activation: 'identity', batchNorm: false, dropout: false }, 'default', createRng(seed), hp);
    const test = mnistData('test', 28);
    const model = classifierModel(net, mnistData('train', 28), test, hp);
    /** W [784, 10]: column d holds the weights digit d's logit gives each pixel. */
    const W = net.params[net.names.indexOf('fc1.W')] as tf.Variable;
    const b = net.params[net.names.indexOf('fc1.b')] as tf.Variable;
    return {
      ...model,
      // `drawn` is hot: `options` is the trainer's live values object, read at every frame.
      views: () => {
        const w = W.dataSync() as Float32Array;
        const drawn = drawingPixels(options.drawn);
        return joinViews(
          tilesView('templates', 'weight templates (one column of W per digit)', denseColumnTiles(w, 784, 10, 28, 28), 10, 28, 28, {
            scale: 'diverging',
            captions: indexCaptions(10),
          }),
          drawn && drawingView(drawn, w, b.dataSync() as Float32Array),
          galleryView('gallery', 'misclassified test images (true → predicted)', model.lastEvaluation(), test.pixels, 28),
          confusionView('confusion', 'confusion matrix (last test evaluation)', model.lastEvaluation()),
        );
      },
    };
  },
});
