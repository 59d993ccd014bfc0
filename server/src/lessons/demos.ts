/**
 * The non-training lessons: interactive demos computed by the engine, each its info joined with how it computes (its
 * model.ts), in catalogue order. registry.ts joins this list with training.ts. The catalogue's "aux" (Dataset.py) is
 * the same toy dataset as ch01-02 and is not a lesson id, so it has no entry.
 */
import { ch01_01 } from './ch01-01/model.ts';
import { ch01_02 } from './ch01-02/model.ts';
import { ch01_03 } from './ch01-03/model.ts';
import { ch02_02 } from './ch02-02/model.ts';
import { ch05_01 } from './ch05-01/model.ts';
import { ch09_01 } from './ch09-01/model.ts';
import { ch09_02 } from './ch09-02/model.ts';
import { ch09_03 } from './ch09-03/model.ts';
import type { DemoLesson } from './types.ts';

export const DEMOS: DemoLesson[] = [ch01_01, ch01_02, ch01_03, ch02_02, ch05_01, ch09_01, ch09_02, ch09_03];
