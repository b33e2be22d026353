import type { Level } from './guide.js';

/**
 * The organisation directory (DOMAIN.md §2): halls where clerks receive applications and
 * departments (政务服务机构) whose approvers decide items. Guides refer to departments by id.
 */
export interface Hall {
  /** Stable id, e.g. `hall-150102`; a clerk's `Actor.hall`. */
  readonly id: string;
  readonly name: string;
  /** 6-digit administrative division code of the division the hall serves (township and village halls use their banner's code). */
  readonly divisionCode: string;
  readonly level: Level;
  /** The hall's enquiry phone, printed on the notices it issues. */
  readonly phone?: string;
  readonly address?: string;
}

export interface Department {
  /** Stable id, e.g. `150102-market-regulation`; an approver's `Actor.department`. */
  readonly id: string;
  readonly name: string;
  readonly level: Level;
  readonly divisionCode: string;
  /** The hall whose back office the department works in. */
  readonly hall: string;
  /**
   * Who hears an administrative reconsideration of the department's decisions (行政复议机关: for a
   * department of a local government, that government, Administrative Reconsideration Law 2023
   * Art. 24) and the court of first instance; named on a refusal notice.
   */
  readonly reviewAuthority?: string;
  readonly court?: string;
}

export interface OrgDirectoryData {
  readonly halls: readonly Hall[];
  readonly departments: readonly Department[];
  readonly demo?: boolean;
}
