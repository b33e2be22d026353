/** 综合窗口出件, then 好差评 and a bad rating's follow-up (Art. 36). */
import {
  BooleanField,
  DateField,
  EnumField,
  IntField,
  LIMITS,
  NestedField,
  TextField,
} from '@one-window/shared';
import { RATING_CHANNELS, RATING_STAGES } from '../domain/decide-rating.js';
import type { DispatchMethod, RatingChannel, RatingLevel, RatingStage, RecipientKind } from '../events.js';
import { defineCommands } from './command-definition.js';

export const DISPATCH_METHODS: readonly DispatchMethod[] = ['window', 'courier', 'electronic'];

export class IssueResultDto {
  @TextField(100, { example: 'JY15010220260001' })
  certificateNumber!: string;

  @DateField({ optional: true })
  validUntil?: string;

  @BooleanField({ description: 'issued as an electronic certificate with an electronic seal' })
  electronic!: boolean;
}

export class DispatchResultDto {
  @EnumField(DISPATCH_METHODS)
  method!: DispatchMethod;

  @TextField(100, { optional: true, description: 'courier tracking number' })
  trackingNumber?: string;
}

export const RECIPIENT_KINDS: readonly RecipientKind[] = ['applicant', 'agent'];

/** Who collected the result: the applicant in person, or an agent by the agent's own name and ID. */
export class RecipientDto {
  @EnumField(RECIPIENT_KINDS, {
    description: 'applicant: in person (the applicant’s ID); agent: someone else',
  })
  collectedBy!: RecipientKind;

  @TextField(LIMITS.name, { example: '张伟' })
  name!: string;

  @TextField(50, { example: 'resident-id', description: 'resident-id, passport, uscc, …' })
  idType!: string;

  @TextField(50, { example: '150102199001011234' })
  idNumber!: string;
}

export class DeliverResultDto {
  @NestedField(() => RecipientDto, {
    optional: true,
    description: 'who collected the result; required when it was handed out at the window',
  })
  recipient?: RecipientDto;
}

export class RateServiceDto {
  @IntField(1, 5, { description: '1 非常满意 … 5 非常不满意; 4 and 5 are a bad rating (差评)' })
  level!: RatingLevel;

  @EnumField(RATING_CHANNELS)
  channel!: RatingChannel;

  @TextField(LIMITS.text, { optional: true })
  comment?: string;

  @EnumField(RATING_STAGES, { optional: true })
  stage?: RatingStage;
}

export class RecordCallbackDto {
  @TextField(LIMITS.longText)
  notes!: string;

  @BooleanField({ description: 'the complaint was verified with the applicant' })
  verified!: boolean;
}

export class RectifyObligationDto {
  @TextField(LIMITS.longText)
  measures!: string;
}

export class ExplainObligationDto {
  @TextField(LIMITS.longText)
  explanation!: string;
}

export const DELIVERY_COMMANDS = defineCommands({
  IssueResult: {
    target: 'case',
    route: 'issue-result',
    roles: ['clerk', 'approver', 'head'],
    schema: IssueResultDto,
    labels: { zh: '制证出证', en: 'Issue result' },
    summary: 'issue the result (licence, certificate) within 10 working days (Art. 44)',
    emphasis: 'primary',
  },
  DispatchResult: {
    target: 'case',
    route: 'dispatch',
    roles: ['clerk'],
    schema: DispatchResultDto,
    labels: { zh: '送达方式', en: 'Dispatch' },
    summary: 'hand out: at the window, by courier or electronically',
  },
  DeliverResult: {
    target: 'case',
    route: 'deliver',
    roles: ['clerk'],
    schema: DeliverResultDto,
    labels: { zh: '确认领取', en: 'Delivered' },
    summary: 'picked up / received: the case is completed (办结)',
    emphasis: 'primary',
    irreversible: true,
  },
  RateService: {
    target: 'case',
    route: 'rate',
    roles: ['clerk'],
    schema: RateServiceDto,
    labels: { zh: '评价', en: 'Record rating' },
    summary: "record the applicant's rating (好差评); 4–5 open a review obligation",
  },
  RecordCallback: {
    target: 'obligation',
    route: 'callback',
    roles: ['reviewer'],
    schema: RecordCallbackDto,
    labels: { zh: '回访核实', en: 'Record callback' },
    summary: 'record the callback (回访核实), within 48 hours',
  },
  RectifyObligation: {
    target: 'obligation',
    route: 'rectify',
    roles: ['reviewer'],
    schema: RectifyObligationDto,
    labels: { zh: '整改', en: 'Rectify' },
    summary: 'record the rectification (整改), within 15 natural days',
  },
  ExplainObligation: {
    target: 'obligation',
    route: 'explain',
    roles: ['reviewer'],
    schema: ExplainObligationDto,
    labels: { zh: '解释说明', en: 'Explain' },
    summary: 'explain (a complaint without legal basis)',
  },
});
