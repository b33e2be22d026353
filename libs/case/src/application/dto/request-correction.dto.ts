import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { CorrectionItemDto } from './correction-item.dto.js';
import { IsBusinessDate } from './date-only.js';

/** One complete correction notice (一次性告知): every missing or defective material. */
export class RequestCorrectionDto {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CorrectionItemDto)
  items!: CorrectionItemDto[];
  @IsOptional() @IsBusinessDate() correctBy?: string;
}
