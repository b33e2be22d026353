import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { formatAnchor } from '@one-window/audit';
import { Roles } from '../auth/auth.decorators.js';
import { ApiProblems } from '../problem/api-problems.decorator.js';
import { AnchorService } from './anchor.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@ApiProblems()
@Roles('admin')
@Controller('api/admin/audit')
export class AuditController {
  constructor(private readonly anchors: AnchorService) {}

  @Get('anchor')
  @ApiOperation({
    summary:
      'the latest anchor of the hash-chained log: keep its line outside the system, check it later with verify --anchor',
  })
  @ApiOkResponse({ description: '{anchor: {position, streams, root, line} | null}' })
  anchor() {
    const latest = this.anchors.latest();
    return { anchor: latest === null ? null : { ...latest, line: formatAnchor(latest) } };
  }
}
