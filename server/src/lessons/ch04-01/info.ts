/** ch04-01: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { bool, num } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch04-01',
  title: 'Multiple-input linear regression',
  chapter: 4,
  controls: ['lr', 'batchSize', 'speed'],
  channels: ['metrics', 'data', 'fit', 'panels', 'landscape'],
  defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 2, speed: 20 },
  description:
    'Fits ŷ = w1·x1 + w2·x2 + b (Linear 2→1) to y = x1 + x2 + 1 + ε (20 points, noise std 1) by SGD, lr 0.1, ' +
    'batch 2. As in the course the two inputs are equal (x1 = x2), so only w1 + w2 can be learnt and the fitted ' +
    'plane is arbitrary along the other direction; every point lies on the diagonal, which is why the data and ' +
    'fit panels show y and ŷ along x1 = x2 (a line of slope w1 + w2). The plane panel shows ŷ over the whole ' +
    '(x1, x2) square with the data on it, each sample a dot at its (x1, x2) filled with its y on the plane’s colours: ' +
    'where a dot’s colour differs from the plane under it, that is its residual, and the dots show where data pin ' +
    'the plane down. The path panel shows the (w1, w2) the run visited over the floor of the loss valley: with ' +
    'x1 = x2 that floor is the line w1 + w2 = const of equally good fits, and the path stops wherever it meets ' +
    'it. Options: the noise scale, and de-correlated inputs (x2 drawn at random, issue 5), which give the valley ' +
    'a single lowest point near the true w = (1, 1) (the data and fit panels then still plot against x1 and ' +
    'along the diagonal); each restarts the run. Course bugs fixed: the loss curve is indexed by the step (the ' +
    'original passed Python’s built-in iter as the iteration), and nothing depends on the removed Matplotlib ' +
    '3-D call; the data are drawn from the run seed.',
  options: [
    num('noise', {
      label: 'noise scale',
      default: 1,
      min: 0,
      max: 3,
      step: 0.1,
      help: 'Standard deviation of the noise in y = x1 + x2 + 1 + noise·ε (the course: 1). Restarts the run.',
    }),
    bool('decorrelate', {
      label: 'de-correlate inputs',
      default: false,
      help: 'Draw x2 ~ U(−1, 1) instead of x2 = x1 (issue 5): then w1 and w2 are each determined, not only their sum. Restarts the run.',
    }),
  ],
});
