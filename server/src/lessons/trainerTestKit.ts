/**
 * Fixtures of the trainer's tests and of its framing's (probe/trainerFrames.test.ts): ch02-03 on noise-free data,
 * a comparison of two learning rates on it, and a variant with options and a view. Built from a lesson, so they live
 * with the lessons (a train/ file importing lessons/ would run up a floor).
 */
import type { TrainableLesson } from '../train/lessonModel.ts';
import { ch02_03 } from './ch02-03/model.ts';
import { buildLinearModel } from './linearModel.ts';
import type { Trainer } from '../train/trainer.ts';

/** ch02-03 on the noise-free data the catalogue's check values were computed on: y = x − 1. */
export const noiseFree: TrainableLesson = {
  info: { ...ch02_03.info, id: 'test-noise-free' },
  build: ({ tf: t }) => {
    const x = Float32Array.from({ length: 60 }, (_, i) => -3 + 0.1 * i);
    const y = x.map((v) => v - 1);
    return buildLinearModel({ tf: t, x, y, w0: -15, b0: -10, bias: true, window: { w: [-15, 15], b: [-15, 15], resolution: 61 } });
  },
};

export const position = (t: Trainer): [number, number] => t.surface!.position();

/** noiseFree trained at two learning rates side by side. */
export const comparison: TrainableLesson = {
  ...noiseFree,
  info: { ...noiseFree.info, id: 'test-comparison' },
  variants: [
    { label: 'lr 0.1', hp: { lr: 0.1 } },
    { label: 'lr 0.5', hp: { lr: 0.5 } },
  ],
};

/** ch02-03 noise-free with a start-w option, and a view showing the current w. */
export const optioned: TrainableLesson = {
  info: {
    ...ch02_03.info,
    id: 'test-options',
    channels: [...ch02_03.info.channels, 'panels'],
    options: [
      { name: 'startW', label: 'start w', kind: 'number', default: -15, min: -15, max: 15 },
      { name: 'lrSchedule', label: 'lr decay', kind: 'enum', default: 'constant', options: ['constant', 'inverse-time'], hot: true },
      { name: 'lrDecay', label: 'd', kind: 'number', default: 1, min: 0, max: 10, hot: true },
    ],
  },
  build: ({ tf: t, options }) => {
    const x = Float32Array.from({ length: 60 }, (_, i) => -3 + 0.1 * i);
    const y = x.map((v) => v - 1);
    const model = buildLinearModel({ tf: t, x, y, w0: options.startW as number, b0: -10, bias: true, window: { w: [-15, 15], b: [-15, 15], resolution: 11 } });
    return {
      ...model,
      views: () => ({
        fields: { w: { dtype: 'f32', dims: [1], data: model.params[0]!.dataSync() as Float32Array } },
        layout: [{ kind: 'grid', title: 'w now', field: 'w' }],
      }),
    };
  },
};
