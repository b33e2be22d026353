import type { MessageParams } from '@one-window/shared';

/** A message of the catalog: its code and params (ADR 15). */
export interface MessageRef {
  readonly code: string;
  readonly params?: MessageParams;
}

/** One bad field of a request (RFC 9457 §3 extension member `errors`). */
export interface FieldProblem {
  /** JSON Pointer into the request body or query, e.g. `#/applicant/name`. */
  readonly pointer: string;
  readonly detail: string;
  /** The rule broken (`required`, `integer-range`, …) and its params: words in any language (ADR 15). */
  readonly code?: string;
  readonly params?: MessageParams;
}

/** RFC 9457 problem details; extension members carry what a client needs to react. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  /** The title in Chinese (every problem has one, ADR 12); `detailZh` where the server has the words. */
  readonly titleZh?: string;
  readonly detailZh?: string;
  readonly errors?: readonly FieldProblem[];
  /** The message of `detail` in the catalog, and its params (ADR 15); the type's code by default. */
  readonly code?: string;
  readonly params?: MessageParams;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Problem types are relative URIs under `/problems/`; each is documented in docs/adr/0008. */
export function problemType(code: string): string {
  return `/problems/${code}`;
}

/** An error that already knows its HTTP answer. */
export class ProblemError extends Error {
  constructor(
    readonly problem: ProblemDetails,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(problem.detail);
    this.name = 'ProblemError';
  }
}

const words = (message: MessageRef | undefined) =>
  message ? { code: message.code, ...(message.params ? { params: message.params } : {}) } : {};

export const problems = {
  invalidInput: (detail: string, errors: readonly FieldProblem[] = [], message?: MessageRef): ProblemError =>
    new ProblemError({
      type: problemType('invalid-input'),
      title: 'Invalid input',
      status: 400,
      detail,
      errors,
      ...words(message ?? { code: 'invalid-input', params: { count: errors.length } }),
    }),
  unauthorized: (detail: string, message?: MessageRef): ProblemError =>
    new ProblemError(
      { type: problemType('unauthorized'), title: 'Not signed in', status: 401, detail, ...words(message) },
      { 'www-authenticate': 'Bearer' },
    ),
  forbidden: (detail: string, message?: MessageRef): ProblemError =>
    new ProblemError({
      type: problemType('forbidden'),
      title: 'Not allowed',
      status: 403,
      detail,
      ...words(message),
    }),
  notFound: (detail: string, message?: MessageRef): ProblemError =>
    new ProblemError({
      type: problemType('not-found'),
      title: 'Not found',
      status: 404,
      detail,
      ...words(message),
    }),
  conflict: (
    code: string,
    title: string,
    detail: string,
    extensions: Record<string, unknown> = {},
  ): ProblemError => {
    const core = { type: problemType(code), title, status: 409, detail };
    // The standard members first, and never overwritten by an extension.
    return new ProblemError(Object.assign({ ...core }, extensions, core));
  },
  /** The key of an Idempotency-Key request was first used for another request (draft §2.7). */
  idempotencyKeyMismatch: (detail: string): ProblemError =>
    new ProblemError({
      type: problemType('idempotency-key-mismatch'),
      title: 'Idempotency-Key reused for a different request',
      status: 422,
      detail,
    }),
  /** A request with this Idempotency-Key is still being processed (draft §2.7: 409). */
  idempotencyKeyInFlight: (): ProblemError =>
    new ProblemError(
      {
        type: problemType('idempotency-key-in-flight'),
        title: 'A request with this Idempotency-Key is still in progress',
        status: 409,
        detail: 'A request with this Idempotency-Key is still being processed; retry after it has answered',
        retryAfter: 1,
      },
      { 'retry-after': '1' },
    ),
  unavailable: (code: string, detail: string, retryAfterSeconds: number): ProblemError =>
    new ProblemError(
      {
        type: problemType(code),
        title: 'Try again shortly',
        status: 503,
        detail,
        retryAfter: retryAfterSeconds,
      },
      { 'retry-after': String(retryAfterSeconds) },
    ),
  tooManyRequests: (detail: string, retryAfterSeconds: number): ProblemError =>
    new ProblemError(
      {
        type: problemType('too-many-attempts'),
        title: 'Too many attempts',
        status: 429,
        detail,
        retryAfter: retryAfterSeconds,
        code: 'too-many-attempts',
        params: { seconds: retryAfterSeconds, minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
      },
      { 'retry-after': String(retryAfterSeconds) },
    ),
};
