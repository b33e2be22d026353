/** Parts that several command bodies share: people, materials, remedies. Limits: ADR 0010. */
import { CodeField, EnumField, LIMITS, PatternField, TextField } from '@one-window/shared';
import type { ApplicantKind, MaterialForm } from '../events.js';

export const APPLICANT_KINDS: readonly ApplicantKind[] = ['natural-person', 'legal-person'];
export const MATERIAL_FORMS: readonly MaterialForm[] = ['original', 'copy', 'electronic', 'shared'];

/** Who applies, or who applies on their behalf (代办帮办). */
export class PersonDto {
  @TextField(LIMITS.name, { example: '张伟' })
  name!: string;

  @TextField(50, {
    example: 'resident-id',
    description: 'resident-id, passport, uscc (unified social credit code), …',
  })
  idType!: string;

  @TextField(50, { example: '150102199001011234' })
  idNumber!: string;

  @PatternField(/^[0-9+\- ]{5,30}$/, 'phone must be 5–30 digits, spaces, "+" or "-"', {
    example: '13800000000',
    maxLength: 30,
  })
  phone!: string;
}

export class ApplicantDto extends PersonDto {
  @EnumField(APPLICANT_KINDS)
  kind!: ApplicantKind;
}

export class SubmittedMaterialDto {
  @CodeField({ description: "a material code of the item's guide", example: 'M01' })
  code!: string;

  @EnumField(MATERIAL_FORMS, { description: '`shared`: fetched from a data-sharing source' })
  form!: MaterialForm;
}

export class MaterialCodeDto {
  @CodeField({ example: 'M03' })
  code!: string;
}

export class CorrectionItemDto {
  @CodeField({ example: 'M02' })
  code!: string;

  @TextField(LIMITS.text, { example: '复印件不清晰，请提交清晰复印件' })
  problem!: string;
}

/** Where the applicant may turn (Art. 38): administrative review within 60 days, a lawsuit within 6 months. */
export class RemediesDto {
  @TextField(LIMITS.line, { example: '呼和浩特市人民政府' })
  reviewAuthority!: string;

  @TextField(LIMITS.line, { example: '呼和浩特市新城区人民法院' })
  court!: string;
}
