import type { MarkObligationOverdue } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** Timer: a bad rating's callback or rectification is overdue. */
export class MarkObligationOverdueCommand extends CaseCommandMessage<MarkObligationOverdue> {}
