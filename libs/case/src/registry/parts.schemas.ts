/** Parts that several command bodies share: people, materials, remedies. Limits: ADR 0010. */
import { CodeField, EnumField, LIMITS, ListField, PatternField, TextField } from '@one-window/shared';
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

/** A file uploaded first (POST /api/blobs), attached to a material by its hash (ADR 16). */
export class AttachedFileDto {
  @PatternField(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits (the answer of POST /api/blobs)', {
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    maxLength: 64,
  })
  sha256!: string;

  @TextField(255, { example: '身份证.pdf', description: 'the name it was uploaded under' })
  name!: string;
}

export class SubmittedMaterialDto {
  @CodeField({ description: "a material code of the item's guide", example: 'M01' })
  code!: string;

  @EnumField(MATERIAL_FORMS, { description: '`shared`: fetched from a data-sharing source' })
  form!: MaterialForm;

  @ListField(() => AttachedFileDto, {
    optional: true,
    max: 20,
    description: 'scans of this material, uploaded first (POST /api/blobs), by hash',
  })
  files?: AttachedFileDto[];
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
