import type { CaseGuideMaterial, CorrectionItem, SubmittedMaterial } from '@one-window/case';

/** Where a material stands, as a clerk reads it. */
export type MaterialState =
  /** Handed in. */
  | 'submitted'
  /** Fetched from a data-sharing source or as an electronic certificate (Art. 11(5)). */
  | 'shared'
  /** Not handed in at receipt. */
  | 'missing'
  /** Named in the correction notice; waiting for the applicant. */
  | 'to-correct'
  /** Missing under an acceptance with deficiency (容缺); to be supplied by the deadline. */
  | 'deficient';

export interface MaterialStatus {
  readonly code: string;
  readonly name: string;
  readonly key: boolean;
  readonly deficiencyAllowed: boolean;
  readonly state: MaterialState;
  readonly form?: string;
  readonly problem?: string;
}

export function materialsAtReceipt(
  guide: readonly CaseGuideMaterial[],
  submitted: readonly SubmittedMaterial[],
  missing: readonly string[],
): MaterialStatus[] {
  const forms = new Map(submitted.map((m) => [m.code, m.form]));
  const missingSet = new Set(missing);
  return guide.map((m) => {
    const form = forms.get(m.code);
    const base = { code: m.code, name: m.name, key: m.key, deficiencyAllowed: m.deficiencyAllowed };
    if (form === 'shared') return { ...base, state: 'shared', form };
    if (form) return { ...base, state: 'submitted', form };
    if (missingSet.has(m.code)) return { ...base, state: 'missing' };
    if (m.sourceChannel === 'shared' || m.sourceChannel === 'electronic-certificate')
      return { ...base, state: 'shared' };
    return { ...base, state: 'missing' };
  });
}

/**
 * An update of a case's materials by a list that names some of them (by `codeOf`): each material
 * named becomes what `change` makes of it and what the list says of it; the others stay as they are.
 */
function updating<T>(
  codeOf: (named: T) => string,
  change: (material: MaterialStatus, named: T) => MaterialStatus,
): (materials: readonly MaterialStatus[], named: readonly T[]) => MaterialStatus[] {
  return (materials, named) => {
    const byCode = new Map(named.map((n) => [codeOf(n), n]));
    return materials.map((m) => {
      const n = byCode.get(m.code);
      return n === undefined ? m : change(m, n);
    });
  };
}

/** Handed in (or fetched as shared data). */
export const withSubmitted = updating(
  (s: SubmittedMaterial) => s.code,
  (m, s) => strip({ ...m, state: s.form === 'shared' ? 'shared' : 'submitted', form: s.form }),
);

/** Named in the correction notice, with the problem it names. */
export const withCorrectionItems = updating(
  (i: CorrectionItem) => i.code,
  (m, i) => ({ ...m, state: 'to-correct', problem: i.problem }),
);

/** Missing under an acceptance with deficiency (容缺). */
export const withDeficient = updating(
  (code: string) => code,
  (m) => strip({ ...m, state: 'deficient' }),
);

function strip(m: MaterialStatus): MaterialStatus {
  if (m.problem === undefined) return m;
  const { problem: _problem, ...rest } = m;
  return rest;
}
