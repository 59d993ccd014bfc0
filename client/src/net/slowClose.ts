/**
 * What the page says when the server closed its connection for falling behind (code SLOW_CLOSE_CODE, with the
 * server's reason), or null for any other disconnect. `details` is Socket.IO's disconnect details: for a
 * WebSocket close, `context` is the close event (a browser's reason is a string, Node's a Buffer).
 */
import { SLOW_CLOSE_CODE } from '@gradcast/shared';

export function slowCloseMessage(details: unknown): string | null {
  const close = (details as { context?: { code?: unknown; reason?: unknown } } | undefined)?.context;
  if (close?.code !== SLOW_CLOSE_CODE) return null;
  const raw = close.reason;
  const text = ArrayBuffer.isView(raw) ? new TextDecoder().decode(raw) : String(raw ?? '');
  const reason = text.trim() || 'too slow';
  return `This page fell behind the room and its connection was reset (${reason}). Reconnecting…`;
}
