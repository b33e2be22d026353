import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Where the applicant may seek administrative review (60 days) and sue (6 months); the periods come from policy. */
export class RemediesDto {
  @IsString() @IsNotEmpty() @MaxLength(200) reviewAuthority!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) court!: string;
}
