import { EnumField, TextField } from '../../http/fields.js';
import { LIMITS } from '../../http/limits.js';
import { PageQueryDto } from '../../http/page-query.dto.js';

export class TaskQueryDto extends PageQueryDto {
  @EnumField(['mine', 'department'], {
    optional: true,
    description: 'mine: held by you; department: your department (default)',
  })
  queue?: 'mine' | 'department';

  @EnumField(['open', 'claimed'], { optional: true })
  status?: 'open' | 'claimed';

  @TextField(LIMITS.line, {
    optional: true,
    description: 'where the previous page ended: its nextCursor (page is then ignored)',
  })
  cursor?: string;
}
