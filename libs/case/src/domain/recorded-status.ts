/**
 * Where a stored event left its case. Since ADR 0010 the executor writes the status and stage
 * the statechart reached after each event into the event's metadata, so projections read them
 * instead of re-deriving. Events stored before that carry neither; for them — and only them —
 * `recordedStatus` asks the statechart: the transition the event takes from the status the case
 * had, judged by the guards that read the event alone (`EVENT_GUARDS`; the others hold in a
 * sound history). No list of states or event types is kept here.
 */
import type { CaseEvent, CaseEventMetadata } from '../events.js';
import { caseMachine, EVENT_GUARDS } from './case.machine.js';
import type { CaseStage, CaseStatus } from './case-state.js';

export interface RecordedStatus {
  readonly status: CaseStatus;
  readonly stage: CaseStage;
}

/**
 * The status and stage after `event`; undefined when an old event does not change them.
 * `before` reads the status the case had, asked only for an old event that may move it.
 */
export function recordedStatus(
  event: CaseEvent,
  metadata: Pick<CaseEventMetadata, 'status' | 'stage'> | null | undefined,
  before: () => string | undefined = () => undefined,
): RecordedStatus | undefined {
  if (metadata?.status !== undefined && metadata.stage !== undefined) {
    return { status: metadata.status, stage: metadata.stage };
  }
  const status = event.type === 'case.Received' ? statusOf(handling) : charted(event, before);
  return status === undefined ? undefined : { status, stage: status.split('.')[0] as CaseStage };
}

/** A state node as far as this file reads it. */
interface ChartNode {
  readonly path: readonly string[];
  readonly type: string;
  readonly parent?: ChartNode;
  readonly states: Readonly<Record<string, ChartNode>>;
  readonly initial?: { readonly target: readonly ChartNode[] };
  readonly transitions: ReadonlyMap<string, readonly ChartTransition[]>;
}

interface ChartTransition {
  readonly guard?: unknown;
  readonly target?: readonly ChartNode[];
}

const handling = caseMachine.getStateNodeById('case.handling') as unknown as ChartNode;

/** The event types some transition of the handling region leads somewhere. */
const MOVING: ReadonlySet<string> = (() => {
  const types = new Set<string>();
  const visit = (node: ChartNode): void => {
    for (const [type, transitions] of node.transitions)
      if (transitions.some((t) => t.target)) types.add(type);
    Object.values(node.states).forEach(visit);
  };
  visit(handling);
  return types;
})();

function charted(event: CaseEvent, before: () => string | undefined): CaseStatus | undefined {
  if (!MOVING.has(event.type)) return undefined;
  const from = before();
  if (from === undefined) return undefined;
  let node: ChartNode | undefined = nodeOf(from);
  // As the machine chooses: the deepest state with a transition the event may take.
  for (; node && node !== handling.parent; node = node.parent) {
    const taken = node.transitions.get(event.type)?.find((t) => mayTake(t.guard, event));
    if (taken) return taken.target ? statusOf(taken.target[0]) : undefined;
  }
  return undefined;
}

function nodeOf(status: string): ChartNode | undefined {
  try {
    return caseMachine.getStateNodeById(`case.handling.${status}`);
  } catch {
    return undefined; // not a state of the chart
  }
}

/** A named event guard is judged on the event; `and` by its parts; any other guard holds. */
function mayTake(guard: unknown, event: CaseEvent): boolean {
  if (typeof guard === 'string') return EVENT_GUARDS[guard]?.(event) ?? true;
  const parts = (guard as { readonly guards?: readonly unknown[] } | undefined)?.guards;
  return typeof guard === 'function' && guard.name === 'and' && parts
    ? parts.every((part) => mayTake(part, event))
    : true;
}

/** The status a target leads to: its initial state, all the way down. */
function statusOf(target: ChartNode): CaseStatus {
  let node = target;
  while (node.type === 'compound' && node.initial) node = node.initial.target[0];
  return node.path.slice(1).join('.') as CaseStatus;
}
