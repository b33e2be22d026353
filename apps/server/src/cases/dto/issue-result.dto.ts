import { BooleanField, DateField, TextField } from '../../http/fields.js';
import { LIMITS } from '../../http/limits.js';

export class IssueResultDto {
  @TextField(LIMITS.code, { example: 'JY15010220260001' })
  certificateNumber!: string;

  @DateField({ optional: true })
  validUntil?: string;

  @BooleanField({ description: 'issued as an electronic certificate with an electronic seal' })
  electronic!: boolean;
}
