/**
 * Short join codes: a few characters a lecture hall can read off a projector and type on a phone, each standing
 * for one live room's viewer link (`/j/<code>` redirects to `/r/<roomId>`). A code only ever leads to viewing: it
 * maps to a room id, which any viewer already has, never to the presenter key. It lives as long as its room
 * (Rooms issues it on create and drops it on close), and is unique among live rooms.
 *
 * The alphabet leaves out characters that read alike on a projector or in handwriting: 0, O, Q, 1, I, L, and at
 * least one of each pair 2/Z, 5/S, 8/B, 6/G, U/V. 21 characters, 6 of them: 21⁶ ≈ 8.6·10⁷ codes, so finding one given room takes tens of millions of
 * guesses; the HTTP side rate-limits failed lookups per address (http/addressLimiter.ts).
 */
import { randomInt } from 'node:crypto';

export const JOIN_CODE_ALPHABET = '34679ACDEFHJKMNPRTWXY';
export const JOIN_CODE_LENGTH = 6;

/** What someone typed, upper case, with spaces, dashes, dots and underscores removed ("acd-efh " → "ACDEFH"). */
export const compactJoinCode = (input: string): string => input.toUpperCase().replace(/[\s._-]+/g, '');

/**
 * The canonical form of a code as someone typed it (compactJoinCode). Null when that is not JOIN_CODE_LENGTH
 * characters of the alphabet, so nothing else is ever looked up.
 */
export function normalizeJoinCode(input: string): string | null {
  const code = compactJoinCode(input);
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** A fresh random code (crypto-random, each character uniform over the alphabet). */
export function randomJoinCode(pick: (n: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[pick(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Draws before giving up on a unique code: with a few thousand live rooms in 8.6·10⁷ codes one draw nearly always does. */
const MAX_DRAWS = 100;

/** The live rooms' codes, both ways. */
export class JoinCodes {
  private readonly byCode = new Map<string, string>();
  private readonly byRoom = new Map<string, string>();

  /** `pick(n)`: a random integer in [0, n) (tests pass a scripted one to force collisions). */
  constructor(private readonly pick: (n: number) => number = randomInt) {}

  /** Gives `roomId` a code unique among live rooms (the room's existing one if it has one). */
  issue(roomId: string): string {
    const existing = this.byRoom.get(roomId);
    if (existing) return existing;
    for (let i = 0; i < MAX_DRAWS; i++) {
      const code = randomJoinCode(this.pick);
      if (this.byCode.has(code)) continue;
      this.byCode.set(code, roomId);
      this.byRoom.set(roomId, code);
      return code;
    }
    throw new Error(`no free join code after ${MAX_DRAWS} draws (${this.byCode.size} rooms have one)`);
  }

  /** The room id a typed code stands for (normalizeJoinCode's tolerance), or undefined. */
  lookup(input: string): string | undefined {
    const code = normalizeJoinCode(input);
    return code === null ? undefined : this.byCode.get(code);
  }

  /** The code of a live room, or undefined. */
  codeOf(roomId: string): string | undefined {
    return this.byRoom.get(roomId);
  }

  /** Forgets a room's code (the room closed): the code stops working and may be drawn again later. */
  drop(roomId: string): void {
    const code = this.byRoom.get(roomId);
    if (code === undefined) return;
    this.byRoom.delete(roomId);
    this.byCode.delete(code);
  }

  clear(): void {
    this.byCode.clear();
    this.byRoom.clear();
  }

  get size(): number {
    return this.byCode.size;
  }
}
