import { problems } from '../problem/problem-details.js';

const WINDOW_MS = 5 * 60_000;
const MAX_FAILURES = 10;

/**
 * Slows password guessing per username: after 10 failures in 5 minutes the name is locked until
 * the window passes. In memory on purpose: a restart forgives, a lockout never outlives an outage.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  check(username: string, now: Date): void {
    const recent = this.recent(username, now);
    if (recent.length >= MAX_FAILURES) {
      const retryAfter = Math.ceil((recent[0] + WINDOW_MS - now.getTime()) / 1000);
      throw problems.tooManyRequests(
        'Too many wrong passwords for this user; wait before trying again.',
        Math.max(1, retryAfter),
      );
    }
  }

  failed(username: string, now: Date): void {
    this.failures.set(username, [...this.recent(username, now), now.getTime()]);
  }

  succeeded(username: string): void {
    this.failures.delete(username);
  }

  private recent(username: string, now: Date): number[] {
    return (this.failures.get(username) ?? []).filter((t) => now.getTime() - t < WINDOW_MS);
  }
}
