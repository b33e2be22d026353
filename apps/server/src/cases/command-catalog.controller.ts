import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CommandDescription, describeCommands } from '@one-window/case';
import { Public } from '../auth/auth.decorators.js';

/** The command registry as data: what the console builds its buttons and forms from. */
@ApiTags('cases')
@Controller('api/commands')
export class CommandCatalogController {
  private readonly commands = describeCommands();

  @Get()
  @Public()
  @ApiOperation({ summary: 'every command sent over HTTP: path, roles, labels (zh/en) and fields' })
  @ApiOkResponse({ description: 'one entry per command, in the order of the case stages' })
  list(): readonly CommandDescription[] {
    return this.commands;
  }
}
