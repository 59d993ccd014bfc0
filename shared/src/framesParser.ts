/**
 * Socket.IO's default parser, plus packed frames (packedFrames.ts): a binary message that arrives while no binary
 * event is being reassembled is a packed `frames` packet, decoded as if it were the event `frames` with the
 * packed frames as its argument. Everything else is the default parser's, byte for byte, so a client that uses
 * this parser speaks the same protocol as any other and only asks for packed frames in its handshake
 * (`auth.frames: 'packed'`). Pass it as `io(origin, { parser })`.
 */
import { Decoder as DefaultDecoder, Encoder, PacketType } from 'socket.io-parser';
import { isPackedFrames, unpackFrames } from './packedFrames.ts';

class Decoder extends DefaultDecoder {
  override add(obj: unknown): void {
    // A binary attachment of an event being reassembled is the default parser's; only an unsolicited binary
    // message can be packed frames (the server writes an event's attachments right behind it, in order).
    const reassembling = (this as unknown as { reconstructor: unknown }).reconstructor;
    if (!reassembling && typeof obj !== 'string' && (obj instanceof ArrayBuffer || ArrayBuffer.isView(obj)) && isPackedFrames(obj)) {
      this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: ['frames', unpackFrames(obj)] });
      return;
    }
    super.add(obj);
  }
}

export const framesParser = { Encoder, Decoder };
