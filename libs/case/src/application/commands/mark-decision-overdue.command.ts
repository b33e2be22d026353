import type { MarkDecisionOverdue } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** Timer: a decision due date has passed (red). */
export class MarkDecisionOverdueCommand extends CaseCommandMessage<MarkDecisionOverdue> {}
