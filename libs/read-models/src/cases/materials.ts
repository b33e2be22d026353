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

export function withSubmitted(
  materials: readonly MaterialStatus[],
  submitted: readonly SubmittedMaterial[],
): MaterialStatus[] {
  return updateNamed(
    materials,
    submitted.map((m) => [m.code, m.form]),
    (m, form) => strip({ ...m, state: form === 'shared' ? 'shared' : 'submitted', form }),
  );
}

export function withCorrectionItems(
  materials: readonly MaterialStatus[],
  items: readonly CorrectionItem[],
): MaterialStatus[] {
  return updateNamed(
    materials,
    items.map((i) => [i.code, i.problem]),
    (m, problem) => ({ ...m, state: 'to-correct', problem }),
  );
}

export function withDeficient(
  materials: readonly MaterialStatus[],
  codes: readonly string[],
): MaterialStatus[] {
  return updateNamed(
    materials,
    codes.map((code) => [code, true]),
    (m) => strip({ ...m, state: 'deficient' }),
  );
}

/** The materials, each one `named` lists by code changed by `change` with what the list says of it. */
function updateNamed<V>(
  materials: readonly MaterialStatus[],
  named: readonly (readonly [string, V])[],
  change: (material: MaterialStatus, value: V) => MaterialStatus,
): MaterialStatus[] {
  const byCode = new Map(named);
  return materials.map((m) => {
    const value = byCode.get(m.code);
    return value === undefined ? m : change(m, value);
  });
}

function strip(m: MaterialStatus): MaterialStatus {
  if (m.problem === undefined) return m;
  const { problem: _problem, ...rest } = m;
  return rest;
}
