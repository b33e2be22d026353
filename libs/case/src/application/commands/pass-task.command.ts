import type { PassTask } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** The holder passes the step: the next step becomes a task. */
export class PassTaskCommand extends CaseCommandMessage<PassTask> {}
