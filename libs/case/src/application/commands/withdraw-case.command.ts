import type { WithdrawCase } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 撤回: the applicant withdraws before the decision (also during a special procedure). */
export class WithdrawCaseCommand extends CaseCommandMessage<WithdrawCase> {}
