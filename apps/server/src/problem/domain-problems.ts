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
  const reason = error.reason;
  switch (error.code) {
    case 'invalid-command':
      return problems.invalidInput(
        error.message,
        (error.errors ?? []).map((e, i) => {
          const rule = error.rules?.[i];
          return {
            pointer: pointer(e.field),
            detail: e.message,
            code: rule?.code ?? 'invalid',
            ...(rule?.params ? { params: rule.params } : {}),
          };
        }),
      );
    case 'forbidden':
      return problems.forbidden(error.message, reason ?? { code: 'forbidden' });
    case 'not-found':
      return problems.notFound(error.message, reason ?? { code: 'not-found' });
    case 'not-allowed-in-state': {
      const state = error.state ?? 'none';
      const allowed = error.allowed ?? [];
      return problems.conflict('not-allowed-in-state', 'Not possible in this state', error.message, {
        state,
        allowed,
        code: reason?.code ?? 'not-allowed-in-state',
        params: { state, allowed, ...reason?.params },
      });
    }
    case 'conflict':
      return problems.conflict('concurrency-conflict', 'Changed by someone else', error.message, {
        code: 'concurrency-conflict',
      });
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
