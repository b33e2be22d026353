import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ExplainObligationDto {
  @IsString() @IsNotEmpty() @MaxLength(4000) explanation!: string;
}
