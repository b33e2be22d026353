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

export const caseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as ReceivedData,
  },
  actions: {
    record: assign(({ context, event }) => applyEvent(context, event)),
  },
  guards: {
    returnsToFrontDesk: ({ event }) => event.type === 'case.TaskReturned' && event.data.to === FRONT_DESK,
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
    closesLastObligation: ({ context }) => openObligations(context).length === 1,
  },
}).createMachine({
  id: 'case',
  type: 'parallel',
  context: ({ input }) => initialContext(input),
  // A year's official schedule came: the provisional dates were counted again (ADR 12).
  on: { 'case.DeadlinesRecalculated': { actions: 'record' } },
  states: {
    handling: {
      initial: 'frontDesk',
      states: {
        // 前台综合受理 — Administrative Licensing Law Art. 32.
        frontDesk: {
          initial: 'received',
          on: {
            'case.Withdrawn': { target: 'withdrawn', actions: 'record' },
          },
          states: {
            received: {
              on: {
                'case.Accepted': { target: '#case.handling.backOffice', actions: 'record' },
                'case.AcceptedWithDeficiency': { target: '#case.handling.backOffice', actions: 'record' },
                'case.DeemedAccepted': { target: '#case.handling.backOffice', actions: 'record' },
                'case.CorrectionRequested': { target: 'correctionRequested', actions: 'record' },
                'case.Refused': { target: '#case.handling.refused', actions: 'record' },
              },
            },
            // One complete correction notice (一次性告知补正) was given; waiting for the applicant.
            correctionRequested: {
              on: {
                'case.CorrectionSubmitted': { target: 'correctionSubmitted', actions: 'record' },
                'case.CorrectionOverdue': { target: '#case.handling.withdrawn', actions: 'record' },
              },
            },
            // Corrected materials are in: accept (or refuse) — no second notice.
            correctionSubmitted: {
              on: {
                'case.Accepted': { target: '#case.handling.backOffice', actions: 'record' },
                'case.AcceptedWithDeficiency': { target: '#case.handling.backOffice', actions: 'record' },
                'case.DeemedAccepted': { target: '#case.handling.backOffice', actions: 'record' },
                'case.Refused': { target: '#case.handling.refused', actions: 'record' },
              },
            },
            // Accepted, but the back office returned it for correction; the decision clock runs on.
            returnedForCorrection: {
              on: {
                'case.CorrectionSubmitted': { target: '#case.handling.backOffice', actions: 'record' },
                'case.DeficiencySupplied': { guard: 'deficiencyOpen', actions: 'record' },
                'case.DeficiencyOverdue': { guard: 'deficiencyOpen', actions: 'record' },
                'case.DecisionWarning': { actions: 'record' },
                'case.DecisionOverdue': { actions: 'record' },
              },
            },
          },
        },
        // 后台分类审批 — each guide step is a task in a department's queue.
        backOffice: {
          initial: 'underReview',
          on: {
            'case.Withdrawn': { target: 'withdrawn', actions: 'record' },
            'case.TaskCreated': { guard: 'noCurrentTask', actions: 'record' },
            'case.TaskClaimed': { guard: 'taskIsCurrentAndFree', actions: 'record' },
            'case.TaskReleased': { guard: 'taskIsCurrentAndHeld', actions: 'record' },
            'case.Extended': { guard: 'notYetExtended', actions: 'record' },
            'case.DeficiencySupplied': { guard: 'deficiencyOpen', actions: 'record' },
            'case.DeficiencyOverdue': { guard: 'deficiencyOpen', actions: 'record' },
          },
          states: {
            underReview: {
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
                'case.DecisionWarning': { actions: 'record' },
                'case.DecisionOverdue': { actions: 'record' },
              },
            },
            // Hearing, testing, expert review…: the decision clock stops (Art. 45).
            specialProcedure: {
              on: {
                'case.SpecialProcedureEnded': { target: 'underReview', actions: 'record' },
              },
            },
          },
        },
        // 综合窗口出件 — the result (or the written denial) goes to the applicant.
        delivery: {
          initial: 'awaitingResult',
          on: {
            'case.DeficiencySupplied': { guard: 'deficiencyOpen', actions: 'record' },
            'case.DeficiencyOverdue': { guard: 'deficiencyOpen', actions: 'record' },
          },
          states: {
            awaitingResult: {
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
              on: {
                'case.Dispatched': {
                  guard: 'deficiencyClosedOrDenied',
                  target: 'dispatched',
                  actions: 'record',
                },
              },
            },
            dispatched: {
              on: {
                'case.Delivered': [
                  { guard: 'denied', target: '#case.handling.denied', actions: 'record' },
                  {
                    guard: 'deficiencyClosedOrDenied',
                    target: '#case.handling.completed',
                    actions: 'record',
                  },
                ],
              },
            },
          },
        },
        // 办结: the result reached the applicant.
        completed: { type: 'final' },
        // 不予受理 at the front desk.
        refused: { type: 'final' },
        // By the applicant, or counted as withdrawn when a correction is not supplied in time.
        withdrawn: { type: 'final' },
        // 不予许可, and the written decision with its remedies has reached the applicant.
        denied: { type: 'final' },
      },
    },
    // 好差评: ratings at any visit and after completion; a bad rating opens a follow-up obligation.
    rating: {
      initial: 'noOpenObligation',
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
});

export type CaseMachine = typeof caseMachine;
