import type { ProblemError } from './problem-details.js';

/** Turns one family of errors into problem details, or passes (undefined). */
export type ProblemMapper = (error: unknown) => ProblemError | undefined;

/** DI token: the list of mappers the exception filter asks in order. */
export const PROBLEM_MAPPERS = Symbol('PROBLEM_MAPPERS');
