import { caseIdOfNumber, loadCase, type CaseState, type LoadedCase } from '@one-window/case';
import type { EventStore } from '@one-window/event-store';

/**
 * The case a case number names, its events and its state folded from the store (`caseIdOfNumber`
 * finds it in the number's division-day stream). Undefined for a number that is malformed, not
 * allocated, or has no case.
 */
export async function loadedByNumber(
  store: EventStore,
  typed: string,
): Promise<(LoadedCase & { readonly state: CaseState }) | undefined> {
  const caseId = await caseIdOfNumber(store, typed);
  if (caseId === undefined) return undefined;
  const loaded = await loadCase(store, caseId);
  return loaded.state ? { ...loaded, state: loaded.state } : undefined;
}
