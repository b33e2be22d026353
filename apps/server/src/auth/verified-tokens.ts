import { type TokenCheck, type TokenClaims, type TokenPolicy, verifyToken } from '@one-window/identity';

interface Verified {
  readonly claims: TokenClaims;
  /** When the full check passed (ms): before it, the clock went back and the check runs again. */
  readonly at: number;
}

/**
 * The bearer tokens this server verified, so that a clerk's next request skips the HMAC (jose's
 * verify was ~7% of the server's CPU under load). A token that passed stays valid until its
 * expiry, so a remembered one answers only strictly between its check and a second before `exp`;
 * anything else, and every token not seen before, goes through the full `verifyToken`. The
 * session checks (user disabled, security version) are the guard's and run on every request.
 */
export class VerifiedTokens {
  private readonly verified = new Map<string, Verified>();

  constructor(
    private readonly policy: TokenPolicy,
    private readonly capacity = 10_000,
  ) {}

  async check(token: string, now: Date): Promise<TokenCheck> {
    const ms = now.getTime();
    const known = this.verified.get(token);
    if (known !== undefined && known.at <= ms && ms < known.claims.exp * 1000 - 1000)
      return { ok: true, claims: known.claims };
    const check = await verifyToken(this.policy, token, now);
    if (check.ok) {
      this.verified.delete(token);
      this.verified.set(token, { claims: check.claims, at: ms });
      // Oldest first out: Map keeps insertion order.
      if (this.verified.size > this.capacity) this.verified.delete(this.verified.keys().next().value!);
    } else this.verified.delete(token);
    return check;
  }
}
