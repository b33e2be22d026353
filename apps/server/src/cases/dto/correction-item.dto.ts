import { CodeField, TextField } from '../../http/fields.js';
import { LIMITS } from '../../http/limits.js';

export class CorrectionItemDto {
  @CodeField({ example: 'M02' })
  code!: string;

  @TextField(LIMITS.line, { example: '复印件不清晰，请提交清晰复印件' })
  problem!: string;
}
