import { ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUS_INFO, CASE_STATUSES, type CaseStage, type CaseStatus } from '@one-window/case';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { BooleanField, DateField, EnumField, TextField } from '../../http/fields.js';
import { LIMITS } from '../../http/limits.js';
import { PageQueryDto } from '../../http/page-query.dto.js';

/** The stages of one window and the ways a case ends, in the statechart's order (its statuses' stages). */
const STAGES: readonly CaseStage[] = [...new Set(CASE_STATUS_INFO.map(({ stage }) => stage))];

export class CaseListQueryDto extends PageQueryDto {
  @TextField(LIMITS.code, { optional: true, description: 'a hall id (within your scope)' })
  hall?: string;

  @TextField(LIMITS.code, { optional: true, description: 'a department id (within your scope)' })
  department?: string;

  @ApiPropertyOptional({
    description: 'one case machine status or several, comma-separated',
    example: 'delivery.awaitingResult,denied',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').filter(Boolean) : value,
  )
  @IsArray()
  @ArrayMaxSize(CASE_STATUSES.length)
  @IsIn(CASE_STATUSES, { each: true, message: `status must be among: ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus[];

  @EnumField(STAGES, { optional: true })
  stage?: CaseStage;

  @TextField(LIMITS.code, { optional: true, description: 'an item code' })
  item?: string;

  @EnumField(['none', 'yellow', 'red'], { optional: true })
  warning?: 'none' | 'yellow' | 'red';

  @TextField(LIMITS.name, { optional: true, description: 'text in the case number or the applicant name' })
  q?: string;

  @TextField(LIMITS.code, {
    optional: true,
    description: "the applicant's ID number, whole or its last digits (at least 4)",
  })
  idNumber?: string;

  @TextField(LIMITS.line, {
    optional: true,
    description: 'where the previous page ended: its nextCursor (page is then ignored)',
  })
  cursor?: string;

  @DateField({ optional: true })
  receivedFrom?: string;

  @DateField({ optional: true })
  receivedTo?: string;

  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @BooleanField({ optional: true })
  greenChannel?: boolean;
}
