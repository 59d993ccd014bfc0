/** The fixed images and kernels of the course's convolution lessons (ch09-01..03), as row-major rows. */

const zeros = (n: number): number[][] => Array.from({ length: n }, () => new Array<number>(n).fill(0));

/** 5×5 zeros with column 2 set to 1: the "vertical line" of ch09-01..03. */
const verticalLine = zeros(5).map((row) => row.map((_, c) => (c === 2 ? 1 : 0)));

export const COURSE_IMAGES: Record<string, number[][]> = {
  'vertical line 5×5': verticalLine,
  'all ones 4×4': Array.from({ length: 4 }, () => [1, 1, 1, 1]),
  /** ch09-02's max-pooling image. */
  'pooling 4×4': [
    [1, 2, 3, -4],
    [0, 2, -3, 0],
    [0, 2, 3, 1],
    [0, 0, 0, 0],
  ],
};

export const COURSE_KERNELS: Record<string, number[][]> = {
  'Sobel-x 3×3': [
    [1, 0, -1],
    [2, 0, -2],
    [1, 0, -1],
  ],
  'Sobel-y 3×3': [
    [1, 2, 1],
    [0, 0, 0],
    [-1, -2, -1],
  ],
  'ones 3×3': [
    [1, 1, 1],
    [1, 1, 1],
    [1, 1, 1],
  ],
  'ones 2×2': [
    [1, 1],
    [1, 1],
  ],
};
