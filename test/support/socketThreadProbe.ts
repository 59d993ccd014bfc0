/**
 * Run in a fresh process by test/socketThread.test.ts: starts the real app with its engine worker, opens a training
 * room and a demo room, joins both with a socket client and changes a lesson option, then prints one JSON line
 * saying whether this (socket) thread ever loaded tfjs. tfjs-core makes its engine as the module loads and keeps it
 * on the global object as `_tfengine`, so the global's presence means "tfjs was imported here". Worker threads have
 * their own globals: training there does not count.
 */
import { startTestServer } from './server.ts';

const server = await startTestServer();
try {
  for (const lesson of ['ch02-03', 'ch09-01']) {
    const { roomId, presenterKey } = await server.createRoom(lesson);
    const socket = server.connect({ roomId, presenterKey });
    await new Promise<void>((resolve, reject) => {
      socket.once('room:snapshot', () => resolve());
      socket.once('connect_error', reject);
    });
    const option = lesson === 'ch02-03' ? { noise: 0.2 } : { stride: 2 };
    const ack = await socket.emitWithAck('options:set', option);
    if (!ack.ok) throw new Error(`options:set on ${lesson}: ${ack.error.message}`);
  }
  const lessons = (await (await fetch(`${server.url}/api/lessons`)).json()) as unknown[];
  process.stdout.write(JSON.stringify({ lessons: lessons.length, tfjsLoaded: '_tfengine' in globalThis }) + '\n');
} finally {
  await server.close();
}
