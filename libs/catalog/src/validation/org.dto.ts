// class-transformer's @Type reads design metadata.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import type { Level } from '../guide.js';
import type { Department, Hall, OrgDirectoryData } from '../org.js';
import { KEBAB } from './material.dto.js';
import { NonBlankText, Rule } from './rule.js';
import { LEVELS } from '../guide.js';

/**
 * Division codes: a region's ends in 0000, a league/city's in 00, a banner/county's in neither.
 * Township and village halls carry their banner's code (6 digits do not reach below a banner).
 */
export function divisionMatchesLevel(code: unknown, level: unknown): boolean {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return true;
  switch (level) {
    case 2:
      return code.endsWith('0000');
    case 3:
      return code.endsWith('00') && !code.endsWith('0000');
    case 4:
    case 5:
    case 6:
      return !code.endsWith('00');
    default:
      return true;
  }
}

const divisionRule = Rule<{ level: Level }>(
  'divisionMatchesLevel',
  (v, o) => divisionMatchesLevel(v, o.level),
  (v, o) =>
    `division code ${String(v)} does not fit level ${o.level} (region ••0000, league/city ••••00, below: not ••00)`,
);

export class HallDto implements Hall {
  @Matches(KEBAB, { message: 'must be a kebab-case id, e.g. "hall-150102"' })
  @IsString()
  id!: string;

  @NonBlankText()
  name!: string;

  @divisionRule
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit administrative division code' })
  @IsString()
  divisionCode!: string;

  @IsIn(LEVELS, { message: 'must be a GB/T 39046 level from 2 (region) to 6 (village)' })
  level!: Level;

  @Matches(/^[0-9-]{5,20}$/, { message: 'must be a phone number of digits and dashes, e.g. "0471-6661234"' })
  @IsString()
  @IsOptional()
  phone?: string;

  @NonBlankText()
  @IsOptional()
  address?: string;
}

export class DepartmentDto implements Department {
  @Matches(KEBAB, { message: 'must be a kebab-case id, e.g. "150102-market-regulation"' })
  @IsString()
  id!: string;

  @NonBlankText()
  name!: string;

  @IsIn(LEVELS, { message: 'must be a GB/T 39046 level from 2 (region) to 6 (village)' })
  level!: Level;

  @divisionRule
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit administrative division code' })
  @IsString()
  divisionCode!: string;

  @NonBlankText()
  hall!: string;

  @NonBlankText()
  @IsOptional()
  reviewAuthority?: string;

  @NonBlankText()
  @IsOptional()
  court?: string;
}

export class OrgDirectoryDto implements OrgDirectoryData {
  @ValidateNested({ each: true })
  @Type(() => HallDto)
  @IsArray()
  halls!: HallDto[];

  @ValidateNested({ each: true })
  @Type(() => DepartmentDto)
  @IsArray()
  departments!: DepartmentDto[];

  @IsBoolean()
  @IsOptional()
  demo?: boolean;
}
