/**
 * A command slice (ADR 0010): one legal transition in one module — its command and event types,
 * its registry entry (schema, route, roles, target, labels), the rule (who may send it, when the
 * case allows it), the decision and how its events fold. Registered in the one list of
 * `./index.ts`; the command union, the registry, the decider's dispatch, the rules, the
 * statechart's `accepts` and `on`, and the fold read it from there. Projections ignore an event
 * type they do not name, so a slice touches a read model only when it changes one.
 */
import type { Actor, MessageParams } from '@one-window/shared';
import type { CaseState } from '../domain/case-state.js';
import { currentTask, type CaseContext, type TaskRecord } from '../domain/context.js';
import type { Now } from '../domain/decide-context.js';
import type { Reason } from '../domain/reason.js';
import type { Target } from '../domain/rules.js';
import type { CommandDefinition } from '../registry/command-definition.js';

export interface SliceCommandShape {
  readonly type: string;
}
export interface SliceEventShape {
  readonly type: `case.${string}`;
  readonly data: object;
}

/** How a timeline names what an event refers to by id (the read side passes its lookups). */
export interface SliceNames {
  material(code: string): string;
  department(id: string): string;
}

export interface CaseSlice<C extends SliceCommandShape, E extends SliceEventShape> {
  /** The registry entry, as `CASE_COMMANDS[type]` holds it. */
  readonly command: Omit<CommandDefinition, 'type'> & { readonly type: C['type'] };
  /** The event types it decides. */
  readonly events: readonly E['type'][];
  /**
   * The statechart states that accept the command and fold its events, by path under the root
   * (`handling.backOffice`: the stage and every state in it).
   */
  readonly in: readonly string[];
  /** Where its events lead (an XState target such as `#case.handling.delivery`); absent: the state stays. */
  readonly target?: string;
  /**
   * The user ids of the people its command names besides the actor (an assignee): the executor
   * looks them up in the staff directory before deciding and `Now.staff` carries them.
   */
  staff?(command: C): readonly string[];
  /** The invariant a stored event must meet to fold (the guard; a corrupt history fails to fold). */
  fits?(context: CaseContext, event: E): boolean;
  /** Who may send it (403 otherwise), after the registry's roles. */
  authorize(state: CaseState, actor: Actor, target: Target): Reason;
  /** Whether the case allows it now, in a state that accepts it (409 otherwise). */
  available(state: CaseState, target: Target, now: Now): Reason;
  /** The events; checks its input (400) first. */
  decide(state: CaseState, command: C, target: Target, now: Now): E[];
  /** What its events change in the case's context. */
  evolve(context: CaseContext, event: E): CaseContext;
  /** The params of its timeline line (`eventDetail.<type>` in the message catalog). */
  detail(event: E, names: SliceNames): MessageParams;
  /** The mark its events put on a task in the queues (`queue.<name>` in the message catalog). */
  readonly taskMark?: TaskMark<E>;
}

/**
 * A task's mark in the queues (督办's): the tasks read model keeps the day of the last event per
 * mark and the queue badges it, so a slice's marker needs no line in the read model or the console.
 */
export interface TaskMark<E extends SliceEventShape = SliceEventShape> {
  readonly name: string;
  readonly tone: 'red' | 'yellow' | 'blue' | 'green';
  /** The task the event marks and the day it does so. */
  on(event: E): { readonly taskId: string; readonly day: string };
}

/** A slice of any command and event, as the dispatch sees it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySlice = CaseSlice<any, any>;

/** Declares a slice with its command and event types. */
export function defineSlice<C extends SliceCommandShape, E extends SliceEventShape>(
  slice: CaseSlice<C, E>,
): CaseSlice<C, E> {
  return slice;
}

/** The guard of a slice on the open task: its event names the case's current task. */
export const onCurrentTask = (context: CaseContext, event: { readonly data: { readonly taskId: string } }) =>
  currentTask(context)?.taskId === event.data.taskId;

/** Whether the actor heads the task's department or is an administrator (转办, 督办). */
export const headsTaskOrAdmin = (actor: Actor, task: TaskRecord | null | undefined) =>
  actor.role === 'admin' || (actor.role === 'head' && actor.department === task?.department);
