import type { ApplicationChannel } from '@one-window/case';
import { BooleanField, CodeField, EnumField, ListField, NestedField } from '../../http/fields.js';
import { ApplicantDto } from './applicant.dto.js';
import { PersonDto } from './person.dto.js';
import { SubmittedMaterialDto } from './submitted-material.dto.js';

export const CHANNELS: readonly ApplicationChannel[] = [
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

  @EnumField(CHANNELS)
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

  @CodeField({ optional: true })
  appointmentId?: string;
}
