import { Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ReadModels } from '@one-window/read-models';
import { Roles } from '../auth/auth.decorators.js';
import { RebuildTracker } from '../reads/rebuild-tracker.js';
import { StaffApi } from '../http/staff-api.decorator.js';

@StaffApi('admin', 'api/admin/projections')
@Roles('admin')
export class ProjectionsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly rebuilds: RebuildTracker,
  ) {}

  @Get()
  @ApiOperation({ summary: "each read model's checkpoint and lag, and the last rebuild's progress" })
  @ApiOkResponse({
    description:
      '{head, status, lastError?, projections: [{name, version, checkpoint, updatedAt, eventsBehind, msBehind}], rebuild}',
  })
  async lag() {
    return { ...(await this.readModels.runner.lag()), rebuild: this.rebuilds.state };
  }

  @Post('rebuild')
  @HttpCode(202)
  @ApiOperation({ summary: 'rebuild every read model from the log, in the background; follow it with GET' })
  @ApiAcceptedResponse({ description: 'the rebuild has started; its progress so far' })
  rebuild() {
    return { rebuild: this.rebuilds.start() };
  }
}
