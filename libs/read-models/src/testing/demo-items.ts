import { demoCatalogDir, loadCatalog } from '@one-window/catalog';
import { toCaseGuide } from '@one-window/case';
import type { GeneratorItem } from './case-history-generator.js';

/** The demo catalog's items, each with the hall whose back office decides it. */
export async function demoGeneratorItems(): Promise<GeneratorItem[]> {
  const catalog = await loadCatalog(demoCatalogDir());
  return catalog.list().map((guide) => {
    const department = catalog.directory.department(guide.department);
    const hall = department ? catalog.directory.hall(department.hall) : undefined;
    if (!department || !hall) throw new Error(`Demo item ${guide.code} has no hall for ${guide.department}`);
    return { guide: toCaseGuide(guide), hall: hall.id, hallDivision: hall.divisionCode };
  });
}
