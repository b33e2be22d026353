import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, ValidateNested } from 'class-validator';
import { IsBusinessDate } from './date-only.js';
import { MaterialCodeDto } from './material-code.dto.js';

export class AcceptWithDeficiencyDto {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MaterialCodeDto)
  missing!: MaterialCodeDto[];
  @IsBusinessDate() supplyBy!: string;
  @IsBoolean() commitmentSigned!: boolean;
}
