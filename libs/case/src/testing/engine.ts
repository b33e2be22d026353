import type { Catalog } from '@one-window/catalog';
import type { EventStore } from '@one-window/event-store';
import type { Clock } from '@one-window/shared';
import { CaseCommandExecutor } from '../application/case-command-executor.js';
import type { CaseCalendarSource } from '../application/tokens.js';
import { DEFAULT_CASE_POLICY } from '../domain/policy.js';
import type { RandomIndex } from '../domain/query-code.js';

/**
 * The case engine on a store outside Nest, as specs and benchmarks drive it: the catalog's guides
 * and directory, the default policy, the calendar given and, for repeatable query codes, a random
 * source of one's own.
 */
export function engineOn(
  store: EventStore,
  clock: Clock,
  catalog: Catalog,
  calendars: CaseCalendarSource,
  random?: RandomIndex,
): CaseCommandExecutor {
  return new CaseCommandExecutor(
    store,
    clock,
    calendars,
    DEFAULT_CASE_POLICY,
    catalog,
    catalog.directory,
    random,
  );
}
