import type { ApproveCase } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 准予: the last step approves. */
export class ApproveCaseCommand extends CaseCommandMessage<ApproveCase> {}
