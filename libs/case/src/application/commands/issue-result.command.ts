import type { IssueResult } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** The result is issued (electronic seal / certificate), within 10 working days (Art. 44). */
export class IssueResultCommand extends CaseCommandMessage<IssueResult> {}
