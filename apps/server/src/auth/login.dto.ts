import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { USER_ROLES, type UserRole } from '@one-window/identity';

export class LoginDto {
  @ApiProperty({ example: 'clerk1' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'demo-clerk1' })
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class UserView {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiPropertyOptional({ description: 'hall id (clerks)' }) hall?: string;
  @ApiPropertyOptional({ description: 'department id (approvers, heads, some reviewers)' })
  department?: string;
}

export class LoginAnswer {
  @ApiProperty({ description: 'send as "Authorization: Bearer <token>"' }) token!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: UserView }) user!: UserView;
}

export class BootstrapDto {
  @ApiProperty({ description: 'the one-time bootstrap token the server printed at its first start' })
  @IsString()
  @Length(1, 128)
  token!: string;

  @ApiProperty({ example: 'admin.wang' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: '王管理员' })
  @IsString()
  @Length(1, 64)
  name!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password!: string;
}
