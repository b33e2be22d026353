import { Injectable } from '@nestjs/common';
import { SignInLimiter } from '@one-window/identity';
import type { FastifyRequest } from 'fastify';
import { ProblemError, problemType } from '../problem/problem-details.js';
import { AddressWindow } from './address-window.js';

/**
 * The limits of the public routes, per address (ADR 17). Every public request counts against
 * `requests`; a progress lookup with a wrong code also counts against `guesses`, the sign-in
 * limiter keyed by the case number instead of a username: five free misses per number and address,
 * then a doubling wait, and at most 20 misses per address in 15 minutes over all numbers.
 */
@Injectable()
export class PublicLimits {
  readonly requests = new AddressWindow({ max: 60, windowMs: 10 * 60_000 });
  readonly guesses = new SignInLimiter({
    freeFailures: 5,
    baseDelayMs: 30_000,
    maxDelayMs: 60 * 60_000,
    maxPerAddress: 20,
    windowMs: 15 * 60_000,
  });

  /** Counts the request; throws 429 when its address has sent too many. */
  take(request: FastifyRequest, now: Date): void {
    const decision = this.requests.take(request.ip, now);
    if (!decision.allowed) throw tooMany(decision.retryAfterSeconds);
  }
}

export function tooMany(retryAfterSeconds: number): ProblemError {
  return new ProblemError(
    {
      type: problemType('too-many-attempts'),
      title: 'Too many attempts',
      status: 429,
      detail: `Too many requests from this address; try again in ${retryAfterSeconds} seconds.`,
      retryAfter: retryAfterSeconds,
      code: 'too-many-attempts.public',
      params: { seconds: retryAfterSeconds, minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
    },
    { 'retry-after': String(retryAfterSeconds) },
  );
}
