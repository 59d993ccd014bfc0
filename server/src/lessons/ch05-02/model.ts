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
import { threshold1d } from '../../data/synthetic.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { curveView, grid1d } from '../../probe/views/curve1d.ts';
import { buildLinearModel, lineLoss } from '../linearModel.ts';
import type { DemoView } from '../types.ts';
import { trainingLesson } from '../join.ts';
import { info, type LOSSES } from './info.ts';

type LossName = (typeof LOSSES)[number];
/** The surface window, also the range of the slices. */
const W_RANGE: [number, number] = [-15, 15];
const B_RANGE: [number, number] = [-13, 13];

/** MSE and BCE of σ(w·x + b) over the set (the slices draw both through the current (w, b)). */
export function logisticLosses(w: number, b: number, x: Float32Array, y: Float32Array): { mse: number; bce: number } {
  return { mse: lineLoss(w, b, x, y, 'sigmoid', 'mse'), bce: lineLoss(w, b, x, y, 'sigmoid', 'bce') };
}

export const ch05_02 = trainingLesson(info, {
  build: ({ tf, hp, options }) => {
    const set = threshold1d();
    const y = Float32Array.from(set.labels);
    const model = buildLinearModel({
      tf,
      x: set.x,
      y,
      w0: options.w0,
      b0: options.b0,
      bias: true,
      head: 'sigmoid',
      loss: options.loss,
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
});
