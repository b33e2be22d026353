/**
 * The pure builders of the notices (ADR 18): from the case as an event leaves it, the event, and
 * what the hall's directory says, the fields of the notice the event issues — or null when the
 * event issues none. No I/O, no clock: the day is the event's own.
 */
import type { CaseEvent, CaseEventOf, CaseEventType } from '../events.js';
import type { CaseContext } from '../domain/context.js';
import {
  NOTICE_SUFFIX,
  type NoticeBasis,
  type NoticeContent,
  type NoticeHall,
  type NoticeKind,
  type NoticeMaterial,
} from './notice-content.js';

/** Administrative Reconsideration Law (2023) Art. 20: sixty days from knowing of the decision. */
export const RECONSIDERATION_DAYS = 60;
/** Administrative Procedure Law Art. 46: six months from knowing of the decision. */
export const LAWSUIT_MONTHS = 6;

/** What the notice needs from outside the case: the directory's words and who issues it. */
export interface NoticeEnvironment {
  readonly hall: NoticeHall;
  /** The implementing agency's name (the department of the guide). */
  readonly agency: string;
  /** The body that hears an administrative reconsideration of the agency's decisions, and the court. */
  readonly reviewAuthority: string | null;
  readonly court: string | null;
  /** The issuing person's name; null for the scheduler. */
  readonly issuedBy: string | null;
  readonly ratingUrl?: string | null;
}

/** The events that issue a notice, and the kind each issues. */
export const NOTICE_EVENTS = {
  'case.Received': 'receipt',
  'case.Accepted': 'acceptance',
  'case.AcceptedWithDeficiency': 'acceptance',
  'case.DeemedAccepted': 'acceptance',
  'case.CorrectionRequested': 'correction',
  'case.Refused': 'refusal',
  'case.Extended': 'extension',
  'case.Delivered': 'delivery',
} as const satisfies Partial<Record<CaseEventType, NoticeKind>>;
export type NoticeEventType = keyof typeof NOTICE_EVENTS;

const issuesNotice = (event: CaseEvent): event is CaseEventOf<NoticeEventType> => event.type in NOTICE_EVENTS;

/** The kind of notice an event issues, if any. */
export function noticeKindOf(event: CaseEvent): NoticeKind | null {
  return issuesNotice(event) ? NOTICE_EVENTS[event.type] : null;
}

/** The notice number: the case number, a dash and the kind's suffix (`-B2` for a second correction notice). */
export function noticeNumber(context: CaseContext, kind: NoticeKind): string {
  const earlier = context.notices.filter((n) => n.kind === kind).length;
  return `${context.caseNumber}-${NOTICE_SUFFIX[kind]}${earlier === 0 ? '' : earlier + 1}`;
}

/**
 * The notice `event` issues, built from the case's context as the event leaves it (`after`) — the
 * context *before* the event for the number's count, the event's own data for what it decided — or
 * null.
 */
export function buildNotice(
  before: CaseContext | null,
  after: CaseContext,
  event: CaseEvent,
  env: NoticeEnvironment,
): NoticeContent | null {
  if (!issuesNotice(event)) return null;
  const kind = NOTICE_EVENTS[event.type];
  const c = after;
  const numberContext = before ?? { ...c, notices: [] };
  const common = (issuedOn: string, basis: readonly NoticeBasis[]) => ({
    number: noticeNumber(numberContext, kind),
    caseNumber: c.caseNumber,
    issuedOn,
    issuedBy: env.issuedBy,
    hall: env.hall,
    agency: env.agency,
    applicant: { name: c.applicant.name, kind: c.applicant.kind },
    agent: c.agent?.name ?? null,
    item: { code: c.guide.code, name: c.guide.name },
    receivedOn: c.receivedOn,
    basis,
  });
  switch (event.type) {
    case 'case.Received':
      return {
        kind: 'receipt',
        ...common(c.receivedOn, ['licensing-law-32', 'regulation-27']),
        received: c.materials.map((m) => material(c, m.code, m.form)),
        missing: c.missingAtReceipt.map((code) => material(c, code)),
        answerBy: c.acceptanceDecideBy,
      };
    case 'case.Accepted':
    case 'case.AcceptedWithDeficiency':
    case 'case.DeemedAccepted': {
      const d = event.data;
      const deficiency = event.type === 'case.AcceptedWithDeficiency' ? event.data : null;
      return {
        kind: 'acceptance',
        ...common(d.acceptedOn, deficiency ? ['licensing-law-32', 'regulation-10'] : ['licensing-law-32']),
        number: d.voucherNumber,
        variant: deficiency
          ? 'with-deficiency'
          : event.type === 'case.DeemedAccepted'
            ? 'deemed'
            : 'complete',
        acceptedOn: d.acceptedOn,
        materials: c.materials.map((m) => material(c, m.code, m.form)),
        missing: (deficiency?.missing ?? []).map((code) => material(c, code)),
        supplyBy: deficiency?.supplyBy ?? null,
        statutoryLimitDays: c.guide.statutoryLimitDays,
        promisedLimitDays: c.guide.promisedLimitDays,
        statutoryDueDate: d.statutoryDueDate,
        promisedDueDate: d.promisedDueDate,
        queryCode: d.queryCode ?? null,
        ratingUrl: env.ratingUrl ?? null,
      };
    }
    case 'case.CorrectionRequested':
      return {
        kind: 'correction',
        ...common(event.data.requestedOn, ['licensing-law-32', 'regulation-6']),
        items: event.data.items.map((i) => ({ ...material(c, i.code), problem: i.problem })),
        requestedOn: event.data.requestedOn,
        correctBy: event.data.correctBy,
      };
    case 'case.Refused':
      return {
        kind: 'refusal',
        ...common(event.data.refusedOn, ['licensing-law-32', 'reconsideration-law-20', 'procedure-law-46']),
        number: event.data.voucherNumber,
        refusedOn: event.data.refusedOn,
        reason: event.data.reason,
        legalBasis: event.data.legalBasis,
        competentAgency: event.data.competentAgency ?? null,
        remedies: {
          reviewAuthority: env.reviewAuthority,
          reviewDays: RECONSIDERATION_DAYS,
          court: env.court,
          lawsuitMonths: LAWSUIT_MONTHS,
        },
      };
    case 'case.Extended':
      return {
        kind: 'extension',
        ...common(event.data.extendedOn, ['licensing-law-42']),
        extendedOn: event.data.extendedOn,
        days: event.data.days,
        reason: event.data.reason,
        previousDueDate: event.data.previousDueDate,
        statutoryDueDate: event.data.statutoryDueDate,
        approvedBy: event.data.head.name,
      };
    case 'case.Delivered': {
      const { recipient, outcome, deliveredOn } = event.data;
      return {
        kind: 'delivery',
        ...common(deliveredOn, ['licensing-law-44', 'regulation-27']),
        deliveredOn,
        outcome,
        document:
          outcome === 'approved'
            ? { kind: 'result', name: c.guide.resultName, number: c.result?.certificateNumber ?? null }
            : { kind: 'denial-decision', name: null, number: c.decision?.decisionNumber ?? null },
        method: c.dispatch?.method ?? 'window',
        trackingNumber: c.dispatch?.trackingNumber ?? null,
        recipient: recipient
          ? {
              collectedBy: recipient.collectedBy,
              name: recipient.name,
              idType: recipient.idType,
              idTail: recipient.idNumber.slice(-4),
            }
          : null,
        ratingUrl: env.ratingUrl ?? null,
      };
    }
  }
}

function material(c: CaseContext, code: string, form?: NoticeMaterial['form']): NoticeMaterial {
  const name = c.guide.materials.find((m) => m.code === code)?.name ?? code;
  return form === undefined ? { code, name } : { code, name, form };
}
