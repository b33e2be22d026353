import { EnumField } from '../../http/fields.js';
import { PageQueryDto } from '../../http/page-query.dto.js';

export class TaskQueryDto extends PageQueryDto {
  @EnumField(['mine', 'department'], {
    optional: true,
    description: 'mine: held by you; department: your department (default)',
  })
  queue?: 'mine' | 'department';

  @EnumField(['open', 'claimed'], { optional: true })
  status?: 'open' | 'claimed';
}
