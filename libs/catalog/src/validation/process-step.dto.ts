import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { NonBlankText } from './rule.js';
import type { ApproverRole, ProcessStep } from '../guide.js';
import { KEBAB } from './material.dto.js';

export const APPROVER_ROLES: readonly ApproverRole[] = ['approver', 'head'];

/** One back-office step (Art. 9): its own time limit, review standard and result. */
export class ProcessStepDto implements ProcessStep {
  @Matches(KEBAB, { message: 'must be a kebab-case step name, e.g. "review"' })
  @IsString()
  name!: string;

  @NonBlankText()
  label!: string;

  @NonBlankText()
  department!: string;

  @IsIn(APPROVER_ROLES)
  role!: ApproverRole;

  @Min(0)
  @IsInt({ message: 'every step needs its own time limit in working days (Art. 9)' })
  timeLimitDays!: number;

  @NonBlankText({ message: 'every step needs its own review standard (Art. 9)' })
  reviewStandard!: string;

  @NonBlankText({ message: 'every step needs its own result (Art. 9)' })
  result!: string;

  /** 常用意见 (at most 20, each at most 500 characters: an opinion is chosen, then edited). */
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(500, { each: true })
  @NonBlankText({ each: true })
  @IsArray()
  standardOpinions?: string[];
}
