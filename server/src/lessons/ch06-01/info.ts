/** ch06-01: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch06-01',
  title: 'Softmax in one dimension',
  chapter: 6,
  controls: ['lr', 'batchSize', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 5, speed: 30 },
  description:
    'Three classes on a line (x ≤ −1, −1 < x < 1, x ≥ 1; 40 points) learnt by softmax regression: one logit line ' +
    'z_k = w_k·x + b_k per class, the predicted class being the largest logit. Cross-entropy, SGD lr 0.01, ' +
    'batch 5. The accuracy (over all 40 points) climbs as the crossings of the lines move towards x = −1 and ' +
    'x = 1, reaching 100 % within the course’s 3,200 steps. Panels: the three logit lines, the strip of argmax ' +
    'classes under them with the labelled points, and the softmax probabilities over x (each point at the ' +
    'probability of its own class). Course bug fixed: the original’s region colouring compared a curve with ' +
    'itself (y1 > y1); here a point’s class is the argmax of its logits.',
});
