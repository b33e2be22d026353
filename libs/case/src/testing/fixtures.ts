/**
 * Test data for the case engine: a three-step licence guide in the shape the catalog ships, the
 * people of one hall, and the real working-day calendar (chinese-days). Dates are 2026.
 */
import { DEMO_ITEMS, type ServiceGuide } from '@one-window/catalog';
import { WorkingCalendar } from '@one-window/calendar';
import { SYSTEM_ACTOR, type Actor } from '@one-window/shared';
import type { MaterialInput, ReceiveApplication } from '../commands.js';
import type { CaseCalendar } from '../domain/calendar.js';

export const HALL = 'hall-150102';
export const OTHER_HALL = 'hall-150100';
export const DEPT = '150102-market-regulation';
export const OTHER_DEPT = '150102-civil-affairs';

const material = (
  code: string,
  key: boolean,
  deficiencyAllowed: boolean,
  sourceChannel: 'applicant' | 'shared' = 'applicant',
) => ({
  code,
  name: code,
  type: sourceChannel === 'shared' ? ('electronic' as const) : ('original' as const),
  legalBasis: '《中华人民共和国食品安全法》第三十五条',
  sourceChannel,
  ...(sourceChannel === 'shared' ? { sharedSource: '市场主体登记信息' } : {}),
  copies: sourceChannel === 'shared' ? 0 : 1,
  format: 'A4',
  electronicCopyRequired: false,
  key,
  deficiencyAllowed,
});

const step = (name: string, label: string, role: 'approver' | 'head', timeLimitDays: number) => ({
  name,
  label,
  department: DEPT,
  role,
  timeLimitDays,
  reviewStandard: `${label}标准`,
  result: `${label}意见`,
});

export const GUIDE: ServiceGuide = {
  code: '11150102TST000004X4TST000000004',
  version: 2,
  name: '食品经营许可（测试）',
  itemType: '01',
  level: 4,
  caseKind: 'promised',
  legalBasis: '《中华人民共和国食品安全法》第三十五条',
  implementingAgency: '新城区市场监督管理局',
  department: DEPT,
  acceptanceConditions: '已取得营业执照',
  serviceTarget: ['legal-person'],
  statutoryLimitDays: 20,
  promisedLimitDays: 10,
  resultName: '食品经营许可证',
  resultSample: '食品经营许可证（样本）',
  fee: { charged: false },
  materials: [
    material('application', true, false),
    material('business-licence', true, false, 'shared'),
    material('layout', true, false),
    material('safety-rules', false, true),
    material('staff-health', false, true),
  ],
  steps: [
    step('review', '审查', 'approver', 8),
    step('verification', '审核', 'approver', 6),
    step('decision', '审批', 'head', 6),
  ],
  handlingForms: ['window', 'online'],
  crossRegionScope: 'none',
  appointment: false,
  onlinePayment: false,
  courierDelivery: true,
  place: '新城区政务服务大厅',
  hours: '工作日',
  enquiry: '12345',
  complaint: '12345',
  demo: true,
};

/** A one-step guide: the only step approves or denies. */
export const ONE_STEP_GUIDE: ServiceGuide = {
  ...GUIDE,
  code: '11150102TST000004X4TST000000005',
  version: 1,
  name: '个体工商户设立登记（测试）',
  statutoryLimitDays: 15,
  promisedLimitDays: 3,
  courierDelivery: false,
  steps: [step('decision', '审批', 'approver', 3)],
};

export const clerk: Actor = { userId: 'clerk-1', name: '王丽', role: 'clerk', hall: HALL };
export const otherClerk: Actor = { userId: 'clerk-9', name: '张强', role: 'clerk', hall: OTHER_HALL };
export const approver: Actor = { userId: 'appr-1', name: '李明', role: 'approver', department: DEPT };
export const approver2: Actor = { userId: 'appr-2', name: '赵敏', role: 'approver', department: DEPT };
export const outsider: Actor = { userId: 'appr-9', name: '刘洋', role: 'approver', department: OTHER_DEPT };
export const head: Actor = { userId: 'head-1', name: '陈局', role: 'head', department: DEPT };
export const reviewer: Actor = { userId: 'rev-1', name: '孙华', role: 'reviewer', department: DEPT };
export const system: Actor = SYSTEM_ACTOR;
/** The hall's people who send commands to a case: front desk, back office, head, review office. */
export const PEOPLE: readonly Actor[] = [clerk, approver, head, reviewer];

let built: WorkingCalendar | undefined;
const real = () => (built ??= WorkingCalendar.create());
/**
 * The real calendar, built on first use inside a test rather than at import: a mutation tool
 * counts code run at import as covering every test (docs/adr/0014-mutation-testing.md).
 */
export const calendar: CaseCalendar = {
  addWorkingDays: (start, n) => real().addWorkingDays(start, n),
  workingDaysBetween: (from, to) => real().workingDaysBetween(from, to),
  isWorkingDay: (date) => real().isWorkingDay(date),
  covers: (year) => real().covers(year),
  coverage: () => real().coverage(),
  reckon: (compute, options) => real().reckon(compute, options),
};

/** The applicant of `application()`: a catering company, a legal person of Hohhot. */
const APPLICANT: ReceiveApplication['applicant'] = {
  kind: 'legal-person',
  name: '呼和浩特市青城餐饮有限公司',
  idType: 'unified-social-credit-code',
  idNumber: '91150102MA00000004',
  phone: '13800000000',
};

/** The applicant of `application()` collecting the result in person (综合窗口出件). */
export const BY_APPLICANT = {
  collectedBy: 'applicant',
  name: '呼和浩特市青城餐饮有限公司',
  idType: 'unified-social-credit-code',
  idNumber: '91150102MA00000004',
} as const;

/** Materials handed in as originals, by code. */
export const originals = (...codes: string[]): MaterialInput[] =>
  codes.map((code) => ({ code, form: 'original' }));

/** A complete application: every applicant material handed in, sharing authorized. */
export const application = (overrides: Partial<ReceiveApplication> = {}): ReceiveApplication => ({
  type: 'ReceiveApplication',
  itemCode: GUIDE.code,
  applicant: { ...APPLICANT },
  channel: 'window',
  materials: [...originals('application', 'layout', 'safety-rules'), { code: 'staff-health', form: 'copy' }],
  sharingAuthorized: true,
  ...overrides,
});

/** Without the two 容缺 materials. */
export const incompleteApplication = (): ReceiveApplication =>
  application({ materials: originals('application', 'layout') });

/** The demo catalog's food-business licence with every material handed in, for specs on the demo catalog. */
export const demoReceipt = (): ReceiveApplication =>
  application({
    itemCode: DEMO_ITEMS.foodBusinessLicence,
    applicant: { ...APPLICANT, name: '青城餐饮有限公司', idType: 'uscc' },
    materials: originals('application', 'layout-and-process', 'safety-rules'),
  });
