import {
  CASE_NUMBER_ALLOCATED,
  caseNumberStream,
  loadCase,
  type CaseNumberAllocated,
  type CaseState,
} from '@one-window/case';
import { StreamNotFoundError, type EventStore } from '@one-window/event-store';

const CASE_NUMBER = /^(\d{6})-(\d{4})(\d{2})(\d{2})-(\d{4,6})$/;

/**
 * The case a case number names, from the store itself (no read model, so a case accepted a moment
 * ago is found): the number's sequence is its event's revision in the division-day's number stream
 * (case-numbers.ts). Undefined for a number that is malformed, not allocated, or has no case.
 */
export async function caseByNumber(store: EventStore, typed: string): Promise<CaseState | undefined> {
  const match = CASE_NUMBER.exec(typed.trim());
  if (!match) return undefined;
  const [, division, year, month, day, sequence] = match;
  const stream = caseNumberStream(division, `${year}-${month}-${day}`);
  let caseId: string | undefined;
  try {
    const [event] = await store.readStream(stream, { fromRevision: Number(sequence) - 1, maxCount: 1 });
    const data = event?.data as CaseNumberAllocated | undefined;
    if (event?.type === CASE_NUMBER_ALLOCATED && data?.caseNumber === typed.trim()) caseId = data.caseId;
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  if (caseId === undefined) return undefined;
  return (await loadCase(store, caseId)).state ?? undefined;
}
