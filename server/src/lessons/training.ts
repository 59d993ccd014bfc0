/**
 * The training lessons, in catalogue order: each lesson's info joined with how it trains (its model.ts). registry.ts
 * joins this list with demos.ts.
 */
import { ch02_01 } from './ch02-01/model.ts';
import { ch02_03 } from './ch02-03/model.ts';
import { ch03_01 } from './ch03-01/model.ts';
import { ch03_02 } from './ch03-02/model.ts';
import { ch03_03 } from './ch03-03/model.ts';
import { ch04_01 } from './ch04-01/model.ts';
import { ch04_02 } from './ch04-02/model.ts';
import { ch05_02 } from './ch05-02/model.ts';
import { ch06_01 } from './ch06-01/model.ts';
import { ch06_02 } from './ch06-02/model.ts';
import { ch07_01 } from './ch07-01/model.ts';
import { ch07_02 } from './ch07-02/model.ts';
import { ch07_03 } from './ch07-03/model.ts';
import { ch07_04 } from './ch07-04/model.ts';
import { ch07_05 } from './ch07-05/model.ts';
import { ch07_05b } from './ch07-05b/model.ts';
import { ch08_01 } from './ch08-01/model.ts';
import { ch08_02 } from './ch08-02/model.ts';
import { ch08_03 } from './ch08-03/model.ts';
import { ch08_04 } from './ch08-04/model.ts';
import { ch08_05 } from './ch08-05/model.ts';
import { ch08_06 } from './ch08-06/model.ts';
import { ch08_07 } from './ch08-07/model.ts';
import { ch08_08 } from './ch08-08/model.ts';
import { ch08_09 } from './ch08-09/model.ts';
import { ch08_10 } from './ch08-10/model.ts';
import { ch09_04 } from './ch09-04/model.ts';
import { ch09_05 } from './ch09-05/model.ts';
import { ch09_06 } from './ch09-06/model.ts';
import type { TrainingLesson } from './types.ts';

/** In catalogue order. */
export const TRAINING: TrainingLesson[] = [
  ch02_01,
  ch02_03,
  ch03_01,
  ch03_02,
  ch03_03,
  ch04_01,
  ch04_02,
  ch05_02,
  ch06_01,
  ch06_02,
  ch07_01,
  ch07_02,
  ch07_03,
  ch07_04,
  ch07_05,
  ch07_05b,
  ch08_01,
  ch08_02,
  ch08_03,
  ch08_04,
  ch08_05,
  ch08_06,
  ch08_07,
  ch08_08,
  ch08_09,
  ch08_10,
  ch09_04,
  ch09_05,
  ch09_06,
];
