/**
 * The course's MNIST multilayer perceptrons (ch07-05, ch08-01, ch08-06, ch08-09): flattened 28×28 rows in [0, 1],
 * softmax cross-entropy, a training loader that reshuffles every epoch (the course's shuffle=True), test accuracy
 * and loss on the 10,000 test images after every epoch.
 *
 * The shuffle order comes from the run seed alone, so every variant of a comparison sees the same batches in the
 * same order; the weights come from their own stream of the run seed (INIT_STREAM), the same for every variant,
 * so two variants of one architecture start from the same weights unless their init method differs.
 *
 * Views (what each lesson asks for, MlpViews) are taken on a fixed probe batch, the first PROBE_ROWS training
 * images, in evaluation mode (no dropout; batch norm on its running statistics): the same images at every frame,
 * so a histogram changes only because the network did.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Hyperparams } from '@gradcast/shared';
import { createRng } from '../data/prng.ts';
import { mnistData, prepareMnist } from '../data/mnistData.ts';
import type { ProgressFn } from '../data/mnist.ts';
import { activationCurveView } from '../probe/views/activationCurves.ts';
import { joinViews, textView } from '../probe/views/compose.ts';
import { activationsOf, type ReadTensor, readTensors } from '../probe/views/featureMaps.ts';
import { histogramView, type HistogramRow } from '../probe/views/histogram.ts';
import { overlayHistogramView } from './histogramOverlay.ts';
import { gradientNorms, layerRowView, runningStatsView } from '../probe/views/layerStats.ts';
import type { InitName } from '../train/init.ts';
import { softmaxCrossEntropy } from '../train/losses.ts';
import type { Activation } from '../train/model.ts';
import { classifierModel } from './classifier.ts';
import { memoryRows } from './memoryRows.ts';
import { INIT_STREAM, SHUFFLE_STREAM, subSeed } from '../data/prng.ts';
import { buildMlp, type MlpSpec, type Net } from '../train/nets/mlp.ts';
import type { DemoView, LessonModel } from './types.ts';

/** Loads the 28×28 train and test splits (once per thread). */
export async function prepareMnist28(onProgress?: ProgressFn): Promise<void> {
  await prepareMnist('train', 28, onProgress);
  await prepareMnist('test', 28, onProgress);
}

/**
 * Images in the views' probe batch: 100 × 50 units = 5,000 values in a ch08-01 layer's histogram, and a
 * forward and backward pass of a few milliseconds on wasm (the views run about once a second, per variant).
 */
export const PROBE_ROWS = 100;

/** Which panels an MLP lesson shows (all per variant, side by side in a comparison). */
export interface MlpViews {
  /** The hidden activation and its derivative (a static series). */
  curve?: boolean;
  /** Histogram of each hidden layer's activations, over the activation's own range (saturation). */
  activations?: boolean;
  /** Histograms of the pre-activations z = Wx + b and, with batch norm, of its output. */
  preActivations?: boolean;
  /** ‖∂L/∂W‖ of each layer on the probe batch (vanishing gradients). */
  gradNorms?: boolean;
  /** Histogram of each layer's weights. */
  weights?: boolean;
  /**
   * Weight and activation histograms at initialisation too (taken once, at build), drawn in the same panels as
   * the current ones (histogramOverlay.ts: one plot, two colours).
   */
  atStart?: boolean;
  /** Batch norm's running mean and variance per unit. */
  runningStats?: boolean;
}

/** The range an activation's values lie in (null: unbounded, drawn over the values' own range). */
function activationRange(a: Activation): [number, number] | undefined {
  return a === 'sigmoid' ? [0, 1] : a === 'tanh' ? [-1, 1] : undefined;
}

const BN_TITLE = 'after batch norm (running statistics)';

const SYMBOL: Record<Activation, string> = { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', identity: 'identity' };

/** An MLP classifier (spec.sizes from 784 to 10) on shuffled MNIST, its weights drawn by `init`. */
export function mnistMlpModel(seed: number, hp: Hyperparams, spec: MlpSpec, init: InitName, views: MlpViews = {}): LessonModel {
  const train = mnistData('train', 28);
  const net: Net = buildMlp(spec, init, createRng(subSeed(seed, INIT_STREAM)), hp);
  const rows = memoryRows({ xDim: 784, x: train.pixels, y: train.labels }, { shuffle: createRng(subSeed(seed, SHUFFLE_STREAM)) });
  const model = classifierModel(net, rows, mnistData('test', 28), hp);
  if (!Object.values(views).some(Boolean)) return model;

  const probeX = train.pixels.subarray(0, PROBE_ROWS * 784);
  const probeY = train.labels.subarray(0, PROBE_ROWS);
  const hiddenLayers = spec.sizes.length - 2;
  const layerNames = Array.from({ length: spec.sizes.length - 1 }, (_, i) => `fc${i + 1}`);
  const weightVars = layerNames.map((n) => net.params[net.names.indexOf(`${n}.W`)] as tf.Variable);
  const range = activationRange(spec.activation);
  const sym = SYMBOL[spec.activation];
  const layerRows = (acts: Record<string, ReadTensor>, prefix: string) =>
    Array.from({ length: hiddenLayers }, (_, i) => ({ name: `layer ${i + 1}`, values: (acts[`${prefix}${i + 1}`] as ReadTensor).data }));
  const probeActivations = (): Record<string, ReadTensor> => activationsOf(net, probeX, [PROBE_ROWS, 784]);
  /** Each layer's weights now (a copy: the variables change under training). */
  const weightRows = (): HistogramRow[] =>
    weightVars.map((w, i) => ({ name: layerNames[i] as string, values: Float32Array.from(w.dataSync() as Float32Array) }));
  // Titles are the same in every variant of a comparison (the trainer puts same-titled panels side by side);
  // what differs (the activation) goes in the axis label.
  const actsTitle = `hidden activations per layer (${PROBE_ROWS} training images)`;
  const actsLabel = `${sym}(z)`;

  // Taken once, now: the histograms the course draws before training, kept to draw under the current ones.
  const startWeights = views.atStart && views.weights ? weightRows() : null;
  const startActs =
    views.atStart && views.activations
      ? layerRows(probeActivations(), 'h').map((r) => ({ name: r.name, values: Float32Array.from(r.values) }))
      : null;
  const weightsView = (): DemoView =>
    startWeights
      ? overlayHistogramView('weights', 'weights per layer, now and at initialisation', weightRows(), startWeights, { xLabel: 'weight' })
      : histogramView('weights', 'weights per layer', weightRows(), { xLabel: 'weight' });
  const activationsView = (acts: Record<string, ReadTensor>): DemoView =>
    startActs
      ? overlayHistogramView('acts', `hidden activations per layer, now and at initialisation (${PROBE_ROWS} training images)`, layerRows(acts, 'h'), startActs, {
          ...(range ? { range } : {}),
          xLabel: actsLabel,
        })
      : histogramView('acts', actsTitle, layerRows(acts, 'h'), { ...(range ? { range } : {}), xLabel: actsLabel });

  return {
    ...model,
    views() {
      let acts: Record<string, ReadTensor> = {};
      let norms: Float32Array | null = null;
      if (views.gradNorms) {
        // One pass for both: the loss is built from the evaluation-mode activations (the same graph as
        // forward(x, false)), which are kept through variableGrads' tidy and read afterwards.
        const x = tf.tensor2d(probeX, [PROBE_ROWS, 784]);
        const y = tf.tensor1d(probeY, 'int32');
        let kept: Record<string, tf.Tensor> = {};
        try {
          norms = gradientNorms(() => {
            kept = (net.activations as NonNullable<Net['activations']>)(x);
            for (const t of Object.values(kept)) tf.keep(t);
            return softmaxCrossEntropy(kept.logits as tf.Tensor2D, y);
          }, weightVars);
        } finally {
          tf.dispose([x, y]);
          acts = readTensors(kept);
        }
      } else if (views.activations || views.preActivations) {
        acts = probeActivations();
      }
      const stats = views.runningStats ? (net.runningStats?.() ?? []) : [];
      return joinViews(
        views.curve ? activationCurveView('curve', 'activation and its derivative', spec.activation) : null,
        views.preActivations
          ? histogramView('z', `pre-activations z = Wx + b (${PROBE_ROWS} training images)`, layerRows(acts, 'z'), { xLabel: 'z' })
          : null,
        // A model without batch norm says so under the same title, so the panels keep their order side by side.
        views.preActivations
          ? spec.batchNorm
            ? histogramView('bn', BN_TITLE, layerRows(acts, 'bn'), { xLabel: spec.batchNormAfter ? `BN(${sym}(z))` : 'BN(z)' })
            : textView(BN_TITLE, 'This model has no batch norm.')
          : null,
        views.activations ? activationsView(acts) : null,
        norms ? layerRowView('gradNorm', `gradient norm ‖∂L/∂W‖ per layer (${PROBE_ROWS} training images)`, norms, layerNames.join(', ')) : null,
        views.weights ? weightsView() : null,
        ...stats.map((s) =>
          runningStatsView(s.name, `${s.name} running statistics`, Float32Array.from(s.mean.dataSync()), Float32Array.from(s.variance.dataSync())),
        ),
      );
    },
  };
}
