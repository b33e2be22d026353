import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../problem/api-problems.decorator.js';

/**
 * A staff API under `path`: listed under `tag`, signed in with a bearer token, answering problem
 * details. Applied as the stacked `@ApiTags @ApiBearerAuth @ApiProblems @Controller` were, the
 * bottom one first.
 */
export function StaffApi(tag: string, path: string): ClassDecorator {
  return applyDecorators(Controller(path), ApiProblems(), ApiBearerAuth(), ApiTags(tag));
}
