import 'reflect-metadata';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { Catalog } from '../catalog.js';
import { CatalogModule } from './catalog.module.js';
import { DEMO_ITEMS } from '../demo-items.js';
import { Directory } from '../directory.js';
import { CatalogValidationError } from '../problem.js';
import {
  FIXTURE_CODE,
  FIXTURE_FILE,
  fixtureGuide,
  removeCatalog,
  tempCatalog,
} from '../testing/catalog-fixture.js';

describe('CatalogModule', () => {
  it('provides the shipped demo catalog and its directory without a folder', async () => {
    const module = await Test.createTestingModule({ imports: [CatalogModule] }).compile();
    expect(module.get(Catalog).get(DEMO_ITEMS.travelAgencyLicence).level).toBe(2);
    expect(module.get(Directory).hall('hall-150000')?.name).toBe('内蒙古自治区政务服务大厅');
  });

  it('refuses to start on a catalog folder with problems', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'catalog-module-'));
    try {
      await writeFile(join(dir, 'org.json'), '{"halls": [], "departments": []}');
      await writeFile(join(dir, 'stray.txt'), 'x');
      await expect(
        Test.createTestingModule({ imports: [CatalogModule.forRoot({ dir })] }).compile(),
      ).rejects.toThrow(CatalogValidationError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('CatalogModule.forRoot', () => {
  it('loads the given folder instead of the demo one', async () => {
    const dir = await tempCatalog({ [FIXTURE_FILE]: fixtureGuide() });
    try {
      const module = await Test.createTestingModule({ imports: [CatalogModule.forRoot({ dir })] }).compile();
      expect(
        module
          .get(Catalog)
          .list()
          .map((g) => g.code),
      ).toEqual([FIXTURE_CODE]);
      expect(
        module
          .get(Directory)
          .departments()
          .map((d) => d.id),
      ).toEqual(['dept-a', 'dept-b']);
    } finally {
      await removeCatalog(dir);
    }
  });
});
