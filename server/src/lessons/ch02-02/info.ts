/** ch02-02: what the lesson is (its catalogue entry and option specs); model.ts is how it computes. */
import { bool, num } from '@gradcast/shared';
import { demoInfo } from '../lessonInfo.ts';

export const info = demoInfo({
  id: 'ch02-02',
  title: 'Prediction with Linear',
  chapter: 2,
  description:
    'A parameter inspector for Linear 1→1 inside a custom module (state dict keys linear.weight and linear.bias, ' +
    '2 parameters): edit w, b and x and read ŷ = w·x + b live, for your x and the course’s inputs 1 and [1, 2] ' +
    '(w = 2, b = −1 gives 1 and [1, 3]). A toggle shows PyTorch’s default init instead, U(−1, 1) for one input, ' +
    'drawn from the room’s seed with our PRNG (PyTorch’s seed-1 values cannot be reproduced).',
  options: [
    bool('defaultInit', { label: 'Default init (seeded)', default: false, help: 'Use PyTorch’s default init, U(−1, 1), drawn from the room’s seed, instead of the sliders.' }),
    num('w', { label: 'w (linear.weight)', min: -5, max: 5, step: 0.1, default: 2, help: 'Course: 2.' }),
    num('b', { label: 'b (linear.bias)', min: -5, max: 5, step: 0.1, default: -1, help: 'Course: −1.' }),
    num('x', { label: 'x', min: -5, max: 5, step: 0.1, default: 1, help: 'The input to predict for.' }),
  ],
});
