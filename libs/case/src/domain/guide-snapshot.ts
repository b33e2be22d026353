import type { ServiceGuide } from '@one-window/catalog';
import type { CaseGuide } from '../events.js';
import type { CaseContext } from './context.js';

/** The parts of a guide a case keeps for life (Art. 13: the version it was received under). */
export function toCaseGuide(guide: ServiceGuide): CaseGuide {
  return {
    code: guide.code,
    version: guide.version,
    name: guide.name,
    itemType: guide.itemType,
    caseKind: guide.caseKind,
    department: guide.department,
    implementingAgency: guide.implementingAgency,
    statutoryLimitDays: guide.statutoryLimitDays,
    promisedLimitDays: guide.promisedLimitDays,
    resultName: guide.resultName,
    courierDelivery: guide.courierDelivery,
    ...(guide.jointHandling === true ? { jointHandling: true } : {}),
    handlingForms: [...guide.handlingForms],
    materials: guide.materials.map((m) => ({
      code: m.code,
      name: m.name,
      type: m.type,
      sourceChannel: m.sourceChannel,
      ...(m.sharedSource === undefined ? {} : { sharedSource: m.sharedSource }),
      key: m.key,
      deficiencyAllowed: m.deficiencyAllowed,
    })),
    steps: guide.steps.map((s) => ({
      name: s.name,
      label: s.label,
      department: s.department,
      role: s.role,
      timeLimitDays: s.timeLimitDays,
    })),
  };
}

/** A material the agency may fetch by data sharing or from the e-certificate library (Art. 11(5)). */
export const isSharedSource = (sourceChannel: string): boolean =>
  sourceChannel === 'shared' || sourceChannel === 'electronic-certificate';

/**
 * Materials the applicant still owes: every guide material not handed in, except those fetched by
 * data sharing with the applicant's authorization (Art. 11(5)) and those the agency makes itself.
 */
export function missingMaterials(
  guide: CaseGuide,
  handedIn: readonly { code: string }[],
  sharingAuthorized: boolean,
): string[] {
  const have = new Set(handedIn.map((m) => m.code));
  return guide.materials
    .filter((m) => m.sourceChannel !== 'agency')
    .filter((m) => !(isSharedSource(m.sourceChannel) && sharingAuthorized))
    .filter((m) => !have.has(m.code))
    .map((m) => m.code);
}

/** What is missing now, after corrections and supplies. */
export function stillMissing(context: CaseContext): string[] {
  const have = new Set(context.materials.map((m) => m.code));
  return context.missingAtReceipt.filter((code) => !have.has(code));
}
