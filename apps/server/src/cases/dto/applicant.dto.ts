import type { ApplicantKind } from '@one-window/case';
import { EnumField } from '../../http/fields.js';
import { PersonDto } from './person.dto.js';

export const APPLICANT_KINDS: readonly ApplicantKind[] = ['natural-person', 'legal-person'];

export class ApplicantDto extends PersonDto {
  @EnumField(APPLICANT_KINDS)
  kind!: ApplicantKind;
}
