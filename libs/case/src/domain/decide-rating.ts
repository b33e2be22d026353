/** 好差评: ratings, and the follow-up a bad rating opens (Art. 36–37, GB/T 39046 A.8). */
import { obligationId } from '../commands.js';
import type { ExplainObligation, RateService, RecordCallback, RectifyObligation } from '../commands.js';
import type { CaseEvent, RatingChannel, RatingStage } from '../events.js';
import { addNaturalDays, chinaDate } from '@one-window/calendar';
import { addHours } from './calendar.js';
import type { CaseState } from './case-state.js';
import type { ObligationRecord } from './context.js';
import type { Now } from './decide-context.js';
import { DomainError } from './errors.js';
import { Problems } from './problems.js';

export const RATING_CHANNELS: readonly RatingChannel[] = [
  'window-device',
  'qr-code',
  'sms',
  'hotline-12345',
  'app',
  'portal',
];
export const RATING_STAGES: readonly RatingStage[] = ['front-desk', 'back-office', 'delivery', 'overall'];

/** Levels 4 (不满意) and 5 (非常不满意) are a bad rating (差评). */
export const isBadRating = (level: number): boolean => level >= 4;

function defaultStage(state: CaseState): RatingStage {
  switch (state.stage) {
    case 'frontDesk':
      return 'front-desk';
    case 'backOffice':
      return 'back-office';
    case 'delivery':
      return 'delivery';
    case 'completed':
    case 'refused':
    case 'withdrawn':
    case 'denied':
      return 'overall';
    default: {
      const unhandled: never = state.stage;
      return unhandled;
    }
  }
}

/**
 * A stage is rated only once the case has been there (Art. 37: the applicant rates the service
 * received): the back office from acceptance on, delivery from the result's issue on. The front
 * desk and the case as a whole (一事一评) can be rated from receipt on.
 */
function stageNotReached(state: CaseState, stage: RatingStage): DomainError | null {
  const { context } = state;
  if (stage === 'back-office' && context.acceptance === null) {
    return DomainError.notAllowedNow('The back office cannot be rated: the case has not been accepted', {
      code: 'not-allowed-in-state.rating-before-acceptance',
    });
  }
  if (stage === 'delivery' && context.result === null) {
    return DomainError.notAllowedNow('Delivery cannot be rated: no result has been issued', {
      code: 'not-allowed-in-state.rating-before-result',
    });
  }
  return null;
}

export function rate(state: CaseState, command: RateService, now: Now): CaseEvent[] {
  new Problems()
    .integer(command.level, 'level', 1, 5)
    .oneOf(command.channel, RATING_CHANNELS, 'channel')
    .check(
      command.stage === undefined || RATING_STAGES.includes(command.stage),
      'stage',
      `stage must be one of ${RATING_STAGES.join(', ')}`,
      'one-of',
      { allowed: [...RATING_STAGES] },
    )
    .throwIfAny();
  const { context } = state;
  const stage = command.stage ?? defaultStage(state);
  const notYet = stageNotReached(state, stage);
  if (notYet) throw notYet;
  // 一事一评: one overall rating per case; 一次一评: one rating per visit.
  const visit = stage === 'overall' ? undefined : context.visits;
  const already =
    stage === 'overall'
      ? context.ratings.some((r) => r.stage === 'overall')
      : context.ratings.some((r) => r.stage !== 'overall' && r.visit === visit);
  if (already) {
    // A business rule, not a race: retrying cannot succeed (409 not-allowed-in-state, ADR 12).
    throw DomainError.notAllowedNow(
      stage === 'overall'
        ? 'The case has already been rated (一事一评)'
        : `Visit ${visit ?? ''} has already been rated (一次一评)`,
      { code: 'not-allowed-in-state.already-rated' },
    );
  }
  const n = context.ratings.length + 1;
  const bad = isBadRating(command.level);
  const ratedAt = now.now.toISOString();
  const events: CaseEvent[] = [
    {
      type: 'case.Rated',
      data: {
        n,
        level: command.level,
        bad,
        channel: command.channel,
        stage,
        ...(visit === undefined ? {} : { visit }),
        ...(command.comment ? { comment: command.comment } : {}),
        ratedAt,
      },
    },
  ];
  if (bad) {
    const o = context.obligations.length + 1;
    events.push({
      type: 'case.ObligationOpened',
      data: {
        obligationId: obligationId(context.caseId, o),
        n: o,
        ratingN: n,
        office: { hall: context.hall, department: context.guide.department },
        openedAt: ratedAt,
        callbackDueAt: addHours(now.now, now.policy.callbackHours).toISOString(),
        rectifyDueBy: addNaturalDays(chinaDate(now.now), now.policy.rectifyNaturalDays),
      },
    });
  }
  return events;
}

const rectifyLate = (o: ObligationRecord, now: Now) => now.today > o.rectifyDueBy;

export function recordCallback(o: ObligationRecord, command: RecordCallback, now: Now): CaseEvent[] {
  new Problems().text(command.notes, 'notes').boolean(command.verified, 'verified').throwIfAny();
  return [
    {
      type: 'case.CallbackRecorded',
      data: {
        obligationId: o.obligationId,
        notes: command.notes,
        verified: command.verified,
        calledAt: now.now.toISOString(),
        late: now.now.getTime() > Date.parse(o.callbackDueAt),
      },
    },
  ];
}

/**
 * How 整改 and 说明 close the follow-up: with the text they need (`field` names it), at this
 * instant, late when past the rectify-by day.
 */
function closing(o: ObligationRecord, text: unknown, field: 'measures' | 'explanation', now: Now) {
  new Problems().text(text, field).throwIfAny();
  return { obligationId: o.obligationId, at: now.now.toISOString(), late: rectifyLate(o, now) };
}

export function rectify(o: ObligationRecord, command: RectifyObligation, now: Now): CaseEvent[] {
  const { obligationId, at, late } = closing(o, command.measures, 'measures', now);
  const data = { obligationId, measures: command.measures, rectifiedAt: at, late };
  return [{ type: 'case.Rectified', data }];
}

export function explain(o: ObligationRecord, command: ExplainObligation, now: Now): CaseEvent[] {
  const { obligationId, at, late } = closing(o, command.explanation, 'explanation', now);
  const data = { obligationId, explanation: command.explanation, explainedAt: at, late };
  return [{ type: 'case.Explained', data }];
}

export function markObligationOverdue(
  o: ObligationRecord,
  deadline: 'callback' | 'rectification',
  now: Now,
): CaseEvent[] {
  const passed =
    deadline === 'callback' ? now.now.getTime() > Date.parse(o.callbackDueAt) : now.today > o.rectifyDueBy;
  const dueAt = deadline === 'callback' ? o.callbackDueAt : o.rectifyDueBy;
  if (!passed)
    throw DomainError.notAllowedNow(`The ${deadline} is due by ${dueAt}; not late yet`, {
      code: 'not-allowed-in-state.obligation-not-overdue',
      params: { deadline, dueAt },
    });
  return [{ type: 'case.ObligationOverdue', data: { obligationId: o.obligationId, deadline, dueAt } }];
}
