/** 前台综合受理: receipt, acceptance, the one correction notice, refusal, withdrawal, 容缺. */
import {
  BooleanField,
  CodeField,
  DateField,
  EnumField,
  LIMITS,
  ListField,
  NestedField,
  TextField,
} from '@one-window/shared';
import type { ApplicationChannel } from '../events.js';
import { defineCommands } from './command-definition.js';
import {
  ApplicantDto,
  CorrectionItemDto,
  MaterialCodeDto,
  PersonDto,
  SubmittedMaterialDto,
} from './parts.schemas.js';

export const APPLICATION_CHANNELS: readonly ApplicationChannel[] = [
  'window',
  'online',
  'mobile',
  'terminal',
  'agent-point',
];

export class ReceiveApplicationDto {
  @CodeField({ description: 'the service item code (GET /api/catalog/items)' })
  itemCode!: string;

  @CodeField({ optional: true, description: "the receiving hall; a clerk's own hall by default" })
  hall?: string;

  @NestedField(() => ApplicantDto)
  applicant!: ApplicantDto;

  @NestedField(() => PersonDto, { optional: true, description: "someone applying on the applicant's behalf" })
  agent?: PersonDto;

  @EnumField(APPLICATION_CHANNELS)
  channel!: ApplicationChannel;

  @ListField(() => SubmittedMaterialDto, { description: 'each material handed in, and in what form' })
  materials!: SubmittedMaterialDto[];

  @BooleanField({
    optional: true,
    description: 'the applicant authorized fetching shared-source materials (Art. 11(5))',
  })
  sharingAuthorized?: boolean;

  @BooleanField({ optional: true, description: '绿色通道: priority in every queue' })
  greenChannel?: boolean;

  @TextField(100, { optional: true, description: "the booking system's appointment id" })
  appointmentId?: string;
}

export class AcceptWithDeficiencyDto {
  @ListField(() => MaterialCodeDto, { min: 1, description: 'non-key materials on the guide’s 容缺 list' })
  missing!: MaterialCodeDto[];

  @DateField({ description: 'last day to supply them (≤ the promised due date)' })
  supplyBy!: string;

  @BooleanField({ description: 'the applicant signed the commitment (承诺书)' })
  commitmentSigned!: boolean;
}

/** One complete correction notice (一次性告知): every missing or defective material. */
export class RequestCorrectionDto {
  @ListField(() => CorrectionItemDto, {
    min: 1,
    description: 'every missing or defective material, in one notice',
  })
  items!: CorrectionItemDto[];

  @DateField({ optional: true, description: 'deadline for the correction; the policy default otherwise' })
  correctBy?: string;
}

/** Materials handed in later: a correction, or deficient materials supplied. */
export class MaterialsDto {
  @ListField(() => SubmittedMaterialDto, { min: 1 })
  materials!: SubmittedMaterialDto[];
}

export class RefuseCaseDto {
  @TextField(LIMITS.text, { example: '申请事项不属于本机关职权范围' })
  reason!: string;

  @TextField(1000, { example: '《中华人民共和国行政许可法》第三十二条' })
  legalBasis!: string;

  @TextField(LIMITS.line, { optional: true, description: 'the competent agency, where there is one' })
  competentAgency?: string;
}

export class ReasonDto {
  @TextField()
  reason!: string;
}

export const FRONT_DESK_COMMANDS = defineCommands({
  ReceiveApplication: {
    target: 'new',
    route: '',
    roles: ['clerk'],
    schema: ReceiveApplicationDto,
    labels: { zh: '收件', en: 'Receive' },
    summary: 'receive an application (收件)',
  },
  AcceptCase: {
    target: 'case',
    route: 'accept',
    roles: ['clerk'],
    schema: null,
    labels: { zh: '受理', en: 'Accept' },
    summary: 'accept (受理, Law Art. 32)',
    emphasis: 'primary',
    irreversible: true,
  },
  AcceptWithDeficiency: {
    target: 'case',
    route: 'accept-with-deficiency',
    roles: ['clerk'],
    schema: AcceptWithDeficiencyDto,
    labels: { zh: '容缺受理', en: 'Accept with deficiency' },
    summary: 'accept with deficiency (容缺受理)',
    // An acceptance like 受理: the form says it cannot be undone before its 确认.
    irreversible: true,
  },
  RequestCorrection: {
    target: 'case',
    route: 'request-correction',
    roles: ['clerk'],
    schema: RequestCorrectionDto,
    labels: { zh: '一次性告知补正', en: 'Correction notice' },
    summary: 'one complete correction notice (一次性告知补正)',
  },
  SubmitCorrection: {
    target: 'case',
    route: 'submit-correction',
    roles: ['clerk'],
    schema: MaterialsDto,
    labels: { zh: '补正材料', en: 'Record correction' },
    summary: 'record the corrected materials',
  },
  RefuseCase: {
    target: 'case',
    route: 'refuse',
    roles: ['clerk'],
    schema: RefuseCaseDto,
    labels: { zh: '不予受理', en: 'Refuse' },
    summary: 'refuse to accept (不予受理)',
    emphasis: 'danger',
    irreversible: true,
  },
  WithdrawCase: {
    target: 'case',
    route: 'withdraw',
    roles: ['clerk'],
    schema: ReasonDto,
    labels: { zh: '撤回申请', en: 'Withdraw' },
    summary: "record the applicant's withdrawal (撤回)",
    emphasis: 'danger',
    // It ends the case.
    irreversible: true,
  },
  SupplyDeficiency: {
    target: 'case',
    route: 'supply-deficiency',
    roles: ['clerk'],
    schema: MaterialsDto,
    labels: { zh: '补齐容缺材料', en: 'Supply missing materials' },
    summary: 'record materials supplied after an acceptance with deficiency',
  },
});
