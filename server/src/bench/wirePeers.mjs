/**
 * The viewers of `gradcast bench wire`, in a process of their own (started by bench/wire.ts with an IPC channel): N
 * raw `ws` clients that count, per client, the messages and bytes that arrive, and decode nothing. For a socket.io
 * server they do the least a client must by hand: on engine.io's open packet (text '0…') they connect to the default
 * namespace ('40' for the default parser; for socket.io-msgpack-parser its Encoder's binary encoding of
 * { type: 0, nsp: '/' }), answer engine.io's pings ('2' → '3'), and take the namespace's connect answer ('40…' text,
 * or the first binary message for msgpack) as joined. Everything after that is counted: binary and text messages
 * apart, with their bytes.
 *
 * Plain JavaScript, run by node without tsx, so that its own CPU is ws's receiving and little else.
 *
 * Messages from the parent:
 *   { t: 'open', url, count, mode: 'ws' | 'sio' | 'sio-msgpack', inFlight }  open `count` clients, at most
 *                     `inFlight` of them still connecting at once; answered with { t: 'opened', … }
 *   { t: 'mark' }     start of the window: counters to zero, CPU and clock noted
 *   { t: 'end' }      end of the window: answered with { t: 'report', … }
 *   { t: 'close' }    closes every client and exits
 * Messages to the parent: { t: 'ready' }, { t: 'opened', connected, failed, errors, ms }, { t: 'report', … }.
 */
import WebSocket from 'ws';

/** @typedef {{ ws: WebSocket, joined: boolean, bin: number, binBytes: number, text: number, textBytes: number, closes: number, closing: boolean }} Peer */

/** @type {Peer[]} */
const peers = [];
/** @type {Record<string, number>} */
const errors = {};
let counting = false;
/** @type {{ at: number, cpu: NodeJS.CpuUsage } | null} */
let mark = null;

const PING = 0x32; // '2'
const OPEN = 0x30; // '0'
const MESSAGE = 0x34; // '4'

function send(message) {
  if (process.send) process.send(message);
}

/** The bytes a client sends to connect to the default namespace: '40', or the msgpack parser's encoding. */
async function connectPacket(mode) {
  if (mode !== 'sio-msgpack') return '40';
  const mod = await import('socket.io-msgpack-parser');
  const parser = mod.default ?? mod;
  const [packet] = new parser.Encoder().encode({ type: 0, nsp: '/' });
  return packet;
}

function openAll({ url, count, mode, inFlight }, connect) {
  const t0 = Date.now();
  let next = 0;
  let pending = 0;
  let connected = 0;
  let failed = 0;
  let answered = false;
  const settle = () => {
    if (answered || connected + failed < count) return;
    answered = true;
    send({ t: 'opened', connected, failed, errors, ms: Date.now() - t0 });
  };
  const one = () => {
    if (next >= count) return;
    next += 1;
    pending += 1;
    const ws = new WebSocket(url, { perMessageDeflate: false });
    /** @type {Peer} */
    const p = { ws, joined: false, bin: 0, binBytes: 0, text: 0, textBytes: 0, closes: 0, closing: false };
    peers.push(p);
    let done = false;
    const finish = (ok, why) => {
      if (done) return;
      done = true;
      pending -= 1;
      if (ok) connected += 1;
      else {
        failed += 1;
        errors[why] = (errors[why] ?? 0) + 1;
      }
      while (pending < inFlight && next < count) one();
      settle();
    };
    const joined = () => {
      p.joined = true;
      finish(true, '');
    };
    ws.on('open', () => {
      if (mode === 'ws') joined();
    });
    ws.on('message', (data, isBinary) => {
      const n = /** @type {Buffer} */ (data).length;
      if (isBinary) {
        if (!p.joined) {
          joined(); // msgpack: the namespace's connect answer
          return;
        }
        if (!counting) return;
        p.bin += 1;
        p.binBytes += n;
        return;
      }
      const first = /** @type {Buffer} */ (data)[0];
      if (first === PING && n === 1) {
        ws.send('3');
        return;
      }
      if (!p.joined) {
        if (first === OPEN) ws.send(connect);
        else if (first === MESSAGE && mode === 'sio') {
          const second = /** @type {Buffer} */ (data)[1];
          if (second === 0x30) joined(); // '40{"sid":…}'
          else if (second === 0x34) finish(false, `connect error: ${String(data).slice(0, 60)}`); // '44…'
        }
        return;
      }
      if (!counting) return;
      p.text += 1;
      p.textBytes += n;
    });
    ws.on('error', (err) => finish(false, String(err && err.message).slice(0, 80)));
    ws.on('close', () => {
      if (!p.closing) p.closes += 1;
      finish(false, 'closed before joining');
    });
  };
  if (count === 0) settle();
  for (let i = 0; i < inFlight; i += 1) one();
}

process.on('message', (m) => {
  switch (m.t) {
    case 'open':
      connectPacket(m.mode).then(
        (packet) => openAll(m, packet),
        (err) => send({ t: 'opened', connected: 0, failed: m.count, errors: { [String(err && err.message).slice(0, 80)]: m.count }, ms: 0 }),
      );
      break;
    case 'mark':
      for (const p of peers) {
        p.bin = 0;
        p.binBytes = 0;
        p.text = 0;
        p.textBytes = 0;
      }
      counting = true;
      mark = { at: Date.now(), cpu: process.cpuUsage() };
      break;
    case 'end': {
      counting = false;
      const ms = mark ? Date.now() - mark.at : 0;
      const cpu = process.cpuUsage(mark ? mark.cpu : undefined);
      const joined = peers.filter((p) => p.joined);
      send({
        t: 'report',
        ms,
        cpu,
        closes: peers.reduce((s, p) => s + p.closes, 0),
        bin: joined.map((p) => p.bin),
        binBytes: joined.map((p) => p.binBytes),
        text: joined.map((p) => p.text),
        textBytes: joined.map((p) => p.textBytes),
      });
      break;
    }
    case 'close':
      for (const p of peers) {
        p.closing = true;
        p.ws.terminate();
      }
      setTimeout(() => process.exit(0), 100);
      break;
  }
});

process.on('disconnect', () => process.exit(0));
send({ t: 'ready' });
