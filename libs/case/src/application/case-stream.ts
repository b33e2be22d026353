/** Reading a case stream back: the stored events, the folded state, and the answer to a repeated command. */
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@one-window/event-store';
import { caseStreamName, isCaseEventType, type CaseEvent, type CaseEventMetadata } from '../events.js';
import { foldCase, type CaseState } from '../domain/case-state.js';
import type { CaseCommandResult } from './case-command-result.js';

export type StoredEvent = RecordedEvent<string, unknown, CaseEventMetadata>;

export interface LoadedCase {
  readonly caseId: string;
  readonly events: readonly StoredEvent[];
  readonly state: CaseState | null;
  /** Revision of the last event, -1 when the stream does not exist. */
  readonly revision: number;
}

export async function loadCase(store: EventStore, caseId: string): Promise<LoadedCase> {
  let events: StoredEvent[];
  try {
    events = (await store.readStream(caseStreamName(caseId))) as StoredEvent[];
  } catch (error) {
    if (error instanceof StreamNotFoundError) return { caseId, events: [], state: null, revision: -1 };
    throw error;
  }
  return { caseId, events, state: foldCase(events.map(toCaseEvent)), revision: events.length - 1 };
}

export function toCaseEvent(event: RecordedEvent): CaseEvent {
  if (!isCaseEventType(event.type)) {
    throw new Error(`Stream ${event.streamName} holds "${event.type}", which is not a case event`);
  }
  return { type: event.type, data: event.data } as CaseEvent;
}

/** The first answer to a command id already in the stream, or null. */
export function earlierAnswer(loaded: LoadedCase, commandId: string): CaseCommandResult | null {
  const mine = loaded.events.filter((e) => e.metadata?.commandId === commandId);
  if (mine.length === 0) return null;
  const last = mine[mine.length - 1];
  const state = foldCase(loaded.events.slice(0, last.streamRevision + 1).map(toCaseEvent));
  return answer(state!, last.streamRevision, last.position, false, []);
}

/** The answer for a command that stored nothing new. */
export function unchangedAnswer(loaded: LoadedCase): CaseCommandResult {
  const last = loaded.events[loaded.events.length - 1];
  return answer(loaded.state!, loaded.revision, last.position, false, []);
}

export function answer(
  state: CaseState,
  revision: number,
  position: number,
  written: boolean,
  events: readonly string[],
): CaseCommandResult {
  return {
    caseId: state.context.caseId,
    caseNumber: state.context.caseNumber,
    state: state.status,
    stage: state.stage,
    revision,
    position,
    written,
    events,
  };
}
