import { Encoder, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { framesParser } from './framesParser.ts';
import { packFrames } from './packedFrames.ts';

/** Feeds messages to a fresh decoder; returns the packets it decoded. */
function decode(messages: unknown[]): { type: number; nsp: string; data?: unknown[] }[] {
  const decoder = new framesParser.Decoder();
  const out: { type: number; nsp: string; data?: unknown[] }[] = [];
  decoder.on('decoded', (p: { type: number; nsp: string; data?: unknown[] }) => out.push(p));
  for (const m of messages) decoder.add(m);
  return out;
}

describe('framesParser', () => {
  it('decodes a packed binary message as the event frames with the packed frames', () => {
    const a = new Uint8Array(24).fill(1);
    new DataView(a.buffer).setUint32(20, 24, true);
    const [p] = decode([packFrames([a, a])]);
    expect(p).toMatchObject({ type: PacketType.EVENT, nsp: '/' });
    expect(p!.data![0]).toBe('frames');
    expect((p!.data![1] as Uint8Array[]).map((v) => v.byteLength)).toEqual([24, 24]);
  });

  it('leaves the default protocol as it is: text events, and binary events whose attachments look packed', () => {
    // An attachment that happens to start like a packed message is still the event's attachment.
    const attachment = packFrames([]);
    const messages = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: ['frames', [attachment]] });
    expect(messages.length).toBe(2);
    const text = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: ['hp:changed', { step: 3 }] });
    const out = decode([...messages, ...text]);
    expect(out.length).toBe(2);
    expect(out[0]!.data![0]).toBe('frames');
    expect(Array.from((out[0]!.data![1] as Uint8Array[])[0]!)).toEqual(Array.from(attachment));
    expect(out[1]!.data).toEqual(['hp:changed', { step: 3 }]);
  });

  it('still refuses a binary message that is neither an attachment nor packed', () => {
    expect(() => decode([new Uint8Array([1, 2, 3])])).toThrow(/got binary data when not reconstructing/);
  });
});
