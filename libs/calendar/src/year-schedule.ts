import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  type ValidationArguments,
  type ValidationError,
  validateSync,
} from 'class-validator';
import { isBusinessDate, isWeekend } from './dates.js';
import { InvalidYearScheduleError } from './errors.js';

/**
 * One year's official schedule as the State Council publishes it each autumn (国务院办公厅关于
 * 20XX年部分节假日安排的通知): the days off, and the weekend days that become working days (调休).
 * Every other Monday–Friday is a working day, every other Saturday and Sunday a rest day.
 */
export interface YearSchedule {
  readonly year: number;
  /** Days off (YYYY-MM-DD), including those that fall on a weekend. */
  readonly holidays: readonly string[];
  /** Make-up working days (调休上班), each a Saturday or a Sunday. */
  readonly workingWeekends: readonly string[];
  /** Where the dates come from, e.g. the notice's number and URL. */
  readonly source: string;
  /** When the notice was published (ISO 8601). */
  readonly publishedAt?: string;
}

function datesFailing(args: ValidationArguments, test: (date: string, schedule: YearScheduleDto) => boolean) {
  const schedule = args.object as YearScheduleDto;
  return Array.isArray(args.value)
    ? (args.value as unknown[]).filter((d): d is string => typeof d === 'string' && !test(d, schedule))
    : [];
}

function EachDate(name: string, test: (date: string, schedule: YearScheduleDto) => boolean, why: string) {
  return ValidateBy({
    name,
    validator: {
      validate: (_value: unknown, args: ValidationArguments) => datesFailing(args, test).length === 0,
      defaultMessage: (args: ValidationArguments) =>
        `${args.property} ${why}: ${datesFailing(args, test).join(', ')}`,
    },
  });
}

const realDate = (d: string) => isBusinessDate(d);
const insideYear = (d: string, s: YearScheduleDto) => !isBusinessDate(d) || d.startsWith(`${s.year}-`);

/** The import and API shape of a year schedule; class-validator checks it, `parseYearSchedule` runs it. */
export class YearScheduleDto implements YearSchedule {
  @IsInt()
  @Min(2000)
  @Max(2200)
  year!: number;

  @IsArray()
  @ArrayNotEmpty({ message: 'holidays must not be empty: every year has at least New Year’s Day off' })
  @ArrayUnique()
  @IsString({ each: true })
  @EachDate('realDate', realDate, 'must be real dates written YYYY-MM-DD')
  @EachDate('insideYear', insideYear, 'must fall inside the schedule’s year')
  holidays!: string[];

  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  @EachDate('realDate', realDate, 'must be real dates written YYYY-MM-DD')
  @EachDate('insideYear', insideYear, 'must fall inside the schedule’s year')
  @EachDate(
    'weekend',
    (d) => !isBusinessDate(d) || isWeekend(d),
    'must be Saturdays or Sundays (调休 make-up days)',
  )
  @EachDate(
    'notAlsoHoliday',
    (d, s) => !Array.isArray(s.holidays) || !s.holidays.includes(d),
    'must not also be listed as holidays',
  )
  workingWeekends!: string[];

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  publishedAt?: string;
}

function flatten(errors: readonly ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}),
    ...flatten(error.children ?? [], `${prefix}${error.property}.`),
  ]);
}

/**
 * Checks an untrusted schedule (an import file, an API body, a stored event) and returns it
 * normalised: known fields only, dates sorted. Throws InvalidYearScheduleError listing every problem.
 */
export function parseYearSchedule(input: unknown): YearSchedule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidYearScheduleError(undefined, ['a year schedule must be a JSON object']);
  }
  const dto = plainToInstance(YearScheduleDto, input);
  const problems = flatten(
    validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }),
  );
  if (problems.length > 0) throw new InvalidYearScheduleError((input as { year?: unknown }).year, problems);
  return {
    year: dto.year,
    holidays: [...dto.holidays].sort(),
    workingWeekends: [...dto.workingWeekends].sort(),
    source: dto.source,
    ...(dto.publishedAt === undefined ? {} : { publishedAt: dto.publishedAt }),
  };
}
