import {
  type CaseEvent,
  type CaseEventMetadata,
  type CaseState,
  caseStreamName,
  evolve,
} from '@one-window/case';
import type { EventStore, RecordedEvent } from '@one-window/event-store';
import { OutOfScopeError } from '../scope/out-of-scope.error.js';
import { type ReadScope, caseDepartments, inScope } from '../scope/read-scope.js';
import { InvalidQueryError } from '../queries/invalid-query.error.js';

export interface HistoryOptions {
  /** The case as it was at this instant: every event decided at or before it. */
  readonly at?: Date;
  /** The case as it was after this stream revision (0 = after `case.Received`). */
  readonly revision?: number;
  /** When given, a case outside the scope is an OutOfScopeError. */
  readonly scope?: ReadScope;
}

/** One stored event of a case, as history shows it. */
export interface HistoryEvent {
  readonly revision: number;
  readonly position: number;
  readonly type: CaseEvent['type'];
  readonly data: CaseEvent['data'];
  readonly metadata: CaseEventMetadata | null;
  /** When it was decided (metadata `at`), else when it was stored. */
  readonly at: string;
}

export interface CaseHistory {
  readonly caseId: string;
  /** The folded state; null when nothing had happened yet at that time. */
  readonly state: CaseState | null;
  /** The events folded, in order. */
  readonly events: readonly HistoryEvent[];
  /** Revision of the last event folded; -1 when none. */
  readonly revision: number;
  /** How many events the stream holds in all (later ones were left out). */
  readonly streamLength: number;
}

export interface ReplayStep {
  readonly event: HistoryEvent;
  /** The case right after this event. */
  readonly state: CaseState;
}

/**
 * The case exactly as it was at a time or revision: the stream folded with the case engine's own
 * `evolve` up to there — computed from the log, never from a read model. Throws the store's
 * StreamNotFoundError for an unknown case and the case engine's CaseHistoryError for a corrupt one.
 */
export async function caseHistory(
  store: EventStore,
  caseId: string,
  options: HistoryOptions = {},
): Promise<CaseHistory> {
  const steps = await replay(store, caseId, options);
  const last = steps[steps.length - 1];
  const all = await store.readStream(caseStreamName(caseId), { direction: 'backwards', maxCount: 1 });
  return {
    caseId,
    state: last?.state ?? null,
    events: steps.map((s) => s.event),
    revision: last?.event.revision ?? -1,
    streamLength: (all[0]?.streamRevision ?? -1) + 1,
  };
}

/** Every event of the case (up to `at` / `revision`) with the state after it: the replay view and `one-window replay`. */
export async function replay(
  store: EventStore,
  caseId: string,
  options: HistoryOptions = {},
): Promise<ReplayStep[]> {
  if (options.revision !== undefined && (!Number.isSafeInteger(options.revision) || options.revision < 0))
    throw new InvalidQueryError('revision', 'revision must be a whole number ≥ 0');
  if (options.at !== undefined && Number.isNaN(options.at.getTime()))
    throw new InvalidQueryError('at', 'at must be an ISO-8601 time');
  const recorded = await store.readStream(caseStreamName(caseId));
  const steps: ReplayStep[] = [];
  let state: CaseState | null = null;
  for (const [index, stored] of recorded.entries()) {
    const event = toHistoryEvent(stored);
    if (options.revision !== undefined && event.revision > options.revision) break;
    if (options.at !== undefined && Date.parse(event.at) > options.at.getTime()) break;
    state = evolve(state, { type: event.type, data: event.data } as CaseEvent, index);
    if (
      index === 0 &&
      options.scope &&
      !inScope(options.scope, {
        hall: state.context.hall,
        department: state.context.guide.department,
        departments: caseDepartments(state.context.guide),
      })
    )
      throw new OutOfScopeError('case', caseId);
    steps.push({ event, state });
  }
  return steps;
}

/** The parts of a state worth printing or sending as JSON (the XState snapshot itself is not). */
export function stateView(state: CaseState): {
  status: string;
  stage: string;
  rating: string;
  context: CaseState['context'];
} {
  return { status: state.status, stage: state.stage, rating: state.rating, context: state.context };
}

function toHistoryEvent(stored: RecordedEvent): HistoryEvent {
  const metadata = (stored.metadata ?? null) as CaseEventMetadata | null;
  return {
    revision: stored.streamRevision,
    position: stored.position,
    type: stored.type as CaseEvent['type'],
    data: stored.data as CaseEvent['data'],
    metadata,
    at: metadata?.at ?? stored.created.toISOString(),
  };
}
