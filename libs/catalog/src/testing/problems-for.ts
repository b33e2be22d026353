import { validateCatalogDir, type LoadCatalogOptions } from '../load-catalog.js';
import type { CatalogProblem } from '../problem.js';
import { FIXTURE_FILE, removeCatalog, tempCatalog } from './catalog-fixture.js';

/** Every problem the loader reports for a catalog holding just this guide file (as `<FIXTURE_CODE>/v1.json` unless `file` is given). */
export async function problemsFor(
  guide: unknown,
  options: LoadCatalogOptions & { file?: string } = {},
): Promise<CatalogProblem[]> {
  const dir = await tempCatalog({ [options.file ?? FIXTURE_FILE]: guide });
  try {
    return await validateCatalogDir(dir, options);
  } finally {
    await removeCatalog(dir);
  }
}
