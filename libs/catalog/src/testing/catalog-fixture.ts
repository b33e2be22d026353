import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Material, ProcessStep, ServiceGuide } from '../guide.js';
import type { OrgDirectoryData } from '../org.js';

/** A code that matches the default pattern. */
export const FIXTURE_CODE = '11150102DEM000004X4DEM000000901';
export const FIXTURE_FILE = `${FIXTURE_CODE}/v1.json`;

export const fixtureOrg: OrgDirectoryData = {
  halls: [{ id: 'hall-150102', name: '新城区政务服务大厅', divisionCode: '150102', level: 4 }],
  departments: [
    { id: 'dept-a', name: '甲局', level: 4, divisionCode: '150102', hall: 'hall-150102' },
    { id: 'dept-b', name: '乙局', level: 4, divisionCode: '150102', hall: 'hall-150102' },
  ],
};

/** A fixture maker: a fresh object of `defaults`, any field overridden by `over`. */
const overridable =
  <T>(defaults: () => T) =>
  (over: Partial<T> = {}): T => ({ ...defaults(), ...over });

export const fixtureMaterial = overridable<Material>(() => ({
  code: 'premises-proof',
  name: '经营场所使用证明',
  type: 'copy',
  legalBasis: '《示例条例》第一条',
  sourceChannel: 'applicant',
  copies: 1,
  format: 'A4',
  electronicCopyRequired: false,
  key: true,
  deficiencyAllowed: false,
}));

export const fixtureStep = overridable<ProcessStep>(() => ({
  name: 'review',
  label: '审查',
  department: 'dept-a',
  role: 'approver',
  timeLimitDays: 2,
  reviewStandard: '材料齐全',
  result: '审查意见',
}));

/** A complete, valid promised (承诺件) guide with three steps; override any field. */
export const fixtureGuide = overridable<ServiceGuide>(() => ({
  code: FIXTURE_CODE,
  version: 1,
  name: '示例许可',
  itemType: '01',
  level: 4,
  caseKind: 'promised',
  legalBasis: '《示例条例》',
  implementingAgency: '甲局',
  department: 'dept-a',
  acceptanceConditions: '符合条件',
  serviceTarget: ['legal-person'],
  statutoryLimitDays: 20,
  promisedLimitDays: 10,
  resultName: '许可证',
  resultSample: '许可证（样本）',
  fee: { charged: false },
  materials: [
    fixtureMaterial(),
    fixtureMaterial({
      code: 'business-licence',
      name: '营业执照',
      type: 'electronic',
      sourceChannel: 'shared',
      sharedSource: '市场主体登记信息',
      copies: 0,
      format: '共享数据',
      electronicCopyRequired: true,
    }),
    fixtureMaterial({
      code: 'rules',
      name: '管理制度',
      type: 'original',
      key: false,
      deficiencyAllowed: true,
    }),
  ],
  steps: [
    fixtureStep(),
    fixtureStep({ name: 'verification', label: '审核', department: 'dept-b' }),
    fixtureStep({ name: 'decision', label: '审批', role: 'head', timeLimitDays: 1 }),
  ],
  handlingForms: ['window'],
  crossRegionScope: 'none',
  appointment: false,
  onlinePayment: false,
  courierDelivery: false,
  place: '窗口',
  hours: '工作日',
  enquiry: '12345',
  complaint: '12345',
  demo: true,
}));

/** Pass as `org` to leave org.json out. */
export const NO_ORG = Symbol('no org.json');

/** A temporary catalog folder: `files` maps relative paths to JSON values (or raw text); org.json defaults to the fixture org. */
export async function tempCatalog(
  files: Record<string, unknown>,
  org: unknown = fixtureOrg,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'catalog-'));
  const all: Record<string, unknown> = org === NO_ORG ? files : { 'org.json': org, ...files };
  for (const [path, content] of Object.entries(all)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(
      join(dir, path),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  }
  return dir;
}

export async function removeCatalog(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
