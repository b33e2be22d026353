import { OBLIGATION_STATUS_FILTERS, type ObligationStatusFilter } from '@one-window/read-models';
import { EnumField } from '../../http/fields.js';
import { PageQueryDto } from '../../http/page-query.dto.js';

export class ObligationQueryDto extends PageQueryDto {
  @EnumField(OBLIGATION_STATUS_FILTERS, { optional: true })
  status?: ObligationStatusFilter;
}
