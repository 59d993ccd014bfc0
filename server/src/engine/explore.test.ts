import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ch02_03 } from '../lessons/ch02-03/model.ts';
import { ch09_04 } from '../lessons/ch09-04/model.ts';
import { framesOf } from '../probe/trainerFrames.ts';
import { Trainer } from '../train/trainer.ts';
import { exploreFrame } from './explore.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The `panels` frame's caption of the chosen sample ("#700: …"). */
const sampleCaption = (layout: unknown): string => {
  const panels = JSON.parse(String(layout)) as { field?: string; captions?: string[] }[];
  return panels.find((p) => p.field === 'sample')?.captions?.[0] ?? '';
};

describe('exploreFrame', () => {
  it('computes the views with a member’s own sample, and leaves the room’s values and views as they were', () => {
    const t = new Trainer(ch09_04, 1);
    t.trainStep();
    const room = framesOf(t, new Set(['panels']), { all: true })[0]!;
    expect(sampleCaption(room.meta.layout)).toMatch(/^#0:/);
    const own = exploreFrame(t, { sample: 700 });
    expect(own.channel).toBe('panels');
    expect(own.meta.explore).toBe(true);
    expect([own.generation, own.step]).toEqual([t.generation, t.step]);
    expect(sampleCaption(own.meta.layout)).toMatch(/^#700:/);
    expect(t.values.sample).toBe(0);
    // The room's views cache still holds the room's: taking the channel up again gives sample 0, not 700.
    expect(sampleCaption(framesOf(t, new Set(['panels']), { all: true })[0]!.meta.layout)).toMatch(/^#0:/);
    t.dispose();
  });

  it('refuses an option the session does not have, changing nothing; a lesson without views refuses', () => {
    const t = new Trainer(ch09_04, 1);
    expect(() => exploreFrame(t, { sample: 3, nope: 1 })).toThrow(/unknown option/);
    expect(t.values.sample).toBe(0);
    expect('nope' in t.values).toBe(false);
    t.dispose();
    const plain = new Trainer(ch02_03, 1);
    expect(() => exploreFrame(plain, { sample: 1 })).toThrow(/no views/);
    plain.dispose();
  });
});

describe('exploreFrame with a drawing (MNIST)', () => {
  it('shows a member’s own drawn digit with the model’s probabilities, and the room’s stays without one', async () => {
    const { ch06_02 } = await import('../lessons/ch06-02/model.ts');
    await ch06_02.prepare?.(() => {});
    const t = new Trainer(ch06_02, 1);
    t.trainStep();
    // A vertical stroke down the middle of the 28×28 pad: white ink (255) on black, base64 as options carry it.
    const pixels = new Uint8Array(28 * 28);
    for (let y = 4; y < 24; y++) for (let x = 13; x < 16; x++) pixels[y * 28 + x] = 255;
    const drawn = Buffer.from(pixels).toString('base64');
    const own = exploreFrame(t, { drawn });
    expect(Object.keys(own.fields)).toContain('drawn.p');
    expect(t.values.drawn).toBe('');
    const room = framesOf(t, new Set(['panels']), { all: true })[0]!;
    expect(Object.keys(room.fields)).not.toContain('drawn.p');
    t.dispose();
  }, 120_000);
});
