/**
 * The one typed Socket.IO connection of a page. Joining happens in the handshake (`auth`); binary frames
 * arrive as ArrayBuffer (the browser transport's binaryType), packed (shared/packedFrames.ts) and unpacked by
 * the parser into the same `frames` event as views into one message.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, JoinAuth, ServerToClientEvents } from '@gradcast/shared';
import { framesParser } from '@gradcast/shared/framesParser';

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * connect_error messages the server uses to refuse a join for good (contract.md). Retrying cannot help, so
 * the page shows an error screen instead of reconnecting. Values are the screen's explanation.
 */
export const FATAL_JOIN_ERRORS: Readonly<Record<string, string>> = {
  'room not found': 'This room does not exist (or has ended). Check the link, or start a new room.',
  'bad presenter key': 'The presenter key in this link is wrong. Open the viewer link instead, or ask the presenter for theirs.',
};

export function connectRoom(auth: JoinAuth, origin: string = location.origin): RoomSocket {
  // WebSocket only: no long-polling upgrade dance, and no sticky sessions needed behind a load balancer.
  // `io` itself is not generic; the return type types the events (protocol.ts is the contract).
  // Frames packed, one binary message per packet: the server's cheapest way to reach a hall of viewers.
  return io(origin, { auth: { ...auth, frames: 'packed' }, transports: ['websocket'], parser: framesParser });
}
