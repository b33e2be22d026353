import { DEMO_DEPARTMENTS, DEMO_HALLS, DEMO_ITEMS } from './demo-items.js';
import { demoCatalogDir } from './demo-catalog.js';
import { loadCatalog, validateCatalogDir } from './load-catalog.js';

describe('the shipped demo catalog', () => {
  it('has no problems', async () => {
    expect(await validateCatalogDir(demoCatalogDir())).toEqual([]);
  });

  it('covers the item types, levels, case kinds and features the engine needs', async () => {
    const catalog = await loadCatalog(demoCatalogDir());
    const guides = catalog.list();
    expect(guides.length).toBeGreaterThanOrEqual(10);
    expect(new Set(guides.map((g) => g.itemType))).toEqual(new Set(['01', '05', '07', '20']));
    expect(new Set(guides.map((g) => g.level))).toEqual(new Set([2, 3, 4, 5]));
    expect(new Set(guides.map((g) => g.caseKind))).toEqual(new Set(['on-the-spot', 'promised']));
    expect(guides.some((g) => g.caseKind === 'promised' && g.steps.length === 1)).toBe(true);
    expect(guides.some((g) => g.steps.map((s) => s.name).join() === 'review,verification,decision')).toBe(
      true,
    );
    expect(guides.some((g) => g.materials.some((m) => m.deficiencyAllowed))).toBe(true);
    expect(guides.some((g) => g.materials.some((m) => m.sourceChannel === 'shared'))).toBe(true);
    expect(guides.some((g) => g.materials.some((m) => m.sourceChannel === 'electronic-certificate'))).toBe(
      true,
    );
    expect(guides.filter((g) => g.fee.charged)).toHaveLength(1);
    expect(guides.some((g) => g.courierDelivery)).toBe(true);
    expect(guides.every((g) => g.demo === true)).toBe(true);
    expect(guides.filter((g) => catalog.versions(g.code).length > 1).length).toBeGreaterThanOrEqual(2);
  });

  it('names every demo item, hall and department the constants promise', async () => {
    const catalog = await loadCatalog(demoCatalogDir());
    expect(catalog.list().map((g) => g.code)).toEqual(Object.values(DEMO_ITEMS).sort());
    expect(catalog.directory.halls().map((h) => h.id)).toEqual(Object.values(DEMO_HALLS));
    expect(catalog.directory.departments().map((d) => d.id)).toEqual(Object.values(DEMO_DEPARTMENTS));
  });
});
