import { IsIn } from 'class-validator';

export class ObligationDeadlineDto {
  @IsIn(['callback', 'rectification']) deadline!: 'callback' | 'rectification';
}
