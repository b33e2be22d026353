import type { ServiceGuide } from '../guide.js';
import {
  FIXTURE_CODE,
  FIXTURE_FILE,
  fixtureGuide,
  fixtureMaterial,
  fixtureStep,
} from '../testing/catalog-fixture.js';
import { problemsFor } from '../testing/problems-for.js';

/** The problem the loader reports for the fixture guide file. */
const problem = (field: string, message: string) => ({
  file: FIXTURE_FILE,
  item: FIXTURE_CODE,
  field,
  message,
});

/** The fixture guide with its first material replaced. */
const withMaterial = (over: Record<string, unknown>): ServiceGuide => {
  const g = fixtureGuide();
  return { ...g, materials: [{ ...fixtureMaterial(), ...over }, ...g.materials.slice(1)] };
};

describe('a valid guide', () => {
  it('has no problems', async () => {
    expect(await problemsFor(fixtureGuide())).toEqual([]);
  });
});

describe('Art. 10: every element of the guide, the result sample (结果样本) among them', () => {
  it('reports a guide without a result sample by the element’s name', async () => {
    const { resultSample: _, ...noSample } = fixtureGuide();
    const problems = await problemsFor(noSample);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toEqual(
      problem('resultSample', 'every guide needs its result sample (结果样本, Art. 10)'),
    );
    expect(await problemsFor(fixtureGuide({ resultSample: '  ' }))).toEqual([
      expect.objectContaining({ field: 'resultSample' }),
    ]);
  });
});

describe('Art. 9: every process step has its own time limit, review standard and result', () => {
  it('reports a step without a time limit', async () => {
    const g = fixtureGuide();
    const { timeLimitDays: _, ...noLimit } = g.steps[1];
    expect(await problemsFor({ ...g, steps: [g.steps[0], noLimit, g.steps[2]] })).toEqual([
      problem('steps[1].timeLimitDays', 'every step needs its own time limit in working days (Art. 9)'),
    ]);
  });

  it('reports a step without a review standard or result', async () => {
    const steps = [fixtureStep({ reviewStandard: '' }), fixtureStep({ name: 'decision', result: undefined })];
    expect(await problemsFor(fixtureGuide({ steps }))).toEqual([
      problem('steps[0].reviewStandard', 'every step needs its own review standard (Art. 9)'),
      problem('steps[1].result', 'every step needs its own result (Art. 9)'),
    ]);
  });

  it("takes a step's 常用意见 as a short list of opinions, and reports a blank one or too many", async () => {
    const opinions = ['材料齐全，同意。', '不符合法定条件，不同意。'];
    expect(await problemsFor(fixtureGuide({ steps: [fixtureStep({ standardOpinions: opinions })] }))).toEqual(
      [],
    );
    const steps = [
      fixtureStep({ standardOpinions: ['同意。', ' '] }),
      fixtureStep({ name: 'decision', standardOpinions: Array.from({ length: 21 }, (_, i) => `意见${i}`) }),
    ];
    const problems = await problemsFor(fixtureGuide({ steps }));
    expect(problems.map((p) => p.field)).toEqual(['steps[0].standardOpinions', 'steps[1].standardOpinions']);
  });

  it('reports a guide without steps', async () => {
    expect(await problemsFor(fixtureGuide({ steps: [] }))).toEqual([
      problem('steps', 'a guide needs at least one process step (Art. 9)'),
    ]);
  });

  it('reports repeated step names, which would make "return to step X" ambiguous', async () => {
    const steps = [fixtureStep(), fixtureStep({ timeLimitDays: 1 })];
    expect(await problemsFor(fixtureGuide({ steps }))).toEqual([
      problem('steps[1].name', 'repeats an earlier step name'),
    ]);
  });
});

describe('Art. 11: every material has name, type, legal basis, source channel, copies, format and the electronic-copy flag', () => {
  it('reports each missing field of a material', async () => {
    expect(
      await problemsFor(
        withMaterial({
          code: 'premises-proof',
          name: undefined,
          type: undefined,
          legalBasis: undefined,
          sourceChannel: undefined,
          copies: undefined,
          format: undefined,
          electronicCopyRequired: undefined,
          key: undefined,
          deficiencyAllowed: undefined,
        }),
      ),
    ).toEqual([
      problem('materials[0].name', 'must be a string'),
      problem('materials[0].type', 'must be one of the following values: original, copy, electronic'),
      problem('materials[0].legalBasis', 'every material needs a legal basis (Art. 11(1))'),
      problem(
        'materials[0].sourceChannel',
        'must be one of the following values: applicant, shared, electronic-certificate, intermediary, agency',
      ),
      problem('materials[0].copies', 'must be an integer number'),
      problem('materials[0].format', 'must be a string'),
      problem('materials[0].electronicCopyRequired', 'must be a boolean value'),
      problem('materials[0].key', 'must be a boolean value'),
      problem('materials[0].deficiencyAllowed', 'must be a boolean value'),
    ]);
  });

  it('reports a material with a blank legal basis (Art. 11(1))', async () => {
    for (const legalBasis of ['', ' \n']) {
      expect(await problemsFor(withMaterial({ legalBasis }))).toEqual([
        problem('materials[0].legalBasis', 'every material needs a legal basis (Art. 11(1))'),
      ]);
    }
  });

  it('asks a form (表格类材料) for a sample and a blank electronic form (Art. 11(3))', async () => {
    expect(await problemsFor(withMaterial({ code: 'application', name: '食品经营许可申请书' }))).toEqual([
      problem('materials[0].sample', 'a form (表格类材料) needs a filled-in sample (Art. 11(3))'),
      problem(
        'materials[0].electronicForm',
        'a form (表格类材料) needs a blank electronic form (Art. 11(3))',
      ),
    ]);
    expect(
      await problemsFor(
        withMaterial({ code: 'application', name: '登记表', sample: '样表', electronicForm: '空白表' }),
      ),
    ).toEqual([]);
  });

  it('asks a paper original or copy for at least one copy', async () => {
    expect(await problemsFor(withMaterial({ copies: 0 }))).toEqual([
      problem('materials[0].copies', 'must be at least 1 for a paper original or copy'),
    ]);
  });

  it('asks an electronic material for its electronic copy', async () => {
    expect(await problemsFor(withMaterial({ type: 'electronic', electronicCopyRequired: false }))).toEqual([
      problem('materials[0].electronicCopyRequired', 'must be true for an electronic material'),
    ]);
  });

  it("asks an intermediary's material to name the intermediary's category or qualification (Art. 11(4))", async () => {
    expect(await problemsFor(withMaterial({ sourceChannel: 'intermediary' }))).toEqual([
      problem(
        'materials[0].intermediary',
        "an intermediary material must name the intermediary's category or qualification (Art. 11(4))",
      ),
    ]);
    expect(await problemsFor(withMaterial({ intermediary: '评估机构' }))).toEqual([
      problem('materials[0].intermediary', 'only intermediary materials name an intermediary'),
    ]);
  });

  it('reports repeated material codes', async () => {
    const g = fixtureGuide();
    expect(await problemsFor({ ...g, materials: [...g.materials, g.materials[0]] })).toEqual([
      problem('materials[3].code', 'repeats an earlier material code'),
    ]);
  });
});

describe('Art. 11(1): no catch-all materials', () => {
  const catchAll = 'is a catch-all material ("其他", "有关…材料"), not allowed (Art. 11(1))';
  it.each([
    '其他材料',
    '其它',
    '有关部门要求的有关材料',
    '相关证明材料',
    '身份证明等材料',
    'Other documents',
    'related materials',
  ])('rejects the name %s', async (name) => {
    expect(await problemsFor(withMaterial({ name }))).toEqual([problem('materials[0].name', catchAll)]);
  });

  it.each(['other', 'misc-proofs', 'related-docs', 'qita'])('rejects the code %s', async (code) => {
    expect(await problemsFor(withMaterial({ code }))).toEqual([
      problem('materials[0].code', 'is a catch-all code (Art. 11(1))'),
    ]);
  });

  it('accepts specific names that merely contain similar letters', async () => {
    expect(
      await problemsFor(withMaterial({ name: '营业设施、设备的证明或者说明', code: 'mother-consent' })),
    ).toEqual([]);
  });
});

describe('Art. 11(5): a shared-source material is never asked of the applicant', () => {
  const shared = {
    sourceChannel: 'shared',
    type: 'electronic',
    copies: 0,
    electronicCopyRequired: true,
  } as const;

  it('must name the shared source it is fetched from', async () => {
    expect(await problemsFor(withMaterial({ ...shared }))).toEqual([
      problem(
        'materials[0].sharedSource',
        'a shared-source material must name its shared source (Art. 11(5))',
      ),
    ]);
    expect(
      await problemsFor(
        withMaterial({ ...shared, sourceChannel: 'electronic-certificate', sharedSource: '' }),
      ),
    ).toEqual([
      problem(
        'materials[0].sharedSource',
        'a shared-source material must name its shared source (Art. 11(5))',
      ),
    ]);
  });

  it('is electronic and asks for no copies', async () => {
    expect(
      await problemsFor(withMaterial({ ...shared, sharedSource: '电子证照库', type: 'copy', copies: 1 })),
    ).toEqual([
      problem(
        'materials[0].type',
        'must be "electronic": a shared-source material is fetched as data, not handed in (Art. 11(5))',
      ),
      problem(
        'materials[0].copies',
        'must be 0: a shared-source material is never asked of the applicant (Art. 11(5))',
      ),
    ]);
  });

  it('cannot be on the 容缺 list, since the applicant does not supply it', async () => {
    expect(
      await problemsFor(
        withMaterial({ ...shared, sharedSource: '电子证照库', key: false, deficiencyAllowed: true }),
      ),
    ).toEqual([
      problem(
        'materials[0].deficiencyAllowed',
        'a shared-source material is not supplied by the applicant, so it cannot be on the 容缺 list',
      ),
    ]);
  });

  it('is the only kind of material that names a shared source', async () => {
    expect(await problemsFor(withMaterial({ sharedSource: '电子证照库' }))).toEqual([
      problem(
        'materials[0].sharedSource',
        'only shared or electronic-certificate materials name a shared source',
      ),
    ]);
  });
});

describe('容缺受理: only non-key materials of promised items may be missing at acceptance', () => {
  it('rejects a key material on the 容缺 list', async () => {
    expect(await problemsFor(withMaterial({ key: true, deficiencyAllowed: true }))).toEqual([
      problem('materials[0].deficiencyAllowed', 'a key material cannot be on the 容缺 list'),
    ]);
  });

  it('rejects 容缺 on an on-the-spot item (nothing can follow a decision made at once)', async () => {
    const g = fixtureGuide({
      caseKind: 'on-the-spot',
      statutoryLimitDays: 0,
      promisedLimitDays: 0,
      steps: [fixtureStep({ timeLimitDays: 0 })],
    });
    expect(await problemsFor(g)).toEqual([
      problem(
        'materials[2].deficiencyAllowed',
        'an on-the-spot item (即办件) is decided at once, so nothing can be supplied later (容缺)',
      ),
    ]);
  });
});

describe('time limits', () => {
  it('rejects a promised limit above the statutory limit', async () => {
    expect(await problemsFor(fixtureGuide({ statutoryLimitDays: 10, promisedLimitDays: 12 }))).toEqual([
      problem('promisedLimitDays', 'the promised limit (12) exceeds the statutory limit (10)'),
    ]);
  });

  it('rejects an on-the-spot item (即办件) with limits or several steps', async () => {
    const g = fixtureGuide({ caseKind: 'on-the-spot', materials: [fixtureMaterial()] });
    expect(await problemsFor(g)).toEqual([
      problem('statutoryLimitDays', 'must be 0 for an on-the-spot item (即办件)'),
      problem('promisedLimitDays', 'must be 0 for an on-the-spot item (即办件)'),
      problem('steps', 'an on-the-spot item (即办件) has exactly one step'),
    ]);
  });

  it('rejects a promised item (承诺件) without a limit', async () => {
    const g = fixtureGuide({
      statutoryLimitDays: 0,
      promisedLimitDays: 0,
      steps: [fixtureStep({ timeLimitDays: 0 })],
    });
    expect(await problemsFor(g)).toEqual([
      problem('statutoryLimitDays', 'must be at least 1 working day for a promised item (承诺件)'),
      problem('promisedLimitDays', 'must be at least 1 working day for a promised item (承诺件)'),
    ]);
  });

  it('rejects steps whose limits add up to more than the promised limit', async () => {
    expect(await problemsFor(fixtureGuide({ promisedLimitDays: 4 }))).toEqual([
      problem('steps', "the steps' time limits add up to 5 working days, more than the promised limit (4)"),
    ]);
  });

  it('Administrative Licensing Law Art. 26/42: joint handling is a flag, and only for steps in several departments', async () => {
    expect(await problemsFor(fixtureGuide({ jointHandling: true }))).toEqual([]);
    const oneDepartment = fixtureGuide({ jointHandling: true, steps: [fixtureStep()] });
    expect(await problemsFor(oneDepartment)).toEqual([
      problem('jointHandling', 'joint handling (Art. 26) needs steps in more than one department'),
    ]);
    const notBoolean = { ...fixtureGuide(), jointHandling: 'yes' } as unknown as ServiceGuide;
    expect(await problemsFor(notBoolean)).toEqual([problem('jointHandling', 'must be a boolean value')]);
  });

  it('rejects negative and fractional limits', async () => {
    expect(await problemsFor(fixtureGuide({ statutoryLimitDays: -1, promisedLimitDays: 2.5 }))).toEqual([
      problem('statutoryLimitDays', 'must not be less than 0'),
      problem('promisedLimitDays', 'must be an integer number'),
    ]);
  });
});

describe('GB/T 39046 item types and levels', () => {
  it.each(['11', '1', 'licence'])('rejects item type %s', async (itemType) => {
    expect(await problemsFor({ ...fixtureGuide(), itemType })).toEqual([
      problem('itemType', 'must be a GB/T 39046 A.1 item type: 01–10 or 20'),
    ]);
  });

  it.each([1, 7, '4'])('rejects level %s', async (level) => {
    expect(await problemsFor({ ...fixtureGuide(), level })).toEqual([
      problem('level', 'must be a GB/T 39046 level from 2 (region) to 6 (village)'),
    ]);
  });

  it('rejects an unknown case kind', async () => {
    expect(await problemsFor({ ...fixtureGuide(), caseKind: 'instant' })).toEqual([
      problem('caseKind', 'must be "on-the-spot" (即办件) or "promised" (承诺件)'),
    ]);
  });
});

describe('item codes are checked by a configurable pattern', () => {
  it('rejects a code that does not match the default 31-character implementation code', async () => {
    const code = '11150102DEM000004X4DEM00000090';
    expect(await problemsFor(fixtureGuide({ code }), { file: `${code}/v1.json` })).toEqual([
      {
        file: `${code}/v1.json`,
        item: code,
        field: 'code',
        message:
          'does not match the item code pattern /^[0-9A-HJ-NPQRTUWXY]{18}[1-6][0-9A-HJ-NPQRTUWXY]{12}$/',
      },
    ]);
  });

  it('accepts any code matching a pattern given as an option', async () => {
    const options = { file: 'FOOD-01/v1.json', codePattern: /^[A-Z]+-\d{2}$/ };
    expect(await problemsFor(fixtureGuide({ code: 'FOOD-01' }), options)).toEqual([]);
    expect(await problemsFor(fixtureGuide(), { codePattern: /^[A-Z]+-\d{2}$/ })).toEqual([
      problem('code', 'does not match the item code pattern /^[A-Z]+-\\d{2}$/'),
    ]);
  });
});

describe('fees (Art. 10)', () => {
  it('asks a charged item for its standard and basis', async () => {
    expect(await problemsFor(fixtureGuide({ fee: { charged: true } }))).toEqual([
      problem('fee.standard', 'a charged item needs its fee standard'),
      problem('fee.basis', 'a charged item needs the legal basis of its fee'),
    ]);
  });

  it('rejects a fee standard or online payment on a free item', async () => {
    expect(
      await problemsFor(fixtureGuide({ fee: { charged: false, standard: '10元' }, onlinePayment: true })),
    ).toEqual([
      problem('fee.standard', 'a free item has no fee standard'),
      problem('onlinePayment', 'a free item offers no online payment'),
    ]);
  });
});

describe('unknown fields are rejected', () => {
  it('at the top and inside materials, steps and fee', async () => {
    const g = fixtureGuide();
    const broken = {
      ...g,
      colour: 'red',
      fee: { charged: false, currency: 'CNY' },
      materials: [{ ...g.materials[0], pages: 3 }, ...g.materials.slice(1)],
      steps: [{ ...g.steps[0], sla: 1 }, ...g.steps.slice(1)],
    };
    expect(await problemsFor(broken)).toEqual([
      problem('colour', 'property colour should not exist'),
      problem('fee.currency', 'property currency should not exist'),
      problem('materials[0].pages', 'property pages should not exist'),
      problem('steps[0].sla', 'property sla should not exist'),
    ]);
  });
});

describe('versions (Art. 13)', () => {
  it('asks version 2 and later to say what changed', async () => {
    const file = `${FIXTURE_CODE}/v2.json`;
    const dirWithBoth = { file };
    const problems = await problemsFor(fixtureGuide({ version: 2 }), dirWithBoth);
    expect(problems).toContainEqual({
      file,
      item: FIXTURE_CODE,
      field: 'changeNote',
      message: 'from version 2 on, a guide says what changed and why (Art. 13)',
    });
  });

  it('rejects a malformed effective date', async () => {
    expect(await problemsFor(fixtureGuide({ effectiveFrom: '2024-13-01' }))).toEqual([
      problem('effectiveFrom', 'must be a date YYYY-MM-DD'),
    ]);
  });
});
