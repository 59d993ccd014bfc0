/** ch01-01: what the lesson is (its catalogue entry and option specs); model.ts is how it computes. */
import { choice, int, num } from '@gradcast/shared';
import { demoInfo } from '../lessonInfo.ts';

/** The examples, in the order the course file goes through them. */
export const CH01_01_EXAMPLES = [
  'reshape a vector',
  'matrix: shape and slicing',
  'element-wise, matrix and dot products',
  '2-D vectors: u + v',
  'linspace and sin',
  'boolean mask',
  'y = x² and dy/dx',
  'f = uv + u²',
  'r = Σ(x² + x³), x³ detached',
  'Σx² on linspace(−10, 10, 10)',
  'vector-Jacobian product',
] as const;
type Example = (typeof CH01_01_EXAMPLES)[number];

/** Which examples read each control: the others hide it (LessonOption.shownWhen), so one example shows its own few. */
const shownFor = (...examples: Example[]) => ({ control: 'example', equals: examples });

const SQUARE = shownFor('y = x² and dy/dx');
const UV = shownFor('f = uv + u²', 'r = Σ(x² + x³), x³ detached');
const SLICING = shownFor('matrix: shape and slicing');
const MASK = shownFor('boolean mask');

export const info = demoInfo({
  id: 'ch01-01',
  title: 'Tensors & autograd',
  chapter: 1,
  description:
    'The course’s tensor examples, one at a time: a vector viewed as a column, shape, size, rank and slicing of a ' +
    '3×3 matrix, element-wise, matrix and dot products, vector addition, linspace and sin, a boolean mask; then ' +
    'autograd: y = x² with its derivative and tangent at a chosen x, the computation graph of f = uv + u² with ' +
    'the value flowing forward and the gradient flowing back on every edge, Σ(x² + x³) with and without detaching x³, and a vector-Jacobian product. Every derivative ' +
    'is computed by tf.grad, as backward() does in the course. The course shows most of these as commented-out ' +
    'code; here each is a live example.',
  options: [
    choice('example', CH01_01_EXAMPLES, { label: 'Example', default: 'y = x² and dy/dx' }),
    num('x', { label: 'x', min: -5, max: 5, step: 0.1, default: 2, help: 'y = x²: where dy/dx is taken (the course uses x = 2).', shownWhen: SQUARE }),
    num('u', { label: 'u', min: -3, max: 3, step: 0.1, default: 1, help: 'f = uv + u²: u (course: 1); Σ(x² + x³): x = [u, v].', shownWhen: UV }),
    num('v', { label: 'v', min: -3, max: 3, step: 0.1, default: 2, help: 'f = uv + u²: v (course: 2); Σ(x² + x³): x = [u, v].', shownWhen: UV }),
    int('start', { label: 'Slice start', min: 0, max: 3, step: 1, default: 1, help: 'Matrix slicing t[start:stop] (course: t[1:3]).', shownWhen: SLICING }),
    int('stop', { label: 'Slice stop', min: 0, max: 3, step: 1, default: 3, help: 'Matrix slicing t[start:stop], stop excluded.', shownWhen: SLICING }),
    int('row', { label: 'Row in slice', min: 0, max: 2, step: 1, default: 0, help: 'Matrix slicing: t[start:stop][row][col] (course: [0][0] → 21).', shownWhen: SLICING }),
    int('col', { label: 'Column', min: 0, max: 2, step: 1, default: 0, help: 'Matrix slicing: t[start:stop][row][col].', shownWhen: SLICING }),
    num('threshold', { label: 'Mask threshold', min: -2.5, max: 2.5, step: 0.5, default: 0, help: 'Boolean mask: y[x < threshold] = 0.', shownWhen: MASK }),
  ],
});
