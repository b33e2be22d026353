/** 后台分类审批: the department's queue work, special procedures, the one extension, the decision. */
import { EnumField, IntField, LIMITS, NestedField, TextField, TextListField } from '@one-window/shared';
import { SPECIAL_PROCEDURE_KINDS } from '../domain/decide-back-office.js';
import type { SpecialProcedureKind } from '../events.js';
import { defineCommands } from './command-definition.js';
import { RemediesDto } from './parts.schemas.js';

/** A reviewer's opinion (审查意见), which may run to a page. */
export class OpinionDto {
  @TextField(LIMITS.longText)
  opinion!: string;
}

export class ReturnTaskDto {
  @TextField(LIMITS.code, {
    description: 'an earlier step name, or "front-desk" for correction',
    example: 'review',
  })
  to!: string;

  @TextField()
  reason!: string;
}

export class StartSpecialProcedureDto {
  @EnumField(SPECIAL_PROCEDURE_KINDS)
  kind!: SpecialProcedureKind;

  @TextField()
  reason!: string;

  @IntField(1, 365, { description: 'told to the applicant (Art. 45)' })
  expectedDays!: number;
}

export class EndSpecialProcedureDto {
  @TextField(LIMITS.longText)
  result!: string;
}

/** Law Art. 42: once, by the head, with a reason told to the applicant; the decider enforces the limit. */
export class ExtendTimeLimitDto {
  @IntField(1, 60, { description: 'working days (10 by default law; the item may say otherwise)' })
  days!: number;

  @TextField(LIMITS.text, { description: 'told to the applicant' })
  reason!: string;
}

export class DenyCaseDto {
  @TextListField(LIMITS.text, { min: 1, maxItems: 50, description: 'each reason for the denial (Art. 38)' })
  reasons!: string[];

  @NestedField(() => RemediesDto)
  remedies!: RemediesDto;
}

const STAFF = ['approver', 'head'] as const;

export const BACK_OFFICE_COMMANDS = defineCommands({
  ClaimTask: {
    target: 'task',
    route: 'claim',
    roles: STAFF,
    schema: null,
    labels: { zh: '签收', en: 'Claim' },
    summary: 'claim (签收): become the one holder',
    emphasis: 'primary',
  },
  ReleaseTask: {
    target: 'task',
    route: 'release',
    roles: STAFF,
    schema: null,
    labels: { zh: '退签', en: 'Release' },
    summary: 'release the task back to the department queue',
  },
  PassTask: {
    target: 'task',
    route: 'pass',
    roles: STAFF,
    schema: OpinionDto,
    labels: { zh: '通过', en: 'Pass' },
    summary: "pass with an opinion: the next step's task opens",
    emphasis: 'primary',
  },
  ReturnTask: {
    target: 'task',
    route: 'return',
    roles: STAFF,
    schema: ReturnTaskDto,
    labels: { zh: '退回', en: 'Return' },
    summary: 'return to an earlier step, or to the front desk for correction',
  },
  StartSpecialProcedure: {
    target: 'case',
    onCurrentTask: true,
    route: 'special-procedures',
    roles: STAFF,
    schema: StartSpecialProcedureDto,
    labels: { zh: '启动特别程序', en: 'Start special procedure' },
    summary: 'start a special procedure (the decision clock stops, Art. 45)',
  },
  EndSpecialProcedure: {
    target: 'case',
    route: 'special-procedures/:n/end',
    roles: STAFF,
    schema: EndSpecialProcedureDto,
    labels: { zh: '结束特别程序', en: 'End special procedure' },
    summary: 'end special procedure n (the clock runs again)',
  },
  ExtendTimeLimit: {
    target: 'case',
    route: 'extend',
    roles: ['head'],
    schema: ExtendTimeLimitDto,
    labels: { zh: '延期', en: 'Extend' },
    summary: 'extend the decision limit once (head only, Law Art. 42)',
  },
  ApproveCase: {
    target: 'case',
    onCurrentTask: true,
    route: 'approve',
    roles: STAFF,
    schema: OpinionDto,
    labels: { zh: '准予许可', en: 'Approve' },
    summary: 'approve (准予) at the last step',
    emphasis: 'primary',
    irreversible: true,
  },
  DenyCase: {
    target: 'case',
    onCurrentTask: true,
    route: 'deny',
    roles: STAFF,
    schema: DenyCaseDto,
    labels: { zh: '不予许可', en: 'Deny' },
    summary: 'deny (不予许可) with reasons and remedies',
    emphasis: 'danger',
    irreversible: true,
  },
});
