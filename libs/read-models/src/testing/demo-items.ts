import { type ServiceGuide, demoCatalogDir, loadCatalog } from '@one-window/catalog';
import type { CaseGuide } from '@one-window/case';
import type { GeneratorItem } from './case-history-generator.js';

/** The demo catalog's items, each with the hall whose back office decides it. */
export async function demoGeneratorItems(): Promise<GeneratorItem[]> {
  const catalog = await loadCatalog(demoCatalogDir());
  return catalog.list().map((guide) => {
    const department = catalog.directory.department(guide.department);
    const hall = department ? catalog.directory.hall(department.hall) : undefined;
    if (!department || !hall) throw new Error(`Demo item ${guide.code} has no hall for ${guide.department}`);
    return { guide: caseGuide(guide), hall: hall.id, hallDivision: hall.divisionCode };
  });
}

/** The snapshot `case.Received` carries (the same fields as the case engine's `toCaseGuide`). */
function caseGuide(guide: ServiceGuide): CaseGuide {
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
