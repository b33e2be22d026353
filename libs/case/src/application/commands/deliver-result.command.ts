import type { DeliverResult } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** The applicant has the result: the case is completed (办结). */
export class DeliverResultCommand extends CaseCommandMessage<DeliverResult> {}
