/**
 * Every training lesson of the registry trains briefly on the embedded backend (wasm, with its replacement
 * kernels) and its loss falls; its declared controls are all contract names; memory stays flat.
 */
import * as tf from '@tensorflow/tfjs-core';
import { HYPERPARAM_NAMES } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select.ts';
import { Trainer } from '../train/trainer.ts';
import { getTrainingLesson, listLessons } from './index.ts';

beforeAll(async () => {
  await selectBackend('wasm');
});

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe.each(listLessons().filter((l) => l.trains).map((l) => l.id))('lesson %s', (id) => {
  it('declares contract controls and channels', () => {
    const info = getTrainingLesson(id)!.info;
    for (const c of info.controls) expect(HYPERPARAM_NAMES).toContain(c);
    expect(info.channels.length).toBeGreaterThan(0);
    expect(info.description.length).toBeGreaterThan(40);
  });

  it('trains: the loss falls and no tensor leaks', async () => {
    const lesson = getTrainingLesson(id)!;
    await lesson.prepare?.();
    const t = new Trainer(lesson, 1, { speed: 0 }, 20, false);
    const losses: number[] = [];
    // Warm-up past the window of recent batches a classifier keeps for its running accuracy (20 scalars).
    for (let i = 0; i < 25; i++) losses.push(t.trainStep());
    const before = tf.memory().numTensors;
    for (let i = 0; i < 35; i++) losses.push(t.trainStep());
    t.frames(new Set(lesson.info.channels), true);
    expect(tf.memory().numTensors).toBe(before);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(mean(losses.slice(-5))).toBeLessThan(mean(losses.slice(0, 5)) * 0.9);
    t.dispose();
  }, 120_000);
});
