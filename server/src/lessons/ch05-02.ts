/**
 * ch05-02 · Chapter05_02LogisticRegression: logistic regression, MSE vs cross-entropy.
 * Data: x = −1…1 step 0.1 (20 points), y = 1 if x > 0.2 (7 positives, 13 negatives). Model ŷ = σ(w·x + b) from the
 * deliberately bad start (w, b) = (−5, −10), SGD lr 2, batch 3 in order (7 steps per epoch: 6×3 + 1×2; the course
 * runs 50 epochs = 350 steps per loss). The course runs the model twice, with MSE (run A) and with BCE (run B);
 * this lesson trains with BCE by default, the loss that escapes the flat start, and the `loss` option switches to
 * MSE (run A). Check values at the start: MSE 0.35000, BCE 4.5509.
 * Options: the loss, the start (w, b). View: both losses along w and along b through the current (w, b), which
 * shows the flat MSE against the steep BCE wherever the path is.
 */
import type { LessonOption } from '@gradcast/shared';
import { threshold1d } from '../data/synthetic.ts';
import { enumOption, joinViews, numberOption } from '../probe/views/compose.ts';
import { curveView, grid1d } from '../probe/views/curve1d.ts';
import { buildLinearModel, lineLoss } from './linearModel.ts';
import type { DemoView, TrainingLesson } from './types.ts';

const LOSSES = ['bce', 'mse'] as const;
type LossName = (typeof LOSSES)[number];
const DEFAULTS = { loss: 'bce' as LossName, w0: -5, b0: -10 };
/** The surface window, also the range of the slices. */
const W_RANGE: [number, number] = [-15, 15];
const B_RANGE: [number, number] = [-13, 13];

const CONTROLS: LessonOption[] = [
  {
    name: 'loss',
    label: 'loss',
    kind: 'enum',
    options: [...LOSSES],
    default: DEFAULTS.loss,
    help: 'bce: binary cross-entropy (the course’s run B, escapes the bad start); mse: mean squared error on σ outputs (run A, stuck on its flat surface). Restarts the run.',
  },
  { name: 'w0', label: 'initial w', kind: 'number', default: DEFAULTS.w0, min: -15, max: 15, step: 0.5, help: 'Starting w (the course: −5). Restarts the run.' },
  { name: 'b0', label: 'initial b', kind: 'number', default: DEFAULTS.b0, min: -13, max: 13, step: 0.5, help: 'Starting b (the course: −10). Restarts the run.' },
];

/** MSE and BCE of σ(w·x + b) over the set (the slices draw both through the current (w, b)). */
export function logisticLosses(w: number, b: number, x: Float32Array, y: Float32Array): { mse: number; bce: number } {
  return { mse: lineLoss(w, b, x, y, 'sigmoid', 'mse'), bce: lineLoss(w, b, x, y, 'sigmoid', 'bce') };
}

export const ch05_02: TrainingLesson = {
  info: {
    id: 'ch05-02',
    title: 'Logistic regression: cross-entropy from a bad start',
    chapter: 5,
    trains: true,
    controls: ['lr', 'batchSize', 'speed'],
    channels: ['metrics', 'params', 'surface', 'path', 'data', 'fit', 'panels'],
    defaults: { lr: 2, optimizer: 'sgd', batchSize: 3, speed: 10 },
    description:
      'Logistic regression ŷ = σ(w·x + b) on 20 points labelled 1 where x > 0.2, from the deliberately bad start ' +
      '(w, b) = (−5, −10), SGD lr 2, batch 3. The loss is binary cross-entropy (the course’s run B): its exact ' +
      'surface over w ∈ [−15, 15], b ∈ [−13, 13] keeps a steep slope where the sigmoid saturates, so the path ' +
      'leaves the bad start, whereas the MSE surface of run A is flat there and gets stuck — switch the loss ' +
      'option to mse to train run A instead (the surface then shows the MSE). The slice panels draw both losses ' +
      'along w and along b through the current (w, b), flat against steep. The fit channel is the sigmoid curve ' +
      'over the 0/1 labels; training accuracy is over all 20 points at threshold 0.5. Options: the loss and the ' +
      'start (w, b); each restarts the run. Course bug fixed: x is built from integers, x = (i − 10)/10, and the ' +
      'label compares integers, so x = 0.2 is exactly class 0 rather than by the luck of float rounding.',
    options: CONTROLS,
  },
  build: ({ tf, hp, options }) => {
    const set = threshold1d();
    const y = Float32Array.from(set.labels);
    const model = buildLinearModel({
      tf,
      x: set.x,
      y,
      w0: numberOption(options, 'w0', DEFAULTS.w0),
      b0: numberOption(options, 'b0', DEFAULTS.b0),
      bias: true,
      head: 'sigmoid',
      loss: enumOption(options, 'loss', LOSSES, DEFAULTS.loss),
      hp,
      window: { w: W_RANGE, b: B_RANGE, resolution: 61 },
    });
    const ws = grid1d(...W_RANGE, 121);
    const bs = grid1d(...B_RANGE, 105);
    model.views = (): DemoView => {
      const [w, b] = model.surface.position();
      const now = logisticLosses(w, b, set.x, y);
      const alongW = Array.from(ws, (v) => logisticLosses(v, b, set.x, y));
      const alongB = Array.from(bs, (v) => logisticLosses(w, v, set.x, y));
      const slice = (axis: 'w' | 'b', loss: LossName, xs: Float32Array, values: { mse: number; bce: number }[]) =>
        curveView({
          name: `${loss}_${axis}`,
          title: `${loss.toUpperCase()} along ${axis} (${axis === 'w' ? 'b' : 'w'} fixed at its current value)`,
          x: xs,
          curves: [{ name: loss.toUpperCase(), values: Float32Array.from(values, (l) => l[loss]) }],
          points: Float32Array.of(axis === 'w' ? w : b, now[loss]),
          pointsName: 'current (w, b)',
          xLabel: axis,
          yLabel: loss.toUpperCase(),
          group: 'MSE vs BCE through the current (w, b)',
        });
      return joinViews(slice('w', 'mse', ws, alongW), slice('w', 'bce', ws, alongW), slice('b', 'mse', bs, alongB), slice('b', 'bce', bs, alongB));
    };
    return model;
  },
};
