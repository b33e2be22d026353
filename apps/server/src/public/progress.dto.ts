import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ProgressQueryDto {
  @ApiProperty({ example: '150102-20260302-0001', description: 'the case number (办件编号) on the notice' })
  @IsString()
  @Length(1, 40)
  caseNumber!: string;

  @ApiProperty({
    example: 'K7MP3Q',
    description:
      'the query code (查询码) on the acceptance notice; for a case without one, the last six characters of the applicant’s ID number',
  })
  @IsString()
  @Length(1, 40)
  code!: string;
}

export class ProgressNoticeQueryDto extends ProgressQueryDto {
  @ApiProperty({
    example: '150102-20260302-0001-A',
    description: 'the number of a notice the progress answer lists as printable',
  })
  @IsString()
  @Length(1, 60)
  number!: string;
}
