import { type CasePolicy, DEFAULT_CASE_POLICY } from '@one-window/case';
import { DEFAULT_READ_MODEL_SETTINGS, type ReadModelSettings } from '@one-window/read-models';
import type { ServerConfig } from './server-config.js';

/*
 * The durable timers (read side) send DecisionWarning when the read models' warning window opens;
 * the case engine decides it against its own policy and refuses one it thinks too early, so the
 * timer retries for ever. Both figures therefore come from the one WARNING_WORKING_DAYS setting.
 */

/** The case engine's policy, with the server's warning window and per-case file limit (ADR 16). */
export function casePolicyFor(
  config: Pick<ServerConfig, 'warningWorkingDays'> & Partial<Pick<ServerConfig, 'blobs'>>,
): CasePolicy {
  return {
    ...DEFAULT_CASE_POLICY,
    warningWorkingDays: config.warningWorkingDays,
    maxCaseFileBytes: config.blobs?.maxCaseBytes ?? DEFAULT_CASE_POLICY.maxCaseFileBytes,
  };
}

/** The read models' settings, with the same warning window. */
export function readModelSettingsFor(config: Pick<ServerConfig, 'warningWorkingDays'>): ReadModelSettings {
  return { ...DEFAULT_READ_MODEL_SETTINGS, warningWorkingDays: config.warningWorkingDays };
}
