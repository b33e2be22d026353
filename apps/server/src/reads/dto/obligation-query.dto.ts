import { EnumField } from '../../http/fields.js';
import { PageQueryDto } from '../../http/page-query.dto.js';

export class ObligationQueryDto extends PageQueryDto {
  @EnumField(['open', 'overdue', 'closed'], { optional: true })
  status?: 'open' | 'overdue' | 'closed';
}
