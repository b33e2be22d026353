import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class RefuseCaseDto {
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  @IsString() @IsNotEmpty() @MaxLength(1000) legalBasis!: string;
  @IsOptional() @IsString() @MaxLength(200) competentAgency?: string;
}
