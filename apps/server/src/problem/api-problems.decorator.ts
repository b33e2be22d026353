import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: '#/applicant/name' }) pointer!: string;
  @ApiProperty({ example: '申请人姓名/名称：不能为空', description: 'in the Accept-Language asked for' })
  detail!: string;
  @ApiPropertyOptional({ example: 'required', description: 'the rule broken (message catalog, ADR 15)' })
  code?: string;
  @ApiPropertyOptional({ type: Object, example: {}, description: "the rule's params (limits, dates…)" })
  params?: Record<string, unknown>;
  @ApiPropertyOptional({ example: '申请人姓名/名称：不能为空' }) detailZh?: string;
}

/** RFC 9457 problem details, as every error leaves the server. */
export class ProblemDto {
  @ApiProperty({ example: '/problems/not-allowed-in-state' }) type!: string;
  @ApiProperty({ example: 'Not possible in this state' }) title!: string;
  @ApiProperty({ example: 409 }) status!: number;
  @ApiProperty({ description: 'in the Accept-Language asked for: zh-CN by default, en when asked (ADR 15)' })
  detail!: string;
  @ApiProperty({
    example: 'not-allowed-in-state',
    description: "the detail's message in the catalog (ADR 15): the type's code, or a more specific one",
  })
  code!: string;
  @ApiProperty({ type: Object, example: { state: 'frontDesk.received', allowed: ['AcceptCase'] } })
  params!: Record<string, unknown>;
  @ApiProperty({ example: '当前状态下不能办理' }) titleZh!: string;
  @ApiProperty() detailZh!: string;
  @ApiPropertyOptional({ type: [FieldProblemDto], description: '400: one entry per bad field' })
  errors?: FieldProblemDto[];
  @ApiPropertyOptional({ description: '409 not-allowed-in-state: the case machine state' }) state?: string;
  @ApiPropertyOptional({
    type: [String],
    description: '409 not-allowed-in-state: the commands the caller may send now',
  })
  allowed?: string[];
  @ApiPropertyOptional({ description: 'the id of the request in the log (X-Request-Id)' }) requestId?: string;
}

/** The error answers every API route may give, for the OpenAPI document. */
export const ApiProblems = (): ClassDecorator & MethodDecorator =>
  applyDecorators(
    ApiResponse({ status: 400, type: ProblemDto, description: 'invalid input (application/problem+json)' }),
    ApiResponse({ status: 401, type: ProblemDto, description: 'no or bad token' }),
    ApiResponse({ status: 403, type: ProblemDto, description: "outside the caller's role or jurisdiction" }),
    ApiResponse({ status: 404, type: ProblemDto, description: 'unknown id' }),
    ApiResponse({ status: 409, type: ProblemDto, description: 'not allowed in this state, or a conflict' }),
    ApiResponse({
      status: 503,
      type: ProblemDto,
      description: 'read models behind (?minPosition=) or store unavailable; see Retry-After',
    }),
  );
