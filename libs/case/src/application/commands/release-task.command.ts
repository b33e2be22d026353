import type { ReleaseTask } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** The holder (or the department head) puts the task back in the queue. */
export class ReleaseTaskCommand extends CaseCommandMessage<ReleaseTask> {}
