import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsBusinessDate } from './date-only.js';

export class IssueResultDto {
  @IsString() @IsNotEmpty() @MaxLength(100) certificateNumber!: string;
  @IsOptional() @IsBusinessDate() validUntil?: string;
  @IsBoolean() electronic!: boolean;
}
