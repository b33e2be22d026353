import { SPECIAL_PROCEDURE_KINDS, type SpecialProcedureKind } from '@one-window/case';
import { EnumField, IntField, TextField } from '../../http/fields.js';

export class StartSpecialProcedureDto {
  @EnumField(SPECIAL_PROCEDURE_KINDS)
  kind!: SpecialProcedureKind;

  @TextField()
  reason!: string;

  @IntField(1, 365, { description: 'told to the applicant (Art. 45)' })
  expectedDays!: number;
}
