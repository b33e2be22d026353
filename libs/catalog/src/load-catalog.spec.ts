import { Catalog } from './catalog.js';
import { loadCatalog, validateCatalogDir } from './load-catalog.js';
import { CatalogValidationError, formatProblem } from './problem.js';
import {
  FIXTURE_CODE,
  FIXTURE_FILE,
  fixtureGuide,
  fixtureMaterial,
  fixtureOrg,
  fixtureStep,
  NO_ORG,
  removeCatalog,
  tempCatalog,
} from './testing/catalog-fixture.js';

/** A problem as the validator reports it, of `file` in the fixture item (unless `item` says another). */
const problem = (file: string, field: string, message: string, item = FIXTURE_CODE) => ({
  file,
  item,
  field,
  message,
});

async function problemsIn(files: Record<string, unknown>, org?: unknown) {
  const dir = await tempCatalog(files, org);
  try {
    return await validateCatalogDir(dir);
  } finally {
    await removeCatalog(dir);
  }
}

const v2 = (over = {}) =>
  fixtureGuide({
    version: 2,
    changeNote: '演示：取消经营场所使用证明',
    materials: fixtureGuide().materials.slice(1),
    ...over,
  });

describe('catalog folder layout: <dir>/org.json and <dir>/<itemCode>/v<version>.json', () => {
  it('loads several versions and resolves them (a case keeps its version)', async () => {
    const dir = await tempCatalog({ [FIXTURE_FILE]: fixtureGuide(), [`${FIXTURE_CODE}/v2.json`]: v2() });
    try {
      const catalog = await loadCatalog(dir);
      expect(catalog).toBeInstanceOf(Catalog);
      expect(catalog.versions(FIXTURE_CODE)).toEqual([1, 2]);
      expect(catalog.get(FIXTURE_CODE).materials.map((m) => m.code)).toEqual(['business-licence', 'rules']);
      expect(catalog.get(FIXTURE_CODE, 1).materials.map((m) => m.code)).toEqual([
        'premises-proof',
        'business-licence',
        'rules',
      ]);
    } finally {
      await removeCatalog(dir);
    }
  });

  it('reports a guide whose code differs from its folder, or whose version differs from its file name', async () => {
    const other = '11150102DEM000004X4DEM000000902';
    expect(
      await problemsIn({
        [`${other}/v1.json`]: fixtureGuide(),
        [`${FIXTURE_CODE}/v2.json`]: v2({ version: 1 }),
      }),
    ).toEqual([
      problem(
        `${FIXTURE_CODE}/`,
        '-',
        'versions run from v1 without gaps (a case keeps its version): missing v1.json',
      ),
      problem(`${FIXTURE_CODE}/v2.json`, 'version', '1 differs from the file name v2.json'),
      problem(`${other}/v1.json`, 'code', `"${FIXTURE_CODE}" differs from its folder name`, other),
    ]);
  });

  it('reports a gap in the versions, since a case may still refer to the missing one', async () => {
    expect(
      await problemsIn({ [FIXTURE_FILE]: fixtureGuide(), [`${FIXTURE_CODE}/v3.json`]: v2({ version: 3 }) }),
    ).toEqual([
      problem(
        `${FIXTURE_CODE}/`,
        '-',
        'versions run from v1 without gaps (a case keeps its version): missing v2.json',
      ),
    ]);
  });

  it('reports stray files, badly named versions and broken JSON', async () => {
    expect(
      await problemsIn({
        'notes.txt': 'x',
        'README.md': 'allowed',
        [FIXTURE_FILE]: '{"code": ',
        [`${FIXTURE_CODE}/latest.json`]: fixtureGuide(),
        [`${FIXTURE_CODE}/v01.json`]: fixtureGuide(),
      }),
    ).toEqual([
      problem(
        `${FIXTURE_CODE}/latest.json`,
        '-',
        'unexpected entry; an item folder holds only v<version>.json files',
      ),
      problem(
        `${FIXTURE_CODE}/v01.json`,
        '-',
        'unexpected entry; an item folder holds only v<version>.json files',
      ),
      problem(FIXTURE_FILE, '-', expect.stringMatching(/^not valid JSON: /)),
      problem(
        'notes.txt',
        '-',
        'unexpected file; guides live in <itemCode>/v<version>.json and the directory in org.json',
        '-',
      ),
    ]);
  });

  it('reports a missing folder or a missing org.json', async () => {
    expect(await validateCatalogDir('/nonexistent/catalog')).toEqual([
      { file: '.', item: '-', field: '-', message: '/nonexistent/catalog is not a readable folder' },
    ]);
    expect(await problemsIn({ [FIXTURE_FILE]: fixtureGuide() }, null)).toEqual([
      problem('org.json', '-', 'the directory must be a JSON object {halls, departments}', '-'),
    ]);
    const dir = await tempCatalog({ [FIXTURE_FILE]: fixtureGuide() }, NO_ORG);
    try {
      expect(await validateCatalogDir(dir)).toEqual([
        { file: 'org.json', item: '-', field: '-', message: 'missing or unreadable' },
      ]);
    } finally {
      await removeCatalog(dir);
    }
  });

  it('reports a guide that is not an object', async () => {
    expect(await problemsIn({ [FIXTURE_FILE]: [1, 2] })).toEqual([
      { file: FIXTURE_FILE, item: FIXTURE_CODE, field: '-', message: 'a guide must be a JSON object' },
    ]);
  });
});

describe('references to the organisation directory', () => {
  it('reports unknown departments and an item department at another level', async () => {
    const guide = fixtureGuide({
      department: 'dept-x',
      steps: [fixtureStep(), fixtureStep({ name: 'decision', department: 'dept-y', timeLimitDays: 1 })],
    });
    const org = {
      ...fixtureOrg,
      halls: [
        ...fixtureOrg.halls,
        { id: 'hall-150100', name: '呼和浩特市政务服务大厅', divisionCode: '150100', level: 3 },
      ],
      departments: [
        ...fixtureOrg.departments,
        { id: 'dept-c', name: '丙局', level: 3, divisionCode: '150100', hall: 'hall-150100' },
      ],
    };
    expect(await problemsIn({ [FIXTURE_FILE]: guide }, org)).toEqual([
      problem(FIXTURE_FILE, 'department', 'no department "dept-x" in org.json'),
      problem(FIXTURE_FILE, 'steps[1].department', 'no department "dept-y" in org.json'),
    ]);
    expect(await problemsIn({ [FIXTURE_FILE]: fixtureGuide({ department: 'dept-c' }) }, org)).toEqual([
      problem(FIXTURE_FILE, 'department', 'department "dept-c" is at level 3, the item at level 4'),
    ]);
  });
});

describe('org.json', () => {
  const orgProblem = (field: string, message: string) => ({ file: 'org.json', item: '-', field, message });

  it('reports repeated ids, unknown halls and division codes that do not fit the level', async () => {
    const org = {
      halls: [
        { id: 'hall-150102', name: '新城区政务服务大厅', divisionCode: '150102', level: 4 },
        { id: 'hall-150102', name: '重复', divisionCode: '150102', level: 4 },
        { id: 'hall-150100', name: '呼和浩特市政务服务大厅', divisionCode: '150102', level: 3 },
        { id: 'hall-region', name: '自治区', divisionCode: '15000', level: 2 },
      ],
      departments: [
        ...fixtureOrg.departments,
        { id: 'dept-a', name: '重复', level: 4, divisionCode: '150102', hall: 'hall-150102' },
        { id: 'dept-c', name: '丙局', level: 4, divisionCode: '150102', hall: 'hall-nowhere' },
        { id: 'dept-d', name: '丁局', level: 2, divisionCode: '150000', hall: 'hall-150102' },
        { id: 'dept-e', name: '戊局', level: 4, divisionCode: '150102', hall: 'hall-150102', phone: '12345' },
      ],
    };
    expect(await problemsIn({ [FIXTURE_FILE]: fixtureGuide() }, org)).toEqual([
      orgProblem(
        'halls[2].divisionCode',
        'division code 150102 does not fit level 3 (region ••0000, league/city ••••00, below: not ••00)',
      ),
      orgProblem('halls[3].divisionCode', 'must be a 6-digit administrative division code'),
      orgProblem('departments[5].phone', 'property phone should not exist'),
      orgProblem('halls[1].id', 'repeats an earlier hall id'),
      orgProblem('departments[2].id', 'repeats an earlier department id'),
      orgProblem('departments[3].hall', 'no hall "hall-nowhere" in the directory'),
      orgProblem(
        'departments[4].hall',
        'hall "hall-150102" is at another level or division than the department',
      ),
    ]);
  });
});

describe('a catalog with problems', () => {
  const broken = () =>
    fixtureGuide({
      itemType: '11' as never,
      promisedLimitDays: 25,
      materials: [
        fixtureMaterial({ name: '其他材料' }),
        fixtureMaterial({ code: 'id-card', name: '居民身份证', sourceChannel: 'shared', type: 'copy' }),
      ],
      steps: [fixtureStep({ department: 'dept-x', result: '' })],
    });

  it('reports every problem of a file with its file, item and field', async () => {
    expect(await problemsIn({ [FIXTURE_FILE]: broken() })).toEqual(
      [
        ['itemType', 'must be a GB/T 39046 A.1 item type: 01–10 or 20'],
        ['promisedLimitDays', 'the promised limit (25) exceeds the statutory limit (20)'],
        ['materials[0].name', 'is a catch-all material ("其他", "有关…材料"), not allowed (Art. 11(1))'],
        [
          'materials[1].type',
          'must be "electronic": a shared-source material is fetched as data, not handed in (Art. 11(5))',
        ],
        ['materials[1].sharedSource', 'a shared-source material must name its shared source (Art. 11(5))'],
        [
          'materials[1].copies',
          'must be 0: a shared-source material is never asked of the applicant (Art. 11(5))',
        ],
        ['steps[0].result', 'every step needs its own result (Art. 9)'],
        ['steps[0].department', 'no department "dept-x" in org.json'],
      ].map(([field, message]) => ({ file: FIXTURE_FILE, item: FIXTURE_CODE, field, message })),
    );
  });

  it('is never loaded half-valid: loadCatalog throws with every problem of every file', async () => {
    const good = '11150102DEM000004X4DEM000000902';
    const dir = await tempCatalog({
      [FIXTURE_FILE]: broken(),
      [`${good}/v1.json`]: fixtureGuide({ code: good }),
      [`${good}/v2.json`]: fixtureGuide({ code: good, version: 2 }),
    });
    try {
      const error = await loadCatalog(dir).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CatalogValidationError);
      const problems = (error as CatalogValidationError).problems;
      expect(problems).toHaveLength(9);
      expect(problems.map(formatProblem)).toContain(
        `${good}/v2.json: ${good}: changeNote: from version 2 on, a guide says what changed and why (Art. 13)`,
      );
      expect((error as Error).message).toContain(
        `${FIXTURE_FILE}: ${FIXTURE_CODE}: steps[0].department: no department "dept-x"`,
      );
    } finally {
      await removeCatalog(dir);
    }
  });
});
