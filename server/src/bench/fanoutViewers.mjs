/**
 * The load generator of `gradcast bench fanout`, in a process of its own (started by bench/fanout.ts with an IPC
 * channel): opens N socket.io-client viewers on one room and counts, per viewer, what arrives. It is kept light on
 * purpose: it never decodes a Gradcast frame (a `frames` packet is counted, and its buffers' lengths summed), so its
 * own CPU is the socket.io client's parsing and little else.
 *
 * Plain JavaScript, run by node without tsx, so that starting it costs nothing and tsx's loader is not in the path.
 *
 * Viewers ask for packed frames, as the page does (shared/packedFrames.ts: one binary message per packet), unless
 * the parent says `packed: false` (the default Socket.IO event, as any other client gets them).
 *
 * Messages from the parent:
 *   { t: 'join', url, roomId, count, batch, everyMs, packed, stall }  open `count` viewers, `batch` every `everyMs`
 *                    ms; the first `stall` of them stop reading once joined (their TCP sockets paused, as a frozen
 *                    tab's or a phone's that lost its signal): they are left out of the frame and hp:changed counts
 *   { t: 'mark' }     start of the measurement window: counters to zero, CPU and clock noted
 *   { t: 'end' }      end of the window: the frame counters and CPU are kept as they are now
 *   { t: 'report' }   answered with { t: 'report', … } (hp:changed arrivals are counted from mark to report)
 *   { t: 'close' }    closes every viewer and exits
 * Messages to the parent: { t: 'ready', fdLimit }, { t: 'joined', … } once every viewer joined or failed, { t: 'report', … }.
 */
import { execFileSync } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { Decoder as DefaultDecoder, Encoder, PacketType } from 'socket.io-parser';

/**
 * shared/framesParser.ts, counting instead of unpacking: a packed message (magic 'G' 'P', version 1, frame count
 * at byte 4) becomes the event `frames:packed` with the message itself, which is counted, never decoded.
 */
class CountingDecoder extends DefaultDecoder {
  add(obj) {
    if (!this.reconstructor && typeof obj !== 'string' && obj.length >= 8 && obj[0] === 0x47 && obj[1] === 0x50 && obj[2] === 1) {
      this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: ['frames:packed', obj] });
      return;
    }
    super.add(obj);
  }
}
const countingParser = { Encoder, Decoder: CountingDecoder };

/** @typedef {{ socket: import('socket.io-client').Socket, openedAt: number, joinedAt: number, packets: number, bufs: number, bytes: number, hp: number[][], disconnects: number, closing: boolean, stalled: boolean, end: { packets: number, bufs: number, bytes: number } | null }} Viewer */

/** @type {Viewer[]} */
const viewers = [];
/** @type {Record<string, number>} */
const disconnectReasons = {};
/** @type {Record<string, number>} */
const joinErrors = {};
let joined = 0;
let failed = 0;
let expected = 0;
let firstOpenAt = 0;
/** This process's CPU when the joining began (the join phase's share is reported with `joined`). */
let joinCpu = process.cpuUsage();
let lastJoinAt = 0;
/** When the last viewer was opened (the schedule slips when this process is busy). */
let lastOpenAt = 0;
let joinedSent = false;
let measuring = false;
/** @type {{ at: number, cpu: NodeJS.CpuUsage } | null} */
let mark = null;
/** @type {{ ms: number, cpu: NodeJS.CpuUsage, lagP99Ms: number, lagMaxMs: number } | null} */
let windowEnd = null;
const lag = monitorEventLoopDelay({ resolution: 10 });

function fdLimit() {
  try {
    return Number(execFileSync('/bin/sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim()) || null;
  } catch {
    return null;
  }
}

function send(message) {
  if (process.send) process.send(message);
}

function maybeJoined() {
  if (joinedSent || joined + failed < expected) return;
  joinedSent = true;
  send({
    t: 'joined',
    joined,
    failed,
    joinErrors,
    allJoinedMs: lastJoinAt - firstOpenAt,
    allOpenedMs: lastOpenAt - firstOpenAt,
    joinCpuMs: (() => {
      const c = process.cpuUsage(joinCpu);
      return (c.user + c.system) / 1000;
    })(),
    joinMs: viewers.filter((v) => v.joinedAt > 0).map((v) => v.joinedAt - v.openedAt),
  });
}

function open(url, roomId, i, packed, stall) {
  const socket = io(url, {
    auth: packed ? { roomId, name: `viewer ${i}`, frames: 'packed' } : { roomId, name: `viewer ${i}` },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(packed ? { parser: countingParser } : {}),
  });
  /** @type {Viewer} */
  const v = { socket, openedAt: Date.now(), joinedAt: 0, packets: 0, bufs: 0, bytes: 0, hp: [], disconnects: 0, closing: false, stalled: false, end: null };
  viewers.push(v);
  socket.once('room:snapshot', () => {
    if (stall) {
      // Node's engine.io-client runs on `ws`: pausing its TCP socket stops reading for good.
      socket.io.engine.transport.ws._socket.pause();
      v.stalled = true;
    }
    v.joinedAt = Date.now();
    lastJoinAt = v.joinedAt;
    joined += 1;
    maybeJoined();
  });
  socket.on('connect_error', (err) => {
    const key = String(err && err.message).slice(0, 80);
    joinErrors[key] = (joinErrors[key] ?? 0) + 1;
    failed += 1;
    maybeJoined();
  });
  socket.on('frames', (frames) => {
    if (!measuring) return;
    v.packets += 1;
    v.bufs += frames.length;
    for (const b of frames) v.bytes += b.byteLength;
  });
  socket.on('frames:packed', (message) => {
    if (!measuring) return;
    v.packets += 1;
    v.bufs += message.readUInt32LE(4);
    v.bytes += message.byteLength;
  });
  socket.on('hp:changed', (change) => {
    // Counted from the join, not from `mark`: a busy loop may take a change before the IPC message that marks the
    // window (the parent matches arrivals to its own sends by value, so earlier changes count for nothing).
    const lr = change && change.changes && change.changes.lr;
    v.hp.push([Array.isArray(lr) ? Number(lr[1]) : NaN, Date.now()]);
  });
  socket.on('disconnect', (reason, details) => {
    if (v.closing) return;
    v.disconnects += 1;
    const d = /** @type {{ description?: { code?: number } } | undefined} */ (details);
    const key = `${reason}${d && d.description && d.description.code ? ` (${d.description.code})` : ''}`;
    disconnectReasons[key] = (disconnectReasons[key] ?? 0) + 1;
  });
}

function join({ url, roomId, count, batch, everyMs, packed, stall = 0 }) {
  expected = count;
  firstOpenAt = Date.now();
  joinCpu = process.cpuUsage();
  let next = 0;
  // Batch k opens at k·everyMs from the start (drift-corrected: opening a batch takes this process time too).
  let k = 0;
  const tick = () => {
    const upTo = Math.min(count, next + batch);
    for (; next < upTo; next += 1) open(url, roomId, next, packed !== false, next < stall);
    lastOpenAt = Date.now();
    k += 1;
    if (next < count) setTimeout(tick, Math.max(0, firstOpenAt + k * everyMs - Date.now()));
  };
  tick();
}

process.on('message', (m) => {
  switch (m.t) {
    case 'join':
      join(m);
      break;
    case 'mark':
      for (const v of viewers) {
        v.packets = 0;
        v.bufs = 0;
        v.bytes = 0;
      }
      lag.reset();
      lag.enable();
      measuring = true;
      mark = { at: Date.now(), cpu: process.cpuUsage() };
      break;
    case 'end': {
      measuring = false;
      for (const v of viewers) v.end = { packets: v.packets, bufs: v.bufs, bytes: v.bytes };
      const at = Date.now();
      windowEnd = {
        ms: mark ? at - mark.at : 0,
        cpu: process.cpuUsage(mark ? mark.cpu : undefined),
        lagP99Ms: lag.percentile(99) / 1e6,
        lagMaxMs: lag.max / 1e6,
      };
      lag.disable();
      break;
    }
    case 'report':
      send({
        t: 'report',
        window: windowEnd,
        allJoinedMs: joined === expected ? lastJoinAt - firstOpenAt : null,
        disconnects: viewers.reduce((s, v) => s + (v.stalled ? 0 : v.disconnects), 0),
        stalledDisconnects: viewers.reduce((s, v) => s + (v.stalled ? v.disconnects : 0), 0),
        disconnectReasons,
        connected: viewers.filter((v) => v.socket.connected).length,
        viewers: viewers.map((v) => ({
          joined: v.joinedAt > 0,
          joinedAt: v.joinedAt,
          packets: v.end ? v.end.packets : v.packets,
          bufs: v.end ? v.end.bufs : v.bufs,
          bytes: v.end ? v.end.bytes : v.bytes,
          hp: v.hp,
          disconnects: v.disconnects,
          stalled: v.stalled,
        })),
      });
      break;
    case 'close':
      for (const v of viewers) {
        v.closing = true;
        v.socket.close();
      }
      setTimeout(() => process.exit(0), 200);
      break;
  }
});

process.on('disconnect', () => process.exit(0));
send({ t: 'ready', fdLimit: fdLimit() });
