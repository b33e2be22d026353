import { IsIn } from 'class-validator';
import type { DecisionLimit } from '../../events.js';

export class DecisionLimitDto {
  @IsIn(['statutory', 'promised']) limit!: DecisionLimit;
}
