/**
 * `gradcast bench wire`: the per-message cost floor of fanning one binary payload out to many WebSocket viewers,
 * and how close the ways of sending it through socket.io come to that floor. The same payload (`bytes`, default
 * 1,700, fresh each tick) goes to the same N viewers at the same rate (`rate` ticks/s, default 12), once per way:
 *
 *   ws send               a plain `ws` WebSocketServer, `ws.send(buf)` to each client: one binary message
 *   ws sendFrame          the same, the frame built once per tick (WebSocket.Sender.frame) and written with
 *                         `ws._sender.sendFrame(frame)`: what socket.io's adapter does for pre-encoded text
 *   sio default           socket.io, default parser, one room, `io.to(room).volatile.emit('frames', [buf])`:
 *                         how Gradcast sends today (one text message + one binary message per attachment)
 *   sio default 2 bufs    the same with the payload in two buffers (1 text + 2 binary messages)
 *   sio msgpack (2 bufs)  socket.io with socket.io-msgpack-parser: one binary message per event
 *   eio raw               socket.io's connections, the payload as one raw engine.io binary message per socket,
 *                         `socket.conn.write(buf)`, volatile by hand (skipped while the transport is still writing)
 *   eio raw preframed     the same with `{ wsPreEncodedFrame }` built once per tick, so engine.io hands the frame
 *                         to ws's sendFrame (engine.io's WebSocket transport `_canSendPreEncodedFrame`)
 *
 * The server of each way runs here, in this process, on a fresh port, one way after another (everything closed in
 * between); it is single-threaded, so process.cpuUsage over the window is the socket thread's cost. The viewers
 * are raw `ws` clients in a child process (bench/wirePeers.mjs) that count messages and bytes per client without
 * decoding. A tick is the same drift-corrected timer for every way. Per way: delivered viewer-packets per second
 * (one tick's payload reaching one viewer: for the default parser, its binary attachments), their share of what
 * the ticks asked for, the slowest viewer's rate, WebSocket messages per delivered packet, the server's CPU (% of
 * one core, and the kernel's share of it), server CPU µs per delivered packet and per WebSocket message, that per-packet cost as a multiple of
 * `ws send`'s, bytes/s per viewer (median), the viewers' process CPU, every other process's CPU (the machine's busy
 * time less those two), and the 1-minute load average around it.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { WebSocket, WebSocketServer } from 'ws';
import { needMessage } from './childMessages.ts';
import { clockTicks, hostBusyCpuS, load1, loads, mainThreadCpuS } from './procStats.ts';
import { median } from './stats.ts';

export const WIRE_WAYS = [
  'ws send',
  'ws sendFrame',
  'sio default',
  'sio default 2 bufs',
  'sio msgpack',
  'sio msgpack 2 bufs',
  'eio raw',
  'eio raw preframed',
] as const;
export type WireWay = (typeof WIRE_WAYS)[number];

export interface WireOptions {
  /** Viewer counts, each run through every way (default [1000]). */
  viewers?: number[];
  /** Ticks per second (default 12). */
  rate?: number;
  /** Payload bytes per tick (default 1700). */
  bytes?: number;
  /** Measurement window in seconds, after all viewers connected and `settleS` (default 5). */
  seconds?: number;
  /** Seconds of ticking before the window (default 1). */
  settleS?: number;
  ways?: readonly WireWay[];
  log?: (line: string) => void;
}

export interface WireRow {
  way: WireWay;
  viewers: number;
  connected: number | null;
  rate: number;
  payloadB: number;
  /** Viewer-packets (one tick's payload at one viewer) delivered per second, all viewers together. */
  deliveredPerSec: number | null;
  /** Delivered as a percentage of ticks × connected viewers (volatile sends may drop; ±1 tick at the window's edges). */
  deliveredPct: number | null;
  /** The slowest viewer's delivered packets per second. */
  minViewerPps: number | null;
  /** WebSocket messages per delivered packet (text headers, binary attachments). */
  msgsPerPacket: number | null;
  /** Server process CPU over the window, % of one core. */
  serverCpuPct: number | null;
  /** The kernel's (system time's) share of that, %: the writes' syscalls and, on loopback, the TCP stack. */
  serverSysShare: number | null;
  /** Server CPU µs per delivered viewer-packet, and per WebSocket message sent. */
  usPerPacket: number | null;
  usPerMsg: number | null;
  /** usPerPacket as a multiple of `ws send`'s at the same viewer count (null without that row). */
  xFloor: number | null;
  /** Bytes of WebSocket message payload per second per viewer (median viewer; pings not counted). */
  bytesPerSecPerViewer: number | null;
  /** The viewers' process CPU over the window, % of one core. */
  genCpuPct: number | null;
  /** What every other process on the machine used over the window, % of one core (Linux /proc/stat; null elsewhere). */
  otherCpuPct: number | null;
  load1Start: number;
  load1End: number;
  note: string;
}

const PEERS_SCRIPT = fileURLToPath(new URL('./wirePeers.mjs', import.meta.url));
const ROOM = 'wire';
const IN_FLIGHT = 50;
const OPEN_WAIT_MS = 60_000;
const MSGPACK = 'socket.io-msgpack-parser';

interface Report {
  t: 'report';
  ms: number;
  cpu: NodeJS.CpuUsage;
  closes: number;
  bin: number[];
  binBytes: number[];
  text: number[];
  textBytes: number[];
}

interface Opened {
  t: 'opened';
  connected: number;
  failed: number;
  errors: Record<string, number>;
  ms: number;
}

/** One way's server, listening: its URL for the viewers, how many have joined, and what a tick sends. */
interface Running {
  url: string;
  mode: 'ws' | 'sio' | 'sio-msgpack';
  /** Binary WebSocket messages per tick per viewer. */
  binPerTick: number;
  joined(): number;
  tick(payload: Buffer): void;
  /** Sockets skipped by a hand-made volatile check (eio raw ways), since start. */
  skipped(): number;
  close(): Promise<void>;
}

/** ws's Sender, which @types/ws leaves out: frame() builds a WebSocket frame, sendFrame() writes one. */
interface WsSender {
  sendFrame(list: Buffer[], cb?: (err?: Error) => void): void;
}
const Sender = (WebSocket as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } }).Sender;
const binaryFrame = (buf: Buffer): Buffer[] => Sender.frame(buf, { readOnly: false, mask: false, rsv1: false, opcode: 2, fin: true });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const fixed = (v: number, d: number): number => Number(v.toFixed(d));

function listen(http: HttpServer): Promise<number> {
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve((http.address() as AddressInfo).port));
  });
}

function closeHttp(http: HttpServer): Promise<void> {
  http.closeAllConnections();
  return new Promise((r) => (http.listening ? http.close(() => r()) : r()));
}

async function loadMsgpack(): Promise<unknown | null> {
  try {
    const specifier = MSGPACK; // a variable: the type check does not need the package
    const mod = (await import(specifier)) as { default?: unknown };
    return mod.default ?? mod;
  } catch {
    return null;
  }
}

async function startWs(framed: boolean): Promise<Running> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  const port = await listen(http);
  return {
    url: `ws://127.0.0.1:${port}/`,
    mode: 'ws',
    binPerTick: 1,
    joined: () => wss.clients.size,
    tick: framed
      ? (payload) => {
          const frame = binaryFrame(payload);
          for (const ws of wss.clients) {
            if (ws.readyState === WebSocket.OPEN) (ws as unknown as { _sender: WsSender })._sender.sendFrame(frame);
          }
        }
      : (payload) => {
          for (const ws of wss.clients) if (ws.readyState === WebSocket.OPEN) ws.send(payload);
        },
    skipped: () => 0,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await closeHttp(http);
    },
  };
}

async function startSio(way: WireWay, parser: unknown | null): Promise<Running> {
  const http = createServer();
  // As app.ts makes Gradcast's server (perMessageDeflate off, 64 KiB max), with the parser of the way.
  const io = new Server(http, { perMessageDeflate: false, maxHttpBufferSize: 64 * 1024, serveClient: false, ...(parser ? { parser } : {}) });
  io.on('connection', (socket) => void socket.join(ROOM));
  const port = await listen(http);
  const split = way.endsWith('2 bufs');
  const raw = way.startsWith('eio raw');
  const preframed = way === 'eio raw preframed';
  let skipped = 0;
  const room = (): Set<string> | undefined => io.sockets.adapter.rooms.get(ROOM);
  let tick: (payload: Buffer) => void;
  if (!raw) {
    tick = split
      ? (payload) => {
          const cut = payload.length >> 1;
          io.to(ROOM).volatile.emit('frames', [payload.subarray(0, cut), payload.subarray(cut)]);
        }
      : (payload) => void io.to(ROOM).volatile.emit('frames', [payload]);
  } else {
    tick = (payload) => {
      const sids = room();
      if (!sids) return;
      // One options object for all, as socket.io's adapter shares its packet options (engine.io sets `compress`).
      const options = (preframed ? { wsPreEncodedFrame: binaryFrame(payload) } : {}) as { compress?: boolean };
      for (const id of sids) {
        const conn = io.sockets.sockets.get(id)?.conn;
        if (!conn || conn.readyState !== 'open') continue;
        if (!conn.transport.writable) {
          skipped += 1; // volatile, as socket.io's: the transport is still writing the last one
          continue;
        }
        conn.write(payload, options);
      }
    };
  }
  return {
    url: `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`,
    mode: parser ? 'sio-msgpack' : 'sio',
    binPerTick: parser || raw ? 1 : split ? 2 : 1,
    joined: () => room()?.size ?? 0,
    tick,
    skipped: () => skipped,
    close: async () => {
      http.closeAllConnections();
      await new Promise<void>((r) => void io.close(() => r())); // closes the http server too
      await closeHttp(http);
    },
  };
}

/** A drift-corrected tick every 1000/rate ms (the k-th at start + k·period), the same for every way. */
function startTicker(rate: number, onTick: (k: number) => void): { stop(): void; ticks(): number } {
  const period = 1000 / rate;
  const t0 = performance.now();
  let k = 0;
  let timer: NodeJS.Timeout;
  const run = (): void => {
    k += 1;
    onTick(k);
    timer = setTimeout(run, Math.max(0, t0 + k * period - performance.now())); // tick k+1 at t0 + k·period
  };
  timer = setTimeout(run, 0);
  return { stop: () => clearTimeout(timer), ticks: () => k };
}

function skippedRow(way: WireWay, viewers: number, rate: number, bytes: number, note: string): WireRow {
  const l = load1();
  return {
    way,
    viewers,
    connected: null,
    rate,
    payloadB: bytes,
    deliveredPerSec: null,
    deliveredPct: null,
    minViewerPps: null,
    msgsPerPacket: null,
    serverCpuPct: null,
    serverSysShare: null,
    usPerPacket: null,
    usPerMsg: null,
    xFloor: null,
    bytesPerSecPerViewer: null,
    genCpuPct: null,
    otherCpuPct: null,
    load1Start: l,
    load1End: l,
    note,
  };
}

export async function benchWire(opts: WireOptions = {}): Promise<WireRow[]> {
  const rate = opts.rate ?? 12;
  const bytes = opts.bytes ?? 1700;
  const seconds = opts.seconds ?? 5;
  const settleS = opts.settleS ?? 1;
  const ways = opts.ways ?? WIRE_WAYS;
  const log = opts.log ?? (() => undefined);
  const msgpack = await loadMsgpack();
  log(`wire: ${rate} ticks/s, ${bytes} B per tick, ${seconds} s window after ${settleS} s settling; node ${process.version}; load average ${loads()}`);
  const rows: WireRow[] = [];
  for (const viewers of opts.viewers ?? [1000]) {
    const atSize: WireRow[] = [];
    for (const way of ways) {
      const needsMsgpack = way.startsWith('sio msgpack');
      if (needsMsgpack && !msgpack) {
        const row = skippedRow(way, viewers, rate, bytes, `skipped: ${MSGPACK} not installed`);
        log(`  ${way}, ${viewers} viewers: ${row.note}`);
        atSize.push(row);
        continue;
      }
      const server = way.startsWith('ws ') ? await startWs(way === 'ws sendFrame') : await startSio(way, needsMsgpack ? msgpack : null);
      atSize.push(await oneWay({ way, server, viewers, rate, bytes, seconds, settleS, log }));
    }
    const floor = atSize.find((r) => r.way === 'ws send')?.usPerPacket ?? null;
    for (const r of atSize) {
      if (floor && r.usPerPacket !== null) r.xFloor = fixed(r.usPerPacket / floor, 2);
    }
    rows.push(...atSize);
  }
  log(`wire: load average at the end ${loads()}`);
  return rows;
}

async function oneWay(p: {
  way: WireWay;
  server: Running;
  viewers: number;
  rate: number;
  bytes: number;
  seconds: number;
  settleS: number;
  log: (line: string) => void;
}): Promise<WireRow> {
  const { way, server, viewers, rate, bytes, seconds, settleS, log } = p;
  const load1Start = load1();
  const child = spawn(process.execPath, [PEERS_SCRIPT], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let ticker: ReturnType<typeof startTicker> | null = null;
  try {
    await needMessage(child, 'ready', 30_000);
    child.send({ t: 'open', url: server.url, count: viewers, mode: server.mode, inFlight: IN_FLIGHT });
    const opened = await needMessage<Opened>(child, 'opened', OPEN_WAIT_MS);
    if (opened.failed) log(`  ${way}: ${opened.failed} of ${viewers} viewers failed to connect: ${JSON.stringify(opened.errors)}`);
    for (let waited = 0; server.joined() < opened.connected && waited < 5000; waited += 50) await sleep(50);

    const base = Buffer.alloc(bytes);
    for (let i = 0; i < bytes; i += 1) base[i] = (i * 131 + 7) & 0xff;
    ticker = startTicker(rate, (k) => {
      const payload = Buffer.from(base); // a fresh buffer each tick, as the trainer's frames are
      if (bytes >= 4) payload.writeUInt32LE(k >>> 0, 0);
      server.tick(payload);
    });
    await sleep(settleS * 1000);

    const skipped0 = server.skipped();
    const ticks0 = ticker.ticks();
    const clk = clockTicks();
    const main0 = mainThreadCpuS(clk);
    const host0 = hostBusyCpuS(clk);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    child.send({ t: 'mark' });
    await sleep(seconds * 1000);
    const cpu = process.cpuUsage(cpu0);
    const windowS = (performance.now() - t0) / 1000;
    const main1 = mainThreadCpuS(clk);
    const host1 = hostBusyCpuS(clk);
    const ticks = ticker.ticks() - ticks0;
    const skipped = server.skipped() - skipped0;
    child.send({ t: 'end' });
    const report = await needMessage<Report>(child, 'report', 30_000);
    ticker.stop();
    ticker = null;

    const winS = report.ms / 1000;
    const connected = report.bin.length;
    const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
    const bin = sum(report.bin);
    const msgs = bin + sum(report.text);
    const delivered = bin / server.binPerTick;
    const deliveredPerSec = delivered / winS;
    const cpuUsPerS = (cpu.user + cpu.system) / windowS;
    const asked = (ticks / windowS) * connected;
    const row: WireRow = {
      way,
      viewers,
      connected,
      rate,
      payloadB: bytes,
      deliveredPerSec: Math.round(deliveredPerSec),
      deliveredPct: asked > 0 ? fixed((deliveredPerSec / asked) * 100, 1) : null,
      minViewerPps: connected ? fixed(Math.min(...report.bin) / server.binPerTick / winS, 1) : null,
      msgsPerPacket: delivered > 0 ? fixed(msgs / delivered, 2) : null,
      serverCpuPct: fixed(cpuUsPerS / 1e4, 1),
      serverSysShare: cpu.user + cpu.system > 0 ? Math.round((cpu.system / (cpu.user + cpu.system)) * 100) : null,
      usPerPacket: deliveredPerSec > 0 ? fixed(cpuUsPerS / deliveredPerSec, 2) : null,
      usPerMsg: msgs > 0 ? fixed(cpuUsPerS / (msgs / winS), 2) : null,
      xFloor: null,
      bytesPerSecPerViewer: connected ? Math.round(median(report.bin.map((_, i) => ((report.binBytes[i] ?? 0) + (report.textBytes[i] ?? 0)) / winS))) : null,
      genCpuPct: fixed(((report.cpu.user + report.cpu.system) / 1e6 / winS) * 100, 1),
      otherCpuPct: null,
      load1Start,
      load1End: load1(),
      note: [
        connected < viewers ? `${viewers - connected} not connected` : '',
        report.closes ? `${report.closes} closed` : '',
        way.startsWith('eio raw') ? `volatile skipped ${skipped}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    };
    if (host0 !== null && host1 !== null && row.serverCpuPct !== null && row.genCpuPct !== null) {
      row.otherCpuPct = Math.max(0, Math.round(((host1 - host0) / windowS) * 100 - row.serverCpuPct - row.genCpuPct));
    }
    const mainPct = main0 === null || main1 === null ? null : Math.round(((main1 - main0) / windowS) * 100);
    log(
      `  ${way}, ${connected}/${viewers} viewers (connected in ${(opened.ms / 1000).toFixed(2)} s): ${row.deliveredPerSec} packets/s delivered (${row.deliveredPct}%, slowest viewer ${row.minViewerPps}/s), ` +
        `${row.msgsPerPacket} messages per packet, server CPU ${row.serverCpuPct}% (main thread ${mainPct ?? '?'}%, ${row.serverSysShare}% of it in the kernel), ${row.usPerPacket} µs per packet, ${row.usPerMsg} µs per message; viewers' CPU ${row.genCpuPct}%, other processes ${row.otherCpuPct ?? '?'}%; load ${loads()}`,
    );
    return row;
  } finally {
    ticker?.stop();
    if (child.connected) child.send({ t: 'close' });
    else child.kill();
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));
    await server.close();
    await sleep(300);
  }
}
