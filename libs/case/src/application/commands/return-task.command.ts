import type { ReturnTask } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** The holder returns the case to an earlier step or to the front desk. */
export class ReturnTaskCommand extends CaseCommandMessage<ReturnTask> {}
