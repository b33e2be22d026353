import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { ApplicantKind } from '../../events.js';

export class ApplicantDto {
  @IsIn(['natural-person', 'legal-person']) kind!: ApplicantKind;
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsString() @IsNotEmpty() @MaxLength(50) idType!: string;
  @IsString() @IsNotEmpty() @MaxLength(50) idNumber!: string;
  @IsString() @IsNotEmpty() @MaxLength(30) phone!: string;
}
