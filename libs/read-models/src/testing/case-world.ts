import { randomUUID } from 'node:crypto';
import { WorkingCalendar } from '@one-window/calendar';
import { type Catalog, demoCatalogDir, loadCatalog } from '@one-window/catalog';
import {
  CaseCommandExecutor,
  type CaseCommand,
  type CaseCommandResult,
  DEFAULT_CASE_POLICY,
} from '@one-window/case';
import { type Actor, ManualClock } from '@one-window/shared';
import { join } from 'node:path';
import { openReadModelDatabase, type ReadModelDb } from '../database/read-model-database.js';
import { ReadModels } from '../read-models.js';
import { caseCommandSender } from './case-command-sender.js';
import type { CommandSender } from '../timers/timer-types.js';
import { DEFAULT_READ_MODEL_SETTINGS, type ReadModelSettings } from '../settings/read-model-settings.js';
import { openTempReadModels, type TempReadModels } from './temp-read-models.js';
import { openForTests } from '../../../../test/support/open-for-tests.js';

/**
 * The real thing, small: an embedded event store, the demo catalog, the case engine's command
 * executor (decide + append with expected revision + idempotency) on a ManualClock, and the
 * read models over a SQLite file — for tests that read like the rules.
 */
export interface CaseWorld extends TempReadModels {
  readonly clock: ManualClock;
  /** The current calendar (what an administrator's loads made it). */
  readonly calendar: WorkingCalendar;
  /** As if an administrator loaded a year: every executor and read model sees the new calendar. */
  useCalendar(calendar: WorkingCalendar): void;
  readonly catalog: Catalog;
  readonly executor: CaseCommandExecutor;
  readonly readModels: ReadModels;
  /** Sends a command as `actor` (a fresh command id unless given). */
  send(command: CaseCommand, actor: Actor, commandId?: string): Promise<CaseCommandResult>;
  /** Applies everything in the log to the read models (the runner is not following live). */
  settle(): Promise<void>;
  /** Another command executor on the same store. */
  newExecutor(): CaseCommandExecutor;
  /** The scheduler's door to the case engine (SYSTEM_ACTOR, deterministic command ids). */
  sender(executor?: CaseCommandExecutor): CommandSender;
  /** A second server instance: its own executor and its own read-model file, over the same event store. */
  newInstance(name: string): CaseWorldInstance;
}

export interface CaseWorldInstance {
  readonly executor: CaseCommandExecutor;
  readonly db: ReadModelDb;
  readonly readModels: ReadModels;
  readonly sender: CommandSender;
}

export async function openCaseWorld(
  options: { start?: string; settings?: ReadModelSettings } = {},
): Promise<CaseWorld> {
  const temp = await openTempReadModels('one-window-case-world-');
  const clock = new ManualClock(options.start ?? '2026-03-02T01:30:00Z');
  let current = WorkingCalendar.create();
  const calendar = () => current;
  const catalog = await loadCatalog(demoCatalogDir());
  const newExecutor = (): CaseCommandExecutor =>
    new CaseCommandExecutor(temp.store, clock, { calendar }, DEFAULT_CASE_POLICY, catalog, catalog.directory);
  const executor = newExecutor();
  const settings = options.settings ?? DEFAULT_READ_MODEL_SETTINGS;
  const readModels = new ReadModels({ store: temp.store, db: temp.db, calendar, clock, settings });
  const sender = (through: CaseCommandExecutor = executor): CommandSender =>
    caseCommandSender({ send: (command, meta) => through.execute(command, meta) });
  const instances: ReadModelDb[] = [];
  return {
    ...temp,
    clock,
    get calendar() {
      return current;
    },
    useCalendar: (next) => {
      current = next;
    },
    catalog,
    executor,
    readModels,
    newExecutor,
    sender,
    newInstance: (name) => {
      const db = openReadModelDatabase({ dataDir: join(temp.dataDir, name) });
      instances.push(db);
      const own = newExecutor();
      return {
        executor: own,
        db,
        readModels: new ReadModels({ store: temp.store, db, calendar, clock, settings }),
        sender: sender(own),
      };
    },
    dispose: async () => {
      for (const db of instances) if (db.open) db.close();
      await temp.dispose();
    },
    send: (command, actor, commandId = randomUUID()) => executor.execute(command, { actor, commandId }),
    settle: async () => {
      await readModels.runner.catchUp();
    },
  };
}

/**
 * A fresh case world for each test of the enclosing `describe`, opened before it and disposed
 * after it; the returned world stands for the current test's (call it only inside a test).
 */
export function caseWorldPerTest(options: Parameters<typeof openCaseWorld>[0] = {}): CaseWorld {
  return openForTests('each', () => openCaseWorld(options));
}
