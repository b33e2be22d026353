import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

/** Law Art. 42: once, by the head, with a reason told to the applicant; the decider enforces the limit. */
export class ExtendTimeLimitDto {
  @IsInt() @Min(1) @Max(60) days!: number;
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}
