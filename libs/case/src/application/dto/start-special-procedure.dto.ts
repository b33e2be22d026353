import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import type { SpecialProcedureKind } from '../../events.js';

export class StartSpecialProcedureDto {
  @IsIn(['hearing', 'tender', 'auction', 'inspection', 'testing', 'quarantine', 'appraisal', 'expert-review'])
  kind!: SpecialProcedureKind;
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  @IsInt() @Min(1) @Max(365) expectedDays!: number;
}
