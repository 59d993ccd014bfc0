/**
 * MNIST is loaded once per process: two MNIST rooms on two training workers share the main thread's one
 * copy (SharedArrayBuffers), and both train on it.
 */
import { mnistLoadCount } from '@gradcast/server/data/mnistArrays';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ workers: 2 });
});
afterAll(async () => {
  await server?.close();
});

it('two MNIST rooms on two workers: the splits are read from disk once, and both rooms train', async () => {
  const rooms = [await server.createRoom('ch06-02'), await server.createRoom('ch06-02')];
  expect(new Set(rooms.map((r) => server.engine.workerOf(r.roomId)))).toEqual(new Set([0, 1]));
  // train and test at 28×28: two loads for the whole process, not two per worker.
  expect(mnistLoadCount()).toBe(2);
  const steps = async () => Promise.all(rooms.map(async (r) => (await (await fetch(`${server.url}/api/rooms/${r.roomId}`)).json()).step));
  const before = await steps();
  await new Promise((r) => setTimeout(r, 1500));
  const after = await steps();
  after.forEach((s, i) => expect(s).toBeGreaterThan(before[i]));
});
