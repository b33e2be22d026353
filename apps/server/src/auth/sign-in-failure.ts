import type { FastifyRequest } from 'fastify';

/**
 * Why a sign-in failed, for the metrics (never the username): a wrong password, an unknown user
 * and a disabled one answer alike, and are counted alike; a refusal by the backoff of one
 * username and address, or by the limit of one address.
 */
export type SignInFailure = 'wrong-credentials' | 'throttled-user' | 'throttled-address';

const FAILURE = Symbol('signInFailure');

/** Notes on the request why its sign-in failed; the metrics read it when the answer is sent. */
export function noteSignInFailure(request: FastifyRequest, failure: SignInFailure): void {
  (request as FastifyRequest & { [FAILURE]?: SignInFailure })[FAILURE] = failure;
}

export function signInFailureOf(request: FastifyRequest): SignInFailure | undefined {
  return (request as FastifyRequest & { [FAILURE]?: SignInFailure })[FAILURE];
}
