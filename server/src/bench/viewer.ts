/**
 * `gradcast bench viewer`: what one viewer receives. Starts the app on port 0 (engine worker included),
 * opens a room, connects one real socket.io-client viewer, and counts frames and bytes per channel over a
 * window, at the lesson's default speed and unpaced (speed 0).
 */
import { type FrameBytes, peekFrame } from '@gradcast/shared';
import { io as connect } from 'socket.io-client';
import type { BackendPref } from '../backend/prefs.ts';
import { startLocalServer } from './localServer.ts';

export interface ViewerBenchRow {
  lesson: string;
  speed: string;
  channel: string;
  framesPerSecond: number;
  bytesPerSecond: number;
}

export async function benchViewer(
  opts: { lesson?: string; seconds?: number; backend?: BackendPref; log?: (line: string) => void } = {},
): Promise<ViewerBenchRow[]> {
  const lesson = opts.lesson ?? 'ch02-03';
  const seconds = opts.seconds ?? 5;
  const server = await startLocalServer({ ...(opts.backend ? { backend: opts.backend } : {}), workers: 1 });
  const { app, url } = server;
  const rows: ViewerBenchRow[] = [];
  try {
    const { room, presenterKey } = await app.rooms.create(lesson);
    const presenter = connect(url, { auth: { roomId: room.id, presenterKey }, transports: ['websocket'] });
    const viewer = connect(url, { auth: { roomId: room.id }, transports: ['websocket'] });
    await Promise.all([presenter, viewer].map((s) => new Promise((r) => s.once('room:snapshot', r))));
    for (const speed of [room.hp.speed, 0]) {
      await new Promise((r) => presenter.emit('hp:set', { speed }, r));
      await new Promise((r) => setTimeout(r, 500));
      const count = new Map<string, { frames: number; bytes: number }>();
      let packets = 0;
      const onFrames = (frames: FrameBytes[]): void => {
        packets += 1;
        for (const bytes of frames) {
          const { channel } = peekFrame(bytes);
          const c = count.get(channel) ?? { frames: 0, bytes: 0 };
          c.frames += 1;
          c.bytes += bytes.byteLength;
          count.set(channel, c);
        }
      };
      viewer.on('frames', onFrames);
      await new Promise((r) => setTimeout(r, seconds * 1000));
      viewer.off('frames', onFrames);
      const label = speed === 0 ? '0 (max)' : `${speed} steps/s`;
      let tf = 0;
      let tb = 0;
      for (const [channel, c] of [...count.entries()].sort()) {
        tf += c.frames;
        tb += c.bytes;
        rows.push({ lesson, speed: label, channel, framesPerSecond: round(c.frames / seconds), bytesPerSecond: Math.round(c.bytes / seconds) });
      }
      rows.push({ lesson, speed: label, channel: 'all', framesPerSecond: round(tf / seconds), bytesPerSecond: Math.round(tb / seconds) });
      rows.push({ lesson, speed: label, channel: '(packets)', framesPerSecond: round(packets / seconds), bytesPerSecond: Math.round(tb / seconds) });
      opts.log?.(`speed ${label}: ${round(packets / seconds)} packets/s, ${round(tf / seconds)} frames/s, ${Math.round(tb / seconds)} B/s`);
    }
    presenter.close();
    viewer.close();
  } finally {
    await server.close();
  }
  return rows;
}

const round = (v: number): number => Number(v.toFixed(1));
