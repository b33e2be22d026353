import { demoCatalogDir } from './demo-catalog.js';
import { DEMO_DEPARTMENTS, DEMO_HALLS, DEMO_ITEMS } from './demo-items.js';
import { UnknownGuideVersionError, UnknownItemError } from './errors.js';
import { loadCatalog } from './load-catalog.js';

const catalog = await loadCatalog(demoCatalogDir());

describe('Catalog', () => {
  it('get() answers the latest version unless a case asks for the one it was received under (Art. 13)', () => {
    const code = DEMO_ITEMS.foodBusinessLicence;
    expect(catalog.versions(code)).toEqual([1, 2]);
    expect(catalog.get(code).version).toBe(2);
    expect(catalog.get(code).statutoryLimitDays).toBe(10);
    expect(catalog.get(code, 1).version).toBe(1);
    expect(catalog.get(code, 1).statutoryLimitDays).toBe(20);
    expect(
      catalog.get(code, 1).materials.find((m) => m.code === 'legal-representative-id')?.sourceChannel,
    ).toBe('applicant');
  });

  it('names the unknown item or version in a typed error', () => {
    expect(() => catalog.get('11150102DEM000004X4DEM999999999')).toThrow(UnknownItemError);
    const error = (() => {
      try {
        catalog.get(DEMO_ITEMS.foodBusinessLicence, 3);
      } catch (e) {
        return e as UnknownGuideVersionError;
      }
    })();
    expect(error).toBeInstanceOf(UnknownGuideVersionError);
    expect(error).toMatchObject({ type: 'catalog.unknown-version', version: 3, known: [1, 2] });
    expect(catalog.find('nope')).toBeUndefined();
    expect(catalog.find(DEMO_ITEMS.foodBusinessLicence, 3)).toBeUndefined();
    expect(catalog.versions('nope')).toEqual([]);
  });

  it('lists the latest version of each item, filtered', () => {
    expect(catalog.list()).toHaveLength(Object.keys(DEMO_ITEMS).length);
    expect(catalog.list().find((g) => g.code === DEMO_ITEMS.minimumLivingAllowance)?.version).toBe(2);
    expect(catalog.list({ level: 5 }).map((g) => g.code)).toEqual([
      DEMO_ITEMS.oldAgeAllowance,
      DEMO_ITEMS.residentPensionEnrolment,
    ]);
    expect(catalog.list({ caseKind: 'on-the-spot' }).every((g) => g.statutoryLimitDays === 0)).toBe(true);
    expect(catalog.list({ itemType: '07' }).map((g) => g.code)).toEqual([
      DEMO_ITEMS.realEstateTransfer,
      DEMO_ITEMS.minimumLivingAllowance,
    ]);
    expect(catalog.list({ q: '食品' }).map((g) => g.code)).toEqual([DEMO_ITEMS.foodBusinessLicence]);
    expect(catalog.list({ q: 'FOOD business' }).map((g) => g.code)).toEqual([DEMO_ITEMS.foodBusinessLicence]);
    expect(catalog.list({ level: 5, caseKind: 'promised' }).map((g) => g.code)).toEqual([
      DEMO_ITEMS.oldAgeAllowance,
    ]);
  });

  it("filters by department across the item's own department and its steps' departments", () => {
    const town = catalog.list({ department: DEMO_DEPARTMENTS.baoheshaoTown }).map((g) => g.code);
    expect(town).toEqual(
      expect.arrayContaining([
        DEMO_ITEMS.minimumLivingAllowance,
        DEMO_ITEMS.oldAgeAllowance,
        DEMO_ITEMS.disabilityAllowances,
      ]),
    );
    expect(town).not.toContain(DEMO_ITEMS.foodBusinessLicence);
  });

  it('hands out frozen guides', () => {
    const guide = catalog.get(DEMO_ITEMS.realEstateTransfer);
    expect(Object.isFrozen(guide)).toBe(true);
    expect(Object.isFrozen(guide.materials[0])).toBe(true);
  });

  it('carries the organisation directory', () => {
    expect(catalog.directory.hall(DEMO_HALLS.hohhot)).toEqual({
      id: 'hall-150100',
      name: '呼和浩特市政务服务大厅',
      divisionCode: '150100',
      level: 3,
      phone: '0471-6950002',
      address: '呼和浩特市新城区北垣东街（演示地址）',
    });
    expect(catalog.directory.department(DEMO_DEPARTMENTS.baoheshaoTown)).toMatchObject({
      hall: DEMO_HALLS.baoheshao,
      // A township government's decisions are reconsidered by the banner's government (ADR 18).
      reviewAuthority: '呼和浩特市新城区人民政府',
      court: '呼和浩特市新城区人民法院',
    });
    expect(catalog.directory.hall('hall-999999')).toBeUndefined();
    expect(catalog.directory.departmentsOf(DEMO_HALLS.xincheng).map((d) => d.id)).toEqual([
      DEMO_DEPARTMENTS.xinchengMarketRegulation,
      DEMO_DEPARTMENTS.xinchengCivilAffairs,
      DEMO_DEPARTMENTS.xinchengDisabledPersonsFederation,
      DEMO_DEPARTMENTS.xinchengHumanResources,
    ]);
    expect(new Set(catalog.directory.halls().map((h) => h.level))).toEqual(new Set([2, 3, 4, 5, 6]));
  });
});
