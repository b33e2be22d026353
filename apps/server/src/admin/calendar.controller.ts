import { Body, Get, Inject, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { chinaDate, nextYearWarning } from '@one-window/calendar';
import { CalendarService } from '@one-window/calendar/nest';
import type { Actor, Clock } from '@one-window/shared';
import type { ServerConfig } from '../config/server-config.js';
import { CLOCK, SERVER_CONFIG } from '../tokens.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { problems } from '../problem/problem-details.js';
import { CalendarYearDto } from './calendar-year.dto.js';
import { StaffApi } from '../http/staff-api.decorator.js';

/** The working-day calendar: which years are covered and by what, and loading a year's official schedule. */
@StaffApi('admin', 'api/admin/calendar')
@Roles('admin')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: "the calendar's coverage and every year an administrator loaded" })
  @ApiOkResponse({
    description:
      '{years, byYear: [{year, kind, source}], loads: [{year, source, at, by, position}], warning: {year, since, zh, en} | null}',
  })
  async coverage() {
    const calendar = this.calendar.calendar();
    const coverage = calendar.coverage();
    const loads = await this.calendar.history();
    return {
      warning: nextYearWarning(calendar, chinaDate(this.clock.now()), this.config.calendarWarningFrom),
      years: coverage.years,
      byYear: coverage.byYear,
      loads: loads.map((l) => ({
        year: l.schedule.year,
        source: l.schedule.source,
        at: l.at,
        by: l.actor.name,
        position: l.position,
      })),
    };
  }

  @Put(':year')
  @ApiOperation({ summary: "load a year's holidays and make-up working days (an event in calendar-years)" })
  @ApiOkResponse({ description: '{year, at, position, years}' })
  async load(
    @Param('year', ParseIntPipe) year: number,
    @Body() body: CalendarYearDto,
    @CurrentActor() actor: Actor,
  ) {
    if (body.year !== year) {
      throw problems.invalidInput(`The path says ${year} but the body says ${body.year}`, [
        { pointer: '#/year', detail: `must be ${year}` },
      ]);
    }
    const load = await this.calendar.loadYear(body, actor);
    return {
      year: load.schedule.year,
      at: load.at,
      position: load.position,
      years: this.calendar.calendar().coverage().years,
    };
  }
}
