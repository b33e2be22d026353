import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
  ArrayMaxSize,
} from 'class-validator';
import type { ApplicationChannel } from '../../events.js';
import { AgentDto } from './agent.dto.js';
import { ApplicantDto } from './applicant.dto.js';
import { SubmittedMaterialDto } from './submitted-material.dto.js';

export class ReceiveApplicationDto {
  @IsString() @IsNotEmpty() @MaxLength(64) itemCode!: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) hall?: string;
  @ValidateNested() @Type(() => ApplicantDto) applicant!: ApplicantDto;
  @IsOptional() @ValidateNested() @Type(() => AgentDto) agent?: AgentDto;
  @IsIn(['window', 'online', 'mobile', 'terminal', 'agent-point']) channel!: ApplicationChannel;
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SubmittedMaterialDto)
  materials!: SubmittedMaterialDto[];
  @IsOptional() @IsBoolean() sharingAuthorized?: boolean;
  @IsOptional() @IsBoolean() greenChannel?: boolean;
  @IsOptional() @IsString() @MaxLength(100) appointmentId?: string;
}
