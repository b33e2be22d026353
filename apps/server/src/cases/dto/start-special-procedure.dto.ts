import type { SpecialProcedureKind } from '@one-window/case';
import { EnumField, IntField, TextField } from '../../http/fields.js';

export const SPECIAL_PROCEDURE_KINDS: readonly SpecialProcedureKind[] = [
  'hearing',
  'tender',
  'auction',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expert-review',
];

export class StartSpecialProcedureDto {
  @EnumField(SPECIAL_PROCEDURE_KINDS)
  kind!: SpecialProcedureKind;

  @TextField()
  reason!: string;

  @IntField(1, 365, { description: 'told to the applicant (Art. 45)' })
  expectedDays!: number;
}
