import { WorkingCalendar } from '@one-window/calendar';
import { readModelProjections } from '../projections/read-model-projections.js';
import { DeadlineEvaluator } from '../queries/deadline-evaluator.js';
import { ProjectionRunner } from '../runner/projection-runner.js';
import { DEFAULT_READ_MODEL_SETTINGS } from '../settings/read-model-settings.js';
import { seedGeneratedCases } from './seed.js';
import { openTempReadModels, type TempReadModels } from './temp-read-models.js';

/** Temporary read models holding a generated log, every event projected: what the reads are checked on. */
export interface ProjectedReadModels extends TempReadModels {
  /** The default calendar the projections used. */
  readonly calendar: WorkingCalendar;
  /** Due dates and warnings as the queries evaluate them, on that calendar and the default settings. */
  readonly deadlines: DeadlineEvaluator;
}

export async function openProjectedReadModels(cases: number, seed: number): Promise<ProjectedReadModels> {
  const t = await openTempReadModels();
  await seedGeneratedCases(t.store, cases, { seed });
  const calendar = WorkingCalendar.create();
  await new ProjectionRunner({
    store: t.store,
    db: t.db,
    projections: readModelProjections(calendar),
  }).catchUp();
  return { ...t, calendar, deadlines: new DeadlineEvaluator(calendar, DEFAULT_READ_MODEL_SETTINGS) };
}
