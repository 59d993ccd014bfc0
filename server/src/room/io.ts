/** The typed Socket.IO server and socket of this app (shared/protocol.ts is the contract). */
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from '@gradcast/shared';
import type { Server, Socket } from 'socket.io';

export type GradcastServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type GradcastSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
