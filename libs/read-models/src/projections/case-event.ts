import { CASE_EVENT_TYPES, type CaseEvent, type CaseEventMetadata } from '@one-window/case';
import type { RecordedEvent } from '@one-window/event-store';

const CASE_TYPES: ReadonlySet<string> = new Set(CASE_EVENT_TYPES);
const CASE_STREAM_PREFIX = 'case-';

/** A case event as projections see it: the case it belongs to, its revision (the row guard) and when it happened. */
export interface ProjectedCaseEvent {
  readonly caseId: string;
  readonly event: CaseEvent;
  readonly revision: number;
  readonly position: number;
  readonly metadata: CaseEventMetadata | null;
  /** The decision time (metadata `at`), else the time it was stored. */
  readonly at: string;
}

/** Each stored event's narrowing, kept with the event itself (gone when it is): null for skipped. */
const narrowed = new WeakMap<RecordedEvent, ProjectedCaseEvent | null>();

/**
 * Narrows a stored event to a case event, or undefined: anything else in the log (other streams,
 * future types) is skipped (unlike the case lib's `requireCaseEvent`, which throws). The runner
 * hands one event to every projection in turn, so each event is narrowed once, whoever asks.
 */
export function caseEventOrSkip(recorded: RecordedEvent): ProjectedCaseEvent | undefined {
  let projected = narrowed.get(recorded);
  if (projected === undefined) {
    projected = narrow(recorded) ?? null;
    narrowed.set(recorded, projected);
  }
  return projected ?? undefined;
}

function narrow(recorded: RecordedEvent): ProjectedCaseEvent | undefined {
  if (!recorded.streamName.startsWith(CASE_STREAM_PREFIX) || !CASE_TYPES.has(recorded.type)) return undefined;
  const metadata = (recorded.metadata ?? null) as CaseEventMetadata | null;
  return {
    caseId: recorded.streamName.slice(CASE_STREAM_PREFIX.length),
    // A stored event already has the `{type, data}` shape of its union member.
    event: recorded as unknown as CaseEvent,
    revision: recorded.streamRevision,
    position: recorded.position,
    metadata,
    at: metadata?.at ?? recorded.created.toISOString(),
  };
}
