/**
 * Limits password guessing without letting a stranger lock a real user out.
 *
 * - Per username *and* address: after `freeFailures` failures, each further attempt from that
 *   address for that name waits `baseDelayMs · 2^(extra failures)` (at most `maxDelayMs`). A guesser
 *   elsewhere slows only their own pair; the real user, from their own address, is not touched.
 * - Per address: at most `maxPerAddress` failures in `windowMs` over all names (spraying).
 * - Atomic: `begin` counts the attempt synchronously, before the caller's first `await` (the
 *   password hash), so N parallel guesses are N attempts, not one. A success forgives the pair.
 *
 * In memory, per server: a restart forgives, a lockout never outlives an outage.
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

  constructor(private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {}

  begin(username: string, address: string, now: Date): SignInDecision {
    const t = now.getTime();
    this.forgetOld(t);
    const recent = this.addressFailures(address, t);
    if (recent.length + this.inFlightAt(address) >= this.limits.maxPerAddress) {
      return {
        allowed: false,
        reason: 'address',
        retryAfterSeconds: seconds(recent[0] + this.limits.windowMs - t),
      };
    }
    const key = `${username}\u0000${address}`;
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
          const extra = pair.failures - this.limits.freeFailures;
          if (extra >= 0)
            pair.notBefore = when + Math.min(this.limits.baseDelayMs * 2 ** extra, this.limits.maxDelayMs);
          this.byAddress.set(address, [...this.addressFailures(address, when), when]);
        },
      },
    };
  }

  private inFlightAt(address: string): number {
    return this.inFlightByAddress.get(address) ?? 0;
  }

  private addressFailures(address: string, t: number): number[] {
    return (this.byAddress.get(address) ?? []).filter((at) => t - at < this.limits.windowMs);
  }

  /** Keeps memory bounded: pairs quiet for a window (and not waiting) are forgotten. */
  private forgetOld(t: number): void {
    if (this.pairs.size < 10_000 && this.byAddress.size < 10_000) return;
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
