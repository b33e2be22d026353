/** Reading a case stream back: the stored events, the folded state, and the answer to a repeated command. */
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@one-window/event-store';
import { caseStreamName, isCaseEventType, type CaseEvent, type CaseEventMetadata } from '../events.js';
import { evolve, foldCase, type CaseState } from '../domain/case-state.js';
import { DomainError } from '../domain/errors.js';
import type { CaseCommandResult, CommandMeta } from './case-command-result.js';

export type StoredEvent = RecordedEvent<string, unknown, CaseEventMetadata>;

export interface LoadedCase {
  readonly caseId: string;
  readonly events: readonly StoredEvent[];
  readonly state: CaseState | null;
  /** Revision of the last event, -1 when the stream does not exist. */
  readonly revision: number;
}

/**
 * A case folded up to a revision, with the first answer of every command id in it — all a
 * command needs, so the executor keeps these (CaseStateCache) instead of the events.
 */
export interface FoldedCase {
  readonly caseId: string;
  readonly state: CaseState | null;
  /** Revision of the last event folded, -1 when the stream does not exist. */
  readonly revision: number;
  /** Position of the last event folded, -1 when none. */
  readonly position: number;
  /** Command id → the answer a repeat of it gets (the state after its last event, its event types). */
  readonly answers: ReadonlyMap<string, CaseCommandResult>;
  /** Command id → the fingerprint of the request that sent it, where it came with an Idempotency-Key. */
  readonly fingerprints: ReadonlyMap<string, string>;
}

export const noCase = (caseId: string): FoldedCase => ({
  caseId,
  state: null,
  revision: -1,
  position: -1,
  answers: new Map(),
  fingerprints: new Map(),
});

export async function loadCase(store: EventStore, caseId: string): Promise<LoadedCase> {
  const events = await readCaseEvents(store, caseId, 0);
  if (events === null) return { caseId, events: [], state: null, revision: -1 };
  return { caseId, events, state: foldCase(events.map(requireCaseEvent)), revision: events.length - 1 };
}

/** The case stream from `fromRevision` on; null when the stream does not exist. */
export async function readCaseEvents(
  store: EventStore,
  caseId: string,
  fromRevision: number,
): Promise<StoredEvent[] | null> {
  try {
    return (await store.readStream(caseStreamName(caseId), { fromRevision })) as StoredEvent[];
  } catch (error) {
    if (error instanceof StreamNotFoundError) return null;
    throw error;
  }
}

/** Folds stored events (the ones after `base.revision`, in order) onto a folded case. */
export function foldStored(base: FoldedCase, events: readonly StoredEvent[]): FoldedCase {
  if (events.length === 0) return base;
  let state = base.state;
  const answers = new Map(base.answers);
  const fingerprints = new Map(base.fingerprints);
  for (const event of events) {
    state = evolve(state, requireCaseEvent(event), event.streamRevision);
    const commandId = event.metadata?.commandId;
    if (commandId === undefined) continue;
    // A command's events are contiguous: a replay answers with all of their types, in order.
    const before = answers.get(commandId);
    const types =
      before?.revision === event.streamRevision - 1 ? [...before.events, event.type] : [event.type];
    answers.set(commandId, answer(state, event.streamRevision, event.position, false, types));
    const fingerprint = event.metadata?.requestFingerprint;
    if (fingerprint !== undefined) fingerprints.set(commandId, fingerprint);
  }
  const last = events[events.length - 1];
  return {
    caseId: base.caseId,
    state,
    revision: last.streamRevision,
    position: last.position,
    answers,
    fingerprints,
  };
}

/** A folded case after this process appended a command's events (already folded into `state`). */
export function withAppended(
  base: FoldedCase,
  state: CaseState,
  written: {
    revision: number;
    position: number;
    commandId: string;
    events: readonly string[];
    fingerprint?: string;
  },
): FoldedCase {
  const answers = new Map(base.answers);
  answers.set(written.commandId, answer(state, written.revision, written.position, false, written.events));
  const fingerprints = new Map(base.fingerprints);
  if (written.fingerprint !== undefined) fingerprints.set(written.commandId, written.fingerprint);
  return {
    caseId: base.caseId,
    state,
    revision: written.revision,
    position: written.position,
    answers,
    fingerprints,
  };
}

/**
 * The first answer to a command id this case already holds, or undefined. A repeat that carries
 * another request's fingerprint is refused: the key was spent on a different request.
 */
export function repeatedAnswer(folded: FoldedCase, meta: CommandMeta): CaseCommandResult | undefined {
  const earlier = folded.answers.get(meta.commandId);
  if (!earlier) return undefined;
  const first = folded.fingerprints.get(meta.commandId);
  if (first !== undefined && meta.requestFingerprint !== undefined && first !== meta.requestFingerprint) {
    throw DomainError.idempotencyKeyMismatch(
      'This Idempotency-Key was already used for a different request; send a new key for a new request',
    );
  }
  return earlier;
}

/** The case event a stored event of a case stream is; anything else there is a corrupt log and throws. */
export function requireCaseEvent(event: RecordedEvent): CaseEvent {
  if (!isCaseEventType(event.type)) {
    throw new Error(`Stream ${event.streamName} holds "${event.type}", which is not a case event`);
  }
  return { type: event.type, data: event.data } as CaseEvent;
}

/** The answer for a command that stored nothing new. */
export function unchangedAnswer(folded: FoldedCase): CaseCommandResult {
  return answer(folded.state!, folded.revision, folded.position, false, []);
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
