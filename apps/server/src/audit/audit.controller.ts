import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { formatAnchor } from '@one-window/audit';
import { Roles } from '../auth/auth.decorators.js';
import { StaffApi } from '../http/staff-api.decorator.js';
import { AnchorService } from './anchor.service.js';

@StaffApi('admin', 'api/admin/audit')
@Roles('admin')
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
