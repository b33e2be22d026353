import { InvalidQueryError, OutOfScopeError, ReadModelTimeoutError } from '@one-window/read-models';
import { type ProblemError, problems } from './problem-details.js';

export function readModelProblem(error: unknown): ProblemError | undefined {
  if (error instanceof ReadModelTimeoutError) {
    return problems.unavailable(
      'read-models-behind',
      `The read models have not reached position ${error.position} yet (they are at ${error.reached ?? 'nothing'}); try again.`,
      error.retryAfterSeconds,
    );
  }
  if (error instanceof OutOfScopeError)
    return problems.forbidden(error.message, { code: 'forbidden.jurisdiction' });
  if (error instanceof InvalidQueryError) {
    return problems.invalidInput(error.message, [{ pointer: `#/${error.field}`, detail: error.message }]);
  }
  return undefined;
}
