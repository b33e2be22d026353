/**
 * What the statechart says of its states, read from the states' own `meta` and `tags`: the
 * commands a case accepts now, and the list of statuses with their names. Nobody else keeps a
 * list of states (ADR 0010).
 */
import type { CaseCommandType } from '../commands.js';
import { caseMachine, type CaseStateMeta, type CaseStateTone } from './case.machine.js';
import type { CaseSnapshot, CaseStage, CaseStatus } from './case-state.js';

const accepted = new WeakMap<CaseSnapshot, ReadonlySet<CaseCommandType>>();

/** The commands the active states accept (their parents' and the rating region's included). */
export function acceptedCommands(snapshot: CaseSnapshot): ReadonlySet<CaseCommandType> {
  let set = accepted.get(snapshot);
  if (!set) {
    const metas: (CaseStateMeta | undefined)[] = Object.values(snapshot.getMeta());
    set = new Set(metas.flatMap((meta) => meta?.accepts ?? []));
    accepted.set(snapshot, set);
  }
  return set;
}

/** The active states' own words for refusing `type`, the deepest state's first; undefined when none has any. */
export function refusalIn(snapshot: CaseSnapshot, type: CaseCommandType): string | undefined {
  const metas: (CaseStateMeta | undefined)[] = Object.values(snapshot.getMeta());
  return metas.map((meta) => meta?.refuses?.[type]).findLast((words) => words !== undefined);
}

export interface CaseStatusInfo {
  readonly status: CaseStatus;
  readonly stage: CaseStage;
  readonly labels: { readonly zh: string; readonly en: string };
  readonly stageLabels: { readonly zh: string; readonly en: string };
  /** No command moves the case on from here (the rating follow-up still may). */
  readonly ended: boolean;
  /** How a screen colours it (the state's meta, else its stage's, else blue). */
  readonly tone: CaseStateTone;
}

interface Node {
  readonly key: string;
  readonly meta?: CaseStateMeta;
  readonly tags: readonly string[];
  readonly states: Readonly<Record<string, Node>>;
}

/** Each status of the handling region, in the statechart's order: its state and its stage's. */
const STATUS_NODES: readonly { readonly status: CaseStatus; readonly leaf: Node; readonly stage: Node }[] =
  (() => {
    const handling = (caseMachine.root.states as unknown as Record<string, Node>).handling;
    return Object.values(handling.states).flatMap((stage) => {
      const leaves = Object.values(stage.states);
      return (leaves.length ? leaves : [stage]).map((leaf) => ({
        status: (leaf === stage ? stage.key : `${stage.key}.${leaf.key}`) as CaseStatus,
        leaf,
        stage,
      }));
    });
  })();

/** Every status of the handling region, in the statechart's order, with its name. */
export const CASE_STATUS_INFO: readonly CaseStatusInfo[] = STATUS_NODES.map(({ status, leaf, stage }) => ({
  status,
  stage: stage.key as CaseStage,
  labels: leaf.meta?.labels ?? { zh: leaf.key, en: leaf.key },
  stageLabels: stage.meta?.labels ?? { zh: stage.key, en: stage.key },
  ended: leaf.tags.includes('ended'),
  tone: leaf.meta?.tone ?? stage.meta?.tone ?? 'blue',
}));

/** Every status of the handling region, in the statechart's order. */
export const CASE_STATUSES: readonly CaseStatus[] = STATUS_NODES.map(({ status }) => status);

/**
 * The statuses whose state (or its stage) accepts `type`, in the chart's order: where a read
 * model looks for the cases a command may be sent to (the scheduler's deadline commands).
 */
export function statusesAccepting(type: CaseCommandType): CaseStatus[] {
  return STATUS_NODES.filter(({ leaf, stage }) =>
    [leaf, stage].some((node) => node.meta?.accepts?.includes(type)),
  ).map(({ status }) => status);
}
