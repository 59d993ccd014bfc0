/**
 * A room's join code as the presenter page shows it (docs/protocol.md "Join codes"): read from
 * `GET /api/rooms/<roomId>` (joinCode, joinUrl), written for a hall to read, and drawn as a QR code.
 */
import type { ErrorBody, RoomStatusResponse } from '@gradcast/shared';
import QRCode from 'qrcode';

export interface JoinLink {
  /** Canonical code, e.g. "K7M4RX". */
  code: string;
  /** `<origin>/j/<code>`: the link the QR code holds. */
  url: string;
}

/** The room's join code and link, from the room's status (the presenter page has only the room id and key). */
export async function fetchJoinLink(roomId: string): Promise<JoinLink> {
  const res = await fetch(`/api/rooms/${encodeURIComponent(roomId)}`, { headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as (Partial<RoomStatusResponse> & { error?: ErrorBody }) | null;
  if (!res.ok || !body?.joinCode || !body.joinUrl) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return { code: body.joinCode, url: body.joinUrl };
}

/** A code in groups of three, as it is read out and typed ("K7M4RX" → "K7M 4RX"); the server ignores the space. */
export function spacedCode(code: string): string {
  return code.replace(/(.{3})(?=.)/g, '$1 ');
}

/** What to type in a browser's address bar to reach the code page: the link without its scheme and code ("host/j"). */
export function typedAddress(url: string): string {
  const u = new URL(url);
  return `${u.host}/j`;
}

/** A QR code to draw as SVG: a `size` × `size` square (modules, quiet zone included) and the dark modules' path. */
export interface QrShape {
  size: number;
  /** SVG path data of the dark modules, one unit per module, in runs along each row. */
  path: string;
}

/** Modules of white border around the symbol (the spec's quiet zone is 4; 2 reads well on a screen). */
const QUIET = 2;

/**
 * The QR code of `url` (qrcode encodes it, error correction M, ~15 % of it may be unreadable) as a path the page
 * draws dark on a white square, which every phone camera reads (inverted codes are not read by all).
 */
export function qrShape(url: string): QrShape {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let path = '';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      let run = 1;
      while (col + run < n && modules.get(row, col + run)) run++;
      path += `M${col + QUIET} ${row + QUIET}h${run}v1h-${run}z`;
      col += run;
    }
  }
  return { size: n + 2 * QUIET, path };
}
