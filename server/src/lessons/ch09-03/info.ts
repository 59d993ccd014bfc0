/** ch09-03: what the lesson is (its catalogue entry and option specs); model.ts is how it computes. */
import { choice, num } from '@gradcast/shared';
import { demoInfo } from '../lessonInfo.ts';
import { CH09_03_CASES, KERNEL_LIBRARY } from './cases.ts';

/** The most output and input channels of any case: the kernel slots k00 … k21 and biases b0 … b2 offered. */
const OUTS = [0, 1, 2] as const;
const INS = [0, 1] as const;

/** The option of kernel slot K[o][i] (o < 3, i < 2: every case fits in OUTS × INS). */
export const slotName = (o: number, i: number) => `k${o}${i}` as `k${(typeof OUTS)[number]}${(typeof INS)[number]}`;
/** The option of output channel o's bias (o < 3). */
export const biasName = (o: number) => `b${o}` as `b${(typeof OUTS)[number]}`;

export const info = demoInfo({
  id: 'ch09-03',
  title: 'Multiple input & output channels',
  chapter: 9,
  description:
    'A channel-stack viewer for the course’s three cases (1 → 3, 2 → 1 and 2 → 3 channels on its fixed 5×5 images): ' +
    'the input channels, the [out][in] grid of 3×3 kernels, and each output channel, Σ over inputs of input ⋆ ' +
    'kernel plus one bias per output channel. Every kernel slot can be swapped for another kernel and every bias ' +
    'edited; “course” keeps the course’s kernels, which reproduce its printed outputs.',
  options: [
    choice('case', Object.keys(CH09_03_CASES), { label: 'Case', default: '1 → 3 channels' }),
    ...OUTS.flatMap((o) =>
      INS.map((i) =>
        choice(slotName(o, i), ['course', ...Object.keys(KERNEL_LIBRARY)], {
          label: `Kernel out ${o} ← in ${i}`,
          default: 'course',
          help: `K[${o}][${i}], used when the case has output channel ${o} and input channel ${i}; “course” is the case’s own kernel.`,
        }),
      ),
    ),
    ...OUTS.map((o) =>
      num(biasName(o), {
        label: `Bias of out ${o}`,
        min: -5,
        max: 5,
        step: 0.5,
        default: 0,
        help: `b[${o}], added to every cell of output channel ${o} (course: 0).`,
      }),
    ),
  ],
});
