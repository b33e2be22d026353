/**
 * Name-based ids (RFC 9562 version 5, by the `uuid` package): the same parts always give the same
 * id, so every instance, before and after a restart, names a retried command's case, events and
 * timers alike, and the store's and the case's idempotency recognise them.
 */
import { v5 } from 'uuid';

/** The namespace of every One Window name-based id (a v5 of the project's name in the URL namespace). */
export const ONE_WINDOW_NAMESPACE = v5('https://one-window.invalid/ids', v5.URL);

/** A version 5 UUID of `kind` and its parts (joined with NUL, so parts never run into each other). */
export function nameUuid(kind: string, ...parts: readonly (string | number)[]): string {
  return v5([kind, ...parts].join('\u0000'), ONE_WINDOW_NAMESPACE);
}
