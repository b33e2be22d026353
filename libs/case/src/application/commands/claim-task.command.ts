import type { ClaimTask } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** An approver takes a step task from the queue: one holder at a time. */
export class ClaimTaskCommand extends CaseCommandMessage<ClaimTask> {}
