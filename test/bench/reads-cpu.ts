/**
 * The CPU each read route's query costs in-process, from the read-model file the bench served
 * (read-only, after its server stopped): microseconds of this process's CPU per call
 * (`process.cpuUsage`, the least of five rounds), which a shared host's run queue does not
 * inflate as it does a latency.
 * The same reads as bench:reads' routes, as the server calls them for the same users.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WorkingCalendar } from '@one-window/calendar';
import { DEMO_USERS } from '@one-window/identity';
import {
  ALL_SCOPE,
  CaseQueries,
  DEFAULT_READ_MODEL_SETTINGS,
  DeadlineEvaluator,
  ObligationQueries,
  READ_MODELS_FILE,
  type ReadScope,
  StatisticsQueries,
  TaskQueries,
  scopeForActor,
} from '@one-window/read-models';
import { cacheStatements } from '../../libs/read-models/src/database/statement-cache.js';

function scopeOf(username: string): ReadScope {
  const user = DEMO_USERS.find((u) => u.username === username)!;
  return scopeForActor({
    userId: user.username,
    name: user.name,
    role: user.role,
    hall: user.hall,
    department: user.department,
  });
}

/** CPU µs per call of each route's read, by the bench's route names. */
export function cpuPerRead(
  dataDir: string,
  routes: { readonly caseId: string; readonly caseNumber: string; readonly idTail: string },
  msPerRead = 1000,
): Record<string, number> {
  const db = new Database(join(dataDir, READ_MODELS_FILE), { readonly: true });
  try {
    db.pragma('cache_size = -65536');
    cacheStatements(db);
    const deadlines = new DeadlineEvaluator(WorkingCalendar.create(), DEFAULT_READ_MODEL_SETTINGS);
    const cases = new CaseQueries(db, deadlines);
    const tasks = new TaskQueries(db, deadlines);
    const statistics = new StatisticsQueries(db);
    const obligations = new ObligationQueries(db);
    const approver = DEMO_USERS.find((u) => u.username === 'approver1')!;
    const reads: Record<string, () => unknown> = {
      case_list_admin: () => cases.list({}, ALL_SCOPE),
      case_list_admin_page_50: () => cases.list({ page: 50, pageSize: 20 }, ALL_SCOPE),
      case_list_clerk: () => cases.list({}, scopeOf('clerk1')),
      list_by_status: () => cases.list({ status: 'backOffice.underReview' }, ALL_SCOPE),
      list_by_received_range: () =>
        cases.list({ receivedFrom: '2025-06-01', receivedTo: '2025-06-30' }, ALL_SCOPE),
      search_applicant_name: () => cases.list({ q: '王伟' }, ALL_SCOPE),
      search_case_number: () => cases.list({ q: routes.caseNumber.slice(0, -2) }, ALL_SCOPE),
      search_id_number: () => cases.list({ idNumber: routes.idTail }, ALL_SCOPE),
      statistics_month: () =>
        statistics.statistics({ from: '2025-06-01', to: '2025-06-30', groupBy: 'item' }, ALL_SCOPE),
      statistics_year: () =>
        statistics.statistics({ from: '2025-01-01', to: '2025-12-31', groupBy: 'department' }, ALL_SCOPE),
      deadline_board: () => cases.deadlineBoard({}, ALL_SCOPE),
      task_queue: () =>
        tasks.queue({ role: 'approver', department: approver.department }, scopeOf('approver1')),
      obligations: () => obligations.list({}, scopeOf('reviewer1')),
      // The read-model part of the detail (the rest folds the case's stream).
      case_detail: () => cases.summary(routes.caseId, ALL_SCOPE),
    };
    const cpu: Record<string, number> = {};
    for (const [name, read] of Object.entries(reads)) {
      for (let i = 0; i < 20; i++) read();
      // The least of five rounds: a round another process shared the core with reads higher.
      let least = Infinity;
      for (let round = 0; round < 5; round++) {
        const before = process.cpuUsage();
        const until = performance.now() + msPerRead / 5;
        let calls = 0;
        while (performance.now() < until) {
          read();
          calls++;
        }
        const used = process.cpuUsage(before);
        least = Math.min(least, (used.user + used.system) / calls);
      }
      cpu[name] = Math.round(least);
    }
    return cpu;
  } finally {
    db.close();
  }
}
