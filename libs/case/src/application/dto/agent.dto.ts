import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AgentDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsString() @IsNotEmpty() @MaxLength(50) idType!: string;
  @IsString() @IsNotEmpty() @MaxLength(50) idNumber!: string;
  @IsString() @IsNotEmpty() @MaxLength(30) phone!: string;
}
