/**
 * The one pacing and reliability policy of frames: how often they are made and sent, which channels the training
 * worker makes at all, how much history a live frame repeats, and which frames go reliably. The worker side (the
 * engine's framing tick, probe/trainerFrames.ts's views) and the socket thread (room/pacer.ts, room/rooms.ts)
 * read it from here. No tfjs, no sockets: plain numbers and rules.
 *
 * Delivery in one paragraph: the worker frames a room at most FRAME_RATE times a second (and whenever a request
 * changed the run); the room keeps the latest frame of every channel and the history, and its pacer sends each
 * member the channels it subscribed to, at most FRAME_RATE packets a second, volatile (newest wins). Frames that
 * nothing would repeat go reliably and at once (isReliable).
 */
import type { Channel, Frame } from '@gradcast/shared';

/** Frames per second per room, at most: the worker's framing tick and the pacer's flush to each member. */
export const FRAME_RATE = 30;

/** Shortest gap between two framing ticks (or two pacer flushes) at `rate` frames per second, ms. */
export function frameInterval(rate: number = FRAME_RATE): number {
  return 1000 / rate;
}

/** run:status goes out reliably on every state or generation change, and otherwise (volatile) at most this often, ms. */
export const STATUS_INTERVAL_MS = 1000;

/**
 * Channels the worker makes only while some member watches them: each costs a pass over the model (the views,
 * the parameter vector with its gradient and loss, a landscape slice: a forward pass per grid point). A member that
 * subscribes to one nobody watched asks the worker for it once. Every other channel is made whenever it changes, watched or not, so the room holds the whole
 * history (metrics, path) and the latest static frames (surface, data) to answer a join on its own.
 */
export const WATCHED_ONLY: ReadonlySet<Channel> = new Set<Channel>(['params', 'panels', 'landscape']);

/**
 * What the worker makes for a room before any member has said what it watches (the room was just created): every
 * channel but the landscape, whose slices take seconds of a core and wait for a member that wants them.
 */
export function watchedAtFirst(channels: readonly Channel[]): Set<Channel> {
  return new Set(channels.filter((c) => c !== 'landscape'));
}

/**
 * The channels the worker frames for a lesson whose members watch `watched`. A demo's panels are made once per
 * change of its values (never per tick), so a demo frames every channel.
 */
export function channelsToFrame(lesson: { channels: readonly Channel[]; trains: boolean }, watched: ReadonlySet<Channel>): Set<Channel> {
  return new Set(lesson.channels.filter((c) => !lesson.trains || !WATCHED_ONLY.has(c) || watched.has(c)));
}

/**
 * Background work of a running room (landscape slices: probe/framer.ts BackgroundWork) gets this share of its
 * thread between steps, so training keeps 1 − LANDSCAPE_SHARE of its solo step rate (landscape/timeShare.ts); it
 * also gets the thread whenever no step is due (a paused room, a paced one between steps).
 */
export const LANDSCAPE_SHARE = 0.2;
/** Most of that time a room's background work may save up, ms (it does not accrue into bursts while idle). */
export const LANDSCAPE_CREDIT_MS = 250;
/**
 * Shortest gap between two live landscape frames that bring only new path points, ms: each repeats the slice
 * (≈ 3 KB with the path), so a room's viewers get at most two a second of those; a new slice level goes at once.
 */
export const LANDSCAPE_PATH_MS = 500;
/** Longest stretch of background work in idle time before the engine looks for due steps and messages again, ms. */
export const IDLE_SLOT_MS = 20;

/** Most points a live metrics or path frame repeats for members that dropped a frame or two. */
export const RECENT = 256;

/**
 * Points a live metrics or path frame carries: every point since the previous frame (`newPoints`, so the room's
 * history misses none, however many steps a tick covers), and at least a window of 4 × (steps since the previous
 * frame) + 8, at most RECENT, so a member that lost a few volatile frames gets their points from the next one.
 */
export function recentWindow(stepsSinceLastFrame: number, newPoints: number): number {
  return Math.max(newPoints, Math.min(RECENT, 4 * Math.max(0, stepsSinceLastFrame) + 8));
}

/** Shortest wall-clock gap between two `panels` frames of a training lesson, ms. */
export const PANELS_INTERVAL_MS = 1000;
/** The views' share of the worker's time: the gap grows to this many times what computing them took. */
export const PANELS_COST_FACTOR = 20;
/**
 * What a training lesson's views may send each viewer, bytes per second: the gap grows with the frame's size
 * (ch07-04's 100 weight tiles, ≈ 90 KB, go every ≈ 4 s). 300 viewers on one access point then share ≈ 60 Mbit/s
 * at most for the views, on top of the small live channels.
 */
export const PANELS_BYTES_PER_SECOND = 24_000;

/**
 * Shortest time from the last views frame to the next while a run runs, ms: the floor, the compute share
 * (`cost`, ms the last one took) and the bandwidth budget (`bytes`, its size).
 */
export function panelsGap(last: { cost: number; bytes: number }): number {
  return Math.max(PANELS_INTERVAL_MS, PANELS_COST_FACTOR * last.cost, (1000 * last.bytes) / PANELS_BYTES_PER_SECOND);
}

/**
 * Channels whose frames are not repeated every tick: made once per generation (surface, data) or on change (panels,
 * and landscape: a slice, refined 9×9 → 17×17 → 33×33, then remade only when θ has moved or time has passed).
 */
const NOT_REPEATED: ReadonlySet<Channel> = new Set<Channel>(['surface', 'data', 'panels', 'landscape']);

/**
 * Whether a frame must go reliably: newest-wins only works for frames that recur. Reliable: the channels that are
 * not repeated (static surface and data, views, landscape slices) unless marked `live` (a running training lesson's
 * views or slices: another follows within seconds), and every whole-history frame (meta.full: after a reset, revert or rebuild). Everything
 * else (metrics and path windows, params, fit) goes volatile.
 */
export function isReliable(frame: Pick<Frame, 'channel' | 'meta'>): boolean {
  return (NOT_REPEATED.has(frame.channel) && frame.meta.live !== true) || frame.meta.full === true;
}
