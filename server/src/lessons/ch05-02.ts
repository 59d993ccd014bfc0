/**
 * ch05-02 · Chapter05_02LogisticRegression: logistic regression, MSE vs cross-entropy.
 * Data: x = −1…1 step 0.1 (20 points), y = 1 if x > 0.2 (7 positives, 13 negatives). Model ŷ = σ(w·x + b) from the
 * deliberately bad start (w, b) = (−5, −10), SGD lr 2, batch 3 in order (7 steps per epoch: 6×3 + 1×2; the course
 * runs 50 epochs = 350 steps per loss). The course runs the model twice, with MSE (run A) and with BCE (run B);
 * this lesson trains with BCE, the loss that escapes the flat start (a loss-type control does not exist yet).
 * Check values at the start: MSE 0.35000, BCE 4.5509.
 */
import { threshold1d } from '../data/synthetic.ts';
import { buildLinearModel } from './linearModel.ts';
import type { TrainingLesson } from './types.ts';

export const ch05_02: TrainingLesson = {
  info: {
    id: 'ch05-02',
    title: 'Logistic regression: cross-entropy from a bad start',
    chapter: 5,
    trains: true,
    controls: ['lr', 'batchSize', 'speed'],
    channels: ['metrics', 'params', 'surface', 'path', 'data', 'fit'],
    defaults: { lr: 2, optimizer: 'sgd', batchSize: 3, speed: 10 },
    description:
      'Logistic regression ŷ = σ(w·x + b) on 20 points labelled 1 where x > 0.2, from the deliberately bad start ' +
      '(w, b) = (−5, −10), SGD lr 2, batch 3. The loss is binary cross-entropy (the course’s run B): its exact ' +
      'surface over w ∈ [−15, 15], b ∈ [−13, 13] keeps a steep slope where the sigmoid saturates, so the path ' +
      'leaves the bad start, whereas the MSE surface of run A is flat there and gets stuck. The fit channel is the ' +
      'sigmoid curve over the 0/1 labels; training accuracy is over all 20 points at threshold 0.5. Course bug ' +
      'fixed: x is built from integers, x = (i − 10)/10, and the label compares integers, so x = 0.2 is exactly ' +
      'class 0 rather than by the luck of float rounding.',
  },
  build: ({ tf, hp }) => {
    const set = threshold1d();
    return buildLinearModel({
      tf,
      x: set.x,
      y: Float32Array.from(set.labels),
      w0: -5,
      b0: -10,
      bias: true,
      head: 'sigmoid',
      loss: 'bce',
      hp,
      window: { w: [-15, 15], b: [-13, 13], resolution: 61 },
    });
  },
};
