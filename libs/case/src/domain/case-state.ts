/**
 * A case's state is the machine's snapshot, read through a few honest names. `evolve` folds one
 * event through the machine's pure transition; an event the machine does not accept in the
 * current state means the history is corrupt, and folding stops with a CaseHistoryError.
 *
 * XState's `transition()` and `initialTransition()` build a fresh actor (and with it the
 * machine's whole initial snapshot) for every call, only to use it as an inert scope; that was
 * most of a fold's cost. The machine's own `transition`/`getInitialSnapshot` with one inert scope,
 * made once, compute the same snapshots: the machine spawns and invokes nothing, and its actions
 * (assignments) are resolved into the snapshot, never executed through the scope.
 */
import { createActor, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import type { CaseEvent } from '../events.js';
import { caseMachine } from './case.machine.js';
import type { CaseContext } from './context.js';

export type CaseSnapshot = SnapshotFrom<typeof caseMachine>;

/** The handling and rating regions' state values as the statechart's own type says them (XState infers them). */
type HandlingValue = CaseSnapshot['value'] extends { readonly handling: infer H } ? H : never;
type RatingValue = CaseSnapshot['value'] extends { readonly rating: infer R } ? R : never;
type Dotted<V> = V extends string
  ? V
  : { [K in keyof V & string]: `${K}.${V[K] & string}` }[keyof V & string];

/** Where the case is in the handling region, e.g. `backOffice.specialProcedure`: the chart's states. */
export type CaseStatus = Dotted<HandlingValue>;

/** The stage of one window a case is in, or how it ended: a status's first part. */
export type CaseStage = CaseStatus extends infer S ? (S extends `${infer P}.${string}` ? P : S) : never;

/** Every status, in the statechart's order (read from its states). */
export { CASE_STATUSES } from './state-meta.js';

/** Where the rating follow-up (好差评) stands, e.g. `followingUp`: the rating region's states. */
export type RatingStatus = Dotted<RatingValue>;

export interface CaseState {
  readonly status: CaseStatus;
  readonly stage: CaseStage;
  readonly rating: RatingStatus;
  readonly context: CaseContext;
  readonly snapshot: CaseSnapshot;
}

export class CaseHistoryError extends Error {
  constructor(
    readonly eventType: string,
    readonly status: string,
    readonly index: number,
  ) {
    super(`Event #${index} "${eventType}" is not possible in state "${status}": the case history is corrupt`);
    this.name = 'CaseHistoryError';
  }
}

/** Folds one event; `null` is "no case yet", which only `case.Received` leaves. */
export function evolve(state: CaseState | null, event: CaseEvent, index = 0): CaseState {
  if (state === null) {
    if (event.type !== 'case.Received') throw new CaseHistoryError(event.type, 'none', index);
    return fromSnapshot(caseMachine.getInitialSnapshot(inertScope(), event.data));
  }
  if (event.type === 'case.Received' || !state.snapshot.can(event)) {
    throw new CaseHistoryError(event.type, state.status, index);
  }
  return fromSnapshot(caseMachine.transition(state.snapshot, event, inertScope()));
}

type CaseScope = Parameters<typeof caseMachine.transition>[2];

let scope: CaseScope | undefined;

/** One scope for every fold: it records nothing and runs nothing (what XState's inert scope does). */
function inertScope(): CaseScope {
  if (scope === undefined) {
    // Built without input, as XState builds its own inert scope; only the scope's plumbing is used.
    const self = createActor(caseMachine as unknown as AnyStateMachine);
    scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: () => undefined,
      defer: () => undefined,
      emit: () => undefined,
      stopChild: () => undefined,
      actionExecutor: () => undefined,
    };
  }
  return scope;
}

/** Folds events onto `from` (no case by default). */
export function foldCase(events: Iterable<CaseEvent>, from: CaseState | null = null): CaseState | null {
  let state: CaseState | null = from;
  let index = 0;
  for (const event of events) state = evolve(state, event, index++);
  return state;
}

function fromSnapshot(snapshot: CaseSnapshot): CaseState {
  const value = snapshot.value as { handling: string | Record<string, string>; rating: RatingStatus };
  const handling = value.handling;
  const status = (
    typeof handling === 'string' ? handling : Object.entries(handling).map(([k, v]) => `${k}.${v}`)[0]
  ) as CaseStatus;
  return {
    status,
    stage: status.split('.')[0] as CaseStage,
    rating: value.rating,
    context: snapshot.context,
    snapshot,
  };
}
