import type { BenchSubject } from './store-workload.js';

/**
 * More stores for `npm run bench:store` to run alongside the three it always runs (for example the
 * EventStoreDB adapter over its wire fixture, through `eventStoreSubject`). They get a column in the
 * table and an entry in the JSON figures; the ratios stay embedded vs raw and vs emmett.
 */
export const extraStoreSubjects: readonly BenchSubject[] = [];
