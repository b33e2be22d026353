import type { Command } from 'commander';
import { registerAudit } from './audit.command.js';
import { registerBackup } from './backup.command.js';
import { registerCalendar } from './calendar.command.js';
import { registerCatalog } from './catalog.command.js';
import { registerRebuild } from './rebuild.command.js';
import { registerReplay } from './replay.command.js';
import { registerServe } from './serve.command.js';
import { registerUsers } from './users.command.js';
import { registerVerify } from './verify.command.js';

/** Every `one-window` sub-command registers itself here (one file per command group). */
export const commandRegistrations: ReadonlyArray<(program: Command) => void> = [
  registerServe,
  registerUsers,
  registerCalendar,
  registerCatalog,
  registerReplay,
  registerRebuild,
  registerVerify,
  registerAudit,
  registerBackup,
];
