import { DEFAULT_WARNING_POLICY } from '@one-window/calendar';

/** Local settings the read side uses (DOMAIN "configurable"). */
export interface ReadModelSettings {
  /** Yellow when a decision due date is this many working days away or fewer. */
  readonly warningWorkingDays: number;
}

export const DEFAULT_READ_MODEL_SETTINGS: ReadModelSettings = {
  warningWorkingDays: DEFAULT_WARNING_POLICY.yellowWithinWorkingDays,
};
