/**
 * Prometheus instruments (prom-client). One registry per app instance, so tests on port 0 do not share
 * counters. Names follow Prometheus conventions: units in the name, _total for counters.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    rooms: new Gauge({ name: 'gradcast_rooms', help: 'Rooms hosted by this process', registers: [registry] }),
    members: new Gauge({ name: 'gradcast_members', help: 'Connected room members', registers: [registry] }),
    slowDisconnects: new Counter({
      name: 'gradcast_slow_disconnects_total',
      help: 'Members disconnected because their connection fell too far behind (room/slowGuard.ts)',
      registers: [registry],
    }),
    framesSent: new Counter({
      name: 'gradcast_frames_sent_total',
      help: 'Frames delivered to viewers (one per viewer per frame)',
      labelNames: ['channel', 'mode'] as const,
      registers: [registry],
    }),
    bytesSent: new Counter({
      name: 'gradcast_frame_bytes_sent_total',
      help: 'Frame payload bytes delivered to viewers (per viewer)',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    controlEvents: new Counter({
      name: 'gradcast_control_events_total',
      help: 'hp:set, run:control and options:set (and its deprecated name demo:set) requests, by outcome',
      labelNames: ['event', 'outcome'] as const,
      registers: [registry],
    }),
    stepsPerSecond: new Gauge({
      name: 'gradcast_room_steps_per_second',
      help: 'Measured optimizer steps per second, per room',
      labelNames: ['room', 'lesson'] as const,
      registers: [registry],
    }),
    takeUps: new Counter({
      name: 'gradcast_takeups_total',
      help: 'Joins and subscriptions that asked the training engine for frames (costly channels no member was receiving); every other join is answered by the room alone',
      registers: [registry],
    }),
    joinSeconds: new Histogram({
      name: 'gradcast_join_seconds',
      help: 'Time from handshake to snapshot sent',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
