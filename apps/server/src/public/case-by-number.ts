import { caseIdOfNumber, loadCase, type CaseState } from '@one-window/case';
import type { EventStore } from '@one-window/event-store';

/**
 * The case a case number names, folded from the store (`caseIdOfNumber` finds it in the number's
 * division-day stream). Undefined for a number that is malformed, not allocated, or has no case.
 */
export async function caseByNumber(store: EventStore, typed: string): Promise<CaseState | undefined> {
  const caseId = await caseIdOfNumber(store, typed);
  if (caseId === undefined) return undefined;
  return (await loadCase(store, caseId)).state ?? undefined;
}
