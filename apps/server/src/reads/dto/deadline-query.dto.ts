import { EnumField, TextField } from '../../http/fields.js';
import { LIMITS } from '../../http/limits.js';
import { PageQueryDto } from '../../http/page-query.dto.js';

export class DeadlineQueryDto extends PageQueryDto {
  @EnumField(['decision', 'acceptance'], {
    optional: true,
    description:
      "decision: the promised and statutory limits (default); acceptance: the acceptance decision's 5 working days (Law Art. 32) of cases received or whose correction was handed in",
  })
  deadline?: 'decision' | 'acceptance';

  @EnumField(['yellow', 'red'], {
    optional: true,
    description: 'yellow: near the limit; red: past it; both by default',
  })
  warning?: 'yellow' | 'red';

  @TextField(LIMITS.code, { optional: true })
  hall?: string;

  @TextField(LIMITS.code, { optional: true })
  department?: string;

  @TextField(LIMITS.code, { optional: true })
  item?: string;

  @TextField(LIMITS.line, {
    optional: true,
    description: 'where the previous page ended: its nextCursor (page is then ignored)',
  })
  cursor?: string;
}
