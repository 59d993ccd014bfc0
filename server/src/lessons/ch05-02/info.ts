/** ch05-02: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { choice, num } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

/** The two losses the course compares: its run B (BCE) and run A (MSE). */
export const LOSSES = ['bce', 'mse'] as const;

export const info = trainingInfo({
  id: 'ch05-02',
  title: 'Logistic regression: cross-entropy from a bad start',
  chapter: 5,
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
  options: [
    choice('loss', LOSSES, {
      label: 'loss',
      default: 'bce',
      help: 'bce: binary cross-entropy (the course’s run B, escapes the bad start); mse: mean squared error on σ outputs (run A, stuck on its flat surface). Restarts the run.',
    }),
    num('w0', { label: 'initial w', default: -5, min: -15, max: 15, step: 0.5, help: 'Starting w (the course: −5). Restarts the run.' }),
    num('b0', { label: 'initial b', default: -10, min: -13, max: 13, step: 0.5, help: 'Starting b (the course: −10). Restarts the run.' }),
  ],
});
