import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { TextField } from '../../http/fields.js';
import { LIMITS } from '../../http/limits.js';

/** Who applies, or who applies on their behalf (代办帮办). */
export class PersonDto {
  @TextField(LIMITS.name, { example: '张伟' })
  name!: string;

  @TextField(40, {
    example: 'resident-id',
    description: 'resident-id, passport, uscc (unified social credit code), …',
  })
  idType!: string;

  @TextField(40, { example: '150102199001011234' })
  idNumber!: string;

  @ApiProperty({ example: '13800000000' })
  @IsString()
  @Matches(/^[0-9+\- ]{5,30}$/, { message: 'phone must be 5–30 digits, spaces, "+" or "-"' })
  phone!: string;
}
