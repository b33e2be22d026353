// class-transformer's @Type reads design metadata.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CASE_KINDS,
  type CaseKind,
  HANDLING_FORMS,
  type HandlingForm,
  ITEM_TYPES,
  type ItemType,
  LEVELS,
  type Level,
  type ServiceGuide,
} from '../guide.js';
import { FeeDto } from './fee.dto.js';
import { MaterialDto } from './material.dto.js';
import { ProcessStepDto } from './process-step.dto.js';
import { NonBlankText, Rule } from './rule.js';

const SERVICE_TARGETS = ['natural-person', 'legal-person'] as const;
const SCOPES = ['none', 'league', 'region', 'national'] as const;

const onTheSpot = (g: ServiceGuideDto) => g.caseKind === 'on-the-spot';
const isInt = (v: unknown): v is number => Number.isInteger(v);

/** A time limit is 0 for an on-the-spot item (即办件), and `promised` (at least 1 working day) for a promised one. */
const LimitMatchesKind = (name: string, promised: (v: unknown) => boolean) =>
  Rule<ServiceGuideDto>(
    name,
    (v, g) => (onTheSpot(g) ? v === 0 : promised(v)),
    (_v, g) =>
      onTheSpot(g)
        ? 'must be 0 for an on-the-spot item (即办件)'
        : 'must be at least 1 working day for a promised item (承诺件)',
  );

/** A service guide with every Art. 10 element and the DOMAIN §3 rules that concern one guide. */
export class ServiceGuideDto implements ServiceGuide {
  @NonBlankText()
  code!: string;

  @Min(1)
  @IsInt()
  version!: number;

  @NonBlankText()
  name!: string;

  @IsString()
  @IsOptional()
  nameEn?: string;

  @IsIn(ITEM_TYPES, { message: 'must be a GB/T 39046 A.1 item type: 01–10 or 20' })
  itemType!: ItemType;

  @IsIn(LEVELS, { message: 'must be a GB/T 39046 level from 2 (region) to 6 (village)' })
  level!: Level;

  @IsIn(CASE_KINDS, { message: 'must be "on-the-spot" (即办件) or "promised" (承诺件)' })
  caseKind!: CaseKind;

  @NonBlankText()
  legalBasis!: string;

  @NonBlankText()
  implementingAgency!: string;

  @NonBlankText()
  department!: string;

  @NonBlankText()
  acceptanceConditions!: string;

  @IsIn(SERVICE_TARGETS, { each: true })
  @ArrayUnique()
  @ArrayMinSize(1)
  @IsArray()
  serviceTarget!: ('natural-person' | 'legal-person')[];

  @LimitMatchesKind('statutoryMatchesKind', (v) => isInt(v) && v >= 1)
  @Min(0)
  @IsInt()
  statutoryLimitDays!: number;

  @Rule<ServiceGuideDto>(
    'promisedWithinStatutory',
    (v, g) => !isInt(g.statutoryLimitDays) || (v as number) <= g.statutoryLimitDays,
    (v, g) => `the promised limit (${String(v)}) exceeds the statutory limit (${g.statutoryLimitDays})`,
  )
  @LimitMatchesKind('promisedMatchesKind', (v) => (v as number) >= 1)
  @Min(0)
  @IsInt()
  promisedLimitDays!: number;

  @NonBlankText()
  resultName!: string;

  /** 结果样本 (Art. 10): a sample of the result, so the applicant knows what they will get. */
  @NonBlankText({ message: 'every guide needs its result sample (结果样本, Art. 10)' })
  resultSample!: string;

  @ValidateNested()
  @Type(() => FeeDto)
  @IsObject()
  fee!: FeeDto;

  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  @IsArray()
  materials!: MaterialDto[];

  @Rule<ServiceGuideDto>(
    'stepsWithinPromised',
    (v, g) => {
      const limits = (v as ProcessStepDto[]).map((s) => s?.timeLimitDays);
      if (!limits.every(isInt) || !isInt(g.promisedLimitDays)) return true;
      return limits.reduce((a, b) => a + b, 0) <= g.promisedLimitDays;
    },
    (v, g) =>
      `the steps' time limits add up to ${(v as ProcessStepDto[]).reduce((a, s) => a + s.timeLimitDays, 0)} working days, more than the promised limit (${g.promisedLimitDays})`,
  )
  @Rule<ServiceGuideDto>(
    'oneStepOnTheSpot',
    (v, g) => !onTheSpot(g) || (v as unknown[]).length === 1,
    'an on-the-spot item (即办件) has exactly one step',
  )
  @ValidateNested({ each: true })
  @Type(() => ProcessStepDto)
  @ArrayMinSize(1, { message: 'a guide needs at least one process step (Art. 9)' })
  @IsArray()
  steps!: ProcessStepDto[];

  @IsIn(HANDLING_FORMS, { each: true })
  @ArrayUnique()
  @ArrayMinSize(1)
  @IsArray()
  handlingForms!: HandlingForm[];

  @IsIn(SCOPES)
  crossRegionScope!: (typeof SCOPES)[number];

  @IsBoolean()
  appointment!: boolean;

  @Rule<ServiceGuideDto>(
    'onlinePaymentNeedsFee',
    (v, g) => v !== true || g.fee?.charged === true,
    'a free item offers no online payment',
  )
  @IsBoolean()
  onlinePayment!: boolean;

  @IsBoolean()
  courierDelivery!: boolean;

  @Rule<ServiceGuideDto>(
    'jointHandlingSpansDepartments',
    (v, g) => v !== true || new Set((g.steps ?? []).map((s) => s.department)).size > 1,
    'joint handling (Art. 26) needs steps in more than one department',
  )
  @IsBoolean()
  @IsOptional()
  jointHandling?: boolean;

  @NonBlankText()
  place!: string;

  @NonBlankText()
  hours!: string;

  @NonBlankText()
  enquiry!: string;

  @NonBlankText()
  complaint!: string;

  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be a date YYYY-MM-DD' })
  @IsOptional()
  effectiveFrom?: string;

  @NonBlankText({ message: 'from version 2 on, a guide says what changed and why (Art. 13)' })
  @ValidateIf((g: ServiceGuideDto) => (isInt(g.version) && g.version > 1) || g.changeNote !== undefined)
  changeNote?: string;

  @IsBoolean()
  @IsOptional()
  demo?: boolean;

  @IsString()
  @IsOptional()
  demoNote?: string;
}
