/** ch06-02: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { drawing } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch06-02',
  title: 'Softmax classifier on MNIST',
  chapter: 6,
  controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  // Pace: the ten templates take shape over the first few hundred steps; 20 steps/s shows it in ~15 s, an epoch (600 steps) in 30 s.
  defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 100, speed: 20 },
  description:
    'Softmax regression (Linear 784→10) on the full MNIST training set, cross-entropy, SGD lr 0.1, batch 100; ' +
    'test accuracy on the 10,000 test images after every epoch. Course bug fixed: the loss curve is the mean ' +
    'over recent batches rather than the last mini-batch of each epoch. Panels: the 10 weight columns as ' +
    '28×28 templates (blue negative, orange positive), and from the last test evaluation the first ' +
    'misclassified test images (true → predicted, with the predicted probability) and the confusion matrix. ' +
    'Lesson option (live): a digit drawn by hand, shown with the model’s 10 probabilities for it.',
  options: [
    // 28×28 as the model's input: white ink on black, as MNIST.
    drawing('drawn', { label: 'draw a digit', default: '', width: 28, height: 28, help: 'the model’s probabilities for a digit drawn here are shown beside the templates', hot: true, viewOnly: true }),
  ],
});
