import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsOptional } from 'class-validator';
import { IntField } from '../../http/fields.js';
import { ReadQueryDto } from '../../http/read-query.dto.js';

export class HistoryQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'the case as it was at this instant' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'at must be an ISO-8601 time, e.g. 2026-03-02T09:30:00+08:00' })
  at?: string;

  @Type(() => Number)
  @IntField(0, 1_000_000, {
    optional: true,
    description: 'the case as it was after this stream revision (0 = receipt)',
  })
  revision?: number;
}
