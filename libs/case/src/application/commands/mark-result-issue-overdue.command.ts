import type { MarkResultIssueOverdue } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** Timer: the result was not issued within 10 working days of approval. */
export class MarkResultIssueOverdueCommand extends CaseCommandMessage<MarkResultIssueOverdue> {}
