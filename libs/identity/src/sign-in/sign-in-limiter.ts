import { createHash } from 'node:crypto';

/**
 * Limits password guessing without letting a stranger lock a real user out.
 *
 * - Per username *and* address: after `freeFailures` failures, each further attempt from that
 *   address for that name waits `baseDelayMs · 2^(extra failures)` (at most `maxDelayMs`). A guesser
 *   elsewhere slows only their own pair; the real user, from their own address, is not touched.
 * - Per address: at most `maxPerAddress` failures in `windowMs` over all names (spraying); the
 *   address then waits a whole window.
 * - Atomic: `begin` counts the attempt synchronously, before the caller's first `await` (the
 *   password hash), so N parallel guesses are N attempts, not one. A success forgives the pair.
 *
 * In memory, per server: a restart forgives, a lockout never outlives an outage. Servers on one
 * store share their blocks (not their attempts): `watch` hears each block as it starts, `learn`
 * takes another server's (SharedSignInThrottle carries them through the store).
 */
export interface SignInLimits {
  readonly freeFailures: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxPerAddress: number;
  readonly windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  maxPerAddress: 50,
  windowMs: 15 * 60_000,
};

export type SignInDecision =
  | { readonly allowed: true; readonly attempt: SignInAttempt }
  | { readonly allowed: false; readonly retryAfterSeconds: number; readonly reason: 'pair' | 'address' };

/** A block as it starts: a username (hashed, `userKey`) and address, or (`user` null) an address. */
export interface SignInBlock {
  readonly user: string | null;
  readonly address: string;
  /** ms since epoch. */
  readonly until: number;
  /** The pair's failures so far, so that a server learning the block backs off from there. */
  readonly failures: number;
}

/** The username as blocks carry it: attempted names (a password typed in the name field) are not stored. */
export function userKey(username: string): string {
  return createHash('sha256').update(`ow-sign-in-1\u0000${username}`).digest('hex').slice(0, 32);
}

export interface SignInAttempt {
  succeeded(): void;
  failed(now: Date): void;
}

interface PairState {
  failures: number;
  /** Attempts begun and not yet settled. */
  inFlight: number;
  notBefore: number;
  lastAt: number;
}

export class SignInLimiter {
  private readonly pairs = new Map<string, PairState>();
  private readonly byAddress = new Map<string, number[]>();
  private readonly inFlightByAddress = new Map<string, number>();
  /** Addresses that reached `maxPerAddress`, here or on another server: refused until then. */
  private readonly addressBlockedUntil = new Map<string, number>();
  private listener: (block: SignInBlock) => void = () => undefined;

  constructor(private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {}

  /** Hears every block as it starts (one per failure past the free ones, one per address reaching its cap). */
  watch(listener: (block: SignInBlock) => void): void {
    this.listener = listener;
  }

  /** Takes a block another server started: refused here too until it ends, and backed off from its count. */
  learn(block: SignInBlock): void {
    if (block.user === null) {
      const until = Math.max(this.addressBlockedUntil.get(block.address) ?? 0, block.until);
      this.addressBlockedUntil.set(block.address, until);
      return;
    }
    const key = `${block.user}\u0000${block.address}`;
    const pair = this.pairs.get(key) ?? { failures: 0, inFlight: 0, notBefore: 0, lastAt: 0 };
    pair.failures = Math.max(pair.failures, block.failures);
    pair.notBefore = Math.max(pair.notBefore, block.until);
    // The failure that started it, as the block's delay tells: the pair is as fresh as there.
    pair.lastAt = Math.max(pair.lastAt, block.until - this.delayAfter(block.failures));
    this.pairs.set(key, pair);
  }

  begin(username: string, address: string, now: Date): SignInDecision {
    const t = now.getTime();
    this.forgetOld(t);
    const blockedUntil = this.addressBlockedUntil.get(address) ?? 0;
    const recent = this.addressFailures(address, t);
    if (t < blockedUntil || recent.length + this.inFlightAt(address) >= this.limits.maxPerAddress) {
      return {
        allowed: false,
        reason: 'address',
        retryAfterSeconds: seconds(
          t < blockedUntil ? blockedUntil - t : recent[0] + this.limits.windowMs - t,
        ),
      };
    }
    const user = userKey(username);
    const key = `${user}\u0000${address}`;
    const pair = this.pairs.get(key) ?? { failures: 0, inFlight: 0, notBefore: 0, lastAt: t };
    // A pair quiet for a whole window starts afresh.
    if (pair.inFlight === 0 && t - pair.lastAt > this.limits.windowMs && t >= pair.notBefore)
      pair.failures = 0;
    // Attempts in flight count as failures until they settle: parallel guesses cannot overtake the limit.
    if (
      pair.failures + pair.inFlight >= this.limits.freeFailures &&
      (t < pair.notBefore || pair.inFlight > 0)
    ) {
      return {
        allowed: false,
        reason: 'pair',
        retryAfterSeconds: seconds(Math.max(pair.notBefore - t, 1_000)),
      };
    }
    pair.inFlight++;
    pair.lastAt = t;
    this.pairs.set(key, pair);
    this.inFlightByAddress.set(address, this.inFlightAt(address) + 1);
    let settled = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      pair.inFlight--;
      const left = this.inFlightAt(address) - 1;
      if (left > 0) this.inFlightByAddress.set(address, left);
      else this.inFlightByAddress.delete(address);
      return true;
    };
    return {
      allowed: true,
      attempt: {
        succeeded: () => {
          if (settle()) this.pairs.delete(key);
        },
        failed: (at: Date) => {
          if (!settle()) return;
          const when = at.getTime();
          pair.failures++;
          pair.lastAt = when;
          if (pair.failures >= this.limits.freeFailures) {
            pair.notBefore = when + this.delayAfter(pair.failures);
            this.listener({ user, address, until: pair.notBefore, failures: pair.failures });
          }
          const failures = [...this.addressFailures(address, when), when];
          this.byAddress.set(address, failures);
          if (
            failures.length >= this.limits.maxPerAddress &&
            when >= (this.addressBlockedUntil.get(address) ?? 0)
          ) {
            // A whole window from now, not from the oldest failure: one block per window, not one per failure.
            const until = when + this.limits.windowMs;
            this.addressBlockedUntil.set(address, until);
            this.listener({ user: null, address, until, failures: failures.length });
          }
        },
      },
    };
  }

  /** The wait after a pair's `failures`-th failure, once past the free ones. */
  private delayAfter(failures: number): number {
    const extra = Math.max(0, failures - this.limits.freeFailures);
    return Math.min(this.limits.baseDelayMs * 2 ** extra, this.limits.maxDelayMs);
  }

  private inFlightAt(address: string): number {
    return this.inFlightByAddress.get(address) ?? 0;
  }

  private addressFailures(address: string, t: number): number[] {
    return (this.byAddress.get(address) ?? []).filter((at) => t - at < this.limits.windowMs);
  }

  /** Keeps memory bounded: pairs quiet for a window (and not waiting) are forgotten. */
  private forgetOld(t: number): void {
    if (this.pairs.size < 10_000 && this.byAddress.size < 10_000 && this.addressBlockedUntil.size < 10_000)
      return;
    for (const [address, until] of this.addressBlockedUntil)
      if (t >= until) this.addressBlockedUntil.delete(address);
    for (const [key, pair] of this.pairs)
      if (pair.inFlight === 0 && t - pair.lastAt > this.limits.windowMs && t >= pair.notBefore)
        this.pairs.delete(key);
    for (const [address, times] of this.byAddress) {
      const recent = times.filter((at) => t - at < this.limits.windowMs);
      if (recent.length === 0) this.byAddress.delete(address);
      else this.byAddress.set(address, recent);
    }
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
