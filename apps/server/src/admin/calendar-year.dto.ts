import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { YearScheduleDto } from '@one-window/calendar';

/** The calendar lib's schedule DTO (its class-validator rules), described for OpenAPI. */
export class CalendarYearDto extends YearScheduleDto {
  @ApiProperty({ example: 2027 }) declare year: number;
  @ApiProperty({ type: [String], description: 'days off, YYYY-MM-DD', example: ['2027-01-01'] })
  declare holidays: string[];
  @ApiProperty({ type: [String], description: 'make-up working Saturdays and Sundays (调休)' })
  declare workingWeekends: string[];
  @ApiProperty({ description: "the State Council notice's number and URL" }) declare source: string;
  @ApiPropertyOptional({ format: 'date-time' }) declare publishedAt?: string;
}
