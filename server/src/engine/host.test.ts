/**
 * The engine computes live frames only for the channels some member receives (the socket thread tells it with
 * `channels`), while a snapshot still holds every channel of the lesson.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { peekFrame } from '@gradcast/shared';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { EngineHost } from './host.ts';
import type { WorkerMessage } from './messages.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

let host: EngineHost | null = null;
afterEach(() => host?.close());

it('live frames follow the watched channels; a snapshot keeps them all', async () => {
  const posted: WorkerMessage[] = [];
  host = new EngineHost((m) => posted.push(m), 1000);
  await host.handle({ t: 'create', id: 1, roomId: 'r', lessonId: 'ch02-03', seed: 1, hp: { speed: 0 } });
  const liveChannels = async (): Promise<Set<string>> => {
    posted.length = 0;
    await new Promise((r) => setTimeout(r, 150));
    const seen = new Set<string>();
    for (const m of posted) if (m.t === 'frames') for (const f of m.frames) seen.add(peekFrame(f.bytes).channel);
    return seen;
  };
  expect(await liveChannels()).toContain('path');
  await host.handle({ t: 'channels', id: 2, roomId: 'r', channels: ['metrics'] });
  expect([...(await liveChannels())]).toEqual(['metrics']);
  posted.length = 0;
  await host.handle({ t: 'snapshot', id: 3, roomId: 'r' });
  const reply = posted.find((m) => m.t === 'reply' && m.id === 3);
  const snap = reply && reply.t === 'reply' && reply.ok ? (reply.result.frames ?? []).map((f) => f.channel) : [];
  expect(new Set(snap)).toEqual(new Set(['metrics', 'params', 'surface', 'path', 'data', 'fit']));
});
