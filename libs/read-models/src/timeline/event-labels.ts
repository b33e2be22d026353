import { CASE_EVENT_TYPES, sliceOfEvent, type CaseEvent, type CaseEventType } from '@one-window/case';
import { type Bilingual, type MessageParams, messages } from '@one-window/shared';
import type { Role } from '@one-window/shared';

export type { Bilingual };

/**
 * What each event is called at the counter, and the line of detail under it: words of the one
 * message catalog (libs/shared/src/messages, `event.<type>` and `eventDetail.<type>`, ADR 15).
 */
export const EVENT_TITLES: Readonly<Record<CaseEventType, Bilingual>> = Object.fromEntries(
  CASE_EVENT_TYPES.map((type) => [type, messages.both(`event.${type}`)]),
) as Record<CaseEventType, Bilingual>;

const ROLES: readonly Role[] = ['clerk', 'approver', 'head', 'reviewer', 'admin', 'system'];
export const ROLE_LABELS: Readonly<Record<Role, Bilingual>> = Object.fromEntries(
  ROLES.map((role) => [role, messages.both(`role.${role}`)]),
) as Record<Role, Bilingual>;

/** How a timeline names what events refer to by id: materials by the guide, departments by the directory. */
export interface EventNames {
  material(code: string): string;
  department(id: string): string;
}

/** Without a guide or a directory at hand: the ids themselves. */
export const IDS_AS_NAMES: EventNames = { material: (code) => code, department: (id) => id };

const list = (values: readonly string[]): string => values.join('、');

/** The params of an event's detail line: names, never codes; dates as stored (the catalog formats them). */
function detailParams(event: CaseEvent, names: EventNames): MessageParams {
  const materials = (items: readonly { code: string }[] | readonly string[]): string =>
    list(items.map((m) => names.material(typeof m === 'string' ? m : m.code)));
  switch (event.type) {
    case 'case.Received': {
      const d = event.data;
      return {
        applicant: d.applicant.name,
        item: d.guide.name,
        caseNumber: d.caseNumber,
        greenChannel: d.greenChannel === true,
        decideBy: d.correctionNoticeDueBy,
      };
    }
    case 'case.Accepted':
    case 'case.DeemedAccepted':
    case 'case.AcceptedWithDeficiency': {
      const d = event.data;
      return {
        voucherNumber: d.voucherNumber,
        acceptedOn: d.acceptedOn,
        promisedDueDate: d.promisedDueDate,
        statutoryDueDate: d.statutoryDueDate,
        ...(event.type === 'case.AcceptedWithDeficiency'
          ? { missing: materials(event.data.missing), supplyBy: event.data.supplyBy }
          : {}),
      };
    }
    case 'case.CorrectionRequested':
      return {
        correctBy: event.data.correctBy,
        zhItems: event.data.items.map((i) => `${names.material(i.code)}（${i.problem}）`).join('；'),
        enItems: event.data.items.map((i) => `${names.material(i.code)} (${i.problem})`).join('; '),
      };
    case 'case.CorrectionSubmitted':
      return { materials: materials(event.data.materials), decideBy: event.data.decideBy ?? null };
    case 'case.CorrectionOverdue':
      return { correctBy: event.data.correctBy };
    case 'case.Refused':
      return {
        reason: event.data.reason,
        legalBasis: event.data.legalBasis,
        competentAgency: event.data.competentAgency ?? null,
        voucherNumber: event.data.voucherNumber,
      };
    case 'case.Withdrawn':
      return { reason: event.data.reason };
    case 'case.DeficiencySupplied':
      return {
        materials: materials(event.data.materials),
        remaining: materials(event.data.remaining),
        remainingCount: event.data.remaining.length,
        late: event.data.late === true,
      };
    case 'case.DeficiencyOverdue':
      return { supplyBy: event.data.supplyBy, missing: materials(event.data.missing) };
    case 'case.TaskCreated':
      return {
        step: event.data.label,
        department: names.department(event.data.department),
        stepDueDate: event.data.stepDueDate,
      };
    case 'case.TaskClaimed':
    case 'case.TaskReleased':
      return { holder: event.data.holder.name };
    case 'case.TaskPassed':
      return { opinion: event.data.opinion };
    case 'case.TaskReturned':
      return { to: event.data.to, reason: event.data.reason };
    case 'case.SpecialProcedureStarted':
      return { kind: event.data.kind, reason: event.data.reason, expectedDays: event.data.expectedDays };
    case 'case.SpecialProcedureEnded':
      return {
        result: event.data.result,
        days: event.data.suspendedWorkingDays,
        statutoryDueDate: event.data.statutoryDueDate,
      };
    case 'case.Extended':
      return {
        head: event.data.head.name,
        days: event.data.days,
        previousDueDate: event.data.previousDueDate,
        statutoryDueDate: event.data.statutoryDueDate,
        reason: event.data.reason,
      };
    case 'case.Approved':
      return {
        opinion: event.data.opinion,
        withinStatutoryLimit: event.data.withinStatutoryLimit,
        resultDueBy: event.data.resultDueBy,
      };
    case 'case.Denied': {
      const { remedies } = event.data;
      return {
        zhReasons: event.data.reasons.join('；'),
        enReasons: event.data.reasons.join('; '),
        decisionNumber: event.data.decisionNumber,
        reviewDays: remedies.administrativeReviewDays,
        reviewAuthority: remedies.reviewAuthority,
        lawsuitMonths: remedies.lawsuitMonths,
        court: remedies.court,
      };
    }
    case 'case.ResultIssued':
      return {
        certificateNumber: event.data.certificateNumber,
        electronic: event.data.electronic,
        validUntil: event.data.validUntil ?? null,
        late: event.data.late === true,
      };
    case 'case.Dispatched':
      return { method: event.data.method, trackingNumber: event.data.trackingNumber ?? null };
    case 'case.Delivered': {
      // Events before the recipient was recorded have none; an ID number shows its last 4 only.
      const r = event.data.recipient;
      return {
        outcome: event.data.outcome,
        ...(r
          ? { collectedBy: r.collectedBy, name: r.name, idType: r.idType, idTail: r.idNumber.slice(-4) }
          : {}),
      };
    }
    case 'case.Rated':
      return { level: event.data.level, bad: event.data.bad, comment: event.data.comment ?? null };
    case 'case.ObligationOpened':
      return { callbackDueAt: event.data.callbackDueAt, rectifyDueBy: event.data.rectifyDueBy };
    case 'case.CallbackRecorded':
      return { verified: event.data.verified, notes: event.data.notes, late: event.data.late === true };
    case 'case.Rectified':
      return { measures: event.data.measures, late: event.data.late === true };
    case 'case.Explained':
      return { explanation: event.data.explanation, late: event.data.late === true };
    case 'case.DecisionWarning':
      return { limit: event.data.limit, dueDate: event.data.dueDate, daysLeft: event.data.workingDaysLeft };
    case 'case.DecisionOverdue':
      return { limit: event.data.limit, dueDate: event.data.dueDate };
    case 'case.ResultIssueOverdue':
      return { resultDueBy: event.data.resultDueBy };
    case 'case.DeadlinesRecalculated':
      return { years: event.data.years.map(String) };
    case 'case.ObligationOverdue':
      return { deadline: event.data.deadline, dueAt: event.data.dueAt };
    default:
      // A command slice's event: its module gives the params (ADR 0010).
      return sliceOfEvent((event as { type: string }).type)?.detail(event, names) ?? {};
  }
}

/**
 * One line of detail under the title, in words a clerk understands: materials and departments by
 * their names (`names`), never their codes; instants in China time.
 */
export function describeEvent(event: CaseEvent, names: EventNames = IDS_AS_NAMES): Bilingual {
  const params = detailParams(event, names);
  const key =
    event.type === 'case.DeemedAccepted' ? 'eventDetail.case.Accepted' : `eventDetail.${event.type}`;
  if (event.type === 'case.DeadlinesRecalculated') {
    const moved = event.data.changes.filter((c) => c.from !== c.to);
    const changes = (lang: 'zh' | 'en'): string | null =>
      moved.length === 0
        ? null
        : moved
            .map((c) =>
              messages.t(lang, 'eventDetail.case.DeadlineChange', {
                deadline: c.deadline,
                from: c.from,
                to: c.to,
              }),
            )
            .join(lang === 'zh' ? '；' : '; ');
    return {
      zh: messages.t('zh', key, { ...params, changes: changes('zh') }),
      en: messages.t('en', key, { ...params, years: event.data.years.join(', '), changes: changes('en') }),
    };
  }
  const lang = (l: 'zh' | 'en'): MessageParams => ({
    ...params,
    ...(params.zhItems !== undefined ? { items: l === 'zh' ? params.zhItems : params.enItems } : {}),
    ...(params.zhReasons !== undefined ? { reasons: l === 'zh' ? params.zhReasons : params.enReasons } : {}),
  });
  return { zh: messages.t('zh', key, lang('zh')), en: messages.t('en', key, lang('en')) };
}
