import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { USER_ROLES, type UserRole } from '@one-window/identity';

/** A user name: 1–64 characters (sign-in and the first administrator alike). */
const UsernameField = (example: string) =>
  applyDecorators(Length(1, 64), IsString(), ApiProperty({ example }));

/** A password: 1–256 characters. */
const PasswordField = (example?: string) =>
  applyDecorators(
    Length(1, 256),
    IsString(),
    example === undefined ? ApiProperty() : ApiProperty({ example }),
  );

export class LoginDto {
  @UsernameField('clerk1')
  username!: string;

  @PasswordField('demo-clerk1')
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

  @UsernameField('admin.wang')
  username!: string;

  @ApiProperty({ example: '王管理员' })
  @IsString()
  @Length(1, 64)
  name!: string;

  @PasswordField()
  password!: string;
}
