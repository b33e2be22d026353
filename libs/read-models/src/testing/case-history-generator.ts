import { addNaturalDays, chinaDate, chinaDayStart, type WorkingCalendar } from '@one-window/calendar';
import type { ServiceGuide } from '@one-window/catalog';
import {
  CASE_EVENT_SCHEMA_VERSION,
  type CaseCommand,
  type CaseEvent,
  type CaseEventMetadata,
  type CaseState,
  type NamedStaff,
  type RatingLevel,
  DEFAULT_CASE_POLICY,
  caseStreamName,
  currentTask,
  decide,
  drawQueryCode,
  evolve,
  formatCaseNumber,
  stillMissing,
} from '@one-window/case';
import type { EventData } from '@one-window/event-store';
import {
  RESIDENT_ID,
  SYSTEM_ACTOR,
  UNIFIED_SOCIAL_CREDIT_CODE,
  residentIdCheckDigit,
  usccCheckCharacter,
  type Actor,
} from '@one-window/shared';
import { generatedUuid, generatedUuidSeries } from './generated-id.js';
import { Random } from './random.js';

/** A catalog guide, as the counter receives under it, plus the hall where its applications are received. */
export interface GeneratorItem {
  readonly guide: ServiceGuide;
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
/** The commands whose decision may accept the case, and so record a query code. */
const ACCEPTING: ReadonlySet<CaseCommand['type']> = new Set([
  'AcceptCase',
  'AcceptWithDeficiency',
  'DeemAccepted',
]);

/**
 * Realistic case histories, every event decided by the engine's own decider: for each case a
 * path is drawn (the paths of DOMAIN §4 in plausible proportions — corrections, deficiencies,
 * deemed acceptance, refusals, withdrawals, returns, special procedures, extensions, denials,
 * late decisions and results, 转办 and 督办, ratings with bad-rating reviews), sent as the commands the counter,
 * the back office, the head, the reviewer and the scheduler would send, on a clock that moves by
 * working days of the real calendar, and decided by `decide` against the case folded so far. The
 * events carry the metadata the executor gives them (actor, command id, time, status and stage).
 * A command the decider refuses is a bug of the generator: it throws.
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

/** One case's history: commands sent on a moving business day and time, each decided and folded. */
class Story {
  readonly events: GeneratedEvent[] = [];
  private state: CaseState | null = null;
  private commands = 0;
  private readonly clerk: Actor;
  private readonly eventIds: (index: number) => string;
  private readonly commandIds: (index: number) => string;
  private day: string;
  /** The instant `day` begins in China time (kept with `day`: `at()` is read for every command). */
  private dayStart: number;
  private minute: number;
  /** Materials missing at receipt (a correction or 容缺 path). */
  private missingAtReceipt = false;
  private returned = false;
  private person = true;

  constructor(
    private readonly caseId: string,
    private readonly item: GeneratorItem,
    private readonly receivedOn: string,
    private readonly caseNumber: string,
    private readonly random: Random,
    private readonly calendar: WorkingCalendar,
  ) {
    this.eventIds = generatedUuidSeries('generated-event', caseId);
    this.commandIds = generatedUuidSeries('generated-command', caseId);
    this.day = receivedOn;
    this.dayStart = chinaDayStart(receivedOn).getTime();
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
      this.send(this.clerk, { type: 'WithdrawCase', caseId: this.caseId, reason: '申请人主动撤回' });
      return;
    }
    const running = this.random.chance(0.08);
    if (!this.backOffice(running) || running) return;
    this.delivery();
    if (this.random.chance(0.8)) this.rating();
  }

  /** Receipt, correction or deemed acceptance, refusal, acceptance. False when the case ends here. */
  private frontDesk(): boolean {
    const { random, caseId } = this;
    const guide = this.item.guide;
    const materials = guide.materials.filter(
      (m) => m.sourceChannel === 'applicant' || m.sourceChannel === 'intermediary',
    );
    const deficient = materials.filter((m) => m.deficiencyAllowed && !m.key);
    const correction = materials.length > 0 && random.chance(0.12);
    // 容缺 needs a supply date after today and by the promised due date: not on a same-day item.
    const withDeficiency =
      !correction && deficient.length > 0 && random.chance(0.25) && guide.promisedLimitDays > 0;
    const held = (m: (typeof materials)[number]) =>
      !(withDeficiency && m === deficient[0]) && !(correction && m === materials[materials.length - 1]);
    this.missingAtReceipt = correction || withDeficiency;
    this.person = random.chance(0.8);
    this.send(this.clerk, {
      type: 'ReceiveApplication',
      itemCode: guide.code,
      hall: this.item.hall,
      applicant: this.person
        ? {
            kind: 'natural-person',
            name: this.personName(),
            idType: RESIDENT_ID,
            idNumber: this.residentId(),
            phone: this.phone(),
          }
        : {
            kind: 'legal-person',
            name: random.pick(COMPANIES),
            idType: UNIFIED_SOCIAL_CREDIT_CODE,
            idNumber: this.creditCode(),
            phone: this.phone(),
          },
      channel: random.pick(CHANNELS),
      materials: materials.filter(held).map((m) => ({ code: m.code, form: m.type })),
      sharingAuthorized: true,
      greenChannel: random.chance(0.05),
    });
    if (random.chance(0.04)) {
      this.later(0);
      this.send(this.clerk, {
        type: 'RefuseCase',
        caseId,
        reason: '申请事项不属于本机关职权范围',
        legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
        competentAgency: '呼和浩特市市场监督管理局',
      });
      return false;
    }
    if (correction) {
      this.later(random.int(0, 1));
      const items = stillMissing(this.context).map((code) => ({ code, problem: '未提交或不符合法定形式' }));
      this.send(this.clerk, { type: 'RequestCorrection', caseId, items });
      if (random.chance(0.1)) {
        this.jumpAfter(this.context.correction?.correctBy ?? this.day);
        this.send(SYSTEM_ACTOR, { type: 'MarkCorrectionOverdue', caseId });
        return false;
      }
      this.later(random.int(1, 8));
      const handedIn = items.map(({ code }) => ({ code, form: 'original' as const }));
      this.send(this.clerk, { type: 'SubmitCorrection', caseId, materials: handedIn });
    }
    if (!correction && !withDeficiency && random.chance(0.02)) {
      // Deemed acceptance (Law Art. 32): no notice within the 5 working days; counted from receipt.
      this.jumpAfter(this.context.acceptanceDecideBy);
      this.send(SYSTEM_ACTOR, { type: 'DeemAccepted', caseId });
    } else if (withDeficiency) {
      this.later(0);
      const supplyBy = this.calendar.addWorkingDays(this.day, Math.min(3, guide.promisedLimitDays));
      const missing = stillMissing(this.context).map((code) => ({ code }));
      this.send(this.clerk, {
        type: 'AcceptWithDeficiency',
        caseId,
        missing,
        supplyBy,
        commitmentSigned: true,
      });
      if (random.chance(0.2)) {
        this.jumpAfter(supplyBy);
        this.send(SYSTEM_ACTOR, { type: 'MarkDeficiencyOverdue', caseId });
      }
    } else {
      this.later(0);
      this.send(this.clerk, { type: 'AcceptCase', caseId });
    }
    return true;
  }

  /** Each step's task claimed, sometimes released, returned or suspended, passed — then the decision. */
  private backOffice(running: boolean): boolean {
    const { random, caseId } = this;
    const steps = this.context.guide.steps;
    const late = random.chance(0.06);
    for (;;) {
      const taskId = this.context.currentTaskId ?? '';
      const s = this.context.tasks.find((t) => t.taskId === taskId)?.stepIndex ?? 0;
      const step = steps[s];
      if (running && s === steps.length - 1) return true;
      let approver = approverOf(step.department, step.role, random.int(1, 3));
      this.later(step.timeLimitDays === 0 ? 0 : random.int(0, Math.min(2, step.timeLimitDays)));
      this.send(approver, { type: 'ClaimTask', taskId });
      if (random.chance(0.05)) {
        this.later(0);
        this.send(approver, { type: 'ReleaseTask', taskId });
        approver = approverOf(step.department, step.role, 4);
        this.send(approver, { type: 'ClaimTask', taskId });
      }
      if (step.role === 'approver' && random.chance(0.02)) {
        // 转办: the holder is away; the department's head hands the task to a colleague.
        this.later(0);
        const colleague = approverOf(step.department, 'approver', 5);
        const staff = new Map([[colleague.userId, { ...colleague, disabled: false }]]);
        const command = {
          type: 'ReassignTask',
          taskId,
          assignee: colleague.userId,
          reason: '原承办人休假',
        } as const;
        this.send(headOf(step.department), command, staff);
        approver = colleague;
      }
      const deficiency = this.context.deficiency;
      if (deficiency && deficiency.missing.length > 0) {
        this.later(0);
        const materials = deficiency.missing.map((code) => ({ code, form: 'original' as const }));
        this.send(this.clerk, { type: 'SupplyDeficiency', caseId, materials });
      }
      if (s === 0 && steps.length === 1 && !this.missingAtReceipt && !this.returned && random.chance(0.03)) {
        // Back to the front desk for a material found defective in review; the clock keeps running.
        this.returned = true;
        this.later(0);
        this.send(approver, { type: 'ReturnTask', taskId, to: 'front-desk', reason: '申请书签字不全' });
        this.later(1);
        const material = this.context.materials[0]?.code ?? this.context.guide.materials[0].code;
        this.send(this.clerk, {
          type: 'SubmitCorrection',
          caseId,
          materials: [{ code: material, form: 'original' }],
        });
        continue;
      }
      if (s > 0 && !this.returned && random.chance(0.03)) {
        this.returned = true;
        this.later(0);
        this.send(approver, { type: 'ReturnTask', taskId, to: steps[s - 1].name, reason: '需补充审查意见' });
        continue;
      }
      if (s === 0 && this.context.guide.statutoryLimitDays >= 10 && random.chance(0.04))
        this.specialProcedure(approver);
      if (s < steps.length - 1) {
        this.later(step.timeLimitDays === 0 ? 0 : random.int(0, 1));
        this.send(approver, { type: 'PassTask', taskId, opinion: '材料齐全，符合法定条件' });
        continue;
      }
      if (late) this.lateDecision(step.department);
      else this.later(0);
      this.decide(approver);
      return true;
    }
  }

  private delivery(): void {
    const { random, caseId } = this;
    const courier = this.context.guide.courierDelivery && random.chance(0.3);
    this.later(random.int(0, 2));
    this.send(
      this.clerk,
      courier
        ? { type: 'DispatchResult', caseId, method: 'courier', trackingNumber: `SF${random.int(1e9, 9e9)}` }
        : { type: 'DispatchResult', caseId, method: 'window' },
    );
    this.later(random.int(0, 3));
    const { applicant } = this.context;
    // At the window the recipient is recorded (送达回证): the applicant, or for a company its agent.
    const recipient = courier
      ? undefined
      : this.person
        ? {
            collectedBy: 'applicant' as const,
            name: applicant.name,
            idType: applicant.idType,
            idNumber: applicant.idNumber,
          }
        : {
            collectedBy: 'agent' as const,
            name: this.personName(),
            idType: RESIDENT_ID,
            idNumber: this.residentId(),
          };
    this.send(this.clerk, { type: 'DeliverResult', caseId, ...(recipient ? { recipient } : {}) });
  }

  private rating(): void {
    const { random, caseId } = this;
    this.later(0);
    const bad = random.chance(0.04);
    const level = (bad ? random.int(4, 5) : random.pick([1, 1, 1, 2, 2, 3])) as RatingLevel;
    const channel = random.pick(['window-device', 'qr-code', 'sms', 'app'] as const);
    this.send(this.clerk, {
      type: 'RateService',
      caseId,
      level,
      channel,
      stage: 'overall',
      ...(bad ? { comment: '等待时间过长' } : {}),
    });
    if (!bad) return;
    const obligation = this.context.obligations[this.context.obligations.length - 1];
    const obligationId = obligation.obligationId;
    const reviewer: Actor = {
      userId: `reviewer-${this.item.hall}`,
      name: '回访专员',
      role: 'reviewer',
      hall: this.item.hall,
    };
    if (random.chance(0.3)) {
      const scheduled = new Date(Date.parse(obligation.callbackDueAt) + 3_600_000);
      const day = chinaDate(scheduled);
      this.moveTo(day, Math.floor((scheduled.getTime() - chinaDayStart(day).getTime()) / 60_000));
      this.send(SYSTEM_ACTOR, { type: 'MarkObligationOverdue', obligationId, deadline: 'callback' });
    } else this.later(1);
    this.send(reviewer, {
      type: 'RecordCallback',
      obligationId,
      notes: '已电话回访，情况属实',
      verified: true,
    });
    this.later(random.int(1, 5));
    this.send(
      reviewer,
      random.chance(0.7)
        ? { type: 'RectifyObligation', obligationId, measures: '增设窗口，高峰时段分流' }
        : { type: 'ExplainObligation', obligationId, explanation: '系申请人材料不全导致，已解释' },
    );
  }

  private specialProcedure(approver: Actor): void {
    const { caseId } = this;
    this.later(1);
    const kind = this.random.pick(['inspection', 'expert-review', 'hearing'] as const);
    this.send(approver, {
      type: 'StartSpecialProcedure',
      caseId,
      kind,
      reason: '需现场核查',
      expectedDays: 5,
    });
    const n = this.context.specialProcedures.length;
    this.later(this.random.int(2, 6));
    this.send(approver, { type: 'EndSpecialProcedure', caseId, n, result: '核查符合要求' });
  }

  /**
   * The scheduler's yellow warning once the promised limit is near (`warningWorkingDays` left),
   * its red mark the day after, and sometimes the head's extension (Law Art. 42).
   */
  private lateDecision(department: string): void {
    const { calendar, caseId } = this;
    const promised = this.context.promisedDueDate ?? this.day;
    if (this.day <= promised) {
      let warnOn = this.day;
      while (calendar.workingDaysBetween(warnOn, promised) > DEFAULT_CASE_POLICY.warningWorkingDays)
        warnOn = calendar.addWorkingDays(warnOn, 1);
      if (warnOn > this.day) this.moveTo(warnOn, this.random.int(0, 5));
      else this.later(0);
      this.send(SYSTEM_ACTOR, { type: 'MarkDecisionWarning', caseId, limit: 'promised' });
    }
    this.jumpAfter(promised);
    this.send(SYSTEM_ACTOR, { type: 'MarkDecisionOverdue', caseId, limit: 'promised' });
    const task = currentTask(this.context);
    if (task && this.random.chance(0.5) && this.nearOrPast(task.stepDueDate)) {
      // 督办 on the step: its head presses the approver; a head's own step is pressed by the administrator.
      this.later(0);
      const by = task.role === 'approver' ? headOf(department) : ADMINISTRATOR;
      this.send(by, { type: 'SendSupervisionNotice', taskId: task.taskId, note: '请于法定期限内办结' });
    }
    if ((this.context.statutoryDueDate ?? '') > promised && this.random.chance(0.5)) {
      this.later(0);
      this.send(headOf(department), {
        type: 'ExtendTimeLimit',
        caseId,
        days: 10,
        reason: '情况复杂，需延长审查',
      });
    }
    this.later(0);
  }

  private decide(approver: Actor): void {
    const { caseId } = this;
    if (this.random.chance(0.07)) {
      this.send(approver, {
        type: 'DenyCase',
        caseId,
        reasons: ['经营场所不符合食品安全要求'],
        remedies: { reviewAuthority: '呼和浩特市新城区人民政府', court: '呼和浩特市新城区人民法院' },
      });
      return;
    }
    this.send(approver, { type: 'ApproveCase', caseId, opinion: '准予许可' });
    if (this.random.chance(0.02)) {
      this.jumpAfter(this.context.decision?.resultDueBy ?? this.day);
      this.send(SYSTEM_ACTOR, { type: 'MarkResultIssueOverdue', caseId });
    } else this.later(this.random.int(0, 2));
    this.send(this.clerk, {
      type: 'IssueResult',
      caseId,
      certificateNumber: `ZZ${this.caseNumber}`,
      electronic: this.random.chance(0.6),
    });
  }

  private get context(): CaseState['context'] {
    return this.state!.context;
  }

  /** Whether a due date is within the warning days or past (the window of 督办). */
  private nearOrPast(dueDate: string): boolean {
    return (
      this.day > dueDate ||
      this.calendar.workingDaysBetween(this.day, dueDate) <= DEFAULT_CASE_POLICY.warningWorkingDays
    );
  }

  /**
   * Decides the command at the story's moment, folds its events and records them as the executor
   * would. `staff`: the people the command names, as the executor looks them up before deciding.
   */
  private send(actor: Actor, command: CaseCommand, staff?: NamedStaff): void {
    const at = this.at();
    let decided: CaseEvent[];
    try {
      decided = decide(this.state, command, {
        now: new Date(at),
        actor,
        calendar: this.calendar,
        ...(staff ? { staff } : {}),
        ...(command.type === 'ReceiveApplication'
          ? { ids: { caseId: this.caseId, caseNumber: this.caseNumber }, guide: this.item.guide }
          : {}),
        ...(ACCEPTING.has(command.type)
          ? { queryCode: drawQueryCode((n) => this.random.int(0, n - 1)) }
          : {}),
      });
    } catch (error) {
      throw new Error(
        `The generator sent ${command.type} to ${this.caseNumber} (${this.state?.status ?? 'no case'}) at ${at}, and the decider refused it: ${String(error)}`,
        { cause: error },
      );
    }
    if (decided.length === 0) {
      throw new Error(
        `The generator sent ${command.type} to ${this.caseNumber} at ${at}, which decided nothing`,
      );
    }
    const commandId = this.commandIds(this.commands++);
    for (const event of decided) {
      const state = evolve(this.state, event, this.events.length);
      this.state = state;
      this.events.push({
        id: this.eventIds(this.events.length),
        type: event.type,
        data: event.data,
        metadata: {
          actor,
          commandId,
          correlationId: commandId,
          causationId: commandId,
          guideVersion: state.context.guide.version,
          at,
          schemaVersion: CASE_EVENT_SCHEMA_VERSION,
          status: state.status,
          stage: state.stage,
        },
      });
    }
  }

  private personName(): string {
    return `${this.random.pick(SURNAMES)}${this.random.pick(GIVEN)}`;
  }

  private phone(): string {
    return `13${this.random.int(100000000, 999999999)}`;
  }

  /** A resident ID number of 新城区 with a real birth date and its GB 11643 check digit. */
  private residentId(): string {
    const { random } = this;
    const birth = `19${random.int(50, 99)}${pad(random.int(1, 12))}${pad(random.int(1, 28))}`;
    const first17 = `150102${birth}${String(random.int(0, 999)).padStart(3, '0')}`;
    return first17 + residentIdCheckDigit(first17);
  }

  /**
   * A unified social credit code of a company registered in 新城区, with its GB 32100 check
   * character — the organisation code stepped on until that is a digit, as the tails of the codes
   * the register export spec masks were (apps/server/test/api/case-register-export: `[0-9X]{4}`).
   */
  private creditCode(): string {
    const start = this.random.int(100000, 999999);
    for (let step = 0; ; step++) {
      const first17 = `91150102MA0${100000 + ((start - 100000 + step) % 900000)}`;
      const check = usccCheckCharacter(first17);
      if (check <= '9') return first17 + check;
    }
  }

  private at(): string {
    return new Date(this.dayStart + this.minute * 60_000).toISOString();
  }

  private moveTo(day: string, minute: number): void {
    if (day !== this.day) this.dayStart = chinaDayStart(day).getTime();
    this.day = day;
    this.minute = minute;
  }

  /** Moves on `workingDays` (to a time in office hours), or a few minutes within the day. */
  private later(workingDays: number): void {
    if (workingDays > 0)
      this.moveTo(this.calendar.addWorkingDays(this.day, workingDays), this.random.int(9 * 60, 17 * 60));
    else this.minute = Math.min(this.minute + this.random.int(1, 30), 23 * 60 + 59);
  }

  /** Just after a deadline day ended: the scheduler's moment (never back in time: a day already past it stays). */
  private jumpAfter(date: string): void {
    const after = addNaturalDays(date, 1);
    if (after > this.day) this.moveTo(after, this.random.int(0, 5));
    else this.later(0);
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

const ADMINISTRATOR: Actor = { userId: 'admin', name: '系统管理员', role: 'admin' };

const headOf = (department: string): Actor => ({
  userId: `head-${department}`,
  name: '科长',
  role: 'head',
  department,
});

function approverOf(department: string, role: 'approver' | 'head', k: number): Actor {
  return role === 'head'
    ? headOf(department)
    : { userId: `approver-${department}-${k}`, name: `审批员${k}`, role: 'approver', department };
}
