// Infrastructure
export * from './database/read-model-database.js';
export type { Projection, ProjectionHandler } from './runner/projection.js';
export { ProjectionRunner, type ProjectionRunnerOptions } from './runner/projection-runner.js';
export * from './runner/runner-types.js';
export type { ProjectionRunnerPort } from './runner/runner-port.js';
export {
  ThreadedProjectionRunner,
  type ThreadedProjectionRunnerOptions,
} from './thread/threaded-projection-runner.js';
export { ReadModelTimeoutError } from './runner/read-model-timeout.error.js';
export { ProjectionFailedError } from './runner/projection-failed.error.js';
export { readModelProjections } from './projections/read-model-projections.js';
export { ReadModels, DEFAULT_READ_WAIT_MS, type ReadModelsOptions } from './read-models.js';
export { DEFAULT_READ_MODEL_SETTINGS, type ReadModelSettings } from './settings/read-model-settings.js';

// Scope and query plumbing
export * from './scope/read-scope.js';
export { OutOfScopeError } from './scope/out-of-scope.error.js';
export { InvalidQueryError } from './queries/invalid-query.error.js';
export type { Page, PageRequest } from './queries/page.js';
export {
  DeadlineEvaluator,
  currentCalendar,
  type DueStatus,
  type CalendarSource,
} from './queries/deadline-evaluator.js';

// Read models
export type { MaterialState, MaterialStatus } from './cases/materials.js';
export type { CaseListItem, CaseSummary, DeadlineBoardItem } from './cases/case-views.js';
export { maskIdNumber, type CaseRegister, type CaseRegisterRow } from './cases/case-register.js';
export {
  CaseQueries,
  type CaseListFilter,
  type BoardDeadline,
  type CasePage,
  type DeadlineBoardFilter,
  type DeadlinePage,
} from './cases/case-queries.js';
export { TimelineQueries, type Timeline, type TimelineEntry } from './timeline/timeline-queries.js';
export { EVENT_TITLES, ROLE_LABELS, describeEvent, type Bilingual } from './timeline/event-labels.js';
export {
  MAX_DUE_WITHIN,
  TASK_SORTS,
  TaskQueries,
  type TaskCounts,
  type TaskPage,
  type TaskQueueFilter,
  type TaskSort,
  type TaskView,
} from './tasks/task-queries.js';
export {
  OBLIGATION_STATUS_FILTERS,
  ObligationQueries,
  type ObligationFilter,
  type ObligationStatusFilter,
  type ObligationView,
} from './obligations/obligation-queries.js';
export {
  StatisticsQueries,
  type Statistics,
  type StatisticsFilter,
  type StatisticsGroupBy,
  type StatisticsRow,
  type RatingFigures,
} from './statistics/statistics-queries.js';
export { GaugeQueries, type DepartmentCount, type DepartmentDeadlines } from './gauges/gauge-queries.js';

// Durable timers
export * from './timers/timer-types.js';
export {
  TIMER_ATTEMPTS_FILE,
  TimerScheduler,
  timerCommandId,
  type TimerSchedulerOptions,
} from './timers/timer-scheduler.js';

// History at a point in time
export {
  caseHistory,
  replay,
  stateView,
  type CaseHistory,
  type HistoryEvent,
  type HistoryOptions,
  type ReplayStep,
} from './history/case-history.js';
