import { DateField, EnumField } from '../../http/fields.js';
import { ReadQueryDto } from '../../http/read-query.dto.js';

export class StatsQueryDto extends ReadQueryDto {
  @DateField({
    description: 'first day (China date); default the first day of the current month',
    optional: true,
  })
  from?: string;

  @DateField({
    description: 'last day (China date); default the last day of the current month',
    optional: true,
  })
  to?: string;

  @EnumField(['item', 'hall', 'department'], { optional: true })
  groupBy?: 'item' | 'hall' | 'department';
}
