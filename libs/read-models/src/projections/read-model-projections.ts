import { casesProjection } from '../cases/cases.projection.js';
import { obligationsProjection } from '../obligations/obligations.projection.js';
import type { CalendarSource } from '../queries/deadline-evaluator.js';
import type { Projection } from '../runner/projection.js';
import { DEFAULT_READ_MODEL_SETTINGS, type ReadModelSettings } from '../settings/read-model-settings.js';
import { tasksProjection } from '../tasks/tasks.projection.js';
import { timelineProjection } from '../timeline/timeline.projection.js';
import { timersProjection } from '../timers/timers.projection.js';

/** Every read model of DOMAIN §6, in the order the runner applies them. */
export function readModelProjections(
  calendar: CalendarSource,
  settings: ReadModelSettings = DEFAULT_READ_MODEL_SETTINGS,
): Projection[] {
  return [
    casesProjection(calendar),
    timelineProjection(),
    tasksProjection(),
    obligationsProjection(),
    timersProjection(calendar, settings.warningWorkingDays),
  ];
}
