import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CASE_STATUS_INFO,
  type CaseStatusInfo,
  type CommandDescription,
  describeCommands,
} from '@one-window/case';
import { Public } from '../auth/auth.decorators.js';

/** The case engine describing itself: its commands (registry) and its statuses (statechart). */
@ApiTags('cases')
@Controller('api')
export class CommandCatalogController {
  private readonly commands = describeCommands();

  @Get('commands')
  @Public()
  @ApiOperation({ summary: 'every command sent over HTTP: path, roles, labels (zh/en) and fields' })
  @ApiOkResponse({ description: 'one entry per command, in the order of the case stages' })
  listCommands(): readonly CommandDescription[] {
    return this.commands;
  }

  @Get('case-statuses')
  @Public()
  @ApiOperation({ summary: 'every status of the case statechart, with its stage and names (zh/en)' })
  @ApiOkResponse({ description: 'in the order of the statechart' })
  listStatuses(): readonly CaseStatusInfo[] {
    return CASE_STATUS_INFO;
  }
}
