/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- API answers are inspected field by field */
import { randomUUID } from 'node:crypto';
import type { Applicant } from '@one-window/case';
import { DEMO_ITEMS } from '@one-window/catalog';
import { windowReceipt } from '../../../../libs/read-models/src/testing/world-steps.js';
import { type Answer, call, login } from './http.js';

export const DEMO_USERNAMES = [
  'clerk1',
  'clerk2',
  'approver1',
  'approver2',
  'approver3',
  'head1',
  'reviewer1',
  'admin',
] as const;
export type DemoUser = (typeof DEMO_USERNAMES)[number];

export const APPLICANT = {
  kind: 'legal-person',
  name: '呼和浩特市青城餐饮有限公司',
  idType: 'uscc',
  idNumber: '91150102MA00000017',
  phone: '0471-6600000',
};

/** 确认领取 by the applicant in person (the body of POST …/deliver after a window hand-out). */
export const PICKUP_BY_APPLICANT = {
  recipient: {
    collectedBy: 'applicant',
    name: APPLICANT.name,
    idType: APPLICANT.idType,
    idNumber: APPLICANT.idNumber,
  },
};

/** The applicant's own materials of the demo food licence (its shared ones fetched with authorization). */
export const FOOD_LICENCE_MATERIALS = [
  { code: 'application', form: 'original' },
  { code: 'layout-and-process', form: 'original' },
  { code: 'safety-rules', form: 'original' },
];

/** A scan attached to a material: its hash in the blob store and the name the clerk sees. */
export interface AttachedFile {
  readonly sha256: string;
  readonly name: string;
}

/**
 * A complete receipt of the demo food licence, as the desk sends it; `files[i]` are the scans
 * attached to its i-th material (none where absent or empty).
 */
export function foodLicenceReceipt(applicant: Partial<typeof APPLICANT> = {}, files: AttachedFile[][] = []) {
  return {
    itemCode: DEMO_ITEMS.foodBusinessLicence,
    applicant: { ...APPLICANT, ...applicant },
    channel: 'window',
    materials: FOOD_LICENCE_MATERIALS.map((m, i): { code: string; form: string; files?: AttachedFile[] } =>
      files[i]?.length ? { ...m, files: files[i] } : { ...m },
    ),
    sharingAuthorized: true,
  };
}

export interface ReceiptOptions {
  readonly leaveOut?: string[];
  readonly greenChannel?: boolean;
  readonly applicant?: Partial<typeof APPLICANT>;
}

/** The API as the people at a hall use it: one signed-in session per demo user. */
export class ApiWorld {
  private constructor(
    readonly base: string,
    private readonly tokens: Record<DemoUser, string>,
  ) {}

  static async signIn(base: string): Promise<ApiWorld> {
    const entries = await Promise.all(DEMO_USERNAMES.map(async (u) => [u, await login(base, u)] as const));
    return new ApiWorld(base, Object.fromEntries(entries) as Record<DemoUser, string>);
  }

  token(user: DemoUser): string {
    return this.tokens[user];
  }

  as(
    user: DemoUser,
    method: string,
    path: string,
    body?: unknown,
    key: string = randomUUID(),
  ): Promise<Answer> {
    return call(this.base, method, path, {
      token: this.tokens[user],
      ...(body === undefined ? {} : { body }),
      headers: method === 'GET' ? {} : { 'idempotency-key': key },
    });
  }

  /** A command that must succeed; returns its answer. */
  async ok(user: DemoUser, path: string, body: unknown = {}): Promise<any> {
    const res = await this.as(user, 'POST', path, body);
    if (res.status >= 300) throw new Error(`${user} POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A read that waits for the given command answer's position. */
  async read(user: DemoUser, path: string, after?: { position: number }): Promise<any> {
    const sep = path.includes('?') ? '&' : '?';
    const res = await this.as(user, 'GET', after ? `${path}${sep}minPosition=${after.position}` : path);
    if (res.status !== 200) throw new Error(`${user} GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async guide(code: string): Promise<any> {
    return this.read('clerk1', `/api/catalog/items/${code}`);
  }

  /**
   * The receipt the desk sends for `itemCode`: every applicant-supplied material except `leaveOut`,
   * from the demo applicant (with `applicant`'s fields instead).
   */
  async receipt(itemCode: string, options: ReceiptOptions = {}) {
    const guide = await this.guide(itemCode);
    const materials = guide.materials
      .filter((m: any) => m.sourceChannel !== 'shared' && m.sourceChannel !== 'electronic-certificate')
      .filter((m: any) => !(options.leaveOut ?? []).includes(m.code))
      .map((m: any) => ({ code: m.code, form: m.type }));
    // The engine's window receipt (the generator's, its command type aside): the HTTP body of POST /api/cases.
    const { type: _command, ...body } = windowReceipt(itemCode, materials, {
      applicant: { ...APPLICANT, ...options.applicant } as Partial<Applicant>,
      greenChannel: options.greenChannel,
    });
    return body;
  }

  /** Receives an application with every applicant-supplied material except `leaveOut`. */
  async receive(itemCode: string, options: ReceiptOptions & { clerk?: DemoUser } = {}) {
    return this.ok(options.clerk ?? 'clerk1', '/api/cases', await this.receipt(itemCode, options));
  }

  /** The current task of a case, claimed by `user`. */
  async claimCurrent(
    user: DemoUser,
    caseId: string,
    after: { position: number },
  ): Promise<{ taskId: string; answer: any }> {
    const detail = await this.read(user, `/api/cases/${caseId}`, after);
    const taskId = detail.currentTaskId as string;
    return { taskId, answer: await this.ok(user, `/api/tasks/${taskId}/claim`) };
  }

  /** Claims and passes the current step. */
  async passStep(
    user: DemoUser,
    caseId: string,
    after: { position: number },
    opinion = '材料齐全，同意',
  ): Promise<any> {
    const { taskId } = await this.claimCurrent(user, caseId, after);
    return this.ok(user, `/api/tasks/${taskId}/pass`, { opinion });
  }

  /** An unemployment registration decided on the spot, issued and dispatched at the window: ready for 确认领取. */
  async atTheWindow(): Promise<{ caseId: string; position: number }> {
    const { caseId } = (await this.receive(DEMO_ITEMS.unemploymentRegistration)) as { caseId: string };
    const accepted = await this.ok('clerk1', `/api/cases/${caseId}/accept`);
    await this.claimCurrent('approver3', caseId, accepted);
    await this.ok('approver3', `/api/cases/${caseId}/approve`, { opinion: '符合条件' });
    await this.ok('clerk1', `/api/cases/${caseId}/issue-result`, {
      certificateNumber: 'SY-1',
      electronic: true,
    });
    const dispatched = await this.ok('clerk1', `/api/cases/${caseId}/dispatch`, { method: 'window' });
    return { caseId, position: dispatched.position as number };
  }

  /** Waits until the read models show all the store holds (events written past the engine, by a seed). */
  async caughtUp(store: { headPosition(): Promise<number | null> }): Promise<void> {
    await this.read('admin', '/api/cases', { position: (await store.headPosition()) ?? 0 });
  }
}

export { DEMO_ITEMS };
