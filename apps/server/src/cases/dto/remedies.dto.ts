import { TextField } from '../../http/fields.js';
import { LIMITS } from '../../http/limits.js';

/** Where the applicant may turn (Art. 38): administrative review within 60 days, a lawsuit within 6 months. */
export class RemediesDto {
  @TextField(LIMITS.line, { example: '呼和浩特市人民政府' })
  reviewAuthority!: string;

  @TextField(LIMITS.line, { example: '呼和浩特市新城区人民法院' })
  court!: string;
}
