import { BooleanField, DateField, ListField } from '../../http/fields.js';
import { MaterialCodeDto } from './material-code.dto.js';

export class AcceptWithDeficiencyDto {
  @ListField(() => MaterialCodeDto, { min: 1, description: 'non-key materials on the guide’s 容缺 list' })
  missing!: MaterialCodeDto[];

  @DateField({ description: 'last day to supply them (≤ the promised due date)' })
  supplyBy!: string;

  @BooleanField({ description: 'the applicant signed the commitment (承诺书)' })
  commitmentSigned!: boolean;
}
