/**
 * The case statechart: one window (一窗) in three stages — front desk (前台综合受理), back office
 * (后台分类审批), delivery (综合窗口出件) — and, in parallel, the rating follow-up (好差评).
 *
 * The machine folds EVENTS, which are facts the decider has already checked: it is used only
 * through XState's pure `initialTransition()` / `transition()`; it has no `after` timers and no
 * side effects. Legal deadlines arrive as timer events (`case.DeemedAccepted`,
 * `case.DecisionOverdue`, …) sent by the durable scheduler through commands.
 * The input is the `case.Received` event's data, which carries the guide snapshot (steps, limits,
 * materials), so a replay always uses the guide version the case was received under.
 * The guards restate the invariants the decider enforces, so a corrupt history fails to fold.
 */
import { and, assign, setup } from 'xstate';
import type { CaseCommandType } from '../commands.js';
import { FRONT_DESK, type CaseEvent, type ReceivedData } from '../events.js';
import { applyEvent } from './apply-event.js';
import {
  currentTask,
  hasOpenDeficiency,
  initialContext,
  isLastStep,
  openObligations,
  type CaseContext,
} from './context.js';
import { slicesIn, sliceOfEvent, type AnySlice } from '../slices/index.js';

/**
 * What a state says of itself: its name for people, and the commands it accepts (a parent
 * state's apply to all its children; the rating region's in every state). `rules.ts` asks the
 * snapshot rather than keeping its own list of states.
 */
export interface CaseStateMeta {
  readonly labels?: { readonly zh: string; readonly en: string };
  /**
   * How a screen colours the state (a child's wins over its stage's; default blue, in hand):
   * green on the way out or done, yellow waiting on someone outside or with the clock stopped,
   * red ended without a grant.
   */
  readonly tone?: CaseStateTone;
  readonly accepts?: readonly CaseCommandType[];
  /** Why the state refuses a command it does not accept, where the state has words of its own. */
  readonly refuses?: Partial<Readonly<Record<CaseCommandType, string>>>;
}

export type CaseStateTone = 'blue' | 'green' | 'yellow' | 'red';

/**
 * Tags a state carries: its stage, whether the decision clock runs in it, and whether the
 * applicant's time to correct (一次性告知's 补正期限) binds in it.
 */
export type CaseStateTag =
  'frontDesk' | 'backOffice' | 'delivery' | 'ended' | 'decisionClock' | 'correctionClock';

const label = (zh: string, en: string) => ({ zh, en });
/** A state the handling region ends in: no command moves the case on from there. */
const ended = (labels: CaseStateMeta['labels'], tone: CaseStateTone) =>
  ({ type: 'final', tags: ['ended'], meta: { labels, tone } }) as const;
const NO_META: CaseStateMeta = {};
const DEFICIENCY: readonly CaseCommandType[] = ['SupplyDeficiency', 'MarkDeficiencyOverdue'];
const DECISION_CLOCK: readonly CaseCommandType[] = ['MarkDecisionWarning', 'MarkDecisionOverdue'];
const TO_ACCEPT: readonly CaseCommandType[] = [
  'AcceptCase',
  'AcceptWithDeficiency',
  'RefuseCase',
  'DeemAccepted',
];

// The events of those commands, as the states that accept them fold them.
const ON_ACCEPTANCE_DECISION = {
  'case.Accepted': { target: '#case.handling.backOffice', actions: 'record' },
  'case.AcceptedWithDeficiency': { target: '#case.handling.backOffice', actions: 'record' },
  'case.DeemedAccepted': { target: '#case.handling.backOffice', actions: 'record' },
  'case.Refused': { target: '#case.handling.refused', actions: 'record' },
} as const;
const ON_DEFICIENCY = {
  'case.DeficiencySupplied': { guard: 'deficiencyOpen', actions: 'record' },
  'case.DeficiencyOverdue': { guard: 'deficiencyOpen', actions: 'record' },
} as const;
const ON_DECISION_CLOCK = {
  'case.DecisionWarning': { actions: 'record' },
  'case.DecisionOverdue': { actions: 'record' },
} as const;

/**
 * The guards that read the event alone. Where an event stored without its status (before ADR
 * 0010) led is told by the transitions from the status it left, these guards and no others
 * (`recordedStatus`): the rest hold in a sound history.
 */
export const EVENT_GUARDS: Readonly<Record<string, (event: CaseEvent) => boolean>> = {
  returnsToFrontDesk: (event) => event.type === 'case.TaskReturned' && event.data.to === FRONT_DESK,
  deliversDenial: (event) => event.type === 'case.Delivered' && event.data.outcome === 'denied',
};

interface NodeConfig {
  readonly meta?: CaseStateMeta;
  readonly on?: Readonly<Record<string, unknown>>;
  readonly states?: Readonly<Record<string, NodeConfig>>;
}

/**
 * Each command slice's place in the statechart (ADR 0010): the states it names (by path,
 * `handling.backOffice`) accept its command and fold its events, guarded by its `fits` and led to
 * its `target`. The rest of the chart is written out below.
 */
function withSlices<T>(config: T): T {
  const visit = (node: NodeConfig, path: string): NodeConfig => {
    const states =
      node.states &&
      Object.fromEntries(
        Object.entries(node.states).map(([key, child]) => [key, visit(child, path ? `${path}.${key}` : key)]),
      );
    const slices = slicesIn(path);
    if (slices.length === 0) return states ? { ...node, states } : node;
    const transitions: [string, object][] = slices.flatMap((slice: AnySlice) =>
      slice.events.map((type: string): [string, object] => [
        type,
        { guard: 'sliceFits', actions: 'record', ...(slice.target ? { target: slice.target } : {}) },
      ]),
    );
    const commands = slices.map((slice: AnySlice): CaseCommandType => slice.command.type as CaseCommandType);
    return {
      ...node,
      ...(states ? { states } : {}),
      meta: { ...node.meta, accepts: [...(node.meta?.accepts ?? []), ...commands] },
      on: { ...node.on, ...Object.fromEntries(transitions) },
    };
  };
  return visit(config as NodeConfig, '') as T;
}

export const caseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as ReceivedData,
    meta: NO_META,
    tags: {} as CaseStateTag,
  },
  actions: {
    record: assign(({ context, event }) => applyEvent(context, event)),
  },
  guards: {
    returnsToFrontDesk: ({ event }) => EVENT_GUARDS.returnsToFrontDesk(event),
    deliversDenial: ({ event }) => EVENT_GUARDS.deliversDenial(event),
    taskIsCurrentAndFree: ({ context, event }) =>
      event.type === 'case.TaskClaimed' &&
      currentTask(context)?.taskId === event.data.taskId &&
      currentTask(context)?.holder === null,
    taskIsCurrentAndHeld: ({ context, event }) =>
      'taskId' in event.data &&
      currentTask(context)?.taskId === event.data.taskId &&
      currentTask(context)?.holder !== null,
    atLastStep: ({ context }) => {
      const task = currentTask(context);
      return task !== null && task.holder !== null && isLastStep(context, task);
    },
    noCurrentTask: ({ context }) => context.currentTaskId === null,
    deficiencyOpen: ({ context }) => hasOpenDeficiency(context),
    deficiencyClosedOrDenied: ({ context }) =>
      !hasOpenDeficiency(context) || context.decision?.outcome === 'denied',
    notYetExtended: ({ context }) => context.extension === null,
    denied: ({ context }) => context.decision?.outcome === 'denied',
    // The decider delivers the decision's own outcome: a delivery that says otherwise is corrupt.
    deliveredAsDecided: ({ context, event }) =>
      'outcome' in event.data && event.data.outcome === context.decision?.outcome,
    closesLastObligation: ({ context }) => openObligations(context).length === 1,
    sliceFits: ({ context, event }) => sliceOfEvent(event.type)?.fits?.(context, event) ?? true,
  },
}).createMachine(
  withSlices({
    id: 'case',
    type: 'parallel',
    context: ({ input }) => initialContext(input),
    // A year's official schedule came: the provisional dates were counted again (ADR 12).
    meta: { accepts: ['RecalculateDeadlines'] },
    on: { 'case.DeadlinesRecalculated': { actions: 'record' } },
    states: {
      handling: {
        initial: 'frontDesk',
        states: {
          // 前台综合受理 — Administrative Licensing Law Art. 32.
          frontDesk: {
            initial: 'received',
            tags: ['frontDesk'],
            meta: { labels: label('前台受理', 'Front desk'), accepts: ['WithdrawCase'] },
            on: {
              'case.Withdrawn': { target: 'withdrawn', actions: 'record' },
            },
            states: {
              received: {
                meta: {
                  labels: label('已收件，待受理', 'Received'),
                  accepts: [...TO_ACCEPT, 'RequestCorrection'],
                },
                on: {
                  ...ON_ACCEPTANCE_DECISION,
                  'case.CorrectionRequested': { target: 'correctionRequested', actions: 'record' },
                },
              },
              // One complete correction notice (一次性告知补正) was given; waiting for the applicant.
              correctionRequested: {
                tags: ['correctionClock'],
                meta: {
                  labels: label('已一次性告知，待补正', 'Awaiting correction'),
                  tone: 'yellow',
                  accepts: ['SubmitCorrection', 'MarkCorrectionOverdue'],
                },
                on: {
                  'case.CorrectionSubmitted': { target: 'correctionSubmitted', actions: 'record' },
                  'case.CorrectionOverdue': { target: '#case.handling.withdrawn', actions: 'record' },
                },
              },
              // Corrected materials are in: accept (or refuse) — no second notice.
              correctionSubmitted: {
                meta: {
                  labels: label('已补正，待受理', 'Correction submitted'),
                  tone: 'yellow',
                  accepts: TO_ACCEPT,
                  refuses: {
                    RequestCorrection:
                      'one complete correction notice has already been given (一次性告知): accept or refuse',
                  },
                },
                on: {
                  ...ON_ACCEPTANCE_DECISION,
                },
              },
              // Accepted, but the back office returned it for correction; the decision clock runs on.
              returnedForCorrection: {
                tags: ['decisionClock'],
                meta: {
                  labels: label('退回补正', 'Returned for correction'),
                  accepts: ['SubmitCorrection', ...DEFICIENCY, ...DECISION_CLOCK],
                },
                on: {
                  'case.CorrectionSubmitted': { target: '#case.handling.backOffice', actions: 'record' },
                  ...ON_DEFICIENCY,
                  ...ON_DECISION_CLOCK,
                },
              },
            },
          },
          // 后台分类审批 — each guide step is a task in a department's queue.
          backOffice: {
            initial: 'underReview',
            tags: ['backOffice'],
            meta: {
              labels: label('后台审批', 'Back office'),
              accepts: ['WithdrawCase', 'ClaimTask', 'ReleaseTask', 'ExtendTimeLimit', ...DEFICIENCY],
            },
            on: {
              'case.Withdrawn': { target: 'withdrawn', actions: 'record' },
              'case.TaskCreated': { guard: 'noCurrentTask', actions: 'record' },
              'case.TaskClaimed': { guard: 'taskIsCurrentAndFree', actions: 'record' },
              'case.TaskReleased': { guard: 'taskIsCurrentAndHeld', actions: 'record' },
              'case.Extended': { guard: 'notYetExtended', actions: 'record' },
              ...ON_DEFICIENCY,
            },
            states: {
              underReview: {
                tags: ['decisionClock'],
                meta: {
                  labels: label('审批中', 'In review'),
                  accepts: [
                    'PassTask',
                    'ReturnTask',
                    'StartSpecialProcedure',
                    'ApproveCase',
                    'DenyCase',
                    ...DECISION_CLOCK,
                  ],
                },
                on: {
                  'case.TaskPassed': { guard: 'taskIsCurrentAndHeld', actions: 'record' },
                  'case.TaskReturned': [
                    {
                      guard: and(['returnsToFrontDesk', 'taskIsCurrentAndHeld']),
                      target: '#case.handling.frontDesk.returnedForCorrection',
                      actions: 'record',
                    },
                    { guard: 'taskIsCurrentAndHeld', actions: 'record' },
                  ],
                  'case.SpecialProcedureStarted': { target: 'specialProcedure', actions: 'record' },
                  'case.Approved': {
                    guard: 'atLastStep',
                    target: '#case.handling.delivery',
                    actions: 'record',
                  },
                  'case.Denied': {
                    guard: 'atLastStep',
                    target: '#case.handling.delivery.issued',
                    actions: 'record',
                  },
                  ...ON_DECISION_CLOCK,
                },
              },
              // Hearing, testing, expert review…: the decision clock stops (Art. 45).
              specialProcedure: {
                meta: {
                  labels: label('特别程序', 'Special procedure'),
                  tone: 'yellow',
                  accepts: ['EndSpecialProcedure'],
                },
                on: {
                  'case.SpecialProcedureEnded': { target: 'underReview', actions: 'record' },
                },
              },
            },
          },
          // 综合窗口出件 — the result (or the written denial) goes to the applicant.
          delivery: {
            initial: 'awaitingResult',
            tags: ['delivery'],
            meta: { labels: label('出件', 'Delivery'), tone: 'green', accepts: DEFICIENCY },
            on: {
              ...ON_DEFICIENCY,
            },
            states: {
              awaitingResult: {
                meta: {
                  labels: label('准予许可，待制证', 'Approved: result to issue'),
                  accepts: ['IssueResult', 'MarkResultIssueOverdue'],
                },
                on: {
                  'case.ResultIssued': {
                    guard: 'deficiencyClosedOrDenied',
                    target: 'issued',
                    actions: 'record',
                  },
                  'case.ResultIssueOverdue': { actions: 'record' },
                },
              },
              issued: {
                meta: { labels: label('待取件/送达', 'Ready for pickup'), accepts: ['DispatchResult'] },
                on: {
                  'case.Dispatched': {
                    guard: 'deficiencyClosedOrDenied',
                    target: 'dispatched',
                    actions: 'record',
                  },
                },
              },
              dispatched: {
                meta: { labels: label('已送出', 'Dispatched'), accepts: ['DeliverResult'] },
                on: {
                  'case.Delivered': [
                    {
                      guard: and(['denied', 'deliversDenial']),
                      target: '#case.handling.denied',
                      actions: 'record',
                    },
                    {
                      guard: and(['deficiencyClosedOrDenied', 'deliveredAsDecided']),
                      target: '#case.handling.completed',
                      actions: 'record',
                    },
                  ],
                },
              },
            },
          },
          // 办结: the result reached the applicant.
          completed: ended(label('已办结', 'Completed'), 'green'),
          // 不予受理 at the front desk.
          refused: ended(label('不予受理', 'Refused'), 'red'),
          // By the applicant, or counted as withdrawn when a correction is not supplied in time.
          withdrawn: ended(label('已撤回', 'Withdrawn'), 'red'),
          // 不予许可, and the written decision with its remedies has reached the applicant.
          denied: ended(label('不予许可', 'Denied'), 'red'),
        },
      },
      // 好差评: ratings at any visit and after completion; a bad rating opens a follow-up obligation.
      rating: {
        initial: 'noOpenObligation',
        meta: {
          accepts: [
            'RateService',
            'RecordCallback',
            'RectifyObligation',
            'ExplainObligation',
            'MarkObligationOverdue',
          ],
        },
        on: {
          'case.Rated': { actions: 'record' },
          'case.ObligationOpened': { target: '.followingUp', actions: 'record' },
        },
        states: {
          noOpenObligation: {},
          followingUp: {
            on: {
              'case.CallbackRecorded': { actions: 'record' },
              'case.ObligationOverdue': { actions: 'record' },
              'case.Rectified': [
                { guard: 'closesLastObligation', target: 'noOpenObligation', actions: 'record' },
                { actions: 'record' },
              ],
              'case.Explained': [
                { guard: 'closesLastObligation', target: 'noOpenObligation', actions: 'record' },
                { actions: 'record' },
              ],
            },
          },
        },
      },
    },
  }),
);

export type CaseMachine = typeof caseMachine;
