/**
 * The lesson catalogue: every lesson's public metadata (LessonInfo), in catalogue order. The socket thread (rooms,
 * HTTP, the CLI's listing) reads lessons only through this module. It imports each lesson's info.ts and nothing
 * that builds a model, so listing the catalogue loads no tfjs (how a lesson trains is in registry.ts).
 */
import type { LessonInfo } from '@gradcast/shared';
import { info as ch01_01 } from './ch01-01/info.ts';
import { info as ch01_02 } from './ch01-02/info.ts';
import { info as ch01_03 } from './ch01-03/info.ts';
import { info as ch02_01 } from './ch02-01/info.ts';
import { info as ch02_02 } from './ch02-02/info.ts';
import { info as ch02_03 } from './ch02-03/info.ts';
import { info as ch03_01 } from './ch03-01/info.ts';
import { info as ch03_02 } from './ch03-02/info.ts';
import { info as ch03_03 } from './ch03-03/info.ts';
import { info as ch04_01 } from './ch04-01/info.ts';
import { info as ch04_02 } from './ch04-02/info.ts';
import { info as ch05_01 } from './ch05-01/info.ts';
import { info as ch05_02 } from './ch05-02/info.ts';
import { info as ch06_01 } from './ch06-01/info.ts';
import { info as ch06_02 } from './ch06-02/info.ts';
import { info as ch07_01 } from './ch07-01/info.ts';
import { info as ch07_02 } from './ch07-02/info.ts';
import { info as ch07_03 } from './ch07-03/info.ts';
import { info as ch07_04 } from './ch07-04/info.ts';
import { info as ch07_05 } from './ch07-05/info.ts';
import { info as ch07_05b } from './ch07-05b/info.ts';
import { info as ch08_01 } from './ch08-01/info.ts';
import { info as ch08_02 } from './ch08-02/info.ts';
import { info as ch08_03 } from './ch08-03/info.ts';
import { info as ch08_04 } from './ch08-04/info.ts';
import { info as ch08_05 } from './ch08-05/info.ts';
import { info as ch08_06 } from './ch08-06/info.ts';
import { info as ch08_07 } from './ch08-07/info.ts';
import { info as ch08_08 } from './ch08-08/info.ts';
import { info as ch08_09 } from './ch08-09/info.ts';
import { info as ch08_10 } from './ch08-10/info.ts';
import { info as ch09_01 } from './ch09-01/info.ts';
import { info as ch09_02 } from './ch09-02/info.ts';
import { info as ch09_03 } from './ch09-03/info.ts';
import { info as ch09_04 } from './ch09-04/info.ts';
import { info as ch09_05 } from './ch09-05/info.ts';
import { info as ch09_06 } from './ch09-06/info.ts';

/** Catalogue order: by chapter, then lesson number (ch07-05b after ch07-05). */
const ALL: LessonInfo[] = [
  ch01_01,
  ch01_02,
  ch01_03,
  ch02_01,
  ch02_02,
  ch02_03,
  ch03_01,
  ch03_02,
  ch03_03,
  ch04_01,
  ch04_02,
  ch05_01,
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
  ch09_01,
  ch09_02,
  ch09_03,
  ch09_04,
  ch09_05,
  ch09_06,
].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));

const BY_ID = new Map(ALL.map((l) => [l.id, l]));

export function listLessons(): LessonInfo[] {
  return ALL;
}

export function getLesson(id: string): LessonInfo | undefined {
  return BY_ID.get(id);
}
