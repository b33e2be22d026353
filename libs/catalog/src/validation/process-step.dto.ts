import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Min } from 'class-validator';
import type { ApproverRole, ProcessStep } from '../guide.js';
import { KEBAB } from './material.dto.js';

export const APPROVER_ROLES: readonly ApproverRole[] = ['approver', 'head'];

/** One back-office step (Art. 9): its own time limit, review standard and result. */
export class ProcessStepDto implements ProcessStep {
  @Matches(KEBAB, { message: 'must be a kebab-case step name, e.g. "review"' })
  @IsString()
  name!: string;

  @IsNotEmpty()
  @IsString()
  label!: string;

  @IsNotEmpty()
  @IsString()
  department!: string;

  @IsIn(APPROVER_ROLES)
  role!: ApproverRole;

  @Min(0)
  @IsInt({ message: 'every step needs its own time limit in working days (Art. 9)' })
  timeLimitDays!: number;

  @IsNotEmpty({ message: 'every step needs its own review standard (Art. 9)' })
  @IsString({ message: 'every step needs its own review standard (Art. 9)' })
  reviewStandard!: string;

  @IsNotEmpty({ message: 'every step needs its own result (Art. 9)' })
  @IsString({ message: 'every step needs its own result (Art. 9)' })
  result!: string;
}
