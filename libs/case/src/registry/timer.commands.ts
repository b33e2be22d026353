/** Deadline commands: sent only by the durable scheduler (ADR 7), never over HTTP. */
import { EnumField } from '@one-window/shared';
import type { DecisionLimit } from '../events.js';
import { defineCommands } from './command-definition.js';

export class DecisionLimitDto {
  @EnumField(['statutory', 'promised'])
  limit!: DecisionLimit;
}

export class ObligationDeadlineDto {
  @EnumField(['callback', 'rectification'])
  deadline!: 'callback' | 'rectification';
}

const timer = (target: 'case' | 'obligation', schema: (new () => object) | null, zh: string, en: string) => ({
  target,
  route: null,
  roles: ['system'] as const,
  schema,
  labels: { zh, en },
  summary: en,
});

export const TIMER_COMMANDS = defineCommands({
  DeemAccepted: timer('case', null, '视为受理', 'Deemed accepted (Law Art. 32)'),
  MarkCorrectionOverdue: timer('case', null, '补正逾期', 'Correction overdue'),
  MarkDeficiencyOverdue: timer('case', null, '容缺材料逾期', 'Deficient materials overdue'),
  MarkDecisionWarning: timer('case', DecisionLimitDto, '办理时限预警', 'Decision limit near'),
  MarkDecisionOverdue: timer('case', DecisionLimitDto, '办理超期', 'Decision limit passed'),
  MarkResultIssueOverdue: timer('case', null, '出证逾期', 'Result issue overdue (Art. 44)'),
  MarkObligationOverdue: timer('obligation', ObligationDeadlineDto, '回访/整改逾期', 'Obligation overdue'),
  RecalculateDeadlines: timer(
    'case',
    null,
    '按正式节假日安排重新计算期限',
    'Deadlines recalculated on a newly loaded holiday schedule (ADR 12)',
  ),
});
