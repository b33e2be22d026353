import { CaseHistoryError, DomainError } from '@one-window/case';
import { calendarNotCovered } from './calendar-problems.js';
import { type ProblemError, problems } from './problem-details.js';

/** The engine's field path (`materials[0].code`) as a JSON Pointer fragment (`#/materials/0/code`, RFC 6901). */
export const pointer = (field: string): string =>
  `#/${field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((token) => token.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/')}`;

/**
 * The case engine's one error class: its code says the status. A command the state does not
 * allow names the state and what the caller may send instead.
 */
export function domainProblem(error: unknown): ProblemError | undefined {
  if (error instanceof CaseHistoryError) return undefined; // corrupt history: a 500, logged
  if (!(error instanceof DomainError)) return undefined;
  switch (error.code) {
    case 'invalid-command':
      return problems.invalidInput(
        error.message,
        (error.errors ?? []).map((e) => ({ pointer: pointer(e.field), detail: e.message })),
      );
    case 'forbidden':
      return problems.forbidden(error.message);
    case 'not-found':
      return problems.notFound(error.message);
    case 'not-allowed-in-state':
      return problems.conflict('not-allowed-in-state', 'Not possible in this state', error.message, {
        state: error.state,
        allowed: error.allowed ?? [],
      });
    case 'conflict':
      return problems.conflict('concurrency-conflict', 'Changed by someone else', error.message);
    case 'idempotency-key-mismatch':
      return problems.idempotencyKeyMismatch(error.message);
    case 'calendar-not-covered':
      return calendarNotCovered(error.year ?? 0, error.message);
    default: {
      const unknown: never = error.code;
      return problems.conflict(String(unknown), 'Conflict', error.message);
    }
  }
}
