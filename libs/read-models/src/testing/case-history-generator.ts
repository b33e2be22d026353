import { addNaturalDays, chinaDate, chinaDayStart, type WorkingCalendar } from '@one-window/calendar';
import {
  CASE_EVENT_SCHEMA_VERSION,
  type CaseEvent,
  type CaseEventMetadata,
  type CaseGuide,
  type RatingLevel,
  caseStreamName,
  obligationId,
  taskId,
} from '@one-window/case';
import type { EventData } from '@one-window/event-store';
import type { Actor } from '@one-window/shared';
import { deterministicUuid } from '../timers/deterministic-id.js';
import { Random } from './random.js';

/** A guide as a case keeps it, plus the hall where its applications are received. */
export interface GeneratorItem {
  readonly guide: CaseGuide;
  readonly hall: string;
  readonly hallDivision: string;
}

export interface GeneratorOptions {
  readonly items: readonly GeneratorItem[];
  readonly calendar: WorkingCalendar;
  /** First receipt date; cases are spread over `spanWorkingDays` working days from it. */
  readonly startDate: string;
  readonly spanWorkingDays: number;
  readonly seed?: number;
}

export interface GeneratedCase {
  readonly caseId: string;
  readonly streamName: string;
  readonly events: readonly EventData<CaseEvent['type'], CaseEvent['data'], CaseEventMetadata>[];
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '巴特尔',
  '其其格',
  '乌兰',
  '那仁',
  '斯琴',
];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '军', '杰', '图雅', '格日勒', '苏和', '宝音'];
const COMPANIES = [
  '呼和浩特市青城餐饮有限公司',
  '新城区草原奶茶店',
  '内蒙古北疆旅行社有限公司',
  '赛罕区牧歌商贸有限公司',
];
const CHANNELS = ['window', 'window', 'window', 'online', 'mobile', 'terminal', 'agent-point'] as const;

/**
 * Realistic case histories, generated directly as events (no decider in the loop, so a million
 * events take seconds): the paths of DOMAIN §4 in plausible proportions — corrections,
 * deficiencies, refusals, withdrawals, special procedures, extensions, denials, late decisions,
 * ratings with bad-rating reviews — with due dates from the real working-day calendar.
 */
export function* generateCaseHistories(count: number, options: GeneratorOptions): Generator<GeneratedCase> {
  const random = new Random(options.seed ?? 20260105);
  const calendar = options.calendar;
  const days: string[] = [];
  for (
    let day = options.startDate;
    days.length < options.spanWorkingDays;
    day = calendar.addWorkingDays(day, 1)
  )
    days.push(day);
  const sequence = new Map<string, number>();

  for (let i = 0; i < count; i++) {
    const item = random.pick(options.items);
    const guide = item.guide;
    const caseId = deterministicUuid('generated-case', String(options.seed ?? 0), String(i));
    const receivedOn = days[Math.floor((i / count) * days.length)];
    const key = `${item.hallDivision}-${receivedOn}`;
    const seq = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, seq);
    const caseNumber = `${item.hallDivision}${receivedOn.replaceAll('-', '')}${String(seq).padStart(5, '0')}`;
    const clerk: Actor = {
      userId: `clerk-${item.hall}-${random.int(1, 4)}`,
      name: `窗口${random.int(1, 12)}号`,
      role: 'clerk',
      hall: item.hall,
    };
    const events: GeneratedCase['events'][number][] = [];
    let day = receivedOn;
    let minute = random.int(9 * 60, 16 * 60);
    let n = 0;
    const at = (): string => new Date(chinaDayStart(day).getTime() + minute * 60_000).toISOString();
    const later = (workingDays: number): void => {
      if (workingDays > 0) day = calendar.addWorkingDays(day, workingDays);
      minute = workingDays > 0 ? random.int(9 * 60, 17 * 60) : Math.min(minute + random.int(1, 30), 23 * 60);
    };
    const push = (event: CaseEvent, actor: Actor): void => {
      const commandId = deterministicUuid('generated-command', caseId, String(n));
      events.push({
        id: deterministicUuid('generated-event', caseId, String(n++)),
        type: event.type,
        data: event.data,
        metadata: {
          actor,
          commandId,
          correlationId: commandId,
          causationId: commandId,
          guideVersion: guide.version,
          at: at(),
          schemaVersion: CASE_EVENT_SCHEMA_VERSION,
        },
      });
    };
    const system: Actor = { userId: 'system', name: 'One Window scheduler', role: 'system' };

    const materials = guide.materials.filter(
      (m) => m.sourceChannel === 'applicant' || m.sourceChannel === 'intermediary',
    );
    const deficient = materials.filter((m) => m.deficiencyAllowed && !m.key);
    const person = random.chance(0.8);
    const applicantName = person ? `${random.pick(SURNAMES)}${random.pick(GIVEN)}` : random.pick(COMPANIES);
    const correction = random.chance(0.12) && materials.length > 0;
    const withDeficiency = !correction && deficient.length > 0 && random.chance(0.25);
    const submitted = materials
      .filter(
        (m) =>
          !(withDeficiency && m === deficient[0]) && !(correction && m === materials[materials.length - 1]),
      )
      .map((m) => ({ code: m.code, form: m.type }));
    const missing = materials.filter((m) => !submitted.some((s) => s.code === m.code)).map((m) => m.code);
    push(
      {
        type: 'case.Received',
        data: {
          caseId,
          caseNumber,
          hall: item.hall,
          itemCode: guide.code,
          guideVersion: guide.version,
          guide,
          applicant: {
            kind: person ? 'natural-person' : 'legal-person',
            name: applicantName,
            idType: person ? '居民身份证' : '统一社会信用代码',
            idNumber: person
              ? `15010219${random.int(50, 99)}0101${String(random.int(1000, 9999))}`
              : `91150102MA0${random.int(100000, 999999)}X`,
            phone: `13${random.int(100000000, 999999999)}`,
          },
          channel: random.pick(CHANNELS),
          materials: submitted,
          missingMaterials: missing,
          sharingAuthorized: true,
          greenChannel: random.chance(0.05),
          receivedOn,
          receivedAt: at(),
          correctionNoticeDueBy: calendar.addWorkingDays(receivedOn, 5),
        },
      },
      clerk,
    );

    if (random.chance(0.04)) {
      later(0);
      push(
        {
          type: 'case.Refused',
          data: {
            reason: '申请事项不属于本机关职权范围',
            legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
            competentAgency: '呼和浩特市市场监督管理局',
            refusedOn: day,
            voucherNumber: `BYSL-${caseNumber}`,
          },
        },
        clerk,
      );
      yield { caseId, streamName: caseStreamName(caseId), events };
      continue;
    }
    if (correction) {
      later(random.int(0, 1));
      const correctBy = calendar.addWorkingDays(day, 10);
      push(
        {
          type: 'case.CorrectionRequested',
          data: {
            items: missing.map((code) => ({ code, problem: '未提交或不符合法定形式' })),
            requestedOn: day,
            correctBy,
          },
        },
        clerk,
      );
      if (random.chance(0.1)) {
        day = calendar.addWorkingDays(correctBy, 1);
        minute = 1;
        push({ type: 'case.CorrectionOverdue', data: { correctBy, withdrawnOn: day } }, system);
        yield { caseId, streamName: caseStreamName(caseId), events };
        continue;
      }
      later(random.int(1, 8));
      push(
        {
          type: 'case.CorrectionSubmitted',
          data: {
            materials: missing.map((code) => ({ code, form: 'original' as const })),
            submittedOn: day,
            decideBy: calendar.addWorkingDays(day, 5),
          },
        },
        clerk,
      );
    }
    later(0);
    const acceptedOn = day;
    const statutoryDue = calendar.addWorkingDays(acceptedOn, guide.statutoryLimitDays);
    const promisedDue = calendar.addWorkingDays(acceptedOn, guide.promisedLimitDays);
    const acceptance = {
      acceptedOn,
      statutoryDueDate: statutoryDue,
      promisedDueDate: promisedDue,
      voucherNumber: `SL-${caseNumber}`,
    };
    if (withDeficiency) {
      const supplyBy = calendar.addWorkingDays(acceptedOn, Math.max(1, Math.min(3, guide.promisedLimitDays)));
      push(
        {
          type: 'case.AcceptedWithDeficiency',
          data: { ...acceptance, missing, supplyBy, commitmentSigned: true },
        },
        clerk,
      );
    } else push({ type: 'case.Accepted', data: acceptance }, clerk);

    if (random.chance(0.03)) {
      later(random.int(0, 3));
      push(
        {
          type: 'case.Withdrawn',
          data: { reason: '申请人主动撤回', withdrawnOn: day, during: 'backOffice' },
        },
        clerk,
      );
      yield { caseId, streamName: caseStreamName(caseId), events };
      continue;
    }

    // Back office: one task per step; some cases stop part-way (still running at the history's end).
    const running = random.chance(0.08);
    const late = random.chance(0.06);
    let statutory = statutoryDue;
    let promised = promisedDue;
    let deficiencyOpen = withDeficiency;
    let task = 0;
    let lastTask = '';
    let decidedOn = '';
    const steps = guide.steps;
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s];
      task += 1;
      lastTask = taskId(caseId, task);
      push(
        {
          type: 'case.TaskCreated',
          data: {
            taskId: lastTask,
            n: task,
            step: step.name,
            stepIndex: s,
            label: step.label,
            department: step.department,
            role: step.role,
            createdOn: day,
            stepDueDate: calendar.addWorkingDays(day, step.timeLimitDays),
            reason: s === 0 ? 'accepted' : 'passed',
          },
        },
        s === 0 ? clerk : approverOf(step.department, 1),
      );
      if (running && s === steps.length - 1) break;
      const approver = approverOf(step.department, random.int(1, 3));
      later(step.timeLimitDays === 0 ? 0 : random.int(0, Math.min(2, step.timeLimitDays)));
      push(
        {
          type: 'case.TaskClaimed',
          data: {
            taskId: lastTask,
            holder: { userId: approver.userId, name: approver.name },
            claimedAt: at(),
          },
        },
        approver,
      );
      if (deficiencyOpen) {
        later(0);
        push(
          {
            type: 'case.DeficiencySupplied',
            data: {
              materials: missing.map((code) => ({ code, form: 'original' as const })),
              suppliedOn: day,
              remaining: [],
              late: false,
            },
          },
          clerk,
        );
        deficiencyOpen = false;
      }
      if (s === 0 && guide.statutoryLimitDays >= 10 && random.chance(0.04)) {
        later(1);
        push(
          {
            type: 'case.SpecialProcedureStarted',
            data: {
              n: 1,
              kind: random.pick(['inspection', 'expert-review', 'hearing'] as const),
              reason: '需现场核查',
              expectedDays: 5,
              taskId: lastTask,
              startedOn: day,
            },
          },
          approver,
        );
        const started = day;
        later(random.int(2, 6));
        const suspended = calendar.workingDaysBetween(started, day);
        statutory = calendar.addWorkingDays(statutory, suspended);
        promised = calendar.addWorkingDays(promised, suspended);
        push(
          {
            type: 'case.SpecialProcedureEnded',
            data: {
              n: 1,
              result: '核查符合要求',
              endedOn: day,
              suspendedWorkingDays: suspended,
              statutoryDueDate: statutory,
              promisedDueDate: promised,
            },
          },
          approver,
        );
      }
      if (s < steps.length - 1) {
        later(step.timeLimitDays === 0 ? 0 : random.int(0, 1));
        push(
          {
            type: 'case.TaskPassed',
            data: { taskId: lastTask, opinion: '材料齐全，符合法定条件', passedAt: at() },
          },
          approver,
        );
        continue;
      }
      if (late) {
        day = calendar.addWorkingDays(promised, 1);
        minute = 1;
        push({ type: 'case.DecisionOverdue', data: { limit: 'promised', dueDate: promised } }, system);
        if (statutory > promised && random.chance(0.5)) {
          const head = { userId: `head-${step.department}`, name: '科长' };
          later(0);
          const previous = statutory;
          statutory = calendar.addWorkingDays(statutory, 10);
          push(
            {
              type: 'case.Extended',
              data: {
                days: 10,
                reason: '情况复杂，需延长审查',
                head,
                previousDueDate: previous,
                statutoryDueDate: statutory,
                extendedOn: day,
              },
            },
            { ...head, role: 'head', department: step.department },
          );
        }
      }
      later(0);
      decidedOn = day;
      const within = {
        withinStatutoryLimit: decidedOn <= statutory,
        withinPromisedLimit: decidedOn <= promised,
      };
      if (random.chance(0.07)) {
        push(
          {
            type: 'case.Denied',
            data: {
              taskId: lastTask,
              reasons: ['经营场所不符合食品安全要求'],
              remedies: {
                administrativeReviewDays: 60,
                reviewAuthority: '呼和浩特市新城区人民政府',
                lawsuitMonths: 6,
                court: '呼和浩特市新城区人民法院',
              },
              deniedOn: decidedOn,
              decisionNumber: `BYXK-${caseNumber}`,
              ...within,
            },
          },
          approver,
        );
      } else {
        push(
          {
            type: 'case.Approved',
            data: {
              taskId: lastTask,
              opinion: '准予许可',
              approvedOn: decidedOn,
              resultDueBy: calendar.addWorkingDays(decidedOn, 10),
              ...within,
            },
          },
          approver,
        );
        later(random.int(0, 2));
        push(
          {
            type: 'case.ResultIssued',
            data: {
              certificateNumber: `ZZ${caseNumber}`,
              electronic: random.chance(0.6),
              issuedOn: day,
              late: false,
            },
          },
          clerk,
        );
      }
    }
    if (running) {
      yield { caseId, streamName: caseStreamName(caseId), events };
      continue;
    }
    const courier = guide.courierDelivery && random.chance(0.3);
    later(random.int(0, 2));
    push(
      {
        type: 'case.Dispatched',
        data: courier
          ? { method: 'courier', trackingNumber: `SF${random.int(1e9, 9e9)}`, dispatchedOn: day }
          : { method: 'window', dispatchedOn: day },
      },
      clerk,
    );
    later(random.int(0, 3));
    push(
      {
        type: 'case.Delivered',
        data: {
          deliveredOn: day,
          outcome: events.some((e) => e.type === 'case.Denied') ? 'denied' : 'approved',
        },
      },
      clerk,
    );

    if (random.chance(0.8)) {
      later(0);
      const bad = random.chance(0.04);
      const level = (bad ? random.int(4, 5) : random.pick([1, 1, 1, 2, 2, 3])) as RatingLevel;
      const ratedAt = at();
      push(
        {
          type: 'case.Rated',
          data: {
            n: 1,
            level,
            bad,
            channel: random.pick(['window-device', 'qr-code', 'sms', 'app'] as const),
            stage: 'overall',
            ...(bad ? { comment: '等待时间过长' } : {}),
            ratedAt,
          },
        },
        clerk,
      );
      if (bad) {
        const id = obligationId(caseId, 1);
        const reviewer: Actor = {
          userId: `reviewer-${item.hall}`,
          name: '回访专员',
          role: 'reviewer',
          hall: item.hall,
        };
        const callbackDueAt = new Date(Date.parse(ratedAt) + 48 * 3_600_000).toISOString();
        push(
          {
            type: 'case.ObligationOpened',
            data: {
              obligationId: id,
              n: 1,
              ratingN: 1,
              office: { hall: item.hall, department: guide.department },
              openedAt: ratedAt,
              callbackDueAt,
              rectifyDueBy: addNaturalDays(chinaDate(new Date(ratedAt)), 15),
            },
          },
          system,
        );
        later(1);
        push(
          {
            type: 'case.CallbackRecorded',
            data: {
              obligationId: id,
              notes: '已电话回访，情况属实',
              verified: true,
              calledAt: at(),
              late: at() > callbackDueAt,
            },
          },
          reviewer,
        );
        later(random.int(1, 5));
        push(
          random.chance(0.7)
            ? {
                type: 'case.Rectified',
                data: {
                  obligationId: id,
                  measures: '增设窗口，高峰时段分流',
                  rectifiedAt: at(),
                  late: false,
                },
              }
            : {
                type: 'case.Explained',
                data: {
                  obligationId: id,
                  explanation: '系申请人材料不全导致，已解释',
                  explainedAt: at(),
                  late: false,
                },
              },
          reviewer,
        );
      }
    }
    yield { caseId, streamName: caseStreamName(caseId), events };
  }
}

function approverOf(department: string, k: number): Actor {
  return { userId: `approver-${department}-${k}`, name: `审批员${k}`, role: 'approver', department };
}
