import type { CaseEvent, CaseEventType, SpecialProcedureKind } from '@one-window/case';
import type { Role } from '@one-window/shared';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** What each event is called at the counter. */
export const EVENT_TITLES: Readonly<Record<CaseEventType, Bilingual>> = {
  'case.Received': { zh: '收件', en: 'Application received' },
  'case.DeadlinesRecalculated': {
    zh: '按正式节假日安排重新计算期限',
    en: 'Deadlines recalculated on the official holiday schedule',
  },
  'case.Accepted': { zh: '受理', en: 'Accepted' },
  'case.AcceptedWithDeficiency': { zh: '容缺受理', en: 'Accepted with deficiency' },
  'case.CorrectionRequested': { zh: '一次性告知补正', en: 'Correction notice issued' },
  'case.CorrectionSubmitted': { zh: '补正材料已提交', en: 'Correction submitted' },
  'case.CorrectionOverdue': { zh: '逾期未补正，视为撤回', en: 'Correction overdue: application withdrawn' },
  'case.DeemedAccepted': {
    zh: '逾期未告知补正，视为受理',
    en: 'Deemed accepted (no correction notice in time)',
  },
  'case.Refused': { zh: '不予受理', en: 'Not accepted' },
  'case.Withdrawn': { zh: '申请人撤回', en: 'Withdrawn by the applicant' },
  'case.DeficiencySupplied': { zh: '补齐容缺材料', en: 'Deficient materials supplied' },
  'case.DeficiencyOverdue': { zh: '容缺材料逾期未补', en: 'Deficient materials overdue' },
  'case.TaskCreated': { zh: '待办任务生成', en: 'Task created' },
  'case.TaskClaimed': { zh: '签收任务', en: 'Task claimed' },
  'case.TaskReleased': { zh: '退回任务池', en: 'Task released' },
  'case.TaskPassed': { zh: '审核通过，转下一环节', en: 'Step passed' },
  'case.TaskReturned': { zh: '退回', en: 'Returned' },
  'case.SpecialProcedureStarted': {
    zh: '启动特别程序（计时暂停）',
    en: 'Special procedure started (clock stopped)',
  },
  'case.SpecialProcedureEnded': {
    zh: '特别程序结束（恢复计时）',
    en: 'Special procedure ended (clock runs again)',
  },
  'case.Extended': { zh: '延长办理期限', en: 'Time limit extended' },
  'case.SupervisionNoticeSent': { zh: '督办', en: 'Supervision notice' },
  'case.Approved': { zh: '准予许可', en: 'Approved' },
  'case.Denied': { zh: '不予许可', en: 'Denied' },
  'case.ResultIssued': { zh: '制证出件', en: 'Result issued' },
  'case.Dispatched': { zh: '送达', en: 'Result dispatched' },
  'case.Delivered': { zh: '办结', en: 'Completed (result delivered)' },
  'case.Rated': { zh: '评价', en: 'Service rated' },
  'case.ObligationOpened': { zh: '差评整改工单生成', en: 'Bad-rating review opened' },
  'case.CallbackRecorded': { zh: '回访核实', en: 'Applicant called back' },
  'case.Rectified': { zh: '整改完成', en: 'Rectified' },
  'case.Explained': { zh: '解释说明', en: 'Explained' },
  'case.DecisionWarning': { zh: '临近办理时限（黄牌预警）', en: 'Decision limit near (yellow)' },
  'case.DecisionOverdue': { zh: '超过办理时限（红牌）', en: 'Decision limit passed (red)' },
  'case.ResultIssueOverdue': { zh: '逾期未出件', en: 'Result issue overdue' },
  'case.ObligationOverdue': { zh: '差评整改逾期', en: 'Bad-rating follow-up overdue' },
};

export const ROLE_LABELS: Readonly<Record<Role, Bilingual>> = {
  clerk: { zh: '窗口人员', en: 'window clerk' },
  approver: { zh: '审批人员', en: 'approver' },
  head: { zh: '负责人', en: 'department head' },
  reviewer: { zh: '回访人员', en: 'review officer' },
  admin: { zh: '管理员', en: 'administrator' },
  system: { zh: '系统', en: 'system' },
};

const PROCEDURES: Readonly<Record<SpecialProcedureKind, Bilingual>> = {
  hearing: { zh: '听证', en: 'hearing' },
  tender: { zh: '招标', en: 'tender' },
  auction: { zh: '拍卖', en: 'auction' },
  inspection: { zh: '检验', en: 'inspection' },
  testing: { zh: '检测', en: 'testing' },
  quarantine: { zh: '检疫', en: 'quarantine' },
  appraisal: { zh: '鉴定', en: 'appraisal' },
  'expert-review': { zh: '专家评审', en: 'expert review' },
};

const RATING_LEVELS: readonly Bilingual[] = [
  { zh: '', en: '' },
  { zh: '非常满意', en: 'very satisfied' },
  { zh: '满意', en: 'satisfied' },
  { zh: '基本满意', en: 'fairly satisfied' },
  { zh: '不满意', en: 'dissatisfied' },
  { zh: '非常不满意', en: 'very dissatisfied' },
];

const LIMITS = {
  statutory: { zh: '法定', en: 'statutory' },
  promised: { zh: '承诺', en: 'promised' },
} as const;

const both = (zh: string, en: string): Bilingual => ({ zh, en });
/** How a timeline names what events refer to by id: materials by the guide, departments by the directory. */
export interface EventNames {
  material(code: string): string;
  department(id: string): string;
}

/** Without a guide or a directory at hand: the ids themselves. */
export const IDS_AS_NAMES: EventNames = { material: (code) => code, department: (id) => id };

const materialList = (names: EventNames, list: readonly { code: string }[] | readonly string[]): string =>
  list.map((m) => names.material(typeof m === 'string' ? m : m.code)).join('、');

/**
 * One line of detail under the title, in words a clerk understands: materials and departments by
 * their names (`with`), never their codes.
 */
export function describeEvent(event: CaseEvent, names: EventNames = IDS_AS_NAMES): Bilingual {
  const codes = (list: readonly { code: string }[] | readonly string[]): string => materialList(names, list);
  switch (event.type) {
    case 'case.Received': {
      const d = event.data;
      return both(
        `${d.applicant.name} 申请「${d.guide.name}」，办件编号 ${d.caseNumber}${d.greenChannel ? '（绿色通道）' : ''}；应于 ${d.correctionNoticeDueBy} 前作出受理决定或一次性告知`,
        `${d.applicant.name} applied for "${d.guide.name}", case ${d.caseNumber}${d.greenChannel ? ' (green channel)' : ''}; acceptance or correction notice due by ${d.correctionNoticeDueBy}`,
      );
    }
    case 'case.Accepted':
    case 'case.DeemedAccepted':
    case 'case.AcceptedWithDeficiency': {
      const d = event.data;
      const extraZh =
        event.type === 'case.AcceptedWithDeficiency'
          ? `；缺 ${codes(event.data.missing)}，须于 ${event.data.supplyBy} 前补齐`
          : '';
      const extraEn =
        event.type === 'case.AcceptedWithDeficiency'
          ? `; missing ${codes(event.data.missing)}, to supply by ${event.data.supplyBy}`
          : '';
      return both(
        `受理凭证 ${d.voucherNumber}；受理日 ${d.acceptedOn}，承诺办结 ${d.promisedDueDate}，法定办结 ${d.statutoryDueDate}${extraZh}`,
        `Voucher ${d.voucherNumber}; accepted on ${d.acceptedOn}, promised by ${d.promisedDueDate}, statutory limit ${d.statutoryDueDate}${extraEn}`,
      );
    }
    case 'case.CorrectionRequested': {
      const list = event.data.items.map((i) => `${names.material(i.code)}（${i.problem}）`).join('；');
      return both(
        `需补正：${list}；请于 ${event.data.correctBy} 前补正`,
        `To correct: ${event.data.items.map((i) => `${names.material(i.code)} (${i.problem})`).join('; ')}; by ${event.data.correctBy}`,
      );
    }
    case 'case.CorrectionSubmitted':
      return both(
        `提交 ${codes(event.data.materials)}${event.data.decideBy ? `；应于 ${event.data.decideBy} 前决定是否受理` : ''}`,
        `Submitted ${codes(event.data.materials)}${event.data.decideBy ? `; acceptance decision due by ${event.data.decideBy}` : ''}`,
      );
    case 'case.CorrectionOverdue':
      return both(
        `补正期限 ${event.data.correctBy} 已过`,
        `Correction deadline ${event.data.correctBy} passed`,
      );
    case 'case.Refused':
      return both(
        `理由：${event.data.reason}；依据：${event.data.legalBasis}${event.data.competentAgency ? `；请向 ${event.data.competentAgency} 申请` : ''}；凭证 ${event.data.voucherNumber}`,
        `Reason: ${event.data.reason}; basis: ${event.data.legalBasis}${event.data.competentAgency ? `; apply to ${event.data.competentAgency}` : ''}; voucher ${event.data.voucherNumber}`,
      );
    case 'case.Withdrawn':
      return both(`理由：${event.data.reason}`, `Reason: ${event.data.reason}`);
    case 'case.DeficiencySupplied':
      return both(
        `补交 ${codes(event.data.materials)}${event.data.remaining.length ? `；仍缺 ${codes(event.data.remaining)}` : '；已补齐'}${event.data.late ? '（逾期）' : ''}`,
        `Supplied ${codes(event.data.materials)}${event.data.remaining.length ? `; still missing ${codes(event.data.remaining)}` : '; complete'}${event.data.late ? ' (late)' : ''}`,
      );
    case 'case.DeficiencyOverdue':
      return both(
        `${event.data.supplyBy} 前未补齐：${codes(event.data.missing)}`,
        `Not supplied by ${event.data.supplyBy}: ${codes(event.data.missing)}`,
      );
    case 'case.TaskCreated':
      return both(
        `「${event.data.label}」环节，${names.department(event.data.department)}，环节时限至 ${event.data.stepDueDate}`,
        `Step "${event.data.label}" for ${names.department(event.data.department)}, step due ${event.data.stepDueDate}`,
      );
    case 'case.TaskClaimed':
      return both(`由 ${event.data.holder.name} 签收`, `Claimed by ${event.data.holder.name}`);
    case 'case.TaskReleased':
      return both(`${event.data.holder.name} 放回任务池`, `Released by ${event.data.holder.name}`);
    case 'case.TaskPassed':
      return both(`意见：${event.data.opinion}`, `Opinion: ${event.data.opinion}`);
    case 'case.TaskReturned':
      return event.data.to === 'front-desk'
        ? both(
            `退回前台补正；理由：${event.data.reason}`,
            `Returned to the front desk for correction: ${event.data.reason}`,
          )
        : both(
            `退回「${event.data.to}」环节；理由：${event.data.reason}`,
            `Returned to step "${event.data.to}": ${event.data.reason}`,
          );
    case 'case.SpecialProcedureStarted': {
      const kind = PROCEDURES[event.data.kind];
      return both(
        `${kind.zh}：${event.data.reason}；预计 ${event.data.expectedDays} 日，期间不计入办理时限`,
        `${kind.en}: ${event.data.reason}; expected ${event.data.expectedDays} days, not counted in the time limit`,
      );
    }
    case 'case.SpecialProcedureEnded':
      return both(
        `结果：${event.data.result}；暂停 ${event.data.suspendedWorkingDays} 个工作日，法定办结顺延至 ${event.data.statutoryDueDate}`,
        `Result: ${event.data.result}; ${event.data.suspendedWorkingDays} working days suspended, statutory limit now ${event.data.statutoryDueDate}`,
      );
    case 'case.Extended':
      return both(
        `经 ${event.data.head.name} 批准延长 ${event.data.days} 个工作日，法定办结由 ${event.data.previousDueDate} 延至 ${event.data.statutoryDueDate}；理由：${event.data.reason}`,
        `${event.data.head.name} extended by ${event.data.days} working days, from ${event.data.previousDueDate} to ${event.data.statutoryDueDate}: ${event.data.reason}`,
      );
    case 'case.SupervisionNoticeSent': {
      const d = event.data;
      const when =
        d.workingDaysLeft > 0
          ? [`距到期还有 ${d.workingDaysLeft} 个工作日`, `${d.workingDaysLeft} working days before it is due`]
          : [`已超期 ${-d.workingDaysLeft} 个工作日`, `${-d.workingDaysLeft} working days past due`];
      return both(
        `${d.by.name} 督办：${d.note}；本环节应于 ${d.stepDueDate} 前办结，${when[0]}`,
        `${d.by.name} sent a supervision notice: ${d.note}; the step is due on ${d.stepDueDate}, ${when[1]}`,
      );
    }
    case 'case.Approved':
      return both(
        `意见：${event.data.opinion}；${event.data.withinStatutoryLimit ? '在法定时限内' : '超过法定时限'}；应于 ${event.data.resultDueBy} 前出件`,
        `Opinion: ${event.data.opinion}; ${event.data.withinStatutoryLimit ? 'within' : 'past'} the statutory limit; result due by ${event.data.resultDueBy}`,
      );
    case 'case.Denied':
      return both(
        `理由：${event.data.reasons.join('；')}；决定书 ${event.data.decisionNumber}；可于 ${event.data.remedies.administrativeReviewDays} 日内向 ${event.data.remedies.reviewAuthority} 申请行政复议，或于 ${event.data.remedies.lawsuitMonths} 个月内向 ${event.data.remedies.court} 提起行政诉讼`,
        `Reasons: ${event.data.reasons.join('; ')}; decision ${event.data.decisionNumber}; administrative review within ${event.data.remedies.administrativeReviewDays} days (${event.data.remedies.reviewAuthority}) or a lawsuit within ${event.data.remedies.lawsuitMonths} months (${event.data.remedies.court})`,
      );
    case 'case.ResultIssued':
      return both(
        `证照编号 ${event.data.certificateNumber}${event.data.electronic ? '（电子证照）' : ''}${event.data.validUntil ? `，有效期至 ${event.data.validUntil}` : ''}${event.data.late ? '（逾期出件）' : ''}`,
        `Certificate ${event.data.certificateNumber}${event.data.electronic ? ' (electronic)' : ''}${event.data.validUntil ? `, valid until ${event.data.validUntil}` : ''}${event.data.late ? ' (late)' : ''}`,
      );
    case 'case.Dispatched': {
      const zh = { window: '窗口领取', courier: '邮寄', electronic: '电子送达' }[event.data.method];
      return both(
        `${zh}${event.data.trackingNumber ? `，运单号 ${event.data.trackingNumber}` : ''}`,
        `${event.data.method}${event.data.trackingNumber ? `, tracking ${event.data.trackingNumber}` : ''}`,
      );
    }
    case 'case.Delivered':
      return both(
        event.data.outcome === 'approved' ? '结果已送达' : '不予许可决定书已送达',
        event.data.outcome === 'approved' ? 'Result delivered' : 'Denial decision delivered',
      );
    case 'case.Rated': {
      const level =
        RATING_LEVELS[event.data.level] ?? both(String(event.data.level), String(event.data.level));
      return both(
        `${level.zh}（${event.data.level}）${event.data.bad ? '，差评' : ''}${event.data.comment ? `：${event.data.comment}` : ''}`,
        `${level.en} (${event.data.level})${event.data.bad ? ', a bad rating' : ''}${event.data.comment ? `: ${event.data.comment}` : ''}`,
      );
    }
    case 'case.ObligationOpened':
      return both(
        `须于 ${event.data.callbackDueAt} 前回访核实，${event.data.rectifyDueBy} 前整改或解释`,
        `Call back by ${event.data.callbackDueAt}; rectify or explain by ${event.data.rectifyDueBy}`,
      );
    case 'case.CallbackRecorded':
      return both(
        `${event.data.verified ? '已核实' : '未核实'}：${event.data.notes}${event.data.late ? '（逾期）' : ''}`,
        `${event.data.verified ? 'Verified' : 'Not verified'}: ${event.data.notes}${event.data.late ? ' (late)' : ''}`,
      );
    case 'case.Rectified':
      return both(
        `整改措施：${event.data.measures}${event.data.late ? '（逾期）' : ''}`,
        `Measures: ${event.data.measures}${event.data.late ? ' (late)' : ''}`,
      );
    case 'case.Explained':
      return both(
        `说明：${event.data.explanation}${event.data.late ? '（逾期）' : ''}`,
        `Explanation: ${event.data.explanation}${event.data.late ? ' (late)' : ''}`,
      );
    case 'case.DecisionWarning':
      return both(
        `${LIMITS[event.data.limit].zh}时限 ${event.data.dueDate}，剩 ${event.data.workingDaysLeft} 个工作日`,
        `${LIMITS[event.data.limit].en} limit ${event.data.dueDate}, ${event.data.workingDaysLeft} working days left`,
      );
    case 'case.DecisionOverdue':
      return both(
        `${LIMITS[event.data.limit].zh}时限 ${event.data.dueDate} 已过`,
        `${LIMITS[event.data.limit].en} limit ${event.data.dueDate} passed`,
      );
    case 'case.ResultIssueOverdue':
      return both(`应于 ${event.data.resultDueBy} 前出件`, `Result was due by ${event.data.resultDueBy}`);
    case 'case.DeadlinesRecalculated': {
      const moved = event.data.changes.filter((c) => c.from !== c.to);
      return both(
        `${event.data.years.join('、')}年：${moved.map((c) => `${c.from} → ${c.to}`).join('；') || '期限不变'}`,
        `${event.data.years.join(', ')}: ${moved.map((c) => `${c.deadline} ${c.from} → ${c.to}`).join('; ') || 'no deadline moved'}`,
      );
    }
    case 'case.ObligationOverdue':
      return event.data.deadline === 'callback'
        ? both(`回访期限 ${event.data.dueAt} 已过`, `Callback was due by ${event.data.dueAt}`)
        : both(`整改期限 ${event.data.dueAt} 已过`, `Rectification was due by ${event.data.dueAt}`);
    default: {
      const unknown: never = event;
      return both(String((unknown as { type: string }).type), String((unknown as { type: string }).type));
    }
  }
}
