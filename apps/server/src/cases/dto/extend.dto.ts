import { IntField, TextField } from '../../http/fields.js';

export class ExtendDto {
  @IntField(1, 60, { description: 'working days (10 by default law; the item may say otherwise)' })
  days!: number;

  @TextField(undefined, { description: 'told to the applicant' })
  reason!: string;
}
