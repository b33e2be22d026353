import { DateField, ListField } from '../../http/fields.js';
import { CorrectionItemDto } from './correction-item.dto.js';

export class RequestCorrectionDto {
  @ListField(() => CorrectionItemDto, {
    min: 1,
    description: 'every missing or defective material, in one notice',
  })
  items!: CorrectionItemDto[];

  @DateField({ optional: true, description: 'deadline for the correction; the policy default otherwise' })
  correctBy?: string;
}
