/** ch03-02: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch03-02',
  title: 'Linear regression with the SGD optimizer',
  chapter: 3,
  controls: ['lr', 'batchSize', 'speed'],
  channels: ['metrics', 'params', 'surface', 'path', 'data', 'fit'],
  defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 1, speed: 20 },
  description:
    'Fits ŷ = w·x + b to y = x − 1 + 0.1·ε (60 points) with stochastic gradient descent, one sample per step in ' +
    'order, lr 0.01, from (w, b) = (−15, −10). The path on the exact MSE surface (w ∈ [−15, 15], b ∈ [−13, 13]) ' +
    'zig-zags because every step follows one sample’s gradient; the path’s loss is that sample’s loss, the ' +
    'surface the loss over all 60. Course bugs fixed: the surface uses the training formula (the original’s ' +
    'sign error put its minimum at b = +1), the training loop is named for what it does (mini-batch SGD, batch 1 ' +
    'by default, not batch gradient descent), and it prints no per-sample debug output.',
});
