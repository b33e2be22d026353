import { Command } from 'commander';
import { demoCatalogDir } from '@one-window/catalog';
import {
  FIXTURE_CODE,
  FIXTURE_FILE,
  fixtureGuide,
  removeCatalog,
  tempCatalog,
} from '../../../../libs/catalog/src/testing/catalog-fixture.js';
import { type CatalogCliIo, catalogValidate, registerCatalog } from './catalog.command.js';

describe('one-window catalog validate <dir>', () => {
  let out: string[];
  let err: string[];
  let io: CatalogCliIo;
  beforeEach(() => {
    out = [];
    err = [];
    io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  });

  it('prints a summary line and exits 0 on the demo catalog', async () => {
    expect(await catalogValidate(demoCatalogDir(), {}, io)).toBe(0);
    expect(out).toEqual([`${demoCatalogDir()}: OK, 11 items (13 guide versions), 5 halls, 8 departments`]);
    expect(err).toEqual([]);
  });

  it('prints every problem as file: item: field: message and exits 1', async () => {
    const dir = await tempCatalog({
      [FIXTURE_FILE]: fixtureGuide({ promisedLimitDays: 30, itemType: '30' as never }),
    });
    try {
      expect(await catalogValidate(dir, {}, io)).toBe(1);
      expect(out).toEqual([
        `${FIXTURE_FILE}: ${FIXTURE_CODE}: itemType: must be a GB/T 39046 A.1 item type: 01–10 or 20`,
        `${FIXTURE_FILE}: ${FIXTURE_CODE}: promisedLimitDays: the promised limit (30) exceeds the statutory limit (20)`,
      ]);
      expect(err).toEqual([`2 problem(s) in ${dir}`]);
    } finally {
      await removeCatalog(dir);
    }
  });

  it('takes the item code pattern as an option', async () => {
    const dir = await tempCatalog({ 'FOOD-01/v1.json': fixtureGuide({ code: 'FOOD-01' }) });
    try {
      expect(await catalogValidate(dir, {}, io)).toBe(1);
      expect(await catalogValidate(dir, { codePattern: '^[A-Z]+-\\d{2}$' }, io)).toBe(0);
      expect(await catalogValidate(dir, { codePattern: '(' }, io)).toBe(1);
    } finally {
      await removeCatalog(dir);
    }
  });

  it('is registered as `catalog validate` and sets the exit code', async () => {
    const program = new Command('one-window').exitOverride();
    registerCatalog(program, io);
    const saved = process.exitCode;
    try {
      await program.parseAsync(['node', 'one-window', 'catalog', 'validate', '/nonexistent/catalog']);
      expect(process.exitCode).toBe(1);
      expect(out).toEqual(['.: -: -: /nonexistent/catalog is not a readable folder']);
    } finally {
      process.exitCode = saved;
    }
  });
});
