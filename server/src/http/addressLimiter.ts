/**
 * A rate limit per client address: a token bucket per address that holds `burst` charges and refills at
 * `perMinute`. Used for failed join-code lookups (joinRoutes.ts: only misses are charged, since a lecture hall
 * behind one NAT address makes hundreds of good lookups at once; while an address's bucket is empty every lookup
 * from it is refused, good or not, as answering a good one would still tell a guesser which codes are live) and
 * for room creation (routes.ts: each room created is charged).
 *
 * IPv6 addresses are limited per /64 (one host usually holds a whole /64, so per address would let it rotate);
 * IPv4 and IPv4-mapped IPv6 per address.
 */
import { isIPv6 } from 'node:net';
import { TokenBucket } from '../room/tokenBucket.ts';

export interface AddressLimits {
  /** Misses an address may make at once. */
  burst: number;
  /** Misses per minute it may make after that (the refill rate). */
  perMinute: number;
}

/**
 * 20 at once, then one every 3 s: a hall behind one address can mistype a code 20 times in a row without waiting,
 * while a guesser gets ~29,000 tries a day, against 8.6·10⁷ codes (room/joinCodes.ts).
 */
export const DEFAULT_MISS_LIMITS: AddressLimits = { burst: 20, perMinute: 20 };

/** Most addresses remembered; past it, full buckets (which hold nothing worth keeping) and then the oldest are dropped. */
const MAX_ADDRESSES = 10_000;

/** The key an address is limited by: the address itself, or its /64 for IPv6. */
export function limitKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!isIPv6(plain)) return plain;
  const [head = '', tail = ''] = plain.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = plain.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export class AddressLimiter {
  /** Only addresses that missed: one that never did has a full bucket, which need not be kept. */
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    readonly limits: AddressLimits = DEFAULT_MISS_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `address` may look up again: 0 when it may now. */
  retryAfter(address: string): number {
    return this.buckets.get(limitKey(address))?.retryAfterS() ?? 0;
  }

  /** Counts one use (a miss, a room created) against `address`. */
  charge(address: string): void {
    const key = limitKey(address);
    const b = this.buckets.get(key) ?? new TokenBucket(this.limits.burst, this.limits.perMinute / 60, this.now);
    b.charge();
    this.buckets.delete(key); // re-inserted last: the Map's order is then least recently charged first
    this.buckets.set(key, b);
    if (this.buckets.size > MAX_ADDRESSES) this.prune();
  }

  /** Addresses remembered (tests, metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private prune(): void {
    for (const [key, b] of [...this.buckets]) if (b.level() >= this.limits.burst) this.buckets.delete(key);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= MAX_ADDRESSES) break;
      this.buckets.delete(key);
    }
  }
}
