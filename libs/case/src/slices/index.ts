/**
 * The one list of command slices (ADR 0010). A new transition is a module beside this file and
 * its line in `CASE_SLICES`; the command and event unions, the registry, the decider, the rules
 * and the statechart take it from here.
 */
import { REASSIGN_TASK } from './reassign-task.js';
import { SEND_SUPERVISION_NOTICE } from './send-supervision-notice.js';
import type { AnySlice, CaseSlice, TaskMark } from './slice.js';

export * from './slice.js';
export * from './send-supervision-notice.js';
export * from './reassign-task.js';

export const CASE_SLICES = [SEND_SUPERVISION_NOTICE, REASSIGN_TASK] as const satisfies readonly AnySlice[];

type Slices = (typeof CASE_SLICES)[number];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CommandOf<S> = S extends CaseSlice<infer C, any> ? C : never;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EventOf<S> = S extends CaseSlice<any, infer E> ? E : never;
/** The commands of the slices, in the union of `CaseCommand`. */
export type SlicedCommand = CommandOf<Slices>;
/** The events of the slices, in the union of `CaseEvent`. */
export type SlicedEvent = EventOf<Slices>;

export const SLICE_COMMAND_TYPES: readonly SlicedCommand['type'][] = CASE_SLICES.map(
  (s: AnySlice) => s.command.type as SlicedCommand['type'],
);
export const SLICE_EVENT_TYPES: readonly SlicedEvent['type'][] = CASE_SLICES.flatMap(
  (s: AnySlice) => s.events as SlicedEvent['type'][],
);

const byCommand = new Map<string, AnySlice>(CASE_SLICES.map((s: AnySlice) => [s.command.type, s]));
const byEvent = new Map<string, AnySlice>(
  CASE_SLICES.flatMap((s: AnySlice) => s.events.map((type) => [type, s] as const)),
);

export const sliceOfCommand = (type: string): AnySlice | undefined => byCommand.get(type);
export const sliceOfEvent = (type: string): AnySlice | undefined => byEvent.get(type);

/** The marks the slices put on tasks, in the order of `CASE_SLICES` (the queue's badges). */
export const TASK_MARKS: readonly TaskMark[] = CASE_SLICES.flatMap((s: AnySlice) => (s.taskMark ? [s.taskMark] : []));

/** The slices whose command a statechart state accepts and whose events it folds, by the state's path. */
export const slicesIn = (path: string): readonly AnySlice[] =>
  CASE_SLICES.filter((s: AnySlice) => s.in.includes(path));
