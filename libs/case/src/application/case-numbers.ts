/**
 * 办件编号: `<division code>-<China date>-<sequence>`, e.g. `150102-20260302-0007`.
 *
 * The sequence of a division-day lives in its own stream, `casenumber-<division>-<yyyymmdd>`,
 * one `caseNumber.Allocated` event per number, and a number's sequence is always its event's
 * stream revision + 1. The allocator keeps each stream's next revision in memory, seeded once
 * from the stream's last events read backwards (never the whole day), and appends with that
 * expected revision: a writer elsewhere (another server on EventStoreDB) makes the append fail,
 * the allocator re-seeds and tries the next number. Revisions are unique, so numbers are unique
 * across instances and restarts and never reused; allocation costs the same at the day's
 * 20,000th receipt as at its first. Receipts in flight at once take consecutive revisions and
 * are appended in call order, so the embedded store commits them in one group.
 *
 * Numbering is per division, not per hall, because township halls share their banner's
 * division code. Receiving writes two streams (number, then case), which cannot be one
 * transaction: when the case append fails after allocation the number stays allocated and is
 * simply skipped — a gap, never a reuse. A retried command (same case id) reuses the number it
 * allocated before when this process allocated it, or when it is among the stream's last
 * `RECENT_WINDOW` allocations at seeding (a crash between the two appends leaves the orphan at
 * the stream's end); an older orphan is left as a gap.
 */
import {
  NO_STREAM,
  WrongExpectedRevisionError,
  readStreamOrNone,
  type EventStore,
  type RecordedEvent,
} from '@one-window/event-store';
import { nameUuid } from '@one-window/shared';
import { DomainError } from '../domain/errors.js';

export const CASE_NUMBER_ALLOCATED = 'caseNumber.Allocated' as const;

export interface CaseNumberAllocated {
  readonly caseId: string;
  readonly sequence: number;
  readonly caseNumber: string;
  readonly hall: string;
}

export interface CaseNumberRequest {
  readonly caseId: string;
  readonly hall: string;
  readonly divisionCode: string;
  readonly chinaDate: string;
}

export const caseNumberStream = (divisionCode: string, chinaDate: string): string =>
  `casenumber-${divisionCode}-${chinaDate.replaceAll('-', '')}`;

export const formatCaseNumber = (divisionCode: string, chinaDate: string, sequence: number): string =>
  `${divisionCode}-${chinaDate.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;

const CASE_NUMBER = /^(\d{6})-(\d{4})(\d{2})(\d{2})-(\d{4,6})$/;

/**
 * The case a case number names, read from the store itself (no read model, so a case numbered a
 * moment ago is found): its sequence is its event's revision + 1 in the division-day's stream.
 * Undefined for a number that is malformed or was never allocated.
 */
export async function caseIdOfNumber(store: EventStore, caseNumber: string): Promise<string | undefined> {
  const typed = caseNumber.trim();
  const match = CASE_NUMBER.exec(typed);
  if (!match) return undefined;
  const [, division, year, month, day, sequence] = match;
  const [event] = await readStreamOrNone(store, caseNumberStream(division, `${year}-${month}-${day}`), {
    fromRevision: Number(sequence) - 1,
    maxCount: 1,
  });
  const data = event?.data as CaseNumberAllocated | undefined;
  return event?.type === CASE_NUMBER_ALLOCATED && data?.caseNumber === typed ? data.caseId : undefined;
}

const MAX_ATTEMPTS = 50;
/** Allocations read backwards when a stream is seeded, to find a retried receipt's number. */
export const RECENT_WINDOW = 64;
/** Division-days whose sequence is kept in memory (yesterday's drop out). */
const MAX_STREAMS = 256;
/** Case ids whose numbers this allocator remembers, for retried receipts. */
const MAX_REMEMBERED = 10_000;

interface Sequence {
  readonly stream: string;
  /** Revision the next append expects; -1 for a stream without events. */
  next: number;
  /** Bumped at each re-seed: a failure of an older reservation does not re-seed again. */
  generation: number;
  /** The seeding read in progress, if any. */
  seeding: Promise<void> | null;
}

type Allocated = RecordedEvent<string, CaseNumberAllocated>;

/** Allocates case numbers for one store; keep one per process (the executor holds it). */
export class CaseNumberAllocator {
  private readonly sequences = new Map<string, Sequence>();
  /** Numbers known to belong to case ids (allocated here, or found when seeding). */
  private readonly numbers = new Map<string, string>();
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(private readonly store: EventStore) {}

  /** The case's number: the one it was given before, else the next of its division-day. */
  allocate(request: CaseNumberRequest): Promise<string> {
    const known = this.numbers.get(request.caseId);
    if (known !== undefined) return Promise.resolve(known);
    let allocation = this.inFlight.get(request.caseId);
    if (!allocation) {
      allocation = this.allocateNew(request).finally(() => this.inFlight.delete(request.caseId));
      this.inFlight.set(request.caseId, allocation);
    }
    return allocation;
  }

  private async allocateNew(request: CaseNumberRequest): Promise<string> {
    const stream = caseNumberStream(request.divisionCode, request.chinaDate);
    let sequence = await this.sequenceOf(stream);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // Seeding may have found this case's earlier allocation.
      const found = this.numbers.get(request.caseId);
      if (found !== undefined) return found;
      const expected = sequence.next++;
      const generation = sequence.generation;
      const number = expected + 2;
      const caseNumber = formatCaseNumber(request.divisionCode, request.chinaDate, number);
      const data: CaseNumberAllocated = {
        caseId: request.caseId,
        sequence: number,
        caseNumber,
        hall: request.hall,
      };
      try {
        await this.store.appendToStream(
          stream,
          [{ id: nameUuid(stream, request.caseId), type: CASE_NUMBER_ALLOCATED, data }],
          { expectedRevision: expected < 0 ? NO_STREAM : expected },
        );
        this.remember(request.caseId, caseNumber);
        return caseNumber;
      } catch (error) {
        // The reserved revision stays unwritten, so later reservations would conflict: re-seed.
        this.invalidate(sequence, generation);
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        sequence = await this.sequenceOf(stream);
      }
    }
    throw DomainError.conflict(
      `Could not allocate a case number in ${stream}: too many concurrent receipts; retry`,
    );
  }

  /** The stream's sequence, seeded (or re-seeded) from its last events. */
  private async sequenceOf(stream: string): Promise<Sequence> {
    let sequence = this.sequences.get(stream);
    if (!sequence) {
      sequence = { stream, next: -1, generation: 0, seeding: null };
      sequence.seeding = this.seed(sequence);
      this.sequences.set(stream, sequence);
      while (this.sequences.size > MAX_STREAMS) this.sequences.delete(this.sequences.keys().next().value!);
    }
    while (sequence.seeding) await sequence.seeding;
    return sequence;
  }

  private invalidate(sequence: Sequence, generation: number): void {
    if (sequence.generation !== generation || sequence.seeding) return;
    sequence.generation++;
    sequence.seeding = this.seed(sequence);
    // Whoever waits on it sees a failure; nobody waiting is no unhandled rejection.
    sequence.seeding.catch(() => undefined);
  }

  private async seed(sequence: Sequence): Promise<void> {
    try {
      const recent = await this.readRecent(sequence.stream);
      sequence.next = recent.length === 0 ? -1 : recent[0].streamRevision;
      for (const event of recent) this.remember(event.data.caseId, event.data.caseNumber);
    } catch (error) {
      // Forget the stream: the next receipt seeds it again.
      if (this.sequences.get(sequence.stream) === sequence) this.sequences.delete(sequence.stream);
      throw error;
    } finally {
      sequence.seeding = null;
    }
  }

  private async readRecent(stream: string): Promise<Allocated[]> {
    return (await readStreamOrNone(this.store, stream, {
      direction: 'backwards',
      fromRevision: 'end',
      maxCount: RECENT_WINDOW,
    })) as Allocated[];
  }

  private remember(caseId: string, caseNumber: string): void {
    if (this.numbers.has(caseId)) return;
    this.numbers.set(caseId, caseNumber);
    if (this.numbers.size > MAX_REMEMBERED) this.numbers.delete(this.numbers.keys().next().value!);
  }
}
