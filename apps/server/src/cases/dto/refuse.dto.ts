import { TextField } from '../../http/fields.js';
import { LIMITS } from '../../http/limits.js';

export class RefuseDto {
  @TextField(LIMITS.text, { example: '申请事项不属于本机关职权范围' })
  reason!: string;

  @TextField(LIMITS.line, { example: '《中华人民共和国行政许可法》第三十二条' })
  legalBasis!: string;

  @TextField(LIMITS.line, { optional: true, description: 'the competent agency, where there is one' })
  competentAgency?: string;
}
