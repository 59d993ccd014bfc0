/**
 * The non-training lessons: interactive demos computed by the engine (one lesson per file). index.ts joins
 * this list with training.ts.
 */
import { ch09_01 } from './ch09-01.ts';
import type { DemoLesson } from './types.ts';

export const DEMOS: DemoLesson[] = [ch09_01];
