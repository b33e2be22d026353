import { addNaturalDays, chinaDate, chinaDayStart, type WorkingCalendar } from '@one-window/calendar';
import {
  CASE_EVENT_SCHEMA_VERSION,
  type CaseEvent,
  type CaseEventMetadata,
  type CaseGuide,
  type RatingLevel,
  caseStreamName,
  formatCaseNumber,
  obligationId,
  taskId,
} from '@one-window/case';
import type { EventData } from '@one-window/event-store';
import type { Actor } from '@one-window/shared';
import { generatedUuid } from './generated-id.js';
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

export type GeneratedEvent = EventData<CaseEvent['type'], CaseEvent['data'], CaseEventMetadata>;

export interface GeneratedCase {
  readonly caseId: string;
  readonly streamName: string;
  readonly events: readonly GeneratedEvent[];
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
const SYSTEM: Actor = { userId: 'system', name: 'One Window scheduler', role: 'system' };

/**
 * Realistic case histories, generated directly as events (no decider in the loop, so a million
 * events take seconds): the paths of DOMAIN §4 in plausible proportions — corrections,
 * deficiencies, deemed acceptance, refusals, withdrawals, returns, special procedures,
 * extensions, denials, late decisions and results, ratings with bad-rating reviews — with due
 * dates from the real working-day calendar. Every history folds through the case machine.
 */
export function* generateCaseHistories(count: number, options: GeneratorOptions): Generator<GeneratedCase> {
  const random = new Random(options.seed ?? 20260105);
  const days: string[] = [];
  for (
    let day = options.startDate;
    days.length < options.spanWorkingDays;
    day = options.calendar.addWorkingDays(day, 1)
  )
    days.push(day);
  const sequence = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const item = random.pick(options.items);
    const receivedOn = days[Math.floor((i / count) * days.length)];
    const key = `${item.hallDivision}-${receivedOn}`;
    const seq = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, seq);
    const caseId = generatedUuid('generated-case', String(options.seed ?? 0), String(i));
    const story = new Story(
      caseId,
      item,
      receivedOn,
      formatCaseNumber(item.hallDivision, receivedOn, seq),
      random,
      options.calendar,
    );
    story.tell();
    yield { caseId, streamName: caseStreamName(caseId), events: story.events };
  }
}

/** One case's history, told event by event with a moving business day and time. */
class Story {
  readonly events: GeneratedEvent[] = [];
  private readonly clerk: Actor;
  private readonly guide: CaseGuide;
  private day: string;
  private minute: number;
  private statutory = '';
  private promised = '';
  private task = 0;
  private deficiencyOpen = false;
  private missing: string[] = [];

  constructor(
    private readonly caseId: string,
    private readonly item: GeneratorItem,
    private readonly receivedOn: string,
    private readonly caseNumber: string,
    private readonly random: Random,
    private readonly calendar: WorkingCalendar,
  ) {
    this.guide = item.guide;
    this.day = receivedOn;
    this.minute = random.int(9 * 60, 16 * 60);
    this.clerk = {
      userId: `clerk-${item.hall}-${random.int(1, 4)}`,
      name: `窗口${random.int(1, 12)}号`,
      role: 'clerk',
      hall: item.hall,
    };
  }

  tell(): void {
    if (!this.frontDesk()) return;
    if (this.random.chance(0.03)) {
      this.later(this.random.int(0, 3));
      this.push(
        {
          type: 'case.Withdrawn',
          data: { reason: '申请人主动撤回', withdrawnOn: this.day, during: 'backOffice.underReview' },
        },
        this.clerk,
      );
      return;
    }
    const running = this.random.chance(0.08);
    if (!this.backOffice(running) || running) return;
    this.delivery();
    if (this.random.chance(0.8)) this.rating();
  }

  /** Receipt, correction or deemed acceptance, refusal, acceptance. False when the case ends here. */
  private frontDesk(): boolean {
    const { random, guide, calendar } = this;
    const materials = guide.materials.filter(
      (m) => m.sourceChannel === 'applicant' || m.sourceChannel === 'intermediary',
    );
    const deficient = materials.filter((m) => m.deficiencyAllowed && !m.key);
    const correction = materials.length > 0 && random.chance(0.12);
    const withDeficiency = !correction && deficient.length > 0 && random.chance(0.25);
    const held = (m: (typeof materials)[number]) =>
      !(withDeficiency && m === deficient[0]) && !(correction && m === materials[materials.length - 1]);
    const submitted = materials.filter(held).map((m) => ({ code: m.code, form: m.type }));
    this.missing = materials.filter((m) => !held(m)).map((m) => m.code);
    const person = random.chance(0.8);
    const correctionNoticeDueBy = calendar.addWorkingDays(this.receivedOn, 5);
    this.push(
      {
        type: 'case.Received',
        data: {
          caseId: this.caseId,
          caseNumber: this.caseNumber,
          hall: this.item.hall,
          itemCode: guide.code,
          guideVersion: guide.version,
          guide,
          applicant: {
            kind: person ? 'natural-person' : 'legal-person',
            name: person ? `${random.pick(SURNAMES)}${random.pick(GIVEN)}` : random.pick(COMPANIES),
            idType: person ? '居民身份证' : '统一社会信用代码',
            idNumber: person
              ? `15010219${random.int(50, 99)}0101${random.int(1000, 9999)}`
              : `91150102MA0${random.int(100000, 999999)}X`,
            phone: `13${random.int(100000000, 999999999)}`,
          },
          channel: random.pick(CHANNELS),
          materials: submitted,
          missingMaterials: this.missing,
          sharingAuthorized: true,
          greenChannel: random.chance(0.05),
          receivedOn: this.receivedOn,
          receivedAt: this.at(),
          correctionNoticeDueBy,
        },
      },
      this.clerk,
    );
    if (random.chance(0.04)) {
      this.later(0);
      this.push(
        {
          type: 'case.Refused',
          data: {
            reason: '申请事项不属于本机关职权范围',
            legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
            competentAgency: '呼和浩特市市场监督管理局',
            refusedOn: this.day,
            voucherNumber: `BYSL-${this.caseNumber}`,
          },
        },
        this.clerk,
      );
      return false;
    }
    if (correction) {
      this.later(random.int(0, 1));
      const correctBy = calendar.addWorkingDays(this.day, 10);
      const items = this.missing.map((code) => ({ code, problem: '未提交或不符合法定形式' }));
      this.push(
        { type: 'case.CorrectionRequested', data: { items, requestedOn: this.day, correctBy } },
        this.clerk,
      );
      if (random.chance(0.1)) {
        this.jumpAfter(correctBy);
        this.push({ type: 'case.CorrectionOverdue', data: { correctBy, withdrawnOn: this.day } }, SYSTEM);
        return false;
      }
      this.later(random.int(1, 8));
      const materials = this.missing.map((code) => ({ code, form: 'original' as const }));
      this.push(
        {
          type: 'case.CorrectionSubmitted',
          data: { materials, submittedOn: this.day, decideBy: calendar.addWorkingDays(this.day, 5) },
        },
        this.clerk,
      );
    }
    const deemed = !correction && !withDeficiency && random.chance(0.02);
    if (deemed) this.jumpAfter(correctionNoticeDueBy);
    else this.later(0);
    // Deemed acceptance counts from the day of receipt (Law Art. 32).
    const acceptedOn = deemed ? this.receivedOn : this.day;
    this.statutory = calendar.addWorkingDays(acceptedOn, guide.statutoryLimitDays);
    this.promised = calendar.addWorkingDays(acceptedOn, guide.promisedLimitDays);
    const acceptance = {
      acceptedOn,
      statutoryDueDate: this.statutory,
      promisedDueDate: this.promised,
      voucherNumber: `SL-${this.caseNumber}`,
    };
    if (deemed) {
      this.push(
        { type: 'case.DeemedAccepted', data: { ...acceptance, noticeDueBy: correctionNoticeDueBy } },
        SYSTEM,
      );
    } else if (withDeficiency) {
      const supplyBy = calendar.addWorkingDays(acceptedOn, Math.max(1, Math.min(3, guide.promisedLimitDays)));
      this.push(
        {
          type: 'case.AcceptedWithDeficiency',
          data: { ...acceptance, missing: this.missing, supplyBy, commitmentSigned: true },
        },
        this.clerk,
      );
      this.deficiencyOpen = true;
      if (random.chance(0.2)) {
        this.jumpAfter(supplyBy);
        this.push({ type: 'case.DeficiencyOverdue', data: { supplyBy, missing: this.missing } }, SYSTEM);
      }
    } else this.push({ type: 'case.Accepted', data: acceptance }, this.clerk);
    return true;
  }

  /** One task per step, with claims, releases, returns, special procedures, extensions and the decision. */
  private backOffice(running: boolean): boolean {
    const { random, guide } = this;
    const steps = guide.steps;
    const late = random.chance(0.06);
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s];
      const previous = this.events[this.events.length - 1].type;
      const reason =
        previous === 'case.CorrectionSubmitted' && s === 0 && this.task > 0
          ? 'resubmitted'
          : previous === 'case.TaskReturned'
            ? 'returned'
            : s === 0
              ? 'accepted'
              : 'passed';
      const id = this.createTask(s, reason);
      if (running && s === steps.length - 1) return true;
      let approver = approverOf(step.department, step.role, random.int(1, 3));
      this.later(step.timeLimitDays === 0 ? 0 : random.int(0, Math.min(2, step.timeLimitDays)));
      this.claim(id, approver);
      if (random.chance(0.05)) {
        this.later(0);
        this.push(
          {
            type: 'case.TaskReleased',
            data: { taskId: id, holder: holderOf(approver), releasedAt: this.at() },
          },
          approver,
        );
        approver = approverOf(step.department, step.role, 4);
        this.claim(id, approver);
      }
      if (this.deficiencyOpen) {
        this.later(0);
        const late = this.events.some((e) => e.type === 'case.DeficiencyOverdue');
        const materials = this.missing.map((code) => ({ code, form: 'original' as const }));
        this.push(
          { type: 'case.DeficiencySupplied', data: { materials, suppliedOn: this.day, remaining: [], late } },
          this.clerk,
        );
        this.deficiencyOpen = false;
      }
      const returnedBefore = this.events.some((e) => e.type === 'case.TaskReturned');
      if (
        s === 0 &&
        steps.length === 1 &&
        this.missing.length === 0 &&
        !returnedBefore &&
        random.chance(0.03)
      ) {
        // Back to the front desk for a material found defective in review; the clock keeps running.
        this.later(0);
        this.push(
          {
            type: 'case.TaskReturned',
            data: { taskId: id, to: 'front-desk', reason: '申请书签字不全', returnedAt: this.at() },
          },
          approver,
        );
        this.later(1);
        this.push(
          {
            type: 'case.CorrectionSubmitted',
            data: { materials: [{ code: 'application', form: 'original' }], submittedOn: this.day },
          },
          this.clerk,
        );
        s -= 1;
        continue;
      }
      if (s > 0 && !returnedBefore && random.chance(0.03)) {
        this.later(0);
        this.push(
          {
            type: 'case.TaskReturned',
            data: { taskId: id, to: steps[s - 1].name, reason: '需补充审查意见', returnedAt: this.at() },
          },
          approver,
        );
        s -= 2;
        continue;
      }
      if (s === 0 && guide.statutoryLimitDays >= 10 && random.chance(0.04))
        this.specialProcedure(id, approver);
      if (s < steps.length - 1) {
        this.later(step.timeLimitDays === 0 ? 0 : random.int(0, 1));
        this.push(
          {
            type: 'case.TaskPassed',
            data: { taskId: id, opinion: '材料齐全，符合法定条件', passedAt: this.at() },
          },
          approver,
        );
        continue;
      }
      if (late) this.lateDecision(step.department);
      else this.later(0);
      this.decide(id, approver);
    }
    return true;
  }

  private delivery(): void {
    const { random } = this;
    const denied = this.events.some((e) => e.type === 'case.Denied');
    const courier = this.guide.courierDelivery && random.chance(0.3);
    this.later(random.int(0, 2));
    this.push(
      {
        type: 'case.Dispatched',
        data: courier
          ? { method: 'courier', trackingNumber: `SF${random.int(1e9, 9e9)}`, dispatchedOn: this.day }
          : { method: 'window', dispatchedOn: this.day },
      },
      this.clerk,
    );
    this.later(random.int(0, 3));
    this.push(
      { type: 'case.Delivered', data: { deliveredOn: this.day, outcome: denied ? 'denied' : 'approved' } },
      this.clerk,
    );
  }

  private rating(): void {
    const { random } = this;
    this.later(0);
    const bad = random.chance(0.04);
    const level = (bad ? random.int(4, 5) : random.pick([1, 1, 1, 2, 2, 3])) as RatingLevel;
    const ratedAt = this.at();
    const channel = random.pick(['window-device', 'qr-code', 'sms', 'app'] as const);
    this.push(
      {
        type: 'case.Rated',
        data: {
          n: 1,
          level,
          bad,
          channel,
          stage: 'overall',
          ...(bad ? { comment: '等待时间过长' } : {}),
          ratedAt,
        },
      },
      this.clerk,
    );
    if (!bad) return;
    const id = obligationId(this.caseId, 1);
    const reviewer: Actor = {
      userId: `reviewer-${this.item.hall}`,
      name: '回访专员',
      role: 'reviewer',
      hall: this.item.hall,
    };
    const callbackDueAt = new Date(Date.parse(ratedAt) + 48 * 3_600_000).toISOString();
    this.push(
      {
        type: 'case.ObligationOpened',
        data: {
          obligationId: id,
          n: 1,
          ratingN: 1,
          office: { hall: this.item.hall, department: this.guide.department },
          openedAt: ratedAt,
          callbackDueAt,
          rectifyDueBy: addNaturalDays(chinaDate(new Date(ratedAt)), 15),
        },
      },
      SYSTEM,
    );
    if (random.chance(0.3)) {
      this.day = chinaDate(new Date(Date.parse(callbackDueAt) + 3_600_000));
      this.minute = (new Date(Date.parse(callbackDueAt) + 3_600_000).getUTCHours() + 8) * 60;
      this.push(
        {
          type: 'case.ObligationOverdue',
          data: { obligationId: id, deadline: 'callback', dueAt: callbackDueAt },
        },
        SYSTEM,
      );
    } else this.later(1);
    const calledAt = this.at();
    this.push(
      {
        type: 'case.CallbackRecorded',
        data: {
          obligationId: id,
          notes: '已电话回访，情况属实',
          verified: true,
          calledAt,
          late: calledAt > callbackDueAt,
        },
      },
      reviewer,
    );
    this.later(random.int(1, 5));
    this.push(
      random.chance(0.7)
        ? {
            type: 'case.Rectified',
            data: {
              obligationId: id,
              measures: '增设窗口，高峰时段分流',
              rectifiedAt: this.at(),
              late: false,
            },
          }
        : {
            type: 'case.Explained',
            data: {
              obligationId: id,
              explanation: '系申请人材料不全导致，已解释',
              explainedAt: this.at(),
              late: false,
            },
          },
      reviewer,
    );
  }

  private createTask(s: number, reason: 'accepted' | 'passed' | 'returned' | 'resubmitted'): string {
    const step = this.guide.steps[s];
    this.task += 1;
    const id = taskId(this.caseId, this.task);
    this.push(
      {
        type: 'case.TaskCreated',
        data: {
          taskId: id,
          n: this.task,
          step: step.name,
          stepIndex: s,
          label: step.label,
          department: step.department,
          role: step.role,
          createdOn: this.day,
          stepDueDate: this.calendar.addWorkingDays(this.day, step.timeLimitDays),
          reason,
        },
      },
      s === 0 ? this.clerk : approverOf(step.department, 'approver', 1),
    );
    return id;
  }

  private claim(id: string, approver: Actor): void {
    this.push(
      { type: 'case.TaskClaimed', data: { taskId: id, holder: holderOf(approver), claimedAt: this.at() } },
      approver,
    );
  }

  private specialProcedure(id: string, approver: Actor): void {
    this.later(1);
    const kind = this.random.pick(['inspection', 'expert-review', 'hearing'] as const);
    this.push(
      {
        type: 'case.SpecialProcedureStarted',
        data: { n: 1, kind, reason: '需现场核查', expectedDays: 5, taskId: id, startedOn: this.day },
      },
      approver,
    );
    const started = this.day;
    this.later(this.random.int(2, 6));
    const suspended = this.calendar.workingDaysBetween(started, this.day);
    this.statutory = this.calendar.addWorkingDays(this.statutory, suspended);
    this.promised = this.calendar.addWorkingDays(this.promised, suspended);
    this.push(
      {
        type: 'case.SpecialProcedureEnded',
        data: {
          n: 1,
          result: '核查符合要求',
          endedOn: this.day,
          suspendedWorkingDays: suspended,
          statutoryDueDate: this.statutory,
          promisedDueDate: this.promised,
        },
      },
      approver,
    );
  }

  /** The yellow warning, the red mark on the promised limit, and sometimes the head's extension. */
  private lateDecision(department: string): void {
    const { calendar } = this;
    if (this.day <= this.promised) {
      this.later(0);
      const left = Math.max(0, calendar.workingDaysBetween(this.day, this.promised));
      this.push(
        {
          type: 'case.DecisionWarning',
          data: { limit: 'promised', dueDate: this.promised, workingDaysLeft: left },
        },
        SYSTEM,
      );
    }
    this.jumpAfter(this.promised);
    this.push({ type: 'case.DecisionOverdue', data: { limit: 'promised', dueDate: this.promised } }, SYSTEM);
    if (this.statutory > this.promised && this.random.chance(0.5)) {
      const head = { userId: `head-${department}`, name: '科长' };
      this.later(0);
      const previous = this.statutory;
      this.statutory = calendar.addWorkingDays(this.statutory, 10);
      this.push(
        {
          type: 'case.Extended',
          data: {
            days: 10,
            reason: '情况复杂，需延长审查',
            head,
            previousDueDate: previous,
            statutoryDueDate: this.statutory,
            extendedOn: this.day,
          },
        },
        { ...head, role: 'head', department },
      );
    }
    this.later(0);
  }

  private decide(id: string, approver: Actor): void {
    const on = this.day;
    const within = { withinStatutoryLimit: on <= this.statutory, withinPromisedLimit: on <= this.promised };
    if (this.random.chance(0.07)) {
      this.push(
        {
          type: 'case.Denied',
          data: {
            taskId: id,
            reasons: ['经营场所不符合食品安全要求'],
            remedies: {
              administrativeReviewDays: 60,
              reviewAuthority: '呼和浩特市新城区人民政府',
              lawsuitMonths: 6,
              court: '呼和浩特市新城区人民法院',
            },
            deniedOn: on,
            decisionNumber: `BYXK-${this.caseNumber}`,
            ...within,
          },
        },
        approver,
      );
      return;
    }
    const resultDueBy = this.calendar.addWorkingDays(on, 10);
    this.push(
      {
        type: 'case.Approved',
        data: { taskId: id, opinion: '准予许可', approvedOn: on, resultDueBy, ...within },
      },
      approver,
    );
    const lateResult = this.random.chance(0.02);
    if (lateResult) {
      this.jumpAfter(resultDueBy);
      this.push({ type: 'case.ResultIssueOverdue', data: { resultDueBy } }, SYSTEM);
    } else this.later(this.random.int(0, 2));
    this.push(
      {
        type: 'case.ResultIssued',
        data: {
          certificateNumber: `ZZ${this.caseNumber}`,
          electronic: this.random.chance(0.6),
          issuedOn: this.day,
          late: lateResult,
        },
      },
      this.clerk,
    );
  }

  private push(event: CaseEvent, actor: Actor): void {
    const n = this.events.length;
    const commandId = generatedUuid('generated-command', this.caseId, String(n));
    this.events.push({
      id: generatedUuid('generated-event', this.caseId, String(n)),
      type: event.type,
      data: event.data,
      metadata: {
        actor,
        commandId,
        correlationId: commandId,
        causationId: commandId,
        guideVersion: this.guide.version,
        at: this.at(),
        schemaVersion: CASE_EVENT_SCHEMA_VERSION,
      },
    });
  }

  private at(): string {
    return new Date(chinaDayStart(this.day).getTime() + this.minute * 60_000).toISOString();
  }

  /** Moves on `workingDays` (to a time in office hours), or a few minutes within the day. */
  private later(workingDays: number): void {
    if (workingDays > 0) this.day = this.calendar.addWorkingDays(this.day, workingDays);
    this.minute =
      workingDays > 0
        ? this.random.int(9 * 60, 17 * 60)
        : Math.min(this.minute + this.random.int(1, 30), 23 * 60 + 59);
  }

  /** Just after a deadline day ended: the scheduler's moment. */
  private jumpAfter(date: string): void {
    this.day = addNaturalDays(date, 1);
    this.minute = this.random.int(0, 5);
  }
}

function approverOf(department: string, role: 'approver' | 'head', k: number): Actor {
  return role === 'head'
    ? { userId: `head-${department}`, name: '科长', role: 'head', department }
    : { userId: `approver-${department}-${k}`, name: `审批员${k}`, role: 'approver', department };
}

function holderOf(actor: Actor): { userId: string; name: string } {
  return { userId: actor.userId, name: actor.name };
}
