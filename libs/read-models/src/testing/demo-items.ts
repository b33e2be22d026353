import { demoCatalogDir, loadCatalog } from '@one-window/catalog';
import type { GeneratorItem } from './case-history-generator.js';

/** The demo catalog's items, each with the hall whose back office decides it. */
export async function demoGeneratorItems(): Promise<GeneratorItem[]> {
  const catalog = await loadCatalog(demoCatalogDir());
  return catalog.list().map((guide) => {
    const department = catalog.directory.department(guide.department);
    const hall = department ? catalog.directory.hall(department.hall) : undefined;
    if (!department || !hall) throw new Error(`Demo item ${guide.code} has no hall for ${guide.department}`);
    return { guide, hall: hall.id, hallDivision: hall.divisionCode };
  });
}
