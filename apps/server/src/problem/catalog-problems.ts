import { UnknownGuideVersionError, UnknownItemError } from '@one-window/catalog';
import { type ProblemError, problems } from './problem-details.js';

export function catalogProblem(error: unknown): ProblemError | undefined {
  if (error instanceof UnknownItemError || error instanceof UnknownGuideVersionError)
    return problems.notFound(error.message);
  return undefined;
}
