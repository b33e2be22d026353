/**
 * The shapes the console reads from the API (see /api/docs for the full schemas). What the server
 * passes on unchanged from the read models or the case engine is typed by those libs: type-only
 * imports, erased when SWC compiles the console, so no server code reaches the browser bundle.
 */
import type { AllowedCommand, CaseContext } from '@one-window/case';
import type { CaseSummary, ObligationView, TaskView } from '@one-window/read-models';

export type { AllowedCommand } from '@one-window/case';
export type {
  Bilingual,
  CaseListItem,
  DeadlineBoardItem,
  DueStatus,
  MaterialStatus,
  ObligationView,
  TaskView,
  TimelineEntry,
} from '@one-window/read-models';
export interface CatalogItem {
  readonly code: string;
  readonly version: number;
  readonly name: string;
  readonly nameEn?: string;
  readonly itemType: string;
  readonly level: number;
  readonly caseKind: 'on-the-spot' | 'promised';
  readonly department: string;
  readonly implementingAgency: string;
  readonly statutoryLimitDays: number;
  readonly promisedLimitDays: number;
  readonly charged: boolean;
  readonly steps: number;
}

export interface GuideMaterial {
  readonly code: string;
  readonly name: string;
  readonly type: 'original' | 'copy' | 'electronic';
  readonly sourceChannel: string;
  readonly sharedSource?: string;
  readonly copies: number;
  readonly format: string;
  readonly key: boolean;
  readonly deficiencyAllowed: boolean;
}

export interface GuideStep {
  readonly name: string;
  readonly label: string;
  readonly department: string;
  readonly role: string;
  readonly timeLimitDays: number;
  readonly reviewStandard: string;
  readonly result: string;
  /** 常用意见: opinions the approver of this step picks from (the form fills the opinion field). */
  readonly standardOpinions?: readonly string[];
}

export interface Guide extends Omit<CatalogItem, 'charged' | 'steps'> {
  readonly legalBasis: string;
  readonly acceptanceConditions: string;
  readonly resultName: string;
  readonly fee: { readonly charged: boolean; readonly standard?: string; readonly basis?: string };
  readonly materials: readonly GuideMaterial[];
  readonly steps: readonly GuideStep[];
  readonly courierDelivery: boolean;
  readonly place: string;
  readonly hours: string;
  readonly enquiry: string;
  readonly versions: readonly number[];
}

export interface Directory {
  readonly halls: readonly { id: string; name: string }[];
  readonly departments: readonly { id: string; name: string; hall: string }[];
}

export interface CommandAnswer {
  readonly caseId: string;
  readonly caseNumber?: string;
  readonly state: string;
  readonly revision: number;
  readonly position: number;
  readonly written: boolean;
}

/**
 * GET /api/cases/{id}: the read model's summary plus what the engine says the caller may do now
 * (apps/server/src/reads/case-detail.service.ts; its `decision` is the engine's, not the summary's).
 */
export interface CaseDetail extends Omit<CaseSummary, 'decision'> {
  readonly state: string;
  readonly streamRevision: number;
  readonly allowedCommands: readonly AllowedCommand[];
  readonly currentTaskId: string | null;
  readonly activeSpecialProcedure: number | null;
  readonly returnTargets: readonly string[];
  readonly tasks: readonly TaskView[];
  readonly obligations: readonly ObligationView[];
  readonly acceptanceVoucher: string | null;
  /** The notices the case issued, in order (ADR 0018). */
  readonly notices?: readonly { readonly kind: string; readonly number: string }[];
  /** The applicant's 查询码 (printed on the acceptance notice); null before acceptance and for older cases. */
  readonly queryCode: string | null;
  readonly correction: CaseContext['correction'];
  readonly refusal: CaseContext['refusal'];
  readonly applicant: CaseContext['applicant'];
  readonly agent: CaseContext['agent'];
  /** 容缺受理's supplyBy range today, when it is offered (the latest is the default). */
  readonly deficiencySupplyBy: { readonly earliest: string; readonly latest: string } | null;
}
