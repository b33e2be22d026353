import { casesProjection } from '../cases/cases.projection.js';
import { obligationsProjection } from '../obligations/obligations.projection.js';
import type { CalendarSource } from '../queries/deadline-evaluator.js';
import type { Projection } from '../runner/projection.js';
import { tasksProjection } from '../tasks/tasks.projection.js';

/**
 * Every read model of DOMAIN §6. A case's timeline is its own stream (TimelineQueries), and the
 * durable timers read their deadlines from these rows (DueDeadlines): neither copies the log.
 */
export function readModelProjections(calendar: CalendarSource): Projection[] {
  return [casesProjection(calendar), tasksProjection(), obligationsProjection()];
}
