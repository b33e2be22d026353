/**
 * At most `max` requests from one address in any `windowMs` (a sliding window of timestamps),
 * for the public routes, which anyone may call without signing in. Counted synchronously, before
 * the caller's first `await`, so parallel requests are each counted. In memory, per server, like
 * the sign-in limiter (ADR 17): a restart forgives, memory is bounded by forgetting quiet addresses.
 */
export interface WindowLimits {
  readonly max: number;
  readonly windowMs: number;
}

export type WindowDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

const FORGET_ABOVE = 10_000;

export class AddressWindow {
  private readonly times = new Map<string, number[]>();

  constructor(readonly limits: WindowLimits) {}

  take(address: string, now: Date): WindowDecision {
    const t = now.getTime();
    if (this.times.size > FORGET_ABOVE) this.forgetQuiet(t);
    const recent = (this.times.get(address) ?? []).filter((at) => t - at < this.limits.windowMs);
    if (recent.length >= this.limits.max) {
      this.times.set(address, recent);
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + this.limits.windowMs - t) / 1000)),
      };
    }
    recent.push(t);
    this.times.set(address, recent);
    return { allowed: true };
  }

  private forgetQuiet(t: number): void {
    for (const [address, times] of this.times)
      if (times.every((at) => t - at >= this.limits.windowMs)) this.times.delete(address);
  }
}
