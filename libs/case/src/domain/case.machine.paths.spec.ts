/**
 * Model-based test: @xstate/graph walks the case's state space — the real decider and machine —
 * with a model that offers, in every state, each command each person may send (plus the
 * scheduler's deadline commands, fired just after their deadline). The walk is bounded: context
 * (tasks, ratings, procedures) would make it infinite, so the model offers no more returns,
 * ratings or procedures past small caps. Every generated path is then replayed from scratch.
 */
import { getShortestPaths, getStateNodes } from '@xstate/graph';
import { fromTransition } from 'xstate';
import type { Actor } from '@one-window/shared';
import type { CaseCommand } from '../commands.js';
import { CASE_EVENT_TYPES } from '../events.js';
import { CaseDriver } from '../testing/case-driver.js';
import {
  application,
  approver,
  calendar,
  clerk,
  head,
  incompleteApplication,
  reviewer,
  system,
} from '../testing/fixtures.js';
import { allowedCommands } from './allowed-commands.js';
import { caseMachine } from './case.machine.js';
import { foldCase, type CaseState } from './case-state.js';
import { stillMissing } from './guide-snapshot.js';

interface Model {
  readonly state: CaseState | null;
  /** The event types the last command stored: part of the model state, so every transition gets a path. */
  readonly last: string;
  /** China date-time of the next ordinary command. */
  readonly at: string;
}
type Send = {
  readonly type: string;
  readonly actor: Actor;
  readonly command: CaseCommand;
  readonly at: string;
};

const FINISHED = new Set(['completed', 'refused', 'withdrawn', 'denied']);
const START = '2026-03-02T10:00:00+08:00';
const people = [clerk, approver, head, reviewer];
const dayAfter = (date: string) =>
  `${calendar.addWorkingDays(date, 0) === date ? nextDay(date) : nextDay(date)}T10:00:00+08:00`;
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

/** A valid-looking payload for each command the decider says a person may send now. */
function commandsFor(state: CaseState, actor: Actor, at: string): CaseCommand[] {
  const { context } = state;
  const caseId = context.caseId;
  const today = at.slice(0, 10);
  // Keeps the walk finite: the side features (returns, releases) are offered only on a plain case.
  const plain =
    context.deficiency === null &&
    context.extension === null &&
    context.specialProcedures.length === 0 &&
    context.marks.length === 0;
  return allowedCommands(state, { now: new Date(at), actor, calendar }).flatMap((allowed): CaseCommand[] => {
    const taskId = allowed.taskId ?? '';
    const obligationId = allowed.obligationId ?? '';
    switch (allowed.type) {
      case 'AcceptCase':
        return [{ type: 'AcceptCase', caseId }];
      case 'AcceptWithDeficiency': {
        const missing = stillMissing(context);
        return missing.length === 0
          ? []
          : [
              {
                type: 'AcceptWithDeficiency',
                caseId,
                missing: missing.map((code) => ({ code })),
                supplyBy: calendar.addWorkingDays(today, 2),
                commitmentSigned: true,
              },
            ];
      }
      case 'RequestCorrection': {
        const missing = stillMissing(context);
        return [
          {
            type: 'RequestCorrection',
            caseId,
            items: (missing.length ? missing : ['layout']).map((code) => ({ code, problem: '补正' })),
          },
        ];
      }
      case 'SubmitCorrection':
        return [
          {
            type: 'SubmitCorrection',
            caseId,
            materials: (context.correction?.items ?? [{ code: 'layout' }]).map((i) => ({
              code: i.code,
              form: 'original' as const,
            })),
          },
        ];
      case 'RefuseCase':
        return [
          { type: 'RefuseCase', caseId, reason: '不属于本机关职权', legalBasis: '《行政许可法》第三十二条' },
        ];
      case 'WithdrawCase':
        return [{ type: 'WithdrawCase', caseId, reason: '撤回' }];
      case 'SupplyDeficiency':
        return [
          {
            type: 'SupplyDeficiency',
            caseId,
            materials: (context.deficiency?.missing ?? []).map((code) => ({
              code,
              form: 'original' as const,
            })),
          },
        ];
      case 'ClaimTask':
        return [{ type: 'ClaimTask', taskId }];
      case 'PassTask':
        return [{ type: 'PassTask', taskId, opinion: '同意' }];
      case 'ReturnTask': {
        if (context.tasks.length >= 4) return [];
        const task = context.tasks.find((t) => t.taskId === taskId);
        return [
          { type: 'ReturnTask', taskId, to: 'front-desk', reason: '补正' },
          ...(task && task.stepIndex > 0
            ? [{ type: 'ReturnTask' as const, taskId, to: context.guide.steps[0].name, reason: '重审' }]
            : []),
        ];
      }
      case 'ReleaseTask':
        return plain && context.tasks.length === 1 ? [{ type: 'ReleaseTask', taskId }] : [];
      case 'StartSpecialProcedure':
        return context.specialProcedures.length >= 1
          ? []
          : [{ type: 'StartSpecialProcedure', caseId, kind: 'inspection', reason: '核查', expectedDays: 3 }];
      case 'EndSpecialProcedure':
        return [{ type: 'EndSpecialProcedure', caseId, n: allowed.n ?? 0, result: '合格' }];
      case 'ExtendTimeLimit':
        return context.specialProcedures.length > 0 || context.marks.length > 0
          ? []
          : [{ type: 'ExtendTimeLimit', caseId, days: 5, reason: '专家论证' }];
      case 'ApproveCase':
        return [{ type: 'ApproveCase', caseId, opinion: '准予' }];
      case 'DenyCase':
        return [
          {
            type: 'DenyCase',
            caseId,
            reasons: ['条件不符'],
            remedies: { reviewAuthority: '区政府', court: '区法院' },
          },
        ];
      case 'IssueResult':
        return [{ type: 'IssueResult', caseId, certificateNumber: 'JY-1', electronic: true }];
      case 'DispatchResult':
        return [{ type: 'DispatchResult', caseId, method: 'window' }];
      case 'DeliverResult':
        return [{ type: 'DeliverResult', caseId }];
      case 'RateService':
        // Ratings are offered once the handling has ended (the decider specs rate at every stage).
        return context.ratings.length >= 2 || !FINISHED.has(state.stage)
          ? []
          : [
              { type: 'RateService', caseId, level: 1, channel: 'window-device' },
              { type: 'RateService', caseId, level: 5, channel: 'sms', stage: 'overall' },
            ];
      case 'RecordCallback':
        return [{ type: 'RecordCallback', obligationId, notes: '回访', verified: true }];
      case 'RectifyObligation':
        return [{ type: 'RectifyObligation', obligationId, measures: '整改' }];
      case 'ExplainObligation':
        return [{ type: 'ExplainObligation', obligationId, explanation: '无法律依据' }];
      case 'ReceiveApplication':
      case 'DeemAccepted':
      case 'MarkCorrectionOverdue':
      case 'MarkDeficiencyOverdue':
      case 'MarkDecisionWarning':
      case 'MarkDecisionOverdue':
      case 'MarkResultIssueOverdue':
      case 'MarkObligationOverdue':
        return []; // not offered by allowedCommands: see nextSends and timers
      default: {
        const unhandled: never = allowed.type;
        return unhandled;
      }
    }
  });
}

/** The scheduler's commands where they apply, each sent just after the deadline it is about. */
function timers(state: CaseState): Send[] {
  const { context, status } = state;
  const caseId = context.caseId;
  const send = (command: CaseCommand, at: string): Send => ({
    type: command.type,
    actor: system,
    command,
    at,
  });
  const out: Send[] = [];
  if (status === 'frontDesk.received' || status === 'frontDesk.correctionSubmitted') {
    out.push(send({ type: 'DeemAccepted', caseId }, dayAfter(context.acceptanceDecideBy)));
  }
  if (status === 'frontDesk.correctionRequested' && context.correction) {
    out.push(send({ type: 'MarkCorrectionOverdue', caseId }, dayAfter(context.correction.correctBy)));
  }
  if (context.deficiency && !context.deficiency.overdue && context.deficiency.missing.length > 0) {
    out.push(send({ type: 'MarkDeficiencyOverdue', caseId }, dayAfter(context.deficiency.supplyBy)));
  }
  const due = context.statutoryDueDate;
  if (
    status === 'backOffice.underReview' &&
    due &&
    context.tasks.length === 1 &&
    context.deficiency === null
  ) {
    if (context.marks.length === 0)
      out.push(send({ type: 'MarkDecisionWarning', caseId, limit: 'statutory' }, `${due}T10:00:00+08:00`));
    if (context.marks.length === 1)
      out.push(send({ type: 'MarkDecisionOverdue', caseId, limit: 'statutory' }, dayAfter(due)));
  }
  if (status === 'delivery.awaitingResult' && context.decision?.resultDueBy && context.marks.length === 0) {
    out.push(send({ type: 'MarkResultIssueOverdue', caseId }, dayAfter(context.decision.resultDueBy)));
  }
  for (const o of context.obligations) {
    if (o.status === 'open' && !o.overdue.includes('callback')) {
      out.push(
        send(
          { type: 'MarkObligationOverdue', obligationId: o.obligationId, deadline: 'callback' },
          new Date(Date.parse(o.callbackDueAt) + 1000).toISOString(),
        ),
      );
    }
    if (o.status === 'called-back' && !o.overdue.includes('rectification')) {
      out.push(
        send(
          { type: 'MarkObligationOverdue', obligationId: o.obligationId, deadline: 'rectification' },
          dayAfter(o.rectifyDueBy),
        ),
      );
    }
  }
  return out;
}

function nextSends(model: Model): Send[] {
  if (model.state === null) {
    return [application(), incompleteApplication()].map((command) => ({
      type: command.type,
      actor: clerk,
      command,
      at: model.at,
    }));
  }
  const state = model.state;
  return [
    ...people.flatMap((actor) =>
      commandsFor(state, actor, model.at).map((command) => ({
        type: command.type,
        actor,
        command,
        at: model.at,
      })),
    ),
    ...timers(state),
  ];
}

function apply(model: Model, send: Send): Model {
  const driver = new CaseDriver();
  driver.state = model.state;
  try {
    const events = driver.send(send.actor, send.command, send.at);
    if (events.length === 0) return model;
    return { state: driver.state, last: events.map((e) => e.type).join(), at: later(model.at, send.at) };
  } catch {
    return model; // refused: no transition
  }
}

const serialize = (model: Pick<Model, 'state' | 'last'>): string => {
  const s = model.state;
  if (!s) return 'none';
  return `${model.last}|${abstract(s)}`;
};

const abstract = (s: CaseState): string => {
  const c = s.context;
  const followUp = [c.ratings.length, c.obligations.map((o) => [o.status, o.overdue])];
  // Once handling has ended only the rating follow-up moves: how the case got there no longer matters.
  if (FINISHED.has(s.stage)) return JSON.stringify([s.status, s.rating, followUp]);
  const deficiency = c.deficiency && [c.deficiency.missing.length, c.deficiency.overdue];
  // In delivery, what the back office went through no longer matters either.
  if (s.stage === 'delivery')
    return JSON.stringify([
      s.status,
      deficiency,
      c.decision?.outcome,
      c.marks.filter((m) => m.startsWith('result')),
    ]);
  return JSON.stringify([
    s.status,
    s.rating,
    s.stage === 'frontDesk' ? stillMissing(c).length : null,
    c.tasks.length,
    c.tasks.find((t) => t.taskId === c.currentTaskId)?.stepIndex,
    c.tasks.find((t) => t.taskId === c.currentTaskId)?.holder !== null,
    deficiency,
    c.extension !== null,
    c.specialProcedures.length,
    c.marks,
  ]);
};

const logic = fromTransition((model: Model, event: Send) => apply(model, event), {
  state: null,
  at: START,
} as Model);
const paths = getShortestPaths(logic, {
  events: (snapshot) => nextSends(snapshot.context),
  serializeState: (snapshot) => serialize(snapshot.context),
  serializeEvent: (event) => JSON.stringify([event.actor.userId, event.command, event.at]),
  limit: 50_000,
});

/**
 * Shortest paths form a tree: replaying its leaves from scratch walks every path. Each replay
 * records the states it passes and the events it stores.
 */
const inner = new Set(
  paths.flatMap((path) => path.steps.slice(0, -1).map((step) => serialize(step.state.context))),
);
const leaves = paths.filter((path) => !inner.has(serialize(path.state.context)));
const replayed = leaves.map((path) => {
  const driver = new CaseDriver();
  const visited: string[] = [];
  // The first step is XState's init event, which carries no command.
  for (const { event } of path.steps) {
    if (!event.command) continue;
    driver.send(event.actor, event.command, event.at);
    if (driver.state) visited.push(`handling.${driver.state.status}`, `rating.${driver.state.rating}`);
  }
  return { driver, path, visited };
});

describe('the case machine, walked path by path (@xstate/graph)', () => {
  it('generates a bounded set of paths', () => {
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.length).toBeLessThan(3_000);
  });

  it('reaches every state of the machine', () => {
    const stateNodes = getStateNodes(caseMachine)
      .filter((node) => node.type === 'atomic' || node.type === 'final')
      .map((node) => node.path.join('.'));
    const reached = new Set(replayed.flatMap(({ visited }) => visited));
    expect(stateNodes.length).toBe(15);
    expect(stateNodes.filter((node) => !reached.has(node))).toEqual([]);
  });

  it('produces every event type', () => {
    const produced = new Set(replayed.flatMap(({ driver }) => driver.events.map((e) => e.type)));
    expect(CASE_EVENT_TYPES.filter((type) => !produced.has(type))).toEqual([]);
  });

  it('every path ends where the model said, and its stored events fold to the same state', () => {
    for (const { driver, path } of replayed) {
      expect(serialize({ state: driver.state, last: path.state.context.last })).toBe(
        serialize(path.state.context),
      );
      expect(foldCase(driver.events)?.context).toEqual(driver.state?.context);
    }
  });
});
