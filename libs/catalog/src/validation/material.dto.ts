import { IsBoolean, IsIn, IsInt, IsString, Matches, Min, ValidateIf } from 'class-validator';
import type { Material, MaterialType, SourceChannel } from '../guide.js';
import { isCatchAllCode, isCatchAllName, isFormName } from './catch-all.js';
import { NonBlankText, Rule } from './rule.js';

export const MATERIAL_TYPES: readonly MaterialType[] = ['original', 'copy', 'electronic'];
export const SOURCE_CHANNELS: readonly SourceChannel[] = [
  'applicant',
  'shared',
  'electronic-certificate',
  'intermediary',
  'agency',
];
export const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Fetched by the departments (Art. 11(5)), never handed in by the applicant. */
export function isSharedChannel(channel: unknown): boolean {
  return channel === 'shared' || channel === 'electronic-certificate';
}

/** One application material with every Art. 11 field. */
export class MaterialDto implements Material {
  @Rule('notCatchAll', (v) => typeof v !== 'string' || !isCatchAllCode(v), 'is a catch-all code (Art. 11(1))')
  @Matches(KEBAB, { message: 'must be a kebab-case code (a-z, 0-9, -)' })
  @IsString()
  code!: string;

  @Rule(
    'notCatchAll',
    (v) => typeof v !== 'string' || !isCatchAllName(v),
    'is a catch-all material ("其他", "有关…材料"), not allowed (Art. 11(1))',
  )
  @NonBlankText()
  name!: string;

  @Rule<MaterialDto>(
    'sharedIsElectronic',
    (v, m) => !isSharedChannel(m.sourceChannel) || v === 'electronic',
    'must be "electronic": a shared-source material is fetched as data, not handed in (Art. 11(5))',
  )
  @IsIn(MATERIAL_TYPES)
  type!: MaterialType;

  @NonBlankText({ message: 'every material needs a legal basis (Art. 11(1))' })
  legalBasis!: string;

  @NonBlankText({ message: 'a form (表格类材料) needs a filled-in sample (Art. 11(3))' })
  @ValidateIf((m: MaterialDto) => isFormName(m.name) || m.sample !== undefined)
  sample?: string;

  @NonBlankText({ message: 'a form (表格类材料) needs a blank electronic form (Art. 11(3))' })
  @ValidateIf((m: MaterialDto) => isFormName(m.name) || m.electronicForm !== undefined)
  electronicForm?: string;

  @IsIn(SOURCE_CHANNELS)
  sourceChannel!: SourceChannel;

  @Rule<MaterialDto>(
    'sharedSourceOnlyWhenShared',
    (_v, m) => isSharedChannel(m.sourceChannel),
    'only shared or electronic-certificate materials name a shared source',
  )
  @NonBlankText({ message: 'a shared-source material must name its shared source (Art. 11(5))' })
  @ValidateIf((m: MaterialDto) => isSharedChannel(m.sourceChannel) || m.sharedSource !== undefined)
  sharedSource?: string;

  @Rule<MaterialDto>(
    'intermediaryOnlyWhenIntermediary',
    (_v, m) => m.sourceChannel === 'intermediary',
    'only intermediary materials name an intermediary',
  )
  @NonBlankText({
    message: "an intermediary material must name the intermediary's category or qualification (Art. 11(4))",
  })
  @ValidateIf((m: MaterialDto) => m.sourceChannel === 'intermediary' || m.intermediary !== undefined)
  intermediary?: string;

  @Rule<MaterialDto>(
    'copiesMatchChannel',
    (v, m) => (isSharedChannel(m.sourceChannel) ? v === 0 : m.type === 'electronic' || (v as number) >= 1),
    (_v, m) =>
      isSharedChannel(m.sourceChannel)
        ? 'must be 0: a shared-source material is never asked of the applicant (Art. 11(5))'
        : 'must be at least 1 for a paper original or copy',
  )
  @Min(0)
  @IsInt()
  copies!: number;

  @NonBlankText()
  format!: string;

  @Rule<MaterialDto>(
    'electronicNeedsElectronicCopy',
    (v, m) => m.type !== 'electronic' || v === true,
    'must be true for an electronic material',
  )
  @IsBoolean()
  electronicCopyRequired!: boolean;

  @IsBoolean()
  key!: boolean;

  @Rule<MaterialDto>(
    'deficiencyOnlyNonKeyApplicant',
    (v, m) => v !== true || (m.key === false && !isSharedChannel(m.sourceChannel)),
    (_v, m) =>
      m.key !== false
        ? 'a key material cannot be on the 容缺 list'
        : 'a shared-source material is not supplied by the applicant, so it cannot be on the 容缺 list',
  )
  @IsBoolean()
  deficiencyAllowed!: boolean;
}
