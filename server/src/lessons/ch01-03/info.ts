/** ch01-03: what the lesson is (its catalogue entry and option specs); model.ts is how it computes. */
import { bool, int } from '@gradcast/shared';
import { demoInfo } from '../lessonInfo.ts';

/** MNIST's image side, pixels. */
export const SIDE = 28;
/** Images in MNIST's test split. */
export const TEST_COUNT = 10_000;

export const info = demoInfo({
  id: 'ch01-03',
  title: 'Image datasets & transforms',
  chapter: 1,
  description:
    'An image dataset browser with a transform pipeline: any MNIST test image (1×28×28 in [0, 1]; sample 0 is a 7), ' +
    'a centre crop of chosen size and vertical/horizontal flip toggles, with the original and transformed images ' +
    'side by side and the torchvision pipeline they make. Fixes the course’s bug 24: its last block builds the ' +
    'vertical + horizontal flip pipeline but applies the vertical-only one; here the pipeline shown is the one ' +
    'applied, so both flips give the 180° rotation. The course’s CSV image folder lives on the author’s computer ' +
    'and is not reproduced.',
  options: [
    int('index', { label: 'Test image', min: 0, max: TEST_COUNT - 1, step: 1, default: 0, help: 'Index in the MNIST test split (0–9,999).' }),
    bool('crop', { label: 'Centre crop', default: true, help: 'CenterCrop(size) first (course: 20).' }),
    int('size', { label: 'Crop size', min: 4, max: SIDE, step: 1, default: 20, help: 'Side of the centre crop, in pixels.' }),
    bool('vflip', { label: 'Vertical flip', default: false, help: 'RandomVerticalFlip(p=1): top and bottom swap.' }),
    bool('hflip', { label: 'Horizontal flip', default: false, help: 'RandomHorizontalFlip(p=1): left and right swap.' }),
  ],
});
