/**
 * 办件编号: `<division code>-<China date>-<sequence>`, e.g. `150102-20260302-0007`.
 *
 * The sequence of a division-day lives in its own stream, `casenumber-<division>-<yyyymmdd>`,
 * one `caseNumber.Allocated` event per number, appended with the expected revision: two clerks
 * racing for a number conflict and one retries, so numbers are unique across server instances
 * and restarts. Numbering is per division, not per hall, because township halls share their
 * banner's division code. Receiving writes two streams (number, then case), which cannot be one
 * transaction: when the case append fails after allocation the number stays allocated and is
 * simply skipped — a gap, never a reuse. A retried command (same case id) finds and reuses the
 * number it allocated before.
 */
import {
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type EventStore,
  type RecordedEvent,
} from '@one-window/event-store';
import { DomainError } from '../domain/errors.js';
import { deterministicUuid } from './deterministic-id.js';

export const CASE_NUMBER_ALLOCATED = 'caseNumber.Allocated' as const;

export interface CaseNumberAllocated {
  readonly caseId: string;
  readonly sequence: number;
  readonly caseNumber: string;
  readonly hall: string;
}

export const caseNumberStream = (divisionCode: string, chinaDate: string): string =>
  `casenumber-${divisionCode}-${chinaDate.replaceAll('-', '')}`;

export const formatCaseNumber = (divisionCode: string, chinaDate: string, sequence: number): string =>
  `${divisionCode}-${chinaDate.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;

const MAX_ATTEMPTS = 50;

export async function allocateCaseNumber(
  store: EventStore,
  request: { caseId: string; hall: string; divisionCode: string; chinaDate: string },
): Promise<string> {
  const stream = caseNumberStream(request.divisionCode, request.chinaDate);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const allocated = await readAllocations(store, stream);
    const mine = allocated.find((e) => e.data.caseId === request.caseId);
    if (mine) return mine.data.caseNumber;
    const sequence = allocated.length + 1;
    const caseNumber = formatCaseNumber(request.divisionCode, request.chinaDate, sequence);
    const data: CaseNumberAllocated = { caseId: request.caseId, sequence, caseNumber, hall: request.hall };
    try {
      await store.appendToStream(
        stream,
        [{ id: deterministicUuid(stream, request.caseId), type: CASE_NUMBER_ALLOCATED, data }],
        {
          expectedRevision:
            allocated.length === 0 ? NO_STREAM : allocated[allocated.length - 1].streamRevision,
        },
      );
      return caseNumber;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
  throw DomainError.conflict(
    `Could not allocate a case number in ${stream}: too many concurrent receipts; retry`,
  );
}

async function readAllocations(
  store: EventStore,
  stream: string,
): Promise<RecordedEvent<string, CaseNumberAllocated>[]> {
  try {
    return (await store.readStream(stream)) as RecordedEvent<string, CaseNumberAllocated>[];
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}
