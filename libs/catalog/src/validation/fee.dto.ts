import { IsBoolean, ValidateIf } from 'class-validator';
import type { Fee } from '../guide.js';
import { NonBlankText, Rule } from './rule.js';

/** Fee standard and basis (Art. 10): a charged item states both; a free one states neither. */
export class FeeDto implements Fee {
  @IsBoolean()
  charged!: boolean;

  @Rule<FeeDto>('onlyWhenCharged', (_v, f) => f.charged === true, 'a free item has no fee standard')
  @NonBlankText({ message: 'a charged item needs its fee standard' })
  @ValidateIf((f: FeeDto) => f.charged === true || f.standard !== undefined)
  standard?: string;

  @NonBlankText({ message: 'a charged item needs the legal basis of its fee' })
  @ValidateIf((f: FeeDto) => f.charged === true || f.basis !== undefined)
  basis?: string;
}
