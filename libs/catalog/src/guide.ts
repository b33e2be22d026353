/**
 * A service guide (办事指南), DOMAIN.md §3 / Art. 10–11. These are the plain data types every
 * part of the system reads; the catalog loader validates them (class-validator) before anything
 * else sees a guide. A guide is versioned: a case keeps the version it was received under.
 */

/** GB/T 39046 A.1 item types. */
export type ItemType = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '20';

/** GB/T 39046 levels 2–6: region, league/city, banner/county, township, village. */
export type Level = 2 | 3 | 4 | 5 | 6;

/** GB/T 39046 A.6: 即办件 decided on the spot, 承诺件 decided within the promised limit. */
export type CaseKind = 'on-the-spot' | 'promised';

export type HandlingForm = 'window' | 'online' | 'mobile' | 'courier';
export type MaterialType = 'original' | 'copy' | 'electronic';
export type SourceChannel = 'applicant' | 'shared' | 'electronic-certificate' | 'intermediary' | 'agency';
export type ApproverRole = 'approver' | 'head';

export interface Material {
  readonly code: string;
  readonly name: string;
  readonly type: MaterialType;
  readonly legalBasis: string;
  readonly sample?: string;
  readonly electronicForm?: string;
  readonly sourceChannel: SourceChannel;
  /** For shared materials: where they are fetched from (data-sharing source or certificate type). */
  readonly sharedSource?: string;
  /** For intermediary materials: the intermediary's category or statutory qualification (Art. 11(4)). */
  readonly intermediary?: string;
  readonly copies: number;
  readonly format: string;
  readonly electronicCopyRequired: boolean;
  /** Key materials cannot be missing at acceptance; only non-key ones on the 容缺 list can. */
  readonly key: boolean;
  /** On the guide's 容缺 list: may be missing at acceptance with a signed commitment. */
  readonly deficiencyAllowed: boolean;
}

export interface ProcessStep {
  /** A stable name, e.g. `review`, `verification`, `decision`. */
  readonly name: string;
  readonly label: string;
  readonly department: string;
  readonly role: ApproverRole;
  /** Working days this step may take. */
  readonly timeLimitDays: number;
  readonly reviewStandard: string;
  readonly result: string;
  /** 常用意见: opinions the step's approver usually writes, offered as choices that fill the opinion field. */
  readonly standardOpinions?: readonly string[];
}

export interface Fee {
  readonly charged: boolean;
  readonly standard?: string;
  readonly basis?: string;
}

export interface ServiceGuide {
  readonly code: string;
  readonly version: number;
  readonly name: string;
  readonly nameEn?: string;
  readonly itemType: ItemType;
  readonly level: Level;
  readonly caseKind: CaseKind;
  readonly legalBasis: string;
  readonly implementingAgency: string;
  /** Department (政务服务机构) whose approvers decide the item. */
  readonly department: string;
  readonly acceptanceConditions: string;
  readonly serviceTarget: readonly ('natural-person' | 'legal-person')[];
  /** Working days; 0 for 即办件. */
  readonly statutoryLimitDays: number;
  /** Working days; ≤ statutory. */
  readonly promisedLimitDays: number;
  readonly resultName: string;
  /** 结果样本 (Art. 10). */
  readonly resultSample: string;
  readonly fee: Fee;
  readonly materials: readonly Material[];
  readonly steps: readonly ProcessStep[];
  readonly handlingForms: readonly HandlingForm[];
  readonly crossRegionScope: 'none' | 'league' | 'region' | 'national';
  readonly appointment: boolean;
  readonly onlinePayment: boolean;
  readonly courierDelivery: boolean;
  /**
   * 联合办理/并联审批 (Law Art. 26): several departments decide the item jointly, so Art. 42 allows
   * 45 + 15 working days instead of 20 + 10. Absent means an ordinary item.
   */
  readonly jointHandling?: boolean;
  readonly place: string;
  readonly hours: string;
  readonly enquiry: string;
  readonly complaint: string;
  /** The day this version takes effect (YYYY-MM-DD, China date); informational. */
  readonly effectiveFrom?: string;
  /** Why this version differs from the previous one (Art. 13); required from version 2 on. */
  readonly changeNote?: string;
  /** True for the demo catalog: names and limits are realistic, codes are not official. */
  readonly demo?: boolean;
  /** For demo guides: which values are demo values rather than checked against the law. */
  readonly demoNote?: string;
}

/** The vocabularies above as values, for validation at every edge (catalog files, HTTP queries). */
export const ITEM_TYPES: readonly ItemType[] = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '20',
];
export const LEVELS: readonly Level[] = [2, 3, 4, 5, 6];
export const CASE_KINDS: readonly CaseKind[] = ['on-the-spot', 'promised'];
export const HANDLING_FORMS: readonly HandlingForm[] = ['window', 'online', 'mobile', 'courier'];
